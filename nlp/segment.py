"""Paragraphs, sentences and clauses of Vietnamese administrative text, as offsets.

Why rules and not underthesea's `sent_tokenize`: it does not split on blank lines, it moves
offsets (it returns strings, not spans) and it breaks after "TP." in "TP. Hải Phòng". Findings
are cut at exactly these three levels, so every function here returns `Span`s into the text it
was given and never copies or normalises it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from core.levels import LEVELS
from nlp.vi import cues

LOGGER = logging.getLogger(__name__)

# Lines that start a new unit even when the previous line runs on: list items and headings.
_LIST_MARKER = re.compile(r"(?:[-+•*–]|[a-zđ]\)|\d{1,2}[.)]|[IVXLC]{1,5}[.)])\s")
_TERMINAL = ".!?:;…"
# Tokens that end in a period without ending the sentence ("TP. Hải Phòng", "ThS. Nguyễn"): the
# level abbreviations of core/levels.py ("TP.", "TX."), the one table of them, and the others.
_ABBREVIATIONS = frozenset({
    *(a.lower() for row in LEVELS for a in row.abbreviations),
    "tt", "ths", "ts", "pgs", "gs", "bs", "ks", "cn", "th", "q", "p", "x", "h", "ng", "st",
    "tr", "v.v", "vv", "đ/c", "đc", "ubnd", "nxb",
})
# Words counted in Roman numerals ("quý I", "khóa V", "đợt II"): after them "I." is a number.
_NUMERAL_HEADS = frozenset({"quý", "khóa", "khoá", "đợt", "phần", "chương", "mục", "kỳ"})
_SENTENCE_END = re.compile(r"(?:[.!?]+|…+)[\"”’)\]]*(?=\s)|\.{2,}(?=[^\s.])|\.(?=[^\W\d_]{2})")
_NUMBERED = re.compile(r"(?:\d{1,2}|[IVXLC]{1,5}|[a-zđ])$")
_CONTRAST = re.compile(rf",\s+(?={cues.CLAUSE_CONTRAST}\b)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Span:
    """A run of the text the segmenter was given: `text == source[start:end]`."""

    start: int
    end: int
    text: str


def _trimmed(text: str, start: int, end: int) -> Span | None:
    """The span without surrounding whitespace; None when nothing is left (internal helper)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end]) if start < end else None


def _runs_on(previous: str, line: str) -> bool:
    """True when `line` continues `previous` (a hard-wrapped line of one paragraph)."""
    prev = previous.rstrip()
    stripped = line.lstrip()
    if not prev or not stripped or prev[-1] in _TERMINAL or _LIST_MARKER.match(stripped):
        return False
    return stripped[0].islower()


def labels_only(text: str) -> bool:
    """Whether a paragraph only labels (a press subheading, a caption, a byline): it closes on no
    sentence's or item's end (".!?…;:") and opens with no list marker, so it states nothing. A
    numbered heading ("2. Về thủ tục hành chính") and an item whose ";" was lost keep their
    marker, and are read as what they are elsewhere."""
    stripped = text.strip()
    return bool(stripped) and stripped[-1] not in _TERMINAL and not _LIST_MARKER.match(stripped)


def paragraphs(text: str) -> list[Span]:
    """Blank-line blocks, further split at line breaks that start a new unit.

    A line break is kept inside a paragraph only when the next line starts in lower case and
    the previous one does not end a sentence: that is how wrapped PDF lines look, while web
    dumps put each paragraph, caption and heading on its own line.
    """
    spans: list[Span] = []
    start = 0
    pos = 0
    previous = ""
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if not body.strip():
            span = _trimmed(text, start, pos)
            if span:
                spans.append(span)
            start = pos + len(line)
            previous = ""
        elif previous and not _runs_on(previous, body):
            span = _trimmed(text, start, pos)
            if span:
                spans.append(span)
            start = pos
            previous = body
        else:
            previous = body
        pos += len(line)
    span = _trimmed(text, start, len(text))
    if span:
        spans.append(span)
    return spans


def _roman_after_head(text: str, sent_start: int, token_start: int, token: str) -> bool:
    """A one-letter Roman numeral after the word it counts ("báo cáo quý I.", "khóa V."), not an
    initial ("Nguyễn V. An"): its period can end the sentence."""
    if token not in "IVX":
        return False
    words = text[sent_start:token_start].split()
    return bool(words) and words[-1].lower() in _NUMERAL_HEADS


def _is_false_end(text: str, sent_start: int, mark_start: int, mark_end: int) -> bool:
    """A period that belongs to an abbreviation or a list number, not to the sentence."""
    if text[mark_start:mark_end] != ".":
        return False
    token_start = mark_start
    while token_start > sent_start and not text[token_start - 1].isspace():
        token_start -= 1
    token = text[token_start:mark_start]
    if token.lower() in _ABBREVIATIONS:
        return True
    if len(token) == 1 and token.isupper():
        return not _roman_after_head(text, sent_start, token_start, token)
    # "1. Tiếp tục ..." / "II. Tồn tại": the marker alone is not a sentence.
    while sent_start < token_start and text[sent_start].isspace():
        sent_start += 1
    return token_start == sent_start and bool(_NUMBERED.match(token))


def _glued_end(text: str, mark_start: int, mark_end: int) -> bool:
    """A full stop with no space after it ends a sentence only between a lower-case word and a
    capitalised one ("công dân.Theo báo cáo", a copy-paste slip): "TP.HCM", "v.v" and domain
    names ("baochinhphu.vn") do not."""
    if mark_start == 0:
        return False
    return (text[mark_start - 1].islower() and text[mark_end].isupper()
            and mark_end + 1 < len(text) and text[mark_end + 1].islower())


def _next_starts_sentence(text: str, pos: int, limit: int) -> bool:
    while pos < limit and (text[pos].isspace() or text[pos] in "\"“‘(['"):
        pos += 1
    return pos < limit and (text[pos].isupper() or text[pos].isdigit())


def sentences(text: str, para: Span) -> list[Span]:
    """Sentences of one paragraph: a period, "!", "?" or "…" before a capital or a digit.

    "; " never ends a sentence (lists are split into clauses instead), "TP." and "ThS." are
    abbreviations, and "1.234" or "12.8" have no space after the dot so never split.
    """
    spans: list[Span] = []
    start = para.start
    for match in _SENTENCE_END.finditer(text, para.start, para.end):
        m_start, m_end = match.start(), match.end()
        if m_end >= para.end or not _next_starts_sentence(text, m_end, para.end):
            continue
        if m_end - m_start == 1 and not text[m_end].isspace() and not _glued_end(text, m_start, m_end):
            continue
        if _is_false_end(text, start, m_start, m_end):
            continue
        span = _trimmed(text, start, m_end)
        if span:
            spans.append(span)
        start = m_end
    span = _trimmed(text, start, para.end)
    if span:
        spans.append(span)
    return spans


def _semicolons(text: str, start: int, end: int) -> list[int]:
    """Offsets of ";" outside parentheses, where a list item ends."""
    cuts: list[int] = []
    depth = 0
    for i in range(start, end):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == ";" and depth == 0:
            cuts.append(i)
    return cuts


def clauses(text: str, sent: Span) -> list[Span]:
    """Clauses of one sentence: the items of a ";" list, and the sides of a contrast.

    A contrast ("..., tuy nhiên ...", "..., nhưng ...", "..., song ...", "..., bên cạnh đó ...")
    splits only after a comma: "có ban hành kế hoạch nhưng chưa cụ thể" is one matter, while
    a comma before the cue marks a new clause with its own subject and verb. The cue stays at
    the start of its clause so the caller can read it.
    """
    bounds: list[tuple[int, int]] = []
    piece_start = sent.start
    for cut in [*_semicolons(text, sent.start, sent.end), sent.end]:
        bounds.append((piece_start, cut))
        piece_start = cut + 1
    spans: list[Span] = []
    for b_start, b_end in bounds:
        sub_start = b_start
        for match in _CONTRAST.finditer(text, b_start, b_end):
            span = _trimmed(text, sub_start, match.start())
            if span:
                spans.append(span)
            sub_start = match.end()
        span = _trimmed(text, sub_start, b_end)
        if span:
            spans.append(span)
    return spans
