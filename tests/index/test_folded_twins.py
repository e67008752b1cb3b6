"""A query typed without accents reads as its accented twin (index/query): the lone syllables of
the grammar ("tai", "o", "thi", "bi", "con") carry their function when no word with a neighbour
reads them otherwise, a pair straddling a word of the cut reads nothing, a folded synonym member
does not break a clear word, and a place name capitalised only as a phone starts a sentence is
still the place. Short queries written as provincial staff type them on a phone; the lexicon is
built from lines as index/vi/ writes them."""

from __future__ import annotations

from typing import Any

import pytest

from benchmarks.folded_twins import twin
from index.query import Lexicon, Places, Plan, analyse, compile_lexicon, parse

SETS = [["một cửa", "1 cửa"], ["trụ sở", "trụ sở làm việc"], ["quá hạn", "trễ hạn"],
        ["máy lạnh", "máy điều hoà"], ["dịch vụ công", "DVC"]]
STOPS = ["nào", "vì sao", "thế nào", "thì [accents]", "ở [accents]", "tại [accents]", "về [accents]",
         "bị [accents]", "còn [accents]"]
INTENTS: list[dict[str, Any]] = [
    {"polarity": "shortcoming", "required": True, "terms": ["chưa", "còn [accents]"]},
    {"polarity": "shortcoming", "kept": False, "terms": ["bị [accents]"]},
    {"polarity": "recommendation", "terms": ["kiến nghị", "xử lý"]}]
# The dictionary's rare words that fold as the query's syllables do across a word of its cut, or
# as a content word holding one of the grammar's syllables.
DICTIONARY = ["cán bộ", "vắng mặt", "kiến nghị", "nghi vệ", "so bì", "hồ sơ", "kỳ thi", "bộ máy",
              "lãnh đạo", "máy lạnh", "đo lường", "chấm công", "xử lý"]


def lexicon() -> Lexicon:
    return compile_lexicon(STOPS, SETS, DICTIONARY, INTENTS,
                           reading={"topic_ends": ["thì [accents]"], "focus": ["thế nào"],
                                    "questions": ["nào", "vì sao"]},
                           setting={"words": ["tại [accents]", "ở [accents]"]})


WORDS = {"can bo", "vang mat", "kien nghi", "ho so", "bo may", "lanh dao", "cham cong", "xu ly"}


def plan(text: str, units: set[str] | None = None, places: Places | None = None) -> Plan:
    return analyse(parse(text), lexicon(), WORDS, units or set(), places or {})


def groups(p: Plan) -> list[str]:
    return [" ".join(g.alternatives[0].syllables) for g in p.groups]


def optional(p: Plan) -> list[str]:
    return [" ".join(a.syllables) for a in p.optional]


def test_the_twin_drops_marks_and_keeps_capitals() -> None:
    assert twin("Đô Lương chấm công") == "Do Luong cham cong"
    assert twin("Đô Lương chấm công", lowercase=True) == "do luong cham cong"


@pytest.mark.parametrize("text", ["cán bộ vắng mặt tại trụ sở", "cán bộ vắng mặt ở một cửa"])
def test_a_folded_preposition_of_place_ranks_the_place_as_typed_with_its_marks(text: str) -> None:
    accented, folded = plan(text), plan(twin(text))
    assert groups(accented) == ["cán bộ", "vắng mặt"] and groups(folded) == ["can bo", "vang mat"]
    place = optional(folded)
    assert place[0] in ("tai", "o") and twin(optional(accented)[0]) == place[1]  # ranked, not dropped


def test_a_pair_across_a_word_of_the_cut_reads_nothing() -> None:
    """"kien nghi | ve": the dictionary's "nghi vệ" straddles "kiến nghị", so "ve" is still về."""
    folded = plan("cán bộ kien nghi ve mot cua")
    assert "ve" not in groups(folded) and "ve" in optional(folded)


def test_a_folded_topic_end_reads_the_comment_as_typed_with_its_marks() -> None:
    text = "cán bộ vắng mặt thì xử lý thế nào"
    assert plan(twin(text)).polarity == plan(text).polarity == "recommendation"
    lex = lexicon()
    assert lex.folded_entry_at(lex.topic_ends, ["vang", "mat", "thi", "xu", "ly"], 2) == 1
    assert lex.folded_entry_at(lex.topic_ends, ["lich", "ky", "thi"], 2) == 0  # kỳ thi: an exam


def test_a_folded_marker_gives_its_polarity_and_stays_ranked() -> None:
    """"ho so | bi": the dictionary's "so bì" straddles "hồ sơ"; "bi" is bị, the adverse marker."""
    folded = plan("vi sao ho so bi qua han")
    assert folded.polarity == plan("vì sao hồ sơ bị quá hạn").polarity == "shortcoming"
    assert "bi" in optional(folded) and "bi" not in folded.dropped and not folded.section


def test_a_cue_is_typed_bare_only_folded_and_alone() -> None:
    """`Cue.typed_bare`: a one-syllable cue counting only with its accents, typed as its folded
    form; not typed with its marks, not a cue folding counts anyway ("chưa"), not a longer one."""
    cues = {c.syllables: c for c in lexicon().cues}
    assert cues[("bị",)].typed_bare("bi") and cues[("còn",)].typed_bare("con")
    assert not cues[("bị",)].typed_bare("bị") and not cues[("chưa",)].typed_bare("chua")
    assert not cues[("kiến", "nghị")].typed_bare("kien")


def test_a_folded_negation_gives_its_polarity_and_is_no_section() -> None:
    folded = plan("ho so con qua han")
    assert folded.polarity == "shortcoming" and "con" in optional(folded)
    assert not folded.polarity_group and "con" not in groups(folded)


def test_a_folded_member_does_not_break_a_clear_word() -> None:
    """"bo may lanh dao" is bộ máy | lãnh đạo; the member "máy lạnh" matches only folded."""
    assert groups(plan("bo may lanh dao")) == ["bo may", "lanh dao"]
    assert groups(plan("bộ máy lạnh")) == ["bộ", "máy lạnh"]  # typed so, the member it is


def test_a_folded_place_capitalised_as_a_sentence_starts_is_the_place() -> None:
    """"Do luong" (phone capitalises the first letter): đo lường is a word, but no finding of the
    index writes it (`places`), so the district it names is the likelier reading."""
    for text in ("Do luong cham cong", "do luong cham cong"):
        p = plan(text, units={"do luong"}, places={"do luong": ()})
        assert [g.unit for g in p.groups] == ["do luong", None], text
    assert plan("Do luong cham cong", units={"do luong"}).groups[0].unit is None  # written elsewhere
