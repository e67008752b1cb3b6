"""Words that tell a person's name from a unit's name after a level word.

Why: "Phó Chủ tịch UBND TP Trần Văn Nam" puts a person's name where a unit's name usually
stands, and both are Title Case syllables. Vietnamese personal names open with one of a small
set of family names, while unit names open with one only when they honour a person ("phường
Lê Lợi"), and those the gazetteer knows. A linguist can extend the list; entries are NFC.
"""

from __future__ import annotations

# The common Vietnamese family names (họ), which together cover nearly all of the population.
FAMILY_NAMES: frozenset[str] = frozenset({
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Đào", "Đoàn", "Vương", "Trịnh", "Trương", "Đinh", "Lâm", "Phùng",
    "Mai", "Tô", "Hà", "Tạ", "Lương", "Lưu", "Cao", "Quách", "Chu", "Thái", "Kiều", "Văn", "Tăng",
})

# A person's full name has at least this many syllables (family, middle, given name).
MIN_PERSON_SYLLABLES = 3
