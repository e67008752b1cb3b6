"""A verb of praise or sanction coordinated with another names the act, a matter, not a section of
the report (index/vi/intents.toml [reading] `acts`, index/query.py `Lexicon.act_pair`; plan22)."""

from __future__ import annotations

from index.query import compile_lexicon, load_lexicon, plan_query


def said(text: str) -> list[list[str]]:
    return [[" ".join(a.syllables) for a in g.alternatives] for g in plan_query(text).groups]


def test_two_verbs_of_praise_side_by_side_are_one_matter_group() -> None:
    plan = plan_query("biểu dương khen thưởng cán bộ")
    assert said("biểu dương khen thưởng cán bộ") == [["biểu dương", "khen thưởng"], ["cán bộ"]]
    assert plan.polarity == "strength" and not plan.section  # the polarity preferred, no section
    assert said("bieu duong khen thuong can bo")[0] == ["bieu duong", "khen thuong"]


def test_a_sanction_and_another_listed_are_one_group_without_the_passive() -> None:
    plan = plan_query("bị phê bình, nhắc nhở sau kiểm tra")
    assert said("bị phê bình, nhắc nhở sau kiểm tra")[0] == ["phê bình", "nhắc nhở"]
    assert plan.polarity == "recommendation" and not plan.section and "bị" in plan.dropped


def test_a_lone_cue_of_praise_still_asks_for_its_section() -> None:
    plan = plan_query("Đoàn kiểm tra biểu dương cán bộ xã")
    assert plan.section and ["biểu dương"] not in said("Đoàn kiểm tra biểu dương cán bộ xã")


def test_the_pair_is_read_from_the_table() -> None:
    acts = compile_lexicon([], [], reading={"acts": ["phê bình", "nhắc nhở"]})
    pair = (("phê", "bình"), ("nhắc", "nhở"))
    assert acts.act_pair(["bị", "phê", "bình", "nhắc", "nhở", "x"], 0, 3) == (5, pair)
    assert acts.act_pair(["bị", "phê", "bình", "vì", "x"], 0, 3) == (0, ())  # no act follows
    assert load_lexicon().acts and acts.act_pair(["phê", "bình"], 0, 2) == (0, ())
