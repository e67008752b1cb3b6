"""What the `kiemtra` command tests share: an in-process runner, a report written for them, and a
record of which files the pipeline opened with a reader.

The report is in the genre (a commune inspected, a strength, a shortcoming on phiếu hẹn, a
recommendation, a decision cited by number) and is not taken from any corpus.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import pipeline.process
from pipeline.cli import cli

REPORT = (
    "ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH\n\n"
    "Số: 41/TB-UBND\n\n"
    "Châu Thành, ngày 15 tháng 11 năm 2021\n\n"
    "Từ ngày 01/11/2021 đến ngày 05/11/2021, Đoàn kiểm tra đã kiểm tra tại UBND xã Phú Tân "
    "theo Quyết định số 139/QĐ-UBND ngày 20/10/2021 của UBND huyện.\n\n"
    "Xã đã thực hiện tốt việc niêm yết công khai thủ tục hành chính. Tuy nhiên, bộ phận "
    "một cửa chưa cấp phiếu hẹn cho công dân khi tiếp nhận hồ sơ.\n\n"
    "Đề nghị UBND xã Phú Tân khắc phục ngay việc cấp phiếu hẹn."
)

# The same report naming its huyện and tỉnh, for the province filter and its suggestions.
REPORT_IN_PROVINCE = REPORT.replace(
    "tại UBND xã Phú Tân theo", "tại UBND xã Phú Tân, huyện Châu Thành, tỉnh Tiền Giang theo")


def run(*args: str) -> Result:
    """`kiemtra ARGS` in this process; an exception nobody caught fails the test with its traceback."""
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def kiemtra(db: Path, *args: str) -> Result:
    """`kiemtra --db DB ARGS` in this process."""
    return run("--db", str(db), *args)


def ingested_store(folder: Path, texts: Mapping[str, str]) -> str:
    """A store (`folder`/k.db) holding `texts` (file name → text) written into `folder` and
    ingested by `kiemtra ingest`, which must succeed: the search tests' module fixtures."""
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = str(folder / "k.db")
    result = run("--db", path, "ingest", str(folder), "--no-progress")
    assert result.exit_code == 0, result.output
    return path


def search_json(db: str, *args: str) -> dict[str, Any]:
    """`kiemtra search ARGS --format json` on the store at db, parsed; the command must succeed."""
    result = run("--db", db, "search", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files the pipeline actually opens with a reader from now on (the list
    fills as they are read): what tells a file read again from one skipped."""
    opened: list[str] = []
    real = pipeline.process.read

    def counting(path: Path, **kwargs: Any) -> Any:
        opened.append(Path(path).name)
        return real(path, **kwargs)

    monkeypatch.setattr(pipeline.process, "read", counting)
    return opened
