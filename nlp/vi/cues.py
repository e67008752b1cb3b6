"""Evaluative cue words of Vietnamese inspection reports, with weights.

Why weights: one statement often carries cues of two kinds ("chưa thực hiện tốt", "đề nghị ...
khắc phục những hạn chế"); the finding takes the kind with the larger sum, so a strong cue
("đề nghị", "chưa") outweighs a weak one ("theo quy định"). All patterns are regular
expressions over lower-case text with canonical tone placement (`core.normalize.canonical_tones`),
written here in that form; `\\b` works because Vietnamese letters are `\\w`.
"""

from __future__ import annotations

from core.models import Polarity

# A statement needs at least this much evidence of one kind to count as a finding.
MIN_SCORE = 1.0

# Negated faults: "không có hồ sơ quá hạn", "không để xảy ra", "hạn chế tối đa hồ sơ trễ":
# the fault word inside is masked and the whole counts as a strength.
NEGATED_FAULTS: tuple[tuple[str, float], ...] = (
    (r"\bkhông (?:có|còn|để|để xảy ra|bị)\b[^;.:]{0,50}?\b(?:quá hạn|trễ hạn|trễ hẹn|tồn đọng|chậm trễ"
     r"|vi phạm|sai sót|sai phạm|tiêu cực|khiếu nại|khiếu kiện|phản ánh,? kiến nghị|phản ánh|uống rượu|rượu, bia"
     r"|nhũng nhiễu|phiền hà|xảy ra|sai)\b", 2.5),
    (r"\bkhông để (?:xảy ra|tồn đọng|tiêu cực|phát sinh)\b", 2.5),
    (r"\bhạn chế (?:tối đa|đến mức thấp nhất)\b[^,;.:]{0,60}", 2.5),
    (r"\b(?:đều|cũng) có lý do\b", 2.5),
    (r"\bgiảm (?:thiểu )?(?:số |tỷ lệ )?(?:hồ sơ )?(?:quá hạn|trễ hạn|tồn đọng)\b", 2.0),
)

# Phrases whose directive word is a noun or a relative clause, not an instruction:
# "phản ánh, kiến nghị", "đáp ứng yêu cầu", "những hạn chế cần khắc phục".
NOT_DIRECTIVE: tuple[str, ...] = (
    r"\bphản ánh,? kiến nghị\b",
    r"\bý kiến,? kiến nghị\b",
    r"\bkiến nghị,? phản ánh\b",
    r"\b(?:chưa có|không có) (?:kiến nghị|đề xuất)\b",
    r"\b(?:đáp ứng|đạt|theo|bảo đảm|đảm bảo|so với|phù hợp với|chưa đạt|không đạt)(?: được)?(?: tốt)?"
    r"(?: các| mọi)? yêu cầu\b",
    r"\byêu cầu (?:công tác|công việc|nhiệm vụ|thực thi|đặt ra|của)\b",
    r"\b(?:hạn chế|tồn tại|thiếu sót|yếu kém|khuyết điểm)[^.;:]{0,40}?\bcần(?: phải)? (?:khắc phục|lưu ý)\b",
    r"\bcần thiết\b",
    r"\bbiện pháp khắc phục\b",
)

RECOMMENDATION: tuple[tuple[str, float], ...] = (
    (r"\b(?:đề nghị|kiến nghị|yêu cầu|đề xuất)\b", 3.0),
    (r"\bcần(?: phải)?\b", 2.0),
    (r"\b(?:cần|buộc|bắt buộc|đều) phải\b", 1.0),
    (r"\bphải (?:báo cáo|giải trình|khắc phục|thực hiện|chấn chỉnh|kiểm điểm|xử lý|thanh tra|kiểm tra)\b",
     1.5),
    (r"\b(?:khắc phục|chấn chỉnh|kiểm điểm|nhắc nhở|rút kinh nghiệm)\b", 1.5),
    (r"\bchỉ đạo\b[^.;]{0,60}\b(?:khắc phục|chấn chỉnh|xử lý)\b", 1.0),
)

# Action verbs: opening a list item they make it an item of its own ("; niêm yết ..."), and an
# instruction when the context already asks for action ("; tăng cường ...").
ACTION_START = (
    r"^(?:đồng thời,? )?(?:tiếp tục|tăng cường|đẩy mạnh|tập trung|duy trì|nâng cao|nâng|chú trọng|quan tâm"
    r"|thực hiện|khẩn trương|kịp thời|sớm|rà soát|xử lý|chấn chỉnh|khắc phục|quán triệt|phát huy"
    r"|nghiêm túc|chỉ đạo|triển khai|đào tạo|bố trí|lập|cập nhật|vận hành|chuẩn bị|bổ sung|kiện toàn"
    r"|thường xuyên|đảm bảo|bảo đảm|xây dựng|tổ chức|tuyên truyền|áp dụng|ứng dụng|đổi mới|hoàn thiện"
    r"|hướng dẫn|niêm yết|công khai|ban hành|lấy|phấn đấu|đáp ứng|siết chặt|xiết chặt|làm rõ|chỉ rõ)\b"
)

SHORTCOMING: tuple[tuple[str, float], ...] = (
    (r"\bchưa\b", 2.0),
    (r"\bvẫn còn\b", 1.5),
    (r"\bcòn\b(?! lại)", 1.0),
    (r"\bkhông\b(?! chỉ| ngừng| chuyên trách| gian| dùng giấy| những)", 1.5),
    (r"\b(?:hạn chế|tồn tại|thiếu sót|yếu kém|khuyết điểm|bất cập|sai sót|sai phạm|sai quy định)\b", 2.0),
    (r"\bthiếu\b", 1.5),
    (r"\b(?:quá hạn|trễ hạn|trễ hẹn|tồn đọng|chậm trễ)\b", 2.0),
    (r"\bchậm\b(?! nhất)", 1.5),
    (r"\bthấp\b", 1.5),
    (r"\b(?:vắng|vắng mặt|đi muộn|về sớm|bỏ vị trí)\b", 2.0),
    # Offices found shut in working hours, the press's usual sign of absent officials.
    (r"\b(?:khóa trái|khóa cửa|đóng cửa)\b", 2.0),
    (r"\bvi phạm\b", 1.5),
    (r"\bkhông đúng\b", 1.0),
    (r"\b(?:rườm rà|trục trặc|hư hỏng|lãng phí|nhũng nhiễu|gây phiền hà|gây khó khăn)\b", 2.0),
    (r"\b(?:hỏng hóc|xuống cấp|lạc hậu|đã cũ|cũ kỹ|chắp vá)\b", 2.0),
    (r"\bkém\b", 1.5),
    (r"\bđể xảy ra\b", 1.5),
    (r"\b(?:phê bình|hết hiệu lực|chưa kịp thời)\b", 1.5),
    (r"\b(?:chỉ có|mới chỉ|chỉ mới|chỉ đạt|chỉ còn)\b", 1.5),
    (r"\bmới\b[^.;,]{0,30}\b(?:chuyển|có|thực hiện|trả)\b", 0.5),
)

STRENGTH: tuple[tuple[str, float], ...] = (
    (r"\b(?:thực hiện|chấp hành|triển khai) (?:khá |rất )?(?:tốt|nghiêm|nghiêm túc)\b", 2.0),
    (r"\bđánh giá (?:cao|khá tốt|tốt|rất tốt)\b", 2.5),
    (r"\bghi nhận\b", 1.5),
    (r"\btốt\b(?! hơn)", 1.5),
    (r"\b(?:kịp thời|đúng hạn|trước hạn|đúng hẹn|đúng giờ)\b", 1.5),
    (r"\b(?:đúng|theo) quy định\b", 0.5),
    (r"\b(?:nghiêm túc|nghiêm)\b", 1.0),
    (r"\b(?:đầy đủ|có đủ|đủ số lượng)\b", 1.0),
    (r"\bcơ bản\b", 1.0),
    (r"\b(?:hoàn thành|hoàn chỉnh)\b", 1.0),
    (r"\bđạt(?: chuẩn| yêu cầu| kết quả| tiến độ)\b", 1.5),
    (r"\bđạt (?:tỷ lệ )?\d", 1.0),
    (r"\b100 ?%", 1.0),
    (r"\b(?:có )?hiệu quả\b", 1.0),
    (r"\b(?:đồng bộ|toàn diện|tích cực|chuyển biến|tiến bộ|linh hoạt|sáng tạo|nhanh chóng)\b", 1.0),
    (r"\b(?:quan tâm|chú trọng)\b", 1.0),
    (r"\b(?:đảm bảo|bảo đảm|phù hợp|thuận lợi|minh bạch|khoa học|gọn gàng|sạch sẽ)\b", 1.0),
    (r"\b(?:tận tình|hòa nhã|lịch sự|chu đáo|niềm nở|nhiệt tình)\b", 1.5),
    (r"\b(?:đều có|đều đeo|đều được|có mặt đầy đủ)\b", 1.0),
    (r"\b(?:nề nếp|nếp|ổn định|thường xuyên|chủ động|đa dạng|thiết thực|sâu sắc|kỹ)\b", 0.5),
    (r"\b(?:đã|có) (?:ban hành|bố trí|thực hiện|triển khai|tổ chức|xây dựng|niêm yết|trang bị|mở|cung cấp"
     r"|cập nhật|áp dụng|ứng dụng|chỉnh lý|kiện toàn|phân công)\b", 1.0),
    (r"\bkết quả (?:tích cực|tốt|cao|đạt được)\b", 1.0),
)

# Words right before a strength cue that turn it into a fault: "chưa thực hiện tốt".
NEGATORS = r"(?:chưa|không|thiếu|kém|chưa thực sự|chưa được|không được)"

# Words that mark a lead-in which announces a list of faults, merits or demands.
FAULT_NOUNS = r"(?:hạn chế|tồn tại|thiếu sót|khuyết điểm|yếu kém|sai sót|bất cập|vướng mắc|khó khăn)"
MERIT_NOUNS = r"(?:ưu điểm|kết quả|mặt tích cực|mặt làm được|điểm mạnh)"

# Section headings of a report and the polarity they give their contents.
SECTION_HEADINGS: tuple[tuple[str, Polarity], ...] = (
    (r"\b(?:tồn tại|hạn chế|thiếu sót|khuyết điểm|yếu kém|nguyên nhân|khó khăn|vướng mắc)\b", Polarity.SHORTCOMING),
    (r"\b(?:kiến nghị|đề xuất|đề nghị|nhiệm vụ|giải pháp|phương hướng)\b", Polarity.RECOMMENDATION),
    (r"\b(?:kết quả đạt được|ưu điểm|mặt làm được|kết quả thực hiện|kết quả kiểm tra)\b", Polarity.STRENGTH),
)

# Openers that add nothing to a finding and are left out of its span.
CONNECTORS = (
    r"^(?:tuy nhiên|đồng thời|bên cạnh đó|ngoài ra|cụ thể(?: là)?|trước hết(?:,? đó là)?|đó là|chẳng hạn"
    r"|mặt khác|theo đó|qua đó|do đó|vì vậy|vì thế|bên cạnh (?:những|các) (?:kết quả|mặt tích cực|ưu điểm)"
    r"(?: đạt được)?(?:,? thì)?|nhìn chung thì|thêm vào đó)\b[,:]?\s*"
)
# "Qua kiểm tra (thực tế tại ...) (cho thấy)," / "Kết quả kiểm tra cho thấy," / "... nhận thấy".
INSPECTION_LEADS = (
    r"^qua (?:công tác |đợt |buổi )?kiểm tra\b[^,;:]{0,100}?,\s*",
    r"^[^;:]{0,200}?\b(?:cho thấy|nhận thấy|thấy rằng)\b,?\s*",
    r"^(?:đoàn|tổ)(?: công tác| kiểm tra| thanh tra| công vụ)*(?: cũng)? đánh giá\b(?! cao)(?: rằng)?,?\s*",
)

# A purpose clause ("Để khắc phục ..., ") opens a statement without judging anything itself.
PURPOSE_LEAD = r"^(?:nhằm|để)\b[^,;:]{0,200},\s*"

# Statements about the inspection itself, plans and web-page furniture: never findings.
NON_FINDING = (
    r"^(?:thực hiện|căn cứ|theo) (?:kế hoạch|quyết định|chỉ thị|công văn|thông báo|sự chỉ đạo|chỉ đạo"
    r"|văn bản|nghị quyết)\b",
    r"\bsẽ\b",
    r"\b(?:bạn|độc giả)\b",
    r"\b(?:mã xác thực|bình luận|lượt xem|đăng nhập|trang chủ|liên kết web|chia sẻ|bình chọn|bản quyền"
    r"|tin liên quan|xem thêm|đang online|truy cập|ảnh:)",
    r"^(?:đoàn|tổ)(?: công tác| kiểm tra| thanh tra| công vụ| cải cách hành chính| cchc)*(?: của [^,]{0,40})?"
    r"(?:(?: đã| cũng| vừa)+ (?:tiến hành|đến|làm việc|kiểm tra|có buổi)| tiến hành| đến| làm việc)\b(?![^.;]*\b(?:đề nghị|yêu cầu|kiến nghị|đánh giá|ghi nhận)\b)",
)

# Where an official document's closing begins (Nghị định 30/2020/NĐ-CP): the recipients list
# ("Nơi nhận:"), the signer's authority ("TM.", "KT.", "TL.", "TUQ."), and the closing formulas
# ("Trên đây là ...", "Biên bản được lập thành 02 bản ..."). Nothing from there on is a finding.
CLOSING_LINE = r"(?m)^[ \t]*(?:nơi nhận[ \t]*:|(?:tm|kt|tl|tuq)\.[ \t])"
CLOSING_FORMULA = r"\b(?:trên đây là|biên bản (?:được lập thành|này được lập|kết thúc))\b"
CLOSING_MIN_SHARE = 0.4  # a closing sits in the last part of a document, never near its top

# A sentence naming who is assigned to act next ("giao Sở Nội vụ tăng cường thanh tra") is the
# inspecting body's own plan, not a judgement of the inspected.
SENTENCE_NON_FINDING = (
    r"\b(?:cũng )?giao (?:cho )?(?:sở|phòng|ban|thanh tra|văn phòng|đoàn|tổ)\b",
)

# Words that open a subject of its own after a comma: "..., kiosk tra cứu ... chưa cập nhật".
SUBJECT_START = (
    r"^(?:việc|công tác|tỷ lệ|số lượng|các|một số|nhiều|hầu hết|toàn bộ|đa số|phần lớn|đơn vị|ubnd|uỷ ban"
    r"|bộ phận|phần mềm|kiosk|lịch|hồ sơ|trường|trạm|cơ sở vật chất|trang thiết bị|đoàn|tổ|quy chế"
    r"|kế hoạch|báo cáo|phiếu|sổ|hệ thống|cổng|chế độ|lãnh đạo)\b"
)
