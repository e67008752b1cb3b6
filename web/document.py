"""A document's text cut into segments, so a page can mark its findings at their offsets.

Why segments and not HTML: the template escapes each segment's text and wraps the marked ones,
so no document text ever reaches the page unescaped, and this cutting is a plain function
tested on its own. Findings may overlap (an extractor's spans are not guaranteed disjoint):
the finding the page is about wins, then earlier findings; a later overlapping one is marked
only where it does not overlap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mark:
    """A finding's place in the text: `text[start:end]`."""

    start: int
    end: int
    finding_id: str
    polarity: str
    current: bool = False


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text, inside one finding (`mark`) or outside every finding (None)."""

    text: str
    mark: Mark | None = None


def _placed(length: int, marks: Sequence[Mark]) -> list[Mark]:
    """Marks clipped to the text and to each other, the current one first, then by position."""
    order = sorted(marks, key=lambda m: (not m.current, m.start, m.end))
    taken: list[tuple[int, int]] = []
    placed: list[Mark] = []
    for mark in order:
        start, end = max(0, mark.start), min(length, mark.end)
        for s, e in sorted(taken):
            if s <= start < e:
                start = e
            if start < s < end:
                end = s
        if start < end:
            taken.append((start, end))
            placed.append(Mark(start, end, mark.finding_id, mark.polarity, mark.current))
    return sorted(placed, key=lambda m: m.start)


def segments(text: str, marks: Sequence[Mark]) -> list[Segment]:
    """`text` as consecutive segments, the marked spans as their own segments."""
    out: list[Segment] = []
    pos = 0
    for mark in _placed(len(text), marks):
        if mark.start > pos:
            out.append(Segment(text[pos : mark.start]))
        out.append(Segment(text[mark.start : mark.end], mark))
        pos = mark.end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out
