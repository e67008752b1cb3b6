"""The agency table: how the genre names a department or an office, read alike from a document
and from a query, whatever spelling each used."""

from __future__ import annotations

import pytest

from core.agencies import agencies, parse_agencies, syllables
from core.errors import ConfigError
from core.levels import Tier


def _at(text: str, at: int = 0, *, loose: bool = False) -> str | None:
    hit = agencies().at(syllables(text), at, loose=loose)
    return hit[1].name if hit else None


@pytest.mark.parametrize("written", [
    "Sở Tài nguyên và Môi trường", "Sở TN&MT", "Sở TN-MT", "Sở TNMT", "Sở Tài nguyên Môi trường"])
def test_every_spelling_of_a_department_is_the_one_agency(written: str) -> None:
    assert _at(written) == "Sở Tài nguyên và Môi trường"


def test_punctuation_inside_an_abbreviation_only_separates() -> None:
    for written in ("Sở LĐ,TB&XH", "Sở LĐ-TB&XH", "Sở LĐTB&XH", "Sở Lao động - Thương binh và Xã hội"):
        assert _at(written) == "Sở Lao động - Thương binh và Xã hội", written


def test_the_longest_field_wins_and_the_head_says_the_owner() -> None:
    hit = agencies().at(syllables("Phòng Tài chính - Kế hoạch huyện"), 0)
    assert hit is not None and hit[0] == 5 and hit[1].name == "Phòng Tài chính - Kế hoạch"
    assert hit[1].owner == Tier.DISTRICT
    assert _at("Phòng Tài chính huyện Thạch Thành") == "Phòng Tài chính"
    assert agencies().at(syllables("Sở Nội vụ"), 0)[1].owner == Tier.PROVINCE  # type: ignore[index]


def test_a_head_inside_another_word_or_without_a_field_is_no_agency() -> None:
    assert _at("cơ sở y tế", 1) is None  # "cơ sở": a facility, not Sở Y tế
    assert _at("trụ sở tài chính", 1) is None
    assert _at("phòng làm việc") is None and _at("sở, ngành") is None


def test_a_query_typed_without_accents_matches_but_accents_typed_must_agree() -> None:
    assert _at("so tai chinh gia lai", loose=True) == "Sở Tài chính"
    assert _at("so tai chinh") is None  # a document's words match as written
    assert _at("số tài chính", loose=True) is None  # "số" typed is not "sở"


def test_running_text_names_an_agency_with_its_head_capitalised() -> None:
    text = ("Kiểm tra tại Sở LĐ,TB&XH Hà Nội; các sở tài chính địa phương; "
            "Trung tâm Phục vụ hành chính công tỉnh.")
    found = [(text[s:e], a.name) for s, e, a in agencies().named_in(text)]
    assert found == [("Sở LĐ,TB&XH", "Sở Lao động - Thương binh và Xã hội"),
                     ("Trung tâm Phục vụ hành chính công", "Trung tâm Phục vụ hành chính công")]


def test_a_people_s_committee_is_the_unit_s_government() -> None:
    assert agencies().committee_at(syllables("UBND huyện Đô Lương"), 0) == 1
    assert agencies().committee_at(syllables("Ủy ban nhân dân xã"), 0) == 4
    assert agencies().committee_at(syllables("Văn phòng UBND"), 0) == 0


def test_the_table_is_checked() -> None:
    with pytest.raises(ConfigError):
        parse_agencies({"heads": [{"name": "Sở", "owner": "nowhere"}], "fields": [{"name": "Y tế"}]})
    with pytest.raises(ConfigError):  # one form for two agencies
        parse_agencies({"bodies": [{"name": "A B", "owner": "province"},
                                   {"name": "C D", "owner": "province", "forms": ["A B"]}]})
    table = parse_agencies({"heads": [{"name": "Sở", "owner": "province"}], "fields": [{"name": "Y tế"}]})
    assert table.at(("sở", "y", "tế"), 0) == (3, table.forms[("sở", "y", "tế")])


def test_the_department_head_typed_alone_is_the_kind_of_body_never_the_syllable() -> None:
    table = agencies()
    assert table.bare_head_at(["các", "sở", "ban", "ngành", "cấp", "tỉnh"], 1) == (
        3, (("sở", "ban", "ngành"), ("sở", "ngành"), ("các", "sở")), "so")  # the collective typed whole
    assert (table.bare_head_at(["sở", "có", "nhiều", "phó", "giám", "đốc"], 0) or (0,))[0] == 1
    assert table.bare_head_at(["trụ", "sở", "xuống", "cấp"], 1) is None
    assert table.bare_head_at(["văn", "hóa", "công", "sở"], 3) is None
    assert table.bare_head_at(["so", "nganh"], 0) is None  # folded "so" is số too
    assert table.bare_head_at(["sở", "tài", "chính"], 0) is None  # one agency named short
    assert table.bare_head_at(["phòng", "làm", "việc"], 0) is None  # no collectives: the room


def test_each_department_is_of_the_kind_its_head_names() -> None:
    table = agencies()
    assert table.kind_of("Sở Tài chính") == table.kind_of("Sở TN&MT") == "so"
    assert table.kind_of("Phòng Nội vụ") is None  # "phòng" typed alone is the room: no kind read
    assert table.kind_of("Cam Thủy") is None


def test_a_collective_must_hold_its_head() -> None:
    data = {"heads": [{"name": "Sở", "owner": "province", "collectives": ["ban, ngành"]}],
            "fields": [{"name": "Nội vụ"}]}
    with pytest.raises(ConfigError):
        parse_agencies(data)
