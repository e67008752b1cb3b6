"""The one table of administrative levels: lookups in any case, patterns built from it."""

from __future__ import annotations

import re

import pytest

from core.levels import (
    ADMIN_LEVELS,
    COMMUNE_LEVELS,
    DISTRICT_LEVELS,
    LEVELS,
    NUMBERED_LEVELS,
    PROVINCE_LEVELS,
    Level,
    abbreviations_pattern,
    level_of_abbreviation,
    level_of_word,
    rank_of,
    split_level,
    words_pattern,
)
from nlp.units import find_units


@pytest.mark.parametrize(("word", "level"), [
    ("TP", Level.THANH_PHO), ("Tp", Level.THANH_PHO), ("tp", Level.THANH_PHO), ("tp.", Level.THANH_PHO),
    ("TX", Level.THI_XA), ("tx", Level.THI_XA),
    ("thị trấn", Level.THI_TRAN), ("Thị Trấn", Level.THI_TRAN), ("THỊ TRẤN", Level.THI_TRAN),
    ("thi tran", Level.THI_TRAN), ("đặc khu", Level.DAC_KHU), ("xã", Level.XA), ("Cơ quan", Level.CO_QUAN),
])
def test_level_words_and_abbreviations_in_any_case(word: str, level: Level) -> None:
    assert level_of_word(word) == level


@pytest.mark.parametrize("word", ["", "ubnd", "thị", "tpx", "Hà Nội"])
def test_other_words_name_no_level(word: str) -> None:
    assert level_of_word(word) is None


def test_every_level_has_one_row_and_the_tiers_follow_the_table() -> None:
    assert [row.level for row in LEVELS] == list(Level)
    assert {Level.TINH, Level.THANH_PHO} == PROVINCE_LEVELS
    assert {Level.HUYEN, Level.QUAN, Level.THI_XA, Level.THANH_PHO} == DISTRICT_LEVELS
    assert {Level.XA, Level.PHUONG, Level.THI_TRAN, Level.DAC_KHU} == COMMUNE_LEVELS
    assert {Level.PHUONG, Level.QUAN, Level.XA, Level.THI_TRAN} == NUMBERED_LEVELS
    assert Level.CO_QUAN not in ADMIN_LEVELS and rank_of("cơ quan") is None
    assert [rank_of(w) for w in ("tỉnh", "Huyện", "thị trấn")] == [0, 1, 2]


def test_patterns_match_longest_level_word_first() -> None:
    full = re.compile(rf"(?:{words_pattern()})(?!\w)", re.IGNORECASE)
    assert [m.group() for m in map(full.match, ("thị trấn Cam Lộ", "Thị xã Ba Đồn")) if m] == [
        "thị trấn",
        "Thị xã",
    ]
    abbr = re.compile(rf"(?:{abbreviations_pattern()})\.", re.IGNORECASE)
    assert [m.group() for m in abbr.finditer("TP. Huế, tp. Đông Hà, Tx. Quảng Trị")] == ["TP.", "tp.", "Tx."]


def test_split_level_in_any_case_and_only_at_a_word_boundary() -> None:
    assert split_level("thị xã Ba Đồn") == (Level.THI_XA, "Ba Đồn")
    assert split_level("Thị trấn Cam Lộ") == (Level.THI_TRAN, "Cam Lộ")
    assert split_level("cơ quan Sở Nội vụ") == (Level.CO_QUAN, "Sở Nội vụ")
    assert split_level("cơ quan Sở Nội vụ", ADMIN_LEVELS) == (None, "cơ quan Sở Nội vụ")
    assert split_level("xãX") == (None, "xãX")


def test_lower_case_abbreviation_in_a_scan_is_a_level_not_a_crash() -> None:
    # A real OCR'd scan had "tp." in lower case: the unit finder raised KeyError 'tp'.
    found = {
        (m.unit.level, m.unit.name)
        for m in find_units("Đoàn kiểm tra làm việc tại tp. Đông Hà và tx. Quảng Trị.")
    }
    assert found == {("thành phố", "Đông Hà"), ("thị xã", "Quảng Trị")}



def test_level_of_abbreviation_reads_only_abbreviations() -> None:
    assert level_of_abbreviation("Tp.") is Level.THANH_PHO and level_of_abbreviation("tx") is Level.THI_XA
    assert level_of_abbreviation("xã") is None and level_of_abbreviation("tt") is None
