"""The second pass over the genre's vocabulary (index/vi/synonyms.toml, section "second pass",
index/vi/shorthand.toml): what staff type for a shortcoming, a recommendation, a body or a
procedure brings the other ways the reports write it, and the members the pass rejected stay
out because they would cut a query's own words in two."""

from __future__ import annotations

import pytest

from core.normalize import fold
from index.query import plan_query
from index.shorthand import load_shorthand


def groups(text: str) -> list[list[str]]:
    return [[" ".join(a.syllables) for a in g.alternatives] for g in plan_query(text).groups]


def brings(typed: str, member: str) -> bool:
    """Whether the query's plan holds the member (compared folded: a query typed without accents,
    as abbreviations are, holds the members folded)."""
    return any(fold(member) in {fold(a) for a in group} for group in groups(typed))


@pytest.mark.parametrize(("typed", "member"), [
    # how a shortcoming is worded
    ("kiểm tra còn mang tính hình thức", "chiếu lệ"), ("tu kiem tra nang ve hinh thuc", "chieu le"),
    ("tình trạng đùn đẩy trách nhiệm", "né tránh"), ("can bo vo trach nhiem", "thieu trach nhiem"),
    ("buông lỏng quản lý", "lỏng lẻo"), ("hồ sơ ùn tắc", "ách tắc"), ("người dân chờ đợi lâu", "chờ lâu"),
    ("đề án vị trí việc làm chậm tiến độ", "chưa đảm bảo tiến độ"), ("chậm chễ", "chậm trễ"),
    ("thao tac sai quy trinh", "chua dung quy trinh"),
    ("văn bản sai thể thức", "chưa đúng thể thức"),
    ("làm mất hồ sơ", "thất lạc"), ("yêu cầu bổ sung hồ sơ quá 1 lần", "bổ sung nhiều lần"),
    ("đòi thêm giấy tờ", "thành phần hồ sơ ngoài quy định"), ("siết chặt kỷ cương", "xiết chặt"),
    ("nền nếp làm việc", "nề nếp"), ("cập nhập thủ tục hành chính", "cập nhật"), ("đảm bảo", "bảo đảm"),
    # the recommendations' verbs
    ("đẩy mạnh ứng dụng CNTT", "tăng cường"), ("uốn nắn", "chấn chỉnh"), ("giải quyết triệt để", "dứt điểm"),
    ("nghiêm khắc xử lý cán bộ vi phạm", "xử lý nghiêm"),
    # bodies by their other names
    ("văn phòng ủy ban tỉnh", "văn phòng ubnd"), ("VP UBND huyện", "văn phòng hđnd và ubnd"),
    ("KBNN", "kho bạc nhà nước"), ("hội LHPN xã", "hội phụ nữ"),
    ("các phòng, ban chuyên môn", "phòng chuyên môn"), ("hách dịch, cửa quyền", "hach dich"),
    ("thái độ thờ ơ", "vô cảm"), ("rút ngắn thời gian giải quyết", "cắt giảm thời gian"),
    ("cắt giảm TTHC", "đơn giản hóa thủ tục hành chính"),
    # one procedure, its names
    ("giấy độc thân", "xác nhận tình trạng hôn nhân"), ("tách sổ", "tách thửa"), ("LLTP", "lý lịch tư pháp"),
    ("đổi bằng lái xe", "giấy phép lái xe"), ("thanh toán online", "thanh toán trực tuyến"),
    ("hộ cá thể", "hộ kinh doanh"), ("nhận con nuôi", "nuôi con nuôi"), ("trưởng ấp", "trưởng thôn"),
    ("tổ CNSCĐ", "to cong nghe so cong dong"), ("chatbot", "trợ lý ảo"), ("xắp xếp", "sắp xếp"),
])
def test_the_genre_says_it_these_ways(typed: str, member: str) -> None:
    assert brings(typed, member), groups(typed)


@pytest.mark.parametrize(("typed", "kept"), [
    ("sau sat nhap xa", "sat nhap"),  # "sâu sát" folded would take "sau" and the "sát" of sát nhập
    ("tuyen truyen qua loa truyen thanh", "loa truyen thanh"),  # "qua loa" (perfunctory)
    ("chủ tịch xã Tân Phú", "chủ tịch"),  # "chủ tịch xã" would take the commune's level word
    ("thong bao che do chinh sach", "thong bao"),  # "bao che" folded: "thông báo" + "chế độ"
])
def test_the_rejected_members_leave_the_querys_words_whole(typed: str, kept: str) -> None:
    assert kept in [group[0] for group in groups(typed)], groups(typed)


def test_a_shortcoming_told_with_a_negation_still_asks_for_shortcomings() -> None:
    """A member the negation begins ("không đúng thể thức") is the matter, a topical group; the
    query keeps asking for the shortcomings, as with "chậm giờ" (test_query_vocab.py)."""
    plan = plan_query("văn bản không đúng thể thức")
    assert plan.polarity == "shortcoming" and brings("văn bản không đúng thể thức", "sai thể thức")


def test_new_shorthand_is_read_as_the_word() -> None:
    assert load_shorthand().expand("ng dân chờ gq hs cải cách hc") == \
        "người dân chờ giải quyết hồ sơ cải cách hành chính"
    assert groups("ng dân chờ gq") == groups("người dân chờ giải quyết")
