"""A small news portal on 127.0.0.1 for the fetch and sources tests.

It behaves like the province portals the nightly run reads: HTML articles, an RSS feed, a
robots.txt, ETag and Last-Modified validators answered with 304, and scripted failures. It
records every request (path and headers) so tests can assert what the client actually sent.
The articles are written for these tests in the genre (CCHC inspection news); they are not
taken from any real portal.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler
from xml.sax.saxutils import escape

from loopback import serving

ARTICLES: dict[str, tuple[str, str]] = {
    "/tin-tuc/kiem-tra-cchc-huyen-a.html": (
        "Đoàn kiểm tra công tác cải cách hành chính làm việc tại huyện",
        "Ngày 12/3/2024, Đoàn kiểm tra của Sở Nội vụ đã làm việc với Ủy ban nhân dân huyện về "
        "công tác cải cách hành chính năm 2024. Đoàn đánh giá huyện đã ban hành kế hoạch cải cách "
        "hành chính kịp thời. Tuy nhiên, việc giải quyết hồ sơ thủ tục hành chính tại bộ phận một "
        "cửa còn trễ hạn, một số cán bộ chưa cập nhật hồ sơ lên hệ thống thông tin giải quyết thủ "
        "tục hành chính của tỉnh.",
    ),
    "/tin-tuc/ket-luan-kiem-tra-xa-b.html": (
        "Kết luận kiểm tra công vụ tại Ủy ban nhân dân xã",
        "Theo Thông báo số 45/TB-SNV ngày 20/5/2024 của Sở Nội vụ, Ủy ban nhân dân xã đã niêm yết "
        "công khai thủ tục hành chính đầy đủ. Đoàn kiểm tra đề nghị Chủ tịch Ủy ban nhân dân xã "
        "chấn chỉnh việc chấp hành giờ giấc làm việc của công chức và khắc phục tình trạng hồ sơ "
        "lưu trữ chưa được sắp xếp khoa học.",
    ),
    "/tin-tuc/chi-so-par-index.html": (
        "Tỉnh triển khai giải pháp nâng cao Chỉ số cải cách hành chính",
        "Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành rà soát, đơn giản hóa thủ tục hành chính "
        "và đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình. Tỷ lệ hồ sơ trực tuyến của một "
        "số đơn vị còn thấp, chưa đạt chỉ tiêu kế hoạch đề ra.",
    ),
}


@dataclass(frozen=True, slots=True)
class Seen:
    """One request as the server received it."""

    path: str
    headers: dict[str, str]
    status: int


@dataclass
class _Page:
    body: bytes
    content_type: str
    etag: str
    last_modified: float


@dataclass
class Portal:
    """Server state; tests change it between runs (update a page, script failures, robots).

    Scripted 429 and 503 answers carry `retry_after` as their Retry-After header.
    """

    base: str = ""
    pages: dict[str, _Page] = field(default_factory=dict)
    disallow: list[str] = field(default_factory=list)
    scripted: dict[str, list[int]] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)
    conditional: bool = True   # False: a server that sends no validators and never answers 304
    retry_after: str = "7"
    requests: list[Seen] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def put(self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8") -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        with self.lock:
            self.pages[path] = _Page(data, content_type, f'"{hashlib.sha1(data).hexdigest()[:16]}"',
                                     time.time())

    def put_article(self, path: str, title: str, text: str) -> None:
        self.put(path, article_html(title, text))

    def fail_next(self, path: str, *statuses: int) -> None:
        """Answer the next requests for `path` with these statuses, then normally."""
        with self.lock:
            self.scripted.setdefault(path, []).extend(statuses)

    def seen(self, path: str) -> list[Seen]:
        with self.lock:
            return [r for r in self.requests if r.path == path]


def article_html(title: str, text: str) -> str:
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title></head><body><nav>Trang chủ | Tin tức | Liên hệ</nav>"
        f"<article><h1>{escape(title)}</h1><p>{escape(text)}</p></article>"
        "<footer>Cổng thông tin điện tử tỉnh</footer></body></html>"
    )


def rss(portal: Portal, paths: list[str]) -> str:
    items = "".join(
        f"<item><title>{escape(ARTICLES.get(p, (p, ''))[0])}</title><link>{escape(portal.url(p))}</link>"
        f"<guid isPermaLink=\"false\">{hashlib.sha1(p.encode()).hexdigest()[:8]}</guid></item>"
        for p in paths
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Tin cải cách hành chính</title><link>{escape(portal.base)}/</link>{items}</channel></rss>"
    )


def _handler(portal: Portal) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            path = self.path.split("?", 1)[0]
            with portal.lock:
                scripted = portal.scripted.get(path)
                status = scripted.pop(0) if scripted else None
                page = portal.pages.get(path)
            if status is not None:
                self._answer(status, b"", "text/plain",
                             {"Retry-After": portal.retry_after} if status in (429, 503) else {})
            elif path in portal.redirects:
                self._answer(301, b"", "text/plain", {"Location": portal.redirects[path]})
            elif path == "/robots.txt":
                rules = "".join(f"Disallow: {p}\n" for p in portal.disallow)
                self._answer(200, f"User-agent: *\n{rules}".encode(), "text/plain")
            elif page is None:
                self._answer(404, "Không tìm thấy trang".encode(), "text/plain; charset=utf-8")
            elif self._not_modified(page):
                self._answer(304, b"", page.content_type, self._validators(page))
            else:
                self._answer(200, page.body, page.content_type, self._validators(page))

        def _validators(self, page: _Page) -> dict[str, str]:
            if not portal.conditional:
                return {}
            return {"ETag": page.etag, "Last-Modified": formatdate(page.last_modified, usegmt=True)}

        def _not_modified(self, page: _Page) -> bool:
            """RFC 9110: If-None-Match wins; If-Modified-Since only counts without it."""
            if not portal.conditional:
                return False
            if_none_match = self.headers.get("If-None-Match")
            if if_none_match is not None:
                return page.etag in [t.strip() for t in if_none_match.split(",")]
            since = self.headers.get("If-Modified-Since")
            if since is None:
                return False
            try:
                return int(page.last_modified) <= parsedate_to_datetime(since).timestamp()
            except (TypeError, ValueError):
                return False

        def _answer(self, status: int, body: bytes, content_type: str,
                    extra: dict[str, str] | None = None) -> None:
            with portal.lock:
                portal.requests.append(Seen(self.path.split("?", 1)[0],
                                            {k.lower(): v for k, v in self.headers.items()}, status))
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            for name, value in (extra or {}).items():
                self.send_header(name, value)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - silence stderr
            return

    return Handler


@contextmanager
def running_portal(host: str = "127.0.0.1", *, feed: bool = True) -> Iterator[Portal]:
    """A portal with the three articles and /rss.xml listing them, served until the block ends."""
    portal = Portal()
    with serving(_handler(portal), host) as base:
        portal.base = base
        for path, (title, text) in ARTICLES.items():
            portal.put_article(path, title, text)
        if feed:
            portal.put("/rss.xml", rss(portal, list(ARTICLES)), "application/rss+xml; charset=utf-8")
        yield portal
