"""A unit filter typed as the start of a name ("cam") or misspelt found nothing, and neither edge
named the units meant (session 25): the CLI said only "check that filter", the page "no finding
… with this filter". Both now list the stored units meant, with their counts, as they list the
provinces close to a misspelt one. On the hand-written store (webstore.py: xã Cam Tuyền, the
inspected commune, and huyện Cam Lộ, the inspecting district)."""

from __future__ import annotations

from click.testing import CliRunner
from starlette.testclient import TestClient
from web_helpers import hints
from webstore import WebData

from index.sqlite_fts import SqliteFtsBackend
from index.store import Store
from pipeline.cli import cli
from pipeline.hints import units_meant


def _search(data: WebData, *args: str) -> tuple[str, str]:
    result = CliRunner().invoke(cli, ["--db", str(data.db), "--set", "backend=sqlite", "search", *args])
    assert result.exit_code == 0, result.output
    return result.stdout, hints(result.stderr)


def test_the_store_lists_its_units_once_each(data: WebData) -> None:
    with Store(data.db, readonly=True) as store:
        labels = store.unit_labels()
    assert labels == ["huyện Cam Lộ", "xã Cam Tuyền"]


def test_a_name_s_start_a_slip_and_a_level_name_the_units_meant(data: WebData) -> None:
    with Store(data.db, readonly=True) as store:
        labels = store.unit_labels()
    backend = SqliteFtsBackend(data.db)
    try:
        cam = units_meant(backend, "cam", labels)
        tuyen = units_meant(backend, "Tuyền", labels)  # any word of the name, accents or not
        communes = units_meant(backend, "xã cam", labels)  # the level typed: that level only
        slip = units_meant(backend, "Cam Tuyen", labels)
        typo = units_meant(backend, "Cam Tuyềnn", labels)
        nothing = units_meant(backend, "zzz", labels)
    finally:
        backend.close()
    assert [name for name, _ in cam] == ["xã Cam Tuyền"]  # the district is the inspector: no finding
    assert cam[0][1] > 0
    assert [name for name, _ in tuyen] == [name for name, _ in communes] == ["xã Cam Tuyền"]
    assert [name for name, _ in typo] == ["xã Cam Tuyền"]
    # Typed without accents it is the stored unit itself, whole (the filter folds): nothing to name
    assert slip == () and nothing == ()


def test_the_cli_names_the_unit_filter_and_the_units_meant(data: WebData) -> None:
    out, err = _search(data, "phiếu hẹn", "--unit", "cam")
    assert "0 findings" in out
    count = _search(data, "--unit", "xã Cam Tuyền", "--limit", "1")[0].split(" findings", 1)[0]
    assert err.splitlines() == [
        "kiemtra: no findings about a unit named 'cam' or one inside it (a unit's name is matched whole);"
        f" units meant: xã Cam Tuyền ({count})"]
    _, err = _search(data, "phiếu hẹn", "--unit", "zzz")
    assert err.splitlines() == [
        "kiemtra: no findings about a unit named 'zzz' or one inside it (a unit's name is matched whole);"
        " no stored unit has a name like it"]


def test_the_unit_is_named_beside_a_province_that_finds_nothing_too(data: WebData) -> None:
    _, err = _search(data, "phiếu hẹn", "--unit", "cam", "--province", "Zzz")
    assert "no findings in province 'Zzz'" in err and "units meant: xã Cam Tuyền (" in err


def test_another_filter_at_fault_names_no_unit(data: WebData) -> None:
    """The unit is named only when it alone finds nothing: with the year at fault the year's line."""
    _, err = _search(data, "phiếu hẹn", "--unit", "Cam Tuyền", "--year", "2030")
    assert "units meant" not in err and "of the year 2030" in err


def test_the_page_links_the_units_meant(client: TestClient) -> None:
    r = client.get("/", params={"q": "phiếu hẹn", "don_vi": "cam"})
    assert r.status_code == 200
    said = r.text.split("Tên đơn vị được so khớp trọn vẹn; có phải đơn vị:", 1)[1].split("</p>", 1)[0]
    assert 'href="/?q=phi%E1%BA%BFu+h%E1%BA%B9n&amp;don_vi=x%C3%A3+Cam+Tuy%E1%BB%81n"' in said
    assert ">xã Cam Tuyền</a>" in said and "Cam Lộ" not in said
    followed = client.get("/", params={"q": "phiếu hẹn", "don_vi": "xã Cam Tuyền"}).text
    assert "Tên đơn vị được so khớp trọn vẹn" not in followed and "Không có phát hiện nào" not in followed


def _compare(data: WebData, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(data.db), "compare", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_compare_names_the_units_like_a_unit_that_alone_finds_nothing(data: WebData) -> None:
    assert _compare(data, "--unit", "tuyền").splitlines()[-1] == (
        "A unit's name is matched whole; units in the store named like 'tuyền': xã Cam Tuyền.")
    assert _compare(data, "--unit", "zzz").splitlines()[-1] == (
        "No stored unit has a name like 'zzz' (a unit's name is matched whole).")
    # A stored unit typed whole that has no shortcomings (the inspecting district): no unit is named,
    # the store has it and the filters' line is right.
    said = _compare(data, "--unit", "huyện Cam Lộ")
    assert "named like" not in said and "No stored unit" not in said and "--unit huyện Cam Lộ" in said
    # The unit has shortcomings, the year has none: the year is at fault, no unit is named.
    said = _compare(data, "--unit", "Cam Tuyền", "--from", "2030")
    assert "--from 2030" in said and "named like" not in said


def test_the_comparison_page_links_the_units_like_it(client: TestClient) -> None:
    page = client.get("/so-sanh", params={"don_vi": "tuyen"}).text
    said = page.split("Tên đơn vị được so khớp trọn vẹn; có phải đơn vị:", 1)[1].split("</p>", 1)[0]
    assert '>xã Cam Tuyền</a>' in said and "don_vi=x%C3%A3+Cam+Tuy%E1%BB%81n" in said
    none = client.get("/so-sanh", params={"don_vi": "zzz"}).text
    assert "Trong kho không có đơn vị nào tên giống «zzz»" in none
    year = client.get("/so-sanh", params={"don_vi": "Cam Tuyền", "tu_nam": 2030}).text
    assert "so khớp trọn vẹn" not in year
