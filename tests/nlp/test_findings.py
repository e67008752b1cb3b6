"""Findings on short reports written for these tests: polarity, spans, lists, sections, filters."""

from core.models import Finding
from nlp.findings import cue_scores, find_findings, polarity_of


def _pairs(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.polarity, f.text) for f in findings]


def test_spans_are_exact_substrings_without_edge_punctuation() -> None:
    text = "Qua kiểm tra, xã Hòa Bình đã niêm yết đầy đủ thủ tục hành chính; phiếu hẹn còn ghi thiếu ngày."
    findings = find_findings(text)
    assert findings
    for f in findings:
        assert text[f.start:f.end] == f.text
        assert f.text == f.text.strip(" ,.;:") and f.units == () and f.theme is None


def test_negated_fault_is_a_strength_but_chua_with_a_merit_is_a_shortcoming() -> None:
    assert polarity_of("Không có hồ sơ quá hạn, không có cán bộ uống rượu trong giờ làm việc") == "strength"
    assert polarity_of("Xã không để xảy ra tình trạng tồn đọng hồ sơ") == "strength"
    assert polarity_of("Bộ phận một cửa chưa thực hiện tốt việc niêm yết thủ tục") == "shortcoming"
    assert polarity_of("Công chức không đeo thẻ khi tiếp công dân") == "shortcoming"


def test_fault_words_inside_a_demand_do_not_make_it_a_shortcoming() -> None:
    scores = cue_scores("Đoàn đề nghị xã khắc phục những hạn chế, thiếu sót đã nêu")
    assert scores.best()[0] == "recommendation"
    assert scores.shortcoming == 0
    assert polarity_of("Kiến nghị huyện thực hiện tốt việc số hóa hồ sơ") == "recommendation"


def test_noun_uses_of_directive_words_are_not_demands() -> None:
    assert polarity_of("Không có ý kiến phản ánh, kiến nghị của người dân về thủ tục") == "strength"
    assert polarity_of("Cơ sở vật chất đáp ứng yêu cầu công việc, bố trí khoa học") == "strength"


def test_tuy_nhien_lead_in_is_dropped_and_semicolon_list_gives_one_finding_each() -> None:
    text = ("Ủy ban nhân dân xã thực hiện tốt việc tiếp nhận hồ sơ. Tuy nhiên, xã còn một số hạn chế như: "
            "sổ theo dõi chưa ghi chép đầy đủ; phiếu hẹn không đánh số; quy chế chi tiêu nội bộ chưa sửa đổi.")
    assert _pairs(find_findings(text)) == [
        ("strength", "Ủy ban nhân dân xã thực hiện tốt việc tiếp nhận hồ sơ"),
        ("shortcoming", "sổ theo dõi chưa ghi chép đầy đủ"),
        ("shortcoming", "phiếu hẹn không đánh số"),
        ("shortcoming", "quy chế chi tiêu nội bộ chưa sửa đổi"),
    ]


def test_list_lead_without_colon_is_dropped() -> None:
    text = "Tuy nhiên, huyện vẫn còn một số tồn tại như phần mềm một cửa chưa liên thông với tỉnh."
    assert _pairs(find_findings(text)) == [("shortcoming", "phần mềm một cửa chưa liên thông với tỉnh")]


def test_items_of_a_demand_list_are_recommendations_even_without_cues() -> None:
    text = ("Đoàn đề nghị xã cần sử dụng chữ ký số; lập hồ sơ công việc; bố trí kho lưu trữ; "
            "cập nhật đầy đủ sổ hộ tịch.")
    findings = find_findings(text)
    assert [f.polarity for f in findings] == ["recommendation"] * 4
    assert findings[1].text == "lập hồ sơ công việc"


def test_report_sections_set_polarity_of_neutral_items() -> None:
    text = ("I. Kết quả đạt được\n\nXã ban hành kế hoạch kiểm tra nội bộ từ tháng 01.\n\n"
            "II. Kiến nghị\n\n1. Bố trí đủ công chức tại bộ phận một cửa.\n\n"
            "2. Triển khai dịch vụ công trực tuyến đến các thôn.")
    assert _pairs(find_findings(text)) == [
        ("strength", "Xã ban hành kế hoạch kiểm tra nội bộ từ tháng 01"),
        ("recommendation", "Bố trí đủ công chức tại bộ phận một cửa"),
        ("recommendation", "Triển khai dịch vụ công trực tuyến đến các thôn"),
    ]


def test_comma_splits_two_subjects_with_their_own_judgement() -> None:
    text = "Xã ứng dụng tốt phần mềm một cửa điện tử, tỷ lệ hồ sơ giải quyết đúng hạn đạt 100%."
    assert _pairs(find_findings(text)) == [
        ("strength", "Xã ứng dụng tốt phần mềm một cửa điện tử"),
        ("strength", "tỷ lệ hồ sơ giải quyết đúng hạn đạt 100%"),
    ]


def test_not_findings_inspection_plans_headlines_and_page_furniture() -> None:
    text = ("Kiểm tra cải cách hành chính tại xã Đông Phong\n\n"
            "Ngày 05/3/2024, Đoàn kiểm tra của huyện đã tiến hành kiểm tra hồ sơ tại xã Đông Phong.\n\n"
            "Thời gian tới, huyện sẽ tiếp tục tăng cường kiểm tra đột xuất.\n\n"
            "Mã xác thực không đúng.\n\nBạn hãy nói không quá nhanh.")
    assert find_findings(text) == []


def test_a_caption_that_judges_is_a_finding_and_a_repeated_one_counts_once() -> None:
    text = ("Sáng 05/3, đoàn kiểm tra làm việc tại xã Đông Phong.\n\n"
            "Cán bộ xã Đông Phong chấp hành nghiêm giờ làm việc\n\n"
            "Cán bộ xã Đông Phong chấp hành nghiêm giờ làm việc.")
    assert _pairs(find_findings(text)) == [("strength", "Cán bộ xã Đông Phong chấp hành nghiêm giờ làm việc")]


def test_areas_are_filled() -> None:
    text = "Tuy nhiên, còn 3 công chức đi muộn; kiosk tra cứu thủ tục chưa cập nhật."
    assert [(f.polarity, f.area) for f in find_findings(text)] == [
        ("shortcoming", "cong_vu"), ("shortcoming", "tthc"),
    ]


def test_a_table_header_row_is_not_a_finding_but_a_judging_row_is() -> None:
    text = ("Ngày 10/5/2023, Đoàn kiểm tra đã làm việc tại các xã. Kết quả như sau.\n\n"
            "Đơn vị | Hồ sơ tiếp nhận | Đúng hạn | Quá hạn | Nhận xét\n\n"
            "Xã Tân An | 412 | 398 | 14 | Còn nhiều hồ sơ đất đai giải quyết quá hạn")
    found = find_findings(text)
    assert not any(f.text.startswith("Đơn vị") for f in found)
    assert any("quá hạn" in f.text and f.polarity == "shortcoming" for f in found)


def test_the_closing_block_of_an_official_document_gives_no_findings() -> None:
    text = ("Ngày 10/5/2023, Đoàn kiểm tra đã làm việc tại UBND xã Tân An.\n\n"
            "II. TỒN TẠI, HẠN CHẾ\n\nXã chưa cấp phiếu hẹn cho công dân khi tiếp nhận hồ sơ.\n\n"
            "III. KIẾN NGHỊ\n\nĐề nghị UBND xã Tân An cấp phiếu hẹn đầy đủ.\n\n"
            "Trên đây là thông báo kết quả kiểm tra cải cách hành chính của UBND huyện./.\n\n"
            "Nơi nhận:\n\n- UBND tỉnh (b/c);\n\n- Sở Nội vụ;\n\n- Lưu: VT, NV.\n\n"
            "TM. ỦY BAN NHÂN DÂN\n\nKT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An")
    found = find_findings(text)
    assert [f.polarity for f in found] == ["shortcoming", "recommendation"]
    assert all("Trên đây" not in f.text and "Sở Nội vụ" not in f.text for f in found)


def test_a_heading_glued_onto_the_previous_paragraph_still_opens_its_section() -> None:
    """OCR and PDF reflow put "2. Tồn tại, hạn chế" at the end of the strengths' last line."""
    text = ("Ngày 10/5/2022, Đoàn kiểm tra đã làm việc tại UBND xã Tân An.\n\n"
            "1. Ưu điểm\n\n- Xã đã công khai số điện thoại đường dây nóng tại Bộ phận một cửa. "
            "2. Tồn tại, hạn chế\n\n- Máy tính tại Bộ phận một cửa đã cũ, thường xuyên hỏng hóc.")
    found = find_findings(text)
    assert [(f.polarity, f.text[:8]) for f in found] == [("strength", "Xã đã cô"), ("shortcoming", "Máy tính")]
