"""Ingest a set of paths in one process: the loop behind `kiemtra ingest`.

The Prefect flows run the same `ingest_one` per document; this module is the no-orchestrator
path, with progress for people (a bar on a terminal, lines in a pipe or log) and the RunSummary
every run closes with.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from core.errors import BackendError
from core.settings import Settings
from extractors import discover, unsupported
from index.base import SearchBackend
from pipeline.fingerprint import extractor_version
from pipeline.process import catch_up_index, ingest_one, open_search, open_store
from pipeline.progress import progress_for
from pipeline.runs import COMMAND_LINE, RunSummary, run_lock

LOGGER = logging.getLogger(__name__)


@contextmanager
def open_backend_or_none(settings: Settings) -> Iterator[SearchBackend | None]:
    """The configured backend, or None when it cannot be reached: ingestion still stores."""
    try:
        backend: SearchBackend | None = open_search(settings)
    except BackendError as e:
        LOGGER.warning("search backend unavailable, documents will be stored only: %s", e)
        backend = None
    try:
        yield backend
    finally:
        if backend is not None:
            backend.close()


def ingest_paths(paths: list[Path], *, settings: Settings, progress: bool = False,
                 wait: bool = False) -> RunSummary:
    """Ingest every supported file under `paths`; failures are recorded, never raised.

    Holds the store's run lock, so a manual ingest and the nightly run never interleave
    (without `wait`, a run already in progress is a BackendError naming its pid).
    """
    files = discover(paths)
    summary = RunSummary(extractor_version=extractor_version(settings),
                         unsupported=[str(p) for p in unsupported(paths)])
    with run_lock(settings.database, wait=wait), open_store(settings) as store, \
            open_backend_or_none(settings) as backend:
        if backend is not None:
            try:
                catch_up_index(store, backend)
            except BackendError as e:
                LOGGER.warning("could not catch up the index: %s", e)
        with progress_for(len(files), stream=sys.stderr, every_s=settings.progress_every_s,
                          shown=progress and bool(files)) as shown:
            for path in files:
                summary.add(ingest_one(path, settings=settings, store=store, backend=backend), COMMAND_LINE)
                shown.advance()
        summary.not_indexed = len(store.pending_index())
    summary.finish()
    return summary


def rebuild_index(settings: Settings, *, wait: bool = False) -> int:
    """Rebuild the configured index from the store (`kiemtra reindex`); how many documents.

    `SearchBackend.rebuild` replaces the index in one operation (Elasticsearch builds a new
    physical index and swaps its alias, so searches keep answering meanwhile). Every document
    is marked unindexed first: if the rebuild fails, the next ingest run catches up on all of
    them instead of trusting flags that described the old index. Holds the run lock, so an
    ingest run cannot mark documents indexed in the middle of the rebuild.
    """
    with run_lock(settings.database, wait=wait), open_store(settings) as store:
        backend = open_search(settings)
        try:
            store.mark_all_unindexed()
            keys = store.pending_index()
            records = (record for key in keys for record in store.finding_records(key))
            written = backend.rebuild(records)
            for key in keys:
                store.mark_indexed(key)
            current = set(keys)
            for key in store.pending_removals():  # replaced versions are not in the new index
                if key not in current:
                    store.mark_removed(key)
            LOGGER.info("rebuilt %s from %d documents (%d findings)", backend.name, len(keys), written)
            return len(keys)
        finally:
            backend.close()
