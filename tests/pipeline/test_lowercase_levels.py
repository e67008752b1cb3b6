"""Issue 15: a scan's lower-case level abbreviations ("tp Đà Nẵng", "tx. Điện Bàn") extract end to end.

A real OmniPage text layer crashed extraction with KeyError 'tp' (nlp/units.py `_level_at`),
printed as a traceback; the unit finder's own test covers the finder, this one the command.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import cli

TEXT = (
    "UBND tp Đà Nẵng\n\n"
    "Ngày 12/5/2023, Đoàn kiểm tra của UBND tp Đà Nẵng đã làm việc với UBND tx. Điện Bàn, "
    "tx Hương Trà và tt Nam Phước về công tác cải cách hành chính.\n\n"
    "Tuy nhiên, tx Điện Bàn còn 12 hồ sơ giải quyết trễ hạn."
)


def test_lower_case_level_abbreviations_extract_without_error(tmp_path: Path) -> None:
    path = tmp_path / "ban-scan.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    units = {(u["level"], u["name"]) for u in json.loads(result.stdout)["units"]}
    assert ("thành phố", "Đà Nẵng") in units
    assert ("thị xã", "Điện Bàn") in units
