"""The plain stage functions the flows run in batches: ingest a batch, catch the index up.

Why here and not in flows/: a stage is a plain function testable without Prefect; flows/ only
composes them (tasks, retries, schedules). Each function opens its own Store (and backend), so
batches can run on threads without sharing a connection.
"""

from __future__ import annotations

from pathlib import Path

from core.settings import Settings
from pipeline.process import Outcome, catch_up_index, ingest_one, open_search, open_store


def ingest_batch(paths: list[str], settings: Settings) -> list[Outcome]:
    """Read, extract and store a batch with one Store; bad files come back as failed outcomes."""
    with open_store(settings) as store:
        return [ingest_one(Path(p), settings=settings, store=store, backend=None) for p in paths]


def index_pending(settings: Settings) -> int:
    """Bring the search index level with the store; raises BackendError when it is unreachable."""
    with open_store(settings) as store:
        backend = open_search(settings)
        try:
            return catch_up_index(store, backend)
        finally:
            backend.close()


def pending_count(settings: Settings) -> int:
    """How many stored documents the search index still lacks."""
    with open_store(settings) as store:
        return len(store.pending_index())


def batches(items: list[str], size: int, workers: int) -> list[list[str]]:
    """Runs of at most `size`, but at least one per worker: ten slow scans still use every core.

    `workers` is `Settings.workers` (batches are CPU-bound: more threads than cores only add
    contention)."""
    size = max(1, min(size, -(-len(items) // max(1, workers))))
    return [items[i:i + size] for i in range(0, len(items), size)]


def retry_delays(settings: Settings) -> list[float]:
    """Exponential backoff: the first delay, then four times longer each time."""
    return [settings.nightly_retry_delay_s * 4 ** k for k in range(settings.nightly_retries)]
