"""Issue 12, item 7: every figure in the running text of an edition's pages comes from that
edition's data: the caveats' response figures are the ones in the year's own response table."""
import re

import pytest
from selenium.webdriver.common.by import By

from conftest import open_page


@pytest.mark.parametrize("year", [2011, 2012, 2013])
def test_the_caveats_quote_the_years_own_response_figures(browser, year):
    open_page(browser, f"{year}/kanttekeningen.html")
    text = browser.find_element(By.ID, "deelname-naar-grootte").text
    table = browser.find_element(By.CSS_SELECTOR, "#tabel-response table")
    rows = [[cell.text for cell in row.find_elements(By.CSS_SELECTOR, "th, td")] for row in table.find_elements(By.CSS_SELECTOR, "tbody tr")]
    classes = [row for row in rows if row[0] != "Totaal"]
    smallest, largest = classes[0], classes[-1]
    for row in (smallest, largest):
        percent = row[3].split(" ")[0] + " %"
        assert f"{percent} van de gemeenten met {row[0]} inwoners" in text, (row, text)
        assert f"({row[1]} van de {row[2]})" in text
    assert f"In {year} deed" in text
    # No other edition's year in the running text.
    main = browser.find_element(By.TAG_NAME, "main").text
    others = {str(other) for other in (2011, 2012, 2013) if other != year}
    edition_switch = browser.find_element(By.CSS_SELECTOR, "nav.edition-switch").text
    newer = browser.find_elements(By.CSS_SELECTOR, ".newer-edition")
    prose = main.replace(edition_switch, "").replace(newer[0].text if newer else "", "")
    assert not (set(re.findall(r"\b20\d\d\b", prose)) & others), prose
