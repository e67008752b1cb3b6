"""`nightly --once` lets Prefect's temporary server finish recording the run before it stops.

Session 22 saw, once in eight runs, about 150 lines of Prefect tracebacks after the summary
("ERROR | prefect.server.services.task_run_recorder - Error flushing 1 events", CancelledError):
the temporary server, stopped at the process's exit, was still writing the task runs the client's
events described. `run_nightly` now notes each task run's final state (task hooks) and waits,
boundedly, until the server holds them all (`flows.nightly.server_caught_up`), so stopping it
cancels no write. These tests run against the harness's server (tests/flows/conftest.py).
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

import pytest
from prefect import flow
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import TaskRunFilter, TaskRunFilterId
from prefect.client.schemas.objects import StateType
from prefect.client.schemas.sorting import TaskRunSort

import flows.nightly as nightly


def test_the_flow_tasks_note_their_final_state_only_while_a_run_notes_them(harness: None) -> None:
    """Called in the flow's thread, or submitted to the worker threads as the batches are (the
    hooks reach the run's dict through the context each submitted task runs in a copy of)."""
    calls: list[Any] = []

    @flow(task_runner=nightly.ThreadPoolTaskRunner(max_workers=2))  # type: ignore[arg-type]
    def one() -> None:
        noted = nightly.task(name="noted", on_completion=[nightly._note_finished],
                             on_failure=[nightly._note_finished])
        calls.append(noted(lambda: 1)())
        calls.extend(future.result() for future in [noted(lambda: 2).submit(), noted(lambda: 3).submit()])
        failing = noted(lambda: 1 / 0).submit()
        failing.wait()
        calls.append(failing.state.type)

    with nightly._noting_finished() as finished:
        one()
    assert calls == [1, 2, 3, StateType.FAILED]
    assert sorted(finished.values()) == sorted([StateType.COMPLETED] * 3 + [StateType.FAILED])
    one()  # outside `run_nightly`: nothing is kept (a served deployment runs for months)
    assert nightly._FINISHED.get() is None and len(finished) == 4
    for made in (nightly.collect_task, nightly.ingest_batch_task, nightly.index_task):
        assert nightly._note_finished in made.on_completion_hooks
        assert nightly._note_finished in made.on_failure_hooks


def test_caught_up_once_the_server_holds_every_final_state(harness: None) -> None:
    @flow
    def two() -> None:
        hooked = nightly.task(name="noted", on_completion=[nightly._note_finished],
                              on_failure=[nightly._note_finished])
        hooked(lambda: 1)()
        hooked(lambda: 2)()

    with nightly._noting_finished() as finished:
        two()
    assert nightly.server_caught_up(finished, timeout_s=60)
    with get_client(sync_client=True) as client:
        runs = client.read_task_runs(task_run_filter=TaskRunFilter(id=TaskRunFilterId(any_=list(finished))),
                                     sort=TaskRunSort.ID_DESC, limit=len(finished))
    assert {run.id: run.state_type for run in runs} == finished


def test_a_server_that_never_records_is_waited_for_boundedly_and_said(
        harness: None, caplog: pytest.LogCaptureFixture) -> None:
    never = {uuid.uuid4(): StateType.COMPLETED}
    with caplog.at_level(logging.WARNING, logger="flows.nightly"):
        assert not nightly.server_caught_up(never, timeout_s=1.0, poll_s=0.1)
    assert "had not recorded 1 of this run's 1 tasks after 1 s" in caplog.text
    assert nightly.server_caught_up({})  # nothing run: nothing to wait for
