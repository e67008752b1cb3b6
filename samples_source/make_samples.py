"""Generate the project's own sample documents, one per supported input format.

The texts below were written for kiemtra (they are not copied from any real document) so the
samples can be shipped under the project's licence and used in tests, demos and end-to-end runs.
They follow the genre: UBND headers, "Số: .../TB-UBND", place-and-date lines, sections
"Kết quả đạt được / Tồn tại, hạn chế / Kiến nghị", and news-portal pages full of boilerplate.
The units are real (huyện Cam Lộ, thị xã Quảng Trị, thành phố Đông Hà in tỉnh Quảng Trị); the
events, numbers and people are invented. Across the years the same commune keeps the same
shortcoming (phiếu hẹn at xã Cam Tuyền, 2019 and 2021) until it becomes a strength (2023), and
thị trấn Cam Lộ keeps its overdue land files, so cross-year comparison has something to find.

Every output is deterministic: fixed seeds for the scan noise, reportlab's invariant mode and
fixed zip timestamps in the DOCX, so regenerating leaves git clean.

Run: ``python samples_source/make_samples.py [--out samples]``.
"""

from __future__ import annotations

import argparse
import html
import io
import logging
import random
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.errors import KiemtraError

if TYPE_CHECKING:
    from PIL.Image import Image as PilImage
    from PIL.ImageFont import FreeTypeFont

LOGGER = logging.getLogger(__name__)

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
# Where the documents go: a folder of documents only, so `kiemtra ingest samples/` reads six files
# and names none as not read (this script, expected.json and the README live beside it, here).
SAMPLES = Path(__file__).resolve().parent.parent / "samples"
FONT_REGULAR = FONT_DIR / "DejaVuSans.ttf"
FONT_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"
SERIF_REGULAR = FONT_DIR / "DejaVuSerif.ttf"
SERIF_BOLD = FONT_DIR / "DejaVuSerif-Bold.ttf"

A4_300DPI = (2480, 3508)
SCAN_FONT_PX = 42
SCAN_ANGLE = 1.5
PNG_ANGLE = -1.2


# --------------------------------------------------------------------------- document model


class SampleLayoutError(KiemtraError):
    """A sample text no longer fits the page it is drawn on: shorten it or enlarge the page."""


@dataclass(frozen=True)
class Header:
    """The two-column header every Vietnamese official document opens with."""

    authority: tuple[str, ...]
    number: str
    place_date: str
    kind: str
    subject: str


@dataclass(frozen=True)
class Para:
    """A paragraph; ``kind`` tells renderers how real documents lay it out.

    heading: bold section title; body: indented paragraph; item: auto-numbered list entry
    (numbered by the renderer, so the DOCX gets a real Word list); dash: "- " entry;
    sign: right-aligned signature line; small: recipients block at the end.
    """

    text: str
    kind: str = "body"


@dataclass(frozen=True)
class Table:
    """A grid whose first row is the header row."""

    rows: tuple[tuple[str, ...], ...]


Block = Para | Table


@dataclass(frozen=True)
class Report:
    header: Header
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Article:
    """A news item as a portal shows it: title, timestamp, body and one photo caption."""

    site: str
    title: str
    stamp: str
    paragraphs: tuple[str, ...]
    caption: str = ""
    author: str = ""


def _h(text: str) -> Para:
    return Para(text, "heading")


def _p(text: str) -> Para:
    return Para(text)


def _li(text: str) -> Para:
    return Para(text, "item")


def _dash(text: str) -> Para:
    return Para(text, "dash")


def _sign(*lines: str) -> tuple[Para, ...]:
    return tuple(Para(line, "sign") for line in lines)


def _recipients(*lines: str) -> tuple[Para, ...]:
    return tuple(Para(line, "small") for line in lines)


# --------------------------------------------------------------------------- the texts

REPORT_2019 = Report(
    Header(
        authority=("ỦY BAN NHÂN DÂN", "HUYỆN CAM LỘ"),
        number="Số: 85/TB-UBND",
        place_date="Cam Lộ, ngày 20 tháng 11 năm 2019",
        kind="THÔNG BÁO",
        subject="Kết quả kiểm tra công tác cải cách hành chính năm 2019",
    ),
    (
        _p("Thực hiện Quyết định số 1472/QĐ-UBND ngày 15/10/2019 của Chủ tịch UBND huyện Cam Lộ về việc "
           "thành lập Đoàn kiểm tra công tác cải cách hành chính năm 2019; Kế hoạch số 36/KH-UBND ngày "
           "12/3/2019 của UBND huyện về cải cách hành chính năm 2019 trên địa bàn huyện."),
        _p("Từ ngày 28/10/2019 đến ngày 08/11/2019, Đoàn kiểm tra CCHC huyện đã kiểm tra tại các xã: "
           "Cam Tuyền, Cam Hiếu và thị trấn Cam Lộ. Đoàn đã làm việc với lãnh đạo UBND, công chức chuyên "
           "môn và kiểm tra hồ sơ, sổ sách tại Bộ phận tiếp nhận và trả kết quả của từng đơn vị. UBND huyện "
           "thông báo kết quả kiểm tra như sau:"),
        _h("I. KẾT QUẢ ĐẠT ĐƯỢC"),
        _dash("Các đơn vị được kiểm tra đã ban hành Kế hoạch CCHC năm 2019 kịp thời, nội dung bám sát kế "
              "hoạch của huyện; báo cáo CCHC định kỳ quý, 6 tháng gửi về huyện đúng thời gian quy định."),
        _dash("Bộ phận tiếp nhận và trả kết quả của xã Cam Hiếu được bố trí riêng, niêm yết công khai đầy đủ "
              "các thủ tục hành chính thuộc thẩm quyền giải quyết của cấp xã; công chức một cửa hướng dẫn "
              "thủ tục tận tình, chu đáo."),
        _dash("UBND các xã, thị trấn đã thực hiện tốt việc rà soát, hệ thống hóa văn bản quy phạm pháp luật "
              "do Hội đồng nhân dân, UBND cấp xã ban hành."),
        _dash("Cán bộ, công chức cơ bản chấp hành tốt giờ giấc làm việc, đeo thẻ công chức khi thi hành "
              "công vụ."),
        _dash("Thị trấn Cam Lộ đã sử dụng hiệu quả phần mềm quản lý văn bản và điều hành, 100% cán bộ, công "
              "chức được cấp hộp thư công vụ."),
        _dash("Công tác CCHC tại xã Cam Hiếu được đánh giá tốt, là điểm sáng của huyện trong năm 2019."),
        _h("II. TỒN TẠI, HẠN CHẾ"),
        _p("Tuy nhiên, qua kiểm tra vẫn còn một số tồn tại, hạn chế như sau:"),
        _dash("Tại xã Cam Tuyền, nhiều hồ sơ tiếp nhận không có phiếu hẹn trả kết quả; sổ theo dõi hồ sơ "
              "ghi chép không đầy đủ, chưa cập nhật ngày trả kết quả."),
        _dash("Thị trấn Cam Lộ còn 14 hồ sơ lĩnh vực đất đai giải quyết quá hạn nhưng chưa có văn bản xin "
              "lỗi người dân."),
        _dash("UBND xã Cam Tuyền chưa ban hành quyết định phân công nhiệm vụ cụ thể cho cán bộ, công chức "
              "và người hoạt động không chuyên trách."),
        _dash("Quy chế chi tiêu nội bộ của các đơn vị chưa được sửa đổi, bổ sung kịp thời "
              "theo định mức mới."),
        _dash("Việc lưu trữ hồ sơ, tài liệu còn lộn xộn, chưa lập hồ sơ công việc theo quy định."),
        _dash("Tỷ lệ hồ sơ tiếp nhận qua dịch vụ công trực tuyến mức độ 3, 4 còn thấp."),
        _dash("Công tác tuyên truyền về cải cách hành chính chưa được quan tâm đúng mức."),
        _h("III. KIẾN NGHỊ"),
        _p("Để khắc phục những tồn tại nêu trên, UBND huyện yêu cầu:"),
        _li("Đề nghị UBND xã Cam Tuyền chỉ đạo Bộ phận tiếp nhận và trả kết quả cấp phiếu hẹn cho 100% hồ "
            "sơ tiếp nhận, cập nhật đầy đủ sổ theo dõi hồ sơ."),
        _li("Đề nghị UBND thị trấn Cam Lộ rà soát, giải quyết dứt điểm các hồ sơ đất đai tồn đọng, thực "
            "hiện xin lỗi người dân đối với hồ sơ quá hạn."),
        _li("Các xã, thị trấn cần sửa đổi, bổ sung quy chế chi tiêu nội bộ trước ngày 31/12/2019."),
        _li("Yêu cầu Thủ trưởng các đơn vị tăng cường tuyên truyền, hướng dẫn người dân nộp hồ sơ qua dịch "
            "vụ công trực tuyến."),
        _li("Các đơn vị báo cáo kết quả khắc phục về UBND huyện (qua Phòng Nội vụ) trước ngày 15/01/2020."),
        _p("Trên đây là Thông báo kết quả kiểm tra công tác cải cách hành chính năm 2019 của UBND huyện "
           "Cam Lộ./."),
        *_recipients("Nơi nhận:", "- UBND tỉnh Quảng Trị (b/c);", "- Sở Nội vụ;",
                     "- UBND các xã, thị trấn;", "- Lưu: VT, NV."),
        *_sign("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Trần Quang Minh"),
    ),
)

NOTICE_2020 = Report(
    Header(
        authority=("UBND TỈNH QUẢNG TRỊ", "SỞ NỘI VỤ"),
        number="Số: 112/TB-SNV",
        place_date="Quảng Trị, ngày 10 tháng 7 năm 2020",
        kind="THÔNG BÁO",
        subject="Kết luận kiểm tra cải cách hành chính tại thị xã Quảng Trị",
    ),
    (
        _p("Căn cứ Kế hoạch số 09/KH-UBND ngày 20/01/2020 của UBND tỉnh Quảng Trị về kiểm tra cải cách "
           "hành chính năm 2020, ngày 02/7/2020 Đoàn kiểm tra CCHC tỉnh đã làm việc với UBND thị xã Quảng "
           "Trị, UBND phường An Đôn và UBND xã Hải Lệ."),
        _h("1. Ưu điểm"),
        _p("UBND thị xã đã triển khai phần mềm một cửa điện tử đến 100% xã, phường. Tỷ lệ hồ sơ giải quyết "
           "đúng hạn đạt 98,6%."),
        _h("2. Hạn chế"),
        _p("Tại xã Hải Lệ, phiếu hẹn chưa ghi đủ thông tin. Còn 05 hồ sơ quá hạn chưa được giải quyết. Một "
           "số công chức phường An Đôn chưa đạt chuẩn về trình độ chuyên môn."),
        _h("3. Kiến nghị"),
        _p("Đề nghị UBND thị xã Quảng Trị chỉ đạo khắc phục các hạn chế nêu trên, báo cáo kết quả về Sở "
           "Nội vụ trước ngày 15/8/2020."),
        *_sign("GIÁM ĐỐC", "", "Nguyễn Thị Thu Hà"),
    ),
)

MINUTES_2022 = Report(
    Header(
        authority=("UBND HUYỆN CAM LỘ", "ĐOÀN KIỂM TRA CCHC"),
        number="Số: 07/BB-ĐKT",
        place_date="Cam Thủy, ngày 14 tháng 9 năm 2022",
        kind="BIÊN BẢN",
        subject="Kiểm tra công tác cải cách hành chính tại UBND xã Cam Thủy",
    ),
    (
        _p("Hôm nay, vào lúc 08 giờ 00 phút ngày 14/9/2022, tại UBND xã Cam Thủy, Đoàn kiểm tra CCHC huyện "
           "Cam Lộ được thành lập theo Quyết định số 1025/QĐ-UBND ngày 05/9/2022 của Chủ tịch UBND huyện "
           "đã tiến hành kiểm tra theo Kế hoạch số 41/KH-UBND ngày 21/02/2022 của UBND huyện."),
        _h("I. KẾT QUẢ KIỂM TRA"),
        _h("1. Ưu điểm"),
        _dash("UBND xã Cam Thủy đã ban hành Kế hoạch CCHC năm 2022 và Kế hoạch tuyên truyền CCHC kịp thời."),
        _dash("Tỷ lệ hồ sơ giải quyết đúng hạn đạt 97,5%."),
        _dash("Xã đã công khai số điện thoại đường dây nóng và hộp thư góp ý tại Bộ phận một cửa."),
        _h("2. Tồn tại, hạn chế"),
        _dash("Một số phiếu hẹn trả kết quả ghi thiếu ngày hẹn, chưa có chữ ký của người nộp hồ sơ."),
        _dash("Sổ theo dõi hồ sơ chưa ghi kết quả giải quyết."),
        _dash("Máy tính tại Bộ phận một cửa đã cũ, thường xuyên hỏng hóc."),
        _dash("Việc thu, chi các loại quỹ chưa mở sổ theo dõi riêng theo quy định."),
        _h("II. KIẾN NGHỊ"),
        _dash("Đề nghị UBND xã Cam Thủy chỉ đạo công chức một cửa ghi đầy đủ thông tin trên phiếu hẹn và sổ "
              "theo dõi hồ sơ."),
        _dash("Đề nghị UBND huyện bố trí kinh phí thay thế máy tính cho Bộ phận một cửa xã."),
        _p("Biên bản được lập thành 02 bản có giá trị như nhau, thông qua lúc 11 giờ 30 phút cùng ngày."),
        *_sign("TRƯỞNG ĐOÀN KIỂM TRA", "", "Lê Văn Bình"),
    ),
)

REPORT_2023 = Report(
    Header(
        authority=("ỦY BAN NHÂN DÂN", "HUYỆN CAM LỘ"),
        number="Số: 318/BC-UBND",
        place_date="Cam Lộ, ngày 05 tháng 12 năm 2023",
        kind="BÁO CÁO",
        subject="Kết quả kiểm tra công tác cải cách hành chính năm 2023",
    ),
    (
        _p("Căn cứ Kế hoạch số 19/KH-UBND ngày 10/02/2023 của UBND huyện Cam Lộ về cải cách hành chính năm "
           "2023; thực hiện Quyết định số 2140/QĐ-UBND ngày 16/10/2023 của Chủ tịch UBND huyện về việc thành "
           "lập Đoàn kiểm tra, từ ngày 23/10/2023 đến ngày 10/11/2023, Đoàn kiểm tra đã kiểm tra tại 04 xã, "
           "thị trấn: Cam Tuyền, Cam Hiếu, Cam Nghĩa và Thị trấn Cam Lộ."),
        _h("I. KẾT QUẢ ĐẠT ĐƯỢC"),
        _li("Công tác chỉ đạo, điều hành CCHC được các đơn vị quan tâm; 100% đơn vị ban hành kế hoạch tự "
            "kiểm tra CCHC."),
        _li("Xã Cam Tuyền đã khắc phục dứt điểm hạn chế của các năm trước: 100% hồ sơ có phiếu hẹn, sổ theo "
            "dõi hồ sơ được cập nhật đầy đủ."),
        _li("Tỷ lệ hồ sơ trực tuyến toàn trình tại xã Cam Nghĩa đạt 42%, cao nhất huyện."),
        _li("Các đơn vị đã thực hiện thu, chi đúng quy chế chi tiêu nội bộ, công khai tài chính theo quy "
            "định."),
        _p("Kết quả tiếp nhận và giải quyết hồ sơ tại các đơn vị được kiểm tra (tính đến ngày 31/10/2023) "
           "như sau:"),
        Table((
            ("Đơn vị", "Hồ sơ tiếp nhận", "Đúng hạn", "Quá hạn", "Nhận xét"),
            ("Xã Cam Tuyền", "1.126", "1.126", "0", "Tốt"),
            ("Xã Cam Hiếu", "894", "890", "4", "Khá"),
            ("Xã Cam Nghĩa", "652", "652", "0", "Tốt"),
            ("Thị trấn Cam Lộ", "1.873", "1.862", "11", "Còn hồ sơ đất đai quá hạn"),
        )),
        _h("II. TỒN TẠI, HẠN CHẾ"),
        _p("Tuy nhiên, thị trấn Cam Lộ vẫn còn 11 hồ sơ đất đai giải quyết quá hạn, đây là hạn chế lặp lại "
           "qua nhiều năm. Xã Cam Hiếu chưa cập nhật kịp thời danh mục thủ tục hành chính mới công bố tại "
           "nơi niêm yết."),
        _p("Việc đánh giá, xếp loại cán bộ, công chức cuối năm ở một số đơn vị còn nể nang, chưa phản ánh "
           "đúng chất lượng công việc. Số lượng người hoạt động không chuyên trách ở thôn của xã Cam Nghĩa "
           "chưa được sắp xếp theo quy định mới."),
        _h("III. KIẾN NGHỊ"),
        _li("Đề nghị UBND thị trấn Cam Lộ giải quyết dứt điểm hồ sơ đất đai quá hạn trước ngày 31/12/2023."),
        _li("Đề nghị UBND xã Cam Hiếu cập nhật, niêm yết công khai đầy đủ thủ tục hành chính theo các quyết "
            "định công bố mới."),
        _li("Các xã, thị trấn cần học tập cách làm của xã Cam Tuyền trong việc cấp phiếu hẹn và theo dõi hồ "
            "sơ."),
        *_recipients("Nơi nhận:", "- Sở Nội vụ tỉnh Quảng Trị;", "- TT. Huyện ủy, TT. HĐND huyện;",
                     "- Lưu: VT."),
        *_sign("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Hoàng Đức Thắng"),
    ),
)

ARTICLE_2021 = Article(
    site="Cổng thông tin điện tử huyện Cam Lộ",
    title="Đoàn kiểm tra CCHC huyện làm việc tại xã Cam Tuyền và thị trấn Cam Lộ",
    stamp="Cập nhật ngày: 12/10/2021 09:15:02",
    paragraphs=(
        "Thực hiện Kế hoạch số 25/KH-UBND ngày 26 tháng 02 năm 2021 của UBND huyện Cam Lộ về kiểm tra công "
        "tác cải cách hành chính năm 2021, từ ngày 27/9/2021 đến ngày 08/10/2021, Đoàn kiểm tra CCHC huyện "
        "do đồng chí Phó Chủ tịch UBND huyện làm Trưởng đoàn đã kiểm tra tại xã Cam Tuyền, xã Cam Chính và "
        "thị trấn Cam Lộ.",
        "Qua kiểm tra cho thấy, xã Cam Chính đã triển khai hiệu quả mô hình “Chính quyền thân thiện, vì nhân "
        "dân phục vụ”, được người dân đánh giá cao. 100% cán bộ, công chức xã Cam Chính sử dụng chữ ký số "
        "trong gửi, nhận văn bản điện tử.",
        "Tuy nhiên, tại xã Cam Tuyền vẫn còn tình trạng tiếp nhận hồ sơ nhưng không cấp phiếu hẹn cho người "
        "dân, đây là hạn chế đã được Đoàn kiểm tra chỉ ra từ năm 2019 nhưng chưa được khắc phục triệt để. "
        "Thị trấn Cam Lộ còn 9 hồ sơ đất đai giải quyết quá hạn; hồ sơ cán bộ, công chức chưa được bổ sung, "
        "cập nhật thường xuyên. Xã Cam Chính còn thiếu 01 công chức Văn phòng - Thống kê so với quy định.",
        "Kết thúc đợt kiểm tra, Trưởng đoàn đề nghị UBND xã Cam Tuyền chấn chỉnh ngay việc cấp phiếu hẹn, mở "
        "sổ theo dõi hồ sơ đúng mẫu; yêu cầu thị trấn Cam Lộ tập trung giải quyết dứt điểm hồ sơ đất đai "
        "tồn đọng.",
        "Kết quả kiểm tra là căn cứ để đánh giá, chấm điểm Chỉ số CCHC năm 2021 của các xã, thị trấn.",
    ),
    caption="Đoàn kiểm tra làm việc tại UBND xã Cam Tuyền",
    author="Văn phòng HĐND và UBND huyện",
)

ARTICLE_2024 = Article(
    site="Cổng thông tin điện tử thành phố Đông Hà",
    title="Đông Hà: Kiểm tra công tác cải cách hành chính tại các phường",
    stamp="Thứ Năm, 18/04/2024 16:42",
    paragraphs=(
        "Ngày 16.4, Đoàn kiểm tra CCHC thành phố Đông Hà do Phó Chủ tịch UBND thành phố làm Trưởng đoàn đã "
        "kiểm tra công tác cải cách hành chính tại phường Đông Lương và phường Đông Lễ theo Kế hoạch "
        "58/KH-UBND của UBND thành phố.",
        "Đoàn kiểm tra được thành lập theo Quyết định số 803/QĐ-UBND ngày 01/4/2024, thực hiện Công văn số "
        "412/SNV-CCHC ngày 26/3/2024 của Sở Nội vụ tỉnh Quảng Trị về tăng cường kỷ luật, kỷ cương hành "
        "chính.",
        "Phường Đông Lương đã đưa vào sử dụng kiosk tra cứu thủ tục hành chính tại Bộ phận một cửa. Tỷ lệ "
        "hồ sơ giải quyết đúng hạn của phường đạt 99,4%. Công tác CCHC tại phường Đông Lương được đánh giá "
        "tốt.",
        "Bên cạnh đó, tại phường Đông Lễ vẫn còn một số phiếu hẹn ghi sai thời hạn trả kết quả; việc số hóa "
        "hồ sơ, kết quả giải quyết thủ tục hành chính chưa đạt yêu cầu. Một số công chức chưa thực hiện "
        "đúng quy tắc ứng xử khi tiếp công dân.",
        "Đoàn kiểm tra yêu cầu UBND phường Đông Lễ khắc phục ngay các hạn chế, nâng tỷ lệ số hóa hồ sơ lên "
        "100% trong quý II năm 2024.",
    ),
    author="Thanh Hương",
)


# --------------------------------------------------------------------------- plain text


def _numbered(blocks: tuple[Block, ...]) -> Iterator[tuple[Block, str]]:
    """Pair each block with the prefix a reader sees; item numbering restarts after any other block."""
    counter = 0
    for block in blocks:
        if isinstance(block, Para) and block.kind == "item":
            counter += 1
            yield block, f"{counter}. "
            continue
        counter = 0
        yield block, "- " if isinstance(block, Para) and block.kind == "dash" else ""


def report_lines(report: Report) -> list[str]:
    """The report as lines of plain text, the reading a text layer or OCR should give back."""
    head = report.header
    lines = [*head.authority, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
             head.number, head.place_date, head.kind, head.subject]
    for block, prefix in _numbered(report.blocks):
        if isinstance(block, Table):
            lines.extend(" | ".join(row) for row in block.rows)
        else:
            lines.append(prefix + block.text)
    return lines


def article_lines(article: Article) -> list[str]:
    """The article as the lines a good boilerplate remover should keep."""
    lines = [article.title, article.stamp, *article.paragraphs]
    if article.caption:
        lines.append(article.caption)
    if article.author:
        lines.append(article.author)
    return lines


def source_texts() -> dict[str, str]:
    """Sample file name -> the text written for it, so tests can check expected.json against it."""
    reports = {
        "bao-cao-kiem-tra-2019.pdf": REPORT_2019,
        "thong-bao-2020.png": NOTICE_2020,
        "bien-ban-kiem-tra-2022-scan.pdf": MINUTES_2022,
        "bao-cao-kiem-tra-2023.docx": REPORT_2023,
    }
    articles = {"tin-kiem-tra-2021.html": ARTICLE_2021, "ghi-chu-2024.txt": ARTICLE_2024}
    texts = {name: "\n".join(report_lines(r)) for name, r in reports.items()}
    texts.update({name: "\n".join(article_lines(a)) for name, a in articles.items()})
    return texts


# --------------------------------------------------------------------------- digital PDF


def write_pdf(report: Report, path: Path) -> None:
    """A born-digital PDF whose text layer is real Unicode Vietnamese (embedded DejaVu subsets)."""
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as RLTable

    pdfmetrics.registerFont(TTFont("KtSerif", str(SERIF_REGULAR)))
    pdfmetrics.registerFont(TTFont("KtSerifBold", str(SERIF_BOLD)))
    base = ParagraphStyle("base", fontName="KtSerif", fontSize=12, leading=16, alignment=TA_JUSTIFY,
                          firstLineIndent=10 * mm, spaceAfter=3)
    styles = {
        "body": base,
        "dash": ParagraphStyle("dash", parent=base),
        "item": ParagraphStyle("item", parent=base),
        "heading": ParagraphStyle("heading", parent=base, fontName="KtSerifBold", firstLineIndent=0,
                                  spaceBefore=6),
        "small": ParagraphStyle("small", parent=base, fontSize=10, leading=13, firstLineIndent=0,
                                alignment=TA_LEFT, spaceAfter=0),
        "sign": ParagraphStyle("sign", parent=base, fontName="KtSerifBold", firstLineIndent=0,
                               alignment=TA_RIGHT, rightIndent=15 * mm, spaceAfter=0),
        "center": ParagraphStyle("center", parent=base, firstLineIndent=0, alignment=TA_CENTER, spaceAfter=0),
    }
    bold_center = ParagraphStyle("bc", parent=styles["center"], fontName="KtSerifBold", fontSize=10.5)
    head = report.header
    left = ([Paragraph(line, bold_center) for line in head.authority]
            + [Paragraph(head.number, styles["center"])])
    right = [Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold_center),
             Paragraph("Độc lập - Tự do - Hạnh phúc", bold_center),
             Paragraph(head.place_date, styles["center"])]
    story: list = [RLTable([[left, right]], colWidths=[58 * mm, 102 * mm]), Spacer(1, 6 * mm),
                   Paragraph(head.kind, bold_center), Paragraph(head.subject, bold_center), Spacer(1, 6 * mm)]
    for block, prefix in _numbered(report.blocks):
        if isinstance(block, Para):
            text = html.escape(prefix + block.text, quote=False) or "&nbsp;"
            story.append(Paragraph(text, styles[block.kind]))

    def later_page(canvas: Any, doc: Any) -> None:
        """Official documents number pages from the second one, centred at the top."""
        canvas.setFont("KtSerif", 11)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 12 * mm, str(doc.page))

    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=30 * mm, rightMargin=20 * mm,
                            topMargin=20 * mm, bottomMargin=20 * mm, title=head.subject,
                            author="kiemtra samples", invariant=1)
    doc.build(story, onLaterPages=later_page)


# --------------------------------------------------------------------------- DOCX


def write_docx(report: Report, path: Path) -> None:
    """A Word report with page header/footer, a real numbered list and a results table."""
    from docx import Document as new_docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = new_docx()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(13)
    section = doc.sections[0]
    section.header.paragraphs[0].text = "Ủy ban nhân dân huyện Cam Lộ"
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Trang ")
    _add_page_field(footer.add_run(), OxmlElement, qn)

    head = report.header
    grid = doc.add_table(rows=1, cols=2)
    left, right = grid.rows[0].cells
    _cell_lines(left, [*head.authority, head.number])
    _cell_lines(right, ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", head.place_date])
    for line in (head.kind, head.subject):
        para = doc.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.add_run(line).bold = True
    for block in report.blocks:
        if isinstance(block, Table):
            _docx_table(doc, block)
            continue
        style = {"item": "List Number", "dash": "List Bullet"}.get(block.kind)
        para = doc.add_paragraph(style=style)
        run = para.add_run(block.text)
        run.bold = block.kind in ("heading", "sign")
        if block.kind == "sign":
            para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = head.subject, "kiemtra samples", "kiemtra samples"
    props.created = props.modified = datetime(2023, 12, 5, 8, 0, 0)
    props.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    path.write_bytes(_fixed_zip(buffer.getvalue(), (2023, 12, 5, 8, 0, 0)))


def _add_page_field(run: Any, oxml_element: Any, qn: Any) -> None:
    """python-docx has no API for fields; a PAGE field is three w:fldChar/w:instrText runs."""
    for tag, attr in (("w:fldChar", "begin"), ("w:instrText", None), ("w:fldChar", "end")):
        element = oxml_element(tag)
        if attr:
            element.set(qn("w:fldCharType"), attr)
        else:
            element.set(qn("xml:space"), "preserve")
            element.text = "PAGE"
        run._r.append(element)


def _cell_lines(cell: Any, lines: list[str]) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)
    for para in cell.paragraphs:
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _docx_table(doc: Any, table: Table) -> None:
    grid = doc.add_table(rows=0, cols=len(table.rows[0]))
    grid.style = "Table Grid"
    for index, row in enumerate(table.rows):
        cells = grid.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = value
            if index == 0:
                cell.paragraphs[0].runs[0].bold = True


def _fixed_zip(data: bytes, stamp: tuple[int, int, int, int, int, int]) -> bytes:
    """Rewrite a zip with constant member timestamps: python-docx stamps the current time."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=stamp), src.read(info.filename),
                         compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


# --------------------------------------------------------------------------- scanned page images


@dataclass(frozen=True)
class _Line:
    text: str
    bold: bool = False
    align: str = "left"  # left | center | right
    indent: int = 0


def _wrap(text: str, font: FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap measured with the real font, as a word processor would break lines."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and font.getlength(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    lines.append(current)
    return lines


def _layout(report: Report) -> Iterator[_Line]:
    """Body lines (after the header) in reading order, with the styling a typist would give them."""
    yield _Line(report.header.kind, bold=True, align="center")
    yield _Line(report.header.subject, bold=True, align="center")
    yield _Line("")
    for block, prefix in _numbered(report.blocks):
        if isinstance(block, Table):
            yield from (_Line(" | ".join(row)) for row in block.rows)
        elif block.kind == "sign":
            yield _Line(block.text, bold=True, align="right")
        else:
            yield _Line(prefix + block.text, bold=block.kind == "heading",
                        indent=0 if block.kind in ("heading", "small") else 1)


def render_page(report: Report, size: tuple[int, int], font_px: int) -> PilImage:
    """Draw the report as a typed page at 300 dpi; the caller degrades it into a scan."""
    from PIL import Image, ImageDraw, ImageFont

    regular = ImageFont.truetype(str(FONT_REGULAR), font_px)
    bold = ImageFont.truetype(str(FONT_BOLD), font_px)
    page = Image.new("L", size, 255)
    draw = ImageDraw.Draw(page)
    margin, line_h = 220, int(font_px * 1.42)
    width = size[0] - 2 * margin
    head = report.header
    left = [*head.authority, head.number]
    right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", head.place_date]
    y = margin
    for i in range(3):
        for text, centre, is_bold in ((left[i], margin + 380, i < 2), (right[i], margin + 1330, i < 2)):
            font = bold if is_bold else regular
            draw.text((centre - font.getlength(text) / 2, y), text, font=font, fill=0)
        y += line_h
    y += line_h
    for line in _layout(report):
        font = bold if line.bold else regular
        indent = 90 * line.indent
        for k, piece in enumerate(_wrap(line.text, font, width - indent) if line.text else [""]):
            x: float = margin + (indent if k == 0 else 0)
            if line.align == "center":
                x = (size[0] - font.getlength(piece)) / 2
            elif line.align == "right":
                x = size[0] - margin - 200 - font.getlength(piece)
            draw.text((x, y), piece, font=font, fill=0)
            y += line_h
    if y > size[1] - margin // 2:
        raise SampleLayoutError(f"{report.header.number}: text overflows the page by {y - size[1]} px")
    return page


def degrade(page: PilImage, angle: float, seed: int) -> PilImage:
    """Make a clean render look scanned: grey paper, a small skew and sparse dust specks.

    The specks come from a seeded generator so the file is byte-identical on every run; they
    are few and small so Tesseract still reads the text and JPEG/PNG still compress it.
    """
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    paper = page.point(lambda v: 35 + v * 200 // 255)
    skewed = paper.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=228)
    draw = ImageDraw.Draw(skewed)
    width, height = skewed.size
    for _ in range(width * height // 25000):
        x, y, r = rng.randrange(width), rng.randrange(height), rng.choice((1, 1, 2))
        draw.ellipse((x, y, x + r, y + r), fill=rng.randrange(90, 190))
    return skewed


def write_scan_pdf(report: Report, path: Path, seed: int = 2022) -> None:
    """A one-page scanned report: an image-only PDF, so readers must fall back to OCR."""
    page = degrade(render_page(report, A4_300DPI, SCAN_FONT_PX), SCAN_ANGLE, seed)
    stamp = time.gmtime(datetime(2022, 9, 14, 8, 0, tzinfo=UTC).timestamp())  # Pillow would stamp "now"
    page.save(path, "PDF", resolution=300.0, quality=70, title=report.header.subject,
              creationDate=stamp, modDate=stamp)


def write_png(report: Report, path: Path, seed: int = 2020) -> None:
    """A photographed or scanned notice saved as an image, half an A4 page at 300 dpi."""
    page = degrade(render_page(report, (A4_300DPI[0], 1900), SCAN_FONT_PX), PNG_ANGLE, seed)
    page.save(path, "PNG", optimize=True)


# --------------------------------------------------------------------------- news: HTML and text

_HTML_PAGE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>{title} - {site}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="2021-10-12T09:15:02+07:00">
<link rel="stylesheet" href="/static/css/portal.css">
</head>
<body>
<div class="top-bar">Thứ Ba, 12/10/2021 | <a href="/dang-nhap">Đăng nhập</a> | <a href="/en">English</a></div>
<header class="banner"><a href="/"><img src="/static/img/banner.png" alt="{site}"></a>
<nav class="main-menu"><ul>
<li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li>
<li><a href="/tin-tuc">Tin tức - Sự kiện</a></li>\
<li><a href="/cai-cach-hanh-chinh">Cải cách hành chính</a></li>
<li><a href="/van-ban">Văn bản chỉ đạo điều hành</a></li>\
<li><a href="/dich-vu-cong">Dịch vụ công trực tuyến</a></li>
<li><a href="/lien-he">Liên hệ</a></li></ul></nav>
<form class="search" action="/tim-kiem"><input name="q" placeholder="Nhập từ khóa tìm kiếm...">\
<button>Tìm kiếm</button></form>
</header>
<div class="breadcrumb"><a href="/">Trang chủ</a> &gt; <a href="/tin-tuc">Tin tức - Sự kiện</a> &gt; \
<a href="/cai-cach-hanh-chinh">Cải cách hành chính</a></div>
<div class="container">
<main class="content">
<article class="news-detail">
<h1 class="title">{title}</h1>
<div class="meta"><span class="date">{stamp}</span> | Lượt xem: 1.352</div>
<div class="share">Chia sẻ: <a href="#">Facebook</a> <a href="#">Zalo</a> <a href="#">Twitter</a> \
<a href="javascript:window.print()">In bài</a></div>
<div class="body">
<p><strong>{lead}</strong></p>
<figure><img src="/uploads/2021/10/kiem-tra-cchc-cam-tuyen.jpg" alt="{caption}">\
<figcaption>{caption}</figcaption></figure>
{paragraphs}
<p class="author" style="text-align:right"><strong>{author}</strong></p>
</div>
</article>
<section class="related"><h3>Tin liên quan</h3><ul>
<li><a href="/tin-tuc/hoi-nghi-trien-khai-chi-so-cchc">\
Hội nghị triển khai Chỉ số cải cách hành chính năm 2021</a> (05/10/2021)</li>
<li><a href="/tin-tuc/tap-huan-dich-vu-cong">\
Tập huấn sử dụng dịch vụ công trực tuyến cho công chức cấp xã</a> (28/09/2021)</li>
<li><a href="/tin-tuc/ra-quan-tiem-chung">\
Ra quân tiêm chủng vắc xin phòng Covid-19 đợt 5</a> (21/09/2021)</li>
</ul></section>
<section class="comments"><h3>Gửi bình luận</h3>
<form action="/binh-luan" method="post">
<label>Họ và tên <input name="ten"></label><label>Email <input name="email"></label>
<label>Nội dung <textarea name="noi_dung"></textarea></label>
<label>Mã xác thực <input name="captcha"></label> <img src="/captcha.png" alt="mã xác thực">
<button type="submit">Gửi bình luận</button></form></section>
</main>
<aside class="sidebar">
<div class="box"><h3>Liên kết website</h3><select onchange="location=this.value">
<option>-- Chọn liên kết --</option><option value="#">Cổng thông tin điện tử tỉnh Quảng Trị</option>
<option value="#">Cổng Dịch vụ công quốc gia</option><option value="#">Báo Quảng Trị</option></select></div>
<div class="box"><h3>Bình chọn</h3><p>Bạn đánh giá thế nào về chất lượng phục vụ của Bộ phận một cửa?</p>
<label><input type="radio" name="poll"> Rất hài lòng</label>\
<label><input type="radio" name="poll"> Hài lòng</label>
<label><input type="radio" name="poll"> Chưa hài lòng</label>\
<button>Bình chọn</button> <a href="#">Xem kết quả</a></div>
<div class="box"><h3>Thống kê truy cập</h3><ul>
<li>Đang online: 27</li><li>Hôm nay: 1.204</li><li>Tháng này: 35.870</li><li>Tất cả: 2.415.336</li></ul></div>
</aside>
</div>
<footer><p>{site}</p>
<p>Cơ quan chủ quản: Ủy ban nhân dân huyện. Chịu trách nhiệm chính: Chánh Văn phòng HĐND và UBND huyện.</p>
<p>Điện thoại: 0233.3xxx.xxx - Email: vanphong@example.gov.vn</p>
<p>Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p></footer>
</body>
</html>
"""


def write_html(article: Article, path: Path) -> None:
    """A portal page: the article surrounded by menus, sidebar widgets, comments and footer."""
    esc = html.escape
    lead, *rest = article.paragraphs
    page = _HTML_PAGE.format(
        site=esc(article.site), title=esc(article.title), stamp=esc(article.stamp), lead=esc(lead),
        caption=esc(article.caption), author=esc(article.author),
        paragraphs="\n".join(f"<p>{esc(p)}</p>" for p in rest),
    )
    path.write_text(page, encoding="utf-8")


def write_txt(article: Article, path: Path) -> None:
    """A news item saved as plain UTF-8 text, the way a copy-paste into a notes file looks."""
    body = [article.site, "", article.title, article.stamp, "", *(p + "\n" for p in article.paragraphs)]
    if article.author:
        body.append(article.author)
    path.write_text("\n".join(body) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- entry point


def generate(out: Path) -> list[Path]:
    """Write every sample into ``out`` and return their paths, in a fixed order."""
    out.mkdir(parents=True, exist_ok=True)
    jobs = [
        ("bao-cao-kiem-tra-2019.pdf", lambda p: write_pdf(REPORT_2019, p)),
        ("thong-bao-2020.png", lambda p: write_png(NOTICE_2020, p)),
        ("tin-kiem-tra-2021.html", lambda p: write_html(ARTICLE_2021, p)),
        ("bien-ban-kiem-tra-2022-scan.pdf", lambda p: write_scan_pdf(MINUTES_2022, p)),
        ("bao-cao-kiem-tra-2023.docx", lambda p: write_docx(REPORT_2023, p)),
        ("ghi-chu-2024.txt", lambda p: write_txt(ARTICLE_2024, p)),
    ]
    paths = []
    for name, write in jobs:
        path = out / name
        write(path)
        LOGGER.info("wrote %s (%d bytes)", path, path.stat().st_size)
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=SAMPLES,
                        help="directory to write the samples into (default: the repository's samples/)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    generate(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
