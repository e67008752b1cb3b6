"""Word documents: body paragraphs and tables in reading order, then headers and footers once.

Why walk the body XML: python-docx's `paragraphs` and `tables` are two separate lists, which
would move every table to the end; an inspection report's tables (scores per criterion) belong
where the author put them.

Why text run by run: old reports mix Unicode runs with runs typed in TCVN3 (.VnTime, and
.VnTimeH for capitals) or VNI (VNI-Times) fonts, whose letters are stored as Latin-1 mojibake.
The run's font (its own, its style's, or the document default) names the encoding; runs with no
such font are judged by the text itself (extractors.text_quality.detect_legacy), per paragraph.
"""

from __future__ import annotations

import io
import itertools
import logging
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.errors import CorruptDocument, LimitExceeded, UnsupportedFormat
from core.models import Document, document_from_blocks
from core.settings import Settings
from extractors._common import OLE_MAGIC, Part, default_doc_id, make_source
from extractors.doc import doc_to_docx
from extractors.legacy import font_encoding, from_legacy
from extractors.text_quality import detect_legacy, has_latin1_letters, is_unicode_vietnamese, repair_legacy
from extractors.title import choose_title

LOGGER = logging.getLogger(__name__)

_W_URI = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{" + _W_URI + "}"
_NS = {"w": _W_URI}


def check_zip(data: bytes, path: Path, settings: Settings) -> None:
    """Refuse a non-zip, a zip without a Word body, or a zip bomb before python-docx opens it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError) as e:
        raise CorruptDocument(f"not a valid DOCX (zip) file: {e}", path=path) from e
    total = sum(info.file_size for info in infos)
    if total > settings.max_docx_uncompressed_bytes:
        raise LimitExceeded(
            f"DOCX unpacks to {total} bytes, over max_docx_uncompressed_bytes="
            f"{settings.max_docx_uncompressed_bytes}", path=path)
    if "word/document.xml" not in {info.filename for info in infos}:
        raise UnsupportedFormat("zip archive without word/document.xml (not a DOCX)", path=path)


def read_docx(path: Path, *, settings: Settings, doc_id: str | None = None) -> Document:
    """A DOCX, or a legacy binary .doc converted to DOCX by LibreOffice first."""
    import docx

    original = path.read_bytes()
    legacy_doc = original.startswith(OLE_MAGIC)
    data = doc_to_docx(path, settings) if legacy_doc else original
    check_zip(data, path, settings)
    try:
        document = docx.Document(io.BytesIO(data))
    except (KeyError, ValueError, zipfile.BadZipFile) as e:
        raise CorruptDocument(f"broken DOCX structure: {e}", path=path) from e
    except SyntaxError as e:  # lxml's XMLSyntaxError: malformed, or nested past libxml2's depth limit
        raise CorruptDocument(f"DOCX XML cannot be parsed: {e}", path=path) from e
    fonts = RunFonts.of(document)
    body = list(_body_parts(document, fonts))
    headers, footers = _header_footer_parts(document, fonts)
    parts = headers + body + footers
    lines = [line for text, _, _, _ in body for line in text.split("\n")]
    title = choose_title(lines, repair_legacy(document.core_properties.title)[0]) or next(
        (text for text, _, kind, _ in body if kind == "heading"), None)
    fmt, reader = ("doc", "doc.soffice+python-docx") if legacy_doc else ("docx", "docx.python-docx")
    source = make_source(path, original, fmt, reader, title=title or None)
    return document_from_blocks(default_doc_id(path, doc_id), parts, source)


@dataclass(frozen=True)
class RunFonts:
    """Where a run's font comes from when the run does not name one: its styles, then the defaults."""

    style_fonts: dict[str, str]
    style_parents: dict[str, str]
    default_font: str | None
    default_paragraph_style: str | None

    @classmethod
    def of(cls, document: Any) -> RunFonts:
        styles = document.styles.element
        fonts: dict[str, str] = {}
        parents: dict[str, str] = {}
        for style in _xpath(styles, "./w:style"):
            style_id = style.get(f"{_W}styleId")
            if style_id is None:
                continue
            font = _font_of(style)
            if font:
                fonts[style_id] = font
            parent = _first(_xpath(style, "./w:basedOn/@w:val"))
            if parent:
                parents[style_id] = parent
        default = _font_of(next(iter(_xpath(styles, "./w:docDefaults/w:rPrDefault")), None))
        normal = _xpath(styles, "./w:style[@w:type='paragraph' and @w:default='1']/@w:styleId")
        return cls(fonts, parents, default, normal[0] if normal else None)

    def style_font(self, style_id: str | None) -> str | None:
        seen: set[str] = set()
        while style_id and style_id not in seen:
            if style_id in self.style_fonts:
                return self.style_fonts[style_id]
            seen.add(style_id)
            style_id = self.style_parents.get(style_id)
        return None

    def of_run(self, run: Any, paragraph_style: str | None) -> str | None:
        """The font Word draws the run's Latin-1 characters with (w:hAnsi before w:ascii)."""
        return (_font_of(run) or self.style_font(_first(_xpath(run, "./w:rPr/w:rStyle/@w:val")))
                or self.style_font(paragraph_style or self.default_paragraph_style) or self.default_font)


def _font_of(element: Any) -> str | None:
    if element is None:
        return None
    return _first(_xpath(element, "./w:rPr/w:rFonts/@w:hAnsi")
                  or _xpath(element, "./w:rPr/w:rFonts/@w:ascii"))


def _xpath(element: Any, expression: str) -> list[Any]:
    """XPath with the w: prefix bound, for python-docx's own elements and plain lxml ones alike."""
    from lxml import etree

    return list(etree._Element.xpath(element, expression, namespaces=_NS))


def _first(values: list[Any]) -> Any:
    return values[0] if values else None


def paragraph_text(paragraph: Any, fonts: RunFonts) -> str:
    """The paragraph's text with every TCVN3/VNI run converted to Unicode."""
    runs = _xpath(paragraph._p, "./w:r | ./w:hyperlink/w:r")
    texts = [run.text for run in runs]
    if not any(has_latin1_letters(text) for text in texts):
        return "".join(texts)
    style = _first(_xpath(paragraph._p, "./w:pPr/w:pStyle/@w:val"))
    labels = [_run_encoding(run, text, fonts, style) for run, text in zip(runs, texts, strict=True)]
    unlabelled = "".join(text for text, label in zip(texts, labels, strict=True) if label == _UNKNOWN)
    guessed = detect_legacy(unlabelled) if unlabelled else None
    labels = [(guessed, False) if label == _UNKNOWN else label for label in labels]
    pieces: list[str] = []
    # Consecutive runs in one encoding are converted together: a VNI letter can be split over runs.
    for (encoding, capitals), group in itertools.groupby(zip(labels, texts, strict=True), key=lambda p: p[0]):
        joined = "".join(text for _, text in group)
        pieces.append(from_legacy(joined, encoding, capitals=capitals) if encoding else joined)
    return "".join(pieces)


_UNKNOWN: tuple[str | None, bool] = ("?", False)


def _run_encoding(run: Any, text: str, fonts: RunFonts, style: str | None) -> tuple[str | None, bool]:
    """(encoding, capitals) of a run: from its font, (None, False) for Unicode, _UNKNOWN to guess."""
    if not has_latin1_letters(text) or is_unicode_vietnamese(text):
        return (None, False)
    by_font = font_encoding(fonts.of_run(run, style))
    return by_font if by_font is not None else _UNKNOWN


def _body_parts(document: Any, fonts: RunFonts) -> Iterator[Part]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in document.element.body.iterchildren():
        if child.tag == f"{_W}p":
            yield _paragraph_part(Paragraph(child, document), fonts)
        elif child.tag == f"{_W}tbl":
            yield from _table_parts(Table(child, document), fonts)


def _paragraph_part(paragraph: Any, fonts: RunFonts) -> Part:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    if style.startswith(("Heading", "Title")):
        kind = "heading"
    elif style.startswith("List") or paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None:
        kind = "list_item"
    else:
        kind = "paragraph"
    return (paragraph_text(paragraph, fonts), None, kind, None)


def _table_parts(table: Any, fonts: RunFonts) -> Iterator[Part]:
    """One block per row, cells joined by " | "; a merged cell is written once."""
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join("\n".join(paragraph_text(p, fonts) for p in cell.paragraphs).split()))
        if any(cells):
            yield (" | ".join(cells), None, "table", None)


def _header_footer_parts(document: Any, fonts: RunFonts) -> tuple[list[Part], list[Part]]:
    """Headers and footers of all sections, each distinct text once."""
    seen: set[str] = set()
    headers: list[Part] = []
    footers: list[Part] = []
    for section in document.sections:
        for part, out in ((section.header, headers), (section.footer, footers)):
            if part.is_linked_to_previous:
                continue
            for paragraph in part.paragraphs:
                text = paragraph_text(paragraph, fonts).strip()
                if text and text not in seen:
                    seen.add(text)
                    out.append((text, None, "paragraph", None))
            for table in part.tables:
                for row in _table_parts(table, fonts):
                    if row[0] not in seen:
                        seen.add(row[0])
                        out.append(row)
    return headers, footers
