"""Two runs at once: the run lock refuses (or waits) with a clear line; two writers never corrupt.

Also the runs table the lock protects: a v1 store migrates to v2 keeping what it held, and a run
that was killed shows as interrupted once the next run starts.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmarks.nightly import write_reports
from core.errors import BackendError
from index.store import _MIGRATIONS, SCHEMA_VERSION, Store, connect
from pipeline.cli import cli
from pipeline.runs import COMPLETED, INTERRUPTED, ensure_idle, run_lock

KIEMTRA = Path(sys.executable).with_name("kiemtra")


def _hold_lock(db: Path, seconds: float, done: Path | None = None) -> subprocess.Popen[str]:
    """Another process that takes the run lock, says so, holds it `seconds`, then exits; it
    writes `done` (when given) as the last thing it does while still holding the lock."""
    code = textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from pipeline.runs import run_lock
        with run_lock(Path({str(db)!r})):
            print("held", flush=True)
            time.sleep({seconds})
            if {str(done) if done else ""!r}:
                Path({str(done) if done else ""!r}).write_text("done")
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_a_second_run_is_refused_with_one_line_naming_the_holder(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    holder = _hold_lock(db, 60)
    try:
        with pytest.raises(BackendError, match=f"pid {holder.pid}.*in progress"):
            ensure_idle(db)
        result = CliRunner().invoke(cli, ["--db", str(db), "nightly", "--once", "--inbox", str(tmp_path)])
        assert result.exit_code == 1
        [line] = result.stderr.strip().splitlines()
        assert "another ingestion run" in line and str(holder.pid) in line and "--wait" in line
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
    ensure_idle(db)  # kill -9 released it: a crashed run never blocks the next one


def test_wait_takes_the_lock_when_the_holder_finishes(tmp_path: Path) -> None:
    """Ordered by what the holder wrote, not by the clock: the holder writes its last word while
    it still holds the lock, so a waiter that got in earlier finds none."""
    db, done = tmp_path / "k.db", tmp_path / "done"
    holder = _hold_lock(db, 1.5, done)
    with run_lock(db, wait=True):
        assert done.read_text() == "done"  # we got in only after the holder finished
    holder.wait(timeout=10)


def test_two_locks_in_one_process_also_exclude_each_other(tmp_path: Path) -> None:
    """flock is per open file: a flow thread and a CLI check in one process still exclude."""
    db = tmp_path / "k.db"
    with run_lock(db), pytest.raises(BackendError, match="in progress"):
        ensure_idle(db)
    ensure_idle(db)


def test_two_ingest_processes_at_once_one_waits_and_the_store_stays_whole(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    folders = [tmp_path / "a", tmp_path / "b"]
    write_reports(folders[0], 8, seed=21)
    write_reports(folders[1], 8, seed=22)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    procs = [subprocess.Popen([str(KIEMTRA), "--db", str(db), "ingest", "--no-progress", "--wait", str(f)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for f in folders]
    for proc in procs:
        _, err = proc.communicate(timeout=240)
        assert proc.returncode == 0, err
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 16
        findings = {r[0] for r in conn.execute("SELECT finding_id FROM findings")}
        indexed = [r[0] for r in conn.execute("SELECT finding_id FROM fts_records")]
    assert findings and sorted(indexed) == sorted(findings)


def test_the_store_writes_with_synchronous_full(tmp_path: Path) -> None:
    with Store(tmp_path / "k.db") as store:
        assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_a_v1_store_migrates_to_the_current_schema_keeping_what_it_held(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with sqlite3.connect(db) as conn:
        first = _MIGRATIONS[1]
        assert isinstance(first, str)  # the v1 schema is a script; later steps may be functions
        conn.executescript(first)
        conn.execute("INSERT INTO failures (path, error_type, reason, failed_at) VALUES"
                     " ('/hop-thu/hong.pdf', 'CorruptDocument', 'tệp bị cắt cụt', '2024-01-01T00:00:00')")
        conn.execute("PRAGMA user_version=1")
    with Store(db) as store:
        [failure] = store.failures()
        assert failure.reason == "tệp bị cắt cụt"
        assert (failure.first_seen, failure.count) == ("2024-01-01T00:00:00", 1)  # v3 keeps when it began
        assert store.runs() == []
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4


def test_a_killed_run_shows_as_interrupted_when_the_next_starts(tmp_path: Path) -> None:
    with Store(tmp_path / "k.db") as store:
        store.start_run("dem-truoc", flow="nightly-ingest", pid=12345)  # never finished: killed
        store.start_run("dem-nay", flow="nightly-ingest", pid=os.getpid())
        store.finish_run("dem-nay", status=COMPLETED, summary={"counts": {"new": 2}})
        latest, previous = store.runs()
    assert (latest.run_id, latest.status, latest.summary) == ("dem-nay", COMPLETED, {"counts": {"new": 2}})
    assert latest.finished_at is not None
    assert (previous.run_id, previous.status, previous.finished_at) == ("dem-truoc", INTERRUPTED, None)


def test_a_second_ingest_without_wait_refuses_with_one_line(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    folder = tmp_path / "in"
    write_reports(folder, 1, seed=5)
    holder = _hold_lock(db, 20)
    try:
        proc = subprocess.run([str(KIEMTRA), "--db", str(db), "ingest", "--no-progress", str(folder)],
                              capture_output=True, text=True, timeout=120)
    finally:
        holder.kill()
        holder.wait(timeout=10)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "in progress" in lines[0] and str(holder.pid) in lines[0]


def test_tasks_opening_a_new_store_at_once_all_get_it(tmp_path: Path) -> None:
    """Two tasks of one nightly run opening a new store at the same moment: SQLite refused one's
    switch to WAL at once ("database is locked", no busy wait), and that task's cleanup deleted
    the 0-byte file the other was creating ("disk I/O error"), one trial in about fifteen. Each
    trial here opens a fresh store from four threads released together."""
    failed: list[str] = []
    for trial in range(60):
        path = tmp_path / f"t{trial}" / "k.db"
        start = threading.Barrier(4)

        def open_and_write(path: Path = path, start: threading.Barrier = start) -> None:
            start.wait()
            try:
                conn = connect(path, synchronous="FULL")
                conn.execute("CREATE TABLE IF NOT EXISTS t (x)")
                conn.close()
            except BackendError as e:
                failed.append(str(e))

        threads = [threading.Thread(target=open_and_write) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert path.stat().st_size > 0
        assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert failed == []
