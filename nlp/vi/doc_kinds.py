"""Kinds of Vietnamese official documents and the codes their numbers carry.

Why a data module: Nghị định 30/2020/NĐ-CP fixes how an administrative document is numbered
("Số: 139/QĐ-UBND": number, kind code, issuer code) and the party's rules do the same for party
documents ("17-CT/TU"). The rules in `nlp/docnumbers.py` read those shapes; this module holds
the vocabulary, so a new kind is one line here. Keys are written as the documents write them.
"""

from __future__ import annotations

# Kind words as they head or cite a document, in their canonical written form. Longer names
# first where one is a prefix of another ("Quy chế" / "Quy định" share no prefix issue, but
# "Thông tư liên tịch" must win over "Thông tư").
KIND_WORDS: tuple[str, ...] = (
    "Nghị quyết liên tịch",
    "Thông tư liên tịch",
    "Quyết định",
    "Chỉ thị",
    "Kế hoạch",
    "Nghị định",
    "Nghị quyết",
    "Thông tư",
    "Thông báo",
    "Thông tri",
    "Báo cáo",
    "Tờ trình",
    "Công văn",
    "Công điện",
    "Hướng dẫn",
    "Chương trình",
    "Quy chế",
    "Quy định",
    "Kết luận",
    "Đề án",
    "Dự án",
    "Phương án",
    "Biên bản",
    "Công ước",
    "Pháp lệnh",
    "Luật",
    "Văn bản",
)

# A generic word for "a document" whose kind the symbol decides ("văn bản số 1234/UBND-VP").
GENERIC_KIND = "Văn bản"

# The kind a document has when its symbol carries no kind code: under NĐ 30/2020 a công văn's
# symbol is only the issuer's and the drafting unit's codes ("1950/UBND-NC").
DEFAULT_KIND = "Công văn"

# Kind codes used in symbols (NĐ 30/2020 Phụ lục III; party documents, Quy định 66-QĐ/TW).
# Matching is exact first, then case-insensitive, so mixed-case codes ("QyĐ", "CTr", "TTr")
# keep their own meaning.
KIND_CODES: dict[str, str] = {
    "QĐ": "Quyết định",
    "QD": "Quyết định",
    "CT": "Chỉ thị",
    "KH": "Kế hoạch",
    "NĐ": "Nghị định",
    "ND": "Nghị định",
    "NQ": "Nghị quyết",
    "NQLT": "Nghị quyết liên tịch",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "TB": "Thông báo",
    "TTr": "Tờ trình",
    "BC": "Báo cáo",
    "CV": "Công văn",
    "CĐ": "Công điện",
    "HD": "Hướng dẫn",
    "HĐ": "Hợp đồng",
    "CTr": "Chương trình",
    "QyĐ": "Quy định",
    "QC": "Quy chế",
    "KL": "Kết luận",
    "ĐA": "Đề án",
    "DA": "Dự án",
    "PA": "Phương án",
    "BB": "Biên bản",
    "TTri": "Thông tri",
    "PL": "Pháp lệnh",
    "GM": "Giấy mời",
    "GXN": "Giấy xác nhận",
    "GUQ": "Giấy ủy quyền",
    "GGT": "Giấy giới thiệu",
    "BGN": "Bản ghi nhớ",
    "BTT": "Bản thỏa thuận",
}

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

# Kinds that are cited by a bare number ("Chỉ thị 26 của Thủ tướng Chính phủ", "Đề án 06").
# Kinds left out ("Báo cáo", "Chương trình", "Biên bản") are followed by counts far more often.
BARE_NUMBER_KINDS: tuple[str, ...] = (
    "Chỉ thị", "Nghị quyết", "Nghị định", "Quyết định", "Thông tư", "Kết luận", "Quy định",
    "Hướng dẫn", "Thông báo", "Công văn", "Kế hoạch", "Đề án", "Luật", "Công điện", "Thông tri",
)
