"""A sentence that a PDF page break cuts is one paragraph again (session 28's leftover): each
page is read alone (its text layer reflowed, or OCR'd), so "… tại Bộ phận" at the foot of a page
and "một cửa; một số hồ sơ …" at the head of the next were two paragraphs, and the finding ended
at "tại Bộ phận". The PDFs are made here: a text layer with a running header and "Trang N/3"
footers, and a scan of two pages with no text layer. Where the break must stay (a closed
sentence, a heading, a table, a page number, a capital after it) is checked on parts by hand."""

from __future__ import annotations

from pathlib import Path

from core.settings import Settings
from extractors import read
from extractors._common import Part
from extractors.pdf import joined_across_pages
from nlp.extract import extract
from tests.extractors.reader_fixtures import write_pdf

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
HEADER = "ỦY BAN NHÂN DÂN HUYỆN CAM LỘ"
SPLIT = ("Tuy nhiên, xã Cam Nghĩa chưa niêm yết công khai thủ tục hành chính tại Bộ phận",
         "một cửa; một số hồ sơ còn trễ hạn so với quy định.")
PAGES = [
    ["THÔNG BÁO", "Kết quả kiểm tra công tác cải cách hành chính tại xã Cam Nghĩa",
     "Ngày 12/5/2022, Đoàn kiểm tra đã kiểm tra công tác cải cách hành chính.", SPLIT[0]],
    [SPLIT[1], "Xã đã bố trí đủ công chức làm việc tại Bộ phận một cửa.",
     "II. KIẾN NGHỊ"],
    ["Đề nghị UBND xã Cam Nghĩa niêm yết đầy đủ các thủ tục hành chính."],
]


def _text_pdf(path: Path) -> Path:
    """Three pages, each headed by the office and closed by "Trang N/3" (the running lines the
    layout step removes before the join)."""
    return write_pdf(path, [[HEADER, *lines, f"Trang {n}/3"] for n, lines in enumerate(PAGES, 1)])


def _scanned_pdf(path: Path, foot: str | None = None) -> Path:
    """Two 300 dpi pages as images only: the first ends inside the sentence, the second starts
    with its end; `foot`, with {n} for the page's number, written at each page's foot."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(FONT, 40)
    pages: list[Image.Image] = []
    for lines in (PAGES[0], [*PAGES[1], PAGES[2][0]]):
        image = Image.new("L", (2480, 3508), 255)
        draw, y = ImageDraw.Draw(image), 250
        for line in lines:
            draw.text((250, y), line, font=font, fill=0)
            y += 90
        if foot is not None:
            draw.text((1150, 3250), foot.format(n=len(pages) + 1), font=font, fill=0)
        pages.append(image.convert("RGB"))
    pages[0].save(path, save_all=True, append_images=pages[1:], resolution=300)
    return path


def test_a_sentence_across_a_text_layer_page_break_is_one_paragraph(tmp_path: Path,
                                                                    settings: Settings) -> None:
    document = read(_text_pdf(tmp_path / "thong-bao.pdf"), settings=settings)
    paragraphs = document.text.split("\n\n")
    assert " ".join(SPLIT) in paragraphs
    joined = next(b for b in document.blocks if document.text[b.start:b.end] == " ".join(SPLIT))
    assert joined.page == 1  # the page it starts on
    # The breaks that must stay: the heading closing page 2 and the next page's own sentence
    assert "II. KIẾN NGHỊ" in paragraphs and PAGES[2][0] in paragraphs
    assert not any("Trang" in p for p in paragraphs)
    findings = [f.text for f in extract(document).findings]
    assert any("tại Bộ phận một cửa" in f for f in findings), findings


def test_a_sentence_across_a_scanned_page_break_is_one_paragraph(tmp_path: Path,
                                                                 settings: Settings) -> None:
    document = read(_scanned_pdf(tmp_path / "scan.pdf"), settings=settings)
    assert document.source.reader == "pdf.ocr"
    paragraphs = document.text.split("\n\n")
    assert " ".join(SPLIT) in paragraphs, paragraphs
    assert paragraphs[-2:] == ["II. KIẾN NGHỊ", PAGES[2][0]]  # the heading and the sentence after it


def test_a_page_number_at_the_foot_of_a_scanned_page_does_not_stop_the_join(tmp_path: Path,
                                                                             settings: Settings) -> None:
    """Session 29's leftover: Tesseract reads the footer "Trang 1/2" after the page's last
    paragraph, so the number stood between the sentence's halves and the break stayed. The
    number alone at the foot is dropped where the sentence runs on across it."""
    document = read(_scanned_pdf(tmp_path / "scan.pdf", foot="Trang {n}/2"), settings=settings)
    paragraphs = document.text.split("\n\n")
    assert " ".join(SPLIT) in paragraphs, paragraphs
    assert "Trang 1/2" not in paragraphs
    assert paragraphs[-3:-1] == ["II. KIẾN NGHỊ", PAGES[2][0]]  # page 2's own breaks kept
    findings = [f.text for f in extract(document).findings]
    assert any("tại Bộ phận một cửa" in f for f in findings), findings


def test_where_a_page_number_between_the_halves_is_passed_or_kept() -> None:
    after = _part(SPLIT[1], 2)
    joined = [_part(" ".join(SPLIT), 1)]
    for number in ("Trang 1/2", "- 1 -", "1"):
        assert joined_across_pages([_part(SPLIT[0], 1), _part(number, 1), after]) == joined
    # Read into the paragraph's last line: the same
    assert joined_across_pages([_part(SPLIT[0] + "\nTrang 1/2", 1), after]) == joined
    kept = [_part(SPLIT[0] + ".", 1), _part("Trang 1/2", 1), after]  # a closed sentence
    assert joined_across_pages(kept) == kept
    kept = [_part(SPLIT[0], 1), _part("Trang 1/2", 1), _part("Một cửa chưa cấp phiếu hẹn.", 2)]
    assert joined_across_pages(kept) == kept  # a capital after it
    kept = [_part(SPLIT[0], 1), _part("Trang 2/3", 2), _part(SPLIT[1], 3)]  # the number is not page 1's
    assert joined_across_pages(kept) == kept
    kept = [_part(SPLIT[0], 1), _part("điểm 2 và 3", 1), after]  # not a page number
    assert joined_across_pages(kept)[0] == kept[0]  # the paragraph before it is not joined past it


def _part(text: str, page: int, kind: str = "paragraph") -> Part:
    return (text, page, kind, None)


def test_where_a_page_break_stays() -> None:
    def kept(before: Part, after: Part) -> bool:
        return joined_across_pages([before, after]) == [before, after]

    after = _part(SPLIT[1], 2)
    assert not kept(_part(SPLIT[0], 1), after)  # the run-on itself joins
    assert kept(_part(SPLIT[0] + ".", 1), after)  # a closed sentence
    assert kept(_part(SPLIT[0] + ":", 1), after)  # a list announced
    assert kept(_part("II. KẾT QUẢ KIỂM TRA", 1), after)  # a heading in capitals
    assert kept(_part("Hồ sơ trễ hạn | 12 hồ sơ", 1, "table"), after)  # a table's row
    assert kept(_part(SPLIT[0], 1), _part("một cửa | 12 hồ sơ", 2, "table"))
    assert kept(_part("Trang 1/3", 1), after)  # a page number an OCR'd page kept
    assert kept(_part("- 1 -", 1), after)
    assert kept(_part(SPLIT[0], 1), _part("Một cửa chưa cấp phiếu hẹn.", 2))  # a capital: a new sentence
    assert kept(_part(SPLIT[0], 1), _part("- một số hồ sơ trễ hạn", 2))  # a list item
    assert kept(_part(SPLIT[0], 1), _part(SPLIT[1], 3))  # not the next page
    assert kept(_part(SPLIT[0], 1), _part(SPLIT[1], 1))  # the same page: the reader's own breaks
