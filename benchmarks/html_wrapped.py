"""Dev texts wrapped in realistic portal pages: does the HTML reader give the plain texts' scores?

    python benchmarks/html_wrapped.py [--corpus DIR] [--scorer score.py] [--docs N] [--show DOC_ID]

Each text becomes the article of a page built from one of several portal templates (menus,
breadcrumbs, a poll "Bình chọn", "Thống kê truy cập" counters, "Liên kết website", a comment
form with captcha, share buttons, related news, footers). The pages are read by
`extractors.read()`, extracted, and scored with the shared scorer next to the plain texts; a
template that loses or adds text shows up as a score gap, and --show prints what the reader
kept of one document so the gap can be traced.
"""

from __future__ import annotations

import argparse
import difflib
import html
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "benchmarks")]

from devcorpus import DEFAULT_CORPUS, DEFAULT_SCORER, dev_texts, load_scorer, subset_gold  # noqa: E402

from core.settings import load_settings  # noqa: E402
from extractors import read  # noqa: E402
from extractors._common import split_paragraphs  # noqa: E402
from nlp.extract import extract  # noqa: E402

MENU = ("Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Cải cách hành chính", "Văn bản",
        "Thủ tục hành chính",
        "Hỏi đáp", "Liên hệ")
POLL = """<div class="poll"><h3>Bình chọn</h3>\
<p>Bạn đánh giá thế nào về chất lượng dịch vụ công trực tuyến?</p>
<ul><li><input type="radio" name="p"> Rất hài lòng</li><li><input type="radio" name="p"> Hài lòng</li>
<li><input type="radio" name="p"> Chưa hài lòng</li></ul>\
<button>Bình chọn</button> <a href="#">Xem kết quả</a></div>"""
COUNTER = """<div class="counter"><h3>Thống kê truy cập</h3><p>Đang online: 38</p><p>Hôm nay: 1.275</p>
<p>Tháng này: 24.530</p><p>Tổng lượt truy cập: 3.412.905</p></div>"""
LINKS = """<div class="links"><h3>Liên kết website</h3><select><option>-- Chọn liên kết --</option>
<option>Cổng Dịch vụ công quốc gia</option><option>Cổng thông tin điện tử Chính phủ</option>
<option>Bộ Nội vụ</option></select></div>"""
COMMENT_FORM = """<div class="comments"><h3>Ý kiến bạn đọc</h3><form><p>Họ và tên <input name="n"></p>
<p>Email <input name="e"></p><p>Nội dung <textarea></textarea></p>\
<p>Mã xác nhận <img src="captcha.png" alt="captcha">
<input name="c"></p><button>Gửi bình luận</button> <button>Làm lại</button></form></div>"""
SHARE = """<div class="share"><a href="#">Facebook</a> <a href="#">Zalo</a> <a href="#">Twitter</a>
<a href="#">Email</a> <a href="#">In bài</a></div>"""
RELATED = """<div class="related"><h3>Tin cùng chuyên mục</h3><ul>
<li><a href="#">Hội nghị tập huấn nghiệp vụ văn thư, lưu trữ</a></li>
<li><a href="#">Triển khai kế hoạch chuyển đổi số năm tới</a></li>
<li><a href="#">Công bố danh mục thủ tục hành chính mới</a></li></ul></div>"""
FOOTER = """<p>Cơ quan chủ quản: Văn phòng Ủy ban nhân dân</p><p>Địa chỉ: số 1 đường Trung tâm hành chính</p>
<p>Điện thoại: 0200.3800.000 - Email: vanphong@example.gov.vn</p>
<p>Ghi rõ nguồn khi phát hành lại thông tin từ cổng này.</p>"""


def _menu() -> str:
    return "<ul>" + "".join(f'<li><a href="#">{item}</a></li>' for item in MENU) + "</ul>"


def _escape(paragraph: str) -> str:
    """A paragraph's own line breaks become <br>, as a CMS editor stores them."""
    return "<br>\n".join(html.escape(line) for line in paragraph.split("\n"))


def _article(title: str, paragraphs: list[str], tag: str = "p") -> str:
    body = "\n".join(f"<{tag}>{_escape(p)}</{tag}>" for p in paragraphs)
    return f"<h1>{html.escape(title)}</h1>\n{body}"


def semantic_portal(title: str, paragraphs: list[str]) -> str:
    """A modern portal: header/nav/aside/footer elements, the article in <article>."""
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{html.escape(title)}</title>\
</head>
<body><header><div class="logo">CỔNG THÔNG TIN ĐIỆN TỬ</div><nav>{_menu()}</nav></header>
<div class="breadcrumb"><a href="#">Trang chủ</a> » <a href="#">Tin tức</a> » Cải cách hành chính</div>
<main><article>{_article(title, paragraphs)}{SHARE}</article>{COMMENT_FORM}{RELATED}</main>
<aside>{POLL}{COUNTER}{LINKS}</aside><footer>{FOOTER}</footer></body></html>"""


def table_portal(title: str, paragraphs: list[str]) -> str:
    """An older portal laid out with tables and no semantic elements at all."""
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{html.escape(title)}</title></head><body><table width="100%"><tr><td colspan="3">{_menu()}</td></tr>
<tr><td width="20%" class="left">{LINKS}{POLL}</td><td width="60%" class="content">
<div class="tieude">{html.escape(title)}</div>
{"".join(f'<div class="noidung">{_escape(p)}</div>' for p in paragraphs)}
<div class="tool">{SHARE}</div>{COMMENT_FORM}</td><td width="20%" class="right">{COUNTER}{RELATED}</td></tr>
<tr><td colspan="3" class="footer">{FOOTER}</td></tr></table></body></html>"""


def sharepoint_portal(title: str, paragraphs: list[str]) -> str:
    """A SharePoint-style government portal: nested divs, the body in a rich-text field."""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(title)}</title></head>\
<body>
<div id="s4-workspace"><div class="top-menu">{_menu()}</div><div class="left-zone">{COUNTER}{LINKS}</div>
<div class="main-zone"><div class="news-title"><h2>{html.escape(title)}</h2></div>
<div class="ms-rtestate-field">{"".join(f"<p>{_escape(p)}</p>" for p in paragraphs)}</div>
<div class="news-tools">{SHARE}<a href="#">Về đầu trang</a></div>{RELATED}{COMMENT_FORM}</div>
<div class="right-zone">{POLL}</div><div class="bottom">{FOOTER}</div></div></body></html>"""


def news_site(title: str, paragraphs: list[str]) -> str:
    """A newspaper page: article body as <div class="content"> blocks, many widgets around."""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">\
<title>{html.escape(title)} - Báo điện tử</title>
<meta property="og:title" content="{html.escape(title)}"></head><body>
<div class="header">{_menu()}\
<form class="search"><input placeholder="Tìm kiếm"><button>Tìm kiếm</button></form></div>
<div class="container"><div class="col-main"><h1 class="title-detail">{html.escape(title)}</h1>{SHARE}
<div class="fck_detail">{_article(title, paragraphs)[len(f"<h1>{html.escape(title)}</h1>"):]}</div>
<p class="author">PV</p>{SHARE}{RELATED}{COMMENT_FORM}</div>
<div class="col-sub">{POLL}{COUNTER}{LINKS}</div></div><div class="footer">{FOOTER}</div></body></html>"""


TEMPLATES = (semantic_portal, table_portal, sharepoint_portal, news_site)


def wrap(text: str, template_index: int) -> str:
    """The dev text as the article of a page: first line the title, blank-line blocks paragraphs."""
    paragraphs = split_paragraphs(text)
    title, _, rest = paragraphs[0].partition("\n")
    body = ([rest] if rest.strip() else []) + paragraphs[1:]
    return TEMPLATES[template_index % len(TEMPLATES)](" ".join(title.split()), body)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    ap.add_argument("--docs", type=int, default=0, help="only the first N documents (0 = all)")
    ap.add_argument("--show", help="print the text the reader kept of this document beside the plain text")
    args = ap.parse_args()
    settings = load_settings()
    scorer = load_scorer(args.scorer)
    texts = dev_texts(args.corpus, args.docs)
    with tempfile.TemporaryDirectory() as tmp:
        gold = subset_gold(texts, Path(tmp) / "gold")
        plain: dict[str, dict[str, Any]] = {}
        by_template: list[dict[str, dict[str, Any]]] = [{} for _ in TEMPLATES]
        wrapped_all: dict[str, dict[str, Any]] = {}
        for index, path in enumerate(texts):
            plain_doc = read(path, settings=settings)
            plain[path.stem] = extract(plain_doc).to_dict()
            page = Path(tmp) / f"{path.stem}.html"
            page.write_text(wrap(path.read_text(encoding="utf-8"), index), encoding="utf-8")
            wrapped_doc = read(page, settings=settings, doc_id=path.stem)
            wrapped_all[path.stem] = by_template[index % len(TEMPLATES)][path.stem] = \
                extract(wrapped_doc).to_dict()
            if args.show == path.stem:
                _show(plain_doc.text, wrapped_doc.text)
        base = scorer.score(gold, plain)
        print(f"{len(texts)} documents, {len(TEMPLATES)} templates")
        print(f"{'version':<22} {'headline':>8}  units  docs   dates  findings  polarity  area")
        _row("plain text", base)
        _row("wrapped in portals", scorer.score(gold, wrapped_all))
        for template, predictions in zip(TEMPLATES, by_template, strict=True):
            if predictions:  # scored on its own documents only, against their plain scores
                part = subset_gold([p for p in texts if p.stem in predictions], Path(tmp) / template.__name__)
                _row(f"  {template.__name__} ({len(predictions)})", scorer.score(part, predictions),
                     scorer.score(part, {k: plain[k] for k in predictions}))


def _row(name: str, scores: dict[str, Any], reference: dict[str, Any] | None = None) -> None:
    f1s = "  ".join(f"{scores[k]['f1']:.3f}" for k in ("units", "documents", "dates", "findings_typed"))
    accs = "  ".join(f"{scores[k]['acc'] or 0:.3f}" for k in ("finding_polarity", "finding_area"))
    gap = f"  (plain {reference['headline']:.3f})" if reference else ""
    print(f"{name:<22} {scores['headline']:8.3f}  {f1s}  {accs}{gap}")


def _show(plain: str, wrapped: str) -> None:
    """Paragraph diff of what the HTML reader kept against the plain text's reading."""
    for line in difflib.unified_diff(plain.split("\n\n"), wrapped.split("\n\n"), "plain", "html",
                                     lineterm=""):
        print(line)


if __name__ == "__main__":
    main()
