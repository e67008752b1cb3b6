"""What the web tests share besides fixtures: reading a page (its links, its result count) and a
client whose pages ask for a login.

Why a module of its own, imported by name: conftest.py is no module to import from (every test
folder has one, and `from conftest import …` got whichever conftest pytest had loaded last:
tests/flows' when collected before tests/web). This name is unique in tests/.
"""

from __future__ import annotations

import html
import re

from starlette.testclient import TestClient
from webstore import WebData

from web.app import create_app
from web.auth import AuthConfig


def links(page: str, pattern: str) -> list[str]:
    """The hrefs of `page` matching `pattern`, unescaped as a browser would follow them."""
    return [
        html.unescape(h) for h in re.findall(r'href="([^"]*)"', page) if re.search(pattern, html.unescape(h))
    ]


def count_of(page: str) -> int:
    """The number of findings a search page says it found."""
    match = re.search(r"<strong>([\d.]+)</strong> phát hiện", page)
    assert match, page[:2000]
    return int(match.group(1).replace(".", ""))


def auth_client(data: WebData, accounts: dict[str, str]) -> TestClient:
    """A client over `data` whose pages need a login with one of `accounts` (name → argon2 hash)."""
    return TestClient(
        create_app(data.settings, AuthConfig(required=True, accounts=accounts)),
        raise_server_exceptions=False,
        follow_redirects=False,
    )


def hints(stderr: str) -> str:
    """A `kiemtra search`'s stderr without its "read as" line (what the search understood of the
    words, said on every search with words: tests/web/test_understood.py): the hints alone."""
    lines = stderr.splitlines(keepends=True)
    return "".join(line for line in lines if not line.startswith("kiemtra: read as: "))
