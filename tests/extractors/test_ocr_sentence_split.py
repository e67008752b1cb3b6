"""A scanned sentence that Tesseract cut into two paragraphs is one paragraph again (session 27's
leftover: "… chưa niêm yết công khai thủ tục hành chính tại Bộ phận" / "một cửa; một số hồ sơ còn
trễ hạn", so the finding ended at "tại Bộ phận"). Tesseract starts a new block where two lines
stand further apart than the page's spacing; the scan rendered here sets the sentence's second
line a line and a half lower, as an uneven scan does, and Tesseract splits it there. The join
(extractors/ocr.py `joined_runs`) reads the break by the wrapped-line rule of core/wrapping.py
and by the page: below, in the same column, close. Where it must not join is checked on lines
laid out by hand (no OCR needed) and on a scan whose second half stands far below."""

from __future__ import annotations

from pathlib import Path

from core.settings import Settings
from extractors import read
from extractors.ocr import MAX_JOIN_GAP, joined_runs
from extractors.ocr_order import Line, Word
from nlp.extract import extract

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SIZE = 40
SPLIT = ("Tuy nhiên, xã Cam Nghĩa chưa niêm yết công khai thủ tục hành chính tại Bộ phận",
         "một cửa; một số hồ sơ còn trễ hạn so với quy định.")


def _scan(path: Path, rows: list[tuple[str, int, int]]) -> Path:
    """A 300 dpi page: each row (text, left, extra space above it) below the one before at 1.5
    lines' spacing."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (2480, 3508), 255)
    draw, font = ImageDraw.Draw(image), ImageFont.truetype(FONT, SIZE)
    y = 200
    for text, left, gap in rows:
        y += gap
        draw.text((left, y), text, font=font, fill=0)
        y += int(SIZE * 1.5)
    image.save(path, dpi=(300, 300))
    return path


def _notice(gap: int) -> list[tuple[str, int, int]]:
    return [("THÔNG BÁO", 1000, 0),
            ("Kết quả kiểm tra công tác cải cách hành chính tại xã Cam Nghĩa", 500, 20),
            ("Ngày 12/5/2022, Đoàn kiểm tra của UBND huyện Cam Lộ đã kiểm tra công tác cải cách", 250, 80),
            ("hành chính tại UBND xã Cam Nghĩa.", 150, 0),
            (SPLIT[0], 250, 60), (SPLIT[1], 150, gap),
            ("Đề nghị UBND xã Cam Nghĩa niêm yết đầy đủ các thủ tục hành chính.", 250, 60)]


def test_a_sentence_split_across_two_scanned_paragraphs_is_one_finding(tmp_path: Path,
                                                                       settings: Settings) -> None:
    document = read(_scan(tmp_path / "thong-bao.png", _notice(100)), settings=settings)
    paragraphs = document.text.split("\n\n")
    assert " ".join(SPLIT) in paragraphs  # one paragraph, joined by a space
    # The other breaks stay: the title over an uppercase line, each sentence ended by its stop
    assert paragraphs[:2] == ["THÔNG BÁO", "Kết quả kiểm tra công tác cải cách hành chính tại xã Cam Nghĩa"]
    assert len(paragraphs) == 5 and paragraphs[-1].startswith("Đề nghị")
    findings = [f.text for f in extract(document).findings]
    # The finding names the place whole (the semicolon still parts two findings, as in text)
    assert "xã Cam Nghĩa chưa niêm yết công khai thủ tục hành chính tại Bộ phận một cửa" in findings, findings


def test_a_paragraph_far_below_is_not_joined(tmp_path: Path, settings: Settings) -> None:
    document = read(_scan(tmp_path / "xa.png", [(SPLIT[0], 250, 0), (SPLIT[1], 150, 700)]),
                    settings=settings)
    assert document.text.split("\n\n") == list(SPLIT)


def _line(text: str, left: int, top: int, height: int = 34) -> Line:
    words, x = [], left
    for word in text.split():
        words.append(Word(word, x, top, 20 * len(word), height, 95.0))
        x += 20 * len(word) + 12
    return words


def _texts(paragraphs: list[list[Line]]) -> list[str]:
    return [" ".join(w.text for line in p for w in line) for p in paragraphs]


def test_where_a_break_is_kept() -> None:
    below = 60 + 34  # the next paragraph's top: a line and a half below
    cases = {
        "a closed sentence": ("Xã chưa niêm yết thủ tục.", "một số hồ sơ còn trễ hạn"),
        "a colon before a list": ("Tồn tại, hạn chế:", "một số hồ sơ còn trễ hạn"),
        "a capital": ("Xã Cam Nghĩa chưa niêm yết tại Bộ phận", "Một cửa còn thiếu bảng"),
        "a list item": ("Xã Cam Nghĩa chưa niêm yết tại Bộ phận", "- một số hồ sơ còn trễ hạn"),
        "a heading in capitals": ("II. TỒN TẠI, HẠN CHẾ", "một số hồ sơ còn trễ hạn"),
    }
    for why, (first, second) in cases.items():
        paragraphs = [[_line(first, 250, 600)], [_line(second, 150, 600 + below)]]
        assert _texts(joined_runs(paragraphs)) == [first, second], why
    first, second = SPLIT
    # beside it (a column, a cell), not below
    assert len(joined_runs([[_line(first[:30], 150, 600)], [_line(second, 1500, 600)]])) == 2
    # too far below: the layout set it apart
    far = 600 + 34 + int(MAX_JOIN_GAP * 34) + 10
    assert len(joined_runs([[_line(first, 250, 600)], [_line(second, 150, far)]])) == 2
    # below, across the same column, close: joined, the lines kept in order
    assert _texts(joined_runs([[_line(first, 250, 600)], [_line(second, 150, 600 + below)]])) == [
        f"{first} {second}"]
