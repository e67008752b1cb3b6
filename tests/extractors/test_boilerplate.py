from __future__ import annotations

import pytest

from extractors.boilerplate import clean_boilerplate, is_boilerplate_line


@pytest.mark.parametrize("line", [
    "Upload", "Đăng nhập", "  • Đang online: 13", "Hôm nay: 1.583", "   Thống kê: 487.563",
    "Mã xác thực không đúng.", "  \u00a0Liên kết website", "Gửi bình luận", "< Trở về trang trước",
    "215 lượt xem", "12 người đã bình chọn", "Facebook Zalo Email", "%image_alt%", "Tất cả: 665,423",
])
def test_widget_lines_are_boilerplate(line: str) -> None:
    assert is_boilerplate_line(line)


@pytest.mark.parametrize("line", [
    "Đã tiếp nhận: 1.245 hồ sơ, đã giải quyết đúng hạn 1.240 hồ sơ.",
    "Bình chọn các đơn vị có chỉ số cải cách hành chính cao nhất năm 2022 là việc làm cần thiết.",
    "Đăng nhập hệ thống một cửa điện tử còn gặp khó khăn ở một số xã.",
    "Trong tuần, Đoàn kiểm tra làm việc với 5 xã.",
    "Hôm nay: Đoàn kiểm tra làm việc tại xã Tân Phú",
    "Tổng số: 35 thủ tục hành chính được niêm yết",
    "Upload hồ sơ trực tuyến mức độ 4 đạt 45%.",
])
def test_content_lines_are_kept(line: str) -> None:
    assert not is_boilerplate_line(line)


def test_cleaning_only_removes_whole_lines() -> None:
    text = "Tiêu đề bài viết\n\nNội dung đầu tiên.\nĐăng nhập\nNội dung thứ hai.\n  • Hôm nay: 12"
    assert clean_boilerplate(text) == "Tiêu đề bài viết\n\nNội dung đầu tiên.\nNội dung thứ hai."


def test_a_poll_box_goes_whole_but_a_label_without_its_count_is_judged_alone() -> None:
    """From the poll's label down to its vote count, the lines are the poll's; "Bình chọn" with
    no count below it (a section's word, or an article line) is judged as any line."""
    text = ("Bình chọn\nĐánh giá của bạn về Cổng thông tin điện tử huyện\nRất tốt\nTốt\n"
            "59 người đã bình chọn\nTin kiểm tra cải cách hành chính của huyện")
    assert clean_boilerplate(text) == "Tin kiểm tra cải cách hành chính của huyện"
    kept = "Khảo sát\nĐoàn kiểm tra đã khảo sát 12 xã trong tháng 5.\nKết quả tốt."
    assert clean_boilerplate(kept) == kept
