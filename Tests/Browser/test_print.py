"""Issue 12, item 11: an A4 print of a ranking shows all its columns (Chromium's print to PDF)."""
import base64
import io
import unicodedata

import pypdf
import pytest
from selenium.webdriver.common.by import By

from conftest import open_page, rankings_csv

A4 = {"paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": True, "printBackground": False}
# The printable width of an A4 page with the stylesheet's 12 mm margins, in CSS pixels.
A4_CONTENT_PX = (210 - 2 * 12) / 25.4 * 96


def printed(driver):
    data = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", A4)["data"])
    return pypdf.PdfReader(io.BytesIO(data))


@pytest.mark.parametrize("year", [2011, 2013])
def test_a_printed_ranking_has_every_column_and_every_gemeente(browser, year):
    open_page(browser, f"{year}/index.html")
    headers = [header.text.split("\n")[0].split(" (")[0] for header in browser.find_elements(By.CSS_SELECTOR, "#ranglijst thead th")]
    pdf = printed(browser)
    text = "\n".join(page.extract_text() for page in pdf.pages)
    # A name broken over two lines at its hyphen (Midden-Delfland) is still there.
    # The PDF writes "fl" as a ligature (NFKC undoes it).
    flat = unicodedata.normalize("NFKC", " ".join(text.split()).replace("- ", "-"))
    for header in headers:
        assert " ".join(header.split()) in flat, f"column {header!r} is not on the printed page"
    names = [row["name"] for row in rankings_csv(year)]
    missing = [name for name in names if name not in flat]
    assert not missing, missing[:5]
    # Each page holds a good share of the list: a ranking of 238 is not 20 pages of scraps.
    assert len(pdf.pages) <= len(names) // 25 + 2, f"{len(pdf.pages)} pages for {len(names)} gemeenten"


def test_no_column_is_clipped_at_a4_width(browser):
    open_page(browser, "2013/index.html")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": int(A4_CONTENT_PX), "height": 1100, "deviceScaleFactor": 1, "mobile": False})
    try:
        wrap = browser.find_element(By.ID, "ranglijst-tabel")
        scroll, client = browser.execute_script("return [arguments[0].scrollWidth, arguments[0].clientWidth]", wrap)
        assert scroll <= client, f"the table is {scroll} px wide in a {client} px print area"
        right = browser.execute_script("return document.getElementById('ranglijst').getBoundingClientRect().right")
        assert right <= A4_CONTENT_PX
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
