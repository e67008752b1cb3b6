"""The period a query names with a year (index/vi/periods.toml): which year, and which of the
query's groups only place it in the year.

Why: a report's findings do not repeat the year of the inspection they come from; the index
keeps it as the finding's year (index/records.py record_year), and staff asking about a period
type the year with the words placing it ("năm 2021", "quý IV 2021", "6 tháng đầu năm 2022",
"T10/2021", "sau Tết 2016"). Read as words, these are required in a finding's text, which
rarely holds them. Read here, the year is the period asked (index.query.Plan.year: the pool puts
the year's findings first, pipeline/search.py engine_pool, and the reranker weighs a finding of
that year, index/rerank.py year_named) and the groups made only of period words, numerals and
the year are ranked, not required (Plan.optional). Only one year: "2001-2005" names a span and
two years a comparison, which this does not read. This module compiles the data (kept apart from
reading it, so it is testable); it reads no settings and keeps no state.

Rules the compiler enforces: the table is present with its `years` range (two ascending
four-digit years), `words` and `numerals` (non-empty lists of strings), `months` (a positive
number) and `month_initial` (a letter); anything else is an error naming the key.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from core.normalize import fold

PERIODS_FILE = Path(__file__).with_name("vi") / "periods.toml"


class PeriodError(ValueError):
    """A malformed periods file: the message names the key and what is wrong."""


@dataclass(frozen=True, slots=True)
class Periods:
    """The compiled data: the years read, and the folded syllables placing a period in one."""

    first: int
    last: int
    words: frozenset[str]  # folded syllables of the period words and numerals
    months: int
    month_initial: str
    compared: tuple[tuple[str, ...], ...] = ()  # folded phrases making the year after them a base
    between: frozenset[str] = frozenset()  # folded words that may stand between one and the year

    def year(self, syllable: str) -> int | None:
        """The year a syllable is (four digits within the range), else None."""
        if len(syllable) == 4 and syllable.isdigit() and self.first <= int(syllable) <= self.last:
            return int(syllable)
        return None

    def places(self, syllable: str) -> bool:
        """Whether a syllable places a period in a year: a period word, a numeral, a month's or
        quarter's number ("9", "06"), a month by its initial ("t10"), or a year."""
        key = fold(syllable.lower())
        if key in self.words or self.year(key) is not None:
            return True
        number = key[len(self.month_initial):] if key.startswith(self.month_initial) else key
        return number.isdigit() and 1 <= int(number) <= self.months

    def asked(self, runs: Sequence[Sequence[str]]) -> int | None:
        """The one year the query's words name, None for none or several: each run a stretch of
        typed syllables (a document number typed breaks it: "07/2019/QĐ-UBND" cites no period).
        A year is one placed in time: after what places a period ("năm 2021", "quý IV 2021",
        "T10/2021", "9/2025", "sau Tết 2016") or ending its run ("PAR index 2024"); a four-digit
        number between other words is a count ("có 2000 hồ sơ"); two years ("2001-2005", "năm
        2020 và 2021") are a span or a comparison, no one period; and a year after "so với" (the
        table's `compared`) is the base a period is compared with, not the one asked ("năm 2022
        so với năm 2021": 2022)."""
        placed, named = set(), set()
        for run in runs:
            for k, syllable in enumerate(run):
                year = self.year(fold(syllable.lower()))
                if year is None:
                    continue
                if self.base(run, k):  # the base of a comparison: the query asks about the other
                    continue
                named.add(year)
                if k + 1 == len(run) or k > 0 and self.places(run[k - 1]) and self.year(run[k - 1]) is None:
                    placed.add(year)
        return placed.pop() if len(placed) == 1 and len(named) == 1 else None

    def base(self, run: Sequence[str], at: int) -> bool:
        """Whether the year at `at` of `run` is the base of a comparison ("so với năm 2021", "so
        với cùng kỳ 2021"): a `compared` phrase before it, with only period words between."""
        folded = [fold(s.lower()) for s in run[:at]]
        while folded and (folded[-1] in self.words or folded[-1] in self.between):
            folded.pop()
        return any(len(p) <= len(folded) and tuple(folded[-len(p):]) == p for p in self.compared)

    def is_period(self, syllables: Sequence[str]) -> bool:
        """Whether a term is made only of what places a period (`places`)."""
        return bool(syllables) and all(self.places(s) for s in syllables)


def compile_periods(data: Mapping[str, Any]) -> Periods:
    table = data.get("period")
    if not isinstance(table, Mapping):
        raise PeriodError("[period]: the table is missing")
    years = table.get("years")
    if not (isinstance(years, list) and len(years) == 2 and all(isinstance(y, int) for y in years)
            and 1000 <= years[0] <= years[1] <= 9999):
        raise PeriodError("[period] years: two ascending four-digit years")
    words: list[str] = []
    for key in ("words", "numerals"):
        value = table.get(key)
        if not (isinstance(value, list) and value and all(isinstance(w, str) and w.strip() for w in value)):
            raise PeriodError(f"[period] {key}: a non-empty list of non-empty strings")
        words.extend(value)
    months = table.get("months")
    if not (isinstance(months, int) and months > 0):
        raise PeriodError("[period] months: a positive number")
    initial = table.get("month_initial")
    if not (isinstance(initial, str) and len(initial) == 1 and initial.isalpha()):
        raise PeriodError("[period] month_initial: one letter")
    lists: dict[str, list[str]] = {}
    for key in ("compared", "between"):
        value = table.get(key, [])
        if not (isinstance(value, list) and all(isinstance(w, str) and w.strip() for w in value)):
            raise PeriodError(f"[period] {key}: a list of non-empty strings")
        lists[key] = value
    folded = frozenset(fold(s.lower()) for w in words for s in w.split())
    return Periods(years[0], years[1], folded, months, fold(initial.lower()),
                   tuple(tuple(fold(w.lower()).split()) for w in lists["compared"]),
                   frozenset(fold(w.lower()) for w in lists["between"]))


@lru_cache(maxsize=1)
def load_periods(path: Path = PERIODS_FILE) -> Periods:
    with path.open("rb") as handle:
        return compile_periods(tomllib.load(handle))
