"""The search page tried as a provincial staff member would (issue 12): what the CLI gives,
the page must give too."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient
from web_helpers import count_of, hints, links
from webstore import WebData, build_store, save_report

from index.sqlite_fts import SqliteFtsBackend
from index.store import Store
from nlp.unit_containers import containers
from pipeline.cli import cli
from web.app import create_app
from web.params import PAGE_SIZE


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


# --------------------------------------------------------------------------- the CLI's filters on the page


@pytest.fixture(scope="module")
def placed(tmp_path_factory: pytest.TempPathFactory) -> WebData:
    """The hand-written store with the gazetteer's containers (xã Cam Tuyền lies in huyện Cam
    Lộ), and one more report, carried out under another decision (139/QĐ-UBND)."""
    folder = tmp_path_factory.mktemp("placed")
    data = build_store(folder, extra_findings=25, containers=containers)
    rows = [("shortcoming", "cong_vu", "cong_vu.the_ten", "Công chức xã Cam Tuyền chưa đeo thẻ công chức.")]
    with Store(data.db, segmenter=str, containers=containers) as store:
        save_report(store, folder, "bao-cao-2024", 2024, rows, decision="139/QĐ-UBND")
        backend = SqliteFtsBackend(data.db)
        try:
            backend.index(store.finding_records())
        finally:
            backend.close()
    return data


@pytest.fixture(scope="module")
def placed_client(placed: WebData) -> Iterator[TestClient]:
    with TestClient(create_app(placed.settings), raise_server_exceptions=False) as c:
        yield c


def _cli_total(data: WebData, *args: str) -> int:
    result = CliRunner().invoke(
        cli, ["--db", str(data.db), "--set", "backend=sqlite", "search", *args, "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    return int(json.loads(result.stdout)["total"])


def test_the_form_offers_the_cli_s_unit_year_range_and_document_filters(placed_client: TestClient) -> None:
    page = placed_client.get("/").text
    form = page.split('<form class="search"', 1)[1].split("</form>", 1)[0]
    for name in ("q", "don_vi", "truc_thuoc", "tu_nam", "den_nam", "so_hieu"):
        assert f'name="{name}"' in form, name
    assert 'type="checkbox" value="1"' in form and "<details" in form and " open" not in form.split(">")[0]
    filled = placed_client.get(
        "/", params={"don_vi": "huyện Cam Lộ", "truc_thuoc": "1", "so_hieu": "139/QĐ-UBND"}
    )
    form = filled.text.split('<form class="search"', 1)[1].split("</form>", 1)[0]
    assert 'value="huyện Cam Lộ"' in form and "checked" in form and 'value="139/QĐ-UBND"' in form
    assert '<details class="more-filters" open>' in form  # what narrows the page is in sight
    hostile = '"><script>alert(1)</script>'
    typed = placed_client.get("/", params={"don_vi": hostile, "so_hieu": hostile, "q": hostile})
    assert typed.status_code == 200 and "<script>alert" not in typed.text
    escaped = "&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
    assert typed.text.count(escaped) >= 3  # each box keeps what was typed, as text


@pytest.mark.parametrize(
    ("page", "cli_args"),
    [
        ({"don_vi": "huyện Cam Lộ"}, ("--unit", "huyện Cam Lộ")),
        ({"don_vi": "huyện Cam Lộ", "truc_thuoc": "1"}, ("--unit", "huyện Cam Lộ", "--within")),
        (
            {"q": "phieu hen", "tu_nam": "2021", "den_nam": "2022"},
            ("phieu hen", "--from", "2021", "--to", "2022"),
        ),
        ({"tu_nam": "2023"}, ("--from", "2023")),
        ({"den_nam": "2019"}, ("--to", "2019")),
        ({"so_hieu": "139/qđ-ubnd"}, ("--doc-number", "139/qđ-ubnd")),
        ({"so_hieu": "12/QĐ-UBND", "tu_nam": "2023"}, ("--doc-number", "12/QĐ-UBND", "--from", "2023")),
    ],
)
def test_the_page_and_the_cli_find_the_same_with_the_same_filters(
    placed: WebData, placed_client: TestClient, page: dict[str, str], cli_args: tuple[str, ...]
) -> None:
    r = placed_client.get("/", params=page)
    assert r.status_code == 200, r.text[:500]
    assert count_of(r.text) == _cli_total(placed, *cli_args)


def test_within_year_range_and_document_number_narrow_as_they_say(placed_client: TestClient) -> None:
    def total(**params: str) -> int:
        return count_of(placed_client.get("/", params=params).text)

    everything = total()
    assert total(don_vi="huyện Cam Lộ") == 0  # the huyện only inspects; its commune is judged
    inside = total(don_vi="huyện Cam Lộ", truc_thuoc="1")
    assert inside == total(don_vi="Cam Tuyền") > 0
    assert total(q="phieu hen", tu_nam="2021", den_nam="2022") == 26  # 2021: 1, 2022: 25
    # 2022: 25, 2023: 2 holding the words, and one finding of 2023 on the matter in other words:
    # fewer than the reranker's pool (pipeline/search.py pool_page) hold the words, so the matter
    # tier follows them.
    assert total(q="phieu hen", tu_nam="2022") == 28
    only = placed_client.get("/", params={"so_hieu": "139/QĐ-UBND"}).text
    assert count_of(only) == 1 and "chưa đeo thẻ công chức" in only
    assert total(so_hieu="12/QĐ-UBND") == everything - 1
    assert total(so_hieu="999/QĐ-UBND") == 0


def test_a_unit_with_no_findings_of_its_own_links_to_those_of_the_units_inside_it(
    placed_client: TestClient,
) -> None:
    """As the CLI's "add --within" line: the strict unit filter is no dead end."""
    r = placed_client.get("/", params={"don_vi": "huyện Cam Lộ"})
    assert count_of(r.text) == 0 and "Không có phát hiện về chính huyện Cam Lộ" in r.text
    [url] = links(r.text, r"truc_thuoc=1")
    said = re.search(r">([\d.]+) phát hiện về các đơn vị trực thuộc<", r.text)
    assert said and count_of(placed_client.get(url).text) == int(said.group(1)) > 0
    assert "đơn vị trực thuộc</a>" not in placed_client.get("/", params={"don_vi": "Không Có"}).text


def test_a_filter_no_finding_meets_says_so_and_one_that_does_stays_silent(placed_client: TestClient) -> None:
    """A misspelt unit, a year the archive does not reach, a number no document bears: the page
    says which filter leaves nothing, not only "với bộ lọc đang chọn" as if the words were at fault."""
    r = placed_client.get("/", params={"q": "phieu hen", "don_vi": "Không Có"})
    assert count_of(r.text) == 0
    assert "Trong kho không có phát hiện nào về đơn vị «Không Có» hay các đơn vị trực thuộc" in r.text
    r = placed_client.get("/", params={"q": "phieu hen", "tu_nam": "2030", "so_hieu": "999/QĐ-UBND"})
    assert "Trong kho không có phát hiện nào từ năm 2030," in r.text
    assert "Trong kho không có phát hiện nào từ văn bản số «999/QĐ-UBND»" in r.text
    # A province the index does not hold, no close name: the sentence says so. A province it
    # holds, with a year it does not: only the year is blamed, no province offered.
    r = placed_client.get("/", params={"q": "phieu hen", "tinh": "Cà Mau"})
    assert "Trong kho không có phát hiện nào ở tỉnh, thành phố «Cà Mau»" in r.text
    r = placed_client.get("/", params={"q": "phieu hen", "tinh": "Quảng Trị", "nam": "2030"})
    assert "Trong kho không có phát hiện nào của năm 2030," in r.text
    assert "Có phải tỉnh" not in r.text and "ở tỉnh, thành phố" not in r.text
    # The filters each find findings, only not together with these words: nothing is blamed.
    r = placed_client.get("/", params={"q": "xyzxyz", "don_vi": "Cam Tuyền", "tu_nam": "2021"})
    assert count_of(r.text) == 0 and 'class="empty alone"' not in r.text


def test_a_page_past_the_last_says_so_and_leads_back_to_the_last(placed_client: TestClient) -> None:
    """A kept link to page 50 of a smaller result said "N phát hiện" above "Không có phát hiện
    nào khớp", and "← Trang trước" led to page 49, as empty."""
    r = placed_client.get("/", params={"q": "phieu hen", "trang": "50"})
    total = count_of(r.text)
    last = -(-total // PAGE_SIZE)
    assert total > 0 and "Không có phát hiện nào khớp" not in r.text
    assert f"Trang 50 vượt quá số trang của kết quả ({last} trang)" in r.text
    [back] = set(links(r.text, r"^/\?q=phieu\+hen&trang=\d+$"))  # "về trang cuối" and "← Trang trước"
    assert back.endswith(f"trang={last}")
    assert "vượt quá" not in placed_client.get(back).text


def test_the_new_filters_show_as_active_and_each_can_be_removed(placed_client: TestClient) -> None:
    params = {
        "q": "phieu hen",
        "don_vi": "huyện Cam Lộ",
        "truc_thuoc": "1",
        "tu_nam": "2021",
        "so_hieu": "12/QĐ-UBND",
    }
    r = placed_client.get("/", params=params)
    active = r.text.split('class="active-filters"', 1)[1].split("</section>", 1)[0]
    assert "Đơn vị: huyện Cam Lộ, gồm cả đơn vị trực thuộc" in active
    assert "Từ năm: 2021" in active and "Số hiệu văn bản: 12/QĐ-UBND" in active
    removals = links(active, r"^/\?")
    without_unit = next(url for url in removals if "don_vi" not in url)
    assert "truc_thuoc" not in without_unit  # "inside" alone would be refused
    assert placed_client.get(without_unit).status_code == 200
    without_year = next(url for url in removals if "tu_nam" not in url)
    assert "truc_thuoc=1" in without_year and count_of(placed_client.get(without_year).text) >= count_of(
        r.text
    )


def test_within_without_a_unit_and_a_reversed_range_are_refused_in_vietnamese(
    placed_client: TestClient,
) -> None:
    alone = placed_client.get("/", params={"truc_thuoc": "1"})
    assert alone.status_code == 400 and "«gồm cả đơn vị trực thuộc» cần có «đơn vị»" in alone.text
    reversed_ = placed_client.get("/", params={"tu_nam": "2023", "den_nam": "2019"})
    assert reversed_.status_code == 400 and "«từ năm» (2023)" in reversed_.text and "(2019)" in reversed_.text


def test_one_length_limit_for_the_words_on_the_page_and_the_cli(placed: WebData) -> None:
    """The setting max_query_chars caps the words on both edges: one line on the CLI, a 400 page."""
    limit = 40
    settings = placed.settings.replace(max_query_chars=limit)
    words = "phiếu hẹn " * 4  # 39 characters once its last space is dropped, as both edges count
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        page = c.get("/")
        assert f'maxlength="{limit}"' in page.text
        assert c.get("/", params={"q": words}).status_code == 200
        too_long = c.get("/", params={"q": words + "xy"})
        assert too_long.status_code == 400 and f"dài 42 ký tự, quá {limit} ký tự" in too_long.text
    base = ["--db", str(placed.db), "--set", "backend=sqlite", "--set", f"max_query_chars={limit}", "search"]
    assert CliRunner().invoke(cli, [*base, *words.split()]).exit_code == 0
    refused = CliRunner().invoke(cli, [*base, *(words + "xy").split()])
    assert refused.exit_code == 2 and refused.stdout == ""
    assert (
        refused.stderr
        == f"kiemtra: the query is 42 characters long; at most {limit} (setting max_query_chars)\n"
    )


@pytest.mark.elasticsearch
def test_an_index_an_older_kiemtra_wrote_is_named_on_the_cli_and_the_page_until_a_reindex(
    placed: WebData, es_url: str, es_prefix: str
) -> None:
    """An Elasticsearch index written before `themes` and `dated` answers, but its theme filter,
    theme facet and date order miss those findings: both edges say so in one line."""
    from elasticsearch import Elasticsearch

    from index import elastic

    name = f"{es_prefix}-{uuid.uuid4().hex[:12]}"
    client = Elasticsearch(es_url)
    dropped = ("themes", "dated", "layout")  # an older kiemtra recorded no layout either
    fields = {k: v for k, v in elastic.MAPPING["properties"].items() if k not in dropped}
    client.indices.create(
        index=f"{name}-old",
        mappings={**elastic.MAPPING, "properties": fields},
        settings=elastic.INDEX_SETTINGS,
    )
    client.indices.put_alias(index=f"{name}-old", name=name)
    with Store(placed.db, readonly=True) as store:
        records = list(store.finding_records())
    for r in records:
        source = {k: v for k, v in elastic.to_source(r).items() if k not in dropped}
        client.index(index=name, id=r.finding_id, document=source)
    client.indices.refresh(index=name)
    options = [
        "--db",
        str(placed.db),
        "--backend",
        "elasticsearch",
        "--es-url",
        es_url,
        "--set",
        f"es_index={name}",
    ]
    settings = placed.settings.replace(backend="elasticsearch", es_url=es_url, es_index=name)
    try:
        old = CliRunner().invoke(cli, [*options, "search", "phieu hen"])
        assert old.exit_code == 0 and "findings" in old.stdout
        assert hints(old.stderr) == (
            f"kiemtra: {len(records)} findings in the index were written by an older kiemtra, without all"
            " of their themes, best-known date, document title, phrase shingles, placed units or inspecting"
            " bodies: theme and inspector filters, the theme, unit and inspector facets, the date order"
            " and title matches may miss them, and phrases rank them otherwise; run `kiemtra reindex`\n"
        )
        with TestClient(create_app(settings), raise_server_exceptions=False) as c:
            for _ in range(2):  # the second page is answered from what the first learnt
                page = c.get("/", params={"q": "phieu hen"})
                assert page.status_code == 200 and count_of(page.text) > 0
                assert (
                    f"còn {len(records)} phát hiện do phiên bản cũ" in page.text
                    and "kiemtra reindex" in page.text
                )
            assert CliRunner().invoke(cli, [*options, "reindex"]).exit_code == 0
            # The running server's next search is answered by the rebuilt index: no warning.
            page = c.get("/", params={"q": "phieu hen"})
            assert count_of(page.text) > 0 and "phiên bản cũ" not in page.text
        new = CliRunner().invoke(cli, [*options, "search", "phieu hen"])
        assert new.exit_code == 0 and hints(new.stderr) == ""
        with TestClient(create_app(settings), raise_server_exceptions=False) as c:
            assert "phiên bản cũ" not in c.get("/", params={"q": "phieu hen"}).text
    finally:
        client.indices.delete(index=f"{name}*", ignore_unavailable=True, allow_no_indices=True)
        client.close()
