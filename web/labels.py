"""Vietnamese names for the codes the data model stores (areas, polarities, roles, facets).

Why a table here: the store keeps stable codes ("tthc", "shortcoming") that scripts and the CLI
use; people reading the page see the names the CCHC programme itself uses for its eight areas.
A code without a name here is shown as it is, so a new area never breaks a page.
"""

from __future__ import annotations

from core.models import AREA_NAMES, POLARITY_NAMES
from pipeline.removal_words import DELETE, DONE, FORGOTTEN, KEEP, WITHDRAW

AREA_LABELS: dict[str, str] = {area.value: name for area, name in AREA_NAMES.items()}

POLARITY_LABELS: dict[str, str] = {polarity.value: name for polarity, name in POLARITY_NAMES.items()}

ROLE_LABELS: dict[str, str] = {
    "inspected": "được kiểm tra",
    "inspector": "đoàn kiểm tra",
    "other": "được nhắc đến",
}

FACET_LABELS: dict[str, str] = {
    "year": "Năm",
    "area": "Lĩnh vực",
    "polarity": "Loại",
    "province": "Tỉnh, thành phố",
    "unit": "Đơn vị",
    "theme": "Chủ đề",
    "inspector": "Cơ quan kiểm tra",
}

# The comparison's tables (pipeline/export.py `comparison_tables` names) as the download links call them.
TABLE_LABELS: dict[str, str] = {
    "matrix_documents": "ma trận (số văn bản)",
    "matrix_units": "ma trận (số đơn vị)",
    "recurring": "thiếu sót lặp lại",
    "improved": "đã chuyển thành ưu điểm",
    "timeline": "diễn biến của đơn vị",
}

SORT_LABELS: dict[str, str] = {"relevance": "Phù hợp nhất", "date": "Mới nhất"}

RUN_STATUS_LABELS: dict[str, str] = {
    "running": "đang chạy",
    "completed": "hoàn thành",
    "partial": "hoàn thành, có lỗi",
    "error": "lỗi",
    "failed": "lỗi",
    "interrupted": "bị ngắt",
}

# What a run did with a file that left the inbox (pipeline/removal_words.py's words in the run's
# summary), as the page says it.
REMOVAL_LABELS: dict[str, str] = {
    DONE[KEEP]: "vẫn giữ, vẫn tìm thấy",
    DONE[WITHDRAW]: "đã rút khỏi tìm kiếm",
    DONE[DELETE]: "đã xóa khỏi kho và chỉ mục",
    FORGOTTEN: "từng bị cách ly, đã bỏ ghi nhận",
}


def label(table: dict[str, str], code: str | None) -> str:
    """The Vietnamese name of `code`, or the code itself when the table does not know it."""
    if code is None:
        return ""
    return table.get(code, code)
