"""The inspecting body on the search page: its facet, its field in the form, the close bodies when
the one typed has no inspections, as the CLI's `--inspector` gives them. The hand-written store's
reports are the inspections of huyện Cam Lộ (webstore.INSPECTOR)."""

from __future__ import annotations

from urllib.parse import quote_plus

from starlette.testclient import TestClient

CAM_LO = "huyện Cam Lộ — Quảng Trị"


def test_the_facet_names_the_inspecting_body_and_its_link_filters(client: TestClient) -> None:
    every = client.get("/", params={"q": "phiếu hẹn"})
    assert every.status_code == 200 and "Cơ quan kiểm tra" in every.text
    link = f'href="/?q=phi%E1%BA%BFu+h%E1%BA%B9n&amp;co_quan_kiem_tra={quote_plus(CAM_LO)}"'
    assert link in every.text
    chosen = client.get("/", params={"q": "phiếu hẹn", "co_quan_kiem_tra": CAM_LO})
    assert chosen.status_code == 200 and "Đang lọc" in chosen.text
    assert f"Cơ quan kiểm tra: {CAM_LO}" in chosen.text


def test_the_forms_field_takes_a_body_as_typed(client: TestClient) -> None:
    typed = client.get("/", params={"co_quan_kiem_tra": "cam lo"})
    assert typed.status_code == 200 and 'id="co_quan_kiem_tra"' in typed.text
    assert "Không có phát hiện nào" not in typed.text


def test_a_misspelt_body_lists_the_close_ones(client: TestClient) -> None:
    r = client.get("/", params={"co_quan_kiem_tra": "huyen Cam Lo Quang Tri x"})
    assert r.status_code == 200
    assert "Có phải cơ quan kiểm tra" in r.text and f"co_quan_kiem_tra={quote_plus(CAM_LO)}" in r.text
    assert "qua kiểm tra của «huyen Cam Lo Quang Tri x»" in r.text
