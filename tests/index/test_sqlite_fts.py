"""The SQLite FTS5 backend: Vietnamese-aware matching, ranking, filters, facets and snippets."""

from __future__ import annotations

import json
import random
import sqlite3
import typing
import unicodedata
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from core.errors import BackendError
from core.normalize import fold
from index import fts_topk, sqlite_fts
from index.base import LAYOUT_VERSION, FindingRecord, Query
from index.query import Alternative, Plan, plan_query
from index.sqlite_fts import SqliteFtsBackend, highlight
from nlp.themes import finding_themes


def rec(finding_id: str, text: str, **fields: object) -> FindingRecord:
    """A record with sensible defaults; `fields` override any FindingRecord field."""
    base: dict[str, object] = {
        "finding_id": finding_id, "doc_key": f"doc-{finding_id}", "doc_id": f"bao-cao-{finding_id}",
        "text": text, "polarity": "shortcoming", "area": "tthc", "year": 2023, "published": "2023-06-01",
    }
    base.update(fields)
    return FindingRecord(**base)  # type: ignore[arg-type]


@pytest.fixture
def backend(tmp_path: Path) -> Iterator[SqliteFtsBackend]:
    b = SqliteFtsBackend(tmp_path / "search.db")
    yield b
    b.close()


def ids(backend: SqliteFtsBackend, query: Query) -> list[str]:
    return [h.record.finding_id for h in backend.search(query).hits]


# --------------------------------------------------------------------------- matching


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("phieu hen", "Một số hồ sơ chưa được cấp phiếu hẹn trả kết quả."),
        ("doan", "Đoàn kiểm tra làm việc với UBND phường."),
        ("ĐOÀN KIỂM TRA", "đoàn kiểm tra làm việc với UBND phường."),
        ("chu ky so", "Văn bản đi chưa được ký bằng chữ ký số."),
        ("dich vu cong truc tuyen", "Tỷ lệ hồ sơ nộp qua dịch vụ công trực tuyến còn thấp."),
        ("hoà giải", "Tổ hòa giải ở cơ sở hoạt động chưa đều."),
        ("hòa giải", "Tổ hoà giải ở cơ sở hoạt động chưa đều."),
    ],
)
def test_accents_case_and_tone_placement_do_not_matter(backend: SqliteFtsBackend, query: str,
                                                       text: str) -> None:
    backend.index([rec("a", text), rec("b", "Cán bộ công chức thực hiện tốt quy chế văn hóa công sở.")])
    # "b" may follow as a fill ("chu ky so" shares "so" of "công sở"), never before "a"
    assert ids(backend, Query(text=query))[0] == "a"


def test_nfd_input_matches_nfc_text(backend: SqliteFtsBackend) -> None:
    backend.index([rec("a", "Hồ sơ trễ hạn chưa có văn bản xin lỗi người dân.")])
    assert ids(backend, Query(text=unicodedata.normalize("NFD", "xin lỗi"))) == ["a"]


def test_all_words_first_then_most_of_them(backend: SqliteFtsBackend) -> None:
    backend.index([rec("a", "Chưa công khai thủ tục hành chính."), rec("b", "Chưa công khai tài chính."),
                   rec("c", "Chưa có thủ tục.")])
    assert ids(backend, Query(text="cong khai thu tuc hanh chinh", limit=1)) == ["a"]  # a page: no fallback
    assert ids(backend, Query(text="cong khai thu tuc hanh chinh")) == ["a", "b", "c"]
    # b misses one word in five; c holds only "thủ tục" of the term "thủ tục hành chính": the
    # fill's part, last, typed with accents or without (the folded term is cut as its reading).
    assert ids(backend, Query(text="công khai thủ tục hành chính")) == ["a", "b", "c"]


def test_accents_typed_select_the_word(backend: SqliteFtsBackend) -> None:
    """'bản', 'bàn' and 'ban' fold alike; typed with accents, only the word spelt so matches."""
    backend.index([
        rec("ban", "Ban chỉ đạo ban hành kế hoạch cải cách hành chính."),
        rec("ban-ghe", "Bộ phận một cửa thiếu bàn ghế cho người dân ngồi chờ."),
        rec("ban-sao", "Nhiều hồ sơ còn yêu cầu công dân nộp bản sao có chứng thực giấy tờ không cần thiết."),
    ])
    assert ids(backend, Query(text="bản")) == ["ban-sao"]
    assert ids(backend, Query(text="bàn")) == ["ban-ghe"]
    assert sorted(ids(backend, Query(text="ban"))) == ["ban", "ban-ghe", "ban-sao"]


def test_old_and_new_tone_placement_match_alike(backend: SqliteFtsBackend) -> None:
    backend.index([rec("old", "Xã đạt chuẩn hòa nhập số."), rec("other", "Xã chưa hoa lợi gì từ số hóa.")])
    assert ids(backend, Query(text="hoà")) == ["old"]
    assert ids(backend, Query(text="hòa")) == ["old"]


def test_store_whose_only_finding_has_no_date_searches(backend: SqliteFtsBackend) -> None:
    """Issue 16 item 5: one undated finding made the browse order's columns differ in length."""
    backend.index([rec("undated", "Phiếu hẹn chưa ghi ngày trả kết quả.", published=None)])
    assert ids(backend, Query(text="phieu hen")) == ["undated"]
    assert ids(backend, Query()) == ["undated"]


def test_phrase_query_keeps_word_order(backend: SqliteFtsBackend) -> None:
    backend.index([
        rec("phrase", "Chưa cấp phiếu hẹn cho công dân."),
        rec("apart", "Hẹn trả kết quả nhưng phiếu tiếp nhận bị thiếu."),
    ])
    assert ids(backend, Query(text="phieu hen", limit=1)) == ["phrase"]  # adjacent first
    assert ids(backend, Query(text='"phiếu hẹn"')) == ["phrase"]
    assert ids(backend, Query(text='"phieu hen')) == ["phrase"]  # unclosed quote: a phrase to the end


def test_prefix_query(backend: SqliteFtsBackend) -> None:
    backend.index([rec("a", "Việc chuyển đổi số còn chậm."), rec("b", "Cán bộ chuyên trách thiếu."),
                   rec("c", "Chưa chuẩn hóa quy trình.")])
    assert sorted(ids(backend, Query(text="chuy*"))) == ["a", "b"]
    assert sorted(ids(backend, Query(text="chu*"))) == ["a", "b", "c"]
    assert ids(backend, Query(text="chuy")) == []


@pytest.mark.parametrize(
    "hostile",
    ['"', '""', '"""', "-", "--x", "*", "**", ":", "folded:", "original : x", "()", "(", ")", "(a OR", "NOT",
     "AND OR NOT", "NEAR(a b)", "^", "{folded}", "'; DROP TABLE fts_records; --", "", "   ", "\x00", "🙂",
     "phiếu-hẹn", "a\"b'c", "%_%", "\\", "x" * 5000],
)
def test_hostile_queries_never_raise(backend: SqliteFtsBackend, hostile: str) -> None:
    backend.index([rec("a", "Phiếu hẹn chưa ghi ngày trả kết quả.")])
    result = backend.search(Query(text=hostile, facets=True))
    assert result.total in (0, 1)
    assert backend.count() == 1


def test_empty_query_lists_everything_newest_first(backend: SqliteFtsBackend) -> None:
    backend.index([rec("old", "Cũ.", published="2021-01-05"), rec("new", "Mới.", published="2024-02-01"),
                   rec("undated", "Không ngày.", published=None, year=None),
                   rec("of2022", "Chỉ biết năm.", published=None, year=2022)])
    assert ids(backend, Query()) == ["new", "of2022", "old", "undated"]  # a year sorts as that year


def test_browse_order_is_newest_first_then_year_then_rowid(tmp_path: Path) -> None:
    """The in-memory browse order (numpy) against the same order written in SQL, with missing
    dates and years and many ties, unfiltered and filtered."""
    rng = random.Random(5)
    path = tmp_path / "order.db"
    backend = SqliteFtsBackend(path)
    try:
        backend.index([rec(f"f{i:03d}", "Hồ sơ.", area=rng.choice(("tthc", "tai_chinh")),
                           published=rng.choice((None, "2021-01-05", "2023-12-31", "2019-06-01",
                                                 "2023-02-01")),
                           year=rng.choice((None, 2019, 2021, 2023))) for i in range(300)])
        best = "coalesce(published, CAST(year AS TEXT))"  # the best-known date
        order = f"{best} IS NULL, {best} DESC, year IS NULL, year DESC, rowid"
        with sqlite3.connect(path) as conn:
            everything = [f for (f,) in conn.execute(f"SELECT finding_id FROM fts_records ORDER BY {order}")]
            finance = [f for (f,) in conn.execute(
                f"SELECT finding_id FROM fts_records WHERE area = 'tai_chinh' ORDER BY {order}")]
        assert ids(backend, Query(limit=1000)) == everything
        assert ids(backend, Query(area="tai_chinh", limit=20, offset=10)) == finance[10:30]
    finally:
        backend.close()


# --------------------------------------------------------------------------- writing


def test_same_finding_id_replaces(backend: SqliteFtsBackend) -> None:
    assert backend.index([rec("a", "Chưa niêm yết thủ tục.")]) == 1
    backend.index([rec("a", "Đã niêm yết đầy đủ thủ tục.", polarity="strength")])
    assert backend.count() == 1
    assert ids(backend, Query(text="chua")) == []
    assert backend.search(Query(text="day du")).hits[0].record.polarity == "strength"


def test_delete_document_and_clear(backend: SqliteFtsBackend) -> None:
    backend.index([rec("a", "Một.", doc_key="d1"), rec("b", "Hai.", doc_key="d1"),
                   rec("c", "Ba.", doc_key="d2")])
    backend.delete_document("d1")
    assert backend.count() == 1
    assert ids(backend, Query(text="mot")) == []
    backend.clear()
    assert backend.count() == 0
    assert backend.search(Query(facets=True)).facets["year"] == []


def test_record_round_trips(backend: SqliteFtsBackend) -> None:
    record = rec("a", "Chưa số hóa hồ sơ.", units=("Tân Thạnh",), unit_levels=("xã Tân Thạnh",),
                 provinces=("An Giang",), doc_kinds=("Kế hoạch",), doc_numbers=("12/KH-UBND",), page=3,
                 start=10, end=28, words="Chưa số_hóa hồ_sơ .", theme="so_hoa_ho_so", title="Báo cáo",
                 path="/x.pdf")
    backend.index([record])
    assert backend.search(Query(text="so hoa")).hits[0].record == record


def test_two_instances_and_threads_share_one_file(tmp_path: Path) -> None:
    writer = SqliteFtsBackend(tmp_path / "k.db")
    reader = SqliteFtsBackend(tmp_path / "k.db")
    writer.index([rec(str(i), f"Hồ sơ số {i} bị trễ hạn.") for i in range(50)])
    with ThreadPoolExecutor(4) as pool:
        totals = list(pool.map(lambda _: reader.search(Query(text="tre han")).total, range(20)))
    assert totals == [50] * 20
    writer.close()
    reader.close()


def test_newer_search_tables_ask_for_reindex(tmp_path: Path) -> None:
    SqliteFtsBackend(tmp_path / "k.db").close()
    import sqlite3

    conn = sqlite3.connect(tmp_path / "k.db")
    conn.execute("UPDATE fts_meta SET value = '99' WHERE key = 'version'")
    conn.commit()
    conn.close()
    with pytest.raises(BackendError, match="reindex"):
        SqliteFtsBackend(tmp_path / "k.db")


# --------------------------------------------------------------------------- filters and facets


@pytest.fixture
def corpus(backend: SqliteFtsBackend) -> SqliteFtsBackend:
    backend.index([
        rec("1", "Hồ sơ trễ hạn chưa có thư xin lỗi.", units=("Tân Thạnh",), unit_levels=("xã Tân Thạnh",),
            provinces=("An Giang",), unit_places=("xã Tân Thạnh — An Giang",),
            year=2022, published="2022-05-01", doc_kinds=("Kế hoạch",),
            doc_numbers=("45/KH-UBND",)),
        rec("2", "Hồ sơ trễ hạn còn nhiều ở bộ phận một cửa.", units=("Đông Hòa",),
            unit_levels=("phường Đông Hòa",), unit_places=("phường Đông Hòa — Đắk Lắk",),
            provinces=("Đắk Lắk",), year=2023, published="2023-03-01", doc_kinds=("Quyết định",),
            doc_numbers=("139/QĐ-UBND",)),
        rec("3", "Đã giải quyết hồ sơ đúng hạn, không có hồ sơ trễ hạn.", polarity="strength",
            units=("Tân Thạnh", "Đông Hòa"), unit_levels=("thị xã Tân Thạnh", "phường Đông Hòa"),
            provinces=("An Giang", "Đắk Lắk"), year=2024, published="2024-01-15",
            unit_places=("thị xã Tân Thạnh — An Giang", "phường Đông Hòa — Đắk Lắk")),
        rec("4", "Kinh phí cho cải cách hành chính còn hạn chế.", area="tai_chinh", year=None,
            published=None),
    ])
    return backend


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (Query(text="tre han", unit="tân thạnh"), ["1", "3"]),
        (Query(text="tre han", unit="TAN THANH"), ["1", "3"]),
        (Query(text="tre han", unit="xa tan thanh"), ["1"]),
        (Query(text="tre han", unit="dong hoa"), ["2", "3"]),
        (Query(text="tre han", province="dak lak"), ["2", "3"]),
        (Query(text="tre han", level="thị xã"), ["3"]),
        (Query(text="tre han", level="xã"), ["1"]),
        (Query(text="tre han", year=2023), ["2"]),
        (Query(text="tre han", year_from=2023), ["2", "3"]),
        (Query(text="tre han", year_to=2023), ["1", "2"]),
        (Query(text="tre han", year_from=2022, year_to=2022), ["1"]),
        (Query(text="tre han", polarity="strength"), ["3"]),
        (Query(area="tai_chinh"), ["4"]),
        (Query(doc_kind="quyet dinh"), ["2"]),
        (Query(doc_number="139/qđ-ubnd"), ["2"]),
        (Query(doc_number="139"), []),
        (Query(text="tre han", unit="Tân Thạnh", polarity="shortcoming", year=2022), ["1"]),
    ],
)
def test_filters(corpus: SqliteFtsBackend, query: Query, expected: list[str]) -> None:
    result = corpus.search(query)
    assert sorted(h.record.finding_id for h in result.hits) == expected
    assert result.total == len(expected)


def test_facets_count_the_whole_match_not_the_page(corpus: SqliteFtsBackend) -> None:
    result = corpus.search(Query(text="ho so", limit=1, facets=True))
    assert result.total == 3 and len(result.hits) == 1
    assert result.facets["year"] == [("2022", 1), ("2023", 1), ("2024", 1)]
    assert result.facets["polarity"] == [("shortcoming", 2), ("strength", 1)]
    assert result.facets["area"] == [("tthc", 3)]
    assert result.facets["province"] == [("An Giang", 2), ("Đắk Lắk", 2)]
    # each unit placed: xã and thị xã Tân Thạnh are two units, phường Đông Hòa one
    assert result.facets["unit"] == [("phường Đông Hòa — Đắk Lắk", 2), ("thị xã Tân Thạnh — An Giang", 1),
                                     ("xã Tân Thạnh — An Giang", 1)]
    filtered = corpus.search(Query(text="ho so", province="an giang", facets=True))
    assert filtered.facets["polarity"] == [("shortcoming", 1), ("strength", 1)]
    assert corpus.search(Query()).facets == {}


def test_pagination_and_date_sort(corpus: SqliteFtsBackend) -> None:
    by_date = [h.record.finding_id for h in corpus.search(Query(text="ho so", sort="date")).hits]
    assert by_date == ["3", "2", "1"]
    pages = [ids(corpus, Query(text="ho so", sort="date", limit=2, offset=o)) for o in (0, 2, 4)]
    assert pages == [["3", "2"], ["1"], []]


# --------------------------------------------------------------------------- snippets and similar


def test_snippet_is_escaped_and_marked(backend: SqliteFtsBackend) -> None:
    backend.index([rec("a", 'Văn bản <b>"khẩn"</b> & Đơn thư chưa được xử lý.')])
    snippet = backend.search(Query(text="don thu")).hits[0].snippet
    assert snippet == ("Văn bản &lt;b&gt;&quot;khẩn&quot;&lt;/b&gt; &amp; <mark>Đơn thư</mark> "
                       "chưa được xử lý.")  # "don thu" read as the word đơn thư: marked whole


def test_hits_asked_without_snippets_are_marked_alike_later(corpus: SqliteFtsBackend) -> None:
    """Query.snippets False leaves the snippets empty, and `highlighted` marks each hit as the
    search with snippets would have (the composed search marks only the page it shows)."""
    marked = corpus.search(Query(text="ho so tre han"))
    bare = corpus.search(Query(text="ho so tre han", snippets=False))
    assert [h.snippet for h in bare.hits] == [""] * len(marked.hits)
    assert [h.record.finding_id for h in bare.hits] == [h.record.finding_id for h in marked.hits]
    assert corpus.highlighted(bare.hits, bare.plan) == marked.hits
    assert any("<mark>" in h.snippet for h in marked.hits)


def _marks(text: str) -> tuple[Alternative, ...]:
    return plan_query(text).alternatives


def test_snippet_marks_whole_words_and_phrases_only() -> None:
    text = "Đoàn kiểm tra nhận thấy đoàn thể xã hoạt động; Đoàn viên tích cực."
    assert highlight(text, _marks('"đoàn kiểm tra"')) == (
        "<mark>Đoàn kiểm tra</mark> nhận thấy đoàn thể xã hoạt động; Đoàn viên tích cực.")
    assert highlight("Doanh nghiệp và đoàn", _marks("doan")) == "Doanh nghiệp và <mark>đoàn</mark>"
    marked = highlight("Doanh nghiệp và đoàn", _marks("doan*"))
    assert marked == "<mark>Doanh</mark> nghiệp và <mark>đoàn</mark>"


def test_long_text_snippet_is_a_window_around_the_match() -> None:
    filler = "Ủy ban nhân dân xã tổ chức họp định kỳ. " * 20
    text = filler + "Chưa bố trí máy tra cứu thủ tục hành chính. " + filler
    snippet = highlight(text, _marks("may tra cuu"), max_chars=120)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "<mark>máy</mark> <mark>tra cứu</mark>" in snippet  # "tra cuu" read as the word tra cứu
    assert len(snippet.replace("<mark>", "").replace("</mark>", "")) <= 122


def test_similar_finds_related_findings_not_itself(backend: SqliteFtsBackend) -> None:
    backend.index([
        rec("a", "Nhiều hồ sơ đất đai giải quyết trễ hạn, chưa có văn bản xin lỗi công dân."),
        rec("b", "Hồ sơ đất đai trễ hạn nhưng chưa gửi văn bản xin lỗi."),
        rec("c", "Một số hồ sơ hộ tịch trễ hạn."),
        rec("d", "Ban chỉ đạo chưa họp định kỳ theo quy chế."),
    ])
    similar = backend.similar("a", limit=5)
    assert [h.record.finding_id for h in similar][:2] == ["b", "c"]
    assert "a" not in [h.record.finding_id for h in similar]
    assert "d" not in [h.record.finding_id for h in similar]
    with pytest.raises(BackendError):
        backend.similar("missing")


def test_similar_applies_the_minimum_share_before_ranking(backend: SqliteFtsBackend) -> None:
    """Short findings sharing two of the nine words outscore the one sharing three, which is
    very long; that one must still be found, not lost behind a first page of two-word matches."""
    target = "Chưa niêm yết, thiếu hòm thư góp ý, chứng thực và lưu trữ chưa đúng, khiếu nại tồn đọng."
    long_tail = " ".join(["Trong năm, đơn vị đã triển khai nhiều nhiệm vụ khác của địa phương."] * 25)
    backend.index([
        rec("target", target),
        rec("similar", f"{long_tail} Hòm thư góp ý bị hỏng."),
        *(rec(f"decoy{i:02d}", f"Niêm yết lần {i}.") for i in range(60)),
        *(rec(f"copy{i:02d}", f"Chứng thực bản sao lần {i}.") for i in range(10)),
        *(rec(f"file{i:02d}", f"Lưu trữ tài liệu lần {i}.") for i in range(10)),
        *(rec(f"other{i:03d}", f"Cán bộ tiếp dân định kỳ lần {i}.") for i in range(200)),
    ])
    assert [h.record.finding_id for h in backend.similar("target", limit=5)] == ["similar"]


def test_similar_sees_every_write_and_answers_alike_from_its_word_lists(
        backend: SqliteFtsBackend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`similar` remembers words' counts and lists per data version: a write by this backend or
    by another connection is seen at once, and a list dropped for room is read again."""
    backend.index([
        rec("a", "Hồ sơ đất đai trễ hạn, chưa gửi thư xin lỗi công dân."),
        rec("b", "Hồ sơ đất đai trễ hạn."),
        rec("c", "Ban chỉ đạo chưa họp định kỳ."),
    ])
    assert [h.record.finding_id for h in backend.similar("a")] == ["b"]
    backend.index([rec("d", "Hồ sơ đất đai trễ hạn, chưa gửi thư xin lỗi.")])
    assert [h.record.finding_id for h in backend.similar("a")] == ["d", "b"]
    other = SqliteFtsBackend(tmp_path / "search.db")
    try:
        other.delete_document("doc-d")
    finally:
        other.close()
    assert [h.record.finding_id for h in backend.similar("a")] == ["b"]
    backend.similar("b")
    remembered = [(h.record.finding_id, h.score) for h in backend.similar("b")]  # from its lists
    assert backend._words is not None and backend._words.lists
    monkeypatch.setattr(sqlite_fts, "SIMILAR_CACHED_ROWIDS", 1)  # no list fits: every one read again
    fresh = SqliteFtsBackend(tmp_path / "search.db")
    try:
        assert [(h.record.finding_id, h.score) for h in fresh.similar("b")] == remembered
        assert fresh._words is not None and not fresh._words.lists
    finally:
        fresh.close()


def test_a_search_reuses_the_last_ones_match_lists_only_while_the_data_is_the_same(
        backend: SqliteFtsBackend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The place's findings after the search of the same words (pipeline/search.py engine_pool)
    read the lists FTS5 gave the search before; a write by this backend or by another
    connection is seen at once."""
    backend.index([
        rec("a", "Hồ sơ đất đai trễ hạn, chưa gửi thư xin lỗi.", units=("Tân An",)),
        rec("b", "Hồ sơ trễ hạn chưa được xử lý.", units=("Bình Minh",)),
        rec("c", "Ban chỉ đạo chưa họp định kỳ.", units=("Tân An",)),
    ])
    walked: list[str] = []
    rowids = sqlite_fts._rowids
    def counted(conn: sqlite3.Connection, sql: str, params: Sequence[object] = ()) -> object:
        walked.extend(str(p) for p in params if "MATCH" in sql)
        return rowids(conn, sql, params)

    monkeypatch.setattr(sqlite_fts, "_rowids", counted)
    query = Query(text="ho so tre han")
    everywhere = [(h.record.finding_id, h.score) for h in backend.search(query).hits]
    assert [f for f, _ in everywhere] == ["b", "a"] and walked
    walked.clear()
    at_place = backend.search(Query(text="ho so tre han", unit="Tân An", within=True))
    assert [h.record.finding_id for h in at_place.hits] == ["a"] and not walked
    assert [(h.record.finding_id, h.score) for h in backend.search(query).hits] == everywhere
    backend.index([rec("d", "Hồ sơ trễ hạn.")])
    assert [h.record.finding_id for h in backend.search(query).hits] == ["d", "b", "a"] and walked
    other = SqliteFtsBackend(tmp_path / "search.db")
    try:
        other.delete_document("doc-d")
    finally:
        other.close()
    assert [h.record.finding_id for h in backend.search(query).hits] == ["b", "a"]


def test_recent_match_lists_stay_within_their_rowids_and_drop_the_least_recently_used(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """_RecentLists holds at most `capacity` rowids: a list read again moves to the back, the
    least recently used goes first, a list larger than the whole capacity is never kept; its
    counts (bm25's idf) outlive the lists dropped, up to COUNTED_PHRASES, then start afresh."""
    def ids(n: int) -> np.ndarray:
        return np.arange(n, dtype=np.int64)

    recent = sqlite_fts._RecentLists((1, 0), capacity=5)
    recent.keep("a", ids(3))
    recent.keep("b", ids(2))
    assert recent.get("a") is not None and recent.size == 5  # "a" now the most recently used
    recent.keep("c", ids(2))
    assert list(recent.lists) == ["a", "c"] and recent.size == 5 and recent.get("b") is None
    recent.keep("d", ids(6))
    assert recent.get("d") is None and list(recent.lists) == ["a", "c"] and recent.size == 5
    assert recent.counts == {"a": 3, "b": 2, "c": 2, "d": 6}
    shared = recent.get("c")
    assert shared is not None and not shared.flags.writeable  # later searches read the same array
    monkeypatch.setattr(sqlite_fts, "COUNTED_PHRASES", 4)
    recent.keep("e", ids(1))
    assert recent.counts == {"e": 1}


def _back_to_v2(conn: sqlite3.Connection) -> None:
    """Undo v3: no token counts or repeated words."""
    conn.execute("DROP TABLE fts_repeats")
    conn.execute("DROP INDEX fts_records_facets")
    conn.execute("CREATE INDEX fts_records_facets ON fts_records(area, year, polarity, facet_terms)")
    for column in ("tokens", "alike"):
        conn.execute(f"ALTER TABLE fts_records DROP COLUMN {column}")
    conn.execute("UPDATE fts_meta SET value = '2' WHERE key = 'version'")


def test_v2_tables_migrate_in_place_and_rank_as_before(tmp_path: Path) -> None:
    """A v2 index gains what exact top-k ranking reads; pages and scores come out the same."""
    path = tmp_path / "v2.db"
    first = SqliteFtsBackend(path)
    first.index([rec("r1", "Hồ sơ trễ hạn, hồ sơ quá hạn chưa xử lý."), rec("r2", "Hồ sơ đúng hạn."),
                 rec("r3", "Nhiều hồ sơ của người dân được trả đúng hạn trong năm."),
                 rec("r4", "Ho so tre han.")])
    queries = [Query(text=text, limit=2, offset=offset)
               for text in ("hồ sơ", "ho so han") for offset in (0, 2)]
    expected = [[(h.record.finding_id, h.score) for h in first.search(q).hits] for q in queries]
    with sqlite3.connect(path) as conn:
        _back_to_v2(conn)
    first.close()
    reopened = SqliteFtsBackend(path)
    try:
        assert ([[(h.record.finding_id, h.score) for h in reopened.search(q).hits] for q in queries]
                == expected)
    finally:
        reopened.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT r.finding_id, p.word, p.count FROM fts_repeats p JOIN fts_records r"
                            " ON r.rowid = p.rowid ORDER BY 1, 2").fetchall() == [
            ("r1", "=hạn", 2), ("r1", "=hồ", 2), ("r1", "=sơ", 2),  # accented words, counted on `original`
            ("r1", "han", 2), ("r1", "ho", 2), ("r1", "so", 2)]


def test_v1_tables_migrate_in_place_and_keep_their_facets(tmp_path: Path) -> None:
    """A v1 index (no packed facet column) opens as v3 with the same facets, no reindex needed."""
    path = tmp_path / "v1.db"
    first = SqliteFtsBackend(path)
    first.index([rec("m1", "Hồ sơ trễ hạn.", units=("Tân Hòa",), provinces=("Hà Tĩnh",),
                     unit_places=("xã Tân Hòa — Hà Tĩnh",)),
                 rec("m2", "Hồ sơ đúng hạn.", units=("Tân Hoà", "Phú Lộc"), provinces=("Hà Tĩnh",),
                     unit_places=("xã Tân Hoà — Hà Tĩnh", "xã Phú Lộc — Hà Tĩnh"))])
    expected = first.search(Query(text="ho so", facets=True)).facets
    with sqlite3.connect(path) as conn:  # back to the v1 layout
        _back_to_v2(conn)
        conn.execute("DROP INDEX fts_records_facets")
        conn.execute("ALTER TABLE fts_records DROP COLUMN facet_terms")
        conn.execute("UPDATE fts_meta SET value = '1' WHERE key = 'version'")
    first.close()
    reopened = SqliteFtsBackend(path)
    try:
        facets = reopened.search(Query(text="ho so", facets=True)).facets
        # all but the unit facet, whose placed units (schema v10) a reindex writes without the store
        assert {k: v for k, v in facets.items() if k != "unit"} == {k: v for k, v in expected.items()
                                                                      if k != "unit"}
        assert facets["unit"] == []
        assert {fold(v): n for v, n in facets["province"]} == {"ha tinh": 2}
        assert reopened.search(Query(text="ho so", province="ha tinh")).total == 2
    finally:
        reopened.close()


def test_rebuild_replaces_everything_and_readers_never_see_it_empty(tmp_path: Path) -> None:
    """A reader on another connection keeps answering from the old index until the rebuild commits."""
    path = tmp_path / "rebuild.db"
    writer, reader = SqliteFtsBackend(path), SqliteFtsBackend(path)
    try:
        writer.index([rec("cu", "Hồ sơ tồn đọng chưa giải quyết.")])
        seen_during: list[int] = []

        def records() -> Iterator[FindingRecord]:
            for n in range(3):
                seen_during.append(reader.search(Query(text="ho so")).total)
                yield rec(f"moi{n}", f"Hồ sơ số {n} đã giải quyết đúng hạn.")

        assert writer.rebuild(records()) == 3
        assert seen_during == [1, 1, 1]  # the old finding, never an empty or half-built index
        assert (sorted(h.record.finding_id for h in reader.search(Query(text="ho so")).hits)
                == ["moi0", "moi1", "moi2"])
    finally:
        writer.close()
        reader.close()


# --------------------------------------------------------------------------- facet columns kept in memory


def test_facets_follow_every_write_of_this_instance(corpus: SqliteFtsBackend) -> None:
    """Facets and filters read columns cached per data version; each write must refresh them."""
    assert (corpus.search(Query(text="ho so", facets=True)).facets["year"]
            == [("2022", 1), ("2023", 1), ("2024", 1)])
    corpus.index([rec("5", "Hồ sơ đất đai trễ hạn trả kết quả.", year=2022, published="2022-09-09",
                      provinces=("Cà Mau",))])
    after_index = corpus.search(Query(text="ho so", facets=True))
    assert after_index.total == 4
    assert after_index.facets["year"] == [("2022", 2), ("2023", 1), ("2024", 1)]
    assert ("Cà Mau", 1) in after_index.facets["province"]
    assert corpus.search(Query(text="ho so", province="ca mau")).total == 1
    corpus.delete_document("doc-5")
    assert (corpus.search(Query(text="ho so", facets=True)).facets["year"]
            == [("2022", 1), ("2023", 1), ("2024", 1)])
    assert corpus.search(Query(text="ho so", year=2022)).total == 1
    corpus.clear()
    emptied = corpus.search(Query(facets=True))
    assert (emptied.total == 0 and emptied.hits == ()
            and all(values == [] for values in emptied.facets.values()))


def test_facets_see_what_another_connection_wrote(tmp_path: Path) -> None:
    """A second process (here: instance) indexing into the same file invalidates the cache."""
    reader = SqliteFtsBackend(tmp_path / "k.db")
    writer = SqliteFtsBackend(tmp_path / "k.db")
    writer.index([rec("a", "Chưa niêm yết thủ tục hành chính.", year=2021, published="2021-02-01")])
    assert reader.search(Query(facets=True)).facets["year"] == [("2021", 1)]
    writer.index([rec("b", "Chưa niêm yết phí, lệ phí.", year=2024, published="2024-02-01")])
    browse = reader.search(Query(facets=True))
    assert browse.facets["year"] == [("2021", 1), ("2024", 1)]
    assert [h.record.finding_id for h in browse.hits] == ["b", "a"]
    assert reader.search(Query(text="niem yet", year=2024)).total == 1
    writer.close()
    reader.close()


def test_browse_page_is_newest_first_under_filters(corpus: SqliteFtsBackend) -> None:
    """Without text the page comes from the in-memory browse order: newest first, undated last."""
    assert ids(corpus, Query(limit=10)) == ["3", "2", "1", "4"]
    assert ids(corpus, Query(polarity="shortcoming", limit=2, offset=1)) == ["1", "4"]
    assert ids(corpus, Query(unit="dong hoa")) == ["3", "2"]
    assert corpus.search(Query(year_to=2030)).total == 3  # the finding without a year never passes
    assert corpus.search(Query(text="tre han", unit="nowhere", facets=True)).facets["year"] == []


def test_v3_tables_gain_theme_terms_in_place(tmp_path: Path) -> None:
    """A v3 index (themes only inside the record JSON) opens as v4 with theme facets and filters."""
    path = tmp_path / "v3.db"
    first = SqliteFtsBackend(path)
    first.index([rec("t1", "Chưa cấp phiếu hẹn.", units=("Tân Hòa",), theme="tthc.phieu_hen"),
                 rec("t2", "Hồ sơ đúng hạn.", units=("Phú Lộc",))])
    first.close()
    with sqlite3.connect(path) as conn:  # back to the v3 layout: no theme terms
        conn.execute("DELETE FROM fts_terms WHERE field = 'theme'")
        for rowid, packed in conn.execute("SELECT rowid, facet_terms FROM fts_records").fetchall():
            kept = [item for item in packed.split("\x1e") if not item.startswith("theme\x1f")]
            conn.execute("UPDATE fts_records SET facet_terms = ? WHERE rowid = ?", ("\x1e".join(kept), rowid))
        conn.execute("UPDATE fts_meta SET value = '3' WHERE key = 'version'")
    reopened = SqliteFtsBackend(path)
    try:
        assert reopened.search(Query(facets=True)).facets["theme"] == [("tthc.phieu_hen", 1)]
        assert [h.record.finding_id for h in reopened.search(Query(theme="tthc.phieu_hen")).hits] == ["t1"]
        assert [h.record.finding_id for h in reopened.search(Query(unit="tan hoa")).hits] == ["t1"]
    finally:
        reopened.close()


def _written_before(path: Path, *, field: str, key: str, version: str) -> None:
    """Take an index back to what an older schema `version` wrote: no `field` terms, no `key` in
    each record's JSON, the version it records."""
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM fts_terms WHERE field = ?", (field,))
        for rowid, raw in conn.execute("SELECT rowid, record FROM fts_records").fetchall():
            record = json.loads(raw)
            del record[key]
            conn.execute("UPDATE fts_records SET record = ? WHERE rowid = ?",
                         (json.dumps(record, ensure_ascii=False), rowid))
        conn.execute("UPDATE fts_meta SET value = ? WHERE key = 'version'", (version,))


def _v5_index(path: Path) -> None:
    """An index as v5 wrote it: each record's own theme its one `theme` term, no `themes` in its
    JSON, no `primary_theme` terms."""
    first = SqliteFtsBackend(path)
    first.index([rec("d1", "Tỷ lệ hồ sơ trực tuyến còn thấp, chưa ký số văn bản.", theme="tthc.giai_quyet"),
                 rec("d2", "Chưa có phiếu hẹn trả kết quả.", theme="tthc.phieu_hen"),
                 rec("d3", "Hồ sơ nộp qua mạng còn ít.", theme="so_hoa.dvc_truc_tuyen")])
    first.close()
    _written_before(path, field="primary_theme", key="themes", version="5")


def test_v5_tables_read_the_themes_their_findings_speak_of_in_place(tmp_path: Path) -> None:
    """A v5 index opens at today's version: each stored finding's text gives the themes it speaks
    of (the vocabulary's reading, passed in as ingest passes it), its own theme first and kept."""
    path = tmp_path / "v5.db"
    _v5_index(path)
    reopened = SqliteFtsBackend(path, themes_of=finding_themes)
    try:
        themes = {h.record.finding_id: (h.record.theme, h.record.themes)
                  for h in reopened.search(Query(limit=10)).hits}
        assert themes == {
            "d1": ("tthc.giai_quyet", ("tthc.giai_quyet", "so_hoa.dvc_truc_tuyen", "so_hoa.chu_ky_so")),
            "d2": ("tthc.phieu_hen", ("tthc.phieu_hen",)),
            "d3": ("so_hoa.dvc_truc_tuyen", ("so_hoa.dvc_truc_tuyen",))}
        assert ids(reopened, Query(theme="so_hoa.chu_ky_so")) == ["d1"]
        assert dict(reopened.search(Query(facets=True)).facets["theme"])["so_hoa.dvc_truc_tuyen"] == 2
        # The matter tier: its own theme first (d3), then the one speaking of it besides (d1).
        hits = reopened.search(Query(text="cổng dịch vụ", matters=("so_hoa.dvc_truc_tuyen",))).hits
        assert [(h.record.finding_id, h.tier) for h in hits] == [("d3", "matter"), ("d1", "matter")]
    finally:
        reopened.close()
    with sqlite3.connect(path) as conn:
        version = conn.execute("SELECT value FROM fts_meta WHERE key = 'version'").fetchone()
        assert version == (sqlite_fts.FTS_SCHEMA_VERSION,)


def test_v5_tables_opened_without_the_vocabulary_keep_each_findings_own_theme(tmp_path: Path) -> None:
    """index/ runs no NLP: opened bare, a v5 index migrates with each finding's own theme only
    (a `kiemtra reindex` gives the others), and its tier and filters work as before."""
    path = tmp_path / "v5.db"
    _v5_index(path)
    reopened = SqliteFtsBackend(path)
    try:
        assert {h.record.themes for h in reopened.search(Query(limit=10)).hits} == {
            ("tthc.giai_quyet",), ("tthc.phieu_hen",), ("so_hoa.dvc_truc_tuyen",)}
        assert ids(reopened, Query(theme="so_hoa.dvc_truc_tuyen")) == ["d3"]
        hits = reopened.search(Query(text="cổng dịch vụ", matters=("so_hoa.dvc_truc_tuyen",))).hits
        assert [h.record.finding_id for h in hits] == ["d3"]
    finally:
        reopened.close()


def test_union_is_the_sorted_set_of_every_part() -> None:
    """`_union` (sorted by hand, not np.unique) gives what np.unique of the joined parts gives:
    ascending, each finding once, empty parts ignored; a lone part is returned as it is only when
    it is ascending and unique (the unit lookup can list a finding under two unit fields)."""
    import numpy as np

    rng = random.Random(12)
    for _ in range(200):
        parts = [np.asarray(sorted(rng.sample(range(500), rng.randint(0, 40))), dtype=np.int64)
                 for _ in range(rng.randint(2, 5))]
        expected = np.unique(np.concatenate(parts))
        found = sqlite_fts._union(parts)
        assert found.dtype == np.int64 and found.tolist() == expected.tolist()
    repeated = np.asarray([3, 3, 7], dtype=np.int64)
    empty = np.empty(0, dtype=np.int64)
    assert sqlite_fts._union([empty, repeated]).tolist() == [3, 7]
    assert sqlite_fts._union([empty, empty]).tolist() == []
    lone = np.asarray([2, 5, 9], dtype=np.int64)
    assert sqlite_fts._union([lone, empty]) is lone


def test_an_areas_findings_join_the_matter_tier_as_a_union_would() -> None:
    """`_matter_candidates` (the matter tier's themes and areas, less the stages' findings) gives
    what np.union1d and np.setdiff1d give, ascending and unique, and `_union` what np.unique
    gives, on overlapping, disjoint, empty and identical lists."""
    import numpy as np

    rng = random.Random(3)
    cases = [(sorted(rng.sample(range(500), 40)), sorted(rng.sample(range(500), 120)),
              sorted(rng.sample(range(500), 60))) for _ in range(20)]
    cases += [([], [1, 5], []), ([2, 3], [], [3]), ([1, 2, 3], [1, 2, 3], [1, 2, 3]), ([1, 9], [4, 5], [0])]
    for found, area, stage in cases:
        a, b, c = (np.asarray(x, dtype=np.int64) for x in (found, area, stage))
        marks = np.zeros(500, dtype=np.bool_)
        marks[b] = True
        union = np.union1d(a, b)
        assert sqlite_fts._matter_candidates(500, [a], marks, c).tolist() == \
            np.setdiff1d(union, c, assume_unique=True).tolist()
        assert sqlite_fts._matter_candidates(500, [a, b], None, c).tolist() == \
            np.setdiff1d(union, c, assume_unique=True).tolist()
        assert sqlite_fts._union([a, b, c]).tolist() == np.unique(np.concatenate([a, b, c])).tolist()
        assert sqlite_fts._union([a, b, c]).dtype == np.int64


def test_the_matter_tier_s_bare_findings_score_alike_asked_together_or_apart(
        backend: SqliteFtsBackend) -> None:
    """_bare_relevance asks the bm25 of the tier's findings holding none of the groups once for
    all the tier's parts: a finding's score must not depend on the findings asked with it."""
    texts = ("Kế hoạch năm gửi muộn.", "Người đứng đầu chưa quan tâm đúng mức.",
             "Báo cáo quý gửi chậm so với quy định.", "Kế hoạch cải cách chưa ban hành, kế hoạch cũ.",
             "Công chức đi muộn về sớm.", "Chưa xây dựng kế hoạch kiểm tra.")
    backend.index([rec(f"k{n}", text) for n, text in enumerate(texts)])
    plan = backend.plan("chỉ đạo điều hành")
    assert plan.instances  # "kế hoạch", "người đứng đầu": what ranks the bare findings
    conn, columns = backend._conn, backend._columns()
    text = sqlite_fts._TextSearch(conn, plan)
    every = np.asarray(sorted(r for (r,) in conn.execute("SELECT rowid FROM fts_records")), dtype=np.int64)
    together = sqlite_fts._bare_relevance(conn, columns, every, plan, text)
    assert (together > 0).sum() >= 3 and (together == 0).any()
    for part in (every[::2], every[1::2], every[2:4], every[-1:]):
        apart = sqlite_fts._bare_relevance(conn, columns, part, plan, text)
        assert apart.tolist() == together[np.searchsorted(every, part)].tolist()


def test_the_bare_findings_counted_from_their_text_score_as_fts5_scores_them(
        backend: SqliteFtsBackend) -> None:
    """_bare_relevance reads a few findings' phrase counts from their text (_bare_counts) and
    computes bm25 from them: the same doubles FTS5's bm25() gives, accented phrases on `original`
    and folded ones on `folded`, a phrase repeated in a finding counted as often."""
    texts = ("Kế hoạch năm gửi muộn, kế hoạch quý cũng muộn.", "Người đứng đầu chưa quan tâm đúng mức.",
             "Báo cáo quý gửi chậm so với quy định.", "Ke hoach cai cach chua ban hanh.",
             "Công chức đi muộn về sớm.", "Chưa xây dựng kế hoạch kiểm tra kế hoạch.",
             "Giờ giấc chưa nghiêm.")
    backend.index([rec(f"k{n}", text) for n, text in enumerate(texts)])
    plan = backend.plan("chỉ đạo điều hành")
    conn, columns = backend._conn, backend._columns()
    every = np.asarray(sorted(r for (r,) in conn.execute("SELECT rowid FROM fts_records")), dtype=np.int64)
    assert sqlite_fts._bare_counts(conn, columns, every, plan.bare_ranked) is not None
    counted = sqlite_fts._bare_relevance(conn, columns, every, plan, sqlite_fts._TextSearch(conn, plan))
    scored = _fts5_relevance(conn, every, plan.bare_ranked)
    assert (scored > 0).sum() >= 3 and counted.tolist() == scored.tolist()


def _fts5_relevance(conn: sqlite3.Connection, ids: np.ndarray, units: Sequence[Alternative]) -> np.ndarray:
    """FTS5's own bm25 of the OR of `units` (as _ranking_phrase writes them) for each of `ids`,
    negated, 0 for a finding holding none: what _bare_relevance must give."""
    match = " OR ".join(f"({sqlite_fts._ranking_phrase(a)})" for a in units)
    scores = dict(conn.execute("SELECT rowid, bm25(fts_text) FROM fts_text WHERE fts_text MATCH ?", [match]))
    return np.asarray([-scores[r] if r in scores else 0.0 for r in ids.tolist()], dtype=np.float64)


@dataclass(frozen=True)
class _BarePlan:
    """What _bare_relevance reads of a plan: the units ranking the bare findings."""

    bare_ranked: tuple[Alternative, ...]


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("read_at_most", [0, 8, 300])
def test_many_bare_findings_scored_from_their_units_lists_score_as_fts5_scores_them(
        backend: SqliteFtsBackend, monkeypatch: pytest.MonkeyPatch, seed: int, read_at_most: int) -> None:
    """Past BARE_COUNTED findings _bare_relevance counts each unit from its list and the stored
    repeats (_listed_counts), reads the text of the findings repeating every word of a phrase
    when they are few (else FTS5 scores them), and leaves a finding FTS5 tokenizes otherwise
    ("\ue000") to FTS5: the same doubles as FTS5's bm25() of every finding, on folded and
    accented phrases; a literal ASCII word ("ca") counted on `original` where the folded text
    also holds "cá" is left to the text or FTS5, never taken from the folded repeats."""
    rng = random.Random(seed)
    syllables = ("hồ", "sơ", "ho", "so", "cá", "ca", "kế", "hoạch", "ke", "hoach")
    texts = [" ".join(rng.choice(syllables) for _ in range(rng.randint(1, 14))) + "." for _ in range(60)]
    texts += ["hồ sơ \ue000 hồ sơ ca cá.", "ca cá ca kế hoạch."]
    backend.index([rec(f"b{n}", text) for n, text in enumerate(texts)])
    units = (Alternative(("ho", "so")), Alternative(("hồ", "sơ")), Alternative(("ca",), literal=True),
             Alternative(("kế", "hoạch")), Alternative(("ke",)), Alternative(("cá", "ca")))
    conn, columns = backend._conn, backend._columns()
    every = np.asarray(sorted(r for (r,) in conn.execute("SELECT rowid FROM fts_records")), dtype=np.int64)
    assert not columns.alike[every].all()
    monkeypatch.setattr(sqlite_fts, "BARE_COUNTED", read_at_most)
    plan = typing.cast(Plan, _BarePlan(units))
    for ids in (every, every[::3], every[-5:]):
        expected = _fts5_relevance(conn, ids, units)
        assert (expected > 0).sum() >= min(len(ids), 3)
        got = sqlite_fts._bare_relevance(conn, columns, ids, plan, sqlite_fts._TextSearch(conn, plan))
        assert got.tolist() == expected.tolist()


def test_an_ascii_word_of_an_accented_phrase_is_counted_only_where_its_folded_count_tells() -> None:
    """_listed_counts: a literal "ca" counted on `original` takes its folded repeats' count only
    where it is 1; where the folded text repeats it ("ca cá": 2 folded, 1 on `original`), UNKNOWN."""
    repeats = {"ca": (np.asarray([2], dtype=np.int64), np.asarray([2], dtype=np.int64))}
    columns = typing.cast(sqlite_fts._Columns, _Repeats(repeats))
    ids = np.asarray([1, 2, 3], dtype=np.int64)
    present = np.asarray([[True], [True], [False]])
    counts = sqlite_fts._listed_counts(columns, ids, [Alternative(("ca",), literal=True)], present)
    assert counts[:, 0].tolist() == [1, fts_topk.UNKNOWN, 0]
    folded = sqlite_fts._listed_counts(columns, ids, [Alternative(("ca",))], present)
    assert folded[:, 0].tolist() == [1, 2, 0]  # on `folded` the repeats are its own


@dataclass(frozen=True)
class _Repeats:
    """What _listed_counts reads of the columns: the stored repeats."""

    repeats: dict[str, tuple[np.ndarray, np.ndarray]]


def test_the_search_tables_schema_holds_the_layout() -> None:
    """A layout change (index.base.LAYOUT_VERSION: a field today's search reads) needs the SQLite
    search tables to migrate too: the table of the schema holding each layout names today's, and
    the schema version is at or past it (a later layout never held by an earlier schema)."""
    holding = sqlite_fts.SCHEMA_HOLDING_LAYOUT
    assert LAYOUT_VERSION in holding
    assert int(sqlite_fts.FTS_SCHEMA_VERSION) >= holding[LAYOUT_VERSION]
    layouts = sorted(holding)
    assert [holding[k] for k in layouts] == sorted(holding.values())


# A report defining an abbreviation and writing it alone afterwards (written for these tests).
DEFINING_TEXT = ("Trung tâm xúc tiến đầu tư (TTXTĐT) được thành lập năm 2020.\n"
                 "TTXTĐT chưa cập nhật thủ tục trên cổng thông tin điện tử.")


DEFINES_COUNT = "SELECT count(*) FROM fts_terms WHERE field = ?"


def _v7_index(path: Path, *, with_store: bool) -> None:
    """An index as v7 wrote it (before layout 9): its records carry no `definitions` and it has
    no `defines` terms. With the store, the defining document's text sits in the same file, as
    `kiemtra ingest` keeps them; without it, the search tables are alone."""
    from core.models import Area, Document, Extraction, Finding, Polarity, Source
    from index.records import finding_records
    from index.store import Store

    source = Source(path="/inbox/ttxt.txt", sha256="ttxt", format="txt", reader="txt")
    document = Document("ttxt", DEFINING_TEXT, (), source)
    start = DEFINING_TEXT.index("TTXTĐT chưa")
    finding = Finding(Polarity.SHORTCOMING, Area.TTHC, DEFINING_TEXT[start:], start, len(DEFINING_TEXT))
    extraction = Extraction("ttxt", findings=(finding,))
    if with_store:
        store = Store(path)
        key = store.save(document, extraction, extractor_version="1")
        records = list(store.finding_records(key))
        store.close()
    else:
        records = finding_records("ttxt", document, extraction)
    assert [r.definitions for r in records] == [("Trung tâm xúc tiến đầu tư (TTXTĐT)",)]
    first = SqliteFtsBackend(path)
    first.index(records)
    first.close()
    _written_before(path, field=sqlite_fts.DEFINES, key="definitions", version="7")


def test_v7_tables_beside_the_store_read_their_documents_definitions_again(tmp_path: Path) -> None:
    """Opened by today's kiemtra, a v7 index in the store's file harvests each finding's document
    again: its definitions are back, and the long form typed finds the finding writing only the
    abbreviation (the document's own definition read by the query), as a fresh index does."""
    path = tmp_path / "kiemtra.db"
    _v7_index(path, with_store=True)
    reopened = SqliteFtsBackend(path)
    try:
        hit, = reopened.search(Query(limit=10)).hits
        assert hit.record.definitions == ("Trung tâm xúc tiến đầu tư (TTXTĐT)",)
        assert ids(reopened, Query(text="trung tâm xúc tiến đầu tư")) == [hit.record.finding_id]
    finally:
        reopened.close()
    with sqlite3.connect(path) as conn:
        version = conn.execute("SELECT value FROM fts_meta WHERE key = 'version'").fetchone()
        assert version == (sqlite_fts.FTS_SCHEMA_VERSION,)
        # run again (a version marker set back), the migration adds no row twice
        terms = conn.execute(DEFINES_COUNT, (sqlite_fts.DEFINES,)).fetchone()
        conn.execute("UPDATE fts_meta SET value = '7' WHERE key = 'version'")
    assert terms[0] > 0
    SqliteFtsBackend(path).close()
    with sqlite3.connect(path) as conn:
        again = conn.execute(DEFINES_COUNT, (sqlite_fts.DEFINES,)).fetchone()
    assert again == terms


def test_v7_tables_without_the_store_ask_for_a_reindex(tmp_path: Path,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    """Search tables in a file of their own cannot read the documents again: they open at today's
    version with no definitions, and the one log line says to run `kiemtra reindex`."""
    path = tmp_path / "search.db"
    _v7_index(path, with_store=False)
    with caplog.at_level("INFO", logger=sqlite_fts.LOGGER.name):
        reopened = SqliteFtsBackend(path)
    try:
        hit, = reopened.search(Query(limit=10)).hits
        assert hit.record.definitions == ()
        assert ids(reopened, Query(text="trung tâm xúc tiến đầu tư")) == []
    finally:
        reopened.close()
    asked = [r.getMessage() for r in caplog.records if "reindex" in r.getMessage()]
    assert asked == ["search tables migrated from v7 to v8 (no definitions without the store: "
                     "run `kiemtra reindex`)",
                     "search tables migrated from v9 to v10 (no unit facet without the store: "
                     "run `kiemtra reindex`)",
                     "search tables migrated from v11 to v12 (no inspector without the store: "
                     "run `kiemtra reindex`)"]
