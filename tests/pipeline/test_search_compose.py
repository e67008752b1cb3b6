"""pipeline/search.py: the query's matters, found by the theme matcher, and the one composed search."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from core.errors import ConfigError
from core.models import Area, Polarity
from index.base import TIER_MATTER, TIER_WORDS, FindingRecord, Query
from index.query import compile_lexicon
from index.sqlite_fts import SqliteFtsBackend
from nlp.themes import parse_taxonomy
from pipeline.search import (
    matter_label,
    matter_of,
    positive_text,
    query_areas,
    query_matters,
    search,
    spelled_out,
    with_matter_area,
    with_matters,
)

# A vocabulary written for these tests: one strong phrase, one weak one, two themes.
TAXONOMY_DATA: dict[str, list[dict[str, object]]] = {"theme": [
    {"code": "tthc.phieu_hen", "label": "Phiếu hẹn", "area": "tthc",
     "terms": {"phiếu hẹn": 3, "sổ theo dõi": 3, "giấy tiếp nhận": 3, "hẹn trả": 2}},
    {"code": "tthc.giai_quyet", "label": "Giải quyết TTHC", "area": "tthc",
     "terms": {"hồ sơ": 0.8, "trả kết quả": 1.5, "tiếp nhận": 1.5}},
]}
TAXONOMY = parse_taxonomy(TAXONOMY_DATA)


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


def test_the_matters_named_as_typed_come_before_those_of_synonyms() -> None:
    """On the shipped data: the one-stop office's full name ("bộ phận tiếp nhận và trả kết quả")
    also says the handling of files (tthc.giai_quyet), more strongly than its other names say
    the office; typed, or asked by the set's other members, the office comes first."""
    assert query_matters("bộ phận một cửa")[0] == "tthc.mot_cua"
    assert query_matters("BPTN&TKQ")[0] == "tthc.mot_cua"  # most of the set's members say the office
    # A matter of the typed words beside the office's: "trang thiết bị", the equipment.
    assert query_matters("bộ phận một cửa còn thiếu trang thiết bị") == ("tthc.mot_cua", "so_hoa.ha_tang")
    assert query_matters("DVC") == ("so_hoa.dvc_truc_tuyen",)  # named by its members alone


def test_spellings_of_one_name_vote_once_for_its_matter() -> None:
    """Members differing by a function word are one name written twice: the desk's full name with
    and without "và" must not outvote its short names ("bộ phận một cửa", "BPMC")."""
    lexicon = compile_lexicon(["và"], [])
    full = lexicon.content_form("bộ phận tiếp nhận và trả kết quả")
    assert full == lexicon.content_form("bo phan tiep nhan tra ket qua")
    assert full == ("bo", "phan", "tiep", "nhan", "tra", "ket", "qua")
    assert lexicon.content_form("bộ phận một cửa") != lexicon.content_form("bộ phận 1 cửa")


def test_the_query_spelled_out_replaces_each_synonym_by_its_fullest_member() -> None:
    lexicon = compile_lexicon([], [["kế hoạch", "KH"], ["cải cách hành chính", "CCHC"]])
    assert spelled_out("KH CCHC năm 2024 | lập KH", lexicon) == \
        "kế hoạch cải cách hành chính năm 2024 | lập kế hoạch"
    assert spelled_out("kh cchc", lexicon) == "ke hoach cai cach hanh chinh"  # typed folded: read folded
    assert spelled_out("kiểm tra", lexicon) == "kiểm tra"


def test_a_phrase_spanning_several_abbreviations_names_its_matter() -> None:
    """On the shipped data: "kế hoạch" alone is a weak hint and "CCHC" names no matter, but the
    query spelled out says "kế hoạch cải cách hành chính", the plan's own phrase."""
    assert query_matters("KH CCHC hằng năm") == ("chi_dao.ke_hoach",)
    assert query_matters("kh cchc hang nam") == ("chi_dao.ke_hoach",)
    assert query_matters('-"KH CCHC" năm') == ()  # excluded: asked for nothing
    assert query_matters("KH") == ()
    # Read only when the typed words and their synonyms name none: a fullest form says more.
    assert query_matters("phiếu hẹn")[0] == "tthc.phieu_hen"


def test_matters_set_by_the_caller_are_kept() -> None:
    given = Query(text="phiếu hẹn", matters=("tthc.giai_quyet",))
    assert with_matters(given, TAXONOMY) == given
    assert with_matters(Query(text="phiếu hẹn"), TAXONOMY).matters == ("tthc.phieu_hen",)
    assert with_matters(Query(), TAXONOMY).matters == ()


def _rec(fid: str, text: str, words: str, theme: str,
         polarity: Polarity = Polarity.SHORTCOMING) -> FindingRecord:
    """A finding of `theme`, in the area its theme implies (nlp/themes.py: every theme implies its area)."""
    return FindingRecord(finding_id=fid, doc_key=f"doc-{fid}", doc_id=f"{fid}.pdf", text=text, words=words,
                         polarity=polarity, area=Area(theme.split(".")[0]), theme=theme, year=2022)


@pytest.fixture
def sqlite(tmp_path: Path) -> Iterator[SqliteFtsBackend]:
    """An empty SQLite engine, closed after the test."""
    empty = SqliteFtsBackend(tmp_path / "search.db")
    yield empty
    empty.close()


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


def test_a_short_page_lists_the_matters_area_after_the_matter(sqlite: SqliteFtsBackend) -> None:
    """The words find less than a page: after the matter's own findings come the other findings
    of its area (g1: the handling of files, filed under a neighbour theme of the same section),
    not those of another area (q1); each names no matter of the query (it came by the area)."""
    sqlite.index([
        _rec("g1", "Giải quyết hồ sơ còn chậm.", "Giải_quyết hồ_sơ còn chậm .", "tthc.giai_quyet"),
        _rec("p1", "Bộ phận một cửa chưa cấp phiếu hẹn.", "Bộ_phận một_cửa chưa cấp phiếu_hẹn .",
             "tthc.phieu_hen"),
        _rec("p2", "Không lập sổ theo dõi hồ sơ.", "Không lập sổ theo_dõi hồ_sơ .", "tthc.phieu_hen"),
        _rec("q1", "Trụ sở xã vắng lặng.", "Trụ_sở xã vắng_lặng .", "cong_vu.ky_luat"),
    ])
    hits = search(sqlite, Query(text="phieu hen"), TAXONOMY).hits
    assert [(h.record.finding_id, h.tier, h.matter) for h in hits] == [
        ("p1", TIER_WORDS, None), ("p2", TIER_MATTER, "tthc.phieu_hen"), ("g1", TIER_MATTER, None)]
    # The engine asked without the composed search's widening lists the matter alone.
    alone = sqlite.search(with_matters(Query(text="phieu hen"), TAXONOMY))
    assert [h.record.finding_id for h in alone.hits] == ["p1", "p2"]


def test_a_short_page_lists_the_areas_findings_of_the_polarity_asked_only(sqlite: SqliteFtsBackend) -> None:
    """As the whole matter tier: the area's strengths answer no question about its shortcomings."""
    sqlite.index([
        _rec("g1", "Giải quyết hồ sơ còn chậm.", "Giải_quyết hồ_sơ còn chậm .", "tthc.giai_quyet"),
        _rec("g2", "Giải quyết hồ sơ đúng hạn.", "Giải_quyết hồ_sơ đúng hạn .", "tthc.giai_quyet",
             Polarity.STRENGTH),
        _rec("p1", "Bộ phận một cửa chưa cấp phiếu hẹn.", "Bộ_phận một_cửa chưa cấp phiếu_hẹn .",
             "tthc.phieu_hen"),
    ])
    found = {h.record.finding_id for h in search(sqlite, Query(text="hạn chế phiếu hẹn"), TAXONOMY).hits}
    assert found == {"p1", "g1"}
    assert {h.record.finding_id for h in search(sqlite, Query(text="phiếu hẹn"), TAXONOMY).hits} == {
        "p1", "g1", "g2"}


def test_the_engine_is_asked_for_the_strongest_matters_area_besides_the_areas_named() -> None:
    asked = Query(text="x", matters=("tthc.phieu_hen", "cong_vu.ky_luat"), areas=("bo_may",))
    widened = with_matter_area(asked, TAXONOMY)
    assert widened.areas == ("bo_may", "tthc")
    assert with_matter_area(widened, TAXONOMY) == widened  # engine_pool widens what reranked widened
    assert with_matter_area(Query(text="x", areas=("bo_may",)), TAXONOMY).areas == ("bo_may",)
    # The query the user asked keeps the areas it named: what the reranker reads (area_named).
    assert asked.areas == ("bo_may",)


def test_a_hit_spoken_of_besides_its_own_matter_names_the_querys_matter(sqlite: SqliteFtsBackend) -> None:
    """Its own theme is not what the query asked: the CLI and web page show the matter it came by."""
    sqlite.index([FindingRecord(
        finding_id="g1", doc_key="doc-g1", doc_id="g1.pdf", text="Hồ sơ tồn đọng, không có sổ theo dõi.",
        words="Hồ_sơ tồn_đọng , không có sổ theo_dõi .", polarity=Polarity.SHORTCOMING, area=Area.TTHC,
        theme="tthc.giai_quyet", themes=("tthc.giai_quyet", "tthc.phieu_hen"), year=2022)])
    hits = search(sqlite, Query(text="phieu hen"), TAXONOMY).hits
    assert [(h.record.finding_id, h.tier, h.matter) for h in hits] == [
        ("g1", TIER_MATTER, "tthc.phieu_hen")]


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


# The areas' names as the reports head their sections, written for these tests.
AREAS = parse_taxonomy({"theme": TAXONOMY_DATA["theme"], "areas": {
    "chi_dao": ["công tác chỉ đạo, điều hành", "chỉ đạo điều hành"],
    "bo_may": ["tổ chức bộ máy"]}})


def test_a_query_names_an_area_by_its_whole_heading_accents_and_commas_optional() -> None:
    assert query_areas("hạn chế trong công tác chỉ đạo điều hành", AREAS) == ("chi_dao",)
    assert query_areas("ton tai ve to chuc bo may", AREAS) == ("bo_may",)
    assert query_areas("Chỉ đạo, điều hành; tổ chức bộ máy", AREAS) == ("chi_dao", "bo_may")
    # Part of a name is no name; nor a name across the two sides of an OR or excluded.
    assert query_areas("chỉ đạo", AREAS) == ()
    assert query_areas("bộ máy", AREAS) == ()
    assert query_areas("chỉ đạo OR điều hành", AREAS) == ()
    assert query_areas('phiếu hẹn -"tổ chức bộ máy"', AREAS) == ()


def test_with_matters_adds_the_areas_named() -> None:
    asked = with_matters(Query(text="tồn tại về tổ chức bộ máy"), AREAS)
    assert asked.areas == ("bo_may",)
    given = Query(text="tổ chức bộ máy", areas=("cong_vu",))
    assert with_matters(given, AREAS).areas == ("cong_vu",)


def test_the_real_vocabulary_reads_the_areas_staff_ask_about() -> None:
    """On nlp/vi/themes.toml as shipped: every area but the overall one has a name."""
    assert query_areas("hạn chế trong công tác chỉ đạo điều hành") == ("chi_dao",)
    assert query_areas("tồn tại về tổ chức bộ máy") == ("bo_may",)
    assert query_areas("cai cach thu tuc hanh chinh") == ("tthc",)
    assert query_areas("ưu điểm cải cách thể chế") == ("the_che",)
    assert query_areas("công chức, viên chức vi phạm") == ("cong_vu",)
    assert query_areas("cải cách tài chính công") == ("tai_chinh",)
    assert query_areas("chuyển đổi số") == ("so_hoa",)
    assert query_areas("xã nào chưa cấp phiếu hẹn") == ()
    assert query_areas("thủ tục hành chính") == ()  # said of a matter, not the heading


@pytest.mark.parametrize("areas", [{"chi_dao": ["chỉ đạo điều hành", "tài chính"]}, {"chi_dao": ["chỉ đạo"]},
                                   {"khac": ["cải cách khác"]}, {"tthc": "cải cách tthc"}])
def test_an_area_name_of_one_word_or_of_no_area_is_refused(areas: dict[str, object]) -> None:
    with pytest.raises(ConfigError, match="areas"):
        parse_taxonomy({"theme": TAXONOMY_DATA["theme"], "areas": areas})


def _area_rec(fid: str, text: str, words: str, theme: str) -> FindingRecord:
    return FindingRecord(finding_id=fid, doc_key=f"doc-{fid}", doc_id=f"{fid}.pdf", text=text, words=words,
                         polarity=Polarity.SHORTCOMING, area=Area.BO_MAY, theme=theme, year=2022)


def test_the_composed_search_brings_the_area_named(sqlite: SqliteFtsBackend) -> None:
    sqlite.index([
        _area_rec("a1", "Tồn tại về tổ chức bộ máy của xã.", "Tồn_tại về tổ_chức bộ_máy của xã .",
                  "bo_may.sap_xep"),
        _area_rec("a2", "Chưa phân công nhiệm vụ rõ ràng.", "Chưa phân_công nhiệm_vụ rõ_ràng .",
                  "bo_may.chuc_nang"),
        _rec("p2", "Không lập sổ theo dõi hồ sơ.", "Không lập sổ theo_dõi hồ_sơ .", "tthc.phieu_hen"),
    ])
    composed = search(sqlite, Query(text="tồn tại về tổ chức bộ máy"), AREAS)
    assert [(h.record.finding_id, h.tier) for h in composed.hits] == [
        ("a1", TIER_WORDS), ("a2", TIER_MATTER)]


def test_the_composed_search_brings_the_sections_area_before_the_other_polarity(
        sqlite: SqliteFtsBackend) -> None:
    """The shortcoming of the procedures' area on another matter (s1) answers "hạn chế về phiếu
    hẹn" better than the strength on its matter (g1), which comes last; the engine alone, asked
    the query as typed, does not bring s1."""
    sqlite.index([
        _rec("p1", "Bộ phận một cửa chưa cấp phiếu hẹn.", "Bộ_phận một_cửa chưa cấp phiếu_hẹn .",
             "tthc.phieu_hen"),
        _rec("s1", "Hồ sơ trễ hạn chưa có văn bản xin lỗi.", "Hồ_sơ trễ hạn chưa có văn_bản xin_lỗi .",
             "tthc.giai_quyet"),
        FindingRecord(finding_id="g1", doc_key="doc-g1", doc_id="g1.pdf",
                      text="Xã đã cấp phiếu hẹn đầy đủ.", words="Xã đã cấp phiếu_hẹn đầy_đủ .",
                      polarity=Polarity.STRENGTH, area=Area.TTHC, theme="tthc.phieu_hen", year=2022),
    ])
    asked = Query(text="hạn chế về phiếu hẹn")
    hits = search(sqlite, asked, TAXONOMY).hits
    assert [(h.record.finding_id, h.tier) for h in hits] == [
        ("p1", TIER_WORDS), ("s1", TIER_MATTER), ("g1", TIER_WORDS)]
    alone = sqlite.search(with_matters(asked, TAXONOMY)).hits
    assert "s1" not in {h.record.finding_id for h in alone}


def test_the_matters_of_a_query_typed_without_accents_are_read_as_the_engine_read_its_words() -> None:
    """On the shipped data. "thu quy" typed without accents: "quy" is also the "quy" of "quy chế",
    so alone it names no fund; the engine read the word round it (index.query.read_back), and
    the fund's matter is named from that reading, as typed with accents."""
    from index.query import Alternative, Plan, parse, read_back
    from index.spelling import Correction

    text = "thu quy den on dap nghia"
    plan = Plan(restored=(Alternative(("thủ", "quỹ"), literal=True),
                          Alternative(("đền", "ơn", "đáp", "nghĩa"), literal=True)))
    read = read_back(parse(text), plan)
    assert positive_text(read) == "thủ quỹ đền ơn đáp nghĩa"
    assert with_matters(Query(text=text)).matters == ()
    assert with_matters(Query(text=text), plan=plan).matters == ("tai_chinh.thu_chi",)
    assert with_matters(Query(text="thu quỹ đền ơn đáp nghĩa")).matters == ("tai_chinh.thu_chi",)
    # a syllable the engine read otherwise (a lone syllable, a typo) is read back too; a quoted
    # phrase keeps what was typed
    fixed = Plan(corrections=(Correction(clause=0, at=0, typed="so", read="sổ"),),
                 restored=(Alternative(("theo", "dõi"), literal=True),))
    assert positive_text(read_back(parse("so theo doi"), fixed)) == "sổ theo dõi"
    assert positive_text(read_back(parse('"theo doi" x'), Plan(restored=fixed.restored))) == "theo doi | x"
