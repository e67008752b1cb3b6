"""collect() over an inbox and a feeds file served by the loopback portal, and the feed parser."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from hashlib import sha256
from pathlib import Path

import pytest
from portal import ARTICLES, Portal, running_portal

from core.errors import ConfigError, CorruptDocument, UnsupportedFormat
from core.settings import Settings, load_settings
from extractors import read
from pipeline.feeds import looks_like_feed, parse_feed, read_feed_list
from pipeline.fetch import PoliteClient
from pipeline.sources import SourceItem, collect

FIRST, SECOND, THIRD = ARTICLES


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings({"db_path": str(tmp_path / "k.db"), "fetch_dir": str(tmp_path / "fetched"),
                          "http_min_interval_s": 0, "http_retries": 1,
                          "fetch_allow_hosts": "127.0.0.1"}, environ={})  # the loopback test portal


@pytest.fixture
def portal() -> Iterator[Portal]:
    with running_portal() as running:
        yield running


def feeds_file(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "feeds.txt"
    path.write_text("# cổng thông tin thử nghiệm\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def by_url(items: list[SourceItem]) -> dict[str | None, SourceItem]:
    return {item.url: item for item in items}


def test_first_run_fetches_every_feed_item_and_keeps_it_with_a_sidecar(
        portal: Portal, settings: Settings, tmp_path: Path) -> None:
    items = collect(settings, feeds=feeds_file(tmp_path, portal.url("/rss.xml")))
    assert [item.url for item in items] == [portal.url(p) for p in ARTICLES]
    assert {item.status for item in items} == {"new"}
    assert {item.source for item in items} == {portal.url("/rss.xml")}
    for item in items:
        assert item.path.is_relative_to(settings.fetched) and item.path.suffix == ".html"
        sidecar = json.loads(item.path.with_suffix(".json").read_text(encoding="utf-8"))
        assert sidecar["url"] == item.url
        assert sidecar["sha256"] == sha256(item.path.read_bytes()).hexdigest()
        assert sidecar["etag"] and sidecar["last_modified"] and sidecar["fetched_at"]


def test_a_kept_page_reads_as_a_document(portal: Portal, settings: Settings, tmp_path: Path) -> None:
    items = collect(settings, feeds=feeds_file(tmp_path, portal.url(FIRST)))
    document = read(items[0].path, settings=settings)
    assert "bộ phận một cửa" in document.text


def test_second_run_asks_conditionally_and_everything_is_unchanged(
        portal: Portal, settings: Settings, tmp_path: Path) -> None:
    feeds = feeds_file(tmp_path, portal.url("/rss.xml"))
    first = collect(settings, feeds=feeds)
    second = collect(settings, feeds=feeds)
    assert [item.status for item in second] == ["unchanged"] * 3
    assert [item.path for item in second] == [item.path for item in first]
    sidecar = json.loads(second[0].path.with_suffix(".json").read_text(encoding="utf-8"))
    assert sidecar["checked_at"] >= sidecar["fetched_at"] and sidecar["etag"]
    for path in ["/rss.xml", *ARTICLES]:
        again = portal.seen(path)[-1]
        assert "if-none-match" in again.headers and "if-modified-since" in again.headers
        assert again.status == 304


def test_an_updated_article_is_changed_and_its_new_text_kept(
        portal: Portal, settings: Settings, tmp_path: Path) -> None:
    feeds = feeds_file(tmp_path, portal.url("/rss.xml"))
    collect(settings, feeds=feeds)
    title, _ = ARTICLES[SECOND]
    portal.put_article(SECOND, title,
                       "Ủy ban nhân dân xã đã khắc phục xong các tồn tại theo kết luận kiểm tra.")
    items = by_url(collect(settings, feeds=feeds))
    assert items[portal.url(SECOND)].status == "changed"
    assert "khắc phục xong" in items[portal.url(SECOND)].path.read_text(encoding="utf-8")
    assert items[portal.url(FIRST)].status == items[portal.url(THIRD)].status == "unchanged"


def test_a_server_without_validators_is_unchanged_by_its_bytes(
        portal: Portal, settings: Settings, tmp_path: Path) -> None:
    portal.conditional = False
    feeds = feeds_file(tmp_path, portal.url(FIRST))
    collect(settings, feeds=feeds)
    again = collect(settings, feeds=feeds)
    assert [(item.status, item.reason) for item in again] == [("unchanged", "same bytes as the kept copy")]
    assert portal.seen(FIRST)[-1].status == 200


def test_robots_txt_disallowing_one_article_fails_only_that_one(
        portal: Portal, settings: Settings, tmp_path: Path) -> None:
    portal.disallow = [THIRD]
    items = by_url(collect(settings, feeds=feeds_file(tmp_path, portal.url("/rss.xml"))))
    assert ((items[portal.url(THIRD)].status, items[portal.url(THIRD)].reason)
            == ("failed", "disallowed by robots.txt"))
    assert items[portal.url(FIRST)].status == items[portal.url(SECOND)].status == "new"
    assert portal.seen(THIRD) == []


def test_failures_are_items_and_never_stop_the_other_sources(
        portal: Portal, settings: Settings, tmp_path: Path) -> None:
    portal.fail_next(FIRST, 500)
    feeds = feeds_file(tmp_path, portal.url("/tin-tuc/da-go-bo.html"), "ftp://127.0.0.1/tep.pdf",
                       portal.url(FIRST), portal.url("/rss.xml"))
    waits: list[float] = []
    with PoliteClient(settings, sleep=waits.append) as client:
        items = collect(settings, feeds=feeds, client=client)
    statuses = [(item.url, item.status) for item in items]
    assert statuses == [
        (portal.url("/tin-tuc/da-go-bo.html"), "failed"),
        ("ftp://127.0.0.1/tep.pdf", "failed"),
        (portal.url(FIRST), "new"),          # retried after the 500; listed once though the feed names it too
        (portal.url(SECOND), "new"),
        (portal.url(THIRD), "new"),
    ]
    assert items[0].reason == "HTTP 404 Not Found"
    assert items[1].reason == "not an http(s) URL"
    assert [r.status for r in portal.seen(FIRST)] == [500, 200] and waits == [1.0]


def test_a_broken_feed_is_one_failed_item(portal: Portal, settings: Settings, tmp_path: Path) -> None:
    portal.put("/rss.xml", "<rss><channel><item><link>http://x/a", "application/rss+xml")
    items = collect(settings, feeds=feeds_file(tmp_path, portal.url("/rss.xml"), portal.url(SECOND)))
    assert [(item.url, item.status) for item in items] == [
        (portal.url("/rss.xml"), "failed"), (portal.url(SECOND), "new")]
    assert "not well-formed" in (items[0].reason or "")


def test_inbox_files_are_new_then_unchanged_then_changed(settings: Settings, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "so-noi-vu").mkdir(parents=True)
    report = inbox / "so-noi-vu" / "bao-cao-kiem-tra.txt"
    report.write_text("Báo cáo kết quả kiểm tra công tác cải cách hành chính năm 2024.", encoding="utf-8")
    (inbox / "ghi-chu.xyz").write_text("không phải tài liệu", encoding="utf-8")
    (inbox / ".nhap.txt").write_text("bản nháp ẩn", encoding="utf-8")
    assert ([(i.path, i.source, i.status) for i in collect(settings, inbox=inbox)]
            == [(report, "inbox", "new")])
    assert [i.status for i in collect(settings, inbox=inbox)] == ["unchanged"]
    report.write_text("Báo cáo kết quả kiểm tra công tác cải cách hành chính năm 2025.", encoding="utf-8")
    os.utime(report, ns=(1, 1))  # a different mtime, whatever the file system's resolution
    assert [i.status for i in collect(settings, inbox=inbox)] == ["changed"]


def test_inbox_and_feeds_from_settings_and_missing_ones_fail_alone(
        portal: Portal, settings: Settings, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "thong-bao.txt").write_text("Thông báo kết luận kiểm tra công vụ.", encoding="utf-8")
    configured = settings.replace(inbox_dir=str(inbox),
                                  feeds_file=str(feeds_file(tmp_path, portal.url(FIRST))))
    assert ([(i.source, i.status) for i in collect(configured)]
            == [("inbox", "new"), (portal.url(FIRST), "new")])
    broken = settings.replace(inbox_dir=str(tmp_path / "khong-co"), feeds_file=str(tmp_path / "khong-co.txt"))
    assert [(i.status, i.reason) for i in collect(broken)] == [
        ("failed", "inbox folder does not exist"),
        ("failed", "cannot read the feeds file: No such file or directory")]
    assert collect(settings) == []


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Tin CCHC</title><link>https://sonoivu.example.vn/</link>
<item><title>Kiểm tra công vụ</title><link>/tin-tuc/kiem-tra-cong-vu.html</link></item>
<item><title>Trùng</title><link>/tin-tuc/kiem-tra-cong-vu.html</link></item>
<item><title>Chỉ có guid</title><guid>https://sonoivu.example.vn/tin-tuc/chi-so.html</guid></item>
<item><title>Guid không phải liên kết</title><guid>bai-viet-123</guid></item>
</channel></rss>""".encode()

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Thông báo kết luận</title>
<entry><title>Kết luận thanh tra</title>
<link rel="enclosure" href="https://thanhtra.example.vn/files/kl-12.pdf"/>
<link href="https://thanhtra.example.vn/kl/12"/></entry>
<entry><title>Kết luận kiểm tra</title><link rel="alternate" href="kl/13"/></entry>
</feed>""".encode()

RDF = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
xmlns="http://purl.org/rss/1.0/"><channel rdf:about="https://x.example.vn/"><title>t</title></channel>
<item rdf:about="https://x.example.vn/tin/1"><title>Tin 1</title><link>https://x.example.vn/tin/1</link></item>
</rdf:RDF>"""


def test_rss_links_are_resolved_deduplicated_and_guid_used_only_when_a_url() -> None:
    assert parse_feed(RSS, base_url="https://sonoivu.example.vn/rss") == [
        "https://sonoivu.example.vn/tin-tuc/kiem-tra-cong-vu.html",
        "https://sonoivu.example.vn/tin-tuc/chi-so.html",
    ]


def test_atom_takes_the_alternate_link_not_the_enclosure() -> None:
    assert parse_feed(ATOM, base_url="https://thanhtra.example.vn/feed.atom") == [
        "https://thanhtra.example.vn/kl/12", "https://thanhtra.example.vn/kl/13"]


def test_rss_1_and_utf16_feeds_are_read() -> None:
    assert parse_feed(RDF) == ["https://x.example.vn/tin/1"]
    utf16 = RSS.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    assert parse_feed(utf16, base_url="https://sonoivu.example.vn/")[0].endswith("kiem-tra-cong-vu.html")


@pytest.mark.parametrize("data", [
    b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><rss>&b;</rss>',
    b'<?xml version="1.0"?><!doctype rss SYSTEM "file:///etc/passwd"><rss/>',
    '<!DOCTYPE rss><rss/>'.encode("utf-16"),
])
def test_documents_declaring_a_dtd_are_refused(data: bytes) -> None:
    with pytest.raises(UnsupportedFormat, match="DTD"):
        parse_feed(data)


@pytest.mark.parametrize("data", [b"<rss><channel><item>", "<html><body>Tin tức</body></html>".encode(), b""])
def test_broken_or_non_feeds_are_corrupt(data: bytes) -> None:
    with pytest.raises(CorruptDocument):
        parse_feed(data)


def test_feeds_are_recognised_by_their_root_not_their_content_type() -> None:
    assert looks_like_feed(RSS, "text/html")
    assert looks_like_feed(ATOM, "text/xml; charset=utf-8")
    assert looks_like_feed(b"", "application/atom+xml")
    xhtml = b'<?xml version="1.0"?>\n<!-- trang tin --><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>'
    assert not looks_like_feed(xhtml, "application/xhtml+xml")
    assert not looks_like_feed("<p>Tin cải cách hành chính</p>".encode(), "text/html")


def test_feed_list_skips_comments_and_keeps_fragments(tmp_path: Path) -> None:
    path = tmp_path / "nguon.txt"
    path.write_text(
        "\ufeff# Nguồn tin cải cách hành chính\n\n"
        "https://sonoivu.example.vn/rss   # Sở Nội vụ\n"
        "https://ubnd.example.vn/tin#muc-2\n"
        "   https://sonoivu.example.vn/rss\n", encoding="utf-8")
    assert read_feed_list(path) == ["https://sonoivu.example.vn/rss", "https://ubnd.example.vn/tin#muc-2"]
    with pytest.raises(ConfigError, match="feeds file"):
        read_feed_list(tmp_path / "khong-co.txt")
