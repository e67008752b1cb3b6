"""The inspecting body as a filter and a facet, on both engines alike.

An auditor asks "what did the Sở Nội vụ's inspections find" ("những hạn chế do Đoàn kiểm tra của UBND
tỉnh phát hiện"). The units a finding is about cannot answer it: the findings of a body's inspections
are about the units it inspected, never about the body (core/attribution.py). Each finding now
carries its inspecting bodies, filed by the one attribution (`Attribution.inspectors`: those its
sentence names as the inspector, else its document's of role inspector), and `Query.inspector`
selects them as `--unit` selects a unit: by name, level word typed or not, accents optional, today's
unit since 2025, or as the facet places it. Three reports written for these tests.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from made_reports import shortcomings_report, stored_and_indexed
from search_backends import BACKEND_PARAMS, both_holding, indexed

from core.attribution import attribute
from core.inspectors import check_words_at
from core.levels import Level
from core.models import Area, Document, Extraction, Role, Unit, spoken
from index.base import Query, SearchBackend, asked_query, facet_values
from index.query import Plan, inspector_keys, parse, plan_query
from index.query.analysis import inspector_asked
from index.records import finding_records, inspectors_of_findings

HN_DEPARTMENT = Unit(Level.CO_QUAN, "Sở Nội vụ", role=Role.INSPECTOR, province="Hà Nội")
QT = Unit(Level.TINH, "Quảng Trị", role=Role.INSPECTOR)
BD = Unit(Level.TINH, "Bình Dương", role=Role.INSPECTOR, current="thành phố Hồ Chí Minh")
NAMED = "Một số tồn tại do Sở Nội vụ kiểm tra chỉ ra chưa được khắc phục."

REPORTS: tuple[tuple[str, tuple[Unit, ...], tuple[str, ...]], ...] = (
    ("hn", (Unit(Level.HUYEN, "Ba Vì", role=Role.INSPECTED, province="Hà Nội"), HN_DEPARTMENT),
     ("Huyện Ba Vì còn 12 hồ sơ đất đai trễ hạn.", "Một số công chức chưa đeo thẻ khi làm việc.")),
    ("qt", (Unit(Level.HUYEN, "Cam Lộ", role=Role.INSPECTED, province="Quảng Trị"), QT),
     ("Huyện Cam Lộ chưa niêm yết đủ thủ tục hành chính.", NAMED)),
    ("bd", (Unit(Level.XA, "An Sơn", role=Role.INSPECTED, province="Bình Dương"), BD),
     ("Xã An Sơn còn hồ sơ trễ hạn chưa xin lỗi người dân.",)),
)


def _report(key: str, units: tuple[Unit, ...], sentences: tuple[str, ...]) -> tuple[Document, Extraction]:
    document, findings = shortcomings_report(key, sentences, Area.TTHC)
    return document, Extraction(key, units=units, findings=tuple(findings))


RECORDS = tuple(r for key, units, sentences in REPORTS
                for r in finding_records(key, *_report(key, units, sentences)))
HN, QT_PLACED, BARE = "cơ quan Sở Nội vụ — Hà Nội", "tỉnh Quảng Trị — Quảng Trị", "cơ quan Sở Nội vụ"
BD_PLACED = "tỉnh Bình Dương — Bình Dương"


def test_the_attribution_files_the_documents_inspector_or_the_one_its_sentence_names() -> None:
    """A finding naming no inspector inherits its document's (role inspector), as it inherits the
    inspected units; one whose sentence names the inspector ("do Sở Nội vụ kiểm tra chỉ ra") is
    that body's, the agency bare when the document does not list it. Never among what it is about."""
    _doc, extraction = _report(*REPORTS[1])
    first, named = (attribute(f, extraction.units) for f in extraction.findings)
    assert first.inspectors == (QT,) and [u.name for u in first.units] == ["Cam Lộ"]
    assert named.inspectors == (Unit(Level.CO_QUAN, "Sở Nội vụ"),)
    assert named.agencies == () and [u.name for u in named.units] == ["Cam Lộ"]


def test_a_unit_named_in_an_inspector_frame_is_its_inspector() -> None:
    units = (Unit(Level.HUYEN, "Cam Lộ", role=Role.INSPECTED, province="Quảng Trị"),
             Unit(Level.TINH, "Quảng Trị", role=Role.OTHER), HN_DEPARTMENT)
    _doc, extraction = _report("x", units, ("Đoàn kiểm tra của UBND tỉnh Quảng Trị ghi nhận huyện Cam Lộ"
                                            " còn 5 hồ sơ trễ hạn.",))
    about = attribute(extraction.findings[0], extraction.units)
    assert about.inspectors == (units[1],) and [u.name for u in about.units] == ["Cam Lộ"]


def test_records_carry_the_inspectors_as_a_unit_is_filed() -> None:
    assert [r.inspector_places for r in RECORDS] == [(HN,), (HN,), (QT_PLACED,), (BARE,), (BD_PLACED,)]
    assert RECORDS[0].inspectors == ("Sở Nội vụ", "cơ quan Sở Nội vụ")
    assert RECORDS[2].inspectors == ("Quảng Trị", "tỉnh Quảng Trị")
    assert RECORDS[4].inspectors == ("Bình Dương", "tỉnh Bình Dương", "thành phố Hồ Chí Minh")
    assert all(facet_values(r, "inspector") == r.inspector_places for r in RECORDS)
    assert all("Sở Nội vụ" not in r.units for r in RECORDS)  # the inspector is not what it is about


def test_a_migration_reads_the_same_inspectors_from_the_stored_extraction() -> None:
    for key, units, sentences in REPORTS:
        read = inspectors_of_findings(key, _report(key, units, sentences)[1])
        assert read == {r.finding_id: (r.inspectors, r.inspector_places) for r in RECORDS if r.doc_key == key}


def test_a_committee_typed_before_a_units_name_is_left_out() -> None:
    assert inspector_keys("UBND tỉnh Quảng Trị") == ("ubnd tinh quang tri", "tinh quang tri")
    assert inspector_keys("Ủy ban nhân dân tỉnh Quảng Trị")[1] == "tinh quang tri"
    assert inspector_keys("Sở Nội vụ") == ("so noi vu",)


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SearchBackend:
    return indexed(request, tmp_path_factory, RECORDS)


def _texts(engine: SearchBackend, query: Query) -> set[str]:
    return {h.record.text for h in engine.search(query).hits}


@pytest.mark.parametrize(("typed", "expected"), [
    ("Sở Nội vụ", 3), ("so noi vu", 3), ("cơ quan Sở Nội vụ", 3),  # every department's, accents optional
    ("Sở Nội vụ — Hà Nội", 2), (HN, 2),  # the facet's value, shown or stored: that one department
    ("Quảng Trị", 1), ("tỉnh Quảng Trị", 1), ("UBND tỉnh Quảng Trị", 1), (QT_PLACED, 1),
    ("thành phố Hồ Chí Minh", 1), ("Hồ Chí Minh", 1),  # today's unit finds its predecessor's
    ("Bình Dương", 1), ("huyện Ba Vì", 0), ("Sở Tài chính", 0),  # inspected, or none: nothing
])
def test_the_filter_takes_a_body_as_unit_filters_take_a_unit(engine: SearchBackend, typed: str,
                                                            expected: int) -> None:
    assert engine.search(Query(inspector=typed, limit=10)).total == expected, typed


def test_the_filter_selects_the_inspections_not_the_units_they_judged(engine: SearchBackend) -> None:
    assert _texts(engine, Query(inspector="Sở Nội vụ — Hà Nội", limit=10)) == set(REPORTS[0][2])
    assert _texts(engine, Query(text="hồ sơ trễ hạn", inspector="Sở Nội vụ", limit=10)) == {REPORTS[0][2][0]}


def test_the_facet_counts_each_body_placed(engine: SearchBackend) -> None:
    facets = engine.search(Query(facets=True)).facets
    assert facets["inspector"] == [(HN, 2), (BARE, 1), (BD_PLACED, 1), (QT_PLACED, 1)]
    chosen = engine.search(Query(inspector=spoken(HN), facets=True)).facets
    assert chosen["inspector"] == [(HN, 2)] and chosen["unit"] == [("huyện Ba Vì — Hà Nội", 2)]


@pytest.mark.parametrize(("text", "inspector"), [
    ("tồn tại do Sở Nội vụ kiểm tra chỉ ra", "Sở Nội vụ"),
    ("ton tai do so noi vu kiem tra chi ra", "Sở Nội vụ"),  # accents optional, as every query
    ("kết quả kiểm tra của Sở Nội vụ", "Sở Nội vụ"),
    ("hạn chế Đoàn kiểm tra của Sở Nội vụ phát hiện", "Sở Nội vụ"),
    ("hạn chế của Sở Nội vụ", None),  # about the department: the units filter, not the inspector
    ("do Sở Tài chính chậm thẩm định", None),  # "do" a cause: the department at fault
    ("hạn chế do đoàn kiểm tra của tỉnh phát hiện", None),  # whose team is not said: the words rank
    ("tồn tại do Sở Nội vụ và Sở Tài chính kiểm tra", None),  # two bodies: which is asked is not certain
])
def test_the_query_names_the_inspector_for_certain_in_the_genres_frames(text: str,
                                                                        inspector: str | None) -> None:
    assert inspector_asked(parse(text)) == inspector
    assert plan_query(text).inspector == inspector


def test_the_frames_check_words_rank_and_a_matter_named_stays_required() -> None:
    """"do Sở Nội vụ kiểm tra chỉ ra": the check and what it brought out say whose inspection (the
    filter says it), so they rank; the section's word keeps its polarity; a matter typed with the
    frame ("hồ sơ trễ hạn do …") is still what the query asks, required."""
    assert check_words_at(["kiểm", "tra", "chỉ", "ra"]) == 4
    assert check_words_at(["kiem", "tra", "ho", "so"]) == 2  # the check, not the matter after it
    assert check_words_at(["đã", "tiến", "hành", "kiểm", "tra"]) == 5 and check_words_at(["hồ", "sơ"]) == 0
    framed = plan_query("tồn tại do Sở Nội vụ kiểm tra chỉ ra")
    assert framed.groups == () and framed.polarity == "shortcoming" and framed.section
    assert ("kiểm", "tra", "chỉ", "ra") in [a.syllables for a in framed.optional]
    matter = plan_query("hồ sơ trễ hạn do Sở Nội vụ kiểm tra phát hiện")
    assert [g.alternatives[0].syllables for g in matter.groups] == [("hồ", "sơ"), ("trễ", "hạn")]
    assert matter.inspector == "Sở Nội vụ"


def test_a_plans_inspector_is_a_filter_unless_the_query_sets_its_own() -> None:
    plan = Plan(inspector="Sở Nội vụ")
    assert asked_query(Query(text="x"), plan).inspector == "Sở Nội vụ"
    assert asked_query(Query(text="x", inspector="Quảng Trị"), plan).inspector == "Quảng Trị"
    assert asked_query(Query(text="x"), Plan()) == Query(text="x")


def test_a_query_naming_the_inspector_finds_its_inspections(engine: SearchBackend) -> None:
    """"tồn tại do Sở Nội vụ kiểm tra chỉ ra": the department's inspections (in Hà Nội, and the one
    sentence naming it as the inspector), not the findings holding the words elsewhere."""
    found = engine.search(Query(text="tồn tại do Sở Nội vụ kiểm tra chỉ ra", limit=10))
    assert found.plan is not None and found.plan.inspector == "Sở Nội vụ"
    assert {h.record.text for h in found.hits} == {*REPORTS[0][2], NAMED}  # none holding the frame's words


def test_the_composed_search_drops_an_inspector_the_index_lacks(engine: SearchBackend) -> None:
    """Read from the words, not set by the user: a body with no inspection indexed ranks as words."""
    from pipeline.search import search

    found = search(engine, Query(text="hồ sơ trễ hạn do Sở Tài chính kiểm tra", limit=10))
    assert found.total >= 1


def test_the_suggestions_name_the_bodies_close_to_what_was_typed(engine: SearchBackend) -> None:
    from pipeline.search import inspector_suggestions

    assert inspector_suggestions(engine, "So Noi vu Ha Noi") == ((HN,), True)
    named, close = inspector_suggestions(engine, "Sở Nội vu")
    assert close and HN in named
    assert inspector_suggestions(engine, "Bộ Công an")[1] is False


@pytest.mark.elasticsearch
def test_both_engines_count_and_filter_alike(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    lite, elastic = both_holding(tmp_path, request, RECORDS)
    for query in (Query(facets=True), Query(text="hồ sơ trễ hạn", facets=True),
                  Query(inspector="Quảng Trị", facets=True),
                  Query(text="tồn tại do Sở Nội vụ kiểm tra chỉ ra", facets=True)):
        one, other = lite.search(query), elastic.search(query)
        assert one.facets["inspector"] == other.facets["inspector"] and one.total == other.total, query


def _v11_index(path: Path) -> None:
    """The reports as schema v11 wrote them (before layout 13): no inspectors in the records' JSON, no
    inspector terms, the facets packed without them; the extractions in the same file."""
    stored_and_indexed(path, (_report(key, units, sentences) for key, units, sentences in REPORTS))
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM fts_terms WHERE field IN ('inspector', 'inspector_place')")
        rows = conn.execute("SELECT rowid, record, facet_terms FROM fts_records").fetchall()
        for rowid, raw, packed in rows:
            record = json.loads(raw)
            del record["inspectors"], record["inspector_places"]
            kept = "\x1e".join(i for i in packed.split("\x1e") if not i.startswith("inspector_place\x1f"))
            conn.execute("UPDATE fts_records SET record = ?, facet_terms = ? WHERE rowid = ?",
                         (json.dumps(record, ensure_ascii=False), kept, rowid))
        conn.execute("UPDATE fts_meta SET value = '11' WHERE key = 'version'")


def test_v11_tables_beside_the_store_read_the_inspectors_from_the_stored_extractions(tmp_path: Path) -> None:
    from index.sqlite_fts import FTS_SCHEMA_VERSION, SqliteFtsBackend

    path = tmp_path / "kiemtra.db"
    _v11_index(path)
    reopened = SqliteFtsBackend(path)
    try:
        assert reopened.search(Query(facets=True)).facets["inspector"] == [
            (HN, 2), (BARE, 1), (BD_PLACED, 1), (QT_PLACED, 1)]
        assert reopened.search(Query(inspector="Sở Nội vụ")).total == 3
    finally:
        reopened.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT value FROM fts_meta WHERE key = 'version'").fetchone() == (
            FTS_SCHEMA_VERSION,)
