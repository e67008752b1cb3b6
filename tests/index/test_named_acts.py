"""A verb of praise or sanction coordinated with another names the act, a matter, not a section of
the report, in either order; praise and blame listed prefer neither polarity (index/vi/intents.toml
[acts], index/query/compiling.py `compile_acts`, `Lexicon.act_pair`; plan22, plan23)."""

from __future__ import annotations

import dataclasses
from functools import partial

import pytest

from index.query import ActsError, compile_acts, compile_lexicon, load_lexicon, plan_query


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


def test_the_pair_is_read_in_either_order() -> None:
    """A verb of no cue before a cue of its kind is the same pair: "khen thưởng, tuyên dương"."""
    plan = plan_query("khen thưởng, tuyên dương cán bộ")
    assert said("khen thưởng, tuyên dương cán bộ") == [["khen thưởng", "tuyên dương"], ["cán bộ"]]
    assert plan.polarity == "strength" and not plan.section
    assert not plan.optional  # the praise cue is no ranked category word left over


def test_praise_and_blame_listed_ask_about_both_acts_preferring_neither() -> None:
    plan = plan_query("biểu dương, phê bình cán bộ")
    assert said("biểu dương, phê bình cán bộ") == [["biểu dương", "phê bình"], ["cán bộ"]]
    assert plan.polarity is None and not plan.section


def test_two_plain_verbs_stay_words_of_the_matter() -> None:
    """No cue asks for a section: "nhắc nhở, phê bình" stays a list of two required words."""
    assert said("nhắc nhở, phê bình") == [["nhắc nhở"], ["phê bình"]]


def test_the_kinds_are_read_from_the_cues_and_the_discipline_concept() -> None:
    """Each verb written once: the praise cues (`act = "praise"`) and [acts] praise; the sanctions the
    discipline concept's steps (concepts.toml)."""
    kinds = dict(load_lexicon().acts)
    praise = {" ".join(e) for e, _ in kinds["praise"]}
    sanction = {" ".join(e) for e, _ in kinds["sanction"]}
    assert {"biểu dương", "tuyên dương", "khen ngợi", "khen thưởng"} <= praise
    assert {"phê bình", "nhắc nhở", "khiển trách", "cảnh cáo", "kiểm điểm"} <= sanction
    assert not praise & sanction


def test_compile_acts_reads_the_tables() -> None:
    intents = [{"polarity": "strength", "act": "praise", "terms": ["biểu dương"]},
               {"polarity": "strength", "terms": ["dẫn đầu"]}]
    concepts = [{"broader": ["xử lý kỷ luật"], "narrower": ["phê bình", "nhắc nhở"]}]
    kinds = dict(compile_acts({"praise": ["khen thưởng"], "sanction": "xử lý kỷ luật"}, intents, concepts))
    assert {e for e, _ in kinds["praise"]} == {("biểu", "dương"), ("khen", "thưởng")}  # not "dẫn đầu"
    assert {e for e, _ in kinds["sanction"]} == {("phê", "bình"), ("nhắc", "nhở")}
    with pytest.raises(ActsError):
        compile_acts({"sanction": "kỷ luật lao động"}, intents, concepts)


def test_the_pair_from_a_lexicon() -> None:
    lexicon = dataclasses.replace(
        compile_lexicon([], [], intents=[{"polarity": "recommendation", "terms": ["bị phê bình"]}]),
        acts=compile_acts({"sanction": "x"}, [], [{"broader": ["x"], "narrower": ["phê bình", "nhắc nhở"]}]))
    typed = ["bị", "phê", "bình", "nhắc", "nhở", "x"]
    cue = lexicon.cue_at(typed, 0)
    pair = lexicon.act_pair(typed, 0, cue, partial(lexicon.cue_at, typed))
    assert pair is not None and pair.size == 5 and pair.lead == 1 and pair.cue == cue
    assert pair.verbs == (("phê", "bình"), ("nhắc", "nhở"))
    assert lexicon.act_pair(["bị", "phê", "bình", "vì", "x"], 0, cue, partial(lexicon.cue_at, typed)) is None
    plain = ["nhắc", "nhở", "phê", "bình"]  # no cue asks for a section
    assert lexicon.act_pair(plain, 0, None, partial(lexicon.cue_at, plain)) is None
