"""A Prefect flow that ingests a folder, one task per document.

Why a flow at all when `kiemtra ingest` exists: Prefect gives the nightly run its schedule,
retries, run history and UI. The flow holds no logic of its own — each task calls
`pipeline.process.ingest_one`, exactly what the CLI calls — and each task opens its own Store
and backend, because connections must not cross threads.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import flow, task, unmapped
from prefect.task_runners import ThreadPoolTaskRunner

from extractors import discover
from index.store import Store
from pipeline.ingest import open_backend_or_none
from pipeline.process import Outcome, Summary, ingest_one
from pipeline.settings import Settings, load_settings


@task(name="discover")
def discover_files(folder: str) -> list[str]:
    return [str(p) for p in discover([Path(folder)])]


@task(name="ingest-document", task_run_name="ingest {path}")
def ingest_document(path: str, settings: Settings) -> Outcome:
    """One document end to end; a bad file returns a failed Outcome instead of raising."""
    with Store(settings.database) as store, open_backend_or_none(settings) as backend:
        return ingest_one(Path(path), settings=settings, store=store, backend=backend)


@flow(name="ingest-folder", task_runner=ThreadPoolTaskRunner(max_workers=2))
def ingest_folder(folder: str, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Ingest every supported file under `folder`; returns the run's counts and failures."""
    settings = load_settings(overrides)
    paths = discover_files(folder)
    futures = ingest_document.map(paths, settings=unmapped(settings))
    summary = Summary()
    for outcome in futures.result():
        summary.add(outcome)
    return {
        "counts": summary.counts,
        "failures": [{"path": o.path, "reason": o.reason} for o in summary.failures],
    }
