"""Shorthand staff type for a word, read as the word (index/shorthand.py, index/vi/shorthand.toml)."""

from __future__ import annotations

import pytest

from index.initials import is_syllable
from index.query import plan_query
from index.shorthand import ShorthandError, compile_shorthand, load_shorthand

TABLE = [{"typed": ["ko", "k0"], "word": "không", "why": "typed on phones"},
         {"typed": ["kq"], "word": "kết quả", "why": "in notes"}]


@pytest.mark.parametrize(("text", "expected"), [
    ("bộ phận 1 cửa ko có người trực", "bộ phận 1 cửa không có người trực"),
    ("KO niêm yết", "không niêm yết"),  # any case
    ("giấy hẹn trả KQ.", "giấy hẹn trả kết quả."),  # before a full stop
    ("(kq) k0", "(kết quả) không"),
    ("TN&TKQ", "TN&TKQ"),  # inside a word joined by "&": no form of its own
    ("12/KQ-UBND", "12/KQ-UBND"),  # a document number
    ("kho koi kqua", "kho koi kqua"),  # a form only as a whole word
])
def test_a_form_is_rewritten_only_where_it_stands_alone(text: str, expected: str) -> None:
    assert compile_shorthand(TABLE).expand(text) == expected


@pytest.mark.parametrize(("entry", "fault"), [
    ({"typed": ["ko"], "word": "không"}, "no `why`"),
    ({"typed": [], "word": "không", "why": "x"}, "non-empty list"),
    ({"typed": ["k o"], "word": "không", "why": "x"}, "one run of letters"),
    ({"typed": ["không"], "word": "không", "why": "x"}, "the word itself"),
    ({"why": "x", "typed": ["ko"]}, "no `word`"),
])
def test_a_malformed_form_is_refused_naming_the_fault(entry: dict[str, object], fault: str) -> None:
    with pytest.raises(ShorthandError, match=fault):
        compile_shorthand([entry])


def test_a_form_is_listed_once() -> None:
    with pytest.raises(ShorthandError, match="listed twice"):
        compile_shorthand([*TABLE, {"typed": ["KO"], "word": "không", "why": "again"}])


def test_the_shipped_table_compiles_and_rewrites_no_vietnamese_word() -> None:
    """Every shipped form is rewritten; none is a word a query might mean as typed: no Vietnamese
    syllable (no vowel a syllable could be built on) and no form of the genre's abbreviations."""
    shorthand = load_shorthand()
    assert {"ko", "hs", "kq"} <= set(shorthand.words)
    assert shorthand.expand("hs ko có kq") == "hồ sơ không có kết quả"
    for form in shorthand.words:
        assert shorthand.expand(form) != form
    # words a query means as typed are left alone
    for word in ("không", "có", "ho", "so", "ke", "UBND", "TTHC", "BPMC", "HĐND"):
        assert shorthand.expand(word) == word


def test_no_shipped_form_is_a_vietnamese_syllable() -> None:
    """The table's rule: a form is rewritten wherever it stands alone, so none may be a syllable a
    query means as typed (typed without accents, "tu" would be tư, từ, tự)."""
    assert is_syllable("tu") and is_syllable("nghieng") and is_syllable("co") and not is_syllable("ko")
    forms = load_shorthand().words
    assert {"ktra", "sdt", "vb"} <= set(forms)
    assert not [form for form in forms if is_syllable(form)]


@pytest.mark.parametrize(("text", "expected"), [
    ("CBCC trực bộ phận 1cửa", "CBCC trực bộ phận 1 cửa"),  # the desk's member is whole again
    ("chính quyền 2cấp", "chính quyền 2 cấp"),
    ("(8giờ)", "(8 giờ)"),
    ("4G", "4G"), ("10h", "10h"), ("24h làm việc", "24h làm việc"), ("5S", "5S"),  # units, codes
    ("Điều 30a", "Điều 30a"),  # one letter: a point of an article
    ("139/QĐ-UBND", "139/QĐ-UBND"), ("x1cửa", "x1cửa"),  # inside a longer token
])
def test_a_number_glued_to_a_syllable_is_set_apart(text: str, expected: str) -> None:
    assert compile_shorthand(TABLE).expand(text) == expected


def test_the_desk_typed_glued_is_the_desks_synonym_set() -> None:
    groups = plan_query("CBCC trực bộ phận 1cửa").groups
    said = [{" ".join(a.syllables) for a in g.alternatives} for g in groups]
    assert any("bpmc" in alternatives for alternatives in said), said


def test_new_shorthand_is_read_as_the_word() -> None:
    """The second pass's forms (ng, hc, gq) are read as the words they shorten."""
    def groups(text: str) -> list[list[str]]:
        return [[" ".join(a.syllables) for a in g.alternatives] for g in plan_query(text).groups]

    assert load_shorthand().expand("ng dân chờ gq hs cải cách hc") == \
        "người dân chờ giải quyết hồ sơ cải cách hành chính"
    assert groups("ng dân chờ gq") == groups("người dân chờ giải quyết")


def test_a_shorthand_of_several_words_plans_as_the_one_word_it_stands_for() -> None:
    """"sđt" is "số điện thoại", one word: never "số" required alone beside "điện thoại" (plan22)."""
    def groups(text: str) -> list[list[str]]:
        return [[" ".join(a.syllables) for a in g.alternatives] for g in plan_query(text).groups]

    said = groups("xã nào chưa niêm yết sđt đường dây nóng")
    assert ["số điện thoại"] in said and ["số"] not in said, said
    assert said == groups("xã nào chưa niêm yết số điện thoại đường dây nóng")


def test_the_words_shorthand_stands_for_are_its_words_of_several_syllables() -> None:
    table = compile_shorthand([*TABLE, {"typed": ["sdt"], "word": "Số điện thoại", "why": "x"}])
    assert table.stands_for == ("kết quả", "số điện thoại")  # lowercase, each once, no lone syllable
    assert "số điện thoại" in load_shorthand().stands_for


# ------------------------------------------------------------------------ bound forms (syn15)
BOUND = [{"typed": ["qđ", "qd"], "word": "quy định", "why": "the rule after a verdict word",
          "after": ["đúng", "trái"], "before": ["hiện hành"]},
         {"typed": ["ct"], "word": "chủ tịch", "why": "the chairman before a body", "after": ["phó"],
          "before": ["ubnd", "ủy ban"]}]


@pytest.mark.parametrize(("text", "expected"), [
    ("thu phí ko đúng qđ", "thu phí không đúng quy định"),  # after the plain forms: "ko" first
    ("thu phi ko dung qd", "thu phi không dung quy định"),  # the context compared without accents
    ("trái QĐ, chưa niêm yết", "trái quy định, chưa niêm yết"),
    ("qđ hiện hành", "quy định hiện hành"),
    ("CT UBND xã chỉ đạo", "chủ tịch UBND xã chỉ đạo"),
    ("phó CT phụ trách", "phó chủ tịch phụ trách"),
    ("ct uy ban huyen", "chủ tịch uy ban huyen"),
])
def test_a_bound_form_is_rewritten_beside_a_word_that_decides_it(text: str, expected: str) -> None:
    assert compile_shorthand(TABLE, BOUND).expand(text) == expected


@pytest.mark.parametrize("text", [
    "qđ", "CT", "ban hành CT", "niêm yết qđ mới",  # alone, or beside a word that decides nothing
    "theo QĐ 139", "đúng qđ số 12", "CT 17 UBND", "CT số 10",  # a document cited by its kind
    "10/CT-UBND", "đúng/qđ",  # joined to a word: a code
    "sử dụng qđ cũ", "CT uỷ quyền",  # a context word's spelling, typed with other marks: another word
])
def test_a_bound_form_stays_as_typed_where_nothing_decides_it(text: str) -> None:
    assert compile_shorthand(TABLE, BOUND).expand(text) == text


def test_a_bound_entry_needs_a_context_and_a_form_of_its_own() -> None:
    with pytest.raises(ShorthandError, match="no context word"):
        compile_shorthand([], [{"typed": ["ct"], "word": "chủ tịch", "why": "x"}])
    with pytest.raises(ShorthandError, match="listed twice"):
        compile_shorthand(TABLE, [{"typed": ["KO"], "word": "không", "why": "x", "after": ["đúng"]}])
    with pytest.raises(ShorthandError, match="list of words"):
        compile_shorthand([], [{"typed": ["ct"], "word": "chủ tịch", "why": "x", "before": "ubnd"}])


def test_a_bound_entry_takes_the_level_words_of_its_tiers_from_the_one_table() -> None:
    """`levels_before` names tiers of core/levels.py: each level word of them and its abbreviations
    decides the form ("thị xã", "TX"), bar `levels_except`; other tiers' words do not."""
    entry = {"typed": ["ct"], "word": "chủ tịch", "why": "the chairman before the level he heads",
             "levels_before": ["district"], "levels_except": ["quận"]}
    shorthand = compile_shorthand([], [entry])
    for text in ("CT huyện", "CT thị xã", "CT TX An Nhơn", "ct thi xa", "CT TP. Huế", "CT thành phố"):
        assert shorthand.expand(text).startswith("chủ tịch "), text
    for text in ("CT quận", "CT xã", "CT tỉnh"):  # excepted; of another tier
        assert shorthand.expand(text) == text


@pytest.mark.parametrize(("entry", "fault"), [
    ({"levels_before": ["commune", "village"]}, "list of tiers"),
    ({"levels_before": "commune"}, "list of tiers"),
    ({"levels_before": ["commune"], "levels_except": ["huyện"]}, "`levels_except`"),  # not a commune
])
def test_bound_levels_are_refused_unless_tiers_of_the_table(entry: dict[str, object], fault: str) -> None:
    with pytest.raises(ShorthandError, match=fault):
        compile_shorthand([], [{"typed": ["cb"], "word": "cán bộ", "why": "x", **entry}])


def test_the_shipped_bound_forms_keep_every_synonym_member_a_member() -> None:
    """A bound form inside a synonym member ("TT PVHCC", "đoàn KT", "CB, CC") is read, rewritten,
    as the same set: the rewrite may never cut a member the genre writes with the form."""
    from index.query import load_lexicon
    from index.shorthand import Shorthand

    shorthand = load_shorthand()
    assert {"qđ", "ct", "kt", "cb"} <= {f for b in shorthand.bound for f in b.forms}
    plain = Shorthand(shorthand.words)
    lexicon = load_lexicon()
    for members in lexicon.synonyms:
        for member in members:
            text = " ".join(member)
            rewritten = shorthand.expand(text)
            if rewritten == plain.expand(text):
                continue
            typed = rewritten.lower().split()
            size, found = lexicon.synonyms_at(typed, 0)
            assert size == len(typed) and found == members, (text, rewritten)
    for form in {f for b in shorthand.bound for f in b.forms}:
        assert not is_syllable(form) and shorthand.expand(form) == form


def test_a_chairman_typed_short_plans_as_typed_in_full() -> None:
    def groups(text: str) -> list[list[str]]:
        return [[" ".join(a.syllables) for a in g.alternatives] for g in plan_query(text).groups]

    assert groups("CT UBND chỉ đạo xử lý hồ sơ") == groups("chủ tịch UBND chỉ đạo xử lý hồ sơ")
    assert groups("thu phí không đúng qđ") == groups("thu phí không đúng quy định")
    assert groups("thu phí không đúng quy định") != groups("thu phí không đúng quyết định")


@pytest.mark.parametrize(("text", "expected"), [
    ("lập biên bản, y/c khắc phục", "lập biên bản, yêu cầu khắc phục"),
    ("Y/C báo cáo", "yêu cầu báo cáo"),
    ("pm 1 cửa ko liên thông", "phần mềm 1 cửa không liên thông"),
    ("12/y/c", "12/y/c"), ("y/cầu", "y/cầu"), ("2pm", "2pm"),  # inside a code, another word, glued
    ("V/v báo cáo", "V/v báo cáo"),  # the letter's subject line is no form
])
def test_slash_shorthand_and_pm_are_read_as_the_word(text: str, expected: str) -> None:
    assert load_shorthand().expand(text) == expected


def test_a_slash_form_joins_two_short_runs_of_letters_only() -> None:
    compile_shorthand([{"typed": ["y/c"], "word": "yêu cầu", "why": "x"}])
    for form in ("y/", "y/c/d", "1/2", "yeu/cau"):
        with pytest.raises(ShorthandError, match="one run of letters"):
            compile_shorthand([{"typed": [form], "word": "yêu cầu", "why": "x"}])


def test_slash_shorthand_plans_as_typed_in_full() -> None:
    def groups(text: str) -> list[list[str]]:
        return [[" ".join(a.syllables) for a in g.alternatives] for g in plan_query(text).groups]

    assert groups("y/c khắc phục hồ sơ trễ hẹn") == groups("yêu cầu khắc phục hồ sơ trễ hẹn")
    assert groups("pm một cửa") == groups("phần mềm một cửa")


@pytest.mark.parametrize("text", [
    "thực hiện theo QĐ phê duyệt",  # a decision followed, no rule
    "quy định của nd mới", "đối với nd kiểm tra",  # the decree, the content
    "tg giải quyết khiếu nại", "tg trả lời khảo sát",  # taking part as much as the time
    "CT quan trọng của tỉnh", "CT tinh giản biên chế",  # unmarked, "quan", "tinh" are other words
    "CT tỉnh", "CT quận",  # so the levels whose words they are decide nothing (`levels_except`)
    "nội dung qđ", "thực hiện đúng QĐ",  # the decision's content, the decision carried out
    "tg cho ý kiến",  # taking part: "cho" is no "chờ"
])
def test_the_shipped_bound_forms_leave_an_undecided_reading_as_typed(text: str) -> None:
    assert load_shorthand().expand(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    ("tg trả kq", "thời gian trả kết quả"),
    ("rút ngắn tg trả kq", "rút ngắn thời gian trả kết quả"),
    ("hướng dẫn cho nd", "hướng dẫn cho người dân"),
    ("thu phí sai qđ", "thu phí sai quy định"),
    ("thu phi ko dung qd", "thu phi không dung quy định"),
    ("CT UBND xã", "chủ tịch UBND xã"),
    ("CT TP Huế", "chủ tịch TP Huế"), ("CT thị xã", "chủ tịch thị xã"),  # core/levels.py's words
    ("CB phường", "cán bộ phường"), ("CC thị trấn", "công chức thị trấn"),  # the commune tier
    ("CT đặc khu", "chủ tịch đặc khu"), ("CB đặc khu", "cán bộ đặc khu"),  # a level the table added
])
def test_the_shipped_bound_forms_read_a_decided_reading(text: str, expected: str) -> None:
    assert load_shorthand().expand(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("sd xe công sai mục đích", "sử dụng xe công sai mục đích"),
    ("SD oto công đi việc riêng", "sử dụng ô tô công đi việc riêng"),
    ("xe ÔTÔ công", "xe ô tô công"),
    ("sdụng", "sdụng"), ("4sd", "4sd"),  # another spelling, glued to a number: as typed
])
def test_sd_and_the_car_written_as_one_word_are_read_as_the_words(text: str, expected: str) -> None:
    assert load_shorthand().expand(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # session 17 (syn17): the skeletons of the genre's commonest words, from the genre not a judged set
    ("cán bộ xã vphạm giờ giấc", "cán bộ xã vi phạm giờ giấc"),
    ("đky khai sinh", "đăng ký khai sinh"), ("dky kinh doanh cho cty", "đăng ký kinh doanh cho công ty"),
    ("thái độ pvụ ngdân", "thái độ phục vụ người dân"), ("hthống một cửa", "hệ thống một cửa"),
    ("tnhận hso trễ", "tiếp nhận hồ sơ trễ"), ("kphục tồn tại", "khắc phục tồn tại"),
    ("ktr công vụ", "kiểm tra công vụ"), ("kqua đgiá", "kết quả đánh giá"),
    ("tgia BHXH", "tham gia BHXH"),
    ("hdẫn ndung", "hướng dẫn nội dung"), ("tnhiệm tchức", "trách nhiệm tổ chức"),
])
def test_the_skeletons_of_common_words_are_read_as_the_words(text: str, expected: str) -> None:
    assert load_shorthand().expand(text) == expected


@pytest.mark.parametrize("text", ["Sở nvụ", "phòng nvu huyện", "cbo TTHC"])
def test_a_skeleton_of_two_words_of_the_genre_is_left_as_typed(text: str) -> None:
    """"nvụ" is nhiệm vụ and nội vụ (Sở Nội vụ, the genre's commonest department) and nghiệp vụ;
    "cbo" is cán bộ and công bố (công bố TTHC): rewritten, either would read the other word."""
    assert load_shorthand().expand(text) == text


PLACES = [{"typed": ["HN"], "word": "Hà Nội", "why": "the capital"},
          {"typed": ["TT Huế", "TT Hue"], "word": "Thừa Thiên Huế", "why": "the province"}]


@pytest.mark.parametrize(("text", "expected"), [
    ("HN ktra công vụ", "Hà Nội ktra công vụ"),
    ("hn", "Hà Nội"),
    ("tt huế bổ nhiệm", "Thừa Thiên Huế bổ nhiệm"),
    ("TT-Huế bổ nhiệm", "Thừa Thiên Huế bổ nhiệm"),  # the reports' own spelling
    ("TT.Huế, TTHuế", "Thừa Thiên Huế, Thừa Thiên Huế"),
    ("tt hue bo nhiem", "Thừa Thiên Huế bo nhiem"),
    ("HNX hnội", "HNX hnội"),  # a form only as a whole word
    ("TT phục vụ", "TT phục vụ"),  # TT before another word: not the province
])
def test_a_place_typed_short_is_rewritten_to_its_name(text: str, expected: str) -> None:
    assert compile_shorthand([], places=PLACES).expand(text) == expected


@pytest.mark.parametrize(("entry", "fault"), [
    ({"typed": ["HN"], "word": "Hà Nội"}, "no `why`"),
    ({"typed": ["H1"], "word": "Hà Nội", "why": "x"}, "runs of letters"),
    ({"typed": ["Hà Nội"], "word": "Hà Nội", "why": "x"}, "the name itself"),
    ({"typed": ["TT Huế", "TTHuế"], "word": "Thừa Thiên Huế", "why": "x"}, "listed twice"),
])
def test_a_malformed_place_is_refused_naming_the_fault(entry: dict[str, object], fault: str) -> None:
    with pytest.raises(ShorthandError, match=fault):
        compile_shorthand([], places=[entry])


@pytest.mark.parametrize(("text", "expected"), [
    ("TX.An Nhơn hồ sơ", "TX. An Nhơn hồ sơ"),
    ("P.Quảng An tiếp dân", "P. Quảng An tiếp dân"),
    ("p.quảng an", "p. quảng an"),
    ("TP.HCM", "TP. Hồ Chí Minh"),  # the level set apart, then the shipped place
    ("Q.1", "Q.1"),  # a number after the dot: left as typed
    ("khs.An", "khs.An"),  # no level's abbreviation
])
def test_a_level_abbreviation_glued_by_its_dot_is_set_apart(text: str, expected: str) -> None:
    assert load_shorthand().expand(text) == expected


def test_the_shipped_places_are_the_provinces_the_reports_abbreviate() -> None:
    shorthand = load_shorthand()
    assert shorthand.expand("HN, tt huế, TT-Huế, TPHCM, BR-VT") == (
        "Hà Nội, Thừa Thiên Huế, Thừa Thiên Huế, Hồ Chí Minh, Bà Rịa Vũng Tàu")
