"""A file's bidirectional controls reach no terminal (session 26): U+202E (right-to-left override)
in a file's name and text came out raw in `kiemtra search` and `show`, so what followed it showed
reversed ("\u202etxt.exe" reads "exe.txt"). The text layer drops them as it drops ESC
(core.normalize.strip_controls), messages and paths escape them (core.errors.printable).
A report written for the test."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import cli

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
REPORT = ("ỦY BAN NHÂN DÂN HUYỆN CAM LỘ\n\nSố: 12/KL-UBND\n\nCam Lộ, ngày 10 tháng 10 năm 2024\n\n"
          "Đoàn kiểm tra công tác cải cách hành chính đã làm việc tại UBND xã Cam Hiếu ngày 02/10/2024.\n\n"
          "Tuy nhiên, bộ phận một cửa \u202etxt.exe\u202c chưa cấp phiếu hẹn cho người dân \u2067khi\u2069"
          " tiếp nhận hồ sơ.\n\nĐề nghị UBND xã Cam Hiếu khắc phục ngay những tồn tại nêu trên.")


def test_search_and_show_print_no_bidirectional_control(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "ket-luan\u202efdp.txt").write_text(REPORT, encoding="utf-8")
    db = str(tmp_path / "k.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db, "ingest", str(inbox), "--no-progress"]).exit_code == 0
    found = runner.invoke(cli, ["--db", db, "search", "phiếu hẹn"])
    assert found.exit_code == 0, found.output
    assert "bộ phận một cửa txt.exe chưa cấp phiếu hẹn cho người dân khi tiếp nhận hồ sơ" in found.stdout
    assert "ket-luanfdp" in found.stdout
    finding_id = found.stdout.split("(kiemtra show ", 1)[1].split(")", 1)[0]
    shown = runner.invoke(cli, ["--db", db, "show", finding_id])
    assert shown.exit_code == 0, shown.output
    assert f"path: {inbox}/ket-luan\\u202efdp.txt " in shown.stdout  # the file's name as it is, escaped
    for said in (found.stdout, shown.stdout):
        assert not set(said) & set(BIDI), [c for c in said if c in BIDI]
