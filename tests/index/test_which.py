"""Questions asking which place: read from the query (index/query/lexicon.py: Lexicon.asks_place), on
questions as the genre writes them."""

from __future__ import annotations

import pytest

from index.query import compile_which, load_lexicon, parse, plan_query


def typed(query: str) -> list[str]:
    """The query's syllables as the plan reads them (index/query/analysis.py: analyse)."""
    return [s for clause in parse(query).clauses for t in clause for s in t.syllables]


def asks_place(query: str) -> bool:
    return load_lexicon().asks_place(typed(query))


@pytest.mark.parametrize("question", [
    "xã nào chưa niêm yết đầy đủ thủ tục hành chính?",
    "có xã nào trụ sở đóng cửa trong giờ làm việc không",
    "những xã nào lãnh đạo không có mặt tại trụ sở khi đoàn đến kiểm tra",
    "xa nao chua cap phieu hen",  # typed without accents
    "phường nào còn hồ sơ trễ hạn",
    "huyện nào xếp cuối bảng chỉ số cải cách hành chính",
    "thị xã nào chưa cấp phiếu hẹn",
    "địa phương nào để hồ sơ trực tuyến chậm tiếp nhận quá 8 giờ?",
    "nơi nào bộ phận một cửa còn thiếu cơ sở vật chất, trang thiết bị",
    "có đơn vị nào còn dùng gmail cá nhân để trao đổi công việc không",
    "ở đâu còn công chức cấp xã chưa đạt chuẩn",
    "cơ quan nào chưa sử dụng văn bản điện tử",  # a level of no tier: any unit
])
def test_a_question_asking_which_place_is_read_as_one(question: str) -> None:
    assert asks_place(question)
    assert load_lexicon().is_question(typed(question))


@pytest.mark.parametrize("query", [
    "cán bộ nào dùng xe công đi lễ chùa",  # who, not where
    "tại sao hồ sơ trực tuyến bị quá hạn",
    "hạn chế trong công tác chỉ đạo điều hành",
    "UBND xã chưa niêm yết thủ tục",  # a level word, no question
])
def test_other_queries_ask_no_place(query: str) -> None:
    assert not asks_place(query)


def test_the_question_word_is_still_dropped_from_the_required_words() -> None:
    plan = plan_query("xã nào chưa cấp phiếu hẹn")
    assert plan.dropped[:2] == ("xã", "nào")
    assert "xã" not in [s for alt in plan.alternatives for s in alt.syllables]


def test_every_shipped_question_word_asking_a_place_is_dropped_from_the_required_words() -> None:
    # intents.toml [which] reads these words for the place asked; query_stopwords.txt must drop
    # them, else a question typed with one requires its words of every finding ("nơi đâu còn …").
    for words in load_lexicon().which_words:
        query = " ".join(words) + " còn hồ sơ trễ hạn"
        assert asks_place(query) and plan_query(query).dropped[:len(words)] == words, words


def test_the_which_table_compiles_each_level() -> None:
    asking = compile_which({"level": ["[level] nào"], "any": ["nơi nào"]}, ["xã", "thị xã"])
    assert asking == (("thị", "xã", "nào"), ("nơi", "nào"), ("xã", "nào"))
    assert compile_which({}, ["xã"]) == ()
    assert ("xã", "nào") in load_lexicon().which_words
