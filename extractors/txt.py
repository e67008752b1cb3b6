"""Plain text: decode, drop portal widget lines, one block per blank-line separated paragraph."""

from __future__ import annotations

import logging
from pathlib import Path

from core.headline import head_lines, headline
from core.models import Document, document_from_blocks
from core.settings import Settings
from extractors._common import default_doc_id, make_source, split_paragraphs
from extractors.boilerplate import clean_boilerplate
from extractors.encoding import decode_bytes
from extractors.text_quality import misdecoded_warning
from extractors.title import choose_title

LOGGER = logging.getLogger(__name__)


def read_txt(path: Path, *, settings: Settings, doc_id: str | None = None) -> Document:
    """The title is an administrative document's own heading (extractors.title, as every reader
    reads it: the kind line and its subject, or "V/v …"), else the headline an article's dump
    opens with (core.headline: its first line when written as a headline, not the lead paragraph
    a dump copied from below it), else none. Why both: a plain text is as often a report saved
    as text as a news page, and a report's first short line is its letterhead or the motto."""
    data = path.read_bytes()
    text, encoding = decode_bytes(data)
    paragraphs = split_paragraphs(clean_boilerplate(text))
    lines = head_lines(paragraphs)
    # The paragraphs' breaks kept for the heading's rule: a kind line's subject ends at a blank
    # line, and without them it ran on into the body ("BÁO CÁO Kết quả kiểm tra … Qua kiểm tra tại …")
    title = choose_title(head_lines(paragraphs, breaks=True), None) or headline(lines)
    source = make_source(path, data, "txt", f"txt.{encoding}", title=title or None)
    warning = misdecoded_warning(text, encoding)
    return document_from_blocks(
        default_doc_id(path, doc_id), [(p, None, "paragraph", None) for p in paragraphs], source,
        warnings=(warning,) if warning else (),
    )
