"""Reading order of Tesseract's lines: the two-column letterhead of an official letter.

Why: Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP) open with two columns side
by side — the issuing body, its number and the "V/v" subject on the left; the national motto,
place and date on the right. Tesseract often reads such a pair of lines as one line ("UBND
HUYỆN ĐIỆN BÀN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), which breaks the issuer, the number and
the title apart. Here the lines at the top of the page that have a wide gap near the middle,
and the lines beside them, are split at that gap and read column by column, left first.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float

    @property
    def right(self) -> int:
        return self.left + self.width


Line = list[Word]

LETTERHEAD_ZONE = 0.4     # the letterhead lies in the top share of the page
MIN_GAP_SHARE = 0.05      # a column gap is at least this share of the page's text width
MIN_GAP_HEIGHTS = 2.5     # ... and this many times the line's word height
MIDDLE = (0.3, 0.7)       # ... and its centre lies in this span of the text width


def column_split(line: Line, text_left: int, text_width: int) -> float | None:
    """The x of the gap that separates two letterhead columns on `line`, or None."""
    words = sorted(line, key=lambda w: w.left)
    height = median(w.height for w in words)
    for before, after in zip(words, words[1:], strict=False):
        gap = after.left - before.right
        centre = (before.right + after.left) / 2
        share = (centre - text_left) / max(1, text_width)
        if gap >= max(MIN_GAP_SHARE * text_width, MIN_GAP_HEIGHTS * height) and MIDDLE[0] <= share <= MIDDLE[1]:
            return centre
    return None


def split_letterhead(lines: list[Line], page_height: int) -> tuple[list[Line], list[Line], list[Line]]:
    """(left column lines, right column lines, the remaining lines) in reading order.

    The letterhead is the run of lines from the top, within LETTERHEAD_ZONE, in which at least
    one line has a column gap and no line crosses that gap; it ends at the first line that
    does ("Kính gửi: ..." centred under both columns). Without such a line: ([], [], lines).
    """
    words = [w for line in lines for w in line]
    if not words:
        return [], [], lines
    text_left = min(w.left for w in words)
    text_width = max(w.right for w in words) - text_left
    ordered = sorted(lines, key=lambda line: min(w.top for w in line))
    split_x = None
    for line in ordered:
        if min(w.top for w in line) > LETTERHEAD_ZONE * page_height:
            break
        split_x = column_split(line, text_left, text_width)
        if split_x is not None:
            break
    if split_x is None:
        return [], [], lines
    left: list[Line] = []
    right: list[Line] = []
    end = 0
    for end, line in enumerate(ordered):  # noqa: B007 - `end` is used after the loop
        if min(w.top for w in line) > LETTERHEAD_ZONE * page_height:
            break
        before = [w for w in line if w.right <= split_x]
        after = [w for w in line if w.left >= split_x]
        if len(before) + len(after) < len(line):
            break  # a word crosses the gap: the body has begun
        if before:
            left.append(sorted(before, key=lambda w: w.left))
        if after:
            right.append(sorted(after, key=lambda w: w.left))
    else:
        end = len(ordered)
    taken = {id(line) for line in ordered[:end]}
    rest = [line for line in lines if id(line) not in taken]
    return left, right, rest
