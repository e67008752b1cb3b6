"""A Document's text as a person checks it: what was read, page by page.

Why: after OCR or a text-layer repair, the only way to know why a finding is missing is to see
the text the NLP saw. `kiemtra extract --format text` prints this, like trafilatura's text
output, with a marker where each page begins so a reading can be compared to the paper. No
control character from a file name, a title or the text reaches the terminal.
"""

from __future__ import annotations

from core.errors import printable
from core.models import Document
from core.normalize import strip_controls


def document_text(document: Document) -> str:
    """The header line, then the normalised text block by block, "--- page N ---" before each page."""
    source = document.source
    about = [source.reader]
    if source.pages is not None:
        about.append(f"{source.pages} page{'s' if source.pages != 1 else ''}")
    if source.ocr_pages:
        about.append(f"{source.ocr_pages} OCR")
    lines = [f"=== {printable(source.path)} ({', '.join(about)}) ==="]
    if source.title:
        lines.append(f"title: {printable(source.title)}")
    page: int | None = None
    for block in document.blocks:
        if block.page is not None and block.page != page:
            page = block.page
            lines.append(f"\n--- page {page} ---")
        lines.append("")
        lines.append(strip_controls(document.text[block.start:block.end]))
    return "\n".join(lines) + "\n"
