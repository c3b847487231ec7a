"""Issue 12, item 3: a comparison with a predecessor (after a merger) is always said, risers and
fallers are not led by such rows, and rankings of different lengths are compared like for like
(relative position beside the places) — on the ranking pages, the statistics and in
`meetlat compare`."""
import json
import subprocess

from selenium.webdriver.common.by import By

from conftest import MEETLAT, open_page, rankings_csv

MERGED = "Goeree-Overflakkee"      # 2013: compared with its predecessor Middelharnis
PREDECESSOR = "Middelharnis"


def ranking_row(driver, name):
    for row in driver.find_elements(By.CSS_SELECTOR, "#ranglijst tbody tr"):
        if row.find_element(By.TAG_NAME, "th").text == name:
            return row
    raise AssertionError(f"{name} not in the ranking")


def test_a_ranking_row_compared_with_a_predecessor_says_so(browser):
    open_page(browser, "2013/index.html")
    change = ranking_row(browser, MERGED).find_element(By.CSS_SELECTOR, "td.change")
    assert f"vergeleken met voorganger {PREDECESSOR}" in change.text, change.text


def test_every_compared_row_of_the_ranking_shows_the_relative_position_beside_the_places(browser):
    counts = {year: len(rankings_csv(year)) for year in (2012, 2013)}
    assert counts[2012] != counts[2013], "the demo rankings differ in length"
    open_page(browser, "2013/index.html")
    rows = browser.find_elements(By.CSS_SELECTOR, "#ranglijst tbody tr")
    compared = [row for row in rows if row.find_elements(By.CSS_SELECTOR, ".change-up, .change-down, .change-same")]
    assert len(compared) > 100
    for row in compared:
        relative = row.find_element(By.CSS_SELECTOR, ".relative").get_attribute("textContent")
        assert relative.startswith(("+", "-", "0")) and " pp" in relative, relative
    note = browser.find_element(By.CSS_SELECTOR, ".table-note").text
    assert f"In 2012 stonden {counts[2012]} gemeenten in de ranglijst, nu {counts[2013]}" in note


def test_the_gemeente_page_says_a_fall_in_places_was_a_rise_relative_to_a_longer_list(browser):
    # Barneveld: 180th of 221 in 2012, 186th of 238 in 2013.
    open_page(browser, "2013/gemeente/barneveld.html")
    text = browser.find_element(By.CSS_SELECTOR, ".key-figures").text
    assert "6 plaatsen gedaald (was 180 van 221 in 2012)" in text
    assert "relatieve positie 18,6 → 21,9 (+3,3 pp)" in text
    assert "gedaald in plaatsen, maar relatief gestegen, omdat de ranglijst langer werd" in text


def table_rows(driver, caption_id):
    table = driver.find_element(By.ID, caption_id).find_element(By.XPATH, "..")
    return [[cell.text for cell in row.find_elements(By.CSS_SELECTOR, "th, td")]
            for row in table.find_elements(By.CSS_SELECTOR, "tbody tr")]


def test_statistics_risers_and_fallers_leave_predecessors_out_and_order_like_for_like(browser):
    open_page(browser, "2013/statistieken.html")
    risers, fallers = table_rows(browser, "stijgers-titel"), table_rows(browser, "dalers-titel")
    mergers = table_rows(browser, "voorgangers-titel")
    assert risers and fallers
    assert MERGED in [row[0] for row in mergers]
    assert "voorganger Middelharnis" in [row[2] for row in mergers if row[0] == MERGED][0]
    for row in risers + fallers:
        assert row[0] != MERGED and "voorganger" not in " ".join(row)
    # Ordered by the change of relative position (the last column), largest first.
    def points(text):
        return float(text.replace(" pp", "").replace(",", ".").replace("+", ""))
    gains = [points(row[-1]) for row in risers]
    assert gains == sorted(gains, reverse=True) and gains[0] > 0
    losses = [points(row[-1]) for row in fallers]
    assert losses == sorted(losses) and losses[0] < 0
    # The model changed between 2012 and 2013: the notice is there.
    notice = browser.find_element(By.CSS_SELECTOR, "#vergelijking .notice").text
    assert "2012 werd gescoord met de Socialmediameetlat 2012" in notice


def test_meetlat_compare_leaves_predecessors_out_of_the_risers_and_shows_relative_positions():
    output = subprocess.run([str(MEETLAT), "compare", "2012", "2013", "--format", "json", "--no-channels"],
                            check=True, capture_output=True, text=True).stdout
    tables = {table["id"]: table for table in json.loads(output)["tables"]}
    for id_ in ("compare.risers", "compare.fallers"):
        table = tables[id_]
        assert "position-change" in [column["id"] for column in table["columns"]]
        assert all(row["cells"].get("compared-with", "") in ("", None) or "predecessor" not in str(row["cells"]["compared-with"])
                   for row in table["rows"]), id_
        assert MERGED not in [row["label"] for row in table["rows"]]
        assert any("relative position" in note for note in table["notes"])
        assert any("scoring model changed" in note for note in table["notes"])
    mergers = tables["compare.mergers"]
    merged = [row for row in mergers["rows"] if row["label"] == MERGED]
    assert merged and "position-change" in merged[0]["cells"]
    everyone = tables["compare.gemeenten"]
    row = [row for row in everyone["rows"] if row["label"] == MERGED][0]
    assert "predecessor Middelharnis" in json.dumps(row["cells"]["compared-with"])
