"""A search that found nothing only under its filters together said "0 findings" and no more
(session 26's leftover): each filter found findings alone, so no filter was blamed, and nothing
said which to drop. Both edges now say, in one line, what the words find, which filter emptied
the search and how many the same search finds without it, with where those are (the years for a
year): one rule (pipeline.hints.emptied_by), each count the total of the same composed search
without that filter, so following the page's link, or dropping the option, finds that many. On
the hand-written store (webstore.py: xã Cam Tuyền, shortcomings on phiếu hẹn in 2019, 2021, 2022,
the strength on phiếu hẹn in 2023)."""

from __future__ import annotations

import html
import json
import re

from click.testing import CliRunner
from starlette.testclient import TestClient
from web_helpers import hints
from webstore import WebData

from index.base import Query
from index.sqlite_fts import SqliteFtsBackend
from pipeline.cli import cli
from pipeline.hints import emptied_by, empty_alone


def _cli(data: WebData, *args: str) -> tuple[str, str]:
    result = CliRunner().invoke(cli, ["--db", str(data.db), "--set", "backend=sqlite", "search", *args])
    assert result.exit_code == 0, result.output
    return result.stdout, hints(result.stderr)


def _total(data: WebData, *args: str) -> int:
    return int(json.loads(_cli(data, *args, "--format", "json")[0])["total"])


def _said(page: str) -> list[str]:
    """The page's empty-state sentences as text."""
    found = re.findall(r'<p class="empty[^"]*">(.*?)</p>', page, re.S)
    return [" ".join(html.unescape(re.sub("<[^>]+>", "", p)).split()) for p in found]


def _page_total(client: TestClient, url: str) -> int:
    page = client.get(url.replace("&amp;", "&")).text
    total = re.search(r'<p class="summary">\s*<strong>([\d.]+)</strong>', page)
    assert total is not None
    return int(total.group(1).replace(".", ""))


def test_the_filter_that_emptied_the_search_is_named_with_what_it_finds_without(
        data: WebData, client: TestClient) -> None:
    # Each filter alone finds findings; together none: no strength of 2021 on phiếu hẹn.
    assert _total(data, "phiếu hẹn", "--year", "2021") and _total(data, "phiếu hẹn", "--polarity", "strength")
    stdout, stderr = _cli(data, "phiếu hẹn", "--year", "2021", "--polarity", "strength")
    assert stdout == "0 findings\n"
    [line] = stderr.splitlines()
    words = _total(data, "phiếu hẹn")
    without_year = _total(data, "phiếu hẹn", "--polarity", "strength")
    without_polarity = _total(data, "phiếu hẹn", "--year", "2021")
    assert line.startswith(f"kiemtra: {words} findings for 'phiếu hẹn', none with all the filters together; ")
    assert f"without --year 2021: {without_year} (2023: {without_year})" in line
    assert (f"without --polarity strength: {without_polarity} (shortcoming (Thiếu sót): {without_polarity})"
            in line)

    # The page: the same facts, each filter a link dropping it, which finds what it says
    page = client.get("/", params={"q": "phiếu hẹn", "nam": "2021", "loai": "strength"}).text
    [said] = _said(page)
    assert said.startswith(f"Có {words} phát hiện cho «phiếu hẹn», nhưng không phát hiện nào thỏa mọi bộ lọc")
    links = dict((label, url) for url, label in re.findall(r'<a href="([^"]+)">bỏ «([^»]+)»</a>', page))
    assert set(links) == {"Năm: 2021", "Loại: Ưu điểm"}
    assert f"bỏ «Năm: 2021»: {without_year} phát hiện (2023: {without_year})" in said
    assert f"bỏ «Loại: Ưu điểm»: {without_polarity} phát hiện (Thiếu sót: {without_polarity})" in said
    assert _page_total(client, links["Năm: 2021"]) == without_year
    assert _page_total(client, links["Loại: Ưu điểm"]) == without_polarity


def test_one_filter_words_that_find_nothing_and_a_filter_empty_alone(data: WebData,
                                                                    client: TestClient) -> None:
    stdout, stderr = _cli(data, "phiếu hẹn", "--area", "chi_dao")
    words = _total(data, "phiếu hẹn")
    assert stderr == (f"kiemtra: {words} findings for 'phiếu hẹn', none with --area chi_dao;"
                      f" by area: tthc (Cải cách thủ tục hành chính): {words}\n")
    [said] = _said(client.get("/", params={"q": "phiếu hẹn", "linh_vuc": "chi_dao"}).text)
    assert said.startswith(f"Có {words} phát hiện cho «phiếu hẹn»,"
                           " nhưng không phát hiện nào thỏa bộ lọc đang chọn;")
    # The words find nothing with the filters or without: they are at fault, not a filter
    _, stderr = _cli(data, "xyzxyz", "--year", "2021", "--polarity", "strength")
    assert stderr == ("kiemtra: no finding holds 'xyzxyz', with the filters or without them:"
                      " the words find nothing\n")
    [said] = _said(client.get("/", params={"q": "xyzxyz", "nam": "2021"}).text)
    assert said == "Từ khóa «xyzxyz» không khớp phát hiện nào, dù có bộ lọc hay không."
    # A filter no finding meets alone has its own line (empty_alone), and no second one
    _, stderr = _cli(data, "phiếu hẹn", "--year", "2030", "--polarity", "strength")
    assert stderr == ("kiemtra: no finding in the index is of the year 2030, whatever the words:"
                      " check that filter\n")


def test_both_edges_say_the_rule_s_counts(data: WebData) -> None:
    """The counts the edges print are the rule's: one function, the composed search."""
    backend = SqliteFtsBackend(data.db)
    try:
        query = Query(text="phiếu hẹn", year=2021, polarity="strength")
        emptied = emptied_by(backend, query, empty_alone(backend, query))
        browse = emptied_by(backend, Query(year_from=2020, year_to=2021, polarity="strength"))
    finally:
        backend.close()
    assert emptied is not None and emptied.filters == ("year", "polarity")
    assert [(w.name, w.total) for w in emptied.without] == sorted(
        [("year", _total(data, "phiếu hẹn", "--polarity", "strength")),
         ("polarity", _total(data, "phiếu hẹn", "--year", "2021"))], key=lambda p: -p[1])
    assert emptied.words == _total(data, "phiếu hẹn")
    # No words: the filters alone, a year range one filter of two options
    assert browse is not None and browse.words is None
    _, stderr = _cli(data, "--from", "2020", "--to", "2021", "--polarity", "strength")
    assert stderr.startswith("kiemtra: none with all the filters together; ")
    assert f"without --from 2020 --to 2021: {_total(data, '--polarity', 'strength')} (" in stderr


def test_every_filter_is_named_on_both_edges() -> None:
    """A filter added to index.base.FILTERS is one emptied_by may name: the CLI must spell its
    option (`_option_said`, an option the search command takes) and the page its parameters."""
    from index.base import FILTERS
    from pipeline.cli import _option_said
    from pipeline.cli import search as command
    from web.views import FILTER_PARAMS

    options = {opt for param in command.params for opt in param.opts}
    query = Query(text="x", unit="Xyz", unit_place="xã Xyz — Cà Mau", province="Cà Mau",
                  inspector="Sở Nội vụ", level="xã",
                  year=2030, year_from=2030, year_to=2031, area="tthc", polarity="shortcoming",
                  theme="tthc.phieu_hen", doc_kind="Kế hoạch", doc_number="9/QĐ")
    for fields in FILTERS:
        said = _option_said(query, fields[0])
        assert {word for word in said.split() if word.startswith("--")} <= options, said
        assert FILTER_PARAMS[fields[0]], fields
