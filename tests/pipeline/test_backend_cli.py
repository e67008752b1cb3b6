"""`kiemtra --backend elasticsearch --es-url …`: the whole CLI against the real test server.

The reports are written for these tests. Each test gets its own index name (through
`--set es_index=…`) and store, and drops its indices afterwards.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from index.elastic import ElasticBackend
from pipeline.cli import cli

REPORTS = {
    "ket-luan-kiem-tra-xa-hoa-an.txt": (
        "ỦY BAN NHÂN DÂN HUYỆN ĐÔNG SƠN\n\nSố: 88/KL-UBND\n\n"
        "Đông Sơn, ngày 12 tháng 9 năm 2023\n\n"
        "Ngày 05/9/2023, Đoàn kiểm tra công tác cải cách hành chính đã làm việc tại UBND xã Hòa An.\n\n"
        "Bộ phận một cửa đã niêm yết công khai đầy đủ thủ tục hành chính. Tuy nhiên, công chức "
        "tiếp nhận chưa cấp phiếu hẹn trả kết quả cho người dân.\n\n"
        "Đề nghị UBND xã Hòa An chấn chỉnh ngay việc cấp phiếu hẹn."
    ),
    "bao-cao-phuong-tay-son.txt": (
        "ỦY BAN NHÂN DÂN THỊ XÃ AN NHƠN\n\nSố: 17/BC-UBND\n\n"
        "An Nhơn, ngày 20 tháng 3 năm 2024\n\n"
        "Qua kiểm tra tại UBND phường Tây Sơn, Đoàn ghi nhận nhiều hồ sơ đất đai trễ hạn nhưng "
        "không có văn bản xin lỗi người dân.\n\n"
        "Phường đã số hóa kết quả giải quyết thủ tục hành chính đúng tiến độ."
    ),
}


def kiemtra(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def es_args(es_url: str, es_prefix: str, tmp_path: Path) -> Iterator[list[str]]:
    """Global options that switch the CLI to a fresh Elasticsearch index and store."""
    index = f"{es_prefix}-cli-{uuid.uuid4().hex[:10]}"
    yield ["--db", str(tmp_path / "k.db"), "--backend", "elasticsearch", "--es-url", es_url,
           "--set", f"es_index={index}"]
    backend = ElasticBackend(es_url, index)
    backend.drop()
    backend.close()


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _physical(es_url: str, es_args: list[str]) -> list[str]:
    index = es_args[-1].split("=", 1)[1]
    backend = ElasticBackend(es_url, index)
    try:
        return sorted(backend.client.indices.get_alias(name=index).body)
    finally:
        backend.close()


def _search(es_args: list[str], *words: str, extra: tuple[str, ...] = ()) -> dict[str, Any]:
    result = kiemtra(*es_args, "search", *words, *extra, "--format", "json")
    assert result.exit_code == 0, result.output
    found: dict[str, Any] = json.loads(result.stdout)
    return found


@pytest.mark.elasticsearch
def test_ingest_search_stats_reindex_on_elasticsearch(es_url: str, es_args: list[str], inbox: Path) -> None:
    ingested = kiemtra(*es_args, "ingest", str(inbox), "--no-progress")
    assert ingested.exit_code == 0, ingested.output
    assert "2 new" in ingested.stdout and "not yet indexed" not in ingested.stdout

    found = _search(es_args, "phieu hen")
    hits = found["hits"]
    assert hits
    # Those of the words and of their matter; the matter's area closes a short page (pipeline/search.py).
    asked = [h for h in hits if h["tier"] == "words" or h["matter"]]
    assert asked and all("phiếu hẹn" in h["text"] for h in asked)
    assert {h["doc_id"] for h in asked} == {"ket-luan-kiem-tra-xa-hoa-an"}
    assert all(h["area"] == "tthc" for h in hits if h not in asked)
    late = _search(es_args, "hồ sơ trễ hạn", extra=("--polarity", "shortcoming"))
    of_words = [h["doc_id"] for h in late["hits"] if h["tier"] == "words" or h["matter"]]
    assert of_words == ["bao-cao-phuong-tay-son"]
    assert late["hits"][0]["doc_id"] == "bao-cao-phuong-tay-son"

    stats = json.loads(kiemtra(*es_args, "stats", "--format", "json").stdout)
    assert stats["documents"] == 2

    before = _physical(es_url, es_args)
    rebuilt = kiemtra(*es_args, "reindex")
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "reindexed 2 documents into elasticsearch" in rebuilt.stdout
    after = _physical(es_url, es_args)
    assert len(after) == 1 and after != before  # a new physical index behind the same alias
    again = _search(es_args, "phieu hen")
    assert again["total"] == found["total"]
    assert [h["text"] for h in again["hits"]] == [h["text"] for h in hits]


def test_unreachable_elasticsearch_stores_and_asks_for_reindex(tmp_path: Path, inbox: Path) -> None:
    """No server at the URL: documents are stored, the user is told to reindex, exit code 0."""
    args = ["--db", str(tmp_path / "k.db"), "--backend", "elasticsearch", "--es-url", "http://127.0.0.1:1"]
    result = kiemtra(*args, "ingest", str(inbox), "--no-progress")
    assert result.exit_code == 0, result.output
    assert "2 new" in result.stdout
    assert "2 stored but not yet indexed" in result.stdout and "kiemtra reindex" in result.stderr
    stats = json.loads(kiemtra(*args, "stats", "--format", "json").stdout)
    assert stats["documents"] == 2
    search = CliRunner().invoke(cli, [*args, "search", "phieu hen"])
    assert search.exit_code == 1 and "127.0.0.1:1" in search.stderr


def test_sqlite_reindex_keeps_the_same_answers(tmp_path: Path, inbox: Path) -> None:
    args = ["--db", str(tmp_path / "k.db"), "--backend", "sqlite"]
    assert kiemtra(*args, "ingest", str(inbox), "--no-progress").exit_code == 0
    before = _search(args, "thu tuc hanh chinh")
    rebuilt = kiemtra(*args, "reindex")
    assert "reindexed 2 documents into sqlite" in rebuilt.stdout
    after = _search(args, "thu tuc hanh chinh")
    assert after == before and after["total"]
