"""A sealed judged set (benchmarks/sealed/*.json.gz) is read as its plain form is."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from benchmarks.search_quality import load_queries

SET = {"about": "a set of our own",
       "queries": [{"id": "T-1", "kind": "topic", "text": "phiếu hẹn",
                    "relevant": [{"doc_id": "d", "finding": 0, "grade": 2}]}]}


def test_sealed_and_plain_sets_read_alike(tmp_path: Path) -> None:
    plain = tmp_path / "set.json"
    plain.write_text(json.dumps(SET, ensure_ascii=False), encoding="utf-8")
    sealed = tmp_path / "set.json.gz"
    sealed.write_bytes(gzip.compress(plain.read_bytes(), mtime=0))
    assert b"phi" not in sealed.read_bytes()  # the seal: no query text readable in the file
    assert load_queries(sealed) == load_queries(plain) == SET["queries"]
