"""Tesseract OCR of page images into blocks with word confidences.

Why blocks per Tesseract paragraph and mean word confidence: a finding quoted from a scanned page
should carry how sure the recognition was, and paragraphs are what the NLP splits on. Pages are
deskewed first (projection profile, ±5°) because photocopied reports are rarely straight, and a
light post-correction protects document numbers and dates (see ocr_fixes).
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import Any

from core.errors import LimitExceeded, OcrUnavailable
from extractors._common import Part
from extractors.ocr_fixes import fix_ocr_text

LOGGER = logging.getLogger(__name__)

APT_HINT = ("install the system packages tesseract-ocr and tesseract-ocr-vie"
            " (apt-get install tesseract-ocr-vie)")
MAX_SKEW_DEG = 5.0
SKEW_STEP_DEG = 0.5
LOW_CONFIDENCE = 50.0
MIN_NATIVE_DPI = 200.0  # scans at least this fine are OCR'd at their own resolution
SPECKLE_SHARE = 0.025  # share of ink a 3×3 median removes: ~1 % on clean print, 3-7 % on dusty scans
_PROFILE_WIDTH = 800


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


def check_pixels(width: int, height: int, max_pixels: int, path: Path) -> None:
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


def deskew(image: Any) -> Any:
    """`image` rotated by the small angle (≤ 5°) that makes its text lines horizontal.

    The right angle maximises the variance of the row sums of ink: lines of text become sharp
    peaks separated by empty rows.
    """
    from PIL import Image, ImageOps

    gray = ImageOps.grayscale(image)
    scale = _PROFILE_WIDTH / max(1, gray.width)
    small = gray.resize((_PROFILE_WIDTH, max(1, int(gray.height * scale)))) if scale < 1 else gray
    ink = small.point(lambda v: 255 if v < 128 else 0)
    best_angle, best_score = 0.0, _profile_score(ink)
    steps = int(MAX_SKEW_DEG / SKEW_STEP_DEG)
    for i in range(-steps, steps + 1):
        angle = i * SKEW_STEP_DEG
        if angle == 0:
            continue
        score = _profile_score(ink.rotate(angle, resample=Image.Resampling.NEAREST, fillcolor=0))
        if score > best_score:
            best_angle, best_score = angle, score
    if best_angle == 0:
        return gray
    LOGGER.debug("deskewing by %.1f°", best_angle)
    return gray.rotate(best_angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)


def _profile_score(ink: Any) -> float:
    width = ink.width
    data = ink.tobytes()
    rows = [data[y * width:(y + 1) * width].count(255) for y in range(ink.height)]
    mean = sum(rows) / len(rows) if rows else 0.0
    return sum((r - mean) ** 2 for r in rows)


def despeckle(image: Any) -> Any:
    """`image` through a 3×3 median filter when it carries scanner dust, else unchanged.

    Why: Tesseract reads isolated dark specks as punctuation ("-", ".", "_") and a speck on a
    letter changes its diacritic, which in Vietnamese changes the word. A median filter also
    thins one-pixel strokes, so it is applied only when a good share of the ink is specks.
    """
    from PIL import ImageFilter, ImageOps

    gray = ImageOps.grayscale(image)
    filtered = gray.filter(ImageFilter.MedianFilter(3))
    ink = _ink_pixels(gray)
    removed = ink - _ink_pixels(filtered)
    if ink and removed / ink > SPECKLE_SHARE:
        LOGGER.debug("despeckling: %.1f%% of the ink is isolated specks", 100 * removed / ink)
        return filtered
    return gray


def _ink_pixels(gray: Any) -> int:
    return int(sum(gray.histogram()[:128]))


def ocr_image(image: Any, *, lang: str, page: int | None) -> list[Part]:
    """Despeckle, deskew, recognise and post-correct one page; one part per Tesseract paragraph."""
    straight = deskew(despeckle(image))
    parts = _recognise(straight, lang, page)
    if _mean_confidence(parts) < LOW_CONFIDENCE:
        rotated = _rotate_by_osd(straight)
        if rotated is not None:
            retry = _recognise(rotated, lang, page)
            if _mean_confidence(retry) > _mean_confidence(parts):
                parts = retry
    return parts


def _recognise(image: Any, lang: str, page: int | None) -> list[Part]:
    import pytesseract

    data = pytesseract.image_to_data(image, lang=lang, config="--psm 3",
                                     output_type=pytesseract.Output.DICT)
    paragraphs: dict[tuple[int, int], list[tuple[int, str, float]]] = {}
    for i, word in enumerate(data["text"]):
        conf = float(data["conf"][i])
        if conf < 0 or not word.strip():
            continue
        key = (data["block_num"][i], data["par_num"][i])
        paragraphs.setdefault(key, []).append((data["line_num"][i], word, conf))
    parts: list[Part] = []
    for words in paragraphs.values():
        text = fix_ocr_text(" ".join(word for _, word, _ in words))
        parts.append((text, page, "paragraph", round(sum(c for *_, c in words) / len(words), 1)))
    return parts


def _mean_confidence(parts: list[Part]) -> float:
    confidences = [c for *_, c in parts if c is not None]
    return sum(confidences) / len(confidences) if confidences else 0.0


def _rotate_by_osd(image: Any) -> Any | None:
    """The page turned upright when OSD says it is rotated by 90/180/270°, else None."""
    import pytesseract

    try:
        osd = pytesseract.image_to_osd(image, output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractError:
        return None  # too little text for OSD: nothing to learn
    angle = int(osd.get("rotate", 0))
    return image.rotate(-angle, expand=True) if angle else None
