"""Measure a page image, decide what it needs before Tesseract, and prepare it.

Why measure first: one fixed preprocessing (scale to 300 dpi, binarise, despeckle, deskew)
helps clean scans and hurts phone photos — on the photos of issue 15 it read worse than plain
Tesseract. Each step here is done only when a measure of this image says it is needed:

- red ink (seals, stamps) covering text → read the red channel, where red ink is as light as paper;
- uneven light (a lamp on one side, the phone's shadow) or a dark exposure → divide by the
  estimated paper background, so one global threshold fits the whole page;
- letters too small (a 70 dpi photo) → enlarge to about the text height Tesseract read best
  on benchmarks/ocr_photos.py (18 px of line height: a 70 dpi photo enlarged 1.8×); larger
  enlargements read worse there, and every enlargement costs time;
- skew beyond what Tesseract absorbs → rotate once (small print only from 2°: rotating blurs it);
  scanner dust → remove the isolated specks, where a 3×3 median would not also eat thin strokes.

`decide` is a pure function of the measures, so each rule is tested on numbers, and a
`Preparation` that changes nothing means the plain image is what Tesseract sees.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

LOGGER = logging.getLogger(__name__)

# Red ink: red well above both other channels. A seal covers 0.5-3 % of a letter page.
RED_MARGIN = 60
MIN_RED_SHARE = 0.002
# Paper background: brightest / darkest paper over the page. Scanners light evenly (< 0.05).
MAX_UNEVENNESS = 0.08
MIN_PAPER_LEVEL = 200          # paper darker than this grey is an under-exposed photo
# Text size, as the median height of a text line's ink measured on the straightened page, in
# pixels: about 0.83 of the font size (benchmarks/ocr_photos.py pages, spread ±0.08). 13 pt
# letters measure ~10 px in a 70 dpi photo, ~15 px at 100 dpi, ~41 px at 300 dpi. On those pages
# enlarging helped only below ~85 dpi, best at about twice a 70 dpi photo; more cost time and
# read worse (2×: F1 0.956, 3×: 0.937 against 0.937 unscaled). The target is a little under
# the best (1.8×: F1 0.954 against 0.958 at 2×) to keep the page within 1.5× plain Tesseract's CPU.
MIN_LINE_PX = 13.0
TARGET_LINE_PX = 18.0
MAX_SCALE = 2.5
# Skew Tesseract's line finding does not absorb: on 200-300 dpi scans skewed up to 3°, leaving
# skew below 3.5° uncorrected raised the CER from 0.13 % to 11-16 % (benchmarks/ocr_quality.py);
# straightening from 0.5° or from 1° read the same. Rotating resamples the page, which blurs the
# 1-2 px strokes of small print: on a 110 dpi photo skewed 1.5° it cost word F1 0.959 → 0.941,
# so small print is straightened only from 2°.
MIN_SKEW_DEG = 1.0
MIN_SKEW_DEG_SMALL_PRINT = 2.0
MAX_SKEW_DEG = 5.0
SKEW_STEP_DEG = 0.5
# Dust: the share of ink pixels with at most one ink neighbour — isolated specks, which strokes
# never are. On the benchmarks' pages: clean print 0.1-0.2 %, dusty or JPEG-35 scans 0.7-4.6 %.
SPECKLE_SHARE = 0.006
# A 3×3 median removes specks, and from strokes as thin as its window their edges or all of
# them: besides the specks it removes 0.6-2.4 % of the ink of 200-300 dpi scans, 5-11 % of
# 100-150 dpi photos, 45 % of a 70 dpi photo. Above this share it would cost letters. The page
# itself is despeckled by removing only the specks (`despeckle`), which reads as the median did
# at a quarter of its cost; this share still tells prints whose dots and diacritics are specks.
MAX_STROKE_LOSS = 0.04
# Fine print: lines at least this high (~150 dpi and up) have strokes of 2 px or more, which a
# rotation leaves sharp; thinner strokes it blurs.
FINE_PRINT_LINE_PX = 20.0
# Rotation resampling: bicubic keeps strokes sharpest, bilinear costs a third of it (0.08 s
# against 0.20 s on a 300 dpi page). On scans of 200 dpi and more (lines from ~27 px) both read
# the same (benchmarks/ocr_quality.py); on 150 dpi photos (~22 px) bilinear read slightly worse
# (CER 5.91 % against 5.78 %, benchmarks/ocr_photos.py), and there rotating is cheap anyway.
BILINEAR_LINE_PX = 25.0
_MEASURE_WIDTH = 800           # skew and red ink are measured on a copy this wide
_GEOMETRY_WIDTH = 1300         # light and text size on a copy at most this wide
_BACKGROUND_CELL = 8           # background is estimated on a copy this many times smaller


@dataclass(frozen=True, slots=True)
class PageMeasures:
    """What one page image looks like, in the numbers the preprocessing decisions use."""

    red_share: float        # share of pixels in saturated red ink
    unevenness: float       # 1 - darkest paper / brightest paper
    paper_level: float      # median grey of the paper background (0-255)
    line_height_px: float   # median height of a text line's ink; 0 when no text line was found
    skew_deg: float         # angle that makes the text lines horizontal
    speckle_share: float    # share of the ink that is isolated specks (dust)
    stroke_loss: float      # share of the ink a 3×3 median removes besides the specks


@dataclass(frozen=True, slots=True)
class Preparation:
    """What to do to one page before recognition."""

    drop_red: bool = False
    flatten_light: bool = False
    scale: float = 1.0
    rotate_deg: float = 0.0
    rotate_sharp: bool = False  # bicubic, for print whose thin strokes bilinear blurs more
    despeckle: bool = False

    @property
    def is_plain(self) -> bool:
        return self == Preparation()


def decide(m: PageMeasures) -> Preparation:
    """The preparation a page with measures `m` needs; each step only when a measure asks for it."""
    scale = 1.0
    min_skew = MIN_SKEW_DEG if m.line_height_px >= FINE_PRINT_LINE_PX else MIN_SKEW_DEG_SMALL_PRINT
    if 0 < m.line_height_px < MIN_LINE_PX:
        scale = round(min(MAX_SCALE, TARGET_LINE_PX / m.line_height_px), 2)
    rotate = m.skew_deg if abs(m.skew_deg) >= min_skew else 0.0
    return Preparation(
        drop_red=m.red_share >= MIN_RED_SHARE,
        flatten_light=m.unevenness > MAX_UNEVENNESS or m.paper_level < MIN_PAPER_LEVEL,
        scale=scale,
        rotate_deg=rotate,
        rotate_sharp=bool(rotate) and m.line_height_px < BILINEAR_LINE_PX,
        despeckle=m.speckle_share > SPECKLE_SHARE and m.stroke_loss < MAX_STROKE_LOSS,
    )


def measure(image: Any) -> PageMeasures:
    """The measures of one page image (RGB or greyscale PIL image).

    Light, skew and text size are measured on a copy at most _GEOMETRY_WIDTH wide (a 300 dpi
    page at half size, where lines are still ~20 px), so measuring costs a small share of the
    recognition; specks are counted at full size, where they are, on the middle of the page
    with its light evened out, and what a median would cost the strokes only where there are
    specks to remove (stroke_loss is 0.0 elsewhere).
    """
    red = red_share(image)
    gray = grey_of(image, drop_red=red >= MIN_RED_SHARE)
    small = _shrunk(gray, _GEOMETRY_WIDTH)
    background = paper_background(small)
    unevenness, paper = _background_stats(background)
    flat = flatten(small, background)
    skew = skew_angle(flat)
    height = line_height(_rotated(flat, skew)) * gray.width / small.width
    middle = _middle(gray)
    middle = flatten(middle, paper_background(middle))
    specks = speckle_share(middle)
    loss = median_loss(middle) - specks if specks > SPECKLE_SHARE else 0.0
    return PageMeasures(red_share=red, unevenness=unevenness, paper_level=paper, line_height_px=height,
                        skew_deg=skew, speckle_share=specks, stroke_loss=loss)


def _middle(gray: Any) -> Any:
    """The middle half of the page in each direction: text, not the margins' scanner edges."""
    w, h = gray.size
    return gray.crop((w // 4, h // 4, w - w // 4, h - h // 4))


def prepare(image: Any, prep: Preparation) -> Any:
    """The greyscale image Tesseract reads, after the steps `prep` asks for.

    Why bilinear rotation on fine print: it costs a third of bicubic on a 300 dpi page and read
    the same on benchmarks/ocr_quality.py's skewed scans (see BILINEAR_LINE_PX).
    """
    from PIL import Image

    gray = grey_of(image, drop_red=prep.drop_red)
    if prep.flatten_light:
        gray = flatten(gray, paper_background(gray))
    if prep.despeckle:
        gray = despeckle(gray)
    if prep.rotate_deg:
        resample = Image.Resampling.BICUBIC if prep.rotate_sharp else Image.Resampling.BILINEAR
        gray = gray.rotate(prep.rotate_deg, resample=resample, expand=True, fillcolor=255)
    if prep.scale != 1.0:
        size = (round(gray.width * prep.scale), round(gray.height * prep.scale))
        gray = gray.resize(size, Image.Resampling.LANCZOS)
    return gray


# --------------------------------------------------------------------------- colour and light


def red_share(image: Any) -> float:
    """Share of pixels whose red exceeds green and blue by RED_MARGIN: seal and stamp ink."""
    import numpy as np

    if image.mode != "RGB":
        return 0.0
    small = _shrunk(image, _MEASURE_WIDTH)
    rgb = np.asarray(small).astype(np.int16)
    red = (rgb[:, :, 0] - np.maximum(rgb[:, :, 1], rgb[:, :, 2])) > RED_MARGIN
    return float(red.mean())


def grey_of(image: Any, *, drop_red: bool) -> Any:
    """Greyscale; with `drop_red`, the red channel, in which red ink is nearly as light as paper
    while black print and blue ballpoint stay dark."""
    from PIL import ImageOps

    if image.mode == "RGB" and drop_red:
        return image.getchannel("R")
    return image if image.mode == "L" else ImageOps.grayscale(image)


def paper_background(gray: Any) -> Any:
    """The paper's brightness under the text: the local maximum over a neighbourhood wider than a
    letter, on a shrunken copy, smoothed and enlarged back."""
    from PIL import Image, ImageFilter

    cell = _BACKGROUND_CELL
    small = gray.resize((max(1, gray.width // cell), max(1, gray.height // cell)), Image.Resampling.BOX)
    window = max(3, (min(small.size) // 60) | 1)
    background = small.filter(ImageFilter.MaxFilter(window)).filter(ImageFilter.GaussianBlur(window / 2))
    return background.resize(gray.size, Image.Resampling.BILINEAR)


def flatten(gray: Any, background: Any) -> Any:
    """`gray` divided by its paper background: even white paper, ink keeps its contrast."""
    import numpy as np
    from PIL import Image

    ink = np.asarray(gray, dtype=np.float32)
    paper = np.asarray(background, dtype=np.float32)
    np.maximum(paper, 1.0, out=paper)
    np.multiply(ink, 255.0, out=ink)
    np.divide(ink, paper, out=ink)
    np.minimum(ink, 255.0, out=ink)
    return Image.fromarray(ink.astype(np.uint8), "L")


def _background_stats(background: Any) -> tuple[float, float]:
    import numpy as np

    levels = np.asarray(_shrunk(background, 200)).astype(np.float32)
    dark, median, bright = np.percentile(levels, [5, 50, 95])
    return (float(1.0 - dark / bright) if bright > 0 else 0.0), float(median)


def _shrunk(image: Any, width: int) -> Any:
    from PIL import Image

    if image.width <= width:
        return image
    return image.resize((width, max(1, round(image.height * width / image.width))), Image.Resampling.BOX)


# --------------------------------------------------------------------------- text geometry


def _rotated(gray: Any, angle: float) -> Any:
    from PIL import Image

    return gray.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255) if angle else gray


def line_height(flat: Any) -> float:
    """Median height in pixels of the text lines' ink, measured in the middle three fifths of a
    straightened page (where lines are longest); 0.0 without text lines. A skewed line smears
    over more rows, which is why the page is straightened first (spread ±0.08 against ±0.15)."""
    import numpy as np

    ink = np.asarray(flat) < 128
    width = ink.shape[1]
    rows = ink[:, width // 5: 4 * width // 5].sum(axis=1)
    if not rows.any():
        return 0.0
    level = max(2.0, 0.04 * float(np.percentile(rows, 95)))
    on = np.concatenate(([False], rows > level, [False]))
    edges = np.flatnonzero(on[1:] != on[:-1])
    heights = edges[1::2] - edges[0::2]
    heights = heights[heights >= 3]
    return float(np.median(heights)) if heights.size else 0.0


def skew_angle(flat: Any) -> float:
    """The small angle (≤ 5°) that makes text lines horizontal: it maximises the variance of the
    row sums of ink, as lines of text become sharp peaks separated by empty rows."""
    from PIL import Image

    small = _shrunk(flat, _MEASURE_WIDTH)
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
    return best_angle


def _profile_score(ink: Any) -> float:
    import numpy as np

    rows = np.asarray(ink).astype(np.float32).sum(axis=1)
    return float(((rows - rows.mean()) ** 2).sum())


def speckle_share(gray: Any) -> float:
    """Share of the ink that is isolated specks (ink pixels with at most one ink neighbour):
    scanner dust, which Tesseract reads as punctuation or as a diacritic that changes the word."""
    ink = _ink(gray)
    total = int(ink.sum())
    return float(_specks(ink).sum()) / total if total else 0.0


def despeckle(gray: Any) -> Any:
    """`gray` with its isolated specks set to paper white; strokes and their edges untouched.

    Why not a 3×3 median: on a 300 dpi page it costs 0.13 s of CPU against 0.03 s here, and it
    also shaves the edges of every stroke, which the specks never needed.
    """
    import numpy as np
    from PIL import Image

    pixels = np.array(gray)
    pixels[_specks(_ink(gray))] = 255
    return Image.fromarray(pixels, "L")


def _ink(gray: Any) -> Any:
    import numpy as np

    return np.asarray(gray) < 128


def _specks(ink: Any) -> Any:
    """The ink pixels with at most one ink pixel among their eight neighbours."""
    import numpy as np

    padded = np.pad(ink, 1).view(np.uint8)
    height, width = ink.shape
    neighbours = np.zeros(ink.shape, np.uint8)
    for dy in (0, 1, 2):
        for dx in (0, 1, 2):
            if dy != 1 or dx != 1:
                neighbours += padded[dy:dy + height, dx:dx + width]
    return ink & (neighbours <= 1)


def median_loss(gray: Any) -> float:
    """Share of the ink a 3×3 median filter removes (specks and the edges of thin strokes)."""
    from PIL import ImageFilter

    ink = _ink_pixels(gray)
    return (ink - _ink_pixels(gray.filter(ImageFilter.MedianFilter(3)))) / ink if ink else 0.0


def _ink_pixels(gray: Any) -> int:
    return int(sum(gray.histogram()[:128]))
