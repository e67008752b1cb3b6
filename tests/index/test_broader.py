"""A synonym set's broader words, brought one way (index/query/compiling.py with_broader, synonyms.toml
`broader`): the narrower word typed finds the broader, the broader typed does not find it."""

from __future__ import annotations

import pytest

from core.errors import ConfigError
from index.query import analyse, compile_lexicon, parse, plan_query, with_broader


def _alternatives(text: str) -> list[set[str]]:
    return [{" ".join(a.syllables) for a in g.alternatives} for g in plan_query(text).groups]


@pytest.mark.parametrize("typed", ["chấn chỉnh lề lối làm việc", "uốn nắn cán bộ một cửa",
                                   "chan chinh le loi lam viec"])
def test_the_remedy_of_conduct_brings_the_remedy(typed: str) -> None:
    first = _alternatives(typed)[0]
    assert {"khắc phục", "khac phuc"} & first, first


@pytest.mark.parametrize("typed", ["khắc phục hạn chế sau kiểm tra", "khac phuc han che"])
def test_the_remedy_does_not_bring_the_remedy_of_conduct(typed: str) -> None:
    said = set().union(*_alternatives(typed))
    assert not {"chấn chỉnh", "chan chinh", "uốn nắn", "uon nan"} & said, said


def test_broader_words_join_the_set_they_name_only() -> None:
    lexicon = compile_lexicon([], [["sửa chữa", "tu sửa"], ["mua sắm", "trang bị"]])
    widened = with_broader(lexicon, [(["sửa chữa", "tu sửa"], ["bảo trì"]),
                                     (["không có trong lexicon", "x"], ["y"])])
    assert widened.broader == {(("sửa", "chữa"), ("tu", "sửa")): (("bảo", "trì"),)}
    assert with_broader(lexicon, [(["mua sắm", "trang bị"], [])]).broader == {}


def _planned(text: str, sets: list[tuple[list[str], list[str]]]) -> list[list[str]]:
    lexicon = with_broader(compile_lexicon([], [terms for terms, _ in sets]), sets)
    return [[" ".join(a.syllables) for a in g.alternatives] for g in analyse(parse(text), lexicon).groups]


def test_a_set_of_one_term_brings_its_broader_words() -> None:
    """A one-way entry needs no second spelling: compile_lexicon keeps sets of two members, and
    the lone term's entry was dropped without a word (syn24). Its term is read as one word, typed
    with accents or without, and brings the broader words; they do not bring it."""
    sets = [(["đi học"], ["đào tạo", "bồi dưỡng"])]
    assert _planned("cử cán bộ đi học", sets)[-1] == ["đi học", "đào tạo", "bồi dưỡng"]
    assert _planned("cu can bo di hoc", sets)[-1] == ["di hoc", "dao tao", "boi duong"]
    assert all(len(g) == 1 for g in _planned("đào tạo, bồi dưỡng cán bộ", sets))


def test_a_set_of_one_term_and_no_broader_words_is_refused_naming_it() -> None:
    with pytest.raises(ConfigError, match=r"the set \['đi học'\] has one term and no `broader`"):
        with_broader(compile_lexicon([], [["đi học"]]), [(["đi học"], [])])
    with pytest.raises(ConfigError, match="one term"):  # the same spelling twice is one term
        with_broader(compile_lexicon([], [["đi học", "đi học"]]), [(["đi học", "đi học"], [])])


@pytest.mark.parametrize(("typed", "field"), [("cấp sổ đỏ chậm", "đất đai"),
                                              ("hồ sơ cấp giấy chứng nhận QSDĐ trễ hạn", "đất đai"),
                                              ("hs ĐKKD trễ hạn", "đăng ký doanh nghiệp")])
def test_a_procedure_typed_brings_the_field_it_is_filed_under(typed: str, field: str) -> None:
    said = set().union(*_alternatives(typed))
    assert field in said, said


@pytest.mark.parametrize(("typed", "procedure"), [("hồ sơ đất đai trễ hạn", "sổ đỏ"),
                                                  ("đăng ký doanh nghiệp quá hạn", "đăng ký kinh doanh")])
def test_the_field_typed_does_not_bring_one_of_its_procedures(typed: str, procedure: str) -> None:
    said = set().union(*_alternatives(typed))
    assert procedure not in said, said


@pytest.mark.parametrize(("typed", "broader"), [
    ("truyền thông CCHC cho người dân", "tuyên truyền"),
    ("đề bạt cb ko đủ tiêu chuẩn", "bổ nhiệm"),  # a promotion is an appointment (read37)
    ("trả kết quả tại nhà cho dân", "bưu chính công ích"),
    ("tra ket qua tai nha cho dan", "buu chinh cong ich"),  # typed folded, matched folded
])
def test_the_everyday_word_brings_the_reports_word(typed: str, broader: str) -> None:
    """Publicity said "truyền thông", delivery "tại nhà": the findings write "tuyên truyền",
    "bưu chính công ích" (synonyms.toml, read33; its "đi học", training, is tested with the staff's
    words: tests/index/test_staff_words.py)."""
    said = set().union(*_alternatives(typed))
    assert broader in said, said


@pytest.mark.parametrize(("typed", "narrower"), [("tuyên truyền CCHC cho người dân", "truyền thông"),
                                                 ("hạn chế trong bổ nhiệm cán bộ", "đề bạt"),
                                                 ("trả kết quả qua bưu chính công ích", "tại nhà")])
def test_the_reports_word_does_not_bring_the_everyday_word(typed: str, narrower: str) -> None:
    said = " | ".join(set().union(*_alternatives(typed)))
    assert narrower not in said, said


def test_folded_truyen_thong_is_also_tradition_and_brings_nothing() -> None:
    """Folded, "truyen thong" is also truyền thống ("phương thức truyền thống", filing on paper)."""
    said = set().union(*_alternatives("nop ho so theo phuong thuc truyen thong"))
    assert not {"tuyên truyền", "tuyen truyen"} & said, said


@pytest.mark.parametrize("typed", ["CBCC ôm đồm nhiều việc", "cán bộ xã phải ôm nhiều việc",
                                   "CBCC xã thiếu người, 1 ng ôm nhiều việc", "một người làm nhiều việc",
                                   "can bo xa om nhieu viec"])
def test_carrying_several_posts_work_brings_the_concurrent_posts(typed: str) -> None:
    """Staff say an official "ôm (đồm) nhiều việc"; the reports write "kiêm nhiệm" (synonyms.toml,
    read37): the verb and the work it carries are one group, which brings the term."""
    groups = _alternatives(typed)
    assert any({"kiêm nhiệm", "kiem nhiem"} & g for g in groups), groups
    assert not any(g in ({"nhiều"}, {"nhieu"}, {"1"}) for g in groups), groups


@pytest.mark.parametrize("typed", ["thiếu công chức cấp xã", "CBCC xã thiếu người, 1 ng ôm nhiều việc",
                                   "thieu can bo, cong chuc cap xa", "xã thiếu nhân lực",
                                   "sau sáp nhập xã nào thừa hay thiếu cán bộ?"])
def test_too_few_staff_is_said_by_the_staffing_norm(typed: str) -> None:
    """Staff say "thiếu người", "thiếu cán bộ, công chức"; the reports measure the shortage against the
    norm ("bố trí số lượng chưa đạt theo quy định") or find it in the merged communes' imbalance ("nơi
    thừa, nơi thiếu", broader: synonyms.toml, read41). The lack and the staff are one group, so the
    roll-call findings holding "cán bộ, công chức" and "xã" alone no longer meet the query's minimum."""
    said = [{s.replace(",", "") for s in g} for g in _alternatives(typed)]
    shortage = next(g for g in said if {"số lượng chưa đạt", "so luong chua dat"} & g)
    assert {"nơi thừa nơi thiếu", "noi thua noi thieu"} & shortage, said
    assert not any(g in ({"thiếu"}, {"thieu"}) for g in said), said


@pytest.mark.parametrize("typed", ["biên chế cán bộ cấp xã có nơi thừa nơi thiếu không?", "thiếu nghiêm túc",
                                   "thiếu trang thiết bị", "công chức kiêm nhiệm nhiều việc"])
def test_the_imbalance_and_other_lacks_do_not_bring_the_shortage(typed: str) -> None:
    said = " | ".join(set().union(*_alternatives(typed)))
    assert "số lượng chưa đạt" not in said and "thiếu người" not in said, said


@pytest.mark.parametrize("typed", ["công chức kiêm nhiệm nhiều việc", "cán bộ ốm đau nghỉ việc"])
def test_the_concurrent_posts_and_sick_leave_do_not_bring_the_verb(typed: str) -> None:
    said = " | ".join(set().union(*_alternatives(typed)))
    assert "ôm" not in said.split(" "), said


@pytest.mark.parametrize("typed", ["xã nào trụ sở làm việc còn thiếu thốn, xuống cấp?",
                                   "hạn chế về cơ sở vật chất trụ sở làm việc cấp xã",
                                   "tru so lam viec xuong cap"])
def test_the_office_building_named_whole_is_one_group(typed: str) -> None:
    """"trụ sở làm việc" is the building (synonyms.toml, read37): one group that the bare "trụ sở"
    answers, no "làm việc" of its own, which every roll-call finding holds ("không đến trụ sở làm
    việc")."""
    groups = _alternatives(typed)
    building = [g for g in groups if {"trụ sở làm việc", "tru so lam viec"} & g]
    assert len(building) == 1 and {"trụ sở", "tru so"} & building[0], groups
    assert not any(g <= {"làm việc", "lam viec"} for g in groups), groups


def test_the_bare_building_does_not_bring_the_work_done_in_it() -> None:
    said = set().union(*_alternatives("trụ sở UBND xã xuống cấp"))
    assert "trụ sở làm việc" not in said, said


@pytest.mark.parametrize("typed", ["nhũng nhiễu dân khi giải quyết TTHC", "cán bộ hạch sách vòi vĩnh dân",
                                   "CBCC vòi tiền, gây khó dễ cho dân",
                                   "nhung nhieu tieu cuc khi giai quyet ho so cho dan"])
def test_harassment_brings_the_misconduct_the_recommendations_forbid(typed: str) -> None:
    """Harassing a citizen is a case of "tiêu cực", the name under which the recommendations forbid it
    ("không để tiêu cực xảy ra …"; synonyms.toml, read39): the group of the conduct brings it."""
    groups = _alternatives(typed)
    assert any({"tiêu cực", "tieu cuc"} & g and {"nhũng nhiễu", "nhung nhieu"} & g for g in groups), groups


@pytest.mark.parametrize("typed", ["phòng chống tham nhũng, tiêu cực", "ảnh hưởng tiêu cực đến chỉ số",
                                   "tieu cuc"])
def test_misconduct_does_not_bring_harassment(typed: str) -> None:
    said = set().union(*_alternatives(typed))
    assert not {"nhũng nhiễu", "nhung nhieu", "vòi tiền", "voi tien", "sách nhiễu"} & said, said


@pytest.mark.parametrize("typed", ["kết quả CCHC so với năm trước", "ket qua cchc so voi nam truoc",
                                   "đơn vị nào cải thiện kết quả CCHC so với năm trước?",
                                   "chỉ số cchc tăng giảm so với năm ngoái"])
def test_a_result_against_the_year_before_brings_the_reports_wordings(typed: str) -> None:
    """Staff type "so với năm trước"; the reports write "so với cùng kỳ năm 2021", "tốt hơn năm
    trước", or name the year ("so với kết quả đạt được năm 2020"), which the comparison brought one
    way still holds (synonyms.toml, read43): one group, no "năm" or "trước" of its own."""
    groups = _alternatives(typed)
    compared = [g for g in groups if {"so với cùng kỳ", "so voi cung ky"} & g]
    assert len(compared) == 1, groups
    assert {"hơn năm trước", "hon nam truoc"} & compared[0] and {"so với", "so voi"} & compared[0], groups
    assert not plan_query(typed).optional or all(" ".join(a.syllables) not in {"trước", "truoc"}
                                                   for a in plan_query(typed).optional)


@pytest.mark.parametrize("typed", ["nhận dư đơn so với quy định", "tỷ lệ thấp so với yêu cầu", "so với"])
def test_a_comparison_alone_asks_for_no_year(typed: str) -> None:
    said = set().union(*_alternatives(typed))
    assert not {"so với cùng kỳ", "hơn năm trước", "so voi cung ky"} & said, said


@pytest.mark.parametrize("typed", ["tồn tại trong quản lý văn bản đi đến", "quản lý VB đi đến",
                                   "quan ly van ban di den", "quản lý văn bản đến, đi"])
def test_the_documents_sent_and_received_are_one_group_that_brings_documents(typed: str) -> None:
    groups = _alternatives(typed)
    register = next(g for g in groups if {"văn bản đi đến", "van ban di den"} & g)
    assert {"văn bản đến đi", "van ban den di"} & register, register
    assert {"văn bản", "van ban"} & register, register  # brought one way, as the typed words held it
    assert not any(g <= {"đi", "đến", "di", "den"} for g in groups), groups  # no group of its own


def test_documents_typed_do_not_bring_the_register() -> None:
    said = set().union(*_alternatives("văn bản điện tử"), *_alternatives("soạn thảo văn bản"))
    assert not {"văn bản đi đến", "công văn đi đến"} & said, said


@pytest.mark.parametrize("typed", ["công tác TĐKT", "thi đua khen thưởng", "thi dua khen thuong"])
def test_emulation_and_rewards_typed_brings_either_half(typed: str) -> None:
    first = _alternatives(typed)[0]
    assert {"khen thưởng", "khen thuong"} & first and {"thi đua", "thi dua"} & first, first


def test_rewards_typed_alone_do_not_bring_emulation() -> None:
    said = set().union(*_alternatives("khen thưởng cán bộ, công chức"))
    assert not {"thi đua", "tđkt", "thi đua khen thưởng"} & said, said
