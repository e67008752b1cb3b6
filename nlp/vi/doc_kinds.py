"""Kinds of Vietnamese official documents and the codes their numbers carry.

Why a data module: Nghị định 30/2020/NĐ-CP fixes how an administrative document is numbered
("Số: 139/QĐ-UBND": number, kind code, issuer code) and the party's rules do the same for party
documents ("17-CT/TU"). The rules in `nlp/docnumbers.py` read those shapes; this module holds
their vocabulary, the kinds and their codes drawn from the one table of document kinds
(core/doc_kinds.toml). Keys are written as the documents write them.
"""

from __future__ import annotations

from core.doc_kinds import bare_number_kinds, cited_kinds, kind_codes

# The kinds themselves, their codes and which are cited by a bare number are rows of the one
# table of document kinds (core/doc_kinds.toml), which title detection reads too.
KIND_WORDS: tuple[str, ...] = cited_kinds()
KIND_CODES: dict[str, str] = kind_codes()
BARE_NUMBER_KINDS: tuple[str, ...] = bare_number_kinds()

# A generic word for "a document" whose kind the symbol decides ("văn bản số 1234/UBND-VP").
GENERIC_KIND = "Văn bản"

# The kind a document has when its symbol carries no kind code: under NĐ 30/2020 a công văn's
# symbol is only the issuer's and the drafting unit's codes ("1950/UBND-NC").
DEFAULT_KIND = "Công văn"

# Issuer codes that make the number a law or a resolution of the National Assembly
# ("22/2008/QH12"); the legislature's term follows the letters.
LEGISLATURE_CODE_PREFIX = "QH"
LEGISLATURE_KIND = "Luật"

# Words after "Số" / "Số hiệu" that mark the document's own number in its header.
HEADER_NUMBER_LABELS: tuple[str, ...] = ("số", "số hiệu", "số ký hiệu", "ký hiệu")

# The label of a metadata line that names the kind ("Loại văn bản: Thông báo").
KIND_LABELS: tuple[str, ...] = ("loại văn bản", "thể loại", "hình thức văn bản")

# Words that stop an issuer phrase ("của Chủ tịch UBND huyện về việc ...").
ISSUER_STOPS: tuple[str, ...] = (
    "về", "về việc", "v/v", "ban hành", "quy định", "hướng dẫn", "triển khai", "thực hiện",
    "và", "do", "tại", "với", "trong", "theo", "nhằm", "để", "đã", "đến", "cho", "vừa", "được",
    "là", "nay", "sẽ", "gồm", "ngày", "gắn", "kèm", "giao", "phê duyệt", "yêu cầu", "đối với",
    "cụ thể", "mà", "thì", "nên",
)

# Nouns that follow a bare number and show it is a count or a period, not a document:
# "Báo cáo 6 tháng", "Kế hoạch 5 năm".
NOT_A_NUMBER_AFTER: tuple[str, ...] = (
    "tháng", "năm", "ngày", "tuần", "quý", "giờ", "phút", "lần", "điểm", "%", "người", "xã",
    "huyện", "nội dung", "nhiệm vụ", "tiêu chí", "đơn vị", "cơ quan",
)
