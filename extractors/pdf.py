"""PDF: the text layer page by page (pypdfium2), OCR for the pages where it is missing or junk.

Why pypdfium2 and not pdfplumber: it is several times faster on the text layer (see
benchmarks/readers.py) and we do not need pdfplumber's character geometry. Both the parse and
the OCR run in limited child processes (extractors.sandbox), so a hostile file costs only itself.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from core.errors import CorruptDocument, EncryptedDocument, LimitExceeded
from core.models import Document, document_from_blocks
from core.settings import Settings
from extractors._common import Part, default_doc_id, make_source
from extractors.layout import apply_layout, count_path_objects, is_table_row
from extractors.ocr import check_ocr, check_pixels, ocr_image, render_dpi
from extractors.sandbox import map_limited, run_limited
from extractors.text_quality import needs_ocr, repair_text_layer

LOGGER = logging.getLogger(__name__)

_PASSWORD_ERROR = 4  # FPDF_ERR_PASSWORD
_SENTENCE_END = (".", ":", ";", "!", "?")
_NEW_ITEM = re.compile(r"^\s*(?:[-+•*–]|\d{1,2}[.)]|[a-zđ][.)]|[IVXL]{1,5}[.)]|Điều\s+\d|Chương\s+[IVXL\d])")


def read_pdf(path: Path, *, settings: Settings, doc_id: str | None = None) -> Document:
    data = path.read_bytes()
    layer = run_limited(text_layer, (str(path), settings.max_pages), path=path,
                        timeout_s=settings.parse_timeout_s, memory_mb=settings.parse_memory_mb)
    pages: list[str] = apply_layout(path, layer["pages"], layer["paths"], settings)
    pages = [repair_text_layer(text, settings) for text in pages]  # TCVN3/VNI layers: convert, not OCR
    to_ocr = [i for i, text in enumerate(pages) if needs_ocr(text, settings)]
    ocr_parts: dict[int, list[Part]] = {}
    if to_ocr:
        check_ocr(settings.ocr_lang, path)
        jobs = [(str(path), i, settings.ocr_dpi, settings.ocr_lang, settings.max_image_pixels)
                for i in to_ocr]
        results = map_limited(ocr_pdf_page, jobs, path=path, timeout_s=settings.parse_timeout_s,
                              memory_mb=settings.parse_memory_mb, workers=settings.workers)
        ocr_parts = dict(zip(to_ocr, results, strict=True))
    parts: list[Part] = []
    for i, text in enumerate(pages):
        if i in ocr_parts:
            parts.extend(ocr_parts[i])
        else:
            parts.extend((p, i + 1, "table" if is_table_row(p) else "paragraph", None) for p in reflow(text))
    reader = "pdf.ocr" if len(to_ocr) == len(pages) and pages else "pdf.text+ocr" if to_ocr else "pdf.text"
    source = make_source(path, data, "pdf", reader, title=layer["title"], published=layer["published"],
                         pages=len(pages), ocr_pages=len(to_ocr))
    return document_from_blocks(default_doc_id(path, doc_id), parts, source)


def reflow(page_text: str) -> list[str]:
    """Paragraphs of a page: layout line breaks inside a sentence become spaces.

    A line starts a new paragraph after a blank line, after a line ending a sentence or clause,
    when it opens a list item or article ("-", "1.", "a)", "Điều 3"), and on either side of an
    upper-case line (the letterhead, "THÔNG BÁO", section titles).
    """
    paragraphs: list[list[str]] = []
    previous = ""
    for raw in page_text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line:
            previous = ""
            continue
        if (not paragraphs or not previous or previous.endswith(_SENTENCE_END) or _NEW_ITEM.match(line)
                or _is_caps(line) or _is_caps(previous) or is_table_row(line) or is_table_row(previous)):
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
        previous = line
    return [" ".join(lines) for lines in paragraphs]


def _is_caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def text_layer(path: str, max_pages: int) -> dict[str, Any]:
    """Child-process body: every page's text layer plus title and date from the PDF info."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as e:
        if getattr(e, "err_code", None) == _PASSWORD_ERROR or "password" in str(e).lower():
            raise EncryptedDocument("password-protected PDF", path=path) from e
        raise CorruptDocument(f"broken PDF: {e}", path=path) from e
    try:
        if len(pdf) > max_pages:
            raise LimitExceeded(f"{len(pdf)} pages exceeds max_pages={max_pages}", path=path)
        pages, paths = [], []
        for page in pdf:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            paths.append(count_path_objects(page))
            textpage.close()
            page.close()
        meta = pdf.get_metadata_dict(skip_empty=True)
    finally:
        pdf.close()
    # CreationDate is when the file was made (a scan, a generator's placeholder), not when the
    # report was signed: the signing date comes from the text, so it is not read here.
    return {"pages": pages, "paths": paths, "title": meta.get("Title") or None, "published": None}


def ocr_pdf_page(path: str, index: int, dpi: int, lang: str, max_pixels: int) -> list[Part]:
    """Child-process body: render one page at `dpi` and OCR it."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        page = pdf[index]
        width, height = page.get_size()
        scale = render_dpi(page, dpi) / 72
        check_pixels(int(width * scale), int(height * scale), max_pixels, Path(path))
        image = page.render(scale=scale, grayscale=True).to_pil()
        page.close()
    finally:
        pdf.close()
    return ocr_image(image, lang=lang, page=index + 1)
