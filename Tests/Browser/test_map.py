"""Issue 13, "a map": per edition a map of every gemeente of that year (418 / 415 / 408 in
2011-2013), participants coloured by their fifth of the ranking, the others hatched, each shape a
keyboard-reachable link to the gemeente's page, and the table of all gemeenten as the map's text
alternative. Writes the screenshots map-2013-390.png and map-2013-1366.png (artifacts/)."""
import base64

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import ARTIFACTS, open_page, page_url, rankings_csv, reference_csv, serious_axe_violations, viewport

GEMEENTEN = {2011: 418, 2012: 415, 2013: 408}


def existing(year):
    """Codes of the gemeenten that existed on 1 January of `year`, from the reference."""
    return {row["code"] for row in reference_csv("gemeenten.csv")
            if int(row["first_year"] or 0) <= year <= int(row["last_year"] or 9999)}


def shapes(browser):
    """code -> (class, link) of every shape on the open map."""
    return browser.execute_script("""
        const result = {};
        for (const path of document.querySelectorAll('figure.gemeente-map svg path')) {
          const link = path.closest('a');
          result[link ? link.id : ''] = [path.getAttribute('class'), link ? link.getAttribute('href') : null];
        }
        return result;""")


@pytest.mark.parametrize("year", sorted(GEMEENTEN))
def test_one_shape_per_gemeente_of_the_year_participants_coloured(browser, year):
    open_page(browser, f"{year}/kaart.html")
    drawn = shapes(browser)
    assert len(browser.find_elements(By.CSS_SELECTOR, "figure.gemeente-map svg path")) == GEMEENTEN[year]
    assert set(drawn) == existing(year) and len(drawn) == GEMEENTEN[year]
    ranked = {row["code"]: row for row in rankings_csv(year)}
    count = len(ranked)
    for code, (css_class, href) in drawn.items():
        if code in ranked:
            fifth = min(5, 1 + (int(ranked[code]["rank"]) - 1) * 5 // count)
            assert css_class == f"klasse-{fifth}", (code, css_class)
        else:
            assert css_class == "niet-meegedaan", (code, css_class)
        assert href.startswith("gemeente/"), (code, href)
    # The colours are really drawn: a ranked shape is filled with its class colour, an absent one with the hatching.
    fills = browser.execute_script("""
        return [...document.querySelectorAll('path.klasse-1, path.klasse-5, path.niet-meegedaan')].slice(0, 400)
          .map(p => [p.getAttribute('class'), getComputedStyle(p).fill]);""")
    colours = {css_class: fill for css_class, fill in fills}
    assert colours.get("klasse-1") == "rgb(68, 1, 84)" and colours.get("klasse-5") == "rgb(253, 231, 37)"
    assert colours.get("niet-meegedaan", "").startswith("url("), colours
    # The legend counts add up to the edition.
    legend = browser.find_element(By.ID, "kaart-legenda").text
    assert f"deed niet mee ({GEMEENTEN[year] - count} gemeenten)" in legend


@pytest.mark.parametrize("year", sorted(GEMEENTEN))
def test_the_table_says_what_the_map_shows(browser, year):
    open_page(browser, f"{year}/kaart.html")
    rows = browser.execute_script("""
        return [...document.querySelectorAll('#kaart-tabel tbody tr')].map(row =>
          [...row.querySelectorAll('th, td')].map(cell => cell.textContent.trim()));""")
    assert len(rows) == GEMEENTEN[year]
    ranked = {row["name"]: row for row in rankings_csv(year)}
    shown = {row[0]: row for row in rows}
    for name, row in ranked.items():
        assert shown[name][2:] == [row["rank"], row["total"]], name
    assert sum(1 for row in rows if row[2] == "deed niet mee") == GEMEENTEN[year] - len(ranked)


def test_a_shape_is_reached_and_followed_with_the_keyboard(browser):
    open_page(browser, "2013/kaart.html")
    first = browser.find_element(By.CSS_SELECTOR, "figure.gemeente-map svg a")
    for _ in range(40):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        if browser.switch_to.active_element == first:
            break
    else:
        raise AssertionError("the first shape of the map is not in the tab order")
    stroke = browser.execute_script("return getComputedStyle(arguments[0].querySelector('path')).strokeWidth", first)
    assert stroke == "3px", "the focused shape is outlined"
    target = browser.execute_script("return arguments[0].getAttribute('href')", first)
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    assert target.startswith("gemeente/") and browser.current_url == page_url("2013/" + target)


def test_the_skip_link_passes_the_map(browser):
    open_page(browser, "2013/kaart.html")
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    browser.switch_to.active_element.send_keys(Keys.TAB)
    skip = browser.switch_to.active_element
    assert skip.text == "Sla de kaart over, naar de tabel"
    skip.send_keys(Keys.ENTER)
    assert browser.current_url.endswith("#kaart-tabel")


def test_a_gemeente_page_leads_to_its_shape(browser):
    open_page(browser, "2013/gemeente/hoorn.html")
    browser.find_element(By.PARTIAL_LINK_TEXT, "op de kaart van 2013").click()
    assert browser.current_url.endswith("2013/kaart.html#GM0405")
    stroke = browser.execute_script("return getComputedStyle(document.querySelector('#GM0405 path')).stroke")
    assert stroke == "rgb(212, 53, 28)", "the gemeente of the link is outlined on the map"


def test_the_map_works_without_javascript(browser_without_javascript):
    open_page(browser_without_javascript, "2012/kaart.html")
    links = browser_without_javascript.find_elements(By.CSS_SELECTOR, "figure.gemeente-map svg a")
    assert len(links) == GEMEENTEN[2012]


def test_the_map_is_accessible_and_screenshots_are_written(browser):
    open_page(browser, "2013/kaart.html")
    serious, report = serious_axe_violations(browser, "map-2013")
    assert not serious, report
    ARTIFACTS.mkdir(exist_ok=True)
    for width in (390, 1366):
        with viewport(browser, width):
            browser.get(page_url("2013/kaart.html"))
            scroll_width = browser.execute_script("return document.documentElement.scrollWidth")
            assert scroll_width <= width
            # The top of the page down to the legend under the map.
            height = browser.execute_script("return Math.ceil(document.querySelector('figure.gemeente-map').getBoundingClientRect().bottom + window.scrollY)")
            shot = browser.execute_cdp_cmd("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": width, "height": height + 16, "scale": 1}})
            path = ARTIFACTS / f"map-2013-{width}.png"
            path.write_bytes(base64.b64decode(shot["data"]))
            assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 10_000
