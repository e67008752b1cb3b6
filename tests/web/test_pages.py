"""Every route of the web page through Starlette's TestClient, over the hand-written store."""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PIL import Image
from starlette.testclient import TestClient
from web_helpers import count_of, links
from webstore import FORMULA, HOSTILE, WebData, build_store

import web
from core.errors import BackendError
from core.settings import load_settings
from index.store import Store
from web.app import create_app

# --------------------------------------------------------------------------- search


def test_search_without_accents_finds_accented_findings_with_marks(client: TestClient) -> None:
    r = client.get("/", params={"q": "phieu hen"})
    assert r.status_code == 200
    assert count_of(r.text) == 30  # 2019: 2, 2021: 1, 2022: 25, 2023: 2
    assert "<mark>phiếu hẹn</mark>" in r.text  # the word, marked whole
    assert re.search(r"\d+ ms", r.text)
    assert "Thiếu sót" in r.text and "Cải cách thủ tục hành chính" in r.text  # Vietnamese labels
    assert 'lang="vi"' in r.text


def test_a_mistyped_accented_syllable_is_searched_as_the_word_and_said(
        client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """"phiếu hẻn": the index writes "phiếu hẹn" beside "phiếu" in many findings, "hẻn" in none.
    This store keeps no segmented words (its segmenter is `str`), so its one word is given here:
    a slip is read as a word of the index only (index/spelling.py)."""
    from index.sqlite_fts import _Vocabulary

    monkeypatch.setattr(_Vocabulary, "known_words",
                        lambda self, spans: {s for s in spans if s == "phieu hen"})
    r = client.get("/", params={"q": "phiếu hẻn"})
    assert r.status_code == 200
    assert "Đã tìm «hẹn» (gõ «hẻn»)" in r.text
    assert count_of(r.text) == count_of(client.get("/", params={"q": "phiếu hẹn"}).text) > 0


def test_findings_of_the_query_s_matter_in_other_words_say_so(client: TestClient) -> None:
    """No finding holds "sổ theo dõi"; the page shows those of its matter, and why they came."""
    r = client.get("/", params={"q": "sổ theo dõi"})
    assert r.status_code == 200
    assert count_of(r.text) > 0
    assert "cùng vấn đề: Phiếu hẹn, sổ theo dõi hồ sơ" in r.text
    assert "cùng vấn đề" not in client.get("/", params={"q": "phiếu hẹn"}).text  # its words found a page


def test_hostile_finding_text_is_escaped_everywhere(client: TestClient, data: WebData) -> None:
    r = client.get("/", params={"q": "evil"})
    assert count_of(r.text) == 1
    assert "<script>" not in r.text and "&lt;script&gt;" in r.text
    finding = client.get(f"/phat-hien/{data.ids[HOSTILE]}")
    assert finding.status_code == 200
    assert "<script>alert" not in finding.text and "&lt;script&gt;alert" in finding.text


def test_a_facet_narrows_the_search_with_a_click(client: TestClient) -> None:
    r = client.get("/", params={"q": "phieu hen"})
    year_links = links(r.text, r"nam=2021")
    assert year_links, "the year facet links to its value"
    narrowed = client.get(year_links[0])
    assert narrowed.status_code == 200
    assert count_of(narrowed.text) == 1
    assert "Đang lọc" in narrowed.text and "Năm: 2021" in narrowed.text
    removed = client.get(links(narrowed.text, r"^/\?q=phieu\+hen$")[0])
    assert count_of(removed.text) == 30
    polarity = client.get(links(r.text, r"loai=strength")[0])
    assert count_of(polarity.text) == 1 and "100% hồ sơ" in polarity.text


def test_theme_facet_shows_labels_and_narrows(client: TestClient) -> None:
    r = client.get("/", params={"q": "cam tuyen"})
    theme = r.text.split('class="facet facet-theme"', 1)[1].split("</section>", 1)[0]
    shown = re.findall(r">([^<]+)</a>", theme)
    assert "Chủ đề" in theme and "Phiếu hẹn, sổ theo dõi hồ sơ" in shown
    assert not any("." in label for label in shown)  # labels, not codes
    narrowed = client.get(links(theme, r"chu_de=cong_vu")[0])
    assert count_of(narrowed.text) == 1 and "chưa đeo thẻ" in narrowed.text
    assert "Chủ đề:" in narrowed.text  # shown among the active filters, by its label


def test_paging_and_sort_by_date(client: TestClient) -> None:
    first = client.get("/", params={"q": "phieu hen"})
    assert "Trang 1 / 2" in first.text
    second = client.get(links(first.text, r"trang=2")[0])
    assert second.status_code == 200 and "Trang 2 / 2" in second.text
    assert len(re.findall(r'<li class="hit', second.text)) == 10
    newest = client.get("/", params={"q": "phieu hen", "sap_xep": "date"})
    years = re.findall(r"(20\d\d)-11-20", newest.text)
    assert years[:2] == ["2023", "2023"] and years == sorted(years, reverse=True)


def test_empty_search_browses_everything_with_facets(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and count_of(r.text) == 33
    assert "Quảng Trị" in r.text and "Cam Tuyền" in r.text


@pytest.mark.parametrize(
    "params",
    [
        {"nam": "abc"},
        {"nam": "20199"},
        {"nam": "1800"},
        {"loai": "negative"},
        {"linh_vuc": "x"},
        {"sap_xep": "random"},
        {"trang": "0"},
        {"trang": "-1"},
        {"trang": "9999"},
        {"q": "a\x00b"},
        {"q": "x" * (load_settings(environ={}).max_query_chars + 1)},
        {"tu_nam": "2023", "den_nam": "2019"},
        {"truc_thuoc": "1"},
        {"don_vi": "Cam Lộ", "truc_thuoc": "yes"},
        {"tu_nam": "1800"},
        {"so_hieu": "12/QĐ\x00"},
        {"don_vi": "y" * 121},
        {"nam": "２０１９"},
        {"chu_de": "khong.co"},
        {"cap": "thôn"},
    ],
)
def test_bad_search_parameters_give_a_vietnamese_400(client: TestClient, params: dict[str, str]) -> None:
    r = client.get("/", params=params)
    assert r.status_code == 400
    assert "Yêu cầu không hợp lệ" in r.text and "Tham số" in r.text
    assert "Traceback" not in r.text and r.headers["content-type"].startswith("text/html")


def test_a_bad_choice_is_refused_naming_the_choices_as_staff_know_them(client: TestClient) -> None:
    """An edited link's kind or theme is refused naming each choice with its name ("shortcoming
    (Thiếu sót)"), the close themes of a hundred rather than every code (web.params.choice_problem)."""
    kind = client.get("/", params={"loai": "thieu_sot"})
    assert kind.status_code == 400
    assert "shortcoming (Thiếu sót)" in kind.text and "strength (Ưu điểm)" in kind.text
    theme = client.get("/", params={"chu_de": "tthc.phieu_hn"})
    assert theme.status_code == 400 and "Phiếu hẹn, sổ theo dõi hồ sơ (tthc.phieu_hen)" in theme.text
    assert "so_hoa.ha_tang" not in theme.text  # not the whole list of codes
    far = client.get("/", params={"chu_de": "xyz"})
    assert far.status_code == 400 and "Hãy chọn trong bộ lọc của trang tìm kiếm" in far.text


def test_the_search_page_reads_a_theme_as_the_comparison_does(client: TestClient) -> None:
    """One rule for a theme filter (reports.compare: themes_named, close_themes): the search page
    had its own difflib over the codes, and took no label's words where the comparison did."""
    by_code = client.get("/", params={"q": "phiếu hẹn", "chu_de": "tthc.phieu_hen"})
    by_words = client.get("/", params={"q": "phiếu hẹn", "chu_de": "phieu hen"})
    assert by_code.status_code == by_words.status_code == 200
    assert _ids(by_words.text) == _ids(by_code.text) and _ids(by_code.text)
    # The same slip gets the same close themes on both pages.
    slip = "phiu hen so theo doi"
    searched, compared = (client.get(page, params={"chu_de": slip}) for page in ("/", "/so-sanh"))
    assert searched.status_code == compared.status_code == 400
    close = "Có phải: Phiếu hẹn, sổ theo dõi hồ sơ (tthc.phieu_hen)"
    assert close in searched.text and close in compared.text
    several = client.get("/", params={"chu_de": "hồ sơ"})  # words of several themes' labels
    assert several.status_code == 400 and "trang tìm kiếm lọc theo một" in several.text
    assert "(tthc.phieu_hen)" in several.text


def _ids(page: str) -> list[str]:
    return re.findall(r'href="/phat-hien/([0-9a-f]+)"', page)


def test_the_cli_s_level_filter_narrows_the_search(client: TestClient) -> None:
    """The CLI's --level, as the form's «Cấp»: the findings about units of that level, by the
    same Query field and the same rule for a level no unit has (pipeline/query_rules.py)."""
    every = count_of(client.get("/", params={"q": "phieu hen"}).text)
    communes = client.get("/", params={"q": "phieu hen", "cap": "xã"})
    assert communes.status_code == 200 and count_of(communes.text) == every > 0  # all about xã Cam Tuyền
    assert re.search(r"Cấp: xã ✕", communes.text)  # shown among the active filters, removable
    assert '<option selected>xã</option>' in communes.text  # kept in the form
    assert count_of(client.get("/", params={"q": "phieu hen", "cap": "xa"}).text) == every  # accents optional
    assert count_of(client.get("/", params={"q": "phieu hen", "cap": "huyện"}).text) == 0  # it inspects
    wrong = client.get("/", params={"q": "phieu hen", "cap": "commune"})
    assert wrong.status_code == 400
    assert "«cấp» không phải một cấp đơn vị: «commune»" in wrong.text and "thị trấn" in wrong.text


def test_a_reversed_year_range_is_refused_in_the_same_words_on_both_pages(client: TestClient) -> None:
    """The comparison's year range is checked by the search's rule (years_problem), not a copy."""
    said = "Tham số «từ năm» (2023) không được lớn hơn «đến năm» (2019)."
    for page in ("/", "/so-sanh"):
        r = client.get(page, params={"tu_nam": "2023", "den_nam": "2019"})
        assert r.status_code == 400 and said in r.text, page


# --------------------------------------------------------------------------- a finding in its document


def test_finding_page_highlights_it_in_its_document(client: TestClient, data: WebData) -> None:
    text = "Xã Cam Tuyền vẫn chưa cấp phiếu hẹn cho một số hồ sơ đất đai."
    r = client.get(f"/phat-hien/{data.ids[text]}")
    assert r.status_code == 200
    assert f'<mark id="hien-tai" class="current">{text}</mark>' in r.text
    other = data.ids["Một số công chức xã Cam Tuyền chưa đeo thẻ khi làm việc."]
    assert f'class="f pol-shortcoming" href="/phat-hien/{other}"' in r.text
    assert "trang 2" in r.text  # the finding's page, from the document's blocks
    assert "xã Cam Tuyền" in r.text and "được kiểm tra" in r.text and "đoàn kiểm tra" in r.text
    assert "Quyết định số 12/QĐ-UBND ngày 2021-03-15" in r.text
    assert "2021-10-28 – 2021-11-08" in r.text
    assert "BÁO CÁO KẾT QUẢ KIỂM TRA" in r.text  # the whole document's text
    key = Store(data.db, readonly=True).locate_finding(data.ids[text])
    assert key is not None and f"/van-ban/{key[0]}/tep-goc" in r.text
    assert f'data-load="/phat-hien/{data.ids[text]}/tuong-tu"' in r.text  # app.js inserts them


def test_similar_findings_page(client: TestClient, data: WebData) -> None:
    text = "Xã Cam Tuyền vẫn chưa cấp phiếu hẹn cho một số hồ sơ đất đai."
    r = client.get(f"/phat-hien/{data.ids[text]}/tuong-tu")
    assert r.status_code == 200
    similar = r.text.split('<div id="tuong-tu">', 1)[1]
    found = re.findall(r'href="/phat-hien/([0-9a-f]+)"', similar)
    assert found and data.ids[text] not in found  # itself excluded
    assert "<mark>phiếu</mark>" in similar
    assert client.get("/phat-hien/0123456789abcdef/tuong-tu").status_code == 404
    assert client.get("/phat-hien/x/tuong-tu").status_code == 400


def test_finding_page_bad_and_unknown_ids(client: TestClient) -> None:
    assert client.get("/phat-hien/0123456789abcdef").status_code == 404
    for bad in ("zzz", "..%2f..%2fetc", "<script>", "A" * 80):
        r = client.get(f"/phat-hien/{bad}")
        assert r.status_code in (400, 404), bad
        assert "Traceback" not in r.text and "<script>" not in r.text


def test_finding_urls_take_a_start_of_the_id_as_show_does(client: TestClient, data: WebData) -> None:
    """Session 23 left the page taking only a whole id (8 hex digits at least) while `kiemtra show`
    takes any start naming one finding: both read it through Store.finding_named now, and the page
    moves to its own URL, so its links and the similar findings' script use the whole id."""
    finding_id = data.ids["Xã Cam Tuyền vẫn chưa cấp phiếu hẹn cho một số hồ sơ đất đai."]
    ids = sorted(data.ids.values())
    short = next(finding_id[:n] for n in range(1, 17)
                 if sum(i.startswith(finding_id[:n]) for i in ids) == 1)
    for typed in (short, finding_id[:12].upper()):
        moved = client.get(f"/phat-hien/{typed}", follow_redirects=False)
        assert moved.status_code == 302 and moved.headers["location"] == f"/phat-hien/{finding_id}"
        similar = client.get(f"/phat-hien/{typed}/tuong-tu", follow_redirects=False)
        assert similar.headers["location"] == f"/phat-hien/{finding_id}/tuong-tu"
    assert client.get(f"/phat-hien/{short}").text == client.get(f"/phat-hien/{finding_id}").text
    # A start several ids share: a 404 saying how many, listing them (few).
    start, alike = next((i[:n], [j for j in ids if j.startswith(i[:n])]) for n in range(1, 16) for i in ids
                        if 1 < sum(j.startswith(i[:n]) for j in ids) <= 5)
    r = client.get(f"/phat-hien/{start}")
    assert r.status_code == 404 and f"Có {len(alike)} phát hiện có mã bắt đầu bằng «{start}»: " in r.text
    assert ", ".join(alike) in r.text
    assert client.get(f"/phat-hien/{start}/tuong-tu").status_code == 404


# --------------------------------------------------------------------------- original file


def _key(data: WebData, name: str) -> str:
    with Store(data.db, readonly=True) as store:
        return next(d.doc_key for d in store.documents() if d.doc_id == name)


def test_original_file_is_served_by_document_key(client: TestClient, data: WebData) -> None:
    r = client.get(f"/van-ban/{_key(data, 'bao-cao-2019')}/tep-goc")
    assert r.status_code == 200
    assert r.content == data.files["bao-cao-2019"].read_bytes()
    assert r.headers["content-disposition"].startswith("attachment")  # text is downloaded, never rendered
    assert "sandbox" in r.headers["content-security-policy"]


@pytest.mark.parametrize(
    "attempt",
    [
        "/van-ban/../../../../etc/passwd/tep-goc",
        "/van-ban/..%2f..%2f..%2fetc%2fpasswd/tep-goc",
        "/van-ban/%2e%2e/tep-goc",
        "/van-ban/etc%2fpasswd/tep-goc",
        "/van-ban/" + "0" * 64 + "/tep-goc",
        "/van-ban/" + "g" * 64 + "/tep-goc",
        "/van-ban/tep-goc?path=/etc/passwd",
        "/static/../../../../etc/passwd",
        "/static/%2e%2e/%2e%2e/core/defaults.toml",
    ],
)
def test_path_traversal_never_reads_a_file(client: TestClient, attempt: str) -> None:
    r = client.get(attempt)
    assert r.status_code in (400, 404)
    assert b"root:" not in r.content and b"db_path" not in r.content


def test_a_changed_original_is_not_served(tmp_path_factory: pytest.TempPathFactory) -> None:
    data = build_store(tmp_path_factory.mktemp("changed"))
    key = _key(data, "bao-cao-2021")
    data.files["bao-cao-2021"].write_text("khác hẳn", encoding="utf-8")
    with TestClient(create_app(data.settings), raise_server_exceptions=False) as c:
        r = c.get(f"/van-ban/{key}/tep-goc")
    assert r.status_code == 404 and "đã thay đổi" in r.text


# --------------------------------------------------------------------------- comparison


def test_comparison_matrix_links_each_cell_to_its_findings(client: TestClient) -> None:
    r = client.get("/so-sanh")
    assert r.status_code == 200
    assert '<table class="matrix">' in r.text and re.search(r'class="heat-[1-5]"', r.text)
    cell = links(r.text, r"o_chu_de=tthc\.phieu_hen&o_nam=2021")
    assert cell
    evidence = client.get(cell[0])
    assert evidence.status_code == 200
    assert "Xã Cam Tuyền vẫn chưa cấp phiếu hẹn" in evidence.text
    assert len(links(evidence.text, r"^/phat-hien/")) == 1
    assert count_of(evidence.text) == 1


def test_recurrence_clicks_through_to_its_evidence(client: TestClient) -> None:
    r = client.get("/so-sanh")
    recurring = r.text.split("Thiếu sót lặp lại qua các năm", 1)[1].split("</table>", 1)[0]
    assert "xã Cam Tuyền" in recurring and "2019" in recurring and "2023" in recurring
    target = links(recurring, r"o_loai=shortcoming")[0]
    evidence = client.get(target)
    assert evidence.status_code == 200
    found = re.findall(r"<span>(20\d\d)</span>", evidence.text)
    assert {"2019", "2021", "2022", "2023"} <= set(found)
    first = links(evidence.text, r"^/phat-hien/")[0]
    assert client.get(first).status_code == 200
    improved = r.text.split("Thiếu sót đã chuyển thành ưu điểm", 1)[1]
    assert "xã Cam Tuyền" in improved.split("</table>", 1)[0]


def test_a_recurring_unit_links_to_its_timeline(client: TestClient) -> None:
    r = client.get("/so-sanh", params={"tu_nam": "2019"})
    recurring = r.text.split("Thiếu sót lặp lại qua các năm", 1)[1].split("</table>", 1)[0]
    timeline = client.get(links(recurring, r"^/so-sanh\?don_vi=")[0])
    assert "tu_nam=2019" in links(recurring, r"^/so-sanh\?don_vi=")[0]
    assert "Diễn biến của xã Cam Tuyền" in timeline.text


def test_unit_timeline_and_filters_stay_in_the_url(client: TestClient) -> None:
    r = client.get("/so-sanh", params={"don_vi": "cam tuyen", "tu_nam": "2019", "den_nam": "2021"})
    # The heading names the unit as the reports write it, not the words typed (ux24's sweep).
    assert r.status_code == 200 and "<h2>Diễn biến của xã Cam Tuyền qua các năm</h2>" in r.text
    timeline = r.text.split("Diễn biến", 1)[1]
    assert "2019" in timeline and "2023" not in timeline.split("</table>", 1)[0]
    assert links(r.text, r"xuat\.xlsx\?don_vi=cam\+tuyen&tu_nam=2019&den_nam=2021")


def test_a_timeline_with_nothing_names_the_unit_as_typed(client: TestClient) -> None:
    r = client.get("/so-sanh", params={"don_vi": "xã Không Có"})
    assert r.status_code == 200 and "<h2>Diễn biến của xã Không Có qua các năm</h2>" in r.text


def test_a_polarity_badge_never_breaks_in_two() -> None:
    """The timeline's Loại column is narrow: "Thiếu sót" wrapped onto two lines of its badge."""
    css = (Path(web.__file__).parent / "static" / "style.css").read_text(encoding="utf-8")
    badge = re.search(r"^\.badge \{([^}]*)\}", css, re.MULTILINE)
    assert badge is not None and "white-space: nowrap" in badge.group(1)


def test_the_level_filter_takes_what_people_type_and_keeps_it_in_the_links(client: TestClient) -> None:
    communes = client.get("/so-sanh", params={"cap": "xa"})
    assert communes.status_code == 200
    recurring = communes.text.split("Thiếu sót lặp lại qua các năm", 1)[1].split("</section>", 1)[0]
    assert "xã Cam Tuyền" in recurring
    assert "<option selected>xã</option>" in communes.text  # "xa" is the level the select offers
    assert all("cap=xa" in url for url in links(recurring, r"^/so-sanh"))
    # Cam Tuyền's inspector is the district: no finding is about a huyện
    districts = client.get("/so-sanh", params={"cap": "Huyện"})
    assert districts.status_code == 200 and "xã Cam Tuyền" not in districts.text
    assert "Không có thiếu sót nào với bộ lọc này." in districts.text
    wrong = client.get("/so-sanh", params={"cap": "làng"})
    assert wrong.status_code == 400 and "không phải một cấp đơn vị: «làng»" in wrong.text


def test_downloads_are_what_the_page_shows(client: TestClient) -> None:
    r = client.get("/so-sanh/xuat.xlsx", params={"don_vi": "Cam Tuyền"})
    assert r.status_code == 200 and r.headers["content-disposition"].startswith("attachment")
    workbook = load_workbook(io.BytesIO(r.content))
    assert workbook.sheetnames == ["matrix_documents", "matrix_units", "recurring", "improved", "timeline"]
    assert workbook["recurring"]["A2"].value == "xã Cam Tuyền"
    csv = client.get("/so-sanh/xuat.csv", params={"bang": "recurring"})
    assert csv.status_code == 200 and csv.content.startswith("\ufeff".encode())
    assert "xã Cam Tuyền" in csv.content.decode("utf-8-sig")
    png = client.get("/so-sanh/bieu-do.png")
    with Image.open(io.BytesIO(png.content)) as image:
        assert image.format == "PNG"


def test_document_text_never_becomes_a_spreadsheet_formula(client: TestClient) -> None:
    r = client.get("/so-sanh/xuat.xlsx", params={"don_vi": "Cam Tuyền"})
    sheet = load_workbook(io.BytesIO(r.content))["timeline"]
    cells = [
        c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value
    ]
    assert FORMULA in {c.value for c in cells} and all(c.data_type == "s" for c in cells)
    csv = client.get("/so-sanh/xuat.csv", params={"don_vi": "Cam Tuyền", "bang": "timeline"})
    text = csv.content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and ',"=HYPERLINK' not in text and "\n=HYPERLINK" not in text


@pytest.mark.parametrize(
    "url",
    [
        "/so-sanh?tu_nam=2023&den_nam=2019",
        "/so-sanh?do_do=money",
        "/so-sanh?tu_nam=abc",
        "/so-sanh/bang-chung",
        "/so-sanh/bang-chung?o_chu_de=x&o_nam=abc",
        "/so-sanh/xuat.csv?bang=../../etc",
        "/so-sanh/bang-chung?o_chu_de=x&o_loai=bad",
    ],
)
def test_bad_comparison_parameters_give_a_400(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 400 and "Yêu cầu không hợp lệ" in r.text


def test_chart_with_nothing_to_draw_is_a_404_page(client: TestClient) -> None:
    # Years with no finding (a theme naming none is refused before: a 400, the next test)
    r = client.get("/so-sanh/bieu-do.png", params={"tu_nam": "2100", "den_nam": "2100"})
    assert r.status_code == 404 and "Không có thiếu sót" in r.text


# --------------------------------------------------------------------------- operations


def test_operations_lists_runs_and_quarantined_files(client: TestClient) -> None:
    r = client.get("/van-hanh")
    assert r.status_code == 200
    runs = r.text.split("Các lần nhập gần đây", 1)[1].split("</table>", 1)[0]
    assert "nightly" in runs and "hoàn thành" in runs and "giây" in runs
    assert re.search(r"<td>3</td><td>0</td><td>1</td>\s*<td>1</td><td>7</td>", runs)
    failures = r.text.split("Tệp bị cách ly", 1)[1]
    assert "hong.pdf" in failures and "EncryptedError" in failures
    assert "mã hóa &lt;b&gt;" in failures  # the reason is escaped


# --------------------------------------------------------------------------- security


def test_every_page_sends_a_strict_csp_and_has_no_inline_script_or_style(
    client: TestClient, data: WebData
) -> None:
    for url in (
        "/",
        "/?q=phieu",
        f"/phat-hien/{data.ids[HOSTILE]}",
        "/so-sanh",
        "/van-hanh",
        "/?nam=x",
        "/nope",
    ):
        r = client.get(url)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert not re.search(r"<script(?![^>]*\bsrc=)", r.text), url
        assert " style=" not in r.text and "<style" not in r.text, url
        assert not re.search(r'(src|href|action)="(https?:)?//', r.text), url  # no CDN, nothing external


def test_only_read_routes(client: TestClient) -> None:
    for method in ("post", "put", "delete", "patch"):
        r = client.request(method.upper(), "/")
        assert r.status_code == 405 and "chỉ để xem" in r.text
    assert client.post("/so-sanh").status_code == 405


def test_store_is_opened_read_only(data: WebData) -> None:
    with Store(data.db, readonly=True) as store, pytest.raises(BackendError):
        store.record_failure("x", "y", error_type="Z")


def test_missing_store_is_a_clear_error_and_creates_nothing(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("missing")
    data_settings = build_store(folder).settings.replace(db_path=str(folder / "khong-co.db"))
    with pytest.raises(BackendError, match="cannot open the database"):
        create_app(data_settings)
    assert not (folder / "khong-co.db").exists()


def test_pages_follow_new_data_without_a_restart(tmp_path_factory: pytest.TempPathFactory) -> None:
    """A nightly run writing to the store (another connection) shows on the next request:
    the cached comparison is keyed by the store's data version."""
    from webstore import save_report

    folder = tmp_path_factory.mktemp("fresh")
    data = build_store(folder)
    with TestClient(create_app(data.settings), raise_server_exceptions=False) as c:
        before = c.get("/so-sanh").text
        assert "2025" not in before.split('<table class="matrix">', 1)[1].split("</thead>", 1)[0]
        assert c.get("/so-sanh").text == before  # served from the cache
        with Store(data.db, segmenter=str) as store:
            save_report(
                store,
                folder,
                "bao-cao-2025",
                2025,
                [("shortcoming", "tthc", "tthc.phieu_hen", "Xã Cam Tuyền lại không cấp phiếu hẹn.")],
            )
        after = c.get("/so-sanh").text
        assert "2025" in after.split('<table class="matrix">', 1)[1].split("</thead>", 1)[0]


def test_failures_give_a_vietnamese_page_without_details(
    data: WebData, monkeypatch: pytest.MonkeyPatch
) -> None:
    from web import views

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("chi tiết nội bộ /etc/secret")

    def unreadable(*args: object, **kwargs: object) -> None:
        raise BackendError("database disk image is malformed", path=data.db)

    with TestClient(create_app(data.settings), raise_server_exceptions=False) as c:
        monkeypatch.setattr(views, "operations_view", broken)
        r = c.get("/van-hanh")
        assert r.status_code == 500 and "Lỗi máy chủ" in r.text
        assert "secret" not in r.text and "Traceback" not in r.text
        assert "content-security-policy" in r.headers
        monkeypatch.setattr(views, "search_view", unreadable)
        r = c.get("/")
        assert r.status_code == 503 and "Không đọc được kho dữ liệu" in r.text and "malformed" not in r.text


def test_a_hit_of_the_matters_area_alone_says_so_and_no_other_hit_does() -> None:
    """A finding the matter tier brought by the area of the query's matter (pipeline/search.py
    with_matter_area) holds none of the words and is of another matter: its badge says "same
    field" (cùng lĩnh vực), not "same matter"; a hit of the words says neither."""
    from dataclasses import replace

    from jinja2 import Environment, FileSystemLoader

    import web
    from index.base import TIER_MATTER, TIER_WORDS, FindingRecord, Hit
    from web.views import hit_view

    record = FindingRecord(finding_id="g1", doc_key="k", doc_id="g1.pdf", text="Giải quyết hồ sơ còn chậm.",
                           polarity="shortcoming", area="tthc", theme="tthc.giai_quyet")
    hit = Hit(record=record, score=1.0, snippet="Giải quyết hồ sơ còn chậm.", tier=TIER_MATTER)
    shown = Environment(loader=FileSystemLoader(Path(web.__file__).parent / "templates"), autoescape=True)
    badge = shown.get_template("_hit.html")
    assert hit_view(hit).by_area
    assert ">cùng lĩnh vực</span>" in badge.render(hit=hit_view(hit))
    of_matter = replace(hit, matter="tthc.phieu_hen")
    assert not hit_view(of_matter).by_area
    assert "cùng lĩnh vực" not in badge.render(hit=hit_view(of_matter))
    assert "cùng lĩnh vực" not in badge.render(hit=hit_view(replace(hit, tier=TIER_WORDS)))


def test_a_hit_its_documents_headline_brought_says_which_never_showing_a_lead_as_title() -> None:
    """A finding the headline fill brought (pipeline/search.py with_titled) need not hold the
    query's words: its badge says it came by the document's title, or, for a document without
    one, by its opening paragraph; the source line shows the title or the document's name,
    never the lead."""
    from dataclasses import replace

    from jinja2 import Environment, FileSystemLoader

    import web
    from index.base import TIER_SOME_WORDS, FindingRecord, Hit
    from web.views import hit_view

    lead = "Ngày 12/3, Đoàn kiểm tra đã kiểm tra đột xuất tại xã Vĩnh Hòa sau sáp nhập."
    record = FindingRecord(finding_id="h1", doc_key="k", doc_id="tin-vinh-hoa",
                           text="Sổ theo dõi hồ sơ ghi thiếu.", polarity="shortcoming", area="tthc",
                           lead=lead)
    hit = Hit(record=record, score=1.0, snippet="Sổ theo dõi hồ sơ ghi thiếu.", tier=TIER_SOME_WORDS,
              by_headline=True)
    badge = Environment(loader=FileSystemLoader(Path(web.__file__).parent / "templates"),
                        autoescape=True).get_template("_hit.html")
    shown = badge.render(hit=hit_view(hit))
    assert ">theo đoạn mở đầu văn bản</span>" in shown and lead not in shown and "tin-vinh-hoa" in shown
    titled = replace(hit, record=replace(record, title="Kiểm tra CCHC sau sáp nhập"))
    assert ">theo tiêu đề văn bản</span>" in badge.render(hit=hit_view(titled))
    plain = badge.render(hit=hit_view(replace(hit, by_headline=False)))
    assert "tiêu đề văn bản" not in plain and "đoạn mở đầu" not in plain


def test_a_hit_of_some_syllables_of_the_query_says_so() -> None:
    """A finding listed because no finding holds the query's terms and it holds some of their
    syllables (index.query.Plan.loosened) is labelled "một phần từ khóa"; a hit of the words is not."""
    from dataclasses import replace

    from jinja2 import Environment, FileSystemLoader

    import web
    from index.base import TIER_SYLLABLES, TIER_WORDS, FindingRecord, Hit
    from web.views import hit_view

    record = FindingRecord(finding_id="x1", doc_key="k", doc_id="x1.pdf", text="Xe máy để tràn ra lề đường.",
                           polarity="shortcoming", area="tthc")
    hit = Hit(record=record, score=1.0, snippet="Xe máy để tràn ra lề đường.", tier=TIER_SYLLABLES)
    badge = Environment(loader=FileSystemLoader(Path(web.__file__).parent / "templates"),
                        autoescape=True).get_template("_hit.html")
    assert hit_view(hit).by_syllables and ">một phần từ khóa</span>" in badge.render(hit=hit_view(hit))
    assert "một phần từ khóa" not in badge.render(hit=hit_view(replace(hit, tier=TIER_WORDS)))


def test_the_unit_facet_names_the_unit_with_its_level_and_province_and_selects_it(
        client: TestClient) -> None:
    """Bare names ("Cam Tuyền (3)") were ambiguous across provinces and a click filtered by the
    name; each value now reads as a result says where it is, and its click selects that unit."""
    r = client.get("/", params={"q": "cam tuyen"})
    facet = r.text.split('class="facet facet-unit"', 1)[1].split("</section>", 1)[0]
    shown = re.findall(r'<a href="([^"]*)">([^<]+)</a> <span class="count">(\d+)</span>', facet)
    assert shown and all(" — " in html.unescape(value) for _url, value, _n in shown)
    url, value, n = next(item for item in shown if "Cam Tuyền" in item[1])
    narrowed = client.get(html.unescape(url))
    assert narrowed.status_code == 200 and count_of(narrowed.text) == int(n)
    assert f"Đơn vị: {value}" in narrowed.text  # among the active filters, as the facet said it


def test_a_comparison_theme_naming_no_theme_is_a_400_with_the_close_ones(client: TestClient) -> None:
    """ux23's sweep: a theme that is no code and no label's words gave an empty matrix "with this
    filter", as if no unit had that shortcoming; said as the CLI's --theme says it."""
    typo = client.get("/so-sanh", params={"chu_de": "phiu hen"})
    assert typo.status_code == 400
    assert "«phiu hen» không là mã" in typo.text
    assert "Phiếu hẹn, sổ theo dõi hồ sơ (tthc.phieu_hen)" in typo.text
    assert client.get("/so-sanh", params={"chu_de": "zzz"}).status_code == 400
    assert client.get("/so-sanh", params={"chu_de": "phieu hen"}).status_code == 200


@pytest.mark.parametrize("text", ["phiếu hẹn", "sổ theo dõi", "hồ sơ quá hạn", "thẻ"])
def test_a_date_order_counts_and_lists_the_same_whatever_the_page_size(data: WebData, text: str) -> None:
    """ux24's sweep: "phieu hen" by date was 12 findings on the CLI (10 a page) and 17 on the web
    page (20 a page): the engine decided its matter tier on the page's size, as relevance did
    before it asked on the pool's (pipeline.search.pool_page). The date order asks on the pool's
    (30): pages of up to 30, the CLI's 10 and the page's 20, list and count the same."""
    from index.backends import open_backend
    from index.base import Query
    from pipeline.search import search

    backend = open_backend(data.settings, readonly=True)
    try:
        whole = search(backend, Query(text=text, sort="date", limit=30))  # a pool: pages up to it
        ids = [h.record.finding_id for h in whole.hits]
        assert whole.total >= len(ids) > 0
        for limit in (1, 2, 10, 20):
            page = search(backend, Query(text=text, sort="date", limit=limit))
            assert (page.total, [h.record.finding_id for h in page.hits]) == (whole.total, ids[:limit])
        second = search(backend, Query(text=text, sort="date", limit=1, offset=1))
        assert second.total == whole.total and [h.record.finding_id for h in second.hits] == ids[1:2]
    finally:
        backend.close()


def test_a_shortcoming_found_again_at_the_merged_commune_is_said_on_the_comparison(tmp_path: Path) -> None:
    """The auditor's sweep (ux29): xã Cam Tuyền was merged into xã Hiếu Giang in 2025, whose
    phiếu hẹn the 2025 inspection found wanting again; the page's turnaround said "Tái phạm:
    không" and nothing else. Both tables now say it beside Cam Tuyền's row."""
    from webstore import INSPECTOR, build_store, index_all, save_report

    from core.levels import Level
    from core.models import Role, Unit
    from index.store import Store

    data = build_store(tmp_path)
    hieu_giang = Unit(Level.XA, "Hiếu Giang", Role.INSPECTED, "Quảng Trị", None)
    cam_thuy = Unit(Level.XA, "Cam Thủy", Role.INSPECTED, "Quảng Trị", "xã Hiếu Giang")  # merged in too
    with Store(data.db, segmenter=str, containers=lambda unit, near: ()) as store:
        save_report(store, tmp_path, "bao-cao-cam-thuy-2022", 2022,
                    [("strength", "tthc", "tthc.niem_yet", "Xã Cam Thủy niêm yết đủ thủ tục hành chính.")],
                    units=(INSPECTOR, cam_thuy))
        save_report(store, tmp_path, "thong-bao-2025", 2025,
                    [("shortcoming", "tthc", "tthc.phieu_hen", "Xã Hiếu Giang còn hồ sơ thiếu phiếu hẹn.")],
                    units=(INSPECTOR, hieu_giang))
        index_all(store, data.db)
    with TestClient(create_app(data.settings), raise_server_exceptions=False) as c:
        page = c.get("/so-sanh").text
    recurring = page.split("Thiếu sót lặp lại qua các năm", 1)[1].split("</table>", 1)[0]
    improved = page.split("Thiếu sót đã chuyển thành ưu điểm", 1)[1].split("</table>", 1)[0]
    for table in (recurring, improved):
        assert "lặp lại sau sáp nhập: 2025: xã Hiếu Giang" in table
        assert "nay thuộc xã Hiếu Giang" in table
