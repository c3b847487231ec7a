"""Issue 13, "compare": a visitor picks gemeenten on the comparison page, the address holds the
choice, and the shared address shows the same table; without JavaScript every gemeente page has
a peer table (its size class in its province, and the size class's median)."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import open_page, page_url, rankings_csv, serious_axe_violations, viewport


def table_text(browser):
    return [[cell.text for cell in row.find_elements(By.CSS_SELECTOR, "th, td")]
            for row in browser.find_elements(By.CSS_SELECTOR, "#vergelijk-tabel tr")]


def test_three_picked_gemeenten_survive_a_reload_of_the_shared_address(browser):
    open_page(browser, "2013/vergelijk.html")
    rows = {row["name"]: row for row in rankings_csv(2013)}
    picked = ["Hoorn", "'s-Hertogenbosch", "Súdwest-Fryslân"]
    picked = [name for name in picked if name in rows][:3]
    if len(picked) < 3:
        picked += [name for name in list(rows)[:5] if name not in picked][: 3 - len(picked)]
    select = Select(browser.find_element(By.ID, "vergelijk-gemeente"))
    for name in picked:
        select.select_by_visible_text(name)
        browser.find_element(By.ID, "vergelijk-voeg-toe").click()
    WebDriverWait(browser, 5).until(lambda driver: driver.current_url.count(",") == 2)
    shown = table_text(browser)
    assert shown[0][1:] == picked
    assert shown[1] == ["Rang"] + [f"{rows[name]['rank']} van {len(rows)}" for name in picked]
    assert shown[2][1:] == [f"{rows[name]['total']} van 230" for name in picked]
    shared = browser.current_url
    assert "#gemeenten=" + ",".join(rows[name]["code"] for name in picked) in shared
    browser.refresh()
    assert table_text(browser) == shown
    # Opened afresh from the shared link.
    browser.get(page_url("2013/index.html"))
    browser.get(shared)
    assert table_text(browser) == shown
    serious, report = serious_axe_violations(browser, "compare-2013")
    assert not serious, report
    for width in (360, 390):
        with viewport(browser, width):
            assert browser.execute_script("return document.documentElement.scrollWidth") <= width


def test_a_hostile_hash_leaves_the_page_working(browser):
    for hash_ in ("#gemeenten=constructor,__proto__", "#gemeenten=%E0%A4%A", "#zoek=<script>"):
        open_page(browser, "2012/vergelijk.html" + hash_)
        assert browser.find_element(By.ID, "vergelijk-kies").is_displayed()
        assert table_text(browser) == []


def test_every_gemeente_page_has_a_peer_table_without_javascript(browser_without_javascript):
    browser = browser_without_javascript
    rows = rankings_csv(2012)
    hoorn = next(row for row in rows if row["name"] == "Hoorn")
    open_page(browser, "2012/gemeente/hoorn.html")
    peers = [row.find_element(By.CSS_SELECTOR, "th").text for row in browser.find_elements(By.CSS_SELECTOR, "table.peers tbody tr")]
    expected = [row["name"] for row in rows if row["size_class"] == hoorn["size_class"] and row["province"] == hoorn["province"]]
    assert peers == expected
    assert "Mediaan grootteklasse" in browser.find_element(By.CSS_SELECTOR, "table.peers tfoot").text
