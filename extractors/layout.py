"""PDF layout: tables as "cell | cell" rows (pdfplumber) and running page headers/footers removed.

Why two paths: pdfplumber knows where every character and ruling line is, so it can rebuild a
table row by row, but it reads about 30 times fewer pages per second than pypdfium2 (see
benchmarks/readers.py) and holds every page's objects in memory. So pypdfium2 reads every
page, counts its vector path objects on the way (ruled tables are drawn with lines), and only
the pages that look like tables, under `pdf_layout = "auto"`, go through pdfplumber.

Why remove running lines: a header such as the issuing office or a footer "Trang 2/5"
repeated on every page would split a sentence that runs across pages and, being upper-case
office names, would be read as units of every page. The header's first occurrence stays: on
page 1 it is the report's letterhead, which names the issuing office.
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path
from typing import Any

from core.errors import ConfigError
from core.settings import Settings
from extractors.sandbox import run_limited

LOGGER = logging.getLogger(__name__)

LAYOUT_MODES = ("auto", "fast", "layout")
CELL_SEPARATOR = " | "
MIN_TABLE_PATHS = 4      # fewer path objects than this: a rule under the letterhead, not a table
EDGE_LINES = 3           # lines looked at for running text at the top and at the bottom of a page
MIN_REPEAT_SHARE = 0.5   # a line is running text when it repeats on more than this share of pages

# "Trang 2/5", "Trang 2", "- 2 -", "2/5", "2", "Page 2 of 5": a page number alone on its line.
_PAGE_NUMBER = re.compile(
    r"^(?:(?:trang|page)\s*\d{1,4}(?:\s*(?:/|trên|of)\s*\d{1,4})?|[-–—]?\s*\d{1,4}\s*[-–—]?"
    r"|\d{1,4}\s*/\s*\d{1,4})$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")


def count_path_objects(page: Any) -> int:
    """Vector path objects on a pypdfium2 page: the cheap sign of a ruled table."""
    import pypdfium2.raw as pdfium_c

    return sum(1 for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=2))


def layout_page_indices(path_counts: list[int], mode: str) -> list[int]:
    """0-based pages to read with pdfplumber under `mode` ("auto", "fast" or "layout")."""
    if mode not in LAYOUT_MODES:
        raise ConfigError(f"setting pdf_layout={mode!r} must be one of {', '.join(LAYOUT_MODES)}")
    if mode == "fast":
        return []
    if mode == "layout":
        return list(range(len(path_counts)))
    return [i for i, count in enumerate(path_counts) if count >= MIN_TABLE_PATHS]


def apply_layout(path: Path, data: bytes, pages: list[str], path_counts: list[int],
                 settings: Settings) -> list[str]:
    """Page texts with table pages re-read by pdfplumber and running headers/footers removed.

    `data` is the file's bytes as the caller read and hashed them: the file at `path` may have
    changed since.
    """
    indices = layout_page_indices(path_counts, settings.pdf_layout)
    if indices:
        relaid: dict[int, str] = run_limited(
            layout_text, (data, indices, settings.pdf_layout == "layout"), path=path,
            timeout_s=settings.parse_timeout_s * max(1, len(indices)), memory_mb=settings.parse_memory_mb)
        pages = [relaid.get(i, text) for i, text in enumerate(pages)]
        LOGGER.debug("%s: %d of %d pages read for layout", path, len(relaid), len(pages))
    return remove_running_lines(pages)


def layout_text(data: bytes, indices: list[int], every_page: bool) -> dict[int, str]:
    """Child-process body: the text of the listed pages, tables as rows, in reading order.

    A page without a table found by pdfplumber keeps its pypdfium2 text unless `every_page`
    (pdf_layout = "layout"). Each page is closed as soon as it is read so that pdfplumber's
    per-page object caches do not pile up over a long report.
    """
    import pdfplumber

    out: dict[int, str] = {}
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for index in indices:
            page = pdf.pages[index]
            try:
                text = _page_text(page, every_page)
            finally:
                page.close()
            if text is not None:
                out[index] = text
    return out


def _page_text(page: Any, every_page: bool) -> str | None:
    tables = page.find_tables()
    if not tables and not every_page:
        return None
    boxes = [table.bbox for table in tables]
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    items: list[tuple[float, str]] = [(line["top"], line["text"]) for line in outside.extract_text_lines()]
    for table in tables:
        rows = [_row_text(row) for row in table.extract()]
        items.append((table.bbox[1], "\n".join(row for row in rows if row)))
    items.sort(key=lambda item: item[0])
    return "\n".join(text for _, text in items if text.strip())


def _inside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    mid_x = (obj["x0"] + obj["x1"]) / 2
    mid_y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= mid_x <= x1 and top <= mid_y <= bottom for x0, top, x1, bottom in boxes)


def _row_text(cells: list[str | None]) -> str:
    """One table row as "cell | cell"; a cell's own line breaks become spaces, empty cells go."""
    texts = [" ".join(cell.split()) for cell in cells if cell and cell.strip()]
    return CELL_SEPARATOR.join(texts)


def is_table_row(paragraph: str) -> bool:
    return CELL_SEPARATOR in paragraph


def is_page_number(line: str) -> bool:
    """"Trang 2/5", "- 2 -", "2": a page number alone on its line."""
    return bool(_PAGE_NUMBER.match(line.strip()))


# --------------------------------------------------------------------------- running lines


def remove_running_lines(pages: list[str]) -> list[str]:
    """`pages` without page numbers and without lines repeated at the top or bottom of most pages.

    Digits are masked when lines are compared, so "Trang 2/5" and "Trang 3/5" or a header
    carrying the page number count as one repeated line. A repeated top line is kept where it
    first occurs (the letterhead); a repeated bottom line goes everywhere.
    """
    edges = [_edge_lines(text) for text in pages]
    headers = _repeated([_keys(text, top) for text, (top, _) in zip(pages, edges, strict=True)])
    footers = _repeated([_keys(text, bottom) for text, (_, bottom) in zip(pages, edges, strict=True)])
    seen_headers: set[str] = set()
    cleaned: list[str] = []
    for text, (top, bottom) in zip(pages, edges, strict=True):
        lines = text.split("\n")
        drop: set[int] = set()
        for i in top:
            key = _line_key(lines[i])
            if _PAGE_NUMBER.match(lines[i].strip()) or key in footers:
                drop.add(i)
            elif key in headers:
                if key in seen_headers:
                    drop.add(i)
                seen_headers.add(key)
        drop.update(i for i in bottom if _PAGE_NUMBER.match(lines[i].strip())
                    or _line_key(lines[i]) in footers | headers)
        cleaned.append("\n".join(line for i, line in enumerate(lines) if i not in drop))
    return cleaned


def _edge_lines(text: str) -> tuple[list[int], list[int]]:
    """Indices of the first and last EDGE_LINES non-empty lines of a page (disjoint)."""
    filled = [i for i, line in enumerate(text.split("\n")) if line.strip()]
    top = filled[:EDGE_LINES]
    bottom = [i for i in filled[-EDGE_LINES:] if i not in top]
    return top, bottom


def _keys(text: str, indices: list[int]) -> set[str]:
    lines = text.split("\n")
    return {_line_key(lines[i]) for i in indices}


def _repeated(zone_keys: list[set[str]]) -> set[str]:
    """Keys found in the same zone on at least two pages and more than MIN_REPEAT_SHARE of them."""
    counts: dict[str, int] = {}
    for keys in zone_keys:
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
    needed = max(2, int(len(zone_keys) * MIN_REPEAT_SHARE) + 1)
    return {key for key, count in counts.items() if count >= needed}


def _line_key(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split()).lower())
