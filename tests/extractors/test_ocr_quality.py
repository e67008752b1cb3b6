"""OCR accuracy on a page rendered from text written here, and the CER measure itself."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from benchmarks.scanlib import CONDITIONS, Condition, cer, degrade, levenshtein, render_pages
from core.settings import Settings
from extractors import read
from extractors.ocr import render_dpi
from extractors.ocr_prepare import SPECKLE_SHARE, speckle_share

PAGE_TEXT = """BÁO CÁO KẾT QUẢ KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2024

Thực hiện Kế hoạch số 45/KH-UBND ngày 12/3/2024 của Ủy ban nhân dân huyện, Đoàn kiểm tra đã làm việc với Ủy \
ban nhân dân xã Hòa Bình từ ngày 02/10/2024 đến ngày 04/10/2024.

Qua kiểm tra, Bộ phận tiếp nhận và trả kết quả của xã đã niêm yết công khai đầy đủ thủ tục hành chính; công \
chức có thái độ phục vụ tận tình, chu đáo.

Tuy nhiên, việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn chậm; một số hồ sơ lĩnh vực đất đai \
trễ hạn nhưng chưa có văn bản xin lỗi người dân.

Đoàn kiểm tra đề nghị Chủ tịch Ủy ban nhân dân xã chỉ đạo khắc phục những tồn tại, hạn chế nêu trên và báo \
cáo kết quả trước ngày 30/11/2024."""


def test_levenshtein_counts_edits_of_vietnamese_letters() -> None:
    assert levenshtein("hành chính", "hành chính") == 0
    assert levenshtein("hành chính", "hanh chính") == 1  # one toned letter replaced
    assert levenshtein("xã", "xã Hòa") == 4
    assert levenshtein("", "abc") == 3
    assert levenshtein("kiểm tra", "kiếm trà") == 2


def test_cer_ignores_layout_whitespace_but_not_diacritics() -> None:
    assert cer("Đoàn kiểm tra\n\nlàm việc", "Đoàn  kiểm tra làm việc") == 0.0
    assert cer("trễ hạn", "tre hạn") == pytest.approx(1 / 7)


def test_rendering_makes_a4_pages_at_the_asked_resolution() -> None:
    pages = render_pages(PAGE_TEXT * 8, 200)
    assert len(pages) >= 2
    assert pages[0].size == (round(8.27 * 200), round(11.69 * 200))


def test_despeckle_cleans_a_dusty_scan_and_leaves_clean_print_alone() -> None:
    page = render_pages(PAGE_TEXT, 300)[0]
    assert speckle_share(page) <= SPECKLE_SHARE
    dusty = degrade(page, Condition("dusty", 300, noise=0.004), random.Random(3))
    assert speckle_share(dusty) > SPECKLE_SHARE


@pytest.mark.ocr
def test_cer_of_a_skewed_noisy_300_dpi_page_is_at_most_3_percent(tmp_path: Path, settings: Settings) -> None:
    condition = CONDITIONS["300dpi-scan-pdf"]
    page = degrade(render_pages(PAGE_TEXT, condition.dpi)[0], condition, random.Random(11))
    path = tmp_path / "trang.png"
    page.save(path)
    document = read(path, settings=settings)
    assert cer(PAGE_TEXT, document.text) <= 0.03
    assert "45/KH-UBND" in document.text


def test_a_scanned_pdf_page_is_rendered_at_its_own_resolution_when_lower(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    page = render_pages(PAGE_TEXT, 200)[0]
    path = tmp_path / "scan-200.pdf"
    page.save(path, "PDF", resolution=200)
    pdf = pdfium.PdfDocument(path)
    try:
        assert render_dpi(pdf[0], 300) == 200
        assert render_dpi(pdf[0], 150) == 150  # never above what was asked
    finally:
        pdf.close()
