"""A data table that cannot be read is one ConfigError naming the file, whatever the cause."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import ConfigError
from core.tables import read_table


def test_a_table_is_read_as_data(tmp_path: Path) -> None:
    table = tmp_path / "t.toml"
    table.write_text('[[field]]\nname = "Tư pháp"\n', encoding="utf-8")
    assert read_table(table, "the table") == {"field": [{"name": "Tư pháp"}]}


@pytest.mark.parametrize("content", [None, "[[field]\nname = ", b"\xff\xfe\x00"])
def test_a_missing_broken_or_undecodable_table_is_a_config_error_naming_it(
        tmp_path: Path, content: str | bytes | None) -> None:
    table = tmp_path / "t.toml"
    if isinstance(content, str):
        table.write_text(content, encoding="utf-8")
    elif isinstance(content, bytes):
        table.write_bytes(content)
    with pytest.raises(ConfigError, match="cannot read the sector table") as caught:
        read_table(table, "the sector table")
    assert "t.toml" in str(caught.value)
