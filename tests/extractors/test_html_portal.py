"""HTML reader on portal furniture: table layouts, poll boxes and the headline (pages written here)."""

from __future__ import annotations

from pathlib import Path

from core.settings import Settings
from extractors import read

ARTICLE = (
    "Đoàn kiểm tra cải cách hành chính của huyện đã làm việc với Ủy ban nhân dân xã Phú Lâm về việc "
    "giải quyết thủ tục hành chính tại bộ phận một cửa trong quý III.",
    "Tuy nhiên, một số hồ sơ đất đai còn giải quyết trễ hạn và chưa có văn bản xin lỗi người dân.",
    "Đoàn đề nghị Ủy ban nhân dân xã chấn chỉnh ngay việc tiếp nhận và trả kết quả hồ sơ.",
)
POLL = ('<div class="poll"><h3>Bình chọn</h3><p>Bạn đánh giá thế nào về giao diện cổng thông tin mới?</p>'
        '<ul><li><input type="radio" name="q"> Rất đẹp</li><li><input type="radio" name="q"> Bình thường</li>'
        '</ul></div>')


def _write(path: Path, markup: str) -> Path:
    path.write_text(markup, encoding="utf-8")
    return path


def test_portal_laid_out_in_a_table_keeps_paragraphs_apart(tmp_path: Path, settings: Settings) -> None:
    body = "".join(f"<div class='noidung'>{p}</div>" for p in ARTICLE)
    page = _write(tmp_path / "bang.html", f"""<html><head><meta charset="utf-8"><title>Tin</title></head>\
<body>
<table><tr><td colspan="2"><div>Trang chủ | Giới thiệu | Tin tức</div></td></tr>
<tr><td>{POLL}</td><td><h1>Kiểm tra cải cách hành chính tại xã</h1>{body}</td></tr></table></body></html>""")
    document = read(page, settings=settings)
    paragraphs = document.text.split("\n\n")
    for sentence in ARTICLE:
        assert sentence in paragraphs
    assert not any(" | " in p and "Đoàn" in p for p in paragraphs)


def test_a_data_table_in_the_article_stays_a_table(tmp_path: Path, settings: Settings) -> None:
    page = _write(tmp_path / "du-lieu.html", f"""<html><head><meta charset="utf-8"></head><body><article>
<h1>Kết quả kiểm tra</h1><p>{ARTICLE[0]}</p>
<table><tr><td>Xã Phú Lâm</td><td>12 hồ sơ trễ hạn</td></tr>\
<tr><td>Xã Tân Lập</td><td>Không có</td></tr></table>
<p>{ARTICLE[1]}</p></article></body></html>""")
    text = read(page, settings=settings).text
    assert "Xã Phú Lâm" in text and "12 hồ sơ trễ hạn" in text
    assert any("Xã Phú Lâm" in line and "12 hồ sơ trễ hạn" in line for line in text.split("\n"))


def test_poll_box_goes_and_headline_outside_the_body_is_kept(tmp_path: Path, settings: Settings) -> None:
    page = _write(tmp_path / "bao.html", f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<meta property="og:title" content="Xã Phú Lâm cần chấn chỉnh việc trả hồ sơ trễ hạn"></head><body>
<div class="col-main"><h1 class="title">Xã Phú Lâm cần chấn chỉnh việc trả hồ sơ trễ hạn</h1>
<div class="detail">{"".join(f"<p>{p}</p>" for p in ARTICLE)}</div></div>
<div class="col-sub">{POLL}</div></body></html>""")
    document = read(page, settings=settings)
    assert document.text.startswith("Xã Phú Lâm cần chấn chỉnh việc trả hồ sơ trễ hạn")
    assert document.text.count("Xã Phú Lâm cần chấn chỉnh") == 1
    assert "giao diện cổng thông tin" not in document.text
    assert "Rất đẹp" not in document.text
