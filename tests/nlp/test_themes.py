"""Theme assignment on sentences written for these tests, one or more per theme family."""

from __future__ import annotations

import re
import unicodedata

import pytest

from core.errors import ConfigError
from core.models import AREAS, Area, Extraction, Finding, Polarity
from core.normalize import matching_form
from nlp.themes import (
    assign_themes,
    continues,
    finding_themes,
    frame_matter,
    load_taxonomy,
    parse_taxonomy,
)
from nlp.vi import cues

CASES = [  # (sentence, area, expected theme)
    ("Bộ phận một cửa xã Tân Phong chưa cấp giấy tiếp nhận và hẹn trả kết quả cho công dân",
     "tthc", "tthc.phieu_hen"),
    ("Sổ theo dõi việc tiếp nhận hồ sơ không ghi ngày trả", "tthc", "tthc.phieu_hen"),
    ("Bộ phận một cửa không mở sổ giao nhận hồ sơ với các phòng chuyên môn", "tthc", "tthc.phieu_hen"),
    ("Còn 23 hồ sơ trễ hạn nhưng đơn vị không gửi thư xin lỗi tổ chức, cá nhân", "tthc", "tthc.thoi_han"),
    ("Tỷ lệ hồ sơ được giải quyết đúng hạn và trước hạn đạt 99%", "tthc", "tthc.thoi_han"),
    ("Phường chưa niêm yết công khai thủ tục hành chính mới được công bố", "tthc", "tthc.niem_yet"),
    ("Chưa triển khai tiếp nhận hồ sơ qua dịch vụ bưu chính công ích", "tthc", "tthc.buu_chinh"),
    ("Tỷ lệ cán bộ sử dụng chữ ký số trong xử lý văn bản còn thấp", "so_hoa", "so_hoa.chu_ky_so"),
    ("Một số công chức chưa thường xuyên sử dụng hộp thư công vụ", "so_hoa", "so_hoa.thu_cong_vu"),
    ("Số hồ sơ nộp qua dịch vụ công trực tuyến mức độ 3, 4 chỉ chiếm 5%", "so_hoa", "so_hoa.dvc_truc_tuyen"),
    ("Chưa có giao dịch thanh toán trực tuyến phí, lệ phí trên Cổng dịch vụ công",
     "so_hoa", "so_hoa.thanh_toan"),
    ("UBND huyện ban hành Kế hoạch cải cách hành chính năm 2022 đúng thời hạn",
     "chi_dao", "chi_dao.ke_hoach"),
    ("Chế độ báo cáo định kỳ về cải cách hành chính chưa được thực hiện nghiêm",
     "chi_dao", "chi_dao.bao_cao"),
    ("Một số cán bộ đi muộn, về sớm, vắng mặt không có lý do", "cong_vu", "cong_vu.ky_luat"),
    ("Công chức tiếp dân không đeo thẻ, bàn làm việc không có biển chức danh", "cong_vu", "cong_vu.the_ten"),
    ("Hai công chức địa chính chưa đạt chuẩn về trình độ chuyên môn", "cong_vu", "cong_vu.trinh_do"),
    ("Việc cử cán bộ tham gia các lớp bồi dưỡng, tập huấn còn hạn chế", "cong_vu", "cong_vu.dao_tao"),
    ("Đơn vị chưa xây dựng quy chế chi tiêu nội bộ năm 2021", "tai_chinh", "tai_chinh.chi_tieu_noi_bo"),
    ("Chứng từ thu, chi quỹ phòng chống thiên tai lưu không đầy đủ", "tai_chinh", "tai_chinh.thu_chi"),
    ("Việc lập hồ sơ công việc và nộp lưu vào lưu trữ cơ quan chưa thực hiện", "the_che", "the_che.van_thu"),
    ("Thị trấn chưa rà soát, hệ thống hóa các văn bản quy phạm pháp luật hết hiệu lực",
     "the_che", "the_che.ra_soat"),
    ("Xã chưa phân công nhiệm vụ cụ thể cho từng công chức chuyên môn", "bo_may", "bo_may.chuc_nang"),
    ("Số người hoạt động không chuyên trách ở thôn vượt quy định", "bo_may", "bo_may.khong_chuyen_trach"),
    # the phrase naming the matter wins over the area's words said again and again
    ("Sổ tiếp nhận và trả kết quả giải quyết thủ tục hành chính còn bỏ trống cột ngày hẹn",
     "tthc", "tthc.phieu_hen"),
    ("Số hồ sơ thủ tục hành chính giải quyết trễ hạn của huyện là 12 hồ sơ trên tổng số 40 hồ sơ",
     "tthc", "tthc.thoi_han"),
    ("Các xã đã tiếp nhận, giải quyết thủ tục hành chính cho người dân kịp thời", "tthc", "tthc.giai_quyet"),
]


@pytest.mark.parametrize(("sentence", "area", "expected"), CASES)
def test_sentence_gets_the_theme_of_its_matter(sentence: str, area: str, expected: str) -> None:
    assert load_taxonomy().assign(sentence, area) == expected


def test_every_area_has_themes_and_an_other_and_the_file_is_in_range() -> None:
    taxonomy = load_taxonomy()
    assert 30 <= len(taxonomy.themes) <= 70
    for area in AREAS:
        themes = [t for t in taxonomy.themes if t.area == area]
        assert any(t.is_other for t in themes), area
        assert all(t.code.startswith(f"{area}.") for t in themes)


def test_an_areas_other_theme_is_labelled_with_the_areas_name_not_its_code() -> None:
    """The comparison's row of findings no theme fits reads "Khác (Cải cách tổ chức bộ máy)",
    as the page names the area, not "Khác (bo_may)"."""
    others = {t.area: t.label for t in load_taxonomy().themes if t.is_other}
    assert others[Area.BO_MAY] == "Khác (Cải cách tổ chức bộ máy)"
    assert others[Area.SO_HOA] == "Khác (Chính phủ điện tử, chính phủ số)"
    assert not any("_" in label for label in others.values())


def test_nothing_matching_is_other_within_the_findings_area() -> None:
    assert load_taxonomy().assign("Đơn vị còn nhiều hạn chế cần khắc phục", "bo_may") == "bo_may.khac"
    assert load_taxonomy().assign("", "tthc") == "tthc.khac"


def test_matching_ignores_tone_placement_and_decomposed_text() -> None:
    nfd = unicodedata.normalize("NFD", "Phiếu hẹn ghi thiếu ngày trả kết quả")
    assert load_taxonomy().assign(nfd, "tthc") == "tthc.phieu_hen"
    # old-style tone placement: "hoá" written "hóa"
    assert load_taxonomy().assign("Chưa hệ thống hoá văn bản do xã ban hành", "the_che") == "the_che.ra_soat"


def test_text_typed_without_diacritics_still_matches() -> None:
    assert load_taxonomy().assign("Nhieu ho so khong co phieu hen tra ket qua", "tthc") == "tthc.phieu_hen"


def test_diacritics_keep_apart_words_that_fold_alike() -> None:
    # "quỹ" (fund) must not be found in "quy định" (rule): folded they are both "quy".
    taxonomy = load_taxonomy()
    assert taxonomy.assign("Các khoản chi thực hiện theo đúng quy định", "tai_chinh") == "tai_chinh.khac"
    assert taxonomy.assign("Chưa mở sổ theo dõi riêng các loại quỹ", "tai_chinh") == "tai_chinh.thu_chi"


def test_typed_without_diacritics_a_marked_syllable_alone_names_no_matter() -> None:
    """Folded, "quỹ" is the "quy" of "quy chế", "quy định", and "mạng" is "mang": a text typed
    without any diacritics (a query) is read on folded phrases, and a lone marked syllable there
    would name the fund or the network in every rule; phrases of several syllables still match."""
    taxonomy = load_taxonomy()
    assert taxonomy.assign("quy che hoat dong cua bo phan mot cua", "tai_chinh") == "tai_chinh.khac"
    assert taxonomy.assign("can bo mang ho so ve nha", "so_hoa") == "so_hoa.khac"
    assert taxonomy.assign("chua co quy che chi tieu noi bo", "tai_chinh") == "tai_chinh.chi_tieu_noi_bo"
    assert taxonomy.assign("chung tu thu chi cac loai quy chua day du", "tai_chinh") == "tai_chinh.thu_chi"
    # with diacritics the syllable is itself, and names its matter alone
    assert taxonomy.assign("Chưa công khai quỹ của cơ quan", "tai_chinh") == "tai_chinh.thu_chi"


def test_overlapping_terms_count_once() -> None:
    # "đeo thẻ công chức" is one mention of badges; discipline is named twice and wins.
    sentence = "Cán bộ chấp hành giờ giấc, không đi muộn, đeo thẻ công chức"
    assert load_taxonomy().scores(sentence)[0][0].code == "cong_vu.ky_luat"


def test_a_clearly_named_matter_of_another_area_wins_over_other() -> None:
    # classified tthc, but the sentence is only about digital signatures
    assert load_taxonomy().assign("Văn bản điện tử chưa được ký bằng chữ ký số", "tthc") == "so_hoa.chu_ky_so"
    # a weak hint from another area is not enough
    assert load_taxonomy().assign("Kết quả còn thấp so với kế hoạch", "tthc") == "tthc.khac"


def test_assign_themes_fills_missing_themes_only() -> None:
    extraction = Extraction(doc_id="x", findings=(
        Finding(Polarity.SHORTCOMING, Area.TTHC, "Không cấp phiếu hẹn", 0, 19),
        Finding(Polarity.STRENGTH, Area.SO_HOA, "Dùng chữ ký số", 20, 34, theme="so_hoa.iso"),
    ))
    themed = assign_themes(extraction)
    assert [f.theme for f in themed.findings] == ["tthc.phieu_hen", "so_hoa.iso"]
    assert themed.to_dict()["findings"][0]["theme"] == "tthc.phieu_hen"


def test_taxonomy_find_accepts_words_without_accents() -> None:
    codes = {t.code for t in load_taxonomy().find("phieu hen")}
    assert codes == {"tthc.phieu_hen"}


@pytest.mark.parametrize("entry", [
    {"code": "tthc.x", "label": "X", "area": "nowhere", "terms": {"a": 1}},
    {"code": "so_hoa.x", "label": "X", "area": "tthc", "terms": {"a": 1}},
    {"code": "tthc.x", "label": "X", "area": "tthc", "terms": {"a": -1}},
    {"code": "tthc.x", "area": "tthc", "terms": {"a": 1}},
])
def test_malformed_taxonomy_is_a_config_error(entry: dict[str, object]) -> None:
    with pytest.raises(ConfigError):
        parse_taxonomy({"theme": [entry]})


def test_a_phrase_belongs_to_one_theme_only() -> None:
    data = {"theme": [
        {"code": "tthc.a", "label": "A", "area": "tthc", "terms": {"phiếu hẹn": 3}},
        {"code": "cong_vu.b", "label": "B", "area": "cong_vu", "terms": {"Phiếu  hẹn": 2}},
    ]}
    with pytest.raises(ConfigError, match="already belongs to tthc.a"):
        parse_taxonomy(data)


def test_a_themes_phrases_give_its_area() -> None:
    data = {"theme": [
        {"code": "so_hoa.x", "label": "X", "area": "so_hoa", "terms": {"máy tính bảng": 3}},
        {"code": "tthc.y", "label": "Y", "area": "tthc", "terms": {"phiếu hẹn": 3}},
    ], "rules": {"specific_min": 2.5}}
    taxonomy = parse_taxonomy(data)
    assert taxonomy.best_area(taxonomy.area_scores("xã chưa trang bị máy tính bảng")) == "so_hoa"
    assert taxonomy.best_area(taxonomy.area_scores("không có phiếu hẹn")) == "tthc"
    assert taxonomy.best_area(taxonomy.area_scores("công tác cải cách được đánh giá tốt")) == "chung"
    assert taxonomy.assign("Không có phiếu hẹn", "tthc") == "tthc.y"


def test_the_shipped_vocabulary_serves_area_and_theme_from_one_match() -> None:
    taxonomy = load_taxonomy()
    text = "Công chức bộ phận một cửa không đeo thẻ công chức"
    matches = taxonomy.matches(text.lower())
    assert {m.theme.code for m in matches} >= {"cong_vu.the_ten"}
    assert taxonomy.assign(text, "cong_vu") == "cong_vu.the_ten"


def test_a_finding_carries_the_other_matters_it_names_strongly_after_its_own() -> None:
    """Its own theme first (the one comparison counts, here the in-area one), then every other
    theme scoring the strong hint, strongest first; a weak hint ("hồ sơ": 0.8) is left out."""
    tax = load_taxonomy()
    text = "Tỷ lệ hồ sơ trực tuyến còn thấp, chưa ký số văn bản"
    own = tax.assign(text, Area.TTHC)
    assert own == "tthc.giai_quyet"
    assert tax.mentioned(text, own) == ("tthc.giai_quyet", "so_hoa.dvc_truc_tuyen", "so_hoa.chu_ky_so")
    assert tax.mentioned("Chưa có phiếu hẹn trả kết quả", "tthc.phieu_hen") == ("tthc.phieu_hen",)
    # The same, typed without accents.
    assert tax.mentioned("ty le ho so truc tuyen con thap, chua ky so van ban", own) == (
        "tthc.giai_quyet", "so_hoa.dvc_truc_tuyen", "so_hoa.chu_ky_so")


def test_a_finding_carries_at_most_three_themes_and_no_weak_one() -> None:
    tax = load_taxonomy()
    listing = ("Công chức không đeo thẻ, đi muộn về sớm, chưa niêm yết thủ tục, chưa ký số văn bản, "
               "hồ sơ trực tuyến thấp")
    assert tax.mentioned(listing, "tthc.niem_yet") == ("tthc.niem_yet", "cong_vu.ky_luat", "cong_vu.the_ten")
    # "báo cáo" weighs 1.5: a report is mentioned, not the matter of reporting.
    assert tax.mentioned("UBND xã báo cáo công tác tuyên truyền", "chi_dao.tuyen_truyen") == (
        "chi_dao.tuyen_truyen",)
    # Without a theme of its own (none assigned): the strong ones alone; nothing matching: none.
    assert tax.mentioned("Chưa ký số văn bản", None) == ("so_hoa.chu_ky_so",)
    assert tax.mentioned("Trời mưa to.", "chung.khac") == ("chung.khac",)


def test_the_strong_hint_is_the_vocabularys_rule() -> None:
    data = {"theme": [
        {"code": "tthc.a", "label": "A", "area": "tthc", "terms": {"phiếu hẹn": 3}},
        {"code": "tthc.b", "label": "B", "area": "tthc", "terms": {"một cửa": 1.5}},
    ]}
    assert parse_taxonomy(data).mentioned("phiếu hẹn ở một cửa", "tthc.a") == ("tthc.a",)
    loose = parse_taxonomy({**data, "rules": {"strong_hint": 1.5}})
    assert loose.strong_hint == 1.5
    assert loose.mentioned("phiếu hẹn ở một cửa", "tthc.a") == ("tthc.a", "tthc.b")
    assert load_taxonomy().strong_hint == 2.0  # nlp/vi/themes.toml's


# --- [[setting]]: a matter that is only the setting of another --------------------------------------

_SETTING_THEMES = [
    {"code": "tthc.office", "label": "O", "area": "tthc", "terms": {"một cửa": 2.5}},
    {"code": "cong_vu.duty", "label": "D", "area": "cong_vu", "terms": {"có mặt": 2, "vắng mặt": 3}},
    {"code": "so_hoa.sw", "label": "S", "area": "so_hoa", "terms": {"phần mềm một cửa": 3}},
]
_FLAT = {"subject_chars": 0}  # no subject bonus: the scores below are plain sums of weights
_SETTING = {"themes": ["tthc.office"], "matters": ["cong_vu.duty"], "area": "cong_vu",
            "why": "conduct at the office is conduct"}


def test_a_setting_counts_for_the_matter_it_frames() -> None:
    plain = parse_taxonomy({"theme": _SETTING_THEMES, "rules": _FLAT})
    framed = parse_taxonomy({"theme": _SETTING_THEMES, "setting": [_SETTING], "rules": _FLAT})
    text = "cán bộ có mặt tại bộ phận một cửa"
    assert plain.area_scores(text) == {"cong_vu": 2.0, "tthc": 2.5}
    assert framed.area_scores(text) == {"cong_vu": 4.5}
    # The theme keeps its phrase: without the matter, the office is tthc; and theme assignment
    # (comparison, search) is not touched by a setting.
    assert framed.area_scores("bộ phận một cửa chật hẹp") == {"tthc": 2.5}
    assert framed.assign(text, "cong_vu") == plain.assign(text, "cong_vu") == "cong_vu.duty"


def test_a_setting_needs_its_matter_named_clearly_and_on_its_own() -> None:
    weak = [{**t, "terms": {"có mặt": 1}} if t["code"] == "cong_vu.duty" else t for t in _SETTING_THEMES]
    assert parse_taxonomy({"theme": weak, "setting": [_SETTING], "rules": _FLAT}).area_scores(
        "có mặt tại bộ phận một cửa") == {"cong_vu": 1.0, "tthc": 2.5}
    # "một cửa" inside "phần mềm một cửa" is software, not the office: it frames nothing.
    office_frames = {**_SETTING, "themes": ["cong_vu.duty"], "matters": ["tthc.office"], "area": "tthc"}
    framed = parse_taxonomy({"theme": _SETTING_THEMES, "setting": [office_frames], "rules": _FLAT})
    assert framed.area_scores("vắng mặt, phần mềm một cửa lỗi")["cong_vu"] == 3.0
    assert framed.area_scores("vắng mặt tại bộ phận một cửa").get("cong_vu") is None


@pytest.mark.parametrize("setting", [
    {**_SETTING, "themes": ["tthc.nowhere"]},
    {**_SETTING, "matters": []},
    {**_SETTING, "matters": "cong_vu.duty"},
    {**_SETTING, "area": "elsewhere"},
    {**_SETTING, "why": " "},
    {k: v for k, v in _SETTING.items() if k != "why"},
])
def test_a_malformed_setting_is_a_config_error(setting: dict[str, object]) -> None:
    with pytest.raises(ConfigError, match="setting #1"):
        parse_taxonomy({"theme": _SETTING_THEMES, "setting": [setting]})


def test_the_shipped_settings_say_why() -> None:
    settings = load_taxonomy().settings
    assert settings and all(len(s.why) > 40 for s in settings)


# --- [bodies]: a phrase inside a body's name names the body -----------------------------------------

def test_a_phrase_inside_a_bodys_name_names_no_matter() -> None:
    themes = [{"code": "cong_vu.dt", "label": "D", "area": "cong_vu", "terms": {"đào tạo": 3}}]
    bodies = {"names": ["giáo dục và  đào tạo"], "why": "a department's name"}
    taxonomy = parse_taxonomy({"theme": themes, "bodies": bodies})
    assert taxonomy.bodies == ("giáo dục và đào tạo",)
    assert taxonomy.matches("sở giáo dục và đào tạo xếp thứ 3") == []
    assert taxonomy.matches("sở giao duc va dao tao xep thu 3") == []  # typed without accents
    assert [m.phrase for m in taxonomy.matches("công chức chưa được đào tạo")] == ["đào tạo"]


@pytest.mark.parametrize("bodies", [
    {"names": ["sở tài chính"]},
    {"names": "sở tài chính", "why": "x"},
    {"names": ["", "sở tài chính"], "why": "x"},
    ["sở tài chính"],
])
def test_a_malformed_bodies_table_is_a_config_error(bodies: object) -> None:
    with pytest.raises(ConfigError, match="bodies"):
        parse_taxonomy({"theme": [], "bodies": bodies})


@pytest.mark.parametrize(("text", "absent"), [
    ("Sở Giáo dục và Đào tạo, Sở Tài chính xếp loại tốt", {"cong_vu", "tai_chinh"}),
    ("Phòng Tài chính - Kế hoạch huyện còn 3 hồ sơ quá hạn", {"tai_chinh"}),
    ("Xã đạt chuẩn nông thôn mới năm 2020", {"bo_may"}),
])
def test_the_genres_department_names_name_no_matter(text: str, absent: set[str]) -> None:
    assert not absent & set(load_taxonomy().area_scores(matching_form(text)))


def test_a_units_place_in_the_ranking_is_the_index_in_whatever_words_it_is_said() -> None:
    """The CCHC index ranks units; the genre says the place as "đứng (vị trí) thứ", "xếp cuối",
    "dẫn đầu toàn tỉnh". A delegation's leader ("do Phó Chủ tịch dẫn đầu") ranks nothing."""
    tax = load_taxonomy()
    assert tax.assign("UBND thành phố tiếp tục là đơn vị dẫn đầu toàn tỉnh với 95,86 điểm", "chung") == \
        "chung.chi_so"
    assert tax.assign("Tỉnh đứng vị trí thứ 4 trên tổng số 63 tỉnh, thành phố", "chung") == "chung.chi_so"
    assert tax.assign("Huyện đứng thứ 2 toàn tỉnh", "chung") == "chung.chi_so"
    assert tax.assign("Huyện xếp cuối bảng", "chung") == "chung.chi_so"
    assert "chung.chi_so" not in tax.mentioned(
        "Đoàn kiểm tra do Phó Chủ tịch UBND tỉnh dẫn đầu đã làm việc tại xã", None)


def _one_finding_in(text: str, finding: str, area: Area) -> Extraction:
    start = text.index(finding)
    return Extraction(doc_id="x", findings=(
        Finding(Polarity.STRENGTH, area, finding, start, start + len(finding)),))


def _theme_read(text: str, finding: str, area: Area) -> str | None:
    """The theme the one finding `finding` of `text` takes, read with the text around it."""
    return assign_themes(_one_finding_in(text, finding, area), text=text).findings[0].theme


def test_a_detail_naming_no_matter_takes_the_matter_said_before_it_in_its_paragraph() -> None:
    # the paragraph names the index once; "Theo đó, ..." gives its result without the word
    text = ("Kết quả xếp hạng năm 2023\n\n"
            "UBND tỉnh vừa công bố Chỉ số cải cách hành chính năm 2023 của các sở, ngành. "
            "Theo đó, các đơn vị đều đạt từ loại khá trở lên.")
    extraction = _one_finding_in(text, "các đơn vị đều đạt từ loại khá trở lên", Area.CHUNG)
    assert assign_themes(extraction).findings[0].theme == "chung.khac"  # its own words: no matter
    assert assign_themes(extraction, text=text).findings[0].theme == "chung.chi_so"


def test_the_carried_matter_stops_at_the_paragraph_and_at_the_findings_area() -> None:
    detail = "các đơn vị đều đạt từ loại khá trở lên"
    apart = ("UBND tỉnh vừa công bố Chỉ số cải cách hành chính năm 2023 của các sở, ngành.\n\n"
             f"Theo đó, {detail}.")
    themed = assign_themes(_one_finding_in(apart, detail, Area.CHUNG), text=apart)
    assert themed.findings[0].theme == "chung.khac"
    # a matter of another area before it is another topic, not this detail's
    other = f"Xã đã sử dụng chữ ký số trong xử lý văn bản điện tử. Bên cạnh đó, {detail}."
    themed = assign_themes(_one_finding_in(other, detail, Area.CHUNG), text=other)
    assert themed.findings[0].theme == "chung.khac"


def test_a_finding_naming_its_own_matter_keeps_it_whatever_came_before() -> None:
    text = ("UBND tỉnh vừa công bố Chỉ số cải cách hành chính năm 2023. "
            "Bộ phận một cửa chưa cấp phiếu hẹn cho công dân.")
    assert _theme_read(text, "Bộ phận một cửa chưa cấp phiếu hẹn cho công dân", Area.TTHC) == "tthc.phieu_hen"


@pytest.mark.parametrize("text", [
    "Tình trạng này làm ảnh hưởng đến mức độ hài lòng của người dân",
    "Việc này khiến người dân phải đi lại nhiều lần",
    "Từ thực tế đó, UBND huyện yêu cầu các xã khắc phục ngay",
    "Do tình trạng nêu trên, chỉ số của huyện giảm 2 bậc",
    "30% còn lại do công chức chưa thành thạo phần mềm",
    "Số hồ sơ còn lại đang được xử lý",
    "Tình trạng vi phạm này kéo dài nhiều tháng",  # one state named by two nouns
    "Về việc này, UBND tỉnh yêu cầu Sở Nội vụ làm rõ",
])
def test_a_finding_opening_on_a_pointer_continues_the_matter_before_it(text: str) -> None:
    assert continues(text)


@pytest.mark.parametrize("text", [
    # a plural sums up a list of matters: it continues none of them alone
    "Những tồn tại, hạn chế nêu trên đã được đoàn lập biên bản",
    "Tồn tại, hạn chế nêu trên đã được đoàn lập biên bản",  # the plural unmarked
    "Hạn chế và thiếu sót này cần được khắc phục sớm",
    # the meeting, not a matter
    "Tại buổi làm việc này, đoàn đề nghị xã sớm khắc phục",
    # "đó là" is "that is", a list's lead-in; a place or a body pointed at is no matter
    "Hạn chế đó là chưa bố trí đủ công chức",
    "Các địa phương này phải báo cáo kết quả trước ngày 15/11",
    # "trên" alone is also "on"; a pointer deep inside the finding belongs to its own clause
    "Tình hình trên địa bàn huyện cơ bản ổn định",
    "Xã chưa niêm yết thủ tục hành chính, việc này đã được nhắc nhở",
])
def test_no_pointer_at_the_opening_continues_nothing(text: str) -> None:
    assert not continues(text)


def test_a_pointer_carries_the_matter_just_said_even_of_another_area() -> None:
    # the remainder's cause is the civil servants' (its area), its matter the late files
    detail = "40% còn lại do công chức chưa thành thạo phần mềm"
    text = f"Trong tháng, 60% số hồ sơ trễ hạn là do lỗi đường truyền, {detail}."
    extraction = _one_finding_in(text, detail, Area.CONG_VU)
    assert assign_themes(extraction).findings[0].theme != "tthc.thoi_han"  # its own words
    assert assign_themes(extraction, text=text).findings[0].theme == "tthc.thoi_han"
    # the software its own words name stays on its search record, after the matter it continues
    themed = assign_themes(extraction, text=text).findings[0]
    assert finding_themes(themed.text, themed.theme) == ("tthc.thoi_han", "so_hoa.ung_dung")


def test_a_pointer_opening_a_paragraph_points_at_the_paragraph_before() -> None:
    detail = "Tình trạng này làm ảnh hưởng đến mức độ hài lòng của người dân"
    text = f"Toàn huyện còn 120 hồ sơ giải quyết quá hạn.\n\n{detail}."
    extraction = _one_finding_in(text, detail, Area.TTHC)
    assert assign_themes(extraction, text=text).findings[0].theme == "tthc.thoi_han"
    # two paragraphs back the passage has moved on
    text = f"Toàn huyện còn 120 hồ sơ giải quyết quá hạn.\n\nĐoàn đã làm việc tại 5 xã.\n\n{detail}."
    assert _theme_read(text, detail, Area.TTHC) != "tthc.thoi_han"


def test_a_pointer_steps_over_a_caption_or_subheading_to_the_paragraph_it_points_at() -> None:
    # the line under a photo names the one-stop office; the pointer is about the late files
    detail = "Tình trạng này làm ảnh hưởng đến mức độ hài lòng của người dân"
    for label in ("Ảnh: Bộ phận một cửa huyện Tân Phong", "Bộ phận một cửa cần đổi mới"):
        text = f"Toàn huyện còn 120 hồ sơ giải quyết quá hạn.\n\n{label}\n\n{detail}."
        assert _theme_read(text, detail, Area.TTHC) == "tthc.thoi_han"


def test_a_summary_of_a_list_keeps_its_own_matter() -> None:
    summary = "Những hạn chế nêu trên đã được đoàn lập biên bản, đề nghị khắc phục"
    text = f"Xã Y còn 12 hồ sơ giải quyết quá hạn.\n\n{summary}."
    extraction = _one_finding_in(text, summary, Area.CHI_DAO)
    assert assign_themes(extraction, text=text).findings[0].theme == \
        assign_themes(extraction).findings[0].theme


@pytest.mark.parametrize(("opening", "matter"), [
    ("Nói về việc số hóa hồ sơ, Chủ tịch UBND huyện cho rằng ", "việc số hóa hồ sơ"),
    ("Đề cập đến công tác tuyên truyền, ông Lê Văn C cho biết ", "công tác tuyên truyền"),
    ("Liên quan đến tình trạng hồ sơ trễ hẹn, bà D cho biết ", "tình trạng hồ sơ trễ hẹn"),
    ("Về vấn đề này, ông Trần Văn B cho biết ", "vấn đề này"),
    ("Trao đổi với PV về việc niêm yết thủ tục, ông E cho biết ", "việc niêm yết thủ tục"),
    # a topic preposition inside a clause is that clause's object, no frame of the sentence
    ("Xã chưa báo cáo về việc số hóa hồ sơ, ", None),
    ("Bộ phận một cửa đã niêm yết đầy đủ thủ tục; ", None),
])
def test_a_topic_frame_at_the_sentences_head_names_its_matter(opening: str, matter: str | None) -> None:
    assert frame_matter(opening) == matter


def test_the_topic_verbs_are_the_occasions_the_span_is_cut_after() -> None:
    # one list: what OCCASION_LEAD cuts from a span is what the themes read the matter from
    for verb in cues.TOPIC_VERBS:
        assert re.match(cues.OCCASION_LEAD, f"{verb} việc số hóa hồ sơ, ")
        assert frame_matter(f"{verb.capitalize()} việc số hóa hồ sơ, ông A cho biết ") == "việc số hóa hồ sơ"


def test_a_framed_statement_naming_no_matter_takes_its_frames() -> None:
    statement = "kết quả còn thấp, chưa đạt kế hoạch đề ra"
    text = f"Nói về việc số hóa hồ sơ, Chủ tịch UBND huyện A cho rằng {statement}."
    extraction = _one_finding_in(text, statement, Area.CHUNG)
    assert assign_themes(extraction).findings[0].theme == "chung.khac"  # its own words: no matter
    themed = assign_themes(extraction, text=text).findings[0]
    assert themed.theme == "tthc.so_hoa_ho_so"
    assert finding_themes(themed.text, themed.theme)[0] == "tthc.so_hoa_ho_so"  # what search reads


def test_a_frame_pointing_back_takes_up_the_matter_before_its_sentence() -> None:
    statement = "nguyên nhân chủ yếu do công chức mới chuyển công tác"
    text = ("Toàn huyện còn 120 hồ sơ giải quyết quá hạn.\n\n"
            f"Về vấn đề này, ông Trần Văn B, Trưởng phòng Nội vụ cho biết {statement}.")
    assert _theme_read(text, statement, Area.CONG_VU) == "tthc.thoi_han"


def test_a_framed_statement_naming_its_own_matter_keeps_it() -> None:
    # the statement says the finer matter: posting the fees, not the procedures in general
    statement = "niêm yết cập nhật kịp thời phí và lệ phí"
    text = f"Về công tác cải cách thủ tục hành chính, xã đã rà soát các thủ tục; {statement}."
    assert _theme_read(text, statement, Area.TTHC) == "tthc.niem_yet"


def test_a_frame_naming_a_unit_carries_no_matter() -> None:
    statement = "kết quả còn thấp, chưa đạt kế hoạch đề ra"
    text = f"Đối với UBND xã Tân An, ông A cho rằng {statement}."
    assert _theme_read(text, statement, Area.CHUNG) == "chung.khac"


def test_a_query_typed_partly_with_accents_reads_its_unmarked_syllables_as_any_marks() -> None:
    """A query's syllable typed without marks may be any of its marked forms (the engine reads it
    so); one typed with marks must be the phrase's. A finding's text keeps the strict reading."""
    taxonomy = load_taxonomy()

    def codes(text: str, marks_optional: bool = True) -> dict[str, float]:
        return {theme.code: score for theme, score in taxonomy.scores(text, marks_optional=marks_optional)}

    # "giai quyết" is the "giải quyết" of the handling of files, beside the weak "hồ sơ"
    partly = "giai quyết hồ sơ hộ tich"
    assert codes(partly)["tthc.giai_quyet"] > codes(partly, marks_optional=False)["tthc.giai_quyet"]
    # the marks typed disagree with the phrase ("giải" typed "giãi"): no match
    assert "tthc.giai_quyet" not in codes("giãi quyết")
    # a lone marked syllable still names its matter only where typed with its marks
    assert "tai_chinh.thu_chi" not in codes("quy chế hoạt động")
    assert "tai_chinh.thu_chi" in codes("thu quỹ sai quy định")


def test_a_query_read_with_accents_names_the_matter_of_a_marked_syllable_inside_its_words() -> None:
    """Typed "thu quy", the fund is the "quy" of "quy chế" too: alone it names nothing. Where the
    search read the word round it with its accents, the reading's phrases count beside the typed."""
    taxonomy = load_taxonomy()

    def codes(text: str, read: str | None = None) -> list[str]:
        return [theme.code for theme, _ in taxonomy.scores(text, marks_optional=True, read=read)]

    assert "tai_chinh.thu_chi" not in codes("thu quy den on dap nghia")
    assert "tai_chinh.thu_chi" in codes("thu quy den on dap nghia", read="thủ quỹ đền ơn đáp nghĩa")
    # the reading adds, it never takes away what the typed text says
    assert codes("quy che chi tieu noi bo", read="quy chế chỉ tiêu nội bộ")[0] == "tai_chinh.chi_tieu_noi_bo"


# --- `patterns`: what no fixed phrase says (session 26) ----------------------------------------------

_CLOCK = {"code": "cong_vu.gio", "label": "G", "area": "cong_vu", "terms": {"vắng mặt": 3},
          "patterns": {r"\d{1,2}h\d{2}": 2, r"lúc\s+\d{1,2}\s?h": 2}}


def test_a_themes_pattern_is_matched_in_findings_as_written_and_typed_without_accents() -> None:
    taxonomy = parse_taxonomy({"theme": [_CLOCK], "rules": _FLAT})
    assert taxonomy.area_scores("vào lúc 8h30, bộ phận một cửa có hai công chức") == {"cong_vu": 2.0}
    assert taxonomy.area_scores("lúc 11h trưa, xã vắng mặt hai công chức") == {"cong_vu": 5.0}
    assert taxonomy.area_scores("đến 13h42 mới có 3 công chức") == {"cong_vu": 2.0}
    assert taxonomy.area_scores("vao luc 7h sang, xa chua mo cua") == {"cong_vu": 2.0}
    # whole words only: a number that is no time of day, an hour with no minutes and no "lúc"
    assert taxonomy.area_scores("trả kết quả trong 24h, mã số 18h305") == {}
    # a whole word each: "lúc 8h30" is the hour with its minutes, not "lúc 8h" and more
    assert [m.phrase for m in taxonomy.matches("lúc 8h30")] == [r"\d{1,2}h\d{2}"]


def test_a_themes_pattern_is_not_read_in_a_query() -> None:
    """A pattern reads what a finding records (the hour of a visit); nobody asks by it, and a query
    reading "8h30" as a matter would be sent to the attendance findings of every hour."""
    taxonomy = parse_taxonomy({"theme": [_CLOCK]})
    for query in ("lúc 8h30", "luc 8h30", "Lúc 8h30 vắng mặt"):
        found = taxonomy.matches(matching_form(query), marks_optional=True)
        assert all(m.phrase == "vắng mặt" for m in found)


@pytest.mark.parametrize("patterns", [
    {r"\d{1,2}h(": 2},  # no regular expression
    {r"\S+h\d{2}": 2},  # upper case: the matching form would read \s
    {r"\d{1,2}h\d{2}": 0},
    [r"\d{1,2}h\d{2}"],
])
def test_a_malformed_pattern_is_a_config_error(patterns: object) -> None:
    with pytest.raises(ConfigError, match="cong_vu.gio: .*pattern"):
        parse_taxonomy({"theme": [{**_CLOCK, "patterns": patterns}]})


@pytest.mark.parametrize("text", [
    "Vào lúc 14h10, bộ phận một cửa của xã chỉ có một công chức trực",
    "Đoàn kiểm tra ghi nhận lúc 7h45 Bộ phận tiếp nhận và trả kết quả đã có công chức tiếp nhận hồ sơ",
    "Tại thời điểm kiểm tra là 8h sáng, trụ sở UBND phường còn đóng cửa",
    "Vào lúc 8 giờ 30 phút, bộ phận tiếp nhận và trả kết quả của phường chưa có công chức",
])
def test_the_time_of_a_surprise_check_is_the_attendance_record(text: str) -> None:
    """The hour at which the team found staff at their posts is discipline (cong_vu), the one-stop
    office only where: the shipped `patterns` of cong_vu.ky_luat and its [[setting]]."""
    taxonomy = load_taxonomy()
    assert taxonomy.best_area(taxonomy.area_scores(matching_form(text))) == "cong_vu"


def test_a_deadline_in_hours_is_no_time_of_day() -> None:
    taxonomy = load_taxonomy()
    text = "Hồ sơ đăng ký khai sinh được trả kết quả trong 24h, đúng hạn"
    assert taxonomy.best_area(taxonomy.area_scores(matching_form(text))) == "tthc"


# --- the remedy of the faults found, and the session's other phrases (session 26) -------------------

@pytest.mark.parametrize(("text", "area"), [
    # the request to remedy the faults found: chung, its plan, report or head only its manner
    ("UBND huyện yêu cầu các xã xây dựng kế hoạch khắc phục và báo cáo kết quả khắc phục những hạn chế "
     "Đoàn đã chỉ ra", "chung"),
    ("Đề nghị người đứng đầu các cơ quan, đơn vị có giải pháp khắc phục ngay các thiếu sót trên", "chung"),
    # a remedy of one named matter is that matter's; a plan with no remedy stays the steering's
    ("Khắc phục ngay tình trạng hồ sơ giải quyết quá hạn, trễ hẹn", "tthc"),
    ("UBND xã chưa ban hành kế hoạch CCHC năm 2024", "chi_dao"),
    # the leadership of the party committees over the reform
    ("Phát huy vai trò lãnh đạo của cấp ủy trong công tác cải cách hành chính", "chi_dao"),
    # the layout of the office (Quy chế văn hóa công sở's "bài trí công sở")
    ("Phòng làm việc, nơi tiếp công dân được bài trí gọn gàng, khoa học", "cong_vu"),
    # the reorganisation's slogan is no queue; a queue at the desk is
    ("Việc sắp xếp cán bộ theo tinh thần vừa chạy vừa xếp hàng còn lúng túng", "bo_may"),
    ("Người dân phải xếp hàng chờ lâu tại bộ phận một cửa", "tthc"),
])
def test_the_session_26_phrases_give_their_area(text: str, area: str) -> None:
    taxonomy = load_taxonomy()
    assert taxonomy.best_area(taxonomy.area_scores(matching_form(text))) == area


def test_the_aim_of_effective_administration_is_an_overall_word() -> None:
    """"hiệu lực, hiệu quả" weighs little (no area of its own) but is a phrase of the whole: a
    finding saying it keeps its own reading, not the matter of the item before it."""
    from nlp.areas import framed_areas

    first = "Việc xây dựng, ban hành văn bản quy phạm pháp luật được đẩy mạnh"
    second = "các cơ quan đã nâng cao hiệu lực, hiệu quả quản lý nhà nước"
    text = f"{first}; {second}."
    spans = [(0, len(first)), (len(first) + 2, len(first) + 2 + len(second))]
    assert framed_areas(text, spans, ["the_che", "chung"]) == ["the_che", "chung"]
    assert load_taxonomy().best_area(load_taxonomy().area_scores(matching_form(second))) == "chung"
