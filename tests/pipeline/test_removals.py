"""A file removed from the inbox is found in the store and kept, withdrawn or deleted as set.

Real stores and the embedded search index, no Prefect: the nightly flow calls these same
functions (tests/flows/test_nightly.py checks the report there).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.nightly import write_reports
from core.errors import ConfigError
from core.settings import Settings, load_settings
from index.backends import open_backend
from index.base import Query
from index.store import Store
from pipeline.ingest import ingest_paths, rebuild_index
from pipeline.process import catch_up_index
from pipeline.removals import FORGOTTEN, act_on_removed, check_action, find_removed


def _settings(tmp: Path) -> Settings:
    return load_settings({"db_path": str(tmp / "k.db")}, environ={})


def _searchable(settings: Settings) -> set[str]:
    """Names of the files whose findings the search index answers with (after catching up)."""
    backend = open_backend(settings)
    try:
        with Store(settings.database) as store:
            catch_up_index(store, backend)
        return {Path(hit.record.path or "").name for hit in backend.search(Query(limit=10_000)).hits}
    finally:
        backend.close()


@pytest.mark.parametrize("action", ["keep", "withdraw", "delete"])
def test_a_removed_file_is_reported_once_and_handled_per_setting(tmp_path: Path, action: str) -> None:
    settings = _settings(tmp_path)
    inbox = tmp_path / "inbox"
    gone, stays = write_reports(inbox, 2, seed=4)
    ingest_paths([inbox], settings=settings)
    (inbox / "hong.pdf").write_bytes(b"%PDF-1.7\n% truncated")
    ingest_paths([inbox], settings=settings)  # quarantined
    assert _searchable(settings) == {gone.name, stays.name}
    gone.unlink()
    (inbox / "hong.pdf").unlink()

    with Store(settings.database) as store:
        removed = find_removed(store, inbox)
        done = act_on_removed(store, removed, action)
        assert find_removed(store, inbox) == []  # reported once, not every night
        documents = {Path(p).name: d for d in store.documents() for p in d.paths}
        assert store.failures() == []

    actions = {Path(r.path).name: r.action for r in done}
    assert set(actions) == {"hong.pdf", gone.name}
    said = {"keep": "kept", "withdraw": "withdrawn", "delete": "deleted"}[action]
    assert actions["hong.pdf"] == FORGOTTEN and actions[gone.name].startswith(said)
    searchable = _searchable(settings)
    if action == "keep":
        assert searchable == {gone.name, stays.name} and not documents[gone.name].withdrawn
    elif action == "withdraw":
        assert searchable == {stays.name}
        assert documents[gone.name].withdrawn and documents[gone.name].findings  # the store keeps them
    else:
        assert searchable == {stays.name} and gone.name not in documents


def test_a_withdrawn_file_that_comes_back_is_searchable_again(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    inbox = tmp_path / "inbox"
    [report] = write_reports(inbox, 1, seed=6)
    ingest_paths([inbox], settings=settings)
    text = report.read_bytes()
    report.unlink()
    with Store(settings.database) as store:
        act_on_removed(store, find_removed(store, inbox), "withdraw")
    assert _searchable(settings) == set()
    assert rebuild_index(settings) == 0 and _searchable(settings) == set()  # reindex does not bring it back
    report.write_bytes(text)
    again = ingest_paths([inbox], settings=settings)
    assert again.counts["new"] == 1  # back in the inbox: new again
    assert _searchable(settings) == {report.name}


def test_a_missing_inbox_removes_nothing_and_a_wrong_setting_is_refused(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    inbox = tmp_path / "inbox"
    write_reports(inbox, 2, seed=8)
    ingest_paths([inbox], settings=settings)
    inbox.rename(tmp_path / "unmounted")
    with Store(settings.database) as store:
        assert find_removed(store, inbox) == []  # an unmounted share is not "every file removed"
    with pytest.raises(ConfigError, match="keep, withdraw, delete"):
        check_action("forget")
