"""Builders for the small files the reader tests read, written for these tests (no shared texts)."""

from __future__ import annotations

import random
from pathlib import Path

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

REPORT_LINES = (
    "Quyết định số 139/QĐ-UBND ngày 20/01/2020 của Ủy ban nhân dân huyện",
    "Bộ phận một cửa cấp phiếu hẹn đúng quy định cho công dân.",
    "Một số hồ sơ còn giải quyết trễ hạn, chưa xin lỗi người dân.",
)


def write_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "ỦY BAN NHÂN DÂN XÃ AN BÌNH"
    document.sections[0].footer.paragraphs[0].text = "Trang chân: lưu hành nội bộ"
    document.add_heading("Báo cáo kết quả kiểm tra cải cách hành chính", level=1)
    document.add_paragraph(
        "Đoàn kiểm tra đã làm việc với Ủy ban nhân dân xã về công tác cải cách hành chính.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Tiêu chí"
    table.cell(0, 1).text = "Kết quả"
    table.cell(1, 0).text = "Niêm yết thủ tục hành chính"
    table.cell(1, 1).text = "Đầy đủ"
    document.add_paragraph("Ủy ban nhân dân xã cần chấn chỉnh việc tiếp nhận hồ sơ.", style="List Bullet")
    document.add_section()  # the second section's header is linked: must not repeat
    document.add_paragraph("Phần hai của báo cáo nằm trong mục thứ hai.")
    document.save(str(path))
    return path


def write_pdf(path: Path, pages: list[list[str]], *, encrypt: str | None = None) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVuSans", FONT))
    pdf = canvas.Canvas(str(path), encrypt=encrypt)
    pdf.setTitle("Báo cáo kiểm tra cải cách hành chính")
    for lines in pages:
        pdf.setFont("DejaVuSans", 12)
        y = 800
        for line in lines:
            pdf.drawString(60, y, line)
            y -= 20
        pdf.showPage()
    pdf.save()
    return path


def scanned_image(lines: tuple[str, ...] = REPORT_LINES, *, angle: float = 1.5, seed: int = 7):
    """A page as a 300 dpi scanner would give it: black text, slight rotation, speckle noise."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(FONT, 42)
    image = Image.new("L", (2480, 900), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((120, 120 + i * 90), line, font=font, fill=0)
    rng = random.Random(seed)
    pixels = image.load()
    assert pixels is not None
    for _ in range(4000):
        x, y = rng.randrange(image.width), rng.randrange(image.height)
        pixels[x, y] = rng.choice((0, 160, 255))
    return image.rotate(angle, expand=True, fillcolor=255)


def write_scanned_pdf(path: Path) -> Path:
    scanned_image().convert("RGB").save(str(path), "PDF", resolution=300)
    return path


ARTICLE_HTML = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>Kiểm tra cải cách hành chính tại xã</title>
<meta property="article:published_time" content="2021-03-15T08:00:00+07:00"></head>
<body>
<nav><ul><li>Trang chủ</li><li>Giới thiệu</li><li>Tin tức</li></ul></nav>
<div class="sidebar"><p>Thống kê truy cập</p><p>Đang online: 27</p><p>Hôm nay: 1.204</p></div>
<article>
<h1>Kiểm tra cải cách hành chính tại xã</h1>
<p>Ngày 12 tháng 3 năm 2021, Đoàn kiểm tra của Ủy ban nhân dân huyện đã làm việc với xã về công tác cải \
cách hành chính năm 2021.</p>
<p>Qua kiểm tra, bộ phận tiếp nhận và trả kết quả đã niêm yết công khai đầy đủ thủ tục hành chính, thái độ \
phục vụ người dân tận tình.</p>
<p>Tuy nhiên, việc cập nhật hồ sơ lên hệ thống thông tin một cửa điện tử còn chậm, một số hồ sơ trễ hạn \
chưa có văn bản xin lỗi.</p>
</article>
<footer><p>Bản quyền thuộc về Cổng thông tin điện tử huyện</p><p>Đăng nhập</p></footer>
</body></html>
"""


def write_html(path: Path, charset: str = "utf-8") -> Path:
    codec = "cp1258" if charset == "windows-1258" else charset
    text = ARTICLE_HTML.replace("{charset}", charset)
    if codec == "cp1258":
        text = to_cp1258_form(text)
    path.write_bytes(text.encode(codec))
    return path


def to_cp1258_form(text: str) -> str:
    """windows-1258 has few precomposed toned letters: write tones as combining marks (NFD-ish)."""
    import unicodedata

    out = []
    for ch in text:
        try:
            ch.encode("cp1258")
            out.append(ch)
        except UnicodeEncodeError:
            out.append(_compose_for_1258(unicodedata.normalize("NFD", ch)))
    return "".join(out)


def _compose_for_1258(decomposed: str) -> str:
    import unicodedata

    tones = "\u0300\u0301\u0303\u0309\u0323"
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
    return base + "".join(c for c in decomposed if c in tones)
