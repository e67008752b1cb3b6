"""What every `kiemtra` command shares: exit codes, the one-line error, the Settings, and a broken
rule of pipeline/query_rules.py in the CLI's words (the search's options, the comparison's).

Why its own module: pipeline/cli.py and the commands in pipeline/commands/ both need these,
and a command importing pipeline.cli would import the CLI from inside itself.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import click

from core.errors import KiemtraError, printable
from core.settings import Settings
from pipeline.query_rules import LEVELS, Problem, Rule, worded

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

# The options by the Query field (or comparison filter) they set, as a problem names them.
OPTION_NAMES = {"unit": "--unit", "province": "--province", "level": "--level", "theme": "--theme",
                "doc_number": "--doc-number", "within": "--within", "year_from": "--from", "year_to": "--to",
                "limit": "--limit", "offset": "--offset"}

# A broken rule (pipeline/query_rules.py) as the CLI's one line, by option name; the fields are
# those of pipeline.query_rules.worded.
RULE_MESSAGES = {
    Rule.TOO_LONG: "the query is {value} characters long; at most {limit} (setting max_query_chars)",
    Rule.BLANK: "{name} must not be empty",
    Rule.NEEDS_UNIT: "{name} needs {names[unit]}",
    Rule.REVERSED: "{name} {value} is after {names[year_to]} {limit}",
    Rule.UNKNOWN_LEVEL: "{name} {value!r} is not a level; one of: " + ", ".join(LEVELS),
    Rule.LEVEL_ALONE: ("{name} {value!r} is a level alone, which names no unit: give the unit's name"
                       " after it, or {names[level]} {value!r} for every unit of that level"),
    Rule.NOT_POSITIVE: "{name} must be a positive number, not {value}",
    Rule.NEGATIVE: "{name} must be 0 or more, not {value}",
}


def rule_line(problem: Problem) -> str:
    """A broken rule as the CLI's one line (for `err`)."""
    return worded(problem, RULE_MESSAGES, OPTION_NAMES, otherwise="{name}: {rule}")


class PrintableFormatter(logging.Formatter):
    """Log lines with control characters escaped: a logged file name or URL cannot forge a line
    or send ESC sequences to the operator's terminal any more than an error line can."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 - logging's naming
        return printable(super().formatMessage(record))  # a traceback (-v) keeps its own lines


def several_line(things: str, typed: str, count: int, listed: Sequence[str]) -> str:
    """One line for an id's start that `count` stored ids share (findings, runs), naming them when
    `listed`. Why one wording: `kiemtra show`, `search --similar` and `kiemtra runs` each take
    the start of an id a person copies, and say the same when it names several."""
    named = f": {', '.join(listed)}" if listed else ""
    return f"{count} {things} start with {typed!r}{named}; give more of the id"


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
