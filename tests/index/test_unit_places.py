"""The unit facet names each unit with its level and province, on both engines alike.

Two inspection reports (written for these tests) each inspect a huyện Châu Thành, one in An Giang,
one in Tiền Giang, and a one-stop centre of the same name in each province: bare names, the facet
said "Châu Thành (3)" and its click mixed the two. Each value now says which unit it is, as a
result says where a finding is (core.models.where), and the filter taking it selects that unit
alone; the typed unit filter (`--unit`) still reads the name as staff type it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from made_reports import shortcomings_report, stored_and_indexed
from search_backends import BACKEND_PARAMS, both_holding, indexed

from core.levels import Level
from core.models import (
    Area,
    Document,
    Extraction,
    Role,
    Unit,
    place_forms,
    spoken,
    where,
)
from core.normalize import fold
from index.base import FindingRecord, Query, SearchBackend, facet_values
from index.records import finding_records, places_of_findings

CENTRE = "Trung tâm Phục vụ hành chính công"


def _report(key: str, province: str, sentences: tuple[str, ...]) -> tuple[Document, Extraction]:
    """A report inspecting huyện Châu Thành of `province`, one finding per sentence."""
    document, findings = shortcomings_report(key, sentences, Area.TTHC)
    units = (Unit(Level.HUYEN, "Châu Thành", role=Role.INSPECTED, province=province),
             Unit(Level.CO_QUAN, CENTRE, role=Role.OTHER, province=province))
    return document, Extraction(key, units=units, findings=tuple(findings))


REPORTS = (
    ("ag", "An Giang", ("Huyện Châu Thành còn 12 hồ sơ đất đai trễ hạn.",
                        "Một số công chức chưa đeo thẻ khi làm việc.",
                        f"{CENTRE} chưa niêm yết đủ thủ tục hành chính.")),
    ("tg", "Tiền Giang", ("Huyện Châu Thành chưa xin lỗi người dân khi trả hồ sơ trễ hạn.",)),
)


def _records() -> list[FindingRecord]:
    out: list[FindingRecord] = []
    for key, province, sentences in REPORTS:
        document, extraction = _report(key, province, sentences)
        out.extend(finding_records(key, document, extraction))
    return out


RECORDS = tuple(_records())
AG, TG = "huyện Châu Thành — An Giang", "huyện Châu Thành — Tiền Giang"
AG_CENTRE = f"cơ quan {CENTRE} — An Giang"


def test_a_unit_is_placed_as_a_result_says_where_it_is() -> None:
    unit = Unit(Level.HUYEN, "Châu Thành", province="An Giang")
    assert unit.placed == where((unit.label,), ("An Giang",)) == AG
    assert Unit(Level.TINH, "Gia Lai").placed == "tỉnh Gia Lai — Gia Lai"  # its own province
    assert Unit(Level.CO_QUAN, "Sở Nội vụ").placed == "cơ quan Sở Nội vụ"  # no province known


def test_records_place_the_units_attribution_gives_them() -> None:
    """The places follow core.attribution.attribute: a sentence naming no unit inherits the inspected
    district, and one naming the centre is about the centre too (of its document's province)."""
    assert [r.unit_places for r in RECORDS] == [(AG,), (AG,), (AG, AG_CENTRE), (TG,)]
    assert [r.units for r in RECORDS] == [("Châu Thành",), ("Châu Thành",), ("Châu Thành", CENTRE),
                                          ("Châu Thành",)]
    assert all(facet_values(r, "unit") == r.unit_places for r in RECORDS)


def test_a_migration_reads_the_same_places_from_the_stored_extraction() -> None:
    for key, province, sentences in REPORTS:
        _document, extraction = _report(key, province, sentences)
        placed = places_of_findings(key, extraction)
        assert placed == {r.finding_id: r.unit_places for r in RECORDS if r.doc_key == key}


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SearchBackend:
    return indexed(request, tmp_path_factory, RECORDS)


def test_the_facet_tells_the_two_districts_apart(engine: SearchBackend) -> None:
    facets = engine.search(Query(facets=True)).facets
    assert facets["unit"] == [(AG, 3), (AG_CENTRE, 1), (TG, 1)]


def test_a_facet_value_selects_that_unit_alone(engine: SearchBackend) -> None:
    chosen = engine.search(Query(unit_place=AG, limit=10, facets=True))
    assert chosen.total == 3 and {h.record.doc_key for h in chosen.hits} == {"ag"}
    assert chosen.facets["unit"] == [(AG, 3), (AG_CENTRE, 1)]
    assert engine.search(Query(unit_place="huyen chau thanh — tien giang")).total == 1  # as typed folded
    assert engine.search(Query(unit_place="huyện Châu Thành")).total == 0  # a bare label is no facet value
    assert engine.search(Query(unit="Châu Thành")).total == 4  # the typed filter reads the name


def test_an_agency_is_spoken_without_its_level_word() -> None:
    """"cơ quan Sở Nội vụ" doubled the kind of body its name already says; the key keeps the level
    word (the level filter reads it), what a person reads drops it."""
    assert spoken(AG_CENTRE) == f"{CENTRE} — An Giang" and spoken(AG) == AG
    assert spoken(Unit(Level.CO_QUAN, "Sở Nội vụ").label) == "Sở Nội vụ"
    assert place_forms(f"{CENTRE} — An Giang") == (f"{CENTRE} — An Giang", AG_CENTRE)
    assert place_forms(AG) == (AG,) and place_forms(AG_CENTRE) == (AG_CENTRE,)


def test_an_agency_is_chosen_as_the_facet_shows_it(engine: SearchBackend) -> None:
    """The CLI's facet and the page show the centre without "cơ quan"; that value, typed or copied,
    selects it, as the stored one does, folded too."""
    shown = spoken(AG_CENTRE)
    for typed in (shown, AG_CENTRE, fold(shown)):
        chosen = engine.search(Query(unit_place=typed, limit=10))
        assert [h.record.text for h in chosen.hits] == [REPORTS[0][2][2]], typed
    assert engine.search(Query(unit_place=f"{CENTRE} — Tiền Giang")).total == 0


@pytest.mark.elasticsearch
def test_both_engines_count_the_unit_facet_alike(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """The same records, the same facet, whatever the query and filter."""
    lite, elastic = both_holding(tmp_path, request, RECORDS)
    for query in (Query(facets=True), Query(text="hồ sơ trễ hạn", facets=True),
                  Query(unit_place=TG, facets=True), Query(province="An Giang", facets=True)):
        assert lite.search(query).facets["unit"] == elastic.search(query).facets["unit"]


def _v9_index(path: Path, *, with_store: bool) -> None:
    """The reports indexed as schema v9 wrote them (before layout 11): no `unit_places` in the
    records' JSON, no `unit_place` terms, the unit facet packed from the bare names. With the store,
    the extractions sit in the same file, as `kiemtra ingest` keeps them."""
    import json

    from index.sqlite_fts import SqliteFtsBackend

    if with_store:
        stored_and_indexed(path, (_report(key, province, sentences) for key, province, sentences in REPORTS))
    else:
        first = SqliteFtsBackend(path)
        first.index(RECORDS)
        first.close()
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM fts_terms WHERE field = 'unit_place'")
        for rowid, raw in conn.execute("SELECT rowid, record FROM fts_records").fetchall():
            record = json.loads(raw)
            del record["unit_places"]
            packed = "\x1e".join(sorted(f"unit\x1f{u.casefold()}\x1f{u}" for u in record["units"]))
            conn.execute("UPDATE fts_records SET record = ?, facet_terms = ? WHERE rowid = ?",
                         (json.dumps(record, ensure_ascii=False), packed, rowid))
        conn.execute("UPDATE fts_meta SET value = '9' WHERE key = 'version'")


def test_v9_tables_beside_the_store_place_their_units_from_the_stored_extractions(tmp_path: Path) -> None:
    from index.sqlite_fts import FTS_SCHEMA_VERSION, SqliteFtsBackend

    path = tmp_path / "kiemtra.db"
    _v9_index(path, with_store=True)
    reopened = SqliteFtsBackend(path)
    try:
        assert reopened.search(Query(facets=True)).facets["unit"] == [(AG, 3), (AG_CENTRE, 1), (TG, 1)]
        assert reopened.search(Query(unit_place=TG)).total == 1
    finally:
        reopened.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT value FROM fts_meta WHERE key = 'version'").fetchone() == (
            FTS_SCHEMA_VERSION,)


def test_v9_tables_without_the_store_ask_for_a_reindex(tmp_path: Path,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    """Search tables in a file of their own cannot read the extractions again: the unit facet is
    empty (no bare names passed off as placed) and the one log line says to run `kiemtra reindex`."""
    from index import sqlite_fts

    path = tmp_path / "search.db"
    _v9_index(path, with_store=False)
    with caplog.at_level("INFO", logger=sqlite_fts.LOGGER.name):
        reopened = sqlite_fts.SqliteFtsBackend(path)
    try:
        assert reopened.search(Query(facets=True)).facets["unit"] == []
        assert reopened.search(Query(unit="Châu Thành")).total == 4  # the typed filter as before
    finally:
        reopened.close()
    assert [r.getMessage() for r in caplog.records if "reindex" in r.getMessage()] == [
        "search tables migrated from v9 to v10 (no unit facet without the store: run `kiemtra reindex`)",
        "search tables migrated from v11 to v12 (no inspector without the store: run `kiemtra reindex`)"]
