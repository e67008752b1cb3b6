"""What every reader shares: sniffing the real file type, the part list, the Source stamp.

Why sniff bytes: files arrive from e-mail and web portals with wrong extensions (a PDF saved as
.docx, an HTML page saved as .txt); the bytes decide, the extension only breaks ties.
"""

from __future__ import annotations

import logging
from pathlib import Path

from core.errors import CorruptDocument, EncryptedDocument, LimitExceeded, ReaderError, UnsupportedFormat
from core.models import Source, sha256_bytes

LOGGER = logging.getLogger(__name__)

# (text, page, kind, confidence): the shape `document_from_blocks` joins.
Part = tuple[str, int | None, str, float | None]

SNIFF_BYTES = 8192
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta ", b"<div", b"<p>", b"<table")
_IMAGE_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"II*\x00", "image"),
    (b"MM\x00*", "image"),
)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_OOXML = "EncryptedPackage".encode("utf-16-le")
_WORD_STREAM = "WordDocument".encode("utf-16-le")  # the directory entry every binary .doc has
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def sniff_format(head: bytes, path: Path, data_for_ole: bytes | None = None) -> str:
    """The reader format ("txt", "html", "docx", "pdf", "image") the bytes really are.

    A binary Word 97–2003 file (.doc) is "docx": the DOCX reader converts it first (extractors.doc).
    Raises UnsupportedFormat for binary kinds no reader handles, EncryptedDocument for a
    password-protected Office file (an OLE container holding an EncryptedPackage stream).
    """
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    for magic, fmt in _IMAGE_MAGIC:
        if head.startswith(magic):
            return fmt
    if head.startswith(OLE_MAGIC):
        if data_for_ole is not None and _ENCRYPTED_OOXML in data_for_ole:
            raise EncryptedDocument("password-protected Office document", path=path)
        if _WORD_STREAM in (data_for_ole or head):
            return "docx"
        raise UnsupportedFormat("legacy binary Office file (.doc/.xls); save it as .docx", path=path)
    if _looks_binary(head):
        raise UnsupportedFormat("binary content of an unknown kind", path=path)
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(_UTF16_BOMS):
        lowered = head[2:].decode("utf-16", errors="ignore").encode("ascii", errors="ignore").lower()
    if any(lowered.startswith(m) for m in _HTML_MARKERS[:3]) or (
        path.suffix.lower() in (".html", ".htm") and any(m in lowered for m in _HTML_MARKERS)
    ) or sum(lowered.count(m) for m in _HTML_MARKERS) >= 3:
        return "html"
    return "txt"


def _looks_binary(head: bytes) -> bool:
    """NUL bytes mean binary, unless the text is UTF-16 (BOM, or one byte lane of NULs)."""
    if not head or head.startswith(_UTF16_BOMS):
        return False
    if head.count(b"\x00") == 0:
        return False
    return not _looks_utf16(head)


def _looks_utf16(head: bytes) -> bool:
    """UTF-16 without BOM: one lane holds the Unicode "page" of each character and the other none.

    Vietnamese is not ASCII-only, so the page lane is not all NUL: ư, đ are on page 0x01, the
    toned letters on 0x1E, “ ” – on 0x20. What marks UTF-16 is that lane being mostly NUL with
    few distinct values, while the other lane has no NUL at all.
    """
    for pages, codes in ((head[1::2], head[0::2]), (head[0::2], head[1::2])):
        if pages.count(0) > 0.5 * len(pages) and codes.count(0) == 0 and len(set(pages)) <= 16:
            return True
    return False


def read_file(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, read once: the reader hashes and parses these same bytes, so a file
    swapped while it is read can never be stored under one version's hash with another's text."""
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as e:
        raise ReaderError(f"cannot open: {e.strerror or e}", path=path) from e
    if len(data) > max_bytes:
        raise LimitExceeded(f"more than max_file_bytes={max_bytes} bytes", path=path)
    if not data:
        raise CorruptDocument("empty file (0 bytes)", path=path)
    return data


def make_source(path: Path, data: bytes, fmt: str, reader: str, **meta: object) -> Source:
    """The provenance stamp every reader puts on its Document, built in one place."""
    return Source(path=str(path), sha256=sha256_bytes(data), format=fmt, reader=reader,
                  size=len(data), **meta)  # type: ignore[arg-type]


def part_lines(parts: list[Part]) -> list[str]:
    """The lines of OCR'd parts, where a title is looked for (a letterhead column's lines are
    joined by newlines in one part)."""
    return [line for text, _, _, _ in parts for line in text.split("\n")]


def default_doc_id(path: Path, doc_id: str | None) -> str:
    return doc_id if doc_id else path.stem


def split_paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs, the unit plain text and web dumps share."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            current.append(line.rstrip())
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return paragraphs
