"""The `kiemtra` command, driven in-process on files written for the tests and on samples/."""

import json
from pathlib import Path

import pytest
from cli_helpers import REPORT, run
from click.testing import CliRunner

from pipeline.cli import cli

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"

@pytest.fixture()
def report(tmp_path: Path) -> Path:
    path = tmp_path / "thong-bao-41.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def test_extract_prints_one_schema_object_per_document(report: Path) -> None:
    result = run("extract", str(report), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert len(lines) == 1
    obj = lines[0]
    assert obj["doc_id"] == "thong-bao-41"
    assert obj["schema_version"] == 1
    assert any(d["number"] == "139/QĐ-UBND" and d["kind"] == "Quyết định" for d in obj["documents"])
    assert "2021-11-01" in obj["dates"]
    assert any(f["polarity"] == "shortcoming" and "phiếu hẹn" in f["text"] for f in obj["findings"])


def test_extract_timings_reports_each_stage(report: Path) -> None:
    obj = json.loads(run("extract", str(report), "--timings").stdout)
    assert set(obj["timings"]) >= {"tokenizer", "dates", "docnumbers", "units", "findings"}


def test_bad_file_gives_one_line_and_exit_code_but_others_still_extract(tmp_path: Path, report: Path) -> None:
    bad = tmp_path / "hong.pdf"
    bad.write_bytes(b"")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    assert [json.loads(x)["doc_id"] for x in result.stdout.splitlines()] == ["thong-bao-41"]
    errors = [x for x in result.stderr.splitlines() if x.strip()]
    assert len(errors) == 1 and "hong.pdf" in errors[0]


def test_ingest_search_stats_and_skip_unchanged(tmp_path: Path, report: Path) -> None:
    db = str(tmp_path / "k.db")
    first = run("--db", db, "ingest", str(report), "--no-progress")
    assert first.exit_code == 0, first.output
    assert "1 new" in first.stdout
    second = run("--db", db, "ingest", str(report), "--no-progress")
    assert "0 new" in second.stdout and "1 skipped" in second.stdout

    hits = json.loads(run("--db", db, "search", "phieu hen", "--format", "json").stdout)
    assert hits["total"] >= 1
    # Those of the words and of their matter; the matter's area closes a short page (pipeline/search.py).
    assert all("phiếu hẹn" in h["text"] for h in hits["hits"] if h["tier"] == "words" or h["matter"])
    assert hits["hits"][0]["doc_id"] == "thong-bao-41"
    none = json.loads(
        run("--db", db, "search", "phieu hen", "--polarity", "strength", "--format", "json").stdout
    )
    assert all(h["polarity"] == "strength" for h in none["hits"])

    stats = json.loads(run("--db", db, "stats", "--format", "json").stdout)
    assert stats["documents"] == 1
    assert sum(stats["by_polarity"].values()) == stats["findings"] >= 2


def test_a_folder_s_files_of_a_format_not_read_are_each_named_with_the_reason(tmp_path: Path,
                                                                              report: Path) -> None:
    """`ingest FOLDER` skipped a file of a format no reader takes without a word: one line per
    such file names it and why, the others are read, the count says how many, the exit is 0
    (nothing failed), and a file name's control characters do not reach the terminal raw."""
    folder = report.parent / "inbox"
    folder.mkdir()
    report.rename(folder / report.name)
    (folder / "ghi-chu.xyz").write_text("Xã chưa cấp phiếu hẹn.", encoding="utf-8")
    (folder / "Makefile").write_text("all:", encoding="utf-8")
    (folder / "bad\x1b[2Jname.exe").write_bytes(b"MZ")
    result = run("--db", str(tmp_path / "k.db"), "ingest", str(folder), "--no-progress")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("1 new, ")
    assert "3 not read (a format kiemtra does not read)" in result.stdout
    lines = result.stderr.splitlines()
    assert f"kiemtra: {folder / 'ghi-chu.xyz'}: not read, kiemtra does not read .xyz files" \
        " (it reads .doc .docx .htm .html .jpeg .jpg .pdf .png .text .tif .tiff .txt)" in lines
    assert any(line.startswith(f"kiemtra: {folder / 'Makefile'}: not read, kiemtra does not read files"
                               " without an extension") for line in lines)
    assert len(lines) == 3 and "\x1b" not in result.stderr and "Traceback" not in result.output
    extracted = run("extract", str(folder))
    assert extracted.exit_code == 0 and len(extracted.stderr.splitlines()) == 3


@pytest.mark.ocr
@pytest.mark.skipif(not any(SAMPLES.glob("*.pdf")), reason="samples/ not generated")
def test_samples_ingest_end_to_end_and_search_finds_phieu_hen(tmp_path: Path) -> None:
    db = str(tmp_path / "samples.db")
    result = run("--db", db, "ingest", str(SAMPLES), "--no-progress")
    assert result.exit_code == 0, result.output
    # The main job's folder holds documents only: its run names no file as failed or not read, so
    # an operator reading it sees six documents in and nothing to look at.
    assert "not read" not in result.stderr and result.stderr.strip() == "", result.stderr
    assert result.stdout.splitlines()[-1].startswith("6 new, 0 changed, 0 skipped, 0 failed"), result.stdout
    formats = {p.suffix for p in SAMPLES.iterdir() if p.suffix in {".pdf", ".html", ".docx", ".png", ".txt"}}
    assert formats == {".pdf", ".html", ".docx", ".png", ".txt"}
    hits = json.loads(run("--db", db, "search", "phiếu hẹn", "--limit", "50", "--format", "json").stdout)
    assert len({h["doc_id"] for h in hits["hits"]}) >= 2
    stats = json.loads(run("--db", db, "stats", "--format", "json").stdout)
    assert len(stats["by_year"]) >= 3
    # The page dump's title is its article's headline, not the portal's name printed above it
    # (core.headline: the masthead above a dated headline), as samples_source/expected.json says.
    note = next(h for h in hits["hits"] if h["doc_id"] == "ghi-chu-2024")
    shown = run("--db", db, "show", note["finding_id"]).stdout
    assert "document: ghi-chu-2024 — Đông Hà: Kiểm tra công tác cải cách hành chính tại các phường" in shown


def test_stats_names_the_findings_without_a_year_in_words(tmp_path: Path) -> None:
    """A report that names no date: its findings are counted under "no year known", not "?"
    (the JSON keeps the "?" key its readers know)."""
    report = tmp_path / "ket-qua.txt"
    report.write_text("KẾT QUẢ KIỂM TRA\n\nQua kiểm tra, Đoàn kiểm tra nhận thấy UBND xã Phú Tân còn một số"
                      " hạn chế: chưa cấp phiếu hẹn cho người nộp hồ sơ; sổ theo dõi hồ sơ chưa được cập"
                      " nhật đầy đủ.\n", encoding="utf-8")
    db = str(tmp_path / "k.db")
    assert run("--db", db, "ingest", str(report), "--no-progress").exit_code == 0
    as_json = json.loads(run("--db", db, "stats", "--format", "json").stdout)
    assert list(as_json["by_year"]) == ["?"] and as_json["by_year"]["?"] == as_json["findings"] >= 1
    text = run("--db", db, "stats").stdout
    lines = [line.split() for line in text.splitlines()]
    counted = str(as_json["findings"])
    assert ["no", "year", "known", counted] in lines and ["?", counted] not in lines


def test_stats_names_each_area_and_kind_beside_its_code(tmp_path: Path, report: Path) -> None:
    """`stats` printed "tthc", "so_hoa", "chung" and "shortcoming" bare; a person reads the names
    the facets give beside the codes --area and --polarity take. The JSON keeps the codes."""
    db = str(tmp_path / "k.db")
    assert run("--db", db, "ingest", str(report), "--no-progress").exit_code == 0
    lines = [line.strip() for line in run("--db", db, "stats").stdout.splitlines()]
    assert any(line.startswith("tthc (Cải cách thủ tục hành chính) ") for line in lines), lines
    assert any(line.startswith("shortcoming (Thiếu sót) ") for line in lines), lines
    as_json = json.loads(run("--db", db, "stats", "--format", "json").stdout)
    assert "tthc" in as_json["by_area"] and "shortcoming" in as_json["by_polarity"]
