"""The parity benchmark's counting (benchmarks/engine_parity.py): what it calls the same answer."""

from __future__ import annotations

import pytest

from benchmarks.engine_parity import Answer, agreement, kind_means, largest_gap


def test_agreement_tells_the_same_pool_from_the_same_order_and_top() -> None:
    same = (Answer(0.5, ("a", "b", "c"), ("a", "b")), Answer(0.5, ("a", "b", "c"), ("a", "b")))
    reordered = (Answer(0.9, ("a", "b", "c"), ("a", "b")), Answer(0.4, ("b", "a", "c"), ("b", "a")))
    apart = (Answer(0.7, ("a", "b"), ("a",)), Answer(0.7, ("a", "d"), ("a",)))
    counted = agreement([same, reordered, apart])
    assert (counted.queries, counted.same_pool, counted.same_order, counted.same_top) == (3, 2, 1, 2)


def test_kind_means_and_the_largest_gap_between_engines() -> None:
    kinds = ["topic", "topic", "unaccented"]
    sqlite = kind_means(kinds, [Answer(1.0, (), ()), Answer(0.5, (), ()), Answer(0.9, (), ())])
    elastic = kind_means(kinds, [Answer(1.0, (), ()), Answer(0.5, (), ()), Answer(0.6, (), ())])
    assert sqlite == pytest.approx({"topic": 0.75, "unaccented": 0.9, "all": 0.8})
    kind, gap = largest_gap(sqlite, elastic)
    assert kind == "unaccented" and abs(gap - 0.3) < 1e-9
