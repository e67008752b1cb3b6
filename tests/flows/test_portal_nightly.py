"""The portal round trip through the nightly flow: fetch, ingest, ask again conditionally, replace.

A loopback portal (tests/portal.py) serves an RSS feed of three articles plus one article that
only the feeds file names. The flow runs three times against it: everything new; nothing new
and every page answered 304; one article edited on the server, so exactly that one is
"changed" and its old findings leave the store and the index. The CLI then does one run and
lists the runs, as an operator would.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from portal import ARTICLES, Portal, running_portal

from core.settings import Settings, load_settings
from flows.nightly import run_nightly
from index.backends import open_backend
from index.base import Query
from index.store import Store
from pipeline.cli import cli
from pipeline.runs import COMPLETED, RunSummary

FEED = "/rss.xml"
LONE = "/thong-bao/ket-qua-kiem-tra-so-tu-phap.html"  # on the portal, in no feed: named by the feeds file
LONE_TITLE = "Thông báo kết quả kiểm tra cải cách hành chính tại Sở Tư pháp"
LONE_TEXT = ("Ngày 05/6/2024, Đoàn kiểm tra cải cách hành chính của tỉnh đã kiểm tra tại Sở Tư pháp. Sở đã "
             "công khai đầy đủ thủ tục hành chính trên Cổng dịch vụ công. Tuy nhiên, việc số hóa hồ sơ, kết "
             "quả giải quyết thủ tục hành chính còn chậm, chưa đạt tỷ lệ theo kế hoạch.")
EDITED = next(iter(ARTICLES))
EDITED_TEXT = (
    "Ngày 12/3/2024, Đoàn kiểm tra của Sở Nội vụ đã làm việc với Ủy ban nhân dân huyện về công tác "
    "cải cách hành chính năm 2024. Tuy nhiên, công chức bộ phận một cửa chưa gửi thư xin lỗi tổ "
    "chức, cá nhân khi hồ sơ giải quyết trễ hạn."
)
PAGES = [*ARTICLES, LONE]


@pytest.fixture
def portal() -> Iterator[Portal]:
    with running_portal() as running:
        running.put_article(LONE, LONE_TITLE, LONE_TEXT)
        yield running


def _settings(tmp: Path) -> Settings:
    """No pause between requests and one retry: the loopback portal never needs more."""
    return load_settings(
        {
            "db_path": str(tmp / "k.db"),
            "fetch_dir": str(tmp / "fetched"),
            "batch_size": 2,
            "http_min_interval_s": 0,
            "http_retries": 1,
            "nightly_retries": 1,
            "nightly_retry_delay_s": 0.0,
            "fetch_allow_hosts": "127.0.0.1",
        },
        environ={},
    )


def _feeds_file(tmp: Path, portal: Portal) -> Path:
    path = tmp / "feeds.txt"
    path.write_text(
        f"# cổng thông tin thử nghiệm\n{portal.url(FEED)}\n{portal.url(LONE)}  # bài lẻ\n", encoding="utf-8"
    )
    return path


def _store_findings(db: Path) -> dict[str, str]:
    """finding_id → doc_key, straight from the store's table."""
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT finding_id, doc_key FROM findings").fetchall())


def _indexed(settings: Settings) -> set[str]:
    backend = open_backend(settings)
    try:
        result = backend.search(Query(limit=10_000))
        assert result.total == len(result.hits)
        return {hit.record.finding_id for hit in result.hits}
    finally:
        backend.close()


def _search(settings: Settings, text: str) -> list[str]:
    """Names of the kept files whose findings match `text`."""
    backend = open_backend(settings)
    try:
        return [Path(hit.record.path or "").name for hit in backend.search(Query(text=text, limit=50)).hits]
    finally:
        backend.close()


def _kept_file(settings: Settings, portal: Portal, path: str) -> str:
    """The name the fetched copy of a portal page is kept under (its sidecar names it)."""
    for sidecar in settings.fetched.rglob("*.json"):
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
        if meta.get("url") == portal.url(path):
            return str(meta["file"])
    raise AssertionError(f"no kept copy of {path}")


def _zero(**counts: int) -> dict[str, int]:
    return {"new": 0, "changed": 0, "re-read": 0, "skipped": 0, "failed": 0, "quarantined": 0, "removed": 0,
            **counts}


def test_portal_round_trip_fetches_conditionally_and_replaces_an_edited_article(
    harness: None, portal: Portal, tmp_path: Path
) -> None:
    settings = _settings(tmp_path)
    feeds = _feeds_file(tmp_path, portal)

    first = run_nightly(settings, feeds=feeds)

    assert first.status == COMPLETED and first.counts == _zero(new=len(PAGES))
    assert first.by_source == {portal.url(FEED): _zero(new=len(ARTICLES)), portal.url(LONE): _zero(new=1)}
    assert first.not_indexed == 0 and first.indexed == len(PAGES)
    for path in PAGES:
        assert [seen.status for seen in portal.seen(path)] == [200]
    findings = _store_findings(settings.database)
    assert findings and _indexed(settings) == set(findings)
    # Accent-less queries find the accented findings, on the page they came from.
    assert _kept_file(settings, portal, EDITED) in _search(settings, "bo phan mot cua tre han")
    assert _kept_file(settings, portal, LONE) in _search(settings, "so hoa ho so")
    with Store(settings.database) as store:
        documents = {d.doc_key for d in store.documents()}
        urls = {store.get_document(key).source.url for key in documents}
    assert len(documents) == len(PAGES)
    assert urls == {portal.url(path) for path in PAGES}  # each document keeps the page's URL

    asked_before = len(portal.requests)
    second = run_nightly(settings, feeds=feeds)

    assert second.counts == _zero(skipped=len(PAGES)) and second.status == COMPLETED
    assert "0 new, 0 changed" in second.line()
    for path in [FEED, *PAGES]:
        again = portal.seen(path)[-1]
        assert again.headers.get("if-none-match") and again.headers.get("if-modified-since"), path
        assert again.status == 304, path
    assert {seen.status for seen in portal.requests[asked_before:] if seen.path != "/robots.txt"} == {304}
    assert _store_findings(settings.database) == findings
    with Store(settings.database) as store:
        assert {d.doc_key for d in store.documents()} == documents

    title = ARTICLES[EDITED][0]
    portal.put_article(EDITED, title, EDITED_TEXT)
    third = run_nightly(settings, feeds=feeds)

    assert third.counts == _zero(changed=1, skipped=len(PAGES) - 1) and third.status == COMPLETED
    assert third.by_source[portal.url(FEED)] == _zero(changed=1, skipped=len(ARTICLES) - 1)
    assert portal.seen(EDITED)[-1].status == 200
    after = _store_findings(settings.database)
    old_key = set(findings.values()) - set(after.values())
    assert len(old_key) == 1  # exactly the edited article's old version left
    gone = {f for f, key in findings.items() if key in old_key}
    assert gone and not gone & set(after)
    assert set(findings) - gone <= set(after)  # the other pages keep their findings
    assert _indexed(settings) == set(after)  # the index dropped the old ids and holds the new ones
    with Store(settings.database) as store:
        assert len(store.documents()) == len(PAGES) and not store.pending_removals()
    assert _kept_file(settings, portal, EDITED) in _search(settings, "thu xin loi")


def test_cli_runs_the_nightly_flow_once_against_the_portal_and_lists_it(
    harness: None, portal: Portal, tmp_path: Path
) -> None:
    settings = _settings(tmp_path)
    options = [
        "--db",
        str(settings.database),
        "--set",
        f"fetch_dir={settings.fetched}",
        "--set",
        "http_min_interval_s=0",
        "--set",
        "http_retries=1",
        "--set",
        "fetch_allow_hosts=127.0.0.1",
    ]

    result = CliRunner().invoke(
        cli, [*options, "nightly", "--once", "--feeds", str(_feeds_file(tmp_path, portal))]
    )

    assert result.exit_code == 0, result.output
    assert result.stdout.strip().splitlines()[-1] == f"{len(PAGES)} new, 0 changed, 0 skipped, 0 failed"
    listed = CliRunner().invoke(cli, [*options, "runs"])
    assert listed.exit_code == 0, listed.output
    [line, versions] = listed.stdout.strip().splitlines()
    assert versions.startswith("extractor version ") and versions.endswith(f" {len(PAGES)}")  # all current
    assert "re-reads" not in versions
    assert COMPLETED in line and line.endswith(f"{len(PAGES)} new, 0 changed, 0 skipped, 0 failed")
    with Store(settings.database) as store:
        [run] = store.runs()
    summary = RunSummary.from_dict(run.summary)
    assert summary.by_source[portal.url(LONE)] == _zero(new=1)
