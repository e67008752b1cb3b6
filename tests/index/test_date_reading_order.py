"""A date order lists one day's findings alike on both engines: by document, each document's
findings as it states them (index.sqlite_fts._Columns.reading, index.elastic._sort).

Before, SQLite listed a day's findings by tier then finding id and Elasticsearch by its score, so
a report's findings of one date came in a different order on each engine, neither the report's.
The findings below are written for the test: one report of 12 May 2023 (doc key "k1") whose
findings are indexed neither in their ids' order nor in their offsets', whose word counts give
bm25 an order of its own, a second report of the same day ("k2") and an older one.
"""

from __future__ import annotations

import pytest
from search_backends import BACKEND_PARAMS, indexed

from core.models import Area, Polarity
from index.base import FindingRecord, Query, SearchBackend
from index.query import plan_query

NEG, POS = Polarity.SHORTCOMING, Polarity.STRENGTH


def _rec(fid: str, doc: str, start: int, text: str, polarity: str = NEG,
         published: str = "2023-05-12") -> FindingRecord:
    return FindingRecord(finding_id=fid, doc_key=doc, doc_id=f"{doc}.pdf", text=text, words=text,
                         polarity=polarity, area=Area.TTHC, year=int(published[:4]), published=published,
                         start=start, end=start + len(text))


RECORDS = (
    _rec("a9", "k1", 300, "Hồ sơ trễ hạn, hồ sơ trễ hạn nhiều, hồ sơ trễ hạn."),
    _rec("z1", "k1", 10, "Hồ sơ trễ hạn chưa có văn bản xin lỗi người dân."),
    _rec("c3", "k0", 20, "Một số hồ sơ trễ hạn chưa được xin lỗi.", published="2021-03-02"),
    _rec("b2", "k2", 40, "Một số hồ sơ trễ hạn ở lĩnh vực đất đai."),
    _rec("m5", "k1", 150, "Bộ phận một cửa còn để hồ sơ trễ hạn ở lĩnh vực đất đai kéo dài nhiều tháng."),
    _rec("s7", "k1", 5, "Bộ phận một cửa giải quyết hồ sơ đúng hạn, không có hồ sơ trễ hạn.", polarity=POS),
)


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def backend(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SearchBackend:
    return indexed(request, tmp_path_factory, RECORDS)


def _ids(backend: SearchBackend, text: str, **query: object) -> list[str]:
    result = backend.search(Query(text=text, sort="date", **query))  # type: ignore[arg-type]
    return [h.record.finding_id for h in result.hits]


def test_one_days_findings_come_in_each_reports_order(backend: SearchBackend) -> None:
    """The day's first report as it states them (not by bm25: a9 repeats the words; not by id),
    then the other report of that day, then the older."""
    assert _ids(backend, "hồ sơ trễ hạn") == ["s7", "z1", "m5", "a9", "b2", "c3"]


def test_pages_of_a_date_order_follow_one_another(backend: SearchBackend) -> None:
    whole = _ids(backend, "hồ sơ trễ hạn")
    pages = _ids(backend, "hồ sơ trễ hạn", limit=2) + _ids(backend, "hồ sơ trễ hạn", limit=4, offset=2)
    assert pages == whole


def test_a_section_lists_each_days_findings_of_its_polarity_first() -> None:
    """A section asked ("hạn chế …") keeps the other polarity in the timeline, after each date's
    findings of its own: the strength opening the report comes after the report's shortcomings."""
    assert plan_query("hạn chế trong hồ sơ trễ hạn").section


def test_a_section_by_date_on_both_engines(backend: SearchBackend) -> None:
    assert _ids(backend, "hạn chế trong hồ sơ trễ hạn") == ["z1", "m5", "a9", "b2", "s7", "c3"]


def test_browsing_lists_a_day_in_reading_order(backend: SearchBackend) -> None:
    """No words: every finding newest first, a day's findings by document and offset too."""
    result = backend.search(Query(text="", limit=10))
    assert [h.record.finding_id for h in result.hits] == ["s7", "z1", "m5", "a9", "b2", "c3"]
