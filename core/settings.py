"""One frozen Settings object, read from defaults.toml, the environment and overrides.

Why one place: every limit and path a user might change has exactly one key, spelt the same in
defaults.toml, as `KIEMTRA_<KEY>` and as `--set key=value`. No other module reads the
environment; stages get the Settings they need as an argument.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.errors import ConfigError
from core.tables import read_table

DEFAULTS_FILE = Path(__file__).with_name("defaults.toml")


@dataclass(frozen=True, slots=True)
class Settings:
    db_path: str
    backend: str
    es_url: str
    es_index: str
    max_query_chars: int
    max_file_bytes: int
    max_pages: int
    max_image_pixels: int
    parse_timeout_s: float
    parse_memory_mb: int
    max_docx_uncompressed_bytes: int
    isolate: bool
    nlp_timeout_s: float
    nlp_memory_mb: int
    follow_inbox_links: bool
    ocr_lang: str
    ocr_dpi: int
    pdf_layout: str
    ocr_workers: int
    min_text_chars_per_page: int
    min_vietnamese_ratio: float
    ocr: str
    extractor_version: str
    nightly_cron: str
    timezone: str
    inbox_dir: str
    feeds_file: str
    fetch_dir: str
    batch_size: int
    nightly_retries: int
    nightly_retry_delay_s: float
    removed_files: str
    progress_every_s: float
    http_user_agent: str
    http_timeout_s: float
    http_retries: int
    http_min_interval_s: float
    fetch_deadline_s: float
    fetch_host_budget_s: float
    fetch_run_deadline_s: float
    fetch_allow_hosts: str
    max_robots_bytes: int
    web_accounts_file: str
    web_secret_key: str
    web_session_max_age_s: int
    web_cookie_secure: bool

    @property
    def database(self) -> Path:
        """The store's path, resolving "" to the per-user data directory."""
        if self.db_path:
            return Path(self.db_path).expanduser()
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        return Path(base) / "kiemtra" / "kiemtra.db"

    @property
    def data_dir(self) -> Path:
        """The folder beside the store where kiemtra keeps what it fetched."""
        return self.database.parent

    @property
    def fetched(self) -> Path:
        return Path(self.fetch_dir).expanduser() if self.fetch_dir else self.data_dir / "fetched"

    @property
    def web_accounts(self) -> Path:
        """The web page's accounts file, resolving "" to one beside the store."""
        if self.web_accounts_file:
            return Path(self.web_accounts_file).expanduser()
        return self.data_dir / "web-accounts.txt"

    @property
    def zone(self) -> str:
        """The IANA zone of the schedule, so "02:00" means 02:00 where the server stands, not UTC."""
        if self.timezone:
            return self.timezone.lstrip(":")
        try:
            target = os.path.realpath("/etc/localtime")
        except OSError:
            return "UTC"
        marker = "/zoneinfo/"
        return target.split(marker, 1)[1] if marker in target else "UTC"

    @property
    def workers(self) -> int:
        return self.ocr_workers if self.ocr_workers > 0 else (os.cpu_count() or 1)

    def replace(self, **changes: Any) -> Settings:
        return load_settings(overrides={**dataclasses.asdict(self), **changes}, environ={})


def _coerce(key: str, value: Any, kind: type) -> Any:
    try:
        if kind is bool and isinstance(value, str):
            return value.lower() in ("1", "true", "yes", "on")
        return kind(value)
    except (TypeError, ValueError) as e:
        raise ConfigError(f"setting {key}={value!r} is not a {kind.__name__}: {e}") from e


def env_name(key: str) -> str:
    """The environment variable that sets `key` ("nlp_timeout_s" → KIEMTRA_NLP_TIMEOUT_S): read by
    `load_settings`, named by messages telling an operator which setting to raise."""
    return f"KIEMTRA_{key.upper()}"


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
    defaults_file: Path = DEFAULTS_FILE,
) -> Settings:
    """Defaults, then KIEMTRA_* environment variables, then explicit overrides (last wins)."""
    values: dict[str, Any] = read_table(defaults_file, "defaults")
    env = os.environ if environ is None else environ
    fields = {f.name: f for f in dataclasses.fields(Settings)}
    unknown = set(values) - set(fields)
    if unknown:
        raise ConfigError(f"unknown settings {sorted(unknown)}", path=defaults_file)
    if env.get("TZ"):  # the system's own variable names the zone unless KIEMTRA_TIMEZONE does
        values["timezone"] = env["TZ"]
    for name in fields:
        if env_name(name) in env:
            values[name] = env[env_name(name)]
    for key, value in (overrides or {}).items():
        if key not in fields:
            raise ConfigError(f"unknown setting {key!r}; known: {', '.join(sorted(fields))}")
        values[key] = value
    missing = set(fields) - set(values)
    if missing:
        raise ConfigError(f"settings without a value: {sorted(missing)}", path=defaults_file)
    kinds = {"str": str, "int": int, "float": float, "bool": bool}
    return Settings(**{
        name: _coerce(name, values[name], kinds[str(f.type)]) for name, f in fields.items()
    })


def parse_assignments(pairs: list[str]) -> dict[str, str]:
    """`key=value` strings from `--set` into a dict, with a clear error for a malformed one."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ConfigError(f"--set expects key=value, got {pair!r}")
        out[key.strip()] = value.strip()
    return out
