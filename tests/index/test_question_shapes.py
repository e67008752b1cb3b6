"""How staff ask questions, searched on findings written for these tests: what a question of the
genre's shapes asks for ("… thì bị xử lý thế nào", "… có đáp ứng yêu cầu … không") decides the
order, read from index/vi/intents.toml by index/query."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from core.models import Area, Polarity
from index.base import FindingRecord, Query, SearchBackend

NEG, REC = Polarity.SHORTCOMING.value, Polarity.RECOMMENDATION.value
CONG_VU = Area.CONG_VU.value


def _rec(fid: str, text: str, polarity: str, doc: str) -> FindingRecord:
    words = " ".join(text.split())  # the tests' texts need no segmentation: syllables match
    return FindingRecord(finding_id=fid, doc_key=doc, doc_id=f"{doc}.pdf", text=text, words=words,
                         polarity=polarity, area=CONG_VU, year=2024, published="2024-05-01",
                         units=("Hải Lệ",), unit_levels=("xã Hải Lệ",), provinces=("Quảng Trị",),
                         doc_kinds=("báo cáo",), doc_numbers=("12/BC-UBND",))


RECORDS = (
    # an unannounced check finds staff absent (shortcomings) and prescribes what befalls them
    _rec("a1", "Tại thời điểm kiểm tra đột xuất, nhiều cán bộ xã vắng mặt không rõ lý do.", NEG, "doca"),
    _rec("a2", "Xã Hải Lệ có 5/19 cán bộ, công chức vắng mặt tại trụ sở.", NEG, "doca"),
    _rec("a3", "Cán bộ không chuyên trách vắng mặt chiếm tỷ lệ cao.", NEG, "doca"),
    _rec("r1", "Yêu cầu UBND xã tổ chức kiểm điểm, làm rõ trách nhiệm của cán bộ vắng mặt.", REC, "doca"),
    # whether the commune staff meet the standard: the answer is what was found, not a request
    _rec("c1", "Đội ngũ công chức cấp xã còn hạn chế về năng lực, chưa đáp ứng yêu cầu nhiệm vụ.",
         NEG, "docc"),
    _rec("c2", "Yêu cầu UBND huyện bồi dưỡng nâng cao năng lực cho công chức cấp xã.", REC, "docc"),
    _rec("c3", "Đề nghị UBND huyện yêu cầu công chức cấp xã tham gia bồi dưỡng năng lực.", REC, "docc"),
)


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchBackend]:
    from index.sqlite_fts import SqliteFtsBackend

    folder: Path = tmp_path_factory.mktemp("question-shapes")
    shared = SqliteFtsBackend(folder / "search.db")
    assert shared.index(RECORDS) == len(RECORDS)
    yield shared
    shared.close()


def ids(backend: SearchBackend, text: str) -> list[str]:
    return [h.record.finding_id for h in backend.search(Query(text=text, limit=10)).hits]


def test_what_befalls_absent_staff_is_the_recommendation_prescribed(backend: SearchBackend) -> None:
    """"… thì bị xử lý thế nào" asks for the sanction, which the recommendations prescribe."""
    found = ids(backend, "cán bộ vắng mặt khi kiểm tra đột xuất thì bị xử lý thế nào")
    assert found[0] == "r1" and {"a1", "a2", "a3"} <= set(found)


def test_meeting_the_standard_asks_for_what_was_found_not_for_requests(backend: SearchBackend) -> None:
    """"có đáp ứng yêu cầu … không": "yêu cầu" is the standard, not the verb of a request."""
    found = ids(backend, "công chức cấp xã có đáp ứng yêu cầu năng lực không")
    assert found[0] == "c1"
