"""Official letters written here, rendered, then photographed and scanned the way offices do.

Why: the OCR path was tuned on clean renders and read real phone photos worse than plain
Tesseract. These pages copy what makes real letters hard — a two-column letterhead, numbers and
dates filled in by hand, a red stamp over the signature and the text beside it, a phone photo
at 70–150 dpi with perspective, uneven light and JPEG artefacts, a scan whose PDF text layer is
an English-language OCR of the Vietnamese page — with the exact text known. Every random choice
comes from a seeded generator, so a condition is the same pages on every run.
"""

from __future__ import annotations

import io
import math
import random
import textwrap
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.scanlib import jpeg_artefacts, wrap_paragraph

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
SERIF = FONT_DIR + "DejaVuSerif.ttf"
SERIF_BOLD = FONT_DIR + "DejaVuSerif-Bold.ttf"
SERIF_ITALIC = FONT_DIR + "DejaVuSerif-Italic.ttf"
HAND = FONT_DIR + "DejaVuSansCondensed-Oblique.ttf"  # jittered per glyph: reads as a pen
RENDER_DPI = 300
A4_INCHES = (8.27, 11.69)


@dataclass(frozen=True)
class Letter:
    """One official letter (công văn): letterhead fields, the handwritten ones, and the body."""

    authority: str          # "UBND TỈNH QUẢNG NAM"
    office: str             # "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
    number: str             # handwritten into "Số:      /SGDĐT-VP"
    number_suffix: str      # "/SGDĐT-VP"
    subject: str            # "V/v ..."
    place: str              # "Quảng Nam"
    day: str                # handwritten
    month: str
    year: str
    recipients: str         # "Kính gửi: ..."
    body: tuple[str, ...]
    signer_title: tuple[str, ...]
    signer: str


LETTERS: tuple[Letter, ...] = (
    Letter("UBND TỈNH QUẢNG NAM", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "463", "/SGDĐT-VP",
           "V/v báo cáo kết quả kiểm tra công tác cải cách hành chính năm 2019",
           "Quảng Nam", "24", "5", "2019",
           "Kính gửi: Hiệu trưởng các trường trung học phổ thông trực thuộc.",
           ("Thực hiện Kế hoạch số 112/KH-UBND ngày 15/3/2019 của Ủy ban nhân dân tỉnh về cải cách "
            "hành chính, Sở Giáo dục và Đào tạo đề nghị các đơn vị báo cáo kết quả thực hiện nhiệm vụ "
            "trong sáu tháng đầu năm.",
            "Nội dung báo cáo gồm việc niêm yết công khai thủ tục hành chính, số hồ sơ tiếp nhận và "
            "giải quyết đúng hạn, trễ hạn, việc số hóa hồ sơ và ứng dụng công nghệ thông tin.",
            "Báo cáo gửi về Văn phòng Sở trước ngày 10/6/2019 để tổng hợp, báo cáo Ủy ban nhân dân tỉnh."),
           ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), "Nguyễn Văn Hùng"),
    Letter("UBND HUYỆN ĐIỆN BÀN", "PHÒNG NỘI VỤ", "87", "/PNV-CCHC",
           "V/v khắc phục tồn tại sau kiểm tra cải cách hành chính",
           "Điện Bàn", "12", "8", "2021",
           "Kính gửi: Ủy ban nhân dân các xã, phường.",
           ("Qua kiểm tra công tác cải cách hành chính năm 2021, Đoàn kiểm tra nhận thấy một số đơn vị "
            "chưa cập nhật kịp thời hồ sơ trên hệ thống một cửa điện tử; việc xin lỗi người dân khi "
            "giải quyết hồ sơ trễ hạn chưa được thực hiện đầy đủ.",
            "Phòng Nội vụ đề nghị Chủ tịch Ủy ban nhân dân các xã, phường chỉ đạo khắc phục ngay các "
            "tồn tại nêu trên và báo cáo kết quả trước ngày 30/9/2021."),
           ("TRƯỞNG PHÒNG",), "Trần Thị Mai"),
    Letter("UBND TỈNH BÌNH ĐỊNH", "SỞ NỘI VỤ", "1205", "/SNV-TTr",
           "V/v thông báo kết luận kiểm tra công vụ tại Ủy ban nhân dân thị xã An Nhơn",
           "Bình Định", "03", "11", "2022",
           "Kính gửi: Ủy ban nhân dân thị xã An Nhơn.",
           ("Căn cứ Quyết định số 2150/QĐ-SNV ngày 20/10/2022 của Giám đốc Sở Nội vụ, Đoàn kiểm tra đã "
            "làm việc tại Ủy ban nhân dân thị xã An Nhơn từ ngày 25/10/2022 đến ngày 27/10/2022.",
            "Ủy ban nhân dân thị xã đã ban hành đầy đủ kế hoạch cải cách hành chính, bố trí công chức "
            "tại bộ phận một cửa đúng quy định; tuy nhiên tỷ lệ hồ sơ trực tuyến toàn trình còn thấp.",
            "Đề nghị Ủy ban nhân dân thị xã tăng cường tuyên truyền, hướng dẫn người dân nộp hồ sơ "
            "trực tuyến và báo cáo kết quả về Sở Nội vụ."),
           ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), "Lê Minh Tuấn"),
    Letter("UBND THÀNH PHỐ ĐÀ NẴNG", "VĂN PHÒNG", "356", "/VP-KSTTHC",
           "V/v chấn chỉnh việc giải quyết thủ tục hành chính trễ hạn",
           "Đà Nẵng", "19", "4", "2023",
           "Kính gửi: Thủ trưởng các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các quận, huyện.",
           ("Theo số liệu trên Hệ thống thông tin giải quyết thủ tục hành chính của thành phố, quý I năm "
            "2023 còn 1.245 hồ sơ giải quyết trễ hạn, tập trung ở lĩnh vực đất đai và xây dựng.",
            "Văn phòng Ủy ban nhân dân thành phố đề nghị các cơ quan, đơn vị rà soát nguyên nhân, "
            "thực hiện xin lỗi người dân bằng văn bản và báo cáo trước ngày 15/5/2023."),
           ("CHÁNH VĂN PHÒNG",), "Phạm Quốc Bảo"),
)


def reference_text(letter: Letter) -> str:
    """The letter's text in reading order: left letterhead column, right column, then the body."""
    lines = [letter.authority, letter.office, f"Số: {letter.number}{letter.number_suffix}", letter.subject,
             "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
             _date_line(letter), letter.recipients, *letter.body, *letter.signer_title, letter.signer]
    return "\n".join(lines)


def _date_line(letter: Letter) -> str:
    return f"{letter.place}, ngày {letter.day} tháng {letter.month} năm {letter.year}"


# --------------------------------------------------------------------------- rendering


def _font(path: str, points: float, dpi: int) -> Any:
    from PIL import ImageFont

    return ImageFont.truetype(path, round(points * dpi / 72))


def _centred(draw: Any, text: str, font: Any, centre_x: int, y: int, fill: Any = (20, 20, 20)) -> int:
    width = font.getlength(text)
    draw.text((centre_x - width / 2, y), text, font=font, fill=fill)
    return int(y + font.size * 1.35)


def _handwrite(page: Any, text: str, x: float, y: float, size: int, rng: random.Random) -> float:
    """`text` in blue ballpoint: each glyph its own size, slant and baseline; returns the end x."""
    from PIL import Image, ImageDraw, ImageFont

    for char in text:
        font = ImageFont.truetype(HAND, int(size * rng.uniform(1.0, 1.25)))
        glyph = Image.new("L", (size * 2, size * 2), 0)
        ImageDraw.Draw(glyph).text((size // 3, size // 4), char, font=font, fill=255)
        glyph = glyph.rotate(rng.uniform(-12, 12), resample=Image.Resampling.BICUBIC)
        ink = Image.new("RGB", glyph.size, (25, 45, 140))
        page.paste(ink, (int(x - size // 3), int(y - size // 4 + rng.uniform(-0.12, 0.12) * size)), glyph)
        x += font.getlength(char) * rng.uniform(0.95, 1.15)
    return x


def render_letter(letter: Letter, rng: random.Random, *, stamp: bool = True) -> Any:
    """The letter typeset on an A4 page at RENDER_DPI (RGB), handwritten numbers, optional stamp."""
    from PIL import Image, ImageDraw

    dpi = RENDER_DPI
    width, height = (round(side * dpi) for side in A4_INCHES)
    page = Image.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(page)
    margin_left, margin_right = round(1.0 * dpi), round(0.6 * dpi)
    regular = _font(SERIF, 13, dpi)
    small, small_bold = _font(SERIF, 10.5, dpi), _font(SERIF_BOLD, 10.5, dpi)
    left_x = margin_left + round(1.25 * dpi)
    right_x = width - margin_right - round(1.85 * dpi)
    top = round(0.7 * dpi)

    y = _centred(draw, letter.authority, small, left_x, top)
    y = _centred(draw, letter.office, small_bold, left_x, y)
    draw.line((left_x - 0.5 * dpi, y + 4, left_x + 0.5 * dpi, y + 4), fill=(20, 20, 20), width=3)
    y += round(0.12 * dpi)
    label = "Số:"
    gap = "        "
    total = small.getlength(f"{label}{gap}{letter.number_suffix}")
    x0 = left_x - total / 2
    draw.text((x0, y), label, font=small, fill=(20, 20, 20))
    x_end = _handwrite(page, letter.number, x0 + small.getlength(label + "  "), y - 6, small.size, rng)
    draw.text((max(x_end + 4, x0 + small.getlength(label + gap)), y), letter.number_suffix, font=small,
              fill=(20, 20, 20))
    y = int(y + small.size * 1.5)
    for line in wrap_paragraph(letter.subject, _font(SERIF, 11, dpi), 2.9 * dpi):
        y = _centred(draw, line, _font(SERIF, 11, dpi), left_x, y)

    y = _centred(draw, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", small_bold, right_x, top)
    y = _centred(draw, "Độc lập - Tự do - Hạnh phúc", small_bold, right_x, y)
    draw.line((right_x - 1.1 * dpi, y + 4, right_x + 1.1 * dpi, y + 4), fill=(20, 20, 20), width=3)
    y += round(0.2 * dpi)
    italic = _font(SERIF_ITALIC, 11.5, dpi)
    prefix = f"{letter.place}, ngày "
    x0 = right_x - italic.getlength(f"{prefix}     tháng {letter.month} năm {letter.year}") / 2
    draw.text((x0, y), prefix, font=italic, fill=(20, 20, 20))
    x_end = _handwrite(page, letter.day, x0 + italic.getlength(prefix), y - 6, italic.size, rng)
    draw.text((max(x_end + 8, x0 + italic.getlength(prefix + "     ")), y),
              f"tháng {letter.month} năm {letter.year}", font=italic, fill=(20, 20, 20))

    y = top + round(1.9 * dpi)
    text_width = width - margin_left - margin_right
    for line in wrap_paragraph(letter.recipients, regular, text_width - 1.0 * dpi):
        y = _centred(draw, line, regular, width // 2, y)
    y += round(0.15 * dpi)
    for paragraph in letter.body:
        lines = wrap_paragraph(paragraph, regular, text_width - 0.4 * dpi)
        for i, line in enumerate(lines):
            indent = round(0.4 * dpi) if i == 0 else 0
            draw.text((margin_left + indent, y), line, font=regular, fill=(20, 20, 20))
            y += round(regular.size * 1.45)
        y += round(regular.size * 0.5)

    y += round(0.25 * dpi)
    sign_x = width - margin_right - round(1.7 * dpi)
    for line in letter.signer_title:
        y = _centred(draw, line, small_bold, sign_x, y)
    _signature(draw, sign_x, y + round(0.45 * dpi), dpi, rng)
    name_y = y + round(1.05 * dpi)
    _centred(draw, letter.signer, small_bold, sign_x, name_y)
    if stamp:
        _stamp(page, (sign_x - round(0.55 * dpi), y + round(0.35 * dpi)), round(0.8 * dpi), letter, rng)
    return page


def _signature(draw: Any, x: int, y: int, dpi: int, rng: random.Random) -> None:
    points = [(x - 0.6 * dpi + i * 0.04 * dpi, y + math.sin(i * 0.9 + rng.random()) * 0.12 * dpi)
              for i in range(30)]
    draw.line(points, fill=(25, 45, 140), width=4, joint="curve")


def _stamp(page: Any, centre: tuple[int, int], radius: int, letter: Letter, rng: random.Random) -> None:
    """A red round seal, partly transparent, over the signature, the signer's name and text beside."""
    from PIL import Image, ImageDraw, ImageFont

    size = radius * 2 + 10
    seal = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(seal)
    c = size // 2
    draw.ellipse((c - radius, c - radius, c + radius, c + radius), outline=255, width=radius // 14)
    draw.ellipse((c - radius * 0.72, c - radius * 0.72, c + radius * 0.72, c + radius * 0.72), outline=255,
                 width=radius // 30)
    font = ImageFont.truetype(SERIF_BOLD, radius // 6)
    text = f"{letter.office} * {letter.authority} * "
    for i, char in enumerate(text):
        angle = 2 * math.pi * i / len(text) - math.pi / 2
        glyph = Image.new("L", (radius // 4, radius // 4), 0)
        ImageDraw.Draw(glyph).text((2, 0), char, font=font, fill=255)
        glyph = glyph.rotate(-math.degrees(angle) - 90, resample=Image.Resampling.BICUBIC)
        px = c + math.cos(angle) * radius * 0.86 - glyph.width / 2
        py = c + math.sin(angle) * radius * 0.86 - glyph.height / 2
        seal.paste(255, (int(px), int(py)), glyph)
    draw.regular_polygon((c, c, radius // 4), 5, fill=255)
    seal = seal.rotate(rng.uniform(-30, 30), resample=Image.Resampling.BICUBIC)
    seal = seal.point(lambda v: int(v * 0.8))  # ink soaks unevenly: the text beneath shows through
    red = Image.new("RGB", seal.size, (215, 35, 45))
    page.paste(red, (centre[0] - c, centre[1] - c), seal)


# --------------------------------------------------------------------------- photographing


@dataclass(frozen=True)
class Shot:
    """How a page reaches kiemtra: a phone photo, a scan, or a scanned PDF with a foreign layer."""

    name: str
    dpi: int                        # resolution of the page in the delivered image
    jpeg_quality: int | None = 60
    perspective: float = 0.0        # share of the width the corners move
    lighting: float = 0.0           # depth of the light fall-off (0 = even)
    rotation: float = 0.0           # degrees, random in [-r, r]
    blur: float = 0.0               # Gaussian radius at the delivered resolution
    noise: float = 0.0              # standard deviation of sensor noise, grey levels
    darkness: float = 1.0           # exposure: < 1 is an under-exposed photo
    stamp: bool = True
    container: str = "jpeg"         # "jpeg" | "png" | "pdf-foreign-layer"
    extra: dict[str, Any] = field(default_factory=dict)


SHOTS: dict[str, Shot] = {s.name: s for s in (
    Shot("photo-70dpi", 70, 60, perspective=0.03, lighting=0.25, rotation=1.5),
    Shot("photo-100dpi-uneven-light", 100, 55, perspective=0.04, lighting=0.6, rotation=2.0),
    Shot("photo-150dpi-stamp", 150, 70, perspective=0.02, lighting=0.2, rotation=1.0),
    Shot("photo-noise-blur-dark", 110, 50, perspective=0.03, lighting=0.3, rotation=3.0, blur=0.7,
         noise=10.0, darkness=0.6),
    Shot("scan-pdf-foreign-layer", 200, 75, rotation=0.5, container="pdf-foreign-layer"),
)}


def photograph(page: Any, shot: Shot, rng: random.Random) -> Any:
    """The RGB page as `shot` delivers it: warped, lit, rotated, resampled, noised, compressed."""
    import numpy as np
    from PIL import Image, ImageFilter

    image = page
    if shot.perspective:
        image = _perspective(image, shot.perspective, rng)
    if shot.rotation:
        image = image.rotate(rng.uniform(-shot.rotation, shot.rotation), resample=Image.Resampling.BICUBIC,
                             expand=True, fillcolor=(235, 235, 230))
    scale = shot.dpi / RENDER_DPI
    image = image.resize((round(image.width * scale), round(image.height * scale)), Image.Resampling.LANCZOS)
    pixels = np.asarray(image).astype(np.float32)
    if shot.lighting:
        pixels *= _light_field(pixels.shape[1], pixels.shape[0], shot.lighting, rng)[:, :, None]
    pixels *= shot.darkness
    pixels *= np.array([1.0, 0.98, 0.93], dtype=np.float32)  # warm indoor light
    if shot.noise:
        pixels += np.random.default_rng(rng.randrange(2**32)).normal(0, shot.noise, pixels.shape)
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGB")
    if shot.blur:
        image = image.filter(ImageFilter.GaussianBlur(shot.blur))
    if shot.jpeg_quality:
        image = jpeg_artefacts(image, shot.jpeg_quality, "RGB")
    return image


def _perspective(image: Any, amount: float, rng: random.Random) -> Any:
    from PIL import Image

    w, h = image.size
    d = amount * w
    corners = [(rng.uniform(0, d), rng.uniform(0, d)), (w - rng.uniform(0, d), rng.uniform(0, d)),
               (w - rng.uniform(0, d), h - rng.uniform(0, d)), (rng.uniform(0, d), h - rng.uniform(0, d))]
    coeffs = _perspective_coeffs([(0, 0), (w, 0), (w, h), (0, h)], corners)
    return image.transform((w, h), Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BICUBIC,
                           fillcolor=(235, 235, 230))


def _perspective_coeffs(target: list[tuple[float, float]], source: list[tuple[float, float]]) -> list[float]:
    import numpy as np

    rows = []
    for (x, y), (u, v) in zip(target, source, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    targets = np.array([c for p in source for c in p], dtype=float)
    solution = np.linalg.solve(np.array(rows, dtype=float), targets)
    return [float(v) for v in solution]


def _light_field(width: int, height: int, depth: float, rng: random.Random) -> Any:
    """Light falling off from a lamp beside the page, with the phone's shadow on one side."""
    import numpy as np

    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    lx, ly = rng.uniform(-0.3, 1.3) * width, rng.uniform(-0.3, 0.4) * height
    distance = np.hypot(xs - lx, ys - ly) / math.hypot(width, height)
    light = 1.0 - depth * np.clip(distance, 0, 1)
    shadow_edge = rng.uniform(0.55, 0.8) * width
    light *= np.where(xs > shadow_edge, 1.0 - 0.35 * depth, 1.0)
    return light


# --------------------------------------------------------------------------- foreign OCR layer

# What an English-language OCR engine makes of Vietnamese letters it has no model for: the tone
# marks go, and the letters carrying stacked marks become look-alike ASCII shapes.
_FOREIGN_LOOKALIKES = {"ộ": "Q", "Ộ": "Q", "ủ": "iJ", "Ủ": "iJ", "ệ": "V", "Ệ": "V", "ố": "6", "Ố": "6",
                       "ơ": "o'", "ư": "u'", "ạ": "a.", "ả": "cí", "ậ": "Q", "Ậ": "Q", "ồ": "6", "ớ": "o'"}


def foreign_ocr(text: str, rng: random.Random, mangle: float = 0.35) -> str:
    """`text` as an English OCR would layer it: ASCII-folded, some letters turned into look-alikes."""
    out = []
    for char in text:
        if char in _FOREIGN_LOOKALIKES and rng.random() < mangle:
            out.append(_FOREIGN_LOOKALIKES[char])
            continue
        folded = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
        out.append(folded.replace("đ", "d").replace("Đ", "D"))
    return "".join(out)


# --------------------------------------------------------------------------- files


def write_shot(letter: Letter, shot: Shot, path_stem: Path, seed: int) -> Path:
    """The letter photographed or scanned under `shot`, saved as one file."""
    rng = random.Random(seed)
    image = photograph(render_letter(letter, rng, stamp=shot.stamp), shot, rng)
    if shot.container == "jpeg":
        path = path_stem.with_suffix(".jpg")
        image.save(path, "JPEG", quality=shot.jpeg_quality or 90, dpi=(72, 72))  # phones say 72
        return path
    if shot.container == "png":
        path = path_stem.with_suffix(".png")
        image.save(path)
        return path
    path = path_stem.with_suffix(".pdf")
    write_foreign_layer_pdf(image, foreign_ocr(reference_text(letter), rng), shot.dpi, path)
    return path


def write_foreign_layer_pdf(image: Any, layer: str, dpi: int, path: Path) -> None:
    """An A4 PDF page: `image` drawn full-page, `layer` as invisible text over it, as scanners do."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    width_pt, height_pt = image.width * 72 / dpi, image.height * 72 / dpi
    pdf = canvas.Canvas(str(path), pagesize=(width_pt, height_pt))
    pdf.setTitle("2019-05-31 (9)")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=75)
    pdf.drawImage(ImageReader(io.BytesIO(buffer.getvalue())), 0, 0, width_pt, height_pt)
    text = pdf.beginText(72, height_pt - 72)
    text.setTextRenderMode(3)  # invisible, as an OCR layer
    text.setFont("Helvetica", 10)
    for line in layer.split("\n"):
        for wrapped in textwrap.wrap(line, 90) or [""]:
            text.textLine(wrapped)
    pdf.drawText(text)
    pdf.showPage()
    pdf.save()
