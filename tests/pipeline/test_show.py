"""`kiemtra show FINDING_ID` on a report written for the tests, ingested in-process."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from cli_helpers import REPORT, run

import index.store


@pytest.fixture()
def ingested(tmp_path: Path) -> tuple[str, Path, str]:
    """(database, report path, the id of the report's shortcoming)."""
    report = tmp_path / "thong-bao.txt"
    report.write_text(REPORT, encoding="utf-8")
    db = str(tmp_path / "k.db")
    assert run("--db", db, "ingest", str(report), "--no-progress").exit_code == 0
    with index.store.Store(Path(db)) as store:
        ids = [r.finding_id for r in store.finding_records() if "phiếu hẹn" in r.text]
    return db, report.resolve(), ids[0]


def test_show_reads_the_document_from_the_store_once(ingested: tuple[str, Path, str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The document's row holds its whole text: show read it four times (twice for the record,
    twice more for the text and the extraction)."""
    db, _, finding_id = ingested
    statements: list[str] = []
    connect = index.store.connect

    def traced(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = connect(*args, **kwargs)
        conn.set_trace_callback(statements.append)
        return conn

    monkeypatch.setattr(index.store, "connect", traced)
    result = run("--db", db, "show", finding_id, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["context"]["text"].startswith("Xã đã thực hiện tốt")
    reads = [sql for sql in statements if "FROM documents d WHERE d.doc_key" in sql]
    assert len(reads) == 1, reads


def _withdraw(db: str, path: Path) -> None:
    """What a nightly run does with `removed_files = withdraw` when the file left the inbox."""
    with index.store.Store(Path(db)) as store:
        store.withdraw(str(path))


def test_a_withdrawn_finding_says_it_was_withdrawn_and_since_when(ingested: tuple[str, Path, str]) -> None:
    db, report, finding_id = ingested
    before = json.loads(run("--db", db, "show", finding_id, "--format", "json").stdout)
    assert before["withdrawn_at"] is None
    assert "withdrawn from search" not in run("--db", db, "show", finding_id).stdout
    _withdraw(db, report)
    shown = run("--db", db, "show", finding_id)
    assert shown.exit_code == 0, shown.output
    data = json.loads(run("--db", db, "show", finding_id, "--format", "json").stdout)
    assert data["withdrawn_at"] and data["withdrawn_at"][:4].isdigit()
    assert f"withdrawn from search since {data['withdrawn_at']}" in shown.stdout
    assert "chưa cấp phiếu hẹn" in shown.stdout  # still readable from the store


def test_the_operators_commands_count_withdrawn_documents(ingested: tuple[str, Path, str]) -> None:
    db, report, finding_id = ingested
    assert "withdrawn from search" not in run("--db", db, "quarantine", "list").stdout
    listed_runs = run("--db", db, "runs").stdout
    assert "withdrawn from search" not in listed_runs
    # Ingested by hand, the store has no run: the line says which runs are recorded.
    assert listed_runs.startswith("no runs yet (runs of `kiemtra nightly` are recorded here;")
    _withdraw(db, report)
    with index.store.Store(Path(db)) as store:
        (withdrawn,) = store.withdrawn()
    assert withdrawn.paths == (str(report),) and withdrawn.findings >= 1
    count = f"1 document ({withdrawn.findings} findings) withdrawn from search"
    listed = run("--db", db, "quarantine", "list")
    assert count in listed.stdout
    assert str(report) in listed.stdout and f"kiemtra show {withdrawn.first_finding}" in listed.stdout
    # The JSON lists what the text lists: the withdrawn document beside the (no) quarantined files.
    as_json = json.loads(run("--db", db, "quarantine", "list", "--format", "json").stdout)
    assert as_json["quarantined"] == []
    [document] = as_json["withdrawn"]
    assert document["paths"] == [str(report)] and document["findings"] == withdrawn.findings
    assert document["withdrawn_at"] == withdrawn.withdrawn_at
    assert document["first_finding"] == withdrawn.first_finding
    assert document["withdrawn_at"] in listed.stdout
    assert count in run("--db", db, "runs").stdout
    # The file coming back (ingested again) makes it searchable, and nothing is counted any more.
    assert run("--db", db, "ingest", str(report), "--no-progress").exit_code == 0
    assert "withdrawn from search" not in run("--db", db, "quarantine", "list").stdout
    assert json.loads(run("--db", db, "quarantine", "list", "--format", "json").stdout)["withdrawn"] == []
    assert json.loads(run("--db", db, "show", finding_id, "--format", "json").stdout)["withdrawn_at"] is None


def test_a_short_id_shows_its_finding_and_an_ambiguous_one_lists_candidates(
        ingested: tuple[str, Path, str]) -> None:
    """ux23's sweep: `show ed770005` (the start of an id) said "no finding", while `runs` takes a
    run id's start. A start naming one finding shows it; one naming several lists them, one line."""
    db, _, finding_id = ingested
    whole = json.loads(run("--db", db, "show", finding_id, "--format", "json").stdout)
    short = run("--db", db, "show", finding_id[:8], "--format", "json")
    assert short.exit_code == 0, short.output
    assert json.loads(short.stdout) == whole
    with index.store.Store(Path(db)) as store:
        ids = sorted(r.finding_id for r in store.finding_records())
    assert len(ids) > 1
    several = run("--db", db, "show", "")  # the start of every id
    assert several.exit_code == 1 and several.stdout == ""
    lines = several.stderr.strip().splitlines()
    listed = f": {', '.join(ids)}" if len(ids) <= 5 else ""  # listed only when few enough to pick
    assert lines == [f"kiemtra: {len(ids)} findings start with ''{listed}; give more of the id"]
    unknown = run("--db", db, "show", "zz" + finding_id[2:])
    assert unknown.exit_code == 1 and "no finding 'zz" in unknown.stderr


def test_similar_takes_a_short_id_as_show_does(ingested: tuple[str, Path, str]) -> None:
    """Session 23 left `search --similar` taking only a whole id: the start `show` had just taken
    was "no indexed finding" here. Both read a typed id through Store.finding_named."""
    db, _, finding_id = ingested
    whole = run("--db", db, "search", "--similar", finding_id, "--format", "json")
    assert whole.exit_code == 0, whole.output
    for typed in (finding_id[:6], finding_id[:10].upper(), f" {finding_id[:8]} "):
        short = run("--db", db, "search", "--similar", typed, "--format", "json")
        assert short.exit_code == 0, (typed, short.output)
        assert json.loads(short.stdout) == json.loads(whole.stdout)
    with index.store.Store(Path(db)) as store:
        ids = sorted(r.finding_id for r in store.finding_records())
    assert 1 < len(ids) <= 5  # so "" (the start of every id) lists them: tests/web shows a real start
    several = run("--db", db, "search", "--similar", "")  # `show ""`: the test above
    assert several.exit_code == 1 and several.stdout == ""
    assert several.stderr.strip().splitlines() == [
        f"kiemtra: {len(ids)} findings start with '': {', '.join(ids)}; give more of the id"]
    unknown = run("--db", db, "search", "--similar", "zz" + finding_id[2:])
    assert unknown.exit_code == 1
    assert unknown.stderr.strip() == f"kiemtra: no finding {'zz' + finding_id[2:]!r} in {db}"


def test_finding_named_reads_a_whole_id_a_start_and_case(ingested: tuple[str, Path, str]) -> None:
    db, _, finding_id = ingested
    with index.store.Store(Path(db), readonly=True) as store:
        assert store.finding_named(finding_id).finding_id == finding_id
        assert store.finding_named(finding_id[:5].upper()).finding_id == finding_id
        none = store.finding_named("zz")
        assert (none.finding_id, none.count, none.candidates) == (None, 0, ())
        every = store.finding_named("")
        assert every.finding_id is None and every.count > 1
        ids = tuple(sorted(r.finding_id for r in store.finding_records()))
        assert every.candidates == (ids if every.count <= 5 else ())  # listed when few
        assert store.finding_named("", limit=1).candidates == ()  # more than `limit`: none listed


def test_a_run_id_start_naming_several_or_none_is_one_line_listing_them(tmp_path: Path) -> None:
    """`kiemtra runs a` said "2 runs match 'a'" and named neither: a run id's start is said as a
    finding id's is (ux23b left it)."""
    db = tmp_path / "k.db"
    ids = ["ab12-0000", "ab34-0000", "cd56-0000"]
    with index.store.Store(db) as store:
        for run_id in ids:
            store.start_run(run_id, flow="nightly-ingest", pid=1)
            store.finish_run(run_id, status="completed", summary={"run_id": run_id})
    several = run("--db", str(db), "runs", "ab")
    assert several.exit_code == 1 and several.stdout == ""
    assert several.stderr.strip() == ("kiemtra: 2 runs start with 'ab': ab12-0000, ab34-0000;"
                                      " give more of the id")
    none = run("--db", str(db), "runs", "zz")
    assert none.exit_code == 1
    assert none.stderr.strip() == f"kiemtra: no run 'zz' in {db} (`kiemtra runs` lists the latest)"
    assert run("--db", str(db), "runs", "cd").exit_code == 0
    assert run("--db", str(db), "runs", " CD5 ").exit_code == 0  # as copied, as a finding id's


@pytest.mark.parametrize("mark", ["...", "…"])
def test_a_paragraph_ending_with_its_own_ellipsis_gets_no_second_one(tmp_path: Path, mark: str) -> None:
    """The paragraph shown ends where the report's next one begins, so show marks it as going
    on; the report's own "..." (or "…") already says so: "hồ sơ...…" read as a typo."""
    report = tmp_path / "thong-bao.txt"
    report.write_text(REPORT.replace("khi tiếp nhận hồ sơ.", "khi tiếp nhận hồ sơ" + mark), encoding="utf-8")
    db = str(tmp_path / "k.db")
    assert run("--db", db, "ingest", str(report), "--no-progress").exit_code == 0
    with index.store.Store(Path(db)) as store:
        [finding_id] = [r.finding_id for r in store.finding_records() if "phiếu hẹn cho công dân" in r.text]
    shown = run("--db", db, "show", finding_id)
    assert shown.exit_code == 0, shown.output
    [context] = [line for line in shown.stdout.splitlines() if "phiếu hẹn cho công dân" in line]
    assert context.endswith("hồ sơ" + mark) and context.startswith("…Xã đã"), context


def test_a_paragraph_cut_with_more_to_come_is_marked_once(ingested: tuple[str, Path, str]) -> None:
    db, _, finding_id = ingested
    [context] = [line for line in run("--db", db, "show", finding_id).stdout.splitlines()
                 if "phiếu hẹn cho công dân" in line]
    assert context.endswith("hồ sơ.…") and context.startswith("…Xã đã thực hiện tốt"), context
