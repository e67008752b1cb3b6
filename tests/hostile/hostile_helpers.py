"""Shared pieces of the hostile-input tests (issue 16): settings and a scriptable loopback server.

Every server here listens on 127.0.0.1 inside the test and every client call is bounded in time
(fetch deadlines of a few seconds), so a regression fails the test instead of hanging it.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from loopback import serving

from core.settings import Settings, load_settings

Handler = Callable[[BaseHTTPRequestHandler], None]


def make_settings(tmp_path: Path, **changes: object) -> Settings:
    values: dict[str, object] = {"db_path": str(tmp_path / "k.db"), "fetch_dir": str(tmp_path / "fetched"),
                                 "http_min_interval_s": 0, "http_retries": 1, "http_timeout_s": 5,
                                 "fetch_deadline_s": 10, "fetch_allow_hosts": "127.0.0.1"}
    return load_settings({**values, **changes}, environ={})


@contextmanager
def loopback_server(routes: dict[str, Handler]) -> Iterator[str]:
    """Serve `routes` (path → handler writing the answer) on 127.0.0.1; yields the base URL.

    Unknown paths answer 404; robots.txt answers 404 unless routed (RFC 9309: allow all).
    """

    class _Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            route = routes.get(self.path.split("?", 1)[0])
            if route is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up
                route(self)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            return

    with serving(_Handler) as base:
        yield base


def answer(body: bytes, status: int = 200, content_type: str = "text/html; charset=utf-8",
           headers: dict[str, str] | None = None) -> Handler:
    def handle(request: BaseHTTPRequestHandler) -> None:
        request.send_response(status)
        request.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            request.send_header(name, value)
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)
    return handle


def drip(byte_every_s: float, total_bytes: int, sent: list[int] | None = None) -> Handler:
    """A slow-drip server: headers at once, then one byte every `byte_every_s` seconds.

    `sent`, when given, gets one count per request, raised with each body byte written: a test
    reads there how far the download had got when the client gave up (work counted, not timed).
    """
    def handle(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html; charset=utf-8")
        request.send_header("Content-Length", str(total_bytes))
        request.end_headers()
        at = len(sent) if sent is not None else -1
        if sent is not None:
            sent.append(0)
        for _ in range(total_bytes):
            request.wfile.write(b"x")
            request.wfile.flush()
            if sent is not None:
                sent[at] += 1
            time.sleep(byte_every_s)
    return handle


def counted(handler: Handler, requests: list[str]) -> Handler:
    """`handler`, noting each request's path in `requests` first (what reached the server)."""
    def handle(request: BaseHTTPRequestHandler) -> None:
        requests.append(request.path)
        handler(request)
    return handle


ARTICLE = ("<html><head><meta charset='utf-8'><title>Kiểm tra cải cách hành chính</title></head><body>"
           "<article><h1>Kiểm tra cải cách hành chính tại xã</h1>"
           "<p>Đoàn kiểm tra ghi nhận Ủy ban nhân dân xã "
           "chưa niêm yết công khai thủ tục hành chính tại bộ phận một cửa.</p></article></body></html>")
