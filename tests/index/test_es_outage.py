"""Elasticsearch dies in the middle of an ingest run: nothing is lost, nothing is doubled.

The server is really stopped (scripts/elasticsearch.sh stop) between two documents of one run
and started again afterwards, whatever the test's outcome, so later tests find it running.
The reports are generated for this test from sentences of the genre.
"""

from __future__ import annotations

import subprocess
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from elastic_transport import Transport

from core.settings import Settings, load_settings
from index import elastic
from index.elastic import ElasticBackend
from index.store import Store
from pipeline import ingest
from pipeline.ingest import ingest_paths, rebuild_index
from pipeline.process import Outcome
from pipeline.runs import NEW

ES_SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "elasticsearch.sh"
STOP_AFTER = 2  # documents ingested (and indexed) before the server goes down
UNITS = ("xã Phú Lộc", "xã Tân Mỹ", "phường Hòa Khánh", "thị trấn Vĩnh Thạnh", "xã An Bình",
         "phường Đông Hải")
SHORTCOMINGS = ("chưa cấp phiếu hẹn trả kết quả cho người dân",
                "còn nhiều hồ sơ trễ hạn chưa có văn bản xin lỗi",
                "chưa cập nhật thủ tục hành chính lên cổng dịch vụ công", "chưa ký số văn bản điện tử gửi đi")


def _report(n: int, unit: str) -> str:
    """A short inspection conclusion: a strength, a shortcoming and a recommendation."""
    flaw = SHORTCOMINGS[n % len(SHORTCOMINGS)]
    return (
        f"ỦY BAN NHÂN DÂN HUYỆN QUẢNG NINH\n\nSố: {40 + n}/KL-UBND\n\n"
        f"Quảng Ninh, ngày {10 + n} tháng 10 năm 2024\n\n"
        f"Đoàn kiểm tra công tác cải cách hành chính đã làm việc tại UBND {unit} ngày {2 + n}/10/2024.\n\n"
        f"UBND {unit} đã niêm yết công khai đầy đủ thủ tục hành chính. Tuy nhiên, bộ phận một cửa {flaw}.\n\n"
        f"Đề nghị UBND {unit} khắc phục ngay những tồn tại nêu trên."
    )


def _script(command: str, timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ES_SCRIPT), command], capture_output=True, text=True, timeout=timeout,
                          check=False)


@pytest.fixture
def managed_server(es_url: str) -> Iterator[str]:
    """The script's server, guaranteed running again when the test ends."""
    if "pid " not in _script("status", 30).stdout:
        pytest.skip("the Elasticsearch server was not started by scripts/elasticsearch.sh; cannot stop it")
    try:
        yield es_url
    finally:
        started = _script("start", 600)
        assert started.returncode == 0, started.stderr


@pytest.fixture
def settings(managed_server: str, es_prefix: str, tmp_path: Path) -> Iterator[Settings]:
    index = f"{es_prefix}-outage-{uuid.uuid4().hex[:10]}"
    yield load_settings({"db_path": str(tmp_path / "k.db"), "backend": "elasticsearch",
                         "es_url": managed_server, "es_index": index})
    backend = ElasticBackend(managed_server, index)
    backend.drop()
    backend.close()


def _indexed_ids(settings: Settings) -> Counter[str]:
    """How many times each finding id is in the index (searched, not trusted from counters)."""
    backend = ElasticBackend(settings.es_url, settings.es_index)
    try:
        backend.refresh()
        response = backend.client.search(index=settings.es_index, size=10_000, source_includes=["finding_id"],
                                         query={"match_all": {}}, track_total_hits=True)
        assert response["hits"]["total"]["value"] == len(response["hits"]["hits"])
        return Counter(raw["_source"]["finding_id"] for raw in response["hits"]["hits"])
    finally:
        backend.close()


def _stored_ids(settings: Settings) -> list[str]:
    with Store(settings.database) as store:
        return [record.finding_id for record in store.finding_records()]


@pytest.mark.elasticsearch
@pytest.mark.slow
def test_server_stopped_mid_run_then_catch_up_and_reindex_hold_each_finding_once(
        settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n, unit in enumerate(UNITS):
        (inbox / f"ket-luan-{n:02d}.txt").write_text(_report(n, unit), encoding="utf-8")

    real_ingest_one = ingest.ingest_one
    outcomes: list[Outcome] = []
    requests = [0]  # what the backend asked the client to send, across the run
    sent: list[int] = []  # how many of them each document's ingest asked for
    real_perform = Transport.perform_request

    def counted(transport: Transport, *args: Any, **kwargs: Any) -> Any:
        requests[0] += 1
        return real_perform(transport, *args, **kwargs)

    def stop_server_midway(path: Path, **kwargs: Any) -> Outcome:
        if len(outcomes) == STOP_AFTER:
            stopped = _script("stop", 180)
            assert stopped.returncode == 0, stopped.stderr
        before = requests[0]
        outcomes.append(real_ingest_one(path, **kwargs))
        sent.append(requests[0] - before)
        return outcomes[-1]

    monkeypatch.setattr(ingest, "ingest_one", stop_server_midway)
    monkeypatch.setattr(Transport, "perform_request", counted)
    # The cooldown's length is not what is tested (its clock would make the count depend on
    # how fast a loaded machine ingests): that it is used, once the server proved unreachable.
    monkeypatch.setattr(elastic, "OUTAGE_COOLDOWN_S", 3600.0)
    summary = ingest_paths([inbox], settings=settings)
    after_stop = outcomes[STOP_AFTER:]
    monkeypatch.undo()
    started_again = _script("start", 600)
    assert started_again.returncode == 0, started_again.stderr

    # The run completed: every document stored, the last ones marked for indexing, and it did
    # not wait out timeouts per document: the first document after the stop learnt the server
    # was gone, the others asked it nothing (counted, not timed: a loaded machine passes).
    assert summary.counts[NEW] == len(UNITS) and not summary.failures
    assert summary.not_indexed == len(UNITS) - STOP_AFTER
    assert [o.indexed for o in outcomes] == [True] * STOP_AFTER + [False] * (len(UNITS) - STOP_AFTER)
    assert sent[STOP_AFTER] >= 1 and sent[STOP_AFTER + 1:] == [0] * (len(UNITS) - STOP_AFTER - 1), sent
    with Store(settings.database) as store:
        assert set(store.pending_index()) == {o.doc_key for o in after_stop}
    stored = _stored_ids(settings)
    assert len(stored) >= 2 * len(UNITS)  # findings were extracted, so the count means something

    # A second run skips the unchanged files but catches the index up first.
    again = ingest_paths([inbox], settings=settings)
    assert again.counts["skipped"] == len(UNITS)
    with Store(settings.database) as store:
        assert store.pending_index() == []
    indexed = _indexed_ids(settings)
    assert sorted(indexed) == sorted(stored) and set(indexed.values()) == {1}

    # And a full rebuild behind the alias gives the same: each finding exactly once.
    assert rebuild_index(settings) == len(UNITS)
    indexed = _indexed_ids(settings)
    assert sorted(indexed) == sorted(stored) and set(indexed.values()) == {1}
