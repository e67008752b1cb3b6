"""The year facet beside the findings with no year known (session 25, an auditor's reading): a
document with no date counts in the total and under no year, so "N findings" over years that
summed to fewer read as if some had gone missing. The CLI's facet line and the page's year facet
now end with "no year known (n)" / "Không rõ năm", a count that selects nothing."""

from __future__ import annotations

import re

import pytest
from cli_helpers import REPORT, ingested_store, run, search_json
from starlette.testclient import TestClient

from core.settings import load_settings
from web.app import create_app

# A note of the same inspection that states no date anywhere: its findings have no year.
UNDATED = ("Ghi chép của đoàn kiểm tra\n\n"
           "Bộ phận một cửa của xã Phú Tân chưa cấp phiếu hẹn cho công dân khi tiếp nhận hồ sơ đất đai.")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return ingested_store(tmp_path_factory.mktemp("no-year"),
                          {"thong-bao-41.txt": REPORT, "ghi-chep.txt": UNDATED})


def test_the_cli_says_the_findings_no_year_counts(db: str) -> None:
    data = search_json(db, "phiếu hẹn", "--facets")
    years = dict(data["facets"]["year"])
    undated = data["total"] - sum(years.values())
    assert undated > 0 and "2021" in years
    result = run("--db", db, "search", "phiếu hẹn", "--facets")
    line = next(x for x in result.stdout.splitlines() if x.startswith("year: "))
    assert line.endswith(f"; no year known ({undated})")


def test_the_year_facet_adds_up_and_says_nothing_when_it_does(db: str) -> None:
    dated = search_json(db, "phiếu hẹn", "--facets", "--year", "2021")
    assert dated["total"] == sum(n for _, n in dated["facets"]["year"])
    said = run("--db", db, "search", "phiếu hẹn", "--facets", "--year", "2021").stdout
    line = next(x for x in said.splitlines() if x.startswith("year: "))
    assert "no year known" not in line


def test_the_page_counts_them_without_a_link(db: str) -> None:
    settings = load_settings({"db_path": db, "backend": "sqlite"})
    with TestClient(create_app(settings)) as client:
        page = client.get("/", params={"q": "phiếu hẹn"}).text
    year = page.split('class="facet facet-year"', 1)[1].split("</section>", 1)[0]
    assert re.search(r'<span class="unfiltered">Không rõ năm</span> <span class="count">\d+</span>', year)
    assert year.count("<a ") == len(re.findall(r"<li", year)) - 1  # every year a link but that one
