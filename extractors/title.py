"""A document's title from its own heading; the file's metadata only when it looks like a title.

Why: scanners and word processors fill the PDF/DOCX title with what they know — the scan's file
name ("2019-05-31 (9)", "scan0001"), "Microsoft Word - bc 2019.doc" — while every administrative
document names itself in its heading: the kind line and its subject ("BÁO CÁO" / "Kết quả kiểm
tra công tác cải cách hành chính năm 2019") or, in a letter, "V/v <subject>" under its number.
The heading vocabulary is data: the kinds are the heading rows of the one table of document
kinds (core/doc_kinds.toml), the subject prefixes and body openers extractors/headings.toml.
"""

from __future__ import annotations

import functools
import itertools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from core.doc_kinds import heading_kinds

HEADINGS_FILE = Path(__file__).with_name("headings.toml")
HEAD_LINES = 40          # the heading lies within the first lines of the first page
MAX_TITLE_CHARS = 300
MAX_SUBJECT_LINES = 3

_FILE_NAME = re.compile(
    r"(?i)(\.(docx?|pdf|odt|rtf|xlsx?|jpe?g|png|tiff?|bmp)\s*$)"
    r"|^(microsoft\s+\w+\s*-|untitled|document\d*$|scan|img|image|dsc|pict?)"
    r"|^\S*[_\\/]\S*$"  # one token joined by underscores or slashes: a path or file name
)


@dataclass(frozen=True, slots=True)
class Headings:
    kinds: tuple[str, ...]
    subject_prefixes: tuple[str, ...]
    body_openers: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def headings() -> Headings:
    data = tomllib.loads(HEADINGS_FILE.read_text(encoding="utf-8"))
    # Longest first, so "KẾT LUẬN THANH TRA" wins over "KẾT LUẬN".
    kinds = tuple(sorted(heading_kinds(), key=len, reverse=True))
    return Headings(kinds, tuple(data["subject_prefixes"]), tuple(data["body_openers"]))


def looks_like_title(metadata: str | None) -> bool:
    """False for metadata that is a file name, a producer's label or a timestamp, not a title."""
    if not metadata or not metadata.strip():
        return False
    text = metadata.strip()
    letters = sum(c.isalpha() for c in text)
    if letters < 4 or letters < 0.5 * len(text.replace(" ", "")):
        return False  # "2019-05-31 (9)", "20190531_0930"
    return not _FILE_NAME.search(text)


def heading_title(lines: list[str], h: Headings | None = None) -> str | None:
    """The title the heading gives: the kind line with its subject, else the "V/v" subject."""
    h = h or headings()
    head = [" ".join(line.split()) for line in lines[:HEAD_LINES]]
    return _kind_title(head, h) or _subject_title(head, h)


def choose_title(lines: list[str], metadata: str | None) -> str | None:
    """The heading's title, else the metadata title when it looks like one, else None."""
    title = heading_title(lines)
    if title is None and metadata is not None and looks_like_title(metadata):
        title = " ".join(metadata.split())
    return title[:MAX_TITLE_CHARS] if title else None


def _kind_title(head: list[str], h: Headings) -> str | None:
    for i, line in enumerate(head):
        kind = next((k for k in h.kinds if _starts_with_words(line, k)), None)
        if kind is None:
            continue
        rest = line[len(kind):].strip(" :")
        if not rest:
            subject = _following(head[i + 1:], h)
            return f"{kind} {subject}" if subject else kind
        if rest.upper() == rest:
            return f"{kind} {rest}"  # "BÁO CÁO KẾT QUẢ KIỂM TRA ..." on one line
        if rest[0].isupper():
            # Kind and subject joined into one paragraph (by OCR or reflow), the body perhaps too.
            return f"{kind} {_before_body(rest, h)}"
    return None


def _before_body(text: str, h: Headings) -> str:
    """`text` cut where a body opener ("Căn cứ", "Thực hiện") starts a new sentence in it."""
    cuts = [i for opener in h.body_openers if (i := text.find(f" {opener} ", 1)) > 0]
    return text[:min(cuts)].rstrip(" .,;:") if cuts else text


def _subject_title(head: list[str], h: Headings) -> str | None:
    """The letter's subject line ("V/v ..."), its wrapped continuation joined. Why a line ending
    in a full stop is not one: a heading's summary of content (trích yếu) is set without a final
    stop (Nghị định 30/2020/NĐ-CP), while "Về việc ..." also opens sentences of the body."""
    for i, line in enumerate(head):
        prefix = next((p for p in h.subject_prefixes if line.startswith(p)), None)
        if prefix is None or len(line) <= len(prefix) + 3:
            continue
        parts = [line]
        for follow in head[i + 1:i + MAX_SUBJECT_LINES]:
            if not follow or not follow[0].islower():
                break  # a subject wrapped over lines continues in lower case
            parts.append(follow)
        if parts[-1].endswith("."):
            continue  # a sentence of the body ("Về việc này, Phó Thủ tướng yêu cầu ..."), not a subject
        return " ".join(parts)
    return None


def _following(lines: list[str], h: Headings) -> str | None:
    """The subject under a kind line: the next lines until a blank, a body opener, capitals or a
    sentence's end. Blank lines between the kind line and its subject are skipped: a heading typed
    as paragraphs ("BÁO CÁO", a blank, the subject) is spaced so. A later line ending as a
    sentence ends ("Qua kiểm tra tại UBND xã …, Đoàn kiểm tra nhận thấy:") is the body's: a
    subject (trích yếu) is set without a final stop (Nghị định 30/2020/NĐ-CP), as `_subject_title`
    reads a letter's."""
    parts: list[str] = []
    for line in [*itertools.dropwhile(lambda line: not line, lines)][:MAX_SUBJECT_LINES]:
        if not line or line.startswith(h.body_openers) or (parts and line.upper() == line):
            break
        if parts and line.endswith((".", ":", ";")):
            break
        parts.append(line)
    return " ".join(parts) if parts else None


def _starts_with_words(line: str, kind: str) -> bool:
    return line == kind or (line.startswith(kind) and not line[len(kind)].isalnum())
