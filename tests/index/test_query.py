"""The query language (index/query): parsing, the genre's lexicon, and the plan both engines run."""

from __future__ import annotations

import re
import tomllib

import pytest

from core.errors import ConfigError
from core.normalize import fold
from index.initials import is_syllable
from index.matching import syllable_matches
from index.query import (
    SYNONYMS_FILE,
    Alternative,
    Vocabulary,
    analyse,
    candidates,
    compile_answer,
    compile_coordinators,
    compile_cues,
    compile_lexicon,
    compile_paired,
    group_weights,
    load_coordinators,
    load_lexicon,
    match_spans,
    parse,
    plan_query,
    province_key,
    request_phrases,
    within,
)


def groups(text: str, vocabulary: Vocabulary | None = None) -> list[list[str]]:
    return [[" ".join(a.syllables) for a in g.alternatives] for g in plan_query(text, vocabulary).groups]


@pytest.mark.parametrize("quoted", ['"hồ sơ trễ" xã', "“hồ sơ trễ” xã", "‘hồ sơ trễ’ xã", "«hồ sơ trễ» xã",
                                    "„hồ sơ trễ“ xã", '"hồ sơ trễ', "“hồ sơ trễ"])
def test_every_quote_style_makes_one_phrase(quoted: str) -> None:
    parsed = parse(quoted)  # an unclosed quote runs to the end
    assert parsed.clauses[0][0].syllables == ("hồ", "sơ", "trễ") and parsed.clauses[0][0].phrase


def test_operators() -> None:
    parsed = parse('tiếp* -"giấy biên nhận" -sai hồ sơ')
    assert parsed.clauses[0][0].prefix and parsed.clauses[0][0].syllables == ("tiếp",)
    assert [t.syllables for t in parsed.excluded] == [("giấy", "biên", "nhận"), ("sai",)]
    assert [t.syllables for c in parsed.clauses for t in c] == [("tiếp",), ("hồ",), ("sơ",)]


def test_or_takes_the_runs_of_words_on_each_side() -> None:
    parsed = parse("phiếu hẹn OR sổ theo dõi")
    assert [t.syllables for t in parsed.clauses[0]] == [("phiếu", "hẹn"), ("sổ", "theo", "dõi")]
    assert len(parse('xã "phiếu hẹn" OR "sổ theo dõi"').clauses) == 2  # xã stays its own clause
    assert len(parse("OR hồ sơ OR").clauses) == 2  # OR at the ends is ignored


def test_hoac_and_lowercase_or_beside_a_quoted_phrase_are_or() -> None:
    for text in ('"phiếu hẹn" hoặc sổ', 'phiếu hẹn hoặc "sổ theo dõi"', '"phieu hen" or "so theo doi"'):
        assert len(parse(text).clauses[-1]) == 2, text
    # between unquoted words they stay words: the analysis reads them as coordinating two matters
    assert [t.syllables for c in parse("phiếu hẹn hoặc sổ theo dõi").clauses for t in c][2] == ("hoặc",)
    # at an end, or before an exclusion, they stay words (a stop word for the analysis)
    assert [t.syllables for c in parse("phiếu hẹn hoặc").clauses for t in c][-1] == ("hoặc",)
    assert [t.syllables for c in parse("hoặc phiếu hẹn").clauses for t in c][0] == ("hoặc",)
    assert [t.syllables for c in parse("hồ sơ hoặc -phiếu").clauses for t in c][-1] == ("hoặc",)


def test_the_words_of_a_choice_are_the_coordination_table_read_by_parser_and_lexicon_alike() -> None:
    """The parser reads OR words from the table the analysis reads (intents.toml [coordination]),
    without compiling the lexicon; a word put there is OR beside a quoted phrase, one taken out
    is a word, and a word typed with other accents is another word."""
    assert load_coordinators() == load_lexicon().coordinators
    either = compile_coordinators({"words": ["hoặc", "hay là"]})
    assert len(parse('"phiếu hẹn" hoặc "sổ"', either).clauses) == 1
    assert len(parse('"phiếu hẹn" hoac "sổ"', either).clauses) == 1  # typed without accents
    assert len(parse('"phiếu hẹn" hoác "sổ"', either).clauses) == 3  # other accents: another word
    assert len(parse('"phiếu hẹn" or "sổ"', either).clauses) == 3  # not listed here
    assert len(parse('"phiếu hẹn" hay là "sổ"', either).clauses) == 4  # two words: the analysis's
    assert len(parse('"phiếu hẹn" hoặc, "sổ"', either).clauses) == 3  # a word with a mark is no OR


def test_document_numbers_and_punctuation() -> None:
    assert parse("139/QĐ-UBND").clauses[0][0].number == "139/qd-ubnd"
    assert parse("12/2019/TT-BNV,").clauses[0][0].number == "12/2019/tt-bnv"
    assert parse("2019").clauses[0][0].number is None
    nothing = plan_query("?!… 😀")
    assert nothing.nothing and not nothing.groups
    assert not plan_query("").nothing


def test_accent_rule_and_tone_placement() -> None:
    assert syllable_matches("hoà", "hoà") and syllable_matches("hoa", "hoà")
    assert syllable_matches("hoa", "họa")
    assert not syllable_matches("hoà", "hoá")
    assert [g[0] for g in groups("hòa")] == ["hoà"]  # tones made canonical when parsed


def test_spans_follow_the_accent_rule() -> None:
    text = "Thời gian hạn chế; thời hạn trả kết quả."
    assert match_spans(text, [Alternative(("thời", "hạn"))]) == [(19, 27)]
    assert match_spans(text, [Alternative(("thoi",))]) == [(0, 4), (19, 23)]


def test_stop_words_question_frames_and_kept_polarity_words() -> None:
    plan = plan_query("xã nào chưa cấp phiếu hẹn?")
    assert list(plan.dropped) == ["xã", "nào"]
    assert groups("có niêm yết công khai không") == [["niêm yết công khai", "niêm yết"]]
    assert groups("hồ sơ không hợp lệ")[1] == ["không", "chưa"]  # not a question frame: negation stays
    assert groups("các của") == [["các"], ["của"]]  # only stop words: they are the query


def test_ambiguous_stop_words_drop_only_with_accents() -> None:
    assert ["máy"] in groups("máy tra cứu") or ["may"] in groups("may tra cuu")
    assert "may" not in plan_query("may tra cuu").dropped
    assert "mấy" in plan_query("mấy hồ sơ").dropped


def test_synonyms_keep_the_accents_typed() -> None:
    assert groups("TTHC") == [["tthc", "thu tuc hanh chinh"]]
    assert groups("giấy hẹn")[0][:2] == ["giấy hẹn", "phiếu hẹn"]
    assert groups("giay hen")[0][:2] == ["giay hen", "phieu hen"]


class Known(Vocabulary):
    def known_words(self, spans: object) -> set[str]:
        return {"ho so"}

    def known_units(self, spans: object) -> set[str]:
        return {"tan loc", "xa tan loc"}


def test_words_and_units_of_the_index() -> None:
    plan = plan_query("xã Tân Lộc ho so tre", Known())
    assert plan.groups[0].unit == "xa tan loc" and plan.groups[1].alternatives[0].syllables == ("ho", "so")
    assert "ho so" in candidates(parse("ho so tre"))


def test_fallback_thresholds() -> None:
    lexicon = compile_lexicon([], [])
    assert [(len(p.groups), p.minimum, p.last_resort)
            for p in (analyse(parse(" ".join("abcdefghi"[:n])), lexicon) for n in (1, 2, 3, 6, 9))] == [
        (1, 1, None), (2, 1, None), (3, 2, None), (6, 4, 3), (9, 6, 5)]


def test_the_fallback_minimum_counts_the_matter_not_the_frame() -> None:
    """"Most of the query's groups" is most of its matter: the frame ("bộ phận một cửa", "cán bộ
    công chức") is the setting half the findings hold, so it is not counted towards the minimum."""
    assert plan_query("ghi chép sổ sách lưu trữ tài liệu").minimum == 3  # four groups, no frame
    assert plan_query("ghi chép sổ sách lưu trữ bộ phận một cửa").minimum == 2  # three of matter
    assert plan_query("ghi chép sổ sách bộ phận một cửa").minimum == 1  # two of matter, as for two groups
    assert plan_query("đào tạo bồi dưỡng kỹ năng cán bộ công chức").minimum == 1


def test_the_last_resort_counts_the_matter_as_the_minimum_does() -> None:
    """Half of the matter's groups, not of all: four of matter beside the frame ask three, then
    two; half of all five (three) was no lower than the minimum, so the last stage never ran."""
    plan = plan_query("ghi chép sổ sách lưu trữ tài liệu bộ phận một cửa")
    assert (len(plan.groups), plan.groups_but_frame, plan.minimum, plan.last_resort) == (5, 4, 3, 2)
    plan = plan_query("ghi chép sổ sách lưu trữ tài liệu")
    assert (plan.groups_but_frame, plan.minimum, plan.last_resort) == (4, 3, 2)


def test_fill_is_decided_on_the_page_size_not_the_offset() -> None:
    """The fill runs when the stages find less than one page, so a query's total and results do
    not change while the user pages through them (15 found: no fill on page 1 nor on page 2)."""
    lexicon = compile_lexicon([], [])
    two = analyse(parse("a b"), lexicon)
    assert two.fills(found=3, page_size=10)
    assert not two.fills(found=15, page_size=10)
    assert not analyse(parse("a"), lexicon).fills(found=0, page_size=10)  # one group: nothing partial


def test_lexicon_compiles_from_lines() -> None:
    lexicon = compile_lexicon(["# comment", "nào", "… chưa [accents]", "có … không", "để [accents]",
                               "… hay không", "bao nhiêu"],
                              [["phiếu hẹn", "giấy hẹn"], ["lẻ"]], ["hồ sơ", "Hà Nội", "a"])
    assert lexicon.frames == ((("có",), ("không",), False), ((), ("hay", "không"), False),
                              ((), ("chưa",), True))  # with first words first, then the longest
    assert lexicon.stopwords[0] == (("bao", "nhiêu"), False)
    assert ((("để",), True)) in lexicon.stopwords
    assert lexicon.synonyms == ((("phiếu", "hẹn"), ("giấy", "hẹn")),)  # a set of one is no synonym
    assert lexicon.is_word(["hồ", "sơ"]) and lexicon.is_word(["ho", "so"])
    assert not lexicon.is_word(["hồ", "số"])
    assert "ha noi" not in lexicon.dictionary  # proper names are not words


def test_a_level_entry_stands_for_every_level_word() -> None:
    """"[level] nào" is one entry per level word of core/levels.py, the one table of them."""
    lexicon = compile_lexicon(["[level] nào # which unit"], [], levels=["xã", "thị trấn"])
    assert sorted(lexicon.stopwords) == [(("thị", "trấn", "nào"), False), (("xã", "nào"), False)]
    assert compile_lexicon(["[level] nào"], []).stopwords == ()  # no levels given: no entry
    plan = plan_query("thị xã nào chưa cấp phiếu hẹn")  # thị xã: a level of the table, not typed in the file
    assert "thị" not in [s for alt in plan.alternatives for s in alt.syllables]
    assert plan.dropped[:3] == ("thị", "xã", "nào")


# Members of every shape the table holds; the sentences are ours, the shapes the genre's.
SHAPES = [["lao động thương binh và xã hội", "LĐTB&XH", "LĐ,TB&XH", "LĐTBXH"],
          ["quý I", "quý 1"],
          ["chỉ số cải cách hành chính", "chỉ số CCHC", "PAR Index"],
          ["thư điện tử", "email", "e-mail"],
          ["phòng chống tham nhũng", "phòng/chống tham nhũng", "PCTN"],
          ["hội đồng nhân dân", "HĐND"]]


def test_members_compile_to_the_syllables_the_index_sees() -> None:
    """"&", "/", "," and "-" separate syllables as in the index; upper case, digits and Latin
    words stay, lower-cased; a member is matched whole."""
    lexicon = compile_lexicon([], SHAPES)
    assert lexicon.synonyms[0] == (("lao", "động", "thương", "binh", "và", "xã", "hội"), ("lđtb", "xh"),
                                   ("lđ", "tb", "xh"), ("lđtbxh",))
    assert lexicon.synonyms[1] == (("quý", "i"), ("quý", "1"))
    assert lexicon.synonyms[2][2] == ("par", "index")
    assert lexicon.synonyms[3][2] == ("e", "mail")
    assert lexicon.synonyms[4][1] == ("phòng", "chống", "tham", "nhũng")  # "/" is a separator


def plan_groups(text: str, sets: list[list[str]]) -> list[list[str]]:
    plan = analyse(parse(text), compile_lexicon([], sets))
    return [[" ".join(a.syllables) for a in g.alternatives] for g in plan.groups]


@pytest.mark.parametrize(("typed", "expected"), [
    # an abbreviation typed in lower case, or without its đ, is the abbreviation
    ("lđtb&xh", ["lđtb xh", "lao động thương binh và xã hội", "lđtb xh", "lđ tb xh", "lđtbxh"]),
    ("LDTB&XH", ["ldtb xh", "lao dong thuong binh va xa hoi", "ldtb xh", "ld tb xh", "ldtbxh"]),
    ("hdnd", ["hdnd", "hoi dong nhan dan", "hdnd"]),
    ("Hội đồng nhân dân", ["hội đồng nhân dân", "hội đồng nhân dân", "hđnd"]),
    # digits and Roman numerals, Latin words, words with a hyphen
    ("quý 1", ["quý 1", "quý i", "quý 1"]),
    ("QUÝ I", ["quý i", "quý i", "quý 1"]),
    ("par index", ["par index", "chi so cai cach hanh chinh", "chi so cchc", "par index"]),
    ("E-mail", ["e mail", "thu dien tu", "email", "e mail"]),
    ("phòng, chống tham nhũng", ["phòng chống tham nhũng", "phòng chống tham nhũng", "pctn"]),
])
def test_a_member_typed_any_way_brings_its_set(typed: str, expected: list[str]) -> None:
    """One group: what was typed first, then every member, accented only if the user typed accents."""
    found = plan_groups(typed, SHAPES)
    assert len(found) == 1 and found[0][0] == expected[0] and set(found[0]) == set(expected)


def test_a_member_inside_a_longer_query_is_one_group() -> None:
    assert plan_groups("báo cáo quý I của HĐND", SHAPES) == [
        ["báo"], ["cáo"], ["quý i", "quý 1"], ["của"], ["hđnd", "hội đồng nhân dân"]]
    # the longest member wins: "chỉ số CCHC" is one group, not "chỉ", "số" and CCHC
    assert plan_groups("chỉ số CCHC", SHAPES + [["cải cách hành chính", "CCHC"]])[0][1] == \
        "chỉ số cải cách hành chính"


def test_a_member_marked_accents_is_read_only_typed_with_them() -> None:
    """A member marked "[accents]" is the set's member only typed with its accents (its folded
    form is other words: "truong ap" ends "thủ trưởng" and starts "áp dụng"), and brought by
    another member typed without accents it keeps them; the other members are read as before."""
    sets = [["trưởng thôn", "trưởng ấp [accents]"]]
    assert plan_groups("trưởng ấp", sets) == [["trưởng ấp", "trưởng thôn"]]
    assert plan_groups("thu truong ap dung", sets) == [["thu"], ["truong"], ["ap"], ["dung"]]
    assert plan_groups("truong thon", sets) == [["truong thon", "trưởng ấp"]]
    assert compile_lexicon([], sets).synonyms == ((("trưởng", "thôn"), ("trưởng", "ấp")),)


@pytest.mark.parametrize("typed", ["thu truong ap dung quy dinh", "truong ap"])
def test_the_shipped_truong_ap_is_no_member_typed_without_accents(typed: str) -> None:
    """synonyms.toml marks "trưởng ấp [accents]": the folded query cutting "thủ trưởng áp dụng"
    into the village head no longer brings his set."""
    assert not any("truong thon" in {fold(a) for a in g} for g in groups(typed))
    assert "trưởng thôn" in groups("trưởng ấp")[0] and "trưởng ấp" in groups("truong thon")[0]


def test_the_shipped_synonym_table_is_well_formed() -> None:
    """Each set has a why and two members, or one and broader words (with_broader); no member is
    in two sets (the first would win silently); no abbreviation of one syllable is also a
    Vietnamese syllable."""
    entries = tomllib.loads(SYNONYMS_FILE.read_text(encoding="utf-8"))["set"]
    lexicon = load_lexicon()
    assert len(lexicon.synonyms) == len(entries)
    assert all(entry["why"].strip() and (len(set(entry["terms"])) > 1 or entry.get("broader"))
               for entry in entries)
    owners: dict[tuple[str, ...], int] = {}
    for number, members in enumerate(lexicon.synonyms):
        for member in set(members):
            assert owners.setdefault(member, number) == number, member
    abbreviations = [m for e in entries for m in e["terms"] if " " not in m and not m.islower()]
    # an abbreviation of one syllable ("TU", "CA") typed without accents would match every word of
    # that spelling (tư, từ, tự; cá, cả)
    assert abbreviations and not [a for a in abbreviations if is_syllable(a)]
    assert is_syllable("tu") and is_syllable("nghieng") and not is_syllable("tw")


@pytest.mark.parametrize(("typed", "member"), [
    ("HĐND", "hội đồng nhân dân"), ("hdnd", "hoi dong nhan dan"), ("BPMC", "bo phan mot cua"),
    ("TTHCC", "trung tam phuc vu hanh chinh cong"), ("vbqppl", "van ban quy pham phap luat"),
    ("CB, CC", "can bo cong chuc"), ("tỉ lệ", "tỷ lệ"), ("ti le", "ty le"), ("đi làm trễ", "đi muộn"),
    ("nghỉ không phép", "vắng mặt không có lý do"), ("thẻ CBCC", "thẻ công chức"),
    ("online", "truc tuyen"), ("Chỉ số CCHC", "par index"), ("quý 4", "quý iv"),
    ("LĐ-TB&XH", "lao động thương binh và xã hội"), ("Sở TN&MT", "sở tài nguyên và môi trường"),
    ("bộ phận TN&TKQ", "bộ phận một cửa"), ("nơi tiếp nhận và trả kết quả", "bộ phận một cửa"),
    ("bộ phận tiếp nhận trả kết quả", "bpmc"), ("kiện toàn TCBM", "to chuc bo may"),
    ("tinh giản BC", "tinh giản biên chế"), ("BC quý I", "bao cao"), ("DVC mức độ 4", "toàn trình"),
])
def test_the_genre_names_one_thing_many_ways(typed: str, member: str) -> None:
    """The shipped table: a member typed (accents or not) brings the others (folded when typed without)."""
    assert any(member in group for group in groups(typed))


@pytest.mark.parametrize(("typed", "member"), [
    ("áp dụng ISO", "he thong quan ly chat luong"), ("ISO 9001:2015", "htqlcl"),
    ("nộp hồ sơ qua BCCI", "buu chinh cong ich"), ("cổng DVC", "cổng dịch vụ công"),
])
def test_the_genre_names_its_systems_by_their_standard_and_abbreviation(typed: str, member: str) -> None:
    """The quality system is named by its standard (TCVN ISO 9001), the public postal service by
    BCCI, the portal as Cổng DVC: a query naming one finds findings naming the other."""
    assert any(member in group for group in groups(typed))


def test_a_thing_named_twice_in_a_query_is_one_group() -> None:
    """Staff write a thing and its abbreviation side by side: one group, not the same group
    twice (counted twice in bm25 and in the groups a fallback finding must hold)."""
    for typed in ("áp dụng HTQLCL ISO", "he thong quan ly chat luong iso", "bộ phận một cửa (BPMC)"):
        plan = plan_query(typed)
        keys = [frozenset(a.folded for a in g.alternatives) for g in plan.groups]
        assert len(keys) == len(set(keys)), typed
    assert len(plan_query("áp dụng HTQLCL ISO").groups) == 2
    # a word typed twice that no set holds stays as typed (each is one alternative)
    assert len(plan_query("xã xã").groups) == 2


def test_shorthand_is_read_as_the_word() -> None:
    """ "ko" is the negation (a polarity cue, its synonyms), "hs" the dossier, "trả KQ" completes
    the member "giấy hẹn trả kết quả" (index/shorthand.py, index/vi/shorthand.toml)."""
    plan = plan_query("bộ phận 1 cửa ko có người trực")
    assert plan.polarity == "shortcoming" and ["không", "chưa"] in groups("bộ phận 1 cửa ko có người trực")
    assert groups("hs trễ hẹn")[0] == ["hồ sơ"]
    assert "giấy hẹn trả kết quả" in groups("giấy hẹn trả KQ")[0] and len(groups("giấy hẹn trả KQ")) == 1


def test_a_year_without_its_number_is_ranked_not_required() -> None:
    """ "kế hoạch CCHC năm": the yearly plan, which findings name with the year, "hằng năm" or
    neither; "hằng năm" stays its own word. The year typed with it is the period asked, which the
    finding's year answers (index/period.py: Plan.year), ranked too, not required."""
    for typed in ("kế hoạch CCHC năm", "ke hoach cchc nam", "kế hoạch CCHC năm 2024"):
        plan = plan_query(typed)
        assert [fold(a.syllables[0]) for a in plan.optional][:1] == ["nam"], typed
        assert not any(fold(" ".join(g.alternatives[0].syllables)) == "nam" for g in plan.groups), typed
    plan = plan_query("kế hoạch CCHC năm 2024")
    assert plan.year == 2024 and ["2024"] not in groups("kế hoạch CCHC năm 2024")
    assert groups("hằng năm") == [["hằng năm", "hàng năm"]]


def test_ambiguous_abbreviations_are_not_expanded() -> None:
    for typed in ("TU", "QĐ", "TB", "CV", "TT", "BTV", "CT", "KL", "TTr"):
        assert groups(typed) == [[typed.lower()]], typed


def test_premises_are_found_by_their_abbreviation() -> None:
    """Reports head their premises-and-equipment findings "CSVC" as often as "cơ sở vật chất": a
    query typed either way (or without accents) asks for both."""
    for typed in ("CSVC bộ phận 1 cửa", "cơ sở vật chất bộ phận một cửa", "co so vat chat bo phan mot cua"):
        assert {fold("cơ sở vật chất"), "csvc"} <= {fold(a) for a in groups(typed)[0]}, typed


def test_either_half_of_the_training_chapter_is_the_chapter() -> None:
    """"đào tạo, bồi dưỡng" heads one chapter of the reports, whose findings name either half: a
    query naming the chapter finds a finding saying "bồi dưỡng" alone as holding it, not only as
    holding a part of it, which every finding naming "cán bộ, công chức" would outrank."""
    for typed in ("kiến nghị đào tạo bồi dưỡng cán bộ công chức", "dao tao boi duong can bo cong chuc"):
        first = {fold(a) for a in groups(typed)[0]}
        assert {"dao tao boi duong", "dtbd", "boi duong", "dao tao"} <= first, typed
    assert {fold(a) for a in groups("GD&ĐT")[-1]} >= {"giao duc va dao tao"}  # the longest member
    assert {fold(a) for a in groups("Sở GD&ĐT")[-1]} >= {"so giao duc va dao tao"}  # the agency


def test_no_member_brings_a_common_phrase_of_another_sense() -> None:
    """Members are expanded folded when the user types no accents, so a member must mean one
    thing folded too: "sổ đỏ" would bring "so do" (trong số đó) and "sơ đồ"."""
    assert not any("so do" in group for group in groups("giay chung nhan quyen su dung dat"))
    # "đứng thứ" would bring "dung thu", also "dùng thử" (a software trial)
    assert not any("dung thu" in group for group in groups("xep hang"))
    assert any("xep thu" in group for group in groups("xep hang"))


@pytest.mark.parametrize(("typed", "kept"), [
    ("quyet dinh ky luat", ["quyet dinh", "ky luat"]),  # "định kỳ" straddled the two words
    ("trach nhiem ky luat", ["trach nhiem", "ky luat"]),  # so did "nhiệm kỳ"
    ("sap xep bo may tinh gon", ["bo may", "tinh gon"]),  # "máy tính"
    ("phoi hop voi nhau", ["voi nhau"]),  # "nhậu" folds to "nhau"
    ("lam thu tuc", ["thu tuc"]),  # "lạm thu" folds to "làm thủ"
    ("tuyên truyền qua mạng xã hội", ["mạng xã hội"]),  # "qua mạng" was read first
    ("thẻ căn cước công dân", ["thẻ căn cước công dân"]),  # "thẻ căn cước" cut the card's name
    ("phần mềm quản lý văn bản và điều hành", ["phần mềm quản lý văn bản và điều hành"]),  # the software
])
def test_no_member_cuts_the_words_of_a_query_in_two(typed: str, kept: list[str]) -> None:
    """The longest member at each place is read first, and folded when the query has no accents:
    a member that is the end of one common word and the start of the next, or a common word
    folded, or a prefix of a longer member, would cut the query's words in two."""
    ranked = [" ".join(a.syllables) for a in plan_query(typed).optional]  # a filler noun: "thu tuc"
    firsts = [group[0] for group in groups(typed)] + ranked
    assert all(word in firsts for word in kept), firsts


def test_the_shipped_lexicon_loads() -> None:
    lexicon = load_lexicon()
    assert lexicon.synonyms and lexicon.frames and len(lexicon.dictionary) > 10_000
    assert {c.polarity for c in lexicon.cues} == {"", "shortcoming", "strength", "recommendation"}


def test_cues_compile_from_intent_tables() -> None:
    cues = compile_cues([{"polarity": "shortcoming", "required": False,
                          "terms": ["hạn chế", "còn [accents]"]},
                         {"polarity": "strength", "terms": ["ưu điểm", "hạn chế"]}])  # first table wins
    assert [(c.syllables, c.polarity, c.required, c.accents_only) for c in cues] == [
        (("hạn", "chế"), "shortcoming", False, False), (("ưu", "điểm"), "strength", False, False),
        (("còn",), "shortcoming", False, True)]


def test_an_intent_with_synonyms_reads_its_terms_sets_as_terms() -> None:
    sets = [["gây phiền hà", "gây khó dễ"], ["phiếu hẹn", "giấy hẹn"]]
    table = {"polarity": "shortcoming", "required": True, "terms": ["gây phiền hà"]}
    assert [c.syllables for c in compile_cues([table], sets)] == [("gây", "phiền", "hà")]
    cues = compile_cues([{**table, "with_synonyms": True}], sets)
    assert sorted(c.syllables for c in cues) == [("gây", "khó", "dễ"), ("gây", "phiền", "hà")]


def test_an_intent_reads_its_sets_but_the_members_holding_another_tables_cue() -> None:
    """`synonyms_without`: the breach asked in a question reads the overdue set but its members
    holding "chậm", which the negation table reads everywhere; a member added to the set is read
    too, listed once."""
    sets = [["trễ hẹn", "chậm trả kết quả", "trả kết quả chậm", "quá hạn", "quá hẹn"]]
    table = {"polarity": "shortcoming", "required": True, "sense": False, "terms": ["quá hạn"],
             "with_synonyms": True, "synonyms_without": ["chậm"]}
    assert sorted(c.syllables for c in compile_cues([table], sets)) == [
        ("quá", "hạn"), ("quá", "hẹn"), ("trễ", "hẹn")]
    shipped = {c.syllables: c for c in load_lexicon().cues if c.only_in_questions and not c.sense}
    assert ("trễ", "hạn") in shipped and ("đi", "làm", "trễ") in shipped
    # of the set's members, none holding "chậm"; "chậm trễ", a word the cue gives way to, is a term,
    # and its own set's spelling "chậm chễ" is read as it is (rv23a)
    assert {s for s in shipped if "chậm" in s} == {("chậm", "trễ"), ("chậm", "chễ")}
    own = {**table, "terms": ["quá hạn", "chậm trễ"]}
    assert sorted(c.syllables for c in compile_cues([own], [*sets, ["chậm trễ", "chậm chễ"]])) == [
        ("chậm", "chễ"), ("chậm", "trễ"), ("quá", "hạn"), ("quá", "hẹn"), ("trễ", "hẹn")]


def test_a_ranked_cue_is_led_by_its_before_words_and_a_listed_term_wins() -> None:
    cues = {c.syllables: c for c in compile_cues([
        {"polarity": "shortcoming", "terms": ["hạn chế", "nhiều hạn chế"], "before": ["còn", "nhiều"]},
        {"polarity": "shortcoming", "required": True, "terms": ["chưa"], "before": ["còn"]},
        {"polarity": "recommendation", "terms": ["yêu cầu"], "unlike": ["yêu cầu của"], "before": ["có"]}])}
    assert (cues[("còn", "hạn", "chế")].lead, cues[("còn", "hạn", "chế")].polarity) == (1, "shortcoming")
    assert cues[("nhiều", "hạn", "chế")].lead == 0  # listed itself: no lead, the whole phrase ranked
    assert cues[("còn", "nhiều", "hạn", "chế")].lead == 1  # led in turn, "nhiều hạn chế" its word
    assert ("còn", "chưa") not in cues  # a required cue's word is a group: never led
    led = cues[("có", "yêu", "cầu")]  # its word's phrases are read where the word stands, after the lead
    assert led.other_word_at(["có", "yêu", "cầu", "của", "dân"], 0)
    assert not led.other_word_at(["có", "yêu", "cầu", "xã"], 0)


@pytest.mark.parametrize(("text", "polarity", "groups", "optional"), [
    # what leads a category word (persistence, quantity, "the side of") is no word of the matter
    ("niêm yết thủ tục hành chính còn nhiều tồn tại", "shortcoming", ["niêm yết", "thủ tục hành chính"],
     ["tồn tại"]),
    ("những mặt còn hạn chế trong niêm yết", "shortcoming", ["niêm yết"], ["hạn chế"]),
    ("niem yet con han che", "shortcoming", ["niem yet"], ["han che"]),
    # "gặp khó khăn": the unit meeting the difficulty is no word the finding stating it holds
    ("sau sáp nhập xã phường gặp những khó khăn gì", "shortcoming", ["sáp nhập", "xã", "phường"],
     ["sau", "khó khăn"]),
    ("xã gặp khó khăn trong chuyển đổi số", "shortcoming", ["xã", "chuyển đổi số"], ["khó khăn"]),
    ("nhiệm vụ, giải pháp nâng cao chỉ số cải cách hành chính", "recommendation",
     ["nâng cao", "chỉ số cải cách hành chính"], ["giải pháp"]),
    # the genre's praise said after the matter, or as the reports' verdict
    ("niêm yết thủ tục hành chính tốt", "strength", ["niêm yết", "thủ tục hành chính"], ["tốt"]),
    ("niêm yết thủ tục hành chính khá tốt", "strength", ["niêm yết", "thủ tục hành chính"], ["tốt"]),
    ("bộ phận một cửa được người dân đánh giá cao", "strength", ["bộ phận một cửa", "người dân"],
     ["đánh giá cao"]),
    # "đạt" is the verb of a score, the matter of the strengths: it stays
    ("đơn vị đạt kết quả cao về chỉ số CCHC", "strength", ["đơn vị", "đạt", "chỉ số cchc"], ["kết quả cao"]),
    # the recommendation asked as what is to be done
    ("cần làm gì để nâng cao chỉ số CCHC", "recommendation", ["nâng cao", "chỉ số cchc"], ["cần làm"]),
    ("xã có cán bộ vắng mặt phải làm gì", "recommendation", ["xã", "cán bộ", "vắng mặt"], ["phải làm gì"]),
    ("người dân phải làm lại hồ sơ", None, ["người", "dân", "phải", "làm lại", "hồ sơ"], []),  # a burden
    ("làm thế nào để giảm hồ sơ trễ hạn", "recommendation", ["giảm", "hồ sơ", "trễ hạn"], ["làm thế nào để"]),
    ("biện pháp giảm hồ sơ trễ hạn", "recommendation", ["giảm", "hồ sơ", "trễ hạn"], ["biện pháp"]),
    # the judgements kém, yếu (accents only: kèm, yêu), led by "còn"
    ("chất lượng phần mềm còn kém", "shortcoming", ["chất lượng", "phần mềm"], ["kém"]),
    ("năng lực cán bộ còn yếu", "shortcoming", ["năng lực", "cán bộ"], ["yếu"]),
    ("hồ sơ kèm theo", None, ["hồ sơ", "kèm theo"], []),
    # a word holding the cue is a word of its own
    ("cán bộ tốt nghiệp đại học", None, ["cán bộ", "tốt nghiệp", "đại học"], []),
    ("đánh giá chỉ số hài lòng", None, ["đánh giá", "chỉ số", "hài lòng"], []),
])
def test_the_genre_asks_for_a_section_many_ways(text: str, polarity: str | None, groups: list[str],
                                                optional: list[str]) -> None:
    plan = plan_query(text)
    assert plan.polarity == polarity
    assert " ".join(s for g in plan.groups for s in g.alternatives[0].syllables) == " ".join(groups)
    assert [" ".join(a.syllables) for a in plan.optional] == optional
    assert plan.section is (polarity is not None)


@pytest.mark.parametrize(("text", "polarity", "group_words", "optional"), [
    # a category word asks for the polarity and is not required; it stands for one group
    ("hạn chế trong ứng dụng công nghệ thông tin", "shortcoming",
     ["ứng", "dụng", "công", "nghệ", "thông", "tin"], ["hạn chế"]),
    ("ưu điểm bộ phận một cửa", "strength", ["bộ", "phận", "một", "cửa"], ["ưu điểm"]),
    ("uu diem bo phan mot cua", "strength", ["bo", "phan", "mot", "cua"], ["uu diem"]),
    # head-first: the first cue names what is asked, the later one is a ranked word
    ("đề nghị khắc phục hạn chế", "recommendation", ["khắc", "phục"], ["đề nghị", "hạn chế"]),
    # a negation stays required, prefers shortcomings
    ("chưa niêm yết", "shortcoming", ["chưa", "niêm", "yết"], []),
    # persistence prefers shortcomings, ranked: "hồ sơ quá hạn" is the failure, "còn" said or not
    ("đơn vị nào còn hồ sơ trễ hạn", "shortcoming", ["hồ", "sơ", "trễ", "hạn"], ["còn"]),
    ("hồ sơ vẫn còn quá hạn", "shortcoming", ["hồ", "sơ", "quá", "hạn"], ["vẫn còn"]),
    # the negation "còn" leads is still the query's required sense
    ("xã nào còn chưa niêm yết", "shortcoming", ["chưa", "niêm", "yết"], ["còn"]),
    # "con" is also con, cơn: typed without accents it is ranked, as "còn" is, and asks as "kem", "yeu" do
    ("con ho so", "shortcoming", ["ho", "so"], ["con"]),
    # a yes/no frame's không is a question word, not a negation
    ("có niêm yết công khai không", None, ["niêm", "yết", "công", "khai"], []),
    # a light verb is optional: "không có phiếu hẹn" answers "chưa cấp phiếu hẹn"
    ("xã nào chưa cấp phiếu hẹn", "shortcoming", ["chưa", "phiếu", "hẹn"], ["cấp"]),
])
def test_polarity_cues_and_optional_words(text: str, polarity: str | None, group_words: list[str],
                                          optional: list[str]) -> None:
    plan = plan_query(text)
    assert plan.polarity == polarity
    assert [s for g in plan.groups for s in g.alternatives[0].syllables] == group_words
    assert [" ".join(a.syllables) for a in plan.optional] == optional
    assert plan.polarity_group == (polarity is not None and any(
        o in ("hạn chế", "ưu điểm", "uu diem", "đề nghị", "còn", "vẫn còn", "con") for o in optional))
    negation = text.startswith(("chưa", "xã nào"))  # its first group is the negation
    assert [g.sense for g in plan.groups][:1] == [negation]


@pytest.mark.parametrize(("text", "polarity"), [
    # the comment after a topic ("A thì B") is what is asked about A
    ("cán bộ công chức chưa đạt chuẩn thì đoàn kiểm tra kiến nghị xử lý thế nào", "recommendation"),
    ("hồ sơ không hợp lệ thì xử lý thế nào", "shortcoming"),  # a comment without a cue: the topic's
    # a question word of content or manner asks about the cue nearest before it
    ("cán bộ chưa đạt chuẩn được kiến nghị xử lý ra sao", "recommendation"),
    ("can bo chua dat chuan thi doan kiem tra kien nghi xu ly the nao", "recommendation"),
    ("đoàn kiểm tra kiến nghị gì về niêm yết thủ tục hành chính", "recommendation"),
    ("hạn chế trong ứng dụng công nghệ thông tin là gì", "shortcoming"),
    # a remedy heading the query asks what was prescribed about the failing matter after it
    ("xu ly ky luat can bo vi pham", "recommendation"),
    ("xử lý nghiêm cán bộ vi phạm giờ giấc", "recommendation"),
    ("khắc phục hạn chế trong niêm yết", "recommendation"),
    ("chưa khắc phục hạn chế", "shortcoming"),  # the negation first: the failure
    ("xử lý hồ sơ trễ hạn", None),  # processing files: no remedy
    ("Bình Định chấn chỉnh giờ làm việc cán bộ xã", "recommendation"),  # a remedy, a word of the topic
    ("cán bộ xã chưa tốt nghiệp đại học", "shortcoming"),  # the negation of a word, no judgement
    ("cán bộ vi phạm giờ giấc làm việc", "shortcoming"),  # the failing matter, nothing asked about it
    # "X nào P" asks for the units of which P is said
    ("xã nào chưa cấp phiếu hẹn", "shortcoming"),
    ("đơn vị nào còn hồ sơ trễ hạn?", "shortcoming"),
    ("nơi nào làm tốt công tác tiếp công dân", "strength"),
    # a yes/no frame names none; a cue inside it is the matter asked about
    ("có xã nào trụ sở đóng cửa trong giờ làm việc không", None),
    ("có đơn vị nào còn dùng gmail cá nhân để trao đổi công việc không", "shortcoming"),
    ("xã có niêm yết thủ tục hành chính hay không", None),
    ("đã niêm yết thủ tục hành chính chưa", None),
    ("niêm yết thủ tục hành chính chưa", None),
    ("cán bộ có đeo thẻ không", None),
    # the adversative passive asks about a failure, where no word names a polarity
    ("tại sao hồ sơ trực tuyến bị quá hạn", "shortcoming"),
    ("vì sao hồ sơ trực tuyến tăng", None),
    # a breach the genre reports only as a failing, asked where or why, asks for the failing units
    ("vì sao hồ sơ trực tuyến quá hạn", "shortcoming"),
    ("địa phương nào có nhiều hồ sơ trễ hạn", "shortcoming"),
    ("ở đâu cán bộ dùng xe công sai mục đích", "shortcoming"),
    ("xã nào cán bộ đi trễ về sớm", "shortcoming"),
    # … not outside a question: a topic asks for the matter in both senses, the rate falling too
    ("hồ sơ trễ hạn", None),
    ("CBCC đi muộn về sớm", None),
    ("dùng xe công sai mục đích", None),
    ("Tản Lĩnh chậm trả kết quả khai sinh", "shortcoming"),  # "chậm" is a cue of its own everywhere
    ("CBCC chậm giờ", "shortcoming"),
    # … nor as the object of a verb of reducing, the goal a good practice reaches
    ("mô hình nào để giảm tỷ lệ hồ sơ trễ hạn", None),
    # … nor in a clause of circumstance
    ("đơn vị nào thực hiện xin lỗi người dân khi trễ hẹn", None),
    ("cán bộ bị kiểm điểm", "recommendation"),
    # … and the passive of a sanction asks what befalls the failing staff: the remedy prescribed
    ("cán bộ vắng mặt khi kiểm tra đột xuất thì bị xử lý thế nào", "recommendation"),
    ("công chức vi phạm bị kỷ luật ra sao", "recommendation"),
    ("cán bộ vi phạm bị xử lý kỷ luật thế nào", "recommendation"),
    # "yêu cầu" after a verb of meeting a standard is the noun, no request
    ("công chức cấp xã có đáp ứng yêu cầu năng lực không", None),
    ("tỷ lệ cán bộ sử dụng hộp thư công vụ có đạt yêu cầu không", None),
    ("sau sáp nhập, công chức cấp xã có đáp ứng được yêu cầu không?", None),  # the modal between
    # "cham" typed without accents before "diem", "cong" is chấm (scoring, the time clock), no "chậm"
    ("cham diem chi so cai cach hanh chinh", None),
    ("may cham cong o xa", None),
    ("cham cong van tay", None),
    ("cham cong bo thu tuc hanh chinh", "shortcoming"),  # "chậm công bố", no time clock
    # the word "chậm trễ" the cue begins, folded as typed with accents (plan23): its topic, no section
    ("ho so cham tre", None),
    ("hồ sơ chậm trễ", None),
    ("yêu cầu xã niêm yết đầy đủ thủ tục", "recommendation"),
    ("trang thiết bị bộ phận một cửa", None),  # "bị" inside a word is no marker
    # "để" right after the question word of its subject lets a failing happen; elsewhere purpose
    ("xã nào để dân phải chờ ở bộ phận một cửa", "shortcoming"),
    ("phường nào để người dân đi lại nhiều lần", "shortcoming"),
    ("ai để hồ sơ quá hạn", "shortcoming"),
    ("nơi nào để nộp hồ sơ trực tuyến", None),
    ("đơn vị nào để xảy ra sai sót trong giải quyết hồ sơ", "shortcoming"),
    # after a noun of means or method "để" heads the purpose's verb, nothing let happen
    ("mô hình nào để giảm hồ sơ trễ hạn", None),
    ("phần mềm nào để nộp hồ sơ trực tuyến", None),
    ("xã để dân chờ ở bộ phận một cửa", None),  # no question: the topic as typed
    ("làm thế nào để tăng tỷ lệ hồ sơ nộp trực tuyến", "recommendation"),
    # the modal of duty before a verb the recommendations prescribe asks what was required
    ("phường nào phải báo cáo giải trình về việc cán bộ vắng mặt", "recommendation"),
    ("ai phải kiểm tra làm rõ sai sót trong hồ sơ", "recommendation"),
    ("xã nào để dân phải chờ ở bộ phận một cửa", "shortcoming"),  # the public's burden: no duty
    ("xã nào công chức phải kiêm nhiệm nhiều việc", None),  # a burden on staff, no duty asked
    # a clause of circumstance after what is asked says when, not what: its cues name nothing; the
    # modal of duty before it asks what the head is required to do, the recommendations
    ("người đứng đầu có phải chịu trách nhiệm khi cán bộ vi phạm kỷ luật không?", "recommendation"),
    ("nguoi dung dau co phai chiu trach nhiem khi can bo vi pham ky luat khong", "recommendation"),
    ("người đứng đầu có chịu trách nhiệm khi cán bộ vi phạm kỷ luật không?", None),
    # (its "chưa" names nothing; the question of manner asks for the recommendations: below)
    ("lãnh đạo xã xử lý thế nào nếu công chức chưa đeo thẻ", "recommendation"),
    ("những xã nào lãnh đạo không có mặt tại trụ sở khi đoàn đến kiểm tra", "shortcoming"),
    ("hạn chế khi giải quyết hồ sơ đất đai", "shortcoming"),
    # opening the query, the clause is the topic "thì" closes; "khi nào" asks when
    ("khi cán bộ vi phạm thì đoàn kiểm tra kiến nghị gì", "recommendation"),
    ("khi công chức chưa đạt chuẩn thì xử lý ra sao", "shortcoming"),
    ("xã khắc phục hạn chế khi nào", "recommendation"),
    # a question of how a failing was handled, no other cue deciding, asks for the remedies
    ("đoàn kiểm tra xử lý thế nào khi cán bộ vắng mặt không lý do?", "recommendation"),
    ("doan kiem tra xu ly the nao khi can bo vang mat", "recommendation"),
    ("cán bộ đi muộn về sớm được xử lý ra sao", "recommendation"),
    ("hồ sơ trễ hạn được xử lý ra sao", "recommendation"),  # the breach is the matter handled
    # "xử lý" not before the question word: processing files, and the breach asked about
    ("xử lý hồ sơ trễ hạn thế nào", "shortcoming"),
    ("xử lý hồ sơ trực tuyến thế nào", None),
    # handling asked of no failing is its processing: a question about the matter, no section
    ("đơn thư của công dân được xử lý ra sao", None),
    ("ý kiến góp ý của người dân thì được tiếp nhận, xử lý thế nào", None),
    # a failing said as the condition before "thì" asks no section itself, but is what is handled
    ("cán bộ vắng mặt thì trách nhiệm người đứng đầu xử lý thế nào", "recommendation"),
    ("khi cán bộ chưa đạt chuẩn thì việc bố trí công tác được xử lý thế nào", "recommendation"),
])
def test_a_question_asks_for_the_polarity_of_what_it_asks_about(text: str, polarity: str | None) -> None:
    assert plan_query(text).polarity == polarity


@pytest.mark.parametrize(("text", "section"), [
    # the report's category word names a section: its strengths, shortcomings, recommendations
    ("hạn chế trong ứng dụng công nghệ thông tin", True),
    ("ưu điểm bộ phận một cửa", True),
    ("kết quả tốt về giải quyết hồ sơ đúng hạn", True),
    ("kiến nghị xử lý cán bộ vi phạm", True),
    ("sai phạm trong quản lý tài chính, thu chi", True),
    ("đoàn kiểm tra kiến nghị gì về niêm yết thủ tục hành chính", True),  # asks about the word
    # a negation names the finding's sense, a matter: no section
    ("chưa niêm yết", False),
    # persistence is the reports' word of their shortcomings ("còn thấp"): asked, as "chưa tốt" is
    ("tỷ lệ hồ sơ trực tuyến còn thấp", True),
    # a question about a matter, or a yes/no one, is answered by more than one section
    ("xã nào còn hạn chế trong niêm yết", False),
    ("có đơn vị nào vi phạm quy định tài chính không", False),
    # "kết quả" alone is the matter (the results of handling files), not the strengths
    ("kết quả giải quyết hồ sơ", False),
    # a remedy is a word of the topic: the unit's story of the failing and the order, no section
    ("Bình Định chấn chỉnh giờ làm việc cán bộ xã", False),
    ("kiến nghị chấn chỉnh kỷ luật, kỷ cương hành chính", True),
    ("cán bộ xã chưa tốt nghiệp đại học", False),  # "chưa tốt" inside "chưa tốt nghiệp": no judgement
    # two sections joined ask for both: neither comes first
    ("ưu điểm và hạn chế của bộ phận một cửa", False),
    ("ưu điểm, tồn tại trong ứng dụng công nghệ thông tin", False),
    ("hạn chế và kiến nghị về niêm yết", False),
    ("hạn chế, tồn tại trong niêm yết", True),  # one section named twice
    ("đề nghị khắc phục hạn chế", True),  # a remedy between: the recommendations about the failing
    ("niêm yết thủ tục hành chính", False),
    # the recommendations asked as a question of what is to be done (issue 12)
    ("giải pháp nào cho hồ sơ trễ hạn", True),
    ("biện pháp nào để nâng cao chỉ số CCHC", True),
    ("làm sao để giảm hồ sơ trễ hạn", True),
    ("làm thế nào để giảm hồ sơ trễ hạn", True),
    ("cần làm gì để nâng cao chỉ số CCHC", True),
])
def test_a_category_word_asks_for_a_section_of_the_reports(text: str, section: bool) -> None:
    assert plan_query(text).section is section


def test_two_sections_joined_name_no_polarity_and_both_words_stay_ranked() -> None:
    plan = plan_query("ưu điểm và hạn chế của bộ phận một cửa")
    assert plan.polarity is None and not plan.polarity_group
    assert [" ".join(a.syllables) for a in plan.optional] == ["ưu điểm", "hạn chế"]
    lexicon = compile_lexicon([], [], intents=[{"polarity": "strength", "terms": ["ưu điểm"]},
                                               {"polarity": "shortcoming", "terms": ["hạn chế"]}],
                              reading={"sections_joined": ["cùng"]})
    assert analyse(parse("ưu điểm cùng hạn chế"), lexicon).polarity is None
    assert analyse(parse("ưu điểm và hạn chế"), lexicon).polarity == "strength"  # "và" not listed here


def test_the_section_paired_with_the_one_asked_is_read_from_the_data() -> None:
    """intents.toml [sections]: the shortcomings and the recommendations answer after each other; a
    query for the strengths pairs none; a code that is no polarity is refused."""
    assert plan_query("hạn chế trong niêm yết thủ tục hành chính").paired == "recommendation"
    assert plan_query("kiến nghị về niêm yết thủ tục hành chính").paired == "shortcoming"
    assert plan_query("ưu điểm niêm yết thủ tục hành chính").paired is None
    assert plan_query("niêm yết thủ tục hành chính").paired is None  # no polarity asked
    lexicon = compile_lexicon([], [], intents=[{"polarity": "strength", "terms": ["ưu điểm"]}],
                              sections={"paired": {"strength": "recommendation"}})
    assert analyse(parse("ưu điểm niêm yết"), lexicon).paired == "recommendation"
    assert compile_paired({}) == ()
    with pytest.raises(ConfigError, match="khuyết điểm"):
        compile_paired({"paired": {"shortcoming": "khuyết điểm"}})
    with pytest.raises(ConfigError, match="shortcoming = shortcoming"):
        compile_paired({"paired": {"shortcoming": "shortcoming"}})


def test_a_remedy_stays_an_ordinary_word_and_the_category_word_after_it_stays_ranked() -> None:
    plan = plan_query("xu ly ky luat can bo vi pham")
    typed = [s for g in plan.groups for s in g.alternatives[0].syllables]
    assert typed == ["xu", "ly", "ky", "luat", "can", "bo"]
    assert not any(g.sense for g in plan.groups)  # topical: a finding holding it answers
    assert [a.syllables for a in plan.optional] == [("vi", "pham")]
    assert not plan.polarity_group  # "vi phạm" does not stand for the recommendations


def test_a_question_particle_ends_the_query_and_a_negation_before_a_word_stays() -> None:
    assert [g[0] for g in groups("cán bộ đeo thẻ không")] == ["cán bộ", "đeo thẻ"]
    assert [g[0] for g in groups("niêm yết phí chưa")] == ["niêm yết", "phí"]
    assert [g[0] for g in groups("cán bộ không đeo thẻ")][1] == "không"  # before a word: the negation
    plan = plan_query("thủ tục niêm yết có còn văn bản hết hiệu lực hay chưa cập nhật không")
    # inside a yes/no frame the negation is ranked, not required: either answer is a finding (verdict23)
    assert "chưa" in [" ".join(a.syllables) for a in plan.optional]
    assert "chưa" not in plan.dropped
    assert plan_query("đi lễ chùa chưa").dropped == ("chưa",)  # typed with its accents: the particle
    assert not plan_query("di le chua").dropped  # folded "chua" is also chùa: kept


def test_the_reading_compiles_from_data() -> None:
    lexicon = compile_lexicon(["thì [accents]", "gì [accents]"], [],
                              intents=[{"polarity": "shortcoming", "required": True, "terms": ["chưa"]},
                                       {"polarity": "recommendation", "terms": ["kiến nghị"]},
                                       {"polarity": "shortcoming", "kept": False, "terms": ["bị [accents]"]},
                                       {"polarity": "recommendation", "required": True, "sense": False,
                                        "terms": ["kiểm điểm"]}],
                              reading={"topic_ends": ["thì [accents]"], "focus": ["gì [accents]"]})
    assert lexicon.topic_ends == ((("thì",), True),) and lexicon.focus_words == ((("gì",), True),)
    read = {" ".join(c.syllables): (c.required, c.sense, c.kept) for c in lexicon.cues}
    assert read == {"chưa": (True, True, True), "kiến nghị": (False, False, True),
                    "bị": (False, False, False), "kiểm điểm": (True, False, True)}

    def polarity(text: str) -> str | None:
        return analyse(parse(text), lexicon).polarity

    assert polarity("xã chưa làm thì kiến nghị") == "recommendation"
    # folded, a lone "thi" (no word with a neighbour: "thi hành", "kỳ thi") ends the topic as "thì"
    assert polarity("xã chưa làm thi kien nghi") == "recommendation"
    assert polarity("kiến nghị xã chưa làm gì") == "shortcoming"  # the cue nearest before gì
    assert polarity("cán bộ bị kiểm điểm") == "recommendation" and polarity("hồ sơ bị trả") == "shortcoming"
    assert "bị" in analyse(parse("hồ sơ bị trả"), lexicon).dropped


def test_a_cue_inside_another_word_or_overrun_by_a_longer_cue_is_read_as_the_data_says() -> None:
    """intents.toml `unlike`: the cue's word in such a phrase is an ordinary word; and a cue a
    longer cue of a polarity starting inside it runs past gives way to that cue."""
    lexicon = compile_lexicon([], [], intents=[
        {"polarity": "recommendation", "terms": ["yêu cầu"], "unlike": ["đáp ứng yêu cầu"]},
        {"polarity": "recommendation", "terms": ["bị xử lý"]},
        {"polarity": "recommendation", "required": True, "sense": False, "terms": ["xử lý kỷ luật"]},
        {"polarity": "shortcoming", "kept": False, "terms": ["bị [accents]"]}])
    request = next(c for c in lexicon.cues if c.syllables == ("yêu", "cầu"))
    assert request.unlike == ((("đáp", "ứng", "yêu", "cầu"), 2),)
    standard = analyse(parse("công chức đáp ứng yêu cầu"), lexicon)
    assert standard.polarity is None and not standard.optional  # no dictionary here: a group a syllable
    assert [s for g in standard.groups for s in g.alternatives[0].syllables][-2:] == ["yêu", "cầu"]
    assert analyse(parse("yêu cầu công chức"), lexicon).polarity == "recommendation"
    assert analyse(parse("dap ung yeu cau"), lexicon).polarity is None  # folded, the same phrase
    sanction = analyse(parse("cán bộ bị xử lý"), lexicon)
    assert sanction.polarity == "recommendation" and [a.syllables for a in sanction.optional] == [
        ("bị", "xử", "lý")]
    remedy = analyse(parse("cán bộ bị xử lý kỷ luật"), lexicon)  # "xử lý kỷ luật" runs past "bị xử lý"
    assert remedy.dropped == ("bị",) and not remedy.optional
    assert remedy.polarity == "recommendation"
    assert [s for g in remedy.groups for s in g.alternatives[0].syllables][-4:] == ["xử", "lý", "kỷ", "luật"]


def test_a_cue_typed_without_accents_inside_a_phrase_writing_its_spelling_otherwise_is_no_cue() -> None:
    """intents.toml `unlike` holding the cue's folded spelling as another word ("chấm điểm" for
    "chậm"): typed without accents there, the query wrote that word; typed with the cue's marks,
    or elsewhere, it is the cue."""
    lexicon = compile_lexicon([], [], intents=[
        {"polarity": "shortcoming", "required": True, "terms": ["chậm"], "unlike": ["chấm điểm"]}])
    late = next(c for c in lexicon.cues if c.syllables == ("chậm",))
    assert late.unlike == ((("chấm", "điểm"), 0),)
    assert analyse(parse("cham diem chi so"), lexicon).polarity is None
    assert analyse(parse("chậm điểm danh"), lexicon).polarity == "shortcoming"  # its marks typed
    assert analyse(parse("ho so cham"), lexicon).polarity == "shortcoming"


@pytest.mark.parametrize(("text", "question"), [
    ("xã nào chưa cấp phiếu hẹn", True),
    ("ở đâu còn công chức cấp xã chưa đạt chuẩn", True),
    ("vì sao hồ sơ trực tuyến bị quá hạn", True),
    ("có xã nào chưa niêm yết sđt đường dây nóng không", True),
    ("tỷ lệ hồ sơ nộp trực tuyến đạt bao nhiêu?", True),
    ("bao nhieu xa chua niem yet thu tuc", True),
    ("cán bộ có đeo thẻ không", True),
    ("hạn chế trong ứng dụng công nghệ thông tin", False),
    ("chưa niêm yết thủ tục hành chính", False),
    ("công chức không đeo thẻ khi làm việc", False),  # a clause of circumstance is no question
    ("hạn chế", False),
    # a question word of content asking about the word naming the polarity asks for those findings
    ("đoàn kiểm tra kiến nghị gì về niêm yết thủ tục hành chính", False),
    ("hạn chế trong ứng dụng công nghệ thông tin là gì", False),
    ("cán bộ công chức chưa đạt chuẩn thì đoàn kiểm tra kiến nghị xử lý thế nào", False),
    ("cán bộ vi phạm bị xử lý kỷ luật thế nào", False),
    ("cán bộ vắng mặt khi kiểm tra đột xuất thì bị xử lý thế nào", False),
    # … not about a negation (the matter's sense), nor about the topic's cue before "thì"
    ("xã nào chưa niêm yết thủ tục gì", True),
    ("hồ sơ không hợp lệ thì xử lý thế nào", True),
    ("đoàn kiểm tra xử lý thế nào khi cán bộ vắng mặt", False),  # asks for the remedies
    # the question word inside or right after the word naming the polarity asks which of them:
    # the recommendations, not a matter any section answers (issue 12)
    ("giải pháp nào cho hồ sơ trễ hạn", False),
    ("biện pháp nào để nâng cao chỉ số CCHC", False),
    ("làm sao để giảm hồ sơ trễ hạn", False),
    ("cần làm gì để nâng cao chỉ số CCHC", False),
    ("hạn chế nào trong niêm yết thủ tục hành chính", False),
    # … unless the query asks by other words too: a yes/no frame, a place
    ("có giải pháp nào hay không", True),
    ("xã nào có giải pháp nâng cao chỉ số CCHC", True),
])
def test_a_question_is_told_from_a_topic(text: str, question: bool) -> None:
    assert plan_query(text).question is question


def test_the_question_reading_compiles_from_data() -> None:
    lexicon = compile_lexicon(["khi", "nào", "khi nào"], [],
                              intents=[{"polarity": "shortcoming", "terms": ["vi phạm"]},
                                       {"polarity": "recommendation", "terms": ["kiến nghị"]}],
                              reading={"questions": ["nào", "khi nào"], "circumstances": ["khi"]})
    assert lexicon.question_words == ((("khi", "nào"), False), (("nào",), False))  # longest first
    assert lexicon.circumstances == ((("khi",), False),)

    def read(text: str) -> tuple[str | None, bool]:
        plan = analyse(parse(text), lexicon)
        return plan.polarity, plan.question

    assert read("lãnh đạo chịu trách nhiệm khi cán bộ vi phạm") == (None, False)
    assert read("cán bộ vi phạm khi tiếp dân") == ("shortcoming", False)
    assert read("khi cán bộ vi phạm") == ("shortcoming", False)  # opening the query: no clause after
    assert read("kiến nghị xử lý cán bộ vi phạm khi nào") == ("recommendation", True)  # asks when
    assert read("xã nào vi phạm") == ("shortcoming", True)


@pytest.mark.parametrize(("text", "required", "ranked", "polarity"), [
    # the topic of "thì" is the condition when the comment names a matter of its own, as after "khi"
    ("công chức đi muộn thì trưởng phòng có bị kiểm điểm không", ["trưởng phòng", "kiểm điểm"],
     ["công chức", "đi muộn"], "recommendation"),
    ("trưởng phòng có bị kiểm điểm khi công chức đi muộn không", ["trưởng phòng", "kiểm điểm"],
     ["công chức", "đi muộn"], "recommendation"),
    # its cue names no polarity, as none in a clause of circumstance does; the comment's modal of
    # duty is ranked and asks for what was required (the recommendations)
    ("cán bộ vắng mặt thì lãnh đạo xã có phải chịu trách nhiệm không", ["lãnh đạo", "xã", "chịu",
                                                                          "trách nhiệm"],
     ["cán bộ", "vắng mặt", "phải"], "recommendation"),
    # a comment of cue and question words alone asks about the topic, which stays
    ("công chức đi muộn thì bị xử lý thế nào", ["công chức", "đi muộn"], ["bị xử lý"], "recommendation"),
    # no question: the topic is the matter, required
    ("công chức đi muộn thì trưởng phòng kiểm điểm", ["công chức", "đi muộn", "trưởng phòng", "kiểm điểm"],
     [], "recommendation"),
])
def test_a_questions_condition_before_thi_is_ranked(text: str, required: list[str], ranked: list[str],
                                                    polarity: str | None) -> None:
    plan = plan_query(text)
    assert [" ".join(g.alternatives[0].syllables) for g in plan.groups] == required
    optional = [" ".join(a.syllables) for a in plan.optional]
    assert all(word in optional for word in ranked) and (optional == [] if not ranked else True)
    assert plan.polarity == polarity


def test_only_a_cue_word_is_required_after_all() -> None:
    plan = plan_query("hạn chế")
    assert groups("hạn chế") == [["hạn chế"]] and plan.polarity == "shortcoming" and not plan.optional


def test_cue_words_alone_are_read_with_the_whole_lexicons_accents() -> None:
    lexicon = load_lexicon()
    bare = lexicon.without_cues()
    assert bare.cues == () and bare.readings is lexicon.readings  # shared, not compiled again
    plan = analyse(parse("han che"), lexicon, words={"han che"})
    assert plan.polarity == "shortcoming"
    assert [g.alternatives[0].syllables for g in plan.groups] == [("han", "che")]
    assert [a.syllables for a in plan.restored] == [("hạn", "chế")]


def test_the_exact_phrase_keeps_cue_and_light_words() -> None:
    assert plan_query("chưa cấp phiếu hẹn").exact == Alternative(("chưa", "cấp", "phiếu", "hẹn"))
    assert plan_query("hạn chế niêm yết").exact == Alternative(("hạn", "chế", "niêm", "yết"))


def test_group_weights_are_integer_idf_and_sense_weighs_most() -> None:
    # 1000 findings: a word in 1 of them weighs ln(1000) ≈ 7, in half of them 1 (at least 1)
    assert group_weights([1, 500, 1000, 50], 1000) == [7, 1, 1, 3]
    assert group_weights([1, 600, 50], 1000, [False, True, False]) == [7, 7, 3]
    assert group_weights([0], 10 ** 9) == [12]  # capped


@pytest.mark.parametrize(("typed", "key"), [("TP Hà Nội", "ha noi"), ("Thành phố Hà Nội", "ha noi"),
                                            ("tp. ha noi", "ha noi"), ("tỉnh Quảng Trị", "quang tri"),
                                            ("Quảng Trị", "quang tri")])
def test_province_forms(typed: str, key: str) -> None:
    assert province_key(typed) == key


class Segmented(Vocabulary):
    """An index whose segmenter slipped once ("kỷ_cương_hành") and joined "công trực" once."""

    def known_words(self, spans: object) -> set[str]:
        return {"ky luat", "ky cuong", "ky cuong hanh", "hanh chinh", "dich vu", "cong truc", "truc tuyen",
                "van ban"}


def test_the_cut_leaves_fewest_syllables_outside_words() -> None:
    """Maximum matching over the whole run, not the longest word at each place: a segmenter's
    slip in the index ("ky cuong hanh") must not leave "chinh" alone."""
    bare = compile_lexicon([], [])  # no synonyms: the index's words alone decide the cut

    def cut(text: str) -> list[str]:
        return [" ".join(g.alternatives[0].syllables) for g in plan_query(text, Segmented(), bare).groups]

    assert cut("ky luat ky cuong hanh chinh") == ["ky luat", "ky cuong", "hanh chinh"]
    assert cut("ky cuong hanh") == ["ky cuong hanh"]  # the only cut covering it all


class Dossiers(Vocabulary):
    """An index holding "hồ sơ" but not the dictionary's "sơ qua" (briefly), as the genre's do."""

    def known_words(self, spans: object) -> set[str]:
        return {"ho so", "nop ho so"} & set(spans)  # type: ignore[call-overload]


def test_between_cuts_as_good_the_index_words_win_over_the_dictionarys() -> None:
    """ "nộp hồ sơ qua bưu điện": "nộp | hồ sơ | qua" and "nộp | hồ | sơ qua" leave as many
    syllables alone; the index's word wins over the dictionary's "sơ qua", which no report writes."""
    lexicon = compile_lexicon([], [], ["hồ sơ", "sơ qua", "bưu điện"])

    def cut(text: str) -> list[str]:
        return [" ".join(g.alternatives[0].syllables) for g in plan_query(text, Dossiers(), lexicon).groups]

    assert cut("hồ sơ qua bưu điện") == ["hồ sơ", "qua", "bưu điện"]
    assert cut("trả hồ sơ qua bưu điện") == ["trả", "hồ sơ", "qua", "bưu điện"]


class Joined(Vocabulary):
    """An index whose segmenter joined verbs with their objects ("niêm_yết_TTHC", "ban_hành_văn_bản"),
    as it does in the reports, beside the words of a term it kept whole ("hồ_sơ_trực_tuyến")."""

    def known_words(self, spans: object) -> set[str]:
        return {"niem yet", "niem yet tthc", "ban hanh", "ban hanh van ban", "ho so truc tuyen", "bo phan"}


JOINED_SETS = [["thủ tục hành chính", "TTHC"], ["văn bản quy phạm pháp luật", "VBQPPL"],
               ["trực tuyến", "online"], ["bộ phận một cửa", "BPMC", "bộ phận TN&TKQ"],
               ["tiếp nhận và trả kết quả", "TN&TKQ"]]


def test_a_segmenters_join_does_not_swallow_the_genres_term() -> None:
    """A word of the index that would take in an abbreviation, or the start of a member running
    past it, gives way to the member, which keeps its synonyms; a member lying whole inside a
    longer word stays in it."""
    lexicon = compile_lexicon([], JOINED_SETS)

    def cut(text: str) -> list[list[str]]:
        return [[" ".join(a.syllables) for a in g.alternatives]
                for g in plan_query(text, Joined(), lexicon).groups]

    assert cut("niêm yết TTHC") == [["niêm yết"], ["tthc", "thu tuc hanh chinh"]]  # typed unaccented
    assert cut("ban hành văn bản quy phạm pháp luật") == [
        ["ban hành"], ["văn bản quy phạm pháp luật", "vbqppl"]]
    assert cut("hồ sơ trực tuyến") == [["hồ sơ trực tuyến"]]
    assert cut("ban hành văn bản") == [["ban hành văn bản"]]  # no member inside: the index's word


def test_a_joined_abbreviation_completes_the_member_begun_before_it() -> None:
    """ "bộ phận TN&TKQ" is the decree's name of the one-stop desk, one member: the joined word is
    read with the words before it when together they make a member, else it stays a phrase."""
    lexicon = compile_lexicon([], JOINED_SETS)

    def cut(text: str) -> list[list[str]]:
        return [[" ".join(a.syllables) for a in g.alternatives]
                for g in plan_query(text, Joined(), lexicon).groups]

    desk = cut("bộ phận TN&TKQ bố trí")
    assert "bộ phận một cửa" in desk[0] and "bpmc" in desk[0] and desk[1:] == [["bố"], ["trí"]]
    assert cut("cán bộ TN&TKQ") == [["cán"], ["bộ"], ["tn tkq", "tiep nhan va tra ket qua"]]
    assert parse("bộ phận TN&TKQ").clauses[2][0].joined and not parse('"tn tkq"').clauses[0][0].joined


def test_parts_of_a_multi_word_term() -> None:
    """A term of several words gets its words as parts (ties cut backward: "cong | truc tuyen");
    never single syllables, never a quoted phrase, never a long description."""
    plan = plan_query("dich vu cong truc tuyen", Segmented())
    assert [" ".join(p.alternative.syllables) for p in plan.parts] == ["dich vu", "truc tuyen"]
    assert {p.group for p in plan.parts} == {0}
    assert plan.fills(found=3, page_size=10)  # one group, yet a fill: its parts
    assert plan_query('"dich vu cong truc tuyen"', Segmented()).parts == ()
    assert plan_query("hồ sơ", Segmented()).parts == ()


def test_a_term_typed_without_accents_has_the_parts_of_its_accented_form() -> None:
    """With no index words to cut by, the dictionary cuts only accented syllables: a term typed
    without accents is cut as its restored reading, so "co so vat chat" fills its page with
    findings naming "vật chất" or "cơ sở", as "cơ sở vật chất" does."""
    pairs = (("co so vat chat", "cơ sở vật chất"), ("di lam muon", "đi làm muộn"))
    for folded, accented in pairs:
        typed = [p.alternative.folded for p in plan_query(folded, Vocabulary()).parts]
        assert typed == [p.alternative.folded for p in plan_query(accented, Vocabulary()).parts]
        assert typed, folded
    # The parts keep the syllables as typed: any accented form of them matches.
    assert all(not p.alternative.any_accent for p in plan_query("co so vat chat", Vocabulary()).parts)


def test_parts_share_their_group_weight() -> None:
    """Scaled groups; a group's parts share its weight less one by idf, so holding every part
    still ranks below holding the group, and the rarer part weighs more."""
    plan = plan_query("dich vu cong truc tuyen van ban", Segmented())
    assert len(plan.groups) == 2 and len(plan.parts) == 2
    weights = plan.weights([5, 50, 40, 10], total=1000)  # groups, then parts
    group, other, common, rare = weights
    assert group > common + rare and rare > common >= 1 and other > 0
    unsplit = plan_query("ho so tre", Segmented())  # no parts: the idf weights as they are
    assert len(unsplit.groups) == 2 and not unsplit.parts  # "ho so" read as hồ sơ, the genre's word
    assert unsplit.weights([10, 100], 1000) == group_weights([10, 100], 1000)


def test_only_a_lone_group_has_weights_without_counting_its_holders() -> None:
    """One group, nothing else counted: a finding holds it or not, so no idf changes the order."""
    assert plan_query("van ban", Segmented()).fixed_weights == [1]
    assert plan_query("ho sơ tre", Segmented()).fixed_weights is None  # two groups: idf ranks them
    assert plan_query("dich vu cong truc tuyen", Segmented()).fixed_weights is None  # parts weigh too


def test_a_unit_in_the_query_weighs_more_than_the_heaviest_group() -> None:
    plan = plan_query("Tân Lộc trang phục lịch sự", Known())
    assert plan.groups[0].unit == "tan loc" and len(plan.groups) == 3
    assert plan.weights([10, 9, 11], total=362) == [5, 4, 3]


def test_a_question_asking_for_a_cause_carries_what_an_answer_holds() -> None:
    lexicon = compile_lexicon(["tại sao"], [], answers=[{"asks": ["tại sao"], "holds": ["là do", "vì"]}])
    plan = analyse(parse("tai sao ho so qua han"), lexicon)
    assert [a.syllables for a in plan.answer] == [("là", "do"), ("vì",)]  # as written: their accents count
    assert len(plan.groups) == 4 and plan.counted == 5
    assert analyse(parse("ho so qua han"), lexicon).answer == ()
    assert plan_query("vì sao hồ sơ quá hạn").answer  # the shipped data


@pytest.mark.parametrize(("text", "required", "ranked"), [
    # the verb a question of manner asks about is its frame: ranked, not required
    ("hồ sơ trễ hạn được xử lý như thế nào", {"hồ sơ", "trễ hạn"}, {"xử lý"}),
    ("hồ sơ không hợp lệ thì xử lý ra sao", {"hồ sơ", "không", "hợp lệ"}, {"xử lý"}),
    ("cán bộ công chức chưa đạt chuẩn thì đoàn kiểm tra kiến nghị xử lý thế nào",
     {"cán bộ công chức", "chưa", "đạt chuẩn"}, {"đoàn kiểm tra", "kiến nghị", "xử lý"}),
    # elsewhere the verb is the matter ("xử lý hồ sơ"), and so it is with nothing else asked
    ("kiến nghị xử lý hồ sơ trễ hạn", {"xử lý", "hồ sơ", "trễ hạn"}, {"kiến nghị"}),
    ("kiến nghị xử lý thế nào", {"xử lý"}, {"kiến nghị"}),
    ("xử lý thế nào", {"xử lý"}, set()),
    # a topic saying no state is the object the comment asks about, not a condition: required
    ("hồ sơ trực tuyến thì được tiếp nhận thế nào", {"hồ sơ", "trực tuyến", "tiếp nhận"}, set()),
])
def test_a_verb_a_manner_question_asks_about_is_ranked_not_required(text: str, required: set[str],
                                                                    ranked: set[str]) -> None:
    plan = plan_query(text)
    assert {" ".join(g.alternatives[0].syllables) for g in plan.groups} == required
    assert {" ".join(a.syllables) for a in plan.optional} == ranked


@pytest.mark.parametrize("text", ["nguyên nhân hồ sơ trực tuyến bị quá hạn",
                                  "nguyên nhân của hồ sơ trực tuyến bị quá hạn",
                                  "nguyen nhan ho so truc tuyen bi qua han"])
def test_nguyen_nhan_asks_for_the_cause_as_vi_sao_does(text: str) -> None:
    """"nguyên nhân X" is read as "vì sao X": the cause asked, not a word every finding must
    hold (required, it admitted only the findings naming "nguyên nhân"); findings stating a
    cause rank by the answer's words, "nguyên nhân" among them."""
    same = re.sub(r"^nguyên nhân( của)?", "vì sao", text).replace("nguyen nhan", "vi sao")
    asked, why = plan_query(text), plan_query(same)
    folded = {tuple(fold(s) for s in a.syllables) for g in asked.groups for a in g.alternatives}
    assert ("nguyen", "nhan") not in folded
    assert len(asked.groups) == len(why.groups)  # the topic's words, as "vì sao" leaves them
    assert asked.answer == why.answer and ("nguyên", "nhân") in {a.syllables for a in asked.answer}
    assert (asked.polarity, asked.question) == (why.polarity, why.question)


def test_a_request_for_the_cause_is_compiled_from_its_verbs_and_nouns() -> None:
    """intents.toml [answer.requested]: each verb, nothing or a word between, a noun."""
    made = request_phrases({"verbs": ["làm rõ", "tìm"], "between": ["các"], "nouns": ["nguyên nhân"]})
    assert made == (("làm", "rõ", "nguyên", "nhân"), ("làm", "rõ", "các", "nguyên", "nhân"),
                    ("tìm", "nguyên", "nhân"), ("tìm", "các", "nguyên", "nhân"))
    assert request_phrases({"verbs": ["làm rõ"]}) == request_phrases({"nouns": ["lý do"]}) == ()
    answer = compile_answer({"asks": ["nguyên nhân"], "holds": ["là do"], "unlike": ["vì dân"],
                             "requested": {"verbs": ["làm rõ"], "nouns": ["nguyên nhân"]}})
    assert answer.unlike == (("vì", "dân"), ("làm", "rõ", "nguyên", "nhân"))


@pytest.mark.parametrize("text", ["làm rõ nguyên nhân hồ sơ quá hạn", "lam ro nguyen nhan ho so qua han",
                                  "yêu cầu tìm hiểu các nguyên nhân hồ sơ quá hạn"])
def test_nguyen_nhan_after_a_request_verb_is_the_matter_not_a_cause_question(text: str) -> None:
    """"làm rõ nguyên nhân hồ sơ quá hạn" asks for the request to clarify the cause (a
    recommendation), not for the cause: no answer words, no question, and "nguyên nhân" is a word
    of the query, kept where "nguyên nhân hồ sơ quá hạn" drops it as the asking word."""
    plan = plan_query(text)
    folded = {tuple(fold(s) for s in a.syllables) for g in plan.groups for a in g.alternatives}
    assert ("nguyen", "nhan") in folded
    assert plan.answer == () and not plan.question


@pytest.mark.parametrize("text", ["làm rõ trách nhiệm và nguyên nhân hồ sơ quá hạn",
                                  "nguyên nhân chưa báo cáo kết quả"])
def test_nguyen_nhan_apart_from_a_request_verb_still_asks_the_cause(text: str) -> None:
    """The request is the verb, at most a word between, then the noun: a verb further before it
    ("làm rõ trách nhiệm và nguyên nhân …"), or after it ("nguyên nhân chưa báo cáo"), leaves
    "nguyên nhân" the asking word, dropped, and the query a cause question."""
    plan = plan_query(text)
    folded = {tuple(fold(s) for s in a.syllables) for g in plan.groups for a in g.alternatives}
    assert ("nguyen", "nhan") not in folded
    assert plan.answer and plan.question


def test_a_ranking_word_asks_only_in_a_question_and_is_then_ranked_not_required() -> None:
    """"đơn vị nào đứng đầu chỉ số CCHC" is answered by "dẫn đầu", "xếp thứ 2": the ranking word
    is ranked (optional) and the answer carries the genre's words for a place. Without a question
    ("trách nhiệm đứng đầu") it is a word of the topic; inside "người đứng đầu" (the head of a
    body) it asks no ranking, even in a question."""
    lexicon = compile_lexicon(["nào"], [], answers=[
        {"asks": ["đứng đầu", "cao nhất"], "holds": ["dẫn đầu", "xếp thứ"], "unlike": ["người đứng đầu"],
         "alone": False}], reading={"questions": ["nào"]})
    plan = analyse(parse("đơn vị nào đứng đầu chỉ số"), lexicon)
    assert [g.alternatives[0].syllables for g in plan.groups] == [("đơn",), ("vị",), ("chỉ",), ("số",)]
    assert [a.syllables for a in plan.optional] == [("đứng", "đầu")]
    assert [a.syllables for a in plan.answer] == [("dẫn", "đầu"), ("xếp", "thứ")]
    assert [u.syllables for u in plan.unlike] == [("người", "đứng", "đầu")]
    assert plan.question
    topic = analyse(parse("trách nhiệm đứng đầu"), lexicon)
    assert topic.answer == () and not topic.optional and len(topic.groups) == 4  # every word required
    head = analyse(parse("đơn vị nào người đứng đầu bị kỷ luật"), lexicon)
    assert head.answer == () and not head.optional
    # The shipped data: the top asked is answered by the top and by a place, not by the bottom.
    shipped = plan_query("huyện nào có chỉ số CCHC cao nhất tỉnh?")
    held = {a.syllables for a in shipped.answer}
    assert ("dẫn", "đầu") in held and ("xếp", "thứ") in held and ("thấp", "nhất") not in held
    assert ("cao", "nhất") in {a.syllables for a in shipped.optional}
    bottom = {a.syllables for a in plan_query("huyện nào xếp cuối bảng chỉ số cải cách hành chính").answer}
    assert ("thấp", "nhất") in bottom and ("dẫn", "đầu") not in bottom


def test_a_deadline_asked_is_answered_by_the_date_set_not_by_the_noun() -> None:
    """"hạn chót nộp kế hoạch khắc phục là khi nào" asks for the date it is due: the order setting it
    says "trước ngày 30/6", "chậm nhất", not "hạn chót", so the noun is the question's frame (dropped,
    never cut into two required syllables) and the words setting a date rank the answer. Typed as a topic
    or without accents, the same; "đúng thời hạn" (settled in time) asks no date."""
    for text in ("hạn chót nộp kế hoạch khắc phục là khi nào?", "hạn cuối gửi văn bản giải trình",
                 "han chot gui ke hoach"):
        plan = plan_query(text)
        required = {tuple(fold(s) for s in a.syllables) for g in plan.groups for a in g.alternatives}
        assert not required & {("han",), ("chot",), ("han", "chot")}, text
        assert {("trước", "ngày"), ("chậm", "nhất")} <= {a.syllables for a in plan.answer}, text
    assert plan_query("giải quyết hồ sơ đúng thời hạn").answer == ()


def test_a_day_asked_is_the_deadline_set() -> None:
    """"hạn gửi báo cáo kết quả là ngày nào": the day asked is the one the inspection's order sets
    ("báo cáo … trước ngày 15.11"), so the words setting a date answer it; "khi nào" of a matter
    ("cán bộ vắng mặt khi nào") asks no deadline."""
    for text in ("hạn gửi báo cáo kết quả là ngày nào", "đoàn kiểm tra yêu cầu báo cáo trước ngày nào?",
                 "han gui bao cao la ngay nao"):
        held = {a.syllables for a in plan_query(text).answer}
        assert {("trước", "ngày"), ("chậm", "nhất")} <= held, text
    assert plan_query("cán bộ vắng mặt khi nào").answer == ()


def test_because_before_the_reason_is_grammar_not_a_word_the_finding_holds() -> None:
    """"xã nào bị nhắc nhở vì đi muộn": "vì" gives the reason of the sanction, and the finding stating
    it seldom says the conjunction; dropped, the breach stays required. "vì sao" still asks the cause,
    and "vi" typed without accents (vi phạm) is no conjunction."""
    plan = plan_query("công chức nào bị kỷ luật vì để hồ sơ tồn đọng?")
    required = {a.syllables for g in plan.groups for a in g.alternatives}
    assert ("vì",) not in required and ("tồn", "đọng") in required
    assert plan_query("vì sao hồ sơ bị quá hạn").answer
    unaccented = plan_query("can bo vi pham ky luat")
    words = (*unaccented.optional, *(a for g in unaccented.groups for a in g.alternatives))
    assert ("vi", "pham") in {a.syllables for a in words}


def test_a_cause_and_a_ranking_asked_together_carry_both_answers() -> None:
    """"vì sao chỉ số CCHC của thành phố bị tụt hạng": the cause and the fall of rank both answer."""
    held = {a.syllables for a in plan_query("vì sao chỉ số CCHC của thành phố bị tụt hạng").answer}
    assert {("là", "do"), ("bậc",), ("xếp", "thứ")} <= held


def test_an_absence_without_reason_asks_for_no_cause() -> None:
    """"lý do" in "vắng mặt không lý do" names the breach (absent without a reason given), not a
    question about a cause; asked alone ("lý do cán bộ vắng mặt") it asks one. Typed without
    accents, the same."""
    for text in ("cán bộ vắng mặt không lý do", "can bo vang mat khong ly do", "công chức vắng có lý do"):
        plan = plan_query(text)
        assert plan.answer == () and not plan.question, text
    assert plan_query("lý do cán bộ vắng mặt").answer


def test_absence_is_asked_and_written_three_ways() -> None:
    """Staff absent at the inspection: reports write "vắng mặt", "không có mặt" and the bare "vắng"
    ("vắng đến 15/20 cán bộ"), and each typed brings the others. Asked with "không có mặt", the
    query used to require "có mặt", which also praises staff present; "có mặt" alone brings no
    absence. The reason-less breach stays the longer member of its own set."""
    for typed in ("cán bộ vắng mặt tại trụ sở", "can bo vang mat trong gio lam viec",
                  "những xã nào lãnh đạo không có mặt tại trụ sở khi đoàn đến kiểm tra"):
        absent = [g for g in groups(typed) if any(fold(a) == "vang mat" for a in g)]
        assert len(absent) == 1, typed
        assert {fold(a) for a in absent[0]} >= {"vang mat", "khong co mat", "vang"}, typed
        assert ["có mặt"] not in groups(typed), typed
    assert plan_query("những xã nào lãnh đạo không có mặt tại trụ sở").polarity == "shortcoming"
    assert not any("vắng mặt" in g for g in groups("công chức có mặt đầy đủ"))
    assert not any("vắng" in g for g in groups("cán bộ vắng mặt không lý do"))


def test_parts_come_from_the_term_typed_or_an_abbreviations_expansion() -> None:
    """"trễ hạn" gets no parts from its synonym "chậm trả kết quả" (its words are not the user's);
    "DVC" typed stands for its expansion, whose words are."""
    lexicon = compile_lexicon([], [["trễ hạn", "chậm trả kết quả"], ["DVC", "dịch vụ công trực tuyến"]])

    class Words(Vocabulary):
        def known_words(self, spans: object) -> set[str]:
            return {"ket qua", "dich vu", "truc tuyen"}

    assert plan_query("hồ sơ trễ hạn", Words(), lexicon).parts == ()
    parts = plan_query("DVC", Words(), lexicon).parts
    assert [p.alternative.folded for p in parts] == [("dich", "vu"), ("truc", "tuyen")]
    # A long term the user typed is split however long; a long expansion is a description.
    lexicon = compile_lexicon([], [["dịch vụ công trực tuyến toàn trình", "DVCTT toàn trình"],
                                   ["HSTT", "hồ sơ tiếp nhận và xử lý trực tuyến"]])
    typed = plan_query("dich vu cong truc tuyen toan trinh", Words(), lexicon).parts
    assert [p.alternative.folded for p in typed] == [("dich", "vu"), ("truc", "tuyen")]
    assert plan_query("HSTT", Words(), lexicon).parts == ()


def test_related_words_come_from_every_member_of_a_groups_synonyms() -> None:
    """What ranks the matter tier's findings holding none of the groups (Plan.related): the words
    inside every member's terms, the synonyms' too ("kết quả" of "chậm trả kết quả" for "trễ
    hạn", which the fill's parts leave out), folded; never a group's whole term, never a syllable."""
    lexicon = compile_lexicon([], [["trễ hạn", "chậm trả kết quả"], ["hồ sơ trực tuyến", "HSTT"]])

    class Words(Vocabulary):
        def known_words(self, spans: object) -> set[str]:
            return {"ket qua", "ho so", "truc tuyen"}

    plan = plan_query("hồ sơ trực tuyến trễ hạn", Words(), lexicon)
    assert [len(g.alternatives) for g in plan.groups] == [2, 2]
    assert [a.folded for a in plan.related] == [("ho", "so"), ("truc", "tuyen"), ("ket", "qua")]
    assert all(not a.any_accent for a in plan.related)  # any accent form counts, as bm25 of `folded`
    assert plan_query("trễ hạn", Words(), lexicon).related == (Alternative(("ket", "qua")),)
    assert plan_query("ho so", Words(), lexicon).related == ()  # a word of two syllables is whole
    # What the engines rank those findings by: the fill's parts, then the related words, once each.
    assert [p.alternative.folded for p in plan.parts] == [("ho", "so"), ("truc", "tuyen")]
    # (then the instances of the concepts the query asks, Plan.instances: "trực tuyến" asks one)
    assert [a.folded for a in plan.bare_ranked] == [("ho", "so"), ("truc", "tuyen"), ("ket", "qua"),
                                                    *(a.folded for a in plan.instances)]
    assert [a.any_accent for a in plan.bare_ranked[:3]] == [True, True, False]  # a part as typed, first


def test_partial_stages_give_way_to_the_matter_when_the_absent_word_outweighs_the_held() -> None:
    """"ky luat hanh chinh van ban" of 1000 findings: with "ky luat" held by none (weight 7),
    partial matches holding "hanh chinh" and "van ban" (weights 1 and 2) lack the point; with
    "van ban" rare too (weight 7), they hold as much as they lack and keep their stage. Only a
    query naming a matter or an area has a tier to give way to."""
    plan = plan_query("ky luat hanh chinh van ban", Segmented())
    assert len(plan.groups) == 3
    matter = ("cong_vu.ky_luat",)
    assert plan.matter_first([0, 400, 150], 1000, matter, ())
    assert not plan.matter_first([0, 400, 1], 1000, matter, ())
    assert not plan.matter_first([0, 400, 150], 1000, (), ())
    assert not plan.matter_first([3, 400, 150], 1000, matter, ())  # every group held: nothing absent
    assert not plan_query("van ban", Segmented()).matter_first([0], 1000, matter, ())  # no partial stage
    # a negation is not a topic: it counts on neither side
    negated = plan_query("chua ky luat hanh chinh", Segmented())
    assert [g.sense for g in negated.groups] == [True, False, False]
    assert negated.matter_first([500, 0, 400], 1000, matter, ())


class Indexed(Vocabulary):
    """An index holding the words of the genre's commonest phrases, as its segmenter joined them."""

    def known_words(self, spans: object) -> set[str]:
        return {"ton tai", "thuc hien", "dich vu", "truc tuyen", "han che", "cong tac", "chi dao",
                "dieu hanh"}


def test_a_light_word_of_several_syllables_typed_without_accents_is_still_light() -> None:
    """"[optional]" entries count only with their accents, for a lone syllable's sake ("cap":
    cấp, cặp); a word of several has one reading folded, so "thuc hien" is the light verb and
    "cong tac" the filler noun, ranked and not required, as typed with accents."""
    for folded, accented in [("ton tai trong thuc hien dich vu cong truc tuyen",
                              "tồn tại trong thực hiện dịch vụ công trực tuyến"),
                             ("han che trong cong tac chi dao dieu hanh",
                              "hạn chế trong công tác chỉ đạo điều hành")]:
        plan, typed = plan_query(folded, Indexed()), plan_query(accented, Indexed())
        assert [g.alternatives[0].folded for g in plan.groups] == [
            g.alternatives[0].folded for g in typed.groups]
        assert [a.folded for a in plan.optional] == [a.folded for a in typed.optional]
        assert plan.polarity == typed.polarity == "shortcoming"
    assert groups("cong tac", Indexed()) == [["cong tac"]]  # alone it is the topic, as typed with accents


def test_a_folded_light_word_counts_by_its_reading_not_its_spelling() -> None:
    lexicon = compile_lexicon(["công tác [optional]"], [], ["công tác", "công tắc"])
    assert [a.syllables for a in analyse(parse("cong tac ho so"), lexicon).optional] == [("cong", "tac")]
    # the accents typed tell the other word (công tắc, a switch): a word of the topic, required
    plan = analyse(parse("cong tắc ho so"), lexicon)
    assert not plan.optional and plan.groups[0].alternatives[0].syllables == ("cong", "tắc")


class Portal(Vocabulary):
    """An index holding "tiếp nhận", "dịch vụ", "hồ sơ" as words, but not "số hoá"."""

    def known_words(self, spans: object) -> set[str]:
        return {"tiep nhan", "dich vu", "ho so", "truc tuyen"}


def test_a_folded_run_is_cut_by_the_dictionary_where_the_index_leaves_a_gap() -> None:
    """Typed without accents, a word the index lacks is cut by its clear reading ("so hoa":
    số hoá, not "so" and "hoa"), as it is with accents; the index's words win where they cut
    as well: "tiep nhan | qua" (not the dictionary's nhân quả), "ho so | dich vu | cong" (not
    "vũ công"); a synonym member is one group ("cong dich vu cong": the portal, synonyms.toml)."""
    assert groups("so hoa ho so", Portal())[:2] == [["so hoa"], ["ho so"]]
    assert groups("so hoa ho so", Portal()) == [[" ".join(fold(s) for s in g[0].split())]
                                                 for g in groups("số hoá hồ sơ", Portal())]
    cut = groups("ho so truc tuyen cham tiep nhan qua 8 gio", Portal())
    assert ["qua"] in cut and cut[2][0] == "cham tiep nhan"  # a member: the late receipt (synonyms.toml)
    assert groups("ho so dich vu cong", Portal()) == [["ho so"], ["dich vu"], ["cong"]]
    assert groups("cong dich vu cong", Portal())[0][:2] == ["cong dich vu cong", "cong dvc"]


class _Places(Vocabulary):
    def known_units(self, spans: object) -> set[str]:
        return {"binh dinh", "huyen chau thanh", "chau thanh", "gia lai"}


def test_an_agency_typed_is_one_group_about_it_by_its_key_and_its_names() -> None:
    """core/agencies.py: "Sở TN&MT" is the department (the joined abbreviation read with its head),
    the group matching the findings filed under it or naming it any way the genre writes it."""
    plan = plan_query("Sở TN&MT Bình Định bộ máy lãnh đạo", _Places())
    agency, place = plan.groups[0], plan.groups[1]
    assert agency.agency and agency.unit == "so tai nguyen va moi truong"
    written = {" ".join(a.syllables) for a in agency.alternatives}
    assert {"sở tn mt", "sở tài nguyên và môi trường", "sở tnmt"} <= written
    assert place.unit == "binh dinh" and not place.agency
    unaccented = plan_query("so tai chinh gia lai ho so qua han", _Places()).groups[0]
    assert unaccented.agency and unaccented.unit == "so tai chinh"


def test_the_one_stop_centre_after_a_setting_preposition_is_where_the_topic_is_asked_about() -> None:
    """intents.toml [setting] agencies: after the topic, "tại/ở" + the one-stop centre ("trung tâm
    phục vụ hành chính công", every commune has one) says where the topic is asked about, as "ở bộ
    phận một cửa" does: ranked, not required, and no place the pool is ordered by
    (pipeline.search.engine_pool); the unit typed stays the place. Typed first, or with no
    preposition, the centre is still asked for, and a department or office is wherever it stands."""
    plan = plan_query("Hà Giang tiện ích cho người dân tại trung tâm hành chính công", _Places())
    assert not any(g.agency for g in plan.groups)
    assert ("trung", "tâm", "hành", "chính", "công") in {a.syllables for a in plan.optional}
    asked = plan_query("công dân có hài lòng khi làm thủ tục ở trung tâm phục vụ hành chính công không",
                       _Places())
    assert not any(g.agency for g in asked.groups)
    assert [g.alternatives[0].syllables for g in asked.groups] == [("công", "dân"), ("hài", "lòng")]
    alone = plan_query("trung tâm phục vụ hành chính công", _Places())
    assert alone.groups[0].agency
    typed = plan_query("Gia Lai trung tâm hành chính công hồ sơ quá hạn", _Places())
    assert any(g.agency for g in typed.groups)
    department = plan_query("Sở Tài chính Gia Lai hồ sơ quá hạn", _Places())
    assert department.groups[0].agency
    # A department is the body asked for wherever it stands: its findings are its own.
    at_department = plan_query("hồ sơ quá hạn tại Sở Tài nguyên và Môi trường", _Places())
    assert [g.unit for g in at_department.groups if g.agency] == ["so tai nguyen va moi truong"]
    asked_of = plan_query("hồ sơ có bị trả lại khi nộp ở Phòng Nội vụ không", _Places())
    assert any(g.agency for g in asked_of.groups)


def test_the_inspecting_body_typed_is_no_body_asked_about() -> None:
    """core/inspectors.py: "do Sở Nội vụ kiểm tra", "kiểm tra của Sở Nội vụ" name the inspector,
    whose findings are about the units it inspected: its name orders the pool, filters nothing (the
    attribution files no finding under the inspector it names). A department asked of stays one."""
    for text in ("tồn tại do Sở Nội vụ kiểm tra chỉ ra", "ton tai do so noi vu kiem tra chi ra",
                 "kết quả kiểm tra của Sở Nội vụ"):
        plan = plan_query(text, _Places())
        assert not any(g.agency for g in plan.groups), text
        assert {("sở", "nội", "vụ"), ("so", "noi", "vu")} & {a.syllables for a in plan.optional}, text
    assert plan_query("Sở Nội vụ hồ sơ trễ hạn", _Places()).groups[0].agency
    assert any(g.agency for g in plan_query("hồ sơ trễ hạn do Sở Tài chính thẩm định chậm", _Places()).groups)


def test_a_setting_agency_must_be_an_agency_of_the_table() -> None:
    """intents.toml [setting] agencies names agencies by their canonical names: a name the table
    does not hold would never match, so the rule would be off in silence."""
    lexicon = compile_lexicon([], [], setting={"agencies": ["Trung tâm Phục vụ hành chính công"]})
    assert lexicon.setting_agencies == {"Trung tâm Phục vụ hành chính công"}
    assert load_lexicon().setting_agencies == lexicon.setting_agencies
    with pytest.raises(ConfigError, match="Trung tâm hành chính công"):
        compile_lexicon([], [], setting={"agencies": ["Trung tâm hành chính công"]})


def test_a_committee_before_a_unit_is_the_unit_and_a_facility_is_no_agency() -> None:
    plan = plan_query("UBND huyện Châu Thành phần mềm", _Places())
    assert plan.groups[0].unit == "huyen chau thanh" and "ubnd" in plan.dropped
    assert groups("UBND xã chưa niêm yết")[0][0] == "ubnd"  # no unit after it: a word of the query
    assert not any(g.agency for g in plan_query("cơ sở y tế", _Places()).groups)
    assert not any(g.agency for g in plan_query("phòng làm việc", _Places()).groups)


def test_a_cue_with_after_words_counts_only_after_them() -> None:
    """intents.toml `after`: "hay" is "good" after a noun of method, the conjunction elsewhere; the
    noun stays a word of its own."""
    lexicon = compile_lexicon(["hay"], [], intents=[
        {"polarity": "strength", "terms": ["hay"], "after": ["mô hình", "cách làm"]}])
    headed = analyse(parse("mô hình hay ở xã"), lexicon, {"mo hinh"})
    assert headed.polarity == "strength"
    assert [g.alternatives[0].syllables for g in headed.groups][:1] == [("mô", "hình")]
    assert analyse(parse("ưu điểm hay khuyết điểm"), lexicon).polarity is None
    assert analyse(parse("hay mô hình"), lexicon).polarity is None  # before the noun: no judgement


def test_a_cue_with_objects_counts_only_before_them_and_the_word_keeps_its_cue_elsewhere() -> None:
    """intents.toml `objects`: a request whose object is the public is the act forbidden (a
    failing), the same verb before a body the recommendation; the object stays a word of its own."""
    lexicon = compile_lexicon([], [], intents=[
        {"polarity": "recommendation", "terms": ["yêu cầu"]},
        {"polarity": "shortcoming", "terms": ["yêu cầu", "bắt"], "objects": ["người dân", "dân"]}])
    act = analyse(parse("yêu cầu người dân nộp bản sao"), lexicon, {"nguoi dan", "ban sao"})
    assert act.polarity == "shortcoming" and not act.polarity_group  # the act, no section asked
    assert [g.alternatives[0].syllables for g in act.groups][:1] == [("người", "dân")]
    assert [a.syllables for a in act.optional] == [("yêu", "cầu")]
    assert analyse(parse("bat dan cho doi"), lexicon).polarity == "shortcoming"  # folded alike
    order = analyse(parse("yêu cầu xã niêm yết thủ tục"), lexicon, {"niem yet", "thu tuc"})
    assert (order.polarity, order.polarity_group) == ("recommendation", True)
    assert analyse(parse("bắt buộc nộp"), lexicon, {"bat buoc"}).polarity is None  # a word of its own
    assert analyse(parse("dân yêu cầu"), lexicon).polarity == "recommendation"  # no object after it


def test_an_object_opening_a_longer_word_is_no_object() -> None:
    """The object ends where the query's cut ends a word: "dân" of "dân chủ" (democracy) is no
    public asked of, so "yêu cầu" there is the recommendations' verb; "dân" before the verb
    that follows it is."""
    lexicon = compile_lexicon([], [], dictionary_lines=["dân chủ", "bản sao"], intents=[
        {"polarity": "recommendation", "terms": ["yêu cầu"]},
        {"polarity": "shortcoming", "terms": ["yêu cầu", "bắt"], "objects": ["người dân", "dân"]}])
    assert analyse(parse("yêu cầu dân chủ ở cơ sở"), lexicon).polarity == "recommendation"
    assert analyse(parse("bắt dân chủ"), lexicon).polarity is None
    assert analyse(parse("yêu cầu dân nộp bản sao"), lexicon).polarity == "shortcoming"


def test_a_phrase_making_the_word_another_holds_for_every_table_of_the_word() -> None:
    """`unlike` says where a spelling is another word (the noun "yêu cầu", the citizen's request,
    after "theo"): no table reads the cue there, the one needing an object neither."""
    lexicon = compile_lexicon([], [], intents=[
        {"polarity": "recommendation", "terms": ["yêu cầu"], "unlike": ["theo yêu cầu"]},
        {"polarity": "shortcoming", "terms": ["yêu cầu"], "objects": ["người dân"]}])
    assert analyse(parse("theo yêu cầu người dân"), lexicon).polarity is None
    assert analyse(parse("yêu cầu người dân nộp"), lexicon).polarity == "shortcoming"


def test_a_word_sharing_only_its_last_syllable_with_a_member_is_cut_by_the_fewest_lone_syllables() -> None:
    """The overlap ambiguity: "đón tiếp công dân" is đón tiếp | công dân (welcoming citizens), not
    đón | tiếp công dân (the reception function), since the member's rest is a word of its own;
    where it is none ("xã hội đồng nhân dân": "đồng nhân dân"), the member stays whole."""
    lexicon = compile_lexicon([], [["tiếp công dân", "tiếp dân"], ["hội đồng nhân dân", "HĐND"]],
                              dictionary_lines=["đón tiếp", "công dân", "xã hội", "hội đồng", "lịch sử"])

    def cut(text: str) -> list[tuple[str, ...]]:
        return [g.alternatives[0].syllables for g in analyse(parse(text), lexicon).groups]

    assert cut("đón tiếp công dân") == [("đón", "tiếp"), ("công", "dân")]
    assert cut("lịch tiếp công dân") == [("lịch",), ("tiếp", "công", "dân")]  # no word "lịch tiếp"
    assert cut("xã hội đồng nhân dân") == [("xã",), ("hội", "đồng", "nhân", "dân")]


def test_a_cue_only_in_questions_names_its_polarity_in_a_question_only() -> None:
    """intents.toml `only_in_questions`: the passive "bị" asks about a failing in a question; in a
    topic it names the matter, and is dropped either way."""
    lexicon = compile_lexicon(["vì sao"], [], intents=[
        {"polarity": "shortcoming", "kept": False, "only_in_questions": True, "terms": ["bị"]}],
        reading={"questions": ["vì sao"]})
    asked = analyse(parse("vì sao hồ sơ bị trả lại"), lexicon)
    topic = analyse(parse("hồ sơ bị trả lại"), lexicon)
    assert (asked.polarity, topic.polarity) == ("shortcoming", None)
    assert "bị" in topic.dropped and "bị" in asked.dropped


@pytest.mark.parametrize(("text", "polarity", "section"), [
    # a fall of rank or score, and the bottom of the table, are reported among the shortcomings
    ("tụt hạng, giảm điểm chỉ số CCHC", "shortcoming", True),
    ("Phan Thiết chỉ số CCHC tụt hạng", "shortcoming", True),
    ("chất lượng giải quyết hồ sơ giảm sút", "shortcoming", True),
    ("huyện nào xếp cuối bảng chỉ số CCHC", "shortcoming", False),  # a question: the matter's
    # a rise, the first places and praise among the strengths
    ("huyện nào dẫn đầu chỉ số CCHC", "strength", False),
    ("PAR index đứng đầu tỉnh", "strength", True),
    ("chỉ số CCHC tăng 3 bậc", None, False),  # the number between: no cue of "tăng bậc"
    ("trách nhiệm người đứng đầu", None, False),  # the head of a body, no rank
    ("giảm hồ sơ trễ hạn", None, False),  # bare "giảm": a goal, no fall
    # a judgement after a noun of method asks for the strengths; the noun stays required
    ("mô hình hay tại trung tâm phục vụ hành chính công", "strength", True),
    ("cách làm hiệu quả trong chuyển đổi số", "strength", True),
    ("nâng cao hiệu quả giải quyết hồ sơ", None, False),  # "hiệu quả" after no such noun
    ("ưu điểm hay hạn chế của bộ phận một cửa", None, False),  # "hay": or
    ("mô hình mới chỉ dừng ở thí điểm", None, False),  # "mới chỉ": only just, no judgement
    ("tạo việc làm mới cho lao động", None, False),  # "việc làm": employment, no noun of method
    # the low or high end judged right after a measure of merit: its direction is fixed
    ("chỉ số CCHC thấp nhất tỉnh", "shortcoming", True),
    ("mức độ hài lòng thấp", "shortcoming", True),
    ("huyện nào có chỉ số CCHC thấp nhất", "shortcoming", False),  # a question: the matter's
    ("điểm SIPAS cao nhất khu vực", "strength", True),
    ("tỷ lệ hồ sơ trễ hạn thấp", None, False),  # a rate of failings: low is no shortcoming
    ("nhà tạm, tường rào thấp", None, False),  # after no measure: a height
    ("nâng cao chỉ số CCHC", None, False),  # "cao" of the verb, before the measure
    # the passive names the polarity in a question only
    ("hồ sơ bị trả lại, bổ sung giấy tờ", None, False),
    ("ho so bi tra lai", None, False),
    ("vì sao hồ sơ bị trả lại", "shortcoming", False),
    # an act done wrong ("sai") is the failing "không đúng" says; not the remedy nor the longer cues
    ("đơn vị nào niêm yết sai địa chỉ tiếp nhận phản ánh kiến nghị?", "shortcoming", False),
    ("xa thu quy sai quy dinh", "shortcoming", False),
    ("tuyển dụng sai tiêu chuẩn", "shortcoming", False),
    ("tài sản công sử dụng sai mục đích", None, False),  # a topic: the breach in both senses
    ("sửa sai kịp thời", None, False),
    # a state failing in itself: the premises "xuống cấp", a machine "trục trặc", a line "chập chờn"
    ("CNTT ở xã mạng chập chờn", "shortcoming", False),
    ("duong truyen internet chap chon", "shortcoming", False),
    ("Gia Lai trụ sở xã xuống cấp hạ tầng CNTT", "shortcoming", False),
    ("trụ sở dột nát", "shortcoming", False),  # the set's other wording
    ("máy lấy số hư hỏng", "shortcoming", False),
    ("khắc phục tình trạng trụ sở xuống cấp", "recommendation", False),  # repaired: the goal
    # a procedure cumbersome in itself (read39), in the reports' word and the staff's
    ("Vị Xuyên thủ tục rườm rà", "shortcoming", False),
    ("thủ tục hành dân, đi lại nhiều lần", "shortcoming", False),
    ("cắt giảm thủ tục rườm rà", None, False),  # cut: the goal, "thủ tục" between verb and state
    # a dossier settled early is praise in itself (read39); the staff's devotion is left to the matter
    ("giải quyết hồ sơ trước hạn", "strength", False),
    ("ty le ho so dung han, truoc han", "strength", False),
    ("CBCC phục vụ dân tận tình", None, False),
])
def test_evaluative_words_of_the_genre_name_the_polarity(text: str, polarity: str | None,
                                                         section: bool) -> None:
    plan = plan_query(text)
    assert (plan.polarity, plan.section) == (polarity, section)


def test_a_wrong_act_keeps_its_word_required() -> None:
    """"sai" prefers the shortcomings and stays an ordinary word of the topic, not the query's sense."""
    plan = plan_query("niêm yết sai địa chỉ tiếp nhận phản ánh")
    sai = [g for g in plan.groups if g.alternatives[0].syllables == ("sai",)]
    assert plan.polarity == "shortcoming" and len(sai) == 1 and not sai[0].sense


def test_a_failing_state_keeps_its_words_required_with_their_set() -> None:
    """"chập chờn" prefers the shortcomings, stays an ordinary word of the topic with its set, and its
    members holding a negation ("không ổn định") are still read by the negation's table."""
    plan = plan_query("đường truyền mạng chập chờn")
    state = [g for g in plan.groups if ("chập", "chờn") in {a.syllables for a in g.alternatives}]
    assert plan.polarity == "shortcoming" and len(state) == 1 and not state[0].sense
    assert ("không", "ổn", "định") in {a.syllables for a in state[0].alternatives}


def test_a_judged_noun_of_method_stays_the_matter() -> None:
    plan = plan_query("mô hình hay tại trung tâm phục vụ hành chính công")
    assert [" ".join(g.alternatives[0].syllables) for g in plan.groups][:1] == ["mô hình"]
    assert ("hay",) in {a.syllables for a in plan.optional}


def test_a_question_of_consequence_keeps_its_matter_required() -> None:
    """"X thì ảnh hưởng gì" asks what X led to: X is the matter (required), "ảnh hưởng gì" the
    question's frame, and the findings saying an effect ("ảnh hưởng đến", "dẫn đến") rank first."""
    plan = plan_query("công chức phải kiêm nhiệm, thiếu người thì ảnh hưởng gì?")
    required = {" ".join(g.alternatives[0].syllables) for g in plan.groups}
    assert {"kiêm nhiệm", "thiếu người"} <= required and not {"ảnh hưởng", "ảnh"} & required
    assert {("ảnh", "hưởng", "đến"), ("dẫn", "đến")} <= {a.syllables for a in plan.answer}
    assert plan.question and plan.polarity == "shortcoming"
    assert plan_query("hạ tầng kém ảnh hưởng đến hiệu quả").answer == ()  # no question: the matter


def test_within_finds_the_span_at_any_place_of_a_phrase() -> None:
    """`within`: a span lies inside a phrase wherever the phrase starts (its first, middle or last
    syllables), under the matching rule (a folded syllable matches every form, an accented one
    itself), not across a clause mark, and not when the phrase runs past the text's ends."""
    text = ("đoàn", "yêu", "cầu", "làm", "rõ", "nguyên", "nhân", "chậm")
    request = [("làm", "rõ", "nguyên", "nhân")]
    assert within(text, 5, 2, request)  # the phrase's last two syllables
    assert within(text, 3, 2, request)  # its first two
    assert within(text, 4, 1, request)  # one in the middle
    assert not within(text, 5, 2, [("làm", "sáng", "tỏ", "nguyên", "nhân")])
    assert within(("lam", "ro", "nguyen", "nhan"), 2, 2, request)  # typed without accents
    assert not within(("làm", "rõ", "nguyễn", "nhân"), 2, 2, request)  # another accented word
    assert not within(text, 5, 2, request, breaks={5})  # "làm rõ, nguyên nhân …"
    assert not within(text, 7, 1, [("chậm", "trễ")])  # the phrase would run past the text's end
    assert not within(text, 8, 1, request)  # no syllable there
