"""Parsing a query's text into terms: words, quoted phrases, prefixes, exclusions, OR, lists
(`parse` → `Parsed`); the grammar index/query/__init__.py describes.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from core.normalize import canonical_tones
from index.initials import is_syllable
from index.markup import unmarked
from index.query.common import (
    CLOSING_QUOTES,
    DOC_NUMBER,
    LIST_MARKS,
    OPEN_QUOTES,
    OR_KEYWORD,
    WORD,
    Entries,
    syllables_of,
)
from index.query.compiling import load_coordinators
from index.query.filters import filter_key
from index.query.lexicon import entry_at
from index.shorthand import load_shorthand


@dataclass(frozen=True, slots=True)
class Term:
    """One thing the user typed: a word, or a quoted phrase; syllables lowercase, tones canonical."""

    syllables: tuple[str, ...]
    phrase: bool = False
    prefix: bool = False
    negated: bool = False
    number: str | None = None  # filter key of a document number typed as a word ("139/QĐ-UBND")
    capitals: tuple[bool, ...] = ()  # per syllable, whether it was typed capitalised ("An Ninh")
    joined: bool = False  # one unquoted word of parts joined by inner punctuation ("TN&TKQ")
    listed: bool = False  # a list mark (`LIST_MARKS`: "bộ máy, nhân sự") typed right after it


@dataclass(frozen=True, slots=True)
class Parsed:
    """The parse: positive clauses in order (each one term, or several joined by OR) and exclusions.

    `empty_input` says the text held nothing at all; a text of only punctuation or emoji is not
    empty input but has no clauses, and must find nothing rather than everything.
    """

    clauses: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...]
    empty_input: bool


def _lex(text: str, or_words: Entries) -> list[tuple[str, str, bool]]:
    """The text as (kind, body, negated) tokens: kind "phrase", "word", or "or" (OR, or one of
    `or_words` where `_connectives` reads it so)."""
    tokens: list[tuple[str, str, bool]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        negated = ch == "-" and i + 1 < n and not text[i + 1].isspace() and (i == 0 or text[i - 1].isspace())
        start = i + 1 if negated else i
        if start < n and text[start] in OPEN_QUOTES:
            close = CLOSING_QUOTES.get(text[start], text[start])
            end = start + 1
            while end < n and text[end] != close and not (text[end] in OPEN_QUOTES and close in "\"”’"
                                                          and text[end] in "\"”’"):
                end += 1
            tokens.append(("phrase", text[start + 1:end], negated))
            i = end + 1
            continue
        end = start
        while end < n and not text[end].isspace() and text[end] not in OPEN_QUOTES:
            end += 1
        body = text[start:end]
        if body == OR_KEYWORD and not negated:
            tokens.append(("or", body, False))
        elif body:
            pieces = _unglued(body)
            tokens.extend(("word", piece, negated and k == 0) for k, piece in enumerate(pieces))
        i = max(end, start + 1)
    return _connectives(tokens, or_words)


def _unglued(body: str) -> list[str]:
    """A word token cut after each list mark typed with no space between two words ("muộn,về",
    "sơ;số"): staff typing fast, above all on a phone, leave the space out, and the mark still lists
    (Term.listed), as it does with the space. Not between two digits ("3,4", "92,16": a decimal
    comma or a number list, one token as the index reads it), nor between two capitals
    ("CB,CC,VC": the genre writes its staff abbreviations so, one term). A slash between two
    lowercase words offers either ("giấy hẹn/phiếu hẹn", "đi muộn/về sớm"): it lists them too,
    the piece before it ending in a list mark. Not where a short code stands on either side
    ("139/QĐ-UBND", "nq/tw", "v/v": a document's number or kind, read whole as the index does)."""
    pieces: list[str] = []
    start = 0
    for k in range(1, len(body) - 1):
        before, after = body[k - 1], body[k + 1]
        if (body[k] in LIST_MARKS and before.isalnum() and after.isalnum()
                and not (before.isdigit() and after.isdigit())
                and not (before.isupper() and after.isupper())):
            pieces.append(body[start:k + 1])
            start = k + 1
        elif body[k] == "/" and _offers_either(body[:k], body[k + 1:]):
            pieces.append(body[start:k] + LIST_MARKS[0])
            start = k + 1
    pieces.append(body[start:])
    return pieces


_LETTERS_END = re.compile(r"[^\W\d_]+$")
_LETTERS_START = re.compile(r"^[^\W\d_]+")


def _offers_either(left: str, right: str) -> bool:
    """Whether a slash between `left` and `right` (the token's text on each side) stands between two
    words: the letters touching it on each side spelt as a Vietnamese syllable and not in capitals
    ("hẹn/phiếu", "muộn/Về", "hen/phieu"), not a code ("qđ/ubnd", "nq/tw", "v/v", "TN/MT":
    index/initials.py, is_syllable, the one test of it)."""
    runs = [m.group() if m else "" for m in (_LETTERS_END.search(left), _LETTERS_START.search(right))]
    return all(run and is_syllable(run) and not (len(run) > 1 and run.isupper()) for run in runs)


def _connectives(tokens: list[tuple[str, str, bool]], or_words: Entries) -> list[tuple[str, str, bool]]:
    """The tokens with each word of `or_words` (a word of one syllable, under the matching rule)
    standing between two terms, one of them a quoted phrase, read as OR. Between unquoted words
    it stays a word: the analysis reads it as joining the two matters beside it (`_coordinated`:
    "chưa gửi văn bản điện tử hoặc chưa dùng chữ ký số" is not the phrase "… văn bản điện tử" or
    the phrase "chưa dùng chữ ký số"). At either end, or beside OR, it stays a word."""
    out = list(tokens)
    for k in range(1, len(out) - 1):
        kind, body, negated = out[k]
        if (kind == "word" and not negated and _is_or_word(body, or_words)
                and "phrase" in (out[k - 1][0], out[k + 1][0])
                and out[k - 1][0] != "or" and out[k + 1][0] != "or" and not out[k + 1][2]):
            out[k] = ("or", body, False)
    return out


def _is_or_word(body: str, or_words: Entries) -> bool:
    """Whether a word token is, whole, one of `or_words` ("hoặc", "or"; not "hoặc," nor "hoặc-là")."""
    syllables = syllables_of(body)
    return len(syllables) == 1 and WORD.fullmatch(body) is not None \
        and entry_at(or_words, syllables, 0) == 1


def parse(text: str, or_words: Entries | None = None) -> Parsed:
    """Cut user text into terms, phrases, prefixes, exclusions and OR clauses.

    A word with inner punctuation ("139/QĐ-UBND", "BPTN&TKQ") becomes a phrase of its parts,
    which is how the index sees it. OR between two terms joins them into one clause; OR at
    either end, or twice in a row, is ignored. `or_words`: the words offering a choice
    (`load_coordinators`, intents.toml [coordination], by default), OR beside a quoted phrase.
    The shorthand staff type for a word ("ko", "hs": index/shorthand.py) is read as the word,
    and HTML markup pasted in ("<b>phiếu</b> hẹn": index/markup.py) is not read at all: the words
    are those the text typed without it. A text of markup alone is not empty input (it finds
    nothing, as punctuation alone does, rather than everything).
    """
    or_words = load_coordinators() if or_words is None else or_words
    typed = text
    text = load_shorthand().expand(unmarked(text))
    runs: list[list[Term]] = []  # positive terms, each list one OR-clause in progress
    excluded: list[Term] = []
    joining = False
    for kind, body, negated in _lex(text, or_words):
        if kind == "or":
            joining = bool(runs)
            continue
        source = body.rstrip("*") if kind == "word" else body
        syllables = syllables_of(source)
        if kind == "word" and runs and not joining and _lists(body, syllables):  # "bộ máy , nhân sự"
            runs[-1][-1] = dataclasses.replace(runs[-1][-1], listed=True)
        if not syllables:
            continue
        prefix = kind == "word" and body.endswith("*")
        raw = body.strip(".,;:()[]")
        number = filter_key(raw) if kind == "word" and DOC_NUMBER.match(raw) else None
        term = Term(syllables, phrase=kind == "phrase" or len(syllables) > 1, prefix=prefix, negated=negated,
                    number=number, capitals=_capitals(source), joined=kind == "word" and len(syllables) > 1,
                    listed=kind == "word" and body.rstrip(")]").endswith(tuple(LIST_MARKS)))
        if negated:
            excluded.append(term)
            continue
        if joining and runs:
            runs[-1].append(term)
        else:
            runs.append([term])
        joining = False
    return Parsed(_join_or_runs(runs), tuple(excluded), not typed.strip())


def _lists(body: str, syllables: Sequence[str]) -> bool:
    """Whether a word token is a list mark standing alone, or opens with one ("bộ máy ,nhân sự"):
    the mark then follows the word before it."""
    return body[:1] in LIST_MARKS and (not syllables or not body[1:2].isspace())


def _capitals(text: str) -> tuple[bool, ...]:
    """Per syllable of `text` (as `syllables_of` cuts it), whether its first letter is a capital."""
    return tuple(s[:1].isupper() for s in WORD.findall(canonical_tones(text)))


def _join_or_runs(runs: list[list[Term]]) -> tuple[tuple[Term, ...], ...]:
    """OR's operand is the whole run of unquoted words on its side: "phiếu hẹn OR sổ theo dõi"
    means (phiếu hẹn) OR (sổ theo dõi), as a user means it, so each side becomes one phrase."""
    out: list[tuple[Term, ...]] = []
    i = 0
    while i < len(runs):
        run = runs[i]
        if len(run) == 1:
            out.append(tuple(run))
            i += 1
            continue
        # run = [last word before OR, first word after, ...]: widen each side over its words.
        left = [run[0]]
        while out and len(out[-1]) == 1 and unquoted_word(out[-1][0]) and unquoted_word(left[0]):
            left.insert(0, out.pop()[0])
        alternatives = [_as_phrase(left)]
        for j, term in enumerate(run[1:], 1):
            right = [term]
            if j == len(run) - 1 and unquoted_word(term):
                while i + 1 < len(runs) and len(runs[i + 1]) == 1 and unquoted_word(runs[i + 1][0]):
                    i += 1
                    right.append(runs[i][0])
            alternatives.append(_as_phrase(right))
        out.append(tuple(alternatives))
        i += 1
    return tuple(out)


def unquoted_word(term: Term) -> bool:
    """A single unquoted word (not a prefix), which OR may gather into its operand."""
    return not term.phrase and not term.prefix


def _as_phrase(terms: list[Term]) -> Term:
    if len(terms) == 1:
        return terms[0]
    return Term(tuple(s for t in terms for s in t.syllables), phrase=True, prefix=terms[-1].prefix,
                capitals=tuple(c for t in terms for c in t.capitals))
