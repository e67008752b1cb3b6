"""How the plan reads the structure of a staff query (index/query.py): matters coordinated by
"hoặc" or two negated clauses, a place after "tại"/"ở", and function words against the
dictionary's rare words. Queries shaped as provincial staff type them; the lexicons are built
from lines as index/vi/ writes them, and the shipped one is checked to carry the data."""

from __future__ import annotations

from typing import Any

from index.query import Lexicon, Plan, analyse, compile_lexicon, load_lexicon, parse

SETS = [["phiếu hẹn", "giấy hẹn"], ["văn bản điện tử", "văn bản số"], ["chữ ký số", "chữ kí số"],
        ["một cửa", "1 cửa"], ["hotline", "đường dây nóng"]]
STOPS = ["nào", "khi", "khi nào", "việc", "ở [accents]", "tại [accents]", "hoặc", "đơn vị nào",
         "sau [optional]"]
INTENTS: list[dict[str, Any]] = [{"polarity": "shortcoming", "required": True, "terms": ["chưa"]},
           {"polarity": "shortcoming", "terms": ["tồn tại"]}]
DICTIONARY = ["người dân", "dân khí", "nào hay", "làm việc", "sáng kiến", "xin lỗi", "trễ hẹn", "bộ máy",
              "sáp nhập"]


def lexicon() -> Lexicon:
    return compile_lexicon(STOPS, SETS, DICTIONARY, INTENTS,
                           reading={"questions": ["nào", "khi nào"], "circumstances": ["khi"]},
                           coordination={"words": ["hoặc", "or"]},
                           setting={"words": ["tại [accents]", "ở [accents]"]})


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
    folded = plan("hotline phan anh o mot cua", words={"phan anh", "mot cua"})  # "o" may be ô, ơ
    assert ["mot cua", "1 cua"] in group_words(folded)


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
    assert shipped.bounded(("dân", "khi")) and shipped.bounded(("nào", "hay"))
    assert not shipped.bounded(("người", "dân"))
