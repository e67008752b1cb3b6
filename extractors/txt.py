"""Plain text: decode, drop portal widget lines, one block per blank-line separated paragraph."""

from __future__ import annotations

import logging
from pathlib import Path

from core.models import Document, document_from_blocks
from core.settings import Settings
from extractors._common import default_doc_id, make_source, split_paragraphs
from extractors.boilerplate import clean_boilerplate
from extractors.encoding import decode_bytes

LOGGER = logging.getLogger(__name__)


def read_txt(path: Path, *, settings: Settings, doc_id: str | None = None) -> Document:
    """Why the first paragraph is the title: text dumps of articles start with the headline."""
    data = path.read_bytes()
    text, encoding = decode_bytes(data)
    paragraphs = split_paragraphs(clean_boilerplate(text))
    title = paragraphs[0].split("\n")[0].strip() if paragraphs else None
    source = make_source(path, data, "txt", f"txt.{encoding}", title=title or None)
    return document_from_blocks(
        default_doc_id(path, doc_id), [(p, None, "paragraph", None) for p in paragraphs], source
    )
