"""The syllable inventory compiled from core/syllables.toml, and the syllable test."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.syllables import compile_inventory, inventory, is_syllable, split_tone


def test_compiler_combines_onsets_and_rhymes_under_the_spelling_rules() -> None:
    data: dict[str, object] = {
        "onsets": ["", "c", "k", "gi"], "rhymes": ["a", "e", "ac", "iêng"], "stop_codas": ["c"],
        "never_before": {"c": ["e", "i"], "k": ["a"], "gi": ["i"]},
        "merged_first_letter": {"gi": ["iêng"]}}
    inv = compile_inventory(data)
    expected = {"a", "e", "ac", "iêng", "ca", "cac", "ke", "kiêng", "gia", "gie", "giac", "giêng"}
    assert set(inv.syllables) == expected
    assert inv.stopped == {"ac", "cac", "giac"}


@pytest.mark.parametrize("word", [
    "cộng", "HÒA", "xã", "Hội", "nghĩa", "Việt", "ngày", "tháng", "năm", "quốc", "quỳnh", "giữa", "giếng",
    "gì", "khuya", "nguyễn", "nghiêng", "kỹ", "lý", "Đà", "Nẵng", "trưởng", "cách", "việc", "hoà", "hòa",
    "thuở", "khuỷu", "người", "được",
])
def test_vietnamese_syllables_pass(word: str) -> None:
    assert is_syllable(word)


@pytest.mark.parametrize("word", [
    # what an English-language OCR makes of "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số", "tháng"
    "Hcok", "HQI", "CHiJ", "VIVT", "S6", "thcing",
    # ASCII-folded: "ie" without its circumflex; stop codas without their tone
    "hien", "viet", "cach", "Thuc", "quyet",
    # spelling rules and English
    "ce", "ka", "ghu", "ngi", "the_", "report", "with", "hành́",
])
def test_mangled_folded_and_foreign_words_fail(word: str) -> None:
    assert not is_syllable(word)


def test_split_tone_separates_the_mark_whatever_the_normal_form() -> None:
    assert split_tone("Việt")[0] == "viêt"
    assert split_tone("hoà") == split_tone("hoa\u0300")
    assert split_tone("nam") == ("nam", None, 0)


VIET74K = Path(str(__import__("underthesea").__file__)).parent / "corpus" / "data" / "Viet74K.txt"


@pytest.mark.skipif(not VIET74K.exists(), reason="underthesea's Viet74K word list is not installed")
def test_the_inventory_covers_the_syllables_of_a_vietnamese_dictionary() -> None:
    """Every syllable of underthesea's 74,000-word dictionary, loanwords (f, j, w, z) aside: the
    inventory must miss at most 2 % (it misses loans like "video", "axit" and proper names)."""
    tokens = [w for line in VIET74K.read_text(encoding="utf-8").splitlines() for w in line.lower().split()
              if re.fullmatch(r"[^\W\d_]{2,}", w) and not re.search("[fjwz]", w)]
    missed = sum(not is_syllable(w) for w in tokens)
    assert len(tokens) > 100_000
    assert missed / len(tokens) <= 0.02


def test_inventory_size_is_what_the_grammar_generates() -> None:
    assert 3_000 <= len(inventory().syllables) <= 5_000
