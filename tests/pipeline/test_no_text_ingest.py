"""`kiemtra ingest` on a folder holding an empty Word file: one line naming it and the reason, the
other files stored, the file quarantined (ux23; tests/extractors/test_no_text.py says why)."""

from __future__ import annotations

from pathlib import Path

import docx
from click.testing import CliRunner

from pipeline.cli import cli


def test_an_empty_word_file_is_one_line_and_quarantined(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    docx.Document().save(str(inbox / "trong.docx"))
    (inbox / "bao-cao.txt").write_text(
        "Ngày 15/6/2022, Đoàn kiểm tra đã kiểm tra công tác cải cách hành chính tại UBND xã Phú Lâm.\n"
        "Hạn chế: Bộ phận một cửa chưa cấp phiếu hẹn cho 12 hồ sơ.\n", encoding="utf-8")
    db = str(tmp_path / "k.db")
    result = CliRunner().invoke(cli, ["--db", db, "--set", "isolate=false", "ingest", str(inbox)])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if "trong.docx" in line]
    assert len(lines) == 1 and "no text" in lines[0], result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "1 new" in result.stdout and "1 failed" in result.stdout
    listed = CliRunner().invoke(cli, ["--db", db, "quarantine", "list"])
    assert "trong.docx" in listed.stdout and "no text" in listed.stdout
