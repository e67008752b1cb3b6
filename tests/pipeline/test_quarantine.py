"""Quarantine that holds, through `kiemtra ingest` and `kiemtra quarantine` (no Prefect needed:
the nightly flow runs the same `ingest_one`; tests/flows/test_nightly.py checks it there too).

The life cycle an operator sees: a bad file fails once (exit 1); the next runs do not read the
same bytes again and exit 0; new bytes are a new failure; `release` makes the next run read it;
`retry` reads it now, and after the cause is fixed (here: a size limit raised) it is ingested.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import count_reads, kiemtra

from index.store import Store

REPORT = ("Ngày 05/6/2022, Đoàn kiểm tra làm việc tại UBND xã Mỹ Hòa.\n\n"
          "Tuy nhiên, bộ phận một cửa chưa sử dụng sổ theo dõi hồ sơ theo mẫu quy định.\n")


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files the pipeline actually opened with a reader."""
    return count_reads(monkeypatch)


def test_known_bad_bytes_are_not_read_again_until_they_change_or_are_released(
        tmp_path: Path, reads: list[str]) -> None:
    inbox, db = tmp_path / "inbox", tmp_path / "k.db"
    inbox.mkdir()
    (inbox / "tot.txt").write_text(REPORT, encoding="utf-8")
    bad = inbox / "hong.pdf"
    bad.write_bytes(b"%PDF-1.7\n% truncated")

    first = kiemtra(db, "ingest", "--no-progress", str(inbox))
    assert first.exit_code == 1 and "hong.pdf" in first.stderr
    assert first.stdout.startswith("1 new, 0 changed, 0 skipped, 1 failed")

    reads.clear()
    second = kiemtra(db, "ingest", "--no-progress", str(inbox))
    assert second.exit_code == 0, second.output  # nothing NEW failed
    assert second.stdout.startswith("0 new, 0 changed, 1 skipped, 0 failed, 1 still quarantined")
    assert reads == []  # neither the good file (unchanged) nor the known-bad one was read
    with Store(db) as store:
        [held] = store.failures()
    assert held.count == 2 and held.first_seen <= held.failed_at and held.sha256

    bad.write_bytes(b"%PDF-1.7\n% truncated differently")
    third = kiemtra(db, "ingest", "--no-progress", str(inbox))
    assert third.exit_code == 1 and "1 failed" in third.stdout and reads == ["hong.pdf"]
    with Store(db) as store:
        [renewed] = store.failures()
    assert renewed.count == 1 and renewed.sha256 != held.sha256

    listed = kiemtra(db, "quarantine", "list", "--format", "json")
    [record] = json.loads(listed.stdout)["quarantined"]
    assert record["path"] == str(bad.resolve()) and record["count"] == 1 and record["reason"]

    reads.clear()
    assert renewed.sha256 is not None
    released = kiemtra(db, "quarantine", "release", renewed.sha256[:10])
    assert released.exit_code == 0 and str(bad.resolve()) in released.stdout
    assert kiemtra(db, "quarantine", "list").stdout.strip() == "nothing quarantined"
    fourth = kiemtra(db, "ingest", "--no-progress", str(inbox))
    assert fourth.exit_code == 1 and reads == ["hong.pdf"]  # released: read again, a new failure


def test_retry_reads_now_and_lifts_the_quarantine_once_the_cause_is_fixed(
    tmp_path: Path, reads: list[str]
) -> None:
    inbox, db = tmp_path / "inbox", tmp_path / "k.db"
    inbox.mkdir()
    big = inbox / "bao-cao-dai.txt"
    big.write_text(REPORT * 20, encoding="utf-8")
    small_limit = ["--set", "max_file_bytes=1000"]

    assert kiemtra(db, *small_limit, "ingest", "--no-progress", str(inbox)).exit_code == 1
    reads.clear()
    still = kiemtra(db, *small_limit, "quarantine", "retry", str(big))
    assert still.exit_code == 1 and "max_file_bytes" in still.stderr
    assert reads == [big.name]  # retry reads the known-bad bytes, which a run would not
    with Store(db) as store:
        assert store.failures()[0].count == 2  # retried: seen again, same bytes

    fixed = kiemtra(db, "--set", "max_file_bytes=1000000", "quarantine", "retry", "--all")
    assert fixed.exit_code == 0, fixed.output
    assert fixed.stdout.startswith("1 new")
    with Store(db) as store:
        assert store.failures() == []
        [document] = store.documents()
    assert [Path(p).name for p in document.paths] == [big.name] and document.findings and document.indexed


def test_retry_does_not_follow_a_quarantined_path_that_became_a_link(
    tmp_path: Path, reads: list[str]
) -> None:
    inbox, db = tmp_path / "inbox", tmp_path / "k.db"
    inbox.mkdir()
    bad = inbox / "hong.pdf"
    bad.write_bytes(b"%PDF-1.7\n% truncated")
    assert kiemtra(db, "ingest", "--no-progress", str(inbox)).exit_code == 1
    secret = tmp_path / "outside" / "rieng.txt"
    secret.parent.mkdir()
    secret.write_text(REPORT, encoding="utf-8")
    bad.unlink()
    bad.symlink_to(secret)
    reads.clear()

    retried = kiemtra(db, "quarantine", "retry", "--all")

    assert retried.exit_code == 1 and "symbolic link; not followed" in retried.stderr
    assert reads == []
    with Store(db) as store:
        assert store.documents() == []


def test_quarantine_commands_refuse_what_they_cannot_name(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    assert kiemtra(db, "quarantine", "release").exit_code == 2  # neither targets nor --all
    unknown = kiemtra(db, "quarantine", "retry", "/no/such/file.pdf")
    assert unknown.exit_code == 1 and "nothing quarantined matches" in unknown.stderr
