"""The judge-agreement benchmark's expected nDCG over tied orders (benchmarks/judge_agreement.py)."""

from __future__ import annotations

import itertools

import pytest

from benchmarks.judge_agreement import agreement, expected_ndcg
from benchmarks.search_quality import ndcg


def _mean_over_orders(ranking: dict[tuple[str, int], int], truth: dict[tuple[str, int], int]) -> float:
    """Brute force: the mean nDCG over every order that keeps the higher grade first."""
    scores = []
    for order in itertools.permutations(ranking):
        grades = [ranking[k] for k in order]
        if grades != sorted(grades, reverse=True):
            continue
        scores.append(ndcg([truth.get(k, 0) for k in order], list(truth.values())))
    return sum(scores) / len(scores)


def test_identical_judges_agree_fully() -> None:
    grades = {("a", 0): 2, ("a", 1): 1, ("b", 3): 2}
    assert expected_ndcg(grades, grades) == pytest.approx(1.0)


def test_ties_score_the_mean_over_their_orders() -> None:
    ranking = {("a", 0): 2, ("a", 1): 2, ("a", 2): 2, ("b", 0): 1, ("b", 1): 1}
    truth = {("a", 1): 2, ("b", 1): 1, ("c", 0): 2}
    score = expected_ndcg(ranking, truth)
    assert score is not None and score < 1.0
    assert score == pytest.approx(_mean_over_orders(ranking, truth))


def test_a_query_the_truth_grades_nothing_is_left_out() -> None:
    assert expected_ndcg({("a", 0): 2}, {}) is None
    first = {"q1": ("topic", {("a", 0): 2}), "q2": ("unit", {})}
    second = {"q1": ("topic", {("a", 1): 2}), "q2": ("unit", {("a", 0): 1})}
    assert agreement(second, first) == {"topic": 0.0, "all": 0.0}
