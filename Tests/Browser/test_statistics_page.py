"""Issue 12, item 8: a statistics page shows what was asked, has the risers and fallers first,
never cuts a chart label and captions every table with its own year."""
import pytest
from selenium.webdriver.common.by import By

from conftest import open_page


@pytest.mark.parametrize("year", [2011, 2012, 2013])
def test_only_asked_tables_and_one_line_for_the_rest(browser, year):
    open_page(browser, f"{year}/statistieken.html")
    sections = browser.find_elements(By.CSS_SELECTOR, "section.stat-table")
    assert sections
    for section in sections:
        assert f"In {year} niet gevraagd." not in section.text, section.text[:200]
        assert section.find_elements(By.TAG_NAME, "table"), "every shown table has figures"
    captions = [section.find_element(By.TAG_NAME, "h3").text for section in sections]
    for caption in captions:
        assert f"({year})" in caption and "(2014)" not in caption, caption
    if browser.find_elements(By.ID, "niet-gevraagd"):
        assert browser.find_element(By.ID, "niet-gevraagd").text.startswith(f"Niet gevraagd in {year}")


def test_the_2013_page_puts_risers_and_fallers_first(browser):
    open_page(browser, "2013/statistieken.html")
    risers = browser.find_element(By.ID, "stijgers-titel")
    first_table = browser.find_element(By.CSS_SELECTOR, "section.stat-table")
    top = lambda element: browser.execute_script("return arguments[0].getBoundingClientRect().top + window.scrollY", element)
    assert top(risers) < top(first_table)
    assert top(risers) < 1600, f"the risers start {top(risers)} px down"


@pytest.mark.parametrize("year", [2011, 2012, 2013])
def test_no_bar_chart_label_is_cut_off(browser, year):
    open_page(browser, f"{year}/statistieken.html")
    labels = browser.find_elements(By.CSS_SELECTOR, "svg.bar-chart text.bar-label")
    assert labels
    for label in labels:
        box, width = browser.execute_script(
            "var b = arguments[0].getBBox(); var svg = arguments[0].ownerSVGElement;"
            "return [[b.x, b.x + b.width], svg.viewBox.baseVal.width]", label)
        assert box[0] >= 0 and box[1] <= width, f"{label.text!r} runs from {box[0]} to {box[1]} in a chart {width} wide"
