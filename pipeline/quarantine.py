"""The operator's side of the quarantine: which records a target names, retry now, release.

Why these two verbs: `retry` is "I fixed the cause (installed a language pack, raised a limit,
upgraded kiemtra), read it now and tell me"; `release` is "forget it, the next run reads it
again" — for a run on another machine or schedule. Both act on the store's records
(index/store.py keeps them against the file's content hash); neither touches the file.
A target is a quarantined path (as listed, or any path that resolves to it) or the leading
characters of the sha256 it failed with.
"""

from __future__ import annotations

from pathlib import Path

from core.errors import ConfigError
from core.settings import Settings
from index.store import Failure
from pipeline.fingerprint import extractor_version
from pipeline.ingest import open_backend_or_none
from pipeline.process import FAILED, Outcome, ingest_one, open_store
from pipeline.runs import COMMAND_LINE, RunSummary, run_lock

MIN_SHA_PREFIX = 6  # shorter prefixes of a hex hash match too much by chance


def select(failures: list[Failure], targets: list[str], *, every: bool = False) -> list[Failure]:
    """The records the targets name (all with `every`); ConfigError naming a target that names none."""
    if every:
        return list(failures)
    chosen: dict[str, Failure] = {}
    for target in targets:
        resolved = str(Path(target).expanduser().resolve())
        found = [f for f in failures if f.path in (target, resolved)
                 or (len(target) >= MIN_SHA_PREFIX and f.sha256 is not None and f.sha256.startswith(target))]
        if not found:
            raise ConfigError(f"nothing quarantined matches {target!r}; see `kiemtra quarantine list`")
        chosen.update((f.path, f) for f in found)
    return list(chosen.values())


def retry(settings: Settings, targets: list[str], *, every: bool = False, wait: bool = False) -> RunSummary:
    """Read the named quarantined files now, whatever their bytes; a success lifts the quarantine
    (the store clears a path's failure when it saves it), a failure updates the record.

    A quarantined path that has become a symbolic link is not followed: the record names a file,
    and whoever could replace it must not get the retry to read (and store) what the link points at.
    """
    summary = RunSummary(extractor_version=extractor_version(settings))
    with run_lock(settings.database, wait=wait), open_store(settings) as store, \
            open_backend_or_none(settings) as backend:
        for failure in select(store.failures(), targets, every=every):
            path = Path(failure.path)
            if path.is_symlink():
                reason = "is now a symbolic link; not followed (release it, or ingest the target by name)"
                summary.add(Outcome(failure.path, FAILED, reason=f"{path}: {reason}",
                                    error_type="ReaderError"), COMMAND_LINE)
                continue
            summary.add(ingest_one(path, settings=settings, store=store, backend=backend, retry=True),
                        COMMAND_LINE)
        summary.not_indexed = len(store.pending_index())
    summary.finish()
    return summary


def release(settings: Settings, targets: list[str], *, every: bool = False) -> list[Failure]:
    """Forget the named records; the next run reads those files again. Returns what was released."""
    with open_store(settings) as store:
        chosen = select(store.failures(), targets, every=every)
        for failure in chosen:
            store.release(failure.path)
    return chosen
