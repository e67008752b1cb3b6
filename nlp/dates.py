"""Calendar dates in Vietnamese administrative text, and what they say about the inspection.

Why rules and not a model: official Vietnamese writes dates in a handful of fixed shapes
("ngày 26 tháng 02 năm 2015", "20/01/2020", "Ngày 12.8") and the hard part is not spotting them
but deciding which shapes are dates at all ("158/180" is a ratio, "93/2007/QĐ-TTg" a document
number, "tháng 02/2021" a month) and what each date is for: the page's own timestamp, the
inspection visits, a cited document. Those decisions follow the genre's conventions, which
rules state plainly and a reviewer can check against the annotation guide.

Every span is an offset into the text given, so the caller can highlight it.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, replace

from core.alternation import longest_first
from core.models import Period
from nlp.vi import date_words as W

LOGGER = logging.getLogger(__name__)

ROLES: tuple[str, ...] = ("published", "period_start", "period_end", "document", "other")
_MIN_YEAR, _MAX_YEAR = 1945, 2100
_TIMESTAMP_LINES = 12  # a bare date line counts as the page's timestamp only near the top


_MONTH_WORD = longest_first(list(W.MONTH_NAMES))
_D = r"(?<![\w/.])(\d{1,2})"  # a day number standing on its own
_NOT_MORE = r"(?![\w/]|[.,-]\d)"  # not followed by more of a number or symbol

# "20/01/2020", "20-01-2020", "20.01.2020" (one separator throughout).
_NUMERIC_FULL = re.compile(_D + r"([/.-])(\d{1,2})\2(\d{4})" + _NOT_MORE)
# "2025-11-04", "2025-11-04T08:30": the ISO form of page metadata (a leading "date 2025-11-04"
# line, feeds).
_ISO_FULL = re.compile(r"(?<![\w/.-])(\d{4})-(\d{2})-(\d{2})(?=T\d|(?![\w/]|[.,-]\d))")
# "ngày 26 tháng 02 năm 2015", "31 Tháng Giêng 2020", "ngày 15 tháng 12, năm 2005".
_WORDED_FULL = re.compile(
    r"(?:ngày\s+)?" + _D + r"\s+tháng\s+(\d{1,2}|" + _MONTH_WORD + r")\s*,?\s+(?:năm\s+)?(\d{4})\b",
    re.IGNORECASE,
)
# A day and month introduced by "ngày" or a part of the day: "Ngày 12.8", "sáng 26/2",
# "Chiều qua (13/9)", "Sáng nay, 21/2", "ngày 19-3".
_INTRO = (
    r"(?:\b(?:ngày|" + longest_first(W.DAY_PARTS) + r")"
    r"(?:\s+(?:" + longest_first(W.DAY_PART_FOLLOWERS) + r"))?"
    r"\s*,?\s*\(?\s*)"
)
_INTRODUCED_PARTIAL = re.compile(_INTRO + r"(\d{1,2})([/.-])(\d{1,2})" + _NOT_MORE, re.IGNORECASE)
# "(27/1)" right after words about a day ("ngày làm việc đầu tiên (27/1)").
_PARENTHESISED_PARTIAL = re.compile(r"\((\d{1,2})/(\d{1,2})\)")
# The last day of a range whose first day is written alone: "từ ngày 1 đến 31-7",
# "từ ngày 3-14/8", "ngày 15 – 16.10". Group 1 is the day, 2 the separator, 3 the month.
_RANGE_END_PARTIAL = re.compile(
    r"\b(?:ngày|từ)\s+\d{1,2}(?:[/.-]\d{1,2})?(?:\s*(?:,|và|–|—|-)\s*\d{1,2})*\s*"
    r"(?:" + longest_first(W.RANGE_JOINERS) + r"|-|–|—|,|và)\s*(?:ngày\s*)?"
    r"(\d{1,2})([/.-])(\d{1,2})" + _NOT_MORE,
    re.IGNORECASE,
)
# "Ngày 12 tháng 8" without a year: a day-month in words, completed like "ngày 12/8".
_WORDED_PARTIAL = re.compile(
    r"\bngày\s+" + _D + r"\s+tháng\s+(\d{1,2}|" + _MONTH_WORD + r")(?!\s*,?\s*(?:năm\s+)?\d|\s*/|\w)",
    re.IGNORECASE,
)
_DAY_CONTEXT = re.compile(r"\b(?:ngày|hôm|" + longest_first(W.DAY_PARTS) + r")\b[^.\n]{0,40}$", re.IGNORECASE)
# "từ 23/9 đến ..." without "ngày": the first date of a range.
_RANGE_PARTIAL = re.compile(
    r"\b(?:" + longest_first(W.RANGE_OPENERS) + r")\s+" + r"(\d{1,2})(/)(\d{1,2})" + r"(?=\s*(?:"
    + longest_first(W.RANGE_JOINERS) + r"|-|–|—)\s*(?:ngày\s*)?\d)",
    re.IGNORECASE,
)
# Extra days listed before a date: "ngày 15 và 16/10/2020", "Từ ngày 14 – 15/11/2017",
# "Ngày 13 và 14 tháng 4 năm 2017". Group 1 holds the listed days.
_DAY_LIST = re.compile(
    r"\b(?:ngày|từ)\s+(\d{1,2}(?:\s*(?:,|và|–|—|-)\s*\d{1,2})*)\s*(?:,|và|–|—|-|đến)\s*"
    r"(?=\d{1,2}(?:[/.-]\d|\s+tháng))",
    re.IGNORECASE,
)
_LIST_SPLIT = re.compile(r"\d{1,2}")
_LIST_GAP = re.compile(r"\s*(?:,|và|–|—|-)\s*(?:ngày\s*)?", re.IGNORECASE)
# A joiner between two dates of one span.
_RANGE_GAP = re.compile(r"^\s*(?:(?:" + longest_first(W.RANGE_JOINERS) + r")|-|–|—)\s*(?:ngày\s*)?$",
                        re.IGNORECASE)
# Text right before a date that makes it a document's date ("139/QĐ-UBND ngày ...").
_AFTER_DOC_NUMBER = re.compile(
    r"\d+[a-z]?(?:\s*/\s*\d{4})?\s*[/-]\s*[A-ZĐ][\wĐđ]*(?:\s*[-/.]\s*[A-ZĐ\d][\wĐđ]*)*\s*,?\s*(?:ngày\s*)?$"
)
_DEADLINE = re.compile(r"\b(?:trước|chậm nhất|hạn|hết hạn|kể từ)\s*(?:ngày\s*)?$", re.IGNORECASE)
_YEAR_WORD = re.compile(r"\b(?:năm|quý\s+[IV1-4]+\s+năm|tháng\s+\d{1,2}\s*/)\s*((?:19|20)\d\d)\b",
                        re.IGNORECASE)
_YEAR_MONTH_TOKEN = re.compile(r"(?<![\w/.-])((?:19|20)\d\d)-(0[1-9]|1[0-2])(?![\w/-])")
# A year standing alone ("Tết Canh Tý 2020"), not part of a range, number or symbol.
_BARE_YEAR = re.compile(r"(?<![\w/.,-])((?:19|20)\d\d)(?![\w/]|[.,-]\d)")
_SENTENCE_END = re.compile(r"[.!?;](?:\s|$)|\n")
_TIME = re.compile(r"\b\d{1,2}\s*[:h]\s*\d{2}(?:\s*:\s*\d{2})?(?:\s*(?:AM|PM|SA|CH))?\b", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(?:" + longest_first(W.WEEKDAYS) + r")\b", re.IGNORECASE)
_GMT = re.compile(r"\(?\s*(?:GMT|UTC)\s*[+-]?\s*\d*\s*\)?", re.IGNORECASE)
_LABEL = re.compile(r"^\s*(?:" + longest_first(W.PUBLISHED_LABELS) + r")\s*:?\s*", re.IGNORECASE)
_PLACE_DATE = re.compile(r"^\s*[A-ZĐ][\w.]*(?:\s+[A-ZĐ][\w.]*){0,5},\s*(?=[Nn]gày\b)")
# A two-column letterhead flattened into one line (PDF, OCR) puts the place-and-date after the
# national motto or the document's number: "... Hạnh phúc Cam Lộ, ngày 20 tháng 11 năm 2019".
_HEADER_PLACE_DATE = re.compile(
    r"(?:\bHạnh\s+phúc|\bSố\s*:\s*\S+)\s*[-–—_]*\s*[A-ZĐ][\w.]*(?:\s+[A-ZĐ][\w.]*){0,5},\s*(?=[Nn]gày\b)")
_INSPECTION = re.compile(r"\b(?:" + longest_first(W.INSPECTION_WORDS) + r")\b", re.IGNORECASE)
_BASELINE = re.compile(r"\b(?:" + longest_first(W.BASELINE_WORDS) + r")\b[^.;\n]*$", re.IGNORECASE)
_WORK = re.compile(r"\b(?:" + longest_first(W.INSPECTION_WORDS + W.WORK_WORDS) + r")\b", re.IGNORECASE)
_REPORTING = re.compile(r"\b(?:" + longest_first(W.REPORTING_VERBS) + r")\b", re.IGNORECASE)
_COUNTED = re.compile(r"\s*(?:" + longest_first(W.COUNTED_NOUNS) + r")\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateMention:
    """One full calendar date as written: `text == source[start:end]`, `iso` its value."""

    start: int
    end: int
    iso: str
    text: str
    role: str = "other"


@dataclass(frozen=True, slots=True)
class TimeFacts:
    """What a text's dates say: its own date, every date, and the inspection's time."""

    published: str | None
    dates: tuple[str, ...]
    mentions: tuple[DateMention, ...]
    period: Period | None
    inspection_year: int | None


@dataclass(frozen=True, slots=True)
class _Raw:
    """A date as found, before a missing year is filled in. `link` is the index of the later
    date whose year it takes (the end of its range or list), or -1."""

    start: int
    end: int
    day: int
    month: int
    year: int | None
    link: int = -1


# --------------------------------------------------------------------------- finding dates


def _month_of(token: str) -> int:
    if token.isdigit():
        return int(token)
    return W.MONTH_NAMES.get(" ".join(token.lower().split()), 0)


def _is_valid(year: int, month: int, day: int) -> bool:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return False
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _iso(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"


def _full_dates(text: str) -> list[_Raw]:
    found = [_Raw(m.start(1), m.end(), int(m.group(1)), int(m.group(3)), int(m.group(4)))
             for m in _NUMERIC_FULL.finditer(text)]
    for m in _ISO_FULL.finditer(text):
        found.append(_Raw(m.start(), m.end(), int(m.group(3)), int(m.group(2)), int(m.group(1))))
    for m in _WORDED_FULL.finditer(text):
        found.append(_Raw(m.start(), m.end(), int(m.group(1)), _month_of(m.group(2)), int(m.group(3))))
    return found


def _partial_dates(text: str) -> list[_Raw]:
    """Day-month dates; only where the words around them make them dates, not ratios."""
    found = []
    for pattern in (_INTRODUCED_PARTIAL, _RANGE_PARTIAL, _RANGE_END_PARTIAL):
        for m in pattern.finditer(text):
            if _COUNTED.match(text, m.end()):
                continue
            found.append(_Raw(m.start(1), m.end(3), int(m.group(1)), int(m.group(3)), None))
    for m in _WORDED_PARTIAL.finditer(text):
        found.append(_Raw(m.start(), m.end(), int(m.group(1)), _month_of(m.group(2)), None))
    for m in _PARENTHESISED_PARTIAL.finditer(text):
        if _DAY_CONTEXT.search(text, max(0, m.start() - 60), m.start()):
            found.append(_Raw(m.start(1), m.end(2), int(m.group(1)), int(m.group(2)), None))
    return found


def _listed_days(text: str) -> list[_Raw]:
    """The extra days of "ngày 15 và 16/10/2020": month and year come from the date after."""
    found = []
    for m in _DAY_LIST.finditer(text):
        for d in _LIST_SPLIT.finditer(m.group(1)):
            found.append(_Raw(m.start(1) + d.start(), m.start(1) + d.end(), int(d.group()), 0, None))
    return found


def _drop_overlaps(raws: list[_Raw]) -> list[_Raw]:
    """Keep the longest reading where two overlap ("ngày 12/8/2019" is not also "ngày 12/8")."""
    kept: list[_Raw] = []
    for raw in sorted(raws, key=lambda r: (r.start, -(r.end - r.start))):
        if kept and raw.start < kept[-1].end:
            continue
        kept.append(raw)
    return kept


def _link_spans(text: str, raws: list[_Raw]) -> list[_Raw]:
    """Point each date lacking a year (or month) at the next date of its range or list."""
    linked = list(raws)
    for i in range(len(raws) - 1, -1, -1):
        raw = raws[i]
        if i + 1 < len(raws) and (raw.year is None or raw.month == 0):
            gap = text[raw.end:raws[i + 1].start]
            if _RANGE_GAP.match(gap) or _LIST_GAP.fullmatch(gap):
                linked[i] = replace(raw, link=i + 1)
    return linked


def _year_evidence(text: str, raws: list[_Raw]) -> list[tuple[int, int]]:
    """(offset, year) pairs a day-month date may borrow its year from, full dates first."""
    full = [(r.start, r.year) for r in raws
            if r.year is not None and r.month and _is_valid(r.year, r.month, r.day)]
    if full:
        return full
    words = [(m.start(), int(m.group(1))) for m in _YEAR_WORD.finditer(text)]
    tokens = [(m.start(), int(m.group(1))) for m in _YEAR_MONTH_TOKEN.finditer(text)]
    bare = [(m.start(), int(m.group(1))) for m in _BARE_YEAR.finditer(text)]
    return words or tokens or bare


def _nearest_year(evidence: list[tuple[int, int]], offset: int) -> int | None:
    if not evidence:
        return None
    return min(evidence, key=lambda e: abs(e[0] - offset))[1]


def _year_from_published(published: str, month: int) -> int:
    """An undated day in an article of early January is from last December, not next."""
    pub = dt.date.fromisoformat(published)
    if pub.month <= 2 and month >= 11:
        return pub.year - 1
    return pub.year


def _resolve(raws: list[_Raw], published: str | None, evidence: list[tuple[int, int]]) -> list[_Raw]:
    """Fill in missing months and years: from the range/list, the publication, or the text."""
    done = list(raws)
    for i in range(len(done) - 1, -1, -1):
        raw = done[i]
        month, year = raw.month, raw.year
        if raw.link >= 0:
            nxt = done[raw.link]
            month = month or nxt.month
            if year is None and nxt.year is not None:
                year = nxt.year
                if (month, raw.day) > (nxt.month, nxt.day):
                    year -= 1  # "từ ngày 28/12 đến ngày 5/1/2021" starts in 2020
        if year is None and month:
            year = _year_from_published(published, month) if published else _nearest_year(evidence, raw.start)
        done[i] = replace(raw, month=month, year=year)
    return done


def find_dates(text: str, *, published: str | None = None) -> list[DateMention]:
    """Every full calendar date in `text`, in order, each with its span; role left "other".

    Day-month dates ("ngày 12/8") take their year from the range they close, else from
    `published`, else from the nearest year the text states; without any, they are dropped,
    because a date whose year is a guess would poison the period and the year.
    """
    raws = _drop_overlaps(_full_dates(text) + _partial_dates(text) + _listed_days(text))
    raws = _link_spans(text, raws)
    raws = _resolve(raws, published, _year_evidence(text, raws))
    mentions = []
    for raw in raws:
        if raw.year is None or not _is_valid(raw.year, raw.month, raw.day):
            continue
        mentions.append(DateMention(raw.start, raw.end, _iso(raw.year, raw.month, raw.day),
                                    text[raw.start:raw.end]))
    return mentions


# --------------------------------------------------------------------------- publication


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _cells(start: int, line: str) -> list[tuple[int, str]]:
    """A table row's cells ("Số: 3733/VPCP-TCCV | Hà Nội, ngày 14 tháng 4 năm 2017 |")."""
    out, pos = [], start
    for cell in line.split("|"):
        out.append((pos, cell))
        pos += len(cell) + 1
    return out


def _first_in(mentions: list[DateMention], start: int, end: int) -> DateMention | None:
    return next((m for m in mentions if start <= m.start < end), None)


def _is_timestamp_line(line: str, mention: DateMention, line_start: int) -> bool:
    """A line holding only a date, a time, a weekday and at most a short byline."""
    rest = line[: mention.start - line_start] + " " + line[mention.end - line_start:]
    for pattern in (_TIME, _WEEKDAY, _GMT, _LABEL):
        rest = pattern.sub(" ", rest)
    words = re.findall(r"[^\W\d_]+", rest)
    if re.search(r"\d", rest):
        return False
    return len(words) <= 4 and all(w[0].isupper() for w in words if w.lower() != "ngày")


def _follows_label(text: str, mention: DateMention, after_label: int, cell_end: int | None) -> bool:
    """The date follows its label at once. For a place-and-date line (`cell_end` given) only a
    time may follow it: "Hà Nội, ngày 5/6/2020, Bộ Nội vụ tổ chức ..." opens a sentence, it is
    not a signing line. A metadata label may share its line with other fields."""
    gap = text[after_label:mention.start]
    if len(gap.strip()) > 12 or any(ch.isdigit() for ch in gap):
        return False  # "date 2019-05 Ngày 3/5": the label's value is a month, not this date
    if cell_end is None:
        return True
    rest = _GMT.sub(" ", _TIME.sub(" ", text[mention.end:cell_end])).strip(" ,.-–()")
    return len(rest) <= 2 or rest.isupper()  # a heading in capitals ("THÔNG BÁO") may follow


def _published_mention(text: str, mentions: list[DateMention]) -> DateMention | None:
    """The page's timestamp, a metadata "Ngày ban hành" line or a place-and-date line."""
    nonblank = 0
    for line_start, line in _lines(text):
        if not line.strip():
            continue
        nonblank += 1
        for cell_start, cell in _cells(line_start, line):
            label = _LABEL.match(cell)
            place = None if label else (_PLACE_DATE.match(cell) or _HEADER_PLACE_DATE.search(cell))
            opener = label or place
            cell_end = cell_start + len(cell)
            if opener:
                found = _first_in(mentions, cell_start + opener.end(), cell_end)
                if found and _follows_label(text, found, cell_start + opener.end(),
                                            cell_end if place else None):
                    return found
        if nonblank <= _TIMESTAMP_LINES:
            found = _first_in(mentions, line_start, line_start + len(line))
            if found and _is_timestamp_line(line, found, line_start):
                return found
    return None


# --------------------------------------------------------------------------- the inspection


def _sentence_after(text: str, offset: int) -> str:
    m = _SENTENCE_END.search(text, offset)
    return text[offset: m.start() if m else len(text)]


def _introduces_inspection(text: str, mention: DateMention) -> bool:
    """True when the date opens a clause about the inspection ("Ngày 21/3, Đoàn kiểm tra ...").

    A date followed by a verb of saying dates the telling ("Ngày 30/6, Văn phòng cho biết");
    a date after "trước" is a deadline.
    """
    if _DEADLINE.search(text, max(0, mention.start - 20), mention.start):
        return False
    after = _sentence_after(text, mention.end)[:200]
    inspection = _INSPECTION.search(after)
    if not inspection:
        return False
    reporting = _REPORTING.search(after, 0, inspection.start())
    return reporting is None


def _span_pairs(text: str, mentions: list[DateMention]) -> dict[int, int]:
    """First → last index of dates written as one span: a range ("từ ngày A đến ngày B") or a
    list of days ("ngày 15, 16 và 17/10/2020"), whose first and last days bound it."""
    pairs: dict[int, int] = {}
    first = 0
    for i in range(1, len(mentions) + 1):
        gap = text[mentions[i - 1].end:mentions[i].start] if i < len(mentions) else None
        if gap is not None and (_RANGE_GAP.match(gap) or _LIST_GAP.fullmatch(gap)):
            continue
        if i - 1 > first:
            pairs[first] = i - 1
        first = i
    return pairs


def _inspection_period(text: str, mentions: list[DateMention]) -> tuple[int, int] | None:
    """The first range or single date that opens a clause about the inspection."""
    pairs = _span_pairs(text, mentions)
    inside = {j for first, last in pairs.items() for j in range(first + 1, last + 1)}
    for i, mention in enumerate(mentions):
        if mention.role != "other" or i in inside:
            continue
        last = pairs.get(i, i)
        if _introduces_inspection(text, mentions[last]):
            return i, last
    return None


def _year_words(text: str, mentions: list[DateMention]) -> list[tuple[int, int]]:
    """(offset, year) of every "năm 2020" / "quý IV năm 2021" that is not part of a full date."""
    covered = [(m.start, m.end) for m in mentions]
    return [(m.start(), int(m.group(1))) for m in _YEAR_WORD.finditer(text)
            if not any(s <= m.start() < e for s, e in covered)]


def _work_year(text: str, mentions: list[DateMention]) -> int | None:
    """The year of the work inspected: "kiểm tra công tác CCHC năm 2020", "quý IV năm 2021".

    A year the work is compared with ("so với kết quả năm 2020", "cùng kỳ năm 2021") is the
    baseline, not the year of the work.
    """
    for offset, year in _year_words(text, mentions):
        if _BASELINE.search(text, max(0, offset - 50), offset):
            continue
        sentence_start = max(text.rfind("\n", 0, offset), text.rfind(". ", 0, offset))
        if _WORK.search(text[sentence_start + 1: offset] + _sentence_after(text, offset)):
            return year
    return None


def _inspection_year(text: str, mentions: list[DateMention], period: Period | None,
                     published: str | None) -> int | None:
    """Inspection dates, else the year of the work inspected, else publication, else the
    text's other dates or years; a cited document's date is older than the work, so last."""
    if period and period.start:
        return int(period.start[:4])
    year = _work_year(text, mentions)
    if year is None and published:
        year = int(published[:4])
    own = [m for m in mentions if m.role == "other"]
    if year is None and own:
        year = int(own[0].iso[:4])
    words = _year_words(text, mentions)
    if year is None and words:
        year = words[0][1]
    if year is None and mentions:
        year = int(mentions[0].iso[:4])
    if year is None:
        bare = _BARE_YEAR.search(text)
        year = int(bare.group(1)) if bare else None
    return year


def _with_roles(text: str, mentions: list[DateMention], published: DateMention | None) -> list[DateMention]:
    out = []
    for m in mentions:
        if published is not None and m.start == published.start:
            out.append(replace(m, role="published"))
        elif _AFTER_DOC_NUMBER.search(text, max(0, m.start - 80), m.start):
            out.append(replace(m, role="document"))
        else:
            out.append(m)
    return out


def _normalise_source_date(value: str | None) -> str | None:
    """The reader's metadata date as ISO, or None when it is not a date."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        LOGGER.debug("ignoring source date %r", value)
        return None


def find_time_facts(text: str, *, source_published: str | None = None) -> TimeFacts:
    """Dates, publication date, inspection period and year of one NFC text.

    The text's own timestamp or place-and-date line wins over `source_published` (the HTML
    metadata), because a CMS stamps pages when they are re-saved; the text states when it
    was written.
    """
    fallback = _normalise_source_date(source_published)
    first_pass = find_dates(text, published=fallback)
    own = _published_mention(text, first_pass)
    published = own.iso if own else fallback
    mentions = find_dates(text, published=published) if published != fallback else first_pass
    own = _published_mention(text, mentions) if own else None
    mentions = _with_roles(text, mentions, own)

    span = _inspection_period(text, mentions)
    period = None
    if span is not None:
        first, last = span
        period = Period(mentions[first].iso, mentions[last].iso)
        mentions[first] = replace(mentions[first], role="period_start")
        if last != first:
            mentions[last] = replace(mentions[last], role="period_end")

    dates = tuple(dict.fromkeys(m.iso for m in mentions))
    if own is None and published and published not in dates:
        # The page's timestamp, which the reader took into metadata (HTML), is a date the
        # page names, like a timestamp line left in the text.
        dates = (published, *dates)
    year = _inspection_year(text, mentions, period, published)
    return TimeFacts(published, dates, tuple(mentions), period, year)
