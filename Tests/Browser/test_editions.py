"""Issue 12, item 6: every page of an edition links the same page of the other editions, and an
older edition says which one is the newest."""
import pathlib
import urllib.parse

import pytest
from selenium.webdriver.common.by import By

from conftest import SITE, open_page

YEARS = [2011, 2012, 2013]
# Page of 2012 → the same page in each edition (None: that edition has no such page; ABSENT: the
# gemeente did not take part that year, and the link leads to the page saying so).
ABSENT = "absent"
COUNTERPARTS = {
    "2012/index.html": {year: f"{year}/index.html" for year in YEARS},
    "2012/gemeente/hoorn.html": {year: f"{year}/gemeente/hoorn.html" for year in YEARS},
    "2012/gemeente/aalsmeer.html": {2011: "2011/gemeente/aalsmeer.html", 2012: "2012/gemeente/aalsmeer.html", 2013: ABSENT},
    "2012/statistieken.html": {year: f"{year}/statistieken.html" for year in YEARS},
    "2012/methode.html": {year: f"{year}/methode.html" for year in YEARS},
    "2012/kanttekeningen.html": {year: f"{year}/kanttekeningen.html" for year in YEARS},
    "2012/downloads.html": {year: f"{year}/downloads.html" for year in YEARS},
    "2012/provincie-utrecht.html": {year: f"{year}/provincie-utrecht.html" for year in YEARS},
    "2012/sorteer-gemeente-op.html": {year: f"{year}/sorteer-gemeente-op.html" for year in YEARS},
}


def target(link):
    return pathlib.Path(urllib.parse.unquote(urllib.parse.urlparse(link.get_attribute("href")).path)).relative_to(SITE).as_posix()


@pytest.mark.parametrize("page", sorted(COUNTERPARTS))
def test_every_edition_page_links_its_counterparts(browser, page):
    open_page(browser, page)
    switch = browser.find_element(By.CSS_SELECTOR, "nav.edition-switch")
    items = switch.find_elements(By.TAG_NAME, "li")
    assert [item.text[:4] for item in items] == [str(year) for year in YEARS]
    for item, year in zip(items, YEARS):
        expected = COUNTERPARTS[page][year]
        links = item.find_elements(By.TAG_NAME, "a")
        if year == 2012:
            assert not links and item.find_element(By.CSS_SELECTOR, "[aria-current=page]").text == "2012"
        elif expected is None:
            assert not links and "deed niet mee" in item.text
        elif expected == ABSENT:
            assert "deed niet mee" in item.text and len(links) == 1
            assert "niet mee aan de socialmediameetlat" in (SITE / target(links[0])).read_text(encoding="utf-8")
        else:
            assert [target(link) for link in links] == [expected]
            assert (SITE / expected).is_file()


def test_an_older_edition_says_which_is_the_newest(browser):
    for page in ("2012/index.html", "2011/gemeente/hoorn.html", "2012/statistieken.html"):
        open_page(browser, page)
        notice = browser.find_element(By.CSS_SELECTOR, ".newer-edition")
        assert "De nieuwste editie is die van 2013" in notice.text
        assert target(notice.find_element(By.TAG_NAME, "a")) == page.replace(page[:4], "2013")
    open_page(browser, "2013/index.html")
    assert not browser.find_elements(By.CSS_SELECTOR, ".newer-edition"), "the newest edition has no such notice"
