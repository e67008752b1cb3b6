"""Shared code of the OCR benchmarks: text rendered into scanned-looking pages, and the CER.

Why render instead of keeping scans: the dev corpus has texts and gold but no scans, and a
rendered page of a known text gives the exact reference to measure recognition against, under
conditions chosen on purpose (resolution, skew, blur, speckle, JPEG artefacts).
"""

from __future__ import annotations

import io
import os
import random
import re
import resource
import subprocess
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
A4_INCHES = (8.27, 11.69)
MARGIN_INCHES = 0.8
FONT_POINTS = 12
LINE_SPACING = 1.45
PARAGRAPH_GAP = 0.6  # extra blank share of a line between paragraphs


@dataclass(frozen=True)
class Condition:
    """How a page is 'scanned': resolution, skew, blur, speckle, JPEG re-encoding, container."""

    name: str
    dpi: int
    max_angle: float = 0.0      # degrees; each page gets a random angle in [-max, max]
    blur: float = 0.0           # Gaussian radius in pixels
    noise: float = 0.0          # share of pixels flipped to dark/grey/white speckle
    jpeg_quality: int | None = None
    container: str = "tiff"     # "tiff" (lossless multi-page image) or "pdf" (image-only PDF)


CONDITIONS: dict[str, Condition] = {c.name: c for c in (
    Condition("300dpi-clean", 300),
    Condition("300dpi-scan-pdf", 300, max_angle=3.0, blur=0.8, noise=0.004, container="pdf"),
    Condition("200dpi-noise", 200, max_angle=3.0, blur=0.6, noise=0.004),
    Condition("200dpi-jpeg-pdf", 200, max_angle=2.0, blur=0.5, noise=0.002, jpeg_quality=35,
              container="pdf"),
)}


def wrap_paragraph(paragraph: str, font: Any, width_px: float) -> list[str]:
    """Greedy word wrap at spaces; a word wider than the line is cut where it overflows."""
    lines: list[str] = []
    current = ""
    for word in paragraph.split():
        candidate = f"{current} {word}" if current else word
        if font.getlength(candidate) <= width_px:
            current = candidate
            continue
        if current:
            lines.append(current)
        while font.getlength(word) > width_px:
            cut = max(1, next(i for i in range(len(word), 0, -1) if font.getlength(word[:i]) <= width_px))
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines


def render_pages(text: str, dpi: int) -> list[Any]:
    """`text` typeset on white A4 pages at `dpi`: DejaVu Sans 12 pt, paragraphs wrapped."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(FONT, round(FONT_POINTS * dpi / 72))
    width, height = (round(side * dpi) for side in A4_INCHES)
    margin = round(MARGIN_INCHES * dpi)
    line_height = round(FONT_POINTS * dpi / 72 * LINE_SPACING)
    pages: list[Any] = []
    page, draw, y = None, None, height
    for paragraph in _paragraphs(text):
        for line in wrap_paragraph(paragraph, font, width - 2 * margin):
            if page is None or draw is None or y + line_height > height - margin:
                page = Image.new("L", (width, height), 255)
                draw = ImageDraw.Draw(page)
                pages.append(page)
                y = margin
            draw.text((margin, y), line, font=font, fill=0)
            y += line_height
        y += round(line_height * PARAGRAPH_GAP)
    return pages


def _paragraphs(text: str) -> Iterator[str]:
    for block in text.split("\n"):
        if block.strip():
            yield " ".join(block.split())


def degrade(page: Any, condition: Condition, rng: random.Random) -> Any:
    """The page as a scanner of `condition` would return it."""
    from PIL import Image, ImageFilter

    image = page
    if condition.max_angle:
        angle = rng.uniform(-condition.max_angle, condition.max_angle)
        image = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    if condition.blur:
        image = image.filter(ImageFilter.GaussianBlur(condition.blur))
    if condition.noise:
        image = _speckle(image, condition.noise, rng)
    if condition.jpeg_quality:
        image = jpeg_artefacts(image, condition.jpeg_quality, "L")
    return image


def jpeg_artefacts(image: Any, quality: int, mode: str) -> Any:
    """`image` saved as JPEG at `quality` and read back in `mode`: the blocks and ringing a
    scanner's or a phone's compression leaves on the page."""
    from PIL import Image

    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buffer.getvalue())).convert(mode)


def _speckle(image: Any, share: float, rng: random.Random) -> Any:
    """Scanner dust and toner: a share of pixels set to black, grey or white at random."""
    noisy = image.copy()
    pixels = noisy.load()
    for _ in range(int(noisy.width * noisy.height * share)):
        pixels[rng.randrange(noisy.width), rng.randrange(noisy.height)] = rng.choice((0, 90, 200, 255))
    return noisy


def scanned_pages(text: str, condition: Condition, seed: int = 0) -> list[Any]:
    """`text` rendered and degraded under `condition`: the page images a scanner would deliver."""
    rng = random.Random(seed)
    return [degrade(page, condition, rng) for page in render_pages(text, condition.dpi)]


def write_scan(text: str, condition: Condition, path_stem: Path, seed: int = 0) -> tuple[Path, int]:
    """`text` rendered and degraded under `condition`, saved as one file; (path, pages)."""
    pages = scanned_pages(text, condition, seed)
    return save_scan(pages, condition, path_stem), len(pages)


def save_scan(pages: list[Any], condition: Condition, path_stem: Path) -> Path:
    """Scanned pages saved as one file in the condition's container."""
    path = path_stem.with_suffix(".pdf" if condition.container == "pdf" else ".tif")
    first, rest = pages[0], pages[1:]
    if condition.container == "pdf":
        first.save(path, "PDF", save_all=True, append_images=rest, resolution=condition.dpi)
    else:
        first.save(path, "TIFF", save_all=True, append_images=rest, compression="tiff_deflate",
                   dpi=(condition.dpi, condition.dpi))
    return path


# --------------------------------------------------------------------------- character error rate


def comparable(text: str) -> str:
    """NFC with every run of whitespace collapsed to one space: layout is not an OCR error."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def levenshtein(a: str, b: str) -> int:
    """Edit distance by Myers' bit-parallel algorithm (Hyyrö's form), one big int per column.

    Why not the textbook table: pages are thousands of characters, and a Python double loop
    over 8000 × 8000 cells takes a minute; the bit-vector form does it in milliseconds.
    """
    if not a:
        return len(b)
    if not b:
        return len(a)
    mask = (1 << len(a)) - 1
    last = 1 << (len(a) - 1)
    peq: dict[str, int] = {}
    for i, char in enumerate(a):
        peq[char] = peq.get(char, 0) | (1 << i)
    pv, mv, score = mask, 0, len(a)
    for char in b:
        eq = peq.get(char, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = (mv | ~(xh | pv)) & mask
        mh = pv & xh
        if ph & last:
            score += 1
        elif mh & last:
            score -= 1
        ph = ((ph << 1) | 1) & mask
        mh = (mh << 1) & mask
        pv = (mh | ~(xv | ph)) & mask
        mv = ph & xv
    return score


def cer(reference: str, hypothesis: str) -> float:
    """Character error rate: edits to turn the OCR text into the reference, per reference char."""
    ref, hyp = comparable(reference), comparable(hypothesis)
    return levenshtein(ref, hyp) / max(1, len(ref))


# --------------------------------------------------------------------------- word F1 and cost


_WORD = re.compile(r"\w+")


def words(text: str) -> Counter[str]:
    """The bag of lower-cased NFC words: what word F1 compares, whatever the reading order."""
    return Counter(_WORD.findall(unicodedata.normalize("NFC", text).lower()))


def word_f1(reference: str, hypothesis: str) -> float:
    ref, hyp = words(reference), words(hypothesis)
    common = sum((ref & hyp).values())
    if not common:
        return 0.0
    precision, recall = common / sum(hyp.values()), common / sum(ref.values())
    return 2 * precision * recall / (precision + recall)


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the tesseract runs): unlike wall time,
    it does not grow when other jobs share the machine."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def plain_tesseract(image: Path) -> str:
    """What `tesseract IMAGE - -l vie` prints, the baseline kiemtra must not fall below."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    return subprocess.run(["tesseract", str(image), "-", "-l", "vie"], capture_output=True, text=True,
                          check=True, env=env).stdout


def kiemtra_cpu(image: Path) -> float:
    """CPU seconds of kiemtra's OCR of one page image, in-process (without the sandbox start-up)."""
    from PIL import Image

    from extractors.ocr import ocr_image

    with Image.open(image) as opened:
        page = opened.convert("RGB")
    start = cpu_seconds()
    ocr_image(page, lang="vie", page=1)
    return cpu_seconds() - start
