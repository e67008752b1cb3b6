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
  file is a permanent failure: `ingest_one` quarantines it with its reason and the run goes on.
- Each task opens its own Store and backend (connections never cross threads); the NLP pipeline
  is loaded once per process before the batches start.
- A run holds `<db>.lock` for its whole duration, and leaves a row in the store's runs table, a
  markdown artifact in Prefect, and its summary as the return value.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from prefect import Flow, Task, flow, serve, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.objects import TaskRun
from prefect.deployments.runner import RunnerDeployment
from prefect.runtime import flow_run, task_run
from prefect.schedules import Cron
from prefect.settings import PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS, temporary_settings
from prefect.states import State
from prefect.task_runners import ThreadPoolTaskRunner

from core.errors import BackendError, ReaderError
from core.settings import Settings, load_settings
from pipeline.batch import batches, index_pending, ingest_batch, pending_count, retry_delays, warm_up
from pipeline.process import FAILED, Outcome, open_store
from pipeline.runs import ERROR, INTERRUPTED, RunSummary, render_markdown, run_lock
from pipeline.sources import SourceItem, collect

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


# ---------------------------------------------------------------------- tasks

collect_task = task(name="collect", cache_policy=NO_CACHE)(collect)


def _batch_run_name() -> str:
    """'ingest bao-cao-0001.txt +24': the UI shows where a batch starts and how large it is."""
    paths = task_run.parameters.get("paths") or [""]
    return f"ingest {Path(paths[0]).name} +{len(paths) - 1}"


ingest_batch_task = task(name="ingest-batch", cache_policy=NO_CACHE, task_run_name=_batch_run_name)(
    ingest_batch
)
index_task = task(name="index", cache_policy=NO_CACHE)(index_pending)


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


def _ingest_items(items: list[SourceItem], settings: Settings, summary: RunSummary) -> None:
    """Submit the batches, then fold every outcome into the summary under its source."""
    sources: dict[str, str] = {}
    for item in items:
        if item.status == "failed":
            summary.add_failure(
                str(item.path), item.source, item.reason or "could not be collected", "SourceError"
            )
        else:
            sources[str(Path(item.path).resolve())] = item.source
    groups = batches(list(sources), settings.batch_size, settings.workers)
    ingest = _with_retries(ingest_batch_task, settings)
    futures = [ingest.submit(group, settings) for group in groups]
    for group, future in zip(groups, futures, strict=True):
        try:
            outcomes: list[Outcome] = future.result()
        except Exception as e:  # noqa: BLE001 - a batch lost for good: say so per document, go on
            LOGGER.error("batch of %d starting at %s failed: %s", len(group), group[0], e)
            outcomes = [
                Outcome(p, FAILED, reason=f"{p}: batch failed: {e}", error_type=type(e).__name__)
                for p in group
            ]
        for outcome in outcomes:
            summary.add(outcome, sources.get(outcome.path, "?"))


def _index(settings: Settings, summary: RunSummary) -> None:
    try:
        indexed: Any = _with_retries(index_task, settings)(settings)  # a sync task returns its int
        summary.indexed = int(indexed)
    except BackendError as e:
        LOGGER.warning("index not caught up, the next run will: %s", e)
        summary.index_error = str(e)
    summary.not_indexed = pending_count(settings)


def _run(settings: Settings, inbox: Path | None, feeds: Path | None) -> RunSummary:
    summary = RunSummary(str(flow_run.id or uuid.uuid4()))
    with open_store(settings) as store:
        store.start_run(summary.run_id, flow=FLOW_NAME, pid=os.getpid())
    try:
        with _phase(summary, "collect"):
            items = collect_task(settings, inbox=inbox, feeds=feeds)
        with _phase(summary, "load"):
            warm_up()
        with _phase(summary, "ingest"):
            _ingest_items(items, settings, summary)
        with _phase(summary, "index"):
            _index(settings, summary)
        summary.finish()
    except BaseException as e:
        summary.status = INTERRUPTED if isinstance(e, KeyboardInterrupt) else ERROR
        summary.error = f"{type(e).__name__}: {e}"
        raise
    finally:
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
) -> dict[str, Any]:
    """One ingestion run over the inbox and feeds (`settings` overrides the configured values).

    Returns `RunSummary.to_dict()`. Raises BackendError at once when another run holds the lock,
    unless `wait`.
    """
    config = load_settings(settings)
    with run_lock(config.database, wait=wait):
        summary = _run(config, Path(inbox) if inbox else None, Path(feeds) if feeds else None)
    return summary.to_dict()


# ---------------------------------------------------------------------- entry points


def _with_workers(f: Flow[P, R], settings: Settings) -> Flow[P, R]:
    """The flow with one thread per `Settings.workers` (batches are CPU-bound)."""
    return f.with_options(task_runner=ThreadPoolTaskRunner(max_workers=settings.workers))  # type: ignore[arg-type]


def run_nightly(
    settings: Settings, *, inbox: Path | None = None, feeds: Path | None = None, wait: bool = False
) -> RunSummary:
    """Run the flow now, in this process (`kiemtra nightly --once`).

    Without a Prefect server configured, Prefect starts a temporary one; on a busy two-core
    machine that takes longer than its 20 s default, hence the longer start-up allowance.
    """
    with temporary_settings({PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS: EPHEMERAL_STARTUP_S}):
        run = _with_workers(nightly_ingest, settings)
        result = run(
            settings=dataclasses.asdict(settings),
            inbox=str(inbox) if inbox else None,
            feeds=str(feeds) if feeds else None,
            wait=wait,
        )
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
