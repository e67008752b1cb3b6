"""Accent restoration: which accented word a run of syllables typed without marks most likely is.

Why: staff often type without diacritics (phones), and folding merges what Vietnamese keeps
apart: six tones and the vowel shapes (ă â ê ô ơ ư, đ) on one base, so a lone folded syllable
has many readings ("ky": kỳ, kỷ, kỹ, ký, kị) and matching it folded finds them all. A word of
two to four syllables, folded, almost always has one reading: of the 50,000 folded words of
Viet74K (the dictionary our segmenter ships) nine in ten have a single accented form ("ky luat"
is only kỷ luật, "can bo" only cán bộ), because the syllables constrain each other as a
compound. So a run typed without accents is read as the words it most likely is, and findings
writing those words rank before the ones holding another word of the same folded spelling,
while the folded form keeps matching everything it can mean (index/query.py: the restored
readings are ranked, never required).

What counts as clear (`compile_readings`): a folded word of two or more syllables with one
reading in the dictionary; or, where the dictionary knows several ("ho so": hồ sơ, hò sơ; "bo
phan": bộ phận, bỏ phân, bọ phấn), the one reading the genre's own query data writes (index/vi:
synonyms, polarity cues, stop words, the kinds of documents): that data is written for
inspection reports, so its reading is the dominant one of the genre; several or none there, the
word stays unrestored. A single syllable is never restored. The genre's whole phrases of two to
four syllables count as words too ("phiếu hẹn", "tiếp công dân" are no dictionary entries). A
dictionary word starting with one of the genre's negations is read as the negation and a verb
("chua dung": chưa đúng, not "chứa đựng"; `compile_readings` says why).

Which syllables make a word is not decided here: the query's own cut is (index/query.py,
maximum matching over the index's segmented words, the genre's phrases and units), the same
on every engine, and each word of it typed without accents is read here. The dictionary alone
would cut badly (it lists many rare words: "trống gió" in "trong gio lam viec", "sơ cua" in "ho
so cua cong dan"), the index's words are the genre's real ones. The language data is the
dictionary and index/vi; this module only compiles and looks it up.

A clear reading the dictionary alone gives is a guess about the genre: Viet74K lists words of
every register ("đề dẫn", a keynote), and folded they take syllables the reports write as other
words, above all a grammar word and the word after it ("để dân", leaving citizens to …). Where
the index's own findings write the guessed reading nowhere, the guess names nothing the index
holds, while the folded phrase it requires matches whatever else it folds from: so it is no word
of the query's cut (`unwritten`; index/query.py asks it of the guesses a grammar word's fold
opens), and its syllables are read one by one, as the query typed with its accents is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from core.normalize import canonical_tones, fold
from index.spelling import Counts


@dataclass(frozen=True)
class Readings:
    """Folded words and their accented readings (tones canonical), compiled once per process."""

    # Folded word → its readings, the genre's first when the genre writes exactly one of them.
    forms: Mapping[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    # Folded words whose reading is clear without the typed accents (one form, or the genre's one).
    clear: frozenset[str] = frozenset()


def _spans(phrase: Sequence[str], longest: int) -> Iterable[tuple[str, ...]]:
    """The runs of 2..longest syllables inside a phrase."""
    for n in range(2, min(longest, len(phrase)) + 1):
        for i in range(len(phrase) - n + 1):
            yield tuple(phrase[i:i + n])


def compile_readings(dictionary: Mapping[str, Iterable[tuple[str, ...]]],
                     genre: Iterable[Sequence[str]], heads: Iterable[str] = (), longest: int = 4) -> Readings:
    """The readings of the dictionary's words (folded key → forms) and of the genre's phrases
    (lowercase syllables as its data writes them), words of 2..`longest` syllables (as long as
    the query looks words up), clear where one form is the reading.

    `heads` are syllables the genre writes as words of their own before the next (its
    negations: "không", "chưa"): a dictionary word folded to start with one is no clear reading
    unless the genre writes it, since there the negation and a verb are far the likelier
    ("chua dung" is "chưa đúng" in an inspection report, not the dictionary's "chứa đựng";
    "khong dung" is "không đúng", not "không dưng")."""
    folded_heads = {fold(h) for h in heads}
    forms: dict[str, set[tuple[str, ...]]] = {}
    for key, words in dictionary.items():
        for word in words:
            if 2 <= len(word) <= longest:
                forms.setdefault(key, set()).add(tuple(canonical_tones(s) for s in word))
    written: set[tuple[str, ...]] = set()  # every run of syllables the genre's data writes
    for phrase in genre:
        syllables = tuple(canonical_tones(s) for s in phrase)
        written.update(_spans(syllables, longest))
        if 2 <= len(syllables) <= longest:
            forms.setdefault(" ".join(fold(s) for s in syllables), set()).add(syllables)
    ordered: dict[str, tuple[tuple[str, ...], ...]] = {}
    clear: set[str] = set()
    for key, found in forms.items():
        genre_forms = sorted(f for f in found if f in written)
        ordered[key] = (*genre_forms, *sorted(found - set(genre_forms)))
        if len(genre_forms) == 1 or (len(found) == 1 and key.split(" ", 1)[0] not in folded_heads):
            clear.add(key)
    return Readings(ordered, frozenset(clear))


def reading(readings: Readings, typed: Sequence[str]) -> tuple[str, ...] | None:
    """The accented word `typed` (lowercase, tones canonical, some syllables without marks)
    most likely is: the clear reading of its folded form; where the form is ambiguous, the one
    reading agreeing with the accents the user did type ("hồ so" → hồ sơ). None when there is
    no word, no clear one, or nothing to restore (the user typed the reading itself)."""
    best = written_as(readings, typed)
    return None if best == tuple(typed) else best


def written_as(readings: Readings, typed: Sequence[str]) -> tuple[str, ...] | None:
    """The word `typed` is as the texts write it: its reading (`reading`), or what was typed when
    the user typed that reading itself ("theo dõi", whose "theo" has no marks to type). None when
    there is no word or no clear one.

    Why apart from `reading`: a word's neighbour (index/lone_reading.py) is a word as written
    whether the user or the restoration put its accents; `reading` says what is left to restore."""
    if len(typed) < 2:
        return None
    key = " ".join(fold(s) for s in typed)
    forms = readings.forms.get(key, ())
    agreeing = [f for f in forms if all(t == fold(t) or t == w for t, w in zip(typed, f, strict=True))]
    if not agreeing:
        return None
    if key in readings.clear and agreeing[0] == forms[0]:
        best = forms[0]
    elif len(agreeing) == 1 < len(forms):  # the accents typed tell the one reading
        best = agreeing[0]
    else:
        return None
    return best


def unwritten(readings: Readings, keys: Iterable[str], counts: Counts) -> frozenset[str]:
    """Of folded words (`keys`, "tien quy"), those with a clear reading that no finding of the
    index writes (the module docstring: a dictionary guess naming nothing the index holds). One
    count asked, of every reading at once; an index counting nothing (empty, or a vocabulary
    without counts) says nothing, and every reading stays."""
    asked = {key: readings.forms[key][0] for key in keys if key in readings.clear}
    if not asked:
        return frozenset()
    found = counts(sorted({(), *asked.values()}))
    if not found.get(()):
        return frozenset()
    return frozenset(key for key, form in asked.items() if not found.get(form, 0))
