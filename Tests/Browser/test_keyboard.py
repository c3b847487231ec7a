"""Issue 12, item 13: a keyboard user reaches the first gemeente quickly: a skip link to the table
and each filter once in the tab order."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import open_page

FIRST_GEMEENTE = "#ranglijst tbody tr:first-child th a"


def tabs_until(driver, selector, limit=80):
    """Tab presses from the top of the page until `selector` has the focus, and what got focus on the way."""
    target = driver.find_element(By.CSS_SELECTOR, selector)
    seen = []
    for presses in range(1, limit + 1):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        focused = driver.switch_to.active_element
        if focused == target:
            return presses, seen
        seen.append(driver.execute_script("var e = arguments[0]; return (e.id || e.getAttribute('href') || e.textContent).trim()", focused))
    raise AssertionError(f"not reached in {limit} presses: {seen}")


def test_each_filter_is_in_the_tab_order_once(browser):
    open_page(browser, "2013/index.html")
    presses, seen = tabs_until(browser, FIRST_GEMEENTE)
    # The site's menu, the edition links, search and two filters, the table and its column
    # headers, the header's search box with its button and the list of all gemeenten, and the map
    # in the menu and in the introduction (issue 13): under 35 (47 when every filter was there twice).
    assert presses < 35, f"{presses} presses before the first gemeente: {seen}"
    assert seen.count("filter-grootte") == 1 and seen.count("filter-provincie") == 1
    assert not [target for target in seen if "provincie-" in target or "grootte-" in target], "no link copies of the filters"


def test_the_skip_link_leads_to_the_table(browser):
    open_page(browser, "2013/index.html")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    browser.switch_to.active_element.send_keys(Keys.TAB)
    skip = browser.switch_to.active_element
    assert skip.get_attribute("class") == "skip-link" and skip.text == "Naar de ranglijst"
    assert skip.is_displayed()
    skip.send_keys(Keys.ENTER)
    assert browser.switch_to.active_element.get_attribute("id") == "ranglijst-tabel"
    columns = len(browser.find_elements(By.CSS_SELECTOR, "#ranglijst thead button"))
    presses, _ = tabs_until(browser, FIRST_GEMEENTE)
    assert presses <= columns + 1
    # The filters still work after the skip link put #ranglijst-tabel in the address.
    browser.find_element(By.ID, "zoek").send_keys("hoorn")
    assert [row.find_element(By.TAG_NAME, "th").text for row in browser.find_elements(By.CSS_SELECTOR, "#ranglijst tbody tr")
            if row.is_displayed()] == ["Hoorn"]
