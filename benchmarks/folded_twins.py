"""Judged queries typed with accents against their folded twins: the accent-insensitive path, measured.

Why this benchmark: staff often type without diacritics (a phone), and the judged queries of the
unaccented kind are few (eight a set) and vary more than the others. Every judged query typed with
accents (the topic, question, unit, polar and synonym kinds) has a folded twin: the same text with
its tone and shape marks removed and đ → d, whose relevant findings are the same, since the intent
did not change. So each such query is run as typed and as its twin through the composed search
(pipeline/search.py, the reranker included; SQLite, and Elasticsearch with --es-url), and nDCG@10
is printed per set and per kind for both and for the gap (typed − twin): a large test of the folded
path nobody tuned for, whose gap is the cost of the missing marks alone. The loading, pairing and
nDCG are benchmarks/search_quality.py's.

The twin keeps the capitals as typed (`twin`); `--lowercase` folds them too (a phone keyboard
capitalises only the first word, and many type everything lowercase). `--worst N` prints the N
twins losing most (none by default for a set kept unread: pass it only for sets already read).

    .venv/bin/python benchmarks/folded_twins.py [--judgments FILE ...] [--store DIR] [--es-url URL]
        [--es-prefix NAME] [--lowercase] [--worst N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import uuid
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.devcorpus import DEFAULT_CORPUS, load_scorer  # noqa: E402
from benchmarks.search_quality import (  # noqa: E402
    KINDS,
    Gold,
    Ranker,
    build_store,
    engine_ranker,
    gains,
    judged_keys,
    load_gold,
    load_queries,
    ndcg,
    stored_records,
)
from benchmarks.train_ranker import JUDGMENTS  # noqa: E402
from core.normalize import fold  # noqa: E402

ACCENTED_KINDS = tuple(k for k in KINDS if k != "unaccented")  # the kinds typed with accents
THIRTEENTH = "search_judgments_thirteenth.json"
OLDER = tuple(p for p in JUDGMENTS if p.name != THIRTEENTH)  # the twelve sets read before session 13


def twin(text: str, lowercase: bool = False) -> str:
    """`text` without its marks, đ → d, capitals kept unless `lowercase` (fold maps one character
    to one, so the case of each can be put back)."""
    folded = fold(text)
    if lowercase:
        return folded
    return "".join(f.upper() if c.isupper() else f for c, f in zip(text, folded, strict=True))


def score(rank: Ranker, query: dict[str, Any], text: str, gold: Gold, scorer: ModuleType) -> float:
    """nDCG@10 of the query's judgments for the composed search of `text` (`scorer`: the shared
    scorer, loaded once: `load_scorer` executes its module anew)."""
    judged = judged_keys(query, gold)
    hits = rank({**query, "text": text})
    return ndcg(gains(hits, judged, gold, scorer.words, scorer.dice), list(judged.values()))


Row = tuple[str, str, str, str, str, float, float]  # set, id, kind, typed, twin, nDCG typed, nDCG twin


def measure(rank: Ranker, sets: list[Path], gold: Gold, lowercase: bool) -> list[Row]:
    scorer = load_scorer()
    rows: list[Row] = []
    for path in sets:
        label = path.name.removeprefix("search_judgments").removeprefix("_").split(".")[0] or "first"
        for query in load_queries(path):
            text = query["text"]
            folded = twin(text, lowercase)
            if query["kind"] not in ACCENTED_KINDS or folded == text:
                continue
            rows.append((label, query["id"], query["kind"], text, folded,
                         score(rank, query, text, gold, scorer), score(rank, query, folded, gold, scorer)))
    return rows


def print_means(title: str, rows: Sequence[tuple[Any, ...]], key: int, typed_at: int = 5,
                twin_at: int = 6) -> None:
    """Mean nDCG@10 of the typed queries and of their twins per value of column `key`, and over
    all: one table shape for this script and benchmarks/folded_cv.py, whose rows put the two
    scores at other columns (`typed_at`, `twin_at`)."""
    groups: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows:
        groups[str(row[key])].append(row)
    groups["all"] = list(rows)
    print(f"{title}: n, nDCG@10 typed, twin, gap")
    print(f"| {title} | n | typed | twin | gap |")
    print("|---|---|---|---|---|")
    for name, members in groups.items():
        typed = sum(r[typed_at] for r in members) / len(members)
        folded = sum(r[twin_at] for r in members) / len(members)
        print(f"| {name} | {len(members)} | {typed:.3f} | {folded:.3f} | {typed - folded:+.3f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--judgments", type=Path, nargs="+", default=list(OLDER),
                        help="the judged sets (default: the twelve older ones, not the thirteenth)")
    parser.add_argument("--store", type=Path, help="keep the ingested store here (reused when present)")
    parser.add_argument("--es-url", help="measure Elasticsearch at this URL too")
    parser.add_argument("--es-prefix", default="kiemtra-twins", help="prefix of the index it makes")
    parser.add_argument("--lowercase", action="store_true", help="fold the capitals too")
    parser.add_argument("--worst", type=int, default=0, help="print the N twins losing most")
    args = parser.parse_args()
    gold = load_gold(args.corpus, load_scorer().words)
    with tempfile.TemporaryDirectory(prefix="kiemtra-twins-") as tmp:
        folder = args.store or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        database = build_store(args.corpus, folder)
        from index.sqlite_fts import SqliteFtsBackend

        sqlite = SqliteFtsBackend(database)
        engines: dict[str, Any] = {"SQLite": sqlite}
        if args.es_url:
            from index.elastic import ElasticBackend

            elastic = ElasticBackend(args.es_url, f"{args.es_prefix}-{uuid.uuid4().hex[:8]}")
            elastic.rebuild(stored_records(database))
            engines["Elasticsearch"] = elastic
        try:
            for name, backend in engines.items():
                rows = measure(engine_ranker(backend), args.judgments, gold, args.lowercase)
                print(f"## {name}")
                print_means("set", rows, 0)
                print_means("kind", rows, 2)
                for row in sorted(rows, key=lambda r: r[6] - r[5])[:args.worst]:
                    print(f"{row[0]} {row[1]} {row[2]} {row[5]:.2f} → {row[6]:.2f} | {row[3]} | {row[4]}")
        finally:
            for backend in engines.values():
                if hasattr(backend, "drop"):
                    backend.drop()
                backend.close()


if __name__ == "__main__":
    main()
