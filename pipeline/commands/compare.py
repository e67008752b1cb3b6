"""`kiemtra compare`: themes across years for auditors, in the terminal or as files.

Why a command of its own: the reports (reports/compare.py) and the renderers (pipeline/export.py)
are tested as functions; this module only turns options into `Filters`, picks a renderer and
prints, like the rest of the CLI.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from index.store import Store
from nlp.themes import load_taxonomy
from pipeline.console import EXIT_USAGE, err, errors_as_lines, rule_line, settings_of
from pipeline.export import (
    AFTER_MERGER,
    EMPTY_TABLES,
    Table,
    comparison_tables,
    csv_text,
    matrix_heatmap,
    write_csv_tables,
    write_heatmap,
    write_xlsx,
)
from pipeline.query_rules import comparison_level, level_problem, unit_problem, years_problem
from reports.compare import Comparison, Filters, close_themes, compare, themes_named

TERMINAL_WIDTH = 160  # when printing to a pipe: wide enough for the evidence column
EVIDENCE_CHARS = 110


@click.command("compare")
@click.option("--theme", help="Theme code or words of its label, accents optional (\"phieu hen\").")
@click.option("--unit", help="Unit name or \"level name\" (also its post-2025 unit); adds its timeline.")
@click.option("--level", help="Only units of this level (xã, phường, huyện, thị xã ...; accents optional).")
@click.option("--from", "year_from", type=int, help="First inspection year.")
@click.option("--to", "year_to", type=int, help="Last inspection year.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "xlsx"]), default="table", show_default=True
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (csv: one file per report, named after it; xlsx: required).",
)
@click.option(
    "--chart",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also draw the theme x year matrix of shortcomings as a PNG heatmap.",
)
@click.option(
    "--measure",
    type=click.Choice(["documents", "units"]),
    default="documents",
    show_default=True,
    help="What the chart counts in each cell.",
)
@click.pass_context
def command(
    ctx: click.Context,
    theme: str | None,
    unit: str | None,
    level: str | None,
    year_from: int | None,
    year_to: int | None,
    fmt: str,
    out: Path | None,
    chart: Path | None,
    measure: str,
) -> None:
    """Recurring shortcomings by theme, unit and year; what improved; a unit's timeline."""
    if fmt == "xlsx" and out is None:
        err("--format xlsx needs --out FILE.xlsx")
        sys.exit(EXIT_USAGE)
    # The search's rules: a reversed range or an unknown level would find nothing.
    if problem := years_problem(year_from, year_to) or level_problem(level) or unit_problem(unit):
        err(rule_line(problem))
        sys.exit(EXIT_USAGE)
    if theme is not None and not themes_named(theme):
        err(unknown_theme_line(theme))
        sys.exit(EXIT_USAGE)
    settings = settings_of(ctx)
    filters = Filters(theme=theme, unit=unit, year_from=year_from, year_to=year_to,
                      level=comparison_level(level))
    with errors_as_lines(), Store(settings.database, readonly=settings.database.is_file()) as store:
        comparison = compare(store, filters)
        stored = store.stats().findings if _is_empty(comparison) else None
        meant = _units_meant(store, unit) if stored and unit else None
    with errors_as_lines():
        if stored is not None and fmt == "table":
            click.echo(nothing_line(stored, {"--theme": theme, "--unit": unit, "--level": level,
                                             "--from": year_from, "--to": year_to}))
            if meant is not None:
                click.echo(meant)
        else:
            _render(comparison, fmt, out)
        if chart is not None:
            write_heatmap(matrix_heatmap(comparison.matrix, measure), chart)
            click.echo(f"chart written to {chart}", err=fmt != "table")


def unknown_theme_line(theme: str) -> str:
    """A --theme naming no theme, said as such with the themes closest to it (as --province says
    the close provinces): "No shortcomings … for --theme zzz: check those filters" read as if the
    store held nothing of a theme that does not exist."""
    close = close_themes(theme)
    labels = load_taxonomy().labels
    said = (f"close: {'; '.join(f'{code} ({labels[code]})' for code in close)}" if close else
            "none is close; `kiemtra compare` lists the themes of the store's shortcomings,"
            " nlp/vi/themes.toml every theme")
    return f"--theme {theme!r} names no theme (no code, no label holds those words); {said}"


def _units_meant(store: Store, unit: str) -> str | None:
    """When --unit alone leaves the comparison empty: the stored units its words may mean
    (pipeline.hints.names_like: "gia" → phường Gia Thụy), as the search names them; None when the
    unit has findings (another filter emptied it). Why: a unit's name is matched whole, so "cam"
    for xã Cam Tuyền found nothing and the line said only to check the filters."""
    from pipeline.hints import UNITS_MEANT, names_like

    if not _is_empty(compare(store, Filters(unit=unit))):
        return None
    like = names_like(unit, store.unit_labels())
    if like is None:  # the unit is stored, whole, with no shortcomings: nothing meant instead
        return None
    if not like:
        return f"No stored unit has a name like {unit!r} (a unit's name is matched whole)."
    more = f", and {len(like) - UNITS_MEANT} more" if len(like) > UNITS_MEANT else ""
    return (f"A unit's name is matched whole; units in the store named like {unit!r}: "
            f"{', '.join(like[:UNITS_MEANT])}{more}.")


def _is_empty(comparison: Comparison) -> bool:
    return not comparison.matrix.themes and not comparison.timeline


def nothing_line(stored: int, options: dict[str, object]) -> str:
    """What an empty comparison means: an empty store asks for `kiemtra ingest`; a store holding
    findings names the filters given, which left nothing. Why: "run `kiemtra ingest` first?"
    over a store of hundreds of findings, after a misspelt --unit, sent the user to re-ingest."""
    if not stored:
        return "No findings in the store yet: run `kiemtra ingest` first."
    given = ", ".join(f"{name} {value}" for name, value in options.items() if value is not None)
    if not given:
        return f"No shortcomings among the {stored} findings in the store."
    return f"No shortcomings among the {stored} findings in the store for {given}: check those filters."


def _render(comparison: Comparison, fmt: str, out: Path | None) -> None:
    tables = comparison_tables(comparison)
    if fmt == "xlsx" and out is not None:
        write_xlsx(tables, out)
        click.echo(f"{len(tables)} sheets written to {out}")
    elif fmt == "csv" and out is not None:
        for path in write_csv_tables(tables, out):
            click.echo(f"written {path}")
    elif fmt == "csv":
        click.echo("\n".join(f"# {t.title}\n{csv_text(t)}" for t in tables), nl=False)
    else:
        _print_tables(comparison, tables)


def _print_tables(comparison: Comparison, tables: list[Table]) -> None:
    """The matrix with "documents/units" per cell, then the other reports, evidence shortened."""
    console = Console(width=None if sys.stdout.isatty() else TERMINAL_WIDTH, highlight=False)
    matrix = comparison.matrix
    grid = RichTable(title="Thiếu sót theo chủ đề và năm (số văn bản / số đơn vị)", show_lines=False)
    grid.add_column("Chủ đề")
    for year in matrix.years:
        grid.add_column(str(year), justify="right")
    for code in matrix.themes:
        cells = [matrix.cell(code, y) for y in matrix.years]
        grid.add_row(
            Text(matrix.labels[code]), *(f"{c.documents}/{c.units}" if c.documents else "" for c in cells)
        )
    console.print(grid)
    for table in tables[2:]:
        console.print(_rich(table) if table.rows else f"{table.title}: {EMPTY_TABLES[table.name]}")


def _rich(table: Table) -> RichTable:
    """A report table for the terminal: codes and the province left out, long texts cut, and the
    column of shortcomings found again after a merger only when a row has one (it is empty on most
    reports, and its width wrapped the others' words)."""
    hidden = {"Mã chủ đề", "Mã loại", "Tỉnh"}
    if not any(row[i] for row in table.rows for i, h in enumerate(table.headers) if h == AFTER_MERGER):
        hidden.add(AFTER_MERGER)
    keep = [i for i, h in enumerate(table.headers) if h not in hidden]
    out = RichTable(title=table.title, show_lines=True)
    for i in keep:
        out.add_column(table.headers[i], overflow="fold")
    for row in table.rows:
        out.add_row(*(Text(_short(row[i])) for i in keep))  # Text: "[Thiếu sót]" is not markup
    return out


def _short(value: object) -> str:
    if value is None:
        return ""
    lines = str(value).splitlines() or [""]
    return "\n".join(
        line if len(line) <= EVIDENCE_CHARS else line[: EVIDENCE_CHARS - 1] + "…" for line in lines
    )
