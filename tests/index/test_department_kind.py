"""A query typing the departments' head alone ("các sở, ngành") finds the findings about any
department by one key stored with each finding (its agencies' kind: index.base.agency_kinds), on
both engines alike; never by the bare syllable, which the premises' "trụ sở" also holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from made_reports import shortcomings_report
from search_backends import BACKEND_PARAMS, elastic_backend, indexed, sqlite_backend

from core.levels import Level
from core.models import Area, Extraction, Role, Unit
from index.base import FindingRecord, Query, SearchBackend, agency_kinds
from index.records import finding_records


def _report(key: str, sentences: tuple[str, ...], units: tuple[Unit, ...]) -> list[FindingRecord]:
    """One document of `sentences`, each a shortcoming, about `units`."""
    document, findings = shortcomings_report(key, sentences, Area.CONG_VU)
    return finding_records(key, document, Extraction(key, units=units, findings=findings))


# An inspection of a department: its findings name no unit and inherit the inspected department.
DEPARTMENT = _report("so", ("Một số công chức chưa chấp hành nghiêm giờ giấc làm việc.",),
                     (Unit(Level.CO_QUAN, "Sở Tài chính", role=Role.INSPECTED, province="Quảng Trị"),))
# A commune's report naming its premises ("trụ sở") and a department by name.
COMMUNE = _report("xa", ("Trụ sở UBND xã xuống cấp, công chức chưa chấp hành giờ giấc.",
                         "Sở Nội vụ chưa hướng dẫn kịp thời việc chấp hành giờ giấc."),
                  (Unit(Level.XA, "Cam Thủy", role=Role.INSPECTED, province="Quảng Trị"),))
RECORDS = (*DEPARTMENT, *COMMUNE)


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SearchBackend:
    return indexed(request, tmp_path_factory, RECORDS)


def test_a_finding_carries_the_kind_of_each_agency_it_is_about() -> None:
    assert [agency_kinds(r) for r in RECORDS] == [("so",), (), ("so",)]


def test_the_departments_typed_together_are_the_findings_about_any_department(engine: SearchBackend) -> None:
    found = engine.search(Query(text="các sở, ngành chấp hành giờ giấc", limit=10))
    texts = [h.record.text for h in found.hits]
    # every group held by the departments' findings; the premises' "trụ sở" holds no department
    assert set(texts[:2]) == {DEPARTMENT[0].text, COMMUNE[1].text}
    assert texts[2:] == [COMMUNE[0].text]


@pytest.mark.elasticsearch
def test_both_engines_find_the_same_departments(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    lite, elastic = sqlite_backend(tmp_path, request), elastic_backend(tmp_path, request)
    for backend in (lite, elastic):
        assert backend.index(RECORDS) == len(RECORDS)
    for text in ("các sở, ngành chấp hành giờ giấc", "sở chưa chấp hành", "sở, ban, ngành"):
        ids = [sorted(h.record.finding_id for h in b.search(Query(text=text, limit=10)).hits)
               for b in (lite, elastic)]
        assert ids[0] == ids[1] and ids[0], text


def test_v10_tables_gain_the_kinds_when_opened(tmp_path: Path) -> None:
    """Search tables written before layout 12 hold no kind: opening them writes each finding's
    (`_migrate_v10`), so the departments typed together find the department's own findings."""
    import sqlite3

    from index.sqlite_fts import FTS_SCHEMA_VERSION, SqliteFtsBackend

    path = tmp_path / "search.db"
    first = SqliteFtsBackend(path)
    first.index(RECORDS)
    first.close()
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM fts_terms WHERE field = 'agency_kind'")
        conn.execute("UPDATE fts_meta SET value = '10' WHERE key = 'version'")
    SqliteFtsBackend(path).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT value FROM fts_meta WHERE key = 'version'").fetchone() == (
            FTS_SCHEMA_VERSION,)
        kinds = conn.execute("SELECT json_extract(r.record, '$.finding_id'), t.key FROM fts_terms t JOIN "
                             "fts_records r ON r.rowid = t.rowid WHERE t.field = 'agency_kind'").fetchall()
    assert sorted(kinds) == sorted([(DEPARTMENT[0].finding_id, "so"), (COMMUNE[1].finding_id, "so")])


def test_the_plan_reads_the_head_alone_as_one_group_of_the_kind() -> None:
    from index.query import plan_query

    plan = plan_query("hạn chế của các sở, ngành cấp tỉnh")
    kinds = [g for g in plan.groups if g.kind]
    assert len(kinds) == 1 and kinds[0].kind == "so" and kinds[0].unit is None
    collectives = {("sở", "ban", "ngành"), ("sở", "ngành"), ("các", "sở")}
    assert {a.syllables for a in kinds[0].alternatives} == collectives
    assert not any(a.syllables in {("sở",), ("ngành",)} for g in plan.groups for a in g.alternatives)
    assert not any(g.kind for g in plan_query("cán bộ vắng mặt tại trụ sở").groups)
    assert not any(g.kind for g in plan_query("so nganh cham tre").groups)  # folded "so" is số too
