"""`kiemtra runs`: what the past ingestion runs did, from the store's runs table.

Why from the store and not Prefect: the store is the system of record and is there even when
no Prefect server is; the markdown is the same text the Prefect artifact shows.
"""

from __future__ import annotations

import json
import sys

import click

from core.errors import KiemtraError
from pipeline.console import EXIT_FAILED, err, settings_of, several_line


def no_one_run_line(typed: str, matching: list[str], database: object) -> str:
    """One line for a run id's start naming no run or several, worded as a finding id's is
    (`kiemtra show`, `several_line`, listing as many): "2 runs match 'a'" named none of them, so
    the operator could not pick."""
    from index.store import FINDING_CANDIDATES

    if not matching:
        return f"no run {typed!r} in {database} (`kiemtra runs` lists the latest)"
    listed = sorted(matching) if len(matching) <= FINDING_CANDIDATES else []
    return several_line("runs", typed, len(matching), listed)


@click.command(name="runs")
@click.argument("run_id", required=False)
@click.option("--limit", type=int, default=10, show_default=True, help="How many of the latest runs.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def command(ctx: click.Context, run_id: str | None, limit: int, fmt: str) -> None:
    """List the latest runs and what is withdrawn from search; with RUN_ID (or a prefix of it),
    print that run's summary."""
    from index.store import RunRecord, Store
    from pipeline.fingerprint import extractor_version, versions_line
    from pipeline.removals import withdrawn_line
    from pipeline.runs import RunSummary, render_markdown

    settings = settings_of(ctx)
    try:
        with Store(settings.database, readonly=settings.database.is_file()) as store:
            records = store.runs(limit=limit if run_id is None else 1_000_000)
            withdrawn = store.withdrawn()
            by_version = store.documents_by_version()
    except KiemtraError as e:
        err(str(e))
        sys.exit(EXIT_FAILED)
    if run_id is not None:
        start = run_id.strip().lower()  # run ids are uuids: upper case is copied, as a finding id's
        chosen = [r for r in records if r.run_id.startswith(start)]
        if len(chosen) != 1:
            err(no_one_run_line(run_id, [r.run_id for r in chosen], settings.database))
            sys.exit(EXIT_FAILED)
        record: RunRecord = chosen[0]
        summary = RunSummary.from_dict({"run_id": record.run_id, **record.summary, "status": record.status})
        click.echo(json.dumps(_as_dict(record), ensure_ascii=False, indent=1) if fmt == "json"
                   else render_markdown(summary), nl=fmt == "json")
        return
    if fmt == "json":
        click.echo(json.dumps([_as_dict(r) for r in records], ensure_ascii=False, indent=1))
        return
    if not records:
        # Said as the operations page says it: right after `kiemtra ingest`, a bare "no runs yet"
        # read as if the ingestion had not happened or had not been recorded by mistake.
        click.echo("no runs yet (runs of `kiemtra nightly` are recorded here; `kiemtra ingest` is not)")
    for r in records:
        line = RunSummary.from_dict({"run_id": r.run_id, **r.summary}).line() if r.summary else ""
        click.echo(f"{r.started_at}  {r.status:<11}  {r.run_id[:8]}  {line}")
    if withdrawn:
        click.echo(withdrawn_line(withdrawn) + ": `kiemtra quarantine list` lists them")
    click.echo(versions_line(by_version, extractor_version(settings)))


def _as_dict(record: object) -> dict[str, object]:
    from dataclasses import asdict, is_dataclass

    assert is_dataclass(record) and not isinstance(record, type)
    return asdict(record)
