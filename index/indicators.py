"""The genre's indicators of reform (index/vi/indicators.toml): whether a query names one, and
whether a finding states a result.

Why: a query naming an indicator or a ranking ("PAR INDEX các huyện", "xếp hạng chỉ số CCHC",
"khảo sát mức độ hài lòng") asks for its results — a unit's score, place, rise or fall, rate —
and the findings that merely name the indicator (a plan to raise it, a duty to survey) hold the
query's words as well. The reports state a result in a few forms whatever the indicator (a
number with its measure, a place, a grade); index/rerank.py weighs a finding stating one when
the query names an indicator. This module compiles the data (kept apart from reading it, so it
is testable) and answers the two questions; it reads no settings and keeps no state.

Rules the compiler enforces: both tables and their lists are present and non-empty, each entry
a non-empty string, and each table has a `why`; anything else is an error naming the table.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from core.alternation import longest_first
from core.normalize import matching_form
from index.query import holds_run, syllables_of

INDICATORS_FILE = Path(__file__).with_name("vi") / "indicators.toml"

Syllables = tuple[str, ...]


class IndicatorError(ValueError):
    """A malformed indicators file: the message names the table and what is wrong."""


@dataclass(frozen=True, slots=True)
class Indicators:
    """The compiled data: the names a query asks with, and the finding side's result forms."""

    names: tuple[Syllables, ...]
    result: re.Pattern[str]  # a result word or a number with its measure, at word boundaries
    unlike: re.Pattern[str] | None  # phrases holding a result word that are other words

    def named_in(self, query: str) -> bool:
        """Whether the query names an indicator: one of the names, syllable by syllable, under the
        query language's rule (typed with accents only as typed, without them in any form)."""
        typed = syllables_of(query)
        return any(holds_run(typed, name) for name in self.names)

    def states_result(self, text: str) -> bool:
        """Whether the finding's text states a result (a score, rate, place, change of place or
        grade), outside the phrases that are other words ("người đứng đầu")."""
        written = matching_form(text)
        if self.unlike is not None:
            written = self.unlike.sub(lambda m: " " * len(m.group(0)), written)
        return self.result.search(written) is not None


def _bounded(phrases: Sequence[str]) -> str:
    """The phrases, normalized, as one alternation at word boundaries: longest first, a space
    inside one matching any run of spaces (core/alternation.py)."""
    return r"(?<!\w)(?:" + longest_first(" ".join(matching_form(p).split()) for p in phrases) + r")(?!\w)"


def _strings(table: Mapping[str, Any], key: str, where: str) -> list[str]:
    values = table.get(key)
    if not isinstance(values, list) or not values:
        raise IndicatorError(f"[{where}] needs a non-empty list `{key}`")
    if not all(isinstance(v, str) and v.strip() for v in values):
        raise IndicatorError(f"[{where}] `{key}` holds an empty or non-string entry")
    return [v.strip() for v in values]


def _table(data: Mapping[str, Any], where: str) -> Mapping[str, Any]:
    table = data.get(where)
    if not isinstance(table, dict):
        raise IndicatorError(f"[{where}] is missing")
    if not isinstance(table.get("why"), str) or not table["why"].strip():
        raise IndicatorError(f"[{where}] needs a `why`")
    return table


def compile_indicators(data: Mapping[str, Any]) -> Indicators:
    """The indicators file's tables as matchers; a malformed table is an IndicatorError."""
    named = _table(data, "indicators")
    results = _table(data, "results")
    names = tuple(dict.fromkeys(map(syllables_of, _strings(named, "names", "indicators"))))
    if not all(names):
        raise IndicatorError("[indicators] a name holds no syllable")
    phrases = _bounded(_strings(results, "phrases", "results"))
    # A measure after a number ("92,16 điểm", "98,5 %", "88,54/100"): the number may carry a
    # decimal comma or point and stand a space apart from its measure.
    measures = longest_first(map(matching_form, _strings(results, "measures", "results")), any_space=False)
    number = r"(?<![\w,.])\d+(?:[.,]\d+)?\s*(?:" + measures + r")(?!\w)"
    result = re.compile(phrases + "|" + number)
    unlike = re.compile(_bounded(_strings(results, "unlike", "results"))) if results.get("unlike") else None
    return Indicators(names, result, unlike)


@lru_cache(maxsize=1)
def load_indicators(path: Path = INDICATORS_FILE) -> Indicators:
    """The shipped indicators (read once per process)."""
    with path.open("rb") as f:
        return compile_indicators(tomllib.load(f))
