"""What one ingestion run did, and the lock that keeps two runs from interleaving.

Why one summary for every run: the morning after, an operator wants counts per source (inbox,
each feed), where the time went per stage, and the files by name — new, changed, newly failed
(with the reason), still quarantined, removed — in the Prefect UI (markdown artifact), in
`kiemtra runs` (the store) and as the flow's return value; `kiemtra ingest` and `kiemtra
quarantine retry` close with the same counts. One plain dataclass with `to_dict`/`from_dict`
serves them all, `render_markdown` is the one place that turns it into text, `line()` the one
place that turns its counts into the closing line and `problems()` the one that lists what
needs the operator, so the log, the commands and the artifact cannot disagree.

Why a file lock: SQLite keeps each document's write atomic, but two runs over the same inbox
would both extract the same new files and fight over the index. `run_lock` takes an exclusive
`flock` on `<db>.lock` for the run's duration; the kernel drops it when the process dies, even
by kill -9, so a crashed run never blocks the next one.
"""

from __future__ import annotations

import fcntl
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from core.errors import BackendError, printable
from extractors import unsupported_reason, unsupported_why
from pipeline.process import CHANGED, FAILED, INGESTED, QUARANTINED, REREAD, SKIPPED, Outcome

LOGGER = logging.getLogger(__name__)

NEW = "new"
REMOVED = "removed"
# The source of files named on the command line (`kiemtra ingest`, `kiemtra quarantine retry`).
COMMAND_LINE = "command line"
COUNT_KEYS = (NEW, CHANGED, REREAD, SKIPPED, FAILED, QUARANTINED, REMOVED)
COUNT_HEADINGS = {QUARANTINED: "still quarantined"}  # a count's heading where its key says less
STAGES = ("read", "extract", "store", "index")
_COUNT_OF_STATUS = {
    INGESTED: NEW, CHANGED: CHANGED, REREAD: REREAD, SKIPPED: SKIPPED, FAILED: FAILED,
    QUARANTINED: QUARANTINED,
}

# A file whose bytes another file already holds: named, since "2 new" stored one document (the
# store keys a document by its bytes) and the run said nothing of it (ux29's sweep).
COPY_WORDS = "the same bytes as"

# Run statuses, as the store's runs table holds them.
RUNNING, COMPLETED, PARTIAL, ERROR, INTERRUPTED = "running", "completed", "partial", "error", "interrupted"


def _zero_counts() -> dict[str, int]:
    return dict.fromkeys(COUNT_KEYS, 0)


@dataclass(slots=True)
class RunSummary:
    """Counts, files, timings and failures of one run.

    `stages` add up per-document seconds, `phases` are the run's wall-clock steps (collect,
    load, ingest, removed, index), so their gap shows overlap. `duration_s` is the flow's own
    wall time; `startup_s` is what the caller waited before the flow began (Prefect starting
    its temporary server and creating the flow run; from the CLI, importing Prefect too), None when
    nobody measured it (a served run).
    `failed` counts new failures only: bytes that already failed are `quarantined`, not read.
    `re-read` counts stored documents read again because the extractor changed (their bytes did
    not); `retried` the quarantined files it read again for the same reason, `recovered` those
    of them it could read now. `extractor_version` is the version the run extracted with.
    """

    run_id: str = ""
    status: str = RUNNING
    counts: dict[str, int] = field(default_factory=_zero_counts)
    by_source: dict[str, dict[str, int]] = field(default_factory=dict)
    stages: dict[str, float] = field(default_factory=dict)
    phases: dict[str, float] = field(default_factory=dict)
    failures: list[dict[str, str]] = field(default_factory=list)  # new failures: path, source, reason, ...
    # Documents stored with a warning of their reader (Outcome.warnings): path, source, warning.
    warned: list[dict[str, str]] = field(default_factory=list)
    quarantined: list[dict[str, str]] = field(default_factory=list)  # known bytes, not read again
    new_files: list[str] = field(default_factory=list)
    changed_files: list[str] = field(default_factory=list)
    reread_files: list[str] = field(default_factory=list)
    retried: int = 0
    recovered: int = 0
    extractor_version: str = ""
    removed: list[dict[str, str]] = field(default_factory=list)  # path, action
    # Files under a folder given whose format no reader takes (extractors.unsupported): not read,
    # not failed (nothing in them was tried), each named to the operator (`problems`).
    unsupported: list[str] = field(default_factory=list)
    # Files stored this run whose bytes another file holds (Outcome.copy_of): path, source, same_as.
    copies: list[dict[str, str]] = field(default_factory=list)
    findings: int = 0
    indexed: int = 0
    not_indexed: int = 0
    index_error: str | None = None
    error: str | None = None  # why the run itself stopped, when it did
    startup_s: float | None = None
    duration_s: float = 0.0

    def _count(self, source: str, key: str) -> None:
        self.counts[key] += 1
        self.by_source.setdefault(source, _zero_counts())[key] += 1

    def add(self, outcome: Outcome, source: str, name: str | None = None) -> None:
        """One document's outcome, attributed to the source it came from; `name` is what the
        operator knows it by (a page's URL rather than its kept copy), the path by default."""
        self._count(source, _COUNT_OF_STATUS[outcome.status])
        self.findings += outcome.findings
        for stage, seconds in outcome.stages.items():
            self.stages[stage] = self.stages.get(stage, 0.0) + seconds
        name = name or outcome.path
        self.warned += [{"path": name, "source": source, "warning": w} for w in outcome.warnings]
        if outcome.copy_of:
            self.copies.append({"path": name, "source": source, "same_as": outcome.copy_of})
        if outcome.status == INGESTED:
            self.new_files.append(name)
        elif outcome.status == CHANGED:
            self.changed_files.append(name)
        elif outcome.status == REREAD:
            self.reread_files.append(name)
        if outcome.extractor_changed and outcome.status != REREAD:
            self.retried += 1
            self.recovered += outcome.status in (INGESTED, CHANGED)
        # Every new failure is listed with its reason, a retried one too (the machine's fault,
        # e.g. Tesseract missing, holds no bytes and so fails anew); a quarantined file retried
        # with the changed extractor was read again, so it is not one of those "not read again".
        if outcome.status == FAILED or (outcome.status == QUARANTINED and not outcome.extractor_changed):
            entry = {"path": name, "source": source, "reason": outcome.reason or "unknown",
                     "error_type": outcome.error_type or ""}
            (self.failures if outcome.status == FAILED else self.quarantined).append(entry)

    def add_removed(self, path: str, action: str, source: str) -> None:
        """A file that left the inbox since the last run, and what was done about it."""
        self._count(source, REMOVED)
        self.removed.append({"path": path, "action": action})

    def add_failure(self, path: str, source: str, reason: str, error_type: str = "") -> None:
        """A failure before any document was read, e.g. a feed that could not be fetched."""
        self._count(source, FAILED)
        self.failures.append({"path": path, "source": source, "reason": reason, "error_type": error_type})

    def finish(self) -> None:
        """Settle the status: any failed document or unindexed one makes the run partial."""
        self.status = PARTIAL if self.counts[FAILED] or self.not_indexed else COMPLETED

    @property
    def failed(self) -> bool:
        return self.counts[FAILED] > 0

    def problems(self) -> list[str]:
        """What the operator must see after a run, one line each: every new failure with its
        reason, each document stored with its reader's warning, the known-bad files not read
        again, the files that left the inbox, and what waits for the search index."""
        lines = [f["reason"] for f in self.failures]
        lines += [w["warning"] for w in self.warned]
        lines += [f"{c['path']}: {COPY_WORDS} {c['same_as']}: stored once, its findings not counted twice"
                  for c in self.copies]
        lines += [unsupported_reason(Path(path)) for path in self.unsupported]
        if self.quarantined:
            lines.append(f"{len(self.quarantined)} known-bad files not read again:"
                         " see `kiemtra quarantine list`")
        lines += [f"{r['path']}: removed from the inbox, {r['action']}" for r in self.removed]
        if self.not_indexed:
            lines.append(f"{self.not_indexed} stored but not yet indexed: the next run or"
                         " `kiemtra reindex` indexes them")
        return lines

    def line(self) -> str:
        c = self.counts
        text = f"{c[NEW]} new, {c[CHANGED]} changed, {c[SKIPPED]} skipped, {c[FAILED]} failed"
        # Counted here too: the lines after it name failures and warnings alike ("kiemtra: FILE:
        # reason"), and "5 failed" over seven lines read as if two more had failed
        if warned := len({w["path"] for w in self.warned}):
            text += f", {warned} stored with a warning"
        if self.copies:
            text += f", {len(self.copies)} a copy of another file (stored once)"
        if c[QUARANTINED]:
            text += f", {c[QUARANTINED]} still quarantined"
        if c[REMOVED]:
            text += f", {c[REMOVED]} removed"
        if self.unsupported:
            text += f", {len(self.unsupported)} not read (a format kiemtra does not read)"
        text += self.extractor_line()
        if self.not_indexed:
            text += f"; {self.not_indexed} stored but not yet indexed"
        return text

    def extractor_line(self) -> str:
        """What the extractor's change cost this run, "" when nothing: "; 12 re-read: the
        extractor changed" (and the quarantined files it retried, how many it can read now)."""
        text = f"; {self.counts[REREAD]} re-read: the extractor changed" if self.counts[REREAD] else ""
        if self.retried:
            text += (f"; {self.retried} quarantined retried with the changed extractor,"
                     f" {self.recovered} now read")
        return text

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RunSummary:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        summary = cls(**known)
        for counts in (summary.counts, *summary.by_source.values()):  # runs recorded before v3
            for key in COUNT_KEYS:
                counts.setdefault(key, 0)
        return summary


def _seconds(value: float) -> str:
    return f"{value:.1f} s" if value < 120 else f"{value / 60:.1f} min"


def _cell(text: str) -> str:
    """Markdown table cells cannot hold pipes or newlines; reasons may contain both, and file
    names control characters (`kiemtra runs RUN` prints this on a terminal)."""
    return printable(" ".join(text.split())).replace("|", "\\|")


def _path_cell(path: str) -> str:
    """A file's name in a cell as the terminal's lines name it (`printable`: a newline or a tab in
    it written "\\n", "\\t"), not folded to a space as a reason's whitespace is (`_cell`): "new
    line.doc" is another file than the one on disk."""
    return printable(path).replace("|", "\\|")


def timing(summary: RunSummary) -> str:
    """Both durations: what the operator waited for Prefect to start, and the flow itself."""
    flow = f"the flow took {_seconds(summary.duration_s)}"
    if summary.startup_s is None:
        return flow.capitalize() + "."
    total = summary.startup_s + summary.duration_s
    return (f"{_seconds(total)} in all: Prefect start-up (import, temporary server, flow run) "
            f"{_seconds(summary.startup_s)}, then {flow}.")


def _names(title: str, names: list[str]) -> list[str]:
    return ["", f"## {title} ({len(names)})", "", *(f"- {_cell(name)}" for name in names)] if names else []


def render_markdown(summary: RunSummary, *, title: str = "Nightly ingestion") -> str:
    """The run as markdown: what the Prefect artifact shows and `kiemtra runs RUN_ID` prints."""
    lines = [
        f"# {title}: {summary.status}",
        "",
        f"Run `{summary.run_id}`: **{summary.line()}**; {summary.findings} findings extracted.",
        "",
        timing(summary),
    ]
    if summary.extractor_version:
        lines += ["", f"Extractor version `{summary.extractor_version}`."]
    if summary.error:
        lines += ["", f"The run stopped: {_cell(summary.error)}"]
    if summary.not_indexed or summary.index_error:
        lines += ["", f"{summary.not_indexed} documents stored but not yet indexed;"
                  " the next run indexes them."
                  + (f" Index error: {_cell(summary.index_error)}" if summary.index_error else "")]
    # Each count headed as the closing line words it: "quarantined" alone, over a run's "Failed,
    # now quarantined (5)", read as 0 of those five quarantined; it counts the known-bad not read
    headings = [COUNT_HEADINGS.get(key, key) for key in COUNT_KEYS]
    lines += ["", "| source | " + " | ".join(headings) + " |", "|---|" + "---:|" * len(COUNT_KEYS)]
    for source, counts in sorted(summary.by_source.items()):
        lines.append(f"| {_cell(source)} | " + " | ".join(str(counts[k]) for k in COUNT_KEYS) + " |")
    lines += ["", "| stage | seconds |", "|---|---:|"]
    for stage in (*STAGES, *sorted(set(summary.stages) - set(STAGES))):
        if stage in summary.stages:
            lines.append(f"| {stage} (sum over documents) | {_seconds(summary.stages[stage])} |")
    for phase, seconds in summary.phases.items():
        lines.append(f"| {phase} (wall clock) | {_seconds(seconds)} |")
    lines += _names("New", summary.new_files) + _names("Changed", summary.changed_files)
    lines += _names("Re-read: the extractor changed", summary.reread_files)
    for heading, entries in (("Failed, now quarantined", summary.failures),
                             ("Still quarantined, not read again", summary.quarantined)):
        if entries:
            lines += ["", f"## {heading} ({len(entries)})", "", "| file | source | error | reason |",
                      "|---|---|---|---|"]
            lines += [f"| {_path_cell(f['path'])} | {_cell(f['source'])} | {f['error_type']}"
                      f" | {_cell(f['reason'])} |" for f in entries]
    if summary.warned:
        lines += ["", f"## Stored with a warning ({len(summary.warned)})", "", "| file | source | warning |",
                  "|---|---|---|"]
        lines += [f"| {_path_cell(w['path'])} | {_cell(w['source'])} | {_cell(w['warning'])} |"
                  for w in summary.warned]
    if summary.copies:
        lines += ["", f"## Copies: the same bytes as another file, stored once ({len(summary.copies)})", "",
                  "| file | source | same bytes as |", "|---|---|---|"]
        lines += [f"| {_path_cell(c['path'])} | {_cell(c['source'])} | {_path_cell(c['same_as'])} |"
                  for c in summary.copies]
    if summary.unsupported:
        lines += ["", f"## Not read: a format kiemtra does not read ({len(summary.unsupported)})", "",
                  "| file | why |", "|---|---|"]
        lines += [f"| {_path_cell(path)} | {_cell(unsupported_why(Path(path)))} |"
                  for path in summary.unsupported]
    if summary.removed:
        lines += ["", f"## Removed from the inbox ({len(summary.removed)})", "",
                  "| file | done |", "|---|---|"]
        lines += [f"| {_path_cell(r['path'])} | {_cell(r['action'])} |" for r in summary.removed]
    return "\n".join(lines) + "\n"


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


@contextmanager
def run_lock(database: Path, *, wait: bool = False) -> Iterator[None]:
    """Hold the store's run lock for the block; without `wait`, refuse at once if it is taken.

    The holder's pid is written into the lock file so the refusal can name it.
    """
    path = lock_path(database)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:  # a read-only folder, a full disk: one line, not a traceback
        raise BackendError(f"cannot take the run lock: {e.strerror or e}", path=path) from e
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            raise BackendError(f"another ingestion run (pid {holder}) is in progress;"
                               " wait for it or pass --wait", path=path) from None
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        except OSError as e:  # the pid is only for the refusal message; a full disk must not stop us
            LOGGER.warning("%s: cannot write the pid into the run lock: %s", path, e.strerror or e)
        LOGGER.debug("run lock %s taken by pid %d", path, os.getpid())
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the flock


def ensure_idle(database: Path) -> None:
    """Raise the run lock's refusal now if a run holds it: a quick check before starting Prefect."""
    with run_lock(database, wait=False):
        pass
