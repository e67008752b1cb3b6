"""HTML markup pasted into a query: the text a page shows, not the tags' letters.

Why: staff copy a sentence from a portal's page source, a CMS editor or an e-mail, and the
query arrives as "<b>phiếu</b> hẹn" or "phiếu&nbsp;hẹn". The grammar (index/query) cuts
words at punctuation, so "<b>" became the word "b" glued to "phiếu" ("b phiếu b", one joined
term): 7 findings where "phiếu hẹn" finds 106. A tag is markup, and an entity is one character;
neither is a word anyone asked for. Cleaned once, where the query's text is read (`parse`, and the
reranker's reading of the whole text), so both engines, the CLI and the web page read the same
words, planned exactly as the text typed without the markup.

What counts as markup is narrow on purpose, so nothing a person types as words is lost: a tag
is an HTML element's name (`ELEMENTS`, index/markup.toml: the names a page's source holds; not a
Vietnamese word in angle brackets, "<phiếu hẹn>", nor "< 50 %"), opening, closing or empty, with
its attributes; an entity is written whole with its semicolon ("&nbsp;", "&#7871;"), so
"BPTN&TKQ" and "TN&MT" keep their ampersand. The content of <script> and <style> is not shown by
a page: it goes with its tags. A quoted phrase keeps its quotes and a document number its slashes and
dashes ("<i>139/QĐ-UBND</i>" is the number).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from core.tables import read_table

ELEMENTS_FILE = Path(__file__).with_name("markup.toml")


def _elements() -> dict[str, frozenset[str]]:
    """The element names by kind, read as every data table is (core.tables)."""
    table = read_table(ELEMENTS_FILE, "the HTML element names")
    return {kind: frozenset(names) for kind, names in table.items()}


_KINDS = _elements()
INLINE = _KINDS["inline"]  # vanish: inside a word's run
BLOCK = _KINDS["block"]  # a space: they break the line or the block
HIDDEN = _KINDS["hidden"]  # removed with their content (markup.toml says why)
ELEMENTS = INLINE | BLOCK | HIDDEN

_NAME = r"[A-Za-z][A-Za-z0-9]*"
# <name attr="…" …>, </name>, <name/>: the attributes may hold ">" only inside quotes.
_TAG = re.compile(rf"<(/?)({_NAME})(?:\s(?:[^<>\"']|\"[^\"]*\"|'[^']*')*)?/?>")
_HIDDEN_BLOCK = re.compile(rf"<({'|'.join(sorted(HIDDEN))})\b[^>]*>.*?(?:</\1\s*>|$)",
                           re.IGNORECASE | re.DOTALL)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unmarked(text: str) -> str:
    """`text` without the HTML markup pasted into it: tags of `ELEMENTS` removed (an inline one
    with nothing in its place, any other with a space), <script>/<style> with their content, and
    entities written whole decoded ("&nbsp;" → a space, "&amp;" → "&"). Text holding no markup
    comes back as it is, character for character.

    Markup escaped as text is markup too, however many times: a page's source viewed through
    another page (a CMS preview, a forum post quoting the source, an e-mail of the HTML) writes
    "<b>" as "&lt;b&gt;", and escaped again "&amp;lt;b&amp;gt;"; decoded once it was the text "<b>",
    whose "b" was read as a word ("&lt;b&gt;phiếu&lt;/b&gt; hẹn" was "b phiếu b hẹn"). So the
    cleaning is repeated on what the entities decode to, until nothing changes: each round
    decodes at least one entity (a shorter text), so it ends. What an escaped "<" does not open
    as an element's tag ("&lt;phiếu hẹn&gt;", "&lt; 50 %") stays as the text it decodes to."""
    if "<" not in text and "&" not in text:
        return text
    while True:  # markup escaped once more each round ("&lt;b&gt;", "&amp;lt;b&amp;gt;")
        shown = _ENTITY.sub(_entity_replacement, _TAG.sub(_tag_replacement, _HIDDEN_BLOCK.sub(" ", text)))
        if shown == text or ("<" not in shown and "&" not in shown):
            return shown
        text = shown


def _tag_replacement(match: re.Match[str]) -> str:
    name = match.group(2).lower()
    if name not in ELEMENTS:
        return match.group()
    return "" if name in INLINE else " "


def _entity_replacement(match: re.Match[str]) -> str:
    decoded = html.unescape(match.group())
    return " " if decoded.isspace() else decoded  # &nbsp; and its kin separate words as a space does
