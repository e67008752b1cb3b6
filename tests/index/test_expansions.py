"""Abbreviations read one way (synonyms.toml [[abbreviation]], index/query/compiling.py with_expansions)."""

from __future__ import annotations

import tomllib

import pytest

from core.normalize import fold
from index.initials import is_syllable
from index.query import (
    SYNONYMS_FILE,
    ExpansionError,
    compile_collectives,
    compile_expansions,
    compile_lexicon,
    load_lexicon,
    plan_query,
    with_collectives,
    with_expansions,
)


def groups(text: str) -> list[list[str]]:
    return [[fold(" ".join(a.syllables)) for a in g.alternatives] for g in plan_query(text).groups]


def test_the_abbreviation_typed_brings_its_long_form() -> None:
    """"VTLT" typed alone matched no finding: the reports write the field in full."""
    assert groups("công tác VTLT") == [["vtlt", "van thu luu tru"]]
    assert ["qcctnb", "quy che chi tieu noi bo"] in groups("QCCTNB hết hiệu lực")


def test_the_long_form_typed_stays_its_words() -> None:
    """One way: typed in full, each word is its own group, as before the table, so a finding naming
    the halves apart ("lưu trữ hồ sơ" and "cán bộ văn thư") still holds them."""
    assert groups("văn thư lưu trữ") == [["van thu"], ["luu tru"]]
    assert not any("qcctnb" in g for g in groups("quy chế chi tiêu nội bộ"))


def test_an_abbreviation_a_set_reads_is_left_to_the_set() -> None:
    lexicon = compile_lexicon([], [("cơ sở vật chất", "CSVC")], [])
    read = with_expansions(lexicon, [("CSVC", ("cơ sở vật chi",)), ("VTLT", ("văn thư, lưu trữ",))])
    assert [short for short, _ in read.expansions] == [("vtlt",)]
    assert read.synonyms_at(("vtlt",), 0) == (1, (("vtlt",), ("văn", "thư", "lưu", "trữ")))


@pytest.mark.parametrize(("entry", "fault"), [
    ({"short": "TU", "long": ["tỉnh ủy"], "why": "x"}, "no syllable"),  # "tu" is a syllable
    ({"short": "VT LT", "long": ["văn thư, lưu trữ"], "why": "x"}, "no syllable"),
    ({"short": "VTLT", "long": [], "why": "x"}, "two syllables"),
    ({"short": "VTLT", "long": ["lưu"], "why": "x"}, "two syllables"),
    ({"short": "VTLT", "long": ["văn thư, lưu trữ"]}, "why"),
])
def test_a_malformed_table_is_refused(entry: dict[str, object], fault: str) -> None:
    with pytest.raises(ExpansionError, match=fault):
        compile_expansions([entry])


def test_the_shipped_tables_compile_and_none_is_a_syllable_or_a_set_member() -> None:
    data = tomllib.loads(SYNONYMS_FILE.read_text(encoding="utf-8"))
    shipped = compile_expansions(data.get("abbreviation", []))
    assert shipped and not [short for short, _ in shipped if is_syllable(short)]
    members = {fold(m).lower() for entry in data["set"] for m in entry["terms"]}
    assert not [short for short, _ in shipped if short.lower() in members]
    collectives = compile_collectives(data.get("collective", []))
    assert len(load_lexicon().expansions) == len(shipped) + len(collectives)  # none left to a set


# ------------------------------------------------------------------ collective compounds (plan22)


def test_a_collective_typed_brings_its_head_with_its_accents() -> None:
    """"sổ sách" is books of any kind; the findings say "mở sổ", "sổ theo dõi" (plan22)."""
    first = plan_query("sổ sách 1 cửa ko khớp").groups[0]
    assert [" ".join(a.syllables) for a in first.alternatives] == ["sổ sách", "sổ"]
    folded = plan_query("so sach mot cua").groups[0].alternatives
    assert [a.syllables for a in folded] == [("so", "sach"), ("sổ",)]  # never số, sở


def test_the_head_typed_alone_and_other_words_holding_it_are_left_alone() -> None:
    assert groups("mở sổ theo dõi") == [["mo"], ["so"], ["theo doi"]]  # the head alone: no collective
    assert groups("sổ sách")[0] == ["so sach", "so"] and groups("mở sổ sách")[1] == ["so sach", "so"]
    assert groups("bộ máy nhà nước") == [["bo may"], ["nha nuoc"]]  # "máy" inside another word


def test_a_collective_whose_head_ends_another_word_of_the_genre_is_not_shipped() -> None:
    """"máy" of "máy móc" is also the tail of "bộ máy" (the apparatus, one of the reform's areas):
    matched alone it cannot tell the two apart, so "máy móc" typed is itself only (rv22b)."""
    assert groups("máy móc hư hỏng")[0] == ["may moc"]


@pytest.mark.parametrize(("entry", "fault"), [
    ({"word": "sổ sách"}, "no `why`"),
    ({"word": "sổ", "why": "x"}, "two syllables"),
    ({"word": "Sổ Sách", "why": "x"}, "lowercase"),
])
def test_a_malformed_collective_is_refused(entry: dict[str, object], fault: str) -> None:
    with pytest.raises(ExpansionError, match=fault):
        compile_collectives([entry])


def test_the_shipped_collectives_compile_and_a_set_member_is_left_to_its_set() -> None:
    tables = tomllib.loads(SYNONYMS_FILE.read_text(encoding="utf-8"))
    words = compile_collectives(tables["collective"])
    assert ("sổ", "sách") in words
    lexicon = with_collectives(compile_lexicon([], [["giấy tờ", "hồ sơ giấy"]]), words)
    assert ("giấy", "tờ") not in {short for short, _ in lexicon.expansions}
    assert (("sổ", "sách"), (("sổ", "sách"), ("sổ",))) in lexicon.expansions
