"""Shared fixtures. Elasticsearch: a real server, found or started once per test session.

Why a real server and not a mock: what the Elasticsearch backend must get right (analysis,
highlighting offsets, aggregations, alias swaps) only exists in the server. A developer without
Java gets skips with a reason; CI sets KIEMTRA_REQUIRE_ES=1 and a server that will not start
is then an error.
"""

from __future__ import annotations

import os
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
ES_SCRIPT = REPO / "scripts" / "elasticsearch.sh"


def _reachable(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_cluster/health", timeout=3) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def _unavailable(reason: str) -> None:
    if os.environ.get("KIEMTRA_REQUIRE_ES"):
        pytest.fail(f"Elasticsearch required (KIEMTRA_REQUIRE_ES is set) but {reason}", pytrace=False)
    pytest.skip(f"Elasticsearch unavailable: {reason}")


@pytest.fixture(scope="session")
def es_url() -> Iterator[str]:
    """URL of a healthy Elasticsearch: $KIEMTRA_ES_URL, else one started by scripts/elasticsearch.sh."""
    given = os.environ.get("KIEMTRA_ES_URL")
    if given and _reachable(given):
        yield given.rstrip("/")
        return
    url = f"http://127.0.0.1:{os.environ.get('KIEMTRA_ES_PORT', '9200')}"
    started_here = not _reachable(url)
    if started_here:
        try:
            subprocess.run([str(ES_SCRIPT), "start"], check=True, capture_output=True, text=True,
                           timeout=600)
        except (OSError, subprocess.SubprocessError) as e:
            detail = (getattr(e, "stderr", "") or str(e)).strip().splitlines()
            _unavailable(f"scripts/elasticsearch.sh start failed: {' | '.join(detail[-3:])}")
    yield url
    if started_here:
        subprocess.run([str(ES_SCRIPT), "stop"], check=False, capture_output=True, timeout=120)


@pytest.fixture(scope="session")
def es_prefix() -> str:
    """The start of every index name a test creates: $KIEMTRA_ES_TEST_PREFIX, else "kiemtra-test",
    so runs sharing one server each create (and drop) only names of their own."""
    return os.environ.get("KIEMTRA_ES_TEST_PREFIX", "kiemtra-test")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """With KIEMTRA_NO_SKIPS set (the README's test command, so CI), a skip is a failure:
    the full environment is installed there, so a skipped test would be a silent gap."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if report.skipped and os.environ.get("KIEMTRA_NO_SKIPS") and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.longrepr = f"skipped, but KIEMTRA_NO_SKIPS is set: {reason}"
