"""Abbreviated unit names of the genre, written in full as the annotation guide asks.

Why patterns and not a dict of strings: the same abbreviation is written with a hyphen, a
dot, a space or nothing ("TT-Huế", "TT Huế", "TT.Huế"; "TP.HCM", "TP. HCM", "TPHCM"). Each
entry is (regex matched at the name position right after a level word, full name, level the
abbreviation implies when no level word precedes it).
"""

from __future__ import annotations

import re

UNIT_NAME_ABBREVIATIONS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"TT\s?[-.–]?\s?Huế(?!\w)"), "Thừa Thiên Huế", "tỉnh"),
    (re.compile(r"(?:HCM|HCMC|Hồ Chí Minh)(?!\w)"), "Hồ Chí Minh", "thành phố"),
    (re.compile(r"HN(?!\w)"), "Hà Nội", "thành phố"),
    (re.compile(r"BR\s?[-–]\s?VT(?!\w)|BRVT(?!\w)"), "Bà Rịa - Vũng Tàu", "tỉnh"),
)

# Province names the 2025 gazetteer spells differently from documents written before the
# change: the legacy data already calls Thừa Thiên Huế "Huế" (a thành phố since 1/1/2025).
HISTORICAL_PROVINCE_NAMES: dict[str, str] = {"Huế": "Thừa Thiên Huế"}
