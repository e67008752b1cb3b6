"""A conclusion's general remedy (index/remedies.py, index/vi/remedies.toml): which recommendations
are general, the compiler's rules, the lookup by document on both engines
(SearchBackend.of_documents), the join to a pool of shortcomings (pipeline/remedies.py) and the
reranker feature reading it (index/rerank.py remedy_after). Texts written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from core.models import Area, Polarity
from index.base import TIER_WORDS, FindingRecord, Hit, Query, SearchBackend, SearchResult
from index.query import Plan
from index.remedies import RemedyError, compile_remedies, load_remedies
from index.rerank import FEATURES, Asked, candidates, remedy_after
from pipeline.remedies import with_remedies
from pipeline.search import composed_pool
from tests.index.search_backends import BACKEND_PARAMS, indexed


@pytest.mark.parametrize("text", [
    "Đoàn kiểm tra đề nghị UBND xã khắc phục những tồn tại, hạn chế nêu trên",
    "yêu cầu người đứng đầu có giải pháp khắc phục ngay",
    "đề nghị các phòng chuyên môn chấn chỉnh, khắc phục kịp thời",
    "đề nghị các đơn vị khắc phục và xử lý những thiếu sót trên",
    "yêu cầu xã xây dựng kế hoạch khắc phục các hạn chế mà Đoàn đã chỉ ra",
    "phát huy ưu điểm, khắc phục những hạn chế, yếu kém để làm tốt hơn công tác cải cách hành chính",
    "Tổ kiểm tra đã lập biên bản, nhắc nhở nhằm sớm khắc phục để công việc đi vào nề nếp",
    "khắc phục những sai sót qua kiểm tra và báo cáo kết quả trước ngày 30/6",
])
def test_general_remedies(text: str) -> None:
    assert load_remedies().is_general(text)


@pytest.mark.parametrize("text", [
    "chấn chỉnh tình trạng cán bộ vi phạm giờ giấc làm việc",  # its object names the matter
    "khắc phục, hạn chế tình trạng hồ sơ trễ hẹn",  # "hạn chế" a verb with an object of its own
    "khắc phục những hạn chế trong công tác văn thư, lưu trữ",  # narrowed to a matter
    "xử lý nghiêm cán bộ, công chức có vi phạm",
    "có giải pháp giảm tỷ lệ hồ sơ trễ hẹn",
    "tiếp tục phát huy những kết quả đạt được",
])
def test_remedies_naming_a_matter_of_their_own_are_not_general(text: str) -> None:
    assert not load_remedies().is_general(text)


def _data(**over: object) -> dict[str, Any]:
    table: dict[str, object] = {"verbs": ["khắc phục"], "objects": ["hạn chế"], "between": ["những"],
                                "bare_ends": ["để"], "follows": ["nêu trên"], "why": "the genre"}
    table.update(over)
    return {"remedies": table}


def test_the_compiler_reads_each_list() -> None:
    remedies = compile_remedies(_data())
    assert remedies.is_general("khắc phục những hạn chế nêu trên")
    assert not remedies.is_general("khắc phục những hạn chế về cơ sở vật chất")
    assert not remedies.is_general("khắc phục các hạn chế nêu trên")  # "các" is not in `between`


@pytest.mark.parametrize(("data", "names"), [
    ({}, "is missing"),
    (_data(why=""), "why"),
    (_data(verbs=[]), "verbs"),
    (_data(objects=["hạn chế", " "]), "objects"),
    (_data(follows="nêu trên"), "follows"),
])
def test_the_compiler_refuses_a_malformed_table(data: dict[str, Any], names: str) -> None:
    with pytest.raises(RemedyError, match=names):
        compile_remedies(data)


def _rec(fid: str, doc: str, text: str, polarity: Polarity, start: int) -> FindingRecord:
    return FindingRecord(finding_id=fid, doc_key=doc, doc_id=doc, text=text, words=text,
                         polarity=polarity, area=Area.TTHC, year=2024, published="2024-05-02",
                         start=start, end=start + len(text))


SHORT, ASKED, GOOD = Polarity.SHORTCOMING, Polarity.RECOMMENDATION, Polarity.STRENGTH
RECORDS = (
    _rec("k1", "kl-1", "Bộ phận một cửa chưa niêm yết đầy đủ thủ tục hành chính.", SHORT, 100),
    _rec("k2", "kl-1", "Sổ theo dõi hồ sơ ghi chép chưa đầy đủ.", SHORT, 200),
    _rec("k4", "kl-1", "Đề nghị UBND xã khắc phục những tồn tại, hạn chế nêu trên.", ASKED, 400),
    _rec("k3", "kl-1", "Đề nghị UBND xã tăng cường ứng dụng chữ ký số.", ASKED, 300),
    _rec("k5", "kl-1", "Xã đã niêm yết công khai số điện thoại đường dây nóng.", GOOD, 50),
    _rec("m1", "kl-2", "Yêu cầu phường có giải pháp khắc phục ngay.", ASKED, 90),
    _rec("m2", "kl-2", "Phường còn để hồ sơ trễ hẹn.", SHORT, 10),
)


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def backend(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SearchBackend:
    return indexed(request, tmp_path_factory, RECORDS)


def test_the_lookup_by_document_in_the_documents_order(backend: SearchBackend) -> None:
    found = backend.of_documents(["kl-2", "kl-1"], Polarity.RECOMMENDATION)
    assert [h.record.finding_id for h in found] == ["m1", "k3", "k4"]  # by document, then offset
    assert [h.record.finding_id for h in backend.of_documents(["kl-1", "kl-2"], Polarity.RECOMMENDATION)] \
        == ["k3", "k4", "m1"]
    assert backend.of_documents([], Polarity.RECOMMENDATION) == []
    assert [h.record.finding_id for h in backend.of_documents(["kl-1"], Polarity.STRENGTH)] == ["k5"]


def test_a_shortcomings_pool_gains_its_documents_general_remedy(backend: SearchBackend) -> None:
    found, _ = composed_pool(backend, Query(text="chưa niêm yết thủ tục hành chính"), 30)
    ids = [h.record.finding_id for h in found.hits]
    assert ids[0] == "k1"
    assert "k4" in ids and "k3" not in ids  # the general remedy, not the one naming its matter
    assert "m1" not in ids  # of a document whose shortcomings the pool does not hold


def test_no_remedy_for_strengths_or_under_a_filter(backend: SearchBackend) -> None:
    strengths, _ = composed_pool(backend, Query(text="ưu điểm niêm yết thủ tục hành chính"), 30)
    assert "k4" not in [h.record.finding_id for h in strengths.hits]
    filtered, _ = composed_pool(backend, Query(text="niêm yết thủ tục hành chính", year=2024), 30)
    assert "k4" not in [h.record.finding_id for h in filtered.hits]


class _NoLookup(SearchBackend):
    """An engine that looks nothing up by document (the default of_documents)."""

    name = "none"

    def index(self, records: Any) -> int:
        return 0

    def delete_document(self, doc_key: str) -> None: ...

    def search(self, query: Query, plan: Plan | None = None, memo: Any = None) -> SearchResult:
        return SearchResult(0, ())

    def plan(self, text: Any) -> Plan:
        return Plan()

    def titled(self, query: Query, plan: Plan, limit: int) -> list[Hit]:
        return []

    def similar(self, finding_id: str, limit: int = 5) -> list[Hit]:
        return []

    def count(self) -> int:
        return 0

    def clear(self) -> None: ...


def test_an_engine_without_the_lookup_keeps_its_pool() -> None:
    pool = SearchResult(1, (Hit(RECORDS[0], 1.0, "", TIER_WORDS),), plan=Plan())
    assert with_remedies(_NoLookup(), pool, Query(text="niêm yết")) == pool


def test_the_feature_follows_its_documents_best_shortcoming() -> None:
    # The pool: m1, k1, m2, k4, k2, k3 (the engine's order).
    order = (RECORDS[5], RECORDS[0], RECORDS[6], RECORDS[2], RECORDS[1], RECORDS[3])
    cands = candidates([Hit(r, 1.0, "", TIER_WORDS) for r in order])
    asked = Asked(Plan())
    values = {c.record.finding_id: remedy_after(c, asked, 30) for c in cands}
    rank = FEATURES["rank"]
    assert values["k4"] == pytest.approx(rank(cands[1], asked, 30))  # its document's best shortcoming k1
    assert values["m1"] == pytest.approx(rank(cands[2], asked, 30))  # m2
    assert values["k3"] == values["k1"] == values["m2"] == 0.0  # not a general remedy
    assert remedy_after(cands[3], Asked(Plan(polarity="strength")), 30) == 0.0
