"""Item 8: control characters never reach a terminal, from a document or from a file name.

Before the fix ESC sequences in a document came out of `kiemtra search` raw (clearing the
screen), and a newline in a file name printed a forged "kiemtra: ..." line.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from core.errors import ReaderError
from core.settings import load_settings
from extractors import read
from pipeline.cli import cli

ESC = "\x1b[2J\x1b[31m"


def test_the_text_layer_drops_controls_but_newline_and_tab(tmp_path: Path) -> None:
    path = tmp_path / "bao_cao.txt"
    path.write_text(f"Ủy ban nhân dân xã{ESC} niêm\tyết\x07 thủ tục\x85 hành chính\r\n\nĐoạn\x01 hai.",
                    encoding="utf-8")
    document = read(path, settings=load_settings(environ={}))
    # The sequences go whole (ux28: their remnants "[2J[31m" were left as words of the text)
    assert document.text == "Ủy ban nhân dân xã niêm\tyết thủ tục hành chính\n\nĐoạn hai."
    assert all(document.text[b.start:b.end].strip() for b in document.blocks)


def test_a_file_name_cannot_forge_a_line(tmp_path: Path) -> None:
    name = f"x\nkiemtra: 0 failed{ESC}.txt"
    (tmp_path / name).write_bytes(b"")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "k.db"), "ingest", "--no-progress",
                                      str(tmp_path / name)])
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("kiemtra: ") and "\x1b" not in result.stderr
    assert "x\\nkiemtra: 0 failed\\x1b[2J" in lines[0] and "empty" in lines[0]
    assert "\n" not in str(ReaderError("bad\nline", path=name))


def test_log_lines_escape_them_too() -> None:
    import logging

    from pipeline.console import PrintableFormatter

    record = logging.LogRecord("kiemtra", logging.WARNING, __file__, 1, "%s: unreadable",
                               (f"/hop thu/a\n{ESC}b",), None)
    line = PrintableFormatter("%(levelname)s %(message)s").format(record)
    assert line == "WARNING /hop thu/a\\n\\x1b[2J\\x1b[31mb: unreadable"


def test_quarantine_list_and_run_report_escape_a_file_name(tmp_path: Path) -> None:
    name = f"x{ESC}.txt"
    (tmp_path / name).write_bytes(b"")
    db = ["--db", str(tmp_path / "k.db")]
    CliRunner().invoke(cli, [*db, "ingest", "--no-progress", str(tmp_path / name)])
    listed = CliRunner().invoke(cli, [*db, "quarantine", "list"])
    assert "x\\x1b[2J" in listed.output and "\x1b" not in listed.output

    from pipeline.runs import RunSummary, render_markdown

    summary = RunSummary("r1")
    summary.add_failure(str(tmp_path / name), "inbox", "empty file")
    assert "\x1b" not in render_markdown(summary)
