"""Issue 12, item 14: the 2011 ranking has no empty change column and no part column repeating the
score; no URL hash stops the ranking's filter."""
import pytest
from selenium.webdriver.common.by import By

from conftest import SITE, open_page


def test_the_2011_ranking_has_no_empty_change_column_and_no_second_score(browser):
    open_page(browser, "2011/index.html")
    headers = [header.text for header in browser.find_elements(By.CSS_SELECTOR, "#ranglijst thead th")]
    assert not [header for header in headers if header.startswith("Verschil")], headers
    assert [header for header in headers if header.startswith("Score")] and len(headers) == 5, headers
    assert not any("Zelfscore" in header or "Eigen oordeel" in header for header in headers)
    assert not (SITE / "2011" / "sorteer-verschil-af.html").exists()
    assert not list((SITE / "2011").glob("sorteer-onderdeel-*.html"))
    assert (SITE / "2012" / "sorteer-verschil-af.html").exists()


HASHES = ["constructor", "__proto__", "%E0%A4%A", "zoek=%E0%A4%A", "__proto__=1", "constructor=1&zoek=",
          "sorteer=constructor-op", "sorteer=__proto__", "zoek=toString&grootte=valueOf", "grootte=bestaat-niet&provincie=%"]


@pytest.mark.parametrize("hash_", HASHES)
def test_any_hash_leaves_the_filter_working(browser, hash_):
    browser.get("about:blank")
    browser.get_log("browser")  # forget what earlier pages logged
    open_page(browser, f"2012/index.html#{hash_}")
    search = browser.find_element(By.ID, "zoek")
    assert search.is_displayed(), "the script ran"
    search.clear()
    search.send_keys("hoorn")
    names = [row.find_element(By.TAG_NAME, "th").text for row in browser.find_elements(By.CSS_SELECTOR, "#ranglijst tbody tr")
             if row.is_displayed()]
    assert names and all("hoorn" in name.lower() for name in names), names
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors, errors
