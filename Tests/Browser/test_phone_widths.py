"""Issue 12, item 2: no page scrolls sideways on a phone or tablet, and a ranking shows rank,
gemeente and score without scrolling. Also writes the screenshots of the 2013 ranking and a
gemeente page at 390 and 1366 px (Tests/Browser/artifacts/), to be looked at."""
import base64

import pytest
from selenium.webdriver.common.by import By

from conftest import ARTIFACTS, open_page, viewport

# One page of every type the site has (the ROI calculator is tested with its own page).
PAGE_TYPES = {
    "home": "index.html",
    "ranking": "2013/index.html",
    "map": "2013/kaart.html",
    "sorted ranking": "2013/sorteer-gemeente-op.html",
    "province": "2013/provincie-noord-brabant.html",
    "size class": "2013/grootte-lt10k.html",
    "gemeente": "2013/gemeente/goeree-overflakkee.html",
    "statistics": "2013/statistieken.html",
    "method": "2013/methode.html",
    "caveats": "2013/kanttekeningen.html",
    "downloads": "2013/downloads.html",
    "data for re-use": "api/index.html",
    "first edition ranking": "2011/index.html",
    "first edition gemeente": "2011/gemeente/hoorn.html",
    "first edition map": "2011/kaart.html",
}
WIDTHS = [360, 390, 768]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_no_page_scrolls_sideways(browser, kind, width):
    with viewport(browser, width):
        open_page(browser, PAGE_TYPES[kind])
        scroll_width, inner_width = browser.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth]")
        # With a phone's viewport rules the layout viewport grows to the content: both must stay
        # at the screen's width.
        assert scroll_width <= width and inner_width <= width, (
            f"{PAGE_TYPES[kind]} at {width} px is {scroll_width} px wide (innerWidth {inner_width})")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page", ["2013/index.html", "2012/provincie-utrecht.html", "2011/index.html"])
def test_rank_gemeente_and_score_are_on_screen_without_scrolling(browser, page, width):
    with viewport(browser, width):
        open_page(browser, page)
        first = browser.find_element(By.CSS_SELECTOR, "#ranglijst tbody tr")
        rank = first.find_elements(By.TAG_NAME, "td")[0]
        name = first.find_element(By.TAG_NAME, "th")
        score = first.find_element(By.CSS_SELECTOR, "td.score")
        header = browser.find_element(By.CSS_SELECTOR, "#ranglijst thead th.score")
        assert header.text.startswith("Score")
        for cell in (rank, name, score):
            right = browser.execute_script("return arguments[0].getBoundingClientRect().right", cell)
            assert cell.is_displayed() and cell.text.strip()
            assert right <= width, f"{cell.text!r} ends at {right} px, beyond the {width} px screen"


def test_screenshots_of_the_2013_ranking_and_a_gemeente_page(browser):
    ARTIFACTS.mkdir(exist_ok=True)
    for width in (390, 1366):
        for page, name in (("2013/index.html", "ranglijst-2013"), ("2013/gemeente/hoorn.html", "gemeente-hoorn-2013")):
            with viewport(browser, width):
                open_page(browser, page)
                path = ARTIFACTS / f"{name}-{width}.png"
                # The top of the page down to well into the table or the charts (a whole ranking
                # would be a picture 15.000 px high).
                height = min(browser.execute_script("return document.documentElement.scrollHeight"), 2600)
                shot = browser.execute_cdp_cmd("Page.captureScreenshot", {
                    "format": "png", "captureBeyondViewport": True,
                    "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
                path.write_bytes(base64.b64decode(shot["data"]))
                assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 10_000
