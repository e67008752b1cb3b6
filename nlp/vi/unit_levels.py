"""Words that name the level of a Vietnamese administrative unit, and the genre's role cues.

Why a data module: the unit finder should read as an algorithm; the vocabulary it relies on
(the words that end a proper name, the verbs and prepositions that say who inspected whom;
level words and abbreviations are in core/levels.py) changes with the corpus and lives here.
All patterns are matched against `core.normalize.fold` output (lowercase, no diacritics, same
length as the text), so "Thị trấn", "THỊ TRẤN" and "thị trấn" are one pattern.
"""

from __future__ import annotations

import re

# Level words, their abbreviations and tiers live in the one table, core/levels.py.

# Capitalised words that never belong to a unit's name: titles, bodies and sentence openers
# of the genre. A name run stops before them ("huyện Thới Bình Đoàn kiểm tra ...").
# The gazetteer overrides this list when it knows the longer name ("Hải Phòng", "Đoàn Kết").
NAME_STOP_WORDS = frozenset({
    "UBND", "HĐND", "MTTQ", "Ủy", "Uỷ", "Đảng", "Đoàn", "Sở", "Phòng", "Chủ", "Phó", "Trưởng",
    "Tổ", "Ban", "Trạm", "Đài", "Chi", "Bộ", "Trường", "Bệnh", "Công", "Huyện", "Tỉnh", "Xã",
    "Phường", "Quận", "Theo", "Tại", "Trong", "Ngày", "Năm", "Tháng", "Qua", "Sau", "Khi", "Với",
    "Cùng", "Ông", "Bà", "Anh", "Chị", "Đồng", "Nhiều", "Các", "Những",
})

MAX_NAME_SYLLABLES = 5

# Words between a plural/counted announcement and its level word: "các xã", "08 xã",
# "3 xã", "các xã, thị trấn". Folded.
PLURAL_MARKERS = re.compile(r"(?:\bcac|\bnhung|\b\d+|\bmot so)\s+$")

# --------------------------------------------------------------------------- role cues
# Matched (folded) in the text just BEFORE a unit mention: the last cue wins. "kiểm tra" in a
# team's name ("Tổ kiểm tra công vụ huyện X") names the inspector, not what it inspected.
INSPECTED_BEFORE = re.compile(
    r"\b(?:tai|o|lam viec voi|lam viec tai|den|den voi|(?<!doan )(?<!to )kiem tra(?: dot xuat| cong vu| thuc te)?"
    r"|giam sat|duoc kiem tra|doi voi)\s+(?:(?:tru so|bo phan mot cua cua|ubnd|hdnd|dang uy"
    r"|cac|\d+|mot so)\s+|[-–,:(]\s*)*$"
)
INSPECTOR_BEFORE = re.compile(
    r"\b(?:doan kiem tra|to kiem tra|doan cong tac|to cong tac|ban chi dao|doan giam sat)\b"
    r"[^.;:\n]{0,60}$"
)
# Matched (folded) in the text just AFTER a unit mention: the unit is the subject of an
# inspection verb ("UBND huyện X thực hiện kiểm tra ..."), unless passive or temporal; a
# comma ends the subject ("X cho biết, Tổ công tác kiểm tra", "... của xã X, kiểm tra việc").
INSPECTOR_AFTER = re.compile(
    r"^[^.;:,\n]{0,30}?\b(?:thuc hien|tien hanh|to chuc|da|vua|do)?\s*(?:kiem tra|thanh lap doan)"
)
NOT_INSPECTOR_AFTER = re.compile(r"^[^.;:\n]{0,30}?\b(?:khi|duoc|bi|trong|dot)\s+kiem tra")
# "kiểm tra công tác CCHC xã Y": the object of the verb, however far in its clause; the
# inspection team's own name ("Đoàn kiểm tra", "Tổ công tác kiểm tra") is not the verb.
INSPECTED_OBJECT = re.compile(r"(?<!doan )(?<!to )(?<!tac )\bkiem tra\b[^.;:\n]{0,80}$")
# "... đã kiểm tra: A; B; UBND xã C": a mention inside the list after the colon.
INSPECTED_LIST = re.compile(r"\b(?:kiem tra|giam sat|lam viec)\b[^.:\n]{0,40}:[^.\n]*$")
INSPECTED_AFTER = re.compile(r"^[^.;\n]{0,20}?\bduoc kiem tra\b")
