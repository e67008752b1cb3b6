"""A level word typed alone as the unit ("xã", "Phuong", "thi tran", "TP") names no unit (session
26): a unit's name is matched whole, so it found nothing, and the hint then offered the units
whose names hold a word starting like it (on the dev texts "Lao động - Thương binh và Xã hội" for
"xã"; here the commune itself, its level word read as a name). Both edges now say so in one line
and offer no unit: pipeline.query_rules.unit_problem, read from core/levels.py's table. On the
hand-written store (webstore.py: xã Cam Tuyền, huyện Cam Lộ)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient
from webstore import WebData

from pipeline.cli import cli
from pipeline.console import EXIT_USAGE


@pytest.mark.parametrize(("typed", "said"), [("xã", "xã"), ("Phuong", "Phuong"), ("thi  tran", "thi tran"),
                                             ("TP", "TP"), (" huyện ", "huyện")])
def test_the_cli_says_a_level_alone_names_no_unit(data: WebData, typed: str, said: str) -> None:
    for command in (["search", "phiếu hẹn"], ["compare"]):
        result = CliRunner().invoke(cli, ["--db", str(data.db), *command, "--unit", typed])
        assert result.exit_code == EXIT_USAGE, result.output
        assert result.stdout == ""
        assert result.stderr.splitlines() == [
            f"kiemtra: --unit {said!r} is a level alone, which names no unit: give the unit's name after it,"
            f" or --level {said!r} for every unit of that level"]


def test_a_name_typed_with_other_accents_or_after_its_level_is_a_name(data: WebData) -> None:
    """"Tĩnh" (of Hà Tĩnh) is no "tỉnh"; "xã Cam" is a start of a name the hint completes."""
    for typed in ("Tĩnh", "xã Cam"):
        result = CliRunner().invoke(cli, ["--db", str(data.db), "search", "phiếu hẹn", "--unit", typed])
        assert result.exit_code == 0, result.output
        assert "is a level alone" not in result.stderr
    assert "units meant: xã Cam Tuyền (" in CliRunner().invoke(
        cli, ["--db", str(data.db), "search", "phiếu hẹn", "--unit", "xã Cam"]).stderr


def test_the_pages_say_a_level_alone_names_no_unit(client: TestClient) -> None:
    for path, params in (("/", {"q": "phiếu hẹn", "don_vi": "xã"}), ("/so-sanh", {"don_vi": "xã"})):
        r = client.get(path, params=params)
        assert r.status_code == 400
        assert ("Tham số «đơn vị» chỉ ghi cấp «xã», chưa phải tên một đơn vị: hãy ghi cả tên đơn vị sau cấp,"
                " hoặc chọn «cấp» «xã» để xem mọi đơn vị cấp đó.") in r.text
        assert "Cam Tuyền" not in r.text
