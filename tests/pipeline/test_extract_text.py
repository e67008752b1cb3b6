"""`kiemtra extract --format text`: the normalised text that was read, page by page."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import cli

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def write_two_pages(path: Path) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVuSans", FONT))
    pdf = canvas.Canvas(str(path))
    pdf.setTitle("scan0001")
    for lines in (["BÁO CÁO", "Kết quả kiểm tra cải cách hành chính tại xã Hòa Bình"],
                  ["Đoàn kiểm tra đề nghị xã khắc phục việc trả hồ sơ trễ hạn."]):
        pdf.setFont("DejaVuSans", 12)
        for i, line in enumerate(lines):
            pdf.drawString(60, 760 - 18 * i, line)
        pdf.showPage()
    pdf.save()
    return path


def test_text_format_prints_each_page_after_its_marker(tmp_path: Path) -> None:
    path = write_two_pages(tmp_path / "bao-cao.pdf")
    (tmp_path / "ghi-chu.txt").write_text("Ghi chú: xã Phú Tân đã niêm yết thủ tục.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path), "--format", "text"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert f"=== {path} (pdf.text, 2 pages) ===" in out
    assert "title: BÁO CÁO Kết quả kiểm tra cải cách hành chính tại xã Hòa Bình" in out
    first, second = out.index("--- page 1 ---"), out.index("--- page 2 ---")
    assert first < out.index("Kết quả kiểm tra", first) < second < out.index("Đoàn kiểm tra đề nghị")
    assert "Ghi chú: xã Phú Tân" in out  # a text file has no pages: no marker, just its text
    assert '"findings"' not in out  # the text, not the extraction


def test_text_format_lets_no_control_character_reach_the_terminal(tmp_path: Path) -> None:
    (tmp_path / "a\x1b[2Jb.txt").write_text("Xã Phú Tân\x1b]0;owned\x07 đã niêm yết.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path), "--format", "text"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "a\\x1b[2Jb.txt" in result.stdout and "Xã Phú Tân" in result.stdout
