"""The query-side language data (index/vi/*.txt|toml) read as the data says: real queries of the
genre, planned with the shipped lexicon (index/query/compiling.py: load_lexicon, plan_query).

Each test names the entries it checks and the sense the data gives them: an abbreviation brings
its expansion, a spelling its twin, a cue phrase the polarity it asks for, a filler noun is ranked
but not required."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence

import pytest

from core.normalize import fold
from index.query import INTENTS_FILE, Plan, Vocabulary, load_lexicon, plan_query, with_named_measures


def groups(text: str) -> list[list[str]]:
    return [[" ".join(a.syllables) for a in g.alternatives] for g in plan_query(text).groups]


def folded_groups(text: str) -> list[list[str]]:
    """The groups folded: an abbreviation typed without accents brings its expansions folded."""
    return [[fold(a) for a in g] for g in groups(text)]


def optional(plan: Plan) -> list[str]:
    return [" ".join(a.syllables) for a in plan.optional]


# ----------------------------------------------------------------------------------- synonyms.toml


def test_kh_is_a_plan_and_hang_nam_its_twin() -> None:
    """"KH CCHC hằng năm": KH is kế hoạch (document kind code), hằng năm is hàng năm, one group each."""
    assert groups("KH CCHC hằng năm") == [
        ["kh", "ke hoach"], ["cchc", "cai cach hanh chinh"], ["hằng năm", "hàng năm"]]
    assert groups("kế hoạch hàng năm") == [["kế hoạch", "kh"], ["hàng năm", "hằng năm"]]


@pytest.mark.parametrize("typed", ["TTTT", "tttt", "TT&TT"])
def test_tttt_is_the_department_written_by_hand_over_a_derived_collision(typed: str) -> None:
    """TTTT is Thông tin và Truyền thông (Sở TTTT): written by hand in its set, since the initials
    of "thanh toán trực tuyến" spell it too and the derived rule drops such a form (index/initials.py);
    the hand-written member wins, and the payment keeps its own set."""
    said = folded_groups(typed)
    assert len(said) == 1 and {"tttt", "thong tin va truyen thong"} <= set(said[0])
    assert "thanh toan truc tuyen" not in said[0]
    assert "tttt" not in folded_groups("thanh toán trực tuyến")[0]


@pytest.mark.parametrize(("typed", "member", "not_member"), [
    ("KH&CN", "khoa hoc va cong nghe", "ke hoach"),  # the longest member keeps KH&CN whole
    ("KH&ĐT", "kế hoạch và đầu tư", "kh"),
    ("Sở KH&CN", "sở khoa học và công nghệ", "ke hoach"),  # the department (core/agencies.py)
    ("Sở KH&ĐT", "sở kế hoạch và đầu tư", "kh"),
    ("trung tâm HCC", "trung tam phuc vu hanh chinh cong", "hanh chinh cong"),
])
def test_a_longer_abbreviation_is_not_cut_by_a_shorter_one(typed: str, member: str, not_member: str) -> None:
    found = [g for g in folded_groups(typed) if fold(member) in g]
    assert found and not_member not in found[0]


@pytest.mark.parametrize(("typed", "member"), [
    ("BC định kỳ", "báo cáo"), ("dịch vụ HCC", "hành chính công"), ("tiếp nhận PAKN", "phản ánh kiến nghị"),
    ("BQL dự án", "ban quản lý"), ("TC-KH", "tài chính kế hoạch"),
    ("phòng TC-KH", "phòng tài chính kế hoạch"), ("VH-XH", "văn hóa xã hội"),
    ("VPĐKĐĐ", "văn phòng đăng ký đất đai"), ("lịch tiếp dân", "tiếp công dân"),
    ("không đeo bảng tên", "đeo thẻ"), ("treo thẻ công chức", "đeo thẻ"), ("máy bốc số", "máy lấy số"),
    ("chấp hành giờ giấc", "thời giờ làm việc"), ("trong giờ hành chính", "giờ làm việc"),
    ("phòng làm việc khóa trái cửa", "đóng cửa"), ("giao ban hàng tuần", "hằng tuần"),
    ("dùng email công vụ", "hộp thư công vụ"), ("sát nhập xã", "sáp nhập"),
    ("trả kết quả đúng hẹn", "đúng hạn"),
    # a department named with a hyphen for its "và" (Sở Tài nguyên - Môi trường), and the other way
    ("hồ sơ TN-MT trễ hẹn", "tài nguyên môi trường"), ("lĩnh vực tài nguyên - môi trường", "TNMT"),
    ("ngành giáo dục - đào tạo", "giáo dục và đào tạo"),
    ("ngành NN-PTNT", "nông nghiệp phát triển nông thôn"),
    # the second pass (synonyms.toml, its last section): how a shortcoming is worded
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
    # session 26 (read36): the simplification said "tinh gọn" of the procedures; a record's error and
    # its mismatch; the loanword for updating; the plain verb of a machine out of order
    ("tinh gọn TTHC", "đơn giản hóa thủ tục hành chính"), ("tinh gọn thủ tục hành chính", "cắt giảm TTHC"),
    ("ghi chép sai lệch", "chưa khớp"), ("sổ sách không khớp", "sai lệch"),
    ("phieu hen chua khop", "sai lech"), ("bảng niêm yết chưa update", "cập nhật"),
    ("máy lấy số hỏng", "trục trặc"),
    # session 27 (read39): harassment by its plain words, a procedure that torments the citizen, the
    # rating device by its button, gathering views three ways
    ("CBCC vòi tiền", "nhũng nhiễu"), ("thủ tục hành dân", "rườm rà"), ("thủ tục rắc rối", "nhiêu khê"),
    ("thu tuc hanh dan", "ruom ra"), ("bấm nút đánh giá hài lòng", "máy đánh giá"),
    ("lấy ý kiến người dân", "thăm dò ý kiến"), ("khảo sát ý kiến", "lấy ý kiến"),
    # one procedure, its names
    ("giấy độc thân", "xác nhận tình trạng hôn nhân"), ("tách sổ", "tách thửa"), ("LLTP", "lý lịch tư pháp"),
    ("đổi bằng lái xe", "giấy phép lái xe"), ("thanh toán online", "thanh toán trực tuyến"),
    ("hộ cá thể", "hộ kinh doanh"), ("nhận con nuôi", "nuôi con nuôi"), ("trưởng ấp", "trưởng thôn"),
    ("tổ CNSCĐ", "to cong nghe so cong dong"), ("chatbot", "trợ lý ảo"), ("xắp xếp", "sắp xếp"),
    # the third pass (session 12): a system by its product, a loanword for the thing, a failing line
    ("triển khai phần mềm iOffice", "quản lý văn bản và điều hành"), ("văn phòng điện tử", "QLVB"),
    ("VNPT-iOffice", "phần mềm quản lý văn bản"), ("phan mem iDesk", "van phong dien tu"),
    ("phần mềm iGate", "một cửa điện tử"), ("upload hồ sơ", "tải lên"), ("file scan", "tệp tin"),
    ("máy chủ", "server"), ("laptop", "máy tính xách tay"), ("chưa backup dữ liệu", "sao lưu"),
    ("lộ password", "mật khẩu"), ("đường truyền chập chờn", "không ổn định"),
    ("duong truyen chap chon", "thieu on dinh"), ("rớt mạng", "mất kết nối"),
    ("máy tính kết nối internet", "đường truyền internet"), ("kết nối mạng", "mạng internet"),
])
def test_the_genre_says_one_thing_these_ways(typed: str, member: str) -> None:
    assert any(fold(member) in group for group in folded_groups(typed)), groups(typed)


@pytest.mark.parametrize(("typed", "kept"), [
    ("sau sat nhap xa", "sat nhap"),  # "sâu sát" folded would take "sau" and the "sát" of sát nhập
    ("tuyen truyen qua loa truyen thanh", "loa truyen thanh"),  # "qua loa" (perfunctory)
    ("chủ tịch xã Tân Phú", "chủ tịch"),  # "chủ tịch xã" would take the commune's level word
    ("thong bao che do chinh sach", "thong bao"),  # "bao che" folded: "thông báo" + "chế độ"
])
def test_the_members_the_second_pass_rejected_leave_the_querys_words_whole(typed: str, kept: str) -> None:
    """Members the second pass rejected (synonyms.toml, its last section) because they would cut
    a query's own words in two stay out."""
    assert kept in [group[0] for group in groups(typed)], groups(typed)


def test_a_shortcoming_told_with_a_negation_still_asks_for_shortcomings() -> None:
    """A member the negation begins ("không đúng thể thức") is the matter, a topical group; the
    query keeps asking for the shortcomings, as with "chậm giờ" (below)."""
    plan = plan_query("văn bản không đúng thể thức")
    assert plan.polarity == "shortcoming" and any(
        fold("sai thể thức") in group for group in folded_groups("văn bản không đúng thể thức"))


def test_the_badge_worn_is_one_group_whatever_the_card_is_called() -> None:
    """"đeo thẻ công chức" is listed whole: not "đeo thẻ" with "công chức" required besides."""
    assert len(groups("đeo thẻ công chức")) == 1 and "đeo bảng tên" in groups("đeo thẻ công chức")[0]
    plan = plan_query("cán bộ không đeo thẻ")  # the negation stays a required word of its own
    assert [g.sense for g in plan.groups] == [False, True, False]
    assert "treo thẻ" in groups("cán bộ không đeo thẻ")[2]


def test_the_official_mailbox_is_not_cut_into_the_general_email() -> None:
    assert groups("email công vụ") == [["email công vụ", "thư điện tử công vụ", "hộp thư điện tử công vụ",
                                        "hộp thư công vụ", "mail công vụ"]]
    assert "thu dien tu" in groups("email")[0]  # typed without accents: the members folded


@pytest.mark.parametrize(("typed", "expected"), [
    # the form written out is one group, not "giấy hẹn" + "trả kết quả" (the desk's own name)
    ("giấy hẹn trả kết quả", [["giấy hẹn trả kết quả", "phiếu hẹn", "giấy hẹn",
                               "giấy tiếp nhận hồ sơ và hẹn trả kết quả", "phiếu hẹn trả kết quả",
                               "giấy biên nhận hồ sơ", "phiếu biên nhận hồ sơ"]]),
    # the one-stop software is one group, not "một cửa" + any electronic thing
    ("phần mềm 1 cửa điện tử", [["phần mềm"], ["1 cửa điện tử", "một cửa điện tử",
                                              "hệ thống thông tin một cửa điện tử",
                                              "hệ thống thông tin giải quyết thủ tục hành chính",
                                              "hệ thống thông tin giải quyết tthc",
                                              "httt giải quyết tthc", "httt một cửa điện tử", "igate",
                                              "vnpt igate"]]),
    ("ki ốt tra cứu", [["ki ốt", "kiosk"], ["tra cứu"]]),
    # "về" is a query stop word; kept inside the breach, and "sớm" alone is no group
    ("cán bộ về sớm", [["cán bộ"], ["về sớm", "về trước giờ"]]),
    # the place an index gives is how reports answer a question on the ranking
    ("PAR Index xếp hạng", [["par index", "chi so cai cach hanh chinh", "chi so cchc", "chi so par"],
                            ["xếp hạng", "thứ hạng", "xếp thứ", "xếp vị trí thứ", "đứng vị trí thứ"]]),
])
def test_a_written_out_name_stays_one_group(typed: str, expected: list[list[str]]) -> None:
    assert groups(typed) == expected


def test_the_queue_machine_leaves_thu_tu_a_word_of_its_own() -> None:
    assert groups("máy bốc số thứ tự") == [["máy bốc số", "máy lấy số", "máy cấp số", "hệ thống lấy số"],
                                          ["thứ tự"]]


def test_feedback_is_a_noun_not_a_question_for_recommendations() -> None:
    """"phản ánh, kiến nghị" (PAKN) is read before the cue "kiến nghị": no polarity asked."""
    plan = plan_query("tiếp nhận phản ánh, kiến nghị về quy định hành chính")
    assert plan.polarity is None and ["phản ánh kiến nghị", "pakn"] in groups(
        "tiếp nhận phản ánh, kiến nghị về quy định hành chính")
    assert plan_query("kiến nghị xử lý cán bộ").polarity == "recommendation"  # the verb still asks


def test_a_member_the_cue_begins_is_a_topic_not_the_querys_sense() -> None:
    """"chậm giờ" is a member of the đi muộn set that the required cue "chậm" begins: the query
    still asks for shortcomings, but the member names the breach, a topical group, so findings
    saying "đi muộn" without "CBCC" reach the partial stages. The cue alone stays the sense."""
    plan = plan_query("CBCC chậm giờ")
    assert plan.polarity == "shortcoming" and [g.sense for g in plan.groups] == [False, False]
    assert "đi muộn" in groups("CBCC chậm giờ")[1] and all(plan.topical)
    assert [g.sense for g in plan_query("hồ sơ chậm trả kết quả").groups] == [False, False]
    bare = plan_query("cán bộ chậm")
    assert groups("cán bộ chậm") == [["cán bộ"], ["chậm"]] and bare.topical == (True, False)


@pytest.mark.parametrize("typed", ["trang thiết bị bộ phận một cửa", "cơ sở vật chất bộ phận một cửa",
                                   "CSVC bộ phận một cửa", "trang thiet bi bo phan mot cua"])
def test_the_facilities_are_one_name_by_either_half(typed: str) -> None:
    """"cơ sở vật chất, trang thiết bị" is one item of the one-stop desk (Nghị định 61/2018, Điều
    13): either half, or the abbreviation, brings the others; "thiết bị" alone does not."""
    first = folded_groups(typed)[0]
    assert {"co so vat chat", "csvc", "trang thiet bi"} <= set(first)
    assert "co so vat chat" not in {a for g in folded_groups("thiết bị đánh giá sự hài lòng") for a in g}


def test_the_two_level_government_is_one_group_however_its_number_is_written() -> None:
    """"chính quyền địa phương hai cấp" (the 2025 reorganisation) is one group holding the digit
    form the reports print, not "địa" + "phương hai" (phương hại, harm) cut from the words."""
    assert groups("chính quyền địa phương hai cấp") == [[
        "chính quyền địa phương hai cấp", "chính quyền địa phương 2 cấp", "chính quyền hai cấp",
        "chính quyền 2 cấp", "cqđp 2 cấp", "cqđp hai cấp"]]
    assert "chinh quyen dia phuong 2 cap" in groups("chinh quyen hai cap")[0]


def test_the_leaderships_direction_is_one_group_and_its_contraction() -> None:
    """"lãnh chỉ đạo" contracts "lãnh đạo, chỉ đạo"; the government's "chỉ đạo, điều hành" stays
    two words of their own (listed with the pair, a query lost a group: synonyms.toml)."""
    assert groups("hạn chế trong lãnh đạo, chỉ đạo CCHC")[0] == [
        "lãnh đạo chỉ đạo", "lãnh chỉ đạo", "lãnh đạo chỉ đạo điều hành"]
    assert groups("chỉ đạo điều hành CCHC")[:2] == [["chỉ đạo"], ["điều hành"]]
    assert groups("lãnh đạo xã") == [["lãnh đạo"], ["xã"]]  # the leaders alone are no member


# ----------------------------------------------------------------------------------- intents.toml


@pytest.mark.parametrize(("text", "word"), [
    ("CBCC bỏ vị trí trong giờ hành chính", "vị trí"), ("cán bộ vắng mặt tại trụ sở", "vắng mặt"),
    ("can bo vang mat", "vang"), ("lãnh đạo xã không có mặt khi đoàn đến kiểm tra", "có mặt"),
    ("cán bộ rời vị trí làm việc", "vị trí"),
])
def test_the_absence_named_asks_for_shortcomings_and_stays_the_topic(text: str, word: str) -> None:
    """The absence from one's post names the breach the inspections record (intents.toml): the
    query prefers shortcomings, its words stay required, and none is the query's sense (the
    "không" of "không có mặt" negates nothing of the topic)."""
    plan = plan_query(text)
    assert plan.polarity == "shortcoming" and not any(g.sense for g in plan.groups)
    assert any(word in alt for g in groups(text) for alt in g) and word not in optional(plan)


def test_the_absence_after_a_remedy_asks_for_the_remedy() -> None:
    """The first cue names what is asked: "kiến nghị xử lý cán bộ vắng mặt" asks for the
    recommendations on the absence, as for any failing matter after the remedy."""
    assert plan_query("kiến nghị xử lý cán bộ vắng mặt").polarity == "recommendation"
    assert plan_query("kiểm điểm cán bộ vắng mặt").polarity == "recommendation"


@pytest.mark.parametrize("text", ["An Lão giải trình cán bộ vắng mặt", "bao cao giai trinh can bo vang mat",
                                  "báo cáo giải trình sau kiểm tra"])
def test_the_demand_to_account_for_a_failing_asks_for_the_recommendations(text: str) -> None:
    """"Giải trình" is the demand made of the unit that failed (intents.toml, read43), as "kiểm
    điểm": it asks for the recommendations before the absence's cue, and stays a required word."""
    plan = plan_query(text)
    assert plan.polarity == "recommendation", plan.polarity
    assert any(word in alt for g in groups(text) for alt in g for word in ("giải trình", "giai trinh"))


@pytest.mark.parametrize(("text", "polarity", "section"), [
    # a request whose object is the public is the act Nghị định 61/2018 (Điều 5) forbids: a failing
    ("yêu cầu người dân nộp thêm giấy tờ", "shortcoming", False),
    ("yeu cau dan nop them giay to", "shortcoming", False),
    ("bắt công dân đi lại nhiều lần", "shortcoming", False),
    ("đòi tổ chức, cá nhân nộp bản sao chứng thực", "shortcoming", False),
    # … addressed to a body or an official, the recommendations' verb, as before
    ("yêu cầu UBND xã niêm yết đầy đủ thủ tục", "recommendation", True),
    ("yêu cầu công chức đeo thẻ", "recommendation", True),
    ("yêu cầu tổ chức kiểm điểm cán bộ vi phạm", "recommendation", True),  # "tổ chức": organise
    # … nor before an object opening a longer word ("dân chủ", "dân số": no request to the public)
    ("yêu cầu dân chủ ở cơ sở", "recommendation", True), ("yeu cau dan so", "recommendation", True),
    # … nor after a verb making it the noun, the request (`unlike`: "theo yêu cầu", "đáp ứng yêu cầu")
    ("theo yêu cầu người dân", None, False), ("đáp ứng yêu cầu doanh nghiệp", None, False),
])
def test_a_request_to_the_public_is_the_forbidden_act_not_a_recommendation(text: str, polarity: str | None,
                                                                           section: bool) -> None:
    plan = plan_query(text)
    assert (plan.polarity, plan.polarity_group) == (polarity, section)


@pytest.mark.parametrize(("text", "word"), [
    ("Tân Thạnh đòi thêm giấy tờ", "đòi thêm giấy tờ"), ("cán bộ sách nhiễu người dân", "sách nhiễu"),
    ("yêu cầu bổ sung hồ sơ nhiều lần", "bổ sung hồ sơ nhiều lần"),
    ("công chức gây phiền hà", "gây phiền hà"),
    # typed across two members of the act's set ("đòi thêm giấy tờ" | "giấy tờ ngoài quy định"):
    # the two spellings of one word shadow no cue, the first read stands (Lexicon.cue_at)
    ("đòi thêm giấy tờ ngoài quy định", "đòi thêm giấy tờ"),
    ("xã nào nhận hồ sơ đòi thêm giấy tờ ngoài quy định?", "đòi thêm giấy tờ"),
    ("doi them giay to ngoai quy dinh", "doi them giay to"),
])
def test_a_forbidden_act_named_asks_for_shortcomings_and_stays_the_topic(text: str, word: str) -> None:
    """The acts Nghị định 61/2018 (Điều 5) forbids are failings wherever a report names them: the
    query prefers the shortcomings, the act stays a required word with its synonyms, no sense."""
    plan = plan_query(text)
    assert (plan.polarity, plan.polarity_group) == ("shortcoming", False)
    assert any(word in g for g in groups(text)) and not any(g.sense for g in plan.groups)


@pytest.mark.parametrize(("text", "polarity", "words", "cue"), [
    ("kết quả tích cực trong chuyển đổi số", "strength", ["chuyển đổi số", "cđs"], "kết quả tích cực"),
    ("chuyển biến tích cực về kỷ cương", "strength", ["kỷ cương", "kỉ cương"], "chuyển biến tích cực"),
    ("điểm mạnh của bộ phận một cửa", "strength", ["bộ phận một cửa"], "điểm mạnh"),
    ("kết quả đạt được trong cải cách thủ tục", "strength", ["cải cách"], "kết quả đạt được"),
    ("khó khăn vướng mắc trong giải quyết hồ sơ", "shortcoming", ["giải quyết"], "khó khăn vướng mắc"),
    ("nhược điểm của phần mềm một cửa", "shortcoming", ["phần mềm"], "nhược điểm"),
    ("những việc chưa làm được về văn thư", "shortcoming", ["văn thư"], "chưa làm được"),
    ("công tác văn thư chưa tốt", "shortcoming", ["văn thư"], "chưa tốt"),
    ("ứng dụng CNTT chưa hiệu quả", "shortcoming", ["ứng dụng"], "chưa hiệu quả"),
    ("giải pháp nâng cao chỉ số CCHC", "recommendation", ["nâng cao"], "giải pháp"),
    ("phương hướng thời gian tới về chuyển đổi số", "recommendation", ["chuyển đổi số"], "phương hướng"),
])
def test_cue_phrases_ask_for_a_polarity_and_are_not_required(text: str, polarity: str, words: list[str],
                                                               cue: str) -> None:
    plan = plan_query(text)
    assert plan.polarity == polarity
    assert any(all(w in g for w in words) for g in groups(text)), groups(text)
    assert cue in optional(plan) and not any(cue in g for g in groups(text))
    assert not any(g.sense for g in plan.groups)  # a judgement, not a negation of the topic


def test_a_negation_before_a_content_word_is_still_required() -> None:
    """"chưa tốt" is a cue phrase; "chưa niêm yết" keeps "chưa" required (the sense group)."""
    plan = plan_query("chưa niêm yết thủ tục")
    assert plan.polarity == "shortcoming" and plan.groups[0].sense
    assert optional(plan) == ["thủ tục"]  # the genre's head noun, ranked (the filler nouns)


def test_the_shipped_intent_tables_are_well_formed() -> None:
    """Every table has a polarity and a why; a cue is in one table only (the first would win
    silently), but for a table whose cues must precede an object (`objects`: the word is read so
    before them, as the other table's cue elsewhere); a cue that is not required and is a synonym
    member is a ranked word without a lead, so its siblings are ranked beside it (index/query/analysis.py
    `_cue_siblings`; a dropped cue or one with a lead would never bring them)."""
    tables = tomllib.loads(INTENTS_FILE.read_text(encoding="utf-8"))["intent"]
    assert all(t["polarity"] in ("shortcoming", "strength", "recommendation") and t["why"].strip()
               for t in tables)
    terms = [(term, tuple(t.get("objects", ()))) for t in tables for term in t["terms"]]
    assert len(terms) == len(set(terms))
    lexicon = load_lexicon()
    members = {tuple(fold(s) for s in m) for ms in lexicon.synonyms for m in ms}
    assert not [c for c in lexicon.cues if not c.required and tuple(fold(s) for s in c.syllables) in members
                and (not c.kept or c.lead)]


def test_the_low_and_the_high_end_are_read_after_the_same_measures() -> None:
    """The two entries of a measure of merit's ends (polar22) mirror each other: both name the one
    list of [measures] (`with_named_measures`), so neither reads "thấp" after a measure whose "cao"
    is not read (rv22b)."""
    data = tomllib.loads(INTENTS_FILE.read_text(encoding="utf-8"))
    tables = with_named_measures(data["intent"], data.get("measures", {}))
    ends = {t["polarity"]: t["after"] for t in tables if {"thấp nhất", "cao nhất"} & set(t["terms"])}
    assert set(ends) == {"shortcoming", "strength"} and ends["shortcoming"] == ends["strength"]
    assert "chỉ số cchc" in ends["shortcoming"]


def test_an_intent_naming_no_list_of_measures_is_refused() -> None:
    with pytest.raises(ValueError, match="names no list"):
        with_named_measures([{"polarity": "strength", "terms": ["cao"], "after": "missing"}], {})


# ---------------------------------------------------------------------------- query_stopwords.txt


def test_a_filler_noun_is_ranked_not_required() -> None:
    """"công tác chỉ đạo điều hành" is "chỉ đạo điều hành": công tác is optional, kept in the exact phrase."""
    plan = plan_query("hạn chế trong công tác chỉ đạo điều hành")
    assert [s for g in plan.groups for s in g.alternatives[0].syllables] == ["chỉ", "đạo", "điều", "hành"]
    assert optional(plan) == ["hạn chế", "công tác"] and plan.polarity == "shortcoming"
    assert plan.exact is not None and "công" in plan.exact.syllables
    for filler, topic in (("tình hình", "giải quyết"), ("tình trạng", "trễ hạn"), ("vấn đề", "niêm yết"),
                          ("thời gian qua", "giải quyết")):
        text = f"{filler} {topic} hồ sơ"
        assert optional(plan_query(text)) == [filler]
        assert topic in " ".join(a for g in groups(text) for a in g)


def test_a_filler_alone_stays_required_and_folded_counts_by_its_reading() -> None:
    assert groups("công tác") == [["công tác"]]  # typed alone it is the topic
    # folded, "cong tac" reads công tác in the genre (the dictionary's công tắc is a switch): the
    # filler, ranked as typed with accents; accents typed for the other word keep it required
    assert optional(plan_query("cong tac van thu")) == ["cong tac"]
    plan = plan_query("cong tắc van thu")
    assert not optional(plan) and [s for g in plan.groups for s in g.alternatives[0].syllables][:2] == [
        "cong", "tắc"]


def test_the_procedure_and_the_result_heading_a_matter_are_ranked_not_required() -> None:
    """"thủ tục hộ tịch, chứng thực" asks about hộ tịch and chứng thực, "kết quả khắc phục" about
    the remedy: the heads the genre says of every matter are ranked, the matter required."""
    plan = plan_query("thủ tục hộ tịch, chứng thực")
    assert groups("thủ tục hộ tịch, chứng thực") == [["hộ tịch"], ["chứng thực"]]
    assert optional(plan) == ["thủ tục"] and plan.exact is not None and "thủ" in plan.exact.syllables
    assert optional(plan_query("báo cáo kết quả khắc phục")) == ["kết quả"]
    # any field the procedure heads, not the one query the list was read from
    assert groups("thủ tục đất đai, xây dựng") == [["đất đai"], ["xây dựng"]]
    assert optional(plan_query("kết quả xử lý kỷ luật cán bộ")) == ["kết quả"]
    assert groups("thủ tục") == [["thủ tục"]] and groups("kết quả") == [["kết quả"]]  # alone: the topic


def test_a_filler_gives_way_to_the_synonym_member_it_begins() -> None:
    """"thủ tục hành chính" is one term (TTHC), not the filler "thủ tục" before "hành chính"."""
    plan = plan_query("niêm yết thủ tục hành chính")
    assert not optional(plan)
    assert " ".join(plan.groups[-1].alternatives[0].syllables) == "thủ tục hành chính"
    assert "tthc" in [" ".join(a.syllables).lower() for a in plan.groups[-1].alternatives]


@pytest.mark.parametrize("text", [
    "chấn chỉnh tồn tại sau đợt KT", "chấn chỉnh tồn tại sau đợt kiểm tra", "đoàn KT đề nghị khắc phục",
    "khắc phục hạn chế qua cuộc kiểm tra", "chan chinh ton tai sau dot KT"])
def test_the_inspection_by_its_round_or_its_short_form_is_ranked_not_required(text: str) -> None:
    """The inspection named by its round or sitting (đợt, cuộc kiểm tra) or by "KT" after its head is
    the author of every finding, as "đoàn kiểm tra": ranked, never a group a finding must hold."""
    plan = plan_query(text)
    assert any(w.split()[0] in ("đợt", "dot", "đoàn", "cuộc") for w in optional(plan)), optional(plan)
    assert not any(w in g for g in groups(text) for w in ("kt", "đợt", "dot", "đoàn", "cuộc", "kiểm tra"))


@pytest.mark.parametrize("text", ["tự KT tại bộ phận một cửa", "tu KT bo phan mot cua"])
def test_kt_after_tu_is_the_self_inspection(text: str) -> None:
    """"tự KT" is the self-inspection a unit's reform plan schedules (tự kiểm tra), as typed or
    folded: the form is read as kiểm tra, no group left as the letters."""
    assert ["kt"] not in groups(text)
    assert any("kiểm tra" in g for g in groups(text)), groups(text)


@pytest.mark.parametrize(("text", "inspection"), [
    ("KT đột xuất cán bộ vắng mặt", "kiểm tra đột xuất"),
    ("kt dot xuat can bo vang mat", "kiểm tra đột xuất"),
    ("KT ngẫu nhiên giờ giấc các phòng", "kiểm tra ngẫu nhiên"), ("KT chuyên đề văn thư lưu trữ", "kiểm tra"),
    ("kq KT CCHC năm 2020", "kiểm tra"), ("kết quả KT công vụ", "kiểm tra công vụ")])
def test_kt_before_a_visits_mode_or_after_its_result_is_the_inspection(text: str, inspection: str) -> None:
    """"KT" before the mode of a visit (unannounced, random, thematic) or after "kết quả" is the
    inspection (read38): no economy or account is unannounced, an inspection announces its result."""
    assert ["kt"] not in groups(text)
    assert any(inspection in g for g in groups(text)), groups(text)


@pytest.mark.parametrize("text", ["kiểm tra ngẫu nhiên giờ giấc", "KT ngẫu nhiên giờ giấc",
                                  "kiểm tra xác suất hồ sơ"])
def test_a_spot_check_is_one_set_in_either_word(text: str) -> None:
    """Staff's "ngẫu nhiên" and the reports' "xác suất" name one spot check (read38), listed whole."""
    spot = next(g for g in groups(text) if any(a.startswith("kiểm tra") for a in g))
    assert {"kiểm tra ngẫu nhiên", "kiểm tra xác suất"} <= set(spot)
    # alone, "ngẫu nhiên" is "by chance": no spot check
    assert not any("xác suất" in " ".join(g) for g in groups("chọn ngẫu nhiên 10 hồ sơ"))


def test_the_public_service_check_without_notice_is_the_unannounced_inspection() -> None:
    """"kiểm tra công vụ đột xuất" (the kind named between verb and mode) is the unannounced visit."""
    typed = next(g for g in groups("kiểm tra đột xuất bộ phận một cửa") if "kiểm tra đột xuất" in g)
    assert "kiểm tra công vụ đột xuất" in typed
    assert any("kiểm tra đột xuất" in g for g in groups("kiểm tra công vụ đột xuất"))


@pytest.mark.parametrize(("text", "record"), [("tổ KT lập BB nhắc nhở", True), ("BB kiểm tra", True),
                                              ("ký BB làm việc", True), ("trường BB", False)])
def test_bb_beside_the_act_of_recording_is_the_record(text: str, record: bool) -> None:
    """"BB" after lập/ký or before what it records is biên bản (read38); alone it stays as typed."""
    assert (["biên bản"] in groups(text)) is record, groups(text)
    assert (["bb"] in groups(text)) is not record


def test_the_field_named_by_its_last_two_words_is_the_labour_and_social_field() -> None:
    """"thương binh - xã hội" in a list of fields is LĐTB&XH (read38); "thương binh" alone is not."""
    typed = next(g for g in groups("hs LĐTBXH trễ hạn") if "lđtbxh" in g)
    assert {"thương binh xã hội", "thương binh và xã hội"} <= set(typed)
    assert ["thương binh"] in groups("chế độ thương binh")


@pytest.mark.parametrize(("text", "dropped"), [
    ("kq KT theo KH 115/KH-UBND", ("kh",)), ("QĐ số 139/QĐ-UBND", ("qđ", "số")),
    ("thực hiện CT 17/CT-UBND", ("ct",)), ("Kế hoạch số 115/KH-UBND", ("kế", "hoạch", "số"))])
def test_a_kinds_code_before_a_document_number_is_its_citation(text: str, dropped: tuple[str, ...]) -> None:
    """A kind typed by its code before a number cites it, as its name does (read38): no group of
    its own ("kh", "ke hoach"), the number the document's group."""
    plan = plan_query(text)
    assert plan.dropped[-len(dropped):] == dropped, plan.dropped
    assert not any(g for g in groups(text) if "kh" in g or "kế hoạch" in g or "qđ" in g)
    assert any(g.doc_number for g in plan.groups)


def test_kt_alone_is_no_inspection() -> None:
    """"KT" alone is kiểm tra, kinh tế, kế toán, kỹ thuật: without its head it stays the word typed."""
    assert ["kt"] in groups("phòng KT huyện")


def test_the_inspection_team_is_not_a_word_of_the_answer() -> None:
    """"… thì đoàn kiểm tra kiến nghị xử lý thế nào": the team and the question words are not required."""
    plan = plan_query("cán bộ chưa đạt chuẩn thì đoàn kiểm tra kiến nghị xử lý thế nào")
    assert "đoàn kiểm tra" in optional(plan)
    assert not any(w in g for g in groups("cán bộ chưa đạt chuẩn thì đoàn kiểm tra kiến nghị xử lý thế nào")
                   for w in ("đoàn", "kiểm tra", "thế", "nào", "thì"))


@pytest.mark.parametrize(("text", "dropped"), [
    ("lãnh đạo vắng mặt khi đoàn đến", ["khi"]),
    ("hồ sơ trễ hạn trên địa bàn huyện", ["trên", "địa", "bàn"]),
    ("đối với cấp xã niêm yết thủ tục như nào", ["đối", "với", "như", "nào"]),
    ("mọi xã đều niêm yết", ["mọi"]),
    ("hồ sơ trễ hạn bao lâu", ["bao", "lâu"]),
])
def test_function_and_question_words_are_dropped(text: str, dropped: list[str]) -> None:
    assert [d for d in plan_query(text).dropped if d in dropped] == dropped


def test_a_quantifier_typed_without_accents_is_a_word() -> None:
    """"moi" is mọi, mới and mối: only "mọi" typed with its accents is dropped."""
    assert "moi" not in plan_query("quy dinh moi").dropped


# ------------------------------------------------------------------ queries typed without accents


@pytest.mark.parametrize(("text", "ranked", "required"), [
    # "co" is có (dropped typed with accents) or cơ, cô: ranked, and no longer a conjunct
    # ("khong co nguoi truc" is the absence cue, intents.toml: its "có người" is read whole);
    # "khong", read as the negation, is its sense group as written, không (session 25)
    ("bo phan mot cua khong co can bo truc", "co", ["không", "can bo", "truc"]),
    # ("tinh" after the topic is the province it is measured in: ranked too, intents.toml [setting];
    # "thap nhat" right after the index is its low end, the shortcomings' cue: ranked, polar22)
    ("don vi co chi so cchc thap nhat tinh", "co", ["don vi"]),
    # "cap" is cấp, a light verb or the level before "xa", ranked typed with its accents too
    ("ha tang cong nghe thong tin cap xa", "cap", ["ha tang", "xa"]),
    # "con" is the negation còn or con, cơn
    ("ho so con tre han", "con", ["ho so"]),
    # "cua" is của (dropped typed with accents) or cửa, the genre's door and one-stop desk
    # "nguoi dan" is one word though this index lacks it: shorthand (ngdân) stands for it (plan22)
    ("phan anh kien nghi cua nguoi dan", "cua", ["phan anh kien nghi", "nguoi dan"]),
])
def test_a_folded_syllable_of_an_accents_only_entry_is_ranked_not_required(
        text: str, ranked: str, required: list[str]) -> None:
    """Typed without accents, a syllable whose accented form is a function word, a light word or a
    cue counting only with accents is either that or a content word of the same spelling: neither
    dropped nor required, it is ranked (Plan.optional) and stays in the exact phrase."""
    plan = plan_query(text, _Words("ho so", "ha tang", "don vi"))
    assert ranked in optional(plan)
    firsts = [" ".join(g.alternatives[0].syllables) for g in plan.groups]
    assert ranked not in firsts
    assert all(word in firsts for word in required)
    assert plan.exact is not None and ranked in plan.exact.syllables


def test_typed_with_its_accents_the_entry_is_read_as_before() -> None:
    """The accents typed say which word it is: "có" is dropped, "cấp" a light word."""
    assert "có" in plan_query("đơn vị có chỉ số cchc thấp nhất tỉnh").dropped
    assert optional(plan_query("hạ tầng công nghệ thông tin cấp xã")) == ["cấp"]


def test_a_clear_word_with_its_neighbour_keeps_the_folded_syllable_a_word_of_the_topic() -> None:
    """"co nguoi" reads có người: "co" is có, ranked; where the syllable and its neighbour read as a
    word writing it otherwise, it is that word's (index/accents.py), so not the function word."""
    lexicon = load_lexicon()
    assert lexicon.folded_light_at(["khong", "co", "nguoi"], 1)
    clear = sorted(key for key in lexicon.readings.clear if key.startswith("co ") and len(key.split()) == 2
             and lexicon.readings.forms[key][0][0] != "có")
    assert clear, "the dictionary knows words starting with cơ, cô, cỏ … (cơ quan, cô giáo)"
    assert not lexicon.folded_light_at(clear[0].split(), 0)
    assert not lexicon.folded_light_at(["dong", "cua"], 1)  # đóng cửa: the door, not của
    assert lexicon.folded_light_at(["ho", "so", "con", "tre", "han"], 2)  # còn trễ hạn, not con trẻ


@pytest.mark.parametrize(("text", "first"), [
    ("so theo doi ho so tthc", ["so theo doi", "ho so", "tthc"]),  # sổ theo dõi, and the sơ of hồ sơ
    ("phieu hen so theo doi ho so", ["phieu hen", "so theo doi", "ho so"]),
    ("so ghi chep ho so", ["so ghi chep", "ho so"]),
])
def test_a_lone_folded_syllable_the_query_writes_in_a_longer_word_takes_the_next_word(
        text: str, first: list[str]) -> None:
    """Folded, "so" is sổ, số, sơ, sở: every finding holding "hồ sơ" holds it, so as a group of its
    own it would require nothing; with the word after it, it names the thing ("sổ theo dõi")."""
    plan = plan_query(text, _Words("ho so", "theo doi", "ghi chep", "phieu hen"))
    assert [" ".join(g.alternatives[0].syllables) for g in plan.groups] == first


def test_a_lone_folded_syllable_the_next_word_repeats_is_a_list_not_a_compound() -> None:
    """"phi le phi" is "phí, lệ phí" (fees and charges, listed): the lone "phi" is the word the
    next one repeats, no head of a compound with it ("phí lệ phí" is no thing), so it stays a
    word of its own, as the query typed with accents cuts it."""
    words = _Words("niem yet", "le phi")
    folded = plan_query("niem yet phi le phi", words)
    accented = plan_query("niêm yết phí lệ phí", words)
    assert [g.alternatives[0].syllables for g in folded.groups] == [("niem", "yet"), ("phi",), ("le", "phi")]
    assert [len(g.alternatives[0].syllables) for g in folded.groups] == [
        len(g.alternatives[0].syllables) for g in accented.groups]


def test_a_folded_dictionary_word_a_bare_cue_begins_is_that_word_as_typed_with_accents() -> None:
    """"cap tren" has one reading, cấp trên (the level above): typed "cấp trên" the cut takes the
    word before the light word "cấp"; folded, the bare "cap" had won and "tren" was dropped as
    "trên", so the folded query lost the word it asks about."""
    groups = [g.alternatives[0].syllables for g in plan_query("trien khai van ban chi dao cap tren").groups]
    assert ("cap", "tren") in groups
    assert ("cấp", "trên") in [g.alternatives[0].syllables
                                for g in plan_query("triển khai văn bản chỉ đạo cấp trên").groups]
    # a genre phrase the cue begins is no dictionary word: the cue "chậm" still names the failing
    assert plan_query("ho so truc tuyen cham tiep nhan").polarity == "shortcoming"


def test_a_folded_thi_ends_the_condition_of_a_question_as_typed_with_accents() -> None:
    """"… vang mat thi nguoi dung dau co phai chiu trach nhiem ko": the topic before "thì" is the
    condition, ranked, as typed with its accents; read folded only where no word of its
    neighbours reads "thi" otherwise (`Lexicon.folded_light_at`: not "thi hành", "kỳ thi")."""
    words = _Words("can bo", "vang mat", "nguoi dung dau", "trach nhiem")
    folded = plan_query("can bo vang mat thi nguoi dung dau co phai chiu trach nhiem ko?", words)
    accented = plan_query("cán bộ vắng mặt thì người đứng đầu có phải chịu trách nhiệm ko?", words)
    assert [fold(" ".join(g.alternatives[0].syllables)) for g in folded.groups] == [
        fold(" ".join(g.alternatives[0].syllables)) for g in accented.groups]
    assert ("vang", "mat") in [a.syllables for a in folded.optional]


@pytest.mark.parametrize("text", ["cap nhat so", "sổ theo dõi hồ sơ", "so theo doi", "ho so so"])
def test_a_lone_syllable_stays_one_without_the_longer_word_or_typed_with_accents(text: str) -> None:
    plan = plan_query(text, _Words("ho so", "theo doi", "cap nhat"))
    assert any(g.alternatives[0].syllables in (("so",), ("sổ",)) for g in plan.groups)


def test_a_lone_folded_syllable_with_a_clear_dictionary_word_is_that_word() -> None:
    """"so sach" has one reading, sổ sách (the records): the cut reads it whole, as typed with
    accents, though the index lacks the word (index/query/analysis.py `_guessed`)."""
    plan = plan_query("cap nhat so sach", _Words("ho so", "theo doi", "cap nhat"))
    assert [g.alternatives[0].syllables for g in plan.groups] == [("cap", "nhat"), ("so", "sach")]


def test_a_folded_question_particle_is_no_question() -> None:
    """"hả", "nhỉ" end a question only typed with accents: folded, "ha" is hạ of hạ tầng, Hà."""
    lexicon = load_lexicon()
    assert not lexicon.is_question(["ha", "tang", "cong", "nghe", "thong", "tin", "cap", "xa"])
    assert lexicon.is_question(["hạ", "tầng", "công", "nghệ", "thông", "tin", "cấp", "xã", "yếu", "hả"])
    assert not plan_query("ha tang cong nghe thong tin").question
    assert "ha" not in plan_query("ha tang xuong cap").dropped


def test_cue_words_alone_folded_are_what_the_query_looks_for() -> None:
    """A query of such syllables only still finds them: required after all, as the light words."""
    plan = plan_query("co")
    assert [[" ".join(a.syllables) for a in g.alternatives] for g in plan.groups] == [["co"]]


@pytest.mark.parametrize(("typed", "words"), [
    ("đoàn kiểm tra đánh giá cao đơn vị nào?", [["đoàn kiểm tra"], ["đánh giá cao"]]),
    ("hạn chế", [["hạn chế"]]),
])
def test_cue_phrases_alone_are_required_whole(typed: str, words: list[list[str]]) -> None:
    """A query of cue and light phrases only requires them after all, each read whole as the lexicon
    knew it: "đánh giá cao" is the praise, not "đánh giá" and "cao" (an amount) apart (read39)."""
    plan = plan_query(typed)
    assert [[" ".join(a.syllables) for a in g.alternatives][:1] for g in plan.groups] == words
    assert plan.polarity == {"hạn chế": "shortcoming"}.get(typed, "strength")


class _Words(Vocabulary):
    """An index knowing some multi-syllable words (folded), as the segmented findings give them."""

    def __init__(self, *words: str) -> None:
        self.words = set(words)

    def known_words(self, candidates: Sequence[str]) -> set[str]:
        return self.words & set(candidates)


def test_the_words_inside_a_folded_synonym_are_cut_as_the_genre_writes_it() -> None:
    """The matter tier ranks by the words inside the query's terms and synonyms (Plan.related);
    typed without accents, "di muon" brings its synonyms folded ("di lam muon"), whose words the
    cut finds only on their accented spelling ("đi làm muộn" holds the dictionary's "đi làm"):
    so the folded query ranks its matter by the same words as the one typed with accents."""
    folded = {" ".join(a.syllables) for a in plan_query("di muon ve som").related}
    accented = {" ".join(a.syllables) for a in plan_query("đi muộn về sớm").related}
    assert "di lam" in folded
    assert folded == accented


def test_a_longer_clear_word_holding_the_next_word_whole_reads_the_folded_syllable() -> None:
    """"tu kiem tra" is the genre's "tự kiểm tra" (self-inspection, a concept's term), so "tu" is
    not the function word "từ" there, though "tu kiem" alone is no word: the span holds the cut's
    next word ("kiem tra") whole. A span cutting through that word reads nothing."""
    lexicon = load_lexicon()
    assert ("tự", "kiểm", "tra") in lexicon.phrases
    assert not lexicon.folded_light_at(["tu", "kiem", "tra", "cong", "tac"], 0, (False, 2))
    assert lexicon.folded_light_at(["tu", "kiem", "tra", "cong", "tac"], 0, (False, 3))
    firsts = [" ".join(g.alternatives[0].syllables) for g in plan_query("tu kiem tra cong tac cchc").groups]
    assert firsts[:2] == ["tu", "kiem tra"]


# ------------------------------------------------------------ synonyms.toml, fourth pass (syn17)
@pytest.mark.parametrize(("typed", "member"), [
    # written from the domain's fields, no judged query read: the law's name, the everyday one,
    # the abbreviation, the name before a renaming
    ("cấp sổ đỏ", "giấy chứng nhận quyền sử dụng đất"), ("sổ hồng", "GCN QSDĐ"),
    ("chuyển đổi mục đích sử dụng đất", "chuyển mục đích sử dụng đất"),
    ("sang tên sổ đỏ", "chuyển nhượng quyền sử dụng đất"),
    ("giấy đăng ký kết hôn", "giấy chứng nhận kết hôn"), ("giay dang ki ket hon", "giay ket hon"),
    ("bản sao công chứng", "bản sao có chứng thực"), ("xác nhận cư trú", "xác nhận thông tin về cư trú"),
    ("người tàn tật", "người khuyết tật"), ("xuất khẩu lao động", "đi làm việc ở nước ngoài theo hợp đồng"),
    ("VSATTP", "an toàn thực phẩm"), ("TTATGT", "an toàn giao thông"), ("KCB BHYT", "khám bệnh chữa bệnh"),
    ("thu hút FDI", "đầu tư trực tiếp nước ngoài"), ("tài sản nhà nước", "tài sản công"),
    ("nghỉ hưu sớm", "nghỉ hưu trước tuổi"),
    ("hợp đồng 68", "hợp đồng 111"), ("phi địa giới", "không phụ thuộc địa giới hành chính"),
    ("thuc hien de an 06", "đề án phát triển ứng dụng dữ liệu về dân cư định danh và xác thực điện tử"),
    ("trục LGSP", "nền tảng tích hợp chia sẻ dữ liệu cấp tỉnh"), ("ATTT", "an toàn thông tin"),
    ("Phòng KT&HT", "phòng kinh tế hạ tầng"), ("đấu thầu điện tử", "đấu thầu qua mạng"),
])
def test_the_domain_names_one_thing_these_ways(typed: str, member: str) -> None:
    assert any(fold(member) in group for group in folded_groups(typed)), groups(typed)


def test_an_accents_only_name_of_the_certificate_leaves_the_folded_words_alone() -> None:
    """"sổ đỏ" brings the land certificate only typed with its accents: folded, "so do" is also
    "số đó" (trong số đó) and "sơ đồ", which stay words of their own."""
    assert not any("giay chung nhan quyen su dung dat" in g for g in folded_groups("trong so do"))
    assert any("giay chung nhan quyen su dung dat" in g for g in folded_groups("sổ đỏ"))


def test_a_member_holding_dang_ky_keeps_its_other_spelling() -> None:
    """A longer member read first would hide the spelling set of đăng ký it holds: its kí twin is
    listed, so "giấy đăng kí kết hôn" is the certificate too."""
    assert any("giấy chứng nhận kết hôn" in g for g in groups("giấy đăng kí kết hôn"))
    assert any("giấy đăng kí kết hôn" in g for g in groups("giấy đăng ký kết hôn"))


def test_the_sets_measured_and_dropped_leave_the_words_apart() -> None:
    """Rules named by their words stay three words: as one phrase, findings naming them apart fell."""
    assert groups("quy chế chi tiêu nội bộ")[1:] == [["chi tiêu"], ["nội bộ"]]


def test_a_grade_of_the_yearly_assessment_keeps_its_strength_cue() -> None:
    """The grades (hoàn thành tốt nhiệm vụ) are no member: "tốt" stays the query's sense."""
    assert "tốt" in optional(plan_query("đơn vị hoàn thành tốt nhiệm vụ"))


@pytest.mark.parametrize(("typed", "apart"), [
    ("CBCC vòi tiền, gây khó dễ cho dân", {"vòi", "tiền"}),
    ("hạn chế trong tiếp nhận phản ánh, lấy ý kiến người dân", {"lấy"}),
    ("bấm nút đánh giá hài lòng", {"bấm nút", "bấm", "nút"}),
    ("thủ tục hành dân, đi lại nhiều lần", {"nhiều", "lần", "thủ tục"}),
])
def test_a_word_of_the_staff_is_read_whole(typed: str, apart: set[str]) -> None:
    """Words the dictionary lacks (vòi tiền, lấy ý kiến, bấm nút đánh giá) are read whole as the set's
    member, never as syllables a finding must hold ("lấy" of every "máy lấy số"); a frequency
    ("nhiều lần") is ranked, never required (query_stopwords.txt; read39)."""
    said = [set(g) for g in groups(typed)]
    assert not any(g <= apart for g in said), said


def test_a_frequency_of_the_matter_is_ranked() -> None:
    plan = plan_query("cán bộ vắng mặt nhiều lần")
    assert "nhiều lần" in optional(plan)
    assert not any(g.alternatives[0].syllables in {("nhiều",), ("lần",)} for g in plan.groups)


def test_a_member_holding_the_frequency_is_read_whole() -> None:
    """"bổ sung hồ sơ nhiều lần", the forbidden act, keeps its frequency: the member is read first."""
    assert any("yêu cầu bổ sung hồ sơ nhiều lần" in g for g in groups("yêu cầu bổ sung hồ sơ nhiều lần"))


@pytest.mark.parametrize(("typed", "kept"), [
    ("xã phường mới sau sáp nhập gặp khó khăn gì?", ["xã", "phường", "sáp nhập"]),
    ("cập nhật văn bản quy định mới", ["cập nhật", "văn bản", "quy định"]),
    ("trụ sở mới", ["trụ sở"]),
    ("xa phuong moi sau sap nhap tru so", ["xa", "phuong", "sap nhap", "tru so"]),
])
def test_new_after_a_noun_is_ranked_not_required(typed: str, kept: list[str]) -> None:
    """"Mới" after a noun (the merged commune, the new rule) is ranked, never required: the findings
    write it as often as the adverb "only then" ("UBND xã mới chuyển", query_stopwords.txt, read41)."""
    plan = plan_query(typed)
    assert [g[0] for g in groups(typed)] == kept
    assert [fold(a) for a in optional(plan)][:1] == ["moi"], optional(plan)


def test_new_judging_a_method_or_inside_a_word_is_read_as_before() -> None:
    assert plan_query("mô hình mới trong CCHC").polarity == "strength"
    assert groups("đổi mới phương thức làm việc")[0] == ["đổi mới"]
    assert groups("mới") == [["mới"]]  # typed alone, the query


@pytest.mark.parametrize("typed", ["thực hiện 1 cửa LT", "một cửa LT", "thuc hien 1 cua LT"])
def test_the_inter_agency_one_stop_typed_short_brings_its_name(typed: str) -> None:
    """"1 cửa LT" is the mechanism the reports name in full, "một cửa liên thông" (read40)."""
    assert any(fold("một cửa liên thông") in g for g in folded_groups(typed)), groups(typed)


def test_lt_alone_and_the_name_typed_in_full_stay_their_words() -> None:
    """"LT" alone is also lưu trữ; the full name typed is its words, which findings write apart."""
    assert not any("một cửa liên thông" in g for g in groups("hồ sơ lưu trữ LT"))
    assert not any("một cửa liên thông" in g for g in groups("phần mềm một cửa liên thông"))


def test_how_many_typed_short_is_the_question_word() -> None:
    plan = plan_query("tiến độ CCHC đạt bn %")
    assert not any(g.alternatives[0].syllables == ("bn",) for g in plan.groups)
    assert plan.amount_asked
