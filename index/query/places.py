"""Unit names in a query (`names_place`, `unit_at`): where a typed run names an administrative
unit the index knows — with its level word, abbreviated, or framed by a level before it — and when
a folded name written elsewhere as a common word is still read as the name (`NAME_RATIO`). Why
apart: which units a query is about is one fact the analysis asks, kept with its own thresholds.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from core.levels import (
    FOLDED_WORDS,
    Level,
    level_of_typed_abbreviation,
)
from core.normalize import canonical_tones, fold
from index.matching import is_accented, matches_at
from index.query.clauses import listable
from index.query.common import MAX_WORD_SYLLABLES, Places
from index.query.cutting import longest
from index.query.lexicon import (
    Lexicon,
    entry_at,
)
from index.query.plan import Group
from index.query.vocabulary import Vocabulary


def level_qualified(level: Level, folded_name: Sequence[str]) -> str:
    """The key of a unit named with its level ("thanh pho quy nhon"): the folded level word, then
    the folded syllables of the name typed after its abbreviation ("TP Quy Nhơn").

    Why one function: `candidates` asks the index for this key and `abbreviated_unit` looks it up
    among the units the index answered; built twice, the two could drift apart, and a unit asked
    for under one spelling would be looked up under another and never found."""
    return " ".join((fold(level.value), *folded_name))


def framing_level(typed: Sequence[str], at: int, word: int, capitals: Sequence[bool],
                   groups: Sequence[Group], lexicon: Lexicon) -> int:
    """How many syllables from `at` make a level word that frames the topic said before it
    (`Lexicon.level_settings`: "PAR index tỉnh xếp thứ mấy", "cao nhất toàn tỉnh"), 0 when
    none does: no such entry starts there, or a longer word of the index or the dictionary does
    (`word`: "tinh giản"), or no matter was said before it (a level word opening the query is
    its subject), or a capitalised word follows it, the name of a unit the index does not know
    ("tỉnh Quảng Trị": a known one is cut as a unit before this is asked)."""
    size = entry_at(lexicon.level_settings, typed, at)
    if not size or size < word or not any(listable(g) for g in groups):
        return 0
    return 0 if at + size < len(capitals) and capitals[at + size] else size


def unit_at(typed: list[str], at: int, units: set[str], capitals: Sequence[bool], lexicon: Lexicon,
             places: Places | None) -> int:
    """How many syllables from `at` name an indexed unit typed as its name (`names_place`), 0 when
    none: the unit `_cut_run` cuts there, and the one a government's title precedes ("UBND huyện X")."""
    unit = longest(typed, at, units, lo=2)
    return unit if unit and names_place(typed[at:at + unit], capitals[at:at + unit], lexicon, places) else 0


def abbreviated_unit(typed: Sequence[str], at: int, units: Collection[str]) -> tuple[int, str] | None:
    """A unit typed after the abbreviation of a level (core/levels.py: "TP Quy Nhơn", "tx an
    nhơn"), as (its syllables with the abbreviation's, the unit's key): the level-qualified name
    when the index knows it ("thanh pho quy nhon"), else the name; None when no unit follows.

    Why: staff type the level as the reports abbreviate it before a name ("TP.", "TX."), and read
    as words the abbreviation was a required word few findings write ("tp" of "tp Phan Thiết"),
    or, the segmenter having joined "TX.An Nhơn" as it stands in one text, a word of the index
    that only that text holds. The abbreviation says a name follows, as the level word does
    (`names_place`), so the name is the unit however it is typed."""
    level = level_of_typed_abbreviation(typed[at])  # "P. Quảng An" too (core/levels.py LevelRow.typed)
    if level is None:
        return None
    folded = [fold(s) for s in typed[at + 1:at + 1 + MAX_WORD_SYLLABLES]]
    for n in range(len(folded), 0, -1):  # "TP Huế": one syllable with its level, as typed in full
        for key in (level_qualified(level, folded[:n]), " ".join(folded[:n]) if n > 1 else ""):
            if key in units:
                return 1 + n, key
    return None


# Syllables of the longest level word ("thi tran"): how far `names_place` looks for one.
_LEVEL_SYLLABLES = max(len(word.split()) for word in FOLDED_WORDS)


def names_place(typed: Sequence[str], capitals: Sequence[bool], lexicon: Lexicon,
                places: Places | None = None) -> bool:
    """Whether syllables naming an indexed unit are typed as that unit's name: after a level
    word ("xã an ninh"), capitalised as Vietnamese writes a name (every syllable: "An Ninh"),
    or not a common word of the language (the dictionary's lowercase words: "đô lương" is
    none, so typed lowercase it is still the district), or, typed folded (no accent: "do luong",
    "thoi binh", "Do luong" as a phone capitalises a query's first letter, which says nothing of
    a name), a name whose word the index never writes (`places`: plan_query,
    `Vocabulary.written_elsewhere`); typed with accents, such a name when the accents typed are
    the name's own as the index writes it (`Places`: "bình định" for Bình Định, each accent
    typed agreeing, tone placement aside; "thời bình" is not Thới Bình).

    Why: many place names are common words ("An Ninh" security, "Thống Nhất" unified, "Đoàn
    Kết" solidarity, "Tiến Bộ" progress); the genre writes those words lowercase far more often
    than it names such a commune, so lowercase and without a level the word is the likelier
    reading, and taking it for the unit lists every finding about the commune. Typed without
    accents and capitals, as staff type on phones, the name loses what told it from the word
    (đô lương / đo lường, thới bình / thời bình); what is left to weigh is the genre's own use:
    a word no finding of the index writes, but as the name of the unit it is about ("thời
    bình", peacetime, is no matter of inspection reports), cannot be the likelier reading,
    while one written elsewhere ("an ninh quốc phòng", "tỉnh thống nhất") stays the word. Read
    as the place, the group still matches the syllables in the text (`Group.unit`: the place
    or the words), so no finding writing them is lost. Typed lowercase with accents ("hồ sơ trễ
    hạn bình định"), the same weighing holds when the accents typed are the name's: they tell
    the name from the word no better than no accents do where the name and the word are spelt
    alike (Bình Định, bình định: to pacify), and the index's use decides as it does folded; where
    they are not the name's ("thời bình" for the district Thới Bình), the user typed the word."""
    folded = [fold(s) for s in typed]
    if any(" ".join(folded[:n]) in FOLDED_WORDS for n in range(1, min(_LEVEL_SYLLABLES + 1, len(folded)))):
        return True
    if capitals and len(capitals) == len(typed) and all(capitals):
        return True
    if not lexicon.is_word(typed):
        return True
    spellings = (places or {}).get(" ".join(folded))
    if spellings is None:
        return False
    return not any(is_accented(s) for s in typed) or any(
        len(spelt) == len(typed) and matches_at(typed, spelt, 0) for spelt in spellings)


# How many times more findings must write a unit's name, as the index spells it, than the common word
# its folded form also is, for that folded form written elsewhere to be read as the name.
NAME_RATIO = 10


def written_as_names(keys: Sequence[str], vocabulary: Vocabulary, lexicon: Lexicon) -> set[str]:
    """Of folded unit names the index writes outside the unit's findings (`written_elsewhere`),
    those it writes there as the name, not as the common word their fold also is: the word
    (the dictionary's, lowercase: "thành trì", "đa năng") spelt otherwise than the name ("Thanh
    Trì", "Đà Nẵng"), and the name's spelling written by `NAME_RATIO` times as many findings as
    the word's. Why: a report on a city names its districts ("huyện Thanh Trì") in findings about
    the city, which says nothing of the citadel; typed folded, the name is then the likelier
    reading (`names_place`). A name spelt as the word ("An Ninh", "an ninh": security) is never
    told apart so, and stays the word."""
    spellings = vocabulary.unit_spellings(keys)
    words: dict[str, list[tuple[str, ...]]] = {}
    names: dict[str, list[tuple[str, ...]]] = {}
    for key in keys:
        spelt = {tuple(canonical_tones(x) for x in s) for s in spellings.get(key, ())}
        forms = {tuple(canonical_tones(x) for x in f) for f in lexicon.dictionary.get(key, ())}
        if spelt and not spelt & forms:
            names[key], words[key] = sorted(spelt), sorted(forms)
    if not names:
        return set()
    counts = vocabulary.written_counts(sorted({(), *(f for fs in (*names.values(), *words.values())
                                                     for f in fs)}))
    if not counts.get(()):
        return set()

    def written(forms: Sequence[tuple[str, ...]]) -> int:
        return sum(counts.get(f, 0) for f in forms)

    return {key for key in names if written(names[key]) > NAME_RATIO * written(words[key])}
