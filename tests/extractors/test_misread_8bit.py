"""Vietnamese once read in the wrong 8-bit encoding, saved again, decodes without an error and
was stored as "1 new" with nothing said (session 28's leftover): windows-1258 read as
windows-1252 or Latin-1 ("kêìt quaÒ" for "kết quả": its combining tones read as letters) and
UTF-8 read as windows-1258 ("BĂ¡o cĂ¡o"). Each is mended when the mended text is certainly
Vietnamese (extractors.text_quality.repair_misread), the reader naming the misreading; a text
that cannot be mended for certain is stored with one line naming the file and the encoding
read. Fixtures written for these tests (reader_fixtures.to_cp1258_form writes tones as
windows-1258 does)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors import read
from extractors.text_quality import misdecoded_warning, misread_warning, repair_misread
from tests.extractors.reader_fixtures import to_cp1258_form
from tests.extractors.test_misdecoded import one_line_naming

TEXT = ("Báo cáo kết quả kiểm tra công tác cải cách hành chính năm 2024.\n\n"
        "Tuy nhiên, UBND xã Phú Lộc chưa niêm yết công khai thủ tục hành chính tại bộ phận một cửa; "
        "một số hồ sơ của người dân còn trễ hạn, chưa có thư xin lỗi. Đoàn kiểm tra đề nghị khắc phục.\n")
CP1258 = to_cp1258_form(TEXT).encode("cp1258")


@pytest.mark.parametrize(("misread", "label"), [
    (CP1258.decode("cp1252", errors="replace"), "cp1258-as-cp1252"),
    (CP1258.decode("latin-1"), "cp1258-as-cp1252"),
    # "Đ", "đ" and "ờ" hold bytes windows-1258 leaves undefined (the next test): left out here
    (TEXT.replace("người dân", "công dân").replace("Đoàn kiểm tra đề nghị", "Yêu cầu").encode("utf-8")
     .decode("cp1258"), "utf-8-as-cp1258"),
])
def test_a_text_misread_once_and_saved_again_is_mended(tmp_path: Path, settings, misread: str,
                                                       label: str) -> None:
    assert misdecoded_warning(misread) is not None  # as it was: no syllable but a few
    path = tmp_path / "bao-cao.txt"
    path.write_text(misread, encoding="utf-8")
    document = read(path, settings=settings)
    assert "chưa niêm yết công khai thủ tục hành chính tại bộ phận một cửa" in document.text
    assert document.source.reader == f"txt.utf-8+{label}" and not document.warnings


def test_utf8_read_as_1258_with_bytes_it_lost_is_mended_and_the_loss_said(tmp_path: Path, settings) -> None:
    """windows-1258 leaves bytes undefined (0x81, 0x90 …, those of "ờ" and "Đ"): the letters they
    held are lost, the rest is mended, and the line says how many and which reading."""
    path = tmp_path / "ket-luan.txt"
    path.write_text(TEXT.encode("utf-8").decode("cp1258", errors="replace"), encoding="utf-8")
    document = read(path, settings=settings)
    assert document.source.reader == "txt.utf-8+utf-8-as-cp1258"
    assert "chưa niêm yết công khai thủ tục hành chính tại bộ phận một cửa" in document.text
    [warning] = document.warnings
    assert warning.startswith("6 characters could not be decoded (shown as \ufffd; read as"
                              " utf-8+utf-8-as-cp1258)")


def test_a_misread_text_that_cannot_be_mended_for_certain_is_one_line_naming_the_file(tmp_path: Path) -> None:
    """A misread text with a letter no such reading writes ("Ứng") cannot be undone byte for byte:
    stored, with the line naming the file, the encoding read and words that show it."""
    misread = CP1258.decode("cp1252", errors="replace") + "\nỨng dụng.\n"
    line = one_line_naming(tmp_path, misread.encode("utf-8"))
    inbox = tmp_path / "inbox"
    assert line.startswith(f"kiemtra: {inbox / 'sai-ma.txt'}: the text, read as utf-8, may be in an encoding"
                           " not recognised: ")
    assert "kêìt" in line and line.endswith("(save it as UTF-8)")


@pytest.mark.parametrize("text", [
    TEXT, TEXT.replace("Phú Lộc", "Phú Lộc (Café Hélène, Noël)"),
    "Café crème brûlée à la carte, naïve façade déjà vu, très élégant, où est la gare.",
    "Plain text.", "Ông Nguyễn Văn Hùng, xã Hòa Bình; Đoàn kiểm tra ghi nhận.",
])
def test_text_that_is_no_misreading_is_left_alone(text: str) -> None:
    """Unicode Vietnamese (with a foreign name or two), French in its own letters, ASCII."""
    assert repair_misread(text) is None
    assert misread_warning(text) is None and misdecoded_warning(text, "utf-8") is None
