"""How the plan reads the structure of a staff query (index/query): matters coordinated by
"hoặc" or two negated clauses, a place after "tại"/"ở", and function words against the
dictionary's rare words. Queries shaped as provincial staff type them; the lexicons are built
from lines as index/vi/ writes them, and the shipped one is checked to carry the data."""

from __future__ import annotations

from typing import Any

import pytest

from index.query import Lexicon, Plan, analyse, compile_lexicon, load_lexicon, parse

SETS = [["phiếu hẹn", "giấy hẹn"], ["văn bản điện tử", "văn bản số"], ["chữ ký số", "chữ kí số"],
        ["một cửa", "1 cửa"], ["hotline", "đường dây nóng"],
        ["giờ làm việc", "giờ hành chính", "thời gian làm việc"], ["PAR index", "chỉ số CCHC"],
        ["cổng dịch vụ công", "cổng DVC"], ["quá hạn", "trễ hạn"]]
STOPS = ["nào", "khi", "khi nào", "việc", "ở [accents]", "tại [accents]", "hoặc", "đơn vị nào",
         "sau [optional]", "trong", "tỉnh nào", "mấy [accents]", "trên [accents]", "vì sao", "bị [accents]"]
INTENTS: list[dict[str, Any]] = [{"polarity": "shortcoming", "required": True, "terms": ["chưa"]},
           {"polarity": "shortcoming", "terms": ["tồn tại"]}]
DICTIONARY = ["người dân", "dân khí", "nào hay", "làm việc", "sáng kiến", "xin lỗi", "trễ hẹn", "bộ máy",
              "sáp nhập"]


def lexicon() -> Lexicon:
    return compile_lexicon(STOPS, SETS, DICTIONARY, INTENTS,
                           reading={"questions": ["nào", "khi nào"], "circumstances": ["khi"]},
                           coordination={"words": ["hoặc", "or"]},
                           setting={"words": ["tại [accents]", "ở [accents]", "trên [accents]"],
                                    "times": ["trong giờ", "trong thời gian làm việc"],
                                    "levels": ["tỉnh", "toàn tỉnh"]})


def plan(text: str, words: set[str] | None = None, units: set[str] | None = None) -> Plan:
    return analyse(parse(text), lexicon(), words, units)


def group_words(p: Plan) -> list[list[str]]:
    return [[" ".join(a.syllables) for a in g.alternatives] for g in p.groups]


def optional_words(p: Plan) -> list[str]:
    return [" ".join(a.syllables) for a in p.optional]


def test_list_marks_are_read_after_the_word_they_follow() -> None:
    for text in ("bộ máy, nhân sự", "bộ máy , nhân sự", "bộ máy; nhân sự"):
        terms = [t for clause in parse(text).clauses for t in clause]
        assert [t.listed for t in terms] == [False, True, False, False], text
    assert not any(t.listed for c in parse("139/QĐ-UBND hồ sơ").clauses for t in c)


def terms_of(text: str) -> list[tuple[str, bool]]:
    return [(" ".join(t.syllables), t.listed) for clause in parse(text).clauses for t in clause]


@pytest.mark.parametrize(("text", "expected"), [
    ("đi muộn,về sớm", [("đi", False), ("muộn", True), ("về", False), ("sớm", False)]),
    ("hồ sơ;kết quả", [("hồ", False), ("sơ", True), ("kết", False), ("quả", False)]),
    ("giấy hẹn/phiếu hẹn", [("giấy", False), ("hẹn", True), ("phiếu", False), ("hẹn", False)]),
    ("Đi muộn/Về sớm", [("đi", False), ("muộn", True), ("về", False), ("sớm", False)]),
    ("di muon/ve som", [("di", False), ("muon", True), ("ve", False), ("som", False)]),
])
def test_a_list_mark_typed_without_its_space_still_lists(text: str, expected: list[tuple[str, bool]]) -> None:
    """Staff typing fast leave the space out after a comma or between two words offered by a slash:
    the words are read as typed with it, not as one joined phrase ("muộn về")."""
    assert terms_of(text) == expected


@pytest.mark.parametrize(("text", "whole"), [
    ("mức độ 3,4", "3 4"), ("đạt 92,16 điểm", "92 16"),  # digits: a decimal comma, a number list
    ("toàn thể CB,CC,VC", "cb cc vc"),  # capitals: the genre's staff abbreviations written so
    ("139/QĐ-UBND", "139 qđ ubnd"), ("nq/tw", "nq tw"), ("qđ/ubnd", "qđ ubnd"), ("TN/MT", "tn mt"),
    ("v/v", "v v"), ("24/24", "24 24"),  # codes, numbers, dates: no word on either side
])
def test_a_glued_mark_between_digits_capitals_or_codes_keeps_the_token_whole(text: str, whole: str) -> None:
    assert whole in [t for t, _listed in terms_of(text)], terms_of(text)


def test_a_glued_comma_gives_the_groups_typed_with_the_space() -> None:
    """"CBCC đi muộn,về sớm" reads as "CBCC đi muộn, về sớm": the two breaches, each with its set."""
    assert group_words(plan("CBCC đi muộn,về sớm")) == group_words(plan("CBCC đi muộn, về sớm"))


def test_matters_joined_by_hoac_are_one_group_of_alternatives() -> None:
    found = plan("phiếu hẹn hoặc sổ theo dõi hồ sơ", words={"theo doi", "ho so"})
    # "sổ" alone is a morpheme: it takes "theo dõi" with it; the rest of the query stays required
    assert group_words(found) == [["phiếu hẹn", "giấy hẹn", "sổ theo dõi"], ["hồ sơ"]]
    assert "hoặc" in found.dropped
    typed_folded = plan("phieu hen hoac giay hen", words=set())
    assert group_words(typed_folded) == [["phieu hen", "giay hen"]]


def test_two_negated_clauses_coordinate_their_matters_and_rank_their_verbs() -> None:
    found = plan("đơn vị nào chưa gửi văn bản điện tử hoặc chưa dùng chữ ký số")
    assert group_words(found) == [["chưa"], ["văn bản điện tử", "văn bản số", "chữ ký số", "chữ kí số"]]
    assert found.groups[0].sense and found.polarity == "shortcoming"
    assert optional_words(found) == ["gửi", "dùng"]


def test_a_unit_or_a_negation_is_never_a_listed_matter() -> None:
    found = plan("hồ sơ Tân Lộc hoặc Tân Thành", words={"ho so"}, units={"tan loc", "tan thanh"})
    assert [g.unit for g in found.groups] == [None, "tan loc", "tan thanh"]


def test_a_place_after_tai_or_o_ranks_when_a_topic_precedes_it() -> None:
    setting = plan("hotline phản ánh ở 1 cửa", words={"phan anh"})
    assert group_words(setting) == [["hotline", "duong day nong"], ["phản ánh"]]  # no accent typed
    assert optional_words(setting) == ["1 cửa", "một cửa"]
    topic = plan("tồn tại ở một cửa")  # nothing of the topic before "ở": the place is the topic
    assert group_words(topic) == [["một cửa", "1 cửa"]]
    unit = plan("hồ sơ trễ hẹn tại Tân Lộc", words={"ho so", "tre hen"}, units={"tan loc"})
    assert [g.unit for g in unit.groups] == [None, None, "tan loc"]  # a unit named stays a filter
    # folded, a lone "o" (ở, ô, ơ) after the topic reads as ở: the place is ranked, "o" with it
    folded = plan("hotline phan anh o mot cua", words={"phan anh", "mot cua"})
    assert ["mot cua", "1 cua"] not in group_words(folded)
    assert optional_words(folded) == ["o", "mot cua", "1 cua"]


def test_the_portal_after_tren_ranks_when_a_topic_precedes_it() -> None:
    """"… hồ sơ trên cổng dịch vụ công bị quá hạn": the overdue files are the matter, the portal
    where they were counted; a finding on them need not name it."""
    asked = plan("vì sao hồ sơ trên cổng dịch vụ công bị quá hạn?", words={"ho so"})
    assert group_words(asked) == [["hồ sơ"], ["quá hạn", "trễ hạn"]] and "trên" in asked.dropped
    assert optional_words(asked) == ["cổng dịch vụ công", "cổng dvc"]
    after = plan("tỉnh nào còn hồ sơ quá hạn trên Cổng dịch vụ công?", words={"ho so"})
    assert ["cổng dịch vụ công", "cổng dvc"] not in group_words(after)
    topic = plan("tồn tại trên cổng dịch vụ công")  # nothing of the topic before "trên": the portal is it
    assert group_words(topic) == [["cổng dịch vụ công", "cổng dvc"]]
    folded = plan("ho so qua han tren cong dich vu cong", words={"ho so"})  # "tren" typed without accents
    assert ["cong dich vu cong", "cong dvc"] not in group_words(folded) and "tren" in optional_words(folded)


def test_the_working_hours_after_trong_rank_when_a_topic_precedes_them() -> None:
    during = plan("CBCC vắng mặt trong giờ hành chính", words={"vang mat"})
    assert group_words(during) == [["cbcc"], ["vắng mặt"]] and "trong" in during.dropped
    assert optional_words(during) == ["giờ hành chính", "giờ làm việc", "thời gian làm việc"]
    spelled = plan("cán bộ vắng mặt trong thời gian làm việc", words={"can bo", "vang mat"})
    assert group_words(spelled) == [["cán bộ"], ["vắng mặt"]]
    assert optional_words(spelled)[0] == "thời gian làm việc"
    folded = plan("can bo vang mat trong gio lam viec", words={"can bo", "vang mat"})
    assert group_words(folded) == [["can bo"], ["vang mat"]] and optional_words(folded)[0] == "gio lam viec"
    # the hours without "trong" are the discipline asked about; "trong" before another word is no setting
    assert ["giờ làm việc", "giờ hành chính", "thời gian làm việc"] in group_words(
        plan("cán bộ chấp hành giờ làm việc", words={"can bo", "chap hanh"}))
    assert ["ứng dụng"] in group_words(plan("hạn chế trong ứng dụng", words={"ung dung"}))
    opening = plan("trong giờ làm việc cán bộ vắng mặt", words={"can bo", "vang mat"})  # no topic before
    assert group_words(opening)[0] == ["giờ làm việc", "giờ hành chính", "thời gian làm việc"]


def test_the_province_ranks_after_a_topic_and_stays_a_name_or_a_subject() -> None:
    asked = plan("PAR index tỉnh xếp thứ mấy", words={"xep thu"})
    # (no accent typed in "PAR index": the set's folded forms)
    assert group_words(asked) == [["par index", "chi so cchc"], ["xếp thứ"]]
    assert optional_words(asked) == ["tỉnh"]
    whole = plan("chỉ số CCHC cao nhất toàn tỉnh", words={"cao nhat"})
    assert optional_words(whole) == ["toàn tỉnh"]
    assert optional_words(plan("chi so cchc tinh")) == ["tinh"]  # folded, the province or tính: ranked
    # a capitalised name after it: a unit the index does not know, the level its part
    named = plan("chỉ số CCHC tỉnh Quảng Trị")
    assert group_words(named)[1:] == [["tỉnh"], ["quảng"], ["trị"]] and not named.optional
    subject = plan("tỉnh còn nhiều hồ sơ quá hạn", words={"ho so", "qua han"})  # nothing said before it
    assert group_words(subject)[0] == ["tỉnh"]
    assert group_words(plan("tỉnh")) == [["tỉnh"]]
    assert "tỉnh" in plan("tỉnh nào có chỉ số CCHC cao nhất").dropped  # which province: a question word
    # a word of the index holding the syllable is that word; the levels below the province stay required
    assert group_words(plan("cong tac tinh gian", words={"cong tac", "tinh gian"})) == [["cong tac"],
                                                                                        ["tinh gian"]]
    assert ["xã"] in group_words(plan("công chức cấp xã", words={"cong chuc"}))


def test_a_clause_of_circumstance_in_a_question_is_ranked() -> None:
    asked = plan("đơn vị nào cán bộ vắng mặt khi đoàn đến kiểm tra", words={"can bo", "vang mat", "kiem tra"})
    assert group_words(asked) == [["cán bộ"], ["vắng mặt"]]
    assert optional_words(asked) == ["đoàn", "đến", "kiểm tra"]
    said = plan("xin lỗi người dân khi trễ hẹn")  # no question: the clause may be the matter
    assert group_words(said) == [["xin lỗi"], ["người dân"], ["trễ hẹn"]] and not said.optional
    when = plan("hồ sơ trễ hẹn khi nào", words={"ho so", "tre hen"})  # asks when, opens nothing
    assert group_words(when) == [["hồ sơ"], ["trễ hẹn"]]


def test_a_question_ranks_its_clause_of_circumstance_though_a_quoted_word_splits_the_query() -> None:
    # the question word and the clause lie in two runs of unquoted words: the query asks, not the run
    quoted = plan('đơn vị nào "cán bộ" vắng mặt khi đoàn đến kiểm tra', words={"vang mat", "kiem tra"})
    assert group_words(quoted) == [["cán bộ"], ["vắng mặt"]]
    assert optional_words(quoted) == ["đoàn", "đến", "kiểm tra"]


def test_a_function_word_wins_over_a_rare_dictionary_word() -> None:
    assert group_words(plan("xin lỗi người dân khi trễ hẹn")) == [["xin lỗi"], ["người dân"], ["trễ hẹn"]]
    asked = plan("sáng kiến nào hay")
    assert "nào" in asked.dropped
    assert group_words(asked) == [["sáng kiến"], ["hay"]]
    # a stop word that is no question word nor conjunction ends real words: "làm việc" stays
    assert group_words(plan("cán bộ làm việc", words={"can bo"})) == [["cán bộ"], ["làm việc"]]
    # a word of the index is one the reports write: it stays whole
    assert group_words(plan("người dân khi", words={"dan khi"})) == [["người"], ["dân khi"]]


def test_a_preposition_of_time_before_an_event_is_ranked() -> None:
    found = plan("bộ máy sau sáp nhập")
    assert group_words(found) == [["bộ máy"], ["sáp nhập"]] and optional_words(found) == ["sau"]


def test_the_shipped_lexicon_carries_the_structure_words() -> None:
    shipped = load_lexicon()
    assert (("hoặc",), False) in shipped.coordinators and (("tại",), True) in shipped.settings
    assert (("trên",), True) in shipped.settings and shipped.stopword_at(["trên"], 0) == 1
    assert (("trong", "giờ"), False) in shipped.settings and (("tỉnh",), False) in shipped.level_settings
    assert not any(e == ("xã",) for e, _ in shipped.level_settings)  # the commune is the matter
    assert shipped.bounded(("dân", "khi")) and shipped.bounded(("nào", "hay"))
    assert not shipped.bounded(("người", "dân"))


def shipped_plan(text: str, words: set[str] | None = None) -> Plan:
    return analyse(parse(text), load_lexicon(), words or set())


def test_a_real_question_of_the_portal_requires_the_files_and_their_lateness_only() -> None:
    found = shipped_plan("vì sao hồ sơ trên cổng dịch vụ công bị quá hạn?", {"ho so"})
    assert [g[0] for g in group_words(found)] == ["hồ sơ", "quá hạn"]
    assert optional_words(found)[:2] == ["cổng dịch vụ công", "cổng dvc"]
    assert found.polarity == "shortcoming" and found.answer  # asks the cause of a failing


def test_the_measure_a_failing_is_judged_by_is_ranked_not_required() -> None:
    """"chưa niêm yết đầy đủ": the finding says what is missing ("chưa cập nhật", "chưa được rà
    soát"), not always "đầy đủ"."""
    found = shipped_plan("xã nào chưa niêm yết đầy đủ thủ tục hành chính?", {"niem yet"})
    assert [g[0] for g in group_words(found)] == ["chưa", "niêm yết", "thủ tục hành chính"]
    assert found.groups[0].sense and optional_words(found) == ["đầy đủ"]
    assert group_words(shipped_plan("đầy đủ")) == [["đầy đủ"]]  # typed alone, it is the query
