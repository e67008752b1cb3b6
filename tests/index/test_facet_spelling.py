"""A facet shows a place as the findings write it, on both engines alike.

Elasticsearch counts the province and unit facets on a copy whose tone marks are placed by the
modern rule (`core.normalize.canonical_tones`), so "Khánh Hòa" and "Khánh Hoà" are one value. It
also showed that copy: on the dev store the facet said "Khánh Hoà", "phường Gia Thuỵ — Hà Nội",
"xã Thuận Hoà — Sóc Trăng" while every result line (and SQLite's facet) said "Khánh Hòa", "Gia
Thụy", "Thuận Hòa" — a spelling no document had written (found by ux23's sweep).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from search_backends import BACKEND_PARAMS, elastic_backend, indexed, sqlite_backend

from core.levels import Level
from core.models import Area, Document, Extraction, Finding, Polarity, Role, Source, Unit
from index.base import FindingRecord, Query, SearchBackend
from index.records import finding_records

SENTENCES = ("Xã Thuận Hòa còn 7 hồ sơ đất đai trễ hạn.", "Công chức xã chưa đeo thẻ khi làm việc.")


def _records() -> tuple[FindingRecord, ...]:
    """A report on xã Thuận Hòa of Khánh Hòa, both names written with the tone on the first vowel."""
    text = " ".join(SENTENCES)
    document = Document("kh", text, (), Source(path="kh.txt", sha256="kh", format="txt", reader="txt"))
    findings, start = [], 0
    for sentence in SENTENCES:
        findings.append(Finding(Polarity.SHORTCOMING, Area.TTHC, sentence, start, start + len(sentence)))
        start += len(sentence) + 1
    units = (Unit(Level.XA, "Thuận Hòa", role=Role.INSPECTED, province="Khánh Hòa"),)
    return tuple(finding_records("kh", document, Extraction("kh", units=units, findings=tuple(findings))))


RECORDS = _records()
PLACE = "xã Thuận Hòa — Khánh Hòa"


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SearchBackend:
    return indexed(request, tmp_path_factory, RECORDS)


def test_the_facets_show_the_places_as_the_results_write_them(engine: SearchBackend) -> None:
    result = engine.search(Query(text="hồ sơ", facets=True, limit=10))
    assert [h.record.provinces for h in result.hits] == [("Khánh Hòa",)]
    assert result.facets["province"] == [("Khánh Hòa", 1)]
    assert result.facets["unit"] == [(PLACE, 1)]
    everything = engine.search(Query(facets=True)).facets
    assert everything["province"] == [("Khánh Hòa", 2)] and everything["unit"] == [(PLACE, 2)]


def test_the_value_shown_selects_its_findings(engine: SearchBackend) -> None:
    shown = engine.search(Query(facets=True)).facets
    assert engine.search(Query(province=shown["province"][0][0])).total == 2
    assert engine.search(Query(unit_place=shown["unit"][0][0])).total == 2
    assert engine.search(Query(unit_place="xã Thuận Hoà — Khánh Hoà")).total == 2  # the other placement


@pytest.mark.elasticsearch
def test_both_engines_show_one_spelling(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    lite, elastic = sqlite_backend(tmp_path, request), elastic_backend(tmp_path, request)
    for backend in (lite, elastic):
        assert backend.index(RECORDS) == len(RECORDS)
    queries = (Query(facets=True), Query(text="thẻ", facets=True), Query(province="khanh hoa", facets=True))
    for query in queries:
        assert lite.search(query).facets == elastic.search(query).facets
