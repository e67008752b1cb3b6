"""Did you mean (index/spelling.py, Plan.corrections): a syllable typed with accents that the
index's text makes improbable is searched as the close spelling its neighbours make probable —
on both engines, from their own counts, and never a word spelt right."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pytest
from search_backends import BACKEND_PARAMS, indexed, segmented

from index.base import FindingRecord, Query, SearchBackend
from index.query import Vocabulary, corrected, load_lexicon, parse, plan_query
from index.spelling import checkable, corrections, variants


def test_variants_are_the_syllables_one_slip_away() -> None:
    assert "nhân" in variants("nhâm")  # a letter struck beside the right one
    assert "chất" in variants("chât")  # the tone left out (no syllable: a stop coda needs one)
    assert "tục" in variants("tụ") and "chính" in variants("chínhh")  # dropped, doubled
    assert "hành" in variants("hàn")
    assert "nhâm" not in variants("nhâm") and all(" " not in v for v in variants("nhâm"))
    assert "hoà" not in variants("hòa")  # the same syllable, tone placed the old way


def test_only_a_syllable_typed_with_accents_and_no_name_nor_genre_word_is_checked() -> None:
    genre = load_lexicon().written_syllables
    assert checkable("nhâm", False, genre)
    assert not checkable("nham", False, genre)  # without accents: matches every form, as before
    assert not checkable("nào", False, genre)  # a question word of the genre's data
    assert not checkable("sđt", False, genre) and not checkable("qđ", False, genre)  # abbreviations
    assert not checkable("Nhâm".lower(), True, genre)  # capitalised: a name


class _Counts:
    """Counts as an index would give them, from a table; how often it was asked."""

    def __init__(self, table: Mapping[tuple[str, ...], int]) -> None:
        self.table, self.asked = table, 0

    def __call__(self, phrases: Sequence[tuple[str, ...]]) -> dict[tuple[str, ...], int]:
        self.asked += 1
        return {p: self.table.get(p, 0 if p else 100) for p in phrases}  # (): the index's 100 findings


def _WORDS(spans: Sequence[str]) -> set[str]:
    """The index's words (folded) for these tests."""
    return {s for s in spans if s in {"nguyen nhan", "vat chat", "ho so"}}


def _words(text: str) -> list[list[tuple[tuple[str, ...], tuple[bool, ...], bool]]]:
    return [[(t.syllables, t.capitals, not t.phrase and not t.prefix) for t in clause]
            for clause in parse(text).clauses]


def test_the_rule_asks_the_counts_and_is_conservative() -> None:
    genre = load_lexicon().written_syllables
    counts = _Counts({("nguyên", "nhân"): 20, ("nhân",): 40, ("nguyên",): 30, ("nhâm",): 0})
    fixes = corrections(_words("nguyên nhâm"), counts, genre, _WORDS)
    assert [(f.typed, f.read) for f in fixes] == [("nhâm", "nhân")]
    # written beside its neighbour as typed: left alone, and the variants never asked
    counts = _Counts({("nguyên", "nhâm"): 7, ("nguyên", "nhân"): 60, ("nhân",): 40, ("nhâm",): 2})
    assert corrections(_words("nguyên nhâm"), counts, genre, _WORDS) == () and counts.asked == 1
    # written so rarely, but the variant not ten times as often: left alone too
    counts = _Counts({("nguyên", "nhâm"): 2, ("nguyên", "nhân"): 15, ("nhân",): 40, ("nhâm",): 2})
    assert corrections(_words("nguyên nhâm"), counts, genre, _WORDS) == () and counts.asked == 2
    # alone, or quoted: no context to judge, nothing asked
    counts = _Counts({("nhân",): 40})
    assert corrections(_words("nhâm"), counts, genre, _WORDS) == () and counts.asked == 0
    assert corrections(_words('"nguyên nhâm"'), counts, genre, _WORDS) == () and counts.asked == 0
    # the typed syllable as common in the index as the variant: a real word in a new combination
    counts = _Counts({("nguyên", "nhân"): 20, ("nhân",): 40, ("nhâm",): 30})
    assert corrections(_words("nguyên nhâm"), counts, genre, _WORDS) == ()
    # written far more often beside the neighbour, but no word of the index with it: left as typed
    counts = _Counts({("còn", "để"): 20, ("để",): 60, ("nể",): 1})
    assert corrections(_words("còn nể"), counts, genre, _WORDS) == ()
    # two variants the neighbours make about as likely: the index cannot tell, left as typed
    counts = _Counts({("hồ", "sơ"): 30, ("hồ", "sở"): 20, ("sơ",): 50, ("sở",): 50})
    assert corrections(_words("hồ sớ"), counts, genre, _WORDS) == ()


def test_the_parse_is_read_with_the_corrections() -> None:
    parsed = parse("hạn chế cơ sở vật chât")
    fixes = corrections(_words("hạn chế cơ sở vật chât"), _Counts({("vật", "chất"): 3, ("chất",): 5}),
                        load_lexicon().written_syllables, _WORDS)
    assert [s for c in corrected(parsed, fixes).clauses for t in c for s in t.syllables][-1] == "chất"


def test_an_index_that_knows_nothing_reads_the_query_as_typed() -> None:
    assert plan_query("nguyên nhâm", Vocabulary()).corrections == ()
    counts = _Counts({(): 0})  # an empty index: the variants are never asked
    assert corrections(_words("nguyên nhâm"), counts, load_lexicon().written_syllables, _WORDS) == ()
    assert counts.asked == 1


# ------------------------------------------------------------------------------------ both engines


def _rec(fid: str, text: str) -> FindingRecord:
    """A finding whose segmented words join the genre's compounds ("nguyên_nhân"), as nlp/ writes them."""
    return segmented(fid, text, ("nguyên nhân", "Nguyên nhân", "vật chất", "hồ sơ", "công chức",
                                 "trả kết quả", "công dân", "một cửa", "nhầm lẫn", "hộ tịch", "tư pháp"))


RECORDS = (
    _rec("cause-1", "Nguyên nhân hồ sơ trễ hạn là do thiếu công chức tiếp nhận."),
    _rec("cause-2", "Đoàn chưa làm rõ nguyên nhân chậm trả kết quả cho công dân."),
    _rec("cause-3", "Nguyên nhân chủ yếu là cơ sở vật chất còn thiếu thốn."),
    _rec("rooms-1", "Cơ sở vật chất của bộ phận một cửa đã xuống cấp."),
    _rec("rooms-2", "Xã chưa trang bị cơ sở vật chất đầy đủ cho bộ phận một cửa."),
    _rec("mistake", "Công chức tư pháp nhầm lẫn khi ghi sổ hộ tịch."),
)


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def backend(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SearchBackend:
    return indexed(request, tmp_path_factory, RECORDS)


def _read(backend: SearchBackend, text: str) -> list[tuple[str, str]]:
    return [(c.typed, c.read) for c in backend.plan(text).corrections]


def test_each_engine_reads_the_slip_as_the_word_its_text_writes(backend: SearchBackend) -> None:
    assert _read(backend, "nguyên nhâm chậm trả kết quả") == [("nhâm", "nhân")]
    assert _read(backend, "cơ sở vật chât") == [("chât", "chất")]
    found = {h.record.finding_id for h in backend.search(Query(text="nguyên nhâm", limit=10)).hits}
    assert found == {"cause-1", "cause-2", "cause-3"}


def test_each_engine_leaves_words_spelt_right_and_unaccented_ones(backend: SearchBackend) -> None:
    assert _read(backend, "nhầm lẫn khi ghi sổ") == []  # rare, but written so
    assert _read(backend, "nguyên nhân") == []
    # typed without accents, the slip is read by the word it breaks (index/folded_slips.py), not here
    assert _read(backend, "nguyen nham") == [("nham", "nhan")]

