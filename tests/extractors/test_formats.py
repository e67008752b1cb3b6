from __future__ import annotations

from pathlib import Path

import pytest
from reader_fixtures import REPORT_LINES, write_docx, write_html, write_pdf, write_scanned_pdf

from core.normalize import fold
from extractors import read


def _squash(text: str) -> str:
    """Tolerant comparison for OCR: folded, lower-case, no spaces."""
    return "".join(fold(text).lower().split())


def test_docx_keeps_tables_in_place_and_headers_once(tmp_path: Path, settings) -> None:
    doc = read(write_docx(tmp_path / "bao_cao.docx"), settings=settings)
    texts = [(doc.text[b.start:b.end], b.kind) for b in doc.blocks]
    assert texts[0] == ("ỦY BAN NHÂN DÂN XÃ AN BÌNH", "paragraph")
    assert ("Báo cáo kết quả kiểm tra cải cách hành chính", "heading") in texts
    order = [t for t, _ in texts]
    assert (order.index("Tiêu chí | Kết quả")
            < order.index("Ủy ban nhân dân xã cần chấn chỉnh việc tiếp nhận hồ sơ."))
    assert ("Niêm yết thủ tục hành chính | Đầy đủ", "table") in texts
    assert ("Ủy ban nhân dân xã cần chấn chỉnh việc tiếp nhận hồ sơ.", "list_item") in texts
    assert order.count("ỦY BAN NHÂN DÂN XÃ AN BÌNH") == 1
    assert order[-1] == "Trang chân: lưu hành nội bộ"
    assert doc.source.format == "docx" and doc.source.title == "Báo cáo kết quả kiểm tra cải cách hành chính"


def test_html_main_text_title_and_date(tmp_path: Path, settings) -> None:
    doc = read(write_html(tmp_path / "trang.html"), settings=settings)
    assert "bộ phận tiếp nhận và trả kết quả đã niêm yết công khai" in doc.text
    assert "trễ hạn chưa có văn bản xin lỗi" in doc.text
    assert "Đang online" not in doc.text and "Giới thiệu" not in doc.text
    assert doc.source.title == "Kiểm tra cải cách hành chính tại xã"
    assert doc.source.published == "2021-03-15"
    assert doc.source.reader == "html.trafilatura"


def test_html_windows_1258_honours_meta_charset(tmp_path: Path, settings) -> None:
    utf8 = read(write_html(tmp_path / "a.html"), settings=settings)
    legacy = read(write_html(tmp_path / "b.htm", charset="windows-1258"), settings=settings)
    assert legacy.text == utf8.text


def test_digital_pdf_pages_and_metadata(tmp_path: Path, settings) -> None:
    pages = [["Đoàn kiểm tra cải cách hành chính làm việc với Ủy ban nhân dân xã.",
              "Việc niêm yết công khai thủ tục hành chính được thực hiện đầy đủ."],
             ["Trang hai: một số hồ sơ giải quyết trễ hạn, chưa có văn bản xin lỗi.",
              "Đề nghị xã khắc phục trong quý tới theo đúng quy định hiện hành."]]
    doc = read(write_pdf(tmp_path / "bc.pdf", pages), settings=settings)
    assert doc.source.reader == "pdf.text" and doc.source.pages == 2 and doc.source.ocr_pages == 0
    assert doc.source.title == "Báo cáo kiểm tra cải cách hành chính"
    # The file's CreationDate (set by reportlab) is not a signing date: it must not be taken for one.
    assert doc.source.published is None
    offset = doc.text.index("trễ hạn")
    assert doc.page_at(offset) == 2
    assert doc.page_at(doc.text.index("niêm yết")) == 1


def test_html_named_txt_is_read_as_html(tmp_path: Path, settings) -> None:
    path = tmp_path / "bai.txt"
    path.write_bytes(write_html(tmp_path / "src.html").read_bytes())
    doc = read(path, settings=settings)
    assert doc.source.format == "html" and "<p>" not in doc.text


def test_pdf_named_docx_is_read_as_pdf(tmp_path: Path, settings) -> None:
    pdf = write_pdf(tmp_path / "x.pdf", [["Kết luận kiểm tra công vụ tại Ủy ban nhân dân phường năm nay."]])
    liar = tmp_path / "ket_luan.docx"
    liar.write_bytes(pdf.read_bytes())
    doc = read(liar, settings=settings, doc_id="kl-1")
    assert doc.doc_id == "kl-1" and doc.source.format == "pdf"
    assert "Kết luận kiểm tra công vụ" in doc.text


@pytest.mark.ocr
def test_scanned_pdf_goes_to_ocr(tmp_path: Path, settings) -> None:
    doc = read(write_scanned_pdf(tmp_path / "scan.pdf"), settings=settings)
    assert doc.source.reader == "pdf.ocr" and doc.source.ocr_pages == 1
    squashed = _squash(doc.text)
    assert _squash("phiếu hẹn") in squashed
    assert "139/QĐ-UBND" in doc.text
    assert all(b.page == 1 and b.confidence is not None and b.confidence > 50 for b in doc.blocks)


@pytest.mark.ocr
def test_png_and_multipage_tiff(tmp_path: Path, settings) -> None:
    from reader_fixtures import scanned_image

    png = tmp_path / "trang.png"
    scanned_image().save(png, dpi=(300, 300))
    doc = read(png, settings=settings)
    assert doc.source.format == "image" and "20/01/2020" in doc.text
    tiff = tmp_path / "hai_trang.tif"
    first = scanned_image(REPORT_LINES[:1], angle=-1.0)
    second = scanned_image(REPORT_LINES[1:2], angle=1.0)
    first.save(tiff, save_all=True, append_images=[second], dpi=(300, 300))
    doc = read(tiff, settings=settings)
    assert doc.source.pages == 2
    assert doc.page_at(_index_folded(doc.text, "phieu hen")) == 2


def _index_folded(text: str, needle: str) -> int:
    """Offset of `needle` in `text` compared on folded lower-case (fold keeps length)."""
    return fold(text).lower().index(needle)


def test_reflow_joins_wrapped_lines_but_not_headings_or_items() -> None:
    from extractors.pdf import reflow

    page = ("ỦY BAN NHÂN DÂN HUYỆN\nBÁO CÁO\nĐoàn kiểm tra đã làm việc với\nỦy ban nhân dân xã về"
            " thủ tục.\n- Niêm yết đầy đủ;\n- Trả kết quả đúng hạn.")
    assert reflow(page) == ["ỦY BAN NHÂN DÂN HUYỆN", "BÁO CÁO",
                            "Đoàn kiểm tra đã làm việc với Ủy ban nhân dân xã về thủ tục.",
                            "- Niêm yết đầy đủ;", "- Trả kết quả đúng hạn."]
