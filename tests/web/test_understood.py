"""The page and the CLI say what the search understood of the words (pipeline.search.reading):
the words a finding must hold first and the others searched in their place, a unit and a year
read in the words, the part of the reports asked for, the words left out. Before, neither said
it: a staff member who typed "xã nào chưa cấp phiếu hẹn ở Cam Tuyền năm 2021" saw a page
ranked by words added (giấy hẹn), a unit named, a year put first and words dropped, and could not
tell a surprising page from a wrong one. A query of punctuation or symbols found "0 findings"
and said no more: it now says there is no word in it. On the hand-written store (webstore.py)."""

from __future__ import annotations

import html
import json
import re

from click.testing import CliRunner
from starlette.testclient import TestClient
from webstore import WebData

from pipeline.cli import cli


def _cli(data: WebData, *args: str) -> tuple[str, str]:
    result = CliRunner().invoke(cli, ["--db", str(data.db), "--set", "backend=sqlite", "search", *args])
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


def _understood(client: TestClient, q: str) -> str:
    page = client.get("/", params={"q": q}).text
    found = re.search(r'<p class="understood">(.*?)</p>', page, re.S)
    assert found is not None, page
    return " ".join(html.unescape(re.sub("<[^>]+>", "", found.group(1))).split())


def test_the_page_says_the_words_required_the_synonyms_the_unit_and_the_year(client: TestClient) -> None:
    said = _understood(client, "xã nào chưa cấp phiếu hẹn ở Cam Tuyền năm 2021")
    assert said.startswith(
        "Đã hiểu: tìm trước phát hiện có «chưa» (hoặc «không») và «phiếu hẹn» (hoặc «giấy hẹn»")
    assert "về đơn vị «Cam Tuyền», rồi đến phát hiện chỉ có một phần" in said
    assert "phát hiện năm 2021 xếp trước" in said
    assert "hỏi về thiếu sót: loại này xếp trước" in said
    assert "hỏi đơn vị nào" in said
    assert said.endswith("không tìm «xã», «nào», «ở».")
    # Typed without accents: the words as the search read them, with their accents.
    said = _understood(client, "phieu hen")
    assert said.startswith("Đã hiểu: tìm phát hiện có «phiếu hẹn» (hoặc «giấy hẹn»")
    assert "cách nói khác" in said  # the set's other members counted, not listed
    # A word typed twice is said once
    assert _understood(client, "hồ sơ quá hạn cán bộ hồ sơ").count("«hồ sơ»") == 1
    # A word left out by "-" and a document number
    assert "bỏ phát hiện có «sổ theo dõi»" in _understood(client, 'phiếu hẹn -"sổ theo dõi"')


def test_the_cli_says_the_same_reading(data: WebData) -> None:
    stdout, stderr = _cli(data, "xã nào chưa cấp phiếu hẹn ở Cam Tuyền năm 2021")
    read = [line for line in stderr.splitlines() if line.startswith("kiemtra: read as: ")]
    assert read == ["kiemtra: read as: «chưa» (or «không») and «phiếu hẹn» (or «giấy hẹn», «giấy tiếp"
                    " nhận hồ sơ và hẹn trả kết quả», «phiếu hẹn trả kết quả», 3 more), about the unit"
                    " «Cam Tuyền», then findings holding part of it; year 2021 first; shortcoming first;"
                    " asks which unit: findings naming one first; «cấp» only ranks; not searched «xã»,"
                    " «nào», «ở»"]
    assert "read as" not in stdout  # the findings alone on stdout, for scripts
    data_out = json.loads(_cli(data, "phieu hen", "--format", "json")[0])
    assert data_out["read"]["terms"][0]["word"] == "phiếu hẹn"
    assert data_out["read"]["year"] is None


def test_a_query_of_punctuation_or_symbols_says_it_holds_no_word(data: WebData, client: TestClient) -> None:
    for q in ("😀!!??", "... ??? —"):
        page = client.get("/", params={"q": q}).text
        assert "không có chữ hay số nào để tìm (chỉ có dấu câu hoặc ký hiệu)" in html.unescape(page)
        assert 'class="understood"' not in page
        stdout, stderr = _cli(data, q)
        assert stdout == "0 findings\n"
        assert "no word to search in" in stderr and "only punctuation or symbols" in stderr
    # A browse without words says nothing of words.
    assert 'class="understood"' not in client.get("/", params={"nam": "2021"}).text
