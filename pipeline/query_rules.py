"""What a search must satisfy, whichever edge built it: the CLI's options or the web page's form.

Why one module: both edges build the same index.base.Query, and a rule written at each edge
drifts (the page capped the words at 300 characters, the CLI at none; the page had no year
range, so no "from after to" rule). Each rule looks at the Query itself and answers with a
Problem naming the Query field and what is wrong; each edge says it in its own words (the
CLI's option names in English, the page's labels in Vietnamese), from the same facts. The
comparison (reports/compare.py Filters: a theme, a unit, a level, a year range) is asked the year
range's rule by the same function (`years_problem`), its level's (`level_problem`) and its unit's
(`unit_problem`), on the CLI and on the page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from core.levels import FOLDED_WORDS, Level, level_of_abbreviation, level_of_word
from core.normalize import fold, nfc
from index.base import Query


class Rule(StrEnum):
    """Which rule a Query breaks."""

    BLANK = "blank"  # a text filter given but empty: it would filter on nothing
    TOO_LONG = "too_long"  # the words longer than the setting max_query_chars
    NEEDS_UNIT = "needs_unit"  # `within` without a unit to look inside
    REVERSED = "reversed"  # a year range whose start is after its end
    UNKNOWN_LEVEL = "unknown_level"  # a level no unit has (core.levels.Level): it finds nothing
    LEVEL_ALONE = "level_alone"  # a unit given as a level word alone ("xã"): it names no unit
    NOT_POSITIVE = "not_positive"  # a page of no findings (limit below 1)
    NEGATIVE = "negative"  # an offset below 0


@dataclass(frozen=True, slots=True)
class Problem:
    """A broken rule: the Query field it is about and the values the message needs."""

    rule: Rule
    field: str  # a field of index.base.Query ("text", "unit", "year_from" ...)
    value: str | int | None = None  # what was given (TOO_LONG: its length in characters)
    limit: int | None = None  # TOO_LONG: the most allowed; REVERSED: the end of the range


# The text filters a user types; given empty, each would match nothing or everything.
TEXT_FILTERS = ("unit", "unit_place", "province", "level", "theme", "doc_number")
# The levels `level` accepts (accents optional), as a message lists them.
LEVELS: tuple[str, ...] = tuple(v.value for v in Level)  # matched folded (fold lowercases)


def query_length(text: str) -> int:
    """The words' length as the rule counts it: runs of spaces count as one (the page collapses
    them, a shell splits on them), so both edges measure the same query the same way."""
    return len(" ".join(text.split()))


def query_problem(query: Query, *, max_chars: int) -> Problem | None:
    """The first rule `query` breaks, or None. `max_chars` is the setting max_query_chars: a
    longer query is a paste gone wrong or an attack on the planner, never a search."""
    length = query_length(query.text)
    if length > max_chars:
        return Problem(Rule.TOO_LONG, "text", length, max_chars)
    for name in TEXT_FILTERS:
        value = getattr(query, name)
        if value is not None and not value.strip():
            return Problem(Rule.BLANK, name)
    if query.level is not None and fold(query.level.strip()) not in FOLDED_WORDS:
        return Problem(Rule.UNKNOWN_LEVEL, "level", query.level)
    if alone := unit_problem(query.unit):
        return alone
    if query.within and query.unit is None:
        return Problem(Rule.NEEDS_UNIT, "within")
    if reversed_years := years_problem(query.year_from, query.year_to):
        return reversed_years
    if query.limit < 1:
        return Problem(Rule.NOT_POSITIVE, "limit", query.limit)
    if query.offset < 0:
        return Problem(Rule.NEGATIVE, "offset", query.offset)
    return None


def years_problem(year_from: int | None, year_to: int | None) -> Problem | None:
    """A year range whose start is after its end (Rule.REVERSED), else None: it would find
    nothing, and a user reads an empty result as "nothing happened in those years". The
    search's rule and the comparison's, so both edges refuse the same ranges in the same words."""
    if year_from is not None and year_to is not None and year_from > year_to:
        return Problem(Rule.REVERSED, "year_from", year_from, year_to)
    return None


def level_problem(level: str | None) -> Problem | None:
    """The comparison's level filter: blank (Rule.BLANK) or naming no level of core/levels.py
    (Rule.UNKNOWN_LEVEL), else None. What people type is accepted: any case, accents optional,
    the table's abbreviations ("xa", "Thị Trấn", "TP"); `comparison_level` reads it."""
    if level is None:
        return None
    if not level.strip():
        return Problem(Rule.BLANK, "level")
    if level_of_word(level) is None:
        return Problem(Rule.UNKNOWN_LEVEL, "level", level)
    return None


def unit_problem(unit: str | None) -> Problem | None:
    """A unit filter that is a level word alone, any spelling the level table reads ("xã", "Phuong",
    "thi tran", "TP": core.levels.level_of_word), as Rule.LEVEL_ALONE, else None. Why: a unit's
    name is matched whole, so "xã" found nothing, and the units named like it that the hint then
    offered were "Lao động - Thương binh và Xã hội" and the like; what the user meant is a level
    (the level filter) or a unit of it whose name they did not type. The search's rule and the
    comparison's, on the CLI and the page.

    Typed with accents, the word must be the level's own ("Tĩnh" is the name of Hà Tĩnh, "Quán"
    no "quận"); typed without, the level is what it most likely means ("xa", "phuong")."""
    typed = " ".join(nfc(unit or "").split())
    level = level_of_word(typed) if typed else None
    if level is None:
        return None
    if fold(typed) != typed.lower() and level_of_abbreviation(typed) is None and typed.lower() != level.value:
        return None  # accents typed that are not the level's: a name
    return Problem(Rule.LEVEL_ALONE, "unit", typed)


def comparison_level(level: str | None) -> Level | None:
    """The level a comparison's level filter names ("thi tran" → thị trấn), None for none given
    or one `level_problem` refuses."""
    return level_of_word(level) if level else None


def worded(problem: Problem, messages: Mapping[Rule, str], names: Mapping[str, str], *,
           otherwise: str) -> str:
    """`problem` in one edge's words. The edges differ only in their words, so each keeps a table
    (`messages`: its sentence per rule, `otherwise` for a rule it has none for; `names`: each Query
    field as it names it) and this one function fills it in. A sentence's fields: {name} (the
    field the problem is about, as the edge names it), {value}, {limit}, {rule}, and any other
    field by its Query name, {names[unit]}."""
    return messages.get(problem.rule, otherwise).format(
        name=names.get(problem.field, problem.field), value=problem.value, limit=problem.limit,
        rule=problem.rule, names=names)
