"""The genre's cues around a unit mention: where its name ends, and who inspected whom.

Why a data module: the unit finder should read as an algorithm; the vocabulary it relies on
(the words that end a proper name, the verbs and prepositions that say who inspected whom;
level words and abbreviations are in core/levels.py) changes with the corpus and lives here.
The role cues are matched against `core.normalize.fold` output (lowercase, no diacritics, same
length as the text), so "Thị trấn", "THỊ TRẤN" and "thị trấn" are one pattern; the plural
quantifiers keep their marks (`PLURAL_MARKERS` says why): the cues see those written with them
upper-cased in the folded text (`FOLDED_PLURALS`, `nlp.units.cue_form`).
"""

from __future__ import annotations

import re

from core.alternation import longest_first
from core.inspectors import team_heads
from core.levels import ADMIN_LEVELS, LEVELS, abbreviations_pattern, folded_words_pattern, words_pattern
from core.normalize import fold, matching_form
from nlp.vi.quantifiers import PLURAL_QUANTIFIERS

# Level words, their abbreviations and tiers live in the one table, core/levels.py.

# The bodies every administrative unit has, named before its level word ("UBND xã A", "HĐND
# tỉnh"), as written: abbreviated or in full, the tone of "Ủy" on either letter. Matched in any case.
COMMITTEE_NAMES: tuple[str, ...] = ("UBND", "Ủy ban nhân dân", "Uỷ ban nhân dân")  # people's committee
COUNCIL_NAMES: tuple[str, ...] = ("HĐND", "Hội đồng nhân dân")  # people's council

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

# A plural quantifier (nlp/vi/quantifiers.py) or a count right before a level word announces a
# list: "các xã", "một số xã", "08 xã", "các xã, thị trấn". Unlike the cues below, matched on
# `core.normalize.matching_form` (marks kept): folded, the conjunction "nhưng" in "..., nhưng xã
# A, B chưa ..." would be the plural "những".
_PLURALS = longest_first(map(matching_form, PLURAL_QUANTIFIERS))
PLURAL_MARKERS = re.compile(rf"(?<!\w)(?:{_PLURALS}|\d+)\s+$")
# The plural quantifiers, written with their marks, anywhere (matched on `matching_form`).
PLURAL_WORDS = re.compile(rf"(?<!\w)(?:{_PLURALS})(?!\w)")
# The plural quantifiers as the folded cues below see them: `nlp.units.cue_form` upper-cases those
# written with their marks ("các" → "CAC"), so a cue reads the plural, never "cắc" nor a "cac" of
# text written without marks, which may be any of "các", "cắc", "các" (see PLURAL_MARKERS).
FOLDED_PLURALS = longest_first(fold(w).upper() for w in PLURAL_QUANTIFIERS)

# --------------------------------------------------------------------------- role cues
# The cues of the inspector (a team's name before a unit, a unit that is the subject of a check)
# are compiled from the one table of how the genre names the inspecting body, core/inspectors.toml
# (`core.inspectors.document_cues`), which also gives the frames a finding's units leave out; the
# cues here are those of the inspected and of the other roles.
#
# Matched (folded, plural quantifiers marked: `nlp.units.cue_form`) in the text just BEFORE a unit
# mention: the last cue wins. "kiểm tra" right after a team's head ("Tổ kiểm tra công vụ huyện X",
# the heads of core/inspectors.toml) names the inspector, not what it inspected.
_NOT_IN_A_TEAMS_NAME = "".join(f"(?<!{re.escape(head)} )" for head in team_heads())
INSPECTED_BEFORE = re.compile(
    r"\b(?:tai|o|lam viec voi|lam viec tai|den|den voi"
    rf"|{_NOT_IN_A_TEAMS_NAME}kiem tra(?: dot xuat| cong vu| thuc te)?"
    r"|giam sat|duoc kiem tra|doi voi)\s+(?:(?:tru so|bo phan mot cua cua|ubnd|hdnd|dang uy"
    rf"|{FOLDED_PLURALS}|\d+)\s+|[-–,:(]\s*)*$"
)

def _holder_before(rank: int) -> re.Pattern[str]:
    """Unnamed units of a lower rank than the holder's, then the word tying them to it."""
    lower = tuple(row.level for row in LEVELS if row.rank is not None and row.rank > rank)
    return re.compile(rf"\b(?:{folded_words_pattern(lower)})\b[^.;,\n]{{0,40}}"
                      r"\b(?:tai|o|cua|thuoc|tren dia ban)\s+(?:ubnd\s+)?$")


# A unit holding unnamed lower units: "phường thứ ba tại quận A", "một số UBND xã của huyện B",
# "các xã thuộc huyện C" (A, B, C are where the inspected units are, not inspected themselves).
# Keyed by the holder's rank (core/levels.py: 0 province, 1 district); the lower levels come from
# the table. Matched on the text just before the holder's level word.
HOLDER_BEFORE = {rank: _holder_before(rank) for rank in (0, 1)}

# A score or rank right after or before a unit: the CCHC index judges its work ("huyện A đạt 92
# điểm, xếp thứ 2", "đứng đầu là huyện B với 86 điểm", "xếp loại xuất sắc (huyện C)").
SCORED_AFTER = re.compile(
    r"^[^.;\n]{0,25}?(?:\b\d+(?:[.,]\d+)?\s*diem\b|\b(?:xep thu|xep loai|dung dau|dan dau|dung vi tri)\b)")
SCORED_BEFORE = re.compile(
    r"\b(?:xep loai|xep thu|dung dau|dan dau|dung dau la|thap nhat|cao nhat)\b[^.;\n]{0,30}$")
# Words saying a unit no longer exists: "sáp nhập phường A, xã B", "thuộc TP. C trước đây".
# They reach FORMER_REACH characters back within the sentence: the reorganisation's own formula
# lists the merged units with their parts ("thành lập trên cơ sở sáp nhập toàn bộ diện tích tự
# nhiên và quy mô dân số của các phường A, B, C, khu phố 1, 2, 7 của phường D và khu phố 1, 2, 3, 4
# của phường E"), and its last units stand 170 characters and more after "sáp nhập".
FORMER_REACH = 300
FORMER_UNIT = re.compile(rf"\b(?:sap nhap|hop nhat|tren co so|truoc day|truoc sap xep|truoc sap nhap)\b"
                         rf"[^.;\n]{{0,{FORMER_REACH}}}$")
# "kiểm tra công tác CCHC xã Y": the object of the verb, however far in its clause; the
# inspection team's own name ("Đoàn kiểm tra", "Tổ công tác kiểm tra") is not the verb.
# "(?<!tac )": the team "Tổ công tác", whose name "kiểm tra công vụ" may go on.
INSPECTED_OBJECT = re.compile(rf"{_NOT_IN_A_TEAMS_NAME}(?<!tac )\bkiem tra\b[^.;:\n]{{0,80}}$")
# "... đã kiểm tra: A; B; UBND xã C": a mention inside the list after the colon. The lead may
# name where and whose before its colon, up to 60 characters ("đã kiểm tra đột xuất tại bộ phận
# “một cửa” của một số đơn vị: UBND huyện A; ..."): the setting checked at each unit listed.
INSPECTED_LIST = re.compile(r"\b(?:kiem tra|giam sat|lam viec)\b[^.:\n]{0,60}:[^.\n]*$")
INSPECTED_AFTER = re.compile(r"^[^.;\n]{0,20}?\bduoc kiem tra\b")
# Criticism names whose work was found wanting: "phê bình UBND xã A", "xã A bị phê bình".
CRITICISED_BEFORE = re.compile(
    r"\b(?:phe binh|khien trach|nhac nho|chan chinh|kiem diem)\s+"
    rf"(?:(?:chu tich|lanh dao|ubnd|{FOLDED_PLURALS})\s+)*$")
CRITICISED_AFTER = re.compile(r"^[^.;\n]{0,20}?\bbi (?:phe binh|khien trach|nhac nho|ky luat|xu ly)\b")
# A headline that judges its subject ("Xã A còn chậm giải quyết hồ sơ", "Huyện B dẫn đầu chỉ số
# CCHC"): the unit before the judgement was inspected. "A: Kiểm tra ..." names the inspector.
HEADLINE_JUDGEMENT = re.compile(
    r"\b(?:con|chua|cham|qua han|tre han|tre hen|vang|yeu|thap|vi pham|dan dau|dung dau|tot|hieu qua"
    r"|diem sang|nang cao|cai thien|tut hang|tang hang|xep thu|bi phe binh)\b")
HEADLINE_INSPECTOR = re.compile(r"^\s*:\s*(?:kiem tra|thanh tra|giam sat)\b")
HEADLINE_MAX_CHARS = 200  # a first line longer than this is body text, not a headline

# The dateline of an administrative document: "Hải Phòng, ngày 19 tháng 01 năm 2020" (Nghị định
# 30/2020/NĐ-CP, Phụ lục I: its place is the administrative unit where the issuing body sits), at
# the start of a line or of a table cell (the header is often a two-column table). Matched
# (folded) right AFTER the place's name and on the text just BEFORE it.
DATELINE_AFTER = re.compile(r"^[ \t]*,[ \t]*ngay[ \t]+\d{1,2}[ \t]+thang[ \t]+\d{1,2}[ \t]+nam[ \t]+\d{4}\b")
DATELINE_BEFORE = re.compile(r"(?:^|[\n|])[ \t]*$")
# A central body's letterhead above the dateline, in the capitals letterheads are set in ("VĂN PHÒNG
# CHÍNH PHỦ", "BỘ NỘI VỤ", "THANH TRA CHÍNH PHỦ"): such a body sits in the capital and dates every
# letter "Hà Nội, ngày ...", whichever province its letter is about, so the dateline's place is its
# seat, no unit of the letter (nlp/units.py). A local body's dateline ("Nghệ An, ngày ...") names the
# province it belongs to, which stays.
CENTRAL_LETTERHEAD = re.compile(
    r"(?:^|[\n|])[ \t]*(?:BỘ[ \t]+[A-ZĐÀ-Ỹ]|VĂN PHÒNG CHÍNH PHỦ|THỦ TƯỚNG CHÍNH PHỦ|CHÍNH PHỦ\b|"
    r"THANH TRA CHÍNH PHỦ|KIỂM TOÁN NHÀ NƯỚC)")
# A body of the text's own government named by its level word alone, no name after it ("UBND thành
# phố vừa yêu cầu", "Kế hoạch 64/KH-UBND thành phố"): the body of the unit the dateline places the
# issuer in, i.e. the issuer. Matched on the text as written, in any case; the level word is group
# "level", and the caller checks that no capitalised name follows it.
BODY_BY_LEVEL = re.compile(
    rf"(?<!\w)(?:{longest_first((*COMMITTEE_NAMES, *COUNCIL_NAMES), any_space=False)})[ \t]+"
    rf"(?P<level>{words_pattern(ADMIN_LEVELS)}|{abbreviations_pattern()})(?!\w)\.?",
    re.IGNORECASE,
)
