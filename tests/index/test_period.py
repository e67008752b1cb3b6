"""A year typed is the period asked (index/period.py, index/vi/periods.toml, index.query.with_period):
which year a query names, and which of its words only place the period in it."""

from __future__ import annotations

import pytest

from index.period import PeriodError, compile_periods, load_periods
from index.query import plan_query


def _typed(plan_groups: object) -> list[str]:
    return [" ".join(g.alternatives[0].syllables) for g in plan_groups]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("text", "year"), [
    ("kết quả chỉ số CCHC năm 2021", 2021),
    ("ton tai han che kiem tra cchc quy IV  2021", 2021),
    ("hs trễ hẹn T10/2021", 2021),
    ("Gia Lai hồ sơ quá hạn tháng 9/2025", 2025),
    ("niêm yết TTHC đợt ktra sau tết 2016", 2016),
    ("PAR index 2024", 2024),
    ("năm 2017 xã nào chưa ban hành kế hoạch CCHC?", 2017),
    ("thực hiện Nghị định 61/2018/NĐ-CP năm 2021", 2021),
])
def test_the_year_typed_is_the_period_asked(text: str, year: int) -> None:
    plan = plan_query(text)
    assert plan.year == year
    assert not any(str(year) in t for t in _typed(plan.groups))  # ranked, not required
    assert any(str(year) in " ".join(a.syllables) for a in plan.optional)


@pytest.mark.parametrize("text", [
    "Nghị định 30/2020/NĐ-CP",  # a document's number cites no period
    "Quyết định 07/2019/QĐ-UBND",
    "có 2000 hồ sơ trễ hạn",  # a count between words
    "báo cáo tổng kết giai đoạn 2001-2005",  # a span
    "so sánh năm 2020 và 2021",  # a comparison
    "chỉ số cchc tăng giảm so với năm trước",  # no year
    "tỷ lệ trễ hạn giảm so với năm 2021",  # the base of a comparison, not the period asked
    "hồ sơ trễ hạn so với cùng kỳ 2021",
])
def test_no_one_year_no_period(text: str) -> None:
    assert plan_query(text).year is None


def test_the_words_placing_the_period_are_ranked_and_the_matter_kept() -> None:
    plan = plan_query("tỷ lệ hồ sơ trễ hạn 6 tháng đầu năm 2022")
    groups = _typed(plan.groups)
    assert "hồ sơ" in groups and "trễ hạn" in groups
    assert not {"6", "tháng", "đầu", "2022"} & set(groups)
    assert {"6", "tháng", "đầu", "2022"} <= {" ".join(a.syllables) for a in plan.optional}
    # the post-Tết round: "Tết" places it in the year, the inspection is the matter
    plan = plan_query("kiểm tra công vụ sau Tết 2023")
    assert plan.year == 2023 and "kiểm tra công vụ" in _typed(plan.groups)
    assert "tết" not in [t.lower() for t in _typed(plan.groups)]


def test_the_period_compared_with_another_is_the_one_asked() -> None:
    assert plan_query("chỉ số cchc năm 2022 so với năm 2021").year == 2022


def test_a_query_of_the_period_alone_keeps_it_as_its_words() -> None:
    plan = plan_query("năm 2021")
    assert plan.year == 2021 and _typed(plan.groups) == ["2021"]


def test_the_parts_of_the_kept_groups_follow_them() -> None:
    plan = plan_query("dịch vụ công trực tuyến quý IV năm 2021")
    assert plan.year == 2021
    assert all(0 <= p.group < len(plan.groups) for p in plan.parts)
    assert plan.parts and all(any(s in " ".join(plan.groups[p.group].alternatives[0].syllables)
                                  for s in p.alternative.syllables) for p in plan.parts)


def test_the_table() -> None:
    periods = load_periods()
    assert periods.year("2021") == 2021 and periods.year("1291") is None and periods.year("202") is None
    assert periods.places("quý") and periods.places("quy") and periods.places("IV") and periods.places("t10")
    assert periods.places("06") and not periods.places("13") and not periods.places("hồ")
    good = {"period": {"years": [1980, 2049], "words": ["năm"], "numerals": ["i"], "months": 12,
                       "month_initial": "t"}}
    assert compile_periods(good).words == frozenset({"nam", "i"})
    for key, bad in (("years", [2049, 1980]), ("words", []), ("numerals", [""]), ("months", 0),
                     ("month_initial", "th"), ("compared", "so với"), ("between", [""])):
        data = {"period": {**good["period"], key: bad}}
        with pytest.raises(PeriodError, match=key):
            compile_periods(data)
    with pytest.raises(PeriodError, match="missing"):
        compile_periods({})
