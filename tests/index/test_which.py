"""Questions asking which place: read from the query (index/query.py: Plan.which) and weighed on
the findings (index/rerank.py: place_named), on questions and findings as the genre writes them."""

from __future__ import annotations

import pytest

from core.levels import COMMUNE_LEVELS, DISTRICT_LEVELS
from core.models import Area, Polarity
from index.base import TIER_WORDS, FindingRecord, Hit
from index.query import compile_which, load_lexicon, plan_query
from index.rerank import Asked, Candidate, Ranker, place_named, where_said

COMMUNES = frozenset(level.value for level in COMMUNE_LEVELS)
DISTRICTS = frozenset(level.value for level in DISTRICT_LEVELS)


@pytest.mark.parametrize(("question", "levels"), [
    ("xã nào chưa niêm yết đầy đủ thủ tục hành chính?", COMMUNES),
    ("có xã nào trụ sở đóng cửa trong giờ làm việc không", COMMUNES),
    ("những xã nào lãnh đạo không có mặt tại trụ sở khi đoàn đến kiểm tra", COMMUNES),
    ("xa nao chua cap phieu hen", COMMUNES),  # typed without accents
    ("phường nào còn hồ sơ trễ hạn", COMMUNES),  # one tier: a phường answers for a xã and back
    ("huyện nào xếp cuối bảng chỉ số cải cách hành chính", DISTRICTS),
    ("thị xã nào chưa cấp phiếu hẹn", DISTRICTS),  # the longest level word: thị xã, not xã
    ("địa phương nào để hồ sơ trực tuyến chậm tiếp nhận quá 8 giờ?", frozenset()),
    ("nơi nào bộ phận một cửa còn thiếu cơ sở vật chất, trang thiết bị", frozenset()),
    ("có đơn vị nào còn dùng gmail cá nhân để trao đổi công việc không", frozenset()),
    ("ở đâu còn công chức cấp xã chưa đạt chuẩn", frozenset()),  # "cấp xã" is the matter, not the ask
    ("cơ quan nào chưa sử dụng văn bản điện tử", frozenset()),  # a level of no tier: any unit
])
def test_a_question_asking_which_place_names_the_levels_that_answer_it(question: str,
                                                                        levels: frozenset[str]) -> None:
    which = plan_query(question).which
    assert which is not None and which.levels == levels


@pytest.mark.parametrize("query", [
    "cán bộ nào dùng xe công đi lễ chùa",  # who, not where
    "tại sao hồ sơ trực tuyến bị quá hạn",
    "hạn chế trong công tác chỉ đạo điều hành",
    "UBND xã chưa niêm yết thủ tục",  # a level word, no question
])
def test_other_queries_ask_no_place(query: str) -> None:
    assert plan_query(query).which is None


def test_the_question_word_is_still_dropped_from_the_required_words() -> None:
    plan = plan_query("xã nào chưa cấp phiếu hẹn")
    assert plan.dropped[:2] == ("xã", "nào")
    assert "xã" not in [s for alt in plan.alternatives for s in alt.syllables]


def test_every_shipped_question_word_asking_a_place_is_dropped_from_the_required_words() -> None:
    # intents.toml [which] reads these words for the place asked; query_stopwords.txt must drop
    # them, else a question typed with one requires its words of every finding ("nơi đâu còn …").
    for words, _level in load_lexicon().which_words:
        plan = plan_query(" ".join(words) + " còn hồ sơ trễ hạn")
        assert plan.which is not None and plan.dropped[:len(words)] == words, words


def test_the_which_table_compiles_each_level_and_the_unnamed_phrases() -> None:
    asking, unnamed = compile_which({"level": ["[level] nào"], "any": ["nơi nào"],
                                     "quantifiers": ["một số", "có"], "places": ["[level]", "nơi"]},
                                    ["xã", "thị xã"])
    assert asking == ((("thị", "xã", "nào"), "thị xã"), (("nơi", "nào"), None), (("xã", "nào"), "xã"))
    assert unnamed == {("một", "số", "xã"), ("một", "số", "thị", "xã"), ("một", "số", "nơi"),
                       ("có", "xã"), ("có", "thị", "xã"), ("có", "nơi")}
    assert compile_which({}, ["xã"]) == ((), frozenset())
    shipped = load_lexicon()
    assert {("một", "số", "xã"), ("nhiều", "địa", "phương")} <= shipped.unnamed_places


def _rec(fid: str, text: str, words: str = "", **more: object) -> FindingRecord:
    return FindingRecord(finding_id=fid, doc_key=f"doc-{fid}", doc_id=f"{fid}.pdf", text=text, words=words,
                         polarity=Polarity.SHORTCOMING, area=Area.TTHC, year=2023,
                         **more)  # type: ignore[arg-type]


def _asked(question: str) -> Asked:
    return Asked(plan_query(question))


NAMED = _rec("named", "UBND xã Thái Đào chưa niêm yết số điện thoại đường dây nóng theo quy định",
             units=("Thái Đào",), unit_levels=("xã Thái Đào",))
INHERITED = _rec("inherited", "Việc niêm yết các TTHC vẫn chưa cập nhật kịp thời",
                 units=("Mỹ Hòa",), unit_levels=("xã Mỹ Hòa",))
GENERAL = _rec("general", "Một số xã chưa niêm yết đầy đủ các thủ tục hành chính",
               units=("Thanh Bình",), unit_levels=("huyện Thanh Bình",))
DISTRICT = _rec("district", "Bộ phận một cửa huyện Vị Xuyên chưa niêm yết thủ tục hành chính",
                units=("Vị Xuyên",), unit_levels=("huyện Vị Xuyên",))
NOWHERE = _rec("nowhere", "Việc niêm yết thủ tục hành chính chưa đầy đủ")
OFF_TOPIC = _rec("off", "Tại xã Minh Sơn vào thời điểm 7h20 chỉ có 7/21 công chức có mặt",
                 units=("Minh Sơn",), unit_levels=("xã Minh Sơn",))


def test_where_a_finding_says_it_is() -> None:
    which = plan_query("xã nào chưa niêm yết thủ tục hành chính").which
    assert which is not None
    said = {r.finding_id: where_said(Candidate(r, 0, TIER_WORDS), which)
            for r in (NAMED, INHERITED, GENERAL, DISTRICT, NOWHERE)}
    # Named, of the level asked: the answer; filed under a unit it does not name: where, less
    # plainly; a district named for "xã nào": still filed somewhere, not the commune asked for;
    # "một số xã": some commune, not which; no place at all: nothing.
    assert said == {"named": 1.0, "inherited": 0.5, "district": 0.5, "general": 0.25, "nowhere": 0.0}
    anywhere = plan_query("nơi nào chưa niêm yết thủ tục hành chính").which
    assert anywhere is not None
    assert where_said(Candidate(DISTRICT, 0, TIER_WORDS), anywhere) == 1.0  # any level answers "nơi nào"


def test_a_level_word_of_its_own_says_where_a_compound_holding_it_does_not() -> None:
    which = plan_query("xã nào chưa ban hành quy chế").which
    assert which is not None
    level = _rec("a", "UBND xã chưa ban hành quy chế làm việc", "UBND xã chưa ban_hành quy_chế làm_việc")
    compound = _rec("b", "Phòng Lao động - Thương binh và Xã hội chưa ban hành quy chế",
                    "Phòng Lao_động - Thương_binh và Xã_hội chưa ban_hành quy_chế")
    assert where_said(Candidate(level, 0, TIER_WORDS), which) == 0.5
    assert where_said(Candidate(compound, 0, TIER_WORDS), which) == 0.0


def test_a_place_answers_only_with_the_matter() -> None:
    asked = _asked("xã nào chưa niêm yết thủ tục hành chính")
    values = {r.finding_id: place_named(Candidate(r, 0, TIER_WORDS), asked, 30)
              for r in (NAMED, DISTRICT, OFF_TOPIC)}
    assert values["off"] == 0.0  # a commune named, about another matter
    assert values["named"] > 0.0 and values["district"] > 0.0
    # Not a question of place: the feature says nothing, whatever the finding names.
    assert place_named(Candidate(NAMED, 0, TIER_WORDS), _asked("chưa niêm yết thủ tục hành chính"), 30) == 0.0


def test_the_ranker_lifts_the_finding_naming_the_place_above_the_one_saying_some_place() -> None:
    named = _rec("named", "UBND xã Phương Sơn chưa niêm yết thủ tục hành chính tại bộ phận một cửa",
                 units=("Phương Sơn",), unit_levels=("xã Phương Sơn",))
    hits = [Hit(r, 0.0, "") for r in (GENERAL, named, NOWHERE)]
    ranker = Ranker({"rank": 1.0, "place": 0.5}, pool=30)
    asked = _asked("xã nào chưa niêm yết thủ tục hành chính")
    assert [h.record.finding_id for h in ranker.order(hits, asked)] == ["named", "general", "nowhere"]
    plain = _asked("chưa niêm yết thủ tục hành chính")  # no place asked: the engine's order
    assert [h.record.finding_id for h in ranker.order(hits, plain)] == ["general", "named", "nowhere"]
