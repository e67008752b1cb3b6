"""The one table of Vietnamese administrative levels, and the lookups and patterns built from it.

Why one table: the level words ("xã", "thị trấn", "đặc khu"), their abbreviations ("TP.", "TX")
and which tier each belongs to were spelled out in seven modules, and the copies had begun to
disagree. A new level (đặc khu arrived in 2025) or a new abbreviation is one row in `LEVELS`;
the unit finder, the search index and the comparison all build what they need from it.

The table is data (first section); the functions below it only compile and look up. Lookups are
case- and tone-insensitive: "TP", "Tp" and "tp" are one abbreviation, "Thị Trấn" is "thị trấn".
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from core.alternation import longest_first
from core.normalize import fold


class Level(StrEnum):
    """A unit's level, spelled as the schema spells it."""

    TINH = "tỉnh"
    THANH_PHO = "thành phố"
    HUYEN = "huyện"
    QUAN = "quận"
    THI_XA = "thị xã"
    XA = "xã"
    PHUONG = "phường"
    THI_TRAN = "thị trấn"
    DAC_KHU = "đặc khu"
    CO_QUAN = "cơ quan"


class Tier(StrEnum):
    """Where a level sits: levels of one tier replace each other over time (huyện → thị xã)."""

    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"


@dataclass(frozen=True, slots=True)
class LevelRow:
    """One level: its tiers (a "thành phố" is a province or a district), its rank for
    enclosure (0 encloses 1 encloses 2; None for bodies that are not territorial units), its
    abbreviations, whether units of it may be named by a number ("Phường 3", "Quận 10"), and
    `typed`: abbreviations staff type before a unit's name in a search box that the reports do
    not write (so the extraction's patterns, built from `abbreviations`, leave them out; a query
    reads one only where a unit the index knows follows it: index/query/analysis.py)."""

    level: Level
    tiers: tuple[Tier, ...]
    rank: int | None
    abbreviations: tuple[str, ...] = ()
    numbered: bool = False
    typed: tuple[str, ...] = ()


# --------------------------------------------------------------------------- the table (data)

LEVELS: tuple[LevelRow, ...] = (
    LevelRow(Level.TINH, (Tier.PROVINCE,), 0),
    LevelRow(Level.THANH_PHO, (Tier.PROVINCE, Tier.DISTRICT), 0, abbreviations=("TP",)),
    LevelRow(Level.HUYEN, (Tier.DISTRICT,), 1),
    # "Q." and "P." (quận, phường) as staff type them before a name ("Q. Hoàng Mai", "P.Quảng An",
    # "p. Thanh Trì"): the address lines' short forms. The reports write the level in full (the
    # dev corpus holds no "P." or "Q." before a name), and alone the letters are a list's items
    # ("điểm p"), so they are typed forms only, read before a unit the index knows.
    LevelRow(Level.QUAN, (Tier.DISTRICT,), 1, numbered=True, typed=("Q",)),
    LevelRow(Level.THI_XA, (Tier.DISTRICT,), 1, abbreviations=("TX",)),
    LevelRow(Level.XA, (Tier.COMMUNE,), 2, numbered=True),
    LevelRow(Level.PHUONG, (Tier.COMMUNE,), 2, numbered=True, typed=("P",)),
    LevelRow(Level.THI_TRAN, (Tier.COMMUNE,), 2, numbered=True),
    LevelRow(Level.DAC_KHU, (Tier.COMMUNE,), 2),
    # A body ("cơ quan", a department), not a territorial unit: no tier, no rank.
    LevelRow(Level.CO_QUAN, (), None),
)

# Which commune levels a district level holds, before 2025 (the gazetteer's units): a quận holds
# phường, a huyện xã and thị trấn, a thị xã or a provincial city xã and phường. Read where a
# commune's district must be chosen among the districts a document names (nlp/unit_containers.py).
HOLDS: dict[str, frozenset[Level]] = {
    Level.HUYEN: frozenset({Level.XA, Level.THI_TRAN}),
    Level.QUAN: frozenset({Level.PHUONG}),
    Level.THI_XA: frozenset({Level.XA, Level.PHUONG}),
    Level.THANH_PHO: frozenset({Level.XA, Level.PHUONG}),
}

# --------------------------------------------------------------------------- compiled from it

_BY_LEVEL: dict[str, LevelRow] = {row.level.value: row for row in LEVELS}
# Administrative (territorial) levels, in table order.
ADMIN_LEVELS: tuple[Level, ...] = tuple(row.level for row in LEVELS if row.rank is not None)
ALL_LEVELS: tuple[Level, ...] = tuple(row.level for row in LEVELS)
PROVINCE_LEVELS = frozenset(row.level for row in LEVELS if Tier.PROVINCE in row.tiers)
DISTRICT_LEVELS = frozenset(row.level for row in LEVELS if Tier.DISTRICT in row.tiers)
COMMUNE_LEVELS = frozenset(row.level for row in LEVELS if Tier.COMMUNE in row.tiers)
NUMBERED_LEVELS = frozenset(row.level for row in LEVELS if row.numbered)
# folded level phrase ("thi tran") -> level
FOLDED_WORDS: dict[str, Level] = {fold(row.level.value): row.level for row in LEVELS}
# abbreviation, case-folded ("tp") -> level
_ABBREVIATIONS: dict[str, Level] = {a.casefold(): row.level for row in LEVELS for a in row.abbreviations}
# the same with the forms only typed in a query ("p") -> level
_TYPED: dict[str, Level] = {**_ABBREVIATIONS,
                            **{a.casefold(): row.level for row in LEVELS for a in row.typed}}


def row_of(level: str) -> LevelRow | None:
    """The table row of a level, whatever its case ("Thị trấn" → the thị trấn row)."""
    row = _BY_LEVEL.get(level.lower())
    if row is None:
        folded = _level_of_folded(level)
        row = _BY_LEVEL[folded.value] if folded else None
    return row


def _level_of_folded(word: str) -> Level | None:
    return FOLDED_WORDS.get(" ".join(fold(word).split()))


def level_of_word(word: str) -> Level | None:
    """The level a word names: a full level word in any case or tone spelling ("THỊ TRẤN",
    "thi tran"), or an abbreviation in any case ("TP", "Tp", "tp", "TX"); None otherwise."""
    return level_of_abbreviation(word) or _level_of_folded(word)


def level_of_abbreviation(word: str) -> Level | None:
    """The level an abbreviation names, in any case, a dot after it or not ("TP", "Tp.", "tx");
    None for anything else, a full level word included."""
    return _ABBREVIATIONS.get(word.strip().rstrip(".").casefold())


def level_of_typed_abbreviation(word: str) -> Level | None:
    """As `level_of_abbreviation`, the forms staff type in a query too (`LevelRow.typed`: "P.",
    "q"); for a query's reader, which takes one only before a unit it knows."""
    return _TYPED.get(word.strip().rstrip(".").casefold())


def typed_abbreviations() -> tuple[str, ...]:
    """Every abbreviation a query may type before a unit's name, the reports' and the typed ones,
    as written in the table ("TP", "TX", "Q", "P")."""
    return tuple(a for row in LEVELS for a in (*row.abbreviations, *row.typed))


def rank_of(level: str) -> int | None:
    """0 for provinces, 1 for districts, 2 for communes, None for non-territorial bodies."""
    row = row_of(level)
    return row.rank if row else None


def words_pattern(levels: tuple[Level, ...] = ALL_LEVELS) -> str:
    """Regex alternation of the level words, longest first ("thị trấn" before "thị")."""
    return longest_first((w.value for w in levels), any_space=False)


def folded_words_pattern(levels: frozenset[Level] | tuple[Level, ...] = ALL_LEVELS) -> str:
    """Regex alternation of the folded level words ("thi tran|xa"), longest first."""
    return longest_first((fold(lv.value) for lv in levels), any_space=False)


def abbreviations_pattern() -> str:
    """Regex alternation of the abbreviations as written in the table; compile it with
    re.IGNORECASE (level_of_word looks them up in any case)."""
    return longest_first((a for row in LEVELS for a in row.abbreviations), any_space=False)


@lru_cache(maxsize=4096)
def split_level(label: str, levels: tuple[Level, ...] = ALL_LEVELS) -> tuple[Level | None, str]:
    """"thị xã Ba Đồn" → (thị xã, "Ba Đồn"): the level word a "level name" label starts with
    (any case), and the rest; (None, label) when it starts with none of `levels`."""
    lowered = label.lower()
    for level in sorted(levels, key=len, reverse=True):
        if lowered.startswith(level.value + " "):
            return level, label[len(level.value) + 1:]
    return None, label
