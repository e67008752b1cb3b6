"""Accent restoration: which accented word a run of syllables typed without marks most likely is.

Why: staff often type without diacritics (phones), and folding merges what Vietnamese keeps
apart: six tones and the vowel shapes (ă â ê ô ơ ư, đ) on one base, so a lone folded syllable
has many readings ("ky": kỳ, kỷ, kỹ, ký, kị) and matching it folded finds them all. A word of
two to four syllables, folded, almost always has one reading: of the 50,000 folded words of
Viet74K (the dictionary our segmenter ships) nine in ten have a single accented form ("ky luat"
is only kỷ luật, "can bo" only cán bộ), because the syllables constrain each other as a
compound. So a run typed without accents is read as the words it most likely is, and findings
writing those words rank before the ones holding another word of the same folded spelling,
while the folded form keeps matching everything it can mean (index/query: the restored
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

Which syllables make a word is not decided here: the query's own cut is (index/query,
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
of the query's cut (`unwritten`; index/query asks it of the guesses a grammar word's fold
opens), and its syllables are read one by one, as the query typed with its accents is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from core.normalize import canonical_tones, fold
from index.spelling import Counts


@dataclass(frozen=True)
class Readings:
    """Folded words and their accented readings (tones canonical), compiled once per process."""

    # Folded word → its readings, the genre's first when the genre writes exactly one of them.
    forms: Mapping[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    # Folded words whose reading is clear without the typed accents (one form, or the genre's one).
    clear: AbstractSet[str] = frozenset()


def _spans(phrase: Sequence[str], longest: int) -> Iterable[tuple[str, ...]]:
    """The runs of 2..longest syllables inside a phrase."""
    for n in range(2, min(longest, len(phrase)) + 1):
        for i in range(len(phrase) - n + 1):
            yield tuple(phrase[i:i + n])


class _Compiled:
    """The readings of each folded word, compiled the first time the word is looked up.

    Why on demand: a search looks up the few dozen folded runs of its own query, while compiling
    all 52,000 folded words of the dictionary (tones made canonical syllable by syllable) took
    about a second of every new process, which a one-off `kiemtra search` paid each time (ux28).
    Each word's readings depend only on its own dictionary entry, the genre's phrases folding to
    it and the runs the genre writes, so a word compiled alone is the word compiled with all the
    others: the same forms in the same order and the same clearness
    (tests/index/test_compiled_on_demand.py checks every word of the real dictionary against
    `compile_readings(..., lazy=False)`)."""

    def __init__(self, dictionary: Mapping[str, Iterable[tuple[str, ...]]],
                 genre_forms: Mapping[str, set[tuple[str, ...]]], written: AbstractSet[tuple[str, ...]],
                 folded_heads: AbstractSet[str], longest: int) -> None:
        self.dictionary, self.genre_forms, self.written = dictionary, genre_forms, written
        self.folded_heads, self.longest = folded_heads, longest
        self._done: dict[str, tuple[tuple[tuple[str, ...], ...], bool]] = {}

    def entry(self, key: str) -> tuple[tuple[tuple[str, ...], ...], bool] | None:
        """The word's readings and whether one is clear; None when it has none."""
        try:
            return self._done[key]
        except KeyError:
            pass
        found = {tuple(canonical_tones(s) for s in word) for word in self.dictionary.get(key, ())
                 if 2 <= len(word) <= self.longest}
        found |= self.genre_forms.get(key, set())
        if not found:  # not kept: a long-running server is asked many runs that are no word
            return None
        genre_forms = sorted(f for f in found if f in self.written)
        clear = len(genre_forms) == 1 or (len(found) == 1 and key.split(" ", 1)[0] not in self.folded_heads)
        done = self._done[key] = ((*genre_forms, *sorted(found - set(genre_forms))), clear)
        return done

    def words(self) -> Iterator[str]:
        """Every folded word with readings (what compiling them all lists)."""
        return (key for key in dict.fromkeys((*self.dictionary, *self.genre_forms)) if self.entry(key))


class _Forms(Mapping[str, tuple[tuple[str, ...], ...]]):
    """`Readings.forms`, each word compiled when asked (`_Compiled`)."""

    def __init__(self, compiled: _Compiled) -> None:
        self._compiled = compiled

    def __getitem__(self, key: str) -> tuple[tuple[str, ...], ...]:
        entry = self._compiled.entry(key) if isinstance(key, str) else None
        if entry is None:
            raise KeyError(key)
        return entry[0]

    def __iter__(self) -> Iterator[str]:
        return self._compiled.words()

    def __len__(self) -> int:
        return sum(1 for _ in self._compiled.words())


class _Clear(AbstractSet[str]):
    """`Readings.clear`, each word's clearness compiled when asked (`_Compiled`)."""

    def __init__(self, compiled: _Compiled) -> None:
        self._compiled = compiled

    def __contains__(self, key: object) -> bool:
        entry = self._compiled.entry(key) if isinstance(key, str) else None
        return entry is not None and entry[1]

    def __iter__(self) -> Iterator[str]:
        return (key for key in self._compiled.words() if key in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def compile_readings(dictionary: Mapping[str, Iterable[tuple[str, ...]]],
                     genre: Iterable[Sequence[str]], heads: Iterable[str] = (), longest: int = 4,
                     lazy: bool = True) -> Readings:
    """The readings of the dictionary's words (folded key → forms) and of the genre's phrases
    (lowercase syllables as its data writes them), words of 2..`longest` syllables (as long as
    the query looks words up), clear where one form is the reading.

    `heads` are syllables the genre writes as words of their own before the next (its
    negations: "không", "chưa"): a dictionary word folded to start with one is no clear reading
    unless the genre writes it, since there the negation and a verb are far the likelier
    ("chua dung" is "chưa đúng" in an inspection report, not the dictionary's "chứa đựng";
    "khong dung" is "không đúng", not "không dưng").

    `lazy` (the default): each word is compiled the first time it is looked up (`_Compiled`);
    False compiles every word now, into plain dicts and sets."""
    folded_heads = frozenset(fold(h) for h in heads)
    genre_forms: dict[str, set[tuple[str, ...]]] = {}
    written: set[tuple[str, ...]] = set()  # every run of syllables the genre's data writes
    for phrase in genre:
        syllables = tuple(canonical_tones(s) for s in phrase)
        written.update(_spans(syllables, longest))
        if 2 <= len(syllables) <= longest:
            genre_forms.setdefault(" ".join(fold(s) for s in syllables), set()).add(syllables)
    compiled = _Compiled(dictionary, genre_forms, frozenset(written), folded_heads, longest)
    if lazy:
        return Readings(_Forms(compiled), _Clear(compiled))
    forms = {key: entry for key in compiled.words() if (entry := compiled.entry(key))}
    return Readings({key: entry[0] for key, entry in forms.items()},
                    frozenset(key for key, entry in forms.items() if entry[1]))


class WordList(Mapping[str, frozenset[tuple[str, ...]]]):
    """A dictionary's words of 2..`longest` syllables by their fold: "ho so" → {("hồ", "sơ"),
    ("hò", "sơ")} (the syllables as the dictionary writes them; tones made canonical where they
    are read, `compile_readings`). A line of one syllable or with a capital (a proper name) is no
    such word.

    Why a class and not a dict: a search looks up the few dozen folded runs of its query, while
    building the dict's 50,000 sets of tuples, each line folded alone, took 0.5 s of every new
    process, which a one-off `kiemtra search` paid each time (ux28). Here the lines are folded as
    one text (one translate, which keeps the line breaks) and indexed by their fold; a word's set
    is made the first time it is asked for. The mapping is the dict it replaces, key for key
    (tests/index/test_compiled_on_demand.py)."""

    def __init__(self, lines: Iterable[str], longest: int) -> None:
        kept = [line for line in lines if " " in line and line.islower() and line.count(" ") < longest]
        folded = fold("\n".join(kept)).split("\n") if kept else []
        if len(folded) != len(kept):  # a line holding a break: folded one by one
            folded = [fold(line) for line in kept]
        self._lines: dict[str, list[str]] = {}
        for line, key in zip(kept, folded, strict=True):
            self._lines.setdefault(key, []).append(line)
        self._words: dict[str, frozenset[tuple[str, ...]]] = {}

    def __getitem__(self, key: str) -> frozenset[tuple[str, ...]]:
        try:
            return self._words[key]
        except KeyError:
            words = self._words[key] = frozenset(tuple(line.split()) for line in self._lines[key])
            return words

    def __contains__(self, key: object) -> bool:
        return key in self._lines

    def __iter__(self) -> Iterator[str]:
        return iter(self._lines)

    def __len__(self) -> int:
        return len(self._lines)


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
