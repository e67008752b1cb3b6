"""HTML pages: the article's main text, title and publication date, via trafilatura.

Why recall over precision: a missed paragraph loses findings for good, while a stray menu line
is caught later by the boilerplate filter or simply yields no finding.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from core.errors import CorruptDocument
from core.models import Document, document_from_blocks
from core.settings import Settings
from extractors._common import Part, default_doc_id, make_source
from extractors.boilerplate import clean_boilerplate
from extractors.encoding import decode_bytes
from extractors.text_quality import misdecoded_warning

LOGGER = logging.getLogger(__name__)
logging.getLogger("htmldate").setLevel(logging.WARNING)
logging.getLogger("trafilatura").setLevel(logging.WARNING)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe")
_BLOCK_XPATH = "//h1|//h2|//h3|//h4|//h5|//h6|//p|//li|//tr|//blockquote|//pre"
# A table holding these is page layout (old portals put menus, sidebars and the article in cells),
# not data: a data table's cells hold words, numbers and at most paragraphs.
_LAYOUT_INSIDE = ".//table|.//div|.//form|.//h1|.//h2|.//h3|.//nav|.//select|.//iframe"
_LAYOUT_CELL_CHARS = 800
_WIDGET_CONTROLS = "//input[@type='radio' or @type='checkbox']|//select"
_WIDGET_BOX_CHARS = 400  # a poll or a link box around a control is short; an article is not


def declared_charset(data: bytes) -> str | None:
    """The charset the page declares in a <meta> tag within its first 4 KiB, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def read_html(path: Path, *, settings: Settings, doc_id: str | None = None) -> Document:
    data = path.read_bytes()
    markup, encoding = decode_bytes(data, declared_charset(data))
    if not markup.strip():
        raise CorruptDocument("HTML file has no content", path=path)
    uncluttered, warnings = _unclutter(markup)
    result = _trafilatura(uncluttered)
    reader = "html.trafilatura"
    text = _with_headline(result.get("text") or "", result.get("title"))
    if not text.strip():
        text, reader = _lxml_text(markup, path), "html.lxml"
    lines = [line for line in clean_boilerplate(text).split("\n") if line.strip()]
    parts: list[Part] = [(line, None, "paragraph", None) for line in lines]
    source = make_source(path, data, "html", reader, title=result.get("title") or _first(lines),
                         published=result.get("date"), url=result.get("url"))
    # Read on the page's stored text, not its markup: what is mis-decoded there is what search loses
    if misdecoded := misdecoded_warning("\n".join(lines), encoding):
        warnings.append(misdecoded)
    return document_from_blocks(default_doc_id(path, doc_id), parts, source, warnings=tuple(warnings))


def _first(lines: list[str]) -> str | None:
    return lines[0].strip() if lines else None


def _unclutter(markup: str) -> tuple[str, list[str]]:
    """The page with layout tables turned into divs and poll/link-box widgets removed.

    Why: trafilatura reads a table as data, so a portal laid out in a table came out as one
    "| menu | article | sidebar |" line; and a poll box ("Bình chọn": question, radio options)
    is short prose it keeps under favor_recall. Unparseable markup is returned as it is. The
    warnings say what the parser had to drop (text nested deeper than libxml2 allows).
    """
    import lxml.html
    from lxml.etree import ParserError

    parser = lxml.html.HTMLParser()
    try:
        tree = lxml.html.document_fromstring(markup, parser=parser)
    except (ParserError, ValueError):
        return markup, []
    warnings = sorted({f"the HTML parser hit a limit and lost the text past it ({e.message.split(',')[0]})"
                       for e in parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT"})
    lengths = _text_lengths(tree)
    for table in tree.xpath("//table"):
        if table.xpath(_LAYOUT_INSIDE) or any(
                lengths.get(cell, 0) > _LAYOUT_CELL_CHARS for cell in table.xpath(".//td|.//th")):
            for element in [table, *table.xpath(".//tbody|.//thead|.//tfoot|.//tr|.//td|.//th")]:
                element.tag = "div"
    for control in tree.xpath(_WIDGET_CONTROLS):
        box = _widget_box(control, lengths)
        if box is not None and box.getparent() is not None:
            for ancestor in box.iterancestors():  # the box's text leaves its ancestors with it
                lengths[ancestor] = lengths.get(ancestor, 0) - lengths.get(box, 0)
            box.drop_tree()
    return str(lxml.html.tostring(tree, encoding="unicode")), warnings


def _text_lengths(tree: Any) -> dict[Any, int]:
    """len(element.text_content()) of every element, computed in one bottom-up pass.

    Why: asking text_content() of each control's ancestors re-reads the whole page per control;
    a page of thousands of form controls took minutes (issue 16). This is linear in the page.
    """
    lengths: dict[Any, int] = {}
    for element in reversed(list(tree.iter())):
        if not isinstance(element.tag, str):  # comments and processing instructions hold no text
            continue
        total = len(element.text or "")
        for child in element:
            total += lengths.get(child, 0) + len(child.tail or "")
        lengths[element] = total
    return lengths


def _widget_box(control: Any, lengths: dict[Any, int]) -> Any:
    """The largest ancestor of a form control whose text is still short: the widget's box."""
    box = None
    for ancestor in control.iterancestors():
        if ancestor.tag in ("body", "html") or lengths.get(ancestor, 0) > _WIDGET_BOX_CHARS:
            break
        box = ancestor
    return box


def _with_headline(text: str, title: str | None) -> str:
    """The article text led by its headline when the extractor kept the headline only as metadata.

    Why: plain-text and DOCX readings start with the headline, and a headline often states the
    finding ("Xã ... cần đẩy mạnh ...") and names the unit; dropping it from the web reading
    would make the same article extract differently depending on its format.
    """
    if (not title or not text.strip()
            or " ".join(title.split()) in " ".join(text[:2 * len(title) + 200].split())):
        return text
    return f"{title.strip()}\n{text}"


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
