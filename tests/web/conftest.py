"""Fixtures of the web tests: the hand-written store (webstore.py) and a client over it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient
from webstore import WebData, build_store

from web.app import create_app


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> WebData:
    return build_store(tmp_path_factory.mktemp("web"), extra_findings=25)


@pytest.fixture(scope="module")
def client(data: WebData) -> Iterator[TestClient]:
    with TestClient(create_app(data.settings), raise_server_exceptions=False) as c:
        yield c
