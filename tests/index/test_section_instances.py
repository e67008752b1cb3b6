"""A section asked names a concept: its findings naming an instance come after the fill, both engines.

The findings below are written for these tests. "ưu điểm cơ sở vật chất, trụ sở" asks the
strengths (a section: index.query.Plan.section) on the premises; "máy lấy số", "ghế chờ" are
instances of "cơ sở vật chất" (index/vi/concepts.toml). A strength naming one and none of the
query's words comes after those holding its words, before any finding of another polarity; a
shortcoming naming one never comes (it holds none of the words either).
"""

from __future__ import annotations

import pytest
from search_backends import BACKEND_PARAMS, found, indexed

from core.models import Area, Polarity
from index.base import TIER_MATTER, TIER_SOME_WORDS, TIER_WORDS, FindingRecord, Query, SearchBackend
from index.query import plan_query

TEXT = "ưu điểm cơ sở vật chất, trụ sở"


def _rec(fid: str, text: str, words: str, polarity: Polarity) -> FindingRecord:
    return FindingRecord(finding_id=fid, doc_key=f"doc-{fid}", doc_id=f"{fid}.pdf", text=text, words=words,
                         polarity=polarity, area=Area.SO_HOA, year=2023, published="2023-05-01")


RECORDS = (
    _rec("s1", "Cơ sở vật chất của trụ sở xã được đầu tư khang trang.",
         "Cơ_sở_vật_chất của trụ_sở xã được đầu_tư khang_trang .", Polarity.STRENGTH),
    _rec("s2", "Cơ sở vật chất được bảo đảm theo quy định.",
         "Cơ_sở_vật_chất được bảo_đảm theo quy_định .", Polarity.STRENGTH),
    _rec("i1", "Bộ phận một cửa có ghế chờ, máy lấy số thứ tự cho người dân.",
         "Bộ_phận một_cửa có ghế_chờ , máy lấy số thứ_tự cho người_dân .", Polarity.STRENGTH),
    _rec("o1", "Trụ sở xã xuống cấp, dột nát.", "Trụ_sở xã xuống_cấp , dột_nát .", Polarity.SHORTCOMING),
    _rec("i2", "Máy lấy số thường xuyên bị hỏng.", "Máy lấy số thường_xuyên bị hỏng .", Polarity.SHORTCOMING),
    _rec("x1", "Công chức đi làm đúng giờ.", "Công_chức đi làm đúng giờ .", Polarity.STRENGTH),
)


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def backend(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SearchBackend:
    return indexed(request, tmp_path_factory, RECORDS)


def test_the_query_is_a_section_naming_a_concept() -> None:
    plan = plan_query(TEXT)
    assert plan.section and plan.polarity == "strength"
    assert {" ".join(a.syllables) for a in plan.instances} >= {"máy lấy số", "ghế chờ"}
    assert plan.names_instances(2, 10) and not plan.names_instances(10, 10)
    assert not plan_query("cơ sở vật chất, trụ sở").names_instances(0, 10)  # no section asked


def test_an_instance_of_the_section_comes_after_the_fill_before_another_sense(backend: SearchBackend) -> None:
    order = [fid for fid, _ in found(backend, text=TEXT)]
    assert order[:2] == ["s1", "s2"]  # the words, the strengths first
    assert order[2:] == ["i1", "o1"]  # then the strength naming an instance; the shortcoming last
    assert dict(found(backend, text=TEXT))["i1"] == TIER_MATTER
    assert backend.search(Query(text=TEXT)).total == 4  # i2 (another sense) and x1 never come


def test_a_full_page_of_the_section_leaves_the_instances_out(backend: SearchBackend) -> None:
    result = backend.search(Query(text=TEXT, limit=1))  # the stage fills the page: no tier after it
    assert [h.record.finding_id for h in result.hits] == ["s1"] and result.total == 1


def test_sorted_by_date_the_instances_keep_their_tier(backend: SearchBackend) -> None:
    """The instances are a sixth tier of SQLite's date order (a label was missing: IndexError).
    One date: its findings of the polarity asked in the reading order (by document: i1's comes
    first, tests/index/test_date_reading_order.py), each labelled with its tier, then the other's."""
    result = backend.search(Query(text=TEXT, sort="date"))
    assert [(h.record.finding_id, h.tier) for h in result.hits] == [
        ("i1", TIER_MATTER), ("s1", "words"), ("s2", "words"), ("o1", "words")]
    assert result.total == 4


# Three groups: a partial stage asks two, so a strength holding "trụ sở" alone is the fill's.
THREE = "ưu điểm cơ sở vật chất, trụ sở, khang trang"
WORDED = _rec("w1", "Trụ sở có ghế chờ cho người dân.", "Trụ_sở có ghế_chờ cho người_dân .",
              Polarity.STRENGTH)


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def worded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SearchBackend:
    return indexed(request, tmp_path_factory, (*RECORDS, WORDED))


def test_an_instance_holding_some_words_is_the_fills_by_either_order(worded: SearchBackend) -> None:
    """A finding naming an instance and holding a group is the fill's, never the instances' tier:
    by date, where the fill is left out while something else answers, it is left out with it (SQLite
    listed it among the instances, Elasticsearch did not)."""
    assert dict(found(worded, text=THREE))["w1"] == TIER_SOME_WORDS
    # One date: in the reading order (by document), each with its tier.
    assert found(worded, text=THREE, sort="date") == [("i1", TIER_MATTER), ("s1", TIER_WORDS)]
