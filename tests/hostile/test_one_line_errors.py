"""Item 10 and the store minors: one clear line, never a traceback, for a broken environment.

Before the fix: a read-only folder or full disk at the run lock printed an OSError traceback
(ingest, reindex, nightly); search could not read a store on a read-only disk (WAL wants its
-shm file); `--es-url file:///...` raised ValueError from the client library; a 0-byte file
silently became a new, empty store; `--db ''` fell back to the default store.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli

GOOD = "Ngày 12/3/2024, Đoàn kiểm tra ghi nhận Ủy ban nhân dân xã chưa niêm yết công khai thủ tục hành chính."


def _run(*args: str) -> tuple[int, list[str], str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stderr.splitlines(), result.stdout


@contextmanager
def read_only(folder: Path) -> Iterator[Path]:
    """`folder` as a read-only place: permissions for a normal user, a read-only bind mount for
    root (whom permissions do not stop). Skips where neither is possible."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)
        return
    view = folder.with_name(folder.name + "-ro")
    view.mkdir()
    mounted = subprocess.run(["mount", "--bind", str(folder), str(view)], capture_output=True).returncode == 0
    if not mounted or subprocess.run(["mount", "-o", "remount,bind,ro", str(view)],
                                     capture_output=True).returncode != 0:
        if mounted:
            subprocess.run(["umount", str(view)], check=False)
        pytest.skip("running as root without permission to mount a read-only view")
    try:
        yield view
    finally:
        if subprocess.run(["umount", str(view)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(view)], check=False)  # a file still open: detach anyway


@contextmanager
def full_disk(folder: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs at `folder`, filled to the last byte (needs root; skips otherwise)."""
    folder.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)],
                                           capture_output=True).returncode != 0:
        pytest.skip("a full disk needs root's tmpfs mount here")
    try:
        with (folder / "day").open("wb") as fh, contextlib.suppress(OSError):
            fh.write(b"\0" * 65536)
            fh.flush()
        yield folder
    finally:
        if subprocess.run(["umount", str(folder)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_full_disk_is_one_line_and_leaves_no_empty_store(tmp_path: Path) -> None:
    (tmp_path / "bao_cao.txt").write_text(GOOD, encoding="utf-8")
    with full_disk(tmp_path / "day") as disk:
        for command in (["ingest", "--no-progress", str(tmp_path / "bao_cao.txt")], ["reindex"]):
            code, err, _ = _run("--db", str(disk / "k.db"), *command)
            assert code == 1 and len(err) == 1 and "disk is full" in err[0], err
        assert not (disk / "k.db").exists()  # else the next run would find a 0-byte "store"


def test_read_only_store_searches_and_refuses_writes_in_one_line(tmp_path: Path) -> None:
    store = tmp_path / "kho"
    store.mkdir()
    (tmp_path / "bao_cao.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "thong_bao.txt").write_text(GOOD.replace("12/3/2024", "20/5/2023"), encoding="utf-8")
    code, _, _ = _run("--db", str(store / "k.db"), "ingest", "--no-progress", str(tmp_path))
    assert code == 0
    with read_only(store) as view:
        db = str(view / "k.db")
        code, err, out = _run("--db", db, "search", "niem", "yet")
        # stderr holds only what the search understood of the words, no error
        assert code == 0 and out.startswith("2 findings")
        assert [line for line in err if not line.startswith("kiemtra: read as: ")] == [], err
        code, err, out = _run("--db", db, "stats")
        assert code == 0 and out.startswith("2 documents")
        for command in (["ingest", "--no-progress", str(tmp_path / "bao_cao.txt")], ["reindex"]):
            code, err, _ = _run("--db", db, *command)
            assert code == 1 and len(err) == 1 and "cannot take the run lock" in err[0], err


def test_bad_store_and_engine_settings_are_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "rong.db"
    empty.write_bytes(b"")
    os.utime(empty, (1_700_000_000, 1_700_000_000))  # left there long ago, not being created now
    code, err, _ = _run("--db", str(empty), "stats")
    assert code == 1 and len(err) == 1 and "empty (0 bytes)" in err[0]
    assert empty.stat().st_size == 0  # not turned into a store
    code, err, _ = _run("--db", "", "stats")
    assert code == 1 and err == ["kiemtra: --db needs a file name (leave it out for the default store)"]
    code, err, _ = _run("--backend", "elasticsearch", "--es-url", "file:///etc/passwd", "search", "x")
    assert code == 1 and len(err) == 1 and "not an http(s)://host:port URL" in err[0]
