"""Issue 12, item 4: the rank chart of a gemeente scales each edition to its own length, labels
its points, and reads without the stylesheet."""
from selenium.webdriver.common.by import By

from conftest import open_page, rankings_csv


def rank_chart(driver):
    return driver.find_element(By.CSS_SELECTOR, "svg.line-chart[aria-labelledby^='rang-']")


def test_hoorns_5_1_3_shows_as_movement_with_labelled_points(browser):
    ranks = {year: next(row["rank"] for row in rankings_csv(year) if row["name"] == "Hoorn") for year in (2011, 2012, 2013)}
    assert ranks == {2011: "5", 2012: "1", 2013: "3"}
    counts = {year: len(rankings_csv(year)) for year in (2011, 2012, 2013)}
    open_page(browser, "2013/gemeente/hoorn.html")
    chart = rank_chart(browser)
    heights = [float(point.get_attribute("cy")) for point in chart.find_elements(By.CSS_SELECTOR, "circle.point")]
    # 5 → 1 → 3: up, then down a little; each step clearly visible (the old fixed 1–291 axis
    # drew them within 3 px of each other).
    assert heights[1] < heights[0] - 20 and heights[2] > heights[1] + 10, heights
    labels = [text.text for text in chart.find_elements(By.CSS_SELECTOR, "text.point-value")]
    assert labels == [f"{ranks[year]} van {counts[year]}" for year in (2011, 2012, 2013)]
    for text in chart.find_elements(By.CSS_SELECTOR, "text.point-value"):
        box = browser.execute_script("var b = arguments[0].getBBox(); return [b.x, b.x + b.width]", text)
        assert box[0] >= 0 and box[1] <= 560, f"label {text.text!r} leaves the chart: {box}"


def test_the_charts_read_without_the_stylesheet(browser):
    open_page(browser, "2013/gemeente/hoorn.html")
    browser.execute_script("document.querySelectorAll('link[rel=stylesheet]').forEach(function (l) { l.remove(); })")
    assert browser.execute_script("return document.styleSheets.length") == 0
    for chart in browser.find_elements(By.CSS_SELECTOR, "svg.line-chart"):
        line = chart.find_element(By.CSS_SELECTOR, "path.line")
        assert browser.execute_script("return getComputedStyle(arguments[0]).fill", line) == "none", "the line is not a filled shape"
        assert browser.execute_script("return getComputedStyle(arguments[0]).stroke", line) != "none"
        assert chart.size["width"] <= 600
    open_page(browser, "2013/statistieken.html")
    browser.execute_script("document.querySelectorAll('link[rel=stylesheet]').forEach(function (l) { l.remove(); })")
    bars = browser.find_elements(By.CSS_SELECTOR, "svg.bar-chart rect")
    assert bars
    fills = {browser.execute_script("return getComputedStyle(arguments[0]).fill", bar) for bar in bars}
    assert "rgb(0, 0, 0)" not in fills, fills
