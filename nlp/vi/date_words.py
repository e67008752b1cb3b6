"""Vietnamese words that name, introduce or frame calendar dates.

Why a data module: the date rules in `nlp/dates.py` must read like grammar, not like a word
list, and a reviewer who knows Vietnamese should be able to extend the vocabulary here without
touching a regex. Every entry is lowercase NFC; the rules match case-insensitively.
"""

from __future__ import annotations

# Month names some news sites print instead of numbers ("31 Tháng Giêng 2020"). Giêng and Chạp
# are the traditional names of the first and last month; CMS date widgets use them for the
# Gregorian months too. Longer names first so "mười một" wins over "mười".
MONTH_NAMES: dict[str, int] = {
    "giêng": 1,
    "một": 1,
    "hai": 2,
    "ba": 3,
    "tư": 4,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
    "mười một": 11,
    "mười hai": 12,
    "chạp": 12,
}

# Parts of the day that introduce a date without "ngày" ("sáng 26/2", "Chiều qua (13/9)",
# "Sáng nay, 21/2"). A bare "d/m" elsewhere is more often a ratio ("15/20 cán bộ").
DAY_PARTS: tuple[str, ...] = ("sáng", "trưa", "chiều", "tối", "đêm", "hôm", "rạng sáng")

# Words that may stand between a day part and the date: "sáng nay", "chiều qua", "tối hôm".
DAY_PART_FOLLOWERS: tuple[str, ...] = ("nay", "qua", "hôm", "mai")

# Weekday names that precede a page timestamp ("Thứ Tư, 14/08/2019").
WEEKDAYS: tuple[str, ...] = (
    "thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "thứ bảy", "chủ nhật",
    "thứ 2", "thứ 3", "thứ 4", "thứ 5", "thứ 6", "thứ 7",
)

# Labels of a page's own timestamp or of a document's signing date in metadata blocks.
PUBLISHED_LABELS: tuple[str, ...] = (
    "cập nhật ngày", "cập nhật lúc", "cập nhật", "ngày cập nhật", "ngày đăng", "đăng ngày",
    "đăng lúc", "ngày đăng tin", "ngày xuất bản", "xuất bản ngày", "xuất bản lúc",
    "thời gian đăng", "thời gian cập nhật", "ngày ban hành", "ngày ký", "ngày đưa tin",
    "posted", "published", "updated", "date",
)

# Words joining a first and a last date of a span ("từ ngày A đến ngày B", "A - B").
RANGE_OPENERS: tuple[str, ...] = ("từ", "kể từ")
RANGE_JOINERS: tuple[str, ...] = ("đến", "tới", "cho đến", "đến hết")

# Verbs of saying: a date that introduces them dates the telling, not the inspection
# ("Ngày 30/6, Văn phòng UBND tỉnh cho biết, Đoàn kiểm tra đã ...").
REPORTING_VERBS: tuple[str, ...] = (
    "cho biết", "thông tin", "trao đổi", "phản ánh", "được biết", "thông báo", "chia sẻ",
    "khẳng định", "phát biểu", "trả lời",
)

# Words that make a clause about the inspection itself.
INSPECTION_WORDS: tuple[str, ...] = (
    "kiểm tra", "thanh tra", "giám sát", "đoàn công tác", "tổ công tác", "làm việc",
)

# Words that make a year the year of the work judged, like an inspection does: the CCHC index
# of a year ranks the work of that year ("công bố Chỉ số CCHC năm 2022"), a report on
# "công tác ... năm 2019" covers that year's work.
WORK_WORDS: tuple[str, ...] = (
    "chỉ số cải cách hành chính", "chỉ số cchc", "chỉ số hành chính", "par index", "xếp hạng",
    "công tác", "kết quả",
)

# Words that make the year after them a baseline the work is compared with.
BASELINE_WORDS: tuple[str, ...] = ("so với", "cùng kỳ", "so cùng kỳ")

# Nouns that follow a count, never a date: "4/11 cán bộ", "2/2 công chức".
COUNTED_NOUNS: tuple[str, ...] = (
    "cán bộ", "công chức", "viên chức", "người", "xã", "phường", "thị trấn", "huyện", "đơn vị",
    "hồ sơ", "thủ tục", "tthc", "cbcc", "cơ quan", "phòng", "chỉ tiêu", "tiêu chí", "điểm",
    "trường hợp", "ý kiến", "phiếu", "lượt", "hộ", "thôn", "ấp", "bản", "tổ", "khu",
)

# Nouns that follow a number after a plural level phrase, so the number counts or dates
# something and does not name a unit: "các phường 9 tháng đầu năm", "các xã 3 năm liền".
NOT_A_UNIT_NUMBER_FOLLOWERS: tuple[str, ...] = (
    "tháng", "năm", "ngày", "quý", "tuần", "giờ", "lần", "%", *COUNTED_NOUNS,
)
