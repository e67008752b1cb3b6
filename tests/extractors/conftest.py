"""Shared settings for the reader tests: small OCR pool, short timeouts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# tests/extractors has the package's name and tests/ is on sys.path (tests/conftest.py), so
# `import extractors` would find this folder as a namespace package. Put the repo first until
# pyproject's pytest options carry `pythonpath = ["."]`.
_REPO = str(Path(__file__).resolve().parents[2])
if sys.path[:1] != [_REPO]:
    sys.path.insert(0, _REPO)
sys.modules.pop("extractors", None)

from pipeline.settings import Settings, load_settings  # noqa: E402


@pytest.fixture(scope="session")
def settings() -> Settings:
    return load_settings(overrides={"ocr_workers": 2, "parse_timeout_s": 60}, environ={})
