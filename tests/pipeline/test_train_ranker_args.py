"""benchmarks/train_ranker.py's options that only cross-validation reads: `--seed` (the dealing of
the k folds) and `--per-query` (each held-out query's score). Without `--cv` the script trains on
every set and writes the weights, so either was ignored in silence, and a user asking for "seed 3"
got the shipped weights rewritten instead (session 25). Refused in one line, before any store is
built or weight written."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from benchmarks import train_ranker


@pytest.mark.parametrize("given", [["--seed", "3"], ["--per-query", "pq.json"], ["--seed", "12"]])
def test_an_option_of_the_cross_validation_alone_is_refused(
        given: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "weights.json"
    monkeypatch.setattr(sys, "argv", ["train_ranker", "--store", str(tmp_path / "store"), "--out", str(out),
                                      *given])
    with pytest.raises(SystemExit) as stopped:
        train_ranker.main()
    assert stopped.value.code == 2
    said = capsys.readouterr().err.splitlines()[-1]
    assert said == f"train_ranker: error: {given[0]} needs --cv (training on every set uses neither)"
    assert not out.exists() and not (tmp_path / "store").exists()
