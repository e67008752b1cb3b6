"""Readers: one function turns any supported file into a `Document`.

`read()` sniffs what the bytes really are (the extension is only a hint), looks the reader up in
`READERS` and guarantees that only typed `ReaderError`s (or `OcrUnavailable`) come out, each
naming the file: a nightly run quarantines a bad file and goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path

from core.errors import CorruptDocument, KiemtraError, LimitExceeded, ReaderError
from core.models import Document
from core.settings import Settings
from extractors._common import SNIFF_BYTES, sniff_format
from extractors.docx import read_docx
from extractors.html import read_html
from extractors.image import read_image
from extractors.pdf import read_pdf
from extractors.txt import read_txt

__all__ = ["READERS", "SUPPORTED_SUFFIXES", "Reader", "discover", "is_supported", "read"]

LOGGER = logging.getLogger(__name__)

Reader = Callable[..., Document]  # read_<format>(path, *, settings, doc_id=None) -> Document

# The registry: format → reader. A new format is one module and one line here.
READERS: dict[str, Reader] = {
    "txt": read_txt,
    "html": read_html,
    "docx": read_docx,
    "pdf": read_pdf,
    "image": read_image,
}

SUFFIX_FORMATS: dict[str, str] = {
    ".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".docx": "docx", ".doc": "docx", ".pdf": "pdf",
    ".png": "image", ".jpg": "image", ".jpeg": "image", ".tif": "image", ".tiff": "image",
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(SUFFIX_FORMATS)


def is_supported(path: Path) -> bool:
    return Path(path).suffix.lower() in SUPPORTED_SUFFIXES


def discover(paths: Iterable[Path]) -> list[Path]:
    """Files exactly as given; folders walked recursively for supported, non-hidden files."""
    found: list[Path] = []
    for given in paths:
        given = Path(given)
        if given.is_dir():
            found.extend(sorted(
                p for p in given.rglob("*")
                if p.is_file() and is_supported(p)
                and not any(part.startswith(".") for part in p.relative_to(given).parts)
            ))
        else:
            found.append(given)
    return found


def read(path: Path, *, settings: Settings, doc_id: str | None = None) -> Document:
    """The Document of `path`; raises ReaderError subclasses or OcrUnavailable, never anything raw."""
    path = Path(path)
    fmt = _format_of(path, settings)
    LOGGER.debug("reading %s as %s", path, fmt)
    try:
        return READERS[fmt](path, settings=settings, doc_id=doc_id)
    except KiemtraError:
        raise
    except MemoryError as e:
        raise LimitExceeded("out of memory while reading", path=path) from e
    except Exception as e:  # noqa: BLE001 - a library's failure on this file, named and typed
        LOGGER.debug("reader %s failed on %s", fmt, path, exc_info=True)
        raise CorruptDocument(f"{fmt} reader failed: {type(e).__name__}: {e}", path=path) from e


def _format_of(path: Path, settings: Settings) -> str:
    try:
        size = path.stat().st_size
        if size == 0:
            raise CorruptDocument("empty file (0 bytes)", path=path)
        if size > settings.max_file_bytes:
            raise LimitExceeded(f"{size} bytes exceeds max_file_bytes={settings.max_file_bytes}", path=path)
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
            ole_data = handle.read() if head.startswith(b"\xd0\xcf\x11\xe0") else None
    except OSError as e:
        raise ReaderError(f"cannot open: {e.strerror or e}", path=path) from e
    fmt = sniff_format(head, path, head + ole_data if ole_data is not None else None)
    hinted = SUFFIX_FORMATS.get(path.suffix.lower())
    if hinted and hinted != fmt:
        LOGGER.info("%s: extension says %s but the bytes are %s; reading as %s", path, hinted, fmt, fmt)
    return fmt
