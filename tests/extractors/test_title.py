"""The title rule: the document's own heading first; metadata only when it looks like a title."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.settings import Settings
from extractors import read
from extractors.title import choose_title, heading_title, looks_like_title

LETTER_LEFT_COLUMN = ["UBND TỈNH QUẢNG NAM", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 463/SGDĐT-VP",
                      "V/v báo cáo kết quả kiểm tra công", "tác cải cách hành chính năm 2019",
                      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                      "Quảng Nam, ngày 24 tháng 5 năm 2019", "Kính gửi: Hiệu trưởng các trường."]
REPORT = ["ỦY BAN NHÂN DÂN", "HUYỆN ĐIỆN BÀN", "Số: 12/BC-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
          "Độc lập - Tự do - Hạnh phúc", "Điện Bàn, ngày 3 tháng 11 năm 2022", "", "BÁO CÁO",
          "Kết quả kiểm tra công tác cải cách hành chính năm 2022", "", "Căn cứ Kế hoạch số 45/KH-UBND ..."]


@pytest.mark.parametrize("metadata", [
    "2019-05-31 (9)", "20190531_093012", "scan0001", "Scan_2019-05-31", "IMG_20190531_0930",
    "Microsoft Word - bc kiem tra 2019.doc", "bao_cao_kiem_tra_2019", "BC CCHC 2019.docx", "untitled",
    "Document1", "", "   ", None,
])
def test_metadata_that_is_a_file_name_or_a_timestamp_is_no_title(metadata: str | None) -> None:
    assert not looks_like_title(metadata)


@pytest.mark.parametrize("metadata", [
    "Báo cáo kết quả kiểm tra công tác cải cách hành chính năm 2019", "Thông báo kết luận kiểm tra",
    "Kế hoạch CCHC 2024",
])
def test_metadata_that_reads_as_a_title_is_one(metadata: str) -> None:
    assert looks_like_title(metadata)


def test_a_letter_is_titled_by_its_subject_line_with_its_wrapped_continuation() -> None:
    assert heading_title(LETTER_LEFT_COLUMN) == \
        "V/v báo cáo kết quả kiểm tra công tác cải cách hành chính năm 2019"


def test_a_body_sentence_opening_with_the_subject_prefix_is_no_subject() -> None:
    """"Về việc này, ..." in the body is a sentence (it ends in a stop), not a letter's subject."""
    lines = ["Báo chí phản ánh tình trạng chậm trễ tại một số sở, ngành.",
             "Về việc này, Phó Thủ tướng yêu cầu Bộ Nội vụ kiểm tra, làm rõ và báo cáo trước ngày 25/4."]
    assert heading_title(lines) is None
    subject = "Về việc kiểm tra công tác cải cách hành chính năm 2019"
    assert heading_title(["Số: 12/UBND-VP", subject, "Kính gửi: UBND các xã"]) == subject


def test_a_report_is_titled_by_its_kind_line_and_the_subject_under_it() -> None:
    assert heading_title(REPORT) == "BÁO CÁO Kết quả kiểm tra công tác cải cách hành chính năm 2022"


def test_a_report_s_subject_ends_where_its_body_begins(tmp_path: Path, settings: Settings) -> None:
    """Session 27: a text file's heading ran on into its body ("BÁO CÁO Kết quả kiểm tra … Qua
    kiểm tra tại UBND xã Cam Hiếu …: =HYPERLINK(…) xã Cam Hiếu chưa niêm yết …"), and every
    finding of it then "came by its document's title". The subject ends at the paragraph's end
    (a blank line: the text reader kept none for the rule), after blank lines between the kind
    line and it, and before a line ending as a sentence ends (a subject has no final stop)."""
    subject = "Kết quả kiểm tra công tác cải cách hành chính năm 2023"
    body = ("Qua kiểm tra tại UBND xã Cam Hiếu, huyện Cam Lộ, tỉnh Quảng Trị",
            "Xã Cam Hiếu chưa niêm yết công khai thủ tục hành chính tại Bộ phận một cửa.")
    for name, text in (
            ("doan-van.txt", f"BÁO CÁO\n{subject}\n\n{body[0]}\n\n{body[1]}\n"),  # paragraphs
            ("cach-dong.txt", f"BÁO CÁO\n\n{subject}\n\n{body[0]}\n\n{body[1]}\n"),  # a blank after the kind
            ("dong-lien.txt", f"BÁO CÁO\n{subject}\n{body[0]}:\n{body[1]}\n")):  # no blank at all
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert read(tmp_path / name, settings=settings).source.title == f"BÁO CÁO {subject}", name
    wrapped = ["BÁO CÁO", "", "Kết quả kiểm tra công tác cải cách hành chính", "tại xã Cam Tuyền năm 2019",
               "", "Đoàn kiểm tra của huyện Cam Lộ"]
    assert heading_title(wrapped) == f"BÁO CÁO {' '.join(wrapped[2:4])}"


def test_a_kind_line_with_its_subject_on_the_same_line_is_the_whole_title() -> None:
    lines = ["UBND XÃ HÒA BÌNH", "THÔNG BÁO KẾT LUẬN KIỂM TRA CÔNG VỤ", "Căn cứ ..."]
    assert heading_title(lines) == "THÔNG BÁO KẾT LUẬN KIỂM TRA CÔNG VỤ"


def test_a_kind_line_joined_with_its_subject_and_the_body_keeps_the_subject_only() -> None:
    lines = ["UBND XÃ HÒA BÌNH", "BÁO CÁO Kết quả tự kiểm tra cải cách hành chính năm 2024 Căn cứ Kế hoạch "
             "số 12/KH-UBND ngày 02/01/2024 của UBND huyện"]
    assert heading_title(lines) == "BÁO CÁO Kết quả tự kiểm tra cải cách hành chính năm 2024"


def test_the_motto_and_body_sentences_are_never_a_heading() -> None:
    lines = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
             "Báo cáo này tổng hợp kết quả kiểm tra.", "Thông báo cho các đơn vị biết."]
    assert heading_title(lines) is None


def test_the_heading_wins_over_metadata_and_junk_metadata_never_counts() -> None:
    assert str(choose_title(REPORT, "2019-05-31 (9)")).startswith("BÁO CÁO Kết quả")
    assert str(choose_title(REPORT, "Báo cáo CCHC")).startswith("BÁO CÁO Kết quả")
    assert choose_title(["Nội dung không có tiêu đề."], "2019-05-31 (9)") is None
    assert choose_title(["Nội dung không có tiêu đề."], "Báo cáo CCHC 2019") == "Báo cáo CCHC 2019"


def test_a_pdf_titled_by_its_scanner_gets_the_title_of_its_heading(tmp_path: Path,
                                                                   settings: Settings) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVuSans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    path = tmp_path / "scan0001.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setTitle("2019-05-31 (9)")
    pdf.setFont("DejaVuSans", 11)
    y = A4[1] - 60
    for line in REPORT:
        pdf.drawString(60, y, line)
        y -= 18
    pdf.showPage()
    pdf.save()
    document = read(path, settings=settings)
    assert document.source.reader == "pdf.text"
    assert document.source.title == "BÁO CÁO Kết quả kiểm tra công tác cải cách hành chính năm 2022"
