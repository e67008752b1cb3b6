"""Join hard-wrapped lines into paragraphs, keeping every offset.

Why: text copied from a PDF or an e-mail keeps the line breaks of its old page, inside
sentences ("... của UBND xã\\nTân Thạnh còn chậm"). Segmentation would cut such a sentence at
the break and lose the unit, the date or the finding across it. Every reader's text passes
through here (`core.models.document_from_blocks`), so the decision is made once.

How a break is judged a wrap, from evidence and not from one line:
- never after a line that ends a sentence or announces a list (".", "!", "?", ":", ";", "…"),
  before a list item ("- ", "1.", "a)", "II.") or a metadata field ("Ngày ban hành: ..."),
  next to a line in capitals (a heading) or to a row of columns (cells, fields side by side);
- in a block wrapped at a fixed width (most lines end within a few characters of the same
  length), a line that reached that width was cut by the width, so it runs on whatever the
  case of the next line ("UBND xã\\nTân Thạnh");
- anywhere else, a line runs on when the next one starts in lower case, which a new sentence,
  heading or caption in Vietnamese never does.

A joined break becomes one space: the text keeps its length, so every span found later is a
span of the reader's text too (no offset table needed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A line ending in one of these closes a sentence or opens a list: the break after it is real.
_CLOSING = ".!?:;…"
# In a block wrapped at a fixed width, a full line ending in one of these was cut by the width
# inside a sentence ("... tại các xã:\nTân An, ..."); a period still ends the paragraph.
_CLOSING_MID_SENTENCE = ":;"
_LIST_ITEM = re.compile(r"(?:[-+•*–—]|[a-zđ]\)|\d{1,2}[.)]|[IVXLC]{1,5}[.)])\s")
# "Ngày ban hành: 28/12/2005": a metadata field opens its own line.
_FIELD = re.compile(r"[A-ZĐÀ-Ỹ][^:.!?;\n]{0,30}:\s")
_COLUMN_GAP = re.compile(r"\S {3,}\S|\t")  # fields or cells side by side, not prose
_MIN_WRAP_WIDTH = 40  # narrower lines are columns, verses or lists, not a wrapped page
_MAX_WRAP_WIDTH = 160  # wider lines are paragraphs on their own lines (web dumps), not a page
_WIDTH_SLACK = 0.2  # a wrapped line ends within this share of the width (word lengths vary)
_MIN_WRAPPED_SHARE = 0.6  # of the lines followed by another, that many must reach the width
_MIN_WRAPPED_LINES = 3


@dataclass(frozen=True, slots=True)
class _Line:
    start: int  # offset of the line's first character in the text
    body: str  # the line without its end-of-line characters


def _lines(text: str) -> list[_Line]:
    lines, pos = [], 0
    for raw in text.split("\n"):
        lines.append(_Line(pos, raw))
        pos += len(raw) + 1
    return lines


def _is_caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def wrap_width(text: str) -> int | None:
    """The fixed width the text was wrapped at, or None when its lines do not show one.

    The width is the longest line length that many lines come close to; lines followed by
    another are counted, since a paragraph's last line is short by nature.
    """
    lines = [line.body.rstrip() for line in _lines(text)]
    inner = [len(a) for a, b in zip(lines, lines[1:], strict=False) if a.strip() and b.strip()]
    if len(inner) < _MIN_WRAPPED_LINES:
        return None
    width = sorted(inner)[int(0.9 * (len(inner) - 1))]
    if not _MIN_WRAP_WIDTH <= width <= _MAX_WRAP_WIDTH:
        return None
    near = sum(1 for n in inner if width * (1 - _WIDTH_SLACK) <= n <= width * (1 + _WIDTH_SLACK / 2))
    if near < _MIN_WRAPPED_LINES or near < _MIN_WRAPPED_SHARE * len(inner):
        return None
    return width


def _runs_on(previous: str, line: str, width: int | None) -> bool:
    """True when the break between `previous` and `line` (both without line ends) is a wrap."""
    prev, nxt = previous.rstrip(), line.lstrip()
    if not prev or not nxt or _LIST_ITEM.match(nxt):
        return False
    if prev[-1] in _CLOSING and not (width is not None and prev[-1] in _CLOSING_MID_SENTENCE
                                     and len(prev) >= width * (1 - _WIDTH_SLACK)):
        return False
    if _is_caps(prev) or _is_caps(nxt) or "|" in prev or "|" in nxt:
        return False  # headings and table rows keep their own lines
    if _FIELD.match(nxt) or _COLUMN_GAP.search(prev) or _COLUMN_GAP.search(nxt):
        return False  # metadata fields and columns keep theirs
    if nxt[0].islower():
        return True
    return width is not None and len(prev) >= width * (1 - _WIDTH_SLACK)


def runs_on(previous: str, line: str) -> bool:
    """Whether a sentence runs on from the line `previous` into `line` across a break of unknown
    width (a paragraph break a reader is unsure of, extractors/ocr.py): by the same evidence as a
    wrapped line, the width aside: `previous` closes no sentence nor list, neither is a heading,
    a table row, a list item, a field or columns, and `line` starts in lower case."""
    return _runs_on(previous, line, None)


def join_wrapped_lines(text: str, width: int | None = -1) -> str:
    """`text` with every wrapped line break replaced by a space (same length as `text`).

    `width` is the width the whole document was wrapped at (`wrap_width` of all its blocks),
    since a short paragraph alone has too few lines to show it; -1 measures `text` itself.
    """
    if "\n" not in text:
        return text
    if width == -1:
        width = wrap_width(text)
    chars = list(text)
    lines = _lines(text)
    for previous, line in zip(lines, lines[1:], strict=False):
        if _runs_on(previous.body, line.body, width):
            chars[line.start - 1] = " "
    return "".join(chars)
