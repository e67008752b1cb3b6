"""`kiemtra compare` end to end: ingest samples/ into a fresh store, then every output format."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from openpyxl import load_workbook
from PIL import Image

from pipeline.cli import cli

pytestmark = [pytest.mark.slow, pytest.mark.ocr]  # ingesting the samples runs Tesseract

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One ingest of the samples for the module (OCR makes it the slow part)."""
    path = tmp_path_factory.mktemp("compare") / "kiemtra.db"
    result = CliRunner().invoke(cli, ["--db", str(path), "--set", "backend=sqlite", "ingest", str(SAMPLES)])
    assert result.exit_code == 0, result.output
    return path


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), "--set", "backend=sqlite", "compare", *args],
                              catch_exceptions=False)


def test_fresh_install_prints_the_samples_recurrences(db: Path) -> None:
    result = run(db)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Thiếu sót lặp lại qua các năm" in out
    recurring = out.split("Thiếu sót lặp lại qua các năm", 1)[1].split("Thiếu sót đã chuyển", 1)[0]
    assert "xã Cam Tuyền" in recurring and "Phiếu hẹn, sổ theo dõi hồ sơ" in recurring
    assert "thị trấn Cam Lộ" in recurring and "2019, 2021, 2023" in recurring
    improved = out.split("Thiếu sót đã chuyển thành ưu điểm", 1)[1]
    assert "xã Cam Tuyền" in improved and "2023" in improved


def test_unit_and_theme_filters_give_the_units_timeline(db: Path) -> None:
    result = run(db, "--unit", "cam tuyen", "--theme", "phieu hen", "--format", "csv")
    assert result.exit_code == 0, result.output
    sections = {block.split("\n", 1)[0]: block for block in result.stdout.split("# ")[1:]}
    timeline = next(v for k, v in sections.items() if k.startswith("Diễn biến"))
    rows = list(csv.reader(timeline.splitlines()[1:]))
    assert rows[0][:3] == ["Năm", "Đơn vị", "Mã chủ đề"]
    years = {(r[0], r[4]) for r in rows[1:]}
    assert {("2019", "shortcoming"), ("2021", "shortcoming"), ("2023", "strength")} <= years
    assert {r[2] for r in rows[1:]} == {"tthc.phieu_hen"}


def test_the_level_filter_keeps_the_units_of_that_level(db: Path) -> None:
    towns = run(db, "--level", "thi tran", "--format", "csv")
    assert towns.exit_code == 0, towns.output
    recurring = towns.stdout.split("# Thiếu sót lặp lại", 1)[1].split("# ", 1)[0]
    assert "thị trấn Cam Lộ" in recurring and "Cam Tuyền" not in recurring
    communes = run(db, "--level", "XÃ", "--format", "csv")
    recurring = communes.stdout.split("# Thiếu sót lặp lại", 1)[1].split("# ", 1)[0]
    assert "xã Cam Tuyền" in recurring and "thị trấn" not in recurring


def test_an_unknown_level_is_one_line_and_a_usage_error(tmp_path: Path) -> None:
    result = run(tmp_path / "none.db", "--level", "làng")
    assert result.exit_code == 2
    assert "--level 'làng' is not a level; one of: tỉnh, thành phố" in result.stderr
    assert "Traceback" not in result.output and not (tmp_path / "none.db").exists()


def test_xlsx_and_heatmap_files(db: Path, tmp_path: Path) -> None:
    xlsx, png = tmp_path / "so-sanh.xlsx", tmp_path / "nhiet.png"
    result = run(
        db, "--format", "xlsx", "--out", str(xlsx), "--chart", str(png), "--from", "2019", "--to", "2023"
    )
    assert result.exit_code == 0, result.output
    workbook = load_workbook(xlsx)
    assert workbook.sheetnames == ["matrix_documents", "matrix_units", "recurring", "improved"]
    sheet = workbook["recurring"]
    assert sheet["A1"].value == "Đơn vị" and sheet["A1"].font.bold
    assert {sheet.cell(row, 1).value for row in range(2, sheet.max_row + 1)} >= {
        "xã Cam Tuyền",
        "thị trấn Cam Lộ",
    }
    assert sheet.column_dimensions["E"].width > 10
    matrix = workbook["matrix_documents"]
    assert [c.value for c in matrix[1]][2:] == ["2019", "2020", "2021", "2022", "2023"]
    with Image.open(png) as image:
        assert image.format == "PNG"
        width, height = image.size
    assert 600 <= width <= 4000 and 300 <= height <= 5000


def test_csv_files_one_per_report(db: Path, tmp_path: Path) -> None:
    result = run(db, "--format", "csv", "--out", str(tmp_path / "bao-cao.csv"))
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.glob("bao-cao-*.csv"))
    assert names == [
        "bao-cao-improved.csv",
        "bao-cao-matrix_documents.csv",
        "bao-cao-matrix_units.csv",
        "bao-cao-recurring.csv",
    ]
    text = (tmp_path / "bao-cao-recurring.csv").read_text(encoding="utf-8-sig")
    assert "xã Cam Tuyền" in text


def test_xlsx_without_out_is_a_usage_error(db: Path) -> None:
    result = run(db, "--format", "xlsx")
    assert result.exit_code == 2
    assert "--out" in result.stderr


def test_empty_store_says_so(tmp_path: Path) -> None:
    result = run(tmp_path / "empty.db")
    assert result.exit_code == 0
    assert result.stdout == "No findings in the store yet: run `kiemtra ingest` first.\n"
    chart = run(tmp_path / "empty.db", "--chart", str(tmp_path / "x.png"))
    assert chart.exit_code == 1 and "nothing to chart" in chart.stderr


def test_a_reversed_year_range_is_the_search_s_one_line(tmp_path: Path) -> None:
    """--from after --to finds nothing: refused before the store is opened, in the words of the
    search's rule (pipeline/query_rules.py years_problem), not read as "no shortcomings"."""
    db = tmp_path / "kiemtra.db"
    said = [CliRunner().invoke(cli, ["--db", str(db), command, "--from", "2023", "--to", "2019"])
            for command in ("compare", "search")]
    assert [r.exit_code for r in said] == [2, 2]
    assert said[0].stderr == said[1].stderr == "kiemtra: --from 2023 is after --to 2019\n"
    assert not db.exists()


def test_filters_that_leave_nothing_are_named_not_blamed_on_an_empty_store(db: Path) -> None:
    """A misspelt unit over a store holding findings: the line names the filter; "run `kiemtra
    ingest` first?" sent the user to re-ingest a full store."""
    result = run(db, "--unit", "Cam Tuyềnn", "--from", "2019")
    assert result.exit_code == 0
    said, meant = result.stdout.strip().splitlines()
    assert said.startswith("No shortcomings among the ") and "kiemtra ingest" not in said
    assert said.endswith("in the store for --unit Cam Tuyềnn, --from 2019: check those filters.")
    # The unit alone finds nothing: the stored units named like it (session 25), the one meant first
    assert meant.startswith(
        "A unit's name is matched whole; units in the store named like 'Cam Tuyềnn': xã Cam Tuyền")


def test_a_report_without_rows_says_so_in_its_language_and_kinds_are_named(db: Path) -> None:
    """A report with no row said "<Vietnamese title>: none"; it says what the web page says
    (pipeline.export.EMPTY_TABLES). The timeline names each finding's kind ("Thiếu sót") on the
    terminal, and the CSV keeps the code beside the name ("Mã loại", as "Mã chủ đề")."""
    out = run(db, "--unit", "cam tuyen", "--from", "2023").stdout
    assert "Thiếu sót lặp lại qua các năm: Không có thiếu sót nào lặp lại trong hai năm trở lên." in out
    assert ": none" not in out
    timeline = out.split("Diễn biến của đơn vị qua các năm", 1)[1]
    assert "Ưu điểm" in timeline and "strength" not in timeline
    rows = list(csv.reader(run(db, "--unit", "cam tuyen", "--format", "csv").stdout
                           .split("# Diễn biến", 1)[1].splitlines()[1:]))
    assert rows[0][4:6] == ["Mã loại", "Loại"]
    assert {(r[4], r[5]) for r in rows[1:]} >= {("shortcoming", "Thiếu sót"), ("strength", "Ưu điểm")}


def test_the_evidence_names_each_findings_kind_in_the_tables_language(db: Path) -> None:
    """The recurrences' and turnarounds' evidence said "[shortcoming]" and "[strength]" in a
    Vietnamese table (terminal, CSV, workbook alike); it says "[Thiếu sót]", "[Ưu điểm]"."""
    out = run(db).stdout
    assert "[Thiếu sót]" in out and "[Ưu điểm]" in out
    assert "[shortcoming]" not in out and "[strength]" not in out
    recurring = run(db, "--format", "csv").stdout.split("# Thiếu sót lặp lại", 1)[1].split("\n# ", 1)[0]
    assert "[Thiếu sót]: " in recurring and "[shortcoming]" not in recurring
