"""Issue 12, item 10: every table downloads as a CSV that Dutch Excel opens in columns (UTF-8 with
byte-order mark, `;`, Dutch headers and labels), as an .xlsx workbook that a real reader
(openpyxl) reads back, and as JSON; one download holds all editions; the columns are described
on the site."""
import csv
import io
import json
import re

import openpyxl
import pytest
from selenium.webdriver.common.by import By

from conftest import SITE, open_page, rankings_csv

BOM = b"\xef\xbb\xbf"


def dutch_csv(path):
    data = path.read_bytes()
    assert data.startswith(BOM), f"{path} has no byte-order mark"
    text = data[len(BOM):].decode("utf-8")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert len(rows[0]) > 1, f"{path}: the header is one field when read with ';': {rows[0]}"
    assert all(len(row) == len(rows[0]) for row in rows), f"{path}: rows of different lengths"
    return rows


@pytest.mark.parametrize("year", [2011, 2012, 2013])
def test_the_ranking_csv_opens_in_columns_in_dutch_excel(year):
    rows = dutch_csv(SITE / str(year) / "data" / f"ranglijst-{year}.csv")
    header, body = rows[0], rows[1:]
    assert header[:6] == ["Rang", "Gemeente", "CBS-code", "Provincie", "Grootteklasse", "Inwoners"]
    assert not {"size_class", "name", "rank", "total"} & set(header)
    published = rankings_csv(year)
    assert len(body) == len(published)
    labels = {row[4] for row in body}
    assert "10.000 – 49.999" in labels and "10k-50k" not in labels
    for row, source in zip(body, published):
        assert (row[0], row[1], row[2]) == (source["rank"], source["name"], source["code"])
        score = header.index(next(column for column in header if column.startswith("Score")))
        assert row[score] == source["total"]


def test_every_statistics_table_has_its_csv(browser):
    open_page(browser, "2013/statistieken.html")
    links = browser.find_elements(By.CSS_SELECTOR, "section.stat-table .table-download a")
    sections = browser.find_elements(By.CSS_SELECTOR, "section.stat-table")
    assert len(links) == len(sections) > 5
    # The comparison's tables too: risers, fallers and those compared with a predecessor.
    comparison = browser.find_elements(By.CSS_SELECTOR, "#vergelijking .comparison-download a")
    assert len(comparison) == len(browser.find_elements(By.CSS_SELECTOR, "#vergelijking table")) == 3
    links += comparison
    for link in links:
        path = SITE / "2013" / "data" / link.get_attribute("href").rsplit("/", 1)[1]
        rows = dutch_csv(path)
        assert len(rows) > 1 and all(len(row) == len(rows[0]) for row in rows)


def test_the_workbooks_read_back_with_openpyxl():
    year = 2013
    workbook = openpyxl.load_workbook(SITE / str(year) / "data" / f"ranglijst-{year}.xlsx")
    sheet = workbook.worksheets[0]
    values = list(sheet.iter_rows(values_only=True))
    csv_rows = dutch_csv(SITE / str(year) / "data" / f"ranglijst-{year}.csv")
    assert list(values[0]) == csv_rows[0]
    assert len(values) == len(csv_rows)
    for row, csv_row in zip(values[1:], csv_rows[1:]):
        assert isinstance(row[0], (int, float)) and str(int(row[0])) == csv_row[0], "ranks are numbers"
        assert row[1] == csv_row[1]
    # No cell is a formula: text is text.
    for path in [SITE / "data" / "ranglijsten-alle-edities.xlsx", SITE / str(year) / "data" / f"statistieken-{year}.xlsx"]:
        book = openpyxl.load_workbook(path)
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", f"{path.name}: {sheet.title}!{cell.coordinate} is a formula"
    statistics = openpyxl.load_workbook(SITE / str(year) / "data" / f"statistieken-{year}.xlsx")
    assert len(statistics.worksheets) > 5


def test_one_download_holds_every_edition():
    rows = dutch_csv(SITE / "data" / "ranglijsten-alle-edities.csv")
    header, body = rows[0], rows[1:]
    assert header[0] == "Editie"
    per_year = {year: len(rankings_csv(year)) for year in (2011, 2012, 2013)}
    assert {year: sum(1 for row in body if row[0] == str(year)) for year in per_year} == per_year
    book = openpyxl.load_workbook(SITE / "data" / "ranglijsten-alle-edities.xlsx")
    assert [sheet.title for sheet in book.worksheets] == ["Alle edities", "Ranglijst 2013", "Ranglijst 2012", "Ranglijst 2011"]
    assert book.worksheets[0].max_row == len(rows)


def test_the_json_is_still_there_and_the_columns_are_described_on_the_site(browser):
    data = json.loads((SITE / "2013" / "data" / "ranglijst-2013.json").read_text(encoding="utf-8"))
    assert len(data["entries"]) == len(rankings_csv(2013))
    open_page(browser, "2013/downloads.html")
    described = [term.text for term in browser.find_elements(By.CSS_SELECTOR, "dl.columns dt")]
    header = dutch_csv(SITE / "2013" / "data" / "ranglijst-2013.csv")[0]
    assert described == header
    assert all(description.text.strip() for description in browser.find_elements(By.CSS_SELECTOR, "dl.columns dd"))
    assert "docs/architecture.md" not in browser.find_element(By.TAG_NAME, "main").text


PLAIN_NUMBER = re.compile(r"[+-]\d+(?:[.,]\d+)*(?:[eE][+-]?\d+| ?%|\u00a0%)?")


def test_no_csv_cell_runs_as_a_formula_and_negative_figures_stay_numbers():
    """Issue 19, item 8, in the Dutch downloads: a cell that starts with = + - @ tab or CR is a
    plain number (a fall of -0,2 stays a number Excel can sum) or carries the ' that makes it text."""
    files = sorted(SITE.glob("*/data/*.csv")) + sorted(SITE.glob("data/*.csv"))
    assert len(files) > 20
    negative = 0
    for path in files:
        for number, row in enumerate(dutch_csv(path), start=1):
            for cell in row:
                if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                    assert PLAIN_NUMBER.fullmatch(cell), f"{path.name}, row {number}: {cell!r} would run as a formula"
                    negative += cell.startswith("-")
                assert not re.fullmatch(r"'+[+-]\d+(?:[.,]\d+)*", cell), f"{path.name}, row {number}: number {cell!r} made text"
    assert negative > 100, "the changes in score and position have falls"
