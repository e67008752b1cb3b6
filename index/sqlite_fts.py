"""The embedded search backend: SQLite FTS5 over findings, Vietnamese-aware, nothing to start.

Why two text columns: people type Vietnamese without accents ("phieu hen", "doan"), and FTS5's
`remove_diacritics` drops tone marks but keeps đ. So each finding is indexed twice with the
plain unicode61 tokenizer: `folded` (core.normalize.fold: no marks, đ → d, lowercase) is where
syllables typed without accents match, `original` (tones in canonical place, "hòa" = "hoà") where
syllables typed with accents match only that spelling (index/query's rule).

The query is planned by index/query (words, phrases, prefixes, exclusions, OR, synonyms,
question words, words and units of this index: `_Vocabulary`); this module only translates the
plan: every token is re-quoted, so no input raises an FTS5 syntax error. The findings of each
group are rowid lists combined in numpy (all groups; else most of them, the fallback; then the
findings of the query's matters, the matter tier (index.base.Query.matters); then any of the
groups, the fill, ranked after). Multi-valued
filters (units, today's units, containing units, provinces, levels, document kinds and numbers)
live in `fts_terms` as folded keys, which makes them case-, accent- and đ-insensitive and lets
facets count distinct findings; `fts_words` holds the multi-syllable words of the segmented text.

Ranking: most groups matched, then the exact phrase, then exact bm25 of the ranked words without
scoring every match: findings with the same tier, length and word counts share a score, so FTS5
scores one of each (index/fts_topk.py); `fts_records.tokens`, `.alike` and `fts_repeats` (folded
words, and accented words of `original` keyed "=word") hold what that needs.

Storage: tables prefixed `fts_`, versioned in `fts_meta`, so the backend may share the store's
file (the CLI's default) or have its own; it never touches the store's tables or user_version.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import math
import re
import sqlite3
import threading
import typing
from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from core.errors import BackendError
from core.models import Extraction, place_forms
from core.normalize import canonical_tones, fold, lower_same_length, nfc
from index import fts_topk
from index.base import (
    EXACT_BONUS,
    FACET_FIELDS,
    FACET_SIZE,
    GROUP_BONUS,
    MATTER_BONUS,
    POLARITY_BONUS,
    RECORD_FIELDS,
    SIMILAR_MIN_SHARE,
    SIMILAR_TERMS,
    TIER_MATTER,
    TIER_SOME_WORDS,
    TIER_WORDS,
    FindingRecord,
    Hit,
    Query,
    SearchBackend,
    SearchMemo,
    SearchResult,
    agency_kinds,
    asked_query,
    best_date,
    highlight,
    similar_stopwords,
)
from index.definitions import Definition, harvest
from index.definitions import load_rules as load_definition_rules
from index.fts_topk import BoolArray, FloatArray, IntArray
from index.query import (
    Alternative,
    Group,
    Parsed,
    Plan,
    Vocabulary,
    filter_key,
    inspector_keys,
    level_of,
    name_forms,
    plan_query,
    province_aliases,
    province_key,
    ranked_units,
    syllables_of,
    written_forms,
)
from index.records import ThemesOf, inspectors_of_findings, places_of_findings
from index.spelling import BIGRAM_CAP
from index.store import Transaction, connect

LOGGER = logging.getLogger(__name__)

FTS_SCHEMA_VERSION = "12"
# The first schema version of the search tables that holds each layout (index.base.LAYOUT_VERSION),
# by the migration writing what the layout adds: 6 every theme a finding speaks of (`_migrate_v5`),
# 7 its document's title (`_migrate_v6`); layout 8 adds to Elasticsearch alone (its shingles), so v7
# holds it; 8 the abbreviations its document defines (`_migrate_v7`); 9 its document's headline,
# the lead where it has no title (`_migrate_v8`); 10 each unit placed, the unit facet's values
# (`_migrate_v9`); 11 the kinds of the agencies a finding is about (`_migrate_v10`); 12 the
# inspecting bodies whose inspection found it, the inspector filter and facet (`_migrate_v11`).
# Why a table: the schema also moves with storage changes of its own, so the two numbers need
# not stay equal; a new layout adds its row here, and a test holds FTS_SCHEMA_VERSION at or past
# the row of today's layout.
SCHEMA_HOLDING_LAYOUT: dict[int, int] = {6: 6, 7: 7, 8: 7, 9: 8, 10: 9, 11: 10, 12: 11, 13: 12}
MMAP_BYTES = 1 << 30  # address space only; the OS pages in what searches touch
CACHE_KIB = 65536
# Rowids `similar` keeps of the words' finding lists (8 bytes each: 16 MB), least recently used dropped.
SIMILAR_CACHED_ROWIDS = 2_000_000
# Phrases whose finding counts a data version keeps (_RecentLists.counts): a few MB at most.
COUNTED_PHRASES = 50_000
# Rowids of the FTS5 match lists recent searches keep (_RecentLists: 8 bytes each, 16 MB).
RECENT_ROWIDS = 2_000_000
# The most matter-tier findings whose phrase counts are read from their text (_bare_counts).
BARE_COUNTED = 300

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS fts_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS fts_records ("
    " rowid INTEGER PRIMARY KEY, finding_id TEXT NOT NULL UNIQUE, doc_key TEXT NOT NULL,"
    " polarity TEXT NOT NULL, area TEXT NOT NULL, year INTEGER, published TEXT, record TEXT NOT NULL,"
    " facet_terms TEXT NOT NULL DEFAULT '', tokens INTEGER NOT NULL DEFAULT 0,"
    " alike INTEGER NOT NULL DEFAULT 0)",
    "CREATE INDEX IF NOT EXISTS fts_records_doc ON fts_records(doc_key)",
    "CREATE INDEX IF NOT EXISTS fts_records_year ON fts_records(year)",
    "CREATE TABLE IF NOT EXISTS fts_terms ("
    " field TEXT NOT NULL, key TEXT NOT NULL, rowid INTEGER NOT NULL, value TEXT NOT NULL,"
    " PRIMARY KEY (field, key, rowid)) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS fts_terms_by_row ON fts_terms(rowid, field, key, value)",
    # Words a finding holds more than once (folded), for exact top-k ranking (index.fts_topk).
    "CREATE TABLE IF NOT EXISTS fts_repeats ("
    " word TEXT NOT NULL, rowid INTEGER NOT NULL, count INTEGER NOT NULL,"
    " PRIMARY KEY (word, rowid)) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS fts_repeats_by_row ON fts_repeats(rowid)",
    # The multi-syllable words of the findings' segmented text, folded ("ho so"): the query
    # analysis asks which of a query's syllable runs are words (index.query.Vocabulary).
    "CREATE TABLE IF NOT EXISTS fts_words (word TEXT PRIMARY KEY, findings INTEGER NOT NULL) WITHOUT ROWID",
    "CREATE VIRTUAL TABLE IF NOT EXISTS fts_text USING fts5("
    " folded, original, tokenize = 'unicode61 remove_diacritics 0')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS fts_vocab USING fts5vocab(fts_text, 'col')",
    # Each finding's document headline (FindingRecord.headline: its title, else its lead), folded
    # and as written as fts_text holds the text, under the finding's rowid: a field of its own,
    # apart from the text's bm25 and token counts (SqliteFtsBackend.titled). Named when it held
    # titles only (schema 7 and 8).
    "CREATE VIRTUAL TABLE IF NOT EXISTS fts_titles USING fts5("
    " folded, original, tokenize = 'unicode61 remove_diacritics 0')",
)

# Covers the facets and ranking data the in-memory columns read (_load_columns). Not the reading
# order's `start`, which only the record holds: the load parses it from each record (json_extract),
# about 0.15-0.2 s CPU more at 100,000 findings (session 22); a column of its own would spare that.
_FACETS_INDEX = ("CREATE INDEX IF NOT EXISTS fts_records_facets"
                 " ON fts_records(area, year, polarity, facet_terms, tokens, alike, published)")
# The term facets, packed into fts_records.facet_terms: fts_terms' field → the facet it counts
# (index.base.FACET_FIELDS). The unit facet counts each unit placed (FindingRecord.unit_places), the
# inspector facet each inspecting body placed (FindingRecord.inspector_places).
_FACET_OF_TERM = {"province": "province", "unit_place": "unit", "theme": "theme",
                  "inspector_place": "inspector"}
_TERM_FACETS = tuple(_FACET_OF_TERM)
_FIELD_SEP, _ITEM_SEP = "\x1f", "\x1e"
DEFINES = "defines"  # fts_terms' field of the definitions a record's document writes (_definition_terms)


def _migrate_v1(conn: sqlite3.Connection) -> None:
    """v1 → v2: pack each record's province and unit terms into `facet_terms` (no reindex)."""
    conn.execute("ALTER TABLE fts_records ADD COLUMN facet_terms TEXT NOT NULL DEFAULT ''")
    packed: dict[int, list[tuple[str, str, str]]] = {}
    marks = ", ".join("?" for _ in _TERM_FACETS)
    for rowid, field_, key, value in conn.execute(
            f"SELECT rowid, field, key, value FROM fts_terms WHERE field IN ({marks})", _TERM_FACETS):
        packed.setdefault(rowid, []).append((field_, key, value))
    conn.executemany("UPDATE fts_records SET facet_terms = ? WHERE rowid = ?",
                     [(_pack_facet_terms(items), rowid) for rowid, items in packed.items()])
    LOGGER.info("search tables migrated from v1 to v2")


def _migrate_v2(conn: sqlite3.Connection) -> None:
    """v2 → v3: what exact top-k ranking reads of each record (token count, repeated words)."""
    conn.execute("ALTER TABLE fts_records ADD COLUMN tokens INTEGER NOT NULL DEFAULT 0")
    conn.execute("ALTER TABLE fts_records ADD COLUMN alike INTEGER NOT NULL DEFAULT 0")
    conn.execute("DROP INDEX IF EXISTS fts_records_facets")  # recreated with the new columns
    rows = conn.execute(
        "SELECT t.rowid, t.folded, d.sz FROM fts_text t JOIN fts_text_docsize d ON d.id = t.rowid")
    for rowid, folded, size in rows.fetchall():
        alike = fts_topk.tokenizes_alike(folded)
        conn.execute("UPDATE fts_records SET tokens = ?, alike = ? WHERE rowid = ?",
                     (fts_topk.docsize_total(size), alike, rowid))
        _insert_repeats(conn, rowid, folded if alike else "")  # the original's words: v3 → v4
    LOGGER.info("search tables migrated from v2 to v3")


def _migrate_v3(conn: sqlite3.Connection) -> None:
    """v3 → v4: each record's theme becomes a term (filter and facet), read from its JSON."""
    for rowid, raw in conn.execute("SELECT rowid, record FROM fts_records").fetchall():
        keyed = _keyed_terms(_record_from_json(raw))
        conn.execute("UPDATE fts_records SET facet_terms = ? WHERE rowid = ?",
                     (_pack_facet_terms(keyed), rowid))
        conn.executemany("INSERT OR IGNORE INTO fts_terms (field, key, rowid, value) VALUES (?, ?, ?, ?)",
                         [(f, k, rowid, v) for f, k, v in keyed if f == "theme"])
    LOGGER.info("search tables migrated from v3 to v4")


def _migrate_v4(conn: sqlite3.Connection) -> None:
    """v4 → v5: the words table, filled from the stored records' segmented words; the repeated
    accented words of the `original` column."""
    for (raw,) in conn.execute("SELECT record FROM fts_records").fetchall():
        _insert_words(conn, _record_from_json(raw).words)
    rows = conn.execute("SELECT t.rowid, t.original FROM fts_text t JOIN fts_records r ON r.rowid = t.rowid"
                        " WHERE r.alike")
    for rowid, original in rows.fetchall():
        _insert_repeats(conn, rowid, "", original)
    LOGGER.info("search tables migrated from v4 to v5")


def _migrate_v5(conn: sqlite3.Connection, themes_of: ThemesOf | None) -> None:
    """v5 → v6: every theme a finding speaks of (FindingRecord.themes) becomes a `theme` term
    (the matter tier, filter and facet) and its own theme a `primary_theme` term, the themes read
    from each stored record's text by `themes_of` (nlp's, passed by the composition layer);
    without it a record keeps its own theme alone until `kiemtra reindex`."""
    for rowid, raw in conn.execute("SELECT rowid, record FROM fts_records").fetchall():
        record = _record_from_json(raw)
        if themes_of is not None:
            record = dataclasses.replace(record, themes=tuple(themes_of(record.text, record.theme)))
        keyed = _keyed_terms(record)
        conn.execute("UPDATE fts_records SET record = ?, facet_terms = ? WHERE rowid = ?",
                     (_record_json(record), _pack_facet_terms(keyed), rowid))
        conn.executemany("INSERT OR IGNORE INTO fts_terms (field, key, rowid, value) VALUES (?, ?, ?, ?)",
                         [(f, k, rowid, v) for f, k, v in keyed if f in ("theme", "primary_theme")])
    LOGGER.info("search tables migrated from v5 to v6%s",
                "" if themes_of is not None else " (each finding's own theme only: run `kiemtra reindex`)")


def _migrate_v6(conn: sqlite3.Connection) -> None:
    """v6 → v7: each record's document headline into fts_titles (`_fill_headlines`)."""
    _fill_headlines(conn)
    LOGGER.info("search tables migrated from v6 to v7")


def _fill_headlines(conn: sqlite3.Connection) -> None:
    """fts_titles refilled with each record's document headline, read from its JSON. The table is
    emptied first, so a migration run again (a version marker set back by hand or by an older
    kiemtra writing to the same file) refills it instead of failing on the rows already there."""
    conn.execute("DELETE FROM fts_titles")
    for rowid, raw in conn.execute("SELECT rowid, record FROM fts_records").fetchall():
        _insert_headline(conn, rowid, _record_from_json(raw).headline)


def _migrate_v7(conn: sqlite3.Connection) -> None:
    """v7 → v8: the abbreviations each record's document defines (FindingRecord.definitions),
    harvested from the document's text where the store keeps it, in the same file (its
    `documents` table, index/store.py); an index without the store beside it keeps none until
    `kiemtra reindex`. Rows already there are kept (INSERT OR IGNORE): run again, it adds none."""
    store = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'documents'"
    if conn.execute(store).fetchone() is None:
        LOGGER.info("search tables migrated from v7 to v8 (no definitions without the store: "
                    "run `kiemtra reindex`)")
        return
    rules, defined = load_definition_rules(), {}
    for rowid, raw in conn.execute("SELECT rowid, record FROM fts_records").fetchall():
        record = _record_from_json(raw)
        if record.doc_key not in defined:
            row = conn.execute("SELECT text FROM documents WHERE doc_key = ?", (record.doc_key,)).fetchone()
            defined[record.doc_key] = tuple(d.value for d in harvest(nfc(row[0]), rules)) if row else ()
        if values := defined[record.doc_key]:
            record = dataclasses.replace(record, definitions=values)
            conn.execute("UPDATE fts_records SET record = ? WHERE rowid = ?", (_record_json(record), rowid))
            conn.executemany("INSERT OR IGNORE INTO fts_terms (field, key, rowid, value) VALUES (?, ?, ?, ?)",
                             [(f, k, rowid, v) for f, k, v in _definition_terms(record)])
    LOGGER.info("search tables migrated from v7 to v8")


def _migrate_v8(conn: sqlite3.Connection) -> None:
    """v8 → v9: fts_titles holds each record's headline, the lead of a document without a title
    (FindingRecord.headline), as its JSON keeps it: a lead read by a newer core.headline reaches
    the index with `kiemtra reindex`, which builds the records again from the stored documents."""
    _fill_headlines(conn)
    LOGGER.info("search tables migrated from v8 to v9")


def _migrate_v9(conn: sqlite3.Connection) -> None:
    """v9 → v10: each unit placed (FindingRecord.unit_places, the unit facet and its filter), read
    from the stored extraction where the store keeps it in the same file (its `documents` table,
    index/store.py), by the attribution the index is written with (index.records.places_of_findings);
    every record's facets are packed again, the bare names' unit facet gone. An index without the
    store beside it has an empty unit facet until `kiemtra reindex` (bare names passed off as
    placed would be the mixed values again)."""
    none: tuple[str, ...] = ()
    beside = _refiled_from_store(conn, places_of_findings, none,
                                 lambda record, placed: dataclasses.replace(record, unit_places=placed),
                                 ("unit_place",))
    LOGGER.info("search tables migrated from v9 to v10%s",
                "" if beside else " (no unit facet without the store: run `kiemtra reindex`)")


_Made = typing.TypeVar("_Made")


def _refiled_from_store(conn: sqlite3.Connection,
                        reader: typing.Callable[[str, Extraction], dict[str, _Made]], missing: _Made,
                        refile: typing.Callable[[FindingRecord, _Made], FindingRecord],
                        fields: typing.Collection[str]) -> bool:
    """Every record refiled (`refile`) with what `reader` makes of its document's stored extraction
    (the store's `documents` table in the same file, read once per document; `missing` for a
    finding or a document it lacks, and for all when the store is not beside the index), its facets
    packed again and its terms of `fields` written: what a migration adding a reading of the
    extraction does. Whether the store was beside the index."""
    store = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'documents'"
    beside = conn.execute(store).fetchone() is not None
    made: dict[str, dict[str, _Made]] = {}
    for rowid, raw in conn.execute("SELECT rowid, record FROM fts_records").fetchall():
        record = _record_from_json(raw)
        read = _of_stored(conn, record.doc_key, reader, made) if beside else {}
        record = refile(record, read.get(record.finding_id, missing))
        keyed = _keyed_terms(record)
        conn.execute("UPDATE fts_records SET record = ?, facet_terms = ? WHERE rowid = ?",
                     (_record_json(record), _pack_facet_terms(keyed), rowid))
        conn.executemany("INSERT OR IGNORE INTO fts_terms (field, key, rowid, value) VALUES (?, ?, ?, ?)",
                         [(f, k, rowid, v) for f, k, v in keyed if f in fields])
    return beside


def _of_stored(conn: sqlite3.Connection, doc_key: str,
               reader: typing.Callable[[str, Extraction], dict[str, _Made]],
               made: dict[str, dict[str, _Made]]) -> dict[str, _Made]:
    """What `reader` makes of the document's stored extraction (the store's `documents` table in
    the same file), once per document (`made` keeps them); {} for a document the store lacks."""
    if doc_key not in made:
        row = conn.execute("SELECT extraction FROM documents WHERE doc_key = ?", (doc_key,)).fetchone()
        made[doc_key] = reader(doc_key, Extraction.from_dict(json.loads(row[0]))) if row else {}
    return made[doc_key]


def _migrate_v10(conn: sqlite3.Connection) -> None:
    """v10 → v11: the kind of each agency a finding is about (index.base.agency_kinds: "sở"), a
    term of the record's own units, which a query typing the kind's head alone matches."""
    for rowid, raw in conn.execute("SELECT rowid, record FROM fts_records").fetchall():
        conn.executemany("INSERT OR IGNORE INTO fts_terms (field, key, rowid, value) VALUES (?, ?, ?, ?)",
                         [(AGENCY_KIND, kind, rowid, kind) for kind in agency_kinds(_record_from_json(raw))])
    LOGGER.info("search tables migrated from v10 to v11")


def _migrate_v11(conn: sqlite3.Connection) -> None:
    """v11 → v12: the inspecting bodies whose inspection found each finding (FindingRecord.inspectors,
    inspector_places: the inspector filter and facet), read from the stored extraction where the
    store keeps it in the same file, by the attribution the index is written with
    (index.records.inspectors_of_findings), as `_migrate_v9` reads the units placed; every record's
    facets packed again. An index without the store beside it has no inspector until `kiemtra
    reindex`."""
    none: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    beside = _refiled_from_store(conn, inspectors_of_findings, none,
                                 lambda record, read: dataclasses.replace(record, inspectors=read[0],
                                                                          inspector_places=read[1]),
                                 _INSPECTOR_FIELDS)
    LOGGER.info("search tables migrated from v11 to v12%s",
                "" if beside else " (no inspector without the store: run `kiemtra reindex`)")


def _insert_headline(conn: sqlite3.Connection, rowid: int, headline: str | None) -> None:
    """The finding's document headline, folded and as written (as fts_text holds the text)."""
    if headline and headline.strip():
        text = canonical_tones(nfc(headline))
        conn.execute("INSERT INTO fts_titles (rowid, folded, original) VALUES (?, ?, ?)",
                     (rowid, fold(text), lower_same_length(text)))


def segmented_words(words: str) -> set[str]:
    """The multi-syllable words of segmented text, folded, syllables space-separated."""
    out = set()
    for token in words.split():
        if "_" in token:
            syllables = _TOKEN.findall(fold(token.replace("_", " ")))
            if len(syllables) > 1:
                out.add(" ".join(syllables))
    return out


def _insert_words(conn: sqlite3.Connection, words: str) -> None:
    found = segmented_words(words)
    if found:
        conn.executemany("INSERT INTO fts_words (word, findings) VALUES (?, 1)"
                         " ON CONFLICT(word) DO UPDATE SET findings = findings + 1", [(w,) for w in found])


# fts_repeats key of a word of the `original` column (accents kept): "=số". Only its non-ASCII
# words are stored so: an ASCII word is the same word folded.
ORIGINAL_KEY = "="


def _insert_repeats(conn: sqlite3.Connection, rowid: int, folded: str, original: str = "") -> None:
    """The words of a record's folded text seen more than once, and of its original text the
    accented ones, for exact top-k ranking (an accented phrase is ranked on `original`)."""
    repeats = fts_topk.repeated_words(folded)
    repeats.update({ORIGINAL_KEY + word: n for word, n in fts_topk.repeated_words(original).items()
                    if not word.isascii()})
    if repeats:
        conn.executemany("INSERT OR REPLACE INTO fts_repeats (word, rowid, count) VALUES (?, ?, ?)",
                         [(word, rowid, n) for word, n in repeats.items()])


def _pack_facet_terms(items: Iterable[tuple[str, str, str]]) -> str:
    """(field, key, value) of one record's multi-valued facets as one sortable string.

    Why packed: counting facets is then one GROUP BY over a covering index instead of a join
    to fts_terms per matching finding; most findings share few combinations, so the groups
    unpacked in Python are far fewer than the findings.
    """
    return _ITEM_SEP.join(sorted({_FIELD_SEP.join(item) for item in items if item[0] in _TERM_FACETS}))


_TOKEN = re.compile(r"[^\W_]+")
_UNIT_FIELDS = ("unit", "unit_level", "unit_alias")
# A unit typed in the query, or --unit with --within: findings about it or a unit inside it.
_UNIT_OR_INSIDE = (*_UNIT_FIELDS, "unit_parent")
# What Query.inspector matches: an inspecting body's name, "level name" or today's unit, or as the
# inspector facet places it.
_INSPECTOR_FIELDS = ("inspector", "inspector_place")
AGENCY_KIND = "agency_kind"  # the kind of an agency a finding is about (index.base.agency_kinds)


def _phrase(column: str, tokens: Iterable[str], prefix: bool = False) -> str:
    """One FTS5 phrase on one column; every token is quoted, so it is always valid syntax."""
    quoted = '"' + " ".join(tokens).replace('"', "") + '"'
    return f"{column} : {quoted}" + (" *" if prefix else "")


def _ranking_phrase(alt: Alternative) -> str:
    """An alternative as bm25 ranks by it: typed with every accent or literal on `original`,
    else folded (its accents checked apart, _accent_check, never ranked)."""
    if alt.whole:
        return _phrase("original", alt.syllables, alt.prefix)
    return _phrase("folded", alt.folded, alt.prefix)


def _expression(alt: Alternative) -> str:
    """One alternative as an FTS5 expression under the accent rule (fts_text's and fts_titles'
    columns alike)."""
    if alt.whole:
        return _phrase("original", alt.syllables, alt.prefix)
    check = _accent_check(alt)
    folded = _phrase("folded", alt.folded, alt.prefix)
    return folded if check is None else f"({folded}) AND ({check})"


def _any_of(phrases: Iterable[str]) -> str:
    return " OR ".join(f"({p})" for p in phrases)


def _accent_check(alt: Alternative) -> str | None:
    """The FTS5 expression an alternative typed with some accents must also match on `original`
    (Alternative.accent_checks), None when it has none. Callers match an alternative typed with
    every accent on `original` alone, before asking this."""
    checks = alt.accent_checks
    return " AND ".join(_phrase("original", (s,), prefix) for s, prefix in checks) if checks else None


def _record_terms(record: FindingRecord) -> Iterator[tuple[str, str]]:
    """(field, value) pairs a record can be filtered and faceted on."""
    for unit in record.units:
        yield "unit", unit
    for unit in record.unit_levels:
        yield "unit_level", unit
        level = level_of(unit)
        if level:
            yield "level", level
    for alias in record.unit_aliases:
        for form in name_forms(alias):
            yield "unit_alias", form
    for parent in record.unit_parents:
        for form in name_forms(parent):
            yield "unit_parent", form
    for place in record.unit_places:  # each unit placed: the unit facet, Query.unit_place
        yield "unit_place", place
    for kind in agency_kinds(record):  # the kind of each agency it is about ("sở"): Group.kind
        yield AGENCY_KIND, kind
    for province in record.provinces:
        yield "province", province
    for inspector in record.inspectors:  # the inspecting bodies: Query.inspector, a level word or not
        for form in name_forms(inspector):
            yield "inspector", form
    for place in record.inspector_places:  # each placed: the inspector facet, its value as a filter
        yield "inspector_place", place
    for kind in record.doc_kinds:
        yield "doc_kind", kind
    for number in record.doc_numbers:
        yield "doc_number", number
    for theme in record.themes:  # every theme it speaks of: the matter tier, filter and facet
        yield "theme", theme
    if record.theme:  # its own theme: the matter tier ranks these first
        yield "primary_theme", record.theme


def _keyed_terms(record: FindingRecord) -> list[tuple[str, str, str]]:
    """The record's terms as fts_terms holds them: (field, folded key, value as written), those
    whose value folds to nothing left out."""
    keyed = [(f, filter_key(v), v) for f, v in _record_terms(record)]
    return [row for row in keyed if row[1]] + _definition_terms(record)


def _definition_terms(record: FindingRecord) -> list[tuple[str, str, str]]:
    """The abbreviations its document defines, under the keys a query asks them by (the
    abbreviation's, the long form's: index.definitions.Definition.keys)."""
    out: list[tuple[str, str, str]] = []
    for value in record.definitions:
        if (definition := Definition.of_value(value)) is not None:
            out.extend((DEFINES, key, value) for key in definition.keys if key)
    return out


def _record_json(record: FindingRecord) -> str:
    """The record as JSON (flat fields, so no dataclasses.asdict deep copy)."""
    return json.dumps({name: getattr(record, name) for name in RECORD_FIELDS}, ensure_ascii=False)


def _record_from_json(raw: str) -> FindingRecord:
    data: dict[str, Any] = json.loads(raw)
    fields: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}
    return FindingRecord(**fields)


# The unary + keeps the planner from handing the rowid list to FTS5, which would rerun the whole
# match once per listed rowid (1.5 ms each); as written the list is probed per match instead.
_WITHIN = "+fts_text.rowid IN (SELECT value FROM json_each(?))"
_Rows = list[tuple[str, float]]  # (record JSON, score) of one page
_Ranked = list[tuple[int, float, str]]  # (rowid, score, tier) of one page
_Combo = tuple[int | None, str, str]  # (year, area, polarity) of a finding


@dataclass(frozen=True, slots=True)
class _Filters:
    """A query's filters: terms a finding must carry, conditions on its year, area, polarity."""

    # Each filter: (field, folded key) pairs, any of which a finding must carry
    terms: tuple[tuple[tuple[str, str], ...], ...]
    year: int | None = None
    year_from: int | None = None
    year_to: int | None = None
    area: str | None = None
    polarity: str | None = None

    @classmethod
    def of(cls, query: Query) -> _Filters:
        unit_fields = _UNIT_OR_INSIDE if query.within else _UNIT_FIELDS
        term_filters = (
            (unit_fields, query.unit), (("level",), query.level),
            (("doc_kind",), query.doc_kind), (("doc_number",), query.doc_number), (("theme",), query.theme),
        )
        terms = [tuple((f, filter_key(value)) for f in fields) for fields, value in term_filters
                 if value is not None]
        if query.unit_place is not None:  # as the facet stores it or shows it (core.models.place_forms)
            terms.append(tuple(("unit_place", filter_key(form)) for form in place_forms(query.unit_place)))
        if query.province is not None:  # its findings, and its predecessors' since 2025 (province_aliases)
            terms.append((("province", province_key(query.province)),
                          *(("unit_alias", alias) for alias in province_aliases(query.province))))
        if query.inspector is not None:  # its inspections' findings, by its name or as the facet places it
            terms.append((*(("inspector", key) for key in inspector_keys(query.inspector)),
                          *(("inspector_place", filter_key(form)) for form in place_forms(query.inspector))))
        return cls(tuple(terms), query.year, query.year_from, query.year_to, query.area, query.polarity)

    def __bool__(self) -> bool:
        return bool(self.terms) or any(v is not None for v in (
            self.year, self.year_from, self.year_to, self.area, self.polarity))

    def admits(self, combo: _Combo) -> bool:
        """Whether a finding with this (year, area, polarity) passes; a missing year fails any
        year condition, as SQL comparisons with NULL do."""
        year, area, polarity = combo
        if (self.year, self.year_from, self.year_to) != (None, None, None) and (year is None or (
                (self.year is not None and year != self.year)
                or (self.year_from is not None and year < self.year_from)
                or (self.year_to is not None and year > self.year_to))):
            return False
        return ((self.area is None or area == self.area)
                and (self.polarity is None or polarity == self.polarity))


def _in(ids: IntArray, found: IntArray) -> BoolArray:
    """Which of `ids` are in `found` (ascending), one binary search each. Why not np.isin: it
    sorts or tables all of `found` on every call, and ranking asks of every phrase's list over
    the whole index (thousands of findings) which of a few dozen candidates hold it."""
    if not len(found):
        return np.zeros(len(ids), dtype=np.bool_)
    at = np.minimum(np.searchsorted(found, ids), len(found) - 1)
    return np.asarray(found[at] == ids, dtype=np.bool_)


def _every(sets: list[IntArray]) -> IntArray:
    """The findings in every one of `sets` (each ascending and unique)."""
    out = sets[0]
    for other in sets[1:]:
        out = np.intersect1d(out, other, assume_unique=True)
    return out


def _rowids(conn: sqlite3.Connection, sql: str, params: Iterable[Any] = ()) -> IntArray:
    """The rowids `sql` selects, ascending, parsed from one group_concat string: building a
    Python row per finding cost more than the search itself (17,000 rows: 10 ms against 2.5 ms)."""
    joined = conn.execute(f"SELECT group_concat(rowid) FROM ({sql})", tuple(params)).fetchone()[0]
    if not joined:
        return np.empty(0, dtype=np.int64)
    found = np.fromstring(joined, dtype=np.int64, sep=",")
    # FTS5 and the indexes mostly list rowids ascending already: checking costs a tenth of sorting.
    return found if bool((found[1:] >= found[:-1]).all()) else np.sort(found)


def _newest_admitted(columns: _Columns, plan: Plan, tiers: Sequence[IntArray],
                     need: int) -> list[tuple[int, float, str]]:
    """The first `need` findings a date-sorted query admits (`tiers`: the stages', the matter
    tier's three parts, the fill's, a section's instances': `_search`), newest first across every
    tier, as Elasticsearch sorts them (index.elastic._sort): a user sorting by date asks for the
    newest findings the query finds, each hit still labelled with its tier. Equal dates in the
    reading order (`_Columns.reading`: each document's findings as it states them), not by tier
    or score: a timeline reads a day's report in its order, and the engines' scores differ where
    their tiers agree, so a score would list one day differently on each.

    Of a section asked (Plan.section), the findings of the other polarity are admitted (the
    total counts them) and so take their place by date: a date sort promises a timeline, and
    holding an older shortcoming above a newer strength would break it without saying so. The
    section still orders each date's findings, its polarity first, as it orders relevance."""
    # One label per tier of `_search`, in its order; the instances' are the matter tier's, as
    # Elasticsearch labels them (index.elastic.NAMING).
    labels = (TIER_WORDS, TIER_MATTER, TIER_MATTER, TIER_MATTER, TIER_SOME_WORDS, TIER_MATTER)
    admitted = np.concatenate(tiers)
    rank = np.concatenate([np.full(len(ids), k, dtype=np.int64) for k, ids in enumerate(tiers)])
    other = np.zeros(len(admitted), dtype=np.bool_)  # of a section, the other polarity's
    if plan.section:
        other = ~columns.of_polarity(admitted, plan.polarity)
    order = np.lexsort((columns.reading[admitted], other, columns.when[admitted]))[:need]
    return [(int(admitted[k]), 0.0, labels[int(rank[k])]) for k in order]


@dataclass(frozen=True, slots=True)
class _Columns:
    """What filters, facets, the browse page and ranking read of every finding, in memory.

    Why: counting facets in SQL looked up every matching finding in `fts_records` (30-40 ms per
    facet query at 100k findings); here each column is a numpy array indexed by rowid and a
    facet is one bincount. Findings sharing (year, area, polarity) share one `combo` code;
    findings sharing their set of multi-valued facet values (field, key, value) share one
    `pack` code. Loaded once per data version (see SqliteFtsBackend._columns), never changed.
    """

    version: tuple[int, int]
    combo: IntArray  # rowid → index into combos
    pack: IntArray  # rowid → index into packs
    position: IntArray  # rowid → place in the browse order (newest first)
    when: IntArray  # rowid → place of its best-known date in that order, equal dates equal
    newest_first: IntArray  # every rowid, in the browse order
    # rowid → place in the reading order: newest first as the browse order, equal dates by
    # document and each document's findings as it states them (its `start`), then the finding id.
    # The date sort's order (index.elastic._sort, the same keys); the browse order breaks ties of
    # relevance, where only a fixed key is asked.
    reading: IntArray
    reading_first: IntArray  # every rowid, in the reading order
    tokens: IntArray  # rowid → FTS5's token count of the finding (all columns)
    alike: BoolArray  # rowid → whether Python tokenizes its folded text as FTS5 does
    combos: list[_Combo]
    sizes: list[int]  # how many findings have each combo
    terms: list[tuple[str, str, str]]  # (field, key, value) of the multi-valued facets
    packs: int  # how many distinct packs
    item_pack: IntArray  # the (pack, term) pairs of every pack: which terms each pack holds
    item_term: IntArray
    # A term facet's value is its folded key (spellings of one name are one value): term → its
    # value's code; per facet, its values' codes in the order of their shown spelling (the
    # smallest of the index's), and each value's shown spelling (`_Values`).
    term_value: IntArray
    facet_values: dict[str, IntArray]
    shown: list[str]
    repeats: dict[str, tuple[IntArray, IntArray]]  # word → findings holding it more than once, how often

    def admitted(self, conn: sqlite3.Connection, ids: IntArray, filters: _Filters) -> IntArray:
        """The findings of `ids` that pass the filters (terms are looked up in fts_terms)."""
        allowed = [code for code, combo in enumerate(self.combos) if filters.admits(combo)]
        kept = ids[np.isin(self.combo[ids], allowed)]
        for pairs in filters.terms:
            either = " OR ".join("(field = ? AND key = ?)" for _ in pairs)
            having = _rowids(conn, f"SELECT rowid FROM fts_terms WHERE {either}",
                             [v for pair in pairs for v in pair])
            kept = kept[_in(kept, having)]
        return kept

    def of_polarity(self, ids: IntArray, polarity: str | None) -> BoolArray:
        """Which of `ids` have this polarity (none when it is None)."""
        codes = [code for code, combo in enumerate(self.combos)
                 if polarity is not None and combo[2] == polarity]
        return np.isin(self.combo[ids], codes)

    def of_polarity_count(self, polarity: str | None) -> int:
        """How many findings of the index have this polarity (none when it is None)."""
        return sum(self.sizes[code] for code, combo in enumerate(self.combos)
                   if polarity is not None and combo[2] == polarity)

    def in_areas(self, areas: Sequence[str]) -> BoolArray:
        """Per rowid, whether the finding is about one of `areas` (codes), without listing them
        (rowids the index lacks are no finding: False)."""
        codes = [code for code, combo in enumerate(self.combos) if combo[1] in areas]
        marks = np.zeros(len(self.combo), dtype=np.bool_)
        marks[self.newest_first] = np.isin(self.combo[self.newest_first], codes)
        return marks

    def read_newest(self, limit: int, offset: int) -> list[int]:
        """One page of every finding in the reading order (browsing, newest first)."""
        return self.reading_first[offset:offset + limit].tolist()

    def newest(self, ids: IntArray | None, limit: int, offset: int) -> list[int]:
        """One page of `ids` (None: every finding) in the browse order."""
        if ids is None:
            return self.newest_first[offset:offset + limit].tolist()
        places = np.sort(self.position[ids])
        return self.newest_first[places[offset:offset + limit]].tolist()

    def facets(self, ids: IntArray) -> dict[str, list[tuple[str, int]]]:
        """Each facet's values with their counts of distinct findings among `ids`, most first, ties
        by value. Why the term facets are ranked in numpy: an index of many units (each placed, the
        unit facet: tens of thousands at 100k findings) made a Python tuple per value counted."""
        combos = np.bincount(self.combo[ids], minlength=len(self.combos))
        packs = np.bincount(self.pack[ids], minlength=self.packs)
        terms = np.bincount(self.item_term, weights=packs[self.item_pack], minlength=len(self.terms))
        values = np.bincount(self.term_value, weights=terms, minlength=len(self.shown))
        out = _combo_facets((*self.combos[code], int(combos[code]))
                            for code in np.flatnonzero(combos).tolist())
        for name, ordered in self.facet_values.items():
            counted = values[ordered]
            found = np.flatnonzero(counted)
            top = found[np.lexsort((found, -counted[found]))][:FACET_SIZE]
            out[name] = [(self.shown[int(ordered[k])], int(counted[k])) for k in top.tolist()]
        return out


def _load_columns(conn: sqlite3.Connection, version: tuple[int, int]) -> _Columns:
    """Every column from a few aggregate queries parsed by numpy, sorted by numpy: a Python
    tuple per finding and the sort in SQL took 0.8 s at 100,000 findings, this about 0.5 s (session
    22, the reading order's `start` parsed from each record: about 1 s CPU on the shared machine)."""
    # The aggregates of one query see the rows in the same order, so the arrays stay aligned.
    *numbers, published, finding_ids, doc_keys = conn.execute(
        "SELECT group_concat(rowid), group_concat(tokens), group_concat(alike),"
        " group_concat(ifnull(year, 0)),"
        " group_concat(year IS NULL),"
        " group_concat(ifnull(json_extract(record, '$.start'), 0)),"
        " group_concat(ifnull(published, ''), char(31)),"  # char(31) is _FIELD_SEP
        " group_concat(finding_id, char(31)),"
        " group_concat(doc_key, char(31))"
        " FROM fts_records").fetchone()
    rowids, tokens, alike, years, no_year, starts = (_parse_ints(joined) for joined in numbers)
    size = int(rowids.max(initial=-1)) + 1
    # `published` is None without findings, "" for one finding without a date (not no findings).
    # The best-known date of each (index.base.best_date, Elasticsearch's `dated` too), "" for none.
    known = [best_date(day, None if missing else year) or "" for day, year, missing in zip(
        published.split(_FIELD_SEP) if published is not None else [], years.tolist(), no_year.tolist(),
        strict=True)]
    dates = np.unique(np.array(known, dtype=str), return_inverse=True)[1]
    undated = np.array([not day for day in known], dtype=np.bool_)
    # Browse order: best-known date newest first and none last, then the year likewise, then the
    # finding id (index.base.best_date: Elasticsearch's order of equal scores and dates too, where
    # the rowid, the order of ingest, is SQLite's alone).
    ids = np.unique(np.array(finding_ids.split(_FIELD_SEP) if finding_ids is not None else [], dtype=str),
                    return_inverse=True)[1].reshape(-1)
    order = np.lexsort((ids, -years, no_year, -dates.reshape(-1), undated))
    newest_first = rowids[order]
    docs = np.unique(np.array(doc_keys.split(_FIELD_SEP) if doc_keys is not None else [], dtype=str),
                     return_inverse=True)[1].reshape(-1)
    reading_first = rowids[np.lexsort((ids, starts, docs, -years, no_year, -dates.reshape(-1), undated))]
    # Each finding's date's place in that order, equal dates equal (the date sort's first key).
    keys = np.stack((dates.reshape(-1), years, no_year))[:, order]
    changes = np.ones(len(order), dtype=np.int64)
    changes[1:] = (keys[:, 1:] != keys[:, :-1]).any(axis=0)
    when = np.zeros(size, dtype=np.int64)
    when[newest_first] = np.cumsum(changes) - 1

    def by_rowid(values: IntArray, dtype: type = np.int64) -> Any:
        column: Any = np.zeros(size, dtype=dtype)
        column[rowids] = values
        return column

    position = np.zeros(size, dtype=np.int64)
    position[newest_first] = np.arange(len(newest_first))
    reading = np.zeros(size, dtype=np.int64)
    reading[reading_first] = np.arange(len(reading_first))
    combo, pack = np.zeros(size, dtype=np.int64), np.zeros(size, dtype=np.int64)
    combos: list[_Combo] = []
    sizes: list[int] = []
    for year, area, polarity, joined in conn.execute(
            "SELECT year, area, polarity, group_concat(rowid) FROM fts_records"
            " GROUP BY year, area, polarity"):
        found = _parse_ints(joined)
        combo[found] = len(combos)
        combos.append((year, area, polarity))
        sizes.append(len(found))
    term_codes: dict[str, int] = {}
    items: list[tuple[int, int]] = []
    packs = conn.execute(
        "SELECT facet_terms, group_concat(rowid) FROM fts_records GROUP BY facet_terms").fetchall()
    for code, (packed, joined) in enumerate(packs):
        pack[_parse_ints(joined)] = code
        items.extend((code, term_codes.setdefault(item, len(term_codes)))
                     for item in (packed.split(_ITEM_SEP) if packed else ()))
    pairs = np.array(items, dtype=np.int64).reshape(-1, 2)
    terms = [(field_, key, value) for field_, key, value in (item.split(_FIELD_SEP) for item in term_codes)]
    term_value, facet_values, shown = _term_values(terms)
    return _Columns(version, combo, pack, position, when, newest_first, reading, reading_first,
                    by_rowid(tokens), by_rowid(alike, np.bool_), combos, sizes, terms, len(packs),
                    pairs[:, 0], pairs[:, 1], term_value, facet_values, shown, _load_repeats(conn))


def _term_values(terms: Sequence[tuple[str, str, str]]) -> tuple[IntArray, dict[str, IntArray], list[str]]:
    """The term facets' values (_Columns.term_value, facet_values, shown): one per facet and folded
    key, shown by the smallest spelling the index holds of it."""
    codes: dict[tuple[str, str], int] = {}
    shown: list[str] = []
    term_value = np.zeros(len(terms), dtype=np.int64)
    for index, (field_, key, value) in enumerate(terms):
        code = codes.setdefault((_FACET_OF_TERM[field_], key), len(codes))
        if code == len(shown):
            shown.append(value)
        shown[code] = min(shown[code], value)
        term_value[index] = code
    facet_values = {name: np.array(sorted((code for (facet, _key), code in codes.items() if facet == name),
                                          key=lambda code: shown[code]), dtype=np.int64)
                    for name in dict.fromkeys(_FACET_OF_TERM.values())}
    return term_value, facet_values, shown


def _parse_ints(joined: str | None) -> IntArray:
    return np.fromstring(joined, dtype=np.int64, sep=",") if joined else np.empty(0, dtype=np.int64)


def _load_repeats(conn: sqlite3.Connection) -> dict[str, tuple[IntArray, IntArray]]:
    """fts_repeats as word → (findings ascending, counts)."""
    out = {}
    for word, rows, counts in conn.execute(
            "SELECT word, group_concat(rowid), group_concat(count) FROM fts_repeats GROUP BY word"):
        found, times = _parse_ints(rows), _parse_ints(counts)
        order = np.argsort(found)
        out[word] = (found[order], times[order])
    return out


def _combo_facets(combos: Iterable[tuple[int | None, str, str, int]]) -> dict[str, list[tuple[str, int]]]:
    """Every facet (FACET_FIELDS), the year, area and polarity counted from counts per (year, area,
    polarity): each value's count of distinct findings, most frequent first, ties by value,
    FACET_SIZE each; the term facets left empty for _Columns.facets to fill."""
    counts: dict[str, Counter[str]] = {name: Counter() for name in FACET_FIELDS}
    for year, area, polarity, n in combos:
        for name, value in (("year", year), ("area", area), ("polarity", polarity)):
            if value is not None:
                counts[name][str(value)] += n
    return {name: sorted(counted.items(), key=lambda p: (-p[1], p[0]))[:FACET_SIZE]
            for name, counted in counts.items()}


class _Vocabulary(Vocabulary):
    """What this index knows of a query's syllable runs, read in the search's snapshot."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def known_words(self, candidates: Sequence[str]) -> set[str]:
        marks = ", ".join("?" for _ in candidates)
        return {row[0] for row in self._conn.execute(f"SELECT word FROM fts_words WHERE word IN ({marks})",
                                                     list(candidates))}

    def known_units(self, candidates: Sequence[str]) -> set[str]:
        marks = ", ".join("?" for _ in candidates)
        fields = _UNIT_OR_INSIDE
        return {row[0] for row in self._conn.execute(
            f"SELECT DISTINCT key FROM fts_terms WHERE field IN ({', '.join('?' for _ in fields)})"
            f" AND key IN ({marks})",
            [*fields, *candidates])}

    def written_elsewhere(self, units: Sequence[str]) -> set[str]:
        fields = ", ".join("?" for _ in _UNIT_OR_INSIDE)
        about = f"SELECT rowid FROM fts_terms WHERE field IN ({fields}) AND key = ?"
        return {unit for unit in units if self._conn.execute(
            f"SELECT 1 FROM fts_text WHERE fts_text MATCH ? AND rowid NOT IN ({about}) LIMIT 1",
            [f'folded:"{unit}"', *_UNIT_OR_INSIDE, unit]).fetchone()}

    def defined(self, keys: Sequence[str]) -> set[str]:
        marks = ", ".join("?" for _ in keys)
        return {row[0] for row in self._conn.execute(
            f"SELECT DISTINCT value FROM fts_terms WHERE field = ? AND key IN ({marks})", [DEFINES, *keys])}

    def unit_spellings(self, units: Sequence[str]) -> dict[str, set[tuple[str, ...]]]:
        fields = ", ".join("?" for _ in _UNIT_OR_INSIDE)
        marks = ", ".join("?" for _ in units)
        out: dict[str, set[tuple[str, ...]]] = {}
        for key, value in self._conn.execute(
                f"SELECT DISTINCT key, value FROM fts_terms WHERE field IN ({fields}) AND key IN ({marks})",
                [*_UNIT_OR_INSIDE, *units]):
            out.setdefault(key, set()).add(syllables_of(value))
        return out


    def written_counts(self, phrases: Sequence[tuple[str, ...]]) -> dict[tuple[str, ...], int]:
        """The syllables' counts from the index's vocabulary (fts_vocab: findings whose `original`
        column holds each), one read; the empty phrase, every finding; a phrase of two or more only where
        every syllable is written, counted by FTS5 up to BIGRAM_CAP findings (most variants of a
        syllable are written nowhere)."""
        syllables = sorted({s for phrase in phrases for s in phrase})
        marks = ", ".join("?" for _ in syllables)
        written = dict(self._conn.execute(
            f"SELECT term, doc FROM fts_vocab WHERE col = 'original' AND term IN ({marks})", syllables))
        out: dict[tuple[str, ...], int] = {}
        for phrase in phrases:
            if not phrase:  # every finding (index.spelling.ALL)
                out[phrase] = self._conn.execute("SELECT count(*) FROM fts_records").fetchone()[0]
            elif len(phrase) == 1 or not all(s in written for s in phrase):
                out[phrase] = written.get(phrase[0], 0) if len(phrase) == 1 else 0
            else:
                out[phrase] = self._conn.execute(
                    "SELECT count(*) FROM (SELECT 1 FROM fts_text WHERE fts_text MATCH ? LIMIT ?)",
                    [f'original:"{" ".join(phrase)}"', BIGRAM_CAP]).fetchone()[0]
        return out


@dataclass
class _RecentLists:
    """The FTS5 match lists (expression → rowids) the recent searches of one data version asked
    for, the least recently used dropped past `capacity` rowids; and how many findings match
    each expression any search of the version asked (`counts`).

    Why: the composed search asks the engine twice for one query naming a place (pipeline/
    search.py engine_pool: the search, then the place's findings first) and again for a page
    past the reranker's pool; each time FTS5 walked the same phrases' lists over the whole index
    (a common syllable: 3-6 ms each), which made the place's few hundred findings cost as much
    as the whole search. And staff ask for the genre's few common words again and again ("hồ
    sơ", "thủ tục", "một cửa": the costliest lists, 32,000 findings each at 100,000), so the
    lists of earlier searches are kept too, up to `capacity` rowids (8 bytes each). Lists of the
    same data version are the same lists (SqliteFtsBackend._columns says when the data changed).

    `counts` outlive the lists: bm25's idf needs only a phrase's count, and FTS5 reads the
    phrase's whole list to give it (a concept's 59 instances: 16 ms), while a count is one int.
    Capped at COUNTED_PHRASES, then started afresh."""

    version: tuple[int, int]
    capacity: int = RECENT_ROWIDS
    lists: OrderedDict[str, IntArray] = dataclasses.field(default_factory=OrderedDict)
    size: int = 0  # rowids in `lists`
    counts: dict[str, int] = dataclasses.field(default_factory=dict)

    def get(self, match: str) -> IntArray | None:
        """The list of `match` if a recent search read it (now the most recently used)."""
        found = self.lists.get(match)
        if found is not None:
            self.lists.move_to_end(match)
        return found

    def keep(self, match: str, found: IntArray) -> None:
        """`found` as the list of `match` (read-only: later searches share it) and its count."""
        if len(self.counts) >= COUNTED_PHRASES:
            self.counts.clear()
        self.counts[match] = len(found)
        found.setflags(write=False)
        if len(found) > self.capacity:
            return
        self.lists[match] = found
        self.size += len(found)
        while self.size > self.capacity:
            self.size -= len(self.lists.popitem(last=False)[1])


@dataclass
class _TextSearch:
    """A plan's findings in one snapshot: which match each group, the conjunction or the
    fallback, and their ranking. Every FTS5 query here returns a rowid list (index.fts_topk
    and numpy do the rest), so a common word costs a few ms, not a Python row per match."""

    conn: sqlite3.Connection
    plan: Plan
    # Ranking the tiers after the stage (the matter tier, the fill): bm25 counts the parts too
    # (index.query.ranked_units).
    filling: bool = False
    _folded: dict[tuple[tuple[str, ...], bool], IntArray] = dataclasses.field(default_factory=dict)
    _groups: dict[int, IntArray] = dataclasses.field(default_factory=dict)  # by the group's place
    # The match lists recent searches of this data version asked FTS5 for and their counts
    # (_RecentLists), and those this one asked for, read-only.
    recent: _RecentLists = dataclasses.field(default_factory=lambda: _RecentLists((0, 0)))
    asked: dict[str, IntArray] = dataclasses.field(default_factory=dict)

    def groups(self) -> list[IntArray]:
        """Each group's findings, in the plan's order, asked of FTS5 once per search: the
        conjunction, the partial stages, the fill and the matter tier all read them."""
        return [self._group_at(k) for k in range(len(self.plan.groups))]

    def _group_at(self, k: int) -> IntArray:
        """The findings of the plan's `k`th group, once per search (a group of synonyms or a unit
        is a union of lists: the conjunction reads it, then the stages after it)."""
        found = self._groups.get(k)
        if found is None:
            found = self._groups[k] = self.group(self.plan.groups[k])
        return found

    def _ids(self, match: str) -> IntArray:
        found = self.asked.get(match)
        if found is None:
            found = self.recent.get(match)
            if found is None:
                found = _rowids(self.conn, "SELECT rowid FROM fts_text WHERE fts_text MATCH ?", [match])
                self.recent.keep(match, found)
            self.asked[match] = found
        return found

    def listed(self, match: str) -> IntArray:
        """The findings matching the FTS5 expression `match`, ascending (read-only): asked of FTS5
        once per search, kept for the searches after it (_RecentLists)."""
        return self._ids(match)

    def count(self, match: str) -> int:
        """How many findings match the FTS5 expression `match` (bm25's idf): counted once per
        data version (_RecentLists.counts), its list read only when no search of the version
        read it before."""
        found = self.recent.counts.get(match)
        return len(self._ids(match)) if found is None else found

    def folded_holders(self, alt: Alternative) -> IntArray:
        """Findings holding the alternative's folded phrase (what bm25 counts)."""
        key = (alt.folded, alt.prefix)
        if key not in self._folded:
            self._folded[key] = self._ids(_phrase("folded", alt.folded, alt.prefix))
        return self._folded[key]

    def alternative(self, alt: Alternative) -> IntArray:
        """Findings matching one alternative under the accent rule (typed with every accent,
        or literal: the phrase on `original` alone, which implies the folded one)."""
        if alt.whole:
            key = ((ORIGINAL_KEY, *alt.syllables), alt.prefix)  # not the folded phrase's key
            if key not in self._folded:
                self._folded[key] = self._ids(_phrase("original", alt.syllables, alt.prefix))
            return self._folded[key]
        holders = self.folded_holders(alt)
        check = _accent_check(alt)
        if check is None or not len(holders):
            return holders
        return np.intersect1d(holders, self._ids(check), assume_unique=True)

    def group(self, group: Group) -> IntArray:
        parts = [self.alternative(alt) for alt in group.alternatives]
        # A unit typed in the query matches findings about it or about units inside it: free text
        # asks for everything about a place; the --unit filter is the strict one (--within widens it).
        for fields, key in ((_UNIT_OR_INSIDE, group.unit), (("doc_number",), group.doc_number),
                            ((AGENCY_KIND,), group.kind)):
            if key:
                marks = ", ".join("?" for _ in fields)
                parts.append(_rowids(self.conn,
                                     f"SELECT rowid FROM fts_terms WHERE field IN ({marks}) AND key = ?",
                                     [*fields, key]))
        return _union(parts)

    def every_group(self) -> IntArray:
        """The findings matching every group: one FTS5 query ANDing the groups of one
        alternative (FTS5 walks the rarest list and skips); the others (synonyms, a unit, a
        number) as sets, whose per-alternative lists ranking needs anyway. A lone group of one
        alternative is its own list, not a query of one phrase: the partial stages and the
        tiers after them read that list (`groups`), which FTS5 would walk again under another
        expression (32,000 findings of "hồ sơ": 6 ms at 100,000)."""
        alone = [len(g.alternatives) == 1 and not g.keyed for g in self.plan.groups]
        sets = [self._group_at(k) for k, single in enumerate(alone) if not single or sum(alone) == 1]
        if sum(alone) > 1:
            sets.append(self._ids(" AND ".join(f"({_expression(g.alternatives[0])})"
                                               for g, single in zip(self.plan.groups, alone, strict=True)
                                               if single)))
        return _every(sets)

    def answer(self) -> IntArray:
        """The findings holding any word an answer to the question holds (index.query.Plan.answer)."""
        return _union([self.alternative(alt) for alt in self.plan.answer])

    def parts(self) -> list[IntArray]:
        """The findings holding each part of the plan (index.query.Part), in order."""
        return [self.alternative(part.alternative) for part in self.plan.parts]

    def excluded(self) -> IntArray:
        return _union([self.alternative(alt) for alt in self.plan.excluded])

    def exact(self) -> IntArray:
        alt = self.plan.exact
        if alt is None:
            return np.empty(0, dtype=np.int64)
        return self.alternative(alt)

    def _ranked(self) -> list[Alternative]:
        """What bm25 ranks by (index.query.ranked_units, the same on Elasticsearch)."""
        return ranked_units(self.plan, fill=self.filling)

    def _sure(self) -> set[tuple[tuple[str, ...], bool]]:
        """The ranked units every finding matching all groups holds: words of a text group of one
        alternative (a unit or document group may match without its text)."""
        return {((s,), False) for g in self.plan.groups
                if len(g.alternatives) == 1 and not g.alternatives[0].prefix and not g.keyed
                for s in g.alternatives[0].syllables}

    def _expressions(self) -> list[str]:
        """Each ranked alternative as it matches (typed with every accent or literal: on
        `original`, else folded)."""
        return [_ranking_phrase(a) for a in self._ranked()]

    @property
    def ranking(self) -> str:
        """The bm25 expression: every positive alternative ORed, so a finding scores for what it matched."""
        return _any_of(self._expressions())

    def _present(self, ids: IntArray, alt: Alternative, everyone: bool) -> BoolArray:
        """Which of `ids` hold the ranked unit as the ranking expression counts it; `everyone`
        when they all matched every group (then a sure unit is held by all)."""
        if everyone and not alt.literal and (alt.syllables, alt.prefix) in self._sure():
            return np.ones(len(ids), dtype=np.bool_)
        return _in(ids, self._holders(alt))

    def _holders(self, alt: Alternative) -> IntArray:
        """The findings holding a ranked unit as its ranking expression matches it: how many
        there are is its idf in bm25 (`_holders_count`)."""
        return self.alternative(alt) if alt.whole else self.folded_holders(alt)

    def _holders_count(self, alt: Alternative) -> int:
        """len(_holders(alt)) without its list when a search of this data version counted it:
        a unit every finding ranked holds (`_sure`) needs no list but its count."""
        return self.count(_ranking_phrase(alt))

    def rank(self, columns: _Columns, ids: IntArray, groups: list[IntArray] | None,
             need: int, strongest: BoolArray | None = None) -> list[tuple[int, float]]:
        """The first `need` of `ids` (ascending): most groups matched first (`groups` None:
        every finding matched them all), then (the matter tier) the findings of the strongest
        matter (`strongest`, per id), the polarity asked for, the exact phrase, then bm25 of
        the alternatives, then the browse order (index.base.best_date)."""
        n = len(self.plan.groups)  # the weight of all groups (each 1 when all must match)
        matched = np.full(len(ids), n, dtype=np.int64)  # the weight of the groups matched
        exact = (_in(ids, self.exact()) if self.plan.exact is not None
                 else np.zeros(len(ids), dtype=np.bool_))
        polar = columns.of_polarity(ids, self.plan.polarity)
        weights = [1] * n
        # Each group of a partial stage and each group more: how many findings hold it, which of `ids`.
        sizes = [len(found) for found in groups or []]
        held = [_in(ids, found) for found in groups or []]
        if self.plan.polarity_group:  # the polarity stands for a word the query typed: one group more
            sizes.append(columns.of_polarity_count(self.plan.polarity))
            held.append(polar)
            weights.append(1)
        if self.plan.answer:  # what an answer to the question holds: one group more, never required
            answer = self.answer()
            sizes.append(len(answer))
            held.append(_in(ids, answer))
            weights.append(1)
            if groups is None:
                matched += held[-1]
        if groups is not None:  # a partial stage: groups weigh by their idf (index.query.Plan.weights)
            parts = self.parts()
            weights = self.plan.weights([*sizes, *(len(found) for found in parts)], len(columns.newest_first))
            matched[:] = 0
            for weight, holding in zip(weights, held, strict=False):
                matched += weight * holding
            for weight, part, found in zip(weights[len(held):], self.plan.parts, parts, strict=True):
                # A part counts where its group did not match (then the group's weight counts).
                matched += weight * (_in(ids, found) & ~held[part.group])
            weights = weights[:len(held)]  # the parts make no finding rank above one holding every group
        elif self.plan.polarity_group:
            matched += polar
        n = sum(weights)
        strong = strongest if strongest is not None else np.ones(len(ids), dtype=np.bool_)
        tier = np.minimum((n - matched) * 8 + (~strong) * 4 + (~polar) * 2 + (~exact),
                          fts_topk.MAX_TIER).astype(np.int64)
        bonus = (matched * GROUP_BONUS + (strong * MATTER_BONUS if strongest is not None else 0)
                 + polar * POLARITY_BONUS + exact * EXACT_BONUS)
        alternatives = self._ranked()
        present = np.column_stack([self._present(ids, a, groups is None) for a in alternatives]) \
            if alternatives else np.ones((len(ids), 0), dtype=np.bool_)
        if any(a.prefix for a in alternatives) or not alternatives:  # a prefix's count is not its word's
            counts = np.full((len(ids), len(alternatives)), fts_topk.UNKNOWN, dtype=np.int64)
        else:
            counts = _listed_counts(columns, ids, alternatives, present)
        if not alternatives:
            order = np.lexsort((columns.position[ids], tier))[:need]
            return list(zip(ids[order].tolist(), bonus[order].astype(float).tolist(), strict=True))
        return _top_by_bm25(self.conn, columns, ids, tier, bonus, counts, self.ranking, need,
                            (self._expressions(), present), [self._holders_count(a) for a in alternatives],
                            alternatives)


def _top_by_bm25(conn: sqlite3.Connection, columns: _Columns, ids: IntArray, tier: IntArray, bonus: Any,
                 counts: IntArray, match: str, need: int,
                 patterns: tuple[list[str], BoolArray] | None = None,
                 holders: Sequence[int] | None = None,
                 units: Sequence[Alternative] | None = None) -> list[tuple[int, float]]:
    """The first `need` (rowid, score) of `ids` (ascending): by tier (0 first), then `bonus`
    minus bm25 of `match`, then the browse order (index.base.best_date). `counts` are the
    phrase counts of each finding (fts_topk.phrase_counts); FTS5 scores only what fts_topk
    cannot infer.

    `holders` (how many findings of the index hold each phrase of `match`, in order) lets
    numpy score every finding whose counts are known (fts_topk.bm25: FTS5's own doubles), so
    FTS5 scores only those whose counts are not. Why: FTS5 scores a few findings by walking
    every phrase's list over the whole index (and again for the idf), which costs as much for
    the 30 findings of a filter as for a page of 10,000 matches.

    `patterns` (each phrase of an OR `match`, and which findings hold which) lets FTS5 score
    the findings holding the same phrases with those phrases ANDed: the same bm25 (a phrase a
    finding lacks adds 0), but FTS5 walks the rarest phrase's list instead of the union of all.

    `units` (the alternatives `match` ORs, as `_ranking_phrase` writes them, in order) lets the
    few findings to score whose counts the stored repeats cannot tell (a phrase each of whose
    words a finding repeats: "dịch vụ công" in a finding saying "dịch vụ" and "công" twice) be
    counted from their own text (`_bare_counts`) when it tokenizes alike, then scored in numpy
    like the others. Why: FTS5 scoring even three findings walks each phrase's position lists
    over the index, twice (once for the idf): 5-25 ms for the section and question classes'
    slowest queries at 100,000 findings, where reading three texts costs a fraction of a ms.
    """
    counts[~columns.alike[ids]] = fts_topk.UNKNOWN
    signatures = fts_topk.signatures(ids, tier, columns.tokens[ids], counts, need)
    scored = signatures.to_score()
    bm25: dict[int, float] = {}
    if holders is not None and scored:
        at = np.searchsorted(ids, np.asarray(scored, dtype=np.int64))
        scoring = counts[at]
        known = (scoring >= 0).all(axis=1)
        unread = ~known & columns.alike[ids[at]]
        if units is not None and unread.any() and (
                read := _bare_counts(conn, columns, ids[at[unread]], units)) is not None:
            scoring[unread] = read
            known |= unread
        if known.any():
            rows, tokens = _averages(conn)
            inferred = fts_topk.bm25(scoring[known], columns.tokens[ids[at[known]]], holders, rows, tokens)
            bm25.update(zip(ids[at[known]].tolist(), (-inferred).tolist(), strict=True))
            scored = ids[at[~known]].tolist()
    for expression, rowids in _scoring_groups(match, scored, ids, patterns):
        # The range is FTS5's to use (it skips the matches outside); the list is probed per match.
        bm25.update(conn.execute(
            f"SELECT fts_text.rowid, bm25(fts_text) FROM fts_text WHERE fts_text MATCH ?"
            f" AND fts_text.rowid BETWEEN ? AND ? AND {_WITHIN}",
            [expression, min(rowids, default=0), max(rowids, default=0), json.dumps(rowids)]).fetchall())
    return signatures.top(bm25, np.asarray(bonus, dtype=np.float64), need, columns.position[ids])


def _averages(conn: sqlite3.Connection) -> tuple[int, int]:
    """FTS5's row and token totals (fts_topk.averages), what bm25's idf and average length read."""
    averages = conn.execute("SELECT block FROM fts_text_data WHERE id = 1").fetchone()
    return fts_topk.averages(averages[0] if averages else None)


def _scoring_groups(match: str, scored: list[int], ids: IntArray,
                    patterns: tuple[list[str], BoolArray] | None) -> list[tuple[str, list[int]]]:
    """(expression, rowids) to score: one OR query, or one AND query per presence pattern."""
    if not scored:
        return []
    if patterns is None:
        return [(match, scored)]
    expressions, present = patterns
    rows = present[np.searchsorted(ids, np.asarray(scored, dtype=np.int64))]
    groups: dict[tuple[bool, ...], list[int]] = {}
    for rowid, row in zip(scored, rows.tolist(), strict=True):
        groups.setdefault(tuple(row), []).append(rowid)
    out = []
    for pattern, rowids in groups.items():
        held = [f"({e})" for e, has in zip(expressions, pattern, strict=True) if has]
        if held:  # a finding matched by its unit or document alone scores 0
            out.append((" AND ".join(held), rowids))
    return out


@dataclass(frozen=True)
class _SimilarWords:
    """Which findings hold which of a finding's words, as per-rowid counters: `shared` (how
    many of the words) and `bits` (bit i: word i). Why: merging the words' lists by sorting
    (np.unique, then np.isin per word) took 7 ms of `similar` at 100,000 findings; counting
    into arrays indexed by rowid is linear."""

    shared: IntArray
    bits: IntArray
    words: int

    @classmethod
    def of(cls, holders: Sequence[IntArray], size: int) -> _SimilarWords:
        """From each word's findings (unique rowids below `size`); at most 63 words."""
        if len(holders) > 63:
            raise ValueError("at most 63 words fit the bits")
        shared, bits = np.zeros(size, dtype=np.int64), np.zeros(size, dtype=np.int64)
        for word, found in enumerate(holders):
            shared[found] += 1
            bits[found] |= 1 << word
        return cls(shared, bits, len(holders))

    def sharing(self, least: int) -> IntArray:
        """The findings holding at least `least` of the words, ascending."""
        return np.flatnonzero(self.shared >= least)

    def present(self, ids: IntArray) -> BoolArray:
        """Per finding of `ids`, which words it holds (one column per word)."""
        return ((self.bits[ids, None] >> np.arange(self.words)) & 1).astype(np.bool_)


@dataclass
class _WordFindings:
    """What `similar` knows of folded words in one data version: how many findings hold each
    (every word asked), and which (the most recently used lists, up to `capacity` rowids).

    Why: at 100,000 findings FTS5 reads a word's whole list both to count it (fts5vocab: 12 ms
    p50 for one finding's words) and to list it (8 ms p50 for ten words, 15 ms for a common
    one), and the finding pages ask again and again for the same common words. Folded
    Vietnamese has a few thousand syllables, so the counts stay small; the lists are capped.
    """

    version: tuple[int, int]
    capacity: int
    counts: dict[str, int] = dataclasses.field(default_factory=dict)
    lists: OrderedDict[str, IntArray] = dataclasses.field(default_factory=OrderedDict)
    size: int = 0  # rowids in `lists`

    def count(self, conn: sqlite3.Connection, words: Sequence[str]) -> dict[str, int]:
        """How many findings hold each of `words` in `folded` (0 for none)."""
        missing = [w for w in words if w not in self.counts]
        if missing:
            marks = ", ".join("?" for _ in missing)
            self.counts.update(dict.fromkeys(missing, 0))
            self.counts.update(conn.execute(
                f"SELECT term, doc FROM fts_vocab WHERE col = 'folded' AND term IN ({marks})", missing))
        return {w: self.counts[w] for w in words}

    def holders(self, conn: sqlite3.Connection, word: str) -> IntArray:
        """The findings holding `word` in `folded`, ascending."""
        found = self.lists.get(word)
        if found is not None:
            self.lists.move_to_end(word)
            return found
        found = _rowids(conn, "SELECT rowid FROM fts_text WHERE fts_text MATCH ?",
                        [_phrase("folded", (word,))])
        found.setflags(write=False)  # shared by the searches of this version
        if len(found) <= self.capacity:
            self.lists[word] = found
            self.size += len(found)
            while self.size > self.capacity:
                self.size -= len(self.lists.popitem(last=False)[1])
        return found


def _matter_candidates(size: int, themed: list[IntArray], areas: BoolArray | None,
                       selected: IntArray) -> IntArray:
    """The matter tier's candidates, ascending: the findings of `themed` (rowids below `size`)
    and of the areas named (`areas`, per rowid: _Columns.in_areas), less the stages' (`selected`).

    Why not np.union1d over the whole index: an area holds a seventh of it (14,000 findings at
    100,000), and sorting the index's rowids, then hashing and sorting the union, cost a query
    naming an area 10-20 ms; one mark per rowid and a scan of the marks give the same ascending set."""
    marks = np.zeros(size, dtype=np.bool_) if areas is None else areas.copy()
    for found in themed:
        marks[found] = True
    marks[selected] = False
    return np.flatnonzero(marks).astype(np.int64, copy=False)


def _union(parts: list[IntArray]) -> IntArray:
    """The findings in any of `parts` (each ascending and unique), ascending.

    Sorted and stripped of repeats by hand, not np.unique: numpy 2's np.unique (without counts)
    hashes, then sorts, and took 10 ms for 40,000 rowids where sorting takes 0.7 ms (a group of
    synonyms, "hồ sơ" with a unit, a matter's findings: every query naming a place)."""
    if len(parts) == 1:
        return parts[0]
    held = [found for found in parts if len(found)]
    if not held:
        return np.empty(0, dtype=np.int64)
    if len(held) == 1 and bool((held[0][1:] > held[0][:-1]).all()):  # the others empty
        return held[0]
    joined = np.sort(np.concatenate(held))
    first = np.empty(len(joined), dtype=np.bool_)
    first[0] = True
    np.not_equal(joined[1:], joined[:-1], out=first[1:])
    return joined[first]


def _hits(rows: _Rows, alternatives: Iterable[Alternative], tiers: Sequence[str] = (),
          snippets: bool = True) -> list[Hit]:
    """Rows of (record JSON, score) as hits with their tiers and, unless `snippets` is False
    (Query.snippets), their highlighted snippets."""
    marked = list(alternatives)
    hits = []
    for n, (raw, score) in enumerate(rows):
        record = _record_from_json(raw)
        hits.append(Hit(record, float(score), highlight(record.text, marked) if snippets else "",
                        tiers[n] if n < len(tiers) else TIER_WORDS))
    return hits


def _bare_relevance(conn: sqlite3.Connection, columns: _Columns, ids: IntArray, plan: Plan,
                    text: _TextSearch) -> FloatArray:
    """The bm25 of Plan.bare_ranked (the fill's parts, Plan.related, Plan.instances) of each of
    `ids` (ascending), 0 for one holding none. Why all the matter tier's bare findings at once
    (see _bare_of_matter): a finding's score does not depend on the others asked with it, so the
    tier's parts share one scoring instead of one each.

    FTS5's bm25 reads every unit's list over the whole index twice, once for its idf and once to
    find which of `ids` hold it (16 + 19 ms for a concept's 59 instances at 100,000 findings,
    for 35 findings), and then scores every one of `ids` holding a unit, a few µs each. So bm25
    is computed as FTS5 computes it (fts_topk.bm25: the same doubles), each unit's idf from its
    count (`text`: the search's _TextSearch, whose counts and lists are kept per data version),
    from each finding's phrase counts: read from the findings' text when they are few
    (`_bare_counts`), else from the units' lists and the stored repeats (`_listed_counts`); FTS5
    scores only the findings whose counts neither tells, or all of them for a prefix."""
    relevance = np.zeros(len(ids), dtype=np.float64)
    units = plan.bare_ranked
    if not units or not len(ids):
        return relevance
    phrases = [_ranking_phrase(a) for a in units]
    counts = _bare_counts(conn, columns, ids, units)
    if counts is not None:
        rows, tokens = _averages(conn)
        return fts_topk.bm25(counts, columns.tokens[ids], [text.count(p) for p in phrases], rows, tokens)
    scored = ids  # the findings FTS5 scores: all of them for a prefix (its count is not its word's)
    if not any(a.prefix for a in units):
        present = np.column_stack([_in(ids, text.listed(p)) for p in phrases])
        at = np.flatnonzero(present.any(axis=1))  # holding a unit: the others score 0
        counts = _listed_counts(columns, ids[at], units, present[at])
        alike = columns.alike[ids[at]]
        unread = (counts < 0).any(axis=1) & alike  # a word repeated: their text tells
        if unread.any() and (read := _bare_counts(conn, columns, ids[at[unread]], units)) is not None:
            counts[unread] = read
        known = ~(counts < 0).any(axis=1) & alike
        if known.any():
            rows, tokens = _averages(conn)
            relevance[at[known]] = fts_topk.bm25(counts[known], columns.tokens[ids[at[known]]],
                                                 [text.count(p) for p in phrases], rows, tokens)
        scored = ids[at[~known]]
    if not len(scored):
        return relevance
    found_rows = conn.execute(
        f"SELECT fts_text.rowid, bm25(fts_text) FROM fts_text WHERE fts_text MATCH ?"
        f" AND fts_text.rowid BETWEEN ? AND ? AND {_WITHIN}",
        [_any_of(phrases), int(scored[0]), int(scored[-1]), json.dumps(scored.tolist())]).fetchall()
    if found_rows:
        found = np.asarray([r for r, _ in found_rows], dtype=np.int64)
        relevance[np.searchsorted(ids, found)] = [-score for _, score in found_rows]
    return relevance


def _listed_counts(columns: _Columns, ids: IntArray, units: Sequence[Alternative],
                   present: BoolArray) -> IntArray:
    """How often each unit (no prefix; as `_ranking_phrase` matches it, `present`: which of `ids`
    its list holds) occurs in each of `ids`: 0 where it is not present, else as the stored
    repeats say (the count _TextSearch.rank reads, fts_topk.phrase_counts), UNKNOWN where they
    cannot tell (a phrase of words each repeated).

    Why: the matter tier's findings holding none of the query's groups are thousands (a matter's
    whole area: 27,000 at 100,000 findings for "máy lấy số"), and FTS5 scored each holding a
    unit (2,600 there: 25 ms, the benchmark's slowest class's slowest query), while the units'
    lists are kept per data version (_RecentLists) and a finding holds most words once.

    The same counts rank the tiers above (_TextSearch.rank), so both read them here.

    A unit on `original` (typed with every accent, or literal) is counted there, an ASCII word by
    its folded repeats (_insert_repeats keeps none of its own), which also count the accented
    words folding to it ("ca" of "cá", "quan" of "quán"): the folded count bounds it from above.
    A one-word unit written in ASCII is therefore UNKNOWN where its folded word repeats, for the
    text (`_bare_counts`) or FTS5 to tell: scored from the folded count, "ban" beside "bản" ranked
    a finding above where FTS5's own bm25 (and so Elasticsearch's, on `original`) puts it. A
    longer phrase needs no such care: phrase_counts gives it 1 only where one of its words occurs
    once, exact either way."""
    words = [tuple(w if w.isascii() else ORIGINAL_KEY + w for w in a.syllables) if a.whole else a.folded
             for a in units]
    counts = present * fts_topk.phrase_counts(ids, words, columns.repeats)
    for k, alt in enumerate(units):
        if alt.whole and len(alt.syllables) == 1 and alt.syllables[0].isascii():
            repeated = _in(ids, columns.repeats.get(alt.syllables[0], (np.empty(0, dtype=np.int64),))[0])
            counts[present[:, k] & repeated, k] = fts_topk.UNKNOWN
    return counts


def _bare_counts(conn: sqlite3.Connection, columns: _Columns, ids: IntArray,
                 units: Sequence[Alternative]) -> IntArray | None:
    """How often each unit (as `_ranking_phrase` matches it) occurs in each of `ids`, read from
    their stored text (fts_topk.phrase_occurrences); None when FTS5 must count: more than
    BARE_COUNTED findings (reading the text would cost more than FTS5's scan), a prefix, a unit
    or a finding whose text Python may tokenize otherwise than FTS5 (`fts_records.alike`)."""
    if len(ids) > BARE_COUNTED or any(a.prefix for a in units) or not bool(columns.alike[ids].all()):
        return None
    phrases: list[tuple[str, ...]] = []
    for a in units:
        tokens = fts_topk.phrase_tokens(" ".join(a.syllables if a.whole else a.folded).replace('"', ""))
        if tokens is None:
            return None
        phrases.append(tokens)
    rows = {rowid: (folded, original) for rowid, folded, original in conn.execute(
        "SELECT rowid, folded, original FROM fts_text WHERE rowid IN (SELECT value FROM json_each(?))",
        [json.dumps(ids.tolist())])}
    texts = [rows[rowid] for rowid in ids.tolist() if rowid in rows]
    if len(texts) != len(ids) or any(original != original.lower() for _, original in texts):
        return None  # FTS5 would lower what Python keeps ("İ")
    counts = np.zeros((len(ids), len(units)), dtype=np.int64)
    for column, whole in ((0, False), (1, True)):  # folded, original: where each unit matches
        at = [k for k, a in enumerate(units) if a.whole == whole]
        if at:
            counts[:, at] = fts_topk.phrase_occurrences([t[column] for t in texts], [phrases[k] for k in at])
    return counts


def _bare_of_matter(columns: _Columns, ids: IntArray, strongest: BoolArray, relevance: FloatArray,
                    plan: Plan, need: int) -> list[tuple[int, float]]:
    """The first `need` of the matter tier's findings holding none of the query's groups (`ids`,
    ascending), with their scores, in the order index.query's docstring gives: the strongest
    matter first, then by bm25 of Plan.bare_ranked (`relevance`, of each of `ids`: see
    _bare_relevance), then the newest (the browse order), as Elasticsearch orders equal scores by
    date. The tier admits the polarity asked for only, so every one has it (when one is asked):
    its bonus is the same for all and orders nothing."""
    polar = plan.polarity is not None
    order = np.lexsort((columns.position[ids], -relevance, ~strongest))[:need]
    scores = strongest[order] * MATTER_BONUS + polar * POLARITY_BONUS + relevance[order]
    return list(zip(ids[order].tolist(), scores.astype(float).tolist(), strict=True))


def _themed(conn: sqlite3.Connection, themes: Sequence[str], field: str = "theme") -> IntArray:
    """The findings speaking of one of `themes` (codes), ascending; `field` "primary_theme":
    those whose own theme it is."""
    marks = ", ".join("?" for _ in themes)
    return _rowids(conn, f"SELECT DISTINCT rowid FROM fts_terms WHERE field = ? AND key IN ({marks})",
                   [field, *(filter_key(t) for t in themes)])


def _records_in_order(conn: sqlite3.Connection, rowids: list[int],
                      scores: list[float] | None = None) -> _Rows:
    """The records of `rowids`, in that order, with their scores (0 for a page without text)."""
    marks = ", ".join("?" for _ in rowids)
    found = {row[0]: row[1] for row in conn.execute(
        f"SELECT rowid, record FROM fts_records WHERE rowid IN ({marks})", rowids)}
    return [(found[rowid], score) for rowid, score in zip(rowids, scores or [0.0] * len(rowids), strict=True)]


def _words_of(folded: str) -> Counter[str]:
    """The words of a finding's folded text that may say what it is about, with their counts:
    not one letter, not a number, not a stop word."""
    stop = similar_stopwords()
    return Counter(t for t in _TOKEN.findall(folded) if len(t) > 1 and not t.isdigit() and t not in stop)


def _top_terms(counts: Counter[str], df: dict[str, int], total: int) -> list[str]:
    """The finding's words (`counts`: how often it holds each) that other findings share,
    weighted by tf × idf (`df`: how many of `total` findings hold each), best first."""
    # A word only this finding has cannot lead to another one (df 1 is itself).
    weight = {t: n * math.log(1 + total / df[t]) for t, n in counts.items() if df[t] > 1}
    return sorted(weight, key=lambda t: (-weight[t], t))[:SIMILAR_TERMS]


class SqliteFtsBackend(SearchBackend):
    """SearchBackend on SQLite FTS5; one connection per instance, guarded by a lock."""

    name = "sqlite"

    def __init__(self, path: Path, *, readonly: bool = False, themes_of: ThemesOf | None = None) -> None:
        """`themes_of` (nlp.themes.finding_themes, passed by the composition layer) reads the
        themes of the findings an older index stored, when it migrates (index/ runs no NLP)."""
        self.path = Path(path)
        self._themes_of = themes_of
        self._lock = threading.RLock()
        self._writes = 0  # bumped by every write of this connection, which data_version ignores
        self._cache: _Columns | None = None
        self._words: _WordFindings | None = None  # what `similar` knows of words (this data version)
        self._recent: _RecentLists | None = None  # the match lists of recent searches
        # A rebuildable view: NORMAL is enough. Read-only (the web page) opens with mode=ro.
        self._conn = connect(self.path, synchronous="NORMAL", readonly=readonly)
        try:
            # Search reads the same pages again and again: map them instead of copying each read.
            self._conn.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
            self._conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
            self._conn.execute("PRAGMA temp_store=MEMORY")  # GROUP BY and ORDER BY sorters stay off disk
            if readonly:
                self._check_version()
            else:
                self._create()
        except sqlite3.Error as e:
            self._conn.close()
            raise BackendError(f"cannot create the search tables: {e}", path=self.path) from e
        except BackendError:
            self._conn.close()
            raise

    def _check_version(self) -> None:
        """Read-only: the search tables must exist at this version (nothing can create them)."""
        try:
            row = self._conn.execute("SELECT value FROM fts_meta WHERE key = 'version'").fetchone()
        except sqlite3.Error:
            row = None
        if row is None or row[0] != FTS_SCHEMA_VERSION:
            found = "missing" if row is None else f"v{row[0]}"
            raise BackendError(f"search tables are {found}, this kiemtra reads v{FTS_SCHEMA_VERSION}:"
                               " run `kiemtra reindex`", path=self.path)

    def _create(self) -> None:
        with self._write() as conn:
            for statement in _SCHEMA:
                conn.execute(statement)
            row = conn.execute("SELECT value FROM fts_meta WHERE key = 'version'").fetchone()
            version = FTS_SCHEMA_VERSION if row is None else row[0]
            if version == "1":
                _migrate_v1(conn)
                version = "2"
            if version == "2":
                _migrate_v2(conn)
                version = "3"
            if version == "3":
                _migrate_v3(conn)
                version = "4"
            if version == "4":
                _migrate_v4(conn)
                version = "5"
            if version == "5":
                _migrate_v5(conn, self._themes_of)
                version = "6"
            if version == "6":
                _migrate_v6(conn)
                version = "7"
            if version == "7":
                _migrate_v7(conn)
                version = "8"
            if version == "8":
                _migrate_v8(conn)
                version = "9"
            if version == "9":
                _migrate_v9(conn)
                version = "10"
            if version == "10":
                _migrate_v10(conn)
                version = "11"
            if version == "11":
                _migrate_v11(conn)
            elif version != FTS_SCHEMA_VERSION:
                raise BackendError(
                    f"search tables are v{version}, this kiemtra writes v{FTS_SCHEMA_VERSION}: "
                    "delete the fts_ tables and run `kiemtra reindex`",
                    path=self.path,
                )
            conn.execute(_FACETS_INDEX)
            conn.execute("INSERT OR REPLACE INTO fts_meta (key, value) VALUES ('version', ?)",
                         (FTS_SCHEMA_VERSION,))

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with Transaction(self._conn, self._lock, self.path) as conn:
            try:
                yield conn
            finally:  # under the lock, before the commit: no search can cache what this changes
                self._writes += 1

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return self._conn.execute(sql, tuple(params)).fetchall()
            except sqlite3.Error as e:
                raise BackendError(f"search failed: {e}", path=self.path) from e

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # ------------------------------------------------------------------ writing

    def index(self, records: Iterable[FindingRecord]) -> int:
        with self._write() as conn:
            return self._insert(conn, records)

    def rebuild(self, records: Iterable[FindingRecord]) -> int:
        """Empty and refill in one transaction: readers keep their WAL snapshot of the old index
        until the commit, so a `kiemtra reindex` never shows searches an empty or partial one."""
        with self._write() as conn:
            self._delete_all(conn)
            return self._insert(conn, records)

    def _insert(self, conn: sqlite3.Connection, records: Iterable[FindingRecord]) -> int:
        """Write records inside the caller's transaction; a finding_id already there is replaced."""
        written = 0
        for record in records:
            if conn.execute("SELECT 1 FROM fts_records WHERE finding_id = ?",
                            (record.finding_id,)).fetchone():
                self._delete_rows(conn, "finding_id", record.finding_id)
            keyed = _keyed_terms(record)
            text = canonical_tones(record.text)
            folded = fold(text)
            # The text goes first: its rowid (FTS5's, next after the largest, as fts_records'
            # would be) and FTS5's token count are then known when the record is written.
            cursor = conn.execute("INSERT INTO fts_text (folded, original) VALUES (?, ?)",
                                  (folded, lower_same_length(text)))
            rowid = typing.cast(int, cursor.lastrowid)  # an INSERT always sets it
            docsize = conn.execute("SELECT sz FROM fts_text_docsize WHERE id = ?", (rowid,)).fetchone()[0]
            alike = fts_topk.tokenizes_alike(folded)
            conn.execute(
                "INSERT INTO fts_records (rowid, finding_id, doc_key, polarity, area, year,"
                " published, record,"
                " facet_terms, tokens, alike) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (rowid, record.finding_id, record.doc_key, record.polarity, record.area, record.year,
                 record.published, _record_json(record), _pack_facet_terms(keyed),
                 fts_topk.docsize_total(docsize), alike),
            )
            _insert_repeats(conn, rowid, folded if alike else "", lower_same_length(text) if alike else "")
            _insert_words(conn, record.words)
            _insert_headline(conn, rowid, record.headline)
            conn.executemany(
                "INSERT OR IGNORE INTO fts_terms (field, key, rowid, value) VALUES (?, ?, ?, ?)",
                [(f, k, rowid, v) for f, k, v in keyed],
            )
            written += 1
        return written

    @staticmethod
    def _delete_rows(conn: sqlite3.Connection, column: str, value: str) -> None:
        """Remove records (and their text and terms) whose `column` (finding_id, doc_key) is value."""
        where = f"rowid IN (SELECT rowid FROM fts_records WHERE {column} = ?)"
        conn.execute(f"DELETE FROM fts_text WHERE {where}", (value,))
        conn.execute(f"DELETE FROM fts_titles WHERE {where}", (value,))
        conn.execute(f"DELETE FROM fts_terms WHERE {where}", (value,))
        conn.execute(f"DELETE FROM fts_repeats WHERE {where}", (value,))
        conn.execute(f"DELETE FROM fts_records WHERE {column} = ?", (value,))

    def delete_document(self, doc_key: str) -> None:
        with self._write() as conn:
            self._delete_rows(conn, "doc_key", doc_key)

    def clear(self) -> None:
        with self._write() as conn:
            self._delete_all(conn)

    @staticmethod
    def _delete_all(conn: sqlite3.Connection) -> None:
        for table in ("fts_text", "fts_titles", "fts_terms", "fts_repeats", "fts_records", "fts_words"):
            conn.execute(f"DELETE FROM {table}")

    def count(self) -> int:
        return int(self._rows("SELECT COUNT(*) FROM fts_records")[0][0])

    # ------------------------------------------------------------------ searching

    def _columns(self) -> _Columns:
        """The in-memory columns of the current read snapshot, reloaded when the data changed.

        Call inside the search's transaction, after its first read: `PRAGMA data_version`
        changes when another connection (process, backend instance, the store) commits, and
        `_writes` when this one does, so a cached copy is never older than the snapshot.
        """
        version = (int(self._conn.execute("PRAGMA data_version").fetchone()[0]), self._writes)
        if self._cache is None or self._cache.version != version:
            self._cache = _load_columns(self._conn, version)
        return self._cache

    def plan(self, text: str | Parsed) -> Plan:
        """The query planned against this index's words and units (index.query.plan_query)."""
        with self._snapshot("planning the query") as conn:
            return plan_query(text, _Vocabulary(conn))

    def search(self, query: Query, plan: Plan | None = None, memo: SearchMemo | None = None) -> SearchResult:
        """One read snapshot for the plan (unless given: `SearchBackend.search`), page, total and facets.
        `memo` is not read: each request reads the columns of its own snapshot.

        The query is planned (index.query) against this index's words and units; each group's
        findings are one FTS5 rowid list, combined in numpy: all groups, or, when that is
        less than a page, most of them (Plan.minimum); when the page is still not full, the
        findings of the query's matters (Query.matters: the matter tier, by the groups they
        hold, the strongest matter first), then those matching any topical group (Plan.fills),
        each ranked after the one before. Filters, facets
        and the browse order read the in-memory columns; ranking asks FTS5's bm25 only for the
        few findings whose score index.fts_topk cannot infer.
        """
        limit, offset = max(query.limit, 0), max(query.offset, 0)
        with self._snapshot("search") as conn:  # one snapshot for plan, rows, total and facets
            if plan is None:
                plan = plan_query(query.text, _Vocabulary(conn)) if query.text.strip() else Plan()
            query = asked_query(query, plan)  # the filter the words name for certain (Plan.inspector)
            filters = _Filters.of(query)
            total, ranked, facets = self._search(query, plan, filters, limit, offset)
            rows = _records_in_order(conn, [r for r, _, _ in ranked], [sc for _, sc, _ in ranked])
        hits = _hits(rows, plan.alternatives, [t for _, _, t in ranked], query.snippets)
        return SearchResult(total, tuple(hits), facets, plan)

    def titled(self, query: Query, plan: Plan, limit: int) -> list[Hit]:
        """SearchBackend.titled: one FTS5 query on fts_titles (the headlines) ANDing the groups,
        each any of its alternatives under the accent rule (as the text is matched)."""
        groups = [g for g in plan.groups if g.alternatives]
        if not groups or plan.nothing or limit <= 0:
            return []
        match = " AND ".join(f"({_any_of(_expression(a) for a in g.alternatives)})" for g in groups)
        with self._snapshot("search") as conn:
            columns = self._columns()
            found = _rowids(conn, "SELECT rowid FROM fts_titles WHERE fts_titles MATCH ?", [match])
            if not len(found):
                return []
            excluded = _TextSearch(conn, plan).excluded() if plan.excluded else np.empty(0, dtype=np.int64)
            kept = self._narrow(conn, columns, found, excluded, _Filters.of(asked_query(query, plan)))
            rows = _records_in_order(conn, columns.newest(kept, limit, 0))
        return _hits(rows, plan.alternatives, [TIER_SOME_WORDS] * len(rows), query.snippets)

    def _search(self, query: Query, plan: Plan, filters: _Filters, limit: int,
                offset: int) -> tuple[int, _Ranked, dict[str, list[tuple[str, int]]]]:
        """Total, the page's (rowid, score, tier) and facets, inside the caller's transaction."""
        conn = self._conn
        columns = self._columns()
        if plan.nothing:  # typed only punctuation or emoji: nothing matches it
            return 0, [], columns.facets(np.empty(0, dtype=np.int64)) if query.facets else {}
        tier_page = query.tier_page  # the page size the tiers are decided on (Query.page_size)
        if self._recent is None or self._recent.version != columns.version:
            self._recent = _RecentLists(columns.version)
        text = _TextSearch(conn, plan, recent=self._recent)  # filled as this search asks
        excluded = text.excluded()
        matched = text.every_group() if plan.groups else columns.newest_first
        selected = self._narrow(conn, columns, matched, excluded, filters)
        partial = False  # whether `selected` is a partial stage (ranked by weighted groups)
        asked = selected if plan.polarity is None else selected[columns.of_polarity(selected, plan.polarity)]
        if plan.falls_back(len(asked), tier_page) and not plan.matter_first(
                [len(g) for g in text.groups()], len(columns.newest_first), query.matters, query.areas):
            groups = text.groups()
            found, held = np.unique(np.concatenate(groups), return_counts=True)
            if plan.holds_topic:  # neither a sense nor a frame group alone (Plan.stage_topical)
                about = _union([f for f, admits in zip(groups, plan.stage_topical, strict=True) if admits])
                on_topic = _in(found, about)
                found, held = found[on_topic], held[on_topic]
            selected = self._narrow(conn, columns, found[held >= plan.minimum], excluded, filters)
            if not len(selected) and plan.last_resort is not None:
                selected = self._narrow(conn, columns, found[held >= plan.last_resort], excluded, filters)
            partial = True
        # A section of the reports asked (Plan.section): the stages' findings of another polarity
        # rank after every finding of the one asked, so they do not fill the page the tiers are
        # decided on.
        of_stage = columns.of_polarity(selected, plan.polarity) if plan.section else None
        counted = len(selected) if of_stage is None else int(of_stage.sum())
        filled = np.empty(0, dtype=np.int64)  # the fill stage (Plan.fills): below every stage's finding
        if plan.fills(counted, tier_page):
            topical = _union([found for found, admits in zip(text.groups(), plan.topical, strict=True)
                              if admits] + text.parts())
            filled = self._narrow(conn, columns, np.setdiff1d(topical, selected, assume_unique=True),
                                  excluded, filters)
        # The matter tier (index.query's docstring: what it admits, in what order): after the
        # stages, before the fill; own theme a matter, then speaking of the strongest, then of an
        # area named (Query.areas) and of no matter; the polarity asked for only.
        matter = np.empty(0, dtype=np.int64)
        also = np.empty(0, dtype=np.int64)  # the matter tier's findings of another own theme
        first = np.empty(0, dtype=np.int64)  # own theme the strongest matter
        areal = np.empty(0, dtype=np.int64)  # of an area named, of none of the matters
        if plan.matter_tier(query.matters, query.areas, counted, tier_page):
            owned = _themed(conn, query.matters, "primary_theme") if query.matters else first
            speaks = _themed(conn, query.matters[:1]) if query.matters else first  # of the strongest
            themed = _matter_candidates(len(columns.combo), [owned, speaks],
                                        columns.in_areas(query.areas) if query.areas else None, selected)
            matter = self._narrow(conn, columns, themed, excluded, filters)
            if plan.polarity is not None:  # the matter with the opposite sense answers nothing
                matter = matter[columns.of_polarity(matter, plan.polarity)]
            filled = filled[~_in(filled, matter)]
            own = _in(matter, owned)
            spoken = ~own & _in(matter, speaks)
            matter, also, areal = matter[own], matter[spoken], matter[~own & ~spoken]
            if query.matters:  # of one matter asked, `owned` already (the same lookup)
                first = owned if len(query.matters) == 1 else _themed(conn, query.matters[:1],
                                                                      "primary_theme")
        named = np.empty(0, dtype=np.int64)  # of a section asked, naming an instance of a concept asked
        if plan.names_instances(counted, tier_page):
            named = _union([text.alternative(a) for a in plan.instances])
            # Holding none of the groups nor parts (as Elasticsearch's NAMING): a finding holding
            # some is the stages' or the fill's, and a date order leaving the fill out leaves it out.
            named = named[~_in(named, _union([selected, matter, also, areal, *text.groups(), *text.parts()]))]
            named = self._narrow(conn, columns, named, excluded, filters)
            named = named[columns.of_polarity(named, plan.polarity)]
        answered = len(selected) + len(matter) + len(also) + len(areal) + len(named)
        if query.sort == "date" and not plan.fills_by_date(answered):
            filled = filled[:0]
        total = len(selected) + len(matter) + len(also) + len(areal) + len(filled) + len(named)
        tiers = [selected, matter, also, areal, filled, named]
        facets = columns.facets(np.concatenate(tiers)) if query.facets else {}
        if not plan.groups or query.sort == "date":
            narrowed = plan.groups or filters or len(excluded)
            if not narrowed:  # browsing: every finding
                return total, [(r, 0.0, TIER_WORDS) for r in columns.read_newest(limit, offset)], facets
            return total, _newest_admitted(columns, plan, tiers, offset + limit)[offset:], facets
        if not total or not limit:
            return total, [], facets
        partial_groups = text.groups() if partial else None
        # Of a section asked (Plan.section), the findings of another polarity come last: the
        # stages' ranked as the stage, then the fill's.
        aside: list[tuple[IntArray, bool]] = []  # (findings, of the stages)
        if of_stage is not None:
            of_fill = columns.of_polarity(filled, plan.polarity)
            aside = [(selected[~of_stage], True), (filled[~of_fill], False)]
            selected, filled = selected[of_stage], filled[of_fill]
        ranked = [(r, sc, TIER_WORDS) for r, sc in text.rank(
            columns, np.sort(selected), partial_groups, offset + limit)] if len(selected) else []
        text.filling = True  # the tiers after the stage rank by bm25 of the parts too
        # Each part of the matter tier: those holding some of the query's groups (ranked by
        # them), then those holding none (see _bare_of_matter); the strongest matter first.
        parts: list[tuple[IntArray, IntArray | None, bool]] = []  # (findings, strongest, bare)
        if len(matter) or len(also) or len(areal):
            none = np.empty(0, dtype=np.int64)  # the areas' findings: no matter's bonus
            for part, of_first in ((matter, first), (also, also), (areal, none)):  # `also` speak of the first
                worded = np.zeros(len(part), dtype=np.bool_)  # holding any of the groups
                for found in text.groups():
                    worded |= _in(part, found)
                parts += [(part[worded], of_first, False), (part[~worded], of_first, True)]
        parts.append((filled, None, False))
        if len(named):  # after the fill, ranked by the instances they name (Plan.bare_ranked)
            parts.append((named, np.empty(0, dtype=np.int64), True))
        bare_ids: IntArray | None = None  # the tier's findings holding none of the groups, ascending
        bare_relevance = np.empty(0, dtype=np.float64)  # their bm25 (_bare_relevance), read once
        for ids, strongest_of, bare in parts:
            if len(ranked) < offset + limit and len(ids):
                ordered = np.sort(ids)
                tier = TIER_SOME_WORDS if strongest_of is None else TIER_MATTER
                strongest = _in(ordered, strongest_of) if strongest_of is not None else None
                if bare and strongest is not None:  # none of the groups: see _bare_of_matter
                    if bare_ids is None:
                        bare_ids = _union([p for p, _, b in parts if b])
                        bare_relevance = _bare_relevance(conn, columns, bare_ids, plan, text)
                    relevance = bare_relevance[np.searchsorted(bare_ids, ordered)]
                    ranked += [(r, sc, tier) for r, sc in _bare_of_matter(
                        columns, ordered, strongest, relevance, plan, offset + limit - len(ranked))]
                    continue
                ranked += [(r, sc, tier) for r, sc in text.rank(
                    columns, ordered, text.groups(), offset + limit - len(ranked), strongest)]
        for ids, staged in aside:
            if len(ranked) < offset + limit and len(ids):
                text.filling = not staged
                ranked += [(r, sc, TIER_WORDS if staged else TIER_SOME_WORDS) for r, sc in text.rank(
                    columns, np.sort(ids), partial_groups if staged else text.groups(),
                    offset + limit - len(ranked))]
        return total, ranked[offset:], facets

    @contextmanager
    def _snapshot(self, what: str) -> Iterator[sqlite3.Connection]:
        """The connection inside one read transaction, under the lock; SQLite errors become
        BackendError naming `what`."""
        with self._lock:
            try:
                self._conn.execute("BEGIN")
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException as e:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                if isinstance(e, sqlite3.Error):
                    raise BackendError(f"{what} failed: {e}", path=self.path) from e
                raise

    @staticmethod
    def _narrow(conn: sqlite3.Connection, columns: _Columns, ids: IntArray, excluded: IntArray,
                filters: _Filters) -> IntArray:
        """`ids` without the excluded findings, through the filters."""
        if len(excluded):
            ids = ids[~_in(ids, excluded)]
        return columns.admitted(conn, ids, filters) if filters else ids

    def similar(self, finding_id: str, limit: int = 5) -> list[Hit]:
        """Findings sharing at least SIMILAR_MIN_SHARE of this one's most distinctive folded
        words (tf × idf), ranked by bm25 of those words, equal scores newest first (the browse
        order, as every search), itself excluded (as more_like_this's minimum_should_match does
        on Elasticsearch)."""
        with self._snapshot("similar") as conn:  # one snapshot for the terms, the matches and the columns
            return self._similar(conn, finding_id, max(limit, 0))

    def _similar(self, conn: sqlite3.Connection, finding_id: str, limit: int) -> list[Hit]:
        row = conn.execute("SELECT r.rowid, t.folded, t.original FROM fts_records r"
                           " JOIN fts_text t ON t.rowid = r.rowid WHERE r.finding_id = ?",
                           [finding_id]).fetchone()
        if row is None:
            raise BackendError(f"no indexed finding {finding_id}", path=self.path)
        rowid, folded, original = row
        columns = self._columns()
        if self._words is None or self._words.version != columns.version:
            self._words = _WordFindings(columns.version, SIMILAR_CACHED_ROWIDS)
        words = self._words
        counts = _words_of(folded)
        terms = [Alternative((t,)) for t in _top_terms(counts, words.count(conn, list(counts)),
                                                         len(columns.newest_first))]
        if not terms or not limit:
            return []
        # Which findings hold which words, then those sharing enough of them.
        holders = [words.holders(conn, t.syllables[0]) for t in terms]
        held = _SimilarWords.of(holders, len(columns.tokens))
        # Like a more-like-this query's minimum_should_match: one shared common word is chance.
        ids = held.sharing(max(1, math.ceil(SIMILAR_MIN_SHARE * len(terms))))
        ids = ids[ids != rowid]
        if not len(ids):
            return []
        present = held.present(ids)
        tf = present * fts_topk.phrase_counts(ids, [t.folded for t in terms], columns.repeats)
        known = columns.alike[ids]
        # bm25 in numpy (fts_topk.bm25): FTS5's own scores without FTS5 walking ten word lists.
        rows, tokens = _averages(conn)
        scores = fts_topk.bm25(tf[known], columns.tokens[ids[known]], [len(h) for h in holders],
                               rows, tokens)
        # Equal scores in the browse order (newest, year, finding id), as every search breaks
        # them and as Elasticsearch does: the order of ingest is SQLite's alone.
        order = np.lexsort((columns.position[ids[known]], -scores))[:limit]
        page = list(zip(ids[known][order].tolist(), scores[order].tolist(), strict=True))
        if not known.all():  # words Python may count unlike FTS5: FTS5 scores those findings
            unknown = ids[~known]
            zeros = np.zeros(len(unknown), dtype=np.int64)
            page += _top_by_bm25(conn, columns, unknown, zeros, zeros.astype(np.float64), tf[~known],
                                 _any_of(_phrase("folded", t.folded) for t in terms), limit)
            page = sorted(page, key=lambda hit: (-hit[1], int(columns.position[hit[0]])))[:limit]
        # Marked where they write the words as this finding does (written_forms), not by fold.
        marks = written_forms(original, {t.folded[0] for t in terms})
        return _hits(_records_in_order(conn, [r for r, _ in page], [score for _, score in page]), marks)
