"""find_units on sentences written for these tests (hard cases of the annotation guide)."""

from __future__ import annotations

import pytest

from core.models import Unit
from core.normalize import nfc
from nlp.units import cue_form, find_units
from nlp.vi.unit_roles import CRITICISED_BEFORE, INSPECTED_BEFORE


def units(text: str, **kw: object) -> dict[tuple[str, str], Unit]:
    return {(m.unit.level, m.unit.name): m.unit for m in find_units(nfc(text), **kw)}  # type: ignore[arg-type]


def test_level_word_and_ubnd_are_not_part_of_the_name() -> None:
    found = units("Đoàn công tác đã làm việc với UBND xã Tân Hưng Đông về kết quả năm 2021.")
    assert list(found) == [("xã", "Tân Hưng Đông")]


def test_announced_list_gives_its_level_and_items_keep_their_own() -> None:
    text = ("Huyện đã kiểm tra 05 xã, thị trấn (Long Hựu, Phước Vĩnh, Tân Chánh, Mỹ Lệ và "
            "Thị trấn Cần Đước) trong quý III.")
    found = units(text)
    assert ("xã", "Long Hựu") in found and ("xã", "Mỹ Lệ") in found
    assert ("thị trấn", "Cần Đước") in found
    assert ("xã", "Cần Đước") not in found
    assert found[("xã", "Phước Vĩnh")].role == "inspected"


def test_colon_list_and_thi_tran_in_capitals() -> None:
    found = units("Đoàn đã kiểm tra tại các xã: Cư Bao, Ea Tân và THỊ TRẤN Krông Năng.")
    assert {("xã", "Cư Bao"), ("xã", "Ea Tân"), ("thị trấn", "Krông Năng")} <= set(found)


def test_numbered_wards() -> None:
    found = units("Kiểm tra tại UBND các phường 1, 2, 10 thuộc quận Gò Vấp.")
    assert {("phường", "1"), ("phường", "2"), ("phường", "10")} <= set(found)


@pytest.mark.parametrize("text", [
    "UBND huyện đã ban hành kế hoạch kiểm tra các xã, thị trấn.",
    "Huyện ủy chỉ đạo các xã viên hợp tác xã thực hiện tốt công tác xã hội.",
    "Cán bộ cấp xã và thành phố trực thuộc trung ương; xã, phường, thị trấn phải báo cáo.",
])
def test_unnamed_mentions_are_not_units(text: str) -> None:
    assert units(text) == {}


def test_abbreviated_names_are_written_in_full() -> None:
    found = units("Đoàn của Bộ Nội vụ làm việc với tỉnh TT-Huế, sau đó với TP.HCM và tỉnh BR-VT.")
    assert ("tỉnh", "Thừa Thiên Huế") in found
    assert ("thành phố", "Hồ Chí Minh") in found
    assert ("tỉnh", "Bà Rịa - Vũng Tàu") in found


def test_tone_placement_variants_are_one_unit_keeping_first_spelling() -> None:
    text = "Kiểm tra tại xã Thanh Hòa. Năm nay xã Thanh Hoà có nhiều chuyển biến."
    found = find_units(nfc(text))
    assert len(found) == 1
    assert found[0].unit.name == "Thanh Hòa"
    assert len(found[0].spans) == 2
    for start, end in found[0].spans:
        assert text[start:end] in ("Thanh Hòa", "Thanh Hoà")


def test_same_name_at_two_levels_is_two_units_and_disambiguated_by_province() -> None:
    text = ("Đoàn kiểm tra CCHC huyện Châu Thành, tỉnh Trà Vinh đã kiểm tra tại thị trấn "
            "Châu Thành.")
    found = units(text)
    assert found[("huyện", "Châu Thành")].province == "Trà Vinh"
    assert found[("thị trấn", "Châu Thành")].province == "Trà Vinh"
    assert found[("tỉnh", "Trà Vinh")].province == "Trà Vinh"


def test_enclosing_unit_gives_the_province_when_earlier_bare_names_precede_it() -> None:
    """Bare names found after the scan sort in before "xã A, huyện B, tỉnh C": A and B must
    still lean on the units that enclose them (a stale list index once lost them)."""
    text = ("Long An và Trà Vinh trao đổi kinh nghiệm. "
            "Đoàn kiểm tra tỉnh Long An làm việc tại tỉnh Trà Vinh. "
            "Đoàn kiểm tra tại xã Long Hòa, huyện Châu Thành, tỉnh Trà Vinh.")
    found = units(text)
    assert found[("huyện", "Châu Thành")].province == "Trà Vinh"
    assert found[("xã", "Long Hòa")].province == "Trà Vinh"


def test_repeated_district_name_without_context_has_no_province() -> None:
    assert units("UBND huyện Châu Thành tổ chức hội nghị.")[("huyện", "Châu Thành")].province is None


def test_roles_inspector_inspected_other() -> None:
    text = ("Ngày 12/5, Đoàn kiểm tra CCHC tỉnh Long An đã kiểm tra tại UBND xã Mỹ Yên, "
            "huyện Bến Lức. Xã Mỹ Yên còn chậm cập nhật hồ sơ.")
    found = units(text)
    assert found[("tỉnh", "Long An")].role == "inspector"
    assert found[("xã", "Mỹ Yên")].role == "inspected"
    assert found[("huyện", "Bến Lức")].role == "other"
    assert found[("huyện", "Bến Lức")].province == "Long An"


TABLE_HEADER = ("UBND TỈNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
                "Số: 12/KH-UBND | Nghệ An, ngày 5 tháng 3 năm 2021 |\n")


@pytest.mark.parametrize("header", ["Nghệ An, ngày 05 tháng 3 năm 2021\n", TABLE_HEADER])
def test_the_datelines_place_is_the_issuer_when_the_text_names_its_government_by_level(header: str) -> None:
    """A document dated at a place that calls its government "UBND tỉnh" was issued by that place's
    government: with no other cue, the place is the inspector (it directs its units), not a bystander."""
    text = header + ("UBND tỉnh yêu cầu Chủ tịch UBND các huyện, thị xã rà soát việc lập hồ sơ công việc. "
                     "Tăng cường công tác lưu trữ.")
    assert units(text)[("tỉnh", "Nghệ An")].role == "inspector"


def test_a_dateline_alone_or_a_named_government_does_not_make_the_issuer() -> None:
    """A ministry's letter is dated at the capital too; "UBND thành phố Vinh" names another body."""
    letter = "Hà Nội, ngày 14 tháng 4 năm 2017\nBộ Nội vụ đề nghị các bộ, ngành rà soát biên chế."
    assert units(letter)[("thành phố", "Hà Nội")].role == "other"
    named = "Nghệ An, ngày 05 tháng 3 năm 2021\nUBND thành phố Vinh tổ chức hội nghị về văn thư."
    assert units(named)[("tỉnh", "Nghệ An")].role == "other"


def test_an_issuer_judged_in_its_own_text_stays_inspected() -> None:
    """The dateline only decides when no cue does: a place whose work the text ranks was judged."""
    text = ("Nghệ An, ngày 05 tháng 3 năm 2021\nUBND tỉnh thông báo kết quả: tỉnh Nghệ An xếp thứ 12 "
            "về chỉ số CCHC.")
    assert units(text)[("tỉnh", "Nghệ An")].role == "inspected"


def test_subject_of_inspection_verb_is_inspector() -> None:
    found = units("UBND huyện Krông Pắc thực hiện kiểm tra công vụ tại xã Ea Kly.")
    assert found[("huyện", "Krông Pắc")].role == "inspector"
    assert found[("xã", "Ea Kly")].role == "inspected"


@pytest.mark.parametrize("team", ["Tổ kiểm tra công vụ", "Đoàn kiểm tra công vụ", "Tổ kiểm tra đột xuất"])
def test_kiem_tra_in_a_teams_name_names_the_inspector(team: str) -> None:
    """"kiểm tra công vụ huyện X" is what X was inspected for, unless it is the team's name."""
    found = units(f"Ngày 19/11, {team} huyện Thới Bình đến kiểm tra tại xã Tân Lộc.")
    assert found[("huyện", "Thới Bình")].role == "inspector"
    assert found[("xã", "Tân Lộc")].role == "inspected"
    found = units("Đoàn đã kiểm tra công vụ huyện Thới Bình và xã Tân Lộc.")
    assert found[("huyện", "Thới Bình")].role == "inspected"


@pytest.mark.parametrize(("text", "unit"), [
    # the agent of a check, read by the frames a finding's units leave out (core/inspectors.py),
    # before the verb "kiểm tra" some way back reads it as checked
    ("Theo kết quả kiểm tra của UBND tỉnh Long An, xã Mỹ Yên còn chậm cập nhật hồ sơ.", ("tỉnh", "Long An")),
    # the team kinds and checks of core/inspectors.toml, one table for the frames and these cues
    ("Đoàn thanh tra công vụ tỉnh Long An đến làm việc với xã Mỹ Yên.", ("tỉnh", "Long An")),
    ("UBND tỉnh Long An thanh tra việc quản lý đất đai tại xã Mỹ Yên.", ("tỉnh", "Long An")),
])
def test_the_inspector_as_the_frames_and_the_cues_name_it(text: str, unit: tuple[str, str]) -> None:
    found = units(text)
    assert found[unit].role == "inspector"
    assert found[("xã", "Mỹ Yên")].role == "inspected"


def test_a_comma_ends_the_subject_of_an_inspection_verb() -> None:
    text = ("Văn phòng UBND tỉnh Quảng Trị cho biết, Tổ công tác kiểm tra công vụ của Thủ tướng vừa kiểm tra "
            "tại tỉnh Quảng Trị.")
    assert units(text)[("tỉnh", "Quảng Trị")].role == "inspected"
    text = ("Đoàn đã kiểm tra hồ sơ, kế hoạch thực hiện quy tắc ứng xử của UBND xã Sài Sơn, "
            "kiểm tra việc tiếp nhận hồ sơ.")
    assert units(text)[("xã", "Sài Sơn")].role == "inspected"


def test_the_verb_after_an_enclosing_province_still_makes_the_district_its_subject() -> None:
    found = units("UBND huyện Krông Pắc, tỉnh Đắk Lắk thực hiện kiểm tra công vụ tại xã Ea Kly.")
    assert found[("huyện", "Krông Pắc")].role == "inspector"
    assert found[("xã", "Ea Kly")].role == "inspected"


def test_a_doubled_space_inside_a_name_is_still_one_name() -> None:
    """Captions and PDF text double spaces; the name is reported single-spaced, the span is the text's."""
    text = "Kiểm tra bộ phận một cửa xã Văn  Sơn. Ảnh: Lê Hoàn"
    found = find_units(text)
    assert [(u.unit.level, u.unit.name) for u in found] == [("xã", "Văn Sơn")]
    assert [text[s:e] for s, e in found[0].spans] == ["Văn  Sơn"]


def test_capitalised_word_after_known_name_ends_it() -> None:
    found = units("Phó Chủ tịch UBND huyện Gia Lâm Nguyễn Văn Minh cho biết.")
    assert ("huyện", "Gia Lâm") in found


def test_bare_names_after_announced_plural_take_the_level() -> None:
    text = ("Đoàn của huyện Nghi Xuân kiểm tra UBND các xã được chọn. Đặc biệt tại Xuân Hội, "
            "Xuân Lĩnh vẫn còn tình trạng đi muộn về sớm.")
    found = units(text)
    assert ("xã", "Xuân Hội") in found and ("xã", "Xuân Lĩnh") in found
    assert found[("xã", "Xuân Hội")].province == "Hà Tĩnh"


def test_current_unit_after_2025_is_reported() -> None:
    found = units("Đoàn kiểm tra làm việc tại xã An Hiệp, huyện Ba Tri, tỉnh Bến Tre.")
    assert found[("tỉnh", "Bến Tre")].current == "tỉnh Vĩnh Long"
    assert found[("xã", "An Hiệp")].province == "Bến Tre"


def test_spans_point_at_names_and_empty_text_has_none() -> None:
    text = "Tại huyện Mường La, tỉnh Sơn La."
    for mention in find_units(text):
        for start, end in mention.spans:
            assert text[start:end] == mention.unit.name
    assert find_units("") == []


# --------------------------------------------------------------------------- bare lists, persons, counts


def test_a_lead_in_list_without_level_words_takes_levels_from_the_gazetteer() -> None:
    text = "Huyện Châu Thành, tỉnh Long An đã kiểm tra 4 đơn vị: Tầm Vu, Thuận Mỹ, Hòa Phú và An Lục Long."
    found = units(text)
    assert ({("thị trấn", "Tầm Vu"), ("xã", "Thuận Mỹ"), ("xã", "Hòa Phú"), ("xã", "An Lục Long")}
            <= set(found))


def test_a_lead_in_list_of_bodies_named_by_their_unit() -> None:
    text = ("Huyện Châu Thành, tỉnh Long An đã kiểm tra 3 đơn vị gồm: "
            "UBND Thuận Mỹ, UBND Hòa Phú và UBND An Lục Long.")
    assert {("xã", "Thuận Mỹ"), ("xã", "Hòa Phú"), ("xã", "An Lục Long")} <= set(units(text))


def test_a_ranked_list_of_bare_districts_with_figures() -> None:
    text = ("Huyện Krông Năng xếp thứ 2. Ba địa phương có điểm thấp nhất, lần lượt là: Buôn Đôn "
            "70,5 điểm; Ea Súp 71,2 điểm; Lắk 72 điểm.")
    found = units(text)
    # "Ea Súp" is also a thị trấn: the list is of districts because "Buôn Đôn" is only one.
    assert {("huyện", "Buôn Đôn"), ("huyện", "Ea Súp"), ("huyện", "Lắk")} <= set(found)
    assert ("thị trấn", "Ea Súp") not in found


def test_a_lead_in_list_of_words_that_are_not_units_gives_nothing() -> None:
    text = "Huyện Krông Năng triển khai 3 mô hình gồm: Zalo Tư Pháp, Kiosk Thông Minh và Ví Điện Tử."
    assert set(units(text)) == {("huyện", "Krông Năng")}


@pytest.mark.parametrize("text", [
    "Phó Chủ tịch UBND TP Trần Văn Lâm kiểm tra bộ phận một cửa.",
    "Chủ tịch UBND tỉnh Nguyễn Thị Hoa chủ trì buổi làm việc.",
])
def test_a_persons_name_after_a_level_word_is_not_a_unit(text: str) -> None:
    assert units(text) == {}


@pytest.mark.parametrize("plural", ["những", "một số", "nhiều", "Các"])
def test_a_plural_before_the_level_word_announces_a_list_of_communes(plural: str) -> None:
    # Announced, a name that is also a province's ("Hòa Bình") is one of the communes listed.
    found = units(f"Đoàn kiểm tra ghi nhận {plural} xã Tân Phú, Hòa Bình và Phú Mỹ đã số hóa hồ sơ.")
    assert {("xã", "Tân Phú"), ("xã", "Hòa Bình"), ("xã", "Phú Mỹ")} <= set(found)


def test_the_word_for_but_before_the_level_word_announces_nothing() -> None:
    # Folded, "nhưng" (but) is the plural "những": here one commune, then its province.
    found = units("Huyện đã triển khai dịch vụ công trực tuyến, nhưng xã Tân Phú, Hòa Bình vẫn nhận hồ sơ "
                  "giấy.")
    assert ("xã", "Hòa Bình") not in found
    assert found[("xã", "Tân Phú")].province == "Hòa Bình"


def test_a_unit_honouring_a_person_is_still_a_unit() -> None:
    assert ("phường", "Trần Hưng Đạo") in units(
        "UBND phường Trần Hưng Đạo, thành phố Quảng Ngãi niêm yết đủ.")


def test_a_count_after_a_plural_level_phrase_is_not_a_numbered_unit() -> None:
    found = units("Kết quả của các phường 9 tháng đầu năm và các xã 3 năm liền đều tốt.")
    assert found == {}


def test_a_minority_language_name_with_an_apostrophe() -> None:
    assert ("huyện", "M'Drắk") in units("Đoàn kiểm tra tại xã Cư Prao (huyện M'Drắk).")


# --------------------------------------------------------------------------- roles from the genre


def test_a_unit_merged_away_is_not_inspected() -> None:
    text = ("Đoàn kiểm tra làm việc tại phường Hòa Bình. Phường Hòa Bình được thành lập trên cơ sở "
            "sáp nhập xã Tân Lập, xã Tân Tiến và phường Bình Minh.")
    found = units(text)
    assert found[("phường", "Hòa Bình")].role == "inspected"
    for name in ("Tân Lập", "Tân Tiến"):
        assert found[("xã", name)].role == "other"


def test_a_district_holding_an_unnamed_commune_only_locates_it() -> None:
    text = ("Đoàn kiểm tra đột xuất tại UBND phường Đông Sơn, quận Kiến An. Đây là phường thứ hai "
            "tại quận Kiến An được kiểm tra.")
    found = units(text)
    assert found[("phường", "Đông Sơn")].role == "inspected"
    assert found[("quận", "Kiến An")].role == "other"


def test_what_a_team_perceives_is_inspected_not_its_own_unit() -> None:
    text = "Qua điểm danh, Đoàn kiểm tra nhận thấy UBND xã Hưng Đạo có 3 công chức vắng mặt."
    assert units(text)[("xã", "Hưng Đạo")].role == "inspected"


def test_a_long_list_after_kiem_tra_colon_is_inspected() -> None:
    text = ("Đoàn đã kiểm tra: Văn phòng Đăng ký đất đai - Chi nhánh huyện Kim Thành; UBND xã Kim "
            "Xuyên (huyện Kim Thành); UBND xã Tuấn Việt (huyện Kim Thành); Trung tâm Y tế huyện "
            "Kim Thành và UBND huyện Thanh Hà.")
    assert units(text)[("huyện", "Thanh Hà")].role == "inspected"


def test_units_ranked_in_the_index_are_inspected() -> None:
    text = ("Tỉnh công bố Chỉ số CCHC năm 2023 của các huyện. Đứng đầu là huyện Krông Búk với 91 "
            "điểm; huyện Lắk đạt 80,5 điểm, xếp thứ 9; 01 đơn vị được xếp loại xuất sắc (huyện Cư Kuin).")
    found = units(text)
    for name in ("Krông Búk", "Lắk", "Cư Kuin"):
        assert found[("huyện", name)].role == "inspected", name


def test_the_district_holding_unnamed_communes_is_not_inspected() -> None:
    text = "Chiều nay, đoàn kiểm tra đột xuất tại trụ sở một số UBND xã của huyện Gia Lâm."
    assert units(text)[("huyện", "Gia Lâm")].role == "other"


def test_a_headline_judging_its_unit_makes_it_inspected() -> None:
    text = ("Xã Đông Hưng còn chậm giải quyết hồ sơ đất đai\n\n"
            "Theo báo cáo quý III, tỷ lệ hồ sơ trễ hạn của toàn tỉnh tăng so với cùng kỳ.")
    assert units(text)[("xã", "Đông Hưng")].role == "inspected"
    text = "Huyện Đông Hưng dẫn đầu chỉ số cải cách hành chính\n\nKết quả được công bố hôm qua."
    assert units(text)[("huyện", "Đông Hưng")].role == "inspected"


def test_a_headline_naming_who_inspects() -> None:
    text = "Thái Bình: Kiểm tra 12 đơn vị áp dụng ISO\n\nĐoàn đã làm việc với các sở."
    assert units(text)[("tỉnh", "Thái Bình")].role == "inspector"


def test_a_first_line_that_is_a_body_sentence_is_not_a_headline() -> None:
    text = "Ông Nam, Chủ tịch UBND huyện Đông Hưng, còn cho biết thêm về kế hoạch năm tới.\n\nHết."
    assert units(text)[("huyện", "Đông Hưng")].role == "other"


def test_a_criticised_unit_is_inspected() -> None:
    found = units("Chủ tịch tỉnh phê bình UBND huyện Đông Hưng; xã Minh Tân bị nhắc nhở vì chậm trễ.")
    assert found[("huyện", "Đông Hưng")].role == "inspected"
    assert found[("xã", "Minh Tân")].role == "inspected"


# ------------------------------------------------------------------ plural quantifiers keep their marks


def test_cue_form_folds_but_marks_the_plurals_written_with_their_marks() -> None:
    text = "Kiểm tra Các xã, một số phường; cắc, cac xa, mot so"
    form = cue_form(text)
    assert len(form) == len(text)
    assert form == "kiem tra CAC xa, MOT SO phuong; cac, cac xa, mot so"


@pytest.mark.parametrize(("before", "inspected"), [
    ("Đoàn đã làm việc tại các ", True),
    ("Đoàn đã kiểm tra UBND một số ", True),
    ("Doan da lam viec tai cac ", False),  # unmarked "cac" may be "cắc", "các": no plural read
    ("Đoàn đã làm việc tại cắc ", False),
    ("Doan da kiem tra UBND mot so ", False),
])
def test_the_inspected_cue_reads_only_plurals_written_with_their_marks(before: str, inspected: bool) -> None:
    assert (INSPECTED_BEFORE.search(cue_form(before)) is not None) is inspected


@pytest.mark.parametrize(("before", "criticised"), [
    ("Chủ tịch tỉnh phê bình UBND các ", True),
    ("Chu tich tinh phe binh UBND cac ", False),
])
def test_the_criticised_cue_reads_only_marked_plurals(before: str, criticised: bool) -> None:
    assert (CRITICISED_BEFORE.search(cue_form(before)) is not None) is criticised


@pytest.mark.parametrize(("plural", "communes"), [("các", True), ("một số", True), ("cac", False)])
def test_bare_names_are_communes_only_after_a_marked_plural(plural: str, communes: bool) -> None:
    text = (f"Đoàn của huyện Nghi Xuân kiểm tra UBND {plural} xã được chọn. Đặc biệt tại Xuân Hội, "
            "Xuân Lĩnh vẫn còn tình trạng đi muộn về sớm.")
    found = units(text)
    assert (("xã", "Xuân Hội") in found and ("xã", "Xuân Lĩnh") in found) is communes
