"""Item 2: a malformed link in a feed or in the feeds file costs that URL one line, nothing more.

Before the fix `http://[::1/x` raised ValueError from urljoin/urlsplit and ended the whole
nightly collection with 0 documents, the inbox included.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from hostile_helpers import ARTICLE, answer, loopback_server, make_settings

from pipeline.sources import collect

BAD = "http://[::1/x"


def _feed(base: str) -> bytes:
    items = "".join(f"<item><title>t</title><link>{link}</link></item>"
                    for link in (f"{base}/tin/a.html", BAD, f"{base}/tin/b.html"))
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Tin</title>{items}'
            "</channel></rss>").encode()


def test_bad_links_fail_alone_and_the_run_goes_on(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "bao_cao.txt").write_text("Ủy ban nhân dân xã niêm yết thủ tục hành chính.", encoding="utf-8")
    routes = {"/tin/a.html": answer(ARTICLE.encode()), "/tin/b.html": answer(ARTICLE.encode())}
    with loopback_server(routes) as base:
        routes["/rss.xml"] = answer(_feed(base), content_type="application/rss+xml")
        feeds = tmp_path / "feeds.txt"
        feeds.write_text(f"{BAD}\n{base}/rss.xml\n", encoding="utf-8")
        with caplog.at_level(logging.WARNING):
            items = collect(make_settings(tmp_path), inbox=inbox, feeds=feeds)
    by_url = {item.url: item for item in items}
    assert [i.status for i in items if i.source == "inbox"] == ["new"]  # the inbox was read
    assert by_url[f"{base}/tin/a.html"].status == "new" and by_url[f"{base}/tin/b.html"].status == "new"
    failed = [i for i in items if i.status == "failed"]
    assert [i.url for i in failed] == [BAD, BAD]  # once as a feeds-file line, once as a feed item
    assert all("invalid URL" in (i.reason or "") for i in failed)
    bad_lines = [r.getMessage() for r in caplog.records if BAD in r.getMessage()]
    assert len(bad_lines) == 2 and all("\n" not in line for line in bad_lines)
