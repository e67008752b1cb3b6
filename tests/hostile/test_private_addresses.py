"""Item 11: the fetcher refuses loopback, private, link-local and metadata addresses by default,
after every redirect and after DNS, and connects to the address it checked.

Before the fix a feed could make the nightly run read http://127.0.0.1:..., a router's admin
page or the cloud metadata service at 169.254.169.254.
"""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from hostile_helpers import ARTICLE, answer, loopback_server, make_settings

from core.errors import FetchError
from pipeline.fetch import PoliteClient


def test_loopback_is_refused_unless_the_host_is_allowed(tmp_path: Path) -> None:
    hits: list[str] = []

    def page(request: BaseHTTPRequestHandler) -> None:
        hits.append("asked")
        answer(ARTICLE.encode())(request)

    with loopback_server({"/tin.html": page}) as base:
        with PoliteClient(make_settings(tmp_path, fetch_allow_hosts="")) as client, \
                pytest.raises(FetchError, match="not a public internet address"):
            client.get(f"{base}/tin.html")
        assert hits == []  # refused before connecting (robots.txt was not asked either)
        with PoliteClient(make_settings(tmp_path, fetch_allow_hosts="127.0.0.1")) as client:
            assert client.get(f"{base}/tin.html").status == 200


@pytest.mark.parametrize("address", ["169.254.169.254", "10.1.2.3", "192.168.1.1", "100.64.0.1", "::1",
                                     "fe80::1", "fd00:ec2::254", "::ffff:127.0.0.1", "0.0.0.0"])
def test_a_name_resolving_to_an_internal_address_is_refused(tmp_path: Path, address: str) -> None:
    asked: list[str] = []

    def resolver(host: str, port: int) -> list[str]:
        asked.append(host)
        return ["93.184.216.34", address]  # one public address is not enough: every one is checked

    with PoliteClient(make_settings(tmp_path, fetch_allow_hosts=""), resolver=resolver) as client, \
            pytest.raises(FetchError, match="metadata.example is at .* not a public internet address"):
        client.get("http://metadata.example/latest/meta-data/")
    assert asked == ["metadata.example"]


def test_a_redirect_to_an_internal_address_is_refused(tmp_path: Path) -> None:
    routes = {"/meta": answer(b"", status=302, headers={"Location": "http://169.254.169.254/"})}
    with loopback_server(routes) as outer:
        # the first hop's host is allowed; the redirect's target (another loopback) is not
        other = outer.replace(".1:", ".2:")
        routes["/loop"] = answer(b"", status=302, headers={"Location": f"{other}/bi-mat"})
        for path, refused in (("/meta", "169.254.169.254"), ("/loop", "127.0.0.2")):
            with PoliteClient(make_settings(tmp_path, fetch_allow_hosts="127.0.0.1")) as client, \
                    pytest.raises(FetchError, match=f"{refused} is not a public"):
                client.get(f"{outer}{path}")


def test_the_connection_goes_to_the_checked_address(tmp_path: Path) -> None:
    """Each request resolves the name once, in the check, and connects to that very address
    with the name in its Host header: the name does not exist in DNS, so had the HTTP library
    resolved it again (where a rebinding DNS server would answer differently) it would fail."""
    seen: list[str] = []
    asked: list[str] = []

    def page(request: BaseHTTPRequestHandler) -> None:
        seen.append(request.headers["Host"])
        answer(ARTICLE.encode())(request)

    def resolver(host: str, port: int) -> list[str]:
        asked.append(host)
        return ["127.0.0.1"]

    with loopback_server({"/tin.html": page}) as base:
        port = base.rsplit(":", 1)[1]
        settings = make_settings(tmp_path, fetch_allow_hosts="cong-thong-tin.invalid")
        with PoliteClient(settings, resolver=resolver) as client:
            result = client.get(f"http://cong-thong-tin.invalid:{port}/tin.html")
    assert result.status == 200 and seen == [f"cong-thong-tin.invalid:{port}"]
    assert asked == ["cong-thong-tin.invalid"] * 2  # robots.txt, then the page
