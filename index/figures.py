"""Questions asking for a figure (index/vi/figures.toml): whether a query asks one, and whether a
finding states one.

Why: a question asking how many or how much ("có bao nhiêu hồ sơ quá hạn", "tỷ lệ hồ sơ nộp
trực tuyến đạt bao nhiêu") is answered by the finding giving the number, and the genre states its
counts, shares and rates as figures ("580 hồ sơ", "3/11 cán bộ", "98,5 %") whatever the question's
words; the findings naming the matter without a figure hold those words as well. index/rerank.py
weighs a finding stating a figure when the query asks one. This module compiles the data (kept
apart from reading it, so it is testable) and answers the two questions; it reads no settings and
keeps no state.

Rules the compiler enforces: both tables are present with a non-empty list and a `why`, each
entry a non-empty string; anything else is an error naming the table.
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

FIGURES_FILE = Path(__file__).with_name("vi") / "figures.toml"
ACCENTS_ONLY = "[accents]"
COUNT, RATE = "count", "rate"  # what figure a query asks for (Figures.asked_in)

Syllables = tuple[str, ...]

# A number as the genre writes it: digits, with thousands or decimals after a dot or comma, or a
# share or range after a slash or hyphen ("1.401", "98,5", "3/11", "9-2025"), at word boundaries.
_NUMBER = re.compile(r"(?<![\w.,/-])\d+(?:[.,/-]\d+)*")
# What after a number makes it a document's number ("139/QĐ-UBND", "61/2018/NĐ-CP"): a slash or
# hyphen, then a letter.
_CITED = re.compile(r"[/-][^\W\d_]")
_PERCENT = re.compile(r"\s?(?:%|phần trăm)")
_YEAR = re.compile(r"(?:19|20)\d\d")
# What joins a number to the one before it in a list ("mức độ 3, 4", "Điều 5 và 6", "quý I-II"):
# the second is of the same kind as the first.
_LISTED = re.compile(r"\s*(?:,|;|và|hoặc|-|–|đến|tới)\s*")


class FigureError(ValueError):
    """A malformed figures file: the message names the table and what is wrong."""


@dataclass(frozen=True, slots=True)
class Figures:
    """The compiled data: the words asking a figure, and the words before a number that make it
    no figure (a date, a period, a citation)."""

    asks: tuple[tuple[Syllables, bool], ...]  # (syllables, only with accents)
    rates: tuple[tuple[Syllables, bool], ...]  # the words asking a rate, likewise
    not_after: re.Pattern[str]  # one of the words, ending right before a number

    def asked_in(self, query: str) -> str | None:
        """What figure the query asks for: RATE when it names a rate ("tỷ lệ", "bao nhiêu phần
        trăm"), COUNT when it asks how many or how much ("bao nhiêu", "mấy", "số lượng"), None when
        it asks none; the words matched syllable by syllable under the query language's rule, an
        accents-only word only typed with its accents."""
        typed = syllables_of(query)
        if _asks(typed, self.rates):
            return RATE
        return COUNT if _asks(typed, self.asks) else None

    def states(self, text: str, asked: str = COUNT) -> bool:
        """Whether the finding's text states a figure of the kind asked: a number that is no
        year, no date or period and no citation (figures.toml [figures] says how each is told),
        nor listed after one ("mức độ 3, 4"); for a RATE, one that is a percentage or a share
        ("98,5 %", "3/11")."""
        written = matching_form(text)
        passed = -1  # where the last number that is no figure ended
        for m in _NUMBER.finditer(written):
            listed = passed >= 0 and _LISTED.fullmatch(written, passed, m.start()) is not None
            if (listed or _CITED.match(written, m.end()) or _YEAR.fullmatch(m.group(0))
                    or self.not_after.search(written, 0, m.start())):
                passed = m.end()
                continue
            if asked != RATE or "/" in m.group(0) or _PERCENT.match(written, m.end()):
                return True
        return False


def _asks(typed: Syllables, entries: Sequence[tuple[Syllables, bool]]) -> bool:
    """Whether one of the entries is in the query's syllables (accents-only ones as typed)."""
    for words, accents_only in entries:
        if accents_only:  # the entry is accented: typed as written, never folded
            if any(typed[k:k + len(words)] == words for k in range(len(typed))):
                return True
        elif holds_run(typed, words):
            return True
    return False


def _entries(values: Sequence[str], where: str) -> tuple[tuple[Syllables, bool], ...]:
    """Entries as (syllables, only with accents); one holding no syllable is a FigureError."""
    out = []
    for entry in values:
        accents_only = entry.endswith(ACCENTS_ONLY)
        words = syllables_of(entry.removesuffix(ACCENTS_ONLY))
        if not words:
            raise FigureError(f"[{where}] {entry!r} holds no syllable")
        out.append((words, accents_only))
    return tuple(dict.fromkeys(out))


def _strings(table: Mapping[str, Any], key: str, where: str) -> list[str]:
    values = table.get(key)
    if not isinstance(values, list) or not values:
        raise FigureError(f"[{where}] needs a non-empty list `{key}`")
    if not all(isinstance(v, str) and v.strip() for v in values):
        raise FigureError(f"[{where}] `{key}` holds an empty or non-string entry")
    return [v.strip() for v in values]


def _table(data: Mapping[str, Any], where: str) -> Mapping[str, Any]:
    table = data.get(where)
    if not isinstance(table, dict):
        raise FigureError(f"[{where}] is missing")
    if not isinstance(table.get("why"), str) or not table["why"].strip():
        raise FigureError(f"[{where}] needs a `why`")
    return table


def compile_figures(data: Mapping[str, Any]) -> Figures:
    """The figures file's tables as matchers; a malformed table is a FigureError."""
    table = _table(data, "asks")
    asks = _entries(_strings(table, "words", "asks"), "asks")
    rates = _entries(_strings(table, "rates", "asks"), "asks")
    words = longest_first(" ".join(matching_form(w).split())
                          for w in _strings(_table(data, "figures"), "not_after", "figures"))
    # The word right before the number, a space or two apart, starting at a word boundary.
    not_after = re.compile(r"(?<!\w)(?:" + words + r")\s{1,2}$")
    return Figures(asks, rates, not_after)


@lru_cache(maxsize=1)
def load_figures(path: Path = FIGURES_FILE) -> Figures:
    """The shipped figures data (read once per process)."""
    with path.open("rb") as f:
        return compile_figures(tomllib.load(f))
