"""Item 3: a fetch has a total deadline, a host a budget per run, the run a deadline.

Before the fix a server sending one byte every few seconds held one fetch for as long as it
liked (600 s seen) and the junk was stored; Retry-After could cost minutes per URL.

What these tests assert is counted, not timed (a timed bound fails on a loaded machine): how much
of a dripped answer the server had sent when the client gave up, which requests reached a server.
"""

from __future__ import annotations

import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from hostile_helpers import ARTICLE, answer, counted, drip, loopback_server, make_settings

from core.errors import FetchError
from pipeline.fetch import PoliteClient


def test_a_slow_drip_download_stops_at_the_fetch_deadline(tmp_path: Path) -> None:
    sent: list[int] = []
    with loopback_server({"/cham.html": drip(0.2, 200, sent)}) as base, \
            PoliteClient(make_settings(tmp_path, fetch_deadline_s=1.5)) as client:
        with pytest.raises(FetchError, match="fetch_deadline_s=1.5"):
            client.get(f"{base}/cham.html")  # 200 bytes at 5 per second would take 40 s
        # Given up mid-download: a client that read the whole answer first (and only then saw
        # the deadline passed) would have let the server send all 200 bytes.
        assert len(sent) == 1 and sent[0] < 100, sent


def test_retry_after_is_capped_by_the_deadline(tmp_path: Path) -> None:
    waits: list[float] = []
    routes = {"/ban.html": answer(b"", status=503, headers={"Retry-After": "30"})}
    settings = make_settings(tmp_path, fetch_deadline_s=5, http_retries=3)
    with loopback_server(routes) as base, PoliteClient(settings, sleep=waits.append) as client, \
            pytest.raises(FetchError, match="not retrying in 30 s.*fetch_deadline_s=5"):
        client.get(f"{base}/ban.html")
    assert waits == []  # the 30 s the server asked for were never slept


def test_a_slow_host_is_cut_off_for_the_run_and_others_go_on(tmp_path: Path) -> None:
    reached: list[str] = []
    routes = {"/cham.html": drip(0.2, 100), "/nhanh.html": counted(answer(ARTICLE.encode()), reached)}
    with loopback_server(routes) as slow, loopback_server({"/tin.html": answer(ARTICLE.encode())}) as fast:
        fast = fast.replace("127.0.0.1", "localhost")  # another host name for the same loopback
        settings = make_settings(tmp_path, fetch_deadline_s=1.0, fetch_host_budget_s=1.5,
                                 fetch_allow_hosts="127.0.0.1,localhost")
        with PoliteClient(settings) as client:
            for _ in range(2):  # each drip costs ~1 s of the host's 1.5 s budget
                with pytest.raises(FetchError):
                    client.get(f"{slow}/cham.html")
            with pytest.raises(FetchError, match="fetch_host_budget_s=1.5"):
                client.get(f"{slow}/nhanh.html")  # a fast page, but its host has spent its budget
            assert reached == []  # refused before asking: no request, no wait for the host
            assert client.get(f"{fast}/tin.html").status == 200


def test_nothing_is_fetched_after_the_run_deadline(tmp_path: Path) -> None:
    now = [1000.0]
    with loopback_server({"/tin.html": answer(ARTICLE.encode())}) as base, \
            PoliteClient(make_settings(tmp_path, fetch_run_deadline_s=60), clock=lambda: now[0]) as client:
        assert client.get(f"{base}/tin.html").status == 200
        now[0] += 61
        with pytest.raises(FetchError, match="fetch_run_deadline_s=60"):
            client.get(f"{base}/tin.html")


def test_headers_dripped_byte_by_byte_stop_at_the_fetch_deadline(tmp_path: Path) -> None:
    """httpx's timeouts are per read, so headers arriving one byte at a time never trip them."""

    sent = [0]

    def slow_headers(request: BaseHTTPRequestHandler) -> None:
        request.wfile.write(b"HTTP/1.1 200 OK\r\n")
        for byte in b"X-Cham: " + b"a" * 200:
            request.wfile.write(bytes([byte]))
            request.wfile.flush()
            sent[0] += 1
            time.sleep(0.2)

    settings = make_settings(tmp_path, fetch_deadline_s=1.5, http_retries=0)
    with loopback_server({"/cham.html": slow_headers}) as base, PoliteClient(settings) as client:
        with pytest.raises(FetchError, match="fetch_deadline_s=1.5"):
            client.get(f"{base}/cham.html")  # 208 header bytes at 5 per second would take 42 s
        assert sent[0] < 100, sent  # cut off mid-headers, not after they all arrived
