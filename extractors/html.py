"""HTML pages: the article's main text, title and publication date, via trafilatura.

Why recall over precision: a missed paragraph loses findings for good, while a stray menu line
is caught later by the boilerplate filter or simply yields no finding.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from extractors._common import Part, default_doc_id, make_source
from extractors.boilerplate import clean_boilerplate
from extractors.encoding import decode_bytes
from pipeline.errors import CorruptDocument
from pipeline.models import Document, document_from_blocks
from pipeline.settings import Settings

LOGGER = logging.getLogger(__name__)
logging.getLogger("htmldate").setLevel(logging.WARNING)
logging.getLogger("trafilatura").setLevel(logging.WARNING)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe")
_BLOCK_XPATH = "//h1|//h2|//h3|//h4|//h5|//h6|//p|//li|//tr|//blockquote|//pre"


def declared_charset(data: bytes) -> str | None:
    """The charset the page declares in a <meta> tag within its first 4 KiB, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def read_html(path: Path, *, settings: Settings, doc_id: str | None = None) -> Document:
    data = path.read_bytes()
    markup, _ = decode_bytes(data, declared_charset(data))
    if not markup.strip():
        raise CorruptDocument("HTML file has no content", path=path)
    result = _trafilatura(markup)
    reader = "html.trafilatura"
    text = result.get("text") or ""
    if not text.strip():
        text, reader = _lxml_text(markup, path), "html.lxml"
    lines = [line for line in clean_boilerplate(text).split("\n") if line.strip()]
    parts: list[Part] = [(line, None, "paragraph", None) for line in lines]
    source = make_source(path, data, "html", reader, title=result.get("title") or _first(lines),
                         published=result.get("date"), url=result.get("url"))
    return document_from_blocks(default_doc_id(path, doc_id), parts, source)


def _first(lines: list[str]) -> str | None:
    return lines[0].strip() if lines else None


def _trafilatura(markup: str) -> dict[str, Any]:
    """trafilatura's text and metadata as a dict; {} when it finds no main content."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        markup, favor_recall=True, include_tables=True, include_comments=False,
        with_metadata=True, date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None:
        return {}
    return doc if isinstance(doc, dict) else doc.as_dict()


def _lxml_text(markup: str, path: Path) -> str:
    """Fallback: the text of every block element outside navigation, one per line."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        tree = lxml.html.fromstring(markup)
    except (ParserError, ValueError) as e:
        raise CorruptDocument(f"unparseable HTML: {e}", path=path) from e
    for element in tree.xpath("|".join(f"//{tag}" for tag in _DROP_TAGS)):
        element.drop_tree()
    lines = [" ".join(el.text_content().split()) for el in tree.xpath(_BLOCK_XPATH)
             if not el.xpath("ancestor::p|ancestor::li|ancestor::tr")]
    if not any(lines):
        lines = [" ".join(line.split()) for line in tree.text_content().split("\n")]
    return "\n".join(line for line in lines if line)
