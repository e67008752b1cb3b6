"""A news text's headline: its first line when that line is written as a headline, not as the lead.

Why a rule and not "the first line": a text dump of an article opens with its headline as often as
with the lead paragraph itself (the portal's page copied from below the headline), and a lead is no
title: shown as one it reads as a paragraph cut off (search reads a title-less text's lead in the
title's place, index.base.FindingRecord.headline, but nothing shows it as a title). What tells them
apart holds for the genre, not for one site: a headline is a short line (Vietnamese press and
portal headlines run 8–25 syllables, a lead's first sentence says when, who and what in 30–80) that
stands on its own line above the body and ends without a full stop (a lead is a sentence). Short
CMS headlines do at times carry a full stop; a stop is read as the end of a sentence only past
HEADLINE_STOPPED_MAX syllables or when another sentence follows on the line. Not headlines either:
the site's navigation path ("TRANG CHỦ > CẢI CÁCH HÀNH CHÍNH"), a time stamp ("16:42 31/12/2021")
or a section label of a few words ("thanh tra", "Thành viên") above the headline, all skipped; a
letterhead's table row ("VĂN PHÒNG CHÍNH PHỦ | CỘNG HÒA …"); a dateline ("Hải Phòng, ngày 19 tháng
01 năm 2020"). A page's metadata label ("date 2025-11-12", which nlp/dates.py reads) or the "null"
a template printed for a field it lacked, opening the line, is not part of the headline, nor the
time stamp a page prints after it ("… quốc gia 12/11/2025 17:51").

The lead (`lead`) is what a text without a headline has in its place: the first paragraph of the
body, read past the same furniture and past what an administrative letter or a wire story prints
before its first sentence — the national motto under the letterhead ("Độc lập - Tự do - Hạnh
phúc"), the addressee ("Kính gửi: Bộ Nội vụ."), and the paper's byline opening the sapo ("(PL)- ",
"(baotinh.vn) – ", "TP - "): none says what the text is about, and a byline's "TP" would read as
the query's "thành phố". Why the paragraph and not its first sentence: a Vietnamese sapo says the
occasion in one to three sentences ("Sáng 12/3, Đoàn kiểm tra CCHC của tỉnh làm việc tại huyện … Qua
kiểm tra, Đoàn đánh giá …"), the matter often only in the second, and LEAD_MAX_WORDS bounds it
near a title's reach.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import islice

from core.models import Document

HEADLINE_MIN_WORDS = 5   # "Thành viên", "Xuất bản thông tin": a page's labels, not a headline
HEADLINE_MAX_WORDS = 40  # syllables: past this the line is a paragraph
HEADLINE_STOPPED_MAX = 20  # syllables up to which a line ending in "." may still be a headline
LEAD_MAX_WORDS = 80      # syllables: a lead (sapo) is one to three sentences
LEAD_LINES = 6           # lines past the headline where the lead is looked for
NAVIGATION_LINES = 3     # lines a page prints above the headline, skipped
HEAD_BLOCKS = 8          # a text's first paragraphs, where its headline and lead are looked for

# A page's metadata label, or the "null" a page template prints for a field it lacks.
_LABEL = re.compile(r"^\s*(?:date\s+\d{4}-\d{2}(?:-\d{2})?(?:T[\d:]+)?|null|undefined)\s+",
                    re.IGNORECASE)
_TRAILING_STAMP = re.compile(r"\s+\d{1,2}/\d{1,2}/\d{4}(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")
_NAVIGATION = re.compile(r"\s(?:>|»|›)\s")
# What an administrative letter prints between its heading and its first sentence: the addressee
# line and the national motto (the letterhead's second row, when it stands on a line of its own).
_ADDRESSEE = re.compile(r"^(?:đồng\s+)?kính\s+gửi\b", re.IGNORECASE)
_MOTTO = re.compile(r"^độc\s+lập\s*[-–—]\s*tự\s+do\s*[-–—]\s*hạnh\s+phúc", re.IGNORECASE)
# A news outlet's tag before the first sentence ("(PLO)- ", "TPO - ", "(Báo Nghệ An) – "): the
# paper's or site's name in brackets, or capitals with a space after the dash that are no body's
# abbreviation, so that a joint body's name ("HĐND-UBND huyện", "UBND – HĐND xã") and a name or
# code written close ("TT-Huế", "BR-VT", "KH-UBND") are no tag. The one definition: extraction
# reads it where a paragraph opens (nlp/findings.py), the lead here at its start
# (`_without_byline`, which also reads the word after a capitals tag).
OUTLET_TAG = r"\([^()]{2,30}\)\s*[-–—]\s*|(?!(?:UBND|HĐND|MTTQ)\b)[A-ZĐ]{2,6}\s*[-–—]\s+"
_BYLINE = re.compile(rf"^(?:{OUTLET_TAG})(?=(?P<next>\S+))")
# A site's own name, as a portal or paper prints it above every article (its masthead): "Cổng thông
# tin điện tử tỉnh …", "Trang TTĐT huyện …", "Báo điện tử …", "Tạp chí …", "Đài Phát thanh và Truyền
# hình …". Only such a line gives way to the dated headline under it (`_headline_at`): a byline
# ("Văn phòng HĐND và UBND huyện", "Tác giả: …", "Nguồn: …") or a sub-headline between a headline and
# its date is headline-shaped too, and the headline above it is the title.
_MASTHEAD = re.compile(r"^(?:(?:cổng|trang)\s+(?:thông\s+tin|ttđt|tt\s*đt)|báo\s+điện\s+tử|tạp\s+chí"
                       r"|đài\s+phát\s+thanh)\b", re.IGNORECASE)
_DATELINE = re.compile(r"^[^,]{1,40},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}", re.IGNORECASE)
# A stop inside the line and the word it closes, then what follows it.
_STOP_INSIDE = re.compile(r"(\S+?)[.!?…]\s+(\S)")
_ENDS_CLAUSE = (",", ";", ":", "-", "–")


def headline(lines: Sequence[str]) -> str | None:
    """The headline the text opens with (`lines`: its first lines, in order), else None.

    None when the first line (past navigation paths) is not written as a headline, or when no
    body follows it: a one-line text has no headline apart from its content."""
    return _headline_of(_past_furniture(lines))


def opening_lines(document: Document) -> list[str]:
    """The lines of the document's first HEAD_BLOCKS blocks: what headline and lead read."""
    return head_lines(document.text[block.start:block.end] for block in document.blocks)


def head_lines(paragraphs: Iterable[str], *, breaks: bool = False) -> list[str]:
    """The lines of a text's first HEAD_BLOCKS paragraphs, for a reader that has its paragraphs
    before the Document is built (extractors/txt.py) as for one read from a Document. `breaks`:
    an empty line after each paragraph, where the title rule ends a kind line's subject
    (extractors.title: "until a blank")."""
    return [line for paragraph in islice(paragraphs, HEAD_BLOCKS)
            for line in (*paragraph.splitlines(), *([""] if breaks else []))]


def lead(lines: Sequence[str]) -> str | None:
    """The lead paragraph under the headline (or opening the text when it has none), cut to
    LEAD_MAX_WORDS at a sentence's end when one falls within: the first line past the headline,
    the lines above it and the stamps and labels between them (a byline's time, "Đăng ngày …").
    Why: an article of the genre is written as an inverted pyramid, its headline and lead
    saying what the whole article is about (a province's wards after the merger, the late files
    of one centre) while its later sentences say one detail each without repeating it; the lead
    is that context where the text has no headline. None for a text without such a line."""
    rest = _past_furniture(lines)
    at = _headline_at(rest)
    if at is not None:
        rest = rest[at + 1:]
    for line in rest[:LEAD_LINES]:
        if not (_above_headline(line) or _heading_row(line) or _letter_furniture(line)):
            return _cut(_without_byline(_LABEL.sub("", line)))
    return None


def _headline_of(rest: Sequence[str]) -> str | None:
    """The headline among the lines past the furniture (`_past_furniture`, `_headline_at`),
    unlabelled; None when there is none. `headline` returns it, `lead` starts below it."""
    at = _headline_at(rest)
    return None if at is None else _unlabelled(rest[at])


def _headline_at(rest: Sequence[str]) -> int | None:
    """Where the headline is in the lines past the furniture: the first, when it is written as a
    headline and a body follows it; the second instead when the first names the site (`_MASTHEAD`)
    and the page dates the second, headline-shaped, on the line under it ("Thứ Năm, 18/04/2024
    16:42", "Ngày đăng …"): a portal prints the article's date under its headline, so the site's
    name above that pair ("Cổng thông tin điện tử thành phố …") is its masthead, not the article's
    title. Why the name and not the shape alone: a byline or a sub-headline between a headline and
    its date is headline-shaped too. None when the first line is no headline."""
    if len(rest) < 2 or not is_headline(_unlabelled(rest[0])):
        return None
    if (len(rest) >= 4 and _MASTHEAD.match(rest[0]) and _stamp(rest[2])
            and is_headline(_unlabelled(rest[1]))):
        return 1
    return 0


def _past_furniture(lines: Sequence[str]) -> list[str]:
    """The non-blank lines, spaces collapsed, from the first one past what a page prints above
    its headline (at most NAVIGATION_LINES of it): where headline and lead both start looking."""
    rest = [" ".join(line.split()) for line in lines]
    rest = [line for line in rest if line]
    skipped = 0
    while rest and _above_headline(rest[0]) and skipped < NAVIGATION_LINES:
        rest, skipped = rest[1:], skipped + 1
    return rest


def _unlabelled(line: str) -> str:
    """`line` without a metadata label opening it nor a time stamp closing it."""
    return _TRAILING_STAMP.sub("", _LABEL.sub("", line)).strip()


def _heading_row(line: str) -> bool:
    """A line of an administrative document's heading, not its text: the letterhead's table row,
    a line in capitals (the issuer, the kind "BÁO CÁO"), the dateline."""
    return "|" in line or line.upper() == line or bool(_DATELINE.match(line))


def _letter_furniture(line: str) -> bool:
    """A line an administrative letter prints above its text: the addressee, the motto."""
    return bool(_ADDRESSEE.match(line) or _MOTTO.match(line))


def _without_byline(line: str) -> str:
    """`line` without the paper's byline opening it (`_BYLINE`). A word in capitals is a byline
    only before a word in sentence case ("TP - Ngày 5/3, …"): before capitals or lower case it
    is the sentence's own subject ("HĐND - UBND huyện …", "CCHC – nhiệm vụ trọng tâm …")."""
    m = _BYLINE.match(line)
    if m is None:
        return line
    after = m.group("next")
    if not line.startswith("(") and not (after[0].isupper() and after[1:2].islower()):
        return line
    return line[m.end():]


def _cut(text: str) -> str:
    """`text` up to LEAD_MAX_WORDS syllables, ended at the last sentence's end within them."""
    words = text.split()
    if len(words) <= LEAD_MAX_WORDS:
        return text
    head = " ".join(words[:LEAD_MAX_WORDS])
    end = max(head.rfind(". "), head.rfind("? "), head.rfind("! "))
    return head[:end + 1] if end > 0 else head


def _above_headline(line: str) -> bool:
    """A line a page prints above its headline: a navigation path, a time stamp, a section label
    or widget of a few words ("thanh tra", "Thành viên")."""
    return bool(_NAVIGATION.search(line)) or _stamp(line) or len(line.split()) < HEADLINE_MIN_WORDS


def _stamp(line: str) -> bool:
    """A time stamp or number line: fewer letters than other signs ("16:42 31/12/2021")."""
    letters = sum(c.isalpha() for c in line)
    return letters < 0.5 * len(line.replace(" ", "")) or line[0].isdigit()


def is_headline(line: str) -> bool:
    """Whether one line, on its own above a body, reads as a headline (see the module's why)."""
    words = line.split()
    if not HEADLINE_MIN_WORDS <= len(words) <= HEADLINE_MAX_WORDS:
        return False
    if _stamp(line) or "|" in line or _DATELINE.match(line) or line.endswith(_ENDS_CLAUSE):
        return False
    if _two_sentences(line.rstrip(".!?… ")):
        return False  # the lead, not a headline
    return not (line.endswith(".") and len(words) > HEADLINE_STOPPED_MAX)


def _two_sentences(line: str) -> bool:
    """Whether a sentence ends inside the line: a stop after a number or a word of two lower-case
    letters or more (not an abbreviation: "TP. Buôn Ma Thuột", "ThS. Nguyễn"), then a capital."""
    for m in _STOP_INSIDE.finditer(line):
        word, after = m.group(1), m.group(2)
        closes = word[-1].isdigit() or sum(c.islower() for c in word) >= 2
        if closes and (after.isupper() or after in "\"“'‘("):
            return True
    return False
