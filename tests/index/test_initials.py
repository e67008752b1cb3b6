"""Abbreviations derived from the initials of the genre's terms (index/initials.py)."""

from __future__ import annotations

import tomllib

import pytest

from index.initials import InitialsRules, derived_initials, initials_of, is_syllable, load_rules, term_sets
from index.query import (
    SYNONYMS_FILE,
    Lexicon,
    analyse,
    compile_lexicon,
    load_lexicon,
    parse,
    plan_query,
    with_abbreviations,
)

RULES = InitialsRules(frozenset({"và"}), 3, frozenset({"bct"}))


@pytest.mark.parametrize(("term", "expected"), [
    ("văn bản điện tử", "VBĐT"),  # đ is written Đ
    ("chữ ký số", "CKS"),
    ("ủy ban nhân dân", "UBND"),  # a vowel's tone and hat are no part of its letter
    ("Trung tâm phục vụ hành chính công", "TTPVHCC"),
    ("DVC trực tuyến", "DVCTT"),  # an abbreviation inside the term is kept whole
    ("tài nguyên và môi trường", "TNMT"),  # "và" is left out
    ("cán bộ, công chức", "CBCC"),  # punctuation only separates
    ("hồ sơ", "HS"),
])
def test_a_term_is_abbreviated_by_its_initials(term: str, expected: str) -> None:
    assert initials_of(term, RULES) == expected


@pytest.mark.parametrize("term", ["một", "ISO 9001", "phần mềm iGate", "quý 1", "email"])
def test_no_initials_for_one_word_a_digit_or_a_word_that_is_no_syllable(term: str) -> None:
    assert initials_of(term, RULES) is None


def test_syllables_are_told_from_abbreviations() -> None:
    assert is_syllable("tư") and is_syllable("TU") and is_syllable("nghiêng") and is_syllable("Ủy")
    assert not is_syllable("cks") and not is_syllable("VBĐT") and not is_syllable("tw")
    # "k" stands only before e, ê, i, y, and "c" never does: "ko" (không typed short) is none
    assert is_syllable("kê") and is_syllable("kho") and is_syllable("chi") and not is_syllable("ko")


def derived(sets: list[list[str]]) -> dict[str, list[str]]:
    return {form: list(members) for form, members in derived_initials(sets, RULES)}


def test_each_set_gets_the_abbreviation_of_its_members() -> None:
    sets = [["văn bản điện tử", "văn bản số"], ["chữ ký số", "ký số"]]
    assert derived(sets) == {"VBĐT": sets[0], "VBS": sets[0], "CKS": sets[1]}


def test_only_safe_abbreviations_are_derived() -> None:
    sets = [["hồ sơ trễ hẹn", "hồ sơ quá hạn"],  # HSTH, HSQH
            ["hệ thống thông tin", "HTTT"],  # written by hand: nothing derived
            ["hướng dẫn thủ tục", "hỗ trợ thủ tục"],  # HDTT; HTTT is written by hand for another set
            ["hồ sơ tồn hạn", "hồ sơ còn hạn"],  # HSTH again: two sets, neither gets it
            ["trung ương", "TW"],  # TƯ is the syllable tư
            ["cán bộ", "CB"],  # two letters: too few
            ["bộ công thương", "Bộ Công thương"]]  # BCT rejected
    assert derived(sets) == {"HSQH": sets[0], "HDTT": sets[2], "HSCH": sets[3]}


def test_only_term_sets_are_abbreviated_and_every_set_can_make_initials_ambiguous() -> None:
    """A set describing a finding gives no abbreviation (its initials name nothing), but two sets
    spelling the same initials still name two things to a reader: neither gets them."""
    sets = [["văn bản điện tử", "văn bản số"],  # a term: VBĐT, VBS
            ["trễ hẹn", "chậm hơn quy định"],  # a paraphrase: CHQĐ would be derived from it
            ["chữ ký số", "ký số"],  # a term: CKS
            ["chưa kiểm soát", "chưa ký"]]  # a paraphrase spelling CKS too
    assert {form: list(m) for form, m in derived_initials(sets, RULES, terms={0, 2})} == {
        "VBĐT": sets[0], "VBS": sets[0]}
    assert "CHQĐ" in derived(sets)  # every set, when no terms are named


def test_term_sets_are_the_sets_marked_term() -> None:
    entries: list[dict[str, object]] = [{"terms": ["ủy ban nhân dân", "UBND"], "term": True},
                                        {"terms": ["trễ hẹn", "quá hạn"]},
               {"terms": ["xe công", "xe công vụ"], "term": False}]
    assert term_sets(entries) == {0}
    with pytest.raises(ValueError, match="`term` is true or false"):
        term_sets([{"terms": ["a b", "c d"], "term": "yes"}])


def test_the_shipped_file_abbreviates_its_terms_not_its_paraphrases() -> None:
    """synonyms.toml marks the sets naming a body, system, index or document (`term = true`): their
    initials are derived (VBĐT, CDVCQG, TTTĐT; the second pass's bodies too: ĐTN, HKD), those of
    the sets describing a finding (trễ hẹn → CHQĐ, QTH; đi muộn → ĐLM; chỗ để xe → CĐX) are not."""
    entries = tomllib.loads(SYNONYMS_FILE.read_text(encoding="utf-8"))["set"]
    forms = {form for form, _m in derived_initials([e["terms"] for e in entries], load_rules(),
                                                   term_sets(entries))}
    assert {"VBĐT", "CDVCQG", "TTTĐT", "ĐTN", "HKD"} <= forms
    assert not forms & {"CHQĐ", "QTH", "CTKQ", "ĐLM", "CĐX", "KCM", "URB"}
    said = [{" ".join(a.syllables) for a in g.alternatives} for g in plan_query("hồ sơ CHQĐ").groups]
    assert not any("trễ hẹn" in alternatives for alternatives in said)


def test_the_certificate_is_not_read_as_the_sale_of_a_plot() -> None:
    """"Giấy CNQSDĐ" is how land reports write the certificate (chứng nhận quyền sử dụng đất); the
    same letters are the initials of "chuyển nhượng quyền sử dụng đất" (syn17's set), which no
    report abbreviates so: the derived form is rejected, and the typed letters bring no sale."""
    said = [{" ".join(a.syllables) for a in g.alternatives} for g in plan_query("cấp giấy CNQSDĐ").groups]
    assert not any("chuyển nhượng quyền sử dụng đất" in alternatives for alternatives in said)
    assert any("chuyển nhượng quyền sử dụng đất" in alternatives
               for alternatives in sets_typed("chuyển nhượng QSDĐ", load_lexicon()))


def sets_typed(text: str, lexicon: Lexicon) -> list[set[str]]:
    groups = analyse(parse(text), lexicon).groups
    return [{" ".join(a.syllables) for a in g.alternatives} for g in groups]


def test_a_derived_abbreviation_typed_brings_its_set_and_only_then() -> None:
    """Typed in capitals, lower case or without its Đ, the derived abbreviation is one group with
    its set; the set's members typed in full are not searched for it (one way only)."""
    sets = [["văn bản điện tử", "văn bản số"]]
    lexicon = with_abbreviations(compile_lexicon([], sets), derived_initials(sets, RULES))
    assert sets_typed("gửi nhận VBĐT", lexicon)[-1] == {"vbđt", "văn bản điện tử", "văn bản số"}
    assert sets_typed("gửi nhận vbdt", lexicon)[-1] == {"vbdt", "van ban dien tu", "van ban so"}
    assert sets_typed("gửi nhận văn bản điện tử", lexicon)[-1] == {"văn bản điện tử", "văn bản số"}
    plain = compile_lexicon([], sets)  # without them, the letters are a word of their own
    assert sets_typed("gửi nhận VBĐT", plain)[-1] == {"vbđt"}


def test_the_shipped_rules_give_the_genres_abbreviations() -> None:
    """An abbreviation nobody wrote into synonyms.toml (VBĐT) finds its term, as a hand-written one
    (CKS) does; the derived one is not searched when the term is typed in full."""
    plan = plan_query("sử dụng CKS, VBĐT")
    said = [{" ".join(a.syllables) for a in g.alternatives} for g in plan.groups]
    assert "chu ky so" in said[1] and "văn bản điện tử" in said[2]
    full = plan_query("văn bản điện tử").groups
    assert not any("vbđt" in {" ".join(a.syllables) for a in g.alternatives} for g in full)


def test_the_rule_gives_back_the_hand_written_abbreviations() -> None:
    """The hand list's abbreviations of three letters or more, taken out of their sets, come back
    from the long members: the rule is the genre's way of abbreviating, not a guess."""
    rules = load_rules()
    entries_marked = tomllib.loads(SYNONYMS_FILE.read_text(encoding="utf-8"))["set"]
    entries = [e["terms"] for e in entries_marked]
    taken = {"UBND", "HĐND", "CBCC", "TTHCC", "TTPVHCC", "DVCTT", "VPĐKĐĐ", "GCNQSDĐ", "LĐTBXH"}
    stripped = [[m for m in members if m not in taken] for members in entries]
    back = {form for form, _members in derived_initials(stripped, rules, term_sets(entries_marked))} & taken
    assert back == taken
