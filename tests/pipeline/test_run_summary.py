"""Every run closes with one RunSummary: `kiemtra ingest`, `kiemtra quarantine retry` and the
nightly flow count and word their results in one place (pipeline/runs.py)."""

from __future__ import annotations

from pathlib import Path

from cli_helpers import REPORT
from click.testing import CliRunner

from core.settings import load_settings
from pipeline.cli import cli
from pipeline.ingest import ingest_paths
from pipeline.process import FAILED, INGESTED, QUARANTINED, Outcome
from pipeline.runs import COMMAND_LINE, NEW, RunSummary


def test_a_command_line_ingest_is_summed_up_like_a_nightly_run(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bao-cao.txt").write_text(REPORT, encoding="utf-8")
    (folder / "hong.pdf").write_bytes(b"")
    settings = load_settings({"db_path": str(tmp_path / "k.db"), "backend": "sqlite"}, environ={})
    summary = ingest_paths([folder], settings=settings)
    assert isinstance(summary, RunSummary)
    assert summary.counts[NEW] == 1 and summary.counts[FAILED] == 1
    assert summary.by_source[COMMAND_LINE][NEW] == 1 and summary.not_indexed == 0
    assert summary.new_files == [str((folder / "bao-cao.txt").resolve())]
    assert summary.findings >= 1 and "extract" in summary.stages
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "k.db"), "ingest", str(folder), "--no-progress"])
    again = ingest_paths([folder], settings=settings)
    assert result.stdout.strip() == "0 new, 0 changed, 1 skipped, 0 failed, 1 still quarantined"
    assert again.line() == result.stdout.strip()
    assert result.stderr.strip() == "kiemtra: " + again.problems()[0]


def test_problems_name_each_new_failure_then_what_is_held_removed_or_unindexed() -> None:
    summary = RunSummary()
    summary.add(Outcome("/in/a.pdf", FAILED, reason="/in/a.pdf: empty file (0 bytes)"), COMMAND_LINE)
    summary.add(Outcome("/in/b.pdf", QUARANTINED, reason="/in/b.pdf: encrypted"), COMMAND_LINE)
    summary.add_removed("/in/c.txt", "withdrawn: findings no longer searchable", "inbox")
    summary.not_indexed = 2
    assert summary.problems() == [
        "/in/a.pdf: empty file (0 bytes)",
        "1 known-bad files not read again: see `kiemtra quarantine list`",
        "/in/c.txt: removed from the inbox, withdrawn: findings no longer searchable",
        "2 stored but not yet indexed: the next run or `kiemtra reindex` indexes them",
    ]
    assert summary.line() == ("0 new, 0 changed, 0 skipped, 1 failed, 1 still quarantined, 1 removed;"
                              " 2 stored but not yet indexed")


def test_a_retried_file_that_fails_anew_is_listed_with_its_reason() -> None:
    """A file quarantined under another extractor that now fails as a new failure (no bytes held:
    the machine's fault) counts as failed, so the operator must read why."""
    summary = RunSummary()
    summary.add(Outcome("/in/scan.png", FAILED, reason="/in/scan.png: Tesseract is not installed",
                        extractor_changed=True), COMMAND_LINE)
    summary.add(Outcome("/in/b.pdf", QUARANTINED, reason="/in/b.pdf: encrypted", extractor_changed=True),
                COMMAND_LINE)
    assert summary.failed and summary.retried == 2 and summary.recovered == 0
    assert summary.problems() == ["/in/scan.png: Tesseract is not installed"]


def test_the_run_s_report_names_a_file_as_the_terminal_lines_do() -> None:
    """A newline or a tab in a file's name is written escaped in the report's tables, as on
    stderr, not folded to a space (another name); a pipe is escaped for the table."""
    from pipeline.runs import render_markdown

    summary = RunSummary(unsupported=["/in/new\nline.doc2", "/in/a|b\tc.xyz"])
    shown = render_markdown(summary)
    assert "| /in/new\\nline.doc2 |" in shown and "| /in/a\\|b\\tc.xyz |" in shown
    assert "new line.doc2" not in shown


def test_a_hidden_file_is_neither_read_nor_named_unread(tmp_path: Path) -> None:
    """`discover` and `unsupported` walk a folder by one rule: dot-named files and folders are
    neither read nor listed as not read; the others are one or the other."""
    from extractors import discover, unsupported

    for name in ("a.txt", "b.xyz", ".c.xyz", ".git/d.txt", "sub/e.txt", "sub/f.xyz"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path])] == ["a.txt", "sub/e.txt"]
    assert [p.relative_to(tmp_path).as_posix() for p in unsupported([tmp_path])] == ["b.xyz", "sub/f.xyz"]


def test_the_closing_line_counts_the_files_stored_with_a_warning() -> None:
    """Session 27: "11 new, 0 changed, 0 skipped, 5 failed" over seven lines of files and reasons
    (two of them stored, with a reader's warning) read as if seven had failed."""
    summary = RunSummary()
    summary.add(Outcome("/in/a.pdf", FAILED, reason="/in/a.pdf: empty file (0 bytes)"), COMMAND_LINE)
    two = ("/in/b.txt: the text may be …", "/in/b.txt: lost …")  # one file, two warnings
    summary.add(Outcome("/in/b.txt", INGESTED, "k", 1, warnings=two), COMMAND_LINE)
    summary.add(Outcome("/in/c.html", INGESTED, "k", 1, warnings=("/in/c.html: …",)), COMMAND_LINE)
    summary.add(Outcome("/in/d.txt", INGESTED, "k", 1), COMMAND_LINE)
    assert summary.line() == "3 new, 0 changed, 0 skipped, 1 failed, 2 stored with a warning"
    assert RunSummary.from_dict(summary.to_dict()).line() == summary.line()  # as `kiemtra runs` reads it


def test_a_copy_of_a_stored_file_is_named_once_with_the_file_it_copies(tmp_path: Path) -> None:
    """The operator's sweep (ux29): a file copied into the inbox beside its original was counted
    "2 new" while the store keeps one document (keyed by its bytes), and nothing said so: the
    copy is named, with the file it copies, on a line of its own, in the closing line and in the
    run's report; the next run, both unchanged, says nothing of it."""
    from pipeline.runs import render_markdown

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bao-cao.txt").write_text(REPORT, encoding="utf-8")
    (folder / "ban-sao-bao-cao.txt").write_text(REPORT, encoding="utf-8")
    (folder / "khac.txt").write_text(REPORT.replace("Phú Tân", "Phú Hòa"), encoding="utf-8")
    settings = load_settings({"db_path": str(tmp_path / "k.db"), "backend": "sqlite"}, environ={})
    summary = ingest_paths([folder], settings=settings)
    assert summary.counts[NEW] == 3
    [copy] = summary.copies
    paths = {str((folder / name).resolve()) for name in ("bao-cao.txt", "ban-sao-bao-cao.txt")}
    assert {copy["path"], copy["same_as"]} == paths
    assert summary.line().endswith(", 1 a copy of another file (stored once)")
    assert summary.problems() == [f"{copy['path']}: the same bytes as {copy['same_as']}: stored once,"
                                  " its findings not counted twice"]
    assert "## Copies: the same bytes as another file, stored once (1)" in render_markdown(summary)
    again = CliRunner().invoke(cli, ["--db", str(tmp_path / "k.db"), "ingest", str(folder), "--no-progress"])
    assert again.stdout.strip() == "0 new, 0 changed, 3 skipped, 0 failed" and not again.stderr
