"""Progress off a terminal is lines (n/N, docs/s, time left), on a terminal a bar; `ingest
--progress` into a pipe prints lines (it printed nothing before)."""

from __future__ import annotations

import io
import re
from pathlib import Path

from click.testing import CliRunner

from benchmarks.nightly import write_reports
from pipeline.cli import cli
from pipeline.progress import ProgressLines, duration, progress_for

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
