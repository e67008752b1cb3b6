"""pipeline/search.py: the query's matters, found by the theme matcher, and the one composed search."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from core.models import Area, Polarity
from index.base import TIER_MATTER, TIER_WORDS, FindingRecord, Query
from index.sqlite_fts import SqliteFtsBackend
from nlp.themes import parse_taxonomy
from pipeline.search import matter_label, matter_of, positive_text, query_matters, search, with_matters

# A vocabulary written for these tests: one strong phrase, one weak one, two themes.
TAXONOMY = parse_taxonomy({"theme": [
    {"code": "tthc.phieu_hen", "label": "Phiếu hẹn", "area": "tthc",
     "terms": {"phiếu hẹn": 3, "sổ theo dõi": 3, "giấy tiếp nhận": 3, "hẹn trả": 2}},
    {"code": "tthc.giai_quyet", "label": "Giải quyết TTHC", "area": "tthc",
     "terms": {"hồ sơ": 0.8, "trả kết quả": 1.5, "tiếp nhận": 1.5}},
]})


def test_a_query_names_the_matters_its_phrases_weigh_enough_for() -> None:
    assert query_matters("xã nào chưa cấp phiếu hẹn", TAXONOMY) == ("tthc.phieu_hen",)
    assert query_matters("hồ sơ", TAXONOMY) == ()  # a weak hint is said of every matter
    # Two phrases of the weaker theme together are strong; the stronger theme stays first.
    assert query_matters("phiếu hẹn tiếp nhận trả kết quả", TAXONOMY) == ("tthc.phieu_hen", "tthc.giai_quyet")


def test_accents_are_optional_as_the_matcher_reads_them() -> None:
    assert query_matters("phieu hen", TAXONOMY) == ("tthc.phieu_hen",)
    assert query_matters("PHIẾU HẸN", TAXONOMY) == ("tthc.phieu_hen",)
    assert query_matters("sổ theo doi", TAXONOMY) == ("tthc.phieu_hen",)  # partly accented: read folded


def test_only_the_words_asked_for_count() -> None:
    assert query_matters('-"phiếu hẹn" tiếp nhận', TAXONOMY) == ()
    assert positive_text('"phiếu hẹn" OR sổ theo dõi -giấy') == "phiếu hẹn | sổ theo dõi"
    # A phrase does not run across the two sides of an OR: "hẹn | trả" is no "hẹn trả".
    assert query_matters("phiếu OR hẹn trả", TAXONOMY) == ("tthc.phieu_hen",)
    assert query_matters("phiếu hẹn OR trả", TAXONOMY) == ("tthc.phieu_hen",)
    assert "hẹn trả" not in positive_text("phiếu hẹn OR trả")


def test_the_real_vocabulary_reads_staff_queries() -> None:
    """On nlp/vi/themes.toml and index/vi/synonyms.toml as shipped."""
    assert query_matters("dich vu cong truc tuyen") == ("so_hoa.dvc_truc_tuyen",)
    assert query_matters("DVC") == ("so_hoa.dvc_truc_tuyen",)  # the genre's abbreviation, expanded
    assert query_matters("không có người trực")[0] == "cong_vu.ky_luat"
    assert query_matters("Tản Lĩnh") == ()  # a place names no matter


def test_matters_set_by_the_caller_are_kept() -> None:
    given = Query(text="phiếu hẹn", matters=("tthc.giai_quyet",))
    assert with_matters(given, TAXONOMY) == given
    assert with_matters(Query(text="phiếu hẹn"), TAXONOMY).matters == ("tthc.phieu_hen",)
    assert with_matters(Query(), TAXONOMY).matters == ()


def _rec(fid: str, text: str, words: str, theme: str) -> FindingRecord:
    return FindingRecord(finding_id=fid, doc_key=f"doc-{fid}", doc_id=f"{fid}.pdf", text=text, words=words,
                         polarity=Polarity.SHORTCOMING, area=Area.TTHC, theme=theme, year=2022)


@pytest.fixture
def backend(tmp_path: Path) -> Iterator[SqliteFtsBackend]:
    sqlite = SqliteFtsBackend(tmp_path / "search.db")
    sqlite.index([
        _rec("p1", "Bộ phận một cửa chưa cấp phiếu hẹn.", "Bộ_phận một_cửa chưa cấp phiếu_hẹn .",
             "tthc.phieu_hen"),
        _rec("p2", "Không lập sổ theo dõi hồ sơ.", "Không lập sổ theo_dõi hồ_sơ .", "tthc.phieu_hen"),
        _rec("q1", "Trụ sở xã vắng lặng.", "Trụ_sở xã vắng_lặng .", "cong_vu.ky_luat"),
    ])
    yield sqlite
    sqlite.close()


def test_the_composed_search_brings_the_matter_the_engine_alone_does_not(backend: SqliteFtsBackend) -> None:
    alone = backend.search(Query(text="phieu hen"))
    assert [h.record.finding_id for h in alone.hits] == ["p1"]
    composed = search(backend, Query(text="phieu hen"), TAXONOMY)
    assert [(h.record.finding_id, h.tier) for h in composed.hits] == [("p1", TIER_WORDS), ("p2", TIER_MATTER)]
    assert [h.matter for h in composed.hits] == [None, "tthc.phieu_hen"]
    # What the CLI's "same matter" line and the web page's badge show: the matter's label.
    assert [matter_label(h, TAXONOMY) for h in composed.hits] == [None, "Phiếu hẹn"]


def test_a_hit_spoken_of_besides_its_own_matter_names_the_querys_matter(tmp_path: Path) -> None:
    """Its own theme is not what the query asked: the CLI and web page show the matter it came by."""
    sqlite = SqliteFtsBackend(tmp_path / "search.db")
    try:
        sqlite.index([FindingRecord(
            finding_id="g1", doc_key="doc-g1", doc_id="g1.pdf", text="Hồ sơ tồn đọng, không có sổ theo dõi.",
            words="Hồ_sơ tồn_đọng , không có sổ theo_dõi .", polarity=Polarity.SHORTCOMING, area=Area.TTHC,
            theme="tthc.giai_quyet", themes=("tthc.giai_quyet", "tthc.phieu_hen"), year=2022)])
        hits = search(sqlite, Query(text="phieu hen"), TAXONOMY).hits
        assert [(h.record.finding_id, h.tier, h.matter) for h in hits] == [
            ("g1", TIER_MATTER, "tthc.phieu_hen")]
    finally:
        sqlite.close()


def test_matter_of_prefers_the_findings_own_theme_then_the_strongest_matter() -> None:
    assert matter_of("b", ("b", "a"), ("a", "b")) == "b"
    assert matter_of("c", ("c", "b", "a"), ("a", "b")) == "a"
    assert matter_of("c", ("c",), ("a",)) is None


def test_a_writing_command_migrates_an_older_index_with_the_vocabularys_themes(tmp_path: Path) -> None:
    """open_search (ingest, reindex, serve) passes nlp's reading to the v5 → v6 migration."""
    import json
    import sqlite3

    from core.settings import load_settings
    from pipeline.process import open_search

    database = tmp_path / "store.db"
    old = SqliteFtsBackend(database)
    old.index([_rec("v1", "Tỷ lệ hồ sơ trực tuyến còn thấp, chưa ký số văn bản.", "", "tthc.giai_quyet")])
    old.close()
    with sqlite3.connect(database) as conn:  # as v5 stored it: no `themes`, no primary_theme terms
        conn.execute("DELETE FROM fts_terms WHERE field = 'primary_theme'")
        raw, = conn.execute("SELECT record FROM fts_records").fetchone()
        record = json.loads(raw)
        del record["themes"]
        conn.execute("UPDATE fts_records SET record = ?", (json.dumps(record, ensure_ascii=False),))
        conn.execute("UPDATE fts_meta SET value = '5' WHERE key = 'version'")
    backend = open_search(load_settings({"db_path": str(database), "backend": "sqlite"}))
    try:
        hit, = backend.search(Query(theme="so_hoa.chu_ky_so")).hits
        assert hit.record.themes == ("tthc.giai_quyet", "so_hoa.dvc_truc_tuyen", "so_hoa.chu_ky_so")
    finally:
        backend.close()
