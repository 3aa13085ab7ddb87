"""In headless Chromium (Debian's chromium + chromium-driver, driven by Selenium): the report draws its charts,
prints, runs no injected script; the web UI filters rows and opens a report.

Skipped, saying why, when Selenium, chromium or chromedriver is missing
(`apt-get install -y chromium chromium-driver`; CI installs them).
"""

from __future__ import annotations

import base64
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from casus.cli import main

from .test_report import make_corpus_db

CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser"), "/usr/bin/chromium")
                 if p and Path(p).exists()), None)
CHROMEDRIVER = next((p for p in (shutil.which("chromedriver"), "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")
                     if p and Path(p).exists()), None)
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1200,1600")
CHARTS = ("ladder", "factors", "timeline")

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install selenium)")
pytestmark = pytest.mark.skipif(CHROMIUM is None or CHROMEDRIVER is None,
                                reason="no chromium/chromedriver found: apt-get install -y chromium chromium-driver")

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


@pytest.fixture(scope="module")
def driver() -> Iterator[object]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    profile = tempfile.mkdtemp(prefix="casus-chromium-")
    for flag in FLAGS + (f"--user-data-dir={profile}",):
        options.add_argument(flag)
    drv = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=str(CHROMEDRIVER)))
    drv.set_page_load_timeout(60)
    yield drv
    drv.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus_db(tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="module")
def report_file(db: Path) -> Path:
    out = db.parent / "report.html"
    result = CliRunner().invoke(main, ["report", "RUS", "IRN", "--attacker", "ISR", "--as-of", "2026-03-01",
                                       "--db", str(db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(db: Path) -> Iterator[str]:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "casus", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"casus serve exited: {proc.stdout.read().decode(errors='replace') if proc.stdout else ''}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def _wait_for_charts(drv, names: tuple[str, ...] = CHARTS) -> None:
    WebDriverWait(drv, 30).until(
        lambda d: all(d.find_elements(By.CSS_SELECTOR, f'figure[data-chart="{n}"][data-rendered]') for n in names))


def _no_injected_script_ran(drv) -> None:
    assert drv.execute_script("return typeof window.__xss") == "undefined"


@pytest.mark.parametrize("chart", CHARTS)
def test_report_chart_draws_a_nonempty_svg(driver, report_file: Path, chart: str) -> None:
    driver.get(report_file.as_uri())
    _wait_for_charts(driver)
    fig = driver.find_element(By.CSS_SELECTOR, f'figure[data-chart="{chart}"]')
    assert fig.get_attribute("data-rendered") == "1"
    stats = driver.execute_script(
        "var svg = arguments[0].querySelector('svg'); if (!svg) return null;"
        "var r = svg.getBoundingClientRect();"
        "return {w: r.width, h: r.height, marks: svg.querySelectorAll('.role-mark path, .role-mark text').length};",
        fig)
    assert stats and stats["w"] > 100 and stats["h"] > 50 and stats["marks"] > 3, stats


def test_report_runs_no_injected_script(driver, report_file: Path) -> None:
    driver.get(report_file.as_uri())
    _wait_for_charts(driver)
    _no_injected_script_ran(driver)
    quotes = [el.text for el in driver.find_elements(By.CSS_SELECTOR, "td.quote")]
    assert any("<script>window.__xss = 1</script>" in q for q in quotes)
    assert not driver.find_elements(By.CSS_SELECTOR, "img")


def test_report_prints(driver, report_file: Path) -> None:
    driver.get(report_file.as_uri())
    _wait_for_charts(driver)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not driver.find_element(By.CSS_SELECTOR, "nav.toc").is_displayed()
        assert driver.find_element(By.CSS_SELECTOR, "table.evidence").is_displayed()
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": False})["data"])
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000


def test_ui_filter_changes_the_rows(driver, server: str) -> None:
    driver.get(f"{server}/corpus/events_with_text")
    before = driver.find_elements(By.CSS_SELECTOR, "table.rows-and-columns tbody tr")
    assert len(before) > 3
    box = driver.find_element(By.CSS_SELECTOR, "form input[name=type]")
    box.clear()
    box.send_keys("AID")
    box.submit()
    WebDriverWait(driver, 20).until(lambda d: "type=AID" in d.current_url)
    after = driver.find_elements(By.CSS_SELECTOR, "table.rows-and-columns tbody tr")
    events = [td.text for td in driver.find_elements(By.CSS_SELECTOR, "table.rows-and-columns tbody td.col-event")]
    assert 0 < len(after) < len(before) and set(events) == {"AID"}


@pytest.mark.parametrize("path", ["/corpus/documents", "/corpus/events_with_text", "/corpus/claims_with_text"])
def test_ui_runs_no_injected_script(driver, server: str, path: str) -> None:
    driver.get(server + path)
    assert "__xss" in driver.page_source  # the hostile text is on the page, as text
    _no_injected_script_ran(driver)


def test_ui_assess_then_report(driver, server: str) -> None:
    driver.get(f"{server}/assess")
    for name, value in (("patron", "Russia"), ("client", "Iran"), ("attacker", "Israel")):
        driver.find_element(By.CSS_SELECTOR, f"input[name={name}]").send_keys(value)
    driver.find_element(By.CSS_SELECTOR, "form.casus-form input[type=submit]").click()
    WebDriverWait(driver, 60).until(lambda d: d.find_elements(By.ID, "casus-report-link"))
    assert "Russia" in driver.find_element(By.ID, "casus-verdict").text
    driver.find_element(By.ID, "casus-report-link").click()
    WebDriverWait(driver, 60).until(lambda d: d.find_elements(By.CSS_SELECTOR, "p.verdict"))
    _wait_for_charts(driver)
    _no_injected_script_ran(driver)
