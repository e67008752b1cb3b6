"""Images (PNG, JPEG, multi-page TIFF): every frame is a page for OCR.

Why probe the header first: Pillow reads width, height and frame count without decoding pixels,
so a decompression bomb is refused (LimitExceeded) before it can allocate anything.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

from core.errors import CorruptDocument, LimitExceeded
from core.models import Document, document_from_blocks
from core.settings import Settings
from extractors._common import Part, default_doc_id, make_source, part_lines, read_file
from extractors.ocr import check_ocr, check_pixels, ocr_image
from extractors.sandbox import map_limited
from extractors.title import choose_title

LOGGER = logging.getLogger(__name__)


def probe_frames(data: bytes, max_pixels: int, path: Path | None = None) -> int:
    """Number of frames, after checking every frame's size against `max_pixels`."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            frames = getattr(image, "n_frames", 1)
            for frame in range(frames):
                image.seek(frame)
                check_pixels(image.width, image.height, max_pixels, path)
    except Image.DecompressionBombError as e:
        raise LimitExceeded(f"image is a decompression bomb: {e}", path=path) from e
    except (UnidentifiedImageError, OSError, EOFError, SyntaxError) as e:
        raise CorruptDocument(f"unreadable image: {e}", path=path) from e
    return frames


def read_image(path: Path, *, settings: Settings, doc_id: str | None = None) -> Document:
    data = read_file(path, settings.max_file_bytes)
    frames = probe_frames(data, settings.max_image_pixels, path)
    if frames > settings.max_pages:
        raise LimitExceeded(f"{frames} frames exceeds max_pages={settings.max_pages}", path=path)
    check_ocr(settings.ocr_lang, path)
    jobs = [(frame, settings.ocr_lang, settings.max_image_pixels) for frame in range(frames)]
    results = map_limited(ocr_frame, jobs, path=path, timeout_s=settings.parse_timeout_s,
                          memory_mb=settings.parse_memory_mb, workers=settings.workers, shared=(data,))
    parts: list[Part] = [part for page_parts in results for part in page_parts]
    first_page = part_lines(results[0]) if results else []
    source = make_source(path, data, "image", "image.ocr", title=choose_title(first_page, None),
                         pages=frames, ocr_pages=frames)
    return document_from_blocks(default_doc_id(path, doc_id), parts, source)


def ocr_frame(data: bytes, frame: int, lang: str, max_pixels: int) -> list[Part]:
    """Child-process body: decode one frame of the image's bytes and OCR it, in colour when it has
    colour (a red stamp is dropped by its colour)."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        image.seek(frame)
        check_pixels(image.width, image.height, max_pixels, None)
        page = image.convert("RGB") if image.mode not in ("1", "L", "I;16", "I") else image.convert("L")
    return ocr_image(page, lang=lang, page=frame + 1)
