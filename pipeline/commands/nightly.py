"""`kiemtra nightly`: run the nightly flow once now, or serve it on its cron schedule.

Why both in one command: the deployment and a manual catch-up run must be the same flow with
the same settings, so an operator can reproduce last night by hand.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from core.errors import KiemtraError
from pipeline.console import EXIT_FAILED, EXIT_OK, EXIT_USAGE, err, settings_of


@click.command(name="nightly")
@click.option(
    "--once", is_flag=True,
    help="Run the flow now and exit (1 if anything new failed; known-quarantined files do not count).",
)
@click.option("--serve", is_flag=True, help="Serve the flow as a deployment on the nightly_cron schedule.")
@click.option(
    "--inbox", type=click.Path(file_okay=False, path_type=Path), help="Inbox folder (default: inbox_dir)."
)
@click.option(
    "--feeds", type=click.Path(dir_okay=False, path_type=Path), help="Feeds file (default: feeds_file)."
)
@click.option("--wait", is_flag=True, help="Wait for a run already in progress instead of refusing.")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="With --once: a bar on a terminal, a line every progress_every_s otherwise.")
@click.pass_context
def command(
    ctx: click.Context, once: bool, serve: bool, inbox: Path | None, feeds: Path | None, wait: bool,
    progress: bool,
) -> None:
    """Nightly ingestion of the inbox and feeds through the Prefect flow."""
    requested_at = time.time()  # Prefect's start-up, as the operator waits for it, begins with its import
    from flows.nightly import run_nightly, serve_nightly
    from pipeline.runs import ensure_idle, timing

    settings = settings_of(ctx)
    if once == serve:
        click.echo("kiemtra nightly: give exactly one of --once or --serve", err=True)
        sys.exit(EXIT_USAGE)
    try:
        if serve:
            click.echo(f"serving nightly ingestion on cron {settings.nightly_cron!r}; Ctrl+C stops it")
            serve_nightly(settings, inbox=inbox, feeds=feeds)
            return
        if not wait:
            ensure_idle(settings.database)  # refuse before paying for Prefect's start-up
        summary = run_nightly(settings, inbox=inbox, feeds=feeds, wait=wait, progress=progress,
                              requested_at=requested_at)
    except KiemtraError as e:
        err(str(e))
        sys.exit(EXIT_FAILED)
    for line in summary.problems():
        err(line)
    click.echo(timing(summary))
    click.echo(summary.line())
    sys.exit(EXIT_FAILED if summary.failed else EXIT_OK)  # new failures only
