"""The CLI says which syllables the engine read as typos of others (index/spelling.py)."""

from __future__ import annotations

from index.base import SearchResult
from index.query import Plan
from index.spelling import Correction
from pipeline.cli import _corrections_line


def test_the_cli_says_what_it_searched_for() -> None:
    plan = Plan(corrections=(Correction(0, 0, "nhâm", "nhân"),))
    assert _corrections_line(SearchResult(total=0, hits=(), plan=plan)) == "searched for nhân (typed nhâm)"
    assert _corrections_line(SearchResult(total=0, hits=(), plan=Plan())) is None
