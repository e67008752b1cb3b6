"""A Prefect flow that ingests one folder now: the nightly flow's batches without its bookkeeping.

Why keep it beside `flows/nightly.py`: it is the smallest flow to try Prefect with on a folder
(no inbox state, no run lock, no runs table). It shares the nightly flow's stage functions —
batches through `pipeline.process.ingest_one`, then one catch-up of the search index — so a
document is processed the same way whichever flow or command it came in by.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ThreadPoolTaskRunner

from core.errors import BackendError
from core.settings import load_settings
from extractors import discover, unsupported
from flows.nightly import ingest_batch_task
from pipeline.batch import batches, index_pending
from pipeline.fingerprint import extractor_version
from pipeline.process import warm_extraction
from pipeline.runs import COMMAND_LINE, RunSummary

LOGGER = logging.getLogger(__name__)


@task(name="discover", cache_policy=NO_CACHE)
def discover_files(folder: str) -> list[str]:
    return [str(p.resolve()) for p in discover([Path(folder)])]


def ingest_folder(folder: str, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Ingest every supported file under `folder`; returns the run's counts and failures.

    Runs the flow with one thread per `Settings.workers`."""
    settings = load_settings(overrides)
    runner = ThreadPoolTaskRunner(max_workers=settings.workers)  # type: ignore[var-annotated]
    return ingest_folder_flow.with_options(task_runner=runner)(folder, overrides)  # type: ignore[arg-type]


@flow(name="ingest-folder")
def ingest_folder_flow(folder: str, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """The flow of `ingest_folder`."""
    settings = load_settings(overrides)
    paths = discover_files(folder)
    warm_extraction(settings)
    futures = [
        ingest_batch_task.submit(group, settings)
        for group in batches(paths, settings.batch_size, settings.workers)
    ]
    summary = RunSummary(extractor_version=extractor_version(settings),
                         unsupported=[str(p) for p in unsupported([Path(folder)])])
    for future in futures:
        for outcome in future.result():
            summary.add(outcome, COMMAND_LINE)
    try:
        index_pending(settings)
    except BackendError as e:
        LOGGER.warning("stored but not indexed, the next run will catch up: %s", e)
    return {
        "counts": summary.counts,
        "failures": [{"path": f["path"], "reason": f["reason"]} for f in summary.failures],
    }
