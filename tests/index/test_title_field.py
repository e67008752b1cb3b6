"""The document's title as a field of its own on both engines (SearchBackend.titled), and the
composed search filling a short pool with the findings under a title naming the query.

The findings are written for these tests: an article headed "… sau sáp nhập" whose findings say
one detail each without repeating it, and a report on another matter.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from search_backends import BACKEND_PARAMS, indexed

from core.models import Area, Polarity
from index.base import TIER_SOME_WORDS, TIER_WORDS, FindingRecord, Query, SearchBackend
from pipeline.search import came_by_headline, engine_pool

MERGER = "Bộ máy cấp xã sau sáp nhập ở Gia Lai"


def _rec(fid: str, text: str, doc: str, title: str | None, province: str = "Gia Lai") -> FindingRecord:
    return FindingRecord(finding_id=fid, doc_key=doc, doc_id=doc, text=text, words=text,
                         polarity=Polarity.SHORTCOMING, area=Area.BO_MAY, title=title,
                         provinces=(province,), year=2025, published="2025-11-04")


RECORDS = (
    _rec("a1", "Xã Ia Grai còn thiếu 3 công chức địa chính.", "tin-1", MERGER),
    _rec("a2", "Trụ sở làm việc của phường chật hẹp, thiếu máy tính.", "tin-1", MERGER),
    _rec("a3", "Một số xã chưa bố trí đủ cán bộ sau sáp nhập.", "tin-1", MERGER),
    _rec("b1", "Xã chưa niêm yết thủ tục hành chính.", "bc-2", "Kiểm tra cải cách hành chính", "Nghệ An"),
    _rec("c1", "Cán bộ đi muộn về sớm.", "bc-3", None, "Nghệ An"),
)


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def backend(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SearchBackend:
    return indexed(request, tmp_path_factory, RECORDS)


def _titled(backend: SearchBackend, text: str, **filters: object) -> list[str]:
    query = Query(text=text, **filters)  # type: ignore[arg-type]
    return sorted(h.record.finding_id for h in backend.titled(query, backend.plan(text), 10))


def test_the_title_holds_every_group_or_nothing(backend: SearchBackend) -> None:
    assert _titled(backend, "sau sáp nhập") == ["a1", "a2", "a3"]
    assert _titled(backend, "bộ máy sáp nhập") == ["a1", "a2", "a3"]
    assert _titled(backend, "sáp nhập cải cách hành chính") == []  # one group is only in the other title
    assert _titled(backend, "đi muộn") == []  # in a finding's text, not in any title


def test_the_title_is_folded_and_accent_checked_as_the_text(backend: SearchBackend) -> None:
    assert _titled(backend, "sau sap nhap") == ["a1", "a2", "a3"]  # typed without accents
    assert _titled(backend, "sau sắp nhập") == []  # "sắp" typed: not the title's "sáp"


def test_the_title_search_keeps_the_filters_and_the_excluded_words(backend: SearchBackend) -> None:
    assert _titled(backend, "cải cách hành chính", province="Nghệ An") == ["b1"]
    assert _titled(backend, "cải cách hành chính", province="Gia Lai") == []
    assert _titled(backend, "sáp nhập -máy", year=2025) == ["a1", "a3"]
    assert all(h.tier == TIER_SOME_WORDS for h in backend.titled(Query(text="sáp nhập"),
                                                                 backend.plan("sáp nhập"), 10))


def test_a_short_pool_is_filled_by_the_findings_under_a_title_naming_it(backend: SearchBackend) -> None:
    """Only a3 says "sau sáp nhập" in its text; the article's other findings come after it, as
    the fill, because their title says it for them."""
    result, _ = engine_pool(backend, Query(text="sau sáp nhập", limit=10), 30)
    ids = [(h.record.finding_id, h.tier) for h in result.hits]
    assert ids[0] == ("a3", TIER_WORDS)
    assert sorted(ids[1:]) == [("a1", TIER_SOME_WORDS), ("a2", TIER_SOME_WORDS)]
    assert result.total == 3
    full, _ = engine_pool(backend, Query(text="sau sáp nhập", limit=10), 1)  # a full pool: no title's
    assert [h.record.finding_id for h in full.hits] == ["a3"]
    # Each fill says it came by its document's title; the finding of the words says nothing.
    assert [came_by_headline(h) for h in result.hits] == [None, "title", "title"]


def test_removing_a_document_removes_its_title(tmp_path: Path) -> None:
    from index.sqlite_fts import SqliteFtsBackend

    backend = SqliteFtsBackend(tmp_path / "search.db")
    try:
        backend.index(RECORDS)
        backend.delete_document("tin-1")
        assert backend.titled(Query(text="sáp nhập"), backend.plan("sáp nhập"), 10) == []
        backend.index(RECORDS[:1])
        assert [h.record.finding_id for h in backend.titled(Query(text="sáp nhập"),
                                                             backend.plan("sáp nhập"), 10)] == ["a1"]
    finally:
        backend.close()


def test_v6_tables_index_the_titles_their_records_hold_in_place(tmp_path: Path) -> None:
    """A v6 index (no title field) opens at today's schema with each stored finding's title
    searchable (the v7 step adds the titles; later steps run after it)."""
    import sqlite3

    from index.sqlite_fts import FTS_SCHEMA_VERSION, SqliteFtsBackend

    path = tmp_path / "v6.db"
    backend = SqliteFtsBackend(path)
    backend.index(RECORDS)
    backend.close()
    with sqlite3.connect(path) as conn:  # as v6 wrote it: the records, no title table
        conn.execute("DROP TABLE fts_titles")
        conn.execute("UPDATE fts_meta SET value = '6' WHERE key = 'version'")
    reopened = SqliteFtsBackend(path)
    try:
        assert _titled(reopened, "sau sáp nhập") == ["a1", "a2", "a3"]
    finally:
        reopened.close()
    with sqlite3.connect(path) as conn:
        version = conn.execute("SELECT value FROM fts_meta WHERE key = 'version'").fetchone()
    assert version == (FTS_SCHEMA_VERSION,)


# An article without a title: its lead says the occasion once, its findings one detail each
# (written for these tests).
OCCASION = ("Sau sáp nhập, tỉnh Gia Lai gặp không ít khó khăn ở cấp xã. Tỉnh đã giao các sở hướng dẫn "
            "để chính quyền địa phương 2 cấp sớm đi vào nền nếp.")
UNTITLED = (
    FindingRecord(finding_id="d1", doc_key="tin-4", doc_id="tin-4", words="", polarity=Polarity.SHORTCOMING,
                  area=Area.BO_MAY, text="Nhiều xã chưa đủ phòng làm việc cho công chức.", lead=OCCASION,
                  provinces=("Gia Lai",), year=2025),
    FindingRecord(finding_id="d2", doc_key="tin-4", doc_id="tin-4", words="", polarity=Polarity.SHORTCOMING,
                  area=Area.BO_MAY, text="Số công chức mỗi xã chưa cân đối với công việc.", lead=OCCASION,
                  provinces=("Gia Lai",), year=2025),
    # A title and a lead: the title is its headline, the lead is not searched as one.
    FindingRecord(finding_id="e1", doc_key="tin-5", doc_id="tin-5", words="", polarity=Polarity.SHORTCOMING,
                  area=Area.BO_MAY, text="Xã chưa công khai thủ tục.", title="Kiểm tra cải cách hành chính",
                  lead="Đoàn đã kiểm tra chính quyền địa phương 2 cấp tại 3 xã.", provinces=("Gia Lai",),
                  year=2025),
)


def test_the_headline_is_the_title_else_the_lead() -> None:
    assert [r.headline for r in UNTITLED] == [OCCASION, OCCASION, "Kiểm tra cải cách hành chính"]
    assert replace(UNTITLED[0], lead="  ").headline is None
    assert replace(UNTITLED[2], title=" ").headline == UNTITLED[2].lead


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def with_leads(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SearchBackend:
    return indexed(request, tmp_path_factory, RECORDS + UNTITLED)


def test_a_title_less_documents_lead_is_searched_as_its_headline(with_leads: SearchBackend) -> None:
    """Both sentences of the lead count (the occasion spans them), folded and accent-checked as
    a title is; a lead under a title is not searched."""
    assert _titled(with_leads, "chính quyền địa phương 2 cấp") == ["d1", "d2"]
    assert _titled(with_leads, "chinh quyen dia phuong 2 cap") == ["d1", "d2"]
    assert _titled(with_leads, "Gia Lai sau sáp nhập") == ["a1", "a2", "a3", "d1", "d2"]
    assert _titled(with_leads, "khó khăn sau sắp nhập") == []


def test_a_short_pool_is_filled_by_a_title_less_articles_findings(with_leads: SearchBackend) -> None:
    """No finding's text says "chính quyền địa phương 2 cấp"; the article's lead says it for
    both of its findings, which fill the empty places (the titled article's lead does not)."""
    result, _ = engine_pool(with_leads, Query(text="chính quyền địa phương 2 cấp", limit=10), 30)
    assert sorted((h.record.finding_id, h.tier) for h in result.hits) == [
        ("d1", TIER_SOME_WORDS), ("d2", TIER_SOME_WORDS)]
    # They say they came by the opening paragraph of a document without a title, not by a title.
    assert {came_by_headline(h) for h in result.hits} == {"lead"}


def test_the_facets_count_the_fill_as_the_total_does(with_leads: SearchBackend) -> None:
    """The fill is counted in the total; its findings are counted in the facets too, so a facet's
    counts add up to what the page says it found (before, only a3 was counted of three)."""
    result, _ = engine_pool(with_leads, Query(text="sau sáp nhập", limit=10, facets=True), 30)
    assert result.total == 5  # a3 by its text; a1, a2 by their title; d1, d2 by their lead
    assert result.facets["polarity"] == [("shortcoming", 5)]
    assert result.facets["year"] == [("2025", 5)] and result.facets["province"] == [("Gia Lai", 5)]
    assert result.facets["area"] == [("bo_may", 5)]
    alone, _ = engine_pool(with_leads, Query(text="sau sáp nhập", limit=10, facets=True), 1)
    assert alone.total == 1 and alone.facets["polarity"] == [("shortcoming", 1)]  # no fill, as counted


def _v8_store(path: Path) -> Path:
    """A search store at `path` as schema v8 wrote it: the title-less article's findings hold no
    headline in fts_titles (v8 indexed titles alone)."""
    import sqlite3

    from index.sqlite_fts import SqliteFtsBackend

    backend = SqliteFtsBackend(path)
    backend.index(RECORDS + UNTITLED)
    backend.close()
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM fts_titles WHERE rowid IN (SELECT rowid FROM fts_records"
                     " WHERE doc_key = 'tin-4')")
        conn.execute("UPDATE fts_meta SET value = '8' WHERE key = 'version'")
    return path


def test_v8_tables_index_the_leads_as_headlines_in_place(tmp_path: Path) -> None:
    """A v8 index (titles only in fts_titles) opens at today's schema with each title-less
    finding's lead searchable, read from the record it stored."""
    import sqlite3

    from index.sqlite_fts import FTS_SCHEMA_VERSION, SqliteFtsBackend

    path = _v8_store(tmp_path / "v8.db")
    reopened = SqliteFtsBackend(path)
    try:
        assert _titled(reopened, "chính quyền địa phương 2 cấp") == ["d1", "d2"]
        assert _titled(reopened, "sau sáp nhập") == ["a1", "a2", "a3", "d1", "d2"]
    finally:
        reopened.close()
    with sqlite3.connect(path) as conn:
        version = conn.execute("SELECT value FROM fts_meta WHERE key = 'version'").fetchone()
    assert version == (FTS_SCHEMA_VERSION,)


def test_a_v8_migration_stopped_half_way_is_rolled_back_and_done_at_the_next_open(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The step runs in the opening's one transaction: a failure half-way through the headlines
    (a full disk) leaves the v8 tables as they were, and the next open migrates them whole."""
    import sqlite3

    import index.sqlite_fts as sqlite_fts
    from core.errors import BackendError

    path = _v8_store(tmp_path / "v8.db")
    with sqlite3.connect(path) as conn:
        titles = conn.execute("SELECT count(*) FROM fts_titles").fetchone()
    written = 0
    insert = sqlite_fts._insert_headline

    def failing(conn: sqlite3.Connection, rowid: int, headline: str | None) -> None:
        nonlocal written
        if written == 3:
            raise sqlite3.OperationalError("database or disk is full")
        written += 1
        insert(conn, rowid, headline)

    monkeypatch.setattr(sqlite_fts, "_insert_headline", failing)
    with pytest.raises(BackendError):
        sqlite_fts.SqliteFtsBackend(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT value FROM fts_meta WHERE key = 'version'").fetchone() == ("8",)
        assert conn.execute("SELECT count(*) FROM fts_titles").fetchone() == titles
    monkeypatch.setattr(sqlite_fts, "_insert_headline", insert)
    reopened = sqlite_fts.SqliteFtsBackend(path)
    try:
        assert _titled(reopened, "chính quyền địa phương 2 cấp") == ["d1", "d2"]
        assert reopened.count() == len(RECORDS + UNTITLED)
    finally:
        reopened.close()
