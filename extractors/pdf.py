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

from core.errors import ConfigError, CorruptDocument, EncryptedDocument, LimitExceeded
from core.models import Document, document_from_blocks
from core.settings import Settings
from core.wrapping import runs_on
from extractors._common import Part, default_doc_id, make_source, part_lines, read_file
from extractors.layout import apply_layout, count_path_objects, is_page_number, is_table_row
from extractors.ocr import check_ocr, check_pixels, ocr_image, render_dpi
from extractors.sandbox import map_limited, run_limited
from extractors.text_quality import needs_ocr, repair_text_layer, usable_chars
from extractors.title import choose_title

LOGGER = logging.getLogger(__name__)

_PASSWORD_ERROR = 4  # FPDF_ERR_PASSWORD
_SENTENCE_END = (".", ":", ";", "!", "?")
_NEW_ITEM = re.compile(r"^\s*(?:[-+•*–]|\d{1,2}[.)]|[a-zđ][.)]|[IVXL]{1,5}[.)]|Điều\s+\d|Chương\s+[IVXL\d])")


OCR_MODES = ("auto", "force", "never")


def read_pdf(path: Path, *, settings: Settings, doc_id: str | None = None) -> Document:
    data = read_file(path, settings.max_file_bytes)
    layer = run_limited(text_layer, (data, settings.max_pages), path=path,
                        timeout_s=settings.parse_timeout_s, memory_mb=settings.parse_memory_mb)
    pages: list[str] = apply_layout(path, data, layer["pages"], layer["paths"], settings)
    pages = [repair_text_layer(text, settings) for text in pages]  # TCVN3/VNI layers: convert, not OCR
    to_ocr = pages_to_ocr(pages, settings)
    ocr_parts: dict[int, list[Part]] = {}
    if to_ocr:
        check_ocr(settings.ocr_lang, path)
        jobs = [(i, settings.ocr_dpi, settings.ocr_lang, settings.max_image_pixels) for i in to_ocr]
        results = map_limited(ocr_pdf_page, jobs, path=path, timeout_s=settings.parse_timeout_s,
                              memory_mb=settings.parse_memory_mb, workers=settings.workers, shared=(data,))
        ocr_parts = dict(zip(to_ocr, results, strict=True))
    parts: list[Part] = []
    for i, text in enumerate(pages):
        if i in ocr_parts:
            parts.extend(ocr_parts[i])
        else:
            parts.extend((p, i + 1, "table" if is_table_row(p) else "paragraph", None) for p in reflow(text))
    parts = joined_across_pages(parts)
    # An OCR'd first page gives its parts' lines; a text layer its own lines, before reflow joins them.
    first_page = part_lines(ocr_parts[0]) if 0 in ocr_parts else pages[0].splitlines() if pages else []
    reader = "pdf.ocr" if len(to_ocr) == len(pages) and pages else "pdf.text+ocr" if to_ocr else "pdf.text"
    source = make_source(path, data, "pdf", reader, title=choose_title(first_page, layer["title"]),
                         published=layer["published"], pages=len(pages), ocr_pages=len(to_ocr))
    return document_from_blocks(default_doc_id(path, doc_id), parts, source)


def joined_across_pages(parts: list[Part]) -> list[Part]:
    """`parts` with a page's last paragraph joined to the next page's first where one sentence
    runs on across the page break.

    Why: each page is read alone (its text layer reflowed, or OCR'd), so a sentence that a page
    break cuts, "… tại Bộ phận" / "một cửa chưa cấp phiếu hẹn …", became two paragraphs; the NLP
    splits findings at paragraphs, so the finding lost its end and the next began mid-sentence.

    Joined only where the text shows a run-on as a wrapped line does (`core.wrapping.runs_on`:
    the page ends with no stop, colon or semicolon, the next page starts in lower case, neither
    is a heading in capitals, a list item, a field or a table row; a Vietnamese sentence, heading
    or caption never starts in lower case), both are paragraphs (not a table's rows) and the pages
    follow each other; a page number alone at the page's foot between the halves is dropped
    (`_run_on_from`), one closing a paragraph is not the paragraph's end. The running headers and
    footers of a text layer are gone before this (`extractors.layout.remove_running_lines`); on
    an OCR'd page a header in capitals stops the join by the rule above. The joined paragraph
    keeps the page it starts on; its confidence is the lower of the two."""
    out: list[Part] = []
    for part in parts:
        at = _run_on_from(out, part)
        if at is not None:
            text, page, kind, confidence = out[at]
            del out[at:]  # the part run on, and a page number left between the halves
            lower = None if confidence is None or part[3] is None else min(confidence, part[3])
            out.append((f"{_without_foot_number(text)} {part[0].lstrip()}", page, kind, lower))
        else:
            out.append(part)
    return out


def _run_on_from(out: list[Part], following: Part) -> int | None:
    """The index in `out` of the part `following` runs on from: the last one, or the one before
    it when the last is its page's number alone (`_lone_page_number`); None when it starts anew.

    Why past a page number: an OCR'd page keeps its footer ("Trang 1/2" at the foot), read after
    the page's last paragraph, so the number stood between the two halves of the sentence and
    stopped the join. A page number says nothing of the text; the layout step drops a text
    layer's the same way (`extractors.layout.remove_running_lines`). Only when the number is
    alone in its part, the last of its page, and the part before it is of the same page: a
    number inside a paragraph is the paragraph's ("điểm 2"), and one elsewhere is no foot."""
    if not out:
        return None
    if _runs_across(out[-1], following):
        return len(out) - 1
    if (len(out) >= 2 and _lone_page_number(out[-1]) and out[-2][1] == out[-1][1]
            and _runs_across(out[-2], following)):
        return len(out) - 2
    return None


def _lone_page_number(part: Part) -> bool:
    """Whether `part` is a page number alone on its line ("Trang 1/2", "- 1 -"): a paragraph of
    one line that `extractors.layout.is_page_number` reads as one."""
    text, _, kind, _ = part
    return kind == "paragraph" and "\n" not in text.strip() and is_page_number(text)


def _without_foot_number(text: str) -> str:
    """`text` without a last line that is a page number alone, when other lines come before it:
    the foot of an OCR'd page read into the page's last paragraph."""
    head, _, last = text.rstrip().rpartition("\n")
    return head.rstrip() if head.strip() and is_page_number(last) else text.rstrip()


def _runs_across(previous: Part, following: Part) -> bool:
    (before, page_before, kind_before, _), (after, page_after, kind_after, _) = previous, following
    if page_before is None or page_after != page_before + 1:
        return False
    if kind_before != "paragraph" or kind_after != "paragraph":
        return False
    last = _without_foot_number(before).rsplit("\n", 1)[-1]
    if is_page_number(last):  # the part is a page number alone (`_run_on_from` looks past it)
        return False
    return runs_on(last, after.lstrip().split("\n", 1)[0])


def pages_to_ocr(pages: list[str], settings: Settings) -> list[int]:
    """Indices of the pages to OCR under the `ocr` setting: "auto" those whose text layer is
    missing or not Vietnamese, "force" all, "never" only those without any text."""
    if settings.ocr not in OCR_MODES:
        raise ConfigError(f"setting ocr={settings.ocr!r} must be one of {', '.join(OCR_MODES)}")
    if settings.ocr == "force":
        return list(range(len(pages)))
    if settings.ocr == "never":
        return [i for i, text in enumerate(pages) if not usable_chars(text)]
    return [i for i, text in enumerate(pages) if needs_ocr(text, settings)]


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


def text_layer(data: bytes, max_pages: int) -> dict[str, Any]:
    """Child-process body: every page's text layer plus the title from the PDF info."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if getattr(e, "err_code", None) == _PASSWORD_ERROR or "password" in str(e).lower():
            raise EncryptedDocument("password-protected PDF") from e
        raise CorruptDocument(f"broken PDF: {e}") from e
    try:
        if len(pdf) > max_pages:
            raise LimitExceeded(f"{len(pdf)} pages exceeds max_pages={max_pages}")
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


def ocr_pdf_page(data: bytes, index: int, dpi: int, lang: str, max_pixels: int) -> list[Part]:
    """Child-process body: render one page at `dpi`, in colour (stamps are dropped by colour), and OCR it."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        page = pdf[index]
        width, height = page.get_size()
        scale = render_dpi(page, dpi) / 72
        check_pixels(int(width * scale), int(height * scale), max_pixels, None)
        image = page.render(scale=scale).to_pil().convert("RGB")
        page.close()
    finally:
        pdf.close()
    return ocr_image(image, lang=lang, page=index + 1)
