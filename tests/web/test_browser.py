"""The web page in a real headless Chromium: what a staff member and an auditor would click.

Ingests the samples (OCR included), serves the page on a free loopback port from a thread, and
drives Debian's chromium through its chromedriver with Selenium: search "phieu hen" without
accents, narrow by a facet, open a finding and see it highlighted in its document, open the
comparison, follow a recurrence to its evidence, download the XLSX and open it. A screenshot of
each step goes to the test's folder, and to $KIEMTRA_SCREENSHOTS when set (the README's come
from `KIEMTRA_SCREENSHOTS=docs/screenshots pytest tests/web/test_browser.py`).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from click.testing import CliRunner
from openpyxl import load_workbook

from core.settings import load_settings
from pipeline.cli import cli
from web.app import create_app

pytestmark = [pytest.mark.slow, pytest.mark.ocr]

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,1000",
)
WAIT_S = 20.0

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The samples ingested into a fresh store, served on a free loopback port; its base URL."""
    db = tmp_path_factory.mktemp("browser") / "kiemtra.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "--set", "backend=sqlite", "ingest", str(SAMPLES)])
    assert result.exit_code == 0, result.output
    app = create_app(load_settings({"db_path": str(db), "backend": "sqlite"}, environ={}))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + WAIT_S
    while not server.started:
        assert time.monotonic() < deadline, "the web server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[WebDriver, Path]]:
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip(
            "chromium and chromium-driver are not installed (scripts/setup.sh installs them for tests)"
        )
    from selenium.webdriver.chrome.service import Service

    folder = tmp_path_factory.mktemp("chromium")
    downloads = folder / "downloads"
    downloads.mkdir()
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={folder / 'profile'}"):
        options.add_argument(flag)
    options.add_experimental_option(
        "prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False}
    )
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )
    driver.implicitly_wait(5)
    try:
        yield driver, downloads
    finally:
        driver.quit()


def _shot(driver: WebDriver, folder: Path, name: str) -> None:
    path = folder / f"{name}.png"
    assert driver.save_screenshot(str(path))
    extra = os.environ.get("KIEMTRA_SCREENSHOTS")
    if extra:
        Path(extra).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(extra) / path.name)


def _wait_for(driver: WebDriver, fragment: str) -> None:
    """Until the browser has navigated to a URL containing `fragment`."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, WAIT_S).until(lambda d: fragment in d.current_url)


def _count(driver: WebDriver) -> int:
    return int(driver.find_element(By.CSS_SELECTOR, ".summary strong").text.replace(".", ""))


def _whens(driver: WebDriver) -> set[str]:
    """The dates the results show (a finding's publication date, else its year)."""
    return {
        m.find_element(By.CSS_SELECTOR, "span:nth-of-type(3)").text
        for m in driver.find_elements(By.CSS_SELECTOR, ".hits .meta")
    }


def _fill(driver: WebDriver, **fields: str) -> None:
    """Type into the search form's filters (emptied first) and submit it."""
    for name, value in fields.items():
        box = driver.find_element(By.ID, name)
        box.clear()
        box.send_keys(value)
    driver.find_element(By.CSS_SELECTOR, "form.search button").click()


def test_the_cli_s_filters_from_the_search_form(
    server: str, browser: tuple[WebDriver, Path], tmp_path: Path
) -> None:
    """A huyện and the units inside it (--within), a year range (--from/--to), a document's
    number (--doc-number): typed into the form under the search box, as on the CLI."""
    driver, _ = browser
    driver.get(server + "/")
    driver.find_element(By.CSS_SELECTOR, ".more-filters summary").click()  # the filters, folded
    _fill(driver, don_vi="huyện Cam Lộ")
    _wait_for(driver, "don_vi=huy")
    assert _count(driver) == 0  # the huyện inspects; its communes are judged
    assert driver.find_element(By.ID, "don_vi").get_attribute("value") == "huyện Cam Lộ"  # kept, in sight
    driver.find_element(By.ID, "truc_thuoc").click()
    _fill(driver)
    _wait_for(driver, "truc_thuoc=1")
    inside = _count(driver)
    assert inside >= 10
    shown = {s.text for s in driver.find_elements(By.CSS_SELECTOR, ".hits .units")}
    assert shown and all("Cam" in units for units in shown)  # xã Cam Tuyền, thị trấn Cam Lộ ...
    assert "gồm cả đơn vị trực thuộc" in driver.find_element(By.CSS_SELECTOR, ".active-filters").text
    _shot(driver, tmp_path, "6-loc-don-vi-truc-thuoc")

    driver.find_element(By.ID, "truc_thuoc").click()
    _fill(driver, don_vi="", tu_nam="2021", den_nam="2022")
    _wait_for(driver, "den_nam=2022")
    assert _count(driver) > 0 and {when[:4] for when in _whens(driver)} <= {"2021", "2022"}

    _fill(driver, tu_nam="", den_nam="", so_hieu="318/BC-UBND")
    _wait_for(driver, "so_hieu=318")
    assert _count(driver) > 0 and {when[:4] for when in _whens(driver)} == {"2023"}
    sources = {s.text for s in driver.find_elements(By.CSS_SELECTOR, ".hits .source")}
    assert len({s.split(" · ")[0] for s in sources}) == 1  # one document: the 2023 report
    _shot(driver, tmp_path, "7-loc-so-hieu")

    # The level (--level), picked from the levels the rule accepts (pipeline/query_rules.py).
    from selenium.webdriver.support.ui import Select

    driver.get(server + "/")
    every = _count(driver)
    driver.find_element(By.CSS_SELECTOR, ".more-filters summary").click()
    Select(driver.find_element(By.ID, "cap")).select_by_visible_text("xã")
    _fill(driver)
    _wait_for(driver, "cap=x")
    communes = _count(driver)
    unit_lines = [s.text for s in driver.find_elements(By.CSS_SELECTOR, ".hits .units")]
    assert 0 < communes < every and unit_lines and all("xã " in units for units in unit_lines)
    assert "Cấp: xã" in driver.find_element(By.CSS_SELECTOR, ".active-filters").text
    assert Select(driver.find_element(By.ID, "cap")).first_selected_option.text == "xã"  # kept
    _shot(driver, tmp_path, "8-loc-cap")


def test_staff_and_auditor_journey(server: str, browser: tuple[WebDriver, Path], tmp_path: Path) -> None:
    driver, downloads = browser
    # 1. Search without accents.
    driver.get(server + "/")
    box = driver.find_element(By.ID, "q")
    box.send_keys("phieu hen")
    driver.find_element(By.CSS_SELECTOR, "form.search button").click()
    _wait_for(driver, "q=phieu+hen")
    total = _count(driver)
    assert total >= 5
    marks = [m.text.lower() for m in driver.find_elements(By.CSS_SELECTOR, ".hits mark")]
    assert "phiếu hẹn" in marks  # the word, marked whole
    _shot(driver, tmp_path, "1-tim-kiem")

    # 2. Narrow with a facet: shortcomings only.
    driver.find_element(By.CSS_SELECTOR, ".facet-polarity").find_element(By.LINK_TEXT, "Thiếu sót").click()
    _wait_for(driver, "loai=shortcoming")
    narrowed = _count(driver)
    assert 0 < narrowed < total
    badges = {b.text for b in driver.find_elements(By.CSS_SELECTOR, ".hits .badge")}
    assert badges == {"Thiếu sót"}
    _shot(driver, tmp_path, "2-loc-thieu-sot")

    # 3. Open a finding: it is highlighted in its document.
    first = driver.find_element(By.CSS_SELECTOR, ".hits .snippet a")
    snippet = first.text.strip("… ")
    first.click()
    _wait_for(driver, "/phat-hien/")
    current = driver.find_element(By.ID, "hien-tai")
    assert current.tag_name == "mark" and snippet[:30] in current.text
    assert driver.find_elements(By.CSS_SELECTOR, ".document a.f")  # the document's other findings
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, WAIT_S).until(  # web/static/app.js inserts the similar findings under the CSP
        lambda d: d.find_elements(By.CSS_SELECTOR, "#tuong-tu li.hit")
    )
    _shot(driver, tmp_path, "3-phat-hien-trong-van-ban")
    driver.find_element(By.LINK_TEXT, "Xem trong văn bản").click()
    _wait_for(driver, "#hien-tai")

    # 4. Comparison: follow a recurrence to its evidence.
    driver.find_element(By.LINK_TEXT, "So sánh qua các năm").click()
    _wait_for(driver, "/so-sanh")
    assert driver.find_elements(By.CSS_SELECTOR, "table.matrix td[class^='heat-']")
    levels = driver.find_elements(By.CSS_SELECTOR, "form.filters select[name='cap'] option")
    assert "xã" in {o.text for o in levels}  # the level filter, as on the search page
    _shot(driver, tmp_path, "4-so-sanh")
    row = next(
        r
        for r in driver.find_elements(By.CSS_SELECTOR, "table.recurring tbody tr")
        if "Cam Tuyền" in r.text and "Phiếu hẹn" in r.text
    )
    row.find_element(By.CSS_SELECTOR, "a.evidence").click()
    _wait_for(driver, "/so-sanh/bang-chung")
    items = driver.find_elements(By.CSS_SELECTOR, ".evidence-list li")
    years = {li.find_element(By.CSS_SELECTOR, ".meta span:nth-of-type(2)").text for li in items}
    assert {"2019", "2021"} <= years
    _shot(driver, tmp_path, "5-bang-chung")
    items[0].find_element(By.CSS_SELECTOR, "a").click()
    _wait_for(driver, "/phat-hien/")
    assert driver.find_element(By.ID, "hien-tai").text

    # 5. Download what the comparison shows, and open it.
    driver.get(server + "/so-sanh")
    driver.find_element(By.LINK_TEXT, "Bảng tính XLSX").click()
    deadline = time.monotonic() + WAIT_S
    while not list(downloads.glob("*.xlsx")):
        assert time.monotonic() < deadline, "the XLSX did not download"
        time.sleep(0.1)
    time.sleep(0.3)  # Chromium renames the .crdownload when the file is complete
    workbook = load_workbook(next(downloads.glob("*.xlsx")))
    assert workbook.sheetnames[:3] == ["matrix_documents", "matrix_units", "recurring"]
    units = {workbook["recurring"].cell(r, 1).value for r in range(2, workbook["recurring"].max_row + 1)}
    assert "xã Cam Tuyền" in units


def test_a_keyboard_reaches_the_search_box_and_the_results_first(server: str,
                                                                  browser: tuple[WebDriver, Path]) -> None:
    """Session 27's sweep, by keyboard: the empty page's box took no typing until clicked, and a
    page of results put its header, form and some fifty facet links before the first result. The
    empty page now has the box focused, and a page of results opens with a link to them (the
    first Tab), which Enter follows."""
    from selenium.webdriver.common.keys import Keys

    driver, _ = browser
    driver.get(f"{server}/")
    assert driver.switch_to.active_element.get_attribute("id") == "q"
    driver.switch_to.active_element.send_keys("phieu hen", Keys.ENTER)
    _wait_for(driver, "q=phieu+hen")
    assert _count(driver) > 0
    assert driver.switch_to.active_element.tag_name == "body"  # a page of results takes no focus
    driver.switch_to.active_element.send_keys(Keys.TAB)
    skip = driver.switch_to.active_element
    assert skip.text == "Đến kết quả" and skip.is_displayed()
    skip.send_keys(Keys.ENTER)
    assert driver.switch_to.active_element.get_attribute("id") == "ket-qua"
    driver.switch_to.active_element.send_keys(Keys.TAB)  # the results' own stops: their order,
    assert driver.switch_to.active_element.text == "Mới nhất"
    driver.switch_to.active_element.send_keys(Keys.TAB)  # then the first result
    assert driver.switch_to.active_element == driver.find_element(By.CSS_SELECTOR, ".hits .snippet a")


def test_on_a_phone_the_results_come_before_the_facets(server: str, browser: tuple[WebDriver, Path],
                                                      tmp_path: Path) -> None:
    """ux28's sweep at a phone's width (390 px): the one column put the six facet boxes first, and
    the first result some 1,600 px down. The filters in use come first, then the results, then the
    facets; at a desktop's width the facets stay in their column on the left."""
    driver, _ = browser
    try:
        driver.set_window_size(390, 1000)
        driver.get(f"{server}/?q=phieu+hen&nam=2022")
        assert _count(driver) > 0
        _shot(driver, tmp_path, "phone")

        def top(selector: str) -> int:
            return int(driver.find_element(By.CSS_SELECTOR, selector).rect["y"])

        assert top(".active-filters") < top(".summary") < top(".hits li") < top(".facet-year")
        assert top(".hits li") < 1000  # the first result on the first screen
    finally:
        driver.set_window_size(1280, 1000)
    driver.get(f"{server}/?q=phieu+hen")
    facets, results = (driver.find_element(By.CSS_SELECTOR, s).rect for s in (".facets", ".results"))
    assert facets["x"] < results["x"] and abs(facets["y"] - results["y"]) < 5


def test_on_a_phone_the_comparison_fits_its_width(server: str, browser: tuple[WebDriver, Path],
                                                  tmp_path: Path) -> None:
    """ux29's sweep at a phone's width (390 px, emulated as a phone: a window is never narrower
    than 500 px here): the recurring, turnaround and timeline tables ran 50–80 px past the
    screen, so the phone zoomed the whole page out (its layout 466 px wide) or scrolled it
    sideways. Each table now scrolls in its own box, as the matrix did, and the page keeps the
    phone's width."""
    driver, _ = browser
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    try:
        for query in ("chu_de=phieu+hen", "don_vi=Cam+Tuy%E1%BB%81n"):
            driver.get(f"{server}/so-sanh?{query}")
            assert driver.find_elements(By.CSS_SELECTOR, "table.list"), query
            _shot(driver, tmp_path, f"phone-comparison-{query.split('=')[0]}")
            assert driver.execute_script("return document.documentElement.scrollWidth") <= 390, query
            for table in driver.find_elements(By.CSS_SELECTOR, "table"):
                parent = driver.execute_script(
                    "return getComputedStyle(arguments[0].parentElement).overflowX", table)
                assert parent == "auto", table.get_attribute("class")
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
