"""benchmarks/rule_reach.py: which cue entries fire in which documents, and what removing one does.

Short Vietnamese texts of the genre written here: one inspection paragraph with a fault ("chưa
niêm yết"), one with a demand ("Đề nghị ..."), so each cue's reach is known in advance.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from benchmarks.rule_reach import (
    NEVER,
    Entry,
    Trace,
    ablate,
    cue_entries,
    extract_docs,
    literal_branches,
    negative_spans,
    reach_of,
    traced,
)
from nlp.vi import cues

FAULT = ("Qua kiểm tra, UBND xã An Phú chưa niêm yết công khai đầy đủ các thủ tục hành chính tại "
         "Bộ phận tiếp nhận và trả kết quả.\n")
DEMAND = ("Đoàn kiểm tra đánh giá cao việc bố trí trụ sở khang trang. Đề nghị UBND xã Tân Lập khẩn trương "
          "cập nhật hồ sơ trên phần mềm một cửa điện tử.\n")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("reach")
    paths = {}
    for name, text in (("a", FAULT), ("b", DEMAND)):
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths[name] = path
    return paths


@pytest.fixture(scope="module")
def traced_run(corpus: dict[str, Path]) -> tuple[Trace, dict[str, dict[str, Any]]]:
    trace = Trace()
    with traced(trace):
        preds = extract_docs(list(corpus.values()), trace)
    return trace, preds


def _polarities(preds: dict[str, dict[str, Any]]) -> dict[str, float]:
    found = [f["polarity"] for p in preds.values() for f in p.get("findings", [])]
    return {kind: float(found.count(kind)) for kind in ("strength", "shortcoming", "recommendation")}


def test_literal_alternatives_are_found_outside_look_arounds() -> None:
    pattern = r"\b(?:lúng túng|xem nhẹ)\b|\bkhông\b(?! chỉ| gian)(?=[a-z]|x y)"
    assert literal_branches(pattern) == [(pattern.index("lúng"), "lúng túng"),
                                         (pattern.index("xem"), "xem nhẹ")]
    (start, end), = negative_spans(pattern)
    assert pattern[start:end] == " chỉ| gian"


def test_a_character_class_or_escape_does_not_split_alternatives() -> None:
    assert [w for _, w in literal_branches(r"(?:a[|)]b|\(x|y z|w)")] == ["y z", "w"]


def test_entries_are_elements_fragments_and_words_named_once() -> None:
    fake = SimpleNamespace(__file__=cues.__file__, NOT=cues.NOT, NEGATORS=cues.NEGATORS,
                           MIN_SCORE=1.0, SHORTCOMING=cues.SHORTCOMING[:2])
    names = [e.name for e in cue_entries(fake)]  # type: ignore[arg-type]
    assert names[:3] == ["NOT", "NOT/chưa", "NOT/không"]
    # NEGATORS is composed from NOT: its "chưa" is NOT's, listed once
    assert "NEGATORS/thiếu" in names and "NEGATORS/chưa" not in names
    assert "SHORTCOMING[0]" in names and "SHORTCOMING[1]" in names
    assert not any(n.startswith("MIN_SCORE") for n in names)


def test_removing_an_alternative_leaves_the_others() -> None:
    pattern = r"\b(?:lúng túng|xem nhẹ)\b"
    entry = Entry("X/xem nhẹ", pattern, "xem nhẹ", pattern.index("xem"))
    rx = re.compile(entry.removed)
    assert rx.search("còn lúng túng") and not rx.search("còn xem nhẹ")
    assert Entry("X", "abc").removed == NEVER


def test_tracing_changes_no_prediction(corpus: dict[str, Path],
                                       traced_run: tuple[Trace, dict[str, dict[str, Any]]]) -> None:
    _, preds = traced_run
    plain = extract_docs(list(corpus.values()), Trace())
    assert plain == preds


Run = tuple[Trace, dict[str, dict[str, Any]]]


def test_a_cue_fires_in_the_document_that_holds_it(traced_run: Run) -> None:
    trace, preds = traced_run
    entries = {e.name: e for e in cue_entries(cues)}
    chosen = [entries[n] for n in ("SHORTCOMING[0]", "RECOMMENDATION[0]", "RECOMMENDATION[0]/đề nghị",
                                   "RECOMMENDATION[0]/kiến nghị", "STRENGTH[1]")]
    reach = {r.entry.name: r for r in reach_of(chosen, trace, preds)}
    assert reach["SHORTCOMING[0]"].docs == ("a",) and reach["SHORTCOMING[0]"].findings == 1
    assert reach["RECOMMENDATION[0]"].docs == ("b",)
    assert reach["RECOMMENDATION[0]/đề nghị"].docs == ("b",)
    assert reach["RECOMMENDATION[0]/kiến nghị"].docs == ()
    assert reach["STRENGTH[1]"].docs == ("b",)  # "đánh giá cao"


def test_removing_the_only_fault_cue_loses_the_fault(corpus: dict[str, Path], traced_run: Run) -> None:
    trace, preds = traced_run
    entry = next(e for e in cue_entries(cues) if e.name == "SHORTCOMING[0]")
    reach, = reach_of([entry], trace, preds)
    effect = ablate(reach, corpus, preds, _polarities)
    assert effect["shortcoming"] < 0
    assert effect["recommendation"] == 0
