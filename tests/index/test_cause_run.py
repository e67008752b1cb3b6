"""A cause's run brought into the rerank pool (pipeline/search.py with_continued) and the finding
right after another in its document on both engines (SearchBackend.following).

The findings are written for these tests: an article putting overdue dossiers down to two causes
in a run, the second said without the matter's words ("… còn lại do …"), among many findings
on overdue dossiers that give no cause.
"""

from __future__ import annotations

import pytest
from search_backends import BACKEND_PARAMS, indexed

from core.models import Area, Polarity
from index.base import FindingRecord, Query, SearchBackend
from pipeline.search import engine_pool, with_matters


def _rec(fid: str, text: str, doc: str, start: int) -> FindingRecord:
    return FindingRecord(finding_id=fid, doc_key=doc, doc_id=doc, text=text, words=text,
                         polarity=Polarity.SHORTCOMING, area=Area.TTHC, provinces=("Gia Lai",),
                         year=2025, published="2025-10-01", start=start, end=start + len(text))


RUN = (
    _rec("r1", "Toàn tỉnh có 998 hồ sơ trực tuyến quá hạn tiếp nhận.", "tin-7", 0),
    _rec("r2", "Có 70% số hồ sơ trực tuyến quá hạn là do dữ liệu đồng bộ chậm.", "tin-7", 80),
    _rec("r3", "30% còn lại do công chức thao tác chưa đúng quy trình.", "tin-7", 160),
    _rec("r4", "Đề nghị các xã chấn chỉnh việc tiếp nhận.", "tin-7", 240),
)
# Findings on the same matter that give no cause, each in a report of its own: more than a pool.
OTHERS = tuple(_rec(f"o{k}", f"Xã số {k} còn {k + 3} hồ sơ trực tuyến quá hạn trong quý.", f"bc-{k}", 0)
               for k in range(12))


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def backend(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SearchBackend:
    return indexed(request, tmp_path_factory, (*RUN, *OTHERS))


def _pool(backend: SearchBackend, text: str, pool: int = 8) -> list[str]:
    query = with_matters(Query(text=text, limit=pool))
    result, _ = engine_pool(backend, query, pool, backend.plan(text))
    return [h.record.finding_id for h in result.hits]


def test_following_is_the_next_finding_of_the_same_document(backend: SearchBackend) -> None:
    hits = backend.search(Query(text="dữ liệu đồng bộ chậm")).hits
    assert [h.record.finding_id for h in hits] == ["r2"]
    assert [h.record.finding_id for h in backend.following(hits)] == ["r3"]
    last = backend.search(Query(text="chấn chỉnh")).hits
    assert [h.record.finding_id for h in last] == ["r4"]
    assert backend.following(last) == []  # the document's last finding has none after it


def test_a_cause_question_takes_the_run_of_causes_into_a_full_pool(backend: SearchBackend) -> None:
    pool = _pool(backend, "vì sao hồ sơ trực tuyến bị quá hạn")
    assert len(pool) == 8
    assert "r2" in pool and "r3" in pool  # "30% còn lại do …" holds no word of the question


def test_the_same_words_asked_as_no_question_take_no_run(backend: SearchBackend) -> None:
    assert "r3" not in _pool(backend, "hồ sơ trực tuyến quá hạn")


def test_a_next_finding_giving_no_cause_is_not_taken(backend: SearchBackend) -> None:
    assert "r4" not in _pool(backend, "vì sao hồ sơ trực tuyến bị quá hạn")
