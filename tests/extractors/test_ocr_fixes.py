from __future__ import annotations

import pytest

from extractors.ocr_fixes import fix_ocr_text


@pytest.mark.parametrize(("raw", "fixed"), [
    ("Quyết định số 139 / QÐ - UBND", "Quyết định số 139/QĐ-UBND"),
    ("ngày 20 / 0l / 2O20", "ngày 20/01/2020"),
    ("Thông tư số 12 / 2O19 / TT - BNV", "Thông tư số 12/2019/TT-BNV"),
    ("Kế hoạch l45/KH-UBND", "Kế hoạch 145/KH-UBND"),
    ("trong năm 2O2I", "trong năm 2021"),
    ("ÐOÀN KIỂM TRA", "ĐOÀN KIỂM TRA"),
])
def test_document_numbers_and_dates_are_repaired(raw: str, fixed: str) -> None:
    assert fix_ocr_text(raw) == fixed


@pytest.mark.parametrize("text", [
    "Trong 5/ Xã có 15/15 xã đạt yêu cầu",
    "Hello lOl Ill",
    "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018",
    "O Lâm và I-ốt",
])
def test_other_text_is_untouched(text: str) -> None:
    assert fix_ocr_text(text) == text


def test_the_subject_prefix_of_a_letter_is_restored_only_where_it_stands() -> None:
    assert fix_ocr_text("VWw báo cáo kết quả kiểm tra") == "V/v báo cáo kết quả kiểm tra"
    assert fix_ocr_text("Vlv chấn chỉnh việc giải quyết") == "V/v chấn chỉnh việc giải quyết"
    assert fix_ocr_text("Về việc khắc phục") == "Về việc khắc phục"
    assert fix_ocr_text("VWw Báo") == "VWw Báo"  # a subject continues in lower case
    assert fix_ocr_text("xem VWw báo") == "xem VWw báo"  # only at the start of a line
