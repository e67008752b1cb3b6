"""The two search engines for tests that run once per engine (tests/index/test_contract.py,
test_matter_tier.py): one way to make each, so the per-engine setup and clean-up are written once.

A backend is made in a test's folder and closed (Elasticsearch: its index dropped) when the
requesting fixture or test ends; the Elasticsearch one gets a fresh, uniquely named index and
needs the `es_url` fixture (tests/conftest.py), which skips (or fails, in CI) without a server.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from core.models import Area, Polarity
from index.base import FindingRecord, Query, SearchBackend


def sqlite_backend(folder: Path, request: pytest.FixtureRequest) -> SearchBackend:
    """A backend in `folder`; closed when the requesting fixture or test ends."""
    from index.sqlite_fts import SqliteFtsBackend

    backend = SqliteFtsBackend(folder / "search.db")
    request.addfinalizer(backend.close)
    return backend


def elastic_backend(folder: Path, request: pytest.FixtureRequest) -> SearchBackend:
    """A fresh index on the test server; dropped and closed when the requesting fixture or test ends."""
    from index.elastic import ElasticBackend

    name = f"{request.getfixturevalue('es_prefix')}-{uuid.uuid4().hex[:12]}"
    backend = ElasticBackend(request.getfixturevalue("es_url"), name)

    def drop_then_close() -> None:
        backend.drop()
        backend.close()

    request.addfinalizer(drop_then_close)
    return backend


FACTORIES: dict[str, Callable[[Path, pytest.FixtureRequest], SearchBackend]] = {
    "sqlite": sqlite_backend, "elasticsearch": elastic_backend}
BACKEND_PARAMS = [pytest.param("sqlite"), pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)]


def indexed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
            records: Sequence[FindingRecord]) -> SearchBackend:
    """The engine a parametrized fixture names (`request.param`), holding `records`."""
    backend = FACTORIES[request.param](tmp_path_factory.mktemp(request.param), request)
    assert backend.index(records) == len(records)
    return backend


def both_holding(folder: Path, request: pytest.FixtureRequest,
                 records: Sequence[FindingRecord]) -> tuple[SearchBackend, SearchBackend]:
    """SQLite and Elasticsearch, each holding `records`: for tests holding the two engines alike."""
    lite, elastic = sqlite_backend(folder, request), elastic_backend(folder, request)
    for backend in (lite, elastic):
        assert backend.index(records) == len(records)
    return lite, elastic


def found(backend: SearchBackend, **query: object) -> list[tuple[str, str]]:
    """The ids and tiers of the page `backend` answers for the query built from `query`."""
    result = backend.search(Query(**query))  # type: ignore[arg-type]
    return [(h.record.finding_id, h.tier) for h in result.hits]


def segmented(fid: str, text: str, compounds: Sequence[str]) -> FindingRecord:
    """A shortcoming whose segmented words join `compounds` with "_", as nlp/ writes them."""
    words = text
    for compound in compounds:
        words = words.replace(compound, compound.replace(" ", "_"))
    return FindingRecord(finding_id=fid, doc_key="doc", doc_id="doc.pdf", text=text, words=words,
                         polarity=Polarity.SHORTCOMING, area=Area.TTHC, year=2023, published="2023-05-01")
