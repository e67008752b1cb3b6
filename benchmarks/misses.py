"""Where the relevant findings users never see are lost: each grade-2 gold finding outside its
query's first ten, classed by the first stage that loses it.

Why a script of the project: session 13 (miss13) classed these misses with scripts outside the
repository, and session 14 had to write them again to class a new set the same way. The classes:

1. no extracted piece pairs with the gold finding (benchmarks/search_quality.py's rule, word Dice
   >= 0.5 within its document): the piece holding >= 70 % of its words is >= 1.5 times longer
   (`merged`), or holds it but is not that long (`cut`), or no piece holds it (`missed`);
2. a piece pairs with it but is not in the reranker's pool (`pipeline.search.engine_pool`): where
   the engine's answer (limit 400) puts it (`pool 31-100`, `past 100`, `not answered`);
3. in the pool, ranked past ten: ten grade-2 findings of the query already fill the page (`no
   room`), else where the reranker puts it (`rank 11-20`, `rank 21-30`).

Counts are (query, gold finding) pairs. `--detail` lists every pair with its class and the piece
holding the gold finding (class 1: the piece holding most of it), for reading against the document
and the annotation guide. The pool is the shipped ranker's (index/rerank_weights.json "pool").

    .venv/bin/python benchmarks/misses.py --store DIR [--judgments A.json B.json ...] [--detail]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import search_quality as sq  # noqa: E402
from benchmarks.devcorpus import DEFAULT_CORPUS, load_scorer  # noqa: E402
from index.base import FindingRecord, Query  # noqa: E402
from index.rerank import load_ranker  # noqa: E402

HOLDS = 0.7  # share of the gold finding's words a piece holds to count as holding it
LONGER = 1.5  # a holding piece this many times longer (in words) merged it into another
ANSWER = 400
CLASSES = ("merged", "cut", "missed", "pool 31-100", "past 100", "not answered", "no room",
           "rank 11-20", "rank 21-30")


def held(gold_words: list[str], piece_words: list[str]) -> float:
    """The share of the gold finding's words (with repeats) the piece holds."""
    if not gold_words:
        return 0.0
    common = Counter(gold_words) & Counter(piece_words)
    return sum(common.values()) / len(gold_words)


def lost_by_extraction(gold_words: list[str], pieces: list[list[str]]) -> str:
    """Class 1's three kinds, from the piece of the document holding most of the gold finding."""
    best = max(pieces, key=lambda p: held(gold_words, p), default=[])
    if held(gold_words, best) < HOLDS:
        return "missed"
    return "merged" if len(best) >= LONGER * len(gold_words) else "cut"


def classify(store: Path, paths: list[Path]) -> tuple[dict[str, Counter[str]], list[dict[str, Any]]]:
    """Counts per set and class, and every class-1 pair with its gold finding and piece."""
    from index.query import parse
    from index.sqlite_fts import SqliteFtsBackend
    from pipeline.search import engine_pool, with_matters

    scorer = load_scorer()
    gold = sq.load_gold(DEFAULT_CORPUS, scorer.words)
    database = sq.build_store(DEFAULT_CORPUS, store)
    records = sq.stored_records(database)
    by_doc: dict[str, list[FindingRecord]] = defaultdict(list)
    key_of: dict[str, tuple[str, int] | None] = {}
    for r in records:
        by_doc[sq._doc_id(r)].append(r)
        key_of[r.finding_id] = sq.gold_key(r, gold, scorer.words, scorer.dice)
    words_of = {r.finding_id: scorer.words(r.text) for r in records}
    backend = SqliteFtsBackend(database)
    pool_size = load_ranker().pool
    counts: dict[str, Counter[str]] = {}
    detail: list[dict[str, Any]] = []
    try:
        for path in paths:
            tally: Counter[str] = Counter()
            for q in json.loads(path.read_text(encoding="utf-8"))["queries"]:
                judged = sq.judged_keys(q, gold)
                filters = q.get("filters") or {}
                ranked = [key_of[r.finding_id] for r in backend_page(backend, q, pool_size)]
                shown = set(ranked[:sq.DEPTH])
                wanted = [k for k, g in judged.items() if g == 2 and k not in shown]
                if not wanted:
                    continue
                query = Query(text=q["text"], **filters)
                parsed = parse(query.text)
                asked = with_matters(replace(query, limit=sq.DEPTH, offset=0), parsed=parsed)
                pool, _ = engine_pool(backend, asked, pool_size, backend.plan(parsed))
                pooled = [key_of[h.record.finding_id] for h in pool.hits]
                full: list[tuple[str, int] | None] = []
                for key in wanted:
                    doc, at = key
                    if not any(key_of[r.finding_id] == key for r in by_doc.get(doc, [])):
                        kind = lost_by_extraction(gold.words[doc][at],
                                                  [words_of[r.finding_id] for r in by_doc.get(doc, [])])
                        best = max(by_doc.get(doc, []), default=None,
                                   key=lambda r: held(gold.words[doc][at], words_of[r.finding_id]))
                        detail.append({"set": path.name, "query": q["id"], "kind": q["kind"], "class": kind,
                                       "doc": doc, "finding": at, "gold": gold.texts[doc][at],
                                       "piece": best.text if best else ""})
                    elif key not in pooled:
                        if not full:
                            answer = backend.search(replace(asked, limit=ANSWER))
                            full = [key_of[h.record.finding_id] for h in answer.hits]
                        place = full.index(key) if key in full else -1
                        kind = ("not answered" if place < 0 else "pool 31-100" if place < 100
                                else "past 100")
                    else:
                        top = [k for k in ranked[:sq.DEPTH] if k is not None]
                        if sum(1 for k in set(top) if judged.get(k) == 2) >= sq.DEPTH:
                            kind = "no room"
                        else:
                            place = ranked.index(key) if key in ranked else pool_size
                            kind = "rank 11-20" if place < 20 else "rank 21-30"
                    if kind not in ("merged", "cut", "missed"):
                        paired = next(r for r in by_doc[doc] if key_of[r.finding_id] == key)
                        detail.append({"set": path.name, "query": q["id"], "kind": q["kind"], "class": kind,
                                       "doc": doc, "finding": at, "gold": gold.texts[doc][at],
                                       "piece": paired.text, "text": q["text"]})
                    tally[kind] += 1
            counts[path.name] = tally
    finally:
        backend.close()
    return counts, detail


def backend_page(backend: Any, q: dict[str, Any], limit: int) -> list[FindingRecord]:
    """The composed search's first `limit` findings (the reranked pool), as users get them."""
    from pipeline.search import search as composed

    result = composed(backend, Query(text=q["text"], limit=limit, **(q.get("filters") or {})))
    return [h.record for h in result.hits]


def main() -> None:
    from benchmarks.train_ranker import JUDGMENTS

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--judgments", type=Path, nargs="+", default=list(JUDGMENTS))
    parser.add_argument("--detail", type=Path, help="write class 1's pairs here as JSON lines")
    args = parser.parse_args()
    args.store.mkdir(parents=True, exist_ok=True)
    counts, detail = classify(args.store, args.judgments)
    names = [p.name for p in args.judgments]
    print("| class | " + " | ".join(n.removeprefix("search_judgments").removesuffix(".json") or "_first"
                                     for n in names) + " | all |")
    print("|---|" + "---|" * (len(names) + 1))
    for c in CLASSES:
        row = [counts[n][c] for n in names]
        print(f"| {c} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    if args.detail:
        with args.detail.open("w", encoding="utf-8") as out:
            for item in detail:
                out.write(json.dumps(item, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
