"""The folded twins of the judged accented queries, scored with the weights they would meet: in sample
and cross-validated.

Why beside benchmarks/folded_twins.py: that one ranks with the shipped weights, trained on the
typed queries themselves, so a twin's loss mixes the missing marks with the weights knowing the
typed query's pool. Here the reranker is trained on the real judged queries only (the twins never),
in sample (all of them) and over `train_ranker`'s five folds (same seed), and each twin is scored
with the weights of its typed query's fold: what a staff member typing the query without marks
meets of weights that never saw it. Each accented query's twin is its text folded and lowercased
(folded_twins.twin: a phone typing in a hurry), its grades the typed query's.

Prints nDCG@10 typed against twin per kind and per set, in sample and five folds, and with
`--worst N` the N twins losing most over the folds (only for sets already read).

    OMP_THREAD_LIMIT=1 .venv/bin/python -m benchmarks.folded_cv --store DIR [--worst N]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.folded_twins import ACCENTED_KINDS, print_means, twin
from benchmarks.train_ranker import (
    DEFAULT_POOL,
    JUDGMENTS,
    METHODS,
    Judged,
    dev_pools,
    fold_weights,
    ndcg,
)

Row = tuple[str, str, str, float, float]  # set, id, kind, nDCG typed, nDCG twin


def folded(query: dict[str, Any]) -> str | None:
    """The twin of an accented judged query (its text folded, lowercase), None for the others."""
    text = query["text"]
    retyped = twin(text, lowercase=True)
    return retyped if query["kind"] in ACCENTED_KINDS and retyped != text else None


def rows(sets: dict[str, list[Judged]], twins: dict[str, list[Judged]],
         weights: dict[str, np.ndarray]) -> list[Row]:
    """Each twin against its typed query, both scored with the typed query's weights."""
    out = []
    for name, queries in twins.items():
        typed = {q.qid: q for q in sets[name]}
        label = name.removeprefix("search_judgments").removeprefix("_").split(".")[0] or "first"
        for q in queries:
            w = weights[q.qid]
            out.append((label, q.qid, q.kind, ndcg(typed[q.qid], w), ndcg(q, w)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--judgments", type=Path, nargs="+", default=list(JUDGMENTS))
    parser.add_argument("--store", type=Path, help="the ingested dev store (reused when present)")
    parser.add_argument("--worst", type=int, default=0, help="print the N twins losing most (five folds)")
    args = parser.parse_args()
    from benchmarks import search_quality as sq
    from benchmarks.devcorpus import DEFAULT_CORPUS
    from index.sqlite_fts import SqliteFtsBackend

    method = METHODS["pairwise"]
    fit = method.fitter(method.penalty, method.features)
    with tempfile.TemporaryDirectory(prefix="kiemtra-foldedcv-") as tmp:
        folder = args.store or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        backend = SqliteFtsBackend(sq.build_store(DEFAULT_CORPUS, folder))
        try:
            sets = dev_pools(backend, args.judgments, DEFAULT_POOL)
            twins = dev_pools(backend, args.judgments, DEFAULT_POOL, folded)
        finally:
            backend.close()
    everyone = [q for qs in sets.values() for q in qs]
    in_sample = fit(everyone)
    folds = {q.qid: w for q, w in fold_weights(everyone, fit)}
    for title, weights in (("in sample", dict.fromkeys(folds, in_sample)), ("five folds", folds)):
        measured = rows(sets, twins, weights)
        print(f"## {title}: nDCG@10 typed and folded twin ({len(measured)} accented queries)")
        print_means("kind", measured, 2, typed_at=3, twin_at=4)
        print_means("set", measured, 0, typed_at=3, twin_at=4)
        if title == "five folds":
            for row in sorted(measured, key=lambda r: r[4] - r[3])[:args.worst]:
                print(f"{row[0]} {row[1]} {row[2]} {row[3]:.2f} → {row[4]:.2f}")


if __name__ == "__main__":
    main()
