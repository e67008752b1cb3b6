"""Did you mean: a syllable typed with accents that the index's own text makes improbable, read
as the close spelling the index makes far more probable beside the query's other syllables.

Why: a syllable typed with accents matches only that accented form (index/query), so a typo
in one ("nguyên nhâm" for nguyên nhân, "vật chât" for vật chất, "hàn chính" for hành chính)
matches nothing, or another word, and the query loses its point. Staff type fast, on phones;
the marks are where they slip most (a wrong or missing tone, a shape mark on the wrong vowel),
then a letter dropped, doubled or struck beside the right one.

What decides is the index itself, so it works on texts the project never saw: how many
findings write the typed syllable and each of its close spellings, and how many write each
next to the query's neighbouring syllables (the bigram, the way the text writes it, accents
and all). A close spelling (`variants`) is the same letters with other marks, or one letter
deleted, inserted, replaced or two swapped with the marks kept, when the result is a
Vietnamese syllable (core/syllables.py). The typed syllable is read as the variant
(`corrections`) only when all of these hold:
- it has a neighbour in the query's run of words (a lone syllable gives no context to judge);
- it is a syllable staff may mistype: letters only, a vowel among them (not "qđ", "sđt":
  abbreviations), not capitalised (a name, the unit lookup reads it; the query's first word
  too, which may be a name as well: "Lộ", "Hiếu"), not a word of the genre's own query data
  (stop, question and cue words, synonyms: they
  are written right by definition, and "nào", "gì" sit beside words no finding writes them with);
- the typed syllable beside its neighbours is written by few findings (fewer than `RATIO` times
  less than `BIGRAM_CAP`), the variant beside them by at least `MIN_SEEN` (one, when the typed
  one is no syllable at all: "chât" has a stop coda and no tone), and by `RATIO` times as many
  as the typed one is, plus as many as it would be were it a word written as freely beside
  any neighbour as the index writes it (`_expected`): a word spelt right that the index holds
  but never yet beside these neighbours ("cả đơn vị", not "của đơn vị") keeps its reading;
- the typed syllable is `RATIO` times rarer in the index than the variant: a rare word correctly
  spelt in a new combination is usually as common as its look-alikes, a typo is not;
- the variant makes a word of the index (its segmented words, `Words`) with a neighbour it is
  written beside: the slip is inside a word ("nguyên nhâm" → nguyên nhân, "vật chât" → vật
  chất), not a rare word beside a function word that a commoner one follows more often;
- no second variant comes within half of the best one's context count (then the index cannot
  tell which was meant, and the query is left as typed).
A syllable typed without accents is never read otherwise here: it matches every form as it did,
unless it breaks a word the index writes one keyboard slip away (index/folded_slips.py).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from core.normalize import TONE_MARKS, canonical_tones, fold
from core.syllables import inventory, is_syllable, split_tone
from index.matching import is_accented

# Findings a variant must be written in beside the query's neighbours (a typed syllable that is
# no syllable at all needs one).
MIN_SEEN = 2
# How many times more the variant must be written in context, and in the whole index, than the typed.
RATIO = 10
# A phrase of two syllables is counted up to this (the counts only need to tell "few" from "many").
BIGRAM_CAP = 64
# The letters a typo inserts or puts in place of another (the shape marks are letters of their own).
_LETTERS = "abcdeghiklmnopqrstuvxyđăâêôơư"
_VOWELS = frozenset("aeiouy")  # folded
_TONES = ("", *TONE_MARKS)  # none, then core/normalize.py's five
LONGEST = 7  # letters of the longest Vietnamese syllable ("nghiêng")
# The phrase of no syllables, which every finding writes: `counts` gives the index's size for it.
ALL: tuple[str, ...] = ()

# How many findings write each phrase (one or two syllables, lowercase, tones canonical) as
# written: index.query.Vocabulary.written_counts.
Counts = Callable[[Sequence[tuple[str, ...]]], Mapping[tuple[str, ...], int]]
# Which folded spans ("nguyen nhan") are words of the index: index.query.Vocabulary.known_words.
Words = Callable[[Sequence[str]], Collection[str]]
# The query's clauses: per clause, per term, (syllables, capitalised per syllable, a loose word).
Clauses = Sequence[Sequence[tuple[tuple[str, ...], tuple[bool, ...], bool]]]


@dataclass(frozen=True, slots=True)
class Correction:
    """A syllable of the query read as another: where (the clause, the term's syllable), the
    syllable typed and the one searched."""

    clause: int
    at: int
    typed: str
    read: str


@dataclass(frozen=True, slots=True)
class Place:
    """A syllable of a run of loose words: its clause, its place in the clause's term, as typed."""

    clause: int
    at: int
    syllable: str
    capital: bool


def _with_tone(base: str, tone: str) -> str:
    """A toneless syllable with a tone mark, placed where the canonical spelling puts it."""
    if not tone:
        return base
    decomposed = unicodedata.normalize("NFD", base)
    first = next((i for i, c in enumerate(decomposed) if c in "aeiouy"), None)
    if first is None:
        return base
    end = first + 1
    while end < len(decomposed) and unicodedata.combining(decomposed[end]):  # its shape mark
        end += 1
    marked = decomposed[:end] + tone + decomposed[end:]
    return canonical_tones(unicodedata.normalize("NFC", marked))


@lru_cache(maxsize=1)
def _bases_by_letters() -> dict[str, tuple[str, ...]]:
    """Folded letters → the toneless syllables (shape marks kept) spelt with them."""
    out: dict[str, list[str]] = {}
    for base in inventory().syllables:
        out.setdefault(fold(base), []).append(base)
    return {k: tuple(sorted(v)) for k, v in out.items()}


@lru_cache(maxsize=4096)
def accented_forms(folded: str) -> tuple[str, ...]:
    """Every syllable (lowercase, tones canonical) whose folded spelling is `folded`, the one
    without marks included when it is a syllable, sorted: what a syllable typed without accents
    may stand for (index/lone_reading.py)."""
    out = {_with_tone(base, t) for base in _bases_by_letters().get(folded, ()) for t in _TONES}
    return tuple(sorted(v for v in out if is_syllable(v)))


@lru_cache(maxsize=4096)
def variants(syllable: str) -> tuple[str, ...]:
    """The syllables one slip away from `syllable` (lowercase, tones canonical), sorted: its
    letters with other marks (tone or shape), or one letter deleted, inserted, replaced or two
    neighbours swapped with its tone kept; only real syllables, never the syllable itself."""
    syllable = canonical_tones(syllable)
    base, tone, _ = split_tone(syllable)
    tone = tone or ""
    out: set[str] = set()
    for other in _bases_by_letters().get(fold(base), ()):
        out.update(_with_tone(other, t) for t in _TONES)
    edits: set[str] = set()
    for i in range(len(base) + 1):
        edits.update(base[:i] + c + base[i:] for c in _LETTERS)
        if i < len(base):
            edits.add(base[:i] + base[i + 1:])
            edits.update(base[:i] + c + base[i + 1:] for c in _LETTERS)
        if i + 1 < len(base):
            edits.add(base[:i] + base[i + 1] + base[i] + base[i + 2:])
    out.update(_with_tone(e, tone) for e in edits if e in inventory().syllables)
    return tuple(sorted(v for v in out if v != syllable and is_syllable(v)))


def checkable(syllable: str, capital: bool, genre: Collection[str]) -> bool:
    """Whether a typed syllable may be read as another (the module docstring's conditions on it)."""
    return (is_accented(syllable) and syllable.isalpha() and len(syllable) <= LONGEST
            and not capital and syllable not in genre and any(fold(c) in _VOWELS for c in syllable))


def _context(run: Sequence[Place], k: int, syllable: str) -> list[tuple[str, ...]]:
    """The phrases `syllable` makes in place k of the run with its neighbours."""
    out: list[tuple[str, ...]] = []
    if k > 0:
        out.append((run[k - 1].syllable, syllable))
    if k + 1 < len(run):
        out.append((syllable, run[k + 1].syllable))
    return out


def loose_runs(clauses: Clauses) -> list[list[Place]]:
    """The runs of loose words (clauses of one unquoted word, as the analysis cuts them), each
    syllable with its place. `clauses`: per clause, per term, (syllables, capitals, loose)."""
    runs: list[list[Place]] = []
    current: list[Place] = []
    for c, clause in enumerate(clauses):
        if len(clause) == 1 and clause[0][2]:
            syllables, capitals, _ = clause[0]
            current.extend(Place(c, i, s, bool(capitals[i]) if i < len(capitals) else False)
                           for i, s in enumerate(syllables))
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    return runs


def corrections(clauses: Clauses,
                counts: Counts, genre: Collection[str], words: Words) -> tuple[Correction, ...]:
    """The query's syllables the index says were mistyped, each with the syllable to search
    instead (the module docstring's rule). `counts` is asked at most twice: the typed syllables
    in their context (with their neighbours and every finding, `ALL`), then the variants of
    those the index doubts; `words` (the index's words, folded) once, for the variants chosen."""
    runs = loose_runs(clauses)
    asked = [(run, k) for run in runs if len(run) > 1 for k, place in enumerate(run)
             if checkable(place.syllable, place.capital, genre)]
    if not asked:
        return ()
    typed = counts(sorted({ALL, *(p for run, k in asked for p in _typed_phrases(run, k))}))
    if not typed.get(ALL):  # an empty index (or a vocabulary counting nothing) says nothing
        return ()
    doubted = [(run, k) for run, k in asked
               if sum(typed.get(p, 0) for p in _context(run, k, run[k].syllable)) * RATIO < BIGRAM_CAP]
    if not doubted:
        return ()
    phrases = sorted({p for run, k in doubted for v in variants(run[k].syllable)
                      for p in ((v,), *_context(run, k, v))})
    found = counts(phrases) if phrases else {}
    best = [(run, k, read) for run, k in doubted
            if (read := _best(run[k].syllable, run, k, typed, found)) is not None]
    if not best:
        return ()
    # The variant must make a word of the index with a neighbour it is written beside ("nguyên
    # nhân", "vật chất"): a slip inside a word, not a function word swapped for a commoner one
    # beside another ("còn nể" → "còn để").
    def seen(run: Sequence[Place], k: int, read: str) -> list[str]:
        return [" ".join(fold(s) for s in p) for p in _context(run, k, read) if found.get(p, 0)]

    keys = sorted({key for run, k, read in best for key in seen(run, k, read)})
    known = words(keys) if keys else ()
    return tuple(Correction(run[k].clause, run[k].at, run[k].syllable, read) for run, k, read in best
                 if any(key in known for key in seen(run, k, read)))


def _typed_phrases(run: Sequence[Place], k: int) -> list[tuple[str, ...]]:
    """What is counted of place k as typed: the syllable, its neighbours, the phrases they make."""
    around = [run[j].syllable for j in (k - 1, k + 1) if 0 <= j < len(run)]
    return [(run[k].syllable,), *((n,) for n in around), *_context(run, k, run[k].syllable)]


def _expected(syllable: str, run: Sequence[Place], k: int, typed: Mapping[tuple[str, ...], int]) -> float:
    """How many findings would write `syllable` beside its neighbours if it were a word written
    as freely as the index writes it (its findings × each neighbour's share of all findings):
    what a word spelt right but never yet written beside these neighbours may still mean."""
    total = max(typed.get(ALL, 0), 1)
    alone = typed.get((syllable,), 0)
    return sum(alone * typed.get((run[j].syllable,), 0) / total for j in (k - 1, k + 1) if 0 <= j < len(run))


def _best(syllable: str, run: Sequence[Place], k: int, typed: Mapping[tuple[str, ...], int],
          found: Mapping[tuple[str, ...], int]) -> str | None:
    """The variant the index makes far more probable than `syllable` at place k, else None."""
    seen_typed = sum(typed.get(p, 0) for p in _context(run, k, syllable)) + _expected(syllable, run, k, typed)
    alone_typed = typed.get((syllable,), 0)
    scored = sorted(((sum(found.get(p, 0) for p in _context(run, k, v)), found.get((v,), 0), v)
                     for v in variants(syllable)), reverse=True)
    if not scored:
        return None
    seen, alone, best = scored[0]
    least = 1 if not is_syllable(syllable) else MIN_SEEN
    if seen < max(least, RATIO * seen_typed) or alone < RATIO * alone_typed:
        return None
    if len(scored) > 1 and 2 * scored[1][0] > seen:
        return None
    return best


def genre_syllables(phrases: Iterable[Sequence[str]]) -> frozenset[str]:
    """The accented syllables of the genre's query data (`checkable` never reads them otherwise)."""
    return frozenset(s for phrase in phrases for s in phrase if is_accented(s))
