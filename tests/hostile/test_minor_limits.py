"""The minor items of issue 16: robots.txt is read up to a cap, a tiny memory limit is named as
such, and text lost past libxml2's nesting limit is reported.

Before the fix a 2M-line robots.txt was read whole (564 MB), `--set parse_memory_mb=1` called
good files corrupt, and deeply nested HTML lost its text without a word.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile_helpers import ARTICLE, answer, loopback_server, make_settings

from extractors import read
from index.store import Store
from pipeline.cli import cli
from pipeline.fetch import PoliteClient


def test_robots_txt_is_read_only_up_to_its_cap(tmp_path: Path) -> None:
    robots = b"User-agent: *\n" + b"Allow: /khong-co-gi\n" * 200_000 + b"Disallow: /\n"  # 4 MB
    routes = {"/robots.txt": answer(robots, content_type="text/plain"), "/tin.html": answer(ARTICLE.encode())}
    with loopback_server(routes) as base, \
            PoliteClient(make_settings(tmp_path, max_robots_bytes=65536)) as client:
        # the closing "Disallow: /" lies past the cap, so it is never read: the page is allowed
        assert client.get(f"{base}/tin.html").status == 200


def test_a_memory_limit_too_small_to_start_is_named(tmp_path: Path) -> None:
    (tmp_path / "tot.txt").write_text("Ủy ban nhân dân xã niêm yết thủ tục hành chính.", encoding="utf-8")
    db = tmp_path / "k.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "--set", "parse_memory_mb=1", "ingest",
                                      "--no-progress", str(tmp_path / "tot.txt")])
    assert result.exit_code == 1
    with Store(db) as store:
        [failure] = store.failures()
    assert failure.error_type == "LimitExceeded" and "memory limit was hit" in failure.reason
    assert "parse_memory_mb=1" in failure.reason and "corrupt" not in failure.reason.lower()


def test_text_past_the_nesting_limit_is_reported(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "long.html"
    path.write_text("<html><body><p>Ủy ban nhân dân xã niêm yết thủ tục hành chính.</p>" + "<div>" * 300
                    + "Đoạn bị mất." + "</div>" * 300 + "</body></html>", encoding="utf-8")
    document = read(path, settings=make_settings(tmp_path))
    assert "niêm yết" in document.text
    assert any("lost the text past it" in w for w in document.warnings)
    with caplog.at_level(logging.WARNING):
        from pipeline.process import process

        process(path, settings=make_settings(tmp_path))
    messages = [r.getMessage() for r in caplog.records]
    assert any("lost the text past it" in m and str(path) in m for m in messages)
