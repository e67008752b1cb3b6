"""Text once mis-decoded and saved again (session 26): UTF-8 read as windows-1252 ("BÃ¡o cÃ¡o")
was stored as it was, with no finding and nothing said; it is mended now (extractors.encoding:
text_quality.repair_utf8_read_as_1252), and a text still holding the symbols of mis-decoded
Vietnamese after every repair is stored with a warning the run lists on one line naming the file
(a reader's warnings were logged only, at a level the CLI shows with -v). Fixtures written for
these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from extractors import read
from extractors.text_quality import misdecoded_warning, repair_utf8_read_as_1252
from pipeline.cli import cli

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
    assert document.source.reader == "txt.utf-8+utf-8-as-cp1252" and not document.warnings
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
    assert misdecoded_warning(text) is None


def one_line_naming(tmp_path: Path, data: bytes) -> str:
    """`kiemtra ingest` of an inbox holding `data` as sai-ma.txt beside a right text: both stored,
    and the one line it says of them."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "sai-ma.txt").write_bytes(data)
    (inbox / "dung.txt").write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "k.db"), "ingest", str(inbox), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("2 new, 0 changed, 0 skipped, 0 failed")
    [line] = result.stderr.splitlines()
    return line


def test_text_still_misdecoded_is_stored_with_one_line_naming_it(tmp_path: Path) -> None:
    """Bytes of an old font encoding no reader recognises, read as windows-1258: "ki»m", "ch°a"."""
    line = one_line_naming(tmp_path, b"B\xe1o c\xe1o ki\xbbm tra c\xe1i c\xe1ch h\xe0nh ch\xednh. "
                                     b"Tuy nhi\xean x\xe3 ch\xb0a ni\xeam y\xbft th\xf1 t\xf6c.\n")
    inbox = tmp_path / "inbox"
    assert line.startswith(f"kiemtra: {inbox / 'sai-ma.txt'}: the text, read as cp1258, may be in an encoding"
                           " not recognised:")
    assert "(save it as UTF-8)" in line


def test_the_nightly_summary_lists_the_documents_stored_with_a_warning() -> None:
    """`kiemtra runs RUN` and the flow's artifact print the same run's markdown."""
    from pipeline.process import Outcome
    from pipeline.runs import INGESTED, RunSummary, render_markdown

    summary = RunSummary()
    summary.add(Outcome("/inbox/sai-ma.txt", INGESTED, "k", 1,
                        warnings=("/inbox/sai-ma.txt: the text may be in an encoding not recognised",)),
                "inbox")
    again = RunSummary.from_dict(summary.to_dict())  # as the runs table keeps it
    assert again.problems() == ["/inbox/sai-ma.txt: the text may be in an encoding not recognised"]
    assert ("## Stored with a warning (1)\n\n| file | source | warning |\n|---|---|---|\n"
            "| /inbox/sai-ma.txt | inbox | /inbox/sai-ma.txt: the text may be in an encoding not recognised |"
            ) in render_markdown(again)


# A portal's page as staff save it (session 27): breadcrumbs with and without spaces, a date line
# with "·", a number typed with an Eth for Đ, «quoted» names, an ellipsis, "35°C", a footer's "©".
# Written for these tests.
PORTAL = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Kiểm tra CCHC tại xã Phú Lộc</title></head><body>
<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/tin-tuc">Tin tức</a> »
<a href="/cchc">CCHC</a></div>
<div class="path"><a href="/">Trang chủ</a>»<a href="/tin">Tin tức</a>»<a href="/c">Cải cách</a></div>
<article><h1>Kiểm tra công tác cải cách hành chính tại xã Phú Lộc</h1>
<p class="date">Cập nhật: 12/10/2024 · Lượt xem: 215</p>
<p>Ngày 10/10/2024, Đoàn kiểm tra theo QÐ số 45/QÐ-UBND đã kiểm tra tại UBND xã Phú Lộc.</p>
<p>Xã đã niêm yết công khai thủ tục hành chính tại «Bộ phận một cửa»; tuy nhiên, một số hồ sơ
còn trễ hạn…</p>
<p>Nhiệt độ phòng chờ 35°C, chưa có máy lạnh.</p></article>
<footer>© 2024 Cổng thông tin điện tử huyện Phú Vang. Ghi rõ nguồn «phuvang.gov.vn» khi phát
hành lại.</footer>
</body></html>"""
# The same page's text as a dump keeps its breadcrumbs and footer (lxml's text, a copy and paste)
PORTAL_TEXT = ("Trang chủ»Tin tức - Sự kiện»Cải cách hành chính\nCập nhật: 12/10/2024 · Lượt xem: 215\n"
               "Xã đã niêm yết công khai thủ tục tại «Bộ phận một cửa»; máy scan, máy in…đảm bảo.\n"
               "© 2024 Cổng thông tin điện tử huyện Phú Vang. «phuvang.gov.vn»")
# An old page in a font encoding no reader knows, served as windows-1258: the bytes of the text
# fixture above, a paragraph long
MISDECODED_PAGE = (
    b"<html><head><meta charset='windows-1258'><title>Tin</title></head><body>"
    b"<div class='breadcrumb'>Trang ch\xf1 &raquo; Tin t\xf8c</div><article><p>"
    b"B\xe1o c\xe1o ki\xbbm tra c\xe1i c\xe1ch h\xe0nh ch\xednh n\xe3m 2024. "
    b"Tuy nhi\xean x\xe3 ch\xb0a ni\xeam y\xbft th\xf1 t\xf6c h\xe0nh ch\xednh t\xb5i b\xe9 ph\xb5n "
    b"m\xe9t c\xfda; m\xe9t s\xe8 h\xe5 s\xa1 c\xf2n tr\xd5 h\xb5n, ch\xb0a c\xf3 th\xb0 xin l\xe7i."
    b"</p></article></body></html>")


def test_a_page_s_own_symbols_are_no_mis_decoding() -> None:
    """Breadcrumbs, quotes, degrees, a middle dot, an Eth for Đ, an ellipsis, a copyright: over 2%
    of a short page's characters (the share the warning reads), none of them inside a word."""
    from extractors.text_quality import mojibake_share

    assert mojibake_share(PORTAL_TEXT) > 0.02  # the symbols counted anywhere: a false alarm
    assert misdecoded_warning(PORTAL_TEXT) is None
    for word in ("ki»m", "ch°a", "chÆ°a", "kiá»ƒm"):  # inside a word, each stands for a letter
        assert misdecoded_warning(f"Báo cáo {word} tra") is not None, word


def test_an_html_page_still_misdecoded_is_stored_with_one_line_naming_it(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "tin-sai-ma.html").write_bytes(MISDECODED_PAGE)
    (inbox / "tin-phu-loc.html").write_text(PORTAL, encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "k.db"), "ingest", str(inbox), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("2 new, 0 changed, 0 skipped, 0 failed")
    [line] = result.stderr.splitlines()  # the real page, its symbols read as such, says nothing
    assert line.startswith(f"kiemtra: {inbox / 'tin-sai-ma.html'}: the text, read as cp1258, may be in an"
                           " encoding not recognised:")


def test_letters_lost_at_the_first_reading_are_said_on_one_line_naming_the_file(tmp_path: Path,
                                                                                settings) -> None:
    """ux28's sweep: a text whose first reading lost the bytes windows-1252 leaves undefined (those
    of "Đ" and "ờ") was mended but for those letters ("��ông Hà", "phư��ng": words no search
    finds) and stored as "1 new" with nothing said."""
    text = TEXT.replace("xã Phú Lộc", "phường Đông Hà").replace("xin lỗi", "người dân chờ đợi")
    path = tmp_path / "dong-ha.txt"
    path.write_text(_read_as_1252(text, lost="replace"), encoding="utf-8")
    document = read(path, settings=settings)
    lost = document.text.count("\ufffd")
    assert lost >= 3 and "chưa niêm yết công khai thủ tục hành chính" in document.text
    assert document.warnings == (f"{lost} characters could not be decoded (shown as \ufffd; read as"
                                 " utf-8+utf-8-as-cp1252): the words"
                                 " holding them cannot be found; its findings may be incomplete (save it"
                                 " as UTF-8 from the original)",)
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "kt.db"), "ingest", str(path)])
    assert result.stdout.strip().endswith("1 stored with a warning")
    assert result.stderr == f"kiemtra: {path}: {document.warnings[0]}\n"
    # A page's one or two stray marks are no lost letters
    stray = tmp_path / "stray.txt"
    stray.write_text(TEXT.replace("năm 2024.", "năm 2024 \ufffd."), encoding="utf-8")
    assert read(stray, settings=settings).warnings == ()
