"""RSS and Atom feeds, and the operator's list of feeds and pages.

Why by hand with xml.etree: we only need the item links, and a feed is untrusted input from the
network. `defusedxml` is not installed, so any document that declares a DTD or an entity is
refused outright (that is where billion-laughs and external-entity attacks live; real feeds
never need one). Elements are matched by local name, so RSS 2.0, RSS 1.0 (RDF) and Atom, with
or without namespace prefixes, read the same way.
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

from core.errors import ConfigError, CorruptDocument, UnsupportedFormat

__all__ = ["looks_like_feed", "parse_feed", "read_feed_list"]

LOGGER = logging.getLogger(__name__)

FEED_ROOTS = frozenset({"rss", "feed", "rdf"})
ITEM_TAGS = frozenset({"item", "entry"})
FEED_CONTENT_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
_DECLARATION = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
# The first element's name, after an optional BOM, XML declaration, comments and whitespace.
_ROOT_TAG = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*)*<([A-Za-z_][\w.:-]*)",
                       re.DOTALL)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    """True when the bytes are an RSS/Atom document: the root element decides, not the server.

    Portals often serve feeds as text/xml or even text/html, and an XHTML page is XML too, so
    the content type only counts for the feed-specific types.
    """
    if content_type.split(";")[0].strip().lower() in FEED_CONTENT_TYPES:
        return True
    match = _ROOT_TAG.match(_as_utf8(data)[:4096])
    return match is not None and _local(match.group(1).decode("ascii", "replace")) in FEED_ROOTS


def parse_feed(data: bytes, base_url: str = "") -> list[str]:
    """Item links of an RSS 2.0, RSS 1.0 or Atom feed, in feed order, without duplicates.

    Relative links are resolved against `base_url` (the feed's own URL). Raises
    UnsupportedFormat for a document declaring a DTD or entities, CorruptDocument for bytes that
    are not well-formed XML or not a feed.
    """
    data = _as_utf8(data)
    if _DECLARATION.search(data):
        raise UnsupportedFormat("feed declares a DTD or entities; refused as unsafe XML",
                                path=base_url or None)
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        raise CorruptDocument(f"feed is not well-formed XML: {e}", path=base_url or None) from e
    if _local(root.tag) not in FEED_ROOTS:
        raise CorruptDocument(f"not an RSS or Atom feed (root element <{_local(root.tag)}>)",
                              path=base_url or None)
    links: list[str] = []
    for element in root.iter():
        if _local(element.tag) in ITEM_TAGS:
            link = _item_link(element)
            if link:
                resolved = _resolved(base_url, link)
                if resolved not in links:
                    links.append(resolved)
    LOGGER.debug("feed %s: %d item links", base_url or "(bytes)", len(links))
    return links


def read_feed_list(path: Path) -> list[str]:
    """The URLs of a feeds file: one per line; blank lines and `#` comments are ignored.

    A comment starts a line or follows whitespace, so a URL's own `#fragment` survives.
    Duplicates are dropped, order kept. A missing file is a ConfigError: the setting is wrong.
    """
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as e:
        raise ConfigError(f"cannot read the feeds file: {e.strerror or e}", path=path) from e
    urls: list[str] = []
    for line in text.splitlines():
        url = re.split(r"(?:^|\s)#", line, maxsplit=1)[0].strip()
        if url and url not in urls:
            urls.append(url)
    return urls


def _resolved(base_url: str, link: str) -> str:
    """`link` made absolute against the feed's URL; a malformed link ("http://[::1/x") is kept as
    written, so the fetch fails for that item alone with one line, not the whole feed."""
    try:
        return urljoin(base_url, link) if base_url else link
    except ValueError:
        return link


def _item_link(item: ET.Element) -> str | None:
    """Atom: the alternate <link href>; RSS: <link> text, else a permalink <guid>."""
    guid: str | None = None
    for child in item:
        name = _local(child.tag)
        if name == "link":
            href = child.get("href")
            if href is not None:
                if child.get("rel", "alternate") == "alternate":
                    return href.strip()
            elif child.text and child.text.strip():
                return child.text.strip()
        elif name == "guid" and child.get("isPermaLink", "true").lower() != "false":
            guid = (child.text or "").strip()
    about = next((v for k, v in item.attrib.items() if _local(k) == "about"), "")
    # Many portals put a bare id in <guid> without isPermaLink="false": only a URL is a link.
    return next((c for c in (guid, about) if c and c.startswith(("http://", "https://"))), None)


def _local(tag: str) -> str:
    """'{ns}name' or 'prefix:name' → 'name', lower-cased ('rdf:RDF' → 'rdf')."""
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()


def _as_utf8(data: bytes) -> bytes:
    """UTF-16 feeds re-encoded as UTF-8 so the DTD check and root sniffing see their text."""
    if data.startswith(_UTF16_BOMS):
        text = data.decode("utf-16")
        return re.sub(r"^(<\?xml[^>]*?)\sencoding=[\"'][^\"']*[\"']", r"\1", text).encode("utf-8")
    return data
