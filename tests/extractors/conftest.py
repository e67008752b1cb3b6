"""Shared settings for the reader tests: small OCR pool, short timeouts."""

from __future__ import annotations

import pytest

from core.settings import Settings, load_settings


@pytest.fixture(scope="session")
def settings() -> Settings:
    return load_settings(overrides={"ocr_workers": 2, "parse_timeout_s": 60}, environ={})
