"""The nightly Prefect flow: collect → read → extract → store → index, in batches, under a run lock.

Why it looks like this:
- The stages are the plain functions everyone else calls (`sources.collect`, and
  pipeline/batch.py over `process.ingest_one` and `process.catch_up_index`); this module only
  submits them as tasks, retries and reports. A task per document would spend more time in
  Prefect than in Vietnamese.
- Batches store and do not index. Indexing is one last task that catches the search index up
  with the store, so an unreachable search engine costs a retry with backoff, never a document:
  what it missed stays `pending_index` in the store and the next run indexes it.
- Only transient failures are retried (search engine or store unavailable, network). A corrupt
  file is a permanent failure: `ingest_one` quarantines it with its reason and the run goes on;
  the same bytes are not read again on later nights (reported as still quarantined, not as a
  new failure) until they change or the operator releases them (`kiemtra quarantine`).
- Files that left the inbox are found in the store after ingesting (so a renamed known-bad
  file is still recognised by its bytes) and acted on per `removed_files` (pipeline/removals.py).
- Each task opens its own Store and backend (connections never cross threads); the NLP pipeline
  is loaded once before the batches start, in this process only when extraction runs in it
  (`isolate = false`; otherwise the children fork from a server that holds it).
- A run holds `<db>.lock` for its whole duration, and leaves a row in the store's runs table, a
  markdown artifact in Prefect, and its summary as the return value. The summary carries two
  durations: the flow's own, and what the caller waited before it began (Prefect's temporary
  server start), so the 40 s an operator waited is not reported as 3.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any, ParamSpec, TypeVar
from uuid import UUID

from prefect import Flow, Task, flow, serve, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.objects import StateType, TaskRun
from prefect.deployments.runner import RunnerDeployment
from prefect.futures import PrefectFuture, as_completed
from prefect.runtime import flow_run, task_run
from prefect.schedules import Cron
from prefect.settings import (
    PREFECT_API_URL,
    PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS,
    temporary_settings,
)
from prefect.states import State
from prefect.task_runners import ThreadPoolTaskRunner

from core.errors import BackendError, ReaderError
from core.settings import Settings, load_settings
from extractors import unsupported
from pipeline.batch import batches, index_pending, ingest_batch, pending_count, retry_delays
from pipeline.fingerprint import extractor_version
from pipeline.process import FAILED, Outcome, open_store, warm_extraction
from pipeline.progress import Progress, progress_for
from pipeline.removals import check_action, handle_removed
from pipeline.runs import ERROR, INTERRUPTED, RunSummary, render_markdown, run_lock
from pipeline.sources import INBOX, SourceItem, collect, inbox_folder

LOGGER = logging.getLogger(__name__)
P = ParamSpec("P")
R = TypeVar("R")

FLOW_NAME = "nightly-ingest"
ARTIFACT_KEY = "nightly-ingest-summary"
EPHEMERAL_STARTUP_S = 180


# ---------------------------------------------------------------------- retries


def is_transient(task: Task[..., Any], task_run: TaskRun, state: State[Any]) -> bool:
    """Retry what may heal by itself (search engine, store busy, network); never a bad file."""
    try:
        state.result()
    except ReaderError:
        return False
    except (BackendError, OSError):  # ConnectionError and TimeoutError are OSErrors
        return True
    except Exception:  # noqa: BLE001 - a bug does not heal by retrying
        return False
    return False


# ---------------------------------------------------------------------- the temporary server's work

# The task runs of the run `run_nightly` is making, by id, with the state type each ended in;
# None outside one (a served deployment runs for months and keeps nothing).
# Why: the temporary server Prefect starts for `--once` records task runs from the events the
# client sends, one database write each, and is stopped at the process's exit (SIGTERM from an
# atexit hook). On a busy machine it is still writing when stopped; the write is cancelled and
# its service logs "Error flushing 1 events" with a CancelledError traceback (about 150 lines
# after the summary, once in eight runs in session 22), a crash to an operator reading the mail.
# So `run_nightly` waits, boundedly, until the server holds every task run in its final state.
# A context variable, not a module's dict: Prefect runs a flow in its caller's context and each
# submitted task in a copy of it (ThreadPoolTaskRunner), so the hooks of this run's tasks, and
# only they, reach the dict `run_nightly` set (a dict's item assignment is atomic, so the
# worker threads need no lock). Asking the server for the flow run's task runs instead would
# miss those it has not created yet: the client's ids are the only list of what to wait for.
_FINISHED: ContextVar[dict[UUID, StateType] | None] = ContextVar("kiemtra_nightly_finished", default=None)
SERVER_CATCH_UP_S = 60.0  # at most this long for the temporary server to record the run's tasks
SERVER_PAGE = 200  # task runs asked at once (the server's largest page by default)


def _note_finished(task: Task[..., Any], task_run: TaskRun, state: State[Any]) -> None:
    """A task's completion and failure hook: the task run's final state, while a run is noted.
    Prefect calls it after the state is set, so the event saying it is already sent."""
    noted = _FINISHED.get()
    if noted is not None:
        noted[task_run.id] = state.type


@contextmanager
def _noting_finished() -> Iterator[dict[UUID, StateType]]:
    """The final states the hooks of the tasks run in this context note until it closes."""
    noted: dict[UUID, StateType] = {}
    token = _FINISHED.set(noted)
    try:
        yield noted
    finally:
        _FINISHED.reset(token)


def server_caught_up(finished: dict[UUID, StateType], timeout_s: float = SERVER_CATCH_UP_S,
                     poll_s: float = 0.2) -> bool:
    """Wait until the Prefect server holds each task run of `finished` in its final state, at
    most `timeout_s`; False (and a warning naming what is left) when it does not by then.

    The client's queued events are sent first (the events worker drained); the server records
    them in order, so once every run's final state is in, it has nothing left to write for this
    run and stopping it cancels nothing. A run of a server that is not answering is not waited
    for: the stop at exit has nothing to cancel then either."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import TaskRunFilter, TaskRunFilterId
    from prefect.client.schemas.sorting import TaskRunSort
    from prefect.events.worker import EventsWorker

    if not finished:
        return True
    EventsWorker.drain_all(timeout=timeout_s, at_exit=False)
    deadline = time.monotonic() + timeout_s
    ids = list(finished)
    pages = [ids[i:i + SERVER_PAGE] for i in range(0, len(ids), SERVER_PAGE)]
    with get_client(sync_client=True) as client:
        while True:
            try:
                recorded = {run.id: run.state_type for page in pages for run in client.read_task_runs(
                    task_run_filter=TaskRunFilter(id=TaskRunFilterId(any_=page)),
                    sort=TaskRunSort.ID_DESC, limit=len(page))}
            except Exception as e:  # noqa: BLE001 - the server is gone: nothing of ours to wait for
                LOGGER.warning("could not ask the Prefect server whether it recorded this run: %s", e)
                return False
            left = {i: t for i, t in finished.items() if recorded.get(i) != t}
            if not left:
                return True
            if time.monotonic() >= deadline:
                LOGGER.warning("the Prefect server had not recorded %d of this run's %d tasks after"
                               " %.0f s; stopping it may print its own errors", len(left), len(finished),
                               timeout_s)
                return False
            time.sleep(poll_s)


# ---------------------------------------------------------------------- tasks

_FINISHED_HOOKS: dict[str, Any] = {"on_completion": [_note_finished], "on_failure": [_note_finished]}
collect_task = task(name="collect", cache_policy=NO_CACHE, **_FINISHED_HOOKS)(collect)


def _batch_run_name() -> str:
    """'ingest bao-cao-0001.txt +24': the UI shows where a batch starts and how large it is."""
    paths = task_run.parameters.get("paths") or [""]
    return f"ingest {Path(paths[0]).name} +{len(paths) - 1}"


ingest_batch_task = task(name="ingest-batch", cache_policy=NO_CACHE, task_run_name=_batch_run_name,
                         **_FINISHED_HOOKS)(ingest_batch)
index_task = task(name="index", cache_policy=NO_CACHE, **_FINISHED_HOOKS)(index_pending)


def _with_retries(t: Task[..., Any], settings: Settings) -> Task[..., Any]:
    return t.with_options(
        retries=settings.nightly_retries,
        retry_delay_seconds=retry_delays(settings),
        retry_condition_fn=is_transient,
    )


@contextmanager
def _phase(summary: RunSummary, name: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        summary.phases[name] = summary.phases.get(name, 0.0) + time.perf_counter() - started


# ---------------------------------------------------------------------- the flow


def _ingest_items(
    items: list[SourceItem], settings: Settings, summary: RunSummary, progress: Progress
) -> None:
    """Submit the batches, then fold every outcome into the summary under its source, as each
    batch completes (so progress moves while the slowest batch is still running)."""
    sources: dict[str, SourceItem] = {}
    for item in items:
        if item.status == "failed":
            reason = item.reason or "could not be collected"
            summary.add_failure(item.url or str(item.path), item.source, reason, "SourceError")
            progress.advance()
        else:
            sources[str(Path(item.path).resolve())] = item
    groups = batches(list(sources), settings.batch_size, settings.workers)
    ingest = _with_retries(ingest_batch_task, settings)
    futures: list[PrefectFuture[list[Outcome]]] = [ingest.submit(group, settings) for group in groups]
    group_of = {future.task_run_id: group for future, group in zip(futures, groups, strict=True)}
    for future in as_completed(futures):
        group = group_of[future.task_run_id]
        try:
            outcomes: list[Outcome] = future.result()
        except Exception as e:  # noqa: BLE001 - a batch lost for good: say so per document, go on
            LOGGER.error("batch of %d starting at %s failed: %s", len(group), group[0], e)
            outcomes = [
                Outcome(p, FAILED, reason=f"{p}: batch failed: {e}", error_type=type(e).__name__)
                for p in group
            ]
        for outcome in outcomes:
            origin = sources.get(outcome.path)
            summary.add(outcome, origin.source if origin else "?", origin.url if origin else None)
        progress.advance(len(group))


def _index(settings: Settings, summary: RunSummary) -> None:
    try:
        indexed: Any = _with_retries(index_task, settings)(settings)  # a sync task returns its int
        summary.indexed = int(indexed)
    except BackendError as e:
        LOGGER.warning("index not caught up, the next run will: %s", e)
        summary.index_error = str(e)
    summary.not_indexed = pending_count(settings)


def _run(settings: Settings, inbox: Path | None, feeds: Path | None, *, progress: bool,
         requested_at: float | None) -> RunSummary:
    begun = time.time()
    summary = RunSummary(str(flow_run.id or uuid.uuid4()), extractor_version=extractor_version(settings))
    if requested_at is not None:
        summary.startup_s = max(0.0, begun - requested_at)
    with open_store(settings) as store:
        store.start_run(summary.run_id, flow=FLOW_NAME, pid=os.getpid())
    try:
        with _phase(summary, "collect"):
            items = collect_task(settings, inbox=inbox, feeds=feeds)
            folder = inbox_folder(settings, inbox)  # its files of formats no reader takes, named
            summary.unsupported = [str(p) for p in unsupported([folder])] if folder is not None else []
        with _phase(summary, "load"):
            warm_extraction(settings)
        with _phase(summary, "ingest"), progress_for(len(items), stream=sys.stderr, shown=progress,
                                                     every_s=settings.progress_every_s) as shown:
            _ingest_items(items, settings, summary, shown)
        with _phase(summary, "removed"):
            for removal in handle_removed(settings, inbox_folder(settings, inbox)):
                summary.add_removed(removal.path, removal.action, INBOX)
        with _phase(summary, "index"):
            _index(settings, summary)
        summary.finish()
    except BaseException as e:
        summary.status = INTERRUPTED if isinstance(e, KeyboardInterrupt) else ERROR
        summary.error = f"{type(e).__name__}: {e}"
        raise
    finally:
        summary.duration_s = time.time() - begun
        with open_store(settings) as store:
            store.finish_run(summary.run_id, status=summary.status, summary=summary.to_dict())
    create_markdown_artifact(markdown=render_markdown(summary), key=ARTIFACT_KEY, description=summary.line())
    LOGGER.info("nightly run %s: %s", summary.run_id, summary.line())
    return summary


@flow(name=FLOW_NAME)
def nightly_ingest(
    settings: dict[str, Any] | None = None,
    inbox: str | None = None,
    feeds: str | None = None,
    wait: bool = False,
    progress: bool = False,
    requested_at: float | None = None,
) -> dict[str, Any]:
    """One ingestion run over the inbox and feeds (`settings` overrides the configured values).

    Returns `RunSummary.to_dict()`. Raises BackendError at once when another run holds the lock,
    unless `wait`. `progress` prints progress on stderr (a bar on a terminal, lines otherwise);
    `requested_at` (epoch seconds) is when the caller asked for the run, to measure Prefect's start.
    """
    config = load_settings(settings)
    check_action(config.removed_files)
    with run_lock(config.database, wait=wait):
        summary = _run(config, Path(inbox) if inbox else None, Path(feeds) if feeds else None,
                       progress=progress, requested_at=requested_at)
    return summary.to_dict()


# ---------------------------------------------------------------------- entry points


def _with_workers(f: Flow[P, R], settings: Settings) -> Flow[P, R]:
    """The flow with one thread per `Settings.workers` (batches are CPU-bound)."""
    return f.with_options(task_runner=ThreadPoolTaskRunner(max_workers=settings.workers))  # type: ignore[arg-type]


def run_nightly(
    settings: Settings,
    *,
    inbox: Path | None = None,
    feeds: Path | None = None,
    wait: bool = False,
    progress: bool = False,
    requested_at: float | None = None,
) -> RunSummary:
    """Run the flow now, in this process (`kiemtra nightly --once`).

    Without a Prefect server configured, Prefect starts a temporary one; on a busy two-core
    machine that takes longer than its 20 s default, hence the longer start-up allowance. The
    time from `requested_at` (default: now; the CLI passes when it began importing Prefect)
    until the flow begins is reported as `startup_s`, beside the flow's own `duration_s`.
    """
    check_action(settings.removed_files)  # a wrong setting costs one line, not a server start
    requested_at = time.time() if requested_at is None else requested_at
    with (temporary_settings({PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS: EPHEMERAL_STARTUP_S}),
          _noting_finished() as finished):
        run = _with_workers(nightly_ingest, settings)
        try:
            result = run(
                settings=dataclasses.asdict(settings),
                inbox=str(inbox) if inbox else None,
                feeds=str(feeds) if feeds else None,
                wait=wait,
                progress=progress,
                requested_at=requested_at,
            )
        finally:  # a failed run's tasks too: its error is what the operator must read, alone
            if not PREFECT_API_URL.value():  # the temporary server, stopped at this process's exit
                server_caught_up(finished)
    return RunSummary.from_dict(result)


def nightly_deployment(
    settings: Settings, *, inbox: Path | None = None, feeds: Path | None = None
) -> RunnerDeployment:
    """The flow on `settings.nightly_cron`; scheduled runs wait for a manual one rather than fail."""
    parameters = {
        "settings": dataclasses.asdict(settings),
        "inbox": str(inbox) if inbox else None,
        "feeds": str(feeds) if feeds else None,
        "wait": True,
        "progress": True,  # lines in the service's journal between "started" and the summary
    }
    deployment = _with_workers(nightly_ingest, settings).to_deployment(
        name="nightly",
        schedules=[Cron(settings.nightly_cron, timezone=settings.zone)],
        parameters=parameters,
        description="kiemtra nightly ingestion",
    )
    assert isinstance(deployment, RunnerDeployment)  # a sync caller gets the deployment itself
    return deployment


def serve_nightly(settings: Settings, *, inbox: Path | None = None, feeds: Path | None = None) -> None:
    """Serve the deployment (`kiemtra nightly --serve`); blocks until stopped, one run at a time."""
    serve(nightly_deployment(settings, inbox=inbox, feeds=feeds), limit=1)
