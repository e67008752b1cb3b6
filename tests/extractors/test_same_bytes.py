"""Issue 16, item 9: a reader hashes and parses the same bytes, even when the file is swapped.

The PDF and image readers used to hash the bytes in the parent and re-open the path in the
child: a file replaced while it was read was stored under A's hash with B's text, and skipped as
unchanged afterwards. Here the file is swapped right after the reader has read it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from core.models import sha256_bytes
from core.settings import Settings
from extractors import image as image_reader
from extractors import pdf as pdf_reader
from extractors import read

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def write_pdf(path: Path, lines: list[str]) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVuSans", FONT))
    pdf = canvas.Canvas(str(path))
    pdf.setFont("DejaVuSans", 12)
    for i, line in enumerate(lines):
        pdf.drawString(60, 760 - 18 * i, line)
    pdf.showPage()
    pdf.save()
    return path.read_bytes()


def write_png(path: Path, line: str) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1400, 200), 255)
    ImageDraw.Draw(image).text((40, 60), line, font=ImageFont.truetype(FONT, 48), fill=0)
    image.save(path)
    return path.read_bytes()


def swap_before_parsing(monkeypatch: pytest.MonkeyPatch, module: object, runner: str, path: Path,
                        replacement: bytes) -> None:
    """Replace the file between the reader's read in this process and its parse in the child."""
    original: Callable[..., Any] = getattr(module, runner)

    def swap_then_run(*args: Any, **kwargs: Any) -> Any:
        path.write_bytes(replacement)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, runner, swap_then_run)


A_LINES = ["Báo cáo kết quả kiểm tra công tác cải cách hành chính tại xã Hòa Bình năm 2023.",
           "Ủy ban nhân dân xã đã niêm yết công khai đầy đủ thủ tục hành chính."]
B_LINES = ["Thông báo kết luận thanh tra việc quản lý đất đai tại phường An Phú năm 2021.",
           "Một số hồ sơ giải quyết trễ hạn nhưng chưa có văn bản xin lỗi người dân."]


@pytest.mark.parametrize("layout", ["fast", "layout"])
def test_a_pdf_swapped_while_read_is_stored_with_the_text_of_the_bytes_hashed(
        tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch, layout: str) -> None:
    b_bytes = write_pdf(tmp_path / "b.pdf", B_LINES)
    path = tmp_path / "bao-cao.pdf"
    a_bytes = write_pdf(path, A_LINES)
    swap_before_parsing(monkeypatch, pdf_reader, "run_limited", path, b_bytes)
    document = read(path, settings=settings.replace(pdf_layout=layout))
    assert path.read_bytes() == b_bytes  # the swap happened
    assert document.source.sha256 == sha256_bytes(a_bytes)
    assert "Hòa Bình" in document.text and "An Phú" not in document.text


@pytest.mark.ocr
def test_an_image_swapped_while_read_is_stored_with_the_text_of_the_bytes_hashed(
        tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    b_bytes = write_png(tmp_path / "b.png", "Phường An Phú năm 2021")
    path = tmp_path / "anh.png"
    a_bytes = write_png(path, "Xã Hòa Bình năm 2023")
    swap_before_parsing(monkeypatch, image_reader, "map_limited", path, b_bytes)
    document = read(path, settings=settings)
    assert path.read_bytes() == b_bytes
    assert document.source.sha256 == sha256_bytes(a_bytes)
    assert "Hòa Bình" in document.text and "An Phú" not in document.text
