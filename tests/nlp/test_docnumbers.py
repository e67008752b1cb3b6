"""Document numbers on sentences written for these tests."""

from __future__ import annotations

import pytest

from core.models import DocRef
from nlp.docnumbers import find_documents, number_key


def _refs(text: str, published: str | None = None) -> list[DocRef]:
    return [m.ref for m in find_documents(text, published=published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thực hiện Quyết định số 139/QĐ-UBND ngày 20/01/2020 của UBND huyện về việc kiểm tra.",
         DocRef("Quyết định", "139/QĐ-UBND", "2020-01-20", "UBND huyện")),
        ("Căn cứ Quyết định số 93/2007/QĐ-TTg ngày 22 tháng 6 năm 2007 của Thủ tướng Chính phủ.",
         DocRef("Quyết định", "93/2007/QĐ-TTg", "2007-06-22", "Thủ tướng Chính phủ")),
        ("Quán triệt Chỉ thị số 17-CT/TU của Ban Thường vụ Tỉnh ủy.",
         DocRef("Chỉ thị", "17-CT/TU", None, "Ban Thường vụ Tỉnh ủy")),
        ("Theo Kế hoạch 1173/KH-UBND, các xã tự kiểm tra.", DocRef("Kế hoạch", "1173/KH-UBND")),
        ("Công văn số 1234/UBND-VP ngày 05/3/2021 của UBND tỉnh về việc chấn chỉnh.",
         DocRef("Công văn", "1234/UBND-VP", "2021-03-05", "UBND tỉnh")),
        ("Thực hiện Chỉ thị 26 của Thủ tướng Chính phủ, huyện siết chặt kỷ cương.",
         DocRef("Chỉ thị", "26", None, "Thủ tướng Chính phủ")),
        ("Thực hiện chỉ thị 05 của Huyện ủy, xã đã kiểm tra.", DocRef("Chỉ thị", "05", None, "Huyện ủy")),
        ("Quyết định số 30 / 2018 / QĐ - UBND ngày 12 tháng 5 năm 2018 của UBND tỉnh.",
         DocRef("Quyết định", "30/2018/QĐ-UBND", "2018-05-12", "UBND tỉnh")),
        ("Thông tư 01/2018/TT-VPCP hướng dẫn cơ chế một cửa.", DocRef("Thông tư", "01/2018/TT-VPCP")),
        ("Luật số 22/2008/QH12 quy định về cán bộ.", DocRef("Luật", "22/2008/QH12")),
    ],
)
def test_one_citation(text: str, expected: DocRef) -> None:
    assert _refs(text) == [expected]


@pytest.mark.parametrize(
    ("symbol", "kind"),
    [
        ("12/QĐ-UBND", "Quyết định"), ("12/CT-UBND", "Chỉ thị"), ("12/KH-UBND", "Kế hoạch"),
        ("12/2020/NĐ-CP", "Nghị định"), ("12/2020/TT-BNV", "Thông tư"), ("12/TB-VPCP", "Thông báo"),
        ("12/BC-UBND", "Báo cáo"), ("12/TTr-SNV", "Tờ trình"), ("12/NQ-HĐND", "Nghị quyết"),
        ("12/HD-SNV", "Hướng dẫn"), ("12/CTr-UBND", "Chương trình"), ("12/QyĐ-UBND", "Quy định"),
        ("12/QC-UBND", "Quy chế"), ("45-KL/TW", "Kết luận"), ("12-NQ/TU", "Nghị quyết"),
        ("1950/UBND-NC", "Công văn"), ("3733/VPCP-TCCV", "Công văn"),
    ],
)
def test_kind_from_the_symbol_when_no_kind_word(symbol: str, kind: str) -> None:
    assert _refs(f"Thực hiện văn bản số {symbol}, các xã đã triển khai.") == [DocRef(kind, symbol)]
    assert _refs(f"Các xã triển khai theo {symbol} của cấp trên.")[0].kind == kind


def test_kind_word_is_written_canonically() -> None:
    assert _refs("THEO KẾ HOẠCH SỐ 05/KH-UBND")[0].kind == "Kế hoạch"


def test_header_number_takes_the_heading_and_the_signing_date() -> None:
    text = (
        "ỦY BAN NHÂN DÂN TỈNH AN PHÚ\nSố: 30/2018/QĐ-UBND\nAn Phú, ngày 09 tháng 10 năm 2018\n\n"
        "QUYẾT ĐỊNH\nVề việc ban hành quy chế làm việc"
    )
    assert _refs(text, published="2018-10-09") == [DocRef("Quyết định", "30/2018/QĐ-UBND", "2018-10-09")]


def test_header_number_of_a_cong_van() -> None:
    text = ("BỘ NỘI VỤ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
            "Số: 512/BNV-CCHC | Hà Nội, ngày 3 tháng 5 năm 2019 |")
    assert _refs(text, published="2019-05-03") == [DocRef("Công văn", "512/BNV-CCHC", "2019-05-03")]


def test_one_entry_per_number_completed_by_later_citations() -> None:
    text = (
        "Nghị quyết 12-NQ/TU đặt mục tiêu lớn. Huyện triển khai Nghị quyết số 12 - NQ/TU ngày 3/4/2021 "
        "của Tỉnh ủy; Quyết định số 7/QD-UBND và Quyết định số 7/QĐ-UBND là một."
    )
    refs = _refs(text)
    assert [r.number for r in refs] == ["12-NQ/TU", "7/QD-UBND"]
    assert refs[0].date == "2021-04-03"
    assert refs[0].issuer == "Tỉnh ủy"


def test_day_month_document_date_takes_the_publication_year() -> None:
    refs = _refs("Hướng dẫn số 05/HD-SNV ngày 3/2 của Sở Nội vụ.", published="2020-06-01")
    assert refs == [DocRef("Hướng dẫn", "05/HD-SNV", "2020-02-03", "Sở Nội vụ")]


def test_a_date_not_right_after_the_number_is_not_its_date() -> None:
    text = "Thông báo số 239/TB-VPCP về kết luận tại cuộc họp ngày 15 tháng 12 năm 2005."
    assert _refs(text)[0].date is None


@pytest.mark.parametrize(
    "text",
    [
        "Đoàn kiểm tra số 1950 đã làm việc tại xã.",
        "Cơ quan áp dụng TCVN ISO 9001:2015 và ISO 9001:2008.",
        "Thực hiện Luật Cán bộ, công chức và Luật Viên chức.",
        "Báo cáo 6 tháng đầu năm và Kế hoạch 2021 của xã.",
        "Toàn huyện có 158/180 cán bộ, ngày 20/01/2020 họp.",
        "Các xã sử dụng 3-4 chìa khóa; đợt dịch covid - 19 kéo dài.",
    ],
)
def test_not_documents(text: str) -> None:
    assert _refs(text) == []


def test_a_capitalised_word_after_a_dash_is_not_part_of_the_symbol() -> None:
    assert [r.number for r in _refs("Triển khai Chỉ thị 17-CT/TU - Ban Thường vụ nhắc lại.")] == ["17-CT/TU"]


def test_spans_cover_kind_word_and_number() -> None:
    text = "Theo Kế hoạch số 517/KH-UBND ngày 27/02/2020 của UBND huyện."
    (mention,) = find_documents(text)
    assert text[mention.start:mention.end] == "Kế hoạch số 517/KH-UBND"


def test_number_key_ignores_spaces_case_and_d_bar() -> None:
    assert number_key("139 / QĐ - UBND") == number_key("139/QD-UBND")


def test_a_header_number_in_a_flattened_letterhead_takes_the_heading_and_signing_date() -> None:
    text = ("ỦY BAN NHÂN DÂN HUYỆN TÂN LẬP Số: 318/BC-UBND | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
            "BÁO CÁO\n\nKết quả kiểm tra công tác cải cách hành chính")
    [mention] = find_documents(text, published="2023-12-05")
    assert mention.ref.kind == "Báo cáo" and mention.ref.date == "2023-12-05"
