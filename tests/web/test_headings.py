"""A screen reader's view of the search page and a finding's page: each has one first-level
heading naming it, and the results have a heading of their own. Before, neither page had an h1,
and the search page's only headings were the facets' ("Năm", "Lĩnh vực", …): a reader moving by
headings never reached the results, nor learnt which page it was on; the finding's page began
with the document's h2. The headings are visually hidden (the page shows the box and the quote)."""

from __future__ import annotations

import html
import re

from starlette.testclient import TestClient
from webstore import WebData


def _headings(page: str) -> list[tuple[int, str]]:
    found = re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", page, re.S)
    return [(int(level), " ".join(html.unescape(re.sub("<[^>]+>", "", text)).split()))
            for level, text in found]


def test_the_search_page_is_named_and_its_results_have_a_heading(client: TestClient) -> None:
    for params in ({"q": "phiếu hẹn"}, {}, {"q": "xyzxyz"}):
        page = client.get("/", params=params).text
        headings = _headings(page)
        assert [text for level, text in headings if level == 1] == ["Tìm kiếm phát hiện"]
        assert (2, "Kết quả") in headings
        assert 'aria-labelledby="ket-qua-tieu-de"' in page and 'id="ket-qua-tieu-de"' in page


def test_a_finding_page_is_named_by_the_finding(data: WebData, client: TestClient) -> None:
    text = "Tại xã Cam Tuyền, nhiều hồ sơ tiếp nhận không có phiếu hẹn trả kết quả."
    headings = _headings(client.get(f"/phat-hien/{data.ids[text]}").text)
    assert [t for level, t in headings if level == 1] == [f"Thiếu sót: {text[:80]}"]
    assert headings[0][0] == 1  # before the document's h2
