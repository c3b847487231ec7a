"""Issue 13, "Hoe kom ik hoger?": the score and rank a gemeente page shows for a change of answers
are what meetlat gives when the changed answers are scored again by the edition's model: the same
numbers as `meetlat advise`, and the same as scoring an answers file edited as the page says."""
import copy
import json
import subprocess
import tempfile

import pytest
from selenium.webdriver.common.by import By

from conftest import MEETLAT, REPOSITORY, open_page, rankings_csv, serious_axe_violations, viewport

YEARS = (2011, 2012, 2013)


def picks(year):
    """Gemeenten across the edition: the top, a quarter down, the middle, the bottom, and one
    that shares its rank with another (a tie)."""
    rows = rankings_csv(year)
    count = len(rows)
    chosen = [rows[i] for i in (0, 1, count // 4, count // 2, 3 * count // 4, count - 2, count - 1)]
    tied = next(row for i, row in enumerate(rows) if i > count // 3 and rows[i - 1]["total"] == row["total"])
    return chosen + [tied]


def page_of(browser, year, name):
    open_page(browser, f"{year}/index.html")
    link = browser.find_element(By.XPATH, f"//table//a[normalize-space()={json.dumps(name, ensure_ascii=False)}]")
    href = link.get_attribute("href")
    browser.get(href)
    return href


def advise(code, year, answers=None):
    command = [str(MEETLAT), "advise", code, "--year", str(year), "--json"]
    if answers:
        command += ["--answers", str(answers)]
    result = subprocess.run(command, cwd=REPOSITORY, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def edited(answers, code, edits):
    """The answers file with the page's changes made to one gemeente, as a person would edit it."""
    changed = copy.deepcopy(answers)
    gemeente = next(g for g in changed["gemeenten"] if g["code"] == code)
    for edit in edits:
        if "field" in edit:
            gemeente["answers"][edit["field"]] = edit["value"]
        else:
            account = next(a for a in changed["observations"]["accounts"]
                           if a["gemeente"] == code and a["channel"] == edit["channel"])
            account["count"] = edit["count"]
    return changed


def shown_steps(browser):
    """(total, rank, edits) of the combination and of every step row, as the page shows them."""
    best = browser.find_element(By.CSS_SELECTOR, ".advice-best")
    text = best.text
    total, rank = int(best.get_attribute("data-total")), int(best.get_attribute("data-rank"))
    assert f"{total} punten, rang {rank}" in text
    rows = []
    for row in browser.find_elements(By.CSS_SELECTOR, "tr.advice-step"):
        cells = [cell.text for cell in row.find_elements(By.CSS_SELECTOR, "td")]
        row_total, row_rank = int(row.get_attribute("data-total")), int(row.get_attribute("data-rank"))
        assert cells[2].startswith(f"{row_total} (+") and cells[3] == str(row_rank)
        rows.append((row_total, row_rank, json.loads(row.get_attribute("data-edits"))))
    return (total, rank, json.loads(best.get_attribute("data-edits"))), rows


def test_shown_scores_and_ranks_are_what_meetlat_gives_on_the_changed_answers(browser):
    checked, ties = 0, 0
    for year in YEARS:
        answers = json.loads((REPOSITORY / "Rankings" / f"{year}-answers.json").read_text())
        totals = [int(row["total"]) for row in rankings_csv(year)]
        for row in picks(year):
            page_of(browser, year, row["name"])
            (total, rank, edits), steps = shown_steps(browser)
            # The same numbers as `meetlat advise`.
            advice = advise(row["code"], year)
            assert (advice["total"], advice["rank"]) == (int(row["total"]), int(row["rank"]))
            assert (advice["best"]["total"], advice["best"]["rank"]) == (total, rank)
            command_steps = [(s["total"], s["rank"], s["edits"]) for d in advice["dimensions"] for s in d["steps"]]
            assert [(t, r) for t, r, _ in steps] == [(t, r) for t, r, _ in command_steps]
            # The answers file edited as the page says, scored again by the model.
            for shown_total, shown_rank, shown_edits in [(total, rank, edits)] + steps[:3]:
                with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
                    json.dump(edited(answers, row["code"], shown_edits), handle)
                rescored = advise(row["code"], year, answers=handle.name)
                assert (rescored["total"], rescored["rank"]) == (shown_total, shown_rank), (year, row["name"], shown_edits)
                if shown_total in totals:
                    ties += 1  # the new total equals another gemeente's: a shared rank
            checked += 1
    assert checked >= 20
    assert ties > 0


def test_advice_lists_the_five_above_and_links_the_caveats(browser):
    page_of(browser, 2012, "Lopik")
    section = browser.find_element(By.ID, "hoger")
    peers = section.find_elements(By.CSS_SELECTOR, ".advice-peers tbody tr")
    assert 1 <= len(peers) <= 5
    assert section.find_element(By.CSS_SELECTOR, ".advice-limits a").get_attribute("href").endswith("kanttekeningen.html")
    assert "zelf opgegeven" in section.text and "geen oordeel" in section.text


def test_advice_is_axe_clean_and_fits_a_phone(browser):
    page_of(browser, 2013, "Hoorn")
    serious, report = serious_axe_violations(browser, "advice-hoorn-2013")
    assert not serious, report
    for width in (360, 390):
        with viewport(browser, width):
            browser.execute_script("document.getElementById('hoger').scrollIntoView()")
            assert browser.execute_script("return document.documentElement.scrollWidth") <= width
            if width == 390:
                from conftest import ARTIFACTS
                ARTIFACTS.mkdir(exist_ok=True)
                browser.save_screenshot(str(ARTIFACTS / "advice-hoorn-2013-390.png"))
