"""Issue 13, "find your gemeente from anywhere": the header's search box on every page finds a
gemeente by an alias and by its name without accents and goes to its latest page; without
JavaScript it leads to the list of all gemeenten; a gemeente that did not take part in an
edition has a page there saying so."""
import pathlib
import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import SITE, open_page, reference_csv, serious_axe_violations, viewport


def search(browser, page, query):
    open_page(browser, page)
    box = browser.find_element(By.ID, "zoek-gemeente")
    box.send_keys(query)
    box.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda driver: page not in driver.current_url)
    return pathlib.Path(browser.current_url.split("#")[0].replace("file://", "")).resolve().relative_to(SITE).as_posix()


@pytest.mark.parametrize("page,query,expected", [
    ("2011/index.html", "den bosch", "2013/gemeente/s-hertogenbosch.html"),
    ("2011/statistieken.html", "sudwest-fryslan", "2013/gemeente/sudwest-fryslan.html"),
    ("2012/gemeente/hoorn.html", "the hague", "2013/gemeente/s-gravenhage.html"),
    ("index.html", "SÚDWEST fryslân", "2013/gemeente/sudwest-fryslan.html"),
])
def test_the_header_search_finds_a_gemeente_by_alias_or_without_accents(browser, page, query, expected):
    assert search(browser, page, query) == expected
    assert browser.find_element(By.TAG_NAME, "h1").text


def test_an_unknown_name_says_so_and_offers_the_list(browser):
    open_page(browser, "2012/index.html")
    box = browser.find_element(By.ID, "zoek-gemeente")
    box.send_keys("Atlantis")
    box.send_keys(Keys.ENTER)
    message = browser.find_element(By.CSS_SELECTOR, ".site-search-message")
    assert "Geen gemeente gevonden" in message.text
    assert message.find_element(By.TAG_NAME, "a").get_attribute("href").endswith("gemeenten.html")


def test_without_javascript_the_search_leads_to_every_gemeente_per_letter(browser_without_javascript):
    browser = browser_without_javascript
    open_page(browser, "2013/methode.html")
    box = browser.find_element(By.ID, "zoek-gemeente")
    box.send_keys("den bosch")
    box.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda driver: "gemeenten.html" in driver.current_url)
    names = [link.text for link in browser.find_elements(By.CSS_SELECTOR, ".gemeente-list a")]
    # Every gemeente that existed in one of the editions, once.
    years = (2011, 2012, 2013)
    existed = [row for row in reference_csv("gemeenten.csv")
               if any(int(row["first_year"]) <= year and (not row["last_year"] or year <= int(row["last_year"])) for year in years)]
    assert len(names) == len(existed) and "'s-Hertogenbosch" in names
    assert browser.find_element(By.CSS_SELECTOR, "#letter-S")
    for link in browser.find_elements(By.CSS_SELECTOR, ".gemeente-list a")[:50]:
        target = link.get_attribute("href").replace("file://", "")
        assert pathlib.Path(target).is_file(), target


def test_a_non_participant_has_a_page_saying_so_with_its_other_editions(browser):
    # Gemeenten of 2013 without a ranking page in 2013 that took part in 2012.
    ranked_2013 = {p.name for p in (SITE / "2013" / "gemeente").glob("*.html")
                   if "niet mee aan de socialmediameetlat" not in p.read_text(encoding="utf-8")}
    absent = [p for p in (SITE / "2013" / "gemeente").glob("*.html") if p.name not in ranked_2013]
    assert len(absent) + len(ranked_2013) == 408
    page = next(p for p in sorted(absent) if (SITE / "2012" / "gemeente" / p.name).is_file()
                and "niet mee aan" not in (SITE / "2012" / "gemeente" / p.name).read_text(encoding="utf-8"))
    open_page(browser, f"2013/gemeente/{page.name}")
    assert "deed in 2013 niet mee" in browser.find_element(By.CSS_SELECTOR, ".absent-notice").text
    links = browser.find_elements(By.CSS_SELECTOR, ".absent-editions a")
    assert "2012" in [link.text for link in links]
    serious, report = serious_axe_violations(browser, "absent-2013")
    assert not serious, report


def test_a_merged_gemeente_says_what_became_of_it(browser):
    merged = {row["code"]: row for row in reference_csv("gemeenten.csv") if row["successor"]}
    names = {row["code"]: row["name"] for row in reference_csv("gemeenten.csv")}
    pages = sorted(p for p in (SITE / "2013" / "gemeente").glob("*.html") if 'class="merger"' in p.read_text(encoding="utf-8"))
    assert pages
    for page in pages[:5]:
        open_page(browser, f"2013/gemeente/{page.name}")
        text = browser.find_element(By.CSS_SELECTOR, ".merger").text
        name = re.match(r"Op 1 januari \d+ ging (.+) op in ", text).group(1)
        row = next(row for row in merged.values() if row["name"] == name)
        assert text == f"Op 1 januari {int(row['last_year']) + 1} ging {name} op in {names[row['successor']]}."


def test_the_search_fits_a_phone(browser):
    for width in (360, 390):
        with viewport(browser, width):
            open_page(browser, "2013/gemeente/hoorn.html")
            assert browser.execute_script("return document.documentElement.scrollWidth") <= width
