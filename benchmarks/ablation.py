"""Each reranker feature left out in turn, measured on the judged sets added after it was built.

Why: cross-validation (benchmarks/train_ranker.py --cv) holds out the ranker's training, not the
features written after reading the sets' errors, so it flatters them. The judged sets entered the
repository one by one, so a feature built when k sets were in was built blind to every later one:
its gain there is the honest estimate of what it carries to queries nobody tuned for
(docs/search-quality.md, Session 12: what carries to unseen queries).

For each feature of the shipped model (train_ranker.PAIRWISE) the model is trained without it,
each judged set held out in turn (trained on the others) and in five folds, and its gain per query
(held-out nDCG@10 with it minus without) is averaged over the sets added after its first commit
(`git log -S`), over those before, over the newest set, and over the folds; ± is the standard
error over queries, (won/lost) the queries moving more than 0.001. A set's entry is its first
commit (`git log --diff-filter=A`). Rule families and word lists are not features: the session 12
section says how they were measured (a copy of the code with the table emptied).

    .venv/bin/python -m benchmarks.ablation --store DIR   # DIR: benchmarks/search_quality.py --store
    .venv/bin/python -m benchmarks.ablation --store DIR --forward

`--forward` (session 18) measures instead what a set written tomorrow meets: each set from the
ninth on trained only on the sets before it, with and without each feature (and a few groups of
related ones), the gain per query averaged over those sets, over the newest four, per kind, and
over the five folds as a second view.
"""

from __future__ import annotations

import argparse
import math
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks import devcorpus  # noqa: F401 - puts this checkout first on sys.path
from benchmarks.train_ranker import (
    JUDGMENTS,
    PAIR_PENALTY,
    PAIRWISE,
    Judged,
    crossval,
    ndcg,
    train_pairwise,
)
from index.rerank import DEFAULT_POOL

REPO = Path(__file__).resolve().parents[1]
MOVED = 0.001  # a query's nDCG@10 moving less than this counts as level


def git_time(*args: str) -> int:
    """The author time (seconds) of the oldest commit `git log ARGS` lists; 0 when none."""
    out = subprocess.run(["git", "log", "--reverse", "--format=%at", *args], cwd=REPO,
                         capture_output=True, text=True, check=False).stdout.split()
    return int(out[0]) if out else 0


def held_out(sets: dict[str, list[Judged]],
             features: Sequence[str]) -> tuple[dict[str, float], dict[str, float]]:
    """Per query: its nDCG@10 with its set held out (trained on the others), and in the five
    folds: train_ranker.crossval's splits, the ones `--cv` prints."""
    *per_set, (_, folded, weights) = crossval(
        sets, lambda queries: train_pairwise(queries, PAIR_PENALTY, features))
    by_set = {q.qid: ndcg(q, w) for _, held, w in per_set for q in held}
    by_fold = {q.qid: ndcg(q, w) for q, w in zip(folded, weights, strict=True)}
    return by_set, by_fold


@dataclass(frozen=True)
class Gain:
    """A component's gain over some queries: mean, standard error, queries up and down."""

    mean: float
    error: float
    won: int
    lost: int
    n: int

    @classmethod
    def of(cls, diffs: Sequence[float]) -> Gain:
        n = len(diffs)
        if not n:
            return cls(0.0, 0.0, 0, 0, 0)
        mean = sum(diffs) / n
        spread = math.sqrt(sum((d - mean) ** 2 for d in diffs) / max(n - 1, 1))
        won, lost = sum(d > MOVED for d in diffs), sum(d < -MOVED for d in diffs)
        return cls(mean, spread / math.sqrt(n), won, lost, n)

    def __str__(self) -> str:
        if not self.n:
            return "-"
        return f"{self.mean:+.4f} ±{self.error:.4f} ({self.won}/{self.lost}, n={self.n})"


FORWARD_FROM = 8  # the ninth set: the first with eight sets before it to train on
GROUPS = {"lexical": ("typed", "exact", "adjacent"), "matter": ("theme", "spoken", "matter_words"),
          "pool context": ("feedback", "passage", "beside", "heading"), "place": ("area", "unit"),
          "answer": ("answer", "result")}


def forward(sets: dict[str, list[Judged]], features: Sequence[str],
            first: int = FORWARD_FROM) -> dict[str, float]:
    """Per query of each set from the `first`-th on: its nDCG@10 with the weights trained only on
    the sets before its own (sets in the order they were written), as a new set meets them."""
    names = list(sets)
    out: dict[str, float] = {}
    for k in range(first, len(names)):
        weights = train_pairwise([q for n in names[:k] for q in sets[n]], PAIR_PENALTY, features)
        out.update((q.qid, ndcg(q, weights)) for q in sets[names[k]])
    return out


def split_gains(with_: dict[str, float], without: dict[str, float], order: dict[str, int],
                built: int) -> tuple[Gain, Gain, Gain]:
    """The gain on the queries of sets after the `built`-th (order: query → its set's place,
    0 first), on those of the sets before, and on the newest set's."""
    diffs = {qid: with_[qid] - without[qid] for qid in with_}
    last = max(order.values())
    return (Gain.of([d for q, d in diffs.items() if order[q] >= built]),
            Gain.of([d for q, d in diffs.items() if order[q] < built]),
            Gain.of([d for q, d in diffs.items() if order[q] == last]))


def main() -> None:
    from benchmarks import search_quality as sq
    from benchmarks.devcorpus import DEFAULT_CORPUS
    from benchmarks.train_ranker import dev_pools
    from index.sqlite_fts import SqliteFtsBackend

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--store", type=Path, required=True,
                        help="the ingested dev store (benchmarks/search_quality.py --store)")
    parser.add_argument("--forward", action="store_true",
                        help="each set from the ninth on trained only on the sets before it")
    args = parser.parse_args()
    backend = SqliteFtsBackend(sq.build_store(DEFAULT_CORPUS, args.store))
    try:
        sets = dev_pools(backend, JUDGMENTS, DEFAULT_POOL)
    finally:
        backend.close()
    if args.forward:
        print_forward(sets)
        return
    entered = [git_time("--diff-filter=A", "--", str(path.relative_to(REPO))) for path in JUDGMENTS]
    order = {q.qid: k for k, path in enumerate(JUDGMENTS) for q in sets[path.name]}
    full = held_out(sets, PAIRWISE)
    print("| feature | built with (sets in) | gain on later sets | on earlier sets | on the newest "
          "| five folds |")
    print("|---|---|---|---|---|---|")
    for feature in PAIRWISE:
        made = git_time(f'-S"{feature}": ', "--", "index/rerank.py")
        built = sum(t <= made for t in entered)
        without = held_out(sets, tuple(f for f in PAIRWISE if f != feature))
        later, earlier, newest = split_gains(full[0], without[0], order, built)
        folds = Gain.of([full[1][q] - without[1][q] for q in full[1]])
        print(f"| {feature} | {built} | {later} | {earlier} | {newest} | {folds} |", flush=True)


def print_forward(sets: dict[str, list[Judged]]) -> None:
    """Each feature's and group's forward gain (`forward`): over the sets from the ninth on, the
    newest four, per kind; and over the five folds."""
    names = list(sets)
    kind = {q.qid: q.kind for qs in sets.values() for q in qs}
    newest = {q.qid for n in names[-4:] for q in sets[n]}
    kinds = sorted({q.kind for qs in sets.values() for q in qs})
    full, folds = forward(sets, PAIRWISE), held_out(sets, PAIRWISE)[1]
    print("| left out | forward (ninth on) | newest four | five folds | " + " | ".join(kinds) + " |")
    print("|---|---|---|---|" + "---|" * len(kinds))
    left = {f: (f,) for f in PAIRWISE if f != "rank"} | GROUPS
    for label, out in left.items():
        kept = tuple(f for f in PAIRWISE if f not in out)
        without, folded = forward(sets, kept), held_out(sets, kept)[1]
        diffs = {q: full[q] - without[q] for q in full}
        by_kind = [Gain.of([d for q, d in diffs.items() if kind[q] == k]).mean for k in kinds]
        print(f"| {label} | {Gain.of(list(diffs.values()))} | "
              f"{Gain.of([d for q, d in diffs.items() if q in newest])} | "
              f"{Gain.of([folds[q] - folded[q] for q in folds])} | "
              + " | ".join(f"{g:+.4f}" for g in by_kind) + " |", flush=True)


if __name__ == "__main__":
    main()
