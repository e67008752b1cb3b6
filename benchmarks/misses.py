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

Counts are (query, gold finding) pairs. `--detail` lists every pair with the piece that holds it,
for reading against the document and the annotation guide; a class-2 pair with its place in the
engine's answer (`place`, from 0; -1 when not in it) and the engine's tier there (`tier`).
`--weights` and `--pool` class against other reranker weights and another pool (a weights file
trained with `benchmarks.train_ranker --pool N --out FILE`): what a wider pool would bring, and
whether the pairs it brings reach the first ten (docs/search-quality.md, session 14, pool14); the
labels stay those of the pool of 30: "pool 31-100" is then past the pool to 100, "rank 21-30" 21 to
the pool's end. Without them the pool is the shipped ranker's (index/rerank_weights.json
"pool").

    .venv/bin/python benchmarks/misses.py --store DIR [--judgments A.json B.json ...] [--detail FILE]
        [--weights FILE --pool N]
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
from benchmarks.per_set import print_counts, write_detail  # noqa: E402
from index.base import FindingRecord, Query, SearchBackend  # noqa: E402
from index.query import Plan  # noqa: E402
from index.rerank import Ranker, load_ranker  # noqa: E402

HOLDS = 0.7  # share of the gold finding's words a piece holds to count as holding it
LONGER = 1.5  # a holding piece this many times longer (in words) merged it into another
ANSWER = 400  # how far the engine's answer is read to place a finding outside the pool
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


def classify(store: Path, paths: list[Path], ranker: Ranker | None = None
             ) -> tuple[dict[str, Counter[str]], list[dict[str, Any]]]:
    """Counts per set and class, and every pair with its gold finding and piece; `ranker`: the
    weights and pool the composed search reranks with (the shipped ones by default)."""
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
    ranker = ranker or load_ranker()
    pool_size = ranker.pool
    counts: dict[str, Counter[str]] = {}
    detail: list[dict[str, Any]] = []
    try:
        for path in paths:
            tally: Counter[str] = Counter()
            for q in json.loads(path.read_text(encoding="utf-8"))["queries"]:
                judged = sq.judged_keys(q, gold)
                filters = q.get("filters") or {}
                ranked = [key_of[r.finding_id] for r in backend_page(backend, q, ranker)]
                shown = set(ranked[:sq.DEPTH])
                wanted = [k for k, g in judged.items() if g == 2 and k not in shown]
                if not wanted:
                    continue
                query = Query(text=q["text"], **filters)
                parsed = parse(query.text)
                plan = backend.plan(parsed)
                asked = with_matters(replace(query, limit=sq.DEPTH, offset=0), parsed=parsed, plan=plan)
                pool, _ = engine_pool(backend, asked, pool_size, plan)
                pooled = [key_of[h.record.finding_id] for h in pool.hits]
                full: list[tuple[tuple[str, int] | None, str]] = []
                where: dict[str, Any] = {}
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
                            full = engine_answer(backend, asked, pool_size, key_of)
                        place = next((k for k, (at_key, _) in enumerate(full) if at_key == key), -1)
                        where = {"place": place, "tier": full[place][1] if place >= 0 else None}
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
                                       "piece": paired.text, "text": q["text"], **where})
                    tally[kind] += 1
            counts[path.name] = tally
    finally:
        backend.close()
    return counts, detail


def engine_answer(backend: SearchBackend, asked: Query, pool: int,
                  key_of: dict[str, tuple[str, int] | None], plan: Plan | None = None
                  ) -> list[tuple[tuple[str, int] | None, Any]]:
    """The engine's answer the pool is cut from (pipeline.search.engine_pool: the matter's area
    asked too, the tiers decided on the pool's page), read to `ANSWER` findings: each one's gold
    key and tier, to place a relevant finding outside the pool."""
    from pipeline.search import with_matter_area

    answer = backend.search(with_matter_area(replace(asked, limit=ANSWER, page_size=pool)), plan)
    return [(key_of[h.record.finding_id], h.tier) for h in answer.hits]


def backend_page(backend: Any, q: dict[str, Any], ranker: Ranker) -> list[FindingRecord]:
    """The composed search's first `ranker.pool` findings (the reranked pool), as users get them."""
    from pipeline.search import search as composed

    result = composed(backend, Query(text=q["text"], limit=ranker.pool, **(q.get("filters") or {})),
                      ranker=ranker)
    return [h.record for h in result.hits]


def main() -> None:
    from benchmarks.train_ranker import JUDGMENTS

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--judgments", type=Path, nargs="+", default=list(JUDGMENTS))
    parser.add_argument("--detail", type=Path, help="write every pair here as JSON lines")
    parser.add_argument("--weights", type=Path, help="reranker weights (default: the shipped ones)")
    parser.add_argument("--pool", type=int, help="the reranker's pool (default: the weights' own)")
    args = parser.parse_args()
    args.store.mkdir(parents=True, exist_ok=True)
    ranker = load_ranker(args.weights) if args.weights else load_ranker()
    if args.pool:
        ranker = replace(ranker, pool=args.pool)
    counts, detail = classify(args.store, args.judgments, ranker)
    names = [p.name for p in args.judgments]
    print_counts("class", names, CLASSES, counts)
    write_detail(args.detail, detail)


if __name__ == "__main__":
    main()
