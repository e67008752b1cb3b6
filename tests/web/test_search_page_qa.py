"""The search page tried as a provincial staff member would (issue 12): what the CLI gives,
the page must give too."""

from __future__ import annotations

import re

from starlette.testclient import TestClient


def test_each_result_names_its_province_beside_its_units(client: TestClient) -> None:
    """Many communes share a name (there are dozens of xã Tân Thạnh); the CLI prints
    "xã Cam Tuyền — Quảng Trị" and the page printed only "xã Cam Tuyền"."""
    r = client.get("/", params={"q": "phiếu hẹn"})
    assert r.status_code == 200
    units = re.findall(r'<span class="units">([^<]*)</span>', r.text)
    assert units and all("Quảng Trị" in shown for shown in units if "Cam Tuyền" in shown)


def test_a_misspelt_province_lists_the_close_matches(client: TestClient) -> None:
    """`--province "Quang Trj"` names Quảng Trị on the CLI; the page said only "no findings"."""
    r = client.get("/", params={"tinh": "Quang Trj"})
    assert r.status_code == 200
    assert "Quảng Trị" in r.text.split("Đang lọc", 1)[-1].split("Tỉnh, thành phố: Quang Trj", 1)[-1]
    assert 'href="/?tinh=Qu%E1%BA%A3ng+Tr%E1%BB%8B"' in r.text
