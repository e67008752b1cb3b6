"""The vocabulary of each area of public-administration reform, with weights.

Why weights: most findings name several matters ("bộ phận một cửa ... phần mềm ... chữ ký số");
the area is the one with the largest sum, so a specific term ("chữ ký số", "phiếu hẹn") counts
more than a broad one ("hồ sơ", "quy chế"). Terms are lower case in canonical tone placement
(`core.normalize.canonical_tones`) and match whole words. The eight codes and their scope follow
the annotation guide's table; "chung" is what is left when no specific matter scores enough.
"""

from __future__ import annotations

# The guide: planning, communicating or checking a rule is chi_dao, the conduct itself is its
# own area; so the activity words of chi_dao weigh more than the matter they are about.
# Below this best score a finding is an overall judgement ("chung").
SPECIFIC_MIN = 2.0
# Terms in the first part of a finding (its subject) say more about its matter.
SUBJECT_CHARS = 60
SUBJECT_BONUS = 1.3

AREA_TERMS: dict[str, tuple[tuple[str, float], ...]] = {
    "chi_dao": (
        ("kế hoạch cchc", 3.0), ("kế hoạch cải cách hành chính", 3.0), ("báo cáo cchc", 3.0),
        ("báo cáo cải cách hành chính", 3.0), ("chế độ thông tin báo cáo", 3.0), ("báo cáo định kỳ", 2.5),
        ("báo cáo tổng kết", 2.5), ("báo cáo", 1.0), ("kế hoạch", 1.0), ("chương trình", 0.5),
        ("tuyên truyền", 3.0), ("phổ biến", 2.0), ("quán triệt", 2.5), ("chỉ đạo", 1.5),
        ("lãnh đạo, chỉ đạo", 2.0), ("chỉ đạo, điều hành", 2.5), ("điều hành", 1.0), ("tự kiểm tra", 2.5),
        ("kiểm tra đôn đốc", 2.5), ("kiểm tra, đôn đốc", 2.5), ("người đứng đầu", 2.0), ("sáng kiến", 2.5),
        ("mô hình", 1.5), ("phiếu khảo sát", 3.0), ("phiếu thăm dò", 3.0), ("khảo sát", 1.5),
        ("sự hài lòng", 2.0), ("chỉ số cchc", 2.0), ("chỉ số cải cách hành chính", 2.0), ("par index", 2.5),
        ("tham mưu", 1.5), ("chương trình hành động", 1.5), ("nghị quyết", 1.0), ("văn bản chỉ đạo", 3.5),
        ("chủ trương", 1.0), ("thể chế hóa", 1.0), ("thông tin tuyên truyền", 2.5), ("cấp ủy", 1.0),
    ),
    "the_che": (
        ("văn bản quy phạm", 3.0), ("quy phạm pháp luật", 3.0), ("rà soát văn bản", 3.0),
        ("kiểm tra văn bản", 2.5), ("quy chế làm việc", 2.5), ("quy chế", 1.0), ("văn thư", 3.0),
        ("lưu trữ", 2.5), ("soạn thảo", 2.5), ("thể thức", 2.5), ("hồ sơ công việc", 3.0),
        ("danh mục hồ sơ", 3.0), ("văn bản đi", 2.0), ("văn bản đến", 2.0), ("kho lưu trữ", 3.0),
        ("chỉnh lý", 2.0), ("thể chế", 2.0), ("pháp luật", 1.0), ("ban hành văn bản", 2.0),
        ("hết hiệu lực", 1.0), ("sổ đăng ký văn bản", 3.0), ("con dấu", 2.0),
    ),
    "tthc": (
        ("một cửa", 2.5), ("một cửa liên thông", 3.0), ("thủ tục hành chính", 2.0), ("tthc", 2.0),
        ("thủ tục", 1.0), ("hồ sơ", 0.8), ("tiếp nhận", 1.5), ("trả kết quả", 1.5), ("giải quyết", 1.0),
        ("đúng hạn", 2.0), ("trước hạn", 2.0), ("quá hạn", 2.5), ("trễ hạn", 2.5), ("tồn đọng", 2.0),
        ("đúng hẹn", 2.0), ("niêm yết", 2.5), ("phiếu hẹn", 3.0), ("sổ theo dõi", 3.0), ("kiosk", 3.0),
        ("bưu chính công ích", 3.0), ("phản ánh, kiến nghị", 2.5), ("phản ánh kiến nghị", 2.5),
        ("kiến nghị, phản ánh", 2.5), ("hướng dẫn thủ tục", 2.5), ("đường dây nóng", 2.5),
        ("tiếp công dân", 2.0), ("máy lấy số", 3.0), ("xếp hàng", 2.0), ("liên thông", 1.5),
        ("chứng thực", 2.0), ("hộ tịch", 1.5), ("khai sinh", 2.0), ("đơn giản hóa", 2.5),
        ("hồ sơ địa chính", 2.0), ("trả lại", 1.0), ("giao dịch", 1.0), ("bộ phận tiếp nhận", 2.5),
        ("phí, lệ phí", 1.0), ("nhận dư", 1.5), ("thành phần hồ sơ", 2.5), ("ngoài quy định", 1.0),
    ),
    "bo_may": (
        ("chức năng, nhiệm vụ", 3.0), ("chức năng nhiệm vụ", 3.0), ("phân công", 2.5),
        ("sắp xếp tổ chức", 3.0), ("tổ chức bộ máy", 3.0), ("bộ máy", 2.0), ("biên chế", 2.5),
        ("không chuyên trách", 2.5), ("số lượng cán bộ", 2.0), ("kiện toàn", 2.5), ("kiêm nhiệm", 2.0),
        ("phó giám đốc", 1.5), ("cấp phó", 2.0), ("số lượng", 1.0), ("đơn vị hành chính", 2.0),
        ("địa giới hành chính", 3.0), ("mốc địa giới", 3.0), ("tinh giản", 2.0), ("sáp nhập", 2.0),
        ("quyền hạn", 1.5), ("cơ cấu tổ chức", 3.0),
    ),
    "cong_vu": (
        ("trình độ", 2.0), ("đạt chuẩn", 2.5), ("chuẩn", 1.0), ("đào tạo", 2.0), ("bồi dưỡng", 2.0),
        ("tuyển dụng", 2.5), ("bổ nhiệm", 2.5), ("vị trí việc làm", 3.0), ("kỷ luật", 2.5),
        ("kỷ cương", 2.5), ("giờ giấc", 3.0), ("thời giờ làm việc", 3.0), ("thời gian làm việc", 3.0),
        ("giờ làm việc", 2.5), ("giờ hành chính", 2.5), ("vắng mặt", 3.0), ("vắng", 2.0), ("đi muộn", 3.0),
        ("về sớm", 3.0), ("đúng giờ", 2.5), ("chậm giờ", 3.0), ("có mặt", 2.0), ("đeo thẻ", 3.0),
        ("treo thẻ", 3.0), ("thẻ công chức", 3.0), ("biển tên", 3.0), ("văn hóa công sở", 3.0),
        ("quy tắc ứng xử", 3.0), ("thái độ", 2.5), ("đạo đức", 2.0), ("tác phong", 2.0), ("lề lối", 2.0),
        ("khen thưởng", 2.0), ("xử lý vi phạm", 2.0), ("vi phạm", 1.5), ("hồ sơ cán bộ", 3.0),
        ("công vụ", 1.5), ("uống rượu", 3.0), ("trụ sở", 1.0), ("trực", 1.0), ("xe công", 2.5),
        ("phòng làm việc", 2.0), ("nơi làm việc", 1.5), ("trang phục", 2.0), ("năng lực", 1.5),
        ("nhân sự", 1.5), ("công tác cán bộ", 2.5), ("kiểm điểm", 1.5), ("chuyên môn, nghiệp vụ", 2.0),
        ("nghiệp vụ", 1.0), ("phẩm chất", 2.0), ("lối sống", 2.0), ("đánh giá, xếp loại", 2.5),
        ("cán bộ, công chức", 0.8), ("công chức", 0.5), ("tinh thần trách nhiệm", 1.5), ("đi làm", 2.0),
    ),
    "tai_chinh": (
        ("tài chính", 2.5), ("thu chi", 3.0), ("thu, chi", 3.0), ("quỹ", 2.5), ("chi tiêu nội bộ", 3.5),
        ("tự chủ", 2.5), ("tài sản công", 3.0), ("ngân sách", 2.0), ("kế toán", 2.0), ("kinh phí", 2.0),
        ("thu phí", 2.0), ("lệ phí", 1.5), ("khoán", 1.5), ("chứng từ", 2.0), ("quyết toán", 2.5),
        ("tài sản", 1.5), ("đóng góp", 1.5),
    ),
    "so_hoa": (
        ("phần mềm", 3.0), ("văn bản điện tử", 3.0), ("chữ ký số", 3.5), ("ký số", 3.0),
        ("hộp thư công vụ", 3.5), ("email công vụ", 3.5), ("thư điện tử", 3.0), ("hộp thư", 2.0),
        ("dịch vụ công trực tuyến", 3.5), ("trực tuyến", 2.5), ("cổng thông tin", 3.0),
        ("trang thông tin điện tử", 3.0), ("iso", 3.0), ("mạng", 1.5), ("máy tính", 2.5), ("internet", 2.5),
        ("công nghệ thông tin", 3.0), ("hiện đại hóa", 3.0), ("hiện đại hoá", 3.0), ("điện tử", 2.0),
        ("cơ sở vật chất", 2.0), ("trang thiết bị", 2.0), ("chính phủ điện tử", 3.0), ("chính phủ số", 3.0),
        ("chuyển đổi số", 3.0), ("lan", 1.0), ("mạng nội bộ", 2.5), ("hệ thống quản lý chất lượng", 3.0),
        ("chứng thư số", 3.0), ("thiết bị ký số", 3.0), ("token", 2.0), ("gmail", 2.0),
        ("hộp thư cá nhân", 2.5), ("email cá nhân", 2.5), ("ứng dụng", 1.0), ("số hóa", 3.0),
    ),
}
