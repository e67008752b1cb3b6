"""The search page's document-kind filter («loại văn bản», the CLI's --doc-kind) on a store holding
inspection reports numbered under a Quyết định (webstore.py) and a news article citing a Kế hoạch,
both written for the tests: a select in the form, kept in the links and pages, a clear 400, and
the sentence the filter alone earns when no document has the kind."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from starlette.testclient import TestClient
from web_helpers import count_of, links
from webstore import build_store, index_all

from core.models import Area, Block, DocRef, Document, Extraction, Finding, Polarity, Source
from index.store import Store
from web.app import create_app

ARTICLE = ("Ngày 10/3/2022, Đoàn kiểm tra của UBND huyện Cam Lộ đã kiểm tra xã Cam Tuyền theo Kế hoạch "
           "số 12/KH-UBND ngày 01/3/2022. Theo phóng viên ghi nhận, bộ phận một cửa chưa cấp phiếu hẹn "
           "cho người dân.")
SAID = "bộ phận một cửa chưa cấp phiếu hẹn cho người dân."


def _save_article(store: Store, folder: Path) -> None:
    path = folder / "tin-cam-tuyen.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    document = Document("tin-cam-tuyen", ARTICLE, (Block(0, len(ARTICLE), 1),),
                        Source(str(path), sha, "txt", "txt", path.stat().st_size))
    start = ARTICLE.index(SAID)
    finding = Finding(Polarity.SHORTCOMING, Area.TTHC, SAID, start, start + len(SAID), ("Cam Tuyền",),
                      "tthc.phieu_hen", SAID)
    extraction = Extraction("tin-cam-tuyen", published="2022-03-12", inspection_year=2022,
                            documents=(DocRef("Kế hoạch", "12/KH-UBND", "2022-03-01", None),),
                            findings=(finding,))
    store.save(document, extraction, extractor_version="1")


@pytest.fixture(scope="module")
def kinds_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp("web-kinds")
    data = build_store(folder, extra_findings=25)
    with Store(data.db, segmenter=str, containers=lambda unit, near: ()) as store:
        _save_article(store, folder)
        index_all(store, data.db)
    with TestClient(create_app(data.settings), raise_server_exceptions=False) as client:
        yield client


def test_the_form_offers_every_kind_and_keeps_the_one_chosen(kinds_client: TestClient) -> None:
    page = kinds_client.get("/", params={"loai_van_ban": "Kế hoạch"}).text
    assert '<select id="loai_van_ban" name="loai_van_ban">' in page
    assert "<option selected>Kế hoạch</option>" in page and "<option>Báo cáo</option>" in page
    assert count_of(page) == 1 and SAID in page
    assert "Loại văn bản: Kế hoạch" in page  # the active filter, with the link that drops it
    assert count_of(kinds_client.get("/").text) == count_of(
        kinds_client.get("/", params={"loai_van_ban": "Quyết định"}).text) + 1


def _kind_of(href: str) -> list[str]:
    return parse_qs(urlsplit(href).query).get("loai_van_ban", [])


def test_the_pages_and_facets_keep_the_kind(kinds_client: TestClient) -> None:
    page = kinds_client.get("/", params={"q": "phiếu hẹn", "loai_van_ban": "Quyết định"}).text
    assert count_of(page) > 20 and SAID not in page
    paging = links(page, r"trang=2")
    assert paging and all(_kind_of(href) == ["Quyết định"] for href in paging)
    facets = links(page, r"linh_vuc=|nam=")
    assert facets and all(_kind_of(href) == ["Quyết định"] for href in facets)
    second = kinds_client.get(paging[0]).text
    assert "<option selected>Quyết định</option>" in second and SAID not in second


def test_a_kind_no_document_has_is_said_alone(kinds_client: TestClient) -> None:
    """Unreachable before: no parameter set the kind."""
    page = kinds_client.get("/", params={"q": "phiếu hẹn", "loai_van_ban": "Biên bản"}).text
    assert count_of(page) == 0
    assert ("Trong kho không có phát hiện nào từ văn bản mang hay dẫn một «Biên bản», dù tìm từ khóa nào"
            in page)


def test_a_word_that_is_no_kind_is_a_400_naming_the_close_kinds(kinds_client: TestClient) -> None:
    close = kinds_client.get("/", params={"loai_van_ban": "Kế hoạc"})
    assert close.status_code == 400
    assert "Tham số «loại văn bản» không hợp lệ: «Kế hoạc»" in close.text
    assert "Có phải: Kế hoạch?" in close.text
    far = kinds_client.get("/", params={"loai_van_ban": "zzz"})
    assert far.status_code == 400 and "Hãy chọn trong bộ lọc của trang tìm kiếm" in far.text
