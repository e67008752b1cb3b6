"""Numbered official documents cited in a text ("Quyết định số 139/QĐ-UBND ngày 20/01/2020").

Why rules: Nghị định 30/2020/NĐ-CP fixes the shape of a document's number (number, optional
year, kind code, issuer code: "93/2007/QĐ-TTg"), and party documents follow their own fixed
shape ("17-CT/TU"). A symbol in that shape is a document even without "số" or a kind word; a
bare number counts only right after a kind word that is cited that way ("Chỉ thị 26").
Team numbers ("Đoàn kiểm tra số 1950") and standards ("ISO 9001:2015") have neither shape.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace

from core.alternation import longest_first
from core.models import DocRef
from nlp.dates import DateMention, find_dates
from nlp.vi import doc_kinds as K

LOGGER = logging.getLogger(__name__)


_KIND_BY_LOWER = {k.lower(): k for k in K.KIND_WORDS}
_CODE_BY_UPPER = {code.upper(): kind for code, kind in K.KIND_CODES.items()}
_KIND = r"(?<![^\W\d_])(" + longest_first(K.KIND_WORDS) + r")(?![^\W\d_])"

# Number, optional year, then code parts each opening with a capital ("139/QĐ-UBND").
_SYMBOL = re.compile(
    r"(?<![\w/.,-])(\d{1,5}[a-z]?)(?:\s*/\s*((?:19|20)\d\d))?"
    r"((?:\s*[/-]\s*[A-ZĐ][A-Za-zĐđ0-9]*(?![^\W\d_]))+)"
)
_PART = re.compile(r"\s*([/-])\s*([A-ZĐ][A-Za-zĐđ0-9]*)")
_KIND_BEFORE = re.compile(_KIND + r"\s*(?:số\s*(?:hiệu\s*)?:?\s*)?$", re.IGNORECASE)
_HEADER_BEFORE = re.compile(r"(?:^|\n|\|)\s*(?:" + longest_first(K.HEADER_NUMBER_LABELS) + r")\s*:\s*$",
                            re.IGNORECASE)
# "Số:" with a capital and a colon labels a header number even mid-line, where a two-column
# letterhead was flattened ("ỦY BAN NHÂN DÂN HUYỆN X Số: 318/BC-UBND | CỘNG HÒA ..."); in running
# text the word is "số" without a colon.
_HEADER_INLINE = re.compile(r"(?<![^\W\d_])Số\s*:\s*$")
_BARE = re.compile(
    r"(?<![^\W\d_])(" + longest_first(K.BARE_NUMBER_KINDS) + r")\s+(số\s*:?\s*)?(\d{1,4}[a-z]?)\b"
    r"(?!\s*[/-]\s*[\dA-ZĐ])",
    re.IGNORECASE,
)
_NOT_A_NUMBER = re.compile(r"\s*(?:" + longest_first(K.NOT_A_NUMBER_AFTER) + r")(?![^\W\d_])", re.IGNORECASE)
_KIND_LABEL = re.compile(r"(?:" + longest_first(K.KIND_LABELS) + r")\s*:\s*" + _KIND, re.IGNORECASE)
_HEADING = re.compile(r"^\s*" + _KIND + r"\s*$", re.IGNORECASE | re.MULTILINE)
_DATE_GAP = re.compile(r"^\s*,?\s*(?:ban hành\s*|ký\s*)?(?:vào\s*)?(?:ngày\s*)?$", re.IGNORECASE)
_ISSUER = re.compile(
    r"\s*,?\s*(?:của|do)\s+(.+?)"
    r"(?=\s+(?:" + longest_first(K.ISSUER_STOPS) + r")(?![^\W\d_])|[,.;:()\n\"“”|]|$)",
    re.IGNORECASE,
)
_HEADING_WINDOW = 400  # how far below "Số: ..." the heading naming the kind may stand
_MAX_ISSUER_WORDS = 8


@dataclass(frozen=True, slots=True)
class DocMention:
    """One cited document and the span of its citation (kind word to number)."""

    ref: DocRef
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Symbol:
    start: int
    end: int
    number: str
    codes: tuple[str, ...]


def _canonical_kind(word: str) -> str:
    return _KIND_BY_LOWER.get(" ".join(word.lower().split()), word)


def _code_part_ok(part: str) -> bool:
    """A code is capitals ("UBND"), with at most a lowercase letter inside ("TTg", "QyĐ");
    a capitalised word ("Ban", "Tin") after a dash is prose, not code."""
    upper = sum(c.isupper() for c in part)
    return upper >= 2 or not any(c.islower() for c in part)


def _symbol(match: re.Match[str]) -> _Symbol | None:
    """The valid prefix of a symbol-shaped match, written without spaces."""
    number = match.group(1) + (f"/{match.group(2)}" if match.group(2) else "")
    end = match.end(2) if match.group(2) else match.end(1)
    codes: list[str] = []
    base = match.start(3)
    for part in _PART.finditer(match.group(3)):
        if not _code_part_ok(part.group(2)):
            break
        number += part.group(1) + part.group(2)
        codes.append(part.group(2))
        end = base + part.end()
    return _Symbol(match.start(), end, number, tuple(codes)) if codes else None


def _kind_from_codes(codes: tuple[str, ...]) -> str:
    """The kind a symbol's codes name; a symbol of issuer codes only is a công văn."""
    for code in codes:
        kind = K.KIND_CODES.get(code) or _CODE_BY_UPPER.get(code.upper())
        if kind:
            return kind
        if code.upper().startswith(K.LEGISLATURE_CODE_PREFIX) and code[2:].isdigit():
            return K.LEGISLATURE_KIND
    return K.DEFAULT_KIND


def _header_kind(text: str, after: int) -> str | None:
    """The kind a header number belongs to: the heading under it, or a "Loại văn bản" line."""
    heading = _HEADING.search(text, after, after + _HEADING_WINDOW)
    if heading and heading.group(1).isupper():
        return _canonical_kind(heading.group(1))
    label = _KIND_LABEL.search(text)
    return _canonical_kind(label.group(1)) if label else None


def _date_after(end: int, text: str, dates: list[DateMention]) -> str | None:
    for mention in dates:
        if mention.start >= end:
            return mention.iso if _DATE_GAP.match(text[end:mention.start]) else None
    return None


def _end_of_date(end: int, text: str, dates: list[DateMention]) -> int:
    for mention in dates:
        if mention.start >= end:
            return mention.end if _DATE_GAP.match(text[end:mention.start]) else end
    return end


def _issuer_after(end: int, text: str, dates: list[DateMention]) -> str | None:
    """ "của UBND huyện", "do Văn phòng Chính phủ ban hành": the issuer named after the date."""
    m = _ISSUER.match(text, _end_of_date(end, text, dates))
    if not m:
        return None
    words = m.group(1).split()
    return " ".join(words) if 0 < len(words) <= _MAX_ISSUER_WORDS else None


def _symbol_mentions(text: str, dates: list[DateMention], published: str | None) -> list[DocMention]:
    found = []
    for match in _SYMBOL.finditer(text):
        sym = _symbol(match)
        if sym is None:
            continue
        before = text[max(0, sym.start - 40):sym.start]
        kind_word = _KIND_BEFORE.search(before)
        start = sym.start - len(before) + kind_word.start() if kind_word else sym.start
        kind = _canonical_kind(kind_word.group(1)) if kind_word else None
        date = _date_after(sym.end, text, dates)
        if (_HEADER_BEFORE.search(text, max(0, sym.start - 20), sym.start)
                or _HEADER_INLINE.search(text, max(0, sym.start - 20), sym.start)):
            kind = kind or _header_kind(text, sym.end)
            date = date or published
        if kind is None or kind == K.GENERIC_KIND:
            kind = _kind_from_codes(sym.codes)
        ref = DocRef(kind, sym.number, date, _issuer_after(sym.end, text, dates))
        found.append(DocMention(ref, start, sym.end))
    return found


def _bare_mentions(text: str, dates: list[DateMention]) -> list[DocMention]:
    found = []
    for m in _BARE.finditer(text):
        number = m.group(3)
        if _NOT_A_NUMBER.match(text, m.end()):
            continue
        if not m.group(2) and re.fullmatch(r"(?:19|20)\d\d", number):
            continue  # "Kế hoạch 2021" names a year's plan, not a number
        ref = DocRef(_canonical_kind(m.group(1)), number, _date_after(m.end(), text, dates),
                     _issuer_after(m.end(), text, dates))
        found.append(DocMention(ref, m.start(), m.end()))
    return found


def number_key(number: str) -> str:
    """The form two citations of one document share: no spaces, upper case, Đ as D."""
    return re.sub(r"\s+", "", number).upper().replace("Đ", "D")


def _merge(first: DocMention, later: DocMention) -> DocMention:
    """Keep the first citation, completed with what a later one states."""
    ref = first.ref
    ref = replace(ref, date=ref.date or later.ref.date, issuer=ref.issuer or later.ref.issuer)
    return replace(first, ref=ref)


def find_documents(text: str, *, published: str | None = None) -> list[DocMention]:
    """Every numbered document `text` cites, once per number, in order of first citation.

    `published` is the text's own date (from `nlp.dates.find_time_facts`): it dates the
    document's own header number and completes day-month dates after a citation.
    """
    dates = find_dates(text, published=published)
    mentions = sorted(_symbol_mentions(text, dates, published) + _bare_mentions(text, dates),
                      key=lambda d: d.start)
    by_key: dict[str, DocMention] = {}
    for mention in mentions:
        key = number_key(mention.ref.number)
        by_key[key] = _merge(by_key[key], mention) if key in by_key else mention
    return list(by_key.values())
