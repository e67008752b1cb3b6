"""Shorthand staff type for a word ("ko", "hs", "kq"), rewritten to the word before a query is read.

Why: the genre's commonest words are typed in letters the reports never write in prose, and a
query reads them as words that match nothing: "bộ phận 1 cửa ko có người trực" loses its
negation, "giấy hẹn trả kq" the synonym member "giấy hẹn trả kết quả". Rewritten before parsing,
the word is read as if typed in full, by every later step alike (polarity cues, synonym members,
the exact phrase) and so on both engines, which receive the same plan. A synonym set would only
match the word's alternatives, not the cues and members the full word starts.

A form that names two things in the genre ("qđ": quy định, quyết định; "CT": chủ tịch, chỉ thị)
is rewritten only where the word beside it decides which (`Bound`, the file's [[bound]] tables):
"không đúng qđ" is quy định, as "đúng quy định" is a set phrase of the reports, and "CT UBND" is
the chairman, as a directive is cited by its number ("CT 17", "10/CT-UBND"), never before the
body's name. A reader resolves such a form by its neighbour, and so does the query: alone, or
beside another word, it stays as typed (a literal token, as before). Never before a number or
"số": a kind of document abbreviated and cited ("QĐ 139", "CT số 10") is the document.

A province the reports abbreviate ("HN", "TT-Huế") is rewritten to its name (`Shorthand.places`,
the file's [[place]] tables), its parts typed apart or joined ("tt huế", "TT.Huế"), so the query
reads the place it names; and a level's abbreviation glued by its dot to the name after it ("TX.An
Nhơn", "P.Quảng An") is set apart from it, so the query reads the level before a unit it knows.
The language data is index/vi/shorthand.toml (a linguist extends it); this module compiles it,
refusing forms that would rewrite a real word, and applies it. The level words and their
abbreviations a bound form may stand before ("CT xã", "CT TP") are core/levels.py's, the one table
of them: an entry names the tiers it takes (`levels_before`), so a level added there is read here.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from core.agencies import syllables
from core.levels import LEVELS, Tier, typed_abbreviations
from index.initials import is_syllable
from index.matching import matches_at

SHORTHAND_FILE = Path(__file__).with_name("vi") / "shorthand.toml"
# What may stand around a form for it to stand alone: a space or the ends of the text, and the
# punctuation a query puts between words; not "&", "/", "-" or a letter, which join it to a word
# ("TN&TKQ", "12/KQ-UBND", "khs").
_BEFORE = r"(?<![^\s(\[\"“‘'«,;:])"
_AFTER = r"(?![^\s)\]\"”’'»,;:.!?])"
# A number typed against the word it counts, standing alone ("1cửa", "2cấp", "8giờ"): its letters
# (two at least) are split off when they spell a Vietnamese syllable (index/initials.py), never
# when they are a unit or a code ("4G", "10h", "24h", "5S").
_GLUED = re.compile(f"{_BEFORE}(\\d+)([^\\W\\d_]{{2,}}){_AFTER}")
_WORDS = re.compile(r"[^\W_]+")
# A form: one run of letters and digits ("ko", "sđt"), or the handwritten shorthand of two words by
# their first letters split by a slash ("y/c" for yêu cầu, as "V/v" for về việc heads a letter).
_FORM = re.compile(r"[^\W_]+|[^\W\d_]{1,2}/[^\W\d_]{1,2}")
# What follows a form that cites a document of that kind ("QĐ 139", "CT số 10"): never rewritten.
_CITED = re.compile(r"\s*(?:\d|s[oố]\b)", re.IGNORECASE)
# A level's abbreviation glued by its dot to the name after it ("TX.An Nhơn", "P.Quảng An",
# "TP.HCM"): the dot set apart from the name, so the query reads the abbreviation before a unit
# (index/query/analysis.py `_abbreviated_unit`) as it does "TX. An Nhơn"; the query's parser
# keeps "TX.An" one joined word otherwise, which no finding holds. Core/levels.py's table, the
# forms only typed in a query among them ("P", "Q").
_LEVEL_GLUED = re.compile(
    _BEFORE + "(" + "|".join(re.escape(a) for a in sorted(typed_abbreviations(), key=len, reverse=True))
    + r")\.(?=[^\W\d_])", re.IGNORECASE)
# Between the parts of a place's short form as typed ("TT Huế", "TT-Huế", "TT.Huế", "TTHuế").
_PART_GAP = r"[\s.\-–]*"


class ShorthandError(ValueError):
    """The shorthand file breaks a rule (the message names the entry)."""


@dataclass(frozen=True)
class Bound:
    """A form that names the word only beside one of its context words: `after`, the syllable
    runs (lowercase, tones canonical) one of which stands just before the form ("đúng" of "đúng
    qđ"); `before`, those one of which stands just after it ("ubnd" of "CT UBND"); `unless_after`,
    those one of which, just before the form, reads it as another of its words whatever follows
    ("điểm" of "điểm TB kết quả": the average score, not the notice)."""

    forms: frozenset[str]  # lowercase
    word: str
    after: tuple[tuple[str, ...], ...] = ()
    before: tuple[tuple[str, ...], ...] = ()
    unless_after: tuple[tuple[str, ...], ...] = ()

    def decided(self, preceding: str, following: str) -> bool:
        """Whether the text around the form (`preceding` it, `following` it) holds a context word
        beside it, under the query's matching rule (index/matching.py: "dung" may be "đúng",
        "dụng" of "sử dụng qđ" is not), and does not cite a document by the form (a number or
        "số" after it). A context word after the form that starts with a number is no citation:
        it names what follows whole ("CB 1 cửa", the desk staff type with its number). A word of
        `unless_after` before the form outweighs every context word."""
        last, first = syllables(preceding), syllables(following)
        if any(matches_at(last, run, len(last) - len(run)) for run in self.unless_after):
            return False
        if any(matches_at(first, run, 0) for run in self.before if run[0].isdigit()):
            return True
        if _CITED.match(following):
            return False
        return (any(matches_at(last, run, len(last) - len(run)) for run in self.after)
                or any(matches_at(first, run, 0) for run in self.before))


@dataclass(frozen=True)
class Shorthand:
    """The compiled forms: lowercase typed form → the word it stands for; and the forms bound to
    a context word (`Bound`)."""

    words: Mapping[str, str]
    bound: tuple[Bound, ...] = ()
    # a place's short form ("TT Huế", "HN": its parts, lowercase) → the place's name (`Place`)
    places: Mapping[tuple[str, ...], str] = field(default_factory=dict)

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        """The forms as one pattern, each standing alone (compiled once: every query is expanded)."""
        return _standing_alone(self.words)

    @cached_property
    def place_pattern(self) -> re.Pattern[str] | None:
        """The places' short forms as one pattern, each standing alone, its parts apart or joined
        by a space, a hyphen, a dot or nothing (`_PART_GAP`), longest first (compiled once)."""
        if not self.places:
            return None
        forms = sorted(self.places, key=lambda parts: len("".join(parts)), reverse=True)
        either = "|".join(_PART_GAP.join(re.escape(p) for p in parts) for parts in forms)
        return re.compile(f"{_BEFORE}(?:{either}){_AFTER}", re.IGNORECASE)

    @cached_property
    def bound_pattern(self) -> re.Pattern[str] | None:
        """The bound forms as one pattern, each standing alone (compiled once)."""
        return _standing_alone({f for b in self.bound for f in b.forms})

    @cached_property
    def stands_for(self) -> tuple[str, ...]:
        """The words of two syllables or more the forms stand for ("số điện thoại" of "sđt"), each
        once: words of the query's cut (index/query/compiling.py `load_lexicon`). A form names one word
        (the file's rule), so its expansion is read as that word, never cut into a common
        syllable required alone ("số") and the rest; the dictionary may lack it, a compound
        the genre writes as a whole."""
        every = (*self.words.values(), *(b.word for b in self.bound))
        return tuple(dict.fromkeys(w.lower() for w in every if len(w.split()) > 1))

    def expand(self, text: str) -> str:
        """`text` with each form standing alone replaced by its word (the user's case aside), a
        bound form where a context word beside it decides it (`Bound.decided`, read after the
        plain forms: "ko đúng qđ" is "không đúng quy định"), and a number glued to the syllable
        after it split from it (`unglued`)."""
        text = _LEVEL_GLUED.sub(r"\1. ", unglued(text))
        if places := self.place_pattern:
            text = places.sub(lambda m: self.places[_parts(m.group(0), self.places)], text)
        pattern = self.pattern
        text = pattern.sub(lambda m: self.words[m.group(0).lower()], text) if pattern else text
        bound = self.bound_pattern
        return bound.sub(lambda m: self._bound_word(m, text), text) if bound else text

    def _bound_word(self, match: re.Match[str], text: str) -> str:
        form = match.group(0).lower()
        for entry in self.bound:
            if form in entry.forms and entry.decided(text[:match.start()], text[match.end():]):
                return entry.word
        return match.group(0)


def _parts(typed: str, places: Mapping[tuple[str, ...], str]) -> tuple[str, ...]:
    """The short form (`Shorthand.places`' key) a match of `place_pattern` typed, whatever it
    put between the parts: the one whose parts, joined, spell the match's letters."""
    letters = "".join(_WORDS.findall(typed.lower()))
    return next(parts for parts in places if "".join(parts) == letters)


def _standing_alone(forms: Iterable[str]) -> re.Pattern[str] | None:
    """`forms` as one case-blind pattern, longest first, each standing alone (`_BEFORE`,
    `_AFTER`); None for no form."""
    ordered = sorted(forms, key=len, reverse=True)
    if not ordered:
        return None
    return re.compile(f"{_BEFORE}(?:{'|'.join(re.escape(f) for f in ordered)}){_AFTER}", re.IGNORECASE)


def unglued(text: str) -> str:
    """`text` with a number typed against the syllable after it set apart ("bộ phận 1cửa" →
    "bộ phận 1 cửa").

    Why: typing fast, staff drop the space after a digit ("1cửa", "chính quyền 2cấp", "làm việc
    8giờ"), and read as typed the token matches nothing and cuts the member it belongs to ("bộ
    phận 1 cửa", the desk's synonym set). The reports write the space; no word of the genre is
    a number glued to a syllable, while units and codes glued to a number are no syllable ("4G",
    "10h", "5S") and stay whole."""
    return _GLUED.sub(lambda m: f"{m.group(1)} {m.group(2)}" if is_syllable(m.group(2)) else m.group(0), text)


def _entry(entry: Mapping[str, Any], label: str, why_says: str) -> tuple[str, list[Any], str]:
    """An entry's label (naming its word), `typed` and `word`, or a ShorthandError naming the fault:
    no `word`, no `why` (which must say why `why_says` in this genre), `typed` no non-empty list."""
    typed, word, why = entry.get("typed"), entry.get("word"), entry.get("why")
    label = f"{label} ({word!r})"
    if not isinstance(word, str) or not word.strip():
        raise ShorthandError(f"{label}: no `word`")
    if not isinstance(why, str) or not why.strip():
        raise ShorthandError(f"{label}: no `why` (say why {why_says} in this genre)")
    if not isinstance(typed, list) or not typed:
        raise ShorthandError(f"{label}: `typed` must be a non-empty list of forms")
    return label, typed, word


def _checked(entry: Mapping[str, Any], label: str, k: int, seen: Iterable[str]) -> tuple[list[str], str]:
    """An entry's lowercase forms and its word, or a ShorthandError naming the fault: `typed`
    (forms of letters and digits, or two short runs of letters split by a slash: `_FORM`; none a
    word of its own here), `word` and `why`; a form is listed once, in either kind of table."""
    label, typed, word = _entry(entry, f"{label} {k}", "the form means the word")
    taken = set(seen)
    keys: list[str] = []
    for form in typed:
        if not isinstance(form, str) or not _FORM.fullmatch(form):
            raise ShorthandError(f"{label}: form {form!r} is not one run of letters and digits "
                                 "(or two letters' runs split by a slash: \"y/c\")")
        key = form.lower()
        if key in word.lower().split():  # the word, or one syllable of it
            raise ShorthandError(f"{label}: form {form!r} is the word itself")
        if key in taken or key in keys:
            raise ShorthandError(f"{label}: form {form!r} is listed twice")
        keys.append(key)
    return keys, word


def _context(entry: Mapping[str, Any], key: str, label: str) -> tuple[tuple[str, ...], ...]:
    """A bound entry's context words (`after` or `before`) as syllable runs, as written."""
    words = entry.get(key, [])
    if not isinstance(words, list) or not all(isinstance(w, str) and _WORDS.search(w) for w in words):
        raise ShorthandError(f"{label}: `{key}` must be a list of words")
    return tuple(syllables(phrase) for phrase in words)


def _levels_before(entry: Mapping[str, Any], label: str) -> tuple[tuple[str, ...], ...]:
    """A bound entry's context words taken from core/levels.py, as syllable runs: each level word
    of the tiers `levels_before` names ("province", "district", "commune") and its abbreviations
    ("thành phố", "TP"), except the levels `levels_except` names (a level whose word decides
    nothing for this form; the entry's `why` says why).

    Why from core/levels.py: the levels and their abbreviations are one table there; a copy here
    would miss the level a linguist adds to it (đặc khu, 2025)."""
    tiers, excepted = entry.get("levels_before", []), entry.get("levels_except", [])
    if not isinstance(tiers, list) or not set(tiers) <= {tier.value for tier in Tier}:
        raise ShorthandError(f"{label}: `levels_before` must be a list of tiers ({', '.join(Tier)})")
    rows = [row for row in LEVELS if any(tier in row.tiers for tier in tiers)]
    if not isinstance(excepted, list) or not set(excepted) <= {row.level.value for row in rows}:
        raise ShorthandError(f"{label}: `levels_except` must list level words of `levels_before`'s tiers")
    return tuple(syllables(word) for row in rows if row.level.value not in excepted
                 for word in (row.level.value, *row.abbreviations))


def _places(entries: Iterable[Mapping[str, Any]]) -> dict[tuple[str, ...], str]:
    """The [[place]] tables: each short form (`typed`, its parts split by spaces, each a run of
    letters) → the place's name (`word`), with the `why`; a ShorthandError naming the entry."""
    places: dict[tuple[str, ...], str] = {}
    for k, entry in enumerate(entries, 1):
        label, typed, word = _entry(entry, f"place {k}", "the form names the place")
        for form in typed:
            parts = tuple(form.lower().split()) if isinstance(form, str) else ()
            if not parts or not all(re.fullmatch(r"[^\W\d_]+", p) for p in parts):
                raise ShorthandError(f"{label}: form {form!r} is not runs of letters split by spaces")
            if parts in places or any("".join(parts) == "".join(q) for q in places):
                raise ShorthandError(f"{label}: form {form!r} is listed twice")
            if " ".join(parts) == word.lower():
                raise ShorthandError(f"{label}: form {form!r} is the name itself")
            places[parts] = word
    return places


def compile_shorthand(entries: Iterable[Mapping[str, Any]],
                      bound: Iterable[Mapping[str, Any]] = (),
                      places: Iterable[Mapping[str, Any]] = ()) -> Shorthand:
    """The [[form]] tables, and the [[bound]] ones (`Bound`: besides `typed`, `word` and `why`,
    the context words `after` and `before`, and the level words of `levels_before`, which join
    `before`: `_levels_before`; one context word at least; and `unless_after`, the words before
    the form that keep it as typed), and the [[place]] ones (`_places`), as a Shorthand, or a
    ShorthandError naming the entry."""
    words: dict[str, str] = {}
    for k, entry in enumerate(entries, 1):
        keys, word = _checked(entry, "form", k, words)
        words.update(dict.fromkeys(keys, word))
    bounds: list[Bound] = []
    for k, entry in enumerate(bound, 1):
        keys, word = _checked(entry, "bound", k, [*words, *(f for b in bounds for f in b.forms)])
        label = f"bound {k} ({word!r})"
        after = _context(entry, "after", label)
        before = _context(entry, "before", label) + _levels_before(entry, label)
        if not after and not before:
            raise ShorthandError(f"{label}: no context word (`after` or `before`) decides the form")
        bounds.append(Bound(frozenset(keys), word, after, before, _context(entry, "unless_after", label)))
    return Shorthand(words, tuple(bounds), _places(places))


@lru_cache(maxsize=1)
def load_shorthand(path: Path = SHORTHAND_FILE) -> Shorthand:
    """index/vi/shorthand.toml, compiled once per process."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ShorthandError(f"{path.name}: not valid TOML ({exc})") from exc
    try:
        return compile_shorthand(data.get("form", []), data.get("bound", []), data.get("place", []))
    except ShorthandError as exc:
        raise ShorthandError(f"{path.name}: {exc}") from exc
