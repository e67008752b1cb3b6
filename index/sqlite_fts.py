"""The embedded search backend: SQLite FTS5 over findings, Vietnamese-aware, nothing to start.

Why two text columns: people type Vietnamese without accents ("phieu hen", "doan"), and FTS5's
`remove_diacritics` drops tone marks but keeps đ. So each finding is indexed twice with the
plain unicode61 tokenizer: `folded` (core.normalize.fold: no marks, đ → d, lowercase) decides
what matches and its bm25 ranks; `original` (tones in canonical place, "hòa" = "hoà") gives
the bonus that puts findings spelt exactly as the query first. Queries get the same treatment.

User text never reaches FTS5 syntax: it is cut into words, "quoted phrases" and word* prefixes,
and each is re-quoted, so no input raises a syntax error. Multi-valued filters (units,
provinces, levels, document kinds and numbers) live in `fts_terms` as folded keys, which makes
them case-, accent- and đ-insensitive and lets facets count distinct findings.

Ranking is exact bm25 of the folded query without scoring every match: findings with the same
length and query-word counts share a score, so FTS5 scores one of each (index/fts_topk.py);
`fts_records.tokens`, `.alike` and `fts_repeats` hold what that needs.

Storage: tables prefixed `fts_`, versioned in `fts_meta`, so the backend may share the store's
file (the CLI's default) or have its own; it never touches the store's tables or user_version.
"""

from __future__ import annotations

import dataclasses
import html
import json
import logging
import math
import re
import sqlite3
import threading
import typing
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from core.errors import BackendError
from core.levels import split_level
from core.normalize import canonical_tones, fold, lower_same_length
from index import fts_topk
from index.base import FACET_FIELDS, FindingRecord, Hit, Query, SearchBackend, SearchResult
from index.fts_topk import BoolArray, IntArray
from index.store import Transaction, connect

LOGGER = logging.getLogger(__name__)

FTS_SCHEMA_VERSION = "4"
EXACT_BONUS = 100.0  # above any bm25 a finding-sized text reaches, so exact accents rank first
FACET_SIZE = 20  # values per facet, most frequent first (like a terms aggregation's size)
SNIPPET_CHARS = 240
MMAP_BYTES = 1 << 30  # address space only; the OS pages in what searches touch
CACHE_KIB = 65536
SIMILAR_TERMS = 10
SIMILAR_MIN_SHARE = 0.3  # share of those terms a similar finding must contain

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
    "CREATE VIRTUAL TABLE IF NOT EXISTS fts_text USING fts5("
    " folded, original, tokenize = 'unicode61 remove_diacritics 0')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS fts_vocab USING fts5vocab(fts_text, 'col')",
)

# Covers what the in-memory columns read (_load_columns), so loading them never touches `record`.
_FACETS_INDEX = ("CREATE INDEX IF NOT EXISTS fts_records_facets"
                 " ON fts_records(area, year, polarity, facet_terms, tokens, alike, published)")
_TERM_FACETS = ("province", "unit", "theme")  # the term facets, packed into fts_records.facet_terms
_FIELD_SEP, _ITEM_SEP = "\x1f", "\x1e"


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
        _insert_repeats(conn, rowid, folded if alike else "")
    LOGGER.info("search tables migrated from v2 to v3")


def _migrate_v3(conn: sqlite3.Connection) -> None:
    """v3 → v4: each record's theme becomes a term (filter and facet), read from its JSON."""
    for rowid, raw in conn.execute("SELECT rowid, record FROM fts_records").fetchall():
        keyed = [(f, filter_key(v), v) for f, v in _record_terms(_record_from_json(raw))]
        keyed = [row for row in keyed if row[1]]
        conn.execute("UPDATE fts_records SET facet_terms = ? WHERE rowid = ?",
                     (_pack_facet_terms(keyed), rowid))
        conn.executemany("INSERT OR IGNORE INTO fts_terms (field, key, rowid, value) VALUES (?, ?, ?, ?)",
                         [(f, k, rowid, v) for f, k, v in keyed if f == "theme"])
    LOGGER.info("search tables migrated from v3 to v4")


def _insert_repeats(conn: sqlite3.Connection, rowid: int, folded: str) -> None:
    """The words of a record's folded text seen more than once, for exact top-k ranking."""
    repeats = fts_topk.repeated_words(folded)
    if repeats:
        conn.executemany("INSERT INTO fts_repeats (word, rowid, count) VALUES (?, ?, ?)",
                         [(word, rowid, n) for word, n in repeats.items()])


def _pack_facet_terms(items: Iterable[tuple[str, str, str]]) -> str:
    """(field, key, value) of one record's multi-valued facets as one sortable string.

    Why packed: counting facets is then one GROUP BY over a covering index instead of a join
    to fts_terms per matching finding; most findings share few combinations, so the groups
    unpacked in Python are far fewer than the findings.
    """
    return _ITEM_SEP.join(sorted({_FIELD_SEP.join(item) for item in items if item[0] in _TERM_FACETS}))


# Words too frequent in any Vietnamese text to say what a finding is about (folded forms);
# bm25's idf discounts the rest. Used only to pick the terms of `similar`.
_STOPWORDS = frozenset({
    "va", "cua", "cac", "duoc", "la", "chua", "trong", "cho", "voi", "theo", "nay", "mot", "nhung", "cung",
    "nhu",
    "thi", "khi", "den", "ve", "viec", "dang", "khong", "ra", "vao", "lai", "bi", "rat", "nhieu", "hon",
    "tren", "duoi", "sau", "truoc",
})
_TOKEN = re.compile(r"[^\W_]+")
_QUERY_PART = re.compile(r'"([^"]*)"?|([^\W_]+)(\*?)')


@dataclass(frozen=True, slots=True)
class _Term:
    """One part of a parsed query: a word, a quoted phrase, or a word* prefix (folded tokens)."""

    tokens: tuple[str, ...]
    prefix: bool = False


def filter_key(value: str) -> str:
    """How filter values compare: folded, single-spaced ("Đắk Lắk " → "dak lak")."""
    return " ".join(fold(value).split())


def parse_query(text: str, *, accents: bool = False) -> list[_Term]:
    """Cut user text into words, "phrases" and prefix* words; all other syntax is dropped.

    The structure is read on the folded text; tokens come from it, or, with `accents`, from
    the same offsets of the lowercased canonical-tone text (folding keeps lengths). An
    unclosed quote runs to the end of the text, as a user who forgot it would mean.
    """
    source = canonical_tones(text)
    folded = fold(source)
    view = lower_same_length(source) if accents else folded
    terms: list[_Term] = []
    for match in _QUERY_PART.finditer(folded):
        if match.group(1) is not None:
            base = match.start(1)
            tokens = tuple(view[base + m.start():base + m.end()] for m in _TOKEN.finditer(match.group(1)))
            if tokens:
                terms.append(_Term(tokens))
        elif match.group(2):
            terms.append(_Term((view[match.start(2):match.end(2)],), prefix=bool(match.group(3))))
    return terms


def _fts_expression(column: str, terms: list[_Term], operator: str = "AND") -> str:
    """An FTS5 query on one column; every token is quoted, so it is always valid syntax."""
    parts = []
    for term in terms:
        quoted = '"' + " ".join(term.tokens).replace('"', "") + '"'
        parts.append(quoted + (" *" if term.prefix else ""))
    return f"{column} : ({f' {operator} '.join(parts)})"


def _level_of(unit_level: str) -> str | None:
    """"thị xã Ba Đồn" → "thị xã": the level word a "level name" string starts with."""
    level = split_level(unit_level)[0]
    return level.value if level else None


def _record_terms(record: FindingRecord) -> Iterator[tuple[str, str]]:
    """(field, value) pairs a record can be filtered and faceted on."""
    for unit in record.units:
        yield "unit", unit
    for unit in record.unit_levels:
        yield "unit_level", unit
        level = _level_of(unit)
        if level:
            yield "level", level
    for province in record.provinces:
        yield "province", province
    for kind in record.doc_kinds:
        yield "doc_kind", kind
    for number in record.doc_numbers:
        yield "doc_number", number
    if record.theme:
        yield "theme", record.theme


_RECORD_FIELDS = tuple(f.name for f in dataclasses.fields(FindingRecord))


def _record_json(record: FindingRecord) -> str:
    """The record as JSON (flat fields, so no dataclasses.asdict deep copy)."""
    return json.dumps({name: getattr(record, name) for name in _RECORD_FIELDS}, ensure_ascii=False)


def _record_from_json(raw: str) -> FindingRecord:
    data: dict[str, Any] = json.loads(raw)
    fields: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}
    return FindingRecord(**fields)


def _match_spans(text: str, terms: list[_Term]) -> list[tuple[int, int]]:
    """Where the query's words and phrases occur in `text`, found in its folded form.

    Folding keeps one character per character, so folded offsets are the original's.
    """
    folded = fold(text)
    spans: list[tuple[int, int]] = []
    for term in terms:
        body = r"[\W_]+".join(re.escape(token) for token in term.tokens)
        tail = r"[^\W_]*" if term.prefix else r"(?![^\W_])"
        spans.extend(m.span() for m in re.finditer(r"(?<![^\W_])" + body + tail, folded))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, terms: list[_Term], max_chars: int = SNIPPET_CHARS) -> str:
    """HTML-safe snippet of `text` around its first match, matches wrapped in <mark>."""
    spans = _match_spans(text, terms)
    start, end = 0, len(text)
    if len(text) > max_chars:
        first = spans[0][0] if spans else 0
        start = max(0, first - max_chars // 4)
        if start > 0:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first else start
        end = min(len(text), start + max_chars)
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > max(start, spans[0][1] if spans else start) else end
    pieces = ["…"] if start > 0 else []
    pos = start
    for s, e in spans:
        s, e = max(s, start), min(e, end)
        if s >= e:
            continue
        pieces.append(html.escape(text[pos:s]))
        pieces.append(f"<mark>{html.escape(text[s:e])}</mark>")
        pos = e
    pieces.append(html.escape(text[pos:end]))
    if end < len(text):
        pieces.append("…")
    return "".join(pieces)


_DATE_ORDER = "r.published IS NULL, r.published DESC, r.year IS NULL, r.year DESC"
# CROSS JOIN keeps the text match as the outer loop. Left to itself the planner may drive from a
# filter's index (year = 2019: a tenth of the index) and run the FTS5 match once per row, which
# took 1-13 s per search at 100k findings; the match enumerates its rows in a few ms.
_WITH_RECORDS = "fts_text CROSS JOIN fts_records r ON r.rowid = fts_text.rowid"
# The unary + keeps the planner from handing the rowid list to FTS5, which would rerun the whole
# match once per listed rowid (1.5 ms each); as written the list is probed per match instead.
_WITHIN = "+fts_text.rowid IN (SELECT value FROM json_each(?))"
_Rows = list[tuple[str, float]]  # (record JSON, score) of one page
_Combo = tuple[int | None, str, str]  # (year, area, polarity) of a finding


@dataclass(frozen=True, slots=True)
class _Filters:
    """A query's filters: terms a finding must carry, conditions on its year, area, polarity."""

    terms: tuple[tuple[tuple[str, ...], str], ...]  # (fields, folded key)
    year: int | None = None
    year_from: int | None = None
    year_to: int | None = None
    area: str | None = None
    polarity: str | None = None

    @classmethod
    def of(cls, query: Query) -> _Filters:
        term_filters = (
            (("unit", "unit_level"), query.unit), (("province",), query.province), (("level",), query.level),
            (("doc_kind",), query.doc_kind), (("doc_number",), query.doc_number), (("theme",), query.theme),
        )
        return cls(tuple((fields, filter_key(value)) for fields, value in term_filters if value is not None),
                   query.year, query.year_from, query.year_to, query.area, query.polarity)

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


def _rowids(conn: sqlite3.Connection, sql: str, params: Iterable[Any] = ()) -> IntArray:
    """The rowids `sql` selects, ascending, parsed from one group_concat string: building a
    Python row per finding cost more than the search itself (17,000 rows: 10 ms against 2.5 ms)."""
    joined = conn.execute(f"SELECT group_concat(rowid) FROM ({sql})", tuple(params)).fetchone()[0]
    if not joined:
        return np.empty(0, dtype=np.int64)
    return np.sort(np.fromstring(joined, dtype=np.int64, sep=","))


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
    newest_first: IntArray  # every rowid, in the browse order
    tokens: IntArray  # rowid → FTS5's token count of the finding (all columns)
    alike: BoolArray  # rowid → whether Python tokenizes its folded text as FTS5 does
    combos: list[_Combo]
    terms: list[tuple[str, str, str]]  # (field, key, value) of the multi-valued facets
    packs: int  # how many distinct packs
    item_pack: IntArray  # the (pack, term) pairs of every pack: which terms each pack holds
    item_term: IntArray
    repeats: dict[str, tuple[IntArray, IntArray]]  # word → findings holding it more than once, how often

    def admitted(self, conn: sqlite3.Connection, ids: IntArray, filters: _Filters) -> IntArray:
        """The findings of `ids` that pass the filters (terms are looked up in fts_terms)."""
        allowed = [code for code, combo in enumerate(self.combos) if filters.admits(combo)]
        kept = ids[np.isin(self.combo[ids], allowed)]
        for fields, key in filters.terms:
            marks = ", ".join("?" for _ in fields)
            having = _rowids(conn, f"SELECT rowid FROM fts_terms WHERE field IN ({marks}) AND key = ?",
                             [*fields, key])
            kept = kept[np.isin(kept, having)]
        return kept

    def newest(self, ids: IntArray | None, limit: int, offset: int) -> list[int]:
        """One page of `ids` (None: every finding) in the browse order."""
        if ids is None:
            return self.newest_first[offset:offset + limit].tolist()
        places = np.sort(self.position[ids])
        return self.newest_first[places[offset:offset + limit]].tolist()

    def facets(self, ids: IntArray) -> dict[str, list[tuple[str, int]]]:
        combos = np.bincount(self.combo[ids], minlength=len(self.combos))
        packs = np.bincount(self.pack[ids], minlength=self.packs)
        terms = np.bincount(self.item_term, weights=packs[self.item_pack], minlength=len(self.terms))
        return _merge_facets(
            ((*self.combos[code], int(combos[code])) for code in np.flatnonzero(combos).tolist()),
            ((*self.terms[code], int(terms[code])) for code in np.flatnonzero(terms).tolist()))


def _load_columns(conn: sqlite3.Connection, version: tuple[int, int]) -> _Columns:
    """Every column from a few aggregate queries parsed by numpy, sorted by numpy: a Python
    tuple per finding and the sort in SQL took 0.8 s at 100,000 findings, this about 0.5 s."""
    # The aggregates of one query see the rows in the same order, so the arrays stay aligned.
    *numbers, published = conn.execute(
        "SELECT group_concat(rowid), group_concat(tokens), group_concat(alike),"
        " group_concat(ifnull(year, 0)),"
        " group_concat(year IS NULL), group_concat(published IS NULL),"
        " group_concat(ifnull(published, ''), char(31))"  # char(31) is _FIELD_SEP
        " FROM fts_records").fetchone()
    rowids, tokens, alike, years, no_year, unpublished = (_parse_ints(joined) for joined in numbers)
    size = int(rowids.max(initial=-1)) + 1
    dates = np.unique(np.array(published.split(_FIELD_SEP) if published else [], dtype=str),
                      return_inverse=True)[1]
    # _DATE_ORDER: published newest first and missing last, then the year likewise, then rowid.
    newest_first = rowids[np.lexsort((rowids, -years, no_year, -dates.reshape(-1), unpublished))]

    def by_rowid(values: IntArray, dtype: type = np.int64) -> Any:
        column: Any = np.zeros(size, dtype=dtype)
        column[rowids] = values
        return column

    position = np.zeros(size, dtype=np.int64)
    position[newest_first] = np.arange(len(newest_first))
    combo, pack = np.zeros(size, dtype=np.int64), np.zeros(size, dtype=np.int64)
    combos: list[_Combo] = []
    for year, area, polarity, joined in conn.execute(
            "SELECT year, area, polarity, group_concat(rowid) FROM fts_records"
            " GROUP BY year, area, polarity"):
        combo[_parse_ints(joined)] = len(combos)
        combos.append((year, area, polarity))
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
    return _Columns(version, combo, pack, position, newest_first, by_rowid(tokens), by_rowid(alike, np.bool_),
                    combos, terms, len(packs), pairs[:, 0], pairs[:, 1], _load_repeats(conn))


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


def _merge_facets(combos: Iterable[tuple[int | None, str, str, int]],
                  terms: Iterable[tuple[str, str, str, int]]) -> dict[str, list[tuple[str, int]]]:
    """Facets from counts per (year, area, polarity) and per (field, key, value) term: each
    value's count of distinct findings, most frequent first, ties by value, FACET_SIZE each.
    Terms are counted by folded key and shown by their smallest spelling."""
    counts: dict[str, Counter[str]] = {name: Counter() for name in FACET_FIELDS}
    shown: dict[tuple[str, str], str] = {}
    for year, area, polarity, n in combos:
        for name, value in (("year", year), ("area", area), ("polarity", polarity)):
            if value is not None:
                shown[name, str(value)] = str(value)
                counts[name][str(value)] += n
    for name, key, value, n in terms:
        shown[name, key] = min(shown.get((name, key), value), value)
        counts[name][key] += n
    return {name: sorted(((shown[name, k], n) for k, n in counted.items()), key=lambda p: (-p[1], p[0]))
            [:FACET_SIZE] for name, counted in counts.items()}


@dataclass(frozen=True, slots=True)
class _Plan:
    """The SQL of one text search: the findings it selects, and how to rank them.

    `within` is None without filters, else the JSON list of the findings that pass them.
    """

    terms: list[_Term]
    accented: list[_Term]
    within: str | None = None

    @property
    def folded(self) -> str:
        """What matches: every word, folded."""
        return _fts_expression("folded", self.terms)

    @property
    def original(self) -> str:
        """What earns the exact-accent bonus: every word as typed (tone placement unified)."""
        return _fts_expression("original", self.accented)

    def _source(self, match: str, *, records: bool = False) -> tuple[str, list[Any]]:
        """`FROM … WHERE …` of the selected findings; `fts_records r` is joined only when the
        caller (`records`) needs it, so a bare text count stays inside FTS5."""
        tables = _WITH_RECORDS if records else "fts_text"
        if self.within is None:
            return f"{tables} WHERE fts_text MATCH ?", [match]
        return f"{tables} WHERE fts_text MATCH ? AND {_WITHIN}", [match, self.within]

    def count(self, conn: sqlite3.Connection, match: str) -> int:
        source, params = self._source(match)
        return int(conn.execute(f"SELECT COUNT(*) FROM {source}", params).fetchone()[0])

    def matches(self, conn: sqlite3.Connection) -> IntArray:
        """Every finding the text matches (filters aside), for filters and facets to narrow."""
        return _rowids(conn, "SELECT rowid FROM fts_text WHERE fts_text MATCH ?", [self.folded])

    def by_relevance(self, conn: sqlite3.Connection, columns: _Columns, ids: IntArray, limit: int,
                     offset: int) -> _Rows:
        """Findings matching the query as typed (accents and all) first, then the others; within
        each, bm25 of the folded query, then rowid. The score shown adds EXACT_BONUS to the first.

        FTS5 scores only what index.fts_topk cannot tell apart: one finding per signature
        that can still reach the page, and those whose phrase counts are unknown.
        """
        need = offset + limit
        exact = np.isin(ids, _rowids(conn, "SELECT rowid FROM fts_text WHERE fts_text MATCH ?",
                                     [self.original]))
        phrases = [term.tokens for term in self.terms]
        if any(term.prefix for term in self.terms):  # a prefix's count is not its word's
            counts = np.full((len(ids), len(phrases)), fts_topk.UNKNOWN, dtype=np.int64)
        else:
            counts = fts_topk.phrase_counts(ids, phrases, columns.repeats)
        page = _top_by_bm25(conn, columns, ids, exact, counts, self.folded, need)[offset:]
        return _records_in_order(conn, [rowid for rowid, _ in page], [score for _, score in page])

    def by_date(self, conn: sqlite3.Connection, limit: int, offset: int) -> _Rows:
        """Newest first; the relevance score only breaks ties, so it may cost a subquery."""
        source, params = self._source(self.folded, records=True)
        score = (f"(CASE WHEN fts_text.rowid IN (SELECT rowid FROM fts_text WHERE fts_text MATCH ?)"
                 f" THEN {EXACT_BONUS} ELSE 0 END) - bm25(fts_text)")
        return _pairs(conn.execute(
            f"SELECT r.record, {score} AS score FROM {source} ORDER BY {_DATE_ORDER}, score DESC, r.rowid"
            " LIMIT ? OFFSET ?", [self.original, *params, limit, offset]))


def _top_by_bm25(conn: sqlite3.Connection, columns: _Columns, ids: IntArray, exact: BoolArray,
                 counts: IntArray,
                 match: str, need: int) -> list[tuple[int, float]]:
    """The first `need` (rowid, score) of `ids` (ascending): `exact` ones first, each group by
    EXACT_BONUS-or-0 minus bm25 of `match`, then rowid. `counts` are the phrase counts of
    each finding (fts_topk.phrase_counts); FTS5 scores only what fts_topk cannot infer."""
    counts[~columns.alike[ids]] = fts_topk.UNKNOWN
    signatures = fts_topk.signatures(ids, exact, columns.tokens[ids], counts, need)
    scored = signatures.to_score()
    # The range is FTS5's to use (it skips the matches outside); the list is probed per match.
    bm25 = dict(conn.execute(
        f"SELECT fts_text.rowid, bm25(fts_text) FROM fts_text WHERE fts_text MATCH ?"
        f" AND fts_text.rowid BETWEEN ? AND ? AND {_WITHIN}",
        [match, min(scored, default=0), max(scored, default=0), json.dumps(scored)]).fetchall())
    return signatures.top(bm25, EXACT_BONUS, need)


def _hits(rows: _Rows, terms: list[_Term]) -> list[Hit]:
    """Rows of (record JSON, score) as hits with their highlighted snippets."""
    hits = []
    for raw, score in rows:
        record = _record_from_json(raw)
        hits.append(Hit(record, float(score), highlight(record.text, terms)))
    return hits


def _pairs(cursor: sqlite3.Cursor) -> _Rows:
    return [(row[0], float(row[1])) for row in cursor]


def _records_in_order(conn: sqlite3.Connection, rowids: list[int],
                      scores: list[float] | None = None) -> _Rows:
    """The records of `rowids`, in that order, with their scores (0 for a page without text)."""
    marks = ", ".join("?" for _ in rowids)
    found = {row[0]: row[1] for row in conn.execute(
        f"SELECT rowid, record FROM fts_records WHERE rowid IN ({marks})", rowids)}
    return [(found[rowid], score) for rowid, score in zip(rowids, scores or [0.0] * len(rowids), strict=True)]


class SqliteFtsBackend(SearchBackend):
    """SearchBackend on SQLite FTS5; one connection per instance, guarded by a lock."""

    name = "sqlite"

    def __init__(self, path: Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        self._writes = 0  # bumped by every write of this connection, which data_version ignores
        self._cache: _Columns | None = None
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
            keyed = [(f, filter_key(v), v) for f, v in _record_terms(record)]
            keyed = [row for row in keyed if row[1]]
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
            _insert_repeats(conn, rowid, folded if alike else "")
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
        for table in ("fts_text", "fts_terms", "fts_repeats", "fts_records"):
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

    def search(self, query: Query) -> SearchResult:
        """One read snapshot for page, total and facets.

        FTS5 finds the matches (one rowid list); filters, facets, the page without text and
        the ranking's per-finding data read the in-memory columns instead of joining every
        match to `fts_records`. Ranking asks FTS5's bm25 only for the few findings whose score
        it cannot infer (_Plan.by_relevance, index.fts_topk); sorting by date stays in SQL.
        """
        terms = parse_query(query.text)
        filters = _Filters.of(query)
        limit, offset = max(query.limit, 0), max(query.offset, 0)
        with self._snapshot("search"):  # one snapshot for rows, total and facets
            total, rows, facets = self._search(query, terms, filters, limit, offset)
        return SearchResult(total, tuple(_hits(rows, terms)), facets)

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

    def _search(self, query: Query, terms: list[_Term], filters: _Filters, limit: int,
                offset: int) -> tuple[int, _Rows, dict[str, list[tuple[str, int]]]]:
        """Total, page rows and facets, inside the caller's transaction."""
        conn = self._conn
        plan = _Plan(terms, parse_query(query.text, accents=True))
        by_date = query.sort == "date"
        if terms and by_date and not filters and not query.facets:  # FTS5 alone counts and sorts
            return plan.count(conn, plan.folded), plan.by_date(conn, limit, offset), {}
        columns = self._columns()
        matched = plan.matches(conn) if terms else columns.newest_first
        selected = columns.admitted(conn, matched, filters) if filters else matched
        facets = columns.facets(selected) if query.facets else {}
        if not terms:
            page = columns.newest(selected if filters else None, limit, offset)
            return len(selected), _records_in_order(conn, page), facets
        if not len(selected) or not limit:
            return len(selected), [], facets
        if by_date:
            if filters:
                plan = dataclasses.replace(plan, within=json.dumps(selected.tolist()))
            return len(selected), plan.by_date(conn, limit, offset), facets
        return len(selected), plan.by_relevance(conn, columns, selected, limit, offset), facets

    def similar(self, finding_id: str, limit: int = 5) -> list[Hit]:
        """Findings sharing at least SIMILAR_MIN_SHARE of this one's most distinctive folded
        words (tf × idf), ranked by bm25 of those words, itself excluded (as more_like_this's
        minimum_should_match does on Elasticsearch)."""
        with self._snapshot("similar") as conn:  # one snapshot for the terms, the matches and the columns
            return self._similar(conn, finding_id, max(limit, 0))

    def _similar(self, conn: sqlite3.Connection, finding_id: str, limit: int) -> list[Hit]:
        row = conn.execute("SELECT r.rowid, t.folded FROM fts_records r JOIN fts_text t ON t.rowid = r.rowid"
                           " WHERE r.finding_id = ?", [finding_id]).fetchone()
        if row is None:
            raise BackendError(f"no indexed finding {finding_id}", path=self.path)
        rowid, folded = row
        terms = [_Term((t,)) for t in self._top_terms(folded)]
        if not terms or not limit:
            return []
        # Which findings hold which words: one scan per word, then those sharing enough of them.
        holders = [_rowids(conn, "SELECT rowid FROM fts_text WHERE fts_text MATCH ?",
                           [_fts_expression("folded", [t])])
                   for t in terms]
        ids, shared = np.unique(np.concatenate(holders), return_counts=True)
        # Like a more-like-this query's minimum_should_match: one shared common word is chance.
        ids = ids[(shared >= max(1, math.ceil(SIMILAR_MIN_SHARE * len(terms)))) & (ids != rowid)]
        if not len(ids):
            return []
        columns = self._columns()
        present = np.column_stack([np.isin(ids, found) for found in holders])
        counts = present * fts_topk.phrase_counts(ids, [t.tokens for t in terms], columns.repeats)
        page = _top_by_bm25(conn, columns, ids, np.zeros(len(ids), dtype=np.bool_), counts,
                            _fts_expression("folded", terms, "OR"), limit)
        return _hits(_records_in_order(conn, [r for r, _ in page], [score for _, score in page]), terms)

    def _top_terms(self, folded: str) -> list[str]:
        """The folded text's words that other findings share, weighted by tf × idf, best first."""
        counts = Counter(t for t in _TOKEN.findall(folded)
                         if len(t) > 1 and not t.isdigit() and t not in _STOPWORDS)
        if not counts:
            return []
        total = int(self._conn.execute("SELECT COUNT(*) FROM fts_records").fetchone()[0])
        marks = ", ".join("?" for _ in counts)
        df = {term: doc for term, doc in self._conn.execute(
            f"SELECT term, doc FROM fts_vocab WHERE col = 'folded' AND term IN ({marks})", list(counts))}
        # A word only this finding has cannot lead to another one (df 1 is itself).
        weight = {t: n * math.log(1 + total / df[t]) for t, n in counts.items() if df.get(t, 0) > 1}
        return sorted(weight, key=lambda t: (-weight[t], t))[:SIMILAR_TERMS]
