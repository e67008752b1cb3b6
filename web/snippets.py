"""Search snippets made safe for the page, whatever the backend returned.

Why re-escape: both backends promise HTML-safe snippets with matches in <mark>…</mark>
(index/base.py), and the SQLite one escapes with html.escape; but a snippet is document text,
and the page must not trust a promise about document text. So the snippet is cut at its
<mark> tags, every piece is unescaped and escaped again (a no-op on a well-escaped piece, and a
raw "<script>" becomes text), and only balanced <mark> tags are put back.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup

_MARK = re.compile(r"(</?mark>)")


def safe_snippet(snippet: str) -> Markup:
    """The snippet as Markup: escaped text, with only the <mark> tags of its matches kept."""
    out: list[str] = []
    open_mark = False
    for piece in _MARK.split(snippet):
        if piece == "<mark>":
            if not open_mark:
                out.append("<mark>")
                open_mark = True
        elif piece == "</mark>":
            if open_mark:
                out.append("</mark>")
                open_mark = False
        else:
            out.append(html.escape(html.unescape(piece), quote=True))
    if open_mark:
        out.append("</mark>")
    return Markup("".join(out))
