"""A split finding's context (FindingRecord.context: its sentence's words before it) as a field of
its own on both engines (SearchBackend.contexted), and the composed search giving such findings
the pool's last places.

The findings are written for these tests: a sentence on late files split into its shares ("39%
còn lại do ..." says neither "hồ sơ" nor "quá hạn"), and findings on other matters.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from search_backends import BACKEND_PARAMS, indexed

from core.models import Area, Polarity
from index.base import TIER_SOME_WORDS, FindingRecord, Query, SearchBackend
from pipeline.search import CONTEXT_PLACES, engine_pool

LATE = "Trong năm, xã có 18 hồ sơ giải quyết quá hạn"


def _rec(fid: str, text: str, doc: str, context: str | None = None, province: str = "Gia Lai",
         published: str = "2024-05-01") -> FindingRecord:
    return FindingRecord(finding_id=fid, doc_key=doc, doc_id=doc, text=text, words=text,
                         polarity=Polarity.SHORTCOMING, area=Area.TTHC, context=context,
                         provinces=(province,), year=2024, published=published)


RECORDS = (
    _rec("s1", "61% số hồ sơ quá hạn là do công dân chậm bổ sung giấy tờ", "bc-1", LATE),
    _rec("s2", "39% còn lại do cán bộ chưa cập nhật kịp thời trên phần mềm", "bc-1", LATE,
         published="2024-05-02"),
    _rec("s3", "chưa bố trí sổ theo dõi", "bc-1", "Tồn tại, hạn chế", published="2024-06-01"),
    _rec("o1", "Xã chưa niêm yết thủ tục hành chính", "bc-2", province="Nghệ An"),
    _rec("o2", "Cán bộ đi muộn về sớm", "bc-3", "Về kỷ luật, kỷ cương hành chính", "Nghệ An"),
)


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def backend(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SearchBackend:
    return indexed(request, tmp_path_factory, RECORDS)


def _contexted(backend: SearchBackend, text: str, **filters: object) -> list[str]:
    query = Query(text=text, **filters)  # type: ignore[arg-type]
    return [h.record.finding_id for h in backend.contexted(query, backend.plan(text), 10)]


def test_the_context_holds_what_the_piece_leaves_out(backend: SearchBackend) -> None:
    """s2 holds none of the words: its context holds both; s1 holds both in its text, so the
    engine's own stages find it and contexted does not repeat it."""
    assert _contexted(backend, "hồ sơ quá hạn") == ["s2"]
    assert _contexted(backend, "hồ sơ quá hạn do cán bộ") == ["s2"]  # "cán bộ" in its text
    assert _contexted(backend, "hồ sơ thủ tục") == []  # "thủ tục" is in no context nor in s2
    assert _contexted(backend, "sổ theo dõi") == []  # in a text alone: the engine's own


def test_more_groups_in_the_text_come_first(backend: SearchBackend) -> None:
    """s1 holds "hồ sơ" in its text, s2 none of the words: s1 comes first, though s2 is newer
    (the browse order) and both need their context for "giải quyết"."""
    assert _contexted(backend, "hồ sơ giải quyết") == ["s1", "s2"]


def test_the_context_is_folded_and_accent_checked_as_the_text(backend: SearchBackend) -> None:
    assert _contexted(backend, "ho so qua han") == ["s2"]
    assert _contexted(backend, "hồ sơ quá hận") == []  # "hận" typed: not the context's "hạn"


def test_the_context_search_keeps_the_filters_and_the_excluded_words(backend: SearchBackend) -> None:
    assert _contexted(backend, "kỷ luật hành chính", province="Nghệ An") == ["o2"]
    assert _contexted(backend, "kỷ luật hành chính", province="Gia Lai") == []
    assert _contexted(backend, "hồ sơ quá hạn -phần") == []
    assert all(h.tier == TIER_SOME_WORDS for h in backend.contexted(
        Query(text="hồ sơ quá hạn"), backend.plan("hồ sơ quá hạn"), 10))


def test_the_pool_gives_its_last_places_to_the_pieces_found_by_context(backend: SearchBackend) -> None:
    result, pushed = engine_pool(backend, Query(text="hồ sơ quá hạn", limit=10), 30)
    assert [h.record.finding_id for h in result.hits] == ["s1", "s2"]
    assert pushed == ()
    full, pushed = engine_pool(backend, Query(text="hồ sơ quá hạn", limit=10), 1)  # a full pool
    assert [h.record.finding_id for h in full.hits] == ["s2"]  # CONTEXT_PLACES >= 1: the last place
    assert [h.record.finding_id for h in pushed] == ["s1"]  # listed first after the pool
    assert CONTEXT_PLACES >= 1


def test_removing_a_document_removes_its_contexts(tmp_path: Path) -> None:
    from index.sqlite_fts import SqliteFtsBackend

    backend = SqliteFtsBackend(tmp_path / "search.db")
    try:
        backend.index(RECORDS)
        backend.delete_document("bc-1")
        assert _contexted(backend, "hồ sơ quá hạn") == []
        backend.index(RECORDS[1:2])
        assert _contexted(backend, "hồ sơ quá hạn") == ["s2"]
    finally:
        backend.close()


def test_v7_tables_index_the_contexts_their_records_hold_in_place(tmp_path: Path) -> None:
    """A v7 index (no context field) opens as v8 with each stored finding's context searchable."""
    from index.sqlite_fts import SqliteFtsBackend

    path = tmp_path / "v7.db"
    backend = SqliteFtsBackend(path)
    backend.index(RECORDS)
    backend.close()
    with sqlite3.connect(path) as conn:  # as v7 wrote it: the records, no context table
        conn.execute("DROP TABLE fts_contexts")
        conn.execute("UPDATE fts_meta SET value = '7' WHERE key = 'version'")
    reopened = SqliteFtsBackend(path)
    try:
        assert _contexted(reopened, "hồ sơ quá hạn") == ["s2"]
    finally:
        reopened.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT value FROM fts_meta WHERE key = 'version'").fetchone() == ("8",)
