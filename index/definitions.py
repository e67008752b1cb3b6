"""The abbreviations a document defines in its own text, harvested when it is indexed.

Why: reports and news introduce the abbreviations they then use — "Trung tâm Phục vụ hành chính
công (TTPVHCC)", "Bộ phận tiếp nhận và trả kết quả (sau đây gọi tắt là Bộ phận TN&TKQ)", "Chỉ số
cải cách hành chính (PAR INDEX)" — and go on writing the short form alone. The hand vocabulary
(index/vi/synonyms.toml) and the initials derived from it (index/initials.py) know only the
abbreviations somebody listed, so on texts the project has never seen, a query typing the text's
own abbreviation missed the findings writing the name, and a query typing the name missed those
writing the abbreviation. The text says which is which; the search index keeps what each document
defines (FindingRecord.definitions, on each of its findings, as their document's numbers are), and
the query asks the index for the definitions of what it types (index/query, Vocabulary.defined).

Conservative, as a reader is: a parenthesised abbreviation counts only when the syllables just
before it spell it by their initials — the genre's habits allowed: "Đ" for đ (HĐND), the
conjunction "và" left out or written "&" (TN&MT), a word kept whole ("Bộ phận TN&TKQ", "DVC
trực tuyến (DVCTT)") — or when it is an English acronym (Latin capitals: PAPI, SIPAS, PAR INDEX)
after a name starting with one of the genre's heads of named things, written as a name
("Chỉ số …", "Chương trình …"), or when a cue ("gọi tắt là", "viết tắt là") introduces it and one
of those two rules finds its name. Never a form of fewer than `shortest` letters, nor one that is
a Vietnamese syllable (typed without accents it would be the word).

The language knowledge (the cues, the skipped words, the heads) is data, index/vi/definitions.toml;
this module compiles it and harvests.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from core.agencies import syllables
from core.normalize import fold
from index.initials import is_syllable

DEFINITIONS_FILE = Path(__file__).with_name("vi") / "definitions.toml"
_TOKEN = re.compile(r"[^\W_]+|&")
_LETTERS = re.compile(r"[^\W_]+")
# A parenthesised aside short enough to hold an abbreviation, on one line.
_ASIDE = re.compile(r"\(\s*([^()\n]{2,60}?)\s*\)")
# What ends the stretch of text a name may run back over: a sentence's or a clause's end, a
# bracket, a line break (commas stay inside: a long name of an index holds them).
_WINDOW = 400  # the most characters a name runs back over (`longest` syllables fit in it)
_BOUNDARY = re.compile(r"[.;:!?()\[\]\n\r\"“”]")
# A token of an abbreviation: letters joined by "&" or "-" ("TN&MT", "NĐ-CP").
_FORM_TOKEN = re.compile(r"[^\W\d_]+(?:[&\-][^\W\d_]+)*")
# After a comma, a cue and what follows it ("…, gọi tắt là TTHCC"): the cue's object is its first token.
_CUED = re.compile(r",\s*([^\W\d_][^,.;:()\n]{0,60})")
_QUOTES = "\"'“”‘’«»"


@dataclass(frozen=True)
class DefinitionRules:
    """How the genre defines an abbreviation (index/vi/definitions.toml)."""

    cues: tuple[tuple[str, ...], ...]  # folded syllables, longest first
    skipped: frozenset[str]  # folded syllables an abbreviation leaves out ("va")
    shortest: int  # the fewest letters of an abbreviation harvested
    longest: int  # the most syllables of a long form
    heads: tuple[tuple[str, ...], ...]  # folded syllables of the heads of named things


@dataclass(frozen=True, order=True)
class Definition:
    """One abbreviation a text defines: the name as written and its abbreviation as written."""

    long: str
    abbreviation: str

    @property
    def value(self) -> str:
        """How an index stores it: "Trung tâm Phục vụ hành chính công (TTPVHCC)"."""
        return f"{self.long} ({self.abbreviation})"

    @classmethod
    def of_value(cls, value: str) -> Definition | None:
        """The definition an index stored as `value`, None when it is not one."""
        long, sep, rest = value.rpartition(" (")
        return cls(long, rest[:-1]) if sep and long and rest.endswith(")") and len(rest) > 1 else None

    @property
    def keys(self) -> tuple[str, str]:
        """What a query is compared with (`abbreviation_key`, `long_key`)."""
        return abbreviation_key(self.abbreviation), long_key(self.long)


def abbreviation_key(form: str) -> str:
    """How an abbreviation is looked up: folded, lower case, its letters only, so "TN&TKQ",
    "tn tkq" and "TN TKQ" are one key ("tntkq")."""
    return "".join(_LETTERS.findall(fold(form).lower()))


def long_key(name: str) -> str:
    """How a long form is looked up: its syllables folded, one space apart."""
    return " ".join(fold(s) for s in syllables(name))


# ------------------------------------------------------------------------------------------ harvesting


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int

    @property
    def folded(self) -> str:
        return fold(self.text).lower()

    @property
    def acronym(self) -> bool:
        """Written in capitals, as an abbreviation inside a name is ("DVC trực tuyến")."""
        return len(self.text) > 1 and self.text.isupper()


def harvest(text: str, rules: DefinitionRules) -> tuple[Definition, ...]:
    """The definitions `text` writes, each once (by its keys), in text order."""
    seen: set[tuple[str, str]] = set()
    out: list[Definition] = []
    for before, written, enclosed in _asides(text, rules):
        definition = _defined(text, before, written, enclosed, rules)
        if definition is not None and definition.keys not in seen:
            seen.add(definition.keys)
            out.append(definition)
    return tuple(out)


def _asides(text: str, rules: DefinitionRules) -> Iterator[tuple[int, str, bool]]:
    """Each place an abbreviation may be defined: where the name before it ends, what is
    written there (a parenthesised aside; a cue and what follows it after a comma), and whether
    that is enclosed in parentheses."""
    for match in _ASIDE.finditer(text):
        yield match.start(), match.group(1), True
    for match in _CUED.finditer(text):
        if _after_cue(match.group(1), rules) is not None:
            yield match.start(), match.group(1), False


def _after_cue(body: str, rules: DefinitionRules) -> str | None:
    """What follows a cue opening `body` ("sau đây gọi tắt là X" → "X"), None without one."""
    words = list(_LETTERS.finditer(body))
    folded = [fold(w.group(0)).lower() for w in words]
    for cue in rules.cues:
        if tuple(folded[:len(cue)]) == cue and len(words) > len(cue):
            return body[words[len(cue)].start():]
    return None


def _form_tokens(written: str, *, first_only: bool) -> list[str] | None:
    """The tokens of an abbreviation as written ("Bộ phận TN&TKQ" → three), None when it is no
    abbreviation: no token in capitals, a digit, more than four tokens; after a cue outside
    parentheses only its first token counts (the sentence goes on after it)."""
    tokens = written.strip().strip(_QUOTES).strip().split()
    if first_only:
        tokens = tokens[:1]
    tokens = [t.strip(_QUOTES) for t in tokens]
    if not tokens or len(tokens) > 4 or not all(_FORM_TOKEN.fullmatch(t) for t in tokens):
        return None
    if not any(sum(c.isupper() for c in t) >= 2 for t in tokens):
        return None
    return tokens


def _defined(text: str, end: int, written: str, enclosed: bool, rules: DefinitionRules) -> Definition | None:
    """The definition of the abbreviation `written` (`_asides`) by the name ending at `end` in
    `text`, or None."""
    body = _after_cue(written, rules)
    tokens = _form_tokens(written if body is None else body, first_only=body is not None and not enclosed)
    if tokens is None:
        return None
    abbreviation = " ".join(tokens)
    key = abbreviation_key(abbreviation)
    if len(key) < rules.shortest or is_syllable(key) or all(is_syllable(t) for t in tokens):
        return None
    start = _segment_start(text, end)
    words = [_Token(m.group(0), start + m.start(), start + m.end())
             for m in _TOKEN.finditer(text[start:end])]
    first = _initials_start(words, _pieces(tokens), rules)
    if first is None and _english(tokens):
        first = _head_start(words, rules)
    if first is None or len(words) - first < 2:
        return None
    return _core(text, words[first:], tokens, rules)


def _core(text: str, name: Sequence[_Token], tokens: list[str], rules: DefinitionRules) -> Definition | None:
    """The definition of `tokens` by `name` without the words both write whole at their ends
    ("Bộ phận tiếp nhận và trả kết quả (Bộ phận TN&TKQ)" defines TN&TKQ as "tiếp nhận và trả
    kết quả", "Ủy ban nhân dân tỉnh (UBND tỉnh)" UBND): what the abbreviation stands for is the
    rest, and a query types it with or without the words. None when too little is left."""
    start, end = 0, len(name)
    while len(tokens) > 1 and end - start > 2 and name[start].folded == fold(tokens[0]).lower():
        tokens, start = tokens[1:], start + 1
    while len(tokens) > 1 and end - start > 2 and name[end - 1].folded == fold(tokens[-1]).lower():
        tokens, end = tokens[:-1], end - 1
    abbreviation = " ".join(tokens)
    long = text[name[start].start:name[end - 1].end]
    key = abbreviation_key(abbreviation)
    if (len(key) < rules.shortest or is_syllable(key) or end - start < 2
            or abbreviation_key(long) == key):
        return None
    return Definition(long, abbreviation)


def _english(tokens: Sequence[str]) -> bool:
    """Whether an abbreviation is an English acronym: Latin letters only, its first word in
    capitals ("PAPI", "PAR INDEX", "PAR Index")."""
    return all(t.isascii() and t.isalpha() for t in tokens) and tokens[0].isupper()


def _segment_start(text: str, end: int) -> int:
    """Where the stretch of text ending at `end` that a name may run back over starts."""
    window = max(0, end - _WINDOW)
    bounds = [m.end() for m in _BOUNDARY.finditer(text, window, end)]
    return bounds[-1] if bounds else window


def _pieces(tokens: Sequence[str]) -> list[tuple[str, str]]:
    """An abbreviation as what its name's syllables must show, in order: ("word", folded) for a
    word written whole, ("letter", group) for each capital with the small letters after it,
    ("and", "&") for an ampersand."""
    out: list[tuple[str, str]] = []
    for token in tokens:
        if not any(c.isupper() for c in token[1:]) and is_syllable(token):
            out.append(("word", fold(token).lower()))
            continue
        group = ""
        for c in token:
            if c == "&":
                if group:
                    out.append(("letter", group))
                group = ""
                out.append(("and", "&"))
            elif c == "-":
                if group:
                    out.append(("letter", group))
                group = ""
            elif c.isupper() or not group:
                if group:
                    out.append(("letter", group))
                group = c
            else:
                group += c
        if group:
            out.append(("letter", group))
    return out


def _initials_start(words: Sequence[_Token], pieces: Sequence[tuple[str, str]],
                    rules: DefinitionRules) -> int | None:
    """The index in `words` of the first syllable of the name that ends with the last of
    `words` and whose syllables spell `pieces` (`_pieces`), else None. A syllable in capitals
    inside the name stands for as many letters ("DVC trực tuyến" for DVCTT); a skipped word
    ("và") may be left out or stand for "&"; the first syllable is always spelt. Memoised by
    (piece, word): each skipped word tried both ways doubled the work, so a run of "và" before a
    long aside (a garbled or hostile text) took minutes."""

    @cache
    def spell(i: int, j: int) -> int | None:
        if i < 0:
            return j + 1
        if j < 0:
            return None
        word = words[j]
        kind, value = pieces[i]
        if kind == "and":
            if word.text == "&" or word.folded in rules.skipped:
                return spell(i - 1, j - 1)
            return None
        if word.text == "&" or (word.folded in rules.skipped and j < len(words) - 1):
            if (found := spell(i, j - 1)) is not None and found <= j - 1:
                return found
            if word.text == "&":
                return None
        if kind == "word":
            return spell(i - 1, j - 1) if word.folded == value else None
        if word.acronym:  # "DVC" of "DVC trực tuyến": the letters of as many pieces
            letters = ""
            k = i
            while k >= 0 and pieces[k][0] == "letter" and len(letters) < len(word.text):
                letters = pieces[k][1] + letters
                k -= 1
            return spell(k, j - 1) if fold(letters).upper() == fold(word.text).upper() else None
        return spell(i - 1, j - 1) if _spells(value, word.text) else None

    return spell(len(pieces) - 1, len(words) - 1) if pieces and words else None


def _spells(group: str, syllable: str) -> bool:
    """Whether a letter group of an abbreviation stands for `syllable`: its capital is the
    syllable's first letter ("Đ" only for đ, "D" for d or đ, as the genre writes UBND and HĐND),
    and its small letters follow it."""
    if not is_syllable(syllable):
        return False
    head = group[0]
    if head in "Đđ":
        if syllable[0] not in "Đđ":
            return False
    elif fold(head).lower() != fold(syllable[0]).lower():
        return False
    return fold(syllable).lower().startswith(fold(group).lower())


def _head_start(words: Sequence[_Token], rules: DefinitionRules) -> int | None:
    """The index in `words` of the nearest head of a named thing written as a name (its first
    syllable capitalised) within `rules.longest` syllables of the end, else None."""
    folded = [w.folded for w in words]
    for at in range(len(words) - 2, max(-1, len(words) - 1 - rules.longest), -1):
        if not words[at].text[:1].isupper():
            continue
        if any(tuple(folded[at:at + len(head)]) == head for head in rules.heads):
            return at
    return None


# ------------------------------------------------------------------------------------------- the data


def compile_rules(data: dict[str, object]) -> DefinitionRules:
    """The rules from definitions.toml's table."""
    cues, skipped, heads = data.get("cues", []), data.get("skipped", []), data.get("heads", [])
    shortest, longest = data.get("shortest", 3), data.get("longest", 24)
    if not (isinstance(cues, list) and isinstance(skipped, list) and isinstance(heads, list)
            and isinstance(shortest, int) and isinstance(longest, int)):
        raise ValueError(f"{DEFINITIONS_FILE.name}: `cues`, `skipped`, `heads` are lists, "
                         "`shortest`, `longest` numbers")

    def phrases(entries: list[object]) -> tuple[tuple[str, ...], ...]:
        found = {tuple(fold(s) for s in syllables(str(e))) for e in entries}
        return tuple(sorted((p for p in found if p), key=lambda p: (-len(p), p)))

    return DefinitionRules(phrases(cues), frozenset(fold(str(s)).lower() for s in skipped),
                           shortest, longest, phrases(heads))


@lru_cache(maxsize=1)
def load_rules(path: Path = DEFINITIONS_FILE) -> DefinitionRules:
    """index/vi/definitions.toml, compiled once per process."""
    return compile_rules(tomllib.loads(path.read_text(encoding="utf-8")))
