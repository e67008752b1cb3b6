"""Progress of a long ingestion: a bar for a person at a terminal, plain lines for everyone else.

Why two forms: a bar redraws one line in place, which is right on a terminal and garbage in a
log file, a pipe or the systemd journal (and rich draws nothing at all there). Off a terminal
the operator gets one line every `every_s` seconds — documents done out of the total, documents
per second, time left — and a closing line, so `kiemtra nightly --once 2>&1 | tee run.log` shows
what a run is doing without flooding the log.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Protocol, TextIO


class Progress(Protocol):
    """What a loop tells its progress display: `n` more documents are done."""

    def advance(self, n: int = 1) -> None: ...


def duration(seconds: float) -> str:
    """'45 s', '3 min 05 s', '1 h 02 min': short enough for a progress line."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, secs = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


@dataclass(slots=True)
class ProgressLines:
    """One line per `every_s` seconds (and at the end) on `stream`; the clock is injectable."""

    total: int
    stream: TextIO
    label: str = "ingest"
    every_s: float = 10.0
    clock: Callable[[], float] = time.monotonic
    done: int = 0
    _started: float = field(default=0.0, init=False)
    _last: float = field(default=0.0, init=False)

    def __post_init__(self) -> None:
        self._started = self._last = self.clock()

    def line(self) -> str:
        """'ingest 120/414 (29 %), 3.1 docs/s, about 1 min 35 s left'."""
        elapsed = self.clock() - self._started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        text = f"{self.label} {self.done}/{self.total} ({100 * self.done // max(1, self.total)} %)"
        text += f", {rate:.1f} docs/s"
        if self.done >= self.total:
            return text + f", done in {duration(elapsed)}"
        return text + (f", about {duration((self.total - self.done) / rate)} left" if rate > 0 else "")

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = self.clock()
        if now - self._last >= self.every_s or self.done >= self.total:
            self._last = now
            print(self.line(), file=self.stream, flush=True)


class NoProgress:
    """Progress nobody watches (a served run: its log is Prefect's)."""

    def advance(self, n: int = 1) -> None:
        pass


@contextmanager
def progress_for(total: int, *, stream: TextIO, label: str = "ingest", every_s: float = 10.0,
                 shown: bool = True) -> Iterator[Progress]:
    """A bar when `stream` is a terminal, lines otherwise, nothing unless `shown`."""
    if not shown:
        yield NoProgress()
        return
    if not stream.isatty():
        lines = ProgressLines(total, stream, label=label, every_s=every_s)
        yield lines
        if lines.done < total:  # stopped early: say where
            print(lines.line(), file=stream, flush=True)
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.progress import Progress as RichProgress

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
               TextColumn("{task.fields[rate]}"),
               TimeElapsedColumn(), TimeRemainingColumn())
    with RichProgress(*columns, console=Console(file=stream), transient=False) as bar:
        task = bar.add_task(label, total=total, rate="")
        yield ProgressBar(bar, task)


@dataclass(slots=True)
class ProgressBar:
    """rich's bar with the same facts as the lines: n/N, docs/s in its own column (rich's speed
    column is bytes-shaped), time left."""

    bar: object
    task: int
    clock: Callable[[], float] = time.monotonic
    _started: float = field(default=0.0, init=False)
    _done: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        self._started = self.clock()

    def advance(self, n: int = 1) -> None:
        self._done += n
        elapsed = self.clock() - self._started
        rate = f"{self._done / elapsed:.1f} docs/s" if elapsed > 0 else ""
        self.bar.update(self.task, advance=n, rate=rate)  # type: ignore[attr-defined]
