"""Text once mis-decoded and saved again (session 26): UTF-8 read as windows-1252 ("BÃ¡o cÃ¡o")
was stored as it was, with no finding and nothing said; it is mended now (extractors.encoding:
text_quality.repair_utf8_read_as_1252). Fixtures written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors import read
from extractors.text_quality import repair_utf8_read_as_1252

TEXT = ("Báo cáo kết quả kiểm tra công tác cải cách hành chính năm 2024.\n\n"
        "Tuy nhiên, UBND xã Phú Lộc chưa niêm yết công khai thủ tục hành chính tại bộ phận một cửa; "
        "một số hồ sơ của người dân còn trễ hạn, chưa có thư xin lỗi.\n")


def _read_as_1252(text: str, lost: str = "latin-1") -> str:
    """`text`'s UTF-8 bytes read as windows-1252, each byte it leaves undefined as Latin-1 reads it
    (`lost` "latin-1"; a C1 control) or lost ("replace": U+FFFD), as programs do either way."""
    data = text.encode("utf-8")
    if lost == "replace":
        return data.decode("cp1252", errors="replace")
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


def test_utf8_read_as_1252_is_mended(tmp_path: Path, settings) -> None:
    mojibake = _read_as_1252(TEXT)
    assert "Ã¡" in mojibake and "Æ°" in mojibake  # á, ư
    path = tmp_path / "ket-luan.txt"
    path.write_text(mojibake, encoding="utf-8")
    document = read(path, settings=settings)
    assert document.text == TEXT.strip()
    assert document.source.reader == "txt.utf-8+utf-8-as-cp1252"
    page = tmp_path / "tin.html"
    page.write_text(f"<html><head><meta charset='utf-8'><title>Tin</title></head><body><article><p>"
                    f"{mojibake.splitlines()[2]}</p></article></body></html>", encoding="utf-8")
    assert "chưa niêm yết công khai thủ tục hành chính" in read(page, settings=settings).text


def test_a_byte_lost_at_the_first_reading_leaves_the_rest_mended() -> None:
    text = TEXT.replace("xin lỗi", "người dân chờ đợi")  # "ờ" holds the byte 0x9D, undefined in 1252
    mended = repair_utf8_read_as_1252(_read_as_1252(text, lost="replace"))
    assert mended is not None and "chưa niêm yết công khai thủ tục hành chính" in mended


@pytest.mark.parametrize("text", [TEXT, "Café crème brûlée à la carte, naïve façade déjà vu.", "Plain text."])
def test_text_that_is_no_such_mojibake_is_left_alone(text: str) -> None:
    """Unicode Vietnamese is Unicode already; French in Latin-1 letters decodes to no Vietnamese."""
    assert repair_utf8_read_as_1252(text) is None
