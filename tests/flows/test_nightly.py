"""The nightly flow under a local Prefect server: batches, retries, quarantine, idempotence, summary.

All flow tests live in this module so the Prefect test server starts once (it takes ~30 s).
"""

from __future__ import annotations

import logging
import random
import socket
import sqlite3
import uuid
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from prefect.client.schemas.schedules import CronSchedule
from prefect.states import Failed

from benchmarks.nightly import write_reports
from core.errors import BackendError, CorruptDocument, UnsupportedFormat
from core.settings import Settings, load_settings
from flows.nightly import is_transient, nightly_deployment, run_nightly
from index.store import Store
from pipeline.batch import batches, retry_delays
from pipeline.cli import cli
from pipeline.process import FAILED, QUARANTINED, Outcome
from pipeline.runs import COMPLETED, PARTIAL, RunSummary, render_markdown


def _settings(tmp: Path, **extra: Any) -> Settings:
    values = {"db_path": str(tmp / "k.db"), "fetch_dir": str(tmp / "fetched"), "batch_size": 4,
              "nightly_retries": 1, "nightly_retry_delay_s": 0.0, "fetch_allow_hosts": "127.0.0.1", **extra}
    return load_settings(values, environ={})


def _closed_port() -> int:
    """A loopback port nothing listens on: bound, read, released."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _zero(**counts: int) -> dict[str, int]:
    return {"new": 0, "changed": 0, "re-read": 0, "skipped": 0, "failed": 0, "quarantined": 0, "removed": 0,
            **counts}


def _indexed_paths(settings: Settings) -> list[str]:
    from index.backends import open_backend
    from index.base import Query

    backend = open_backend(settings)
    try:
        return [hit.record.path or "" for hit in backend.search(Query(limit=10_000)).hits]
    finally:
        backend.close()


def _store_findings(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {r[0] for r in conn.execute("SELECT finding_id FROM findings")}


# ---------------------------------------------------------------------- pure parts, no server


def test_only_transient_failures_are_retried() -> None:
    assert is_transient(None, None, Failed(data=BackendError("Elasticsearch: 429 Too Many Requests")))  # type: ignore[arg-type]
    assert is_transient(None, None, Failed(data=ConnectionRefusedError()))  # type: ignore[arg-type]
    assert not is_transient(None, None, Failed(data=CorruptDocument("truncated", path="a.pdf")))  # type: ignore[arg-type]
    assert not is_transient(None, None, Failed(data=UnsupportedFormat("random bytes", path="b.png")))  # type: ignore[arg-type]
    assert not is_transient(None, None, Failed(data=KeyError("bug")))  # type: ignore[arg-type]


def test_backoff_grows_and_batches_cover_every_path(tmp_path: Path) -> None:
    settings = _settings(tmp_path, nightly_retries=3, nightly_retry_delay_s=5.0)
    assert retry_delays(settings) == [5.0, 20.0, 80.0]
    paths = [f"p{i}" for i in range(10)]
    groups = batches(paths, 4, workers=2)
    assert [len(g) for g in groups] == [4, 4, 2]
    assert sum(groups, []) == paths
    assert [len(g) for g in batches(paths[:3], 25, workers=2)] == [2, 1]  # few slow files: both cores
    assert batches([], 25, workers=2) == []


def test_the_deployment_runs_nightly_on_the_configured_cron_with_these_settings(tmp_path: Path) -> None:
    settings = _settings(tmp_path, nightly_cron="30 1 * * *")
    deployment = nightly_deployment(settings, inbox=tmp_path / "inbox")
    [schedule] = deployment.schedules or []
    assert isinstance(schedule.schedule, CronSchedule) and schedule.schedule.cron == "30 1 * * *"
    assert deployment.parameters["settings"]["db_path"] == str(tmp_path / "k.db")
    assert deployment.parameters["inbox"] == str(tmp_path / "inbox") and deployment.parameters["wait"] is True
    assert deployment.parameters["progress"] is True


def test_summary_counts_per_source_and_renders_failures() -> None:
    summary = RunSummary("r1")
    summary.add(
        Outcome("/in/a.txt", "ingested", "k1", findings=3, stages={"read": 0.5, "extract": 1.5}), "inbox"
    )
    summary.add(Outcome("/in/b.txt", "skipped", "k2"), "inbox")
    summary.add(
        Outcome("/in/c.pdf", FAILED, reason="/in/c.pdf: broken | truncated", error_type="CorruptDocument"),
        "inbox",
    )
    summary.add_failure("https://portal.example/rss", "https://portal.example/rss", "503 Service Unavailable")
    summary.add(
        Outcome("/in/d.pdf", QUARANTINED, reason="/in/d.pdf: no xref", error_type="CorruptDocument"), "inbox"
    )
    summary.add_removed("/in/e.txt", "withdrawn: findings no longer searchable", "inbox")
    summary.startup_s, summary.duration_s = 38.5, 2.7
    summary.finish()
    assert summary.counts == _zero(new=1, skipped=1, failed=2, quarantined=1, removed=1)
    assert summary.by_source["inbox"] == _zero(new=1, skipped=1, failed=1, quarantined=1, removed=1)
    assert summary.status == PARTIAL and summary.failed
    assert summary.line() == "1 new, 0 changed, 1 skipped, 2 failed, 1 still quarantined, 1 removed"
    md = render_markdown(summary)
    # "still quarantined" as the closing line says it (session 27): "quarantined 0" under a run's
    # "Failed, now quarantined (5)" read as none of those five quarantined
    assert "| source | new | changed | re-read | skipped | failed | still quarantined | removed |" in md
    assert "| inbox | 1 | 0 | 0 | 1 | 1 | 1 | 1 |" in md
    assert "41.2 s in all: Prefect start-up (import, temporary server, flow run) 38.5 s, " in md
    assert "then the flow took 2.7 s" in md
    assert "## New (1)\n\n- /in/a.txt" in md
    assert "## Still quarantined, not read again (1)" in md and "/in/d.pdf: no xref" in md
    assert "| /in/e.txt | withdrawn: findings no longer searchable |" in md
    assert "broken \\| truncated" in md  # a pipe in a reason cannot break the table
    assert "503 Service Unavailable" in md
    assert RunSummary.from_dict(summary.to_dict()) == summary


# ---------------------------------------------------------------------- the flow


def test_search_engine_down_then_back_loses_nothing(
    harness: None, tmp_path: Path, es_url: str, es_prefix: str, caplog: pytest.LogCaptureFixture
) -> None:
    write_reports(tmp_path / "inbox", 6, seed=11)
    index = f"{es_prefix}-{uuid.uuid4().hex[:12]}"
    down = _settings(
        tmp_path, backend="elasticsearch", es_url=f"http://127.0.0.1:{_closed_port()}", es_index=index
    )

    first = run_nightly(down, inbox=tmp_path / "inbox")

    assert first.counts["new"] == 6 and first.counts["failed"] == 0
    assert first.not_indexed == 6 and first.index_error and "cannot reach" in first.index_error
    assert first.status == PARTIAL
    assert "Retry 1/1 will start" in caplog.text  # the index task was retried before giving up
    with Store(down.database) as store:
        assert len(store.pending_index()) == 6

    from index.elastic import ElasticBackend

    up = down.replace(es_url=es_url)
    second = run_nightly(up, inbox=tmp_path / "inbox")

    es = ElasticBackend(es_url, index)
    try:
        assert second.counts["skipped"] == 6 and second.indexed == 6 and second.not_indexed == 0
        assert second.status == COMPLETED
        assert es.count() == len(_store_findings(up.database)) > 0
    finally:
        es.drop()
        es.close()


def test_hostile_files_are_quarantined_and_the_exit_code_says_so(harness: None, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    good = write_reports(inbox, 3, seed=5)
    (inbox / "rong.pdf").write_bytes(b"")
    (inbox / "cut.pdf").write_bytes(
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\n% the rest is lost"
    )
    (inbox / "not-a-zip.docx").write_bytes(
        b"PK\x03\x04\x14\x00" + random.Random(7).randbytes(300)
    )  # zip header, no zip
    (inbox / "noise.png").write_bytes(random.Random(8).randbytes(2048))
    (inbox / "bien-ban.odt").write_bytes(b"PK\x03\x04")  # a format no reader takes: named, not failed
    bad = {"rong.pdf", "cut.pdf", "not-a-zip.docx", "noise.png"}
    db = tmp_path / "k.db"

    result = CliRunner().invoke(
        cli,
        [
            "--db",
            str(db),
            "--set",
            f"fetch_dir={tmp_path / 'fetched'}",
            "--set",
            "batch_size=2",
            "nightly",
            "--once",
            "--inbox",
            str(inbox),
        ],
    )

    assert result.exit_code == 1, result.output
    assert ("3 new, 0 changed, 0 skipped, 4 failed, 1 not read (a format kiemtra does not read)"
            in result.stdout)
    for name in bad:
        assert name in result.stderr
    assert f"{inbox / 'bien-ban.odt'}: not read, kiemtra does not read .odt files" in result.stderr
    with Store(db) as store:
        assert {Path(p).name for d in store.documents() for p in d.paths} == {p.name for p in good}
        failures = {Path(f.path).name: f for f in store.failures()}
        assert set(failures) == bad
        assert all(f.reason for f in failures.values())
        [run] = store.runs()
    assert run.status == PARTIAL and run.summary["counts"]["failed"] == 4
    listed = CliRunner().invoke(cli, ["--db", str(db), "runs", run.run_id[:8]])
    assert listed.exit_code == 0
    assert "## Failed, now quarantined (4)" in listed.stdout and "noise.png" in listed.stdout
    assert "## Not read: a format kiemtra does not read (1)" in listed.stdout
    assert "bien-ban.odt" in listed.stdout


def test_known_bad_files_do_not_fail_the_next_nights_until_their_bytes_change(
    harness: None, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    write_reports(inbox, 2, seed=9)
    (inbox / "rong.pdf").write_bytes(b"")
    (inbox / "cut.pdf").write_bytes(b"%PDF-1.7\n% the rest is lost")
    options = ["--db", str(tmp_path / "k.db"), "--set", f"fetch_dir={tmp_path / 'fetched'}"]

    def night() -> Any:
        arguments = [*options, "nightly", "--once", "--no-progress", "--inbox", str(inbox)]
        return CliRunner().invoke(cli, arguments)

    first, second = night(), night()

    assert first.exit_code == 1 and first.stdout.splitlines()[-1] == "2 new, 0 changed, 0 skipped, 2 failed"
    assert second.exit_code == 0, second.output  # the alert clears: nothing NEW failed
    assert second.stdout.splitlines()[-1] == "0 new, 0 changed, 2 skipped, 0 failed, 2 still quarantined"
    assert "2 known-bad files not read again" in second.stderr
    (inbox / "cut.pdf").write_bytes(b"%PDF-1.7\n% cut somewhere else")
    third = night()
    assert third.exit_code == 1 and "cut.pdf" in third.stderr and "rong.pdf" not in third.stderr
    assert third.stdout.splitlines()[-1] == "0 new, 0 changed, 2 skipped, 1 failed, 1 still quarantined"
    with Store(tmp_path / "k.db") as store:
        seen = {Path(f.path).name: f.count for f in store.failures()}
        runs = store.runs()
    assert seen == {"rong.pdf": 3, "cut.pdf": 1}  # new bytes start the record afresh
    assert [r.status for r in runs] == [PARTIAL, COMPLETED, PARTIAL]


def test_the_summary_names_files_counts_agree_with_the_log_and_removed_files_are_withdrawn(
    harness: None, tmp_path: Path, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    inbox = tmp_path / "inbox"
    kept, edited, removed, _ = write_reports(inbox, 4, seed=12)
    (inbox / "hong.pdf").write_bytes(b"%PDF-1.7\n% truncated")
    settings = _settings(tmp_path, removed_files="withdraw", progress_every_s=0.0)
    run_nightly(settings, inbox=inbox)
    edited.write_text(edited.read_text(encoding="utf-8") + "\nTuy nhiên, UBND xã chưa báo cáo định kỳ.\n",
                      encoding="utf-8")
    removed.unlink()
    [added] = write_reports(tmp_path / "later", 1, seed=13)
    added = added.rename(inbox / "bao-cao-moi.txt")
    caplog.clear()
    caplog.set_level(logging.INFO, logger="pipeline.sources")
    caplog.set_level(logging.INFO, logger="flows.nightly")
    capfd.readouterr()

    summary = run_nightly(settings, inbox=inbox, progress=True)

    assert summary.new_files == [str(added.resolve())]
    assert summary.changed_files == [str(edited.resolve())]
    hong = str((inbox / "hong.pdf").resolve())
    assert [(f["path"], f["source"]) for f in summary.quarantined] == [(hong, "inbox")]
    assert summary.quarantined[0]["reason"].startswith(f"{hong}: ")  # with its reason
    assert [r["path"] for r in summary.removed] == [str(removed.resolve())]
    assert summary.removed[0]["action"].startswith("withdrawn")
    assert summary.counts == _zero(new=1, changed=1, skipped=2, quarantined=1, removed=1)
    # One source of counts: the collection line counts what the summary counts, the closing line is it.
    [collected] = [r.getMessage() for r in caplog.records if r.getMessage().startswith("collected ")]
    assert collected == "collected 5 items: 5 inbox files, 0 feed pages, 0 sources failed"
    assert sum(n for key, n in summary.counts.items() if key != "removed") == 5
    assert f"nightly run {summary.run_id}: {summary.line()}" in caplog.text
    # Progress lines on stderr (not a terminal here), and both durations.
    progress = [line for line in capfd.readouterr().err.splitlines() if line.startswith("ingest ")]
    assert progress and progress[-1].startswith("ingest 5/5 (100 %)") and "docs/s" in progress[-1]
    assert summary.startup_s is not None and summary.startup_s >= 0 and summary.duration_s > 0
    # The withdrawn file's findings are out of the search index, still in the store.
    with Store(settings.database) as store:
        documents = {Path(p).name: d for d in store.documents() for p in d.paths}
        assert documents[removed.name].withdrawn and documents[removed.name].findings
    assert not any(removed.name in hit for hit in _indexed_paths(settings))
    listed = CliRunner().invoke(cli, ["--db", str(settings.database), "runs", summary.run_id])
    for name in (added.name, edited.name, removed.name, "hong.pdf", "Prefect start-up"):
        assert name in listed.stdout, name


def test_reruns_change_nothing_changes_replace_and_new_version_reextracts(
    harness: None, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    paths = write_reports(inbox, 5, seed=3)
    settings = _settings(tmp_path)

    first = run_nightly(settings, inbox=inbox)
    before = _store_findings(settings.database)
    again = run_nightly(settings, inbox=inbox)

    assert first.counts["new"] == 5 and first.status == COMPLETED
    assert again.counts == _zero(skipped=5)
    assert _store_findings(settings.database) == before

    paths[0].write_text(
        paths[0].read_text(encoding="utf-8").replace("Tuy nhiên, UBND xã", "Tuy nhiên, Văn phòng UBND xã"),
        encoding="utf-8",
    )
    changed = run_nightly(settings, inbox=inbox)
    assert changed.counts["changed"] == 1 and changed.counts["skipped"] == 4
    with Store(settings.database) as store:
        assert len(store.documents()) == 5  # the old version of the changed file is gone
        assert not store.pending_removals() and not store.pending_index()

    newer = settings.replace(extractor_version="test-2")
    upgraded = run_nightly(newer, inbox=inbox)
    settled = run_nightly(newer, inbox=inbox)
    assert upgraded.counts == _zero(**{"re-read": 5}) and len(upgraded.reread_files) == 5
    assert upgraded.line().endswith("; 5 re-read: the extractor changed")
    assert upgraded.extractor_version == "test-2"
    assert settled.counts["skipped"] == 5
    with Store(settings.database) as store:
        assert {d.extractor_version for d in store.documents()} == {"test-2"}
        assert [r.status for r in store.runs()] == [COMPLETED] * 5
