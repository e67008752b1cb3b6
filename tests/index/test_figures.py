"""Questions asking a figure (index/figures.py, index/vi/figures.toml): a query asking a count or
a rate, a finding stating a figure (not a date, a year or a citation), the compiler's rules, and
the reranker feature weighing them."""

from __future__ import annotations

import pytest

from core.models import Area, Polarity
from index.base import TIER_WORDS, FindingRecord, Query
from index.figures import COUNT, RATE, FigureError, compile_figures, load_figures
from index.query import Plan
from index.rerank import FEATURES, Asked, Candidate, figure_stated


def _data(**over: object) -> dict[str, object]:
    data: dict[str, object] = {
        "asks": {"words": ["bao nhiêu", "mấy [accents]"], "rates": ["tỷ lệ"], "why": "asking"},
        "figures": {"not_after": ["ngày", "năm", "điều"], "why": "no figures"},
    }
    data.update(over)
    return data


@pytest.mark.parametrize("query, asked", [
    ("có bao nhiêu hồ sơ quá hạn", COUNT),
    ("co bao nhieu ho so qua han", COUNT),  # typed without accents: every form
    ("mấy xã chưa niêm yết thủ tục", COUNT),
    ("PAR index tỉnh xếp thứ mấy", COUNT),
    ("số lượng công chức cấp xã", COUNT),
    ("tỷ lệ hồ sơ nộp trực tuyến đạt bao nhiêu?", RATE),  # a rate named: its value is a rate
    ("ty le ho so truc tuyen", RATE),
    ("tỉ lệ văn bản ký số", RATE),
])
def test_queries_asking_a_figure(query: str, asked: str) -> None:
    assert load_figures().asked_in(query) == asked


@pytest.mark.parametrize("query", [
    "may tinh bo phan mot cua",  # "may" folded is máy as well: "mấy" counts only with its accents
    "máy lấy số tự động",
    "xã nào chưa niêm yết thủ tục hành chính",
    "dịch vụ công mức độ 3, 4",
    "vì sao hồ sơ bị quá hạn",
])
def test_queries_asking_none(query: str) -> None:
    assert load_figures().asked_in(query) is None


@pytest.mark.parametrize("text", [
    "Trên Cổng Dịch vụ công quốc gia, tỉnh Gia Lai còn 580 hồ sơ đang xử lý quá hạn",
    "tỉnh còn 1.401 hồ sơ chậm được tiếp nhận",
    "UBND xã Tản Lĩnh vắng 3/11 cán bộ",
    "tỷ lệ hồ sơ trực tuyến đạt 98,5 %",
    "100% công chức cấp xã đạt chuẩn",
    "Ngày 10.11, Văn phòng UBND tỉnh cho biết 28 hồ sơ bị quá hạn",  # a date, then a count
])
def test_findings_stating_a_figure(text: str) -> None:
    assert load_figures().states(text)


@pytest.mark.parametrize("text", [
    "Ngày 10.11, Văn phòng UBND tỉnh Bình Định cho biết",
    "trong tháng 9-2025, toàn tỉnh Gia Lai",
    "Chỉ thị số 10/CT-CTUBND ngày 28/12/2012 về việc chấn chỉnh lề lối làm việc",
    "theo Nghị định 61/2018/NĐ-CP và Quyết định 139/QĐ-UBND",
    "kế hoạch CCHC năm 2024 giai đoạn 2021-2025",
    "cung cấp dịch vụ công trực tuyến mức độ 3, 4",  # a level of service, the second listed too
    "thực hiện theo Điều 5 và 6 của Nghị định",
    "công chức chưa đeo thẻ khi làm việc",
])
def test_findings_stating_none(text: str) -> None:
    assert not load_figures().states(text)


@pytest.mark.parametrize("text, rate", [
    ("tỉnh còn 580 hồ sơ quá hạn", False),  # a count answers how many, not what rate
    ("vắng 3/11 cán bộ", True),  # a share is a rate
    ("đạt 98,5 %", True),
    ("đạt 40 phần trăm", True),
])
def test_a_rate_asked_is_answered_by_a_percentage_or_a_share(text: str, rate: bool) -> None:
    assert load_figures().states(text, COUNT)
    assert load_figures().states(text, RATE) is rate


def test_a_compiled_table_matches_as_its_data_says() -> None:
    figures = compile_figures(_data())
    assert figures.asked_in("bao nhieu xa") == COUNT and figures.asked_in("ty le") == RATE
    assert figures.asked_in("may tinh") is None and figures.asked_in("mấy xã") == COUNT
    assert not figures.states("điều 5 và 6") and figures.states("khoản 2")  # only this table's words
    assert not figures.states("ngày 12 năm 2024") and figures.states("năm 2024 có 12 xã")


@pytest.mark.parametrize("over, message", [
    ({"asks": {"words": ["bao nhiêu"], "rates": ["tỷ lệ"]}}, r"\[asks\] needs a `why`"),
    ({"asks": {"words": [], "rates": ["tỷ lệ"], "why": "x"}}, r"\[asks\] needs a non-empty list `words`"),
    ({"asks": {"words": ["bao nhiêu"], "why": "x"}}, r"\[asks\] needs a non-empty list `rates`"),
    ({"asks": {"words": ["?"], "rates": ["tỷ lệ"], "why": "x"}}, r"holds no syllable"),
    ({"figures": {"not_after": ["  "], "why": "x"}}, r"empty or non-string"),
    ({"figures": None}, r"\[figures\] is missing"),
])
def test_the_compiler_names_what_is_wrong(over: dict[str, object], message: str) -> None:
    data = _data(**over)
    if over.get("figures", "") is None:
        del data["figures"]
    with pytest.raises(FigureError, match=message):
        compile_figures(data)


def _cand(text: str) -> Candidate:
    record = FindingRecord(finding_id="a", doc_key="doc-a", doc_id="a.pdf", text=text, words="",
                           polarity=Polarity.SHORTCOMING, area=Area.CHUNG, year=2024)
    return Candidate(record, 0, TIER_WORDS)


def test_the_feature_weighs_a_figure_only_when_one_is_asked() -> None:
    assert FEATURES["figure"] is figure_stated
    count = Asked.of(Query(text="có bao nhiêu hồ sơ quá hạn"), Plan())
    rate = Asked.of(Query(text="tỷ lệ hồ sơ nộp trực tuyến"), Plan())
    other = Asked.of(Query(text="hồ sơ quá hạn"), Plan())
    assert (count.figure, rate.figure, other.figure) == (COUNT, RATE, None)
    counted, rated, named = (_cand("tỉnh còn 580 hồ sơ quá hạn"), _cand("tỷ lệ đạt 98,5 %"),
                             _cand("Ngày 10.11, tỉnh yêu cầu xử lý dứt điểm hồ sơ quá hạn"))
    assert [figure_stated(c, count, 30) for c in (counted, rated, named)] == [1.0, 1.0, 0.0]
    assert [figure_stated(c, rate, 30) for c in (counted, rated, named)] == [0.0, 1.0, 0.0]
    assert figure_stated(counted, other, 30) == 0.0
