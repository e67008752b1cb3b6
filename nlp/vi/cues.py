"""Evaluative cue words of Vietnamese inspection reports, with weights.

Why weights: one statement often carries cues of two kinds ("chưa thực hiện tốt", "đề nghị ...
khắc phục những hạn chế"); the finding takes the kind with the larger sum, so a strong cue
("đề nghị", "chưa") outweighs a weak one ("theo quy định"). All patterns are regular
expressions over lower-case text with canonical tone placement (`core.normalize.canonical_tones`),
written here in that form; `\\b` works because Vietnamese letters are `\\w`.
"""

from __future__ import annotations

from core.alternation import longest_first
from core.levels import ADMIN_LEVELS, abbreviations_pattern, words_pattern
from core.models import Polarity

# A statement needs at least this much evidence of one kind to count as a finding.
MIN_SCORE = 1.0

# Conditions: "đơn vị nào để xảy ra vi phạm, người đứng đầu phải chịu trách nhiệm", "nếu để hồ sơ
# quá hạn thì ...": the fault is hypothetical, the sentence's judgement is in its main clause,
# which starts at a comma or at "thì", "phải", "sẽ", "cần", "đều".
CONDITIONS: tuple[str, ...] = (
    r"\b(?:nếu|hễ|(?:đơn vị|nơi|cơ quan|địa phương|cá nhân|cán bộ|công chức|người) nào)\b[^,;.]{0,80}?"
    r"(?=,|;|\.| (?:thì|phải|sẽ|cần|đều)\b|$)",
    # "Trường hợp để xảy ra ..., căn cứ tính chất ... xử lý": a clause opened by "trường hợp" (in
    # case) is hypothetical; "trường hợp này/đó" points back to a real case, and "còn trường hợp"
    # (there are still cases) is a fault, not a condition.
    r"^trường hợp\b(?! (?:này|đó|trên|nêu trên|như vậy)\b)[^,;.]{0,80}?(?=,|;|\.| (?:thì|phải|sẽ|cần)\b|$)",
)

# The genre's two negations of an act: "chưa" (not yet: "chưa niêm yết", the usual way a report
# states a fault, as work still to do) and "không" (not: "không đeo thẻ"). The cues that take
# either compose from NOT; where only one holds it is written alone (SHORTCOMING weighs "chưa" above
# "không", a denied fault reads "không có ...", a shortfall "chưa" or "không đạt"). NEGATORS adds the
# words that only turn a merit word ("thiếu", "kém", "khó").
NOT = r"(?:chưa|không)"

# Nothing to judge: "chưa phát sinh hồ sơ", "không phát sinh hồ sơ trực tuyến" report that no case
# arose, a neutral count, so their negator is not counted as a fault; no fault arising ("không phát
# sinh hồ sơ trễ hạn") is a negated fault, read before these.
NOTHING_AROSE: tuple[str, ...] = (rf"\b{NOT}(?: có)? phát sinh\b",)

# Misconduct of officials, which the genre reports without any negator ("công chức tự ý thu thêm
# phí ngoài quy định", "sử dụng điện thoại làm việc riêng, chơi game trong giờ làm việc", "dùng xe
# công đi lễ chùa", "tài sản công sử dụng sai mục đích"): the conduct itself is the fault; denied
# ("không có biểu hiện hách dịch, cửa quyền") it is a merit, as a negated fault is. Drink is
# written "rượu, bia" as the law names it (Luật Phòng, chống tác hại của rượu, bia 2019) or
# without the comma; either order.
MISCONDUCT = (r"(?:làm việc riêng|việc riêng|chơi game|chơi điện tử|tự ý|ngoài quy định|trái quy định"
              r"|trái phép|sai mục đích|không đúng mục đích|lạm dụng|lợi dụng|hách dịch|cửa quyền|vòi vĩnh"
              r"|sách nhiễu|thu thêm|thu sai|uống rượu|rượu,? bia|bia,? rượu|dùng xe công|sử dụng xe công"
              r"|vượt thẩm quyền)")

# Negated faults: "không có hồ sơ quá hạn", "không để xảy ra", "hạn chế tối đa hồ sơ trễ":
# the fault word inside is masked and the whole counts as a strength.
NEGATED_FAULTS: tuple[tuple[str, float], ...] = (
    (r"\bkhông (?:có|còn|để|để xảy ra|bị|phát sinh)\b[^;.:]{0,50}?\b(?:quá hạn|trễ hạn|trễ hẹn|tồn đọng"
     r"|chậm trễ|vi phạm|sai sót|sai phạm|tiêu cực|khiếu nại|khiếu kiện|phản ánh,? kiến nghị|phản ánh"
     rf"|nhũng nhiễu|phiền hà|xảy ra|sai|{MISCONDUCT})\b", 2.5),
    (r"\bkhông để (?:xảy ra|tồn đọng|tiêu cực|phát sinh)\b", 2.5),
    (r"\bkhông (?:làm |gây )?ảnh hưởng (?:đến|tới)\b", 2.0),
    # Misconduct denied, alone or as a list ("không uống rượu bia trong giờ làm việc", "không có
    # biểu hiện hách dịch, cửa quyền, gây phiền hà"): the negation reaches every item of the list.
    (rf"\bkhông (?:có (?:biểu hiện|hành vi|tình trạng|hiện tượng) )?(?:gây )?{MISCONDUCT}"
     rf"(?:(?:,| và| hoặc| hay)+ (?:gây )?(?:{MISCONDUCT}|nhũng nhiễu|phiền hà|khó khăn|tiêu cực))*\b", 2.5),
    (r"\bhạn chế (?:tối đa|đến mức thấp nhất)\b[^,;.:]{0,60}", 2.5),
    # Absences excused ("8 công chức vắng mặt đều có lý do"): see ABSENCE_EXCUSED.
    (r"\b(?:đều|cũng) có lý do\b", 2.5),
    (r"\bgiảm (?:thiểu )?(?:số |tỷ lệ )?(?:hồ sơ )?(?:quá hạn|trễ hạn|trễ hẹn|tồn đọng)\b", 2.0),
    # Resolved faults: "đã khắc phục xong các tồn tại", "những hạn chế đã được khắc phục".
    (r"\b(?:đã|cơ bản đã|đều đã)(?: được)?(?: kịp thời| nghiêm túc)? (?:khắc phục|chấn chỉnh|sửa chữa|xử lý)"
     r"(?: xong| dứt điểm| kịp thời| ngay| triệt để)?\b[^;.:]{0,60}", 2.5),
    (r"\b(?:hạn chế|tồn tại|thiếu sót|sai sót|khuyết điểm|vi phạm)\b[^;.:]{0,40}?\bđã (?:được )?"
     r"(?:khắc phục|chấn chỉnh|sửa chữa|xử lý)\b", 2.5),
    # Absent faults: "không còn tình trạng cán bộ đi muộn", "không còn hiện tượng ...".
    (r"\b(?:không còn|không có|chưa (?:phát hiện|để xảy ra)|không phát hiện)"
     r" (?:tình trạng|hiện tượng|trường hợp)\b[^;.:]{0,80}", 2.5),
    # A burden spared ("người dân không phải đi lại nhiều lần", "không cần đến trực tiếp"): the
    # benefit e-services and one-stop offices are praised for.
    (r"\bkhông (?:phải|cần|mất công) (?:đi lại|chờ đợi|chờ|xếp hàng|đến trực tiếp|tiếp xúc trực tiếp"
     r"|nộp bản giấy|bổ sung nhiều lần)\b", 2.5),
    # A fault that shrank: "số hồ sơ quá hạn đã giảm so với cùng kỳ", "tỷ lệ trễ hạn giảm 2%".
    (r"\b(?:quá hạn|trễ hạn|trễ hẹn|tồn đọng|vi phạm|sai sót|khiếu nại|phản ánh)\b[^;.:]{0,40}?"
     r"\b(?:đã |đều )?giảm\b(?: mạnh| đáng kể| rõ rệt)?(?: so với| còn| \d)[^;.:]{0,40}", 2.5),
)

# "còn có" (also has) before the genre's merit nouns ("nhiều nơi còn có những sáng kiến rất thiết
# thực", "còn có mô hình hay"): "còn" adds a merit here, it does not mark one still lacking; the
# phrase is masked like a negated fault and counts as a strength.
ADDITIVE_MERITS: tuple[tuple[str, float], ...] = (
    (r"\bcòn có (?:những |nhiều |các |thêm )?(?:sáng kiến|mô hình|cách làm|điểm sáng|giải pháp)"
     rf"(?: mới| hay)?\b(?! {NOT}\b)", 1.5),
)

# Phrases whose directive word is a noun or a relative clause, not an instruction:
# "phản ánh, kiến nghị", "đáp ứng yêu cầu", "những hạn chế cần khắc phục".
NOT_DIRECTIVE: tuple[str, ...] = (
    r"\bphản ánh,? kiến nghị\b",
    r"\bý kiến,? kiến nghị\b",
    r"\bkiến nghị,? phản ánh\b",
    rf"\b{NOT} có (?:kiến nghị|đề xuất)\b",
    rf"\b(?:đáp ứng|đạt|theo|bảo đảm|đảm bảo|so với|phù hợp với|{NOT} đạt)(?: được)?"
    r"(?: tốt| đầy đủ| đủ| kịp thời)?"
    r"(?: các| mọi)? yêu cầu\b",
    r"\byêu cầu (?:công tác|công việc|nhiệm vụ|thực thi|đặt ra|của)\b",
    r"\b(?:hạn chế|tồn tại|thiếu sót|yếu kém|khuyết điểm)[^.;:]{0,40}?\bcần(?: phải)? (?:khắc phục|lưu ý)\b",
    r"\bcần thiết\b",
    r"\bbiện pháp khắc phục\b",
    # A proposal agreed to or acted on ("đồng ý với đề xuất của Sở Nội vụ", "theo đề nghị của Giám
    # đốc Sở"): the formula of a decision, which names whose proposal it was, not a demand.
    r"\b(?:đồng ý|nhất trí|thống nhất|theo|trên cơ sở|xét)(?: với)? (?:đề xuất|đề nghị|kiến nghị)\b",
)

RECOMMENDATION: tuple[tuple[str, float], ...] = (
    (r"\b(?:đề nghị|kiến nghị|yêu cầu|đề xuất)\b", 3.0),
    (r"\bcần(?: phải)?\b", 2.0),
    (r"\b(?:cần|buộc|bắt buộc|đều) phải\b", 1.0),
    # The modal of duty before a verb the recommendations prescribe; the query reads it in a question
    # with a list of its own (index/vi/intents.toml, the "phải" intent's `objects`): keep both alike.
    (r"\bphải (?:báo cáo|giải trình|khắc phục|thực hiện|chấn chỉnh|kiểm điểm|xử lý|thanh tra|kiểm tra)\b",
     1.5),
    (r"\b(?:khắc phục|chấn chỉnh|kiểm điểm|nhắc nhở|rút kinh nghiệm)\b", 1.5),
    (r"\bchỉ đạo\b[^.;]{0,60}\b(?:khắc phục|chấn chỉnh|xử lý)\b", 1.0),
    # Demands without "đề nghị": an obligation ("người đứng đầu phải chịu trách nhiệm"),
    (r"\bphải (?:chịu trách nhiệm|có trách nhiệm|có giải pháp|có biện pháp|bảo đảm|đảm bảo|tuân thủ"
     r"|chấp hành)\b",
     3.0),
    # a call for more ("Phát huy hơn nữa ...", "tăng cường hơn nữa"),
    (r"\b(?:phát huy|tăng cường|đẩy mạnh|nâng cao|quan tâm|chú trọng|nỗ lực|cố gắng)\b[^.;]{0,40}?"
     r"\bhơn nữa\b",
     3.0),
    # what is to be done next ("Thời gian tới, tiếp tục duy trì ..."),
    (r"\b(?:trong |thời gian |giai đoạn |năm )(?:tới|sắp tới)\b,?(?: \w+){0,6}? (?:cần |phải )?"
     r"(?:tiếp tục|tăng cường"
     r"|đẩy mạnh|duy trì|tập trung|nâng cao|phát huy|chú trọng|quan tâm|khắc phục|rà soát)\b", 3.0),
    # an urged remedy ("sớm khắc phục những hạn chế", "khẩn trương chấn chỉnh", "khắc phục những
    # thiếu sót trên"), not one reported as under way ("đang được khẩn trương hoàn thiện"): the
    # fault words after it are its object, not a finding of their own.
    (r"(?<!được )(?<!đã )(?<!đang )\b(?:sớm|khẩn trương|kịp thời|nghiêm túc|tập trung|quyết liệt)"
     r" (?:khắc phục|chấn chỉnh|rút kinh nghiệm"
     r"|xử lý|hoàn thành|bổ sung|hoàn thiện|sửa chữa|giải quyết dứt điểm)\b", 2.5),
    (r"\b(?:khắc phục|chấn chỉnh|sửa chữa)\b[^.;]{0,40}?\b(?:hạn chế|tồn tại|thiếu sót|sai sót|khuyết điểm"
     r"|vi phạm)\b[^.;]{0,30}?\b(?:trên|nêu trên|đã nêu|đã chỉ ra|được chỉ ra|đã được chỉ ra)\b", 3.0),
)

# Action verbs: opening a list item they make it an item of its own ("; niêm yết ..."), and an
# instruction when the context already asks for action ("; tăng cường ...").
ACTION_VERBS = (
    r"tiếp tục|tăng cường|đẩy mạnh|tập trung|duy trì|nâng cao|nâng|chú trọng|quan tâm"
    r"|thực hiện|khẩn trương|kịp thời|sớm|rà soát|xử lý|chấn chỉnh|khắc phục|quán triệt|phát huy"
    r"|nghiêm túc|chỉ đạo|triển khai|đào tạo|bố trí|lập|cập nhật|vận hành|chuẩn bị|bổ sung|kiện toàn"
    r"|thường xuyên|đảm bảo|bảo đảm|xây dựng|tổ chức|tuyên truyền|áp dụng|ứng dụng|đổi mới|hoàn thiện"
    r"|hướng dẫn|niêm yết|công khai|ban hành|lấy|phấn đấu|đáp ứng|siết chặt|xiết chặt|làm rõ|chỉ rõ"
)
ACTION_START = rf"^(?:đồng thời,? )?(?:{ACTION_VERBS})\b"

SHORTCOMING: tuple[tuple[str, float], ...] = (
    (r"\bchưa\b", 2.0),
    (r"\bvẫn còn\b", 1.5),
    (r"\bcòn\b(?! lại)", 1.0),
    # "không" but in words it only spells: "không chỉ/những" (not only), "không ngừng" (ceaselessly),
    # "không gian", "không khí", "không ít" (many), "không kể", "không phân biệt", and the civil
    # service's and e-government's own terms "không chuyên trách" (part-time), "không dùng giấy".
    (r"\bkhông\b(?! chỉ| ngừng| chuyên trách| gian| dùng giấy| những| khí| ít| kể| phân biệt)", 1.5),
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
    # "mới" (only so far) before an act: too little done yet ("mới có 3/10 xã", "mới thực hiện được
    # 40%", "mới trả kết quả ..."); weak, since "mới" is also "new".
    (r"\bmới\b[^.;,]{0,30}\b(?:chuyển|có|thực hiện|trả)\b", 0.5),
    # The genre's words for half-hearted work: "còn lúng túng", "xem nhẹ", "mang tính hình thức".
    (r"\b(?:lúng túng|xem nhẹ|chiếu lệ|đối phó|né tránh|đùn đẩy|nể nang|qua loa|tụt hậu|tụt hạng"
     r"|mang tính hình thức|còn hình thức|bị trừ điểm)\b", 2.0),
    (rf"\b{MISCONDUCT}\b", 2.0),
    # A harm done ("Tình trạng này đã ảnh hưởng đến chỉ tiêu ...", "kết nối không ổn định, ảnh hưởng
    # đến hiệu quả"): the genre says "ảnh hưởng đến" of a fault's consequences; none done ("không
    # ảnh hưởng đến tiến độ") is a negated fault.
    (r"\b(?:ảnh hưởng (?:đến|tới|không nhỏ|lớn)|gây ảnh hưởng)\b", 1.5),
    # A ranking that fell ("giảm 2 bậc", "giảm hạng").
    (r"\bgiảm (?:\d+ )?(?:bậc|hạng|điểm)\b", 2.0),
)

# After a verb of doing ("tổ chức", "triển khai", "thực hiện"): organising an inspection is the
# inspection itself ("đã tiến hành kiểm tra", "tổ chức đoàn kiểm tra"), no work of the inspected.
NOT_INSPECTION = r"(?! (?:kiểm tra|thanh tra|đoàn|tổ kiểm tra))"

# The organs of the state apparatus that the genre names as subjects and lists ("UBND", "cơ quan,
# đơn vị, địa phương", "sở, ngành"), besides the level words of core/levels.py.
ORGANS = r"ubnd|ủy ban nhân dân|cơ quan|đơn vị|địa phương|sở|ngành|phòng"

# Words saying a reported rate falls short of what it should be ("chỉ đạt 8%", "còn thấp", "chưa
# đạt", "không đạt", "dưới 10%"): a rate otherwise read as an achievement (the guide's rates).
SHORTFALL = r"(?:chỉ|mới|còn|thấp|chưa|không đạt|dưới)"

STRENGTH: tuple[tuple[str, float], ...] = (
    (r"\b(?:thực hiện|chấp hành|triển khai) (?:khá |rất )?(?:tốt|nghiêm|nghiêm túc)\b", 2.0),
    (r"\bđánh giá (?:cao|khá tốt|tốt|rất tốt)\b", 2.5),
    # "ghi nhận" praises ("ghi nhận những kết quả"), unless it only records ("ghi nhận tình hình").
    (r"\bghi nhận\b(?! (?:tình hình|thực tế|thực tiễn|ý kiến|thông tin|số liệu))", 1.5),
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
    # ... "khoa học" (orderly) but not in the name of a Sở/Bộ Khoa học và Công nghệ.
    (r"\b(?:đảm bảo|bảo đảm|phù hợp|thuận lợi|minh bạch|khoa học(?! và công nghệ)|gọn gàng|sạch sẽ)\b", 1.0),
    (r"\b(?:tận tình|hòa nhã|lịch sự|chu đáo|niềm nở|nhiệt tình)\b", 1.5),
    # All present and in order: the check of staff at their posts, wearing their name cards.
    (r"\b(?:đều có|đều đeo|đều được|có mặt đầy đủ)\b", 1.0),
    (r"\b(?:nề nếp|nếp|ổn định|thường xuyên|chủ động|đa dạng|thiết thực|sâu sắc|kỹ)\b", 0.5),
    # "đã và đang" (have been and still are) reports an act begun and going on, as "đã" one done.
    (r"\b(?:đã và đang|đã|có|được)(?: tiến hành)? (?:ban hành|bố trí|thực hiện|triển khai|tổ chức"
     r"|xây dựng|niêm yết|trang bị|mở|cung cấp|cập nhật|áp dụng|ứng dụng|chỉnh lý|kiện toàn|phân công"
     r"|công khai|rà soát"
     r"|sắp xếp|lắp đặt|treo|dán|phổ biến|quán triệt|số hóa)\b"
     rf"{NOT_INSPECTION}", 1.0),
    (r"\bkết quả (?:tích cực|tốt|cao|đạt được)\b", 1.0),
    # Work reported as pushed forward ("công tác CCHC tiếp tục được đẩy mạnh", "được tăng cường").
    (r"\b(?:đã |tiếp tục |ngày càng )?được (?:đẩy mạnh|tăng cường|nâng cao|cải thiện|nâng lên)\b", 1.0),
    # The genre's words of praise for how work is done and for offices.
    (r"\b(?:bài bản|chuyên nghiệp|văn minh|khang trang|thông thoáng|rõ rệt|dám nghĩ dám làm"
     r"|đi vào nề nếp|đi vào nếp|duy trì ổn định)\b", 1.5),
    (r"\b(?:biểu dương|khen ngợi|đánh giá cao)\b", 2.0),
    # Surpassing a target, leading a ranking, standing out.
    (r"\b(?:vượt (?:chỉ tiêu|kế hoạch|mục tiêu)|cao nhất|xuất sắc|điểm sáng|nổi bật|điển hình)\b", 1.5),
    # ... but not a delegation's leader ("do Phó Chủ tịch dẫn đầu")
    (r"\b(?:đứng|dẫn) đầu (?:tỉnh|huyện|thành phố|toàn|cả|khu vực|về)\b", 1.5),
    # The share of the work done online ("hồ sơ tiếp nhận qua dịch vụ công trực tuyến là: 69,7%",
    # "20.750 hồ sơ trực tuyến, đạt 87,6%"): an indicator of e-government with a target to reach
    # (the CCHC index scores it), so reported as an achievement, as the share on time is (the
    # guide's rates); not when the share is said to fall short, before the figure or after it
    # ("chỉ đạt 8%", "còn thấp, 8%", "đạt 8%, thấp hơn chỉ tiêu", "dưới 10%").
    (rf"\btrực tuyến\b(?:(?! {SHORTFALL}\b)[^.;%]){{0,20}}?\d+(?:[.,]\d+)?\s?%"
     rf"(?![^.;]*\b{SHORTFALL}\b)", 1.0),
    # Less time, cost or paperwork for the public ("rút ngắn thời gian giải quyết").
    (r"\b(?:cắt giảm|rút ngắn|giảm) (?:thời gian|chi phí|thủ tục|giấy tờ|số lần)\b", 1.5),
)

# A practice reported of a named body without an aspect marker ("tại xã X bố trí máy lấy số",
# "Nhiều xã, phường trang bị ...", "sở thường xuyên phổ biến ..."): Vietnamese leaves "đã" out of
# what a unit does as a rule, and news and reports list such practices as what the inspected do
# well. The clause must open with the body (maybe after "tại" or a quantifier) and reach the verb
# within a name's length, with no negator, modal or demand between them; the inspecting team
# ("đoàn", "tổ") and the public are never its subject.
PRACTICE_SUBJECTS = rf"(?:{ORGANS}|bộ phận|trung tâm|nơi|{words_pattern(ADMIN_LEVELS)})"
PRACTICE_VERBS = (r"(?:bố trí|trang bị|tổ chức|phổ biến|quán triệt|phối hợp|triển khai|ứng dụng|áp dụng"
                  r"|niêm yết|công khai|lắp đặt|cập nhật|duy trì|thực hiện|sử dụng|phân công|mở)")
REPORTED_PRACTICE = (
    r"^[\"“]?(?:tại )?(?:(?:nhiều|các|hầu hết|tất cả|cả|một số)(?: các)? )?(?:ubnd )?"
    rf"{PRACTICE_SUBJECTS}\b(?:,? {PRACTICE_SUBJECTS}\b)*"
    rf"(?: (?!(?:{NOT}|còn|cần|phải|sẽ|đề nghị|yêu cầu|kiến nghị|chỉ|mới|vẫn|được|bị)\b)[^\s,;.:]+){{0,4}}?"
    rf"(?: (?:thường xuyên|cũng|đều|luôn))? {PRACTICE_VERBS}\b"
    rf"{NOT_INSPECTION}"
)
STRENGTH = (*STRENGTH, (REPORTED_PRACTICE, 1.0))

# The grades of the CCHC index and of yearly reviews (xuất sắc, tốt, khá, trung bình, yếu): a unit
# graded "khá" or better ("đạt loại xuất sắc", "xếp loại khá", "đạt từ loại khá trở lên") is
# praised, one graded "trung bình" or worse, or dropped to it ("xuống loại trung bình"), is not.
GRADE_GOOD = (r"\b(?:đạt|xếp)(?: từ)? loại (?:xuất sắc|tốt|khá)\b", 1.5)
GRADE_POOR = (r"\b(?:đạt|xếp|xuống)(?: từ)? loại (?:trung bình|yếu|kém)\b", 1.5)
STRENGTH = (*STRENGTH, GRADE_GOOD)
SHORTCOMING = (*SHORTCOMING, GRADE_POOR)

# A place in a ranking with its field ("đứng vị trí thứ 4 trên tổng số 63 tỉnh", "xếp thứ 5/21",
# "xếp hạng 18/19"): the genre reports rankings of the CCHC index as praise near the top and as
# blame near the bottom. The groups `rank` and `of` are compared by the code (RANK_SHARE).
# "đạt" is a place only with its place word ("đạt vị trí thứ 2/15", "đạt hạng 3"): a bare "đạt
# 18/19 tiêu chí" is a score, criteria met, where more is better.
RANK = (r"\b(?:(?:đứng|xếp|xếp hạng)(?: (?:ở|tại))?(?: vị trí| hạng)?(?: thứ)?"
        r"|đạt(?: (?:ở|tại))?(?: vị trí(?: thứ)?| hạng(?: thứ)?| thứ)) (?P<rank>\d{1,3})"
        r"(?:/| trên (?:tổng số |số )?| trong (?:tổng số |số )?)(?P<of>\d{1,3})\b")
RANK_SHARE = 1 / 3  # within the first third a strength, within the last third a shortcoming
RANK_WEIGHT = 1.5

# Marks of work reported as done ("đã", "được", "đều"): a clause with merit words and one of these
# reports a strength even inside a list of demands; without them its merit words describe what
# is asked for ("niêm yết đầy đủ, kịp thời").
REPORTED = r"\b(?:đã|được|đều|đang)\b"

# A turn inside a clause ("có ban hành kế hoạch nhưng chưa cụ thể", "được niêm yết song chưa cập
# nhật"): what follows it is the clause's verdict.
# "nhưng" and "song" (but); "song song" (in parallel, side by side) is no turn.
BUT = r"(?:nhưng|song(?! song))"
TURN = rf"\b{BUT}\b"
# "Tuy nhiên" (however): the genre's contrast between sentences and clauses, the turn from what
# was done well to what is still lacking (the guide: what follows is usually a shortcoming); unlike
# BUT it opens its clause and is not a turn inside one ("có ban hành nhưng chưa cụ thể").
HOWEVER = r"tuy nhiên"
# The words that, after a comma, open a clause with a subject and verb of its own (the segmenter's
# clause cut, nlp/segment.py, and LEAD_JOIN): the turns, "bên cạnh đó" (besides) and "song song (với
# đó)" (alongside), which BUT leaves out as no turn, hence its own alternative.
CLAUSE_CONTRAST = rf"(?:{HOWEVER}|{BUT}|song(?= song)|bên cạnh đó)"

# A contrast opening a list item or clause ("...; song kết quả ... tụt hậu", "..., nhưng ..."): the
# verdict is what follows it; an item before it without a cue of its own is a concession
# ("đã tập trung chỉ đạo ...; song ..."), a merit granted, no part of the finding after the turn.
CONTRAST_OPEN = rf"\b(?:{HOWEVER}|{BUT})\b"
# "Tuy nhiên" opening a clause, maybe after the end of the piece before ("…; tuy nhiên, …"): the
# guide's sign that what follows is usually a shortcoming (a weak cue of its own, findings.py).
CONTRAST_LEAD = rf"\W*{HOWEVER}\b"

# Words right before a strength cue that turn it into a fault: "chưa thực hiện tốt".
NEGATORS = rf"(?:{NOT}|thiếu|kém|khó|chưa thực sự|chưa được|không được)"

# Words that mark a lead-in which announces a list of faults, merits or demands.
FAULT_NOUNS = r"(?:hạn chế|tồn tại|thiếu sót|khuyết điểm|yếu kém|sai sót|bất cập|vướng mắc|khó khăn)"
MERIT_NOUNS = r"(?:ưu điểm|kết quả|mặt tích cực|mặt làm được|điểm mạnh)"

# A sentence or item that only announces faults, maybe with their scope ("Tuy nhiên, một số đơn
# vị còn có thiếu sót.", "... nêu một số tồn tại, khó khăn khi thực hiện nhiệm vụ", "những hạn
# chế sau:"): a quantifier, the fault nouns, and nothing after them but where or whose they are.
FAULT_SUMMARY = (rf"\b(?:một số|những|các)\b[^.;:]{{0,40}}\b{FAULT_NOUNS}(?:,? {FAULT_NOUNS})*"
                 r"(?: khác)?(?: (?:tại|của|mà|cần|trong|khi|về|ở)\b[^.;:]{0,50})?(?: như sau| sau)?\W*$"
                 # ... or their causes, listed next ("Những hạn chế trên có nhiều nguyên nhân.")
                 rf"|\b{FAULT_NOUNS}(?: (?:trên|nêu trên|này|đó|đã nêu))?,? (?:là )?(?:do|có)"
                 r"(?: nhiều| một số| các)? nguyên nhân(?: (?:sau|chủ yếu|khách quan|chủ quan))*\W*$")

# ... but not a matter named as what gave rise to the faults ("Việc sắp xếp nhân sự ... đã phát sinh
# một số bất cập", "Việc X gây ra những bất cập"): a summary naming no matter only announces the
# faults listed next, while one saying the matter caused them judges that matter, a finding of its
# own (the guide: one finding per matter), whatever details follow. Causal verbs only: "bộc lộ"
# (shows) is the genre's summary verb ("Công tác CCHC còn bộc lộ một số hạn chế" says no more than
# "còn một số hạn chế"), and a summary that lists what follows ("... phát sinh những khó khăn
# sau:") stays an announcement.
MATTER_GAVE_FAULTS = (r"^(?:việc|công tác|quá trình|hoạt động)\b[^.;:]{0,200}?"
                      r"\b(?:phát sinh|nảy sinh|gây ra|dẫn đến|để lại)\b(?![^.;:]*\bsau\W*$)")

# Section headings of a report and the polarity they give their contents.
SECTION_HEADINGS: tuple[tuple[str, Polarity], ...] = (
    (r"\b(?:tồn tại|hạn chế|thiếu sót|khuyết điểm|yếu kém|nguyên nhân|khó khăn|vướng mắc)\b",
     Polarity.SHORTCOMING),
    (r"\b(?:kiến nghị|đề xuất|đề nghị|nhiệm vụ|giải pháp|phương hướng)\b", Polarity.RECOMMENDATION),
    (r"\b(?:kết quả đạt được|ưu điểm|mặt làm được|kết quả thực hiện|kết quả kiểm tra)\b", Polarity.STRENGTH),
)

# Words that open a subject of its own after a comma: "..., kiosk tra cứu ... chưa cập nhật".
SUBJECT_INSIDE = (
    r"(?:việc|công tác|tỷ lệ|số lượng|các|một số|nhiều|hầu hết|tất cả|toàn bộ|đa số|phần lớn|đơn vị"
    r"|ubnd|uỷ ban"
    r"|bộ phận|phần mềm|kiosk|lịch|hồ sơ|trường|trạm|cơ sở vật chất|trang thiết bị|đoàn|tổ|quy chế"
    r"|kế hoạch|báo cáo|phiếu|sổ|hệ thống|cổng|chế độ|lãnh đạo)\b"
)
SUBJECT_START = rf"^{SUBJECT_INSIDE}"
# A share said as a number after a clause holding a share of its own: the two parts of one whole,
# each with its own predicate ("61% số hồ sơ quá hạn là do dữ liệu đồng bộ chậm, 39% còn lại do cán
# bộ tiếp nhận chậm"), are two statements (annotation guide: items joined by "," split when they have
# their own verbs), as "tỷ lệ" opens one (SUBJECT_START). A share after a clause with none ("đã
# trang bị mạng nội bộ, 100% máy tính được kết nối") is one more side of the same statement.
SHARE = r"\d+(?:[.,]\d+)?\s?%"
# A figure given as the value of what the clause names ("số hồ sơ đang trong thời gian giải quyết
# là 21,73%", "số hồ sơ quá hạn: 12 hồ sơ"): the clause's predicate is the value, so it is a
# statement of its own, never a noun phrase ending the list before it. Results are reported as
# ";" series of such figures, and each figure is judged by its own words (quá hạn, đúng hạn) or by
# none: a count of dossiers still within their time judges nothing.
VALUE_STATED = (r"(?:\blà|:)\s+(?:khoảng |gần |hơn |trên )?\d[\d.,/]*"
                r"(?:\s?%|(?:\s+\w+){0,3})$")
# ... unless what it measures is judged by the figure alone: a rate ("tỷ lệ hài lòng là 98%": the
# annotation guide's "achievements stated as rates are strengths"), an index score or a rank ("chỉ
# số CCHC năm 2022 là 85,5 điểm", "xếp hạng: thứ 3": overall judgements by the guide). The cues do
# not all judge these yet; joined to the item before, they stay in a finding's words.
MEASURE_JUDGED_BY_FIGURE = r"\b(?:tỷ lệ|chỉ số|xếp (?:hạng|thứ|loại))\b"

# Openers that add nothing to a finding and are left out of its span; "Đơn cử như" (for instance),
# "Đặc biệt," / "Đáng chú ý," (notably) and "Trong đó," (among them) only point at the example,
# matter or part of a whole said before that follows.
CONNECTORS = (
    rf"^(?:{HOWEVER}|{BUT}|đồng thời|bên cạnh đó|ngoài ra|cụ thể(?: là)?|trước hết(?:,? đó là)?"
    r"|đó là|chẳng hạn|đơn cử(?: như)?|(?:đặc biệt|đáng chú ý|trong đó)(?=,)|mặt khác|theo đó|qua đó|do đó"
    r"|vì vậy|vì thế"
    # "Được biết," (it is learned that): the reporting frame without its speaker, which the
    # genre's "ông X cho biết," gives with one (REPORTED_SPEECH_LEAD); no word of the statement
    r"|được biết(?=,)"
    r"|bên cạnh (?:những|các) (?:kết quả|mặt tích cực|ưu điểm)"
    r"(?: đạt được)?(?:,? thì)?|nhìn chung thì|thêm vào đó"
    # the genre's spelled-out enumeration of tasks, causes or faults ("Một là, tăng cường ...",
    # "Thứ hai, ..."): an item's number, as "1." is, no word of the statement
    r"|(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười) là(?=[,:])"
    r"|thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)(?=[,:]))\b[,:]?\s*"
)
# A sentence opened by "Đồng thời" goes on with the act of the sentence before it: after a demand,
# its subject-less clauses ("Đồng thời, có giải pháp giảm tỷ lệ trễ hẹn") are more demands.
CONTINUES = r"^đồng thời\b"
# "Qua kiểm tra (thực tế tại ...) (cho thấy)," / "Kết quả kiểm tra cho thấy," / "... nhận thấy".
INSPECTION_LEADS = (
    # "Qua (kết quả) kiểm tra ...,", "Qua rà soát,", "Sau (khi) kiểm tra,": the check the statement
    # came out of, the genre's commonest opener; its words ("kiểm tra", "kết quả") are every
    # report's and say nothing of the matter
    r"^qua (?:công tác |đợt |buổi |kết quả |việc )?(?:kiểm tra|rà soát)\b[^,;:]{0,100}?,\s*",
    r"^sau (?:khi |đợt |buổi )?kiểm tra\b[^,;:]{0,60}?,\s*",
    r"^[^;:]{0,200}?\b(?:cho thấy|nhận thấy|thấy rằng)\b,?\s*",
    r"^(?:đoàn|tổ)(?: công tác| kiểm tra| thanh tra| công vụ)*(?: cũng)? đánh giá\b(?! cao)(?: rằng)?,?\s*",
    # "... thì ghi nhận bộ phận có mở sổ", "đoàn ghi nhận UBND phường X có bố trí ...": the inspector
    # notes a clause with a subject or a predicate of its own, which is the finding; "ghi nhận những
    # kết quả ...", "ghi nhận vào lúc 8h30, ..." keep the verb, since what follows is no statement
    # by itself (the merits noted, or when). SUBJECT_INSIDE is SUBJECT_START without its anchor.
    rf"^[^;:]{{0,200}}?\bghi nhận\s+(?=(?:có\b|{SUBJECT_INSIDE})(?!(?: \w+)? {MERIT_NOUNS}\b))",
)

# A news article reports through frames the annotation guide leaves out of every span: who said it,
# whose account it is, to whom it was said, when, and the outlet's tag. Each is matched where a
# clause starts (findings._trim_leadins); the three that name someone are NEWS_FRAMES, and stay when
# the statement points back into them (REFERS_BACK).
#
# Who reports (a person by a title, or a body): the speaker of "X cho biết" and the source of "Theo
# X,". "bộ" is a ministry, not the set it also counts ("Theo bộ tiêu chí đánh giá, ...", "bộ thủ
# tục", "bộ hồ sơ"), which is a rule cited, as "Theo quy định," is.
REPORTERS = (r"(?:ông|bà|đồng chí|đại diện|lãnh đạo|(?:phó )?(?:chủ tịch|giám đốc|trưởng)|thứ trưởng"
             r"|bộ trưởng|chánh văn phòng|văn phòng|ubnd|ủy ban|hđnd|sở|ban|phòng|trung tâm"
             r"|(?:chi |tổng )?cục|thanh tra|đoàn|tổ"
             r"|bộ(?! (?:tiêu chí|chỉ số|thủ tục|hồ sơ|câu hỏi)\b))\b")
# Who says it ("Trao đổi với phóng viên, ông X cho biết, ..."): what follows is the statement,
# judged on its own cues. News writes "cho biết" (said) with or without the comma ("ông X, chủ tịch
# UBND huyện Y cho biết huyện đã gửi ..."): said by a person or a body opening the clause, it takes
# a clause, so what follows is the statement all the same. The speaker is a subject and nothing
# more: words holding a predicate ("Phòng Tư pháp chưa có bảng cho biết thời hạn ...", "Trưởng
# phòng không nắm được quy trình, cho biết ...") make the clause a statement of its own, where
# "cho biết" is "shows" or the second verb of one subject. "không/chưa cho biết" (did not say) is
# the fault itself. "khẳng định", "nhấn mạnh" also take a noun ("nhấn mạnh vai trò ..."), so only
# their comma marks a statement. The occasion or topic may stand before the speaker, closed by a
# comma ("Về vấn đề này, ông X cho biết ..."). A dot inside a number or an abbreviation
# ("TX.An Nhơn") is no sentence end.
_NOT_SAID = r"(?<!không )(?<!chưa )"
_PREDICATE = rf"(?:{NOT}|có|được|bị|đã|đang|vẫn|còn)"
_SPEAKER_CHAR = rf"(?:(?!\b{_PREDICATE}\b(?! cho biết))[^;:.,]|\.(?=\S))"  # one, in a subject of no predicate
REPORTED_SPEECH_LEAD = (r"^(?:(?:[^;:.]|\.(?=\S)){0,120}?,\s*)?"
                        rf"(?:(?=\w){_SPEAKER_CHAR}{{1,100}}?,?\s*{_NOT_SAID}"
                        r"\b(?:cho biết|khẳng định|nhấn mạnh)(?: thêm)?(?: rằng)?,\s*"
                        rf"|(?:một )?{REPORTERS}{_SPEAKER_CHAR}{{0,100}}?,?\s*{_NOT_SAID}"
                        r"\bcho biết(?: thêm)?(?: rằng)?\s+)")
# Whose figures or account it is ("Theo Văn phòng UBND tỉnh X, 61% số hồ sơ ...", "Theo báo cáo của
# Trung tâm Phục vụ hành chính công tỉnh X, ..."): the news genre's source, as "X cho biết" is a
# speaker; a body or a person, never a rule or a plan ("theo quy định", "theo kế hoạch": BASIS_LEAD),
# nor a report with no author ("Theo báo cáo, xã đã ... nhưng thực tế ..."), where the frame says the
# claim is the report's and not the inspectors'.
SOURCE_LEAD = (r"^theo (?:(?:báo cáo|thống kê|số liệu|thông tin|đánh giá|nhận định)(?: của)? )?"
               rf"{REPORTERS}[^;:,]{{0,100}},\s*")
# To whom it was said ("Giải trình với đoàn thanh tra công vụ, ...", "Trao đổi với PV, ...", "Làm
# việc với UBND tỉnh B, ..."), what about ("Nói về vai trò của ..., Bí thư X đánh giá cao ...",
# "Đề cập đến ..., "), or where and when the inspectors arrived ("Có mặt tại trụ sở UBND phường B
# lúc 8h40, Đoàn kiểm tra ghi nhận ..."): the occasion of the statement, not the statement. The
# arrival only with its clock time, which an unannounced check reports: without one "có mặt tại" is
# the finding's own predicate, who was there ("Có mặt tại bộ phận một cửa chỉ có 1 công chức, ...").
# What a statement is about, named before it up to a comma. Two kinds, one list of each, read by
# the extraction (the span) and by the themes (the matter): a verb of speaking about ("Nói về việc số
# hóa hồ sơ, Chủ tịch UBND huyện cho rằng …", "Đề cập đến …,"), the occasion of a quoted statement
# and cut from its span (OCCASION_LEAD); and a preposition of topic ("Về vấn đề này, ông X cho biết
# …", "Liên quan đến …,", "Đối với …,"), which stays in the span unless a speaker follows it
# (REPORTED_SPEECH_LEAD's preamble). Either way the frame names the statement's matter, which a span
# cut after it no longer says (nlp.themes.frame_matter).
TOPIC_VERBS: tuple[str, ...] = ("nói về", "đề cập đến", "đề cập tới")
TOPIC_MARKERS: tuple[str, ...] = ("về", "liên quan đến", "liên quan tới", "đối với")
TOPIC_LEADS: tuple[str, ...] = TOPIC_VERBS + TOPIC_MARKERS
# To whom it was said ("Trao đổi với PV về …,"): the occasion's verbs, before "với".
OCCASION_VERBS: tuple[str, ...] = ("giải trình", "trao đổi", "làm việc", "phát biểu", "chia sẻ")
_DAY = r"\d{1,2}[-/.]\d{1,2}(?:[-/.]\d{2,4})?"  # a day and month, perhaps the year: 12/3, 12-3-2024
_CLOCK = r"\d{1,2}\s?(?:h|giờ)(?:\s?\d{1,2}(?:\s?phút|['’])?)?"
OCCASION_LEAD = (rf"^(?:(?:(?:{longest_first(OCCASION_VERBS)}) với|{longest_first(TOPIC_VERBS)})"
                 r" [^,;:]{0,80}"
                 rf"|có mặt tại [^,;:]{{0,80}}? (?:vào )?lúc {_CLOCK}(?: (?:sáng|chiều|trưa|tối))?"
                 rf"(?: (?:ngày )?{_DAY})?),\s*")
NEWS_FRAMES = (REPORTED_SPEECH_LEAD, SOURCE_LEAD, OCCASION_LEAD)
# ... unless the statement's subject points back into the frame ("Văn phòng UBND tỉnh B cho biết Chủ
# tịch UBND tỉnh này đã yêu cầu ..."): the frame then holds the only name of who acts, and a finding
# is read alone (a search result, a comparison row), where "tỉnh này" names no one; the guide's first
# item "keeps what it needs to be understood on its own".
REFERS_BACK = (rf"^[^,;:]{{0,40}}?\b(?:{words_pattern(ADMIN_LEVELS)}|sở|ngành"
               r"|cơ quan|đơn vị|địa phương) này\b")
# When, opening the sentence with a comma ("Năm 2021, ...", "Trong tháng 10 vừa qua, ...", the
# dateline "Ngày 10.11, ...", "Chiều qua (13/9), ...", "Sáng nay, ...", "Hôm qua 2-7, ..."): the
# document's and the finding's dates are read apart (nlp/dates.py reads the whole text); the span is
# the statement, as the annotation guide's spans begin. Only where the sentence opens: inside it
# ("…, năm 2023, chưa ban hành …") a time dates that part alone and is the part's own word. The
# genre's reporting periods are quarters in Roman numerals ("Quý I/2023,", "Trong quý III,") and
# months counted from the year's start ("6 tháng đầu năm 2023,", "9 tháng năm 2023,").
_YEAR = r"(?:/\d{4}| năm \d{4})"
TIME_LEAD = (r"^(?:trong |vào )?"
             rf"(?:(?:(?:sáng|chiều|tối|trưa) )?(?:ngày|tháng|năm|quý) \d[\d/.-]*(?: năm \d{{4}})?"
             rf"|quý (?:iv|i{{1,3}})\b{_YEAR}?|\d{{1,2}} tháng(?: đầu| cuối)? năm(?: \d{{4}})?"
             rf"|(?:sáng|chiều|tối|trưa|hôm)(?: nay| qua| hôm qua)?(?: ngày)? {_DAY}"
             r"|(?:sáng|chiều|tối|trưa|hôm)(?: nay| qua| hôm qua))"
             r"(?: \([^()]{0,30}\))?(?: vừa qua| qua)?,\s*")
# A complaint of the press or the public ("một số báo chí phản ánh ...", "người dân phản ánh việc
# ..."): what it reports is a fault of an office, the ground on which an authority orders a check
# (the Government Office's notices, the inspection reports answering them); the lead announces a
# shortcoming, and the complaint is the statement. A paper's readers complain in its own columns
# ("Bạn đọc phản ánh ...", "Theo phản ánh của độc giả, ..."), as citizens do.
READERS = r"(?:bạn đọc|độc giả)"
COMPLAINT_LEAD = (rf"^[^;:.]{{0,160}}?\b(?:báo chí|dư luận|người dân|cử tri|công dân|{READERS})\b"
                  r"[^;:.,]{0,30}?\bphản ánh(?: rằng| về việc| việc| tình trạng)?\s+")

# ... and the same after a quotation ("“...”, Thứ trưởng Nguyễn Văn A ghi nhận.", or with a dash,
# "\"...\" – bà B thông tin."): the quote is the statement; a closing quote mark before the comma or
# the dash makes it a quotation.
REPORTED_SPEECH_TAIL = (r"[\"”](?:,|\s*[–—-])\s*[^,;.“”\"]{0,60}?"
                        r"\b(?:cho biết|nói|khẳng định|nhấn mạnh|ghi nhận|nhận xét"
                        r"|đánh giá|chia sẻ|thông tin|phát biểu)(?: thêm)?\W*$")

# The ground a demand cites ("Thực hiện Kế hoạch 64/KH-UBND ..., UBND thành phố yêu cầu ...",
# "Căn cứ kết quả kiểm tra, Đoàn đề nghị ..."): the document or result it rests on opens the
# sentence and is left out of the finding, which is the demand; without a demand after it, such
# a sentence describes the inspection (NON_FINDING).
BASIS_LEAD = (r"^(?:thực hiện|căn cứ|theo|trên cơ sở) (?:kế hoạch|quyết định|chỉ thị|công văn|thông báo"
              r"|sự chỉ đạo|chỉ đạo|văn bản|nghị quyết|báo cáo|kết quả)\b[^;:]*,\s*"
              r"(?=[^,;:]*\b(?:đề nghị|yêu cầu|kiến nghị)\b)")

# Whom a demand is addressed to, listed with ";" as official directives list them ("yêu cầu Giám
# đốc các sở, ban, ngành; Chủ tịch UBND các huyện, thị xã khẩn trương rà soát ..."): the ";" ends
# an addressee, not an item, so the demand is one finding with all of them. ADDRESSED_DEMAND_END
# is a clause ending in a demand word and its addressee with no act yet; ADDRESSEE_START opens
# the next addressee.
ADDRESSEE_TITLES = (r"(?:phó chủ tịch|chủ tịch|phó giám đốc|giám đốc|thủ trưởng|người đứng đầu|trưởng"
                    r"|lãnh đạo|bí thư|ubnd|ủy ban nhân dân|hđnd|cán bộ|công chức)")
ADDRESSED_DEMAND_END = (rf"\b(?:đề nghị|yêu cầu|kiến nghị|giao|chỉ đạo)(?: (?:với|đối với|cho))?"
                        rf"(?: (?:các|đồng chí|đ/c))? {ADDRESSEE_TITLES}\b[^;.:]{{0,120}}$")
ADDRESSEE_START = rf"^(?:các |đồng chí |đ/c )?{ADDRESSEE_TITLES}\b"
# An act in an addressee's clause ("yêu cầu Chủ tịch UBND xã khẩn trương rà soát; ..."): the demand
# has its content and the ";" after it ends an item. "tổ chức" after a comma, "các" or "và" is one
# more body of the list ("các cơ quan, tổ chức"), not the act.
ADDRESSEE_ACT = rf"(?<!, )(?<!các )(?<!và )\b(?:{ACTION_VERBS})\b"

# A purpose clause ("Để khắc phục ..., ") opens a statement without judging anything itself.
PURPOSE_LEAD = r"^(?:nhằm|để)\b[^,;:]{0,200},\s*"
# A purpose inside a clause ("... sửa chữa trụ sở để đảm bảo nơi làm việc", "nhằm nâng cao chất
# lượng"): its merit words name an aim, not something achieved, up to the clause's next comma.
# "để xảy ra" (to let happen) is no purpose.
PURPOSE = r"\b(?:nhằm|để)\b(?! xảy ra| tồn đọng| phát sinh| chậm)[^,;.]{0,80}"

# Statements about the inspection itself, plans and web-page furniture: never findings.
NON_FINDING = (
    r"^(?:thực hiện|căn cứ|theo) (?:kế hoạch|quyết định|chỉ thị|công văn|thông báo|sự chỉ đạo|chỉ đạo"
    r"|văn bản|nghị quyết)\b",
    r"(?<!sạch )\bsẽ\b",  # the future ("huyện sẽ tiếp tục ..."), not "sạch sẽ" (clean)
    # A plan or forecast ("dự kiến vận hành từ ngày 1/7"), nothing done yet; but what was planned,
    # as the measure of a result ("chậm so với dự kiến", "chưa đạt như dự kiến", "kế hoạch dự
    # kiến"), is the genre's way of reporting a shortfall.
    r"(?<!với )(?<!như )(?<!theo )(?<!hoạch )(?<!tiêu )(?<!gian )\bdự kiến\b",
    # Words to the reader ("Mời bạn đọc ...", "Bạn có thể ...", "Ý kiến bạn đọc"): a page's address
    # to its public; but not the readers complaining of an office (READERS, COMPLAINT_LEAD).
    r"(?<!phản ánh của )(?<!phản ánh )\b(?:bạn|độc giả)\b(?!(?: đọc)?[^.;:,]{0,30}?\bphản ánh)",
    # Page furniture; "đăng nhập", "chia sẻ" and "truy cập" only as buttons and counters, since
    # officials logging in to the document software or sharing data are matters of so_hoa.
    r"\b(?:mã xác thực|bình luận|lượt xem|trang chủ|liên kết web|bình chọn|bản quyền"
    r"|tin liên quan|xem thêm|đang online|lượt truy cập|đang truy cập|ảnh:)",
    r"\b(?:đăng nhập|chia sẻ|truy cập)\s*(?:$|[|/:]|\bđăng ký\b|\bfacebook\b|\bzalo\b|\btwitter\b)",
    # A demand for an inquiry ("yêu cầu Sở Nội vụ khẩn trương kiểm tra, làm rõ ...") sets the
    # inspecting side's next step; it judges nobody's work yet.
    r"\b(?:yêu cầu|đề nghị|giao|chỉ đạo)\b[^.;]{0,60}?"
    r"\b(?:kiểm tra,? làm rõ|xác minh|tổ chức (?:đoàn|tổ) kiểm tra)\b",
    # A news site's rights notice and masthead ("Không sao chép dưới mọi hình thức ...").
    r"\b(?:sao chép|ghi rõ nguồn|giấy phép xuất bản|giấy phép số|tổng biên tập|chịu trách nhiệm nội dung"
    r"|tòa soạn|phát hành lại)\b",
    # A cause given after a shortfall ("..., phần lớn do người dân bổ sung hồ sơ chậm"): it explains
    # the finding before it and judges nothing of its own (often citizens' behaviour, which the
    # annotation guide excludes); a finding stating its cause has a subject first ("61% ... là do").
    # Not "Nguyên nhân (chính) là do ...": it opens a sentence of its own, an inspection report's
    # cause of its shortcomings ("Nguyên nhân chính là do người đứng đầu chưa quan tâm chỉ đạo"),
    # which judges the inspected as the causes listed after "Thứ nhất, ..." do.
    r"^(?:phần lớn|phần nhiều|chủ yếu|một phần)(?: là)? do\b",
    # Citizens coming to an office ("bộ phận một cửa của 4 đơn vị đều có công dân đến giao dịch"):
    # the annotation guide's citizens' behaviour, no judgement of the office, whose "đều có" would
    # otherwise read as a merit reported. Only a statement ending there: one going on to what the
    # staff did for them ("..., cán bộ tiếp đón chu đáo") judges the staff.
    r"\bcó (?:người dân|công dân|tổ chức, cá nhân|cá nhân, tổ chức|doanh nghiệp|người)"
    r"(?: \w+){0,2} đến (?:giao dịch|làm thủ tục|nộp hồ sơ|liên hệ(?: công việc)?)\W*$",
    r"^(?:đoàn|tổ)(?: công tác| kiểm tra| thanh tra| công vụ| cải cách hành chính| cchc)*(?: của [^,]{0,40})?"
    # ("còn" after the team is "also", of its own next check: "Đoàn còn kiểm tra ...", no fault)
    r"(?:(?: đã| cũng| vừa| còn)+ (?:tiến hành|đến|làm việc|kiểm tra|có buổi)| tiến hành| đến| làm việc)\b"
    r"(?![^.;]*\b(?:đề nghị|yêu cầu|kiến nghị|đánh giá|ghi nhận)\b)",
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
    # The superior's decision on a proposal ("UBND tỉnh đồng ý với đề xuất của Sở Nội vụ, phê duyệt
    # Chỉ số CCHC ...; không công bố ...; không tổ chức Hội nghị công bố ..."): an administrative act
    # of the body that rules on the proposal; it judges nobody's work, and its "không" is a decision
    # not to act, not a fault.
    r"\bđồng ý (?:với |về )?(?:đề xuất|đề nghị|tờ trình|phương án)\b",
    # A report's statement of its priorities ("trọng tâm của công tác CCHC là tiếp tục ...; ...;
    # ..."): the list after it is what is to be worked on, not how the work was done.
    r"\btrọng tâm(?: của [^.;:]{0,80}?)? là\b",
    # ... but not "giao ban", the noun for a routine briefing meeting ("các buổi giao ban hằng
    # tháng", "họp giao ban định kỳ"), which is where a unit's work is often praised.
    r"(?<!buổi )(?<!cuộc )(?<!họp )(?<!hội nghị )\b(?:cũng )?giao (?:cho )?(?:sở|phòng|thanh tra|văn phòng"
    r"|đoàn|tổ|ban(?! (?:hằng|hàng|định kỳ|đầu|cuối|sáng|chiều|tuần|tháng|quý|năm|mỗi|thường kỳ)\b))\b",
    # A news lead dating the visit or the announcement ("Sáng 5-3, Tổ công tác làm việc tại ...",
    # "Ngày 7-8, ông X cho biết ..."): it reports who went where or who said what; it judges
    # only when it says so ("... đánh giá cao ...").
    r"^[^,.;]{0,30}?\b(?:(?:sáng|chiều|tối|trưa)(?: nay| qua| hôm qua)?(?: ngày)?|ngày|hôm)"
    r" \d{1,2}[-/.]\d{1,2}"
    r"(?:[-/.]\d{2,4})?(?: \([^()]{0,60}\))?,[^.;]{0,200}?"
    r"\b(?:làm việc (?:tại|với)|kiểm tra (?:tại|đột xuất|thực tế)|đến kiểm tra"
    r"|có buổi làm việc|đi kiểm tra|khảo sát|đến thăm|thăm|cho biết|thông tin|chủ trì|dẫn đầu)\b"
    r"(?![^.;]*\b(?:đánh giá|ghi nhận|biểu dương|đề nghị|yêu cầu|kiến nghị|phê bình|nhắc nhở)\b)",
    # The purpose an inspection is held for, in the genre's stock formula ("nhằm kịp thời phát
    # hiện, chấn chỉnh những thiếu sót, khuyết điểm ...", "UBND huyện kịp thời phát hiện, chấn chỉnh
    # ..."): to detect and correct is the inspecting side's task, an aim and not a result (the
    # guide: the inspecting body's own plans are no findings); its fault words name what it looks
    # for. Told as done ("đã kịp thời phát hiện, chấn chỉnh"), a unit's own self-check is a result;
    # told as not yet done ("chưa kịp thời phát hiện, chấn chỉnh sai sót") it is the genre's stock
    # fault of a lax self-check. ("không phát hiện, xử lý trường hợp nào ..." may tell a clean check,
    # which the fault cues would misread: it is still dropped.)
    r"^(?:(?!\b(?:đã|chưa)\b)[^.;])*?\bphát hiện(?:,| và) (?:chấn chỉnh|xử lý|uốn nắn|khắc phục)\b",
    # The inspecting side's follow-up told after the check ("... đi kiểm tra ... Qua đó, kịp thời
    # chỉ đạo các cấp tháo gỡ vướng mắc"): "qua đó" points back at the check, and with no subject
    # of its own the act is the checker's, what it did with what it saw, not a judgement of the
    # checked. A follow-up naming its demand's addressee and content ("Qua đó, Đoàn kiểm tra
    # cũng yêu cầu xã ...") has a subject and stays a recommendation.
    r"^qua đó,? (?:đã )?kịp thời (?:chỉ đạo|hướng dẫn|chấn chỉnh|tháo gỡ|xử lý|đôn đốc)\b",
    # The inspecting team issuing its notice or conclusion ("Tổ kiểm tra đã ra thông báo cụ thể kết
    # quả kiểm tra, nêu rõ nhận định, đánh giá của từng thành viên ..."): the paperwork of the
    # inspection; the judgements are told where the notice's content is, unless this sentence
    # itself carries a demand or a fault.
    r"\b(?:đoàn|tổ)(?: công tác| kiểm tra| thanh tra| công vụ)*(?: đã| cũng| vừa)* (?:ra|ban hành|gửi)"
    r" (?:văn bản )?(?:thông báo|kết luận)\b"
    rf"(?![^.;]*\b(?:đề nghị|yêu cầu|kiến nghị|ghi nhận|biểu dương|phê bình|nhắc nhở|{NOT}|còn)\b)",
    # The superior's next step, told as the ground it waits for ("dựa trên báo cáo giải trình của
    # UBND thị trấn, UBND huyện mới có cơ sở để xử lý, kỷ luật những cán bộ vắng mặt", "Đoàn sẽ
    # xác minh để có cơ sở xem xét, xử lý"): who will handle the fault, and when, is the inspecting
    # or superior body's own plan (the guide), not a judgement; the fault it handles is told where
    # the check found it, and its fault words ("vắng mặt") only name what is to be handled. "mới /
    # sẽ / thì / để có cơ sở" is that future or conditional step; a sentence carrying a demand
    # ("yêu cầu xã giải trình để có cơ sở xử lý") is the demand, a recommendation, and stays; "chưa
    # / không có cơ sở" (no ground for it) is not this form, and neither is a fault said before the
    # ground it would give (NEGATORS before it: "xã chưa lập biên bản vi phạm để có cơ sở xử lý"
    # is the check's finding, the unit's act not done, whatever it was meant for).
    r"^(?![^.;]*\b(?:yêu cầu|đề nghị|kiến nghị|cần)\b)"
    rf"(?:(?!\b{NEGATORS}\b)[^.;])*?\b(?:mới|sẽ|thì|để) có cơ sở"
    r" (?:để )?(?:xem xét,? )?(?:xử lý|kỷ luật)\b",
)

# What opens an item of a list of unit or agency names, besides a capital letter
# ("xã Phú Lộc, phường 3 và thị trấn Tân An"): a level word or abbreviation of core/levels.py's
# table, or a body; matched on the lower-case form.
NAME_LIST_OPENERS = (
    rf"(?:{words_pattern(ADMIN_LEVELS)}|(?:{abbreviations_pattern().lower()})\.?|ubnd|sở|phòng|ban) \S"
)

# A table cell opening with a demand ("... | Chưa cập nhật đầy đủ | Đề nghị bổ sung"): the column of
# what is asked, a finding apart from the verdict in the cell before it.
DEMAND_CELL = r"\s\|\s+(?=(?:đề nghị|kiến nghị|yêu cầu|cần)\b)"

# Absences excused ("Tất cả những người vắng mặt đều có lý do (đi họp, nghỉ phép...)", "8 công chức
# vắng mặt đều có lý do chính đáng"): staff away on duty, at a meeting or on leave break no rule, so
# the counts of absent staff the same paragraph gave before ("UBND xã X vắng 2/22 người") are no
# fault; ABSENCE_COUNT is such a count, a fault only by its absence word.
ABSENCE_EXCUSED = r"\bvắng(?: mặt)?\b[^.;]{0,40}?\b(?:đều |cũng )?có lý do\b"
ABSENCE_COUNT = r"\b(?:vắng|vắng mặt)(?= \d)"

# Words that open a short fault of its own in a comma list: "chưa niêm yết, thiếu sổ theo dõi".
FAULT_ITEM_START = rf"^(?:{NOT}|thiếu|còn thiếu|vẫn còn|còn)\b"

# A colon after "lần lượt là" (respectively) lists the values of what the sentence says ("Ba địa
# phương có điểm thấp nhất, lần lượt là: ..."): no lead-in, the statement and its values are one.
VALUES_LEAD = r"\blần lượt(?: là)?\W*$"

# A colon after a class of bodies or fields named in the plural ("tại các phòng:", "UBND các xã:",
# "thuộc các lĩnh vực:") names the members of that class: the names after it are the clause's own
# object, and its statement goes on after them ("kiểm tra xác suất ... giờ giấc làm việc tại các
# phòng: Kinh tế, Tài chính - Kế hoạch, ... lúc 8h37 không có công chức tại phòng"). Such a colon
# announces no list of statements: cut there, the clause that says what was checked or done is
# lost and the finding keeps bare names. The clause and its enumeration are one statement, as the
# annotation guide reads "tại các xã: Ea Na, Quảng Điền, ..." as one list of the level it names.
# The classes: the bodies (BODY_NOUNS' organs and levels, without the people: "các cán bộ, công
# chức:" announces what is said of them) and the parts of a unit's work the genre enumerates.
MEMBER_CLASSES = (rf"(?:{ORGANS}|ban|{words_pattern(ADMIN_LEVELS)}|lĩnh vực|bộ phận|phòng ban"
                  r"|phòng chuyên môn|cơ quan chuyên môn|trường|trạm y tế)")
MEMBERS_LEAD = rf"\b(?:các|những) {MEMBER_CLASSES}\W*$"

# A lead-in ending in "như" before a colon gives examples of what it says ("sổ tiếp nhận còn bỏ
# trống một số cột, mục như: ..."); one that names faults, merits or points to raise before them
# ("một số hạn chế của đơn vị cần khắc phục, như:", "một số nội dung như:") announces findings.
EXAMPLES_LEAD = r"\bnhư\W*$"
ANNOUNCED_EXAMPLES = (rf"\b(?:{FAULT_NOUNS}|{MERIT_NOUNS}|nội dung|vấn đề|mặt)\b[^;:.]{{0,60}}?"
                      r"\bnhư\W*$")

# Where a statement ends and a lead-in joined to it begins ("... đánh giá cao những kết quả ...,
# đồng thời chỉ ra những hạn chế như:", "..., tuy nhiên còn một số tồn tại sau:").
# A new clause after a comma (CLAUSE_CONTRAST) joins a lead-in, and so does "đồng thời".
LEAD_JOIN = rf",\s+(?=(?:đồng thời|{CLAUSE_CONTRAST})\b)"

# The markers before a finite verb of a reported act: the existential "có" of having done and
# the aspect and voice words ("đã ban hành", "có ban hành", "được niêm yết", "đều", "cũng").
REPORTED_MARKERS = r"(?:đã|đều|cũng|có|được)"

# Words that open a list item with a predicate of its own ("; có bảng niêm yết TTHC", "; đã công
# khai danh mục"): the markers of a reported act and the aspect of what goes on ("vẫn", "đang").
# Such an item reports a matter of its own even without a cue; a bare noun phrase ("; văn hóa
# công sở") is one more object of the verb before it.
OWN_PREDICATE_START = rf"^(?:{REPORTED_MARKERS}|vẫn|đang)\b"

# The existential "có" opening a comma item with no subject of its own ("..., có những điểm sáng
# về ứng dụng chuyển đổi số", "..., có nhiều mô hình hay"): what the subject before has to show,
# a second predicate of its own; after an overall judgement it names the matter that judgement
# does not (findings._second_judgement). The other markers ("cũng", "được", "đã") more often go on
# with the same fault or merit ("không cho biết, cũng không hướng dẫn ...").
HAS_START = r"^(?:đã |cũng )?có\b(?! thể\b)"

# Bodies and people that the genre lists with commas ("các cơ quan, đơn vị, địa phương", "sở, ban,
# ngành", "cán bộ, công chức, viên chức"): a comma between two of them is inside one list.
# The level words come from the one table of them (core/levels.py).
# The genre writes cán bộ, công chức, viên chức as CB, CC, VC ("4 CB, CC vắng mặt", "CBCCVC").
BODY_NOUNS = (rf"(?:{ORGANS}|ban|{words_pattern(ADMIN_LEVELS)}|tổ chức|cá nhân|doanh nghiệp|cán bộ|công chức"
              r"|viên chức|người lao động|cb|cc|vc|cbcc|cbccvc|nlđ)")
BODY_LIST_END = rf"\b{BODY_NOUNS}$"
BODY_LIST_START = rf"^{BODY_NOUNS}\b"

# A directive word reported as an act already done ("Nhiều đơn vị đã đề xuất và triển khai mô hình
# hiệu quả", "UBND huyện đã chỉ đạo các xã ...", "đã kịp thời đề xuất giải pháp"): the report
# states what a unit did (annotation guide: a finding is what the inspected did well, what falls
# short, or what they are told to do), not a demand it makes. It stays a demand when the inspecting
# body speaks ("Đoàn kiểm tra đã kiến nghị ...") or when a demand word names whom it tells to act
# ("Chủ tịch UBND tỉnh đã yêu cầu Chủ tịch UBND các huyện ..."): a directive issued, reported as
# news does. "chỉ đạo" is a unit's own steering of its work, whoever it names; only the
# inspecting body's keeps its demand. Word lists a linguist extends; `directive_acts` compiles.
# Aspect markers, with what may stand between them and the directive ("đã kịp thời", "đã tập trung").
ACT_MARKERS: tuple[str, ...] = ("đã", "từng", "vừa", "kịp thời", "đã và đang")
ACT_ADVERBS: tuple[str, ...] = ("kịp thời", "chủ động", "tập trung", "tích cực", "thường xuyên", "quyết liệt",
                                "sớm", "nhiều lần", "cũng", "đều", "nỗ lực")
# Demand words reported with an addressee after them are directives issued.
ISSUED_DEMANDS: tuple[str, ...] = ("đề nghị", "kiến nghị", "yêu cầu", "đề xuất")
# Steering: the administration's own work of directing its subordinates.
STEERING: tuple[str, ...] = ("chỉ đạo",)
# The inspecting body as the speaker, up to a few words of its name before the marker.
INSPECTING_SPEAKERS: tuple[str, ...] = ("đoàn kiểm tra", "tổ kiểm tra", "đoàn thanh tra", "đoàn công tác",
                                        "đoàn giám sát", "tổ công tác", "đoàn")
SPEAKER_NAME_WORDS = 5
# Whom an issued demand names ("đã yêu cầu Chủ tịch UBND các huyện", "đã đề nghị các đơn vị").
DEMAND_ADDRESSEE = (rf"(?: (?:với|đối với|cho))?(?: (?:các|đồng chí|đ/c))?"
                    rf" (?:{ADDRESSEE_TITLES}|{BODY_NOUNS})\b")


# Joins between two findings inside one clause (annotation guide: "one finding per distinct matter";
# items joined by "," stay together unless they are about different matters with their own verbs).
# "..., đồng thời tuyên truyền ...": "đồng thời" (at the same time) after a comma opens a second act
# of the same subject, a matter of its own ("áp dụng ISO ..., đồng thời tuyên truyền ...").
CLAUSE_JOIN = r",\s+(?=đồng thời\b)"
# "xã đã ban hành Kế hoạch ..., ban hành Quy chế ...": a comma followed by the verb the clause
# before already used opens a second accomplishment with its subject elided; the verbs are those
# that open an act (ACTION_START) plus the genre's "có" of having done ("có ban hành", "có quyết định").
# A repeated verb counts only at the start of its clause or after one of REPORTED_MARKERS, on both
# sides, where it is a predicate and not inside a noun phrase.
REPEATED_VERB_START = rf"^(?:{REPORTED_MARKERS} )?(?P<verb>{ACTION_VERBS}|có)\b"
# "công chức không đeo thẻ công chức, không có người trực tại phòng tiếp công dân": a comma followed
# by the negation the clause before already made ("không ..., không ...", "chưa ..., chưa ...")
# opens a second fault of the same subject with its subject elided, as a repeated verb opens a
# second act. "không chỉ / không những" (not only) and "không phải" (is not) negate no act.
# The period a report files a fault under may come first ("..., năm 2017 chưa ban hành được Chương
# trình, kế hoạch CCHC"): reports list a unit's faults year by year, and a negation said again with a
# period of its own is a fault of its own, however short (`dated`), which a comma item of one fault
# ("chưa được sắp xếp, chỉnh lý, chưa có ...") never carries. A quarter is written in Roman or Arabic
# figures ("quý II năm 2023", "quý 2/2023"), as nlp/dates.py reads it.
FAULT_PERIOD = (r"(?:(?:trong )?năm \d{4}|quý (?:[ivx]+|[1-4])(?: năm \d{4}|[/-]\d{4})?"
                r"|(?:trong )?tháng \d{1,2}(?:[/-]\d{4})?)")
REPEATED_NEGATION_START = (rf"^(?P<dated>{FAULT_PERIOD},? )?"
                           rf"(?P<neg>{NOT})\b(?! (?:chỉ|những|phải)\b)")
# "Chưa có kiến nghị ... và tỷ lệ hồ sơ ... vẫn còn thấp": "và" before a subject of its own
# (SUBJECT_START) joins two judged statements about different subjects, not two objects of one verb.
SUBJECT_JOIN = r"\s+và\s+"
# A concession ("nhưng chưa ...", "song còn ...": a turn, BUT) says the act it follows was done, only
# not well, so after "và" it cannot continue a negation said before the "và" ("chưa ban hành quyết
# định ... và niêm yết công khai nhưng chưa đầy đủ"): that "và" opens a second act of the same subject.
NEGATION = rf"\b{NOT}\b"
CONCEDED = rf"^[^,;]*?(?P<turn>\b{BUT} (?:{NOT}|còn|vẫn)\b)"
# What makes the words after such a "và" a clause and not one more object of the verb before it
# ("hạn chế tối đa hồ sơ phải trả lại và hồ sơ quá hạn"): a word of aspect, negation or result.
CLAUSE_PREDICATE = rf"\b(?:vẫn|còn|{NOT}|đã|đều|được|đang|đạt|bị)\b"

# A count of bodies opening a list item ("có 8 sở, ngành đạt loại xuất sắc", "10 đơn vị xếp loại
# tốt"): items of this kind side by side break one result down by class.
BODY_COUNT_START = rf"(?:có )?\d+ {BODY_NOUNS}\b"

# Where the last complete part of a statement cut off by the end of the text ends ("Công tác quản
# lý giờ hành chính chưa đảm bảo theo quy đ", "..., nỗ lực phấ"): a comma or ";" before the clause
# the cut falls in, or a preposition opening the adjunct it falls in. What comes before is kept
# when it still judges; the gold drops the unfinished part, as the annotation guide asks.
CUT_CLAUSE_BOUNDARY = (r"[,;]\s+|\s(?=(?:theo|tại|trong|về|với|cho|đến|từ|vào|trên|dưới|đối với|so với"
                       r"|nhằm|để|do|vì)\s)")
