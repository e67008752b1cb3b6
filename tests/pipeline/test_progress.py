"""Progress off a terminal is lines (n/N, docs/s, time left), on a terminal a bar; `ingest
--progress` into a pipe prints lines (it printed nothing before)."""

from __future__ import annotations

import io
import re
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import pipeline.process
from benchmarks.nightly import write_reports
from pipeline.cli import cli
from pipeline.progress import MIN_STILL_S, STILL_AFTER, ProgressLines, Reading, duration, progress_for

LINE = re.compile(r"^ingest (\d+)/(\d+) \(\d+ %\), \d+\.\d docs/s(, about .+ left|, done in .+)$")


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_lines_say_how_far_how_fast_and_how_long_still() -> None:
    clock, out = Clock(), io.StringIO()
    lines = ProgressLines(100, out, every_s=10.0, clock=clock)
    clock.now += 5
    lines.advance(10)  # 5 s since the last line: not yet
    assert out.getvalue() == ""
    clock.now += 5
    lines.advance(10)  # 20 documents in 10 s
    assert out.getvalue() == "ingest 20/100 (20 %), 2.0 docs/s, about 40 s left\n"
    clock.now += 160
    lines.advance(80)
    assert out.getvalue().splitlines()[-1] == "ingest 100/100 (100 %), 0.6 docs/s, done in 2 min 50 s"
    assert duration(3725) == "1 h 02 min"


def test_off_a_terminal_progress_is_lines_and_a_stop_says_where() -> None:
    out = io.StringIO()  # isatty() is False, like a pipe or the journal
    with progress_for(3, stream=out, every_s=0.0) as progress:
        progress.advance()
    assert [LINE.match(line) is not None for line in out.getvalue().splitlines()] == [True, True]
    assert out.getvalue().splitlines()[-1].startswith("ingest 1/3")


def test_on_a_terminal_progress_is_a_bar() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    out = Terminal()
    with progress_for(4, stream=out) as progress:
        progress.advance(4)
    assert "4/4" in out.getvalue() and "docs/s" in out.getvalue() and "━" in out.getvalue()
    assert not LINE.search(out.getvalue())


def test_ingest_progress_into_a_pipe_prints_lines(tmp_path: Path) -> None:
    write_reports(tmp_path / "inbox", 3, seed=2)
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "k.db"), "--set", "progress_every_s=0",
                                      "ingest", "--progress", str(tmp_path / "inbox")])
    assert result.exit_code == 0, result.output
    lines = [m.groups()[:2] for m in map(LINE.match, result.stderr.splitlines()) if m]
    assert lines == [("1", "3"), ("2", "3"), ("3", "3")]
    assert result.stdout.startswith("3 new")


def test_a_file_read_long_is_named_after_a_silence_and_a_busy_run_is_not() -> None:
    """ux23's sweep: a small nightly run with one file read for ten minutes printed nothing that
    long. After STILL_AFTER intervals with no line, a line names the file holding the run, once per
    such silence; a run whose documents keep finishing prints only its own lines."""
    clock, out = Clock(), io.StringIO()
    files = Reading(clock)
    lines = ProgressLines(3, out, every_s=10.0, clock=clock, files=files)
    assert lines.still_after_s == STILL_AFTER * 10.0
    with files.file("/srv/inbox/lon.txt"):
        clock.now += 59
        lines.still()
        assert out.getvalue() == ""  # not yet a minute
        clock.now += 1
        lines.still()
        assert out.getvalue() == "ingest 0/3 (0 %), still reading /srv/inbox/lon.txt (1 min 00 s)\n"
        clock.now += 30
        lines.still()  # said half a minute ago: not again
        with files.file("/srv/inbox/ngan.txt"):
            clock.now += 30
            lines.still()
        assert out.getvalue().splitlines()[-1] == \
            "ingest 0/3 (0 %), still reading /srv/inbox/lon.txt (2 min 00 s), 1 more being read"
        busy = io.StringIO()
        running = ProgressLines(300, busy, every_s=10.0, clock=clock, files=files)
        for _ in range(30):  # a document every 10 s: a line each time, never a "still"
            clock.now += 10
            running.advance()
            running.still()
        assert "still" not in busy.getvalue()


def test_ingest_into_a_pipe_names_the_file_it_is_still_reading(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The real command: a file whose reading takes longer than the silence is named while read."""
    write_reports(tmp_path / "inbox", 2, seed=3)
    slow = sorted((tmp_path / "inbox").iterdir())[0]
    real = pipeline.process.read_and_extract

    def slow_read(path: Path, **kwargs: Any) -> Any:
        if path.name == slow.name:
            time.sleep(MIN_STILL_S * 2.5)
        return real(path, **kwargs)

    monkeypatch.setattr(pipeline.process, "read_and_extract", slow_read)
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "k.db"), "--set", "progress_every_s=0.01",
                                      "ingest", "--progress", str(tmp_path / "inbox")])
    assert result.exit_code == 0, result.output
    still = [line for line in result.stderr.splitlines() if "still reading" in line]
    assert still and all(f"still reading {slow.resolve()} (" in line for line in still), result.stderr
    assert len(still) <= 3  # one per silence, not one per tick
