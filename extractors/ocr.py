"""Tesseract OCR of page images into blocks with word confidences.

Why blocks per Tesseract paragraph and mean word confidence: a finding quoted from a scanned page
should carry how sure the recognition was, and paragraphs are what the NLP splits on. What each
page needs before recognition is measured on the page (extractors.ocr_prepare), the letterhead's
two columns are read one after the other (extractors.ocr_order), and a light post-correction
protects document numbers and dates (extractors.ocr_fixes).
"""

from __future__ import annotations

import functools
import logging
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from statistics import median
from typing import Any

from core.errors import LimitExceeded, OcrUnavailable
from core.wrapping import runs_on
from extractors._common import Part
from extractors.ocr_fixes import fix_ocr_text
from extractors.ocr_order import Line, Word, split_letterhead
from extractors.ocr_prepare import decide, grey_of, measure, prepare

LOGGER = logging.getLogger(__name__)

APT_HINT = ("install the system packages tesseract-ocr and tesseract-ocr-vie"
            " (apt-get install tesseract-ocr-vie)")
LOW_CONFIDENCE = 50.0  # below this mean word confidence the page may be upside down or sideways
DOUBT_CONFIDENCE = 80.0  # below this the prepared page is read plain too (90-96 on the benchmark's photos)
MIN_NATIVE_DPI = 200.0  # scans at least this fine are OCR'd at their own resolution


@functools.lru_cache(maxsize=4)
def _available_languages() -> frozenset[str]:
    import pytesseract

    try:
        return frozenset(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractNotFoundError, OSError) as e:
        raise OcrUnavailable(f"Tesseract is not installed ({e}); {APT_HINT}") from e


def check_ocr(lang: str, path: Path | None = None) -> None:
    """Fail early, naming the apt package, when Tesseract or its language data is missing."""
    missing = [code for code in lang.split("+") if code not in _available_languages()]
    if missing:
        raise OcrUnavailable(f"Tesseract has no '{'+'.join(missing)}' language data; {APT_HINT}", path=path)


def check_pixels(width: int, height: int, max_pixels: int, path: Path | None) -> None:
    """Decompression-bomb guard, checked before any pixel is decoded."""
    if width * height > max_pixels:
        raise LimitExceeded(f"image of {width}x{height} pixels exceeds max_image_pixels={max_pixels}",
                            path=path)


def render_dpi(page: Any, dpi: int) -> float:
    """The resolution to render a scanned PDF page at: its scan's own when that is lower than `dpi`.

    Why: rendering a 200 dpi JPEG scan at 300 dpi enlarges its compression artefacts into
    shapes Tesseract reads as marks and diacritics (benchmarks/ocr_quality.py: CER 1.4 % at
    300 dpi against 0.07 % at the scan's 200 dpi on the same page). Scans below
    MIN_NATIVE_DPI are still enlarged: their letters are too small for Tesseract as they are.
    """
    import pypdfium2.raw as pdfium_c

    native = 0.0
    for image in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
        left, _, right, _ = image.get_bounds()
        if right - left > 1:
            native = max(native, round(image.get_px_size()[0] * 72 / (right - left)))
    return native if MIN_NATIVE_DPI <= native < dpi else float(dpi)


def ocr_image(image: Any, *, lang: str, page: int | None) -> list[Part]:
    """Measure, prepare, recognise and post-correct one page; one part per Tesseract paragraph.

    When the prepared page reads with a low confidence, the plain page is read too and the
    reading expected to hold more correct words (the sum of its word confidences) is kept:
    preprocessing must never cost a reading plain Tesseract would have made. Why not the higher
    mean confidence: a reading that skips the hard words (a stamped signature block) has the
    higher mean; reading the 20 pages of benchmarks/ocr_photos.py both ways, the mean chose the
    reading with the lower word F1 on 11 of 19 pages, the sum on 4. On those pages the prepared
    reading's confidence stays above DOUBT_CONFIDENCE, so the second reading costs nothing there.
    A page still unreadable may be upside down or sideways: OSD turns it.
    """
    prep = decide(measure(image))
    LOGGER.debug("page %s: %s", page, prep)
    parts = _recognise(prepare(image, prep), lang, page)
    if not prep.is_plain and _mean_confidence(parts) < DOUBT_CONFIDENCE:
        plain = _recognise(grey_of(image, drop_red=False), lang, page)
        if _expected_words(plain) > _expected_words(parts):
            parts = plain
    if _mean_confidence(parts) < LOW_CONFIDENCE:
        rotated = _rotate_by_osd(prepare(image, prep))
        if rotated is not None:
            retry = _recognise(rotated, lang, page)
            if _expected_words(retry) > _expected_words(parts):
                parts = retry
    return parts


def _recognise(image: Any, lang: str, page: int | None) -> list[Part]:
    import pytesseract

    with _image_file(image) as path:
        data = pytesseract.image_to_data(path, lang=lang, config="--psm 3",
                                         output_type=pytesseract.Output.DICT)
    lines: dict[tuple[int, int, int], Line] = {}
    for i, text in enumerate(data["text"]):
        conf = float(data["conf"][i])
        if conf < 0 or not text.strip():
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        lines.setdefault(key, []).append(Word(text, data["left"][i], data["top"][i], data["width"][i],
                                              data["height"][i], conf))
    left, right, rest = split_letterhead(list(lines.values()), image.height)
    parts = [_part(column, page, "\n") for column in (left, right) if column]
    paragraphs: dict[tuple[int, int], list[Line]] = {}
    keys = {id(line): key for key, line in lines.items()}
    for line in rest:
        block, par, _ = keys[id(line)]
        paragraphs.setdefault((block, par), []).append(line)
    parts.extend(_part(paragraph, page, " ") for paragraph in joined_runs(list(paragraphs.values())))
    return parts


MAX_JOIN_GAP = 6.0  # a paragraph break is joined across at most this many word heights of blank


def joined_runs(paragraphs: list[list[Line]]) -> list[list[Line]]:
    """Tesseract's paragraphs, in its order, each joined to the next where one sentence runs on
    across the break (`runs_on_below`).

    Why: Tesseract starts a new block where the space between two lines is wider than the
    page's spacing, and a scan's spacing is uneven (a line set apart, a stamp's shadow, a page
    scanned at a slant), so it can cut a sentence in two: "… tại Bộ phận" / "một cửa; một số hồ sơ
    còn trễ hạn". The NLP splits findings at paragraphs, so the finding lost its end."""
    out: list[list[Line]] = []
    for paragraph in paragraphs:
        if out and runs_on_below(out[-1], paragraph):
            out[-1] = [*out[-1], *paragraph]
        else:
            out.append(paragraph)
    return out


def runs_on_below(previous: list[Line], following: list[Line]) -> bool:
    """Whether the paragraph `following` continues the sentence `previous` ends: by the text, as
    a wrapped line runs on (core.wrapping.runs_on: `previous` ends with no stop, colon or
    semicolon, `following` starts in lower case, neither is a heading in capitals, a list item,
    a field or a table row; a Vietnamese sentence, heading or caption never starts in lower
    case), and by the page: `following` lies below `previous` (not beside it: a column, a cell,
    the letterhead's other half), overlapping it across, with at most MAX_JOIN_GAP word heights
    between them.

    Not joined, and why: a break after a closed sentence or before a capital (a new paragraph,
    heading or name); a list item ("- một số", "a) …"); a paragraph beside the other; a gap
    wider than MAX_JOIN_GAP (the layout set the text apart: a signature block, a stamp, a
    box); a break across pages (each page is read alone, and a block keeps its page)."""
    last, first = previous[-1], following[0]
    if not runs_on(" ".join(w.text for w in last), " ".join(w.text for w in first)):
        return False
    words_before = [w for line in previous for w in line]
    words_after = [w for line in following for w in line]
    bottom = max(w.top + w.height for w in last)
    top = min(w.top for w in first)
    height = median(w.height for w in (*last, *first))
    across = (min(w.left for w in words_after) < max(w.right for w in words_before)
              and max(w.right for w in words_after) > min(w.left for w in words_before))
    return across and 0 <= top - bottom <= MAX_JOIN_GAP * height


@contextmanager
def _image_file(image: Any) -> Iterator[str]:
    """The image as an uncompressed TIFF file for Tesseract, removed afterwards.

    Why not hand pytesseract the image: it saves it as PNG, and compressing a 300 dpi page costs
    about 0.1 s of CPU, a tenth of the recognition, for a file read once. An uncompressed TIFF
    holds the same pixels, is the format Tesseract reads fastest (a PGM costs it 0.1 s more),
    and, like pytesseract's PNG, carries no resolution, so Tesseract estimates it from the text
    as before.
    """
    with tempfile.TemporaryDirectory(prefix="kiemtra-ocr-") as folder:
        path = Path(folder) / "page.tif"
        image.save(path, "TIFF", compression="raw")
        yield str(path)


def _part(lines: list[Line], page: int | None, joiner: str) -> Part:
    """One block of text: its lines joined (by a newline for letterhead columns, whose lines are
    separate items), post-corrected, with the mean word confidence."""
    text = joiner.join(fix_ocr_text(" ".join(w.text for w in line)) for line in lines)
    confidences = [w.conf for line in lines for w in line]
    return (text, page, "paragraph", round(sum(confidences) / len(confidences), 1))


def _mean_confidence(parts: list[Part]) -> float:
    """Mean word confidence of a reading (each part weighs by its words)."""
    words = sum(len(text.split()) for text, *_ in parts)
    return _expected_words(parts) * 100 / words if words else 0.0


def _expected_words(parts: list[Part]) -> float:
    """Sum of word confidences / 100: how many correct words the reading is expected to hold."""
    return sum(len(text.split()) * (conf or 0.0) / 100 for text, _, _, conf in parts)


def _rotate_by_osd(image: Any) -> Any | None:
    """The page turned upright when OSD says it is rotated by 90/180/270°, else None."""
    import pytesseract

    try:
        with _image_file(image) as path:
            osd = pytesseract.image_to_osd(path, output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractError:
        return None  # too little text for OSD: nothing to learn
    angle = int(osd.get("rotate", 0))
    return image.rotate(-angle, expand=True) if angle else None
