"""Area classification on findings written for these tests, one or more per area."""

import unicodedata

import pytest

from nlp.areas import area_scores, classify_area


@pytest.mark.parametrize(("text", "area"), [
    ("Xã chưa ban hành kế hoạch CCHC năm 2024 và chưa làm tốt công tác tuyên truyền", "chi_dao"),
    ("Số lượng phiếu khảo sát sự hài lòng thu về còn thấp", "chi_dao"),
    ("Công tác văn thư, lưu trữ chưa đúng quy định, chưa có kho lưu trữ", "the_che"),
    ("Chưa rà soát văn bản quy phạm pháp luật do xã ban hành", "the_che"),
    ("Phiếu hẹn không ghi ngày trả kết quả, sổ theo dõi hồ sơ còn thiếu", "tthc"),
    ("Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt 98%", "tthc"),
    ("Chưa kiện toàn bộ máy, số lượng người hoạt động không chuyên trách vượt quy định", "bo_may"),
    ("Một số công chức đi muộn, không đeo thẻ khi làm việc", "cong_vu"),
    ("Công chức văn hóa có trình độ chưa đạt chuẩn, chưa được bồi dưỡng", "cong_vu"),
    ("Quy chế chi tiêu nội bộ chưa được sửa đổi, thu chi quỹ chưa công khai", "tai_chinh"),
    ("Tỷ lệ văn bản có chữ ký số gửi qua hộp thư công vụ còn thấp", "so_hoa"),
    ("Chưa áp dụng hệ thống quản lý chất lượng ISO, dịch vụ công trực tuyến ít phát sinh hồ sơ", "so_hoa"),
    ("Công tác cải cách hành chính của xã được đánh giá khá tốt", "chung"),
])
def test_each_area_from_its_vocabulary(text: str, area: str) -> None:
    assert classify_area(text) == area


def test_tone_placement_and_nfd_do_not_matter() -> None:
    old_style = "Chưa hiện đại hóa, chưa sử dụng phần mềm quản lý văn bản"
    new_style = old_style.replace("hóa", "hoá")
    decomposed = unicodedata.normalize("NFD", old_style)
    assert classify_area(old_style) == classify_area(new_style) == classify_area(decomposed) == "so_hoa"


def test_specific_term_outweighs_broad_one() -> None:
    scores = area_scores("Hồ sơ giải quyết chậm do phần mềm một cửa điện tử bị lỗi, chữ ký số hết hạn")
    assert scores["so_hoa"] > scores["tthc"]
