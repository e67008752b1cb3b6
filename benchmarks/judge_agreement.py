"""How far two judges of the same queries agree, in the measure search is held to (nDCG@10).

Why this benchmark: the search goal (nDCG@10 ≥ 0.85 on unseen queries) is measured against one
judge's grades. If two careful judges agreed only to 0.85, the goal would sit at the noise floor
and no ranking could be shown to meet it. Here one judge's grades are read as a ranking (grade 2
first, then grade 1) and scored against the other's, both ways. Findings one judge grades alike
are tied, and a tie has no order: the score is the EXPECTED nDCG over every order of each tie,
computed exactly (each finding of a tied group is equally likely at each of the group's ranks,
so a rank's expected gain is the group's mean gain).

The judgments name gold findings, so no store is needed: this compares judges, not engines.

    .venv/bin/python benchmarks/judge_agreement.py \
        benchmarks/search_judgments_twelfth.json benchmarks/second_judge_twelfth.json
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.search_quality import DEPTH, KINDS, dcg  # noqa: E402

Grades = dict[tuple[str, int], int]


def load_grades(path: Path) -> dict[str, tuple[str, Grades]]:
    """Query id → (kind, (doc_id, gold finding) → grade)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {
        q["id"]: (q["kind"], {(r["doc_id"], int(r["finding"])): int(r["grade"]) for r in q["relevant"]})
        for q in data["queries"]
    }


def expected_ndcg(ranking: Grades, truth: Grades, depth: int = DEPTH) -> float | None:
    """Expected nDCG@depth of `ranking`'s grades read as an order (ties in random order),
    scored by `truth`; None when the truth grades nothing (no ideal to divide by)."""
    best = dcg(sorted(truth.values(), reverse=True)[:depth])
    if not best:
        return None
    gained = 0.0
    start = 0
    for grade in sorted(set(ranking.values()), reverse=True):
        group = [truth.get(key, 0) for key, g in ranking.items() if g == grade]
        mean_gain = sum(2 ** g - 1 for g in group) / len(group)
        for rank in range(start, min(start + len(group), depth)):
            gained += mean_gain / math.log2(rank + 2)
        start += len(group)
    return gained / best


def agreement(ranking: dict[str, tuple[str, Grades]],
              truth: dict[str, tuple[str, Grades]]) -> dict[str, float]:
    """Mean expected nDCG per kind and over all queries both files share."""
    per_kind: dict[str, list[float]] = defaultdict(list)
    for qid, (kind, graded) in truth.items():
        if qid not in ranking:
            continue
        score = expected_ndcg(ranking[qid][1], graded)
        if score is not None:
            per_kind[kind].append(score)
            per_kind["all"].append(score)
    return {kind: sum(v) / len(v) for kind, v in per_kind.items()}


def overlap(first: dict[str, tuple[str, Grades]], second: dict[str, tuple[str, Grades]]) -> dict[str, Any]:
    """Counts of findings graded by each judge, by both, and graded alike by both."""
    shared = [q for q in first if q in second]
    both = [k for q in shared for k in first[q][1].keys() & second[q][1].keys()]
    alike = sum(1 for q in shared for k in first[q][1].keys() & second[q][1].keys()
                if first[q][1][k] == second[q][1][k])
    return {"queries": len(shared), "first": sum(len(first[q][1]) for q in shared),
            "second": sum(len(second[q][1]) for q in shared), "both": len(both), "same grade": alike}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("first", type=Path, help="judgments of the first judge")
    parser.add_argument("second", type=Path, help="the same queries judged by a second judge")
    args = parser.parse_args()
    first, second = load_grades(args.first), load_grades(args.second)
    kinds = [*KINDS, "all"]
    print("| ranking by | scored by | " + " | ".join(kinds) + " |")
    print("|---|---|" + "---|" * len(kinds))
    for label, other, ranking, truth in (("second", "first", second, first),
                                         ("first", "second", first, second)):
        scores = agreement(ranking, truth)
        print(f"| {label} judge | {other} judge | "
              + " | ".join(f"{scores[k]:.3f}" if k in scores else "–" for k in kinds) + " |")
    print(overlap(first, second))


if __name__ == "__main__":
    main()
