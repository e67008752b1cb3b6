"""The genre's indicators (index/indicators.py, index/vi/indicators.toml): a query naming one, a
finding stating a result, the compiler's rules, and the reranker feature weighing them."""

from __future__ import annotations

import pytest

from core.models import Area, Polarity
from index.base import FindingRecord, Query
from index.indicators import IndicatorError, compile_indicators, load_indicators
from index.query import Plan
from index.rerank import FEATURES, Asked, Candidate, result_stated


def _data(**over: object) -> dict[str, object]:
    data: dict[str, object] = {
        "indicators": {"names": ["chỉ số", "xếp hạng"], "why": "the indexes"},
        "results": {"phrases": ["xếp thứ", "đứng đầu"], "measures": ["điểm", "%"],
                    "unlike": ["người đứng đầu"], "why": "the results"},
    }
    data.update(over)
    return data


@pytest.mark.parametrize("query", [
    "PAR INDEX các huyện",
    "xếp hạng chỉ số CCHC",
    "xep hang chi so cai cach hanh chinh",  # typed without accents: every form
    "SIPAS hài lòng của người dân",
    "khao sat muc do hai long cua nguoi dan",
    "vì sao chỉ số CCHC của thành phố bị tụt hạng",
    "tỷ lệ văn bản ký số đạt bao nhiêu",  # a value asked: its answer states a result
    "ty le ho so dung han la bao nhieu phan tram",
])
def test_queries_naming_an_indicator(query: str) -> None:
    assert load_indicators().named_in(query)


@pytest.mark.parametrize("query", [
    "máy lấy số xếp hàng",  # typed with accents: the queue, not the ranking
    "niêm yết thủ tục hành chính",
    "hồ sơ trễ hạn",
    "tỷ lệ hồ sơ nộp trực tuyến",  # a rate names its own subject: not an indicator (the data says why)
    "chỉ đạo điều hành CCHC",  # "chỉ" alone, no "số"
])
def test_queries_naming_none(query: str) -> None:
    assert not load_indicators().named_in(query)


@pytest.mark.parametrize("text", [
    "huyện Krông Năng đạt 92,16 điểm, xếp thứ 2",
    "UBND TP. Buôn Ma Thuột tiếp tục là đơn vị dẫn đầu toàn tỉnh",
    "điểm xếp thứ hạng của thành phố giảm 1 bậc (từ bậc 8 xuống bậc 9)",
    "Bắc Giang đứng vị trí thứ 4 trên tổng số 63 tỉnh, với số điểm đạt được 88,54/100",
    "mức độ hài lòng của người dân đạt 98,5%",
    "có 7 đơn vị xếp loại tốt và 3 đơn vị xếp loại khá",
])
def test_findings_stating_a_result(text: str) -> None:
    assert load_indicators().states_result(text)


@pytest.mark.parametrize("text", [
    "có giải pháp cải thiện chỉ số CCHC trong thời gian đến",
    "không tổ chức Hội nghị công bố kết quả xếp hạng Chỉ số CCHC năm 2024",
    "trách nhiệm của người đứng đầu cơ quan trong công tác CCHC",  # the head of a body
    "Quyết định số 700/QĐ-UBND ngày 24/4/2020 công nhận 07/20 sở",  # dates and counts: no measure
    "ảnh hưởng đến thứ hạng của tỉnh",  # the place named, not given
    "công nhận 07/20 sở được xếp loại hoàn thành xuất sắc nhiệm vụ",  # the yearly review's grade
])
def test_findings_naming_no_result(text: str) -> None:
    assert not load_indicators().states_result(text)


@pytest.mark.parametrize("text", [
    "năm 2024 có 15 điểm tiếp nhận hồ sơ",
    "toàn tỉnh có 3 điểm giao dịch và 12 điểm bưu điện văn hóa xã",
    "bố trí 4 điểm phục vụ hành chính công",
    "hội nghị trực tuyến kết nối 120 điểm cầu",
])
def test_a_count_of_places_is_no_score(text: str) -> None:
    # "Điểm" after a number is also a place (the data's `unlike` says why): counted, not scored.
    assert not load_indicators().states_result(text)


def test_a_score_beside_a_count_of_places_still_reads_as_a_score() -> None:
    assert load_indicators().states_result("có 15 điểm tiếp nhận; huyện A đạt 88,5 điểm")


def test_a_compiled_table_matches_as_its_data_says() -> None:
    indicators = compile_indicators(_data())
    assert indicators.named_in("chi so hai long") and not indicators.named_in("tỷ lệ hồ sơ")
    assert indicators.states_result("đạt 95 %") and indicators.states_result("xếp   thứ 3")
    assert not indicators.states_result("người đứng đầu cơ quan")
    assert indicators.states_result("người đứng đầu cơ quan; huyện A đứng đầu")


@pytest.mark.parametrize("over, message", [
    ({"indicators": {"names": ["chỉ số"]}}, r"\[indicators\] needs a `why`"),
    ({"indicators": {"names": [], "why": "x"}}, r"\[indicators\] needs a non-empty list `names`"),
    ({"results": {"phrases": ["xếp thứ"], "why": "x"}}, r"\[results\] needs a non-empty list `measures`"),
    ({"results": {"phrases": ["  "], "measures": ["điểm"], "why": "x"}}, r"empty or non-string"),
    ({"results": None}, r"\[results\] is missing"),
])
def test_the_compiler_names_what_is_wrong(over: dict[str, object], message: str) -> None:
    data = _data(**over)
    if over.get("results", "") is None:
        del data["results"]
    with pytest.raises(IndicatorError, match=message):
        compile_indicators(data)


def _cand(text: str) -> Candidate:
    record = FindingRecord(finding_id="a", doc_key="doc-a", doc_id="a.pdf", text=text, words="",
                           polarity=Polarity.STRENGTH, area=Area.CHUNG, year=2024)
    return Candidate(record, 0)


def test_the_feature_weighs_a_result_only_when_an_indicator_is_asked() -> None:
    assert FEATURES["result"] is result_stated
    asked = Asked.of(Query(text="PAR INDEX các huyện"), Plan())
    other = Asked.of(Query(text="hồ sơ trễ hạn"), Plan())
    assert asked.indicator and not other.indicator
    result, plan = _cand("huyện Krông Pắc đạt 91,7 điểm, xếp thứ 3"), _cand("nâng cao chỉ số CCHC")
    assert [result_stated(c, asked, 30) for c in (result, plan)] == [1.0, 0.0]
    assert result_stated(result, other, 30) == 0.0
