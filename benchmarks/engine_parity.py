"""Engine parity: nDCG@10 per judged set and kind on SQLite and Elasticsearch, and how many
queries get the same findings from both.

Why: the issue asks the engines to stay within 0.03 nDCG@10 of each other on every kind, and a
mean hides where they part: two engines can score alike while ordering differently. So besides
each kind's nDCG on both engines, this counts the queries whose reranker pool (the engine's
first findings, pipeline.search.engine_pool) holds the same findings, in the same order, and
whose top 10 (the composed search, reranked) is the same. Elasticsearch is filled once from the
store and asked every set's queries.

    .venv/bin/python -m benchmarks.engine_parity --store /tmp/NAME-sq --es-url http://127.0.0.1:92NN
"""

from __future__ import annotations

import argparse
import json
import sys
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks import search_quality as sq
from benchmarks.devcorpus import DEFAULT_CORPUS, load_scorer
from benchmarks.train_ranker import JUDGMENTS
from index.base import Query, SearchBackend

ENGINES = ("sqlite", "elasticsearch")


@dataclass(frozen=True)
class Answer:
    """What one engine gives one query: nDCG@10, the pool's finding ids and the top 10's."""

    ndcg: float
    pool: tuple[str, ...]
    top: tuple[str, ...]


@dataclass(frozen=True)
class Agreement:
    """How many queries of a set got the same pool (as a set, then in order) and top 10."""

    queries: int
    same_pool: int
    same_order: int
    same_top: int


def agreement(pairs: Sequence[tuple[Answer, Answer]]) -> Agreement:
    """Counted over (SQLite, Elasticsearch) answers of each query."""
    return Agreement(len(pairs), sum(set(a.pool) == set(b.pool) for a, b in pairs),
                     sum(a.pool == b.pool for a, b in pairs), sum(a.top == b.top for a, b in pairs))


def kind_means(kinds: Sequence[str], answers: Sequence[Answer]) -> dict[str, float]:
    """Mean nDCG@10 per kind, and over all as "all"."""
    scores: dict[str, list[float]] = defaultdict(list)
    for kind, answer in zip(kinds, answers, strict=True):
        scores[kind].append(answer.ndcg)
        scores["all"].append(answer.ndcg)
    return {kind: sum(v) / len(v) for kind, v in scores.items()}


def largest_gap(first: dict[str, float], second: dict[str, float]) -> tuple[str, float]:
    """The kind where two engines' means differ most, and by how much (first − second)."""
    kind = max(first, key=lambda k: abs(first[k] - second[k]))
    return kind, first[kind] - second[kind]


def answer(backend: SearchBackend, query: dict[str, Any], judged: dict[tuple[str, int], int],
           gold: sq.Gold, scorer: Any) -> Answer:
    """One judged query asked of one engine through the composed search, and its pool."""
    from index.query import parse
    from index.rerank import load_ranker
    from pipeline.search import engine_pool, search, with_matters

    ranker = load_ranker()
    asked = Query(text=query["text"], limit=sq.DEPTH, **(query.get("filters") or {}))
    hits = [h.record for h in search(backend, asked, ranker=ranker).hits]
    ndcg = sq.ndcg(sq.gains(hits, judged, gold, scorer.words, scorer.dice), list(judged.values()))
    parsed = parse(asked.text)
    plan = backend.plan(parsed)
    pool, _ = engine_pool(backend, with_matters(asked, None, parsed, plan), ranker.pool, plan)
    return Answer(ndcg, tuple(h.record.finding_id for h in pool.hits), tuple(r.finding_id for r in hits))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--store", type=Path, required=True, help="the store (built when missing)")
    parser.add_argument("--es-url", required=True)
    parser.add_argument("--es-prefix", default="kiemtra-parity",
                        help="start of the index name made and dropped (a shared server: your own)")
    parser.add_argument("--judgments", type=Path, nargs="*", default=list(JUDGMENTS),
                        help="judged sets (default: every set train_ranker trains on)")
    parser.add_argument("--queries-out", type=Path, help="write each query's answers here (JSON)")
    args = parser.parse_args()
    from index.elastic import ElasticBackend
    from index.sqlite_fts import SqliteFtsBackend

    scorer = load_scorer()
    gold = sq.load_gold(DEFAULT_CORPUS, scorer.words)
    args.store.mkdir(parents=True, exist_ok=True)
    database = sq.build_store(DEFAULT_CORPUS, args.store)
    sqlite = SqliteFtsBackend(database)
    elastic = ElasticBackend(args.es_url, f"{args.es_prefix}-{uuid.uuid4().hex[:8]}")
    kinds = (*sq.KINDS, "all")
    per_query: dict[str, dict[str, Any]] = {}
    total = Agreement(0, 0, 0, 0)
    try:
        elastic.rebuild(sq.stored_records(database))
        print("| set | engine | " + " | ".join(kinds) + " | largest gap | same pool / order / top 10 |")
        print("|---|---|" + "---|" * (len(kinds) + 2))
        for path in args.judgments:
            queries = json.loads(path.read_text(encoding="utf-8"))["queries"]
            pairs = []
            for query in queries:
                judged = sq.judged_keys(query, gold)
                pair = (answer(sqlite, query, judged, gold, scorer),
                        answer(elastic, query, judged, gold, scorer))
                pairs.append(pair)
                per_query[f"{path.stem}:{query['id']}"] = {
                    "kind": query["kind"], "text": query["text"],
                    **{engine: vars(a) for engine, a in zip(ENGINES, pair, strict=True)}}
            means = [kind_means([q["kind"] for q in queries], [p[k] for p in pairs]) for k in range(2)]
            kind, gap = largest_gap(*means)
            agreed = agreement(pairs)
            total = Agreement(*(a + b for a, b in zip(vars(total).values(), vars(agreed).values(),
                                                      strict=True)))
            for engine, mean in zip(ENGINES, means, strict=True):
                cells = [f"{mean[k]:.3f}" if k in mean else "-" for k in kinds]
                extra = (f"{kind} {gap:+.3f} | {agreed.same_pool} / {agreed.same_order} / {agreed.same_top}"
                         f" of {agreed.queries}") if engine == ENGINES[1] else " |"
                name = path.stem.removeprefix("search_judgments").lstrip("_") or "first"
                print(f"| {name} | {engine} | " + " | ".join(cells)
                      + f" | {extra} |", flush=True)
        print(f"all sets: same pool {total.same_pool}, same pool order {total.same_order}, "
              f"same top 10 {total.same_top} of {total.queries} queries")
    finally:
        elastic.drop()
        elastic.close()
        sqlite.close()
    if args.queries_out:
        args.queries_out.write_text(json.dumps(per_query, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"{args.queries_out}: per-query answers", file=sys.stderr)


if __name__ == "__main__":
    main()
