"""Search quality on judged queries: nDCG@10, P@5 and the zero-result rate per query kind.

Why this benchmark: latency (benchmarks/search.py) says nothing about whether the findings a
provincial staff member wants come first. The judgments (benchmarks/search_judgments.json)
were written and graded by an engineer who did not write the ranking, on the GOLD findings of
the dev corpus, so they survive extractor changes: each hit is mapped to the gold finding of
the same document it overlaps most (word Dice >= 0.5, as shared/eval/score.py pairs findings)
and takes that finding's grade (2 answers the query, 1 related, unlisted 0). A gold finding
counts once: a second hit mapped to it earns nothing.

The dev texts are ingested into a fresh store (the whole pipeline: read, extract, store,
index into SQLite), Elasticsearch is filled from the same store (`rebuild`), and two peers get
the same extracted findings: a plain FTS5 table (unicode61 remove_diacritics 2, bm25) queried
with the words ANDed, and with them ORed — what a generic tool would give.

    .venv/bin/python benchmarks/search_quality.py [--es-url http://127.0.0.1:9202] [--store DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import re
import sqlite3
import sys
import tempfile
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.devcorpus import DEFAULT_CORPUS, load_scorer  # noqa: E402
from index.base import FindingRecord, Query, SearchBackend  # noqa: E402

JUDGMENTS = Path(__file__).with_name("search_judgments.json")
DEPTH = 10  # nDCG@10
PRECISION_AT = 5
MATCH = 0.5  # word Dice a hit needs with a gold finding to take its grade
KINDS = ("topic", "unaccented", "question", "unit", "polar", "synonym")

Ranker = Callable[[dict[str, Any]], list[FindingRecord]]


@dataclass(frozen=True)
class Gold:
    """The gold findings of the dev corpus as word lists, per document."""

    words: dict[str, list[list[str]]]  # doc_id → words of each gold finding, in order
    texts: dict[str, list[str]]


def load_queries(path: Path) -> list[dict[str, Any]]:
    """The judged queries of a set: a plain JSON file, or a sealed one (benchmarks/sealed/*.json.gz,
    gzip so that no search through the repository shows its queries: a set kept unread until the
    session that measures it held out is over). This benchmark prints aggregates only, per kind."""
    raw = path.read_bytes()
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
    queries: list[dict[str, Any]] = json.loads(raw.decode("utf-8"))["queries"]
    return queries


def load_gold(corpus: Path, words: Callable[[str], list[str]]) -> Gold:
    by_doc: dict[str, list[list[str]]] = {}
    texts: dict[str, list[str]] = {}
    for path in sorted(corpus.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc_id = gold.get("doc_id") or path.name.removesuffix(".gold.json")
        texts[doc_id] = [f["text"] for f in gold.get("findings", [])]
        by_doc[doc_id] = [words(t) for t in texts[doc_id]]
    return Gold(by_doc, texts)


def _doc_id(record: FindingRecord) -> str:
    """The corpus document a finding came from (the file stem)."""
    return Path(record.path).stem if record.path else record.doc_id


def gold_key(record: FindingRecord, gold: Gold, words: Callable[[str], list[str]],
             dice: Callable[[list[str], list[str]], float]) -> tuple[str, int] | None:
    """The gold finding a hit stands for: the one of its document it overlaps most, when the word
    Dice reaches MATCH (as shared/eval/score.py pairs findings); None when none does."""
    doc = _doc_id(record)
    mine = words(record.text)
    best, best_at = 0.0, -1
    for at, theirs in enumerate(gold.words.get(doc, [])):
        overlap = dice(mine, theirs)
        if overlap > best:
            best, best_at = overlap, at
    return (doc, best_at) if best >= MATCH else None


def gains(hits: list[FindingRecord], judged: dict[tuple[str, int], int], gold: Gold,
          words: Callable[[str], list[str]], dice: Callable[[list[str], list[str]], float]) -> list[int]:
    """The grade of each hit: of the gold finding it stands for (`gold_key`), once each."""
    out: list[int] = []
    used: set[tuple[str, int]] = set()
    for record in hits:
        key = gold_key(record, gold, words, dice)
        if key is None or key in used:
            out.append(0)
            continue
        used.add(key)
        out.append(judged.get(key, 0))
    return out


def dcg(values: Iterable[int]) -> float:
    """Discounted cumulative gain of grades in rank order (gain 2^g - 1, discount log2(rank + 1))."""
    return sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(values))


def ndcg(gained: list[int], ideal: list[int], depth: int = DEPTH) -> float:
    best = dcg(sorted(ideal, reverse=True)[:depth])
    return dcg(gained[:depth]) / best if best else 0.0


def judged_keys(query: dict[str, Any], gold: Gold) -> dict[tuple[str, int], int]:
    """(doc_id, gold finding index) → grade. The judgments name gold findings by index, so the
    corpus's texts stay in shared/; one that names no gold finding is a stale judgment."""
    out: dict[tuple[str, int], int] = {}
    for item in query["relevant"]:
        doc, at = item["doc_id"], int(item["finding"])
        if at >= len(gold.words.get(doc, [])):
            raise SystemExit(f"search_judgments.json: {doc} has no gold finding {at}")
        out[(doc, at)] = int(item["grade"])
    return out


# ----------------------------------------------------------------------------------------------- peers


class PlainFts:
    """The generic peer: one FTS5 table over the findings' text, unicode61 remove_diacritics 2,
    ranked by bm25; the query's words ANDed or ORed."""

    def __init__(self, records: list[FindingRecord], operator: str) -> None:
        self.operator = operator
        self.records = records
        self.conn = sqlite3.connect(":memory:")
        self.conn.execute("CREATE VIRTUAL TABLE t USING fts5(text,"
                          " tokenize = 'unicode61 remove_diacritics 2')")
        self.conn.executemany("INSERT INTO t (rowid, text) VALUES (?, ?)",
                              [(i, r.text) for i, r in enumerate(records)])

    def search(self, query: dict[str, Any]) -> list[FindingRecord]:
        tokens = re.findall(r"[^\W_]+", query["text"])
        if not tokens:
            return []
        match = f" {self.operator} ".join(f'"{t}"' for t in tokens)
        rows = self.conn.execute("SELECT rowid FROM t WHERE t MATCH ? ORDER BY bm25(t) LIMIT ?",
                                 (match, DEPTH)).fetchall()
        return [self.records[r[0]] for r in rows]


def ceiling_ranker(records: list[FindingRecord], gold: Gold) -> Ranker:
    """The best any engine could do over these extracted findings: each query's findings in the
    order of the grades they map to. Below 1.0 where extraction split, merged or missed a judged
    gold finding; not an engine, the ceiling the others are read against."""
    scorer = load_scorer()

    def search(query: dict[str, Any]) -> list[FindingRecord]:
        judged = judged_keys(query, gold)
        graded = list(zip(gains(records, judged, gold, scorer.words, scorer.dice), records, strict=True))
        return [r for g, r in sorted(graded, key=lambda pair: -pair[0]) if g > 0][:DEPTH]

    return search


def engine_ranker(backend: SearchBackend, weights: Path | None = None) -> Ranker:
    """What a user gets from `backend`: the one composed search (pipeline/search.py), reranked
    with the shipped weights or those of the file `weights`."""
    from index.rerank import load_ranker
    from pipeline.search import search as composed

    reranker = load_ranker(weights) if weights else None

    def search(query: dict[str, Any]) -> list[FindingRecord]:
        filters = query.get("filters") or {}
        result = composed(backend, Query(text=query["text"], limit=DEPTH, **filters), ranker=reranker)
        return [h.record for h in result.hits]

    return search


# ----------------------------------------------------------------------------------------------- running


def build_store(corpus: Path, folder: Path) -> Path:
    """Ingest the dev texts (the whole pipeline, SQLite index in the store) into folder/store.db."""
    from core.settings import load_settings
    from extractors import discover
    from pipeline.ingest import ingest_paths

    database = folder / "store.db"
    if database.exists():
        return database
    settings = load_settings({"db_path": str(database), "backend": "sqlite"})
    texts = [p for p in discover([corpus]) if p.suffix == ".txt"]
    summary = ingest_paths(texts, settings=settings)
    print(f"ingested: {summary.line()}", file=sys.stderr)
    return database


def stored_records(database: Path) -> list[FindingRecord]:
    """Every finding of the store as the pipeline indexes it (words, containing units)."""
    from core.settings import load_settings
    from pipeline.process import open_store

    with open_store(load_settings({"db_path": str(database), "backend": "sqlite"})) as store:
        return list(store.finding_records())


Table = dict[str, dict[str, dict[str, float]]]  # engine → kind → measure → value


def evaluate(rankers: dict[str, Ranker], queries: list[dict[str, Any]], gold: Gold) -> Table:
    scorer = load_scorer()
    words, dice = scorer.words, scorer.dice
    rows: Table = {}
    for name, rank in rankers.items():
        per_kind: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
        for query in queries:
            judged = judged_keys(query, gold)
            hits = rank(query)
            gained = gains(hits, judged, gold, words, dice)
            p_at = sum(1 for g in gained[:PRECISION_AT] if g > 0) / PRECISION_AT
            result = (ndcg(gained, list(judged.values())), p_at, int(not hits))
            per_kind[query["kind"]].append(result)
            per_kind["all"].append(result)
        rows[name] = {kind: {"ndcg": sum(r[0] for r in v) / len(v), "p5": sum(r[1] for r in v) / len(v),
                             "zero": sum(r[2] for r in v) / len(v), "n": len(v)}
                      for kind, v in per_kind.items()}
    return rows


def print_table(rows: Table) -> None:
    kinds = [k for k in (*KINDS, "all") if any(k in r for r in rows.values())]
    counts = {k: int(next(r[k]["n"] for r in rows.values() if k in r)) for k in kinds}
    print("nDCG@10 / P@5 / zero-result rate per query kind (queries per kind: "
          + ", ".join(f"{k} {counts[k]}" for k in kinds) + ")")
    print("| engine | " + " | ".join(kinds) + " |")
    print("|---|" + "---|" * len(kinds))
    for name, per in rows.items():
        cells = [f"{per[k]['ndcg']:.2f} / {per[k]['p5']:.2f} / {per[k]['zero']:.0%}" if k in per else "-"
                 for k in kinds]
        print(f"| {name} | " + " | ".join(cells) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--judgments", type=Path, default=JUDGMENTS)
    parser.add_argument("--es-url", help="also measure Elasticsearch at this URL")
    parser.add_argument("--es-prefix", default="kiemtra-quality",
                        help="start of the name of the index created (and dropped) on that server, so "
                             "runs sharing one server touch only their own")
    parser.add_argument("--store", type=Path, help="keep the ingested store here (reused when present)")
    args = parser.parse_args()
    queries = load_queries(args.judgments)
    scorer = load_scorer()
    gold = load_gold(args.corpus, scorer.words)
    with tempfile.TemporaryDirectory(prefix="kiemtra-quality-") as tmp:
        folder = args.store or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        database = build_store(args.corpus, folder)
        records = stored_records(database)
        print(f"{len(records)} findings from {len({r.doc_key for r in records})} documents; "
              f"{len(queries)} judged queries", file=sys.stderr)
        from index.sqlite_fts import SqliteFtsBackend

        sqlite = SqliteFtsBackend(database)
        rankers: dict[str, Ranker] = {"kiemtra SQLite": engine_ranker(sqlite)}
        elastic = None
        if args.es_url:
            from index.elastic import ElasticBackend

            elastic = ElasticBackend(args.es_url, f"{args.es_prefix}-{uuid.uuid4().hex[:8]}")
            elastic.rebuild(records)
            rankers["kiemtra Elasticsearch"] = engine_ranker(elastic)
        rankers["FTS5 words ANDed"] = PlainFts(records, "AND").search
        rankers["FTS5 words ORed"] = PlainFts(records, "OR").search
        rankers["ceiling (ideal order)"] = ceiling_ranker(records, gold)
        try:
            print_table(evaluate(rankers, queries, gold))
        finally:
            sqlite.close()
            if elastic is not None:
                elastic.drop()
                elastic.close()


if __name__ == "__main__":
    main()
