import unicodedata

import pytest

from core.normalize import canonical_tones, fold, match_key, nfc, nfc_with_offsets

HOSTILE = [
    "",
    "\n\n",
    unicodedata.normalize("NFD", "Đoàn kiểm tra làm việc tại xã Thuận Hòa"),
    "Quyết định số 139/QĐ-UBND ngày 20/01/2020",
    "ß İ ﬁ 😀 \u200b tab\tend",
    "TCVN3 residue: Qu¶n lý hå s¬",
]


@pytest.mark.parametrize(
    ("old", "new"),
    [("hòa", "hoà"), ("Hòa", "Hoà"), ("thủy", "thuỷ"), ("khỏe", "khoẻ"), ("hoàn", "hoàn"),
     ("quý", "quý"), ("giữa", "giữa"), ("người", "người"), ("Thuận Hòa", "Thuận Hoà"),
     ("chữ ký số", "chữ ký số"), ("thuở", "thuở"), ("ngoài", "ngoài")],
)
def test_canonical_tones_puts_marks_where_the_modern_rule_does(old: str, new: str) -> None:
    assert canonical_tones(old) == new
    assert canonical_tones(new) == new


def test_fold_removes_tones_shapes_and_d_stroke() -> None:
    assert fold("Đoàn kiểm tra phiếu hẹn") == "doan kiem tra phieu hen"
    assert fold("CHỮ KÝ SỐ") == "chu ky so"
    assert fold(unicodedata.normalize("NFD", "Đường")) == "duong"


def test_match_key_equates_tone_placement_and_case() -> None:
    assert match_key("Hiệp Hòa") == match_key("hiệp  hoà")
    assert match_key("Hiệp Hòa") != match_key("Hiệp Hóa")


@pytest.mark.parametrize("text", HOSTILE)
def test_length_preserved_so_offsets_carry_over(text: str) -> None:
    composed = nfc(text)
    assert len(fold(composed)) == len(composed)
    assert len(canonical_tones(composed)) == len(composed)


def test_nfc_with_offsets_maps_back_to_nfd_source() -> None:
    source = unicodedata.normalize("NFD", "phiếu hẹn")
    composed, origin = nfc_with_offsets(source)
    assert composed == "phiếu hẹn"
    start = composed.index("hẹn")
    assert nfc(source[origin[start]:]) == "hẹn"
    assert len(origin) == len(composed)


def test_lower_same_length_keeps_offsets_even_for_longer_lower_cases() -> None:
    from core.normalize import lower_same_length

    assert lower_same_length("Đoàn KIỂM TRA") == "đoàn kiểm tra"
    assert lower_same_length("İstanbul ĐẮK") == "İstanbul đắk"
    for text in HOSTILE:
        assert len(lower_same_length(nfc(text))) == len(nfc(text))


def test_matching_form_is_lower_case_with_canonical_tones_and_the_same_length() -> None:
    from core.normalize import matching_form

    assert matching_form("Thủ tục HÀNH CHÍNH ở xã Hoà Bình") == "thủ tục hành chính ở xã hoà bình"
    assert matching_form("Xã Hòa Bình") == matching_form("xã Hoà Bình")
    for text in HOSTILE:
        assert len(matching_form(nfc(text))) == len(nfc(text))


@pytest.mark.parametrize("text", [*HOSTILE, "Tỷ lệ 1,58% (v.v.), mã c_d, x\u00b2 + \ue000 a\u0301"])
def test_words_apart_keeps_the_length_and_cuts_words_where_fts5_does(text: str) -> None:
    import sqlite3

    from core.normalize import words_apart

    spaced = words_apart(text)
    assert len(spaced) == len(text)
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 0')")
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    conn.execute("INSERT INTO t (x) VALUES (?)", (text,))
    fts5 = [term.casefold() for (term,) in conn.execute("SELECT term FROM v ORDER BY offset")]
    assert [w.casefold() for w in spaced.split()] == fts5


def test_words_apart_turns_separators_into_spaces() -> None:
    from core.normalize import words_apart

    assert words_apart("trễ hạn: 1,58%; v.v") == "trễ hạn  1 58   v v"
    assert words_apart("c_d a\u0301") == "c d a\u0301"
