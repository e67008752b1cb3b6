"""Is this word a Vietnamese syllable, tone included? The inventory compiled from syllables.toml.

Why from phonotactics and not a word list: every Vietnamese word is one or more syllables, and
the syllables are a closed set an onset × rhyme × tone grammar generates (about 4,000 toneless
spellings, six tones, stop codas only with two of them). A text layer made by an English OCR of
a Vietnamese page ("CONG Hcok xA HQI CHiJ NGHiA VIVT NAM", "S6: 463Y SGDDT") fails this test
word by word: letters mangled into shapes no syllable has, "ie" without its circumflex, stop
codas without a tone ("cach"). The data file is what a linguist extends; this module only
compiles and applies it. It sits in core/ because both sides ask it: the readers (is this text
layer Vietnamese?) and the findings (does the text end inside a word, cut off?).
"""

from __future__ import annotations

import functools
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from core import normalize

SYLLABLES_FILE = Path(__file__).with_name("syllables.toml")

# The five tone marks as combining characters (core.normalize's table); the level tone has none.
HUYEN, SAC, NGA, HOI, NANG = tuple(normalize.TONE_MARKS)
TONE_MARKS = frozenset(normalize.TONE_MARKS)
STOP_TONES = frozenset((SAC, NANG))


@dataclass(frozen=True, slots=True)
class Inventory:
    """Toneless syllable spellings, and which of them end in a stop coda."""

    syllables: frozenset[str]
    stopped: frozenset[str]


def compile_inventory(data: dict[str, object]) -> Inventory:
    """Every onset + rhyme the spelling rules allow, from the parsed syllables.toml."""
    onsets = [str(o) for o in data["onsets"]]  # type: ignore[attr-defined]
    rhymes = [str(r) for r in data["rhymes"]]  # type: ignore[attr-defined]
    codas = tuple(str(c) for c in data["stop_codas"])  # type: ignore[attr-defined]
    never: dict[str, list[str]] = dict(data.get("never_before", {}))  # type: ignore[call-overload]
    merged: dict[str, list[str]] = dict(data.get("merged_first_letter", {}))  # type: ignore[call-overload]
    syllables: set[str] = set()
    for onset in onsets:
        banned = tuple(never.get(onset, ()))
        for rhyme in rhymes:
            if not rhyme.startswith(banned):
                syllables.add(onset + rhyme)
        for rhyme in merged.get(onset, ()):
            syllables.add(onset + rhyme[1:])
    return Inventory(frozenset(syllables), frozenset(s for s in syllables if s.endswith(codas)))


@functools.lru_cache(maxsize=1)
def inventory() -> Inventory:
    return compile_inventory(tomllib.loads(SYLLABLES_FILE.read_text(encoding="utf-8")))


def split_tone(word: str) -> tuple[str, str | None, int]:
    """(the word lower-cased without tone marks, its tone mark or None, how many marks it had)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    marks = [c for c in decomposed if c in TONE_MARKS]
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
    return base, (marks[0] if marks else None), len(marks)


def is_syllable(word: str, inv: Inventory | None = None) -> bool:
    """True when `word` is a Vietnamese syllable as written, its tone allowed by its coda."""
    inv = inv or inventory()
    base, tone, marks = split_tone(word)
    if marks > 1 or base not in inv.syllables:
        return False
    return base not in inv.stopped or tone in STOP_TONES


def is_toneless_spelling(word: str, inv: Inventory | None = None) -> bool:
    """True when `word` is a syllable's letters whatever its tone marks (for the legacy-font
    converters, which judge letters before tones are right)."""
    inv = inv or inventory()
    return split_tone(word)[0] in inv.syllables
