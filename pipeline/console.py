"""What every `kiemtra` command shares: exit codes, the one-line error, the Settings.

Why its own module: pipeline/cli.py and the commands in pipeline/commands/ both need these,
and a command importing pipeline.cli would import the CLI from inside itself.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click

from core.errors import KiemtraError, printable
from core.settings import Settings

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class PrintableFormatter(logging.Formatter):
    """Log lines with control characters escaped: a logged file name or URL cannot forge a line
    or send ESC sequences to the operator's terminal any more than an error line can."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 - logging's naming
        return printable(super().formatMessage(record))  # a traceback (-v) keeps its own lines


def err(message: str) -> None:
    """One line on stderr, prefixed so it is clear which program spoke; controls are escaped, so
    a file name holding a newline or an ESC sequence cannot forge a line or rewrite the screen."""
    click.echo(f"kiemtra: {printable(message)}", err=True)


@contextmanager
def errors_as_lines() -> Iterator[None]:
    """A KiemtraError anywhere in a command becomes one line and exit code 1."""
    try:
        yield
    except KiemtraError as e:
        err(str(e))
        sys.exit(EXIT_FAILED)


def settings_of(ctx: click.Context) -> Settings:
    """The Settings the `kiemtra` group built from its options."""
    settings = ctx.find_root().obj
    if not isinstance(settings, Settings):
        raise click.UsageError("no settings: run through the kiemtra command group")
    return settings
