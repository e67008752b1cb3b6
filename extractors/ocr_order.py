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
CENTRE_TOLERANCE = 0.08   # a letterhead line is centred under its column within this share of the width


def column_split(line: Line, text_left: int, text_width: int) -> float | None:
    """The x of the gap that separates two letterhead columns on `line`, or None."""
    words = sorted(line, key=lambda w: w.left)
    height = median(w.height for w in words)
    for before, after in zip(words, words[1:], strict=False):
        gap = after.left - before.right
        centre = (before.right + after.left) / 2
        share = (centre - text_left) / max(1, text_width)
        wide = gap >= max(MIN_GAP_SHARE * text_width, MIN_GAP_HEIGHTS * height)
        if wide and MIDDLE[0] <= share <= MIDDLE[1]:
            return centre
    return None


def split_letterhead(lines: list[Line], page_height: int) -> tuple[list[Line], list[Line], list[Line]]:
    """(left column lines, right column lines, the remaining lines) in reading order.

    The letterhead starts at the first line within LETTERHEAD_ZONE that has a column gap; it
    goes on while each line, or each half of a split line, is centred under its column — the
    columns are centred blocks — and ends at the first line that is not: the kind line, the
    subject or "Kính gửi: ..." centred on the page, whether Tesseract read it whole or in two
    pieces. Without a column gap: ([], [], lines).
    """
    words = [w for line in lines for w in line]
    if not words:
        return [], [], lines
    text_left = min(w.left for w in words)
    text_width = max(w.right for w in words) - text_left
    ordered = sorted(lines, key=lambda line: min(w.top for w in line))
    first, split_x = next(((i, x) for i, line in enumerate(ordered)
                           if min(w.top for w in line) <= LETTERHEAD_ZONE * page_height
                           and (x := column_split(line, text_left, text_width)) is not None), (0, None))
    if split_x is None:
        return [], [], lines
    tolerance = CENTRE_TOLERANCE * text_width
    centres = (_centre([w for w in ordered[first] if w.right <= split_x]),
               _centre([w for w in ordered[first] if w.left >= split_x]))
    left: list[Line] = []
    right: list[Line] = []
    end = len(ordered)
    for i in range(first, len(ordered)):
        line = ordered[i]
        halves = ([w for w in line if w.right <= split_x], [w for w in line if w.left >= split_x])
        if (min(w.top for w in line) > LETTERHEAD_ZONE * page_height
                or len(halves[0]) + len(halves[1]) < len(line)  # a word crosses the gap
                or any(half and abs(_centre(half) - centre) > tolerance
                       for half, centre in zip(halves, centres, strict=True))):
            end = i
            break
        if halves[0]:
            left.append(sorted(halves[0], key=lambda w: w.left))
        if halves[1]:
            right.append(sorted(halves[1], key=lambda w: w.left))
    taken = {id(line) for line in ordered[first:end]}
    return left, right, [line for line in lines if id(line) not in taken]


def _centre(words: list[Word]) -> float:
    return (min(w.left for w in words) + max(w.right for w in words)) / 2
