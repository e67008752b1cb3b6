"""Progress of a long ingestion: a bar for a person at a terminal, plain lines for everyone else.

Why two forms: a bar redraws one line in place, which is right on a terminal and garbage in a
log file, a pipe or the systemd journal (and rich draws nothing at all there). Off a terminal
the operator gets one line every `every_s` seconds — documents done out of the total, documents
per second, time left — and a closing line, so `kiemtra nightly --once 2>&1 | tee run.log` shows
what a run is doing without flooding the log.

A line comes when documents finish; one file read for ten minutes (an 18 MB text near
nlp_timeout_s) held a small run silent that long, and the operator could not tell it from a hung
one. So the files being read are known (`reading`, around each file's read and extraction) and,
off a terminal, a watcher says which one holds the run once no line has come for `STILL_AFTER`
progress intervals, and again each such interval while it does: a big run, whose documents finish
every interval, never hears from it.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Protocol, TextIO

from core.errors import printable


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


STILL_AFTER = 6  # progress intervals (progress_every_s) without a line before one names the file read
MIN_STILL_S = 1.0  # and never sooner than this: "a line per document" (every_s = 0) is no reason to tick


class Reading:
    """The files this process is reading now, each with the time it began (threads of a nightly
    run's batches read several at once)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._started: dict[str, float] = {}

    @contextmanager
    def file(self, path: str) -> Iterator[None]:
        with self._lock:
            self._started[path] = self._clock()
        try:
            yield
        finally:
            with self._lock:
                self._started.pop(path, None)

    def longest(self) -> tuple[str, float, int] | None:
        """(the file read longest, for how many seconds, how many files are being read), or None."""
        with self._lock:
            if not self._started:
                return None
            path, since = min(self._started.items(), key=lambda item: item[1])
            return path, self._clock() - since, len(self._started)


READING = Reading()  # the process's: pipeline.process.ingest_one reads every file inside it


def reading(path: str) -> contextlib.AbstractContextManager[None]:
    """While `path` is read and extracted: the progress lines may name it (`ProgressLines.still`)."""
    return READING.file(path)


@dataclass(slots=True)
class ProgressLines:
    """One line per `every_s` seconds (and at the end) on `stream`; the clock is injectable."""

    total: int
    stream: TextIO
    label: str = "ingest"
    every_s: float = 10.0
    clock: Callable[[], float] = time.monotonic
    done: int = 0
    files: Reading = field(default_factory=lambda: READING)
    _started: float = field(default=0.0, init=False)
    _last: float = field(default=0.0, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)

    def __post_init__(self) -> None:
        self._started = self._last = self.clock()

    @property
    def still_after_s(self) -> float:
        """The silence after which a line names the file holding the run (`still`)."""
        return max(STILL_AFTER * self.every_s, MIN_STILL_S)

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
        with self._lock:
            self.done += n
            now = self.clock()
            if now - self._last >= self.every_s or self.done >= self.total:
                self._last = now
                print(self.line(), file=self.stream, flush=True)

    def still(self) -> None:
        """After `still_after_s` with no line while a file has been read as long: a line naming it,
        "ingest 2/3 (66 %), still reading /srv/inbox/lon.txt (4 min 10 s)" (and how many others
        are read beside it)."""
        with self._lock:
            now, longest = self.clock(), self.files.longest()
            if longest is None or now - self._last < self.still_after_s or longest[1] < self.still_after_s:
                return
            path, seconds, count = longest
            self._last = now
            others = f", {count - 1} more being read" if count > 1 else ""
            print(f"{self.label} {self.done}/{self.total} ({100 * self.done // max(1, self.total)} %), still"
                  f" reading {printable(path)} ({duration(seconds)}){others}", file=self.stream, flush=True)

    @contextmanager
    def watched(self) -> Iterator[None]:
        """A thread calling `still` a few times per `still_after_s` while the block runs."""
        stop = threading.Event()

        def watch() -> None:
            while not stop.wait(self.still_after_s / 3):
                self.still()

        watcher = threading.Thread(target=watch, name="progress-still", daemon=True)
        watcher.start()
        try:
            yield
        finally:
            stop.set()
            watcher.join()


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
        with lines.watched():
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
