"""Rendering report tables to files: CSV, XLSX and a heatmap PNG.

Why one module: the reports (reports/compare.py) return plain dataclasses and know nothing of
tables or file formats; this module turns them into `Table`s and `Heatmap`s, and the CLI picks
a format and calls one function here. openpyxl and matplotlib load only
when a file of theirs is asked for, so `kiemtra search` never pays for them.

Vietnamese must survive every format: CSV is written with a BOM (utf-8-sig) because Excel
otherwise reads it as a legacy code page, and the heatmap uses DejaVu Sans, whose glyphs cover
every Vietnamese letter (matplotlib's fallback fonts draw boxes for some of them).
"""

from __future__ import annotations

import csv
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from core.errors import ExportError
from core.models import POLARITY_NAMES, Polarity, spoken
from reports.compare import (
    Comparison,
    Evidence,
    Recurrence,
    ThemeYearMatrix,
    TimelineEntry,
    Turnaround,
)

LOGGER = logging.getLogger(__name__)

Cell = str | int | float | None

DEJAVU_SANS = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
# What a spreadsheet reads as the start of a formula: a document's text must stay text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MAX_COLUMN_WIDTH = 80


@dataclass(frozen=True, slots=True)
class Table:
    """One report as rows: `name` is a file/sheet-safe id, `title` what a reader sees."""

    name: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True, slots=True)
class Heatmap:
    """Counts to draw: `values[i][j]` for row label i and column label j."""

    title: str
    row_labels: tuple[str, ...]
    column_labels: tuple[str, ...]
    values: tuple[tuple[int, ...], ...]


def _csv_cell(value: Cell) -> Cell:
    """A cell as CSV writes it: text that a spreadsheet would run as a formula gets a leading
    apostrophe (the usual guard; Excel and LibreOffice then show it as text)."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(table: Table, path: Path) -> Path:
    """One table as CSV (UTF-8 with BOM so Excel shows the Vietnamese text)."""
    try:
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(table.headers)
            writer.writerows([_csv_cell(c) for c in row] for row in table.rows)
    except OSError as e:
        raise ExportError(f"cannot write CSV: {e}", path=path) from e
    return path


def write_csv_tables(tables: Sequence[Table], path: Path) -> list[Path]:
    """Each table to its own CSV: `path` itself for one table, else `<stem>-<name>.csv` beside it."""
    if len(tables) == 1:
        return [write_csv(tables[0], path)]
    return [write_csv(t, path.with_name(f"{path.stem}-{t.name}{path.suffix or '.csv'}")) for t in tables]


def csv_text(table: Table) -> str:
    """One table as CSV text, for printing to a terminal or a pipe."""
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.headers)
    writer.writerows([_csv_cell(c) for c in row] for row in table.rows)
    return buffer.getvalue()


def _sheet_title(name: str, taken: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    base = _SHEET_FORBIDDEN.sub("_", name)[:31] or "sheet"
    title, n = base, 1
    while title.lower() in taken:
        n += 1
        title = f"{base[:28]}_{n}"
    taken.add(title.lower())
    return title


def _column_width(values: list[Cell]) -> float:
    """Wide enough for the longest line of a column's cells, within reason."""
    longest = max((len(line) for v in values if v is not None for line in str(v).splitlines()), default=4)
    return float(min(max(longest + 2, 6), _MAX_COLUMN_WIDTH))


def write_xlsx(tables: Sequence[Table], path: Path) -> Path:
    """A workbook with one sheet per table: bold frozen header row, fitted column widths."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.worksheets[0])  # start without the default empty sheet
    taken: set[str] = set()
    for table in tables:
        sheet = workbook.create_sheet(_sheet_title(table.name, taken))
        sheet.append(list(table.headers))
        for row in table.rows:
            sheet.append(list(row))
        for cells in sheet.iter_rows():
            for cell in cells:
                if isinstance(cell.value, str) and cell.value.startswith(_FORMULA_START):
                    cell.data_type = "s"  # openpyxl takes any "=…" string for a formula
                    cell.quotePrefix = True  # and Excel keeps the cell text when it is edited
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for index, header in enumerate(table.headers, 1):
            column = [header, *(row[index - 1] for row in table.rows)]
            sheet.column_dimensions[get_column_letter(index)].width = _column_width(column)
            if any(isinstance(v, str) and "\n" in v for v in column):
                for cell in sheet[get_column_letter(index)][1:]:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
    try:
        workbook.save(path)
    except OSError as e:
        raise ExportError(f"cannot write XLSX: {e}", path=path) from e
    return path


def _font_family() -> str:
    """DejaVu Sans, registered from the system file when present (else matplotlib's own copy)."""
    from matplotlib import font_manager

    if DEJAVU_SANS.is_file():
        font_manager.fontManager.addfont(str(DEJAVU_SANS))
    return "DejaVu Sans"


def write_heatmap(heatmap: Heatmap, path: Path, *, dpi: int = 120) -> Path:
    """A PNG heatmap with each cell's count written in it, labels in Vietnamese.

    Uses a Figure with the Agg canvas directly, not pyplot, so no global figure state is left
    behind in a long-running process (the flows, a future web page).
    """
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    rows, cols = len(heatmap.row_labels), len(heatmap.column_labels)
    if not rows or not cols:
        raise ExportError("nothing to chart: the report has no shortcomings in the chosen years", path=path)
    longest = max(len(label) for label in heatmap.row_labels)
    width = min(4.0 + 0.075 * longest + 0.75 * cols, 30.0)
    height = min(1.6 + 0.38 * rows, 40.0)
    with rc_context({"font.family": _font_family(), "font.size": 9}):
        figure = Figure(figsize=(width, height), dpi=dpi, layout="constrained")
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        image = axes.imshow(heatmap.values, cmap="OrRd", aspect="auto", vmin=0)
        axes.set_xticks(range(cols), labels=list(heatmap.column_labels))
        axes.set_yticks(range(rows), labels=list(heatmap.row_labels))
        axes.set_xticks([x - 0.5 for x in range(1, cols)], minor=True)
        axes.set_yticks([y - 0.5 for y in range(1, rows)], minor=True)
        axes.grid(which="minor", color="white", linewidth=1.5)
        axes.tick_params(which="minor", length=0)
        axes.set_title(heatmap.title)
        peak = max((v for row in heatmap.values for v in row), default=0)
        for i, row in enumerate(heatmap.values):
            for j, value in enumerate(row):
                if value:
                    axes.text(j, i, str(value), ha="center", va="center",
                              color="white" if value > peak * 0.6 else "black")
        bar = figure.colorbar(image, ax=axes, shrink=0.8)
        bar.locator = MaxNLocator(integer=True)  # counts: no 0.2-document ticks
        bar.update_ticks()
        try:
            figure.savefig(path, format="png")
        except OSError as e:
            raise ExportError(f"cannot write PNG: {e}", path=path) from e
    return path


# --------------------------------------------------------------------------- the reports as tables


def _evidence_lines(evidence: Iterable[Evidence]) -> str:
    """Each finding behind a row, its kind named as the table's columns are ("[Thiếu sót]"): the
    code ("[shortcoming]") was the one English word of a Vietnamese table."""
    return "\n".join(f"{e.year} {e.doc_id} [{_polarity_name(e.polarity)}]: {e.text}" for e in evidence)


def matrix_table(matrix: ThemeYearMatrix, measure: str = "documents") -> Table:
    """The matrix with one count per cell: `measure` is "documents" or "units"."""
    noun = "văn bản" if measure == "documents" else "đơn vị"
    rows = tuple(
        (theme, matrix.labels[theme],
         *(getattr(matrix.cell(theme, year), measure) for year in matrix.years))
        for theme in matrix.themes
    )
    return Table(f"matrix_{measure}", f"Thiếu sót theo chủ đề và năm (số {noun})",
                 ("Mã chủ đề", "Chủ đề", *(str(y) for y in matrix.years)), rows)


def matrix_heatmap(matrix: ThemeYearMatrix, measure: str = "documents") -> Heatmap:
    noun = "văn bản" if measure == "documents" else "đơn vị"
    return Heatmap(
        f"Thiếu sót theo chủ đề và năm (số {noun})",
        tuple(matrix.labels[t] for t in matrix.themes),
        tuple(str(y) for y in matrix.years),
        tuple(tuple(getattr(matrix.cell(t, y), measure) for y in matrix.years) for t in matrix.themes),
    )


# What each report says when it has no row, in the reports' language, on the terminal and the
# web page alike: a "none" after a Vietnamese title read as a word of another language, and did
# not say what was looked for (recurring: in two years or more).
EMPTY_TABLES: dict[str, str] = {
    "recurring": "Không có thiếu sót nào lặp lại trong hai năm trở lên.",
    "improved": "Chưa có thiếu sót nào được báo cáo là đã khắc phục.",
    "timeline": "Không có phát hiện nào về đơn vị này.",
}


def recurring_table(recurring: Sequence[Recurrence]) -> Table:
    rows = tuple(
        (spoken(r.unit.label), r.unit.province, r.unit.current, r.theme, r.label, len(r.years), r.first_year,
         r.last_year, ", ".join(map(str, r.years)), after_merger(r.after_merger), _evidence_lines(r.evidence))
        for r in recurring
    )
    return Table("recurring", "Thiếu sót lặp lại qua các năm",
                 ("Đơn vị", "Tỉnh", "Nay thuộc", "Mã chủ đề", "Chủ đề", "Số năm", "Năm đầu", "Năm cuối",
                  "Các năm", AFTER_MERGER, "Bằng chứng"), rows)


def turnaround_table(items: Sequence[Turnaround]) -> Table:
    rows = tuple(
        (spoken(t.unit.label), t.unit.province, t.unit.current, t.theme, t.label,
         ", ".join(map(str, t.shortcoming_years)), ", ".join(map(str, t.strength_years)), t.improved_in,
         "có" if t.relapsed else "không", after_merger(t.after_merger), _evidence_lines(t.evidence))
        for t in items
    )
    return Table("improved", "Thiếu sót đã chuyển thành ưu điểm",
                 ("Đơn vị", "Tỉnh", "Nay thuộc", "Mã chủ đề", "Chủ đề", "Năm thiếu sót", "Năm ưu điểm",
                  "Cải thiện từ", "Tái phạm", AFTER_MERGER, "Bằng chứng"), rows)


# The column saying that the unit a pre-2025 unit was merged into had the shortcoming again
# (reports.compare `_after_merger`): apart from the unit's own years, since it is a larger unit.
AFTER_MERGER = "Lặp lại sau sáp nhập"


def after_merger(found: Sequence[tuple[int, str]]) -> str:
    """"2025: xã Hiếu Giang": the years the merged successor had the shortcoming, with its name."""
    return "; ".join(f"{year}: {spoken(unit)}" for year, unit in found)


def timeline_table(entries: Sequence[TimelineEntry]) -> Table:
    rows = tuple(
        (e.year, spoken(e.unit), e.theme, e.label, e.polarity, _polarity_name(e.polarity), e.doc_id,
         "có" if e.named else "không", e.text)
        for e in entries
    )
    return Table(
        "timeline",
        "Diễn biến của đơn vị qua các năm",
        ("Năm", "Đơn vị", "Mã chủ đề", "Chủ đề", "Mã loại", "Loại", "Văn bản", "Nêu tên", "Nội dung"),
        rows,
    )


def _polarity_name(code: str) -> str:
    """A finding's kind by its name ("Thiếu sót"), as a reader of the reports says it; the code
    beside it ("Mã loại") is what a script filters on, as "Mã chủ đề" beside "Chủ đề"."""
    try:
        return POLARITY_NAMES.get(Polarity(code), code)
    except ValueError:  # no polarity code: shown as written
        return code


def comparison_tables(comparison: Comparison) -> list[Table]:
    """The reports as tables, in the order a workbook shows them; the timeline when asked for."""
    tables = [
        matrix_table(comparison.matrix, "documents"),
        matrix_table(comparison.matrix, "units"),
        recurring_table(comparison.recurring),
        turnaround_table(comparison.turnarounds),
    ]
    if comparison.filters.unit:
        tables.append(timeline_table(comparison.timeline))
    return tables
