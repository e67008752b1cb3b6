"""The year facet listed its years by their counts ("2023, 2022, 2019, 2021, 2024, 2020" on the
page and the CLI alike: session 27's leftover), which an auditor comparing years must reorder in
his head. A facet of time is now listed in time order, oldest first, as `kiemtra stats` and the
comparison list years; every other facet stays most findings first. One rule
(pipeline.search.shown_order), applied in the one composed search, so the CLI's facet line, its
JSON and the page's facet list agree, and the "by year" of a search a filter emptied names the
years with the most findings in time order. On the hand-written store (webstore.py)."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner
from starlette.testclient import TestClient
from webstore import WebData

from pipeline.cli import cli
from pipeline.hints import spread


def _cli(data: WebData, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(data.db), "--set", "backend=sqlite", "search", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def _by_count(pairs: list[tuple[str, int]]) -> list[tuple[str, int]]:
    return sorted(pairs, key=lambda p: (-p[1], p[0]))


def test_the_years_are_listed_in_time_order_on_the_cli_and_the_page(data: WebData,
                                                                    client: TestClient) -> None:
    facets = json.loads(_cli(data, "--facets", "--format", "json"))["facets"]
    years = [(str(v), int(n)) for v, n in facets["year"]]
    assert len(years) >= 3 and years != _by_count(years), "the store's years by count are not in time order"
    assert [int(v) for v, _ in years] == sorted(int(v) for v, _ in years)
    for name in ("polarity", "area", "unit", "theme"):  # the other facets: most findings first
        pairs = [(str(v), int(n)) for v, n in facets[name]]
        assert pairs == _by_count(pairs), name

    # The facet line the CLI prints
    lines = _cli(data, "--facets", "--limit", "1").splitlines()
    [line] = [line for line in lines if line.startswith("year: ")]
    assert line.removeprefix("year: ").split("; ")[:len(years)] == [f"{v} ({n})" for v, n in years]

    # The page's year facet: the same years in the same order
    page = client.get("/").text
    year_facet = page.split('class="facet facet-year"', 1)[1].split("</section>", 1)[0]
    shown = re.findall(r'<a href="[^"]*">([^<]+)</a> <span class="count">(\d+)</span>', year_facet)
    assert [(v, int(n)) for v, n in shown] == years


def test_where_an_emptied_search_finds_its_findings_is_said_in_time_order() -> None:
    """The hint names at most three years, those with the most findings, in time order; three
    units, those with the most, most first."""
    years = [("2019", 12), ("2020", 10), ("2021", 1), ("2022", 6), ("2023", 3)]
    assert spread("year", years) == (("2019", 12), ("2020", 10), ("2022", 6))
    assert spread("year", sorted(years, key=lambda p: -p[1])) == spread("year", years)
    units = [("xã Cam Tuyền", 2), ("xã Hải Lệ", 9), ("xã Cam Thủy", 4), ("xã Cam Hiếu", 4)]
    assert spread("unit", units) == (("xã Hải Lệ", 9), ("xã Cam Hiếu", 4), ("xã Cam Thủy", 4))
