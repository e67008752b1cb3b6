"""Questions asking which place: read from the query (index/query.py: Plan.which), on questions as
the genre writes them."""

from __future__ import annotations

import pytest

from core.levels import COMMUNE_LEVELS, DISTRICT_LEVELS
from index.query import compile_which, load_lexicon, plan_query

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


def test_the_which_table_compiles_each_level() -> None:
    asking = compile_which({"level": ["[level] nào"], "any": ["nơi nào"]}, ["xã", "thị xã"])
    assert asking == ((("thị", "xã", "nào"), "thị xã"), (("nơi", "nào"), None), (("xã", "nào"), "xã"))
    assert compile_which({}, ["xã"]) == ()
    assert (("xã", "nào"), "xã") in load_lexicon().which_words
