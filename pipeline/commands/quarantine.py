"""`kiemtra quarantine list|retry|release`: the files that failed, and what to do about them.

Why a command of its own: a quarantined file is not read again while its bytes stay the same,
so it stops failing the nightly run; the operator needs one place to see those files (why,
since when, how often seen) and to lift the quarantine after fixing the cause.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict

import click

from core.errors import printable
from pipeline.console import EXIT_FAILED, EXIT_OK, EXIT_USAGE, err, errors_as_lines, settings_of


@click.group(name="quarantine")
def command() -> None:
    """Files that failed and are not read again until their bytes change or you release them."""


@command.command(name="list")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def list_(ctx: click.Context, fmt: str) -> None:
    """Every quarantined file: path, reason, first and last seen, how many runs saw it; then the
    documents withdrawn from search because their files left the inbox. The JSON holds both, as
    the text does: {"quarantined": [...], "withdrawn": [...]}."""
    from index.store import Store
    from pipeline.removals import withdrawn_line, withdrawn_lines

    settings = settings_of(ctx)
    with errors_as_lines(), Store(settings.database) as store:
        failures = store.failures()
        withdrawn = store.withdrawn()
    if fmt == "json":
        data = {"quarantined": [asdict(f) for f in failures], "withdrawn": [asdict(w) for w in withdrawn]}
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    if not failures:
        click.echo("nothing quarantined")
    for f in failures:
        held = (f.sha256 or "")[:12] or "not held (retried every run)"
        click.echo(f"{printable(f.path)}\n  {f.error_type}: {f.reason}\n"
                   f"  first seen {f.first_seen}, last seen {f.failed_at}, seen {f.count}x, sha256 {held}")
    if withdrawn:
        click.echo(withdrawn_line(withdrawn))
        for line in withdrawn_lines(withdrawn):
            click.echo(line)


def _targets(targets: tuple[str, ...], every: bool) -> list[str]:
    if bool(targets) == every:
        click.echo("kiemtra quarantine: give PATH or SHA256 prefix arguments, or --all", err=True)
        sys.exit(EXIT_USAGE)
    return list(targets)


@command.command()
@click.argument("targets", nargs=-1)
@click.option("--all", "every", is_flag=True, help="Every quarantined file.")
@click.option("--wait", is_flag=True, help="Wait for a run already in progress instead of refusing.")
@click.pass_context
def retry(ctx: click.Context, targets: tuple[str, ...], every: bool, wait: bool) -> None:
    """Read quarantined files now (PATH or SHA256 prefix); exit 1 if any still fails."""
    from pipeline.quarantine import retry as retry_now

    settings = settings_of(ctx)
    chosen = _targets(targets, every)
    with errors_as_lines():
        summary = retry_now(settings, chosen, every=every, wait=wait)
    for line in summary.problems():
        err(line)
    click.echo(summary.line())
    sys.exit(EXIT_FAILED if summary.failed else EXIT_OK)


@command.command()
@click.argument("targets", nargs=-1)
@click.option("--all", "every", is_flag=True, help="Every quarantined file.")
@click.pass_context
def release(ctx: click.Context, targets: tuple[str, ...], every: bool) -> None:
    """Forget quarantine records (PATH or SHA256 prefix); the next run reads those files again."""
    from pipeline.quarantine import release as release_records

    settings = settings_of(ctx)
    chosen = _targets(targets, every)
    with errors_as_lines():
        released = release_records(settings, chosen, every=every)
    for f in released:
        click.echo(f"released {printable(f.path)}")
    click.echo(f"{len(released)} released; the next run reads them again")
