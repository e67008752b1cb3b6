"""Imported once by the sandbox's fork server: every limited child then starts warm.

Why: a child forked from the server inherits what the server holds. Building the NLP pipeline
(a second) and running it once over a short report in the genre (filling the lazily built word
caches, tables and theme lists a first document pays for) here means each document's child
pays milliseconds for them instead. The sample is written for this purpose, not taken from any
corpus. An import side effect is the only way to tell the fork server what to prepare.
"""

from __future__ import annotations

from core.models import Source, document_from_blocks
from pipeline.process import extract_all

SAMPLE = (
    "ỦY BAN NHÂN DÂN TỈNH\nSỞ NỘI VỤ",
    "THÔNG BÁO Kết luận kiểm tra công tác cải cách hành chính năm 2024 tại Ủy ban nhân dân huyện",
    "Thực hiện Quyết định số 139/QĐ-SNV ngày 20/01/2024 của Sở Nội vụ, ngày 12/3/2024 Đoàn kiểm tra "
    "đã làm việc với Ủy ban nhân dân huyện và Ủy ban nhân dân xã về công tác cải cách hành chính.",
    "Ủy ban nhân dân huyện đã ban hành kế hoạch cải cách hành chính kịp thời, niêm yết công khai thủ tục "
    "hành chính đầy đủ. Tuy nhiên, việc giải quyết hồ sơ tại bộ phận một cửa còn trễ hạn, tỷ lệ hồ sơ "
    "trực tuyến còn thấp.",
    "Đoàn kiểm tra đề nghị Chủ tịch Ủy ban nhân dân xã chấn chỉnh kỷ luật, kỷ cương hành chính và "
    "khắc phục tình trạng hồ sơ lưu trữ chưa được sắp xếp khoa học.",
)


def warm() -> None:
    """Build the pipeline and extract the sample once."""
    parts: list[tuple[str, int | None, str, float | None]] = [(t, 1, "paragraph", None) for t in SAMPLE]
    extract_all(document_from_blocks("mau", parts, Source("mau.txt", "0" * 64, "txt", "txt")))


warm()
