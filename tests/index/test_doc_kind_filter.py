"""The document-kind filter (Query.doc_kind) on both engines: the same findings, whatever the
kind's case or tone marks, alone or with words and other filters.

A finding's `doc_kinds` are the kinds of the numbered documents its document bears or cites
(index/records.py): an inspection report numbered "41/TB-UBND" under its heading, a news article
citing "Kế hoạch số 12/KH-UBND". The records are written for this test.
"""

from __future__ import annotations

import pytest
from search_backends import BACKEND_PARAMS, indexed

from core.models import Area, Polarity
from index.base import FindingRecord, Query, SearchBackend


def _rec(fid: str, doc: str, text: str, kinds: tuple[str, ...], polarity: Polarity) -> FindingRecord:
    return FindingRecord(finding_id=fid, doc_key=doc, doc_id=f"{doc}.txt", text=text, words=text,
                         polarity=polarity, area=Area.TTHC, year=2022, published="2022-03-10",
                         doc_kinds=kinds)


RECORDS = (
    _rec("r1", "thong-bao", "Bộ phận một cửa chưa cấp phiếu hẹn cho công dân.", ("Thông báo", "Quyết định"),
         Polarity.SHORTCOMING),
    _rec("r2", "thong-bao", "Xã đã niêm yết công khai thủ tục hành chính.", ("Thông báo", "Quyết định"),
         Polarity.STRENGTH),
    _rec("n1", "tin", "Một số hồ sơ đất đai còn giải quyết trễ hạn, chưa cấp phiếu hẹn.", ("Kế hoạch",),
         Polarity.SHORTCOMING),
    _rec("x1", "khac", "Xã chưa cập nhật cổng thông tin điện tử.", (), Polarity.SHORTCOMING),
)


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def backend(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SearchBackend:
    return indexed(request, tmp_path_factory, RECORDS)


def _ids(backend: SearchBackend, **query: object) -> set[str]:
    return {h.record.finding_id for h in backend.search(Query(limit=50, **query)).hits}  # type: ignore[arg-type]


@pytest.mark.parametrize(("kind", "expected"), [
    ("Kế hoạch", {"n1"}),
    ("kế hoạch", {"n1"}),
    ("ke hoach", {"n1"}),
    ("Thông báo", {"r1", "r2"}),
    ("Quyết định", {"r1", "r2"}),
    ("Biên bản", set()),
])
def test_both_engines_keep_the_findings_of_the_documents_bearing_or_citing_the_kind(
        backend: SearchBackend, kind: str, expected: set[str]) -> None:
    assert _ids(backend, doc_kind=kind) == expected
    assert backend.search(Query(doc_kind=kind, limit=0)).total == len(expected)


def test_the_kind_narrows_the_words_and_the_other_filters_alike(backend: SearchBackend) -> None:
    assert _ids(backend, text="phiếu hẹn") == {"r1", "n1"}
    assert _ids(backend, text="phiếu hẹn", doc_kind="Kế hoạch") == {"n1"}
    assert _ids(backend, text="phiếu hẹn", doc_kind="Thông báo") == {"r1"}
    assert _ids(backend, doc_kind="Thông báo", polarity="strength") == {"r2"}
    assert not _ids(backend, doc_kind="Kế hoạch", polarity="strength")
