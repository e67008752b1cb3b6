"""The embedded store: kiemtra's system of record, one SQLite file keyed by content hash.

Why SQLite and why these rules: ingesting must survive a crash or a dead search engine without
losing or duplicating anything, with nothing to install. So every document is saved in one
transaction (`synchronous=FULL`), keyed by the sha256 of its bytes (the same bytes twice are
one document), and carries an `indexed` flag: a search backend is a rebuildable view, and
`pending_index()` lists what it has not seen yet. When a file changes, the path points at the
new bytes and the old version is dropped (unless another path still holds those bytes); its
key waits in `pending_removals()` until the search index has dropped it too.

A file that left its folder is marked, not forgotten: `removed_at` on its path says since when,
and, when the operator chose to withdraw removed files, `withdrawn` takes its findings out of
the search index while the store keeps them. A failed file is quarantined against the sha256 of
its bytes (`failures`): the same bytes are not read again until they change, the extractor
version changes, or the operator releases them.

The search backend in index/sqlite_fts.py may live in the same file: its tables are prefixed
`fts_` and it versions itself in its own table, leaving `PRAGMA user_version` to this store.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from core.errors import BackendError
from core.models import Block, Document, Extraction, Role, Source
from core.normalize import match_key
from index.base import FindingRecord
from index.records import Containers, ThemesOf, finding_records, record_year

LOGGER = logging.getLogger(__name__)

SCHEMA_VERSION = 4

_SCHEMA = """
CREATE TABLE documents (
    doc_key TEXT PRIMARY KEY,              -- sha256 of the file's bytes
    doc_id TEXT NOT NULL,                  -- display name
    format TEXT NOT NULL,
    reader TEXT NOT NULL,
    size INTEGER NOT NULL DEFAULT 0,
    url TEXT,
    title TEXT,
    published TEXT,
    year INTEGER,
    pages INTEGER,
    ocr_pages INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL,
    blocks TEXT NOT NULL,                  -- JSON [[start, end, page, kind, confidence], ...]
    warnings TEXT NOT NULL DEFAULT '[]',
    extraction TEXT NOT NULL,              -- Extraction.to_dict() as JSON
    extractor_version TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    indexed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX documents_pending ON documents(indexed) WHERE indexed = 0;
CREATE TABLE document_paths (
    path TEXT PRIMARY KEY,
    doc_key TEXT NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
    seen_at TEXT NOT NULL
);
CREATE INDEX document_paths_key ON document_paths(doc_key);
CREATE TABLE findings (
    finding_id TEXT PRIMARY KEY,
    doc_key TEXT NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    polarity TEXT NOT NULL,
    area TEXT NOT NULL,
    theme TEXT,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    page INTEGER,
    units TEXT NOT NULL,                   -- JSON list of the unit names the finding is about
    words TEXT NOT NULL                    -- underthesea segmentation, computed once
);
CREATE INDEX findings_doc ON findings(doc_key, seq);
CREATE TABLE units (
    doc_key TEXT NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    level TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    province TEXT,
    current TEXT,
    PRIMARY KEY (doc_key, seq)
);
CREATE TABLE doc_numbers (
    doc_key TEXT NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    number TEXT NOT NULL,
    date TEXT,
    issuer TEXT,
    PRIMARY KEY (doc_key, seq)
);
CREATE INDEX doc_numbers_number ON doc_numbers(number);
CREATE TABLE failures (
    path TEXT PRIMARY KEY,
    sha256 TEXT,
    error_type TEXT NOT NULL,
    reason TEXT NOT NULL,
    failed_at TEXT NOT NULL
);
CREATE TABLE removals (
    doc_key TEXT PRIMARY KEY,              -- replaced versions the search index must still drop
    removed_at TEXT NOT NULL
);
"""

# v2: one row per ingestion run (nightly flow), so `kiemtra runs` can say what each night did.
_RUNS_SCHEMA = """
CREATE TABLE runs (
    run_id TEXT PRIMARY KEY,
    flow TEXT NOT NULL,
    pid INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL,                  -- running | completed | failed | interrupted
    summary TEXT NOT NULL DEFAULT '{}'     -- pipeline.runs.RunSummary.to_dict() as JSON
);
CREATE INDEX runs_started ON runs(started_at);
"""

# v3: quarantine that holds (a failure's first sighting, how often it was seen, by which extractor
# version, looked up by content hash) and removed inbox files (kept, withdrawn from search, or deleted).
_QUARANTINE_SCHEMA = """
ALTER TABLE failures ADD COLUMN first_seen TEXT;
UPDATE failures SET first_seen = failed_at;
ALTER TABLE failures ADD COLUMN seen INTEGER NOT NULL DEFAULT 1;
ALTER TABLE failures ADD COLUMN extractor_version TEXT;
CREATE INDEX failures_sha ON failures(sha256);
ALTER TABLE document_paths ADD COLUMN removed_at TEXT;
ALTER TABLE document_paths ADD COLUMN withdrawn INTEGER NOT NULL DEFAULT 0
"""



def _levelled_passage_units(conn: sqlite3.Connection) -> None:
    """v4: a finding's passage units as "level name" (core.models.Finding.passage_units), not bare
    names. Each stored bare name becomes the label of every inspected unit of the document with
    that name, which is what the name was read as before (core.attribution), so no finding
    changes the units it is about and the search index needs no rebuild; a name no inspected unit
    has is kept as it was."""
    rows = conn.execute("SELECT doc_key, extraction FROM documents").fetchall()
    for key, raw in rows:
        data = json.loads(raw)
        labels: dict[str, list[str]] = {}  # an inspected unit's name (match_key) -> its labels
        for u in data.get("units", []):
            if u.get("role") == Role.INSPECTED:
                labels.setdefault(match_key(u["name"]), []).append(f"{u['level']} {u['name']}")
        changed = False
        for finding in data.get("findings", []):
            names = finding.get("passage_units") or []
            levelled = list(dict.fromkeys(
                label for name in names for label in labels.get(match_key(name), [name])))
            if levelled != names:
                finding["passage_units"] = levelled
                changed = True
        if changed:
            conn.execute("UPDATE documents SET extraction = ? WHERE doc_key = ?",
                         (json.dumps(data, ensure_ascii=False), key))


# Schema steps by the version they bring the file to (an SQL script, or a function for a step SQL
# cannot say); a file at version v runs every later one.
_MIGRATIONS: dict[int, str | Callable[[sqlite3.Connection], None]] = {
    1: _SCHEMA, 2: _RUNS_SCHEMA, 3: _QUARANTINE_SCHEMA, 4: _levelled_passage_units}



def _searchable(documents: str = "documents") -> str:
    """SQL: a document is searchable while some path holds it that was not withdrawn."""
    return (f"EXISTS (SELECT 1 FROM document_paths w WHERE w.doc_key = {documents}.doc_key"
            " AND w.withdrawn = 0)")


def _withdrawn_at(documents: str = "documents") -> str:
    """SQL: since when a document is out of the search index (the last of its paths to be
    withdrawn), NULL while it is searchable."""
    return (f"CASE WHEN NOT {_searchable(documents)} THEN (SELECT max(removed_at) FROM document_paths r"
            f" WHERE r.doc_key = {documents}.doc_key AND r.withdrawn = 1) END")


@dataclass(frozen=True, slots=True)
class Failure:
    """A quarantined file: why it failed, when it was first and last seen failing, how often.

    `sha256` is the bytes that failed: while the file still holds them (and the extractor
    version is the same) it is not read again. None when the file could not even be hashed.
    """

    path: str
    reason: str
    error_type: str
    sha256: str | None
    failed_at: str  # last seen
    first_seen: str = ""
    count: int = 1
    extractor_version: str | None = None


FINDING_CANDIDATES = 5  # the ids a start naming several findings lists: enough to pick one from


@dataclass(frozen=True, slots=True)
class FindingNamed:
    """What a typed finding id names (`Store.finding_named`): `finding_id` when it names one
    finding, else `count` findings start with it (0: none), and `candidates` are all of them when
    they are few enough to pick from (two to FINDING_CANDIDATES; else none: 300 ids are no help)."""

    typed: str
    finding_id: str | None
    count: int
    candidates: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """One stored document as `kiemtra` lists it (no text: that stays in the database)."""

    doc_key: str
    doc_id: str
    paths: tuple[str, ...]
    format: str
    reader: str
    title: str | None
    published: str | None
    year: int | None
    pages: int | None
    findings: int
    extractor_version: str
    ingested_at: str
    indexed: bool
    withdrawn: bool = False  # every path that held it was removed and withdrawn from search


@dataclass(frozen=True, slots=True)
class StoredText:
    """A stored document as it was read and what was extracted from it; `withdrawn_at` says
    since when its findings are out of the search index (its file left the inbox under
    `removed_files = withdraw`), None while they are searchable."""

    document: Document
    extraction: Extraction
    withdrawn_at: str | None = None


@dataclass(frozen=True, slots=True)
class FindingInContext:
    """One finding's search record with the stored document it came from (`kiemtra show`)."""

    record: FindingRecord
    stored: StoredText


@dataclass(frozen=True, slots=True)
class Withdrawn:
    """A document whose findings left the search index because its files left the inbox
    (`removed_files = withdraw`): the store keeps it, `kiemtra show FIRST_FINDING` reads it."""

    doc_key: str
    doc_id: str
    paths: tuple[str, ...]
    withdrawn_at: str
    findings: int
    first_finding: str | None


@dataclass(frozen=True, slots=True)
class Stats:
    """Counts for `kiemtra stats`; a year of None means the document gave none."""

    documents: int = 0
    findings: int = 0
    findings_by_year: dict[int | None, int] = field(default_factory=dict)
    findings_by_area: dict[str, int] = field(default_factory=dict)
    findings_by_polarity: dict[str, int] = field(default_factory=dict)
    documents_by_year: dict[int | None, int] = field(default_factory=dict)
    documents_by_version: dict[str, int] = field(default_factory=dict)  # extractor version -> documents


@dataclass(frozen=True, slots=True)
class RunRecord:
    """One ingestion run as the store keeps it; `summary` is the run's own JSON summary."""

    run_id: str
    flow: str
    pid: int
    started_at: str
    finished_at: str | None
    status: str
    summary: dict[str, Any]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _blocks_json(blocks: tuple[Block, ...]) -> str:
    return json.dumps([[b.start, b.end, b.page, b.kind, b.confidence] for b in blocks])


def _blocks_from_json(raw: str) -> tuple[Block, ...]:
    return tuple(Block(start, end, page, kind, confidence)
                 for start, end, page, kind, confidence in json.loads(raw))


class Store:
    """The SQLite system of record; open one per thread or process (it guards its connection).

    A finding's `words` come from the pipeline, which segmented the document once; `segmenter`
    fills them at save time only for findings without. The store runs no NLP of its own: the
    default leaves such text unsegmented, and the composition layer passes nlp.words.segment
    (pipeline.process.open_store); likewise `containers`, the units containing a unit
    (nlp.unit_containers.containers), which search records carry for `--within`, and
    `themes_of`, the themes a finding's text names (nlp.themes.finding_themes) for the matter tier.
    """

    def __init__(self, path: Path, *, segmenter: Callable[[str], str] = str,
                 containers: Containers = lambda unit, near: (),
                 themes_of: ThemesOf = lambda text, theme: (),
                 readonly: bool = False) -> None:
        self.path = Path(path)
        self._segmenter = segmenter
        self._containers = containers  # the units containing a unit, for the search records
        self._themes_of = themes_of  # every theme a finding speaks of, for the search records
        self._lock = threading.RLock()
        self._conn = connect(self.path, synchronous="FULL", readonly=readonly)
        try:
            if readonly:
                self._check_version()
            else:
                self._migrate()
        except sqlite3.Error as e:
            self._conn.close()
            raise BackendError(f"cannot create the store's tables: {e}", path=self.path) from e
        except BackendError:
            self._conn.close()
            raise

    # ------------------------------------------------------------------ plumbing

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def _migrate(self) -> None:
        """Bring the file to SCHEMA_VERSION step by step; refuse a file written by a newer kiemtra."""
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise BackendError(f"store schema v{version} is newer than this kiemtra (v{SCHEMA_VERSION});"
                               " upgrade kiemtra")
        if version == SCHEMA_VERSION:
            return
        with self._write():
            # another process may have migrated
            current = self._conn.execute("PRAGMA user_version").fetchone()[0]
            for target in range(current + 1, SCHEMA_VERSION + 1):
                step = _MIGRATIONS[target]
                if callable(step):
                    step(self._conn)
                    continue
                for statement in step.split(";\n"):
                    if statement.strip():
                        self._conn.execute(statement)
            self._conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def _check_version(self) -> None:
        """A read-only store cannot migrate: it must already be at this kiemtra's schema."""
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if version != SCHEMA_VERSION:
            raise BackendError(f"store schema is v{version}, this kiemtra reads v{SCHEMA_VERSION}:"
                               " run `kiemtra ingest` (or any writing command) once to bring it up to date",
                               path=self.path)

    def _write(self) -> Transaction:
        return Transaction(self._conn, self._lock, self.path)

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as e:
                raise BackendError(f"store query failed: {e}", path=self.path) from e

    # ------------------------------------------------------------------ ingest

    def is_current(self, path: str, sha256: str, extractor_version: str) -> bool:
        """True when `path` already holds exactly these bytes, extracted by this version."""
        rows = self._query(
            "SELECT 1 FROM document_paths p JOIN documents d USING (doc_key)"
            " WHERE p.path = ? AND d.doc_key = ? AND d.extractor_version = ? AND p.removed_at IS NULL",
            (str(path), sha256, extractor_version),
        )
        return bool(rows)

    def stored_version(self, path: str, sha256: str) -> str | None:
        """The extractor version that extracted the bytes `path` holds, when it holds exactly
        these bytes (and was not removed since); None otherwise."""
        rows = self._query(
            "SELECT d.extractor_version FROM document_paths p JOIN documents d USING (doc_key)"
            " WHERE p.path = ? AND d.doc_key = ? AND p.removed_at IS NULL", (str(path), sha256))
        return rows[0][0] if rows else None

    def failed_under_other_version(self, sha256: str, extractor_version: str) -> bool:
        """True when these bytes are quarantined, at any path, by another extractor version (or
        one not recorded): a retry the changed extractor earns them, not a new failure."""
        return bool(self._query("SELECT 1 FROM failures WHERE sha256 = ? AND extractor_version IS NOT ?"
                                " LIMIT 1", (sha256, extractor_version)))

    def copy_of(self, path: str, doc_key: str) -> str | None:
        """Another file holding the bytes `path` holds (stored as `doc_key`), stored before it and
        not removed since: the file `path` is a copy of; None when there is none. Of two stored in
        the same second (a run's parallel batches), the one of the lower path is the original, so
        exactly one of two is called the copy."""
        rows = self._query(
            "SELECT o.path FROM document_paths o JOIN document_paths p ON p.path = ?"
            " WHERE o.doc_key = ? AND o.path != p.path AND o.removed_at IS NULL"
            " AND (o.seen_at < p.seen_at OR (o.seen_at = p.seen_at AND o.path < p.path))"
            " ORDER BY o.seen_at, o.path LIMIT 1", (str(path), doc_key))
        return rows[0][0] if rows else None

    def has_path(self, path: str) -> bool:
        """True when some version of `path` is stored and the file was not removed since (so new
        bytes there are a change; a file that comes back is new again)."""
        sql = "SELECT 1 FROM document_paths WHERE path = ? AND removed_at IS NULL"
        return bool(self._query(sql, (str(path),)))

    def save(self, document: Document, extraction: Extraction, *, extractor_version: str) -> str:
        """Store a document and what was extracted from it, in one transaction; its key back.

        Re-saving the same bytes replaces its findings (ids derive from key and span, so
        nothing duplicates). A path that held other bytes before now points here, and the old
        version goes unless another path still holds it.
        """
        source = document.source
        key = source.sha256
        if not key:
            raise BackendError("document has no sha256; cannot key it", path=source.path)
        records = finding_records(key, document, extraction, segmenter=self._segmenter,
                                  containers=self._containers, themes_of=self._themes_of)
        published = extraction.published or source.published
        now = _now()
        with self._write() as conn:
            previous = conn.execute("SELECT doc_key FROM document_paths WHERE path = ?",
                                    (source.path,)).fetchone()
            conn.execute(
                "INSERT INTO documents (doc_key, doc_id, format, reader, size, url, title, published, year,"
                " pages, ocr_pages, text, blocks, warnings, extraction, extractor_version, ingested_at,"
                " indexed)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)"
                " ON CONFLICT(doc_key) DO UPDATE SET doc_id = excluded.doc_id, format = excluded.format,"
                " reader = excluded.reader, size = excluded.size, url = excluded.url, title = excluded.title,"
                " published = excluded.published, year = excluded.year, pages = excluded.pages,"
                " ocr_pages = excluded.ocr_pages, text = excluded.text, blocks = excluded.blocks,"
                " warnings = excluded.warnings, extraction = excluded.extraction,"
                " extractor_version = excluded.extractor_version, ingested_at = excluded.ingested_at,"
                " indexed = 0",
                (key, document.doc_id, source.format, source.reader, source.size, source.url,
                 extraction.title or source.title, published, record_year(extraction, published),
                 source.pages, source.ocr_pages, document.text, _blocks_json(document.blocks),
                 json.dumps(list(document.warnings)),
                 json.dumps(extraction.to_dict(), ensure_ascii=False), extractor_version, now),
            )
            for table in ("findings", "units", "doc_numbers"):
                conn.execute(f"DELETE FROM {table} WHERE doc_key = ?", (key,))
            conn.executemany(
                "INSERT INTO findings (finding_id, doc_key, seq, polarity, area, theme, text,"
                " start, end, page,"
                " units, words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(r.finding_id, key, seq, r.polarity, r.area, r.theme, r.text, r.start, r.end, r.page,
                  json.dumps(list(f.units), ensure_ascii=False), r.words)
                 for seq, (r, f) in enumerate(zip(records, extraction.findings, strict=True))],
            )
            conn.executemany(
                "INSERT INTO units (doc_key, seq, level, name, role, province, current)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(key, seq, u.level, u.name, u.role, u.province, u.current)
                 for seq, u in enumerate(extraction.units)],
            )
            conn.executemany(
                "INSERT INTO doc_numbers (doc_key, seq, kind, number, date, issuer)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(key, seq, d.kind, d.number, d.date, d.issuer)
                 for seq, d in enumerate(extraction.documents)],
            )
            conn.execute(
                "INSERT INTO document_paths (path, doc_key, seen_at) VALUES (?, ?, ?)"
                " ON CONFLICT(path) DO UPDATE SET doc_key = excluded.doc_key, seen_at = excluded.seen_at,"
                " removed_at = NULL, withdrawn = 0",
                (source.path, key, now),
            )
            if previous is not None and previous["doc_key"] != key:
                self._drop_if_orphaned(conn, previous["doc_key"], now)
            conn.execute("DELETE FROM removals WHERE doc_key = ?", (key,))
            conn.execute("DELETE FROM failures WHERE path = ?", (source.path,))
        LOGGER.debug("saved %s (%s) with %d findings", source.path, key[:12], len(records))
        return key

    @staticmethod
    def _drop_if_orphaned(conn: sqlite3.Connection, old_key: str, now: str) -> None:
        """Delete a replaced version no path holds any more, and queue it for the search index."""
        if conn.execute("SELECT 1 FROM document_paths WHERE doc_key = ?", (old_key,)).fetchone():
            return
        conn.execute("DELETE FROM documents WHERE doc_key = ?", (old_key,))
        conn.execute(
            "INSERT INTO removals (doc_key, removed_at) VALUES (?, ?) ON CONFLICT(doc_key) DO NOTHING",
            (old_key, now),
        )
        LOGGER.info("replaced version %s removed", old_key[:12])

    def record_failure(self, path: str, reason: str, *, error_type: str, sha256: str | None = None,
                       extractor_version: str | None = None) -> Failure:
        """Quarantine `path` with its reason and return the record.

        The same bytes failing again at the same path add one to `count` and keep `first_seen`;
        other bytes start the record afresh (count 1), because they are a new failure.
        """
        now = _now()
        with self._write() as conn:
            conn.execute(
                "INSERT INTO failures (path, sha256, error_type, reason, failed_at, first_seen, seen,"
                " extractor_version) VALUES (?, ?, ?, ?, ?, ?, 1, ?)"
                " ON CONFLICT(path) DO UPDATE SET"
                " seen = CASE WHEN failures.sha256 IS excluded.sha256 THEN failures.seen + 1 ELSE 1 END,"
                " first_seen = CASE WHEN failures.sha256 IS excluded.sha256 THEN failures.first_seen"
                "   ELSE excluded.first_seen END,"
                " sha256 = excluded.sha256, error_type = excluded.error_type, reason = excluded.reason,"
                " failed_at = excluded.failed_at, extractor_version = excluded.extractor_version",
                (str(path), sha256, error_type, " ".join(reason.split()), now, now, extractor_version),
            )
        failure = self.failure(str(path))
        assert failure is not None  # just written under the lock
        return failure

    _FAILURE_COLUMNS = "path, reason, error_type, sha256, failed_at, first_seen, seen, extractor_version"

    @staticmethod
    def _failure(r: sqlite3.Row) -> Failure:
        return Failure(r["path"], r["reason"], r["error_type"], r["sha256"], r["failed_at"],
                       r["first_seen"] or r["failed_at"], r["seen"], r["extractor_version"])

    def failures(self) -> list[Failure]:
        rows = self._query(f"SELECT {self._FAILURE_COLUMNS} FROM failures ORDER BY failed_at, path")
        return [self._failure(r) for r in rows]

    def failure(self, path: str) -> Failure | None:
        rows = self._query(f"SELECT {self._FAILURE_COLUMNS} FROM failures WHERE path = ?", (str(path),))
        return self._failure(rows[0]) if rows else None

    def quarantined(self, sha256: str, extractor_version: str) -> Failure | None:
        """The failure these bytes already had under this extractor version, at any path, or None.

        Looked up by content, so a renamed copy of known-bad bytes is not retried either.
        """
        rows = self._query(
            f"SELECT {self._FAILURE_COLUMNS} FROM failures WHERE sha256 = ? AND extractor_version = ?"
            " ORDER BY failed_at DESC LIMIT 1", (sha256, extractor_version))
        return self._failure(rows[0]) if rows else None

    def release(self, path: str) -> bool:
        """Forget the quarantine record of `path`, so the next run reads the file again."""
        with self._write() as conn:
            return conn.execute("DELETE FROM failures WHERE path = ?", (str(path),)).rowcount > 0

    # ------------------------------------------------------------------ files that left their folder

    def present_paths_under(self, folder: Path) -> list[str]:
        """Stored or quarantined paths inside `folder` not yet known to be removed."""
        prefix = str(folder).rstrip("/") + "/"
        sql = ("SELECT path FROM document_paths WHERE removed_at IS NULL AND substr(path, 1, ?) = ?"
               " UNION SELECT path FROM failures WHERE substr(path, 1, ?) = ? ORDER BY 1")
        return [r[0] for r in self._query(sql, (len(prefix), prefix, len(prefix), prefix))]

    def keep_removed(self, path: str) -> None:
        """The file left, its findings stay searchable: only note since when it is gone."""
        with self._write() as conn:
            conn.execute("UPDATE document_paths SET removed_at = ? WHERE path = ? AND removed_at IS NULL",
                         (_now(), str(path)))

    def withdraw(self, path: str) -> None:
        """The file left and its findings leave the search index, but the store keeps them.

        Only when no other present path holds the same bytes; the index drops them at the next
        `catch_up_index` (through `pending_removals`).
        """
        now = _now()
        with self._write() as conn:
            row = conn.execute("SELECT doc_key FROM document_paths WHERE path = ?", (str(path),)).fetchone()
            if row is None:
                return
            conn.execute("UPDATE document_paths SET removed_at = coalesce(removed_at, ?), withdrawn = 1"
                         " WHERE path = ?", (now, str(path)))
            if not conn.execute("SELECT 1 FROM document_paths WHERE doc_key = ? AND withdrawn = 0",
                                (row["doc_key"],)).fetchone():
                conn.execute("UPDATE documents SET indexed = 0 WHERE doc_key = ?", (row["doc_key"],))
                conn.execute("INSERT INTO removals (doc_key, removed_at) VALUES (?, ?)"
                             " ON CONFLICT(doc_key) DO NOTHING", (row["doc_key"], now))

    def delete_path(self, path: str) -> None:
        """The file left and so does its document, unless another path still holds its bytes."""
        with self._write() as conn:
            row = conn.execute("SELECT doc_key FROM document_paths WHERE path = ?", (str(path),)).fetchone()
            if row is None:
                return
            conn.execute("DELETE FROM document_paths WHERE path = ?", (str(path),))
            self._drop_if_orphaned(conn, row["doc_key"], _now())

    # ------------------------------------------------------------------ search index bookkeeping

    def mark_indexed(self, doc_key: str) -> None:
        with self._write() as conn:
            conn.execute("UPDATE documents SET indexed = 1 WHERE doc_key = ?", (doc_key,))

    def pending_index(self) -> list[str]:
        """Keys saved but not yet confirmed in the search index (e.g. it was down)."""
        return [r[0] for r in self._query(
            f"SELECT doc_key FROM documents WHERE indexed = 0 AND {_searchable()}"
            " ORDER BY ingested_at, doc_key")]

    def mark_all_unindexed(self) -> None:
        """Before `reindex`: every document must go into the (cleared) search index again."""
        with self._write() as conn:
            conn.execute("UPDATE documents SET indexed = 0")

    def pending_removals(self) -> list[str]:
        """Keys of replaced versions whose findings the search index may still hold."""
        return [r[0] for r in self._query("SELECT doc_key FROM removals ORDER BY removed_at, doc_key")]

    def mark_removed(self, doc_key: str) -> None:
        """The search index has dropped this replaced version (`SearchBackend.delete_document`)."""
        with self._write() as conn:
            conn.execute("DELETE FROM removals WHERE doc_key = ?", (doc_key,))

    # ------------------------------------------------------------------ reading back

    def _document_row(self, doc_key: str) -> sqlite3.Row:
        """The document's row, with the path that last held it and, when every path that held
        it was withdrawn from search, since when (`withdrawn_at`; NULL while searchable)."""
        rows = self._query(
            "SELECT d.*, (SELECT path FROM document_paths p WHERE p.doc_key = d.doc_key"
            f" ORDER BY seen_at DESC, path LIMIT 1) AS path, {_withdrawn_at('d')} AS withdrawn_at"
            " FROM documents d WHERE d.doc_key = ?",
            (doc_key,),
        )
        if not rows:
            raise BackendError(f"no stored document with key {doc_key}", path=self.path)
        return rows[0]

    @staticmethod
    def _document_of(row: sqlite3.Row) -> Document:
        source = Source(
            path=row["path"] or "", sha256=row["doc_key"], format=row["format"], reader=row["reader"],
            size=row["size"], title=row["title"], published=row["published"], url=row["url"],
            pages=row["pages"], ocr_pages=row["ocr_pages"],
        )
        return Document(row["doc_id"], row["text"], _blocks_from_json(row["blocks"]), source,
                        tuple(json.loads(row["warnings"])))

    @staticmethod
    def _extraction_of(row: sqlite3.Row) -> Extraction:
        return Extraction.from_dict(json.loads(row["extraction"]))

    def get_extraction(self, doc_key: str) -> Extraction:
        return self._extraction_of(self._document_row(doc_key))

    def get_document(self, doc_key: str) -> Document:
        """The Document as it was saved (text, blocks, source), e.g. to re-extract it."""
        return self._document_of(self._document_row(doc_key))

    def get_stored(self, doc_key: str) -> StoredText:
        """The Document and its Extraction from one read of the document's row (its text is
        the largest thing the store holds: read it once), and since when it is withdrawn."""
        row = self._document_row(doc_key)
        return StoredText(self._document_of(row), self._extraction_of(row), row["withdrawn_at"])

    def _records(self, key: str, stored: StoredText) -> list[FindingRecord]:
        """One document's search records, with the words the database holds (so re-indexing
        never re-runs the segmenter)."""
        words = {r["finding_id"]: r["words"] for r in self._query(
            "SELECT finding_id, words FROM findings WHERE doc_key = ?", (key,))}
        built = finding_records(key, stored.document, stored.extraction, segmenter=str,
                                containers=self._containers, themes_of=self._themes_of)
        return [replace(record, words=words.get(record.finding_id, "")) for record in built]

    def finding_records(self, doc_key: str | None = None) -> Iterator[FindingRecord]:
        """Records for the search index: one document's, or every searchable one's (`reindex`)."""
        keys = [doc_key] if doc_key is not None else [
            r[0] for r in self._query(
                f"SELECT doc_key FROM documents WHERE {_searchable()} ORDER BY ingested_at, doc_key")
        ]
        for key in keys:
            yield from self._records(key, self.get_stored(key))

    def finding_in_context(self, finding_id: str) -> FindingInContext | None:
        """One finding's search record with its document and extraction, read once (`kiemtra
        show`), or None when no stored document holds it."""
        for row in self._query("SELECT DISTINCT doc_key FROM findings WHERE finding_id = ?", (finding_id,)):
            stored = self.get_stored(row[0])
            for record in self._records(row[0], stored):
                if record.finding_id == finding_id:
                    return FindingInContext(record, stored)
        return None

    def finding_named(self, typed: str, limit: int = FINDING_CANDIDATES) -> FindingNamed:
        """The finding a person's finding id names: the whole id or any start of it naming one
        finding, case and surrounding blanks aside; else how many start so, and which when `limit`
        or fewer.

        Why one function: `kiemtra show`, `kiemtra search --similar` and the web page's finding
        URLs take the short id a person copies from a line, as `kiemtra runs` takes a run's; each
        had its own reading (only `show` took a start). Index order, so the same start lists the
        same candidates."""
        prefix = typed.strip().lower()  # ids are sha1 hex: "ED770005" is copied, not another id
        # A range on the primary key: every id starting with `prefix` sorts between it and it
        # followed by the last code point (BINARY collation compares UTF-8 bytes).
        bounds = (prefix, prefix + chr(0x10FFFF))
        where = "FROM findings WHERE finding_id >= ? AND finding_id < ?"
        count = int(self._query(f"SELECT COUNT(*) {where}", bounds)[0][0])
        rows = self._query(f"SELECT finding_id {where} ORDER BY finding_id LIMIT ?", (*bounds, max(limit, 1)))
        ids = tuple(r[0] for r in rows)
        return FindingNamed(typed, ids[0] if count == 1 else None, count, ids if 1 < count <= limit else ())

    def data_version(self) -> int:
        """Changes whenever another connection commits to the file: a reader's cache key."""
        return int(self._query("PRAGMA data_version")[0][0])

    def locate_finding(self, finding_id: str) -> tuple[str, int] | None:
        """(doc_key, index in the extraction's findings) of a stored finding, or None."""
        rows = self._query("SELECT doc_key, seq FROM findings WHERE finding_id = ?", (finding_id,))
        return (rows[0]["doc_key"], rows[0]["seq"]) if rows else None

    def finding_ids(self, doc_key: str) -> list[str]:
        """The ids of a document's findings, in the order of its extraction's findings."""
        return [r[0] for r in self._query(
            "SELECT finding_id FROM findings WHERE doc_key = ? ORDER BY seq", (doc_key,))]

    def unit_labels(self) -> list[str]:
        """Every unit the stored documents name, as "level name" ("xã Cam Tuyền"), once each; those
        whose documents hold the most findings first, then by name (a list cut short keeps them).

        Why: a unit filter matches a unit's name whole, so one typed as its start ("cam") or
        misspelt finds nothing; the CLI and the web page then name the units meant
        (pipeline.hints.units_meant), as they name the provinces close to a misspelt one. The
        documents' units (the `units` table), not the index's facet, which lists only the
        FACET_SIZE units with the most findings."""
        return [r[0] for r in self._query(
            "SELECT u.level || ' ' || u.name AS label,"
            " SUM((SELECT COUNT(*) FROM findings f WHERE f.doc_key = u.doc_key)) AS held"
            " FROM units u GROUP BY label ORDER BY held DESC, label")]

    def documents(self) -> list[StoredDocument]:
        rows = self._query(
            "SELECT d.doc_key, d.doc_id, d.format, d.reader, d.title, d.published, d.year, d.pages,"
            f" d.extractor_version, d.ingested_at, d.indexed, NOT {_searchable('d')} AS withdrawn,"
            " (SELECT COUNT(*) FROM findings f WHERE f.doc_key = d.doc_key) AS n_findings,"
            " (SELECT json_group_array(path) FROM (SELECT path FROM document_paths p"
            "   WHERE p.doc_key = d.doc_key ORDER BY path)) AS paths"
            " FROM documents d ORDER BY d.ingested_at, d.doc_key"
        )
        return [
            StoredDocument(
                doc_key=r["doc_key"], doc_id=r["doc_id"], paths=tuple(json.loads(r["paths"])),
                format=r["format"], reader=r["reader"], title=r["title"], published=r["published"],
                year=r["year"], pages=r["pages"], findings=r["n_findings"],
                extractor_version=r["extractor_version"], ingested_at=r["ingested_at"],
                indexed=bool(r["indexed"]), withdrawn=bool(r["withdrawn"]),
            )
            for r in rows
        ]

    def withdrawn(self) -> list[Withdrawn]:
        """Documents withdrawn from search, the longest withdrawn first."""
        rows = self._query(
            f"SELECT d.doc_key, d.doc_id, {_withdrawn_at('d')} AS withdrawn_at,"
            " (SELECT COUNT(*) FROM findings f WHERE f.doc_key = d.doc_key) AS n_findings,"
            " (SELECT finding_id FROM findings f WHERE f.doc_key = d.doc_key ORDER BY seq LIMIT 1) AS first,"
            " (SELECT json_group_array(path) FROM (SELECT path FROM document_paths p"
            "   WHERE p.doc_key = d.doc_key ORDER BY path)) AS paths"
            f" FROM documents d WHERE NOT {_searchable('d')} ORDER BY withdrawn_at, d.doc_key"
        )
        return [Withdrawn(r["doc_key"], r["doc_id"], tuple(json.loads(r["paths"])), r["withdrawn_at"] or "",
                          r["n_findings"], r["first"]) for r in rows]

    def stats(self) -> Stats:
        def counts(sql: str) -> dict[Any, int]:
            return {r[0]: r[1] for r in self._query(sql)}

        by_finding = ("SELECT {col}, COUNT(*) FROM findings f JOIN documents d USING (doc_key)"
                      " GROUP BY 1 ORDER BY 1")
        return Stats(
            documents=self._query("SELECT COUNT(*) FROM documents")[0][0],
            findings=self._query("SELECT COUNT(*) FROM findings")[0][0],
            findings_by_year=counts(by_finding.format(col="d.year")),
            findings_by_area=counts(by_finding.format(col="f.area")),
            findings_by_polarity=counts(by_finding.format(col="f.polarity")),
            documents_by_year=counts("SELECT year, COUNT(*) FROM documents GROUP BY 1 ORDER BY 1"),
            documents_by_version=self.documents_by_version(),
        )

    def documents_by_version(self) -> dict[str, int]:
        """How many stored documents each extractor version extracted, the largest share first:
        more than one version means the next run re-reads all but the current one's."""
        return {r[0]: r[1] for r in self._query(
            "SELECT extractor_version, COUNT(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1")}

    # ------------------------------------------------------------------ runs

    def start_run(self, run_id: str, *, flow: str, pid: int) -> None:
        """Record a run as running. Call it holding the run lock: any row still `running` is then
        a run that was killed, and is marked `interrupted` so the history does not lie."""
        with self._write() as conn:
            conn.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
            conn.execute(
                "INSERT INTO runs (run_id, flow, pid, started_at, status) VALUES (?, ?, ?, ?, 'running')",
                (run_id, flow, pid, _now()),
            )

    def finish_run(self, run_id: str, *, status: str, summary: dict[str, Any]) -> None:
        with self._write() as conn:
            conn.execute(
                "UPDATE runs SET status = ?, finished_at = ?, summary = ? WHERE run_id = ?",
                (status, _now(), json.dumps(summary, ensure_ascii=False), run_id),
            )

    def runs(self, limit: int = 20) -> list[RunRecord]:
        """The latest runs first."""
        rows = self._query(
            "SELECT run_id, flow, pid, started_at, finished_at, status, summary FROM runs"
            " ORDER BY started_at DESC, rowid DESC LIMIT ?", (limit,))
        return [RunRecord(r["run_id"], r["flow"], r["pid"], r["started_at"], r["finished_at"], r["status"],
                          json.loads(r["summary"])) for r in rows]


def connect(path: Path, *, synchronous: str, readonly: bool = False) -> sqlite3.Connection:
    """A WAL-mode connection in autocommit mode (transactions are explicit, see Transaction).

    One connection per Store or backend instance, shared by threads only under its lock, hence
    `check_same_thread=False`; other processes get their own and wait on the busy timeout.
    `readonly` opens an existing file with `mode=ro` (the web page and the read commands: no
    request can write, and a missing file is an error rather than a new empty store); where the
    folder is read-only too, with `immutable=1`, since a WAL database cannot make its -shm file
    there (a read-only disk, a copy). A 0-byte file is refused: SQLite would silently turn it
    into a new, empty store (one made in the last seconds is another connection creating it).
    """
    if _stale_empty_file(path):
        raise BackendError("the database file is empty (0 bytes), not a kiemtra store; move it away "
                           "or give another --db", path=path)
    if readonly:
        return _connect_readonly(path)
    existed = path.exists()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=_BUSY_SECONDS)
        _enter_wal(conn)
        conn.execute(f"PRAGMA synchronous={synchronous}")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.row_factory = sqlite3.Row
    except (OSError, sqlite3.Error) as e:
        # A store we failed to create (a full disk) must not stay as a 0-byte file; one another
        # connection is creating at this moment (the lock said so) is that connection's, not ours
        if not existed and not _busy(e):
            with contextlib.suppress(OSError):
                if path.stat().st_size == 0:
                    path.unlink()
        raise BackendError(f"cannot open the database: {e}", path=path) from e
    return conn


_BUSY_SECONDS = 30.0  # how long a connection waits on another's lock (SQLite's busy timeout)


def _busy(error: BaseException) -> bool:
    """Whether `error` is SQLite saying another connection holds the lock (SQLITE_BUSY, "database
    is locked", or SQLITE_LOCKED), by its code rather than its message's words."""
    return getattr(error, "sqlite_errorcode", None) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def _enter_wal(conn: sqlite3.Connection) -> None:
    """Switch `conn`'s database to WAL, waiting while another connection holds the lock.

    Why a loop: the switch takes the database's exclusive lock, and where another connection
    holds a shared one that it also wants to raise (two tasks of one nightly run opening a new
    store at the same moment), SQLite answers "database is locked" at once instead of calling
    the busy handler, lest the two wait on each other. Retried for the busy timeout, the switch
    succeeds as soon as the other connection is done (a no-op then: the file is WAL already);
    before, the failed task gave up the document, and deleting the 0-byte file it had failed to
    create broke the other connection's with "disk I/O error" (found by the nightly flow's test,
    one run in about fifteen)."""
    deadline = time.monotonic() + _BUSY_SECONDS
    delay = 0.005
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as e:
            if not _busy(e) or time.monotonic() >= deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.1)


def _connect_readonly(path: Path) -> sqlite3.Connection:
    last: sqlite3.Error | OSError | None = None
    for flags in ("mode=ro", "mode=ro&immutable=1"):
        conn: sqlite3.Connection | None = None
        try:
            uri = f"{path.resolve().as_uri()}?{flags}"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False, timeout=30)
            conn.execute("PRAGMA query_only=ON")
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # fails now if it is not a database
            conn.row_factory = sqlite3.Row
            return conn
        except (OSError, sqlite3.Error) as e:
            last = e
            if conn is not None:
                conn.close()
            if not path.is_file():
                break  # missing: immutable would not help
    raise BackendError(f"cannot open the database: {last}", path=path)


_FRESH_FILE_S = 10.0  # SQLite writes a new store's header within milliseconds of creating it


def _stale_empty_file(path: Path) -> bool:
    try:
        stat = path.stat()
    except OSError:
        return False
    return stat.st_size == 0 and time.time() - stat.st_mtime > _FRESH_FILE_S and path.is_file()


class Transaction:
    """`BEGIN IMMEDIATE … COMMIT` under the store's lock; rolls back and raises BackendError.

    IMMEDIATE takes the write lock up front, so two processes saving at once wait for each
    other (busy timeout) instead of failing half-way with a deadlock.
    """

    def __init__(self, conn: sqlite3.Connection, lock: threading.RLock, path: Path) -> None:
        self._conn = conn
        self._lock = lock
        self._path = path

    def __enter__(self) -> sqlite3.Connection:
        self._lock.acquire()
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            self._lock.release()
            raise BackendError(f"cannot start a write: {e}", path=self._path) from e
        return self._conn

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if exc_type is None:
                self._conn.execute("COMMIT")
            else:
                self._conn.execute("ROLLBACK")
        except sqlite3.Error as e:
            raise BackendError(f"write failed: {e}", path=self._path) from e
        finally:
            self._lock.release()
        if isinstance(exc, sqlite3.Error):
            raise BackendError(f"write failed: {exc}", path=self._path) from exc
