"""The rules every search obeys, whichever edge built it (pipeline/query_rules.py): the CLI and
the web page phrase the same Problem, so these pin the rules themselves."""

from __future__ import annotations

import pytest

from core.levels import Level
from index.base import Query
from pipeline.query_rules import (
    Problem,
    Rule,
    comparison_level,
    level_problem,
    query_length,
    query_problem,
    worded,
)


def test_a_good_query_breaks_no_rule() -> None:
    query = Query(text="xã nào chưa cấp phiếu hẹn", unit="huyện Cam Lộ", within=True, year_from=2019,
                  year_to=2019, doc_number="139/QĐ-UBND")
    assert query_problem(query, max_chars=500) is None


def test_the_length_counts_runs_of_spaces_once_as_both_edges_collapse_them() -> None:
    assert query_length("  phiếu   hẹn \n") == len("phiếu hẹn")
    assert query_problem(Query(text="phiếu   hẹn"), max_chars=9) is None
    assert query_problem(Query(text="phiếu hẹn!"), max_chars=9) == Problem(Rule.TOO_LONG, "text", 10, 9)


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        (Query(unit=" "), Problem(Rule.BLANK, "unit")),
        (Query(province=""), Problem(Rule.BLANK, "province")),
        (Query(doc_number="\t"), Problem(Rule.BLANK, "doc_number")),
        (Query(within=True), Problem(Rule.NEEDS_UNIT, "within")),
        (Query(year_from=2023, year_to=2021), Problem(Rule.REVERSED, "year_from", 2023, 2021)),
        (Query(limit=0), Problem(Rule.NOT_POSITIVE, "limit", 0)),
        (Query(offset=-1), Problem(Rule.NEGATIVE, "offset", -1)),
    ],
)
def test_each_rule_names_the_field_and_what_was_given(query: Query, problem: Problem) -> None:
    assert query_problem(query, max_chars=500) == problem


def test_the_length_is_checked_first_a_huge_paste_is_named_as_such() -> None:
    assert query_problem(Query(text="x" * 501, within=True), max_chars=500) == Problem(
        Rule.TOO_LONG, "text", 501, 500)


def test_an_edge_words_a_problem_from_its_own_table_of_sentences_and_names() -> None:
    names = {"year_from": "from", "year_to": "to"}
    messages = {Rule.REVERSED: "{name} {value} > {names[year_to]} {limit}"}
    reversed_ = Problem(Rule.REVERSED, "year_from", 2023, 2021)
    assert worded(reversed_, messages, names, otherwise="?") == "from 2023 > to 2021"
    # A rule the edge has no sentence for: the fallback; a field it has no name for: the field.
    assert worded(Problem(Rule.NEGATIVE, "offset", -1), messages, names,
                  otherwise="{name} ({rule}): {value}") == "offset (negative): -1"


@pytest.mark.parametrize(("typed", "level"), [
    ("xã", Level.XA), ("xa", Level.XA), ("Thị Trấn", Level.THI_TRAN), ("thi  tran", Level.THI_TRAN),
    ("TP", Level.THANH_PHO), ("tx.", Level.THI_XA), ("DAC KHU", Level.DAC_KHU),
])
def test_the_comparison_level_accepts_what_people_type(typed: str, level: Level) -> None:
    assert level_problem(typed) is None
    assert comparison_level(typed) == level


@pytest.mark.parametrize(("typed", "problem"), [
    ("làng", Problem(Rule.UNKNOWN_LEVEL, "level", "làng")),
    ("xã Cam Tuyền", Problem(Rule.UNKNOWN_LEVEL, "level", "xã Cam Tuyền")),
    ("  ", Problem(Rule.BLANK, "level")),
])
def test_the_comparison_level_refuses_what_is_no_level(typed: str, problem: Problem) -> None:
    assert level_problem(typed) == problem
    assert level_problem(None) is None and comparison_level(None) is None
