"""The ablation's split of a component's gain by when the judged sets entered (benchmarks/ablation.py):
the honest estimate is the queries of the sets added after it was built, never those read for it."""

from __future__ import annotations

import pytest

from benchmarks.ablation import Gain, split_gains


def test_the_gain_splits_by_the_set_each_query_came_in() -> None:
    # Four queries of three sets (0 the oldest); the component built with one set in the repository.
    order = {"a": 0, "b": 1, "c": 2, "d": 2}
    with_ = {"a": 0.9, "b": 0.5, "c": 0.8, "d": 0.6}
    without = {"a": 0.5, "b": 0.5, "c": 0.7, "d": 0.7}
    later, earlier, newest = split_gains(with_, without, order, built=1)
    assert (later.n, earlier.n, newest.n) == (3, 1, 2)
    assert earlier.mean == pytest.approx(0.4)  # the set read when it was built gains most
    assert later.mean == pytest.approx(0.0) and (later.won, later.lost) == (1, 1)  # "b" is level
    assert newest.mean == pytest.approx(0.0)


def test_a_gain_over_no_query_says_nothing() -> None:
    assert str(Gain.of([])) == "-"
    one = Gain.of([0.02, 0.0, -0.0005])
    assert (one.won, one.lost, one.n) == (1, 0, 3) and one.error > 0
    assert str(one).startswith("+0.0065 ±")
