"""Issue 12, item 5: filters agree with each other and with the caption, an empty result says why,
the download matches what is shown, and the URL hash alone decides the filters."""
import csv
import io
import pathlib
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import open_page, rankings_csv

BRABANT, MIDDLE = "noord-brabant", "10k-50k"


def visible_rows(driver):
    return [row for row in driver.find_elements(By.CSS_SELECTOR, "#ranglijst tbody tr") if row.is_displayed()]


def caption(driver):
    return driver.find_element(By.ID, "ranglijst-titel").text


def test_selects_link_filters_and_caption_agree(browser):
    open_page(browser, "2013/index.html")
    assert not browser.find_element(By.ID, "filterlinks").is_displayed(), "one set of filters: the link filters give way"
    Select(browser.find_element(By.ID, "filter-provincie")).select_by_value(BRABANT)
    Select(browser.find_element(By.ID, "filter-grootte")).select_by_value(MIDDLE)
    expected = [row for row in rankings_csv(2013) if row["province"] == "Noord-Brabant" and row["size_class"] == MIDDLE]
    shown = visible_rows(browser)
    assert len(shown) == len(expected) > 0
    text = caption(browser)
    assert f"{len(expected)} van {len(rankings_csv(2013))} gemeenten" in text, text
    assert "Noord-Brabant" in text and "10.000 – 49.999 inwoners" in text
    assert ": 238 gemeenten" not in text, "the caption counts what is shown"


def test_an_empty_result_says_so(browser):
    open_page(browser, "2013/provincie-utrecht.html")
    message = browser.find_element(By.ID, "geen-resultaat")
    assert not message.is_displayed()
    browser.find_element(By.ID, "zoek").send_keys("hoorn")       # not in Utrecht
    assert visible_rows(browser) == []
    assert message.is_displayed() and "Geen gemeente gevonden" in message.text
    message.find_element(By.TAG_NAME, "button").click()
    assert len(visible_rows(browser)) == len([row for row in rankings_csv(2013) if row["province"] == "Utrecht"])


def test_a_gemeente_that_did_not_take_part_is_named_with_the_editions_it_took_part_in(browser):
    took_part = [year for year in (2011, 2012, 2013) if any(row["name"] == "Aalsmeer" for row in rankings_csv(year))]
    assert took_part == [2011, 2012]
    open_page(browser, "2013/index.html")
    browser.find_element(By.ID, "zoek").send_keys("aalsmeer")
    message = browser.find_element(By.ID, "geen-resultaat")
    assert message.is_displayed()
    assert "Aalsmeer deed in 2013 niet mee aan de enquête." in message.text
    links = message.find_elements(By.TAG_NAME, "a")
    assert [link.text for link in links] == ["2011", "2012"]
    links[1].click()
    assert browser.current_url.endswith("/2012/gemeente/aalsmeer.html")
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Aalsmeer")


def read_csv(url):
    path = pathlib.Path(urllib.parse.unquote(urllib.parse.urlparse(url).path))
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";"))


def test_the_download_of_a_filtered_page_is_that_selection(browser, browser_without_javascript):
    for driver in (browser, browser_without_javascript):
        open_page(driver, "2013/provincie-utrecht.html")
        link = driver.find_element(By.CSS_SELECTOR, "#download a.download-csv")
        rows = read_csv(link.get_attribute("href"))
        assert [row["Gemeente"] for row in rows] == [row.find_element(By.TAG_NAME, "th").text for row in visible_rows(driver)]
        assert "deze selectie" in driver.find_element(By.ID, "download").text
    # A filter chosen in the page: the link follows it, or says it is the whole ranking.
    open_page(browser, "2013/index.html")
    Select(browser.find_element(By.ID, "filter-provincie")).select_by_value(BRABANT)
    link = browser.find_element(By.CSS_SELECTOR, "#download a.download-csv")
    assert [row["Gemeente"] for row in read_csv(link.get_attribute("href"))] == [
        row.find_element(By.TAG_NAME, "th").text for row in visible_rows(browser)]
    browser.find_element(By.ID, "zoek").send_keys("a")
    download = browser.find_element(By.ID, "download").text
    assert "de hele ranglijst van 2013 (238 gemeenten)" in download and "staat niet apart in een bestand" in download
    assert len(read_csv(browser.find_element(By.CSS_SELECTOR, "#download a.download-csv").get_attribute("href"))) == 238


def test_changing_only_the_hash_resets_the_filters_it_no_longer_names(browser):
    open_page(browser, "2013/index.html#zoek=hoorn&grootte=50k-100k&sorteer=gemeente-op")
    assert browser.find_element(By.ID, "zoek").get_attribute("value") == "hoorn"
    assert [row.find_element(By.TAG_NAME, "th").text for row in visible_rows(browser)] == ["Hoorn"]
    browser.execute_script("window.location.hash = 'grootte=50k-100k'")
    assert browser.find_element(By.ID, "zoek").get_attribute("value") == ""
    assert Select(browser.find_element(By.ID, "filter-grootte")).first_selected_option.get_attribute("value") == "50k-100k"
    names = [row.find_element(By.TAG_NAME, "th").text for row in visible_rows(browser)]
    expected = [row["name"] for row in rankings_csv(2013) if row["size_class"] == "50k-100k"]
    assert names == expected, "ranking order again: the hash no longer names a sort"
    browser.execute_script("window.location.hash = ''")
    assert len(visible_rows(browser)) == len(rankings_csv(2013))
