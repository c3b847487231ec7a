"""What a reader sees of the ranking's uncertainty and of the measured accounts: the methodology
page of each edition says which rules come from the report and which are reconstructed and shows
a bar per assumption; a gemeente's page gives its rank interval under all assumptions and the one
assumption that moves it most; the 2013 edition has a page comparing answers with measurements.
Every figure is checked against Rankings/ (what `meetlat score` wrote), at 390 and 1366 px,
with and without JavaScript."""
import json
import pathlib
import re

import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By

try:  # a current axe-core, as in test_site.py
    import axe_core_python
    AXE_SCRIPT = str(pathlib.Path(axe_core_python.__file__).parent / "axe.min.js")
except ImportError:
    AXE_SCRIPT = None

from conftest import ARTIFACTS, REPOSITORY, page_url

EDITIONS = [2011, 2012, 2013]


def ranking(year):
    return json.loads((REPOSITORY / "Rankings" / f"{year}.json").read_text(encoding="utf-8"))


def entry(year, name):
    return next(e for e in ranking(year)["entries"] if e["name"] == name)


def open_at(driver, relative, width):
    driver.set_window_size(width, 1600)
    driver.get(page_url(relative))
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nl"


def no_sideways_scrolling(driver):
    return driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")


def screenshot(driver, name):
    ARTIFACTS.mkdir(exist_ok=True)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(driver.get_window_size()["width"], min(height, 6000))
    assert driver.save_screenshot(str(ARTIFACTS / f"{name}.png"))


@pytest.mark.parametrize("year", EDITIONS)
@pytest.mark.parametrize("width", [390, 1366])
def test_the_methodology_page_shows_a_bar_per_assumption_and_where_each_rule_comes_from(browser, year, width):
    open_at(browser, f"{year}/methode.html", width)
    summary = ranking(year)["uncertainty"]
    items = browser.find_elements(By.CSS_SELECTOR, "#onzekerheid ~ ul.assumption-list > li.assumption")
    assert [item.find_element(By.CSS_SELECTOR, ".assumption-name strong").text for item in items] \
        == [assumption["label"] for assumption in summary["assumptions"]]
    for item, assumption in zip(items, summary["assumptions"]):
        meters = item.find_elements(By.TAG_NAME, "meter")
        if assumption.get("index") is None:
            assert not meters, "no bar for an assumption that moves no rank"
            continue
        # The bar is the total index, as Rankings/ holds it.
        assert float(meters[0].get_attribute("value")) == pytest.approx(100 * max(assumption["index"]["total"], 0), abs=0.05)
        assert meters[0].is_displayed() and meters[0].size["width"] > 0.5 * item.size["width"]
        assert item.find_element(By.CSS_SELECTOR, ".assumption-share").text == f"{round(100 * max(assumption['index']['total'], 0))} %"
        assert "(nu)" in item.text or assumption["id"] in ("weights", "approximate")
    # Every edition says what is published and what is reconstructed, with source lines.
    provenance = browser.find_element(By.CSS_SELECTOR, "section.provenance").text
    notes = ranking(year)["provenance"]
    for note in notes:
        assert note["text"] in browser.page_source.replace("&#39;", "'")
    if any(note["basis"] == "published" for note in notes):
        assert "Uit het verslag:" in provenance or "Uit het verslag:" in browser.page_source
        assert re.search(r"\.txt, regels \d+", browser.page_source)
    assert "Reconstructie van meetlat:" in browser.page_source
    assert no_sideways_scrolling(browser)
    if year == 2013:
        screenshot(browser, f"methode-{year}-{width}")


def test_the_2011_method_page_says_no_assumption_moves_its_single_dimension(browser):
    open_at(browser, "2011/methode.html", 1366)
    assert "verandert geen van deze keuzes de volgorde" in browser.find_element(By.ID, "onzekerheid").find_element(By.XPATH, "..").text


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("year,name", [(2012, "Strijen"), (2013, "Hoorn"), (2012, "Hoorn")])
def test_a_gemeente_page_gives_its_interval_and_what_moves_it_most(browser, year, name, width):
    data = entry(year, name)
    interval, uncertainty = data["rankInterval"], data["uncertainty"]
    open_at(browser, f"{year}/gemeente/{name.lower()}.html", width)
    section = browser.find_element(By.CSS_SELECTOR, "section.uncertainty")
    text = section.text
    if interval["low"] == interval["high"]:
        assert f"op plaats {interval['low']}" in text
    else:
        assert f"tussen plaats {interval['low']} en {interval['high']}" in text
    label = {a["id"]: a for a in ranking(year)["uncertainty"]["assumptions"]}
    if uncertainty.get("driver"):
        driver = section.find_element(By.CSS_SELECTOR, ".driver").text
        assumption = label[uncertainty["driver"]]
        place = (f"op plaats {uncertainty['driverLow']}" if uncertainty["driverLow"] == uncertainty["driverHigh"]
                 else f"tussen plaats {uncertainty['driverLow']} en {uncertainty['driverHigh']}")
        assert driver == f"Als {assumption['varied']}, staat {name} {place}."
        # The published rank lies in the range the driver gives.
        assert uncertainty["driverLow"] <= data["rank"] <= uncertainty["driverHigh"]
    elif interval["low"] != interval["high"]:
        assert "Geen enkele keuze verschuift de plaats op zichzelf" in text
    assert no_sideways_scrolling(browser)
    link = section.find_element(By.PARTIAL_LINK_TEXT, "Welke keuzes")
    assert link.get_attribute("href").endswith("methode.html#onzekerheid")
    if name == "Strijen":
        screenshot(browser, f"gemeente-strijen-{year}-{width}")


def test_the_gemeente_page_says_the_same_without_javascript(browser_without_javascript):
    data = entry(2012, "Strijen")
    open_at(browser_without_javascript, "2012/gemeente/strijen.html", 390)
    text = browser_without_javascript.find_element(By.CSS_SELECTOR, "section.uncertainty").text
    assert f"tussen plaats {data['rankInterval']['low']} en {data['rankInterval']['high']}" in text
    assert text.count("Als ") == 1


@pytest.mark.parametrize("width", [390, 1366])
def test_the_measurements_page_lists_who_moves_and_says_the_data_are_synthetic(browser, width):
    report = ranking(2013)["observations"]
    open_at(browser, "2013/metingen.html", width)
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Verzonnen metingen." in main
    assert f"accounts van {report['measured']} van de" in main
    counts = {finding: sum(1 for row in report["rows"] if row["finding"] == finding)
              for finding in ("agrees", "differs", "claimed_not_found", "found_not_claimed")}
    assert f"aantallen verschillen: {counts['differs']}" in main
    assert f"opgegeven, geen account gevonden: {counts['claimed_not_found']}" in main
    changes = browser.find_elements(By.CSS_SELECTOR, "#verschuivingen-titel ~ tbody tr, table:has(#verschuivingen-titel) tbody tr")
    assert len(changes) == len(report["changes"])
    schiedam = next(row for row in changes if row.find_element(By.TAG_NAME, "th").text == "Schiedam")
    cells = [cell.text for cell in schiedam.find_elements(By.TAG_NAME, "td")]
    expected = next(change for change in report["changes"] if change["name"] == "Schiedam")
    assert cells == [str(expected["rank"]), str(expected["reportedRank"]), str(expected["total"]), str(expected["reportedTotal"])]
    # The link leads to Schiedam's page, whose explanation names both counts.
    schiedam.find_element(By.TAG_NAME, "a").click()
    assert "gemeten:" in browser.page_source and "opgegeven:" in browser.page_source
    open_at(browser, "2013/metingen.html", width)
    assert no_sideways_scrolling(browser)
    screenshot(browser, f"metingen-2013-{width}")


def test_only_editions_with_measurements_have_the_page(browser, built_site):
    for year in (2011, 2012):
        open_at(browser, f"{year}/methode.html", 1366)
        assert "metingen.html" not in browser.page_source
        assert not (built_site / str(year) / "metingen.html").exists()
    open_at(browser, "2013/kanttekeningen.html", 1366)
    assert browser.find_element(By.LINK_TEXT, "gemeten en opgegeven").get_attribute("href").endswith("2013/metingen.html")


@pytest.mark.parametrize("page", ["2013/metingen.html", "2013/methode.html", "2012/gemeente/strijen.html"])
def test_axe_finds_no_serious_violation_on_the_new_pages(browser, page):
    open_at(browser, page, 1366)
    axe = Axe(browser, script_url=AXE_SCRIPT) if AXE_SCRIPT else Axe(browser)
    axe.inject()
    results = axe.run(options=json.dumps({"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}))
    serious = [violation for violation in results["violations"] if violation["impact"] in ("serious", "critical")]
    assert not serious, axe.report(serious)
