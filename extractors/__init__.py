"""Readers: one function turns any supported file into a `Document`.

`read()` sniffs what the bytes really are (the extension is only a hint), looks the reader up in
`READERS` and guarantees that only typed `ReaderError`s (or `OcrUnavailable`) come out, each
naming the file: a nightly run quarantines a bad file and goes on.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from core.errors import (
    CorruptDocument,
    KiemtraError,
    LimitExceeded,
    ReaderError,
    UnexpectedError,
    printable,
    size_said,
)
from core.models import Document
from core.settings import Settings
from extractors._common import SNIFF_BYTES, sniff_format
from extractors.docx import read_docx
from extractors.html import read_html
from extractors.image import read_image
from extractors.pdf import read_pdf
from extractors.sandbox import run_limited
from extractors.txt import read_txt

__all__ = ["READERS", "SUPPORTED_SUFFIXES", "Reader", "discover", "is_supported", "read", "unsupported",
           "unsupported_reason", "unsupported_why"]

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

# Readers that limit themselves (their parsing and OCR run in limited children already); the
# others run whole in one limited child when `settings.isolate` (a child cannot start children).
SELF_LIMITED = frozenset({"pdf", "image"})

SUFFIX_FORMATS: dict[str, str] = {
    ".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".docx": "docx", ".doc": "docx",
    ".pdf": "pdf",
    ".png": "image", ".jpg": "image", ".jpeg": "image", ".tif": "image", ".tiff": "image",
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(SUFFIX_FORMATS)


def is_supported(path: Path) -> bool:
    return Path(path).suffix.lower() in SUPPORTED_SUFFIXES


def _walked(folder: Path) -> list[Path]:
    """The non-hidden files under `folder`, recursively, sorted: what `discover` reads of a
    folder and `unsupported` names, by one rule (a dot-named file or folder is never read)."""
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def discover(paths: Iterable[Path]) -> list[Path]:
    """Files exactly as given; folders walked recursively for supported, non-hidden files."""
    found: list[Path] = []
    for given in paths:
        given = Path(given)
        if given.is_dir():
            found.extend(p for p in _walked(given) if is_supported(p))
        else:
            found.append(given)
    return found


def unsupported(paths: Iterable[Path]) -> list[Path]:
    """The files under the folders among `paths` that `discover` leaves out for their format:
    non-hidden files of a suffix no reader takes. Why: an operator who drops a folder in must
    see what was not read (`unsupported_reason`), not find it missing from search later. A file
    given by name is not among them: it is read (as text, when its suffix says nothing)."""
    return [p for given in map(Path, paths) if given.is_dir() for p in _walked(given) if not is_supported(p)]


def unsupported_why(path: Path) -> str:
    """Why a file `unsupported` lists was not read: its format, and the formats read."""
    suffix = Path(path).suffix.lower()
    kind = f"{suffix} files" if suffix else "files without an extension"
    formats = " ".join(sorted(SUPPORTED_SUFFIXES))
    return f"not read, kiemtra does not read {printable(kind)} (it reads {formats})"


def unsupported_reason(path: Path) -> str:
    """One line naming a file `unsupported` lists and why it was not read, for a terminal."""
    return f"{printable(str(path))}: {unsupported_why(path)}"


def read(path: Path, *, settings: Settings, doc_id: str | None = None) -> Document:
    """The Document of `path`; raises ReaderError subclasses or OcrUnavailable, never anything raw."""
    path = Path(path)
    fmt = _format_of(path, settings)
    LOGGER.debug("reading %s as %s", path, fmt)
    try:
        if settings.isolate and fmt not in SELF_LIMITED:
            document: Document = run_limited(read_format, (fmt, path, settings, doc_id, dict(os.environ)),
                                             path=path,
                                             timeout_s=settings.parse_timeout_s,
                                             memory_mb=settings.parse_memory_mb, unexpected="UnexpectedError")
        else:
            document = read_format(fmt, path, settings, doc_id)
    except KiemtraError:
        raise
    except MemoryError as e:
        raise LimitExceeded("out of memory while reading", path=path) from e
    except Exception as e:  # noqa: BLE001 - a failure nobody anticipated: this file's, named and typed
        LOGGER.debug("reader %s failed on %s", fmt, path, exc_info=True)
        raise UnexpectedError.of(e, path=path) from e
    return _with_text(document, path)


def _with_text(document: Document, path: Path) -> Document:
    """`document`, unless it holds no text: then a bad file, as a 0-byte one is (`_format_of`).

    Why a failure, not a document of no findings: a well-formed file with nothing to read (a Word
    file saved empty, a page of whitespace, text only in a picture the reader does not see) was
    stored silently as "1 new", and the operator never learnt the inbox held nothing searchable
    from it. Failed, it is named on one line with the reason and quarantined until its bytes
    change (ux23)."""
    if not document.text.strip():
        scanned = document.source.ocr_pages
        if scanned:  # said so: the operator cannot tell from "holds nothing" that OCR ran and saw none
            pages = f"{scanned} scanned page{'s' * (scanned != 1)}"
            raise CorruptDocument(f"no text: OCR found none on its {pages} (blank, or too faint"
                                  f" or small to read)", path=path)
        raise CorruptDocument(f"no text: the {document.source.format} file holds nothing to read", path=path)
    return document


def read_format(fmt: str, path: Path, settings: Settings, doc_id: str | None,
                environ: dict[str, str] | None = None) -> Document:
    """The reader of `fmt` on `path`: what runs in the limited child (picklable by name).

    `environ`: the caller's environment, for programs a reader starts (soffice on PATH); a child
    forked from the fork server would otherwise see the environment of the server's start.
    """
    if environ is not None:
        os.environ.clear()
        os.environ.update(environ)
    return READERS[fmt](path, settings=settings, doc_id=doc_id)


def _format_of(path: Path, settings: Settings) -> str:
    try:
        size = path.stat().st_size
        if size == 0:
            raise CorruptDocument("empty file (0 bytes)", path=path)
        if size > settings.max_file_bytes:
            raise LimitExceeded(f"{size_said(size)} exceeds max_file_bytes={settings.max_file_bytes}"
                                f" ({size_said(settings.max_file_bytes)})", path=path)
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
