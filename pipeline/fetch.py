"""A polite HTTP client for the portals and feeds the nightly run reads.

Why so careful: government portals are small servers run by small offices. A nightly job that
hammers them, ignores robots.txt or re-downloads unchanged pages every night gets blocked, and
rightly so. The client therefore spaces requests per host, asks conditionally (ETag,
Last-Modified), honours robots.txt and Retry-After, retries only what is transient, and stops
reading a body at `max_file_bytes`. Clock and sleep are injectable so tests never wait.

Why so suspicious: the URLs come from feeds and pages anyone can write. So the client refuses
addresses that are not on the public internet (loopback, private, link-local, cloud metadata)
unless `fetch_allow_hosts` names the host, checks that after every redirect and after DNS,
and connects to the very address it checked; and nothing a server does can hold the run: each
URL has `fetch_deadline_s`, each host `fetch_host_budget_s` per run, the run `fetch_run_deadline_s`.
"""

from __future__ import annotations

import email.utils
import ipaddress
import logging
import math
import socket
import ssl
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from types import TracebackType
from typing import Any
from urllib.parse import SplitResult, urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpcore
import httpx

from core.errors import FetchError, LimitExceeded, RobotsDisallowed, size_said
from core.settings import Settings

__all__ = ["FetchError", "FetchResult", "PoliteClient", "RobotsDisallowed"]

LOGGER = logging.getLogger(__name__)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 5
BACKOFF_BASE_S = 1.0        # waits 1, 2, 4 ... seconds between attempts unless Retry-After says
MAX_RETRY_AFTER_S = 120.0   # a server asking for a longer pause is not retried this run
MAX_CRAWL_DELAY_S = 60.0    # a robots.txt Crawl-delay above this cannot stall a nightly run
DEFAULT_PORTS = {"http": 80, "https": 443}
Resolver = Callable[[str, int], list[str]]


def resolve(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (the system resolver; tests inject their own)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


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
        resolver: Resolver = resolve,
    ) -> None:
        self._settings = settings
        self._clock = clock
        self._sleep = sleep
        self._resolve = resolver
        self._allowed = frozenset(h.strip().lower().strip("[]") for h in settings.fetch_allow_hosts.split(",")
                                  if h.strip())
        self._run_deadline = clock() + settings.fetch_run_deadline_s
        self._host_spent: dict[str, float] = {}
        self._io_deadline = math.inf  # time.monotonic() by which the current get() must be done
        self._http = httpx.Client(
            headers={"User-Agent": settings.http_user_agent},
            timeout=httpx.Timeout(settings.http_timeout_s),
            follow_redirects=False,  # each hop is checked against robots.txt and the rate limit
            transport=transport or deadline_transport(lambda: self._io_deadline),
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
        deadline = self._clock() + self._settings.fetch_deadline_s
        self._io_deadline = time.monotonic() + self._settings.fetch_deadline_s
        try:
            answer, final_url = self._follow(url, headers, check_robots=True, deadline=deadline)
        finally:
            self._io_deadline = math.inf
        if answer.status == 304 or 200 <= answer.status < 300:
            return FetchResult(status=answer.status, body=answer.body, headers=answer.headers, url=final_url)
        raise FetchError(f"HTTP {answer.status} {_phrase(answer.status)}", path=final_url,
                         status=answer.status)

    def _follow(self, url: str, headers: dict[str, str], *, check_robots: bool, deadline: float,
                limit: int | None = None) -> tuple[_Answer, str]:
        """Follow redirects by hand so every hop is a URL we are allowed, and paced, to ask."""
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            host = _check_scheme(current)
            self._check_time(current, host, deadline)
            if check_robots:
                self._check_robots(current)
            started = self._clock()
            try:
                answer = self._with_retries(current, headers, deadline, limit)
            finally:  # waits, retries and downloads all spend the host's budget
                self._host_spent[host] = self._host_spent.get(host, 0.0) + self._clock() - started
            location = answer.headers.get("location")
            if answer.status not in REDIRECT_STATUSES or not location:
                return answer, current
            LOGGER.debug("%s redirects to %s", current, location)
            try:
                current = urljoin(current, location)
            except ValueError as e:
                raise FetchError(f"redirect to an invalid URL: {e}", path=current) from e
        raise FetchError(f"more than {MAX_REDIRECTS} redirects", path=url)

    def _check_time(self, url: str, host: str, deadline: float, wait: float = 0.0) -> None:
        """Raise FetchError when waiting `wait` more seconds would pass a deadline or a budget."""
        s, now = self._settings, self._clock() + wait
        if now > self._run_deadline:
            raise FetchError(f"the run's fetch_run_deadline_s={s.fetch_run_deadline_s:g} is reached;"
                             " left for the next run", path=url)
        if self._host_spent.get(host, 0.0) + wait >= s.fetch_host_budget_s:
            raise FetchError(f"host {host} has used its fetch_host_budget_s={s.fetch_host_budget_s:g}"
                             " for this run; left for the next run", path=url)
        if now > deadline:
            raise FetchError(f"took longer than fetch_deadline_s={s.fetch_deadline_s:g}", path=url)

    def _with_retries(self, url: str, headers: dict[str, str], deadline: float, limit: int | None) -> _Answer:
        """Retry connection failures, 429 and 5xx with backoff; anything else is answered at once."""
        attempts = max(0, self._settings.http_retries) + 1
        host = _check_scheme(url)
        for attempt in range(attempts):
            try:
                answer = self._send(url, headers, deadline, limit)
            except httpx.TransportError as e:
                if time.monotonic() >= self._io_deadline:  # cut by deadline_transport: no retry
                    raise FetchError(f"took longer than fetch_deadline_s={self._settings.fetch_deadline_s:g}",
                                     path=url) from e
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
            try:
                self._check_time(url, host, deadline, wait=delay)
            except FetchError as limit_error:  # a Retry-After is capped by the deadlines too
                raise FetchError(f"{error.reason}; not retrying in {delay:.0f} s: {limit_error.reason}",
                                 path=url, status=error.status) from None
            LOGGER.info("%s; retrying in %.1f s (%d/%d)", error, delay, attempt + 1, attempts - 1)
            self._sleep(delay)
        raise AssertionError("unreachable")  # the loop returns or raises

    def _send(self, url: str, headers: dict[str, str], deadline: float, limit: int | None) -> _Answer:
        """One paced request; the body is read only for 2xx and never past max_file_bytes.

        `limit` given (robots.txt): the body is cut there instead of refused.
        """
        self._wait_turn(url, deadline)
        try:
            return self._read(url, headers, limit, deadline)
        finally:  # the interval runs from the end of a slow download, not its start
            self._last_request[urlsplit(url).hostname or ""] = self._clock()

    def _target(self, url: str) -> tuple[str, dict[str, str], dict[str, Any]]:
        """The URL to connect to, extra headers and request extensions: the checked address.

        The host is resolved here, every address it has must be on the public internet (unless
        fetch_allow_hosts names the host), and the request goes to the first of them (Host header
        and TLS name stay the host's), so a DNS answer cannot change between check and connection.
        """
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        port = parts.port or DEFAULT_PORTS[parts.scheme]
        try:
            addresses = [host] if _is_ip(host) else self._resolve(host, port)
        except (OSError, UnicodeError) as e:
            raise httpx.ConnectError(f"cannot resolve {host}: {e}") from e
        if not addresses:
            raise httpx.ConnectError(f"cannot resolve {host}: no address")
        for address in addresses:
            ip = _ip(address)
            if not _public(ip) and host not in self._allowed:
                where = host if str(ip) == host else f"{host} is at {ip}, which"
                raise FetchError(f"refused: {where} is not a public internet address (loopback, private, "
                                 "link-local or metadata); fetch_allow_hosts can allow the host", path=url)
        ip = _ip(addresses[0])
        literal = f"[{ip}]" if ip.version == 6 else str(ip)
        netloc = f"{literal}:{parts.port}" if parts.port else literal
        host_header = parts.netloc.rsplit("@", 1)[-1]
        extensions = {"sni_hostname": host} if parts.scheme == "https" and not _is_ip(host) else {}
        return parts._replace(netloc=netloc).geturl(), {"Host": host_header}, extensions

    def _read(self, url: str, headers: dict[str, str], limit: int | None, deadline: float) -> _Answer:
        cap = self._settings.max_file_bytes if limit is None else limit
        try:
            target, extra, extensions = self._target(url)
            timeout = max(0.1, min(self._settings.http_timeout_s, deadline - self._clock()))
            with self._http.stream("GET", target, headers={**headers, **extra}, extensions=extensions,
                                   timeout=timeout) as response:
                answer_headers = {k.lower(): v for k, v in response.headers.items()}
                if not 200 <= response.status_code < 300:
                    return _Answer(response.status_code, answer_headers, b"")
                declared = answer_headers.get("content-length", "")
                if limit is None and declared.isdigit() and int(declared) > cap:
                    raise LimitExceeded(f"Content-Length {size_said(int(declared))} exceeds"
                                        f" max_file_bytes={cap} ({size_said(cap)})", path=url)
                body = bytearray()
                for chunk in response.iter_bytes():
                    body.extend(chunk)
                    if len(body) > cap:
                        if limit is not None:  # robots.txt: RFC 9309 lets a crawler read only the head
                            del body[cap:]
                            break
                        raise LimitExceeded(f"body exceeds max_file_bytes={cap} ({size_said(cap)})", path=url)
                    if self._clock() > deadline:  # a server dripping bytes cannot hold the run
                        raise FetchError(f"download took longer than fetch_deadline_s="
                                         f"{self._settings.fetch_deadline_s:g}", path=url)
                return _Answer(response.status_code, answer_headers, bytes(body))
        except httpx.TransportError:
            raise
        except httpx.HTTPError as e:  # decoding and protocol errors: not transient
            raise FetchError(f"{type(e).__name__}: {e}", path=url) from e
        except httpx.InvalidURL as e:
            raise FetchError(f"invalid URL: {e}", path=url) from e

    def _wait_turn(self, url: str, deadline: float) -> None:
        """Sleep until this host's interval has passed since our last request to it."""
        host = urlsplit(url).hostname or ""
        interval = max(self._settings.http_min_interval_s, self._crawl_delay(url))
        last = self._last_request.get(host)
        if last is not None:
            wait = last + interval - self._clock()
            if wait > 0:
                self._check_time(url, host, deadline, wait=wait)
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
            answer, _ = self._follow(f"{origin}/robots.txt", {}, check_robots=False,
                                     deadline=self._clock() + self._settings.fetch_deadline_s,
                                     limit=self._settings.max_robots_bytes)
        except FetchError as e:
            LOGGER.warning("%s/robots.txt unreachable, not fetching from it this run: %s", origin, e)
            return FetchError(f"robots.txt unreachable ({e.reason})", status=e.status)
        if 200 <= answer.status < 300:
            robots.parse(answer.body.decode("utf-8", errors="replace").splitlines())
        else:
            robots.parse([])
        return robots


def deadline_transport(deadline: Callable[[], float]) -> httpx.HTTPTransport:
    """httpx's transport whose every socket read and write ends by `deadline()` (monotonic).

    Why below httpx: its timeouts are per operation, so a server dripping one byte of its
    headers every few seconds never trips them and could hold a fetch for hours; here each
    read's timeout is cut to what is left of the fetch's deadline.
    """
    transport = httpx.HTTPTransport()
    transport._pool = httpcore.ConnectionPool(  # noqa: SLF001 - httpx offers no network_backend option
        ssl_context=httpx.create_ssl_context(), network_backend=_DeadlineBackend(deadline))
    return transport


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, deadline: Callable[[], float]) -> None:
        self._deadline = deadline
        self._backend = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Any = None) -> httpcore.NetworkStream:
        stream = self._backend.connect_tcp(host, port, _left(timeout, self._deadline), local_address,
                                           socket_options)
        return _DeadlineStream(stream, self._deadline)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Any = None) -> httpcore.NetworkStream:
        stream = self._backend.connect_unix_socket(path, _left(timeout, self._deadline), socket_options)
        return _DeadlineStream(stream, self._deadline)

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream, deadline: Callable[[], float]) -> None:
        self._stream = stream
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _left(timeout, self._deadline))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _left(timeout, self._deadline))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        stream = self._stream.start_tls(ssl_context, server_hostname, _left(timeout, self._deadline))
        return _DeadlineStream(stream, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


def _left(timeout: float | None, deadline: Callable[[], float]) -> float | None:
    """The operation's timeout cut to what is left before the deadline (ReadTimeout once past)."""
    left = deadline() - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("fetch deadline passed")
    if math.isinf(left):
        return timeout
    return left if timeout is None else min(timeout, left)


def _check_scheme(url: str) -> str:
    """The URL's host, lower-cased; FetchError for a URL that is malformed or not http(s)."""
    parts = _split(url)
    try:
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as e:
        raise FetchError(f"invalid URL: {e}", path=url) from e
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("not an http(s) URL", path=url)
    return parts.hostname.lower()


def _split(url: str) -> SplitResult:
    try:
        return urlsplit(url)
    except ValueError as e:  # "http://[::1/x": Invalid IPv6 URL
        raise FetchError(f"invalid URL: {e}", path=url) from e


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _ip(address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """An address as resolved (an IPv6 zone dropped), IPv4-mapped IPv6 seen as the IPv4 it is."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


def _public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """On the public internet: not loopback, private, link-local (169.254.169.254, the cloud
    metadata address, is one), shared, reserved or multicast."""
    return ip.is_global and not ip.is_multicast


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
