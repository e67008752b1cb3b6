"""A lone syllable typed without accents (index/lone_reading.py) is read as the accented form the
index writes beside its neighbours, on both engines from their own text, and left folded where
the neighbours disagree, say nothing, or make it part of a word."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial

import pytest
from search_backends import BACKEND_PARAMS, indexed, segmented

from index.accents import written_as
from index.base import FindingRecord, Query, SearchBackend
from index.lone_reading import MOST_READ, PAIR_FORMS, alone, lone_readings, neighbours
from index.query import MAX_WORD_SYLLABLES, load_lexicon
from index.spelling import accented_forms

Table = Mapping[tuple[str, ...], int]


class _Counts:
    """A vocabulary's counts from a table (0 for any other phrase), counting the calls."""

    def __init__(self, table: Mapping[tuple[str, ...], int]) -> None:
        self.table, self.asked = table, 0

    def __call__(self, phrases: Sequence[tuple[str, ...]]) -> dict[tuple[str, ...], int]:
        self.asked += 1
        return {p: self.table.get(p, 0) for p in phrases}


_WORDS = {"theo doi", "dien thoai", "niem yet", "ho so", "buu chinh cong ich", "buu chinh", "tiep nhan"}


def _read(text: str, table: Mapping[tuple[str, ...], int], tails: frozenset[str] = frozenset()) -> list[str]:
    lexicon = load_lexicon()
    syllables = tuple(text.split())
    clauses = [[(syllables, (False,) * len(syllables), True)]]
    found = lone_readings(clauses, _Counts(table), _WORDS.__contains__, partial(written_as, lexicon.readings),
                          lexicon.grammar_folds, MAX_WORD_SYLLABLES, tails)
    return [f"{c.typed}→{c.read}" for c in found]


def test_every_form_of_a_folded_syllable_is_a_candidate() -> None:
    assert {"sổ", "số", "sơ", "sở", "so"} <= set(accented_forms("so"))
    assert accented_forms("cchc") == ()


def test_a_syllable_is_alone_only_outside_every_word_and_read_beside_its_neighbours() -> None:
    typed = ["so", "theo", "doi"]
    is_word = _WORDS.__contains__
    assert alone(typed, 0, is_word, MAX_WORD_SYLLABLES) and not alone(typed, 1, is_word, MAX_WORD_SYLLABLES)
    lexicon = load_lexicon()
    around = neighbours(["niem", "yet", "so", "dien", "thoai"], 2, partial(written_as, lexicon.readings),
                        _WORDS.__contains__, MAX_WORD_SYLLABLES)
    assert around == [(("niêm", "yết"), True), (("điện", "thoại"), False)]


def test_the_form_the_index_writes_beside_the_neighbours_is_read() -> None:
    assert _read("so theo doi", {("sổ", "theo", "dõi"): 4}) == ["so→sổ"]
    phone: Table = {("niêm", "yết", "số"): 2, ("số", "điện", "thoại"): 3}
    assert _read("niem yet so dien thoai", phone) == ["so→số"]


def test_too_few_findings_or_a_close_second_form_read_nothing() -> None:
    assert _read("so theo doi", {("sổ", "theo", "dõi"): 1, ("số", "theo", "dõi"): 1}) == []
    assert _read("so theo doi", {("sổ", "theo", "dõi"): 3, ("số", "theo", "dõi"): 2}) == []
    assert _read("so theo doi", {}) == []  # written by none: nothing to read


def test_one_finding_is_enough_where_no_other_form_is_written_beside_the_neighbours() -> None:
    """"so tiep nhan ho tich": the dev index writes "sổ tiếp nhận" once and no other form before
    "tiếp nhận" (the tail "sơ" of hồ sơ is no candidate first): unread, "so" matched every "hồ sơ".
    A rival written once asks two findings and the ratio again."""
    assert _read("so theo doi", {("sổ", "theo", "dõi"): 1}) == ["so→sổ"]
    assert _read("so tiep nhan", {("sổ", "tiếp", "nhận"): 1, ("sơ", "tiếp", "nhận"): 3},
                 frozenset({"sơ"})) == ["so→sổ"]
    assert _read("so theo doi", {("sổ", "theo", "dõi"): 1, ("so", "theo", "dõi"): 1}) == []
    # beside each neighbour still: one side writing it and the other never reads nothing
    assert _read("niem yet so dien thoai", {("niêm", "yết", "số"): 1}) == []


def test_neighbours_that_disagree_read_nothing() -> None:
    # "hồ sơ quá" (quá hạn) is common before it; the word after it is written with "qua" only.
    table: Table = {("hồ", "sơ", "quá"): 6, ("hồ", "sơ", "qua"): 1, ("qua", "bưu", "chính"): 2}
    assert _read("ho so qua buu chinh", table) == []
    # nor when a neighbour never writes the form beside it
    assert _read("ho so qua buu chinh", {("hồ", "sơ", "quá"): 6}) == []


def test_a_word_tail_is_not_read_from_the_word_after_it_alone() -> None:
    table: Table = {("sơ", "theo", "dõi"): 5}  # "hồ sơ theo dõi": the tail of hồ sơ
    assert _read("so theo doi", table) == ["so→sơ"]
    assert _read("so theo doi", table, frozenset({"sơ"})) == []


def test_a_pasted_text_reads_its_first_lone_syllables_only() -> None:
    table: Table = {("sổ", "theo", "dõi"): 4, ("theo", "dõi", "sổ"): 4}
    assert _read("so theo doi " * (MOST_READ + 3), table) == ["so→sổ"] * MOST_READ


def test_typed_partly_with_accents_the_syllable_is_read_beside_the_words_typed_so() -> None:
    """"so theo dõi": the neighbour is typed as the index writes it ("theo" has no marks to type),
    which is the word the folded query's reading restores: the same syllable is read."""
    table: Table = {("sổ", "theo", "dõi"): 4}
    assert _read("so theo dõi", table) == _read("so theo doi", table) == ["so→sổ"]


def test_a_neighbour_is_the_word_beside_the_syllable_before_a_run_of_accents_across_words() -> None:
    lexicon = load_lexicon()
    words = {"can bo", "vang mat", "theo doi", "phieu hen"}.__contains__
    clear = partial(written_as, lexicon.readings)
    typed = ["cán", "bộ", "xa", "vắng", "mặt", "tại", "trụ"]
    assert neighbours(typed, 2, clear, words, MAX_WORD_SYLLABLES, lexicon.grammar_folds) == [
        (("cán", "bộ"), True), (("vắng", "mặt"), False)]
    # a run of accents stops at a grammar word: "phiếu hẹn và" is written before nothing
    typed = ["và", "so", "theo", "dõi"]
    assert neighbours(typed, 1, clear, words, MAX_WORD_SYLLABLES, lexicon.grammar_folds) == [
        (("theo", "dõi"), False)]


def test_grammar_words_and_syllables_typed_with_accents_are_left_alone() -> None:
    assert _read("phieu hen co theo doi", {("có", "theo", "dõi"): 9}) == []  # "co": the grammar's
    assert _read("sổ theo doi", {("sổ", "theo", "dõi"): 9}) == []


def test_two_lone_syllables_side_by_side_are_read_together() -> None:
    """"cac so nganh": neither has a word beside it, but each is the other's neighbour: the forms
    the index writes side by side ("sở, ngành"), by a clear majority, are the reading."""
    assert _read("cac so nganh", {("sở", "ngành"): 5}) == ["so→sở", "nganh→ngành"]
    assert _read("cac so nganh", {("sở", "ngành"): 1}) == []  # one finding is one report's wording
    # a pair of too many forms to count is not read so ("so do": 18 × 36 forms)
    assert len(accented_forms("so")) * len(accented_forms("do")) > PAIR_FORMS
    assert _read("cac so do", {("sổ", "đỏ"): 9}) == []


def test_a_pair_written_across_two_words_as_often_reads_nothing() -> None:
    """"muc thu phi": "mục thủ" is written twice across "danh mục | thủ tục", "mức thu" once: a
    pair's count holds such bigrams, so its majority must be clearer (`PAIR_RATIO`)."""
    table: Table = {("mục", "thủ"): 2, ("mức", "thu"): 1}
    assert _read("muc thu", table) == []
    assert _read("muc thu", {("mục", "thủ"): 2}) == ["muc→mục", "thu→thủ"]


# ------------------------------------------------------------------------------------ both engines


def _rec(fid: str, text: str) -> FindingRecord:
    """A finding whose segmented words join the genre's compounds, as nlp/ writes them."""
    return segmented(fid, text, ("theo dõi", "hồ sơ", "điện thoại", "niêm yết", "tiếp nhận"))


RECORDS = (
    _rec("book-1", "Xã chưa mở sổ theo dõi tiếp nhận hồ sơ."),
    _rec("book-2", "Sổ theo dõi ghi chưa đầy đủ ngày trả kết quả."),
    _rec("book-3", "Công chức không cập nhật sổ theo dõi hàng ngày."),
    _rec("files-1", "Hồ sơ quá hạn chưa được xin lỗi người dân."),
    _rec("files-2", "Tỷ lệ hồ sơ trực tuyến thấp."),
    _rec("phone-1", "Chưa niêm yết số điện thoại đường dây nóng."),
)


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def backend(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SearchBackend:
    return indexed(request, tmp_path_factory, RECORDS)


def test_each_engine_reads_the_lone_syllable_from_its_own_text(backend: SearchBackend) -> None:
    plan = backend.plan("so theo doi ho so")
    assert [(c.typed, c.read) for c in plan.corrections] == [("so", "sổ")]
    found = {h.record.finding_id for h in backend.search(Query(text="so theo doi", limit=10)).hits}
    assert found == {"book-1", "book-2", "book-3"}
    assert backend.plan("so theo doi ho so").groups == backend.plan("sổ theo doi ho so").groups
    # typed partly with accents, the same reading
    assert [(c.typed, c.read) for c in backend.plan("so theo dõi hồ sơ").corrections] == [("so", "sổ")]
