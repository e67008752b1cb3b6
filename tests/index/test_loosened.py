"""A query whose terms no finding holds (index.query.Plan.loosened): the composed search lists the
findings holding their syllables, marked so, on both engines, and changes nothing else.

The findings are written for these tests: none says "bãi đỗ xe" nor any of its synonyms, one says
"để xe" of its own words, one "bãi" of a lawn, one "gỗ", one nothing of these.
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

import pytest
from search_backends import BACKEND_PARAMS, indexed

from core.models import Area, Polarity
from index.base import TIER_SYLLABLES, TIER_WORDS, FindingRecord, Query, SearchBackend
from index.query import plan_query
from pipeline.search import search


def _rec(fid: str, text: str, polarity: Polarity = Polarity.SHORTCOMING) -> FindingRecord:
    return FindingRecord(finding_id=fid, doc_key=f"doc-{fid}", doc_id=f"{fid}.pdf", text=text, words=text,
                         polarity=polarity, area=Area.TTHC, year=2024, published="2024-03-01")


RECORDS = (
    _rec("xe", "Khu vực để xe của trụ sở xã chật hẹp, xe máy của người dân tràn ra lề đường."),
    _rec("bai", "Bãi cỏ trước trụ sở chưa được dọn sạch."),
    _rec("go", "Bảng niêm yết bằng gỗ đã mục, chữ khó đọc.", Polarity.STRENGTH),
    _rec("muon", "Công chức đi muộn về sớm."),
)


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def backend(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SearchBackend:
    return indexed(request, tmp_path_factory, RECORDS)


def _found(backend: SearchBackend, text: str, **filters: object) -> list[tuple[str, str]]:
    result = search(backend, Query(text=text, **filters))  # type: ignore[arg-type]
    return [(h.record.finding_id, h.tier) for h in result.hits]


def test_a_term_no_finding_holds_finds_the_findings_holding_its_syllables(backend: SearchBackend) -> None:
    found = _found(backend, "bãi đỗ xe")
    assert sorted(fid for fid, _ in found) == ["bai", "xe"]
    assert {tier for _, tier in found} == {TIER_SYLLABLES}


def test_a_syllable_typed_with_a_tone_no_finding_writes_finds_its_letters(backend: SearchBackend) -> None:
    assert _found(backend, "gờ") == [("go", TIER_SYLLABLES)]


def test_a_negation_beside_such_a_term_ranks_the_findings_saying_it_first(backend: SearchBackend) -> None:
    found = _found(backend, "chưa có bãi đỗ xe")
    assert [fid for fid, _ in found] == ["bai", "xe"]  # "chưa" and "bãi" before "xe" alone


def test_a_filter_a_quoted_phrase_or_an_answered_query_is_not_loosened(backend: SearchBackend) -> None:
    assert _found(backend, "bãi đỗ xe", year=2024) == []  # the user's filter may be why
    assert _found(backend, '"bãi đỗ xe"') == []  # quotes ask for the phrase
    assert _found(backend, "đi muộn") == [("muon", TIER_WORDS)]  # no "đi" of other findings


def test_the_loose_groups_are_the_typed_syllables_without_stop_words_units_or_numbers() -> None:
    loose = plan_query("chưa có bãi đỗ xe").loosened()
    assert loose is not None
    assert [g.sense for g in loose.groups] == [True, False, False, False]
    assert [g.alternatives[0].syllables for g in loose.groups[1:]] == [("bãi",), ("đỗ",), ("xe",)]
    assert plan_query("gờ").loose[0].alternatives[0].syllables == ("go",)
    assert plan_query("go").loosened() is None  # nothing looser than the letters typed
    assert plan_query("139/QĐ-UBND").loosened() is None  # a document number's parts are other things


def test_every_filter_of_a_query_counts_as_one_and_nothing_else_does() -> None:
    """Query.filtered, read by the loosening above: a filter field added to Query must be named
    there (or here, as no filter), or a filtered search would be loosened."""
    not_filters = {"text", "within", "matters", "areas", "limit", "offset", "sort", "facets",
                   "page_size", "snippets"}
    assert not Query(text="x", within=True, matters=("a",), areas=("b",), limit=3, offset=3,
                     sort="date", facets=True, page_size=30, snippets=False).filtered
    for field in fields(Query):
        if field.name not in not_filters:
            changes: dict[str, Any] = {field.name: 2024}
            assert replace(Query(), **changes).filtered, field.name
