"""Reading the project's TOML data files (settings' defaults, the agency, document-kind, theme and
sector tables): one way, so a broken or missing table is always one ConfigError naming the file
and what it holds (missing, not UTF-8, not TOML), never a traceback from the parser."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from core.errors import ConfigError


def read_table(path: Path, what: str) -> dict[str, Any]:
    """The TOML file at `path` as data; `what` names it in the error ("the agency table")."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read {what}: {exc}", path=path) from exc
