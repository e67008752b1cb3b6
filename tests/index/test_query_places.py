"""A unit name typed folded and lowercase ("do luong", "thoi binh"), as staff type on phones: the
place when the index's own counts favour it over the common word of the same syllables."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from index.base import FindingRecord, Query
from index.query import Vocabulary, analyse, load_lexicon, parse, places_read, plan_query
from index.sqlite_fts import SqliteFtsBackend, _Vocabulary


class Counted(Vocabulary):
    """An index holding "do luong", "thoi binh", "an ninh", "thanh binh" as units; "an ninh" and
    "thanh binh" also as words of its text, "an ninh" written in more findings than are about the
    commune, "thanh binh" in fewer."""

    def known_words(self, candidates: Sequence[str]) -> set[str]:
        return {"an ninh", "thanh binh", "deo the"} & set(candidates)

    def known_units(self, candidates: Sequence[str]) -> set[str]:
        return {"do luong", "thoi binh", "an ninh", "thanh binh", "xa an ninh"} & set(candidates)

    def findings(self, keys: Sequence[str]) -> dict[str, tuple[int, int]]:
        counts = {"an ninh": (3, 40), "thanh binh": (24, 3)}
        return {k: counts[k] for k in keys if k in counts}


def units(text: str) -> list[str | None]:
    return [g.unit for g in plan_query(text, Counted()).groups]


def test_a_folded_name_the_index_never_writes_as_a_word_is_the_place() -> None:
    """"đo lường", "thời bình" are dictionary words, but this index holds no finding writing them."""
    assert units("do luong deo the") == ["do luong", None]
    assert units("thoi binh") == ["thoi binh"]


def test_a_folded_name_the_index_writes_as_a_word_is_weighed_by_its_counts() -> None:
    assert units("thanh binh mot cua")[0] == "thanh binh"  # 24 findings about it, 3 writing the word
    assert units("an ninh trat tu")[0] is None  # 40 findings write the word, 3 are about the commune


def test_a_level_word_or_capitals_name_the_place_whatever_the_counts() -> None:
    assert units("xa an ninh trat tu")[0] == "xa an ninh"
    assert units("An Ninh trật tự")[0] == "an ninh"


def test_accents_typed_keep_the_reading_they_say() -> None:
    """The user who types the word's accents means the word ("đo lường"), the name's the place."""
    assert units("đo lường đeo thẻ")[0] is None
    assert units("đô lương đeo thẻ")[0] == "do luong"


def test_without_counts_a_unit_the_index_also_holds_as_a_word_stays_the_word() -> None:
    assert places_read({"an ninh", "do luong"}, {"an ninh"}, {}) == {"do luong"}
    plan = analyse(parse("an ninh trat tu"), load_lexicon(),
                   {"an ninh"}, {"an ninh"})
    assert plan.groups[0].unit is None


def _record(finding_id: str, text: str, words: str, units: tuple[str, ...]) -> FindingRecord:
    return FindingRecord(finding_id=finding_id, doc_key=f"d{finding_id}", doc_id=f"doc-{finding_id}",
                         text=text, polarity="shortcoming", area="tthc", year=2023, words=words,
                         units=units)


def test_sqlite_counts_findings_about_a_unit_and_findings_writing_the_word(tmp_path: Path) -> None:
    backend = SqliteFtsBackend(tmp_path / "search.db")
    try:
        backend.index([
            _record("1", "Xã chưa niêm yết thủ tục.", "xã chưa niêm_yết thủ_tục", ("Thanh Bình",)),
            _record("2", "Cán bộ đeo thẻ.", "cán_bộ đeo thẻ", ("Thanh Bình",)),
            _record("3", "Đời sống thanh bình.", "đời_sống thanh_bình", ("Tân Lộc",)),
        ])
        with sqlite3.connect(tmp_path / "search.db") as conn:
            assert _Vocabulary(conn).findings(["thanh binh", "tan loc", "do luong"]) == {
                "thanh binh": (2, 1), "tan loc": (1, 0), "do luong": (0, 0)}
        found = {h.record.finding_id for h in backend.search(Query(text="thanh binh")).hits}
        assert found == {"1", "2", "3"}  # the place, or the words in the text
    finally:
        backend.close()
