from pathlib import Path

import pytest

from core.errors import ConfigError
from core.settings import load_settings, parse_assignments


def test_defaults_load_and_per_user_database(tmp_path: Path) -> None:
    settings = load_settings(environ={"XDG_DATA_HOME": str(tmp_path)})
    assert settings.backend == "sqlite"
    assert settings.ocr_lang == "vie"
    assert settings.database.parts[-2:] == ("kiemtra", "kiemtra.db")


def test_environment_then_overrides_win() -> None:
    settings = load_settings(
        {"ocr_dpi": "200"}, environ={"KIEMTRA_OCR_DPI": "150", "KIEMTRA_BACKEND": "elasticsearch"}
    )
    assert settings.ocr_dpi == 200
    assert settings.backend == "elasticsearch"


def test_explicit_db_path_is_used(tmp_path: Path) -> None:
    settings = load_settings({"db_path": str(tmp_path / "x.db")}, environ={})
    assert settings.database == tmp_path / "x.db"


def test_unknown_and_malformed_settings_are_config_errors() -> None:
    with pytest.raises(ConfigError, match="unknown setting"):
        load_settings({"no_such_key": 1}, environ={})
    with pytest.raises(ConfigError, match="not a int"):
        load_settings({"max_pages": "many"}, environ={})
    with pytest.raises(ConfigError, match="key=value"):
        parse_assignments(["oops"])


def test_the_schedule_zone_comes_from_settings_then_tz_then_the_machine() -> None:
    assert load_settings(environ={"TZ": ":Asia/Ho_Chi_Minh"}).zone == "Asia/Ho_Chi_Minh"
    both = {"TZ": "Europe/Paris", "KIEMTRA_TIMEZONE": "Asia/Bangkok"}
    assert load_settings(environ=both).zone == "Asia/Bangkok"
    assert load_settings({"timezone": "Asia/Tokyo"}, environ={"TZ": "UTC"}).zone == "Asia/Tokyo"
    machine = load_settings(environ={}).zone
    assert machine and machine == load_settings(environ={}).replace(batch_size=3).zone


def test_workers_follow_the_ocr_workers_setting() -> None:
    assert load_settings({"ocr_workers": 3}, environ={}).workers == 3
    assert load_settings({"ocr_workers": 0}, environ={}).workers >= 1
