"""A slip typed without accents (index/folded_slips.py, index/accents.py `unwritten`): a folded
syllable one letter from the word it breaks is read as the variant making a word the index writes,
and a folded dictionary guess the index writes nowhere is no word of the query's cut."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pytest

from core.normalize import fold
from index.accents import compile_readings, unwritten
from index.folded_slips import MIN_SEEN, folded_slips, folded_variants
from index.query import MAX_WORD_SYLLABLES, Vocabulary, dictionary_file, plan_query

Table = Mapping[tuple[str, ...], int]
needs_dictionary = pytest.mark.skipif(dictionary_file() is None,
                                      reason="underthesea's Viet74K is not installed")


class _Counts:
    """A vocabulary's counts from a table (0 for any other phrase; the empty phrase: 400 findings)."""

    def __init__(self, table: Mapping[tuple[str, ...], int]) -> None:
        self.table = {(): 400, **table}

    def __call__(self, phrases: Sequence[tuple[str, ...]]) -> dict[tuple[str, ...], int]:
        return {p: self.table.get(p, 0) for p in phrases}


def _dictionary(*words: str) -> dict[str, set[tuple[str, ...]]]:
    out: dict[str, set[tuple[str, ...]]] = {}
    for word in words:
        out.setdefault(fold(word), set()).add(tuple(word.split()))
    return out


READINGS = compile_readings(
    _dictionary("nguyên nhân", "phần mềm", "nhầm lẫn", "hồ sơ", "tiền quý", "số chẵn", "chân thật"), [])
WORDS = {"ho so", "nguyen nhan", "phan mem", "qua han"}


def _slips(text: str, table: Mapping[tuple[str, ...], int]) -> list[str]:
    syllables = tuple(text.split())
    clauses = [[(syllables, (False,) * len(syllables), True)]]
    found = folded_slips(clauses, _Counts(table), WORDS.__contains__, READINGS, MAX_WORD_SYLLABLES)
    return [f"{c.typed}→{c.read}" for c in found]


def test_a_folded_variant_is_one_slip_away_on_the_keyboard() -> None:
    assert {"nhan", "nha", "ham"} <= set(folded_variants("nham"))  # n beside m; a letter dropped
    assert "nham" not in folded_variants("nham")
    assert "mem" in folded_variants("men") and all(v == fold(v) for v in folded_variants("men"))
    assert "hoi" not in folded_variants("moi")  # "xã mới" is no slip of "xã hội": h is far from m


def test_a_folded_slip_breaking_a_word_the_index_writes_is_read() -> None:
    written: Table = {("nguyên", "nhân"): 12, ("phần", "mềm"): MIN_SEEN}
    assert _slips("nguyen nham ho so qua han", written) == ["nham→nhan"]
    assert _slips("phan men", written) == ["men→mem"]


def test_a_slip_is_read_only_where_the_index_writes_the_word() -> None:
    written: Table = {("nguyên", "nhân"): MIN_SEEN - 1}
    assert _slips("nguyen nham", written) == []


def test_a_real_word_and_a_syllable_inside_a_word_are_no_slip() -> None:
    written: Table = {("nguyên", "nhân"): 12, ("số", "chẵn"): 20}
    assert _slips("nham lan", written) == []  # nhầm lẫn: a word of the dictionary
    assert _slips("ho so cham", written) == []  # "so" is hồ sơ's: "so chan" is read nowhere
    assert _slips("nguyễn nham", written) == []  # the neighbour typed with accents: spelling.py's


def test_two_words_the_index_writes_side_by_side_are_no_slip() -> None:
    """"gui nhan": gửi, nhận (sending and receiving), one key from "ghi nhận", which the index writes
    more, but not ten times more than the typed pair."""
    readings = compile_readings(_dictionary("ghi nhận"), [])
    syllables = ("gui", "nhan")
    clauses = [[(syllables, (False,) * 2, True)]]
    written: Table = {("ghi", "nhận"): 20, ("gửi", "nhận"): 4}
    assert folded_slips(clauses, _Counts(written), WORDS.__contains__, readings, MAX_WORD_SYLLABLES) == ()
    written = {("ghi", "nhận"): 20}
    assert [c.read for c in folded_slips(clauses, _Counts(written), WORDS.__contains__, readings,
                                         MAX_WORD_SYLLABLES)] == ["ghi"]


def test_a_grammar_word_is_no_slip_nor_a_slip_s_neighbour() -> None:
    readings = compile_readings(_dictionary("đa số", "sổ sách"), [])
    syllables = ("phieu", "va", "so")
    clauses = [[(syllables, (False,) * 3, True)]]
    counts = _Counts({("đa", "số"): 30})
    assert folded_slips(clauses, counts, WORDS.__contains__, readings, MAX_WORD_SYLLABLES, {"va"}) == ()


def test_a_dictionary_guess_the_index_writes_nowhere_is_unwritten() -> None:
    counts = _Counts({("hồ", "sơ"): 40})
    assert unwritten(READINGS, ["tien quy", "ho so", "xyz abc"], counts) == frozenset({"tien quy"})
    assert unwritten(READINGS, ["tien quy"], _Counts({("tiền", "quý"): 1})) == frozenset()
    # an index counting nothing says nothing
    assert unwritten(READINGS, ["tien quy"], lambda phrases: {}) == frozenset()


class _Index(Vocabulary):
    """An index of the genre whose findings write "nguyên nhân", "dân" (never "đề dẫn" nor "tiền quý")."""

    WORDS = frozenset({"nguyen nhan", "ho so", "quy dinh"})
    WRITTEN = {(): 400, ("nguyên", "nhân"): 30, ("hồ", "sơ"): 200, ("quy", "định"): 150,
               ("tiền",): 20, ("quỹ",): 8, ("dân",): 50, ("để",): 60}

    def known_words(self, candidates: Sequence[str]) -> set[str]:
        return {c for c in candidates if c in self.WORDS}

    def written_counts(self, phrases: Sequence[tuple[str, ...]]) -> dict[tuple[str, ...], int]:
        return {p: self.WRITTEN.get(p, 0) for p in phrases}


@needs_dictionary
def test_folded_queries_plan_as_typed_with_their_accents() -> None:
    def groups(text: str) -> list[str]:
        return [" ".join(g.alternatives[0].syllables) for g in plan_query(text, _Index()).groups]

    # "de" folds like the grammar's "để", and the dictionary's "đề dẫn" is written nowhere: two words,
    # as "để dân" typed is cut, and "de" the function word, ranked, as "để" typed is dropped (plan23:
    # the unwritten guess no longer reads it otherwise); a guess no grammar word opens stays ("tien
    # quy": tiền quý)
    assert groups("de dan cho lau")[:2] == ["dan", "cho lau"]
    assert [a.syllables for a in plan_query("de dan cho lau", _Index()).optional] == [("de",)]
    assert groups("tien quy")[0] == "tien quy"
    # the slip read: the plan of the query typed with its accents and its slip
    slipped = plan_query("nguyen nham ho so", _Index())
    assert [(c.typed, c.read) for c in slipped.corrections] == [("nham", "nhan")]
    assert groups("nguyen nham ho so") == groups("nguyen nhan ho so")


class _City(_Index):
    """An index whose findings about a city name its district Thanh Trì (and An Ninh, a name spelt
    as the word "an ninh", security): both written outside the district's own findings."""

    WORDS = frozenset({"thanh tri", "an ninh", "gio giac"})
    WRITTEN = {(): 400, ("thanh", "trì"): 6, ("an", "ninh"): 9}

    def known_units(self, candidates: Sequence[str]) -> set[str]:
        return {c for c in candidates if c in ("thanh tri", "an ninh")}

    def written_elsewhere(self, units: Sequence[str]) -> set[str]:
        return set(units)

    def unit_spellings(self, units: Sequence[str]) -> dict[str, set[tuple[str, ...]]]:
        spelt: dict[str, set[tuple[str, ...]]] = {"thanh tri": {("thanh", "trì")},
                                                  "an ninh": {("an", "ninh")}}
        return {u: spelt[u] for u in units if u in spelt}


@needs_dictionary
def test_a_name_written_elsewhere_as_the_name_is_the_place_typed_folded() -> None:
    """"thanh tri": the citadel (thành trì) is written nowhere, the district's name in six findings."""
    assert [g.unit for g in plan_query("thanh tri gio giac", _City()).groups][0] == "thanh tri"
    assert [g.unit for g in plan_query("an ninh gio giac", _City()).groups][0] is None  # the word
