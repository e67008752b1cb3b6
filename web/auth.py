"""Who may open the page: accounts with argon2 password hashes, and when a login is required.

Why these rules: on 127.0.0.1 only the person at the machine can connect, so the page opens
without a login; on any other address the findings of inspections would be readable by the
office network, so `kiemtra serve` refuses to start there unless accounts are configured or
the operator says `--no-auth` (and is warned). Passwords are hashed with argon2 (pwdlib) and
never stored or logged; the session is a cookie signed with the secret key (itsdangerous,
through Starlette's SessionMiddleware), so the server keeps no session state.

Accounts file: one `name:hash` per line, `#` comments allowed, written by
`kiemtra serve --add-account NAME`.
"""

from __future__ import annotations

import ipaddress
import re
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import ConfigError

if TYPE_CHECKING:
    from pwdlib import PasswordHash

_NAME = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
MIN_PASSWORD = 10


class LoginThrottle:
    """At most `limit` failed logins per account name in `window_s`, then refuse until they age.

    Why per name and in memory: argon2 makes each guess slow, and this stops a guesser from
    trying a list of passwords on one account; the server is one process, and a restart
    forgetting the count is acceptable for a page behind an office network.
    """

    def __init__(
        self, limit: int = 5, window_s: float = 900.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit, self.window_s, self._clock = limit, window_s, clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, name: str) -> deque[float]:
        now = self._clock()
        failures = self._failures.setdefault(name, deque())
        while failures and now - failures[0] > self.window_s:
            failures.popleft()
        return failures

    def blocked(self, name: str) -> bool:
        with self._lock:
            return len(self._recent(name)) >= self.limit

    def failed(self, name: str) -> None:
        with self._lock:
            self._recent(name).append(self._clock())

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._failures.pop(name, None)


@dataclass(frozen=True)
class AuthConfig:
    """Whether a login is required, the accounts (name → hash), and the cookie's signing key."""

    required: bool = False
    accounts: dict[str, str] = field(default_factory=dict)
    secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    max_age_s: int = 8 * 3600
    https_only: bool = False
    throttle: LoginThrottle = field(default_factory=LoginThrottle)


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, "localhost")."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _hasher() -> PasswordHash:
    from pwdlib import PasswordHash
    from pwdlib.hashers.argon2 import Argon2Hasher

    return PasswordHash((Argon2Hasher(),))


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise ConfigError(f"a password needs at least {MIN_PASSWORD} characters")
    return str(_hasher().hash(password))


# A hash to verify against when the name is unknown, so a wrong name costs as long as a wrong password.
_DUMMY: list[str] = []


def verify(accounts: dict[str, str], name: str, password: str) -> bool:
    """True when `name` has an account and `password` is its password."""
    hasher = _hasher()
    stored = accounts.get(name)
    if stored is None:
        if not _DUMMY:
            _DUMMY.append(hasher.hash(secrets.token_urlsafe(16)))
        hasher.verify(password, _DUMMY[0])
        return False
    try:
        return bool(hasher.verify(password, stored))
    except Exception:  # a malformed hash in the file: that account cannot log in
        return False


def read_accounts(path: Path) -> dict[str, str]:
    """name → argon2 hash from the accounts file; a missing file means no accounts."""
    if not path.exists():
        return {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"cannot read the web accounts file: {e}", path=path) from e
    accounts: dict[str, str] = {}
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, hashed = line.partition(":")
        if not sep or not _NAME.match(name) or not hashed.startswith("$argon2"):
            raise ConfigError(f"line {n} of the web accounts file is not name:argon2-hash", path=path)
        accounts[name] = hashed
    return accounts


def add_account(path: Path, name: str, password: str) -> None:
    """Add or replace `name`'s line in the accounts file (created with owner-only permissions)."""
    if not _NAME.match(name):
        raise ConfigError("an account name is 1-64 letters, digits, dots, dashes or underscores")
    accounts = read_accounts(path)
    accounts[name] = hash_password(password)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600, exist_ok=True)
        path.write_text("".join(f"{n}:{h}\n" for n, h in sorted(accounts.items())), encoding="utf-8")
    except OSError as e:
        raise ConfigError(f"cannot write the web accounts file: {e}", path=path) from e


def safe_next(target: str | None) -> str:
    """Where to go after logging in: a path on this site only (no "//host", no scheme)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target
