"""PoliteClient against the loopback test portal: what it sends, when it waits, when it gives up."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from email.utils import formatdate
from pathlib import Path

import pytest
from portal import ARTICLES, Portal, running_portal

from core.errors import FetchError, LimitExceeded, RobotsDisallowed
from core.settings import Settings, load_settings
from pipeline.fetch import PoliteClient

ARTICLE = next(iter(ARTICLES))
TITLE = ARTICLES[ARTICLE][0]


class FakeClock:
    """Time that moves only when the client sleeps, so pacing is exact and instant."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds


def make_settings(tmp_path: Path, **changes: object) -> Settings:
    values: dict[str, object] = {"db_path": str(tmp_path / "k.db"), "http_min_interval_s": 0,
                                 "http_retries": 2, "http_timeout_s": 5,
                                 "fetch_allow_hosts": "127.0.0.1,127.0.0.2"}  # the loopback test portal
    return load_settings({**values, **changes}, environ={})


@pytest.fixture
def portal() -> Iterator[Portal]:
    with running_portal() as running:
        yield running


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def client_for(tmp_path: Path, clock: FakeClock, **changes: object) -> PoliteClient:
    return PoliteClient(make_settings(tmp_path, **changes), clock=clock, sleep=clock.sleep)


def test_get_returns_body_validators_and_sends_our_user_agent(portal: Portal, tmp_path: Path,
                                                            clock: FakeClock) -> None:
    with client_for(tmp_path, clock) as client:
        result = client.get(portal.url(ARTICLE))
    assert result.status == 200
    assert TITLE in result.body.decode("utf-8")
    assert result.etag and result.last_modified
    assert result.content_type == "text/html"
    assert portal.seen(ARTICLE)[0].headers["user-agent"] == make_settings(tmp_path).http_user_agent


def test_conditional_requests_get_304_without_a_body(portal: Portal, tmp_path: Path,
                                                     clock: FakeClock) -> None:
    with client_for(tmp_path, clock) as client:
        first = client.get(portal.url(ARTICLE))
        by_etag = client.get(portal.url(ARTICLE), etag=first.etag)
        by_date = client.get(portal.url(ARTICLE), last_modified=first.last_modified)
    assert by_etag.not_modified and by_etag.body == b""
    assert by_date.not_modified
    sent = portal.seen(ARTICLE)
    assert sent[1].headers["if-none-match"] == first.etag and sent[1].status == 304
    assert (sent[2].headers["if-modified-since"] == first.last_modified
            and "if-none-match" not in sent[2].headers)


def test_a_500_is_retried_after_a_backoff(portal: Portal, tmp_path: Path, clock: FakeClock) -> None:
    portal.fail_next(ARTICLE, 500)
    with client_for(tmp_path, clock) as client:
        result = client.get(portal.url(ARTICLE))
    assert result.status == 200
    assert [r.status for r in portal.seen(ARTICLE)] == [500, 200]
    assert clock.sleeps == [1.0]


def test_429_waits_as_long_as_retry_after_says(portal: Portal, tmp_path: Path, clock: FakeClock) -> None:
    portal.fail_next(ARTICLE, 429)
    with client_for(tmp_path, clock) as client:
        assert client.get(portal.url(ARTICLE)).status == 200
    assert clock.sleeps == [7.0]


def test_retry_after_may_be_an_http_date(portal: Portal, tmp_path: Path, clock: FakeClock) -> None:
    portal.retry_after = formatdate(time.time() + 30, usegmt=True)
    portal.fail_next(ARTICLE, 503)
    with client_for(tmp_path, clock) as client:
        assert client.get(portal.url(ARTICLE)).status == 200
    assert len(clock.sleeps) == 1 and 27 <= clock.sleeps[0] <= 30


def test_a_429_asking_for_hours_is_not_waited_for(portal: Portal, tmp_path: Path, clock: FakeClock) -> None:
    portal.retry_after = "7200"
    portal.fail_next(ARTICLE, 429)
    with client_for(tmp_path, clock) as client, pytest.raises(FetchError, match="not retrying") as caught:
        client.get(portal.url(ARTICLE))
    assert caught.value.status == 429 and clock.sleeps == []


def test_persistent_5xx_gives_up_after_the_configured_retries(portal: Portal, tmp_path: Path,
                                                            clock: FakeClock) -> None:
    portal.fail_next(ARTICLE, 502, 502, 502, 502)
    with client_for(tmp_path, clock, http_retries=2) as client, pytest.raises(FetchError) as caught:
        client.get(portal.url(ARTICLE))
    assert caught.value.status == 502
    assert "HTTP 502 Bad Gateway" in str(caught.value) and portal.url(ARTICLE) in str(caught.value)
    assert len(portal.seen(ARTICLE)) == 3 and clock.sleeps == [1.0, 2.0]


def test_a_404_fails_at_once(portal: Portal, tmp_path: Path, clock: FakeClock) -> None:
    with client_for(tmp_path, clock) as client, pytest.raises(FetchError, match="HTTP 404") as caught:
        client.get(portal.url("/tin-tuc/bai-da-go.html"))
    assert caught.value.status == 404 and clock.sleeps == []


def test_robots_txt_is_read_once_per_site_and_obeyed(portal: Portal, tmp_path: Path,
                                                     clock: FakeClock) -> None:
    private = "/tin-tuc/ket-luan-kiem-tra-xa-b.html"
    portal.disallow = [private]
    with client_for(tmp_path, clock) as client:
        client.get(portal.url(ARTICLE))
        with pytest.raises(RobotsDisallowed, match="disallowed by robots.txt"):
            client.get(portal.url(private))
        client.get(portal.url("/tin-tuc/chi-so-par-index.html"))
    assert portal.seen(private) == []
    assert len(portal.seen("/robots.txt")) == 1


def test_an_unreachable_robots_txt_means_nothing_is_fetched(portal: Portal, tmp_path: Path,
                                                           clock: FakeClock) -> None:
    portal.fail_next("/robots.txt", 503, 503)
    with client_for(tmp_path, clock, http_retries=1) as client, \
            pytest.raises(RobotsDisallowed, match="robots.txt unreachable"):
        client.get(portal.url(ARTICLE))
    assert portal.seen(ARTICLE) == []


def test_a_redirect_into_a_disallowed_path_is_not_followed(portal: Portal, tmp_path: Path,
                                                          clock: FakeClock) -> None:
    portal.disallow = ["/noi-bo/"]
    portal.redirects["/tin-moi"] = "/noi-bo/tai-lieu.html"
    portal.redirects["/tin-cu"] = ARTICLE
    with client_for(tmp_path, clock) as client:
        moved = client.get(portal.url("/tin-cu"))
        with pytest.raises(RobotsDisallowed):
            client.get(portal.url("/tin-moi"))
    assert moved.url == portal.url(ARTICLE) and TITLE in moved.body.decode("utf-8")
    assert portal.seen("/noi-bo/tai-lieu.html") == []


def test_requests_to_one_host_are_spaced_and_other_hosts_do_not_wait(tmp_path: Path,
                                                                      clock: FakeClock) -> None:
    with running_portal("127.0.0.1") as first, running_portal("127.0.0.2") as second, \
            client_for(tmp_path, clock, http_min_interval_s=2.0) as client:
        client.get(first.url(ARTICLE))    # robots.txt at t=0, then the page waits 2 s
        client.get(second.url(ARTICLE))   # another host: its robots.txt goes at once, the page waits 2 s
        client.get(first.url(ARTICLE))    # 2 s have passed since the first host was last asked
    assert clock.sleeps == [2.0, 2.0]


def test_a_body_over_max_file_bytes_is_refused(portal: Portal, tmp_path: Path, clock: FakeClock) -> None:
    with client_for(tmp_path, clock, max_file_bytes=200) as client, \
            pytest.raises(LimitExceeded, match="max_file_bytes=200"):
        client.get(portal.url(ARTICLE))


def test_connection_failures_are_retried_then_reported(tmp_path: Path, clock: FakeClock) -> None:
    """Nothing listens on the port: robots.txt is tried (and retried) first, and its failure is the reason."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with client_for(tmp_path, clock, http_retries=1) as client, \
            pytest.raises(FetchError, match="connection failed"):
        client.get(f"http://127.0.0.1:{port}/tin-tuc/a.html")
    assert clock.sleeps == [1.0]


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/a.html", "file:///etc/passwd", "tin-tuc/a.html"])
def test_only_http_urls_are_fetched(url: str, tmp_path: Path, clock: FakeClock) -> None:
    with client_for(tmp_path, clock) as client, pytest.raises(FetchError, match="not an http"):
        client.get(url)
