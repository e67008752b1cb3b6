"""kill -9 at random moments of an ingestion run, then run again: every document exactly once.

The killed process is `kiemtra ingest` (it shares `ingest_one` and `catch_up_index` with the
nightly flow, without a Prefect server to start each time). Three kills at points drawn from
seeded generators, then a run to the end; the store and its SQLite search index must then
hold each of the 200 documents once, with no finding, unit or path left without its document.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.nightly import write_reports

pytestmark = pytest.mark.slow

DOCS = 200
KILL_SEEDS = (1, 2, 3)


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0


def _ingest(inbox: Path, db: Path) -> subprocess.Popen[bytes]:
    kiemtra = Path(sys.executable).with_name("kiemtra")
    return subprocess.Popen([str(kiemtra), "--db", str(db), "ingest", "--no-progress", str(inbox)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
                            env={**os.environ, "OMP_THREAD_LIMIT": "1"})


def _kill_after(proc: subprocess.Popen[bytes], db: Path, stored_at_least: int, extra_s: float) -> None:
    """SIGKILL once the store holds `stored_at_least` documents and `extra_s` more has passed."""
    deadline = time.monotonic() + 120
    while proc.poll() is None and _stored(db) < stored_at_least and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(extra_s)
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


def test_killed_runs_leave_every_document_once(tmp_path: Path) -> None:
    inbox, db = tmp_path / "inbox", tmp_path / "k.db"
    write_reports(inbox, DOCS, seed=42)
    killed = 0
    for seed in KILL_SEEDS:
        rng = random.Random(seed)
        before = _stored(db)
        proc = _ingest(inbox, db)
        _kill_after(proc, db, before + rng.randint(1, 40), rng.uniform(0.0, 0.3))
        killed += proc.returncode == -signal.SIGKILL
    assert killed >= 2, "the runs ended before they could be killed: nothing was tested"
    assert _stored(db) < DOCS

    final = _ingest(inbox, db)
    _, err = final.communicate(timeout=300)
    assert final.returncode == 0, err.decode()

    with sqlite3.connect(db) as conn:
        one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
        assert one("PRAGMA integrity_check") == "ok"
        assert one("SELECT COUNT(*) FROM documents") == DOCS
        assert one("SELECT COUNT(DISTINCT path) FROM document_paths") == DOCS
        assert one("SELECT COUNT(*) FROM documents WHERE indexed = 0") == 0
        for table in ("findings", "units", "doc_numbers", "document_paths"):
            assert (
                one(f"SELECT COUNT(*) FROM {table} WHERE doc_key NOT IN (SELECT doc_key FROM documents)") == 0
            )
        assert (
            one(
                "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS"
                " (SELECT 1 FROM document_paths p WHERE p.doc_key = d.doc_key)"
            )
            == 0
        )
        assert one("SELECT COUNT(*) FROM failures") == 0
        findings = {r[0] for r in conn.execute("SELECT finding_id FROM findings")}
        indexed = [r[0] for r in conn.execute("SELECT finding_id FROM fts_records")]
    assert len(findings) >= 2 * DOCS  # every generated report has several findings
    assert len(indexed) == len(set(indexed))  # each finding id once in the index
    assert set(indexed) == findings
