"""The stages composed without Prefect: read → extract → store → index.

Why here: `kiemtra extract`, `kiemtra ingest` and the Prefect flows all call these functions,
so a document is processed the same way whichever door it came in by. Each function takes
what it needs as arguments (Settings, an open Store, a SearchBackend); nothing is global.
A bad file becomes a `failed` outcome with its reason — it never stops the other documents.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import shlex
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from core.errors import (
    BackendError,
    ExtractionError,
    KiemtraError,
    LimitExceeded,
    OcrUnavailable,
    ReaderError,
    UnexpectedError,
    printable,
)
from core.models import Document, Extraction
from core.settings import Settings, env_name
from extractors import read
from extractors.sandbox import preload, run_limited
from index.backends import open_backend
from index.base import SearchBackend
from index.store import Store
from nlp.themes import assign_themes, finding_themes
from nlp.unit_containers import containers
from nlp.words import segment
from pipeline.fingerprint import extractor_version
from pipeline.progress import reading
from pipeline.sources import kept_url

LOGGER = logging.getLogger(__name__)

INGESTED, CHANGED, SKIPPED, FAILED = "ingested", "changed", "skipped", "failed"
# The same bytes at the same path, stored by another extractor: read and extracted again.
REREAD = "re-read"
# Known-bad bytes, not read again: quarantined by an earlier run, still the same bytes. Not a
# new failure, so it does not make a run fail (FAILED is always a new failure).
QUARANTINED = "quarantined"

# What makes one document fail while the others go on: it is quarantined with the reason.
# A BackendError from the store is not among them: the store being busy or broken is not the
# file's fault, so it propagates and the caller (a flow task) retries or stops the run.
DOCUMENT_FAULTS = (ReaderError, ExtractionError, OcrUnavailable)
NLP_LIMITS = ("nlp_timeout_s", "nlp_memory_mb")

# Limited children fork from a server that already holds the NLP pipeline and the libraries the
# in-process readers import lazily, so a child pays milliseconds instead of re-importing them.
preload(["extractors", "charset_normalizer", "lxml.html", "trafilatura", "docx", "pipeline.preload"])


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one file in an ingest run."""

    path: str
    status: str  # ingested | changed | re-read | skipped | failed | quarantined
    doc_key: str | None = None
    findings: int = 0
    reason: str | None = None
    error_type: str | None = None
    indexed: bool = False
    seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)  # read, extract, store, index: seconds
    # Read again only because the extractor changed: a stored document (REREAD) or bytes that had
    # failed under another extractor version (read now, or still failing: QUARANTINED).
    extractor_changed: bool = False
    # What the reader said of a document it stored all the same ("path: reason", as a failure's):
    # text it had to drop, an encoding it did not recognise. The run lists them (RunSummary.warned).
    warnings: tuple[str, ...] = ()
    # Another file holding the same bytes, stored before this one: the document is stored once
    # (keyed by its bytes), so its findings are not counted twice. The run names it (RunSummary.copies).
    copy_of: str | None = None


def open_store(settings: Settings) -> Store:
    """The store at `settings.database`, filling a finding's missing `words` with the NLP's
    segmentation, its records' containing units with the gazetteer's and their themes with the
    vocabulary's: index/ stores what nlp/ computed and runs no NLP of its own."""
    return Store(settings.database, segmenter=segment, containers=containers, themes_of=finding_themes)


def open_search(settings: Settings) -> SearchBackend:
    """The configured search backend, writable; an index an older kiemtra wrote reads its
    findings' themes with the vocabulary's as it migrates (index/ runs no NLP)."""
    return open_backend(settings, themes_of=finding_themes)


def file_sha256(path: Path, chunk: int = 1 << 20) -> str:
    """Hash the bytes without reading the whole file into memory (files may be huge)."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(chunk):
            digest.update(block)
    return digest.hexdigest()


@contextmanager
def _timed(stages: dict[str, float], stage: str) -> Iterator[None]:
    """Add the block's wall time to `stages[stage]`, even when it raises (a failure costs time too)."""
    started = time.perf_counter()
    try:
        yield
    finally:
        stages[stage] = stages.get(stage, 0.0) + time.perf_counter() - started


def with_kept_url(document: Document, path: Path) -> Document:
    """A page fetched by the nightly sources keeps the URL it came from (the page's own
    metadata wins when it names one)."""
    url = document.source.url or kept_url(path)
    if url == document.source.url:
        return document
    return dataclasses.replace(document, source=dataclasses.replace(document.source, url=url))


def extract_all(document: Document) -> Extraction:
    """The NLP result of one document, each finding with its comparison theme.

    nlp.extract (spaCy and the pipeline) is imported on the first call, not with this module:
    with `isolate` only the children extract, and they fork from a server that imported it
    already (pipeline/preload.py); the parent that composes the stages never needs it.
    """
    from nlp.extract import extract

    return assign_themes(extract(document), text=document.text)


def warm_extraction(settings: Settings) -> None:
    """Build the NLP pipeline in this process when extraction runs in it (`isolate = false`).

    Why only then: building it takes about a second, and with `isolate` every extraction runs in
    a child forked from the server that pipeline/preload.py warmed, so a pipeline built here
    would never be used. Without isolation it must be built before batch threads start, so they
    share one fully loaded model (underthesea loads its model lazily, without a lock).
    """
    if settings.isolate:
        return
    from nlp.load import default_pipeline

    default_pipeline()


def extract_limited(document: Document, settings: Settings) -> Extraction:
    """`extract_all` in a child process with nlp_timeout_s and nlp_memory_mb (when `isolate`)."""
    if not settings.isolate:
        return extract_all(document)
    extraction: Extraction = run_limited(extract_all, (document,), path=Path(document.source.path),
                                         timeout_s=settings.nlp_timeout_s, memory_mb=settings.nlp_memory_mb,
                                         limits=NLP_LIMITS, unexpected="UnexpectedError")
    return extraction


@contextmanager
def document_faults(path: Path) -> Iterator[None]:
    """Whatever goes wrong inside one document's read or extraction is that document's fault.

    Why: a bug that one file triggers (a KeyError deep in a component) must cost that file, with
    the exception named so it can be reported, never the run and the good files beside it.
    KiemtraErrors pass as they are: they are typed already (and a BackendError is not a fault).
    """
    try:
        yield
    except KiemtraError:
        raise
    except MemoryError as e:
        raise LimitExceeded("the memory limit was hit: out of memory while processing", path=path) from e
    except OSError as e:
        raise ReaderError(f"cannot read: {e.strerror or e}", path=path) from e
    except Exception as e:  # noqa: BLE001 - the point: any failure becomes this document's
        LOGGER.debug("unexpected failure on %s", path, exc_info=True)
        raise UnexpectedError.of(e, path=path) from e


def read_and_extract(path: Path, *, settings: Settings, doc_id: str | None = None,
                     stages: dict[str, float] | None = None) -> tuple[Document, Extraction]:
    """Read one file and extract it under the limits; failures come out as DOCUMENT_FAULTS."""
    stages = {} if stages is None else stages
    with document_faults(path):
        with _timed(stages, "read"):
            document = with_kept_url(read(path, settings=settings, doc_id=doc_id), path)
        for warning in document.warnings:
            LOGGER.warning("%s", ReaderError(warning, path=path))
        with _timed(stages, "extract"):
            extraction = extract_limited(document, settings)
    return document, extraction


def process(path: Path, *, settings: Settings, doc_id: str | None = None) -> tuple[Document, Extraction]:
    """Read one file and extract it: the whole NLP result, nothing stored."""
    return read_and_extract(path, settings=settings, doc_id=doc_id)


def index_document(store: Store, backend: SearchBackend, doc_key: str) -> None:
    """Replace one document's findings in the search index and mark it indexed in the store."""
    backend.delete_document(doc_key)
    backend.index(store.finding_records(doc_key))
    store.mark_indexed(doc_key)


def catch_up_index(store: Store, backend: SearchBackend) -> int:
    """Bring the index in line with the store: drop replaced versions, add what it missed.

    Missed documents are those stored while the search engine was down or a run was killed;
    returns how many were indexed.
    """
    for doc_key in store.pending_removals():
        backend.delete_document(doc_key)
        store.mark_removed(doc_key)
    pending = store.pending_index()
    for doc_key in pending:
        index_document(store, backend, doc_key)
    return len(pending)


def next_step(error: KiemtraError, path: str) -> str:
    """What to do about a file quarantined for `error`, said after its reason ("; …"), or "" when
    only a changed file or a changed kiemtra reads it.

    Why: "took longer than nlp_timeout_s=600.0s" named the limit a long report passed, not that
    it is read with more time, nor how, and the quarantine then keeps it unread night after night.
    A limit raising which reads the file (LimitExceeded.setting: the time or memory of a child
    process) gets the command that reads it now with twice as much, and the variable that raises
    it for every run (the nightly service's)."""
    if not isinstance(error, LimitExceeded) or error.setting is None or error.limit is None:
        return ""
    more = f"{error.limit * 2:g}"
    return printable(f"; to read it, give it more: kiemtra --set {error.setting}={more} quarantine retry "
                     f"{shlex.quote(path)} ({env_name(error.setting)}={more} raises it for every run)")


def held_in_quarantine(store: Store, key: str, sha: str, version: str) -> Outcome | None:
    """A QUARANTINED outcome when these bytes already failed under this extractor version.

    The sighting is recorded (last seen, count) but the file is not read: the same bytes would
    fail the same way, and failing anew every night would keep the alert from ever clearing.
    Bytes that failed under another version are not held: a changed extractor may read them.
    """
    known = store.quarantined(sha, version)
    if known is None:
        return None
    seen = store.record_failure(key, known.reason, error_type=known.error_type, sha256=sha,
                                extractor_version=version)
    return Outcome(key, QUARANTINED, reason=f"{key}: {seen.reason}", error_type=seen.error_type)


def ingest_one(path: Path, *, settings: Settings, store: Store,
               backend: SearchBackend | None, retry: bool = False) -> Outcome:
    """Read, extract, store and index one file; unchanged files are skipped by content hash.

    Bytes that already failed are not read again (QUARANTINED) unless `retry`. The store is
    written before the index, so if the search engine fails the document is kept and marked for
    indexing: a later run or `kiemtra reindex` catches up, nothing is lost.

    The extractor's version (pipeline/fingerprint.py) decides what is current: bytes stored by
    another version are read again (REREAD), and bytes that failed under another version are
    retried; if they fail again they stay QUARANTINED, not a new failure (the operator knew them
    already; only an explicit `retry` reports them as FAILED).
    """
    started = time.perf_counter()
    stages: dict[str, float] = {}
    try:
        path = path.resolve()
    except (OSError, RuntimeError):  # a symbolic-link loop: the read below names it
        path = path.absolute()
    key = str(path)
    sha: str | None = None
    version = extractor_version(settings)
    earlier_failure = False
    try:
        if not path.is_file():
            raise ReaderError("no such file", path=path)
        with document_faults(path):
            sha = file_sha256(path)
        if store.is_current(key, sha, version):
            return Outcome(key, SKIPPED, sha, seconds=time.perf_counter() - started)
        if not retry and (held := held_in_quarantine(store, key, sha, version)) is not None:
            return held
        known = store.has_path(key)
        reread = store.stored_version(key, sha) not in (None, version)
        earlier_failure = not retry and store.failed_under_other_version(sha, version)
        with reading(key):  # a file read for minutes is named by the progress lines
            document, extraction = read_and_extract(path, settings=settings, stages=stages)
        with _timed(stages, "store"):
            doc_key = store.save(document, extraction, extractor_version=version)
    except DOCUMENT_FAULTS as e:
        # Tesseract missing is the machine's fault, not the bytes': no hash, so retried every run.
        held_sha = None if isinstance(e, OcrUnavailable) else sha
        step = next_step(e, key)  # kept with the reason: `quarantine list` says it too
        store.record_failure(key, e.reason + step, error_type=type(e).__name__, sha256=held_sha,
                             extractor_version=version)
        LOGGER.warning("%s", e)
        return Outcome(key, QUARANTINED if earlier_failure and held_sha else FAILED, reason=str(e) + step,
                       error_type=type(e).__name__, seconds=time.perf_counter() - started, stages=stages,
                       extractor_changed=earlier_failure)
    indexed = False
    if backend is not None:
        try:
            with _timed(stages, "index"):
                catch_up_index(store, backend)
            indexed = True
        except BackendError as e:
            LOGGER.warning("%s: stored but not indexed (%s); a later run will index it", key, e)
    status = REREAD if reread else CHANGED if known else INGESTED
    return Outcome(key, status, doc_key, len(extraction.findings), indexed=indexed,
                   seconds=time.perf_counter() - started, stages=stages,
                   extractor_changed=reread or earlier_failure,
                   warnings=tuple(str(ReaderError(w, path=path)) for w in document.warnings),
                   copy_of=store.copy_of(key, doc_key))
