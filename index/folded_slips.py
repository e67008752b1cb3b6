"""A slip typed without accents: a folded syllable one letter away from the word it breaks.

Why: index/spelling.py reads a syllable typed with accents as the close spelling the index makes
far more probable ("nguyên nhâm" → nhân), and never one typed without: folded, a syllable stands
for all its marked forms, so its own counts say nothing. But staff in a hurry type without marks
and slip as often ("nguyen nham"), and the slip then breaks a word in two syllables that make no
word at all, each left alone to match every form ("nham": nhầm, nhâm …), where the same query
typed with its marks is corrected. A folded slip is told otherwise, by the word it breaks:
a folded syllable is read as a folded variant one letter away (`folded_variants`: deleted,
inserted, replaced, two swapped) when all of these hold:
- it is typed folded, lowercase, letters only, and so is its neighbour in the run of loose words;
  neither is a word of the query's grammar ("va" is và, not a slip of "da");
- the variant is one slip away on the keyboard (`folded_variants`: a key beside the right one);
- both are alone: no span of two to four syllables holding either is a word of the index, a
  unit's name or a word of the genre's data (the slip left them outside any word; "ho so cham"
  keeps "so" in hồ sơ, "thuong tin" is the district Thường Tín);
- the typed pair is no word of the dictionary either (no reading at all: a real word is no slip);
- the variant and the neighbour make a word with a clear reading (index/accents.py: "nguyen
  nhan" is nguyên nhân), which the index writes in `MIN_SEEN` findings or more, and `RATIO` times
  as many as write the typed pair in any of its accented forms ("gui nhan" is "gửi, nhận", two
  words the reports write side by side, not a slip of "ghi nhận"), and no other variant of the
  place makes one the index writes in half as many (then nothing is read).
Read, the syllable is searched as the variant typed (`Correction`: "nham" → "nhan"), so the cut
joins the word and restores it, as for the query typed with accents.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import lru_cache

from core.normalize import fold
from index.accents import Readings
from index.lone_reading import alone
from index.spelling import Clauses, Correction, Counts, accented_forms, loose_runs

# Findings that must write the word the variant makes: one is one report's wording.
MIN_SEEN = 2
# The keyboard's rows of letters (QWERTY, as Vietnamese phones and computers lay them out; Telex and
# VNI type the marks with these keys): a slip strikes a key next to the right one.
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
# How many times more findings must write the variant's word than the typed pair in any of its forms.
RATIO = 10
# Slips read in one query, the first ones (each looks its variants up in the readings, in memory).
MOST_READ = 4


def _beside(letter: str) -> str:
    """The letters a finger striking `letter` may strike instead: its neighbours on the keyboard,
    in its row and the rows above and below (each row sits half a key right of the one above:
    "s" touches w, e, a, d, z, x)."""
    for k, row in enumerate(_ROWS):
        if (at := row.find(letter)) < 0:
            continue
        near = set(row[max(at - 1, 0):at + 2])
        if k > 0:
            near.update(_ROWS[k - 1][at:at + 2])
        if k + 1 < len(_ROWS):
            near.update(_ROWS[k + 1][max(at - 1, 0):at + 1])
        return "".join(sorted(near - {letter}))
    return ""


@lru_cache(maxsize=4096)
def folded_variants(syllable: str) -> tuple[str, ...]:
    """The folded syllables one slip away from a folded `syllable`: a letter dropped, doubled,
    struck beside the right one (a key next to it: `_beside`) in its place or next to it, or two
    neighbours swapped, where the result is the folded spelling of some syllable (`accented_forms`:
    "nhat" of nhất, which has no form without a tone). Not any letter for any: two words a
    letter apart ("xã mới", "xã hội") are no slip of each other unless the keys are neighbours."""
    edits: set[str] = set()
    for i in range(len(syllable) + 1):
        near = {c for j in (i - 1, i) if 0 <= j < len(syllable) for c in (syllable[j], *_beside(syllable[j]))}
        edits.update(syllable[:i] + c + syllable[i:] for c in near)
        if i < len(syllable):
            edits.add(syllable[:i] + syllable[i + 1:])
            edits.update(syllable[:i] + c + syllable[i + 1:] for c in _beside(syllable[i]))
        if i + 1 < len(syllable):
            edits.add(syllable[:i] + syllable[i + 1] + syllable[i] + syllable[i + 2:])
    return tuple(sorted(e for e in edits - {syllable} if e and accented_forms(e)))


def _typed_folded(syllable: str, capital: bool) -> bool:
    return syllable == fold(syllable) and syllable.isalpha() and not capital


def folded_slips(clauses: Clauses, counts: Counts, is_word: Callable[[str], bool], readings: Readings,
                 longest: int, grammar: Collection[str] = ()) -> tuple[Correction, ...]:
    """The folded syllables of the query's runs of loose words read as a slip of another (the
    module docstring's rule). `is_word`: a folded span is a word of the index or a synonym member;
    `readings`: the clear readings of folded words; `grammar`: the folds of the query's grammar
    words; `counts` asked once, when a variant is found."""
    # clause, at, typed, variant → word, and the typed pair's readings (every form of each syllable)
    asked: list[tuple[int, int, str, dict[str, tuple[str, ...]], list[tuple[str, ...]]]] = []
    for run in loose_runs(clauses):
        typed = [p.syllable for p in run]
        for k, place in enumerate(run):
            if not _typed_folded(place.syllable, place.capital) or place.syllable in grammar \
                    or not alone(typed, k, is_word, longest):
                continue
            words: dict[str, tuple[str, ...]] = {}
            pairs: list[tuple[str, ...]] = []
            for j in (k - 1, k + 1):
                if not 0 <= j < len(run) or not _typed_folded(run[j].syllable, run[j].capital) \
                        or run[j].syllable in grammar or not alone(typed, j, is_word, longest):
                    continue
                pair = (typed[j], place.syllable) if j < k else (place.syllable, typed[j])
                if " ".join(pair) in readings.forms:  # a word of the dictionary: no slip
                    words.clear()
                    break
                makes = False
                for v in folded_variants(place.syllable):
                    key = f"{typed[j]} {v}" if j < k else f"{v} {typed[j]}"
                    if key in readings.clear and v not in words:
                        words[v] = readings.forms[key][0]
                        makes = True
                if makes:
                    pairs.extend((a, b) for a in accented_forms(pair[0]) for b in accented_forms(pair[1]))
            if words:
                asked.append((place.clause, place.at, place.syllable, words, pairs))
    asked = asked[:MOST_READ]
    if not asked:
        return ()
    found = counts(sorted({p for _, _, _, words, pairs in asked for p in (*words.values(), *pairs)}))
    out: list[Correction] = []
    for clause, at, syllable, words, pairs in asked:
        scored = sorted(((found.get(w, 0), v) for v, w in words.items()), reverse=True)
        best, variant = scored[0]
        runner = scored[1][0] if len(scored) > 1 else 0
        typed_seen = sum(found.get(p, 0) for p in pairs)
        if best >= max(MIN_SEEN, RATIO * typed_seen) and 2 * runner < best:
            out.append(Correction(clause, at, syllable, variant))
    return tuple(out)
