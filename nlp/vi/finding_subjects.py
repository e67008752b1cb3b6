"""Words that tell whether a unit named inside a finding is what the finding judges.

Why a data module: a finding names units in three ways the genre keeps apart. The unit judged
("UBND xã A chưa niêm yết ..."), the unit that speaks or demands ("Chủ tịch UBND tỉnh B yêu cầu
...", "Theo Văn phòng UBND tỉnh B, ..."), and the unit whose rules or directives are cited
("thực hiện các chỉ đạo của UBND thành phố C"). Only the first is the finding's unit. The words
that mark the other two are listed here so a reader of Vietnamese can extend them; they are
matched on `core.normalize.fold` output (lower case, no diacritics, same length as the text).
"""

from __future__ import annotations

from nlp.vi.quantifiers import DISTRIBUTIVE_QUANTIFIERS, PLURAL_QUANTIFIERS

# Verbs of saying, judging and demanding: a unit named before one of them in the same finding
# belongs to the speaker ("Văn phòng UBND tỉnh B cho biết ...", "lãnh đạo thành phố C đánh giá
# cao ..."), and what follows the verb is the content judged.
SPEAKER_VERBS: tuple[str, ...] = (
    "cho biet", "thong tin", "nhan manh", "khang dinh", "ghi nhan", "danh gia cao", "bieu duong",
    "de nghi", "yeu cau", "kien nghi", "phat bieu", "luu y", "nhan xet", "chi ra", "neu ro",
    "nhan dinh", "thong bao",
)

# Words before such a verb that make it a noun or a passive, not a speaker's act: "đạt yêu cầu",
# "được đánh giá cao", "theo đề nghị của".
NOT_SPEAKER_BEFORE: tuple[str, ...] = (
    "duoc", "bi", "dat", "theo", "dap ung", "voi", "cac", "nhung", "phan anh,", "phan anh", "y kien,",
    "tiep nhan",
)

# Nouns that hold a speaker's verb: "thông tin" informs in "Sở X thông tin ...", but names the
# thing in the genre's compounds ("công nghệ thông tin", "hệ thống thông tin", "cổng/trang thông
# tin điện tử", "công tác/tổ chức thông tin, tuyên truyền", "chế độ thông tin báo cáo").
NOUNS_WITH_SPEAKER_VERB: tuple[str, ...] = (
    "cong nghe thong tin", "he thong thong tin", "cong thong tin", "trang thong tin", "cong tac thong tin",
    "to chuc thong tin", "thong tin tuyen truyen", "thong tin, tuyen truyen", "thong tin bao cao",
    "che do thong tin",
)

# Words before a unit, in what precedes a speaker's verb, that make the unit the place visited or
# the addressee, not the speaker: "Có mặt tại trụ sở UBND phường A, Đoàn ghi nhận ...", "gửi đến
# UBND các xã A, B yêu cầu ...", "Kiểm tra bộ phận một cửa UBND huyện A, Đoàn ghi nhận ...".
PLACE_OR_ADDRESSEE_BEFORE: tuple[str, ...] = (
    "tai", "o", "den", "gui", "gui den", "lam viec voi", "doi voi", "kiem tra", "co mat tai",
)

# Words opening an attribution at the start of a finding: "Theo Văn phòng UBND tỉnh B, ...",
# "Theo báo cáo của ..., ...". What they name up to the first comma is the source.
SOURCE_OPENERS: tuple[str, ...] = ("theo",)

# Nouns for directives, rules and plans: "của (Chủ tịch) UBND <unit>" after one of them names
# the issuer ("các chỉ đạo của UBND thành phố C", "Quyết định 07 của UBND tỉnh").
ISSUED_NOUNS: tuple[str, ...] = (
    "chi dao", "quy dinh", "chi thi", "quyet dinh", "ke hoach", "van ban", "cong van",
    "huong dan", "ket luan", "thong bao", "nghi quyet", "chuong trinh", "de an",
)

# Verbs whose object is the body reported to, not a unit judged: "phải báo cáo Chủ tịch UBND
# tỉnh B kết quả ...", "chịu trách nhiệm trước Chủ tịch UBND huyện".
RECIPIENT_VERBS: tuple[str, ...] = ("bao cao", "chiu trach nhiem truoc", "trinh")

# Titles and bodies that may stand between such a word and the unit's level word.
BODY_WORDS: tuple[str, ...] = (
    "chu tich", "pho chu tich", "lanh dao", "ubnd", "uy ban nhan dan", "hdnd", "thuong truc",
    "van phong ubnd", "van phong",
)

# Judgement cues: a speaker verb after one of these in the same finding is part of the content
# ("xã A chưa thực hiện ..., đề nghị ..."), so the units before it are not a speaker's.
JUDGEMENT_BEFORE_SPEAKER: tuple[str, ...] = (
    "chua", "con", "khong", "han che", "ton tai", "tot", "dung han", "qua han", "vang mat",
)

# A sentence speaking of many units at once ("các đơn vị", "một số xã", "nhiều cơ quan") is about
# no one unit the passage named before it: its findings, and the passage after it, go back to the
# document's inspected units. The quantifiers (nlp/vi/quantifiers.py: plural and distributive),
# then the nouns for units they may quantify besides the level words (core/levels.py: the
# territorial ones and "cơ quan"). Unlike the lists above, these two are matched with their marks
# (`core.normalize.matching_form`): folding makes the plural "những" the conjunction "nhưng" and
# "mỗi"/"mọi" (each, every) "mới"/"mời" (new, invite), and "..., nhưng xã chưa ..." or "mời UBND
# xã" speak of one unit.
MANY_QUANTIFIERS: tuple[str, ...] = (*PLURAL_QUANTIFIERS, *DISTRIBUTIVE_QUANTIFIERS)
UNIT_NOUNS: tuple[str, ...] = ("đơn vị", "địa phương", "ubnd", "ủy ban nhân dân")
