"""The judged queries' plans compared across commits (benchmarks/plan_changes.py)."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.plan_changes import changed, judged_texts, shown
from index.query import Group, Plan


def test_each_judged_text_is_planned_once_in_the_order_of_the_sets(tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text(json.dumps({"queries": [{"text": "hồ sơ trễ hạn"}, {"text": "xã nào giảm"}]}),
                     encoding="utf-8")
    second.write_text(json.dumps({"queries": [{"text": "xã nào giảm"}, {"text": "cán bộ vắng mặt"}]}),
                      encoding="utf-8")
    assert judged_texts([first, second]) == ["hồ sơ trễ hạn", "xã nào giảm", "cán bộ vắng mặt"]


def test_a_plan_changed_or_planned_on_one_side_only_is_printed() -> None:
    before = {"a": "Plan(polarity=None)", "b": "Plan()", "c": "Plan()"}
    after = {"a": "Plan(polarity='shortcoming')", "b": "Plan()", "d": "Plan()"}
    assert changed(before, after) == ["a", "c", "d"]


def test_a_plan_is_shown_by_the_fields_it_sets() -> None:
    """A field added to the Plan moves only the plans that set it, not every saved one."""
    assert shown(Plan()) == "Plan()"
    assert shown(Plan(polarity="shortcoming", inspector="Sở Nội vụ")) == (
        "Plan(polarity='shortcoming', inspector='Sở Nội vụ')")
    assert shown(Plan(groups=(Group(()),))).startswith("Plan(groups=(Group(alternatives=()")
