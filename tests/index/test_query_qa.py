"""What a provincial staff member still hits in search (issue 12, tried by QA), on findings
written for these tests. The ranking lives in index/query and index/sqlite_fts.py, which
another engineer is changing: each defect there is a strict xfail saying what is wrong, so it
turns green (and must be unmarked) when fixed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from core.models import Area, Polarity
from index.base import FindingRecord, Query, SearchBackend

NEG, POS = Polarity.SHORTCOMING.value, Polarity.STRENGTH.value
TTHC, CONG_VU = Area.TTHC.value, Area.CONG_VU.value


def _rec(fid: str, text: str, words: str, polarity: str = NEG, area: str = TTHC, *,
         units: tuple[str, ...] = ("Hải Lệ",), levels: tuple[str, ...] = ("xã Hải Lệ",),
         provinces: tuple[str, ...] = ("Quảng Trị",), aliases: tuple[str, ...] = (),
         parents: tuple[str, ...] = (), doc: str = "doca", number: str = "12/BC-UBND") -> FindingRecord:
    return FindingRecord(finding_id=fid, doc_key=doc, doc_id=f"{doc}.pdf", text=text, words=words,
                         polarity=polarity, area=area, year=2022, published="2022-05-01", units=units,
                         unit_levels=levels, provinces=provinces, doc_kinds=("báo cáo",),
                         doc_numbers=(number,), unit_aliases=aliases, unit_parents=parents)


# Shortcomings that share only the negation "chưa" with a question about phiếu hẹn.
UNRELATED = [
    ("Trụ sở xuống cấp, trang thiết bị chưa đồng bộ.", "Trụ_sở xuống_cấp , trang_thiết_bị chưa đồng_bộ ."),
    ("Đội ngũ công chức chưa đáp ứng yêu cầu.", "Đội_ngũ công_chức chưa đáp_ứng yêu_cầu ."),
    ("Xã chưa ban hành quy chế làm việc.", "Xã chưa ban_hành quy_chế làm_việc ."),
    ("Cổng thông tin chưa cập nhật kịp thời.", "Cổng thông_tin chưa cập_nhật kịp_thời ."),
    ("Công chức chưa đạt chuẩn trình độ.", "Công_chức chưa đạt chuẩn trình_độ ."),
    ("Việc lưu trữ chưa khoa học.", "Việc lưu_trữ chưa khoa_học ."),
    ("Kế hoạch chưa cụ thể.", "Kế_hoạch chưa cụ_thể ."),
    ("Chữ ký số chưa được sử dụng.", "Chữ_ký_số chưa được sử_dụng ."),
]
VAN_SON = {"units": ("Văn Sơn",), "levels": ("xã Văn Sơn",), "provinces": ("Nghệ An",),
           "parents": ("huyện Đô Lương", "tỉnh Nghệ An"), "doc": "docd"}
RECORDS = (
    _rec("p1", "Bộ phận một cửa chưa cấp phiếu hẹn cho công dân.",
         "Bộ_phận một_cửa chưa cấp phiếu_hẹn cho công_dân ."),
    _rec("p2", "Một số phiếu hẹn ghi sai ngày trả kết quả.", "Một_số phiếu_hẹn ghi sai ngày trả kết_quả ."),
    *(_rec(f"n{k}", text, words, doc="docn") for k, (text, words) in enumerate(UNRELATED)),
    # "quá hạn" is the commoner wording, "trễ hẹn" its rarer synonym (higher idf, short finding)
    _rec("q1", "Còn hồ sơ trễ hẹn.", "Còn hồ_sơ trễ hẹn .", doc="docq"),
    _rec("q2", "Thị trấn còn 9 hồ sơ đất đai giải quyết quá hạn.",
         "Thị_trấn còn 9 hồ_sơ đất_đai giải_quyết quá hạn .", doc="docq"),
    _rec("q3", "Hồ sơ quá hạn chưa có văn bản xin lỗi người dân theo quy định.",
         "Hồ_sơ quá hạn chưa có văn_bản xin_lỗi người_dân theo quy_định .", doc="docq"),
    _rec("q4", "Tỷ lệ hồ sơ giải quyết quá hạn của các xã trong huyện còn cao so với cùng kỳ năm trước.",
         "Tỷ_lệ hồ_sơ giải_quyết quá hạn của các xã trong huyện còn cao so với cùng_kỳ năm trước .",
         doc="docq"),
    # xã Tân Lộc of huyện Thới Bình: the sentence does not name the huyện
    _rec("t1", "Cán bộ xã đi làm không đúng giờ.", "Cán_bộ xã đi làm không đúng giờ .", CONG_VU,
         units=("Tân Lộc",), levels=("xã Tân Lộc",), provinces=("Cà Mau",),
         parents=("huyện Thới Bình", "tỉnh Cà Mau"), doc="doct"),
    # a commune of huyện Đô Lương and two elsewhere, on the badge
    _rec("d1", "Công chức xã Văn Sơn treo thẻ công chức đầy đủ.",
         "Công_chức xã Văn_Sơn treo thẻ công_chức đầy_đủ .", POS, CONG_VU, **VAN_SON),  # type: ignore[arg-type]
    *(_rec(f"v{k}", text, words, POS, CONG_VU, **VAN_SON)  # type: ignore[arg-type]
      for k, (text, words) in enumerate([
          ("Trụ sở UBND xã vắng lặng trong giờ làm việc.", "Trụ_sở UBND xã vắng_lặng trong giờ làm_việc ."),
          ("Xã thực hiện nghiêm túc giờ làm việc.", "Xã thực_hiện nghiêm_túc giờ làm_việc ."),
          ("Xã đã niêm yết công khai thủ tục hành chính.", "Xã đã niêm_yết công_khai thủ_tục hành_chính ."),
          ("Lãnh đạo xã quan tâm công tác cải cách hành chính.",
           "Lãnh_đạo xã quan_tâm công_tác cải_cách hành_chính ."),
      ])),
    _rec("d2", "Công chức một cửa không đeo thẻ khi làm việc.",
         "Công_chức một_cửa không đeo thẻ khi làm_việc .",
         NEG, CONG_VU, units=("Hiệp Hòa",), levels=("huyện Hiệp Hòa",), provinces=("Bắc Giang",), doc="doce"),
    _rec("d3", "Cán bộ đều đeo thẻ khi làm nhiệm vụ.", "Cán_bộ đều đeo thẻ khi làm nhiệm_vụ .",
         POS, CONG_VU, units=("Yên Lộc",), levels=("xã Yên Lộc",), provinces=("Hà Tĩnh",), doc="docf"),
    # a phường of Bình Dương, part of thành phố Hồ Chí Minh since 2025
    _rec("h1", "Phường chưa số hóa kết quả giải quyết thủ tục hành chính.",
         "Phường chưa số_hóa kết_quả giải_quyết thủ_tục hành_chính .",
         units=("Thủ Dầu Một",), levels=("phường Thủ Dầu Một",), provinces=("Bình Dương",),
         aliases=("thành phố Hồ Chí Minh",), doc="doch", number="139/QĐ-UBND"),
    # xã An Ninh (Sóc Trăng) and the common word "an ninh" (security)
    _rec("x1", "Công chức cấp xã đạt chuẩn chuyên môn.", "Công_chức cấp xã đạt chuẩn chuyên_môn .", POS,
         CONG_VU, units=("An Ninh",), levels=("xã An Ninh",), provinces=("Sóc Trăng",), doc="docx"),
    _rec("x2", "UBND xã thu quỹ an ninh quốc phòng sai quy định.",
         "UBND xã thu quỹ an_ninh quốc_phòng sai quy_định .", doc="docy"),
    _rec("h2", "Phường chưa bố trí công chức trực bộ phận một cửa.",
         "Phường chưa bố_trí công_chức trực bộ_phận một_cửa .",
         units=("Thủ Dầu Một",), levels=("phường Thủ Dầu Một",), provinces=("Bình Dương",),
         aliases=("thành phố Hồ Chí Minh",), doc="doch", number="139/QĐ-UBND"),
)


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchBackend]:
    from index.sqlite_fts import SqliteFtsBackend

    folder: Path = tmp_path_factory.mktemp("query-qa")
    shared = SqliteFtsBackend(folder / "search.db")
    assert shared.index(RECORDS) == len(RECORDS)
    yield shared
    shared.close()


def ids(backend: SearchBackend, text: str = "", **query: object) -> list[str]:
    return [h.record.finding_id for h in backend.search(Query(text=text, limit=10, **query)).hits]  # type: ignore[arg-type]


def test_a_question_s_negation_alone_does_not_outrank_its_topic(backend: SearchBackend) -> None:
    found = ids(backend, "xã nào chưa cấp phiếu hẹn")
    assert found[0] == "p1" and "p2" in found
    assert not [f for f in found if f.startswith("n")]  # they share only "chưa" with the question


def test_the_words_as_typed_rank_before_their_synonyms(backend: SearchBackend) -> None:
    found = ids(backend, "quá hạn")
    assert set(found) == {"q1", "q2", "q3", "q4"} and found[-1] == "q1"


def test_a_unit_typed_in_the_query_finds_the_findings_about_it(backend: SearchBackend) -> None:
    assert "t1" in ids(backend, "Thới Bình")


def test_a_quoted_unit_name_is_still_that_unit(backend: SearchBackend) -> None:
    assert "t1" in ids(backend, '"Thới Bình"')


def test_the_unit_named_in_the_query_ranks_its_findings_first(backend: SearchBackend) -> None:
    assert ids(backend, "Đô Lương đeo thẻ")[0] == "d1"


def test_a_document_number_cited_as_documents_cite_it(backend: SearchBackend) -> None:
    assert set(ids(backend, "139/QĐ-UBND")) == {"h1", "h2"}
    assert set(ids(backend, "Quyết định số 139/QĐ-UBND")) == {"h1", "h2"}


def test_province_filter_across_the_2025_reorganisation(backend: SearchBackend) -> None:
    assert set(ids(backend, unit="Hồ Chí Minh")) == {"h1", "h2"}
    assert set(ids(backend, province="TP Hồ Chí Minh")) == {"h1", "h2"}


def test_a_common_word_typed_lowercase_is_not_a_unit_name(backend: SearchBackend) -> None:
    assert "x1" in ids(backend, "xã An Ninh")
    assert ids(backend, "an ninh") == ["x2"]


def test_sort_by_date_places_a_finding_known_only_by_its_year(tmp_path: Path) -> None:
    from dataclasses import replace

    from index.sqlite_fts import SqliteFtsBackend

    old = _rec("old", "Phiếu hẹn không đánh số theo dõi.", "Phiếu_hẹn không đánh số theo_dõi .")
    old = replace(old, year=2013, published="2013-03-23")
    new = replace(_rec("new", "Phiếu hẹn ghi thiếu ngày hẹn.", "Phiếu_hẹn ghi thiếu ngày hẹn .", doc="docz"),
                  year=2023, published=None)
    fresh = SqliteFtsBackend(tmp_path / "search.db")
    try:
        fresh.index([old, new])
        assert ids(fresh, "phiếu hẹn", sort="date") == ["new", "old"]
        assert ids(fresh, sort="date") == ["new", "old"]
    finally:
        fresh.close()
