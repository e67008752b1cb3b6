"""The page writes an agency as its name says it ("Sở Nội vụ — Quảng Trị"), not with the level
word the unit facet keys it by ("cơ quan Sở Nội vụ — Quảng Trị"): in the result line, the unit
facet, the filter chosen, the finding's page, and the comparison's timeline heading and evidence page
a unit's link opens (its value the key); the value as shown chooses it too. The report is
written for the test: a province's department inspected, one shortcoming naming it."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from core.levels import Level
from core.models import Area, Block, Document, Extraction, Finding, Polarity, Role, Source, Unit
from core.settings import load_settings
from index.sqlite_fts import SqliteFtsBackend
from index.store import Store
from web.app import create_app

TEXT = ("Đoàn kiểm tra của UBND tỉnh Quảng Trị đã kiểm tra công tác cải cách hành chính tại Sở Nội vụ. "
        "Sở Nội vụ chưa cập nhật kịp thời thủ tục hành chính trên Cổng dịch vụ công của tỉnh.")
SAID = "Sở Nội vụ chưa cập nhật kịp thời thủ tục hành chính trên Cổng dịch vụ công của tỉnh."
SHOWN, KEY = "Sở Nội vụ — Quảng Trị", "cơ quan Sở Nội vụ — Quảng Trị"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp("web-agency")
    path, db = folder / "thong-bao-12.txt", folder / "kiemtra.db"
    path.write_text(TEXT, encoding="utf-8")
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    document = Document("thong-bao-12", TEXT, (Block(0, len(TEXT), 1),),
                        Source(str(path), sha, "txt", "txt", path.stat().st_size))
    start = TEXT.index(SAID)
    finding = Finding(Polarity.SHORTCOMING, Area.TTHC, SAID, start, start + len(SAID), (), "tthc.niem_yet",
                      SAID)
    units = (Unit(Level.TINH, "Quảng Trị", Role.INSPECTOR),
             Unit(Level.CO_QUAN, "Sở Nội vụ", Role.INSPECTED, "Quảng Trị"))
    extraction = Extraction("thong-bao-12", published="2022-06-10", inspection_year=2022, units=units,
                            findings=(finding,))
    with Store(db, segmenter=str, containers=lambda unit, near: ()) as store:
        store.save(document, extraction, extractor_version="1")
        backend = SqliteFtsBackend(db)
        try:
            backend.index(store.finding_records())
        finally:
            backend.close()
    settings = load_settings({"db_path": str(db), "backend": "sqlite"}, environ={})
    with TestClient(create_app(settings), raise_server_exceptions=False) as test_client:
        yield test_client


def test_the_result_and_the_facet_name_the_agency_once(client: TestClient) -> None:
    page = _visible(client.get("/", params={"q": "thủ tục hành chính"}).text)
    assert SHOWN in page and "cơ quan Sở Nội vụ" not in page


def _visible(html: str) -> str:
    """The page's text as read: tags (and the values links and fields carry) left out."""
    return re.sub(r"<[^>]*>", " ", html)


def test_the_facets_value_and_the_value_shown_choose_it(client: TestClient) -> None:
    for chosen in (KEY, SHOWN):
        response = client.get("/", params={"don_vi_chon": chosen})
        assert response.status_code == 200 and SAID in response.text, chosen
        text = _visible(response.text)
        assert SHOWN in text and "cơ quan Sở Nội vụ" not in text, chosen


def test_the_findings_page_names_the_agency_once(client: TestClient) -> None:
    page = client.get("/", params={"q": "thủ tục hành chính"}).text
    finding = re.search(r'href="/phat-hien/([0-9a-f]+)"', page)
    assert finding is not None
    text = _visible(client.get(f"/phat-hien/{finding.group(1)}").text)
    assert "Sở Nội vụ" in text and "cơ quan Sở Nội vụ" not in text


def test_the_comparison_a_units_link_opens_names_the_agency_once(client: TestClient) -> None:
    """The comparison tables link a unit by its key (`don_vi`, `o_don_vi`: "cơ quan Sở Nội vụ"); the
    timeline's heading and the evidence page it opens say the agency as the tables do."""
    timeline = _visible(client.get("/so-sanh", params={"don_vi": "cơ quan Sở Nội vụ"}).text)
    assert "Diễn biến của Sở Nội vụ" in timeline and "cơ quan Sở Nội vụ" not in timeline
    evidence = client.get("/so-sanh/bang-chung",
                          params={"o_chu_de": "tthc.niem_yet", "o_don_vi": "cơ quan Sở Nội vụ"})
    shown = _visible(evidence.text)
    assert evidence.status_code == 200 and "Sở Nội vụ" in shown and "cơ quan Sở Nội vụ" not in shown
