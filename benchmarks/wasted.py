"""The wasted slots of the first ten results: top-10 hits that earn nothing while a relevant
finding ranks below them or outside the page.

Why a script of the project: sessions 12 and 13 (extr12, extr14) listed these hits with scripts
outside the repository, and session 15 had to write one again to read a new set. A hit earns
nothing when it pairs with no gold finding (`nogold`: benchmarks/search_quality.py's rule, word
Dice >= 0.5 within its document), with a gold finding an earlier hit already took (`duplicate`),
or with a gold finding the query's judges did not list (`judged 0`). It *wastes* its slot when a
relevant hit (grade >= 1, first of its gold finding) ranks below it in the first ten, or a
relevant gold finding of the query is missing from the first ten (it could have had the slot).

Counts per set and status; `--detail` writes every wasted hit as a JSON line with the query, the
piece, the gold finding it pairs with (if any), whether a relevant hit of the first ten follows it
(`above`) and the relevant gold findings left below it, for
reading against the document and the annotation guide. The search is the composed one with the
shipped weights (index/rerank_weights.json) or those of `--weights` (a set read as it was
measured unseen: the weights trained without it), SQLite, as users get it.

    .venv/bin/python benchmarks/wasted.py --store DIR [--judgments A.json ...] [--detail FILE]
        [--weights FILE]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import search_quality as sq  # noqa: E402
from benchmarks.devcorpus import DEFAULT_CORPUS, load_scorer  # noqa: E402
from benchmarks.per_set import print_counts, write_detail  # noqa: E402

STATUSES = ("nogold", "duplicate", "judged 0")


def statuses(keys: list[tuple[str, int] | None], judged: dict[tuple[str, int], int]) -> list[str]:
    """Each hit's status in rank order: its grade as a string ("1", "2") when it earns, else one of
    STATUSES."""
    out: list[str] = []
    used: set[tuple[str, int]] = set()
    for key in keys:
        if key is None:
            out.append("nogold")
        elif key in used:
            out.append("duplicate")
        else:
            used.add(key)
            grade = judged.get(key, 0)
            out.append(str(grade) if grade else "judged 0")
    return out


def wasted_at(status: list[str], keys: list[tuple[str, int] | None],
              judged: dict[tuple[str, int], int]) -> list[int]:
    """The ranks of the hits that earn nothing while a relevant finding is below them or unseen."""
    shown = {k for k in keys if k is not None}
    unseen = any(k not in shown for k, g in judged.items() if g > 0)
    out = []
    for at, s in enumerate(status):
        if s in STATUSES and (unseen or any(t in ("1", "2") for t in status[at + 1:])):
            out.append(at)
    return out


def main() -> None:
    from benchmarks.train_ranker import JUDGMENTS
    from index.sqlite_fts import SqliteFtsBackend

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--judgments", type=Path, nargs="+", default=list(JUDGMENTS))
    parser.add_argument("--detail", type=Path, help="write every wasted hit here as JSON lines")
    parser.add_argument("--weights", type=Path, help="reranker weights (default: the shipped ones)")
    args = parser.parse_args()
    args.store.mkdir(parents=True, exist_ok=True)
    scorer = load_scorer()
    gold = sq.load_gold(DEFAULT_CORPUS, scorer.words)
    database = sq.build_store(DEFAULT_CORPUS, args.store)
    backend = SqliteFtsBackend(database)
    rank = sq.engine_ranker(backend, args.weights)
    counts: dict[str, Counter[str]] = {}
    detail: list[dict[str, Any]] = []
    try:
        for path in args.judgments:
            tally: Counter[str] = Counter()
            for q in sq.load_queries(path):
                judged = sq.judged_keys(q, gold)
                hits = rank(q)[:sq.DEPTH]
                keys = [sq.gold_key(r, gold, scorer.words, scorer.dice) for r in hits]
                status = statuses(keys, judged)
                for at in wasted_at(status, keys, judged):
                    tally[status[at]] += 1
                    key = keys[at]
                    below = [(k, g) for k, g in judged.items() if g > 0 and k not in keys[:at]]
                    detail.append({
                        "set": path.name, "query": q["id"], "kind": q["kind"], "text": q["text"],
                        "rank": at + 1, "status": status[at], "doc": sq._doc_id(hits[at]),
                        "above": any(t in ("1", "2") for t in status[at + 1:]),  # a relevant hit below it
                        "piece": hits[at].text, "polarity": hits[at].polarity,
                        "gold": gold.texts[key[0]][key[1]] if key else None,
                        "below": [{"doc": k[0], "finding": k[1], "grade": g, "gold": gold.texts[k[0]][k[1]]}
                                  for k, g in below]})
            counts[path.name] = tally
    finally:
        backend.close()
    names = [p.name for p in args.judgments]
    print_counts("status", names, STATUSES, counts)
    write_detail(args.detail, detail)


if __name__ == "__main__":
    main()
