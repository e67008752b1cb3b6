"""Filter and unit values as people type them: folded keys, level words, the forms of a
province's name ("TP Hà Nội", "tỉnh Quảng Trị") and its names since the 2025 reorganisation.

Why apart: the parser, the analysis and the engines' filters compare units and provinces the
same way, so the comparison is defined once here.
"""

from __future__ import annotations

from core.agencies import agencies
from core.levels import (
    PROVINCE_LEVELS,
    row_of,
    split_level,
)
from core.normalize import fold
from index.query.common import WORD


def filter_key(value: str) -> str:
    """How filter and unit values compare: folded, single-spaced ("Đắk Lắk " → "dak lak")."""
    return " ".join(fold(value).split())

def level_of(unit_level: str) -> str | None:
    """"thị xã Ba Đồn" → "thị xã": the level word a "level name" string starts with (core.levels)."""
    level = split_level(unit_level)[0]
    return level.value if level else None


def name_forms(unit_level: str) -> tuple[str, ...]:
    """A "level name" as the forms a user may type: "xã Mường Vang" → itself and "Mường Vang"."""
    level, name = split_level(unit_level)
    return (unit_level, name) if level else (unit_level,)


# How people prefix a province's name: "TP Hà Nội", "Thành phố Hà Nội", "tỉnh Quảng Trị" (folded):
# the province-level words of core.levels and their abbreviations, longest first.
PROVINCE_PREFIXES: tuple[str, ...] = tuple(sorted(
    {fold(form).lower() for level in PROVINCE_LEVELS for row in (row_of(level),) if row
     for form in (level.value, *row.abbreviations)}, key=len, reverse=True))


# How a unit's today's unit (FindingRecord.unit_aliases, from the 2025 mapping) names a province:
# the full province-level words ("tỉnh", "thành phố"), folded; an alias without one is a commune.
_PROVINCE_WORDS: tuple[str, ...] = tuple(sorted({fold(level.value).lower() for level in PROVINCE_LEVELS}))


def province_aliases(value: str) -> tuple[str, ...]:
    """The alias keys (filter_key of FindingRecord.unit_aliases) by which a finding belongs to
    the province `value` names since the 2025 reorganisation: "TP Hồ Chí Minh" → "thanh pho ho
    chi minh", "tinh ho chi minh". So --province takes today's province and finds its
    predecessors' findings (Bình Dương's, now part of Hồ Chí Minh), as a unit typed does; only
    level-qualified aliases count, so a commune merely named like a province does not."""
    key = province_key(value)
    return tuple(f"{word} {key}" for word in _PROVINCE_WORDS) if key else ()


def province_key(value: str) -> str:
    """A province as typed, as the key provinces are stored under: "TP. Hà Nội" → "ha noi"."""
    key = " ".join(WORD.findall(fold(value)))
    for prefix in PROVINCE_PREFIXES:
        if key.startswith(prefix + " "):
            return key[len(prefix) + 1:]
    return key


def inspector_keys(value: str) -> tuple[str, ...]:
    """An inspecting body as typed (`--inspector`, the page's field), as the keys the inspector
    terms are stored under (FindingRecord.inspectors, each by `name_forms`): the value folded, and
    without the people's committee before a unit's name ("UBND tỉnh Quảng Trị" → "tinh quang tri"):
    the genre names a unit's inspection by its government's team ("Đoàn kiểm tra của UBND tỉnh"), and
    the unit is filed by its own name."""
    key = filter_key(value)
    words = key.split()
    government = agencies().committee_at(words, 0)
    bare = " ".join(words[government:]) if government and len(words) > government else ""
    return tuple(dict.fromkeys(k for k in (key, bare) if k))
