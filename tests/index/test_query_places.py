"""A unit name typed folded and lowercase ("do luong", "thoi binh"), as staff type on phones: the
place when no finding of the index writes its syllables but as the name of the unit it is about;
the word when one does. Typed lowercase with accents, the same when the accents are the name's
own ("hoà bình" for Hòa Bình), the word when they are another's ("thời bình" is not Thới Bình)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from core.levels import Level
from index.base import FindingRecord, Query
from index.query import (
    Vocabulary,
    analyse,
    candidates,
    filter_key,
    level_qualified,
    load_lexicon,
    parse,
    plan_query,
)
from index.sqlite_fts import SqliteFtsBackend, _Vocabulary


class Indexed(Vocabulary):
    """An index holding "do luong", "thoi binh", "an ninh", "dong du", "thanh binh" as units,
    "an ninh", "dong du", "thanh binh" also as words of its text: "an ninh" and "dong du" written
    in findings about other units (an ninh trật tự, có mặt đông đủ), "thanh binh" only in the
    findings about huyện Thanh Bình (the segmenter joins a name as it joins a word)."""

    def known_words(self, candidates: Sequence[str]) -> set[str]:
        return {"an ninh", "dong du", "thanh binh", "can bo", "co mat", "trat tu"} & set(candidates)

    def written_elsewhere(self, units: Sequence[str]) -> set[str]:
        return {"an ninh", "dong du"} & set(units)

    def known_units(self, candidates: Sequence[str]) -> set[str]:
        return {"do luong", "thoi binh", "an ninh", "dong du", "thanh binh", "xa an ninh"} & set(candidates)

    def unit_spellings(self, units: Sequence[str]) -> dict[str, set[tuple[str, ...]]]:
        spelt: dict[str, set[tuple[str, ...]]] = {
            "thoi binh": {("thới", "bình")}, "thanh binh": {("thanh", "bình")},
            "an ninh": {("an", "ninh")}, "do luong": {("đô", "lương")}}
        return {u: spelt[u] for u in units if u in spelt}


def units(text: str) -> list[str | None]:
    return [g.unit for g in plan_query(text, Indexed()).groups]


def test_a_folded_name_the_index_never_writes_as_a_word_is_the_place() -> None:
    """"đo lường", "thời bình" are dictionary words, but this index holds no finding writing them."""
    assert units("do luong deo the") == ["do luong", None]
    assert units("thoi binh") == ["thoi binh"]


def test_a_folded_name_the_index_writes_as_a_word_stays_the_word() -> None:
    assert units("an ninh trat tu") == [None, None]
    assert units("can bo co mat dong du") == [None, None, None]


def test_a_folded_name_written_only_about_its_unit_is_the_place() -> None:
    assert units("thanh binh mot cua")[0] == "thanh binh"


def test_a_level_word_or_capitals_name_the_place_whatever_the_index_writes() -> None:
    assert units("xa an ninh trat tu")[0] == "xa an ninh"
    assert units("An Ninh trật tự")[0] == "an ninh"


def test_accents_typed_keep_the_reading_they_say() -> None:
    """The user who types the word's accents means the word ("đo lường"), the name's the place."""
    assert units("đo lường đeo thẻ")[0] is None
    assert units("đô lương đeo thẻ")[0] == "do luong"


def test_accents_typed_as_the_names_own_read_as_the_folded_name_does() -> None:
    """"thanh bình" (peaceful) is a dictionary word, spelt as the district is; this index writes it
    only about huyện Thanh Bình, so lowercase with its accents it names the district, as folded."""
    assert units("hồ sơ trễ hạn thanh bình")[-1] == "thanh binh"
    assert units("Hồ sơ trễ hạn thanh bình")[-1] == "thanh binh"  # a phone's capital says nothing


def test_accents_typed_as_another_words_keep_the_word() -> None:
    """"thời bình" (peacetime) is not how the index spells Thới Bình: the accents typed count."""
    assert units("thời bình") == [None]
    assert units("thới bình") == ["thoi binh"]  # the name's own accents, not a dictionary word


def test_accents_typed_as_the_name_do_not_make_a_word_written_elsewhere_the_place() -> None:
    assert units("an ninh trật tự")[0] is None


class Unspelt(Indexed):
    """An index that cannot say how it spells its units: accents typed never name a place."""

    def unit_spellings(self, units: Sequence[str]) -> dict[str, set[tuple[str, ...]]]:
        return {}


def test_a_name_the_index_does_not_spell_is_not_read_from_accents() -> None:
    assert plan_query("thanh bình", Unspelt()).groups[0].unit is None
    assert plan_query("thanh binh", Unspelt()).groups[0].unit == "thanh binh"


def test_the_place_read_still_matches_the_syllables_in_the_text() -> None:
    """Group.unit: findings about the unit, or any writing the name (the place or the words)."""
    group = analyse(parse("thoi binh"), load_lexicon(), set(), {"thoi binh"}).groups[0]
    assert group.unit == "thoi binh" and [a.syllables for a in group.alternatives] == [("thoi", "binh")]


def _record(finding_id: str, text: str, words: str, units: tuple[str, ...]) -> FindingRecord:
    return FindingRecord(finding_id=finding_id, doc_key=f"d{finding_id}", doc_id=f"doc-{finding_id}",
                         text=text, polarity="shortcoming", area="tthc", year=2023, words=words,
                         units=units)


def test_sqlite_knows_which_names_are_written_outside_their_units_findings(tmp_path: Path) -> None:
    backend = SqliteFtsBackend(tmp_path / "search.db")
    try:
        backend.index([
            _record("1", "UBND huyện Thanh Bình chưa niêm yết.", "ubnd huyện thanh_bình", ("Thanh Bình",)),
            _record("2", "Cán bộ xã Tân Lộc có mặt đông đủ.", "cán_bộ có_mặt đông_đủ", ("Tân Lộc",)),
            _record("3", "Xã Đông Đủ chưa cấp phiếu hẹn.", "xã đông_đủ phiếu_hẹn", ("Đông Đủ",)),
        ])
        with sqlite3.connect(tmp_path / "search.db") as conn:
            vocabulary = _Vocabulary(conn)
            assert vocabulary.written_elsewhere(["thanh binh", "dong du", "tan loc"]) == {"dong du"}
            assert [g.unit for g in plan_query("thanh binh mot cua", vocabulary).groups][0] == "thanh binh"
            assert vocabulary.unit_spellings(["thanh binh", "tan loc", "hoa an"]) == {
                "thanh binh": {("thanh", "bình")}, "tan loc": {("tân", "lộc")}}
            assert [g.unit for g in plan_query("thanh bình niêm yết", vocabulary).groups][0] == "thanh binh"
        found = {h.record.finding_id for h in backend.search(Query(text="thanh binh")).hits}
        assert found == {"1"}
    finally:
        backend.close()


class Abbreviated(Vocabulary):
    """An index holding thành phố Quy Nhơn (by its name and with its level) and "tp quy nhon" as a
    word: the segmenter joined "TP.Quy Nhơn" as one text writes it; thành phố Huế with its level
    (one syllable alone is no unit a query names)."""

    def known_words(self, candidates: Sequence[str]) -> set[str]:
        return {"tp quy nhon", "ho so"} & set(candidates)

    def known_units(self, candidates: Sequence[str]) -> set[str]:
        return {"quy nhon", "thanh pho quy nhon", "an lao", "thanh pho hue"} & set(candidates)


def test_a_level_abbreviated_before_a_name_reads_as_the_level_word() -> None:
    """"TP", "Tp.", "tp" (core/levels.py) say a name follows: the unit with its level, the
    abbreviation no required word, the index's joined word "tp quy nhon" not read."""
    for text in ("TP Quy Nhơn hồ sơ", "tp. quy nhon ho so", "Tp Quy Nhơn hồ sơ", "UBND TP Quy Nhơn hồ sơ"):
        plan = plan_query(text, Abbreviated())
        assert [g.unit for g in plan.groups] == ["thanh pho quy nhon", None], text
        assert plan.groups[0].alternatives[0].folded == ("quy", "nhon"), text


def test_a_level_abbreviated_before_a_name_the_index_knows_without_that_level() -> None:
    assert [g.unit for g in plan_query("tx An Lão hồ sơ", Abbreviated()).groups] == ["an lao", None]


def test_a_one_syllable_name_after_an_abbreviated_level_is_the_unit_as_after_the_level_word() -> None:
    """"thành phố Huế" names the city; "TP Huế", "tp hue" as well, not the words "tp" and "huế"."""
    for text in ("thành phố Huế hồ sơ", "TP Huế hồ sơ", "tp hue ho so", "UBND TP. Huế hồ sơ"):
        assert [g.unit for g in plan_query(text, Abbreviated()).groups] == ["thanh pho hue", None], text


def test_an_abbreviation_before_no_unit_stays_a_word() -> None:
    groups = plan_query("tp hồ sơ", Abbreviated()).groups
    assert groups[0].unit is None and groups[0].alternatives[0].syllables == ("tp",)


def test_the_key_of_an_abbreviated_unit_is_the_one_the_index_keys_its_label_by() -> None:
    """What `candidates` asks the index for after "TP" is the index's key of the level-qualified
    label (filter_key of "thành phố Quy Nhơn"), the key `_abbreviated_unit` then looks up."""
    key = level_qualified(Level.THANH_PHO, ("quy", "nhon"))
    assert key == filter_key("thành phố Quy Nhơn") == "thanh pho quy nhon"
    assert key in candidates(parse("hồ sơ TP Quy Nhơn"))
    assert level_qualified(Level.THI_XA, ("an", "nhon")) in candidates(parse("tx. an nhon ho so"))


class Typed(Vocabulary):
    """An index holding phường Quảng An, phường Thanh Trì and Hoàng Mai, thị xã An Nhơn, Hà Nội and
    Thừa Thiên Huế as units, as the dev store keys them (session 30, read45)."""

    def known_words(self, candidates: Sequence[str]) -> set[str]:
        return {"ho so", "tiep dan", "tre han", "bo nhiem", "can bo"} & set(candidates)

    def known_units(self, candidates: Sequence[str]) -> set[str]:
        return {"phuong quang an", "phuong thanh tri", "hoang mai", "thi xa an nhon", "ha noi",
                "thua thien hue", "quan hoang mai"} & set(candidates)


def test_a_level_typed_by_its_letter_before_a_unit_is_the_level() -> None:
    """"P." and "Q." (phường, quận: core/levels.py LevelRow.typed), as staff type an address, read
    before a unit the index knows, the dot glued to the name or not; the letter is no word."""
    for text in ("P.Quảng An tiếp dân", "p. quảng an tiếp dân", "P Quảng An tiếp dân", "p.quang an tiep dan"):
        plan = plan_query(text, Typed())
        assert [g.unit for g in plan.groups] == ["phuong quang an", None], text
    assert [g.unit for g in plan_query("Q.Hoàng Mai hồ sơ", Typed()).groups] == ["quan hoang mai", None]


def test_a_level_letter_before_no_unit_stays_as_typed() -> None:
    """"điểm p khoản 2": a list's letter, no unit after it, stays a word of the query."""
    plan = plan_query("điểm p khoản 2", Typed())
    assert ("p",) in [a.syllables for g in plan.groups for a in g.alternatives]
    assert all(g.unit is None for g in plan.groups)


def test_a_level_abbreviation_glued_to_the_name_by_its_dot_is_the_level() -> None:
    """"TX.An Nhơn" (the parser keeps "TX.An" one joined word) reads as "TX. An Nhơn"."""
    assert [g.unit for g in plan_query("TX.An Nhơn hồ sơ trễ hạn", Typed()).groups][0] == "thi xa an nhon"


def test_a_province_typed_short_is_the_province() -> None:
    """"HN", "TT Huế", "TT-Huế", "tt huế" (shorthand.toml [[place]]) are the places they abbreviate."""
    for text, unit in (("HN ktra công vụ sau Tết cán bộ vắng", "ha noi"),
                       ("tt huế bổ nhiệm cán bộ", "thua thien hue"),
                       ("TT-Huế bổ nhiệm cán bộ", "thua thien hue"), ("TT.Huế bổ nhiệm", "thua thien hue")):
        assert plan_query(text, Typed()).groups[0].unit == unit, text
