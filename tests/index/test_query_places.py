"""A unit name typed folded and lowercase ("do luong", "thoi binh"), as staff type on phones: the
place when the index never writes its syllables as a word; the word when it does."""

from __future__ import annotations

from collections.abc import Sequence

from index.query import Vocabulary, analyse, load_lexicon, parse, plan_query


class Indexed(Vocabulary):
    """An index holding "do luong", "thoi binh", "an ninh", "dong du" as units, and "an ninh",
    "dong du" (an ninh trật tự, có mặt đông đủ) also as words of its text."""

    def known_words(self, candidates: Sequence[str]) -> set[str]:
        return {"an ninh", "dong du", "can bo", "co mat", "trat tu"} & set(candidates)

    def known_units(self, candidates: Sequence[str]) -> set[str]:
        return {"do luong", "thoi binh", "an ninh", "dong du", "xa an ninh"} & set(candidates)


def units(text: str) -> list[str | None]:
    return [g.unit for g in plan_query(text, Indexed()).groups]


def test_a_folded_name_the_index_never_writes_as_a_word_is_the_place() -> None:
    """"đo lường", "thời bình" are dictionary words, but this index holds no finding writing them."""
    assert units("do luong deo the") == ["do luong", None]
    assert units("thoi binh") == ["thoi binh"]


def test_a_folded_name_the_index_writes_as_a_word_stays_the_word() -> None:
    assert units("an ninh trat tu") == [None, None]
    assert units("can bo co mat dong du") == [None, None, None]


def test_a_level_word_or_capitals_name_the_place_whatever_the_index_writes() -> None:
    assert units("xa an ninh trat tu")[0] == "xa an ninh"
    assert units("An Ninh trật tự")[0] == "an ninh"


def test_accents_typed_keep_the_reading_they_say() -> None:
    """The user who types the word's accents means the word ("đo lường"), the name's the place."""
    assert units("đo lường đeo thẻ")[0] is None
    assert units("đô lương đeo thẻ")[0] == "do luong"


def test_the_place_read_still_matches_the_syllables_in_the_text() -> None:
    """Group.unit: findings about the unit, or any writing the name (the place or the words)."""
    group = analyse(parse("thoi binh"), load_lexicon(), set(), {"thoi binh"}).groups[0]
    assert group.unit == "thoi binh" and [a.syllables for a in group.alternatives] == [("thoi", "binh")]
