"""Findings on short reports written for these tests: polarity, spans, lists, sections, filters."""

import pytest

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
            "sổ theo dõi chưa ghi chép đầy đủ; phiếu hẹn không đánh số; "
            "quy chế chi tiêu nội bộ chưa sửa đổi.")
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


def test_a_figures_row_is_a_finding_by_its_remark_alone() -> None:
    """A statistics table's row gives its unit figures and a verdict: the finding is the remark
    cell ("Còn nhiều hồ sơ …"), not the figures, which read as noise without the header; a
    one-word rating ("Tốt") is no finding; a row of criteria with only its number stays whole."""
    text = ("Ngày 10/5/2023, Đoàn kiểm tra đã làm việc tại các xã. Kết quả như sau.\n\n"
            "Đơn vị | Hồ sơ tiếp nhận | Đúng hạn | Quá hạn | Nhận xét\n\n"
            "Xã Tân Phú | 1.126 | 1.126 | 0 | Tốt\n\n"
            "Xã Tân An | 412 | 398 | 14 | Còn nhiều hồ sơ đất đai giải quyết quá hạn\n\n"
            "2 | Niêm yết thủ tục hành chính | Chưa đầy đủ, còn thiếu 5 thủ tục")
    assert _pairs(find_findings(text)) == [
        ("shortcoming", "Còn nhiều hồ sơ đất đai giải quyết quá hạn"),
        ("shortcoming", "Niêm yết thủ tục hành chính | Chưa đầy đủ, còn thiếu 5 thủ tục")]


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
    assert ([(f.polarity, f.text[:8]) for f in found]
            == [("strength", "Xã đã cô"), ("shortcoming", "Máy tính")])


# --- issue 11: resolved, absent and shrinking faults; demands without "đề nghị" -------------------

def test_resolved_faults_are_strengths() -> None:
    assert polarity_of("Phường đã khắc phục xong các tồn tại được chỉ ra trong đợt kiểm tra năm ngoái") \
        == "strength"
    assert polarity_of("Những thiếu sót về sổ theo dõi hồ sơ đã được khắc phục kịp thời") == "strength"
    assert polarity_of("Thị trấn cơ bản đã chấn chỉnh dứt điểm việc niêm yết sai quy định") == "strength"


def test_absent_faults_are_strengths() -> None:
    assert polarity_of("Không còn tình trạng công chức đi làm muộn như những năm trước") == "strength"
    assert polarity_of("Xã không còn hiện tượng người dân phải đi lại nhiều lần để bổ sung hồ sơ") \
        == "strength"


def test_a_fault_that_shrank_is_a_strength() -> None:
    assert polarity_of("Tỷ lệ hồ sơ trễ hạn của huyện đã giảm so với cùng kỳ năm trước") == "strength"
    assert polarity_of("Số vụ vi phạm kỷ luật giảm 3 trường hợp so với năm 2022") == "strength"
    # a fault that grew stays a shortcoming
    assert polarity_of("Số hồ sơ quá hạn tăng so với cùng kỳ, chủ yếu ở lĩnh vực đất đai") == "shortcoming"


def test_broadly_lawful_work_is_a_strength() -> None:
    assert polarity_of("Về cơ bản, xã thực hiện đúng quy định về tiếp nhận hồ sơ") == "strength"


def test_demands_without_de_nghi_are_recommendations() -> None:
    assert polarity_of("Thủ trưởng đơn vị nào để hồ sơ trễ hạn phải chịu trách nhiệm trước Chủ tịch huyện") \
        == "recommendation"
    assert polarity_of("Thời gian tới, tiếp tục duy trì việc công khai thủ tục tại bộ phận một cửa") \
        == "recommendation"
    assert polarity_of("Phát huy hơn nữa vai trò của người đứng đầu trong cải cách hành chính") \
        == "recommendation"
    assert polarity_of("Lãnh đạo xã hướng dẫn các bộ phận sớm khắc phục những hạn chế nêu trên") \
        == "recommendation"
    assert polarity_of("Các phòng chuyên môn khắc phục ngay những thiếu sót đã chỉ ra") == "recommendation"


def test_work_reported_under_way_is_not_a_demand() -> None:
    assert polarity_of("Khu tiếp dân đang được khẩn trương hoàn thiện, bảo đảm thuận lợi cho người dân") \
        != "recommendation"


# --- issue 11: spans ---------------------------------------------------------------------------

_BODY = "Nhìn chung, xã thực hiện tốt việc niêm yết công khai thủ tục hành chính tại bộ phận một cửa."


def test_a_dated_lead_describing_the_visit_is_not_a_finding() -> None:
    text = ("Sáng 14-5, Tổ công tác của huyện làm việc tại UBND phường An Hòa "
            "về công tác cải cách hành chính, "
            "chưa có kết luận cụ thể.\n\n" + _BODY)
    assert _pairs(find_findings(text)) == [("strength", _BODY[:-1])]
    said = ("Ngày 3/9, ông Trần Văn B, Chánh Văn phòng, cho biết huyện chưa tổng hợp số liệu quý III.\n\n"
            + _BODY)
    assert [f.text for f in find_findings(said)] == [_BODY[:-1]]


def test_a_dated_lead_that_judges_stays_a_finding() -> None:
    text = ("Chiều 20-6, Đoàn kiểm tra làm việc tại xã Phú Hòa và đánh giá cao việc giải quyết hồ sơ "
            "đúng hạn của xã.\n\n" + _BODY)
    assert len(find_findings(text)) == 2


def test_a_sites_rights_notice_is_not_a_finding() -> None:
    text = _BODY + "\n\nKhông sao chép dưới mọi hình thức khi chưa có sự đồng ý bằng văn bản của tòa soạn."
    assert [f.text for f in find_findings(text)] == [_BODY[:-1]]


def test_two_word_items_of_a_semicolon_list_are_kept() -> None:
    text = ("Tuy nhiên, bộ phận một cửa còn một số hạn chế như: sổ theo dõi hồ sơ ghi chép chưa đầy đủ; "
            "thiếu ghế; chưa niêm yết.")
    assert [f.text for f in find_findings(text)] == [
        "sổ theo dõi hồ sơ ghi chép chưa đầy đủ", "thiếu ghế", "chưa niêm yết"]


def test_a_run_of_short_negated_faults_after_commas_is_one_finding_each() -> None:
    text = ("Qua kiểm tra, bộ phận một cửa của xã còn hạn chế: chưa niêm yết thủ tục mới, thiếu sổ theo dõi, "
            "không cấp phiếu hẹn.")
    assert _pairs(find_findings(text)) == [
        ("shortcoming", "chưa niêm yết thủ tục mới"),
        ("shortcoming", "thiếu sổ theo dõi"),
        ("shortcoming", "không cấp phiếu hẹn"),
    ]


def test_a_negation_said_again_before_a_clause_opens_a_second_fault() -> None:
    text = ("Tại UBND xã Minh Tân, công chức trực một cửa không mặc đồng phục theo quy định, "
            "không có người hướng dẫn công dân tại khu vực chờ của bộ phận một cửa.")
    assert _pairs(find_findings(text)) == [
        ("shortcoming", "Tại UBND xã Minh Tân, công chức trực một cửa không mặc đồng phục theo quy định"),
        ("shortcoming", "không có người hướng dẫn công dân tại khu vực chờ của bộ phận một cửa"),
    ]
    first, second = find_findings(text)
    assert (first.subject_of, second.subject_of) == (None, first.start)  # the split says: one subject


def test_a_negation_said_again_after_a_list_of_objects_opens_a_second_fault() -> None:
    text = ("Tuy nhiên, bộ phận một cửa của phường còn một số hạn chế: chưa cập nhật sổ theo dõi hồ sơ, "
            "sổ theo dõi thư điện tử, chưa niêm yết số điện thoại đường dây nóng của Chủ tịch phường "
            "tại nơi tiếp nhận hồ sơ.")
    assert _texts(text)[-2:] == [
        "chưa cập nhật sổ theo dõi hồ sơ, sổ theo dõi thư điện tử",
        "chưa niêm yết số điện thoại đường dây nóng của Chủ tịch phường tại nơi tiếp nhận hồ sơ",
    ]


def test_a_short_negation_said_again_is_one_more_side_of_the_same_fault() -> None:
    text = ("Công tác tham mưu của Văn phòng UBND huyện về cải cách hành chính chưa thực sự quyết liệt, "
            "chưa có nhiều đột phá.")
    assert len(find_findings(text)) == 1


def test_a_negation_said_again_under_a_period_of_its_own_is_a_second_fault_however_short() -> None:
    text = ("Phường Tân Mỹ chưa phân công công chức trực tại bộ phận một cửa theo quy định, "
            "năm 2023 chưa ban hành kế hoạch tuyên truyền, kế hoạch kiểm tra cải cách hành chính.")
    assert _pairs(find_findings(text)) == [
        ("shortcoming", "Phường Tân Mỹ chưa phân công công chức trực tại bộ phận một cửa theo quy định"),
        ("shortcoming",
         "năm 2023 chưa ban hành kế hoạch tuyên truyền, kế hoạch kiểm tra cải cách hành chính"),
    ]
    first, second = find_findings(text)
    assert second.subject_of == first.start  # the period's fault is the same subject's
    assert _texts(text.replace("năm 2023 chưa", "năm 2023, chưa"))[1].startswith("năm 2023, chưa ban hành")
    assert _texts(text.replace("năm 2023", "quý 2/2023"))[1].startswith("quý 2/2023 chưa ban hành")


def test_a_period_before_a_negation_said_only_with_its_verb_stays_in_the_fault() -> None:
    text = "Xã chưa cập nhật sổ theo dõi hồ sơ đúng quy định, quý II chưa cập nhật."
    assert len(find_findings(text)) == 1


def test_two_shares_of_one_whole_each_with_its_cause_are_two_findings() -> None:
    text = ("Theo Sở Nội vụ, 70% số hồ sơ trễ hạn là do phần mềm một cửa điện tử lỗi kết nối, "
            "30% còn lại do công chức xử lý chậm, chưa chuyển hồ sơ đúng quy trình.")
    assert _texts(text) == [
        "70% số hồ sơ trễ hạn là do phần mềm một cửa điện tử lỗi kết nối",  # its source left out
        "30% còn lại do công chức xử lý chậm, chưa chuyển hồ sơ đúng quy trình",
    ]


def test_two_equal_shares_split_as_unequal_ones_do() -> None:
    """"50% hồ sơ" said twice names the two halves of one whole, not one thing judged again
    (`_subject_said_again`): the split does not hang on the shares being equal."""
    text = "Qua kiểm tra, {} hồ sơ được giải quyết trước hạn, {} hồ sơ còn lại được giải quyết đúng hạn."
    assert len(find_findings(text.format("60%", "40%"))) == 2
    assert _texts(text.format("50%", "50%")) == [
        "50% hồ sơ được giải quyết trước hạn", "50% hồ sơ còn lại được giải quyết đúng hạn"]


def test_a_share_after_a_clause_with_none_stays_one_statement() -> None:
    text = ("Các xã đã trang bị mạng nội bộ cho bộ phận một cửa, 100% máy tính được kết nối internet "
            "và sử dụng tốt phần mềm quản lý văn bản.")
    assert len(find_findings(text)) == 1


def test_a_last_list_item_without_a_verb_about_another_matter_stands_alone() -> None:
    text = ("Huyện đã làm tốt việc rà soát, niêm yết công khai thủ tục hành chính tại "
            "bộ phận một cửa; kỷ luật, kỷ cương hành chính, văn hóa công sở của cán bộ, công chức.")
    assert _texts(text) == [
        "Huyện đã làm tốt việc rà soát, niêm yết công khai thủ tục hành chính tại bộ phận một cửa",
        "kỷ luật, kỷ cương hành chính, văn hóa công sở của cán bộ, công chức",
    ]


def test_a_last_list_item_without_a_verb_about_the_same_matter_joins_the_one_before() -> None:
    text = ("Xã chưa niêm yết công khai đầy đủ thủ tục hành chính tại bộ phận một cửa; "
            "danh mục thủ tục hành chính lĩnh vực hộ tịch.")
    assert len(find_findings(text)) == 1


def test_a_list_item_that_only_judges_again_joins_the_item_before_it() -> None:
    # no subject, no act, no matter of its own: one more quality of the work the item before names
    text = "Công tác soạn thảo văn bản của huyện được chú trọng; phù hợp với thực tiễn địa phương."
    assert _pairs(find_findings(text)) == [("strength", text.rstrip("."))]
    text = "Công tác tuyên truyền cải cách hành chính của xã được đẩy mạnh; hiệu quả thiết thực."
    assert _pairs(find_findings(text)) == [("strength", text.rstrip("."))]


def test_a_list_item_that_judges_otherwise_or_names_its_matter_stands_alone() -> None:
    text = "Xã đã ban hành kế hoạch kiểm tra công vụ năm 2024; còn chậm so với quy định."
    assert _pairs(find_findings(text)) == [
        ("strength", "Xã đã ban hành kế hoạch kiểm tra công vụ năm 2024"),
        ("shortcoming", "còn chậm so với quy định"),
    ]
    text = "Xã đã bố trí phòng làm việc của bộ phận một cửa khang trang; thiếu ghế ngồi cho người dân."
    assert _pairs(find_findings(text)) == [
        ("strength", "Xã đã bố trí phòng làm việc của bộ phận một cửa khang trang"),
        ("shortcoming", "thiếu ghế ngồi cho người dân"),
    ]
    text = "Bộ phận một cửa chưa cập nhật thủ tục hành chính mới; chưa thay bảng giá cũ."
    assert _pairs(find_findings(text)) == [
        ("shortcoming", "Bộ phận một cửa chưa cập nhật thủ tục hành chính mới"),
        ("shortcoming", "chưa thay bảng giá cũ"),
    ]


def test_not_only_is_no_second_negation() -> None:
    text = ("Xã đã không để hồ sơ nào trễ hạn trong năm, không chỉ ở lĩnh vực hộ tịch mà cả ở lĩnh vực "
            "đất đai và xây dựng.")
    assert len(find_findings(text)) == 1


def test_a_list_of_nouns_is_not_split() -> None:
    text = "Xã chưa bố trí đủ cán bộ, công chức, người lao động tại bộ phận một cửa."
    assert len(find_findings(text)) == 1


def test_a_colon_before_a_rate_is_a_value_not_a_list_lead() -> None:
    text = "Trong quý, tỷ lệ hồ sơ giải quyết đúng hạn đạt 96,5%; số hồ sơ giải quyết quá hạn: 3,5%."
    assert _pairs(find_findings(text)) == [
        ("strength", "Trong quý, tỷ lệ hồ sơ giải quyết đúng hạn đạt 96,5%"),
        ("shortcoming", "số hồ sơ giải quyết quá hạn: 3,5%"),
    ]


def test_a_list_of_unit_names_in_a_section_of_merits_is_not_a_finding() -> None:
    text = ("I. KẾT QUẢ ĐẠT ĐƯỢC\n1. Xã Phú Lộc, xã Tân Hòa và thị trấn Tân An.\n"
            "2. UBND xã đã ban hành kế hoạch cải cách hành chính kịp thời.")
    assert [f.text for f in find_findings(text)] == [
        "UBND xã đã ban hành kế hoạch cải cách hành chính kịp thời"]


def test_bylines_and_source_lines_are_not_findings_even_in_a_section_of_merits() -> None:
    text = ("I. KẾT QUẢ ĐẠT ĐƯỢC\n\n" + _BODY
            + "\n\nMinh Anh (Văn phòng UBND huyện)\nTheo báo Tân An điện tử")
    assert [f.text for f in find_findings(text)] == [_BODY[:-1]]


def test_a_neutral_statistic_is_not_a_finding() -> None:
    text = (_BODY + "\n\nToàn huyện có 158/180 cán bộ, công chức cấp xã, "
            "trong đó có 12 người làm việc tại bộ phận một cửa.")
    assert [f.text for f in find_findings(text)] == [_BODY[:-1]]


def test_a_demand_for_an_inquiry_is_not_a_finding() -> None:
    text = (_BODY + " Chủ tịch UBND tỉnh yêu cầu Sở Nội vụ khẩn trương kiểm tra, "
            "làm rõ thông tin báo chí nêu "
            "về tình trạng hồ sơ quá hạn.")
    assert [f.text for f in find_findings(text)] == [_BODY[:-1]]
    demand = "Đoàn đề nghị xã khẩn trương tổ chức kiểm điểm cán bộ để xảy ra hồ sơ quá hạn."
    assert _pairs(find_findings(demand))[0][0] == "recommendation"


def test_a_burden_spared_and_a_target_surpassed_are_strengths() -> None:
    assert polarity_of("Người dân nộp hồ sơ qua mạng mà không cần đến trực tiếp bộ phận một cửa") \
        == "strength"
    assert polarity_of("Tỷ lệ hồ sơ trực tuyến của phường đạt và vượt chỉ tiêu đề ra") == "strength"
    assert polarity_of("Xã đã rút ngắn thời gian giải quyết thủ tục đăng ký hộ tịch") == "strength"


def test_a_delegation_led_by_someone_is_not_praise() -> None:
    assert cue_scores("Đoàn công tác do Phó Chủ tịch UBND huyện dẫn đầu đã đến xã Phú Lộc").strength == 0
    assert polarity_of("Xã Phú Lộc dẫn đầu toàn huyện về tỷ lệ hồ sơ giải quyết đúng hạn") == "strength"


def test_a_dated_lead_with_a_parenthesis_is_still_a_visit() -> None:
    text = ("Sáng 30/1 (mùng 6 Tết), Đoàn kiểm tra công vụ do Phó Giám đốc Sở Nội vụ dẫn đầu đã kiểm tra "
            "đột xuất tại bộ phận một cửa của 3 xã.\n\n" + _BODY)
    assert [f.text for f in find_findings(text)] == [_BODY[:-1]]


def test_the_genres_words_for_half_hearted_work_and_for_praise() -> None:
    assert polarity_of("Một số công chức còn lúng túng khi hướng dẫn thủ tục cho người dân") == "shortcoming"
    assert polarity_of("Việc tự kiểm tra ở nhiều xã còn mang tính hình thức") == "shortcoming"
    assert polarity_of("Chỉ số CCHC của huyện năm nay giảm 3 bậc so với năm trước") == "shortcoming"
    assert polarity_of("Bộ phận một cửa của phường được bố trí khang trang, phục vụ chuyên nghiệp") \
        == "strength"
    assert polarity_of("Lãnh đạo huyện biểu dương tinh thần làm việc của công chức xã Phú Lộc") == "strength"


def test_a_fault_in_a_condition_is_not_a_shortcoming() -> None:
    assert polarity_of("Xã nào để hồ sơ quá hạn, Chủ tịch UBND xã phải chịu trách nhiệm trước huyện") \
        == "recommendation"
    assert polarity_of("Nếu để xảy ra sai sót, công chức một cửa phải báo cáo ngay lãnh đạo") \
        == "recommendation"


def test_merit_words_in_a_list_of_demands_describe_what_is_asked() -> None:
    text = ("III. KIẾN NGHỊ\n1. UBND xã chỉ đạo rà soát, niêm yết đầy đủ, kịp thời các thủ tục hành chính.\n"
            "2. Bộ phận một cửa đã được bố trí khang trang, cần giữ gìn sạch sẽ.\n"
            "3. Xã đã thực hiện tốt việc số hóa hồ sơ.")
    assert [f.polarity for f in find_findings(text)] == ["recommendation", "recommendation", "strength"]


def test_clean_offices_are_praised_not_planned() -> None:
    # "sạch sẽ" (clean) holds the syllable of the future marker "sẽ"
    text = "Phòng làm việc của công chức xã được bố trí gọn gàng, sạch sẽ."
    assert _pairs(find_findings(text)) == [("strength", text[:-1])]
    assert find_findings("Thời gian tới, huyện sẽ tiếp tục kiểm tra đột xuất các xã.") == []


def test_logging_in_and_access_to_the_software_are_matters_not_page_furniture() -> None:
    text = "Tỷ lệ công chức đăng nhập hộp thư công vụ và truy cập phần mềm quản lý văn bản còn thấp."
    assert _pairs(find_findings(text)) == [("shortcoming", text[:-1])]
    assert find_findings(_BODY + "\n\nChia sẻ | Đăng nhập | Bình luận") == find_findings(_BODY)


def test_kho_before_a_merit_makes_it_a_difficulty_and_khong_it_is_not_a_negation() -> None:
    assert polarity_of("Nhiều công chức phải kiêm nhiệm nên khó bảo đảm hiệu quả công việc") == "shortcoming"
    assert cue_scores("Không ít xã đã làm tốt việc niêm yết thủ tục").shortcoming == 0
    assert polarity_of("Không khí làm việc tại bộ phận một cửa nghiêm túc, khẩn trương") == "strength"


def test_the_attribution_of_reported_speech_is_left_out_of_the_span() -> None:
    text = ("Trao đổi với phóng viên, ông Trần Văn B, Trưởng phòng Nội vụ, cho biết, các xã đều thực hiện "
            "tốt việc niêm yết thủ tục hành chính.")
    assert _pairs(find_findings(text)) == [
        ("strength", "các xã đều thực hiện tốt việc niêm yết thủ tục hành chính")]


def test_a_briefing_meeting_giao_ban_is_not_an_assignment() -> None:
    """"giao ban" is the noun for a routine briefing, not "giao Ban X" (assigning a board)."""
    head = ("Kiểm tra cải cách hành chính tại huyện A\n\n"
            "Ngày 5/3/2024, Đoàn kiểm tra làm việc tại huyện A.\n\n")
    praised = "Văn phòng UBND huyện tổ chức tốt các buổi giao ban định kỳ giữa lãnh đạo và công chức."
    assert _pairs(find_findings(head + praised)) == [("strength", praised.rstrip("."))]
    assigned = "UBND tỉnh giao Ban Tổ chức tăng cường kiểm tra việc thực hiện."
    assert find_findings(head + assigned) == []


def test_a_colon_inside_a_number_announces_no_list() -> None:
    text = ("Các xã đã trang bị mạng nội bộ và triển khai tốt phần mềm một cửa, áp dụng TCVN ISO 9001: 2015 "
            "trong việc tiếp nhận hồ sơ.")
    assert _pairs(find_findings(text)) == [("strength", text.rstrip("."))]


def test_a_last_list_item_with_its_own_predicate_stands_alone_a_noun_phrase_joins() -> None:
    text = ("Bộ phận một cửa bố trí công chức trực đầy đủ, thái độ hòa nhã; "
            "có bảng niêm yết thủ tục hành chính thuộc thẩm quyền của xã.")
    assert _pairs(find_findings(text)) == [
        ("strength", "Bộ phận một cửa bố trí công chức trực đầy đủ, thái độ hòa nhã"),
        ("strength", "có bảng niêm yết thủ tục hành chính thuộc thẩm quyền của xã"),
    ]
    text = "Nhìn chung các phường chấp hành tốt giờ giấc làm việc; văn hóa công sở của công chức."
    assert _pairs(find_findings(text)) == [("strength", text.rstrip("."))]


def test_provision_reported_as_done_is_a_strength_and_negated_a_shortcoming() -> None:
    assert polarity_of("Bảng nội quy và lịch tiếp công dân được treo ở nơi dễ quan sát") == "strength"
    assert polarity_of("Phường đã rà soát, sắp xếp lại trang thiết bị tại bộ phận một cửa") == "strength"
    assert polarity_of("Các thủ tục mới sửa đổi chưa được rà soát ở bộ phận một cửa") == "shortcoming"


def test_the_part_after_a_turn_gives_the_verdict() -> None:
    assert polarity_of("Các thủ tục được niêm yết đầy đủ, kịp thời song chưa cập nhật quy trình") \
        == "shortcoming"
    assert polarity_of("Xã có ban hành kế hoạch kiểm tra nhưng nội dung chưa cụ thể") == "shortcoming"
    assert polarity_of("Hồ sơ tuy nhiều nhưng đều giải quyết đúng hạn, kịp thời") == "strength"


def test_a_comma_in_the_addressees_of_a_demand_does_not_end_it() -> None:
    text = ("UBND thị xã yêu cầu các phòng, ban, đơn vị và UBND các phường chấn chỉnh công chức một cửa, "
            "không để hồ sơ trực tuyến chậm tiếp nhận.")
    assert _pairs(find_findings(text)) == [("recommendation", text.rstrip("."))]


def test_a_sentence_announcing_faults_within_a_scope_is_a_lead_not_a_finding() -> None:
    text = ("Giám đốc Sở cũng chỉ ra một số hạn chế, vướng mắc khi tổ chức các nhiệm vụ chuyển đổi "
            "số. Nhiều hồ sơ trực tuyến được tiếp nhận chậm.")
    assert _pairs(find_findings(text)) == [("shortcoming", "Nhiều hồ sơ trực tuyến được tiếp nhận chậm")]
    text = ("Đoàn đề nghị UBND xã: Tăng cường ứng dụng chữ ký số; Duy trì tiếp nhận phản ánh của người dân "
            "về những khó khăn, vướng mắc trong thực hiện thủ tục.")
    assert [f.polarity for f in find_findings(text)] == ["recommendation", "recommendation"]


def test_a_demand_to_remedy_faults_is_not_an_announcement_of_them() -> None:
    text = "Tổ công tác đề nghị phường sớm lập phương án khắc phục những hạn chế mà Tổ đã nêu."
    assert _pairs(find_findings(text)) == [("recommendation", text.rstrip("."))]


def test_work_reported_as_pushed_forward_is_a_strength() -> None:
    assert polarity_of("Công tác cải cách thủ tục hành chính tiếp tục được đẩy mạnh") == "strength"
    assert polarity_of("Việc ứng dụng chữ ký số chưa được đẩy mạnh ở cấp xã") == "shortcoming"


def test_meeting_requirements_is_not_a_demand_and_cutting_lateness_is_a_merit() -> None:
    assert polarity_of("Đội ngũ công chức cấp xã chưa đáp ứng đầy đủ yêu cầu nhiệm vụ mới") == "shortcoming"
    assert polarity_of("Xã đã có giải pháp giảm tỷ lệ trễ hẹn của thủ tục đất đai") == "strength"


def test_a_sentence_opened_by_dong_thoi_goes_on_with_the_demand_before_it() -> None:
    text = ("UBND huyện yêu cầu các xã bảo đảm hồ sơ giải quyết đúng hạn đạt 98% trở lên. "
            "Đồng thời, có giải pháp giảm tỷ lệ trễ hẹn; nghiêm túc thực hiện việc xin lỗi người dân.")
    assert [f.polarity for f in find_findings(text)] == ["recommendation"] * 3
    text = ("Xã đã niêm yết đầy đủ thủ tục hành chính. "
            "Đồng thời, có giải pháp giảm tỷ lệ trễ hẹn của thủ tục đất đai.")
    assert [f.polarity for f in find_findings(text)] == ["strength", "strength"]


def test_the_inspections_own_acts_are_not_merits() -> None:
    assert polarity_of("Đoàn ghi nhận tình hình triển khai công tác cải cách hành chính tại xã") is None
    assert polarity_of("UBND huyện đã tổ chức kiểm tra đột xuất tại UBND các xã") is None
    assert polarity_of("Sở Khoa học và Công nghệ đã kiểm tra việc áp dụng ISO ở các phòng") is None
    assert polarity_of("Đoàn ghi nhận những kết quả UBND xã đạt được") == "strength"
    assert polarity_of("Hồ sơ được sắp xếp khoa học, gọn gàng") == "strength"


def test_a_comma_inside_a_list_of_bodies_does_not_end_a_matter() -> None:
    text = ("Đoàn đã nhắc nhở và yêu cầu thủ trưởng cơ quan, đơn vị chỉ đạo sửa chữa "
            "ngay những sai sót được phát hiện.")
    assert _pairs(find_findings(text)) == [("recommendation", text.rstrip("."))]


def test_a_score_of_criteria_met_is_no_place_in_a_ranking() -> None:
    assert cue_scores("Xã đạt 18/19 tiêu chí nông thôn mới").shortcoming == 0
    assert cue_scores("Huyện đạt 3/20 chỉ tiêu cải cách hành chính").strength < 1.5
    assert polarity_of("Tỉnh đạt vị trí thứ 60/63 tỉnh, thành phố") == "shortcoming"
    assert polarity_of("Xã đạt hạng 2/15 xã của huyện") == "strength"


def test_merit_words_in_a_purpose_name_an_aim_not_an_achievement() -> None:
    assert polarity_of("Xã đang sửa chữa trụ sở để đảm bảo nơi làm việc cho cán bộ") is None
    assert polarity_of("Xã sửa chữa trụ sở kịp thời để phục vụ người dân") == "strength"
    assert polarity_of("Đơn vị nào để xảy ra vi phạm thì người đứng đầu phải chịu trách nhiệm") \
        == "recommendation"


def test_a_clause_opened_by_truong_hop_is_a_condition() -> None:
    assert polarity_of("Trường hợp để hồ sơ trực tuyến quá hạn, căn cứ tính chất sẽ xử lý") is None
    assert polarity_of("Vẫn còn trường hợp giải quyết hồ sơ quá hạn") == "shortcoming"
    assert polarity_of("Trường hợp này đã vi phạm quy định về thời hạn giải quyết") == "shortcoming"


def test_a_statement_joined_to_a_lead_in_is_a_finding_of_its_own() -> None:
    text = ("Đoàn đánh giá cao kết quả tuyên truyền cải cách hành chính của xã, đồng thời chỉ ra một số "
            "hạn chế như: sổ theo dõi chưa cập nhật; phiếu hẹn không ghi ngày trả.")
    assert _pairs(find_findings(text)) == [
        ("strength", "Đoàn đánh giá cao kết quả tuyên truyền cải cách hành chính của xã"),
        ("shortcoming", "sổ theo dõi chưa cập nhật"),
        ("shortcoming", "phiếu hẹn không ghi ngày trả"),
    ]


def test_colons_in_an_aside_or_before_values_announce_no_list() -> None:
    text = ("Huyện đã công nhận 05 xã hoàn thành xuất sắc nhiệm vụ cải cách hành chính (gồm: Phú Lộc, "
            "Tân Hòa, An Bình).")
    assert _pairs(find_findings(text)) == [("strength", text.rstrip("."))]
    text = ("Hai xã có điểm chỉ số cải cách hành chính thấp nhất huyện, lần lượt là: Phú Lộc 70,5 điểm; "
            "Tân Hòa 72,1 điểm.")
    assert _pairs(find_findings(text)) == [("shortcoming", text.rstrip("."))]


def test_who_said_a_quotation_is_no_part_of_the_finding() -> None:
    text = "“Xã đã niêm yết đầy đủ, kịp thời các thủ tục hành chính”, Phó Chủ tịch huyện đánh giá."
    assert [f.text for f in find_findings(text)] == ["Xã đã niêm yết đầy đủ, kịp thời các thủ tục hành chính"]
    text = "“Hồ sơ của xã còn quá hạn nhiều”, ông Nguyễn Văn An nhận xét."
    assert _pairs(find_findings(text)) == [("shortcoming", "Hồ sơ của xã còn quá hạn nhiều")]


def test_the_evidence_after_a_value_colon_stays_with_its_claim() -> None:
    text = ("Xã đã khắc phục dứt điểm hạn chế của năm trước: 100% hồ sơ có phiếu hẹn, sổ theo dõi hồ sơ "
            "được cập nhật đầy đủ.")
    assert _pairs(find_findings(text)) == [("strength", text.rstrip("."))]


def test_no_case_arising_is_a_neutral_count_not_a_fault() -> None:
    assert polarity_of("Trong quý, lĩnh vực đất đai chưa phát sinh hồ sơ của công dân") is None
    # ... but no fault arising is the genre's praise
    assert polarity_of("Trong năm, xã không phát sinh hồ sơ trễ hạn") == "strength"
    assert polarity_of("Huyện không phát sinh hồ sơ quá hạn trên hệ thống") == "strength"
    assert polarity_of("Trong quý, xã chưa giải quyết hồ sơ của công dân") == "shortcoming"


def test_a_new_subjects_judgement_is_looked_for_past_its_list_of_bodies() -> None:
    text = ("Việc tiếp nhận hồ sơ của công dân về cơ bản được duy trì ổn định, đa số cán bộ, công chức "
            "chấp hành tốt giờ giấc làm việc.")
    assert _pairs(find_findings(text)) == [
        ("strength", "Việc tiếp nhận hồ sơ của công dân về cơ bản được duy trì ổn định"),
        ("strength", "đa số cán bộ, công chức chấp hành tốt giờ giấc làm việc"),
    ]
    text = ("Chủ tịch huyện yêu cầu các cơ quan, đơn vị, UBND các xã, thị trấn bảo đảm hồ sơ giải quyết "
            "đúng hạn.")
    assert _pairs(find_findings(text)) == [("recommendation", text.rstrip("."))]


def test_a_practice_reported_of_a_named_body_without_da_is_a_strength() -> None:
    text = ("Đoàn kiểm tra đã làm việc với các xã trong huyện về công tác cải cách hành chính năm nay.\n\n"
            "Nhiều xã, phường trang bị máy lấy số tự động cho người dân. Đơn cử như tại xã Tân Phú bố trí "
            "ghế chờ và nước uống phục vụ người dân. Đặc biệt, các đơn vị trực thuộc phối hợp với đoàn thanh "
            "niên tổ chức hội thi tìm hiểu quy tắc ứng xử.")
    assert _pairs(find_findings(text)) == [
        ("strength", "Nhiều xã, phường trang bị máy lấy số tự động cho người dân"),
        ("strength", "tại xã Tân Phú bố trí ghế chờ và nước uống phục vụ người dân"),
        ("strength",
         "các đơn vị trực thuộc phối hợp với đoàn thanh niên tổ chức hội thi tìm hiểu quy tắc ứng xử"),
    ]


def test_a_reported_practice_needs_its_body_first_and_no_negator_or_demand() -> None:
    assert polarity_of("Xã Tân Phú chưa bố trí ghế chờ cho người dân") == "shortcoming"
    assert polarity_of("UBND xã cần bố trí ghế chờ cho người dân") == "recommendation"
    assert polarity_of("Đoàn kiểm tra tổ chức họp với lãnh đạo xã") is None
    assert polarity_of("Người dân thực hiện thủ tục tại bộ phận một cửa") is None


def test_grades_of_the_cchc_index_judge_by_grade() -> None:
    assert polarity_of("Các đơn vị đều đạt từ loại khá trở lên") == "strength"
    assert polarity_of("Có 5 sở, ngành đạt loại xuất sắc") == "strength"
    assert polarity_of("Huyện tụt xuống loại trung bình trong năm nay") == "shortcoming"


def test_a_place_in_a_ranking_is_judged_by_where_it_falls_in_its_field() -> None:
    assert polarity_of("Tỉnh đứng vị trí thứ 5 trên tổng số 63 tỉnh, thành phố") == "strength"
    assert polarity_of("Huyện xếp thứ 2/12 huyện, thành phố về chỉ số CCHC") == "strength"
    assert polarity_of("Sở Xây dựng xếp hạng 18/19 sở, ngành") == "shortcoming"
    assert polarity_of("Huyện xếp thứ 6/12 huyện, thành phố") is None
    assert polarity_of("Xã đứng thứ 30 trên 12 xã") is None  # no place beyond its field


def test_priorities_plans_and_agreed_proposals_judge_nothing() -> None:
    text = ("Báo cáo sơ kết công tác cải cách hành chính của huyện trong sáu tháng đầu năm được gửi đi.\n\n"
            "Trọng tâm của công tác cải cách hành chính năm nay là tiếp tục nâng cao chỉ số hài lòng; "
            "tăng cường kỷ luật, kỷ cương hành chính. Trung tâm dự kiến vận hành đầy đủ từ ngày 1/7. "
            "Chủ tịch UBND huyện nhất trí với đề xuất của Phòng Nội vụ, công nhận điểm CCHC của các xã.")
    assert find_findings(text) == []
    assert polarity_of("Theo đề nghị của Giám đốc Sở Nội vụ, UBND tỉnh ban hành quyết định") is None
    assert polarity_of("Đoàn đề nghị xã tăng cường kỷ luật, kỷ cương hành chính") == "recommendation"


def test_a_result_measured_against_the_plan_is_a_finding_a_plan_is_not() -> None:
    for text in ("Tiến độ số hóa hồ sơ của xã còn chậm so với dự kiến.",
                 "Tỷ lệ hồ sơ trực tuyến chưa đạt như dự kiến.",
                 "Việc cấp mã hồ sơ chưa đạt kế hoạch dự kiến ban đầu."):
        assert _pairs(find_findings(text)) == [("shortcoming", text.rstrip("."))]
    assert find_findings("Huyện dự kiến hoàn thành số hóa hồ sơ trong quý III.") == []


def test_a_conceded_item_before_a_turn_is_a_merit_apart_from_the_fault_after_it() -> None:
    opening = "Báo cáo của huyện về công tác cải cách hành chính trong năm qua đã được gửi đến Sở Nội vụ.\n\n"
    text = (opening + "Năm nay, UBND huyện đã tập trung chỉ đạo công tác cải cách hành chính; "
            "song kết quả chỉ số cải cách hành chính của huyện tụt hậu so với năm trước.")
    assert _pairs(find_findings(text)) == [
        ("strength", "Năm nay, UBND huyện đã tập trung chỉ đạo công tác cải cách hành chính"),
        ("shortcoming", "kết quả chỉ số cải cách hành chính của huyện tụt hậu so với năm trước"),
    ]
    setting = opening + "Báo chí đã phản ánh vào chiều ngày 2/2, nhưng tại trụ sở xã không có cán bộ trực."
    assert [f.polarity for f in find_findings(setting)] == ["shortcoming"]


def test_counts_of_bodies_by_grade_side_by_side_are_one_result() -> None:
    opening = "Báo cáo của huyện về công tác cải cách hành chính trong năm qua đã được gửi đến Sở Nội vụ.\n\n"
    text = opening + "Cụ thể, có 6 xã đạt loại xuất sắc; 9 xã xếp loại tốt và 3 xã xếp loại khá."
    assert _pairs(find_findings(text)) == [
        ("strength", "có 6 xã đạt loại xuất sắc; 9 xã xếp loại tốt và 3 xã xếp loại khá")]
    apart = opening + "Xã Tân Phú có 3 hồ sơ quá hạn; 2 xã chưa niêm yết thủ tục hành chính."
    assert len(find_findings(apart)) == 2


def test_con_co_before_a_merit_noun_adds_a_merit() -> None:
    assert polarity_of("Nhiều nơi còn có những sáng kiến rất thiết thực") == "strength"
    assert polarity_of("Nhiều nơi còn có mô hình hay trong tiếp nhận hồ sơ") == "strength"
    assert polarity_of("Xã còn có cán bộ đi muộn") == "shortcoming"
    assert polarity_of("Huyện còn có mô hình chưa phát huy hiệu quả") == "shortcoming"


def test_the_abbreviated_cb_cc_are_a_list_of_people_not_two_matters() -> None:
    opening = "Báo cáo của huyện về công tác cải cách hành chính trong năm qua đã được gửi đến Sở Nội vụ.\n\n"
    text = opening + ("Đoàn nhận thấy UBND phường An Phú có 3 công chức vắng mặt, UBND phường Tân Lập "
                      "có 4 CB, CC vắng mặt không có lý do.")
    assert _pairs(find_findings(text)) == [
        ("shortcoming", "UBND phường An Phú có 3 công chức vắng mặt"),
        ("shortcoming", "UBND phường Tân Lập có 4 CB, CC vắng mặt không có lý do")]


def test_a_list_item_announcing_faults_before_more_items_is_their_lead_in() -> None:
    opening = "Báo cáo của huyện về công tác cải cách hành chính trong năm qua đã được gửi đến Sở Nội vụ.\n\n"
    text = opening + ("Tuy nhiên, một số đơn vị vẫn còn những hạn chế trong thực thi công vụ; "
                      "như chưa niêm yết lịch tiếp công dân; chưa công khai danh mục thủ tục hành chính.")
    found = _pairs(find_findings(text))
    assert [polarity for polarity, _ in found] == ["shortcoming", "shortcoming"]
    assert not any("những hạn chế" in span for _, span in found)



def _texts(sentence: str) -> list[str]:
    return [f.text for f in find_findings(sentence)]


def test_dong_thoi_after_a_comma_opens_a_second_demand_about_another_matter() -> None:
    found = find_findings(
        "Đoàn kiểm tra đề nghị UBND xã Hòa Bình tăng cường công tác CCHC; triển khai phần mềm "
        "một cửa điện tử, ứng dụng chữ ký số trong xử lý văn bản, đồng thời tuyên truyền "
        "để người dân biết và làm thủ tục tại bộ phận một cửa.")
    assert [f.text for f in found][1:] == [
        "triển khai phần mềm một cửa điện tử, ứng dụng chữ ký số trong xử lý văn bản",
        "tuyên truyền để người dân biết và làm thủ tục tại bộ phận một cửa"]
    assert {f.polarity for f in found} == {"recommendation"}


def test_a_verb_said_again_after_a_comma_opens_a_second_accomplishment() -> None:
    assert _texts("Ưu điểm: xã đã ban hành Kế hoạch kiểm tra công vụ năm 2022 đầy đủ nội dung, "
                  "ban hành Quy chế làm việc của bộ phận một cửa đúng quy định.") == [
        "xã đã ban hành Kế hoạch kiểm tra công vụ năm 2022 đầy đủ nội dung",
        "ban hành Quy chế làm việc của bộ phận một cửa đúng quy định"]
    assert _texts("Ưu điểm: có ban hành kế hoạch tuyên truyền CCHC năm 2021, "
                  "có quyết định phân công nhiệm vụ cho từng công chức đầy đủ.") == [
        "có ban hành kế hoạch tuyên truyền CCHC năm 2021",
        "có quyết định phân công nhiệm vụ cho từng công chức đầy đủ"]
    first, second = find_findings("Ưu điểm: có ban hành kế hoạch tuyên truyền CCHC năm 2021, "
                                  "có quyết định phân công nhiệm vụ cho từng công chức đầy đủ.")
    assert second.subject_of == first.start


def test_a_new_subject_after_a_comma_shares_no_subject_with_the_piece_before() -> None:
    found = find_findings("Hạn chế: Chưa có sáng kiến cải cách thủ tục hành chính và tỷ lệ hồ sơ nộp trực "
                          "tuyến của xã vẫn còn thấp.")
    assert len(found) == 2 and [f.subject_of for f in found] == [None, None]


def test_va_before_a_judged_subject_of_its_own_joins_two_findings() -> None:
    assert _texts("Hạn chế: Chưa có sáng kiến cải cách thủ tục hành chính và tỷ lệ hồ sơ nộp trực tuyến "
                  "của xã vẫn còn thấp.") == [
        "Chưa có sáng kiến cải cách thủ tục hành chính", "tỷ lệ hồ sơ nộp trực tuyến của xã vẫn còn thấp"]


def test_commas_and_va_inside_one_act_or_one_matter_do_not_cut() -> None:
    # objects of one verb
    assert _texts("UBND xã đã ban hành kế hoạch, quy chế, quyết định phân công nhiệm vụ đúng quy định.") == [
        "UBND xã đã ban hành kế hoạch, quy chế, quyết định phân công nhiệm vụ đúng quy định"]
    # a second "có" inside a noun phrase is no predicate of its own
    assert len(find_findings("Đề nghị xử lý nghiêm cán bộ, công chức có vi phạm, "
                             "có biểu hiện sách nhiễu người dân khi giải quyết hồ sơ.")) == 1
    # the verb said again about the same matter (công khai TTHC) stays one finding
    assert len(find_findings("Bộ phận một cửa có niêm yết công khai đầy đủ các thủ tục hành chính, "
                             "có niêm yết phí và lệ phí của từng thủ tục đúng quy định.")) == 1
    # "và" before one more object of the verb, a noun phrase with no predicate of its own
    assert len(find_findings("Bộ phận một cửa đã thực hiện tốt việc tiếp nhận, giải quyết thủ tục hành "
                             "chính, hạn chế tối đa hồ sơ phải bổ sung và hồ sơ trễ hẹn.")) == 1
    # "và" between the acts of one demand
    assert len(find_findings("Yêu cầu các xã ban hành kế hoạch khắc phục và báo cáo kết quả khắc phục "
                             "hạn chế về huyện trước ngày 30/6.")) == 1
    # "đồng thời" opening an act that judges nothing of the inspected stays with the sentence
    assert len(find_findings("Đoàn đề nghị người đứng đầu có giải pháp khắc phục ngay, đồng thời tiến hành "
                             "đăng tin trên trang thông tin điện tử của huyện.")) == 1


def test_an_item_naming_no_matter_takes_the_area_of_the_item_before_it() -> None:
    """"phòng họp rộng rãi, khang trang" names no matter of the vocabulary: after the equipment of
    the offices (so_hoa, the guide's general equipment) it is more of the same, not an overall
    judgement (nlp.areas.framed_areas)."""
    text = ("Sáng 12/3, Đoàn kiểm tra công vụ huyện đã kiểm tra đột xuất tại UBND xã An Phú.\n"
            "Về niêm yết công khai thủ tục hành chính, xã đã bố trí bảng ở vị trí người dân dễ theo dõi, "
            "cập nhật kịp thời khi có thay đổi. Trang thiết bị tại các phòng làm việc được trang bị đầy đủ; "
            "phòng họp rộng rãi, khang trang.")
    areas = {f.text: f.area for f in find_findings(text)}
    assert areas["Trang thiết bị tại các phòng làm việc được trang bị đầy đủ"] == "so_hoa"
    assert areas["phòng họp rộng rãi, khang trang"] == "so_hoa"


def test_addressees_listed_by_semicolons_keep_one_demand() -> None:
    # Official directives separate their addressees with ";": one demand for all of them.
    text = ("UBND tỉnh yêu cầu Giám đốc các sở, ban, ngành; Chủ tịch UBND các huyện, thị xã, thành phố "
            "khẩn trương rà soát, công bố đầy đủ thủ tục hành chính trên Cổng dịch vụ công.")
    assert _pairs(find_findings(text)) == [("recommendation", text.rstrip("."))]


def test_semicolon_after_an_addressee_with_its_own_act_still_ends_an_item() -> None:
    text = ("Đề nghị Chủ tịch UBND xã Phú Lộc chỉ đạo rà soát các hồ sơ quá hạn; Chủ tịch UBND thị trấn "
            "Tân An phải khắc phục việc niêm yết thủ tục chưa đầy đủ.")
    assert [f.text for f in find_findings(text)] == [
        "Đề nghị Chủ tịch UBND xã Phú Lộc chỉ đạo rà soát các hồ sơ quá hạn",
        "Chủ tịch UBND thị trấn Tân An phải khắc phục việc niêm yết thủ tục chưa đầy đủ"]


def test_the_document_a_demand_rests_on_is_left_out_of_it() -> None:
    text = ("Thực hiện Kế hoạch số 12/KH-UBND của UBND tỉnh về công tác văn thư, lưu trữ năm 2024, UBND "
            "huyện yêu cầu Thủ trưởng các cơ quan, đơn vị rà soát, hoàn thiện danh mục hồ sơ.")
    assert _pairs(find_findings(text)) == [
        ("recommendation",
         "UBND huyện yêu cầu Thủ trưởng các cơ quan, đơn vị rà soát, hoàn thiện danh mục hồ sơ")]
    # without a demand, such a sentence describes the inspection and judges nothing
    assert find_findings("Thực hiện Kế hoạch số 12/KH-UBND của UBND tỉnh, Đoàn kiểm tra đã làm việc tại "
                         "UBND xã Phú Lộc và xã Tân Hòa.") == []


def test_what_the_press_or_the_public_complained_of_is_a_shortcoming_without_its_lead() -> None:
    text = ("Ngày 13 và 14 tháng 4 năm 2017, một số báo chí phản ánh công chức Phòng Tài chính huyện "
            "Thạch Thành dùng xe công đi lễ chùa trong giờ hành chính.")
    assert _pairs(find_findings(text)) == [
        ("shortcoming",
         "công chức Phòng Tài chính huyện Thạch Thành dùng xe công đi lễ chùa trong giờ hành chính")]
    text = "Trước đó, nhiều người dân phản ánh về việc Bộ phận một cửa của phường thường xuyên đóng cửa sớm."
    assert _pairs(find_findings(text)) == [
        ("shortcoming", "Bộ phận một cửa của phường thường xuyên đóng cửa sớm")]
    # the complaint named as an object, and the one-stop office's channel, are no complaint
    assert find_findings("Bộ Nội vụ khẩn trương làm rõ nội dung báo chí phản ánh, báo cáo Thủ tướng "
                         "Chính phủ trước ngày 25 tháng 4 năm 2017.") == []
    assert _pairs(find_findings("Xã đã tiếp nhận 12 ý kiến người dân phản ánh, kiến nghị và giải quyết "
                                "đúng hạn.")) == [
        ("strength", "Xã đã tiếp nhận 12 ý kiến người dân phản ánh, kiến nghị và giải quyết đúng hạn")]


def test_a_complaint_of_the_press_or_the_public_reports_faults_each_with_its_subject() -> None:
    """cues.COMPLAINT_LEAD: what the press or citizens complain of is a fault (the ground of an
    order to check it), though it carries no cue of its own; the lead is left out, and "và"
    before a new subject of its own starts the next fault."""
    text = ("Kính gửi: Bộ Nội vụ.\n\nTháng 8 năm 2022, một số báo chí phản ánh Phòng Tư pháp huyện Krông "
            "Pắc có tới 9 người ký chứng thực và một số công chức UBND xã Ea Phê dùng xe công đi đám cưới "
            "trong giờ hành chính.\n\nNgười dân phản ánh việc cán bộ xã Long "
            "Hựu thu thêm tiền khi chứng thực bản sao giấy tờ.")
    assert _pairs(find_findings(text)) == [
        ("shortcoming", "Phòng Tư pháp huyện Krông Pắc có tới 9 người ký chứng thực"),
        ("shortcoming", "một số công chức UBND xã Ea Phê dùng xe công đi đám cưới trong giờ hành chính"),
        ("shortcoming", "cán bộ xã Long Hựu thu thêm tiền khi chứng thực bản sao giấy tờ"),
    ]
    # Reported without a complaint, a description judges nothing.
    assert find_findings("Tháng 8 năm 2022, Phòng Tư pháp huyện Krông Pắc có 9 người ký chứng thực và một "
                         "số công chức UBND xã Ea Phê đi công tác tại Hà Nội.") == []


def test_misconduct_without_a_negator_is_a_fault_and_denied_is_a_merit() -> None:
    assert polarity_of("Công chức bộ phận một cửa tự ý thu thêm phí ngoài quy định") == "shortcoming"
    assert polarity_of("Một số cán bộ sử dụng điện thoại làm việc riêng, chơi game trong giờ làm việc") == (
        "shortcoming")
    assert polarity_of("Trụ sở, xe ô tô của xã sử dụng sai mục đích") == "shortcoming"
    assert polarity_of("Cán bộ, công chức không có biểu hiện hách dịch, cửa quyền, gây phiền hà cho người "
                       "dân") == "strength"
    assert polarity_of("Công chức không uống rượu bia trong giờ làm việc") == "strength"


def test_a_table_row_loses_its_number_cell_and_its_demand_cell_is_a_finding_apart() -> None:
    text = ("Kết quả kiểm tra tại UBND xã Phú Lộc năm 2024 được tổng hợp như sau.\n\n"
            "STT | Nội dung kiểm tra | Kết quả kiểm tra | Ghi chú\n"
            "1 | Ban hành kế hoạch CCHC năm 2024 | Đã ban hành kịp thời | \n"
            "2 | Sổ theo dõi hồ sơ | Có mở sổ nhưng ghi chép không đầy đủ | Đề nghị bổ sung ngay\n")
    assert _pairs(find_findings(text)) == [
        ("strength", "Ban hành kế hoạch CCHC năm 2024 | Đã ban hành kịp thời"),
        ("shortcoming", "Sổ theo dõi hồ sơ | Có mở sổ nhưng ghi chép không đầy đủ"),
        ("recommendation", "Đề nghị bổ sung ngay"),
    ]


def test_a_harm_done_is_a_fault_and_none_done_a_merit() -> None:
    assert polarity_of("Tình trạng này đã ảnh hưởng đến chỉ tiêu tiến độ giải quyết") == "shortcoming"
    assert polarity_of("Việc nâng cấp phần mềm được làm ngoài giờ, không ảnh hưởng đến việc giải quyết hồ "
                       "sơ") == "strength"


def test_spelled_out_enumeration_numbers_items_and_a_causes_lead_judges_nothing() -> None:
    text = ("Để khắc phục những hạn chế trên, huyện cần tập trung thực hiện một số nhiệm vụ sau: Một là, "
            "tăng cường công tác tuyên truyền về CCHC. Hai là, đẩy mạnh ứng dụng công nghệ thông tin trong "
            "giải quyết TTHC.")
    assert _pairs(find_findings(text)) == [
        ("recommendation", "tăng cường công tác tuyên truyền về CCHC"),
        ("recommendation", "đẩy mạnh ứng dụng công nghệ thông tin trong giải quyết TTHC"),
    ]
    text = ("Những hạn chế trên có nhiều nguyên nhân. Thứ nhất, một số lãnh đạo chưa quan tâm đúng mức đến "
            "công tác CCHC. Thứ hai, đội ngũ công chức còn thiếu về số lượng.")
    assert _pairs(find_findings(text)) == [
        ("shortcoming", "một số lãnh đạo chưa quan tâm đúng mức đến công tác CCHC"),
        ("shortcoming", "đội ngũ công chức còn thiếu về số lượng"),
    ]


def test_a_numbered_subheading_is_no_finding_and_keeps_its_section() -> None:
    text = ("Đoàn đã làm việc với UBND xã.\n\nI. KẾT QUẢ ĐẠT ĐƯỢC\n\n2. Cải cách thủ tục hành chính\n\n"
            "- 100% TTHC được niêm yết công khai tại Bộ phận một cửa.\n\n"
            "1.2. Công tác tuyên truyền\n\nBộ phận một cửa bố trí ghế ngồi cho người dân.\n")
    assert _pairs(find_findings(text)) == [
        ("strength", "100% TTHC được niêm yết công khai tại Bộ phận một cửa"),
        ("strength", "Bộ phận một cửa bố trí ghế ngồi cho người dân"),
    ]
    # a numbered item that judges is a finding
    assert _pairs(find_findings("Đoàn đã làm việc với UBND xã.\n\nII. HẠN CHẾ\n\n"
                                "1. Kế hoạch tự kiểm tra chưa ban hành\n")) == [
        ("shortcoming", "Kế hoạch tự kiểm tra chưa ban hành")]


def test_a_colon_heading_judges_its_marked_list_and_not_the_paragraphs_after_it() -> None:
    text = ("Đoàn đã làm việc với UBND phường Tân Mai.\n\nKiến nghị:\n"
            "- Sở Nội vụ tham mưu UBND tỉnh bố trí kinh phí nâng cấp trụ sở.\n"
            "- Sở Thông tin và Truyền thông hỗ trợ phường nâng cấp đường truyền.\n\n"
            "Năm 2024, phường tiếp nhận 3.512 hồ sơ.\n")
    assert _pairs(find_findings(text)) == [
        ("recommendation", "Sở Nội vụ tham mưu UBND tỉnh bố trí kinh phí nâng cấp trụ sở"),
        ("recommendation", "Sở Thông tin và Truyền thông hỗ trợ phường nâng cấp đường truyền"),
    ]
    # an unmarked paragraph opening with an act goes on with the list
    text = text.replace("Năm 2024, phường tiếp nhận 3.512 hồ sơ.",
                        "Bố trí công chức trực tại bộ phận một cửa.")
    assert _pairs(find_findings(text))[-1] == ("recommendation", "Bố trí công chức trực tại bộ phận một cửa")


def test_absences_the_paragraph_excuses_are_no_fault() -> None:
    text = ("Đoàn đã kiểm tra 4 đơn vị.\n\nTại thời điểm kiểm tra, UBND phường Ngọc Lâm vắng 4/48 cán bộ, "
            "công chức; UBND xã Đông Dư vắng 8/25 người, công chức không đeo thẻ. Tất cả những người "
            "vắng mặt đều có lý do (đi họp, nghỉ phép).\n\nUBND xã Kiêu Kỵ vắng 2/22 người.\n")
    assert _pairs(find_findings(text)) == [
        # judged by another fault word as well: it stays
        ("shortcoming", "UBND xã Đông Dư vắng 8/25 người, công chức không đeo thẻ"),
        ("strength", "Tất cả những người vắng mặt đều có lý do (đi họp, nghỉ phép)"),
        # no excuse in its own paragraph
        ("shortcoming", "UBND xã Kiêu Kỵ vắng 2/22 người"),
    ]


def test_a_long_headline_without_punctuation_above_the_body_is_not_a_finding() -> None:
    headline = ("Huyện Tân Phước đẩy mạnh công tác kiểm tra công vụ và cải cách hành chính góp phần nâng cao"
                " hiệu quả hoạt động của bộ máy chính quyền các cấp và phục vụ tốt hơn nhân dân trên địa bàn")
    assert len(headline.split()) > 30
    text = (f"08:15 12/04/2022\n{headline}\n\n"
            "Qua kiểm tra, UBND các xã đã niêm yết đầy đủ thủ tục hành chính tại Bộ phận Một cửa.")
    assert _pairs(find_findings(text)) == [
        ("strength", "UBND các xã đã niêm yết đầy đủ thủ tục hành chính tại Bộ phận Một cửa")]


def test_a_long_lead_without_a_final_stop_is_still_read_above_the_body() -> None:
    lead = ("Qua kiểm tra, UBND xã Tân Hòa đã niêm yết đầy đủ thủ tục hành chính, bố trí công chức trực"
            " thường xuyên tại Bộ phận Một cửa, giải quyết hồ sơ đúng hạn cho người dân trên địa bàn xã")
    found = find_findings(f"{lead}\n\nPhóng viên")
    assert found and all(f.polarity == "strength" for f in found)


def test_a_few_lower_case_words_left_of_a_widget_are_not_a_finding() -> None:
    text = ("Qua kiểm tra, xã Tân Hòa giải quyết hồ sơ đúng hạn.\n\nTính đến tháng 6\ntỉnh đã giải quyết\n\n"
            "hồ sơ đúng hạn\nĐã tiếp nhận:\nĐã giải quyết:")
    assert _pairs(find_findings(text)) == [("strength", "xã Tân Hòa giải quyết hồ sơ đúng hạn")]


def test_a_short_lower_case_item_ending_with_a_semicolon_is_a_list_item_not_a_fragment() -> None:
    text = ("Đoàn đã làm việc với UBND xã Tân An.\n\nQua kiểm tra, UBND xã còn một số hạn chế sau:\n\n"
            "chưa niêm yết thủ tục;\n\nthiếu sổ theo dõi;\n\nkhông có phiếu hẹn.\n")
    assert _pairs(find_findings(text)) == [
        ("shortcoming", "chưa niêm yết thủ tục"), ("shortcoming", "thiếu sổ theo dõi"),
        ("shortcoming", "không có phiếu hẹn")]


def test_the_superiors_decision_on_a_proposal_judges_nobody() -> None:
    text = ("UBND tỉnh đồng ý với đề xuất của Sở Nội vụ, phê duyệt kết quả Chỉ số CCHC năm 2023 của các"
            " huyện; không công bố kết quả xếp hạng của các sở, ngành; đồng thời không tổ chức hội nghị"
            " công bố kết quả. UBND tỉnh yêu cầu các huyện rút kinh nghiệm, có giải pháp đẩy mạnh CCHC.")
    assert _pairs(find_findings(text)) == [
        ("recommendation", "UBND tỉnh yêu cầu các huyện rút kinh nghiệm, có giải pháp đẩy mạnh CCHC")]


def test_a_cause_given_after_a_shortfall_is_not_a_finding_of_its_own() -> None:
    text = ("Trên Cổng Dịch vụ công, tỉnh còn 312 hồ sơ đang xử lý quá hạn, phần lớn do người dân bổ sung"
            " hồ sơ chậm, đến nay đã được xử lý xong.")
    assert _pairs(find_findings(text)) == [
        ("shortcoming", "Trên Cổng Dịch vụ công, tỉnh còn 312 hồ sơ đang xử lý quá hạn")]


def test_a_sentence_naming_the_cause_of_a_shortcoming_judges_the_inspected() -> None:
    text = "Công tác CCHC còn hạn chế. Nguyên nhân chính là do người đứng đầu chưa quan tâm chỉ đạo."
    assert _pairs(find_findings(text)) == [
        ("shortcoming", "Công tác CCHC còn hạn chế"),
        ("shortcoming", "Nguyên nhân chính là do người đứng đầu chưa quan tâm chỉ đạo")]


def test_ghi_nhan_before_a_clause_of_its_own_is_a_lead_in_before_the_merits_noted_it_stays() -> None:
    noted = find_findings("Tại thời điểm kiểm tra, đoàn ghi nhận UBND xã Tân Hòa có bố trí phòng tiếp công"
                          " dân và phân công công chức trực theo quy định.")
    assert _pairs(noted) == [("strength", "UBND xã Tân Hòa có bố trí phòng tiếp công dân và phân công"
                                          " công chức trực theo quy định")]
    merits = find_findings("Đoàn kiểm tra ghi nhận những kết quả tích cực trong thực hiện kỷ cương hành chính"
                           " của cán bộ, công chức xã.")
    assert [f.text[:22] for f in merits] == ["Đoàn kiểm tra ghi nhận"]


def test_a_statement_cut_off_by_the_end_of_the_text_keeps_only_its_complete_part() -> None:
    body = "Xã niêm yết đầy đủ thủ tục hành chính.\n\n"  # a line above the body with no stop is a headline
    kept = find_findings(body + "Qua kiểm tra, việc quản lý giờ làm việc của công chức xã chưa đảm bảo"
                                " theo quy đ")
    assert _pairs(kept)[1:] == [("shortcoming", "việc quản lý giờ làm việc của công chức xã chưa đảm bảo")]
    trimmed = find_findings(body + "Đoàn đề nghị các xã tiếp tục phát huy những kết quả đạt được, nỗ lực phấ")
    assert [f.text for f in trimmed][1:] == ["Đoàn đề nghị các xã tiếp tục phát huy những kết quả đạt được"]
    dropped = find_findings(body + "Vẫn còn trường hợp giải quyết hồ sơ thủ tục hành c")
    assert [f.text for f in dropped] == ["Xã niêm yết đầy đủ thủ tục hành chính"]


def test_a_text_ending_in_a_whole_word_without_a_stop_is_not_cut() -> None:
    text = "Lãnh đạo xã đều không biết những cán bộ, công chức vắng mặt đang đi đâu"
    found = find_findings("Xã niêm yết đầy đủ thủ tục hành chính.\n\n" + text)
    assert [f.text for f in found][1:] == [text]


def test_an_inspections_stated_purpose_is_no_finding() -> None:
    text = ("Hằng năm, huyện tổ chức kiểm tra công tác CCHC tại các xã. UBND huyện kịp thời phát hiện,"
            " chấn chỉnh những sai sót, hạn chế của cơ quan, cá nhân có liên quan nhằm nâng cao hiệu quả"
            " công tác. Tại xã Tân Phú, bộ phận một cửa còn thiếu sổ theo dõi hồ sơ.")
    assert _pairs(find_findings(text)) == [
        ("shortcoming", "Tại xã Tân Phú, bộ phận một cửa còn thiếu sổ theo dõi hồ sơ")]


def test_a_self_check_told_as_done_keeps_its_result() -> None:
    text = ("Qua tự kiểm tra, UBND xã đã kịp thời phát hiện, chấn chỉnh 5 trường hợp sai sót trong giải"
            " quyết hồ sơ.")
    assert [p for p, _ in _pairs(find_findings(text))] != []


def test_a_detection_told_as_not_yet_done_is_a_fault() -> None:
    for text in ("Việc tự kiểm tra của xã chưa thường xuyên, chưa kịp thời phát hiện, chấn chỉnh sai sót.",
                 "UBND xã chưa kịp thời phát hiện và xử lý các trường hợp vi phạm về giờ giấc làm việc."):
        assert "shortcoming" in [p for p, _ in _pairs(find_findings(text))], text


def test_the_checkers_follow_up_after_qua_do_is_no_finding() -> None:
    text = ("Tỉnh lập đoàn công tác đi kiểm tra việc bố trí cán bộ tại các xã mới. Qua đó, kịp thời chỉ đạo"
            " các cấp tháo gỡ khó khăn để bộ máy vận hành thông suốt. Một số xã còn thiếu công chức"
            " công nghệ thông tin.")
    assert _pairs(find_findings(text)) == [
        ("shortcoming", "Một số xã còn thiếu công chức công nghệ thông tin")]


def test_a_follow_up_demand_with_its_own_subject_stays_a_recommendation() -> None:
    text = "Qua đó, Đoàn kiểm tra yêu cầu xã xây dựng kế hoạch khắc phục những hạn chế đã nêu."
    assert [p for p, _ in _pairs(find_findings(text))] == ["recommendation"]


def test_the_team_issuing_its_notice_is_no_finding_unless_it_says_a_fault() -> None:
    issued = ("Sau khi kiểm tra, Đoàn kiểm tra đã ra thông báo kết quả kiểm tra, nêu rõ nhận xét, đánh giá"
              " đối với từng nội dung đơn vị đã thực hiện.")
    assert find_findings(issued) == []
    with_fault = "Đoàn kiểm tra đã ban hành kết luận, trong đó xã còn chậm cập nhật hồ sơ cán bộ."
    assert "shortcoming" in [p for p, _ in _pairs(find_findings(with_fault))]


def test_a_news_subheading_in_the_body_is_no_finding() -> None:
    text = ("Sáng 3/4, Đoàn kiểm tra của tỉnh làm việc với UBND huyện Tân Phước.\n\n"
            "Khẩn trương khắc phục tình trạng hồ sơ trễ hạn\n\n"
            "Qua kiểm tra, bộ phận một cửa của huyện còn để 12 hồ sơ trễ hạn.")
    assert _pairs(find_findings(text)) == [
        ("shortcoming", "bộ phận một cửa của huyện còn để 12 hồ sơ trễ hạn")]


def test_a_caption_that_judges_and_a_listed_demand_stay_findings() -> None:
    caption = ("Sáng 3/4, Đoàn kiểm tra của tỉnh làm việc với UBND huyện Tân Phước.\n\n"
               "Tại xã Phú Mỹ công chức có mặt chưa đầy đủ\n\n"
               "Qua kiểm tra, bộ phận một cửa của huyện còn để 12 hồ sơ trễ hạn.")
    assert "Tại xã Phú Mỹ công chức có mặt chưa đầy đủ" in [f.text for f in find_findings(caption)]
    demands = ("Qua kiểm tra, xã còn 5 hồ sơ trễ hạn.\n\nĐoàn đề nghị UBND xã:\n\n"
               "Tăng cường kiểm tra việc giải quyết hồ sơ\n\nXã cần báo cáo kết quả trước ngày 30/6.")
    assert ("recommendation", "Tăng cường kiểm tra việc giải quyết hồ sơ") in _pairs(find_findings(demands))


def test_the_superiors_next_step_awaiting_its_ground_is_no_finding() -> None:
    text = ("Sáng 9/1, Đoàn kiểm tra của thành phố đến UBND xã Tân Lập lúc 7h30. Nhiều cán bộ xã vắng mặt"
            " khi đoàn đến kiểm tra. Theo ông Hùng, căn cứ báo cáo giải trình của UBND xã, UBND huyện mới"
            " có cơ sở để xử lý, kỷ luật những cán bộ vắng mặt.")
    assert _pairs(find_findings(text)) == [
        ("shortcoming", "Nhiều cán bộ xã vắng mặt khi đoàn đến kiểm tra")]


def test_a_demand_awaiting_a_ground_and_a_ground_lacking_stay_findings() -> None:
    demand = "Đoàn yêu cầu UBND xã Tân Lập báo cáo giải trình để có cơ sở xem xét, xử lý trách nhiệm."
    assert [p for p, _ in _pairs(find_findings(demand))] == ["recommendation"]
    lacking = "Hồ sơ kỷ luật của xã không có cơ sở để xử lý vì thiếu biên bản vi phạm."
    assert [f.text for f in find_findings(lacking)] != []
    fault = "Xã chưa lập biên bản đối với công chức đi làm muộn để có cơ sở xử lý kỷ luật."
    assert _pairs(find_findings(fault)) == [("shortcoming", fault[:-1])]  # the act not done is the fault


def test_a_thing_judged_again_after_the_comma_on_the_same_matter_stays_one_finding() -> None:
    text = ("Tuy nhiên, UBND xã còn một số hạn chế như: sổ theo dõi, phiếu hẹn còn một số thông tin chưa"
            " thống nhất, phiếu hẹn không ghi đầy đủ ngày trả kết quả.")
    assert [f.text for f in find_findings(text)] == [
        "sổ theo dõi, phiếu hẹn còn một số thông tin chưa thống nhất, phiếu hẹn không ghi đầy đủ ngày"
        " trả kết quả"]


def test_the_same_subject_on_another_matter_or_another_unit_still_splits() -> None:
    matters = ("Qua kiểm tra, bộ phận một cửa chưa niêm yết đầy đủ thủ tục hành chính, bộ phận một cửa không"
               " có công chức trực trong giờ làm việc.")
    assert [f.text for f in find_findings(matters)] == [
        "bộ phận một cửa chưa niêm yết đầy đủ thủ tục hành chính",
        "bộ phận một cửa không có công chức trực trong giờ làm việc"]
    units = ("Qua kiểm tra, UBND phường Tân An có 3 công chức vắng mặt không có lý do, UBND phường Tân Bình"
             " có 2 công chức đi muộn.")
    assert len(find_findings(units)) == 2
    same_matter = ("Qua kiểm tra, UBND phường Tân An chưa niêm yết đầy đủ thủ tục hành chính, UBND phường"
                   " Tân Bình chưa niêm yết công khai thủ tục hành chính.")
    assert len(find_findings(same_matter)) == 2  # another unit's fault, though on the same matter


def test_a_judging_lead_in_keeps_the_examples_after_nhu_as_one_finding() -> None:
    # the items after "như:" only name the parts of what the lead-in judges: one finding with them
    text = ("Sổ theo dõi hồ sơ lĩnh vực chứng thực còn ghi thiếu một số mục như: ngày nhận hồ sơ, "
            "chữ ký của người nộp.")
    assert _pairs(find_findings(text)) == [("shortcoming", text.rstrip("."))]
    text = ("Năm 2023, các chỉ tiêu bị trừ điểm như: Công tác tuyên truyền cải cách hành chính; "
            "Tỷ lệ văn bản điện tử tại các phòng; Kết quả khảo sát người dân.")
    # (the year opening the sentence frames it and is left out: cues.TIME_LEAD)
    assert _pairs(find_findings(text)) == [("shortcoming", text.removeprefix("Năm 2023, ").rstrip("."))]
    text = "Các chỉ tiêu bị trừ điểm như: Công tác tuyên truyền cải cách hành chính; Tỷ lệ văn bản điện tử."
    assert _pairs(find_findings(text)) == [("shortcoming", text.rstrip("."))]


def test_a_lead_in_naming_faults_before_nhu_still_announces_its_items() -> None:
    # a lead-in naming faults announces findings, and items judging on their own stand alone
    text = "Tuy nhiên, xã còn một số hạn chế như: chưa cập nhật sổ theo dõi; phiếu hẹn ghi thiếu ngày trả."
    assert _pairs(find_findings(text)) == [("shortcoming", "chưa cập nhật sổ theo dõi"),
                                            ("shortcoming", "phiếu hẹn ghi thiếu ngày trả")]
    text = ("Bộ phận một cửa còn chậm cập nhật một số văn bản như: chưa niêm yết thủ tục mới; "
            "chưa thay bảng giá cũ.")
    assert [f.text for f in find_findings(text)] == ["chưa niêm yết thủ tục mới", "chưa thay bảng giá cũ"]
    # "một số nội dung như:" announces the points raised (cues.ANNOUNCED_EXAMPLES), items with no
    # judgement of their own: the lead-in is left out though it judges
    text = ("Đoàn kiểm tra đề nghị xã tập trung khắc phục một số nội dung như: công tác tuyên truyền "
            "cải cách hành chính; tỷ lệ văn bản điện tử giữa các phòng.")
    assert [f.text for f in find_findings(text)] == [
        "công tác tuyên truyền cải cách hành chính; tỷ lệ văn bản điện tử giữa các phòng"]


def test_one_fault_singled_out_after_trong_do_starts_its_finding() -> None:
    # "còn một số thiếu sót, trong đó, ...": the announcement is a lead-in, the fault after it the finding
    text = ("Qua kiểm tra cho thấy xã còn một số thiếu sót, trong đó, sổ tiếp nhận hồ sơ đất đai "
            "còn bỏ trống cột ngày hẹn trả.")
    assert _pairs(find_findings(text)) == [
        ("shortcoming", "sổ tiếp nhận hồ sơ đất đai còn bỏ trống cột ngày hẹn trả")]
    text = "Xã còn một số thiếu sót, trong đó, sổ tiếp nhận hồ sơ đất đai còn bỏ trống cột ngày hẹn trả."
    assert [f.text for f in find_findings(text)] == [
        "sổ tiếp nhận hồ sơ đất đai còn bỏ trống cột ngày hẹn trả"]
    # "Trong đó," opening a sentence points at a part of the whole said before: a connector
    text = ("Toàn tỉnh có 120 hồ sơ quá hạn. Trong đó, huyện Đông Hải có 45 hồ sơ đất đai bị quá hạn "
            "trên 10 ngày.")
    assert [f.text for f in find_findings(text)][-1] == (
        "huyện Đông Hải có 45 hồ sơ đất đai bị quá hạn trên 10 ngày")


def test_an_act_conceded_done_after_va_is_not_under_the_negation_before_it() -> None:
    # "nhưng chưa đầy đủ" says the posting was done: "chưa" before the "và" does not reach it
    text = ("Xã chưa ban hành quy chế tiếp nhận và trả kết quả hồ sơ và niêm yết công khai thủ tục "
            "nhưng chưa đầy đủ các mức phí, lệ phí.")
    assert _pairs(find_findings(text)) == [
        ("shortcoming", "Xã chưa ban hành quy chế tiếp nhận và trả kết quả hồ sơ"),
        ("shortcoming", "niêm yết công khai thủ tục nhưng chưa đầy đủ các mức phí, lệ phí")]
    # no concession after "và": one more object of the verb denied, one finding
    text = "Xã chưa ban hành quy chế tiếp nhận hồ sơ và quy chế văn hóa công sở của cơ quan."
    assert [f.text for f in find_findings(text)] == [text.rstrip(".")]
    # "song" turns as "nhưng" does
    text = "UBND xã chưa bố trí cán bộ trực và niêm yết công khai thủ tục song chưa đầy đủ."
    assert [f.text for f in find_findings(text)] == ["UBND xã chưa bố trí cán bộ trực",
                                                     "niêm yết công khai thủ tục song chưa đầy đủ"]
    # a noun after "và" is one more object of the verb denied, whatever the turn after it says
    text = ("Xã chưa ban hành quy chế làm việc và kế hoạch cải cách hành chính nhưng vẫn tổ chức "
            "thực hiện các nhiệm vụ.")
    assert [f.text for f in find_findings(text)] == [text.rstrip(".")]


def test_a_quotation_with_straight_marks_and_a_dash_before_who_said_it() -> None:
    # news sites write '"...", ông X cho biết' and '"..." – bà Y thông tin'; the marks are no part of it
    text = '"Xã đã niêm yết đầy đủ, kịp thời các thủ tục hành chính" – bà Trần Thị Lan thông tin.'
    assert [f.text for f in find_findings(text)] == ["Xã đã niêm yết đầy đủ, kịp thời các thủ tục hành chính"]
    text = 'Bà Lan cho biết: "Nhiều xã đã trang bị ghế ngồi, máy lấy số tự động cho người dân.'
    assert [f.text for f in find_findings(text)] == [
        "Nhiều xã đã trang bị ghế ngồi, máy lấy số tự động cho người dân"]


def test_da_va_dang_reports_an_act_as_da_does() -> None:
    # "đã và đang áp dụng" (have been and still are applying) is an act reported done, as "đã áp dụng"
    text = ("Đến nay, hầu hết các phòng chuyên môn của huyện và 12 xã, thị trấn đã và đang áp dụng "
            "hệ thống quản lý chất lượng theo TCVN ISO 9001:2015.")
    assert _pairs(find_findings(text)) == [("strength", text.rstrip("."))]


def test_duoc_biet_is_a_reporting_frame_left_out_of_the_span() -> None:
    text = "Được biết, UBND xã Tân Hòa đã bố trí máy lấy số tự động tại bộ phận một cửa."
    assert [f.text for f in find_findings(text)] == [
        "UBND xã Tân Hòa đã bố trí máy lấy số tự động tại bộ phận một cửa"]


def test_tuy_nhien_trimmed_as_a_connector_still_turns_a_weakly_judged_clause() -> None:
    # the only cue of its own is "mới ... có" (0.5); after "Tuy nhiên" it is a shortcoming (the guide)
    text = ("Xã đã niêm yết đầy đủ các thủ tục hành chính. Tuy nhiên, lúc 14 giờ 10 phút, bộ phận một "
            "cửa mới có công chức đến làm việc, trong khi giờ làm việc buổi chiều bắt đầu từ 13 giờ 30.")
    assert _pairs(find_findings(text)) == [
        ("strength", "Xã đã niêm yết đầy đủ các thủ tục hành chính"),
        ("shortcoming", "lúc 14 giờ 10 phút, bộ phận một cửa mới có công chức đến làm việc, trong khi "
                        "giờ làm việc buổi chiều bắt đầu từ 13 giờ 30")]
    # without the contrast the clause judges too weakly to be a finding
    assert [f.text for f in find_findings(text.replace("Tuy nhiên, lúc", "Lúc"))] == [
        "Xã đã niêm yết đầy đủ các thủ tục hành chính"]


def test_a_share_done_online_is_an_achievement_unless_said_to_fall_short() -> None:
    text = "Việc tiếp nhận hồ sơ tháng 7 gồm: hồ sơ nộp qua dịch vụ công trực tuyến là: 72,5%."
    assert _pairs(find_findings(text)) == [("strength", "hồ sơ nộp qua dịch vụ công trực tuyến là: 72,5%")]
    text = "Tỷ lệ hồ sơ nộp trực tuyến của huyện chỉ đạt 8,5%."
    assert _pairs(find_findings(text)) == [("shortcoming", text.rstrip("."))]
    # the shortfall said after the figure
    text = "Tỷ lệ hồ sơ nộp trực tuyến đạt 8,5%, thấp hơn chỉ tiêu tỉnh giao."
    assert _pairs(find_findings(text)) == [("shortcoming", text.rstrip("."))]
    # a share with no target (what is still being processed) stays a neutral statistic
    assert find_findings("Số hồ sơ đang trong thời gian giải quyết là 21,7%.") == []


def test_a_matter_said_to_have_given_rise_to_faults_is_a_finding_not_a_lead_in() -> None:
    text = ("Việc sáp nhập các thôn, tổ dân phố được thực hiện gấp nên đã phát sinh một số bất cập. "
            "Nhiều trưởng thôn còn lúng túng trong việc lập hồ sơ.")
    assert _pairs(find_findings(text)) == [
        ("shortcoming", "Việc sáp nhập các thôn, tổ dân phố được thực hiện gấp nên đã phát sinh "
                        "một số bất cập"),
        ("shortcoming", "Nhiều trưởng thôn còn lúng túng trong việc lập hồ sơ")]
    # a summary naming no matter still only announces the faults after it
    text = "Tuy nhiên, một số xã còn có thiếu sót. Nhiều trưởng thôn còn lúng túng trong việc lập hồ sơ."
    assert [f.text for f in find_findings(text)] == ["Nhiều trưởng thôn còn lúng túng trong việc lập hồ sơ"]
    # "bộc lộ" (shows) is no cause: the genre's summary verb; nor does a summary listing what follows
    for lead in ("Công tác cải cách hành chính của huyện còn bộc lộ một số hạn chế.",
                 "Việc sáp nhập các thôn đã phát sinh một số bất cập như sau."):
        text = lead + " Nhiều trưởng thôn còn lúng túng trong việc lập hồ sơ."
        assert [f.text for f in find_findings(text)] == [
            "Nhiều trưởng thôn còn lúng túng trong việc lập hồ sơ"]


_TITLE = "Kiểm tra giờ giấc làm việc tại các xã\n\n"


def test_a_news_outlets_tag_and_a_speaker_without_a_comma_are_left_out_of_the_span() -> None:
    # news writes "X cho biết" with or without its comma: what follows is the statement
    text = _TITLE + ("TPO - Ngày 5/2, ông Nguyễn Văn An, Chủ tịch UBND huyện Đông Hòa cho biết huyện đã "
                     "yêu cầu các xã tổ chức kiểm điểm cán bộ vắng mặt trong giờ làm việc.")
    assert _texts(text) == ["huyện đã yêu cầu các xã tổ chức kiểm điểm cán bộ vắng mặt trong giờ làm việc"]
    tagged = _TITLE + "(PLO)- Xã Tân Hòa còn 12 hồ sơ giải quyết quá hạn trên Cổng dịch vụ công."
    assert _texts(tagged) == ["Xã Tân Hòa còn 12 hồ sơ giải quyết quá hạn trên Cổng dịch vụ công"]


def test_cho_biet_denied_or_said_by_a_thing_is_no_speakers_frame() -> None:
    for text in ("UBND xã Tân Hòa không cho biết lý do nhiều cán bộ vắng mặt trong giờ làm việc.",
                 "Bộ phận một cửa chưa có bảng cho biết thời hạn trả kết quả hồ sơ cho công dân.",
                 "Cán bộ tiếp nhận không cho biết, cũng không hướng dẫn công dân bổ sung hồ sơ."):
        assert _texts(_TITLE + text) == [text.rstrip(".")]


def test_a_joint_bodys_name_is_no_outlets_tag() -> None:
    # capitals and a dash with no space after it are a body's name ("HĐND-UBND"), not a paper's;
    # nor is a body's abbreviation with spaces round the dash, opening a paragraph or not
    for text in ("HĐND-UBND huyện chưa ban hành kế hoạch kiểm tra cải cách hành chính năm 2023.",
                 "UBND – HĐND xã chưa ban hành quy chế phối hợp tiếp công dân."):
        assert _texts(_TITLE + text) == [text.rstrip(".")]
    text = "UBND – HĐND xã chưa ban hành quy chế phối hợp tiếp công dân."
    assert _texts(_TITLE + "Xã có 12 hồ sơ giải quyết quá hạn. " + text)[-1] == text.rstrip(".")


def test_an_outlets_tag_is_read_only_where_a_paragraph_opens() -> None:
    """The tag opens the article's body: after a full stop, capitals and a dash are the sentence's."""
    text = "TPO - Xã Tân Hòa còn 12 hồ sơ giải quyết quá hạn trên Cổng dịch vụ công."
    assert _texts(_TITLE + text) == [text[6:].rstrip(".")]
    assert _texts(_TITLE + "Đoàn đã kiểm tra tại xã. " + text) == [text.rstrip(".")]


def test_a_speaker_is_a_subject_with_no_predicate_of_its_own() -> None:
    """Words before "cho biết" that hold a predicate make the clause a statement: "cho biết" is then
    "shows" or the second verb of one subject, and the frame is no speaker's."""
    for text in ("Phòng Tư pháp chưa có bảng cho biết thời hạn trả kết quả hồ sơ cho công dân.",
                 "Trưởng phòng không nắm được quy trình, cho biết chưa từng được tập huấn nghiệp vụ."):
        assert _texts(_TITLE + text) == [text.rstrip(".")]
    for said in ("Bà Trần Thị C, Phó trưởng phòng Nội vụ huyện cho biết ",
                 "Về vấn đề này, một lãnh đạo Sở Nội vụ cho biết ",
                 "Ông A, Chủ tịch UBND xã B, cũng cho biết thêm, "):
        assert _texts(_TITLE + said + "nhiều xã còn chậm trả kết quả hồ sơ.") == [
            "nhiều xã còn chậm trả kết quả hồ sơ"]


def test_the_occasion_of_a_statement_is_left_out_of_the_span() -> None:
    for text in ("Giải trình với Đoàn kiểm tra, lãnh đạo xã không nắm được công chức vắng mặt đi đâu.",
                 "Trao đổi với PV, lãnh đạo xã không nắm được công chức vắng mặt đi đâu."):
        assert _texts(_TITLE + text) == ["lãnh đạo xã không nắm được công chức vắng mặt đi đâu"]
    # the topic the speaker was asked about, the inspectors' arrival where the check took place
    for text in ("Nói về việc số hóa hồ sơ, Giám đốc Sở Nội vụ đánh giá cao mô hình của phường A.",
                 "Đề cập đến việc số hóa hồ sơ, Giám đốc Sở Nội vụ đánh giá cao mô hình của phường A."):
        assert _texts(_TITLE + text) == ["Giám đốc Sở Nội vụ đánh giá cao mô hình của phường A"]
    arrived = "Có mặt tại trụ sở UBND xã B lúc 7h45, Đoàn ghi nhận cán bộ, công chức đã có mặt đầy đủ."
    assert _texts(_TITLE + arrived) == ["Đoàn ghi nhận cán bộ, công chức đã có mặt đầy đủ"]
    # without the time of an arrival, "có mặt tại" is who was there: the finding's own words
    present = "Có mặt tại bộ phận một cửa chỉ có 1 công chức, các công chức khác đi họp không báo cáo."
    assert _texts(_TITLE + present)[0] == "Có mặt tại bộ phận một cửa chỉ có 1 công chức"
    on_time = "Có mặt tại cơ quan đúng giờ, cán bộ, công chức xã B đều đeo thẻ công chức."
    assert _texts(_TITLE + on_time) == [on_time.rstrip(".")]


def test_a_frame_naming_who_stays_when_the_statement_points_back_into_it() -> None:
    """"tỉnh này" names no one once the frame naming the province is cut: a finding is read alone.
    The dateline before it, naming no one, still goes."""
    text = _TITLE + ("Ngày 12/4, Văn phòng UBND tỉnh A cho biết Chủ tịch UBND tỉnh này đã yêu cầu các "
                     "huyện khẩn trương giải quyết dứt điểm hồ sơ tồn đọng.")
    assert _texts(text) == ["Văn phòng UBND tỉnh A cho biết Chủ tịch UBND tỉnh này đã yêu cầu các huyện "
                            "khẩn trương giải quyết dứt điểm hồ sơ tồn đọng"]
    sourced = "Theo báo cáo của UBND huyện B, huyện này còn 40 hồ sơ giải quyết quá hạn."
    assert _texts(sourced) == [sourced.rstrip(".")]
    met = "Làm việc với UBND huyện B, Đoàn yêu cầu huyện này khắc phục ngay các hồ sơ quá hạn."
    assert _texts(met) == [met.rstrip(".")]
    # any level word of core/levels.py points back, the level added last as well
    special = "Theo báo cáo của UBND đặc khu B, đặc khu này còn 40 hồ sơ giải quyết quá hạn."
    assert _texts(special) == [special.rstrip(".")]
    # a statement naming its own subject loses the frame as before
    assert _texts(sourced.replace("huyện này", "huyện B")) == ["huyện B còn 40 hồ sơ giải quyết quá hạn"]


def test_the_source_of_figures_is_left_out_but_not_the_rule_cited() -> None:
    said = "Theo Văn phòng UBND tỉnh, 45% số hồ sơ trễ hạn là do phần mềm một cửa điện tử lỗi kết nối."
    assert _texts(said) == ["45% số hồ sơ trễ hạn là do phần mềm một cửa điện tử lỗi kết nối"]
    reported = ("Theo báo cáo của Trung tâm Phục vụ hành chính công tỉnh, trong tháng 10 vừa qua, "
                "huyện Tuy An có 40 hồ sơ giải quyết trễ hạn.")
    assert _texts(reported) == ["huyện Tuy An có 40 hồ sơ giải quyết trễ hạn"]
    ruled = "Theo quy định, hồ sơ phải trả trong 3 ngày nhưng xã trả chậm 5 ngày."
    assert _texts(ruled)[0].startswith("Theo quy định")
    # a ministry or an official by a deputy's title is a source; the set of criteria is a rule
    for source in ("Theo Bộ Nội vụ, ", "Theo Phó Giám đốc Sở Nội vụ, "):
        assert _texts(source + "nhiều địa phương chưa hoàn thành sắp xếp đơn vị hành chính.") == [
            "nhiều địa phương chưa hoàn thành sắp xếp đơn vị hành chính"]
    criteria = "Theo bộ tiêu chí đánh giá, xã chưa đạt chỉ tiêu về tỷ lệ hồ sơ trực tuyến."
    assert _texts(criteria) == [criteria.rstrip(".")]


def test_a_time_or_a_check_opening_the_sentence_is_left_out_of_the_span() -> None:
    assert _texts("Năm 2022, UBND huyện đã ban hành đầy đủ kế hoạch cải cách hành chính.") == [
        "UBND huyện đã ban hành đầy đủ kế hoạch cải cách hành chính"]
    assert _texts("Qua rà soát, trong tháng 9, toàn huyện có 120 hồ sơ quá hạn tiếp nhận.") == [
        "toàn huyện có 120 hồ sơ quá hạn tiếp nhận"]
    assert _texts("Sau kiểm tra, UBND huyện yêu cầu các xã khắc phục ngay các hạn chế đã nêu.") == [
        "UBND huyện yêu cầu các xã khắc phục ngay các hạn chế đã nêu"]
    assert _texts("Qua kết quả kiểm tra tại cấp huyện, UBND huyện đã ban hành kế hoạch tự kiểm tra.") == [
        "UBND huyện đã ban hành kế hoạch tự kiểm tra"]
    # a news dateline: part of the day, with or without its date, the date in brackets
    for dateline in ("Chiều qua (13/9), ", "Sáng nay, ", "Hôm qua 2-7, ", "Sáng 11-11, ", "Chiều ngày 2/2, ",
                     # the genre's reporting periods: a quarter in Roman numerals, months of a year
                     "Quý I/2023, ", "Trong quý III, ", "Trong 6 tháng đầu năm 2023, ", "9 tháng năm 2023, "):
        assert _texts(dateline + "UBND huyện đã ban hành đầy đủ kế hoạch cải cách hành chính.") == [
            "UBND huyện đã ban hành đầy đủ kế hoạch cải cách hành chính"]


@pytest.mark.parametrize("text", [
    "Một số công chức uống bia, rượu trong giờ làm việc.",
    "Công chức có biểu hiện rượu, bia trong giờ hành chính.",
])
def test_drink_written_as_the_law_names_it_is_misconduct(text: str) -> None:
    """"rượu, bia" (the law's own name for it) is the misconduct "rượu bia" is, in either order."""
    assert polarity_of(text) == "shortcoming"


def test_a_readers_complaint_is_a_complaint_and_words_to_the_reader_are_none() -> None:
    """NON_FINDING drops the page's address to its reader, never the readers complaining of an
    office (COMPLAINT_LEAD), whichever way the complaint is written."""
    fault = "cán bộ một cửa xã Tân Hòa thường xuyên đi muộn, về sớm"
    assert _pairs(find_findings("Độc giả phản ánh " + fault + ".")) == [("shortcoming", fault)]
    cited = "Theo phản ánh của bạn đọc, " + fault
    assert _texts(cited + ".") == [cited]
    assert _texts("Bạn có thể nộp hồ sơ trực tuyến nếu cán bộ xã chưa tiếp nhận.") == []


def test_a_figure_no_word_judges_in_a_series_of_figures_is_data() -> None:
    opening = "Trung tâm Phục vụ hành chính công của huyện báo cáo kết quả tháng 5.\n\n"
    text = opening + ("Trong tháng, số hồ sơ giải quyết đúng hạn là 92,5%; "
                      "số hồ sơ giải quyết quá hạn: 2,1%; số hồ sơ đang trong thời gian giải quyết là 5,4%.")
    assert _pairs(find_findings(text)) == [
        ("strength", "Trong tháng, số hồ sơ giải quyết đúng hạn là 92,5%"),
        ("shortcoming", "số hồ sơ giải quyết quá hạn: 2,1%"),
    ]
    # between two judged items it is neither joined to the next nor a finding
    middle = opening + ("Xã chưa niêm yết thủ tục hành chính; số hồ sơ đang giải quyết là 30 hồ sơ; "
                        "sổ theo dõi ghi chép không đầy đủ.")
    assert _pairs(find_findings(middle)) == [
        ("shortcoming", "Xã chưa niêm yết thủ tục hành chính"),
        ("shortcoming", "sổ theo dõi ghi chép không đầy đủ"),
    ]
    # a rate, an index score, a rank is judged by its figure (the annotation guide): never dropped
    for measure in ("tỷ lệ hài lòng của người dân là 98%", "chỉ số CCHC năm 2022 của xã là 85,5 điểm"):
        judged = opening + f"Xã thực hiện tốt công tác tuyên truyền cải cách hành chính; {measure}."
        assert measure in " ".join(t for _, t in _pairs(find_findings(judged)))
    # under a lead announcing faults the figure stays with the faults, as before
    announced = opening + "Còn hạn chế như: số hồ sơ quá hạn là 12 hồ sơ; số hồ sơ chờ bổ sung là 30 hồ sơ."
    assert _pairs(find_findings(announced)) == [
        ("shortcoming", "số hồ sơ quá hạn là 12 hồ sơ; số hồ sơ chờ bổ sung là 30 hồ sơ")]


def test_an_item_of_a_demand_list_naming_the_fault_it_asks_to_mend_is_a_recommendation() -> None:
    """Under a lead that says who is asked ("kiến nghị Chủ tịch UBND xã …:"), an item that holds
    its own "phải"/"cần" names the fault only as what is to be mended: it is a demand, as its lead
    says. Outside such a list the same words stay a verdict on the fault."""
    text = ("Qua kiểm tra, xã còn để hồ sơ quá hạn.\nTổ kiểm tra kiến nghị Chủ tịch UBND xã Phú Lâm:\n"
            "1. Công chức còn đi muộn, không đeo thẻ phải được nhắc nhở, kiểm điểm.\n"
            "2. Sổ theo dõi hồ sơ chưa ghi đầy đủ cần bổ sung ngay.")
    assert [f.polarity for f in find_findings(text)] == ["shortcoming", "recommendation", "recommendation"]
    joined = ("Tổ kiểm tra kiến nghị Chủ tịch UBND xã Phú Lâm: công chức còn đi muộn, không đeo thẻ "
              "phải được nhắc nhở, kiểm điểm; sổ theo dõi hồ sơ chưa ghi đầy đủ cần bổ sung ngay.")
    assert [f.polarity for f in find_findings(joined)] == ["recommendation", "recommendation"]
    alone = "Công chức còn đi muộn, không đeo thẻ phải được nhắc nhở, kiểm điểm."
    assert [f.polarity for f in find_findings(alone)] == ["shortcoming"]


@pytest.mark.parametrize(("text", "polarity"), [
    # a unit's own act, the directive word reported with an aspect marker
    ("Nhiều xã đã đề xuất và áp dụng cách làm hiệu quả trong tiếp nhận hồ sơ", "strength"),
    ("Phường đã kịp thời đề xuất giải pháp tháo gỡ vướng mắc cho người dân", "strength"),
    ("UBND huyện đã chỉ đạo các xã khắc phục kịp thời", "strength"),
    ("Bộ phận một cửa từng đề xuất bố trí thêm máy lấy số tự động, được đánh giá cao", "strength"),
    # the inspecting body speaks, or a demand names whom it tells to act: still a demand
    ("Đoàn kiểm tra đã kiến nghị UBND xã Tân Phú rà soát lại quy trình tiếp nhận hồ sơ", "recommendation"),
    ("Tổ công tác đã đề xuất giải pháp nâng cao tỷ lệ hồ sơ trực tuyến", "recommendation"),
    ("Chủ tịch UBND tỉnh vừa yêu cầu Chủ tịch UBND các huyện rà soát hồ sơ trễ hạn", "recommendation"),
    # an unreported demand is untouched, and so is a later one inside a reported directive's sentence
    ("Đề nghị UBND xã kịp thời đề xuất giải pháp tháo gỡ vướng mắc", "recommendation"),
])
def test_a_directive_reported_as_a_units_act_is_no_demand(text: str, polarity: str) -> None:
    """"đã đề xuất", "đã chỉ đạo", "kịp thời đề xuất": what the unit did (annotation guide: what they
    did well), not what the report asks of it; who speaks and whom the demand names decide."""
    assert polarity_of(text) == polarity


def test_a_colon_naming_the_members_of_a_class_keeps_the_clause_before_it() -> None:
    # "tại các phòng:" names the offices checked; the statement goes on after the names
    text = ("Tuy nhiên, kiểm tra đột xuất giờ giấc làm việc tại các phòng: Tư pháp, Văn hóa - Thông tin, "
            "Y tế lúc 14h05 không có công chức tại phòng.")
    assert _pairs(find_findings(text)) == [
        ("shortcoming", text[len("Tuy nhiên, "):].rstrip(".")),
    ]
    # ... and "UBND các xã:" likewise, of the communes named
    text = "Việc niêm yết thủ tục hành chính tại UBND các xã: Phú Lộc, Tân Hòa, An Bình còn chưa đầy đủ."
    assert _pairs(find_findings(text)) == [("shortcoming", text.rstrip("."))]


def test_a_colon_after_a_class_that_announces_faults_or_demands_is_still_a_lead_in() -> None:
    text = ("Đoàn kiểm tra đề nghị các đơn vị: rà soát, niêm yết đầy đủ thủ tục hành chính; "
            "cập nhật sổ theo dõi hồ sơ.")
    assert _pairs(find_findings(text)) == [
        ("recommendation", "rà soát, niêm yết đầy đủ thủ tục hành chính"),
        ("recommendation", "cập nhật sổ theo dõi hồ sơ"),
    ]
    text = ("Tuy nhiên, còn một số hạn chế tại các xã: sổ theo dõi chưa ghi chép đầy đủ; "
            "phiếu hẹn không đánh số.")
    assert _pairs(find_findings(text)) == [
        ("shortcoming", "sổ theo dõi chưa ghi chép đầy đủ"),
        ("shortcoming", "phiếu hẹn không đánh số"),
    ]


def test_the_inspecting_team_also_checking_is_no_finding() -> None:
    text = ("Bên cạnh đó, Đoàn còn kiểm tra việc giải quyết thủ tục hành chính thuộc các lĩnh vực: Tư pháp, "
            "Đất đai, Xây dựng.")
    assert find_findings(text) == []


def test_an_overall_merit_and_a_merit_of_one_matter_after_a_comma_are_two() -> None:
    # an overall judgement naming no matter, then ", có ..." judging one matter: two findings
    text = ("Huyện đã thể hiện tinh thần chủ động, sáng tạo, có nhiều điểm sáng về ứng dụng chữ ký số, "
            "dịch vụ công trực tuyến.")
    assert _pairs(find_findings(text)) == [
        ("strength", "Huyện đã thể hiện tinh thần chủ động, sáng tạo"),
        ("strength", "có nhiều điểm sáng về ứng dụng chữ ký số, dịch vụ công trực tuyến"),
    ]
    # two acts each naming a matter stay one (the reception of citizens, told by two acts)
    text = ("UBND xã có bố trí phòng tiếp và phân công công chức trực tiếp công dân, có niêm yết nội quy "
            "và lịch tiếp công dân theo quy định.")
    assert len(find_findings(text)) == 1


def test_citizens_coming_to_the_office_is_no_finding() -> None:
    # the annotation guide's citizens' behaviour: "đều có" says they came, not that the office did well
    text = "Trong buổi sáng đầu năm, bộ phận một cửa của 3 xã đều có công dân đến giao dịch."
    assert find_findings(text) == []
    text = "Bộ phận một cửa đều có công dân đến giao dịch, cán bộ tiếp đón chu đáo, tận tình."
    assert _pairs(find_findings(text)) == [("strength", text.rstrip("."))]
