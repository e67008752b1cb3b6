"""Remove the site furniture that web-page text dumps carry around an article.

Why a separate, optional step: the findings downstream are spans of the text, so the reader's
text must stay a faithful copy; this only ever drops whole lines that are widgets (visit
counters, login links, captcha messages, share buttons), never edits a line. It is conservative
on purpose: a line goes only when it is short and matches the genre lexicon or a counter shape.
"""

from __future__ import annotations

import logging
import re

from core.normalize import fold

LOGGER = logging.getLogger(__name__)

MAX_WIDGET_CHARS = 60

# Whole-line widget labels of Vietnamese government and news portals, folded (no diacritics).
_WIDGET_LINES = frozenset(fold(s).lower() for s in (
    "upload", "đăng nhập", "đăng ký", "đăng xuất", "đăng nhập bằng google", "đăng nhập bằng facebook",
    "bình chọn", "bình luận", "gửi bình luận", "ý kiến bạn đọc", "ý kiến của bạn", "viết bình luận",
    "liên kết website", "liên kết web", "thống kê truy cập", "thống kê", "lượt truy cập",
    "mã xác thực không đúng", "mã xác nhận", "nhập mã xác nhận", "nhập mã bảo vệ", "mã bảo vệ",
    "captcha", "tải về", "tải xuống", "in bài", "in bài viết", "in trang", "bản in", "chia sẻ",
    "share", "tweet", "like", "facebook", "zalo", "twitter", "email", "gửi email", "gửi", "hủy",
    "làm lại", "đóng", "tìm kiếm", "xem thêm", "cùng chuyên mục", "tin liên quan", "tin khác",
    "các tin khác", "tin cùng chuyên mục", "tin đã đưa", "trở về trang trước", "trở về",
    "quay lại", "về đầu trang", "lên đầu trang", "%image_alt%", "bản tiếng việt", "english",
    "trang chủ", "sơ đồ cổng", "sơ đồ site", "sơ đồ trang", "tự động cập nhật vào lúc",
    "đánh giá", "lượt đánh giá", "kết quả bình chọn", "xem kết quả", "font size", "cỡ chữ",
    "a-", "a+", "a", "nghe đọc bài viết", "theo dõi chúng tôi", "bài viết liên quan",
))
# "Label: 1.234" visit counters; the label must be a counter word, not any statistic.
_COUNTER_LABELS = (
    "online", "dang online", "dang truy cap", "hom nay", "hom qua", "trong tuan", "tuan nay",
    "tuan truoc", "trong thang", "thang nay", "thang truoc", "nam nay", "tat ca", "tong cong",
    "tong so", "tong luot truy cap", "luot truy cap", "truy cap", "thong ke", "khach", "thanh vien",
    "luot xem", "da truy cap",
)
_COUNTER_ALTERNATIVES = "|".join(re.escape(label) for label in _COUNTER_LABELS)
_COUNTER = re.compile(rf"^(?:{_COUNTER_ALTERNATIVES})\s*[:：]?\s*\d[\d.,\s]*$")
_COUNT_SUFFIX = re.compile(
    r"^\d[\d.,]*\s+(?:luot xem|luot truy cap|luot doc|nguoi da binh chon|binh luan|luot thich|luot chia se)$"
)
# A portal's poll box ("Bình chọn" / "Đánh giá của bạn về Cổng thông tin …" / its options / "59 người
# đã bình chọn"): the label opening it and the vote count closing it, folded. The lines between
# are the poll's question and options, the reader's not the article's: a dump that opens on the
# sidebar's poll gave the question as the article's title (ux20, ux21).
_POLL_LABELS = frozenset(fold(s).lower() for s in (
    "bình chọn", "thăm dò ý kiến", "thăm dò", "khảo sát ý kiến", "khảo sát", "ý kiến của bạn",
))
_POLL_COUNT = re.compile(
    r"^\d[\d.,]*\s+(?:nguoi da binh chon|nguoi binh chon|luot binh chon|phieu binh chon)$")
POLL_MAX_LINES = 8  # a poll box's question and options between its label and its count
_SHARE_TOKENS = frozenset(("facebook", "twitter", "zalo", "email", "in", "chia se", "share", "like",
                           "tweet", "print", "g+", "linkedin", "messenger", "|", "/", "0"))
_STRIP = " \t\u00a0\u2022\u00b7*-–—•.<>»«›‹|:"


def is_boilerplate_line(line: str) -> bool:
    """True when the whole line is a portal widget; content sentences never match."""
    stripped = line.strip(_STRIP)
    if not stripped or len(stripped) > MAX_WIDGET_CHARS:
        return not stripped and bool(line.strip())  # a line of only bullets/dots is furniture
    key = " ".join(fold(stripped).lower().split())
    if key in _WIDGET_LINES or key.rstrip(".!:") in _WIDGET_LINES:
        return True
    if _COUNTER.match(key) or _COUNT_SUFFIX.match(key):
        return True
    tokens = [t for t in re.split(r"[\s,;]+", key) if t]
    return len(tokens) >= 2 and all(t in _SHARE_TOKENS for t in tokens)


def _key(line: str) -> str:
    return " ".join(fold(line.strip(_STRIP)).lower().split())


def poll_lines(lines: list[str]) -> set[int]:
    """The indexes of the lines of every poll box: from a poll's label (`_POLL_LABELS`) down to
    its vote count (`_POLL_COUNT`) at most POLL_MAX_LINES below it, both included. A count with
    no label above it is a widget line alone (`is_boilerplate_line`); a label with no count
    below it may be a word of the article, and is judged alone too."""
    found: set[int] = set()
    for end, line in enumerate(lines):
        if not _POLL_COUNT.match(_key(line)):
            continue
        for start in range(end - 1, max(end - 1 - POLL_MAX_LINES, -1), -1):
            if _key(lines[start]) in _POLL_LABELS:
                found.update(range(start, end + 1))
                break
    return found


def clean_boilerplate(text: str) -> str:
    """`text` without its widget lines and poll boxes (`poll_lines`); everything else is kept
    byte for byte."""
    lines = text.split("\n")
    poll = poll_lines(lines)
    kept = [line for k, line in enumerate(lines) if k not in poll and not is_boilerplate_line(line)]
    dropped = text.count("\n") + 1 - len(kept)
    if dropped:
        LOGGER.debug("dropped %d boilerplate lines", dropped)
    return "\n".join(kept)
