"""PDF layout: running headers/footers, tables as rows, page numbers, the fast/layout switch."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import ConfigError
from core.settings import Settings
from extractors import read
from extractors.layout import layout_page_indices, remove_running_lines

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
HEADER = "ỦY BAN NHÂN DÂN HUYỆN TÂN LẬP"
PAGE_BODIES = {
    1: ["BÁO CÁO", "Kết quả kiểm tra công tác cải cách hành chính năm 2023 tại các xã",
        "trên địa bàn huyện đã được thực hiện đúng kế hoạch."],
    2: ["Bảng tổng hợp kết quả kiểm tra:"],
    3: ["Ủy ban nhân dân các xã cần khắc phục những tồn tại nêu trên", "trước ngày 30/6/2024."],
}
TABLE = [["Tiêu chí", "Kết quả"], ["Niêm yết thủ tục hành chính", "Đầy đủ"], ["Hồ sơ trễ hạn", "12 hồ sơ"]]


def write_report(path: Path) -> Path:
    """Three A4 pages: the same header on top, "Trang N/3" below, a ruled table on page 2."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Table, TableStyle

    pdfmetrics.registerFont(TTFont("DejaVuSans", FONT))
    width, height = A4
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for number, lines in PAGE_BODIES.items():
        pdf.setFont("DejaVuSans", 11)
        pdf.drawString(60, height - 50, HEADER)
        y = height - 110
        for line in lines:
            pdf.drawString(60, y, line)
            y -= 18
        if number == 2:
            table = Table(TABLE, colWidths=[250, 150])
            table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "DejaVuSans", 11),
                                       ("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0))]))
            _, table_height = table.wrapOn(pdf, width, height)
            table.drawOn(pdf, 60, y - table_height - 10)
            pdf.drawString(60, y - table_height - 40, "Các xã đã cơ bản hoàn thành nhiệm vụ.")
        pdf.drawString(width / 2 - 20, 30, f"Trang {number}/3")
        pdf.showPage()
    pdf.save()
    return path


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_report(tmp_path_factory.mktemp("layout") / "bao-cao.pdf")


def _blocks(path: Path, settings: Settings, mode: str) -> list[tuple[int | None, str, str]]:
    document = read(path, settings=settings.replace(pdf_layout=mode))
    return [(b.page, b.kind, document.text[b.start:b.end]) for b in document.blocks]


def test_header_is_kept_once_as_letterhead_and_footers_go(report: Path, settings: Settings) -> None:
    blocks = _blocks(report, settings, "auto")
    texts = [text for _, _, text in blocks]
    assert texts.count(HEADER) == 1
    assert blocks[0] == (1, "paragraph", HEADER)
    assert not any("Trang" in text for text in texts)


def test_table_page_comes_out_as_rows_in_reading_order(report: Path, settings: Settings) -> None:
    page2 = [(kind, text) for page, kind, text in _blocks(report, settings, "auto") if page == 2]
    assert page2 == [
        ("paragraph", "Bảng tổng hợp kết quả kiểm tra:"),
        ("table", "Tiêu chí | Kết quả"),
        ("table", "Niêm yết thủ tục hành chính | Đầy đủ"),
        ("table", "Hồ sơ trễ hạn | 12 hồ sơ"),
        ("paragraph", "Các xã đã cơ bản hoàn thành nhiệm vụ."),
    ]


def test_every_block_keeps_its_page(report: Path, settings: Settings) -> None:
    pages = {text: page for page, _, text in _blocks(report, settings, "layout")}
    assert pages["BÁO CÁO"] == 1
    assert pages["Hồ sơ trễ hạn | 12 hồ sơ"] == 2
    assert pages["Ủy ban nhân dân các xã cần khắc phục những tồn tại nêu trên trước ngày 30/6/2024."] == 3


def test_fast_mode_flattens_the_table_but_still_drops_running_lines(report: Path, settings: Settings) -> None:
    texts = [text for _, _, text in _blocks(report, settings, "fast")]
    assert not any(" | " in text for text in texts)
    assert any("Niêm yết thủ tục hành chính" in text for text in texts)
    assert texts.count(HEADER) == 1


def test_auto_reads_only_pages_with_enough_rulings() -> None:
    assert layout_page_indices([0, 1, 12, 3], "auto") == [2]
    assert layout_page_indices([0, 1, 12], "fast") == []
    assert layout_page_indices([0, 1], "layout") == [0, 1]
    with pytest.raises(ConfigError):
        layout_page_indices([0], "pretty")


def test_page_numbers_of_every_shape_go_but_numbers_in_sentences_stay() -> None:
    pages = [
        "- 1 -\nNgày 5/3/2024, đoàn kiểm tra làm việc tại xã.\n12",
        "2/4\nHuyện có 12 xã được kiểm tra.\nPage 2 of 4",
        "Trang 3\nNội dung trang ba.\n3",
    ]
    cleaned = remove_running_lines(pages)
    assert cleaned == ["Ngày 5/3/2024, đoàn kiểm tra làm việc tại xã.",
                       "Huyện có 12 xã được kiểm tra.", "Nội dung trang ba."]


def test_a_line_on_only_a_few_pages_is_content() -> None:
    pages = ["Kết luận kiểm tra\nA", "B\nC", "D\nE", "Kết luận kiểm tra\nF"]
    assert remove_running_lines(pages) == pages
