"""A polite HTTP client for the portals and feeds the nightly run reads.

Why so careful: government portals are small servers run by small offices. A nightly job that
hammers them, ignores robots.txt or re-downloads unchanged pages every night gets blocked, and
rightly so. The client therefore spaces requests per host, asks conditionally (ETag,
Last-Modified), honours robots.txt and Retry-After, retries only what is transient, and stops
reading a body at `max_file_bytes`. Clock and sleep are injectable so tests never wait.
"""

from __future__ import annotations

import email.utils
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from types import TracebackType
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from core.errors import FetchError, LimitExceeded, RobotsDisallowed
from core.settings import Settings

__all__ = ["FetchError", "FetchResult", "PoliteClient", "RobotsDisallowed"]

LOGGER = logging.getLogger(__name__)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 5
BACKOFF_BASE_S = 1.0        # waits 1, 2, 4 ... seconds between attempts unless Retry-After says
MAX_RETRY_AFTER_S = 120.0   # a server asking for a longer pause is not retried this run
MAX_CRAWL_DELAY_S = 60.0    # a robots.txt Crawl-delay above this cannot stall a nightly run


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What a successful GET gave: 2xx with a body, or 304 with none."""

    status: int
    body: bytes
    headers: Mapping[str, str]
    url: str

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


@dataclass(frozen=True, slots=True)
class _Answer:
    status: int
    headers: dict[str, str]
    body: bytes


class PoliteClient:
    """One run's HTTP client: per-host spacing, robots.txt and retries live here, not in callers.

    It remembers per-host times and robots.txt for its lifetime (one run) and is meant for one
    thread: a nightly run fetches sequentially, which is what politeness asks anyway.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._settings = settings
        self._clock = clock
        self._sleep = sleep
        self._http = httpx.Client(
            headers={"User-Agent": settings.http_user_agent},
            timeout=httpx.Timeout(settings.http_timeout_s),
            follow_redirects=False,  # each hop is checked against robots.txt and the rate limit
            transport=transport,
        )
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser | FetchError] = {}

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        """GET `url`, conditionally when validators are given; raises FetchError or LimitExceeded."""
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        answer, final_url = self._follow(url, headers, check_robots=True)
        if answer.status == 304 or 200 <= answer.status < 300:
            return FetchResult(status=answer.status, body=answer.body, headers=answer.headers, url=final_url)
        raise FetchError(f"HTTP {answer.status} {_phrase(answer.status)}", path=final_url, status=answer.status)

    def _follow(self, url: str, headers: dict[str, str], *, check_robots: bool) -> tuple[_Answer, str]:
        """Follow redirects by hand so every hop is a URL we are allowed, and paced, to ask."""
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            _check_scheme(current)
            if check_robots:
                self._check_robots(current)
            answer = self._with_retries(current, headers)
            location = answer.headers.get("location")
            if answer.status not in REDIRECT_STATUSES or not location:
                return answer, current
            LOGGER.debug("%s redirects to %s", current, location)
            current = urljoin(current, location)
        raise FetchError(f"more than {MAX_REDIRECTS} redirects", path=url)

    def _with_retries(self, url: str, headers: dict[str, str]) -> _Answer:
        """Retry connection failures, 429 and 5xx with backoff; anything else is answered at once."""
        attempts = max(0, self._settings.http_retries) + 1
        for attempt in range(attempts):
            try:
                answer = self._send(url, headers)
            except httpx.TransportError as e:
                error = FetchError(f"connection failed: {type(e).__name__}: {e}", path=url)
                delay = BACKOFF_BASE_S * 2 ** attempt
            else:
                if answer.status != 429 and answer.status < 500:
                    return answer
                error = FetchError(f"HTTP {answer.status} {_phrase(answer.status)}", path=url,
                                   status=answer.status)
                delay = _retry_after(answer.headers.get("retry-after")) or BACKOFF_BASE_S * 2 ** attempt
                if delay > MAX_RETRY_AFTER_S:
                    raise FetchError(f"{error.reason}; server asks to wait {delay:.0f} s, not retrying",
                                     path=url, status=answer.status)
            if attempt + 1 == attempts:
                raise error
            LOGGER.info("%s; retrying in %.1f s (%d/%d)", error, delay, attempt + 1, attempts - 1)
            self._sleep(delay)
        raise AssertionError("unreachable")  # the loop returns or raises

    def _send(self, url: str, headers: dict[str, str]) -> _Answer:
        """One paced request; the body is read only for 2xx and never past max_file_bytes."""
        self._wait_turn(url)
        limit = self._settings.max_file_bytes
        try:
            return self._read(url, headers, limit)
        finally:  # the interval runs from the end of a slow download, not its start
            self._last_request[urlsplit(url).hostname or ""] = self._clock()

    def _read(self, url: str, headers: dict[str, str], limit: int) -> _Answer:
        try:
            with self._http.stream("GET", url, headers=headers) as response:
                answer_headers = {k.lower(): v for k, v in response.headers.items()}
                if not 200 <= response.status_code < 300:
                    return _Answer(response.status_code, answer_headers, b"")
                declared = answer_headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise LimitExceeded(f"Content-Length {declared} exceeds max_file_bytes={limit}", path=url)
                body = bytearray()
                for chunk in response.iter_bytes():
                    body.extend(chunk)
                    if len(body) > limit:
                        raise LimitExceeded(f"body exceeds max_file_bytes={limit}", path=url)
                return _Answer(response.status_code, answer_headers, bytes(body))
        except httpx.TransportError:
            raise
        except httpx.HTTPError as e:  # decoding and protocol errors: not transient
            raise FetchError(f"{type(e).__name__}: {e}", path=url) from e
        except httpx.InvalidURL as e:
            raise FetchError(f"invalid URL: {e}", path=url) from e

    def _wait_turn(self, url: str) -> None:
        """Sleep until this host's interval has passed since our last request to it."""
        host = urlsplit(url).hostname or ""
        interval = max(self._settings.http_min_interval_s, self._crawl_delay(url))
        last = self._last_request.get(host)
        if last is not None:
            wait = last + interval - self._clock()
            if wait > 0:
                LOGGER.debug("waiting %.2f s before asking %s again", wait, host)
                self._sleep(wait)
        self._last_request[host] = self._clock()

    def _crawl_delay(self, url: str) -> float:
        robots = self._robots.get(_origin(url))
        if not isinstance(robots, RobotFileParser):
            return 0.0
        delay = robots.crawl_delay(self._settings.http_user_agent)
        return min(float(delay), MAX_CRAWL_DELAY_S) if delay else 0.0

    def _check_robots(self, url: str) -> None:
        """Raise RobotsDisallowed unless the origin's robots.txt lets our User-Agent fetch `url`."""
        origin = _origin(url)
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        robots = self._robots[origin]
        if isinstance(robots, FetchError):
            raise RobotsDisallowed(robots.reason, path=url, status=robots.status)
        if not robots.can_fetch(self._settings.http_user_agent, url):
            raise RobotsDisallowed("disallowed by robots.txt", path=url)

    def _load_robots(self, origin: str) -> RobotFileParser | FetchError:
        """RFC 9309: a 4xx robots.txt allows everything; an unreachable one (5xx, network) nothing."""
        robots = RobotFileParser(f"{origin}/robots.txt")
        try:
            answer, _ = self._follow(f"{origin}/robots.txt", {}, check_robots=False)
        except FetchError as e:
            LOGGER.warning("%s/robots.txt unreachable, not fetching from it this run: %s", origin, e)
            return FetchError(f"robots.txt unreachable ({e.reason})", status=e.status)
        if 200 <= answer.status < 300:
            robots.parse(answer.body.decode("utf-8", errors="replace").splitlines())
        else:
            robots.parse([])
        return robots


def _check_scheme(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("not an http(s) URL", path=url)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header, given as seconds or as an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""
