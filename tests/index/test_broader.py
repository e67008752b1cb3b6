"""A synonym set's broader words, brought one way (index/query.py with_broader, synonyms.toml
`broader`): the narrower word typed finds the broader, the broader typed does not find it."""

from __future__ import annotations

import pytest

from index.query import compile_lexicon, plan_query, with_broader


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
