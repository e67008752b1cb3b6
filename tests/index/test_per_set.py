"""The per-set count table and detail file the search benchmarks print (benchmarks/per_set.py)."""

import json
from pathlib import Path

import pytest

from benchmarks.per_set import print_counts, set_label, write_detail


def test_a_set_is_labelled_by_its_suffix_and_the_first_set_by_name() -> None:
    assert set_label("search_judgments_ninth.json") == "_ninth"
    assert set_label("search_judgments.json") == "_first"


def test_counts_print_one_row_per_class_with_its_total(capsys: pytest.CaptureFixture[str]) -> None:
    counts = {"search_judgments.json": {"cut": 2, "pool": 0},
              "search_judgments_fifth.json": {"cut": 1, "pool": 4}}
    print_counts("class", list(counts), ("cut", "pool"), counts)
    assert capsys.readouterr().out.splitlines() == [
        "| class | _first | _fifth | all |", "|---|---|---|---|",
        "| cut | 2 | 1 | 3 |", "| pool | 0 | 4 | 4 |"]


def test_detail_is_one_json_line_per_item_with_accents_kept(tmp_path: Path) -> None:
    path = tmp_path / "detail.jsonl"
    write_detail(path, [{"text": "phiếu hẹn"}, {"text": "hồ sơ"}])
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == '{"text": "phiếu hẹn"}'
    assert [json.loads(line)["text"] for line in lines] == ["phiếu hẹn", "hồ sơ"]
    write_detail(None, [{"text": "x"}])  # no path: nothing written, nothing raised
