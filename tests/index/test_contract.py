"""One contract for every SearchBackend: SQLite FTS5 and Elasticsearch must behave alike.

The findings below are written for these tests. Each test runs once per backend; the
Elasticsearch run gets a fresh, uniquely named index and skips (or fails, in CI) without a server.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from search_backends import BACKEND_PARAMS, FACTORIES, elastic_backend, sqlite_backend

from core.errors import BackendError
from core.models import Area, Polarity
from core.normalize import fold
from index.base import FindingRecord, Query, SearchBackend

# Values the pipeline produces (core.models): a backend is tested on what it will be given.
NEG, POS = Polarity.SHORTCOMING, Polarity.STRENGTH
TTHC, HDH, BM = Area.TTHC, Area.SO_HOA, Area.BO_MAY


def _rec(fid: str, doc: str, text: str, words: str, polarity: str, area: str, year: int,
         published: str | None, units: tuple[str, ...] = (), levels: tuple[str, ...] = (),
         provinces: tuple[str, ...] = (), aliases: tuple[str, ...] = (),
         parents: tuple[str, ...] = (), places: tuple[str, ...] = ()) -> FindingRecord:
    return FindingRecord(finding_id=fid, doc_key=doc, doc_id=f"{doc}.pdf", text=text, words=words,
                         polarity=polarity, area=area, year=year, published=published, units=units,
                         unit_levels=levels, provinces=provinces, doc_kinds=("báo cáo",),
                         doc_numbers=(f"12/BC-{doc.upper()}",), unit_aliases=aliases, unit_parents=parents,
                         unit_places=places)


# xã Tân Lộc lies in huyện Lạc Sơn; since 2025 it is part of xã Mường Vang (made-up for the tests).
LOC = {"units": ("Tân Lộc",), "levels": ("xã Tân Lộc",), "provinces": ("Hoà Bình",),
       "aliases": ("xã Mường Vang",), "parents": ("huyện Lạc Sơn", "tỉnh Hoà Bình"),
       "places": ("xã Tân Lộc — Hoà Bình",)}
MY = {"units": ("Phú Mỹ",), "levels": ("phường Phú Mỹ",), "provinces": ("Đắk Lắk",),
      "places": ("phường Phú Mỹ — Đắk Lắk",)}

RECORDS: tuple[FindingRecord, ...] = (
    _rec("a1", "doca", "Bộ phận một cửa chưa trả phiếu hẹn cho người dân khi tiếp nhận hồ sơ.",
         "Bộ_phận một_cửa chưa trả phiếu_hẹn cho người_dân khi tiếp_nhận hồ_sơ .",
         NEG, TTHC, 2022, "2022-04-10", **LOC),
    _rec("a2", "doca", "Cán bộ ghi phieu hen cho nguoi dan khong dung mau quy dinh khi tiep nhan ho so.",
         "Cán_bộ ghi phieu hen cho nguoi dan khong dung mau quy dinh khi tiep nhan ho so .",
         NEG, TTHC, 2022, "2022-04-11", **LOC),
    _rec("b1", "docb", "Đoàn kiểm tra đánh giá phường đã niêm yết công khai đầy đủ thủ tục hành chính.",
         "Đoàn kiểm_tra đánh_giá phường đã niêm_yết công_khai đầy_đủ thủ_tục hành_chính .",
         POS, TTHC, 2023, "2023-06-01", **MY),
    _rec("b2", "docb", "Công tác hòa giải ở cơ sở chưa được quan tâm đúng mức.",
         "Công_tác hòa_giải ở cơ_sở chưa được quan_tâm đúng mức .",
         NEG, BM, 2023, "2023-05-20", **MY),
    _rec("c1", "docc", "Trung tâm phục vụ hành chính công giải quyết hồ sơ đúng hạn, người dân hài lòng.",
         "Trung_tâm phục_vụ hành_chính công giải_quyết hồ_sơ đúng hạn , người_dân hài_lòng .",
         POS, HDH, 2024, "2024-02-15", provinces=("Hòa Bình",)),
    _rec("c2", "docc", "Một số hồ sơ trễ hạn nhưng không có văn bản xin lỗi người dân.",
         "Một_số hồ_sơ trễ hạn nhưng không có văn_bản xin_lỗi người_dân .",
         NEG, TTHC, 2024, "2024-01-30", provinces=("Hòa Bình",)),
    _rec("d1", "docd", "Thông tin <script>alert('x')</script> trên cổng điện tử chưa cập nhật kịp thời.",
         "Thông_tin <script>alert('x')</script> trên cổng điện_tử chưa cập_nhật kịp_thời .",
         NEG, HDH, 2021, None),
)
ALL_IDS = {r.finding_id for r in RECORDS}


@pytest.fixture(params=BACKEND_PARAMS)
def empty(request: pytest.FixtureRequest, tmp_path: Path) -> SearchBackend:
    """A fresh, empty backend for tests that write."""
    return FACTORIES[request.param](tmp_path, request)


@pytest.fixture
def mutable(empty: SearchBackend) -> SearchBackend:
    """A fresh backend holding RECORDS, for tests that change it."""
    assert empty.index(RECORDS) == len(RECORDS)
    return empty


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def backend(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SearchBackend:
    """One backend holding RECORDS per module, shared by the read-only tests (creating an
    Elasticsearch index per test would cost most of the suite's time)."""
    shared = FACTORIES[request.param](tmp_path_factory.mktemp("search"), request)
    assert shared.index(RECORDS) == len(RECORDS)
    return shared


def ids(backend: SearchBackend, **query: object) -> list[str]:
    return [h.record.finding_id for h in backend.search(Query(limit=50, **query)).hits]  # type: ignore[arg-type]


def test_count_and_records_round_trip(backend: SearchBackend) -> None:
    assert backend.count() == len(RECORDS)
    hit = backend.search(Query(text="niêm yết công khai")).hits[0]
    assert hit.record == RECORDS[2]


@pytest.mark.parametrize("text", ["phieu hen", "Phieu Hen", "PHIEU HEN"])
def test_unaccented_query_matches_every_form(backend: SearchBackend, text: str) -> None:
    assert set(ids(backend, text=text)) == {"a1", "a2"}


@pytest.mark.parametrize("text", ["phiếu hẹn", "PHIẾU HẸN", "Phiếu Hẹn"])
def test_accented_query_matches_only_its_accents(backend: SearchBackend, text: str) -> None:
    assert ids(backend, text=text) == ["a1"]  # a2 writes "phieu hen"


def test_accents_typed_count(backend: SearchBackend) -> None:
    assert ids(backend, text="doan") == ["b1"]
    assert ids(backend, text="đoán") == []  # "Đoàn" is another word
    assert ids(backend, text="hòa") == ["b2"]
    assert ids(backend, text="hóa") == []


@pytest.mark.parametrize("text", ["doan kiem tra", "đoàn kiểm tra", "ĐOÀN KIỂM TRA", "Doan"])
def test_d_with_stroke_folds_to_d(backend: SearchBackend, text: str) -> None:
    assert ids(backend, text=text) == ["b1"]


@pytest.mark.parametrize("text", ["hòa giải", "hoà giải", "hoa giai"])
def test_tone_placement_does_not_matter(backend: SearchBackend, text: str) -> None:
    result = backend.search(Query(text=text))
    assert [h.record.finding_id for h in result.hits] == ["b2"]
    assert "<mark>" in result.hits[0].snippet


def test_tone_placement_scores_alike(backend: SearchBackend) -> None:
    old, new = backend.search(Query(text="hòa giải")).hits[0], backend.search(Query(text="hoà giải")).hits[0]
    assert old.score == pytest.approx(new.score)


def test_quoted_phrase_needs_adjacent_words(backend: SearchBackend) -> None:
    assert set(ids(backend, text="hồ sơ hạn")[:2]) == {"c1", "c2"}  # every word; then the fallback
    assert ids(backend, text='"hồ sơ đúng hạn"') == ["c1"]
    assert ids(backend, text='"ho so dung han"') == ["c1"]
    assert ids(backend, text='"hạn hồ sơ"') == []


@pytest.mark.parametrize("text", ["“hồ sơ đúng hạn”", "‘hồ sơ đúng hạn’", "«hồ sơ đúng hạn»",
                                  "„ho so dung han“", "”hồ sơ đúng hạn”", "“hồ sơ đúng hạn"])
def test_curly_quotes_make_phrases(backend: SearchBackend, text: str) -> None:
    assert ids(backend, text=text) == ["c1"]
    swapped = text.replace("hồ sơ đúng hạn", "hạn hồ sơ").replace("ho so dung han", "han ho so")
    assert ids(backend, text=swapped) == []


def test_prefix(backend: SearchBackend) -> None:
    assert set(ids(backend, text="tiep*")) == {"a1", "a2"}
    assert ids(backend, text="tiếp*") == ["a1"]
    assert ids(backend, text="niêm y*") == ["b1"]


def test_exclusions(backend: SearchBackend) -> None:
    assert set(ids(backend, text='ho so -"dung han"')) == {"a1", "a2", "c2"}
    assert set(ids(backend, text="ho so -trễ -tiep")) == {"c1"}
    assert set(ids(backend, text="-ho -hoa")) == {"b1", "d1"}  # only exclusions: everything else


@pytest.mark.parametrize(("text", "expected"), [
    ('"hòa giải" OR "niêm yết"', {"b1", "b2"}),
    ("hòa giải OR niêm yết công khai", {"b1", "b2"}),  # each side is the run of words beside OR
    ("xin lỗi OR hài lòng", {"c1", "c2"}),
])
def test_or_between_terms(backend: SearchBackend, text: str, expected: set[str]) -> None:
    assert set(ids(backend, text=text)) == expected


@pytest.mark.parametrize("text", ["!!!", "😀😀", "… — ?", "-"])
def test_query_without_words_finds_nothing(backend: SearchBackend, text: str) -> None:
    result = backend.search(Query(text=text, facets=True))
    assert result.total == 0 and result.hits == ()


@pytest.mark.parametrize(("text", "expected"), [
    ("TTHC", "b1"),  # abbreviation → thủ tục hành chính
    ("tthc", "b1"),
    ("chậm trả kết quả", "c2"),  # → trễ hạn
    ("chuyện thủ tục hành chính", "b1"),
])
def test_synonyms_of_the_genre(backend: SearchBackend, text: str, expected: str) -> None:
    assert ids(backend, text=text)[0] == expected


# Findings written with one name of a thing each (our sentences), for the synonym table.
GENRE: tuple[FindingRecord, ...] = (
    _rec("g1", "docg", "Hội đồng nhân dân xã chưa giám sát việc giải quyết khiếu nại, tố cáo.",
         "Hội_đồng nhân_dân xã chưa giám_sát việc giải_quyết khiếu_nại , tố_cáo .",
         NEG, BM, 2023, "2023-03-01"),
    _rec("g2", "docg", "Tỉ lệ hồ sơ giải quyết đúng hạn tại BPMC đạt 98%.",
         "Tỉ_lệ hồ_sơ giải_quyết đúng hạn tại BPMC đạt 98 % .", POS, TTHC, 2023, "2023-03-01"),
    _rec("g3", "docg", "Sở LĐTB&XH chưa kết nối CSDL với Cổng DVCQG.",
         "Sở LĐTB&XH chưa kết_nối CSDL với Cổng DVCQG .", NEG, HDH, 2023, "2023-03-01"),
    _rec("g4", "docg", "Hai công chức đi làm trễ, không đeo thẻ CBCC; một người nghỉ không phép.",
         "Hai công_chức đi làm trễ , không đeo thẻ CBCC ; một người nghỉ không phép .",
         NEG, BM, 2023, "2023-03-01"),
    _rec("g5", "docg", "Chỉ số CCHC (PAR Index) của tỉnh giảm 5 bậc; báo cáo quý 1 gửi chậm.",
         "Chỉ_số CCHC ( PAR Index ) của tỉnh giảm 5 bậc ; báo_cáo quý 1 gửi chậm .",
         NEG, TTHC, 2023, "2023-03-01"),
    _rec("g6", "docg", "Trung tâm Phục vụ hành chính công nhận hồ sơ online và qua email.",
         "Trung_tâm Phục_vụ hành_chính công nhận hồ_sơ online và qua email .",
         POS, TTHC, 2023, "2023-03-01"),
    _rec("g7", "docg", "Chưa ứng dụng công nghệ thông tin trong quản lý văn bản và điều hành.",
         "Chưa ứng_dụng công_nghệ thông_tin trong quản_lý văn_bản và điều_hành .",
         NEG, HDH, 2023, "2023-03-01"),
    _rec("g8", "docg", "Phó Chủ tịch xã chưa ký văn bản xin lỗi khi hồ sơ bị trễ.",
         "Phó_Chủ_tịch xã chưa ký văn_bản xin_lỗi khi hồ_sơ bị trễ .", NEG, TTHC, 2023, "2023-03-01"),
)


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def genre(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SearchBackend:
    """A backend holding GENRE, shared by the read-only synonym tests."""
    shared = FACTORIES[request.param](tmp_path_factory.mktemp("genre"), request)
    assert shared.index(GENRE) == len(GENRE)
    return shared


@pytest.mark.parametrize(("text", "expected"), [
    # the abbreviation finds the name written out, typed in any case, with or without accents
    ("HĐND", "g1"), ("hdnd", "g1"), ("KNTC", "g1"),
    ("CNTT", "g7"), ("QLVB&ĐH", "g7"), ("TTHCC", "g6"), ("trung tâm PVHCC", "g6"),
    # the name written out finds the abbreviation
    ("bộ phận một cửa", "g2"), ("bo phan 1 cua", "g2"),
    ("lao động, thương binh và xã hội", "g3"), ("cơ sở dữ liệu", "g3"), ("cổng dịch vụ công quốc gia", "g3"),
    ("chỉ số cải cách hành chính", "g5"), ("quý I", "g5"),
    ("thẻ công chức", "g4"), ("đi muộn", "g4"), ("vắng mặt không có lý do", "g4"),
    # spelling variants and loanwords
    ("tỷ lệ", "g2"), ("trực tuyến", "g6"), ("thư điện tử", "g6"),
    ("PCT", "g8"), ("thư xin lỗi", "g8"), ("phieu xin loi", "g8"),
])
def test_the_genre_table_finds_every_name_of_a_thing(genre: SearchBackend, text: str, expected: str) -> None:
    assert ids(genre, text=text) == [expected]


def test_an_ambiguous_abbreviation_finds_only_itself(genre: SearchBackend) -> None:
    """"TT" (Thừa Thiên, thông tư, trung tâm) is no member: it does not find "Trung tâm"."""
    assert ids(genre, text="TT") == []
    assert ids(genre, text="quý IV") == []  # a quarter is not any quarter


def test_question_words_are_not_required(backend: SearchBackend) -> None:
    assert ids(backend, text="xã nào chưa trả phiếu hẹn?")[0] == "a1"
    assert ids(backend, text="có cập nhật kịp thời không")[0] == "d1"
    assert "b2" in ids(backend, text="vì sao chưa quan tâm")  # "chưa" stays: it is the finding


def test_fallback_requires_most_words_when_all_find_too_little(backend: SearchBackend) -> None:
    found = ids(backend, text="phục vụ hành chính công giải quyết hài lòng nhanh")
    assert found[0] == "c1"  # holds all but "nhanh"
    # not most of the words, but half of them: only when "most" finds nothing at all
    assert ids(backend, text="phục vụ hành chính công giải quyết hài lòng nhanh xyz qqq")[0] == "c1"
    # fewer than half: the fill stage, findings holding any of them, most (weighted) first
    many = "phục vụ hành chính công giải quyết hài lòng nhanh xyz qqq zzz www vvv ux"
    assert ids(backend, text=many)[0] == "c1"


def test_fill_shows_the_findings_holding_the_rarer_words(mutable: SearchBackend) -> None:
    mutable.index([_rec("e1", "doce", "Thời gian tiếp công dân còn hạn chế.",
                        "Thời_gian tiếp công_dân còn hạn_chế .", NEG, BM, 2024, "2024-03-01")])
    # No finding holds both words: the one holding the rarer ("hòa giải") comes first.
    found = ids(mutable, text="hòa giải người dân")
    assert found[0] == "b2" and set(found) == {"b2", "a1", "c1", "c2"}
    # Nor two of three (no partial stage finds anything): the fill still shows them, rarer first.
    found = ids(mutable, text="hòa giải người dân khiếu nại")
    assert found[0] == "b2" and set(found) == {"b2", "a1", "c1", "c2"}
    result = mutable.search(Query(text="hòa giải người dân khiếu nại", limit=2, facets=True))
    assert result.total == 4 and sum(n for _, n in result.facets["year"]) == 4  # counts what is shown
    paged = mutable.search(Query(text="hòa giải người dân khiếu nại", limit=2, offset=2))
    assert [h.record.finding_id for h in result.hits + paged.hits] == found
    # A group is a word, never its syllables: "thời hạn" fills with "xin lỗi", not "thời gian … hạn chế".
    assert ids(mutable, text="thời hạn") == []
    assert ids(mutable, text="thời hạn xin lỗi khiếu nại") == ["c2"]


def test_a_multi_word_term_fills_with_its_words_below_it(mutable: SearchBackend) -> None:
    """A query of one term of several words ("dịch vụ công trực tuyến") that finds less than a
    page fills it with findings holding the term's words ("hồ sơ trực tuyến"), below the term."""
    mutable.index([
        _rec("e1", "doce", "Tỷ lệ hồ sơ trực tuyến còn thấp.", "Tỷ_lệ hồ_sơ trực_tuyến còn thấp .",
             NEG, HDH, 2024, "2024-03-01"),
        _rec("e2", "doce", "Người dân nộp hồ sơ qua dịch vụ công trực tuyến.",
             "Người_dân nộp hồ_sơ qua dịch_vụ công trực_tuyến .", POS, HDH, 2024, "2024-03-01"),
    ])
    for text in ("dich vu cong truc tuyen", "dịch vụ công trực tuyến"):
        assert ids(mutable, text=text) == ["e2", "e1"]
    assert ids(mutable, text='"dịch vụ công trực tuyến"') == ["e2"]  # quotes ask for the phrase only


def test_the_fill_ranks_by_bm25_of_the_terms_words(mutable: SearchBackend) -> None:
    """Findings holding the same part rank by bm25 of it: the one saying "trực tuyến" twice first,
    though indexed last (without the parts in bm25 they would tie, and rowid would decide)."""
    mutable.index([
        _rec("e1", "doce", "Tỷ lệ hồ sơ trực tuyến còn thấp.", "Tỷ_lệ hồ_sơ trực_tuyến còn thấp .",
             NEG, HDH, 2024, "2024-03-01"),
        _rec("e3", "doce", "Hồ sơ trực tuyến và thanh toán trực tuyến còn ít.",
             "Hồ_sơ trực_tuyến và thanh_toán trực_tuyến còn ít .", NEG, HDH, 2024, "2024-03-01"),
    ])
    assert ids(mutable, text="dịch vụ công trực tuyến") == ["e3", "e1"]


def test_polarity_asked_for_ranks_first_and_its_word_is_not_required(backend: SearchBackend) -> None:
    # No finding says "hạn chế" or "ưu điểm": the word asks for the polarity, it is not required.
    shortcomings = ids(backend, text="hạn chế hồ sơ")
    assert set(shortcomings) == {"a1", "c1", "c2"} and shortcomings[-1] == "c1"  # the strength last
    assert ids(backend, text="ưu điểm hồ sơ")[0] == "c1"
    assert ids(backend, text="uu diem ho so")[0] == "c1"
    # a negation stays a required word and prefers shortcomings
    assert set(ids(backend, text="chưa trả phiếu hẹn")) == {"a1"}


def test_a_query_naming_the_absence_ranks_the_absences_found_first(mutable: SearchBackend) -> None:
    """"vắng mặt" and "bỏ vị trí" name the breach the inspections record (intents.toml): the
    shortcoming recording it ranks above a short strength holding the same words, which bm25
    alone would put first; the words stay required (the unrelated finding is not listed)."""
    mutable.index([
        _rec("g1", "docg", "Cán bộ không vắng mặt.", "Cán_bộ không vắng_mặt .", POS, BM, 2024, "2024-03-01"),
        _rec("g2", "docg", "Tại thời điểm kiểm tra, UBND xã có 3/11 cán bộ, công chức vắng mặt tại trụ sở.",
             "Tại thời_điểm kiểm_tra , UBND xã có 3/11 cán_bộ , công_chức vắng_mặt tại trụ_sở .",
             NEG, BM, 2024, "2024-03-01"),
    ])
    for text in ("cán bộ vắng mặt", "can bo vang mat"):
        found = ids(mutable, text=text)
        assert found[:2] == ["g2", "g1"] and "a1" not in found


def test_unit_named_in_the_query_matches_findings_about_it(backend: SearchBackend) -> None:
    assert set(ids(backend, text="Tân Lộc phiếu hẹn")[:1]) == {"a1"}
    assert set(ids(backend, text="tan loc phieu hen")[:2]) == {"a1", "a2"}
    assert set(ids(backend, text="xã Tân Lộc")) == {"a1", "a2"}


def test_a_unit_named_in_the_query_outweighs_a_topic_word(mutable: SearchBackend) -> None:
    """No finding holds all of "Tân Lộc trang phục lịch sự": the one about Tân Lộc holding "lịch sự"
    ranks above the one elsewhere holding "trang phục lịch sự", though "trang phục" is the rarer
    word (a place narrows, as a filter)."""
    mutable.index([
        _rec("f1", "docf", "Công chức ăn mặc lịch sự.", "Công_chức ăn_mặc lịch_sự .", POS, BM, 2024,
             "2024-03-01", **LOC),
        _rec("f2", "docg", "Cán bộ trang phục lịch sự khi làm việc.",
             "Cán_bộ trang_phục lịch_sự khi làm_việc .", POS, BM, 2024, "2024-03-01"),
        _rec("f3", "docg", "Công chức không mặc trang phục ngành.", "Công_chức không mặc trang_phục ngành .",
             NEG, BM, 2024, "2024-03-01"),
    ])
    assert ids(mutable, text="Tân Lộc trang phục lịch sự")[:2] == ["f1", "f2"]


def test_a_unit_name_typed_lowercase_with_its_own_accents_is_the_unit(mutable: SearchBackend) -> None:
    """"thanh bình" (peaceful) is a dictionary word spelt as huyện Thanh Bình is; no finding writes
    it but as that name, so typed lowercase with those accents, as folded, it names the district:
    its finding that does not write the name (h3) matches as the one that does (h1)."""
    thanh_binh = {"units": ("Thanh Bình",), "levels": ("huyện Thanh Bình",), "provinces": ("Đồng Tháp",)}
    mutable.index([
        _rec("h1", "doci", "Huyện Thanh Bình chưa niêm yết đủ thủ tục.",
             "Huyện thanh_bình chưa niêm_yết đủ thủ_tục .", NEG, TTHC, 2024, "2024-03-01", **thanh_binh),
        _rec("h2", "docj", "TX.Tân Hòa chưa niêm yết thủ tục hành chính.",
             "TX.Tân_Hòa chưa niêm_yết thủ_tục hành_chính .", NEG, TTHC, 2024, "2024-03-01",
             units=("Tân Hòa",), levels=("thị xã Tân Hòa",)),
        _rec("h3", "doci", "Công chức chưa niêm yết phí, lệ phí.", "Công_chức chưa niêm_yết phí , lệ_phí .",
             NEG, TTHC, 2024, "2024-03-01", **thanh_binh),
    ])
    for text in ("niêm yết thanh bình", "niem yet thanh binh", "niêm yết Thanh Bình"):
        assert set(ids(mutable, text=text)[:2]) == {"h1", "h3"}, text
    # the level abbreviated, as the reports write it: the unit, not the words "tx" or "tx tân hòa"
    for text in ("tx Tân Hòa niêm yết", "TX. tân hòa niêm yết", "UBND TX Tân Hòa niêm yết"):
        assert ids(mutable, text=text)[0] == "h2", text


def test_a_unit_named_among_many_or_only_as_a_parent_is_spelt_by_both_engines(
        mutable: SearchBackend) -> None:
    """Vocabulary.unit_spellings reads every spelling of a unit, however many units its findings
    name and whichever field names it: huyện Thanh Bình named on one finding among twenty-two
    units (the others sorting before it), huyện Yên Bình only as the district a commune lies in
    (a parent "huyện Yên Bình": the bare name is a form of it). Typed lowercase with their
    accents (dictionary words both), they are the units on both engines."""
    others = tuple(f"An {chr(ord('A') + k)}" for k in range(21))
    mutable.index([
        _rec("m1", "dock", "Các xã chưa niêm yết đủ thủ tục.", "Các xã chưa niêm_yết đủ thủ_tục .",
             NEG, TTHC, 2024, "2024-03-01", units=(*others, "Thanh Bình")),
        _rec("m2", "docl", "Xã Tân Mỹ chưa niêm yết phí.", "Xã Tân_Mỹ chưa niêm_yết phí .",
             NEG, TTHC, 2024, "2024-03-01", units=("Tân Mỹ",), parents=("huyện Yên Bình",)),
    ])
    assert ids(mutable, text="niêm yết thanh bình")[0] == "m1"
    assert ids(mutable, text="niêm yết yên bình")[0] == "m2"


def test_a_cause_question_ranks_the_findings_giving_a_cause_first(mutable: SearchBackend) -> None:
    """"tại sao …" asks for a cause: of the findings on the topic, the one saying "là do" comes
    first though it is the longer (bm25 alone would put it last); it is not required."""
    mutable.index([
        _rec("g1", "doch", "Nhiều hồ sơ quá hạn trong năm là do phần mềm của tỉnh thường xuyên bị lỗi.",
             "Nhiều hồ_sơ quá_hạn trong năm là do phần_mềm của tỉnh thường_xuyên bị lỗi .", NEG, HDH, 2024,
             "2024-03-01"),
        _rec("g2", "doch", "Hồ sơ quá hạn chưa xin lỗi.", "Hồ_sơ quá_hạn chưa xin_lỗi .", NEG, HDH, 2024,
             "2024-03-01"),
    ])
    assert ids(mutable, text="hồ sơ quá hạn")[0] == "g2"
    for text in ("tại sao hồ sơ quá hạn", "vi sao ho so qua han"):
        found = ids(mutable, text=text)
        assert found[0] == "g1" and "g2" in found


def test_unit_in_the_query_within(backend: SearchBackend) -> None:
    assert set(ids(backend, text="Lạc Sơn")) == {"a1", "a2"}  # typed: units inside it too
    assert ids(backend, unit="Lạc Sơn") == []  # the filter is strict without --within
    assert ids(backend, text="Mường Vang hồ sơ")[:1] == ["a1"]  # today's unit, and the text


def test_document_number_in_the_query(backend: SearchBackend) -> None:
    assert set(ids(backend, text="12/BC-DOCB")) == {"b1", "b2"}


@pytest.mark.parametrize(("query", "expected"), [
    ({"unit": "tan loc"}, {"a1", "a2"}),
    ({"unit": "Xã Tân Lộc"}, {"a1", "a2"}),
    ({"unit": "PHÚ MỸ"}, {"b1", "b2"}),
    ({"province": "hoa binh"}, {"a1", "a2", "c1", "c2"}),
    ({"province": "Đắk Lắk"}, {"b1", "b2"}),
    ({"level": "phường"}, {"b1", "b2"}),
    ({"level": "xa"}, {"a1", "a2"}),
    ({"year": 2023}, {"b1", "b2"}),
    ({"year_from": 2022, "year_to": 2023}, {"a1", "a2", "b1", "b2"}),
    ({"year_from": 2024}, {"c1", "c2"}),
    ({"area": HDH}, {"c1", "d1"}),
    ({"polarity": POS}, {"b1", "c1"}),
    ({"doc_number": "12/bc-docb"}, {"b1", "b2"}),
    ({"text": "hồ sơ", "polarity": NEG}, {"a1", "c2"}),
    ({"text": "ho so", "polarity": NEG}, {"a1", "a2", "c2"}),
    ({"text": "hồ sơ", "province": "Hoà Bình", "year": 2024}, {"c1", "c2"}),
    ({"unit": "xã không tồn tại"}, set()),
    ({"unit": "Mường Vang"}, {"a1", "a2"}),  # today's unit finds its pre-2025 units' findings
    ({"unit": "Lạc Sơn"}, set()),
    ({"unit": "Lạc Sơn", "within": True}, {"a1", "a2"}),
    ({"unit": "huyen lac son", "within": True}, {"a1", "a2"}),
    # The unit facet's value: that one unit, any case and accents, nothing of another province
    ({"unit_place": "xã Tân Lộc — Hòa Bình"}, {"a1", "a2"}),
    ({"unit_place": "XA TAN LOC — HOA BINH"}, {"a1", "a2"}),
    ({"unit_place": "xã Tân Lộc — Đắk Lắk"}, set()),
    ({"unit_place": "xã Tân Lộc"}, set()),
    ({"province": "tỉnh Hoà Bình"}, {"a1", "a2", "c1", "c2"}),
    ({"province": "TP. Hoa Binh"}, {"a1", "a2", "c1", "c2"}),
    ({"province": "Thành phố Đắk Lắk"}, {"b1", "b2"}),
])
def test_filters(backend: SearchBackend, query: dict[str, object], expected: set[str]) -> None:
    result = backend.search(Query(limit=50, **query))  # type: ignore[arg-type]
    assert {h.record.finding_id for h in result.hits} == expected
    assert result.total == len(expected)


def _folded_facet(pairs: list[tuple[str, int]]) -> dict[str, int]:
    return {fold(value): n for value, n in pairs}


def test_facet_counts(backend: SearchBackend) -> None:
    facets = backend.search(Query(facets=True)).facets
    assert dict(facets["year"]) == {"2021": 1, "2022": 2, "2023": 2, "2024": 2}
    assert dict(facets["polarity"]) == {NEG: 5, POS: 2}
    assert facets["polarity"][0] == (NEG, 5)  # most frequent first
    assert dict(facets["area"]) == {TTHC: 4, HDH: 2, BM: 1}
    assert _folded_facet(facets["province"]) == {"hoa binh": 4, "dak lak": 2}  # Hoà/Hòa merged
    assert _folded_facet(facets["unit"]) == {"xa tan loc — hoa binh": 2, "phuong phu my — dak lak": 2}


def test_facets_follow_the_query(backend: SearchBackend) -> None:
    facets = backend.search(Query(text="hồ sơ", facets=True)).facets
    assert dict(facets["year"]) == {"2022": 1, "2024": 2}
    assert backend.search(Query(text="hồ sơ")).facets == {}


def test_snippets_are_html_safe(backend: SearchBackend) -> None:
    snippet = backend.search(Query(text="cong dien tu")).hits[0].snippet
    assert "<script>" not in snippet and "&lt;script&gt;" in snippet
    assert "&lt;/script&gt;" in snippet  # escaped as html.escape does on both engines ("/" kept)
    assert "<mark>" in snippet
    unmarked = backend.search(Query(area=HDH, polarity=NEG)).hits[0].snippet  # no text: no marks
    assert "<script>" not in unmarked and "&lt;script&gt;" in unmarked


@pytest.mark.parametrize("text", ["phieu hen", "hòa giải người dân khiếu nại", "Tân Lộc phiếu hẹn hồ sơ"])
def test_hits_asked_without_snippets_are_marked_alike_later(backend: SearchBackend, text: str) -> None:
    """Query.snippets False: the same hits, none marked (the pool's hits are not shown: marking them
    is wasted work), and `highlighted` marks each as the search with snippets would have, whichever
    stage found it (all the words, the fill, a place typed)."""
    marked = backend.search(Query(text=text, limit=50))
    bare = backend.search(Query(text=text, limit=50, snippets=False))
    assert [h.record.finding_id for h in bare.hits] == [h.record.finding_id for h in marked.hits]
    assert all(h.snippet == "" for h in bare.hits)
    shown = backend.highlighted(bare.hits, bare.plan)
    assert [h.snippet for h in shown] == [h.snippet for h in marked.hits]
    assert shown == marked.hits and any("<mark>" in h.snippet for h in shown)


def test_pagination_partitions_results(backend: SearchBackend) -> None:
    pages = [backend.search(Query(limit=3, offset=o)) for o in (0, 3, 6)]
    seen = [h.record.finding_id for p in pages for h in p.hits]
    assert [len(p.hits) for p in pages] == [3, 3, 1]
    assert all(p.total == len(RECORDS) for p in pages)
    assert sorted(seen) == sorted(ALL_IDS)


def test_sort_by_date_newest_first(backend: SearchBackend) -> None:
    order = ids(backend, sort="date")
    assert order == ["c1", "c2", "b1", "b2", "a2", "a1", "d1"]  # undated last
    assert ids(backend, text="ho so", sort="date") == ["c1", "c2", "a2", "a1"]


def test_similar_excludes_itself_and_finds_the_same_topic(backend: SearchBackend) -> None:
    similar = [h.record.finding_id for h in backend.similar("a1", limit=3)]
    assert "a1" not in similar
    assert similar[0] == "a2"
    assert len(similar) <= 3


def test_similar_unknown_finding_is_an_error(backend: SearchBackend) -> None:
    with pytest.raises(BackendError, match="khong-co"):
        backend.similar("khong-co")


def test_reindexing_same_ids_replaces(mutable: SearchBackend) -> None:
    assert mutable.index(RECORDS) == len(RECORDS)
    assert mutable.count() == len(RECORDS)
    changed = RECORDS[0].__class__(**{**{f: getattr(RECORDS[0], f) for f in RECORDS[0].__slots__},
                                      "text": "Bộ phận một cửa đã trả giấy biên nhận đúng quy định."})
    mutable.index([changed])
    assert mutable.count() == len(RECORDS)
    assert ids(mutable, text="giấy biên nhận") == ["a1"]
    assert ids(mutable, text="phieu hen") == ["a2"]


def test_delete_document_removes_only_its_findings(mutable: SearchBackend) -> None:
    mutable.delete_document("doca")
    assert mutable.count() == len(RECORDS) - 2
    assert ids(mutable, text="phieu hen") == []
    assert set(ids(mutable, text="hồ sơ")) == {"c1", "c2"}


def test_clear_empties_and_stays_usable(mutable: SearchBackend) -> None:
    mutable.clear()
    assert mutable.count() == 0
    assert mutable.search(Query(text="hồ sơ")).total == 0
    mutable.index(RECORDS[:1])
    assert ids(mutable, text="phieu hen") == ["a1"]


def test_empty_index_searches_cleanly(empty: SearchBackend) -> None:
    assert empty.count() == 0
    result = empty.search(Query(text="thủ tục", facets=True))
    assert result.total == 0 and result.hits == ()


# Queries a user would type, with and without accents, and the findings that answer them.
# Both backends must rank exactly these first (partial matches may follow).
RELEVANT: list[tuple[str, set[str]]] = [
    ("tiếp nhận hồ sơ", {"a1"}),  # a2 is written without accents
    ("tiep nhan ho so", {"a1", "a2"}),
    ("thủ tục hành chính", {"b1"}),
    ("thu tuc hanh chinh", {"b1"}),
    ("người dân", {"a1", "c1", "c2"}),
    ("nguoi dan", {"a1", "a2", "c1", "c2"}),
    ("nguoi dan hai long", {"c1"}),
    ("trễ hạn", {"c2"}),
    ("cap nhat kip thoi", {"d1"}),
    ("niêm yết công khai", {"b1"}),
    ("quan tam dung muc", {"b2"}),
]


@pytest.mark.parametrize(("text", "expected"), RELEVANT)
def test_relevant_findings_first(backend: SearchBackend, text: str, expected: set[str]) -> None:
    assert set(ids(backend, text=text)[:len(expected)]) == expected


@pytest.mark.elasticsearch
def test_backends_agree_on_top_five(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """Side by side on the same records: the same findings come back for every query."""
    sqlite, elastic = sqlite_backend(tmp_path, request), elastic_backend(tmp_path, request)
    for backend in (sqlite, elastic):
        backend.index(RECORDS)
    for text, expected in RELEVANT:
        top = [set(ids(b, text=text)[:len(expected)]) for b in (sqlite, elastic)]
        assert top[0] == top[1], text


def test_theme_filter_and_facet(empty: SearchBackend) -> None:
    """The comparison's themes narrow a search and count in its facets, like areas do."""
    themed = [replace(r, theme=theme) for r, theme in zip(RECORDS[:4], (
        "tthc.phieu_hen", "tthc.phieu_hen", "tthc.niem_yet", None), strict=True)]
    assert empty.index(themed) == 4
    facets = empty.search(Query(facets=True)).facets
    assert dict(facets["theme"]) == {"tthc.phieu_hen": 2, "tthc.niem_yet": 1}
    assert set(ids(empty, theme="tthc.phieu_hen")) == {"a1", "a2"}
    assert ids(empty, text="phieu hen", theme="tthc.niem_yet") == []
    narrowed = empty.search(Query(text="ho so", theme="tthc.phieu_hen", facets=True))
    assert dict(narrowed.facets["polarity"]) == {NEG: 2}


# What a user still hit in search (issue 12, tests/index/test_query_qa.py): the same on both engines.
@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def qa(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SearchBackend:
    """A backend holding the QA findings of tests/index/test_query_qa.py, shared by these tests."""
    from tests.index.test_query_qa import RECORDS as QA

    shared = FACTORIES[request.param](tmp_path_factory.mktemp("qa"), request)
    assert shared.index(QA) == len(QA)
    return shared


def qa_ids(backend: SearchBackend, text: str = "", **query: object) -> list[str]:
    return [h.record.finding_id for h in backend.search(Query(text=text, limit=10, **query)).hits]  # type: ignore[arg-type]


def test_qa_words_as_typed_rank_before_their_synonyms(qa: SearchBackend) -> None:
    found = qa_ids(qa, "quá hạn")
    assert set(found) == {"q1", "q2", "q3", "q4"} and found[-1] == "q1"


def test_qa_document_number_cited_as_documents_cite_it(qa: SearchBackend) -> None:
    assert set(qa_ids(qa, "139/QĐ-UBND")) == {"h1", "h2"}
    assert set(qa_ids(qa, "Quyết định số 139/QĐ-UBND")) == {"h1", "h2"}


def test_qa_negation_alone_does_not_admit_a_finding(qa: SearchBackend) -> None:
    found = qa_ids(qa, "xã nào chưa cấp phiếu hẹn")
    assert found[0] == "p1" and "p2" in found
    assert not [f for f in found if f.startswith("n")]  # they share only "chưa" with the question


def test_qa_quoted_unit_name_is_still_that_unit(qa: SearchBackend) -> None:
    assert "t1" in qa_ids(qa, "Thới Bình")
    assert "t1" in qa_ids(qa, '"Thới Bình"')


def test_qa_common_word_typed_lowercase_is_not_a_unit_name(qa: SearchBackend) -> None:
    assert "x1" in qa_ids(qa, "xã An Ninh") and "x1" in qa_ids(qa, "An Ninh")
    assert qa_ids(qa, "an ninh") == ["x2"]


def test_qa_province_filter_across_the_2025_reorganisation(qa: SearchBackend) -> None:
    assert set(qa_ids(qa, unit="Hồ Chí Minh")) == {"h1", "h2"}
    assert set(qa_ids(qa, province="TP Hồ Chí Minh")) == {"h1", "h2"}
    assert set(qa_ids(qa, province="Bình Dương")) == {"h1", "h2"}  # the province it had then
    assert qa_ids(qa, "phiếu hẹn", province="Hồ Chí Minh") == []


def test_qa_sort_by_date_places_a_finding_known_only_by_its_year(empty: SearchBackend) -> None:
    old = replace(RECORDS[0], finding_id="old", year=2013, published="2013-03-23")
    new = replace(RECORDS[1], finding_id="new", year=2023, published=None)
    dated = replace(RECORDS[4], finding_id="dated", year=2020, published="2020-05-01")
    none = replace(RECORDS[6], finding_id="none", year=None, published=None)
    empty.index([old, new, dated, none])
    assert ids(empty, text="phieu hen", sort="date") == ["new", "old"]
    assert ids(empty, sort="date") == ["new", "dated", "old", "none"]
    assert ids(empty) == ["new", "dated", "old", "none"]  # browsing is newest first too


def test_qa_hoac_between_two_terms_is_or(qa: SearchBackend) -> None:
    # read as AND, a partial stage would rank "đeo thẻ" first; coordinated, either matter answers
    found = qa_ids(qa, "phiếu hẹn hoặc đeo thẻ")
    # d1 "treo thẻ công chức": the same badge worn (index/vi/synonyms.toml)
    assert set(found) == set(qa_ids(qa, "phiếu hẹn OR đeo thẻ")) == {"p1", "p2", "d1", "d2", "d3"}


# Five findings bm25 cannot tell apart for "niêm yết" (one sentence each, the same length and
# words but the commune's name), indexed in an order that is neither their ids' nor their dates'.
TIED = tuple(
    _rec(fid, "doct", f"Xã {name} chưa niêm yết công khai thủ tục hành chính tại bộ phận một cửa.",
         f"Xã {name} chưa niêm_yết công_khai thủ_tục hành_chính tại bộ_phận một_cửa .",
         NEG, TTHC, year, published)
    for fid, name, year, published in (("t9", "Yên", 2023, None), ("t0", "Minh", 2021, None),
                                       ("t5", "Tân", 2023, None), ("t4", "Hưng", 2024, "2024-03-01"),
                                       ("t1", "Phú", 2023, None)))


def test_equal_scores_come_newest_first_then_by_finding_id(empty: SearchBackend) -> None:
    """Both engines break ties alike (index.base.best_date): the date, the year, the finding id;
    never the order of ingest, which is SQLite's own."""
    assert empty.index(TIED) == len(TIED)
    scores = {h.score for h in empty.search(Query(text="niêm yết", limit=10)).hits}
    assert len(scores) == 1, "the findings should tie for the test to say anything"
    assert ids(empty, text="niêm yết") == ["t4", "t1", "t5", "t9", "t0"]
    assert ids(empty) == ["t4", "t1", "t5", "t9", "t0"]  # the browse order is the same rule


# Numbers written with a decimal comma: SQLite FTS5 counts "1", "5" where Lucene's standard
# tokenizer alone would count "1,5" (core.normalize.words_apart).
NUMBERED = (
    _rec("n1", "docn", "Tỷ lệ hồ sơ trễ hạn 1,5% 2,5% 3,5% 4,5% trong quý.",
         "Tỷ_lệ hồ_sơ trễ_hạn 1,5 % 2,5 % 3,5 % 4,5 % trong quý .", NEG, TTHC, 2024, "2024-05-01"),
    _rec("n2", "docm", "Hồ sơ trễ hạn được xử lý lại ngay sau đó trong quý.",
         "Hồ_sơ trễ_hạn được xử_lý lại ngay sau đó trong quý .", NEG, TTHC, 2023, "2023-05-01"),
)


def test_numbers_are_cut_into_words_alike(empty: SearchBackend) -> None:
    """A number typed as written ("2,5%") is the phrase "2 5" on every engine, and a finding's
    length counts its numbers' parts: the shorter finding (13 words against 16) ranks first,
    whatever its date."""
    assert empty.index(NUMBERED) == len(NUMBERED)
    assert ids(empty, text="2,5%") == ["n1"]
    assert ids(empty, text="trễ hạn") == ["n2", "n1"]


def test_similar_findings_break_ties_as_the_search_does(empty: SearchBackend) -> None:
    """The findings like one, scored alike (the same words but the commune's name, which no
    other finding holds), come newest first, then by year and finding id: not in the order of
    ingest, which on SQLite is the rowid's."""
    assert empty.index(TIED) == len(TIED)
    similar = empty.similar("t5", limit=10)
    assert len({round(h.score, 6) for h in similar}) == 1, "the findings should tie for the test to say much"
    assert [h.record.finding_id for h in similar] == ["t4", "t1", "t9", "t0"]


GIA_LAI = (
    _rec("g1", "docg", "Toàn tỉnh Gia Lai có 998 hồ sơ quá hạn trên cổng dịch vụ công.",
         "Toàn tỉnh Gia_Lai có 998 hồ_sơ quá_hạn trên cổng dịch_vụ công .", NEG, TTHC, 2025, None),
    _rec("g2", "docg", "Các sở đánh giá hồ sơ quá hạn trên cổng dịch vụ công quốc gia còn nhiều.",
         "Các sở đánh_giá hồ_sơ quá_hạn trên cổng dịch_vụ công quốc_gia còn nhiều .", NEG, TTHC, 2025, None),
    _rec("g3", "doch", "Hồ sơ quá hạn trên cổng dịch vụ công được xử lý.",
         "Hồ_sơ quá_hạn trên cổng dịch_vụ công được xử_lý .", NEG, TTHC, 2024, None),
)


def test_similar_findings_mark_the_words_as_the_finding_writes_them(empty: SearchBackend) -> None:
    """Findings alike by their folded words are marked only where they write a word as the
    finding does: "hồ sơ", "gia" of quốc gia, not "sở" of các sở nor "giá" of đánh giá, which
    fold alike (index.query.written_forms, kept_marks)."""
    assert empty.index(GIA_LAI) == len(GIA_LAI)
    snippets = {h.record.finding_id: h.snippet for h in empty.similar("g1", limit=5)}
    marked = re.findall(r"<mark>(.*?)</mark>", snippets["g2"])
    assert "hồ sơ" in " ".join(marked).lower() or "sơ" in marked
    assert "sở" not in marked and "giá" not in marked


# The words past segmentation do not matter here: `similar` reads the folded text.
ALIKE = tuple(_rec(fid, doc, text, text, polarity, TTHC, year, None) for fid, doc, text, polarity, year in (
    ("s0", "docs", "Cán bộ của xã và các thôn được khen thưởng trong năm.", POS, 2024),
    ("s1", "docs", "Của và các được trong những việc này cho với theo.", NEG, 2024),
    ("s2", "doct", "Cán bộ xã Tân Hà được khen thưởng.", POS, 2023),
))


def test_similar_skips_the_same_function_words_on_every_engine(empty: SearchBackend) -> None:
    """Two findings sharing only function words (của, và, các, được …) are not alike: both engines
    pick a finding's words past one list (index/vi/similar_stopwords.txt). Elasticsearch's
    more-like-this used none and returned s1 here, which holds five of s0's words and none of
    its matter."""
    assert empty.index(ALIKE) == len(ALIKE)
    assert [h.record.finding_id for h in empty.similar("s0", limit=5)] == ["s2"]
