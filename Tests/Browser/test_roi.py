"""The ROI calculator (roi/index.html) as a consultant uses it in front of a wethouder: Dutch
numbers read as the command line reads them (the same test vectors), the same results as
`meetlat roi` with the same values, refusals where `meetlat roi` refuses, the answer in view
while editing, a conclusion in plain words, the visitor's own cash flows and tornado, one printed
A4 page, no sideways scrolling on phones, and a page that survives any hash."""
import base64
import decimal
import io
import json
import math
import pathlib
import re
import subprocess
import tempfile

import pytest
from pypdf import PdfReader
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.print_page_options import PrintOptions
from selenium.webdriver.support.ui import Select

from conftest import ARTIFACTS, MEETLAT, REPOSITORY, page_url

WEBCARE = "webcare-telefoon-naar-sociale-media"
COMMUNITY = "community-antwoorden"
TIJDWINST = "tijdwinst-realisatiefactor"
SCENARIOS = sorted(path.stem for path in (REPOSITORY / "Scenarios").glob("*.yaml"))
VECTORS = json.loads((REPOSITORY / "Tests" / "Vectors" / "dutch-numbers.json").read_text(encoding="utf-8"))["vectors"]


# The command line -------------------------------------------------------------------------------

def scenario_path(scenario):
    return REPOSITORY / "Scenarios" / f"{scenario}.yaml"


def scenario_with(scenario, values, folder):
    """A copy of the scenario file with some inputs' values replaced (numbers in the file's own
    notation, a decimal point), as a consultant would edit it for `meetlat roi`."""
    text = scenario_path(scenario).read_text(encoding="utf-8")
    for name, value in values.items():
        literal = repr(float(value)) if not float(value).is_integer() else str(int(value))
        block = re.compile(rf"(^  {name}:\n(?:    .*\n)*?    value: )([^\s#]+)", re.M)
        text, count = block.subn(lambda match: match.group(1) + literal, text, count=1)
        if count == 0:
            text, count = re.subn(rf"(^  {name}: )([^\s#]+)", lambda match: match.group(1) + literal, text, count=1, flags=re.M)
        assert count == 1, f"input {name} not found in {scenario}"
    path = pathlib.Path(folder) / f"{scenario}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def meetlat(*arguments, check=True):
    return subprocess.run([str(MEETLAT), *map(str, arguments)], check=check, capture_output=True, text=True)


def meetlat_json(path, *arguments):
    return json.loads(meetlat("roi", path, "--format", "json", *arguments).stdout)


def model(scenario):
    return json.loads(meetlat("roi", scenario_path(scenario), "--export-model").stdout)


# The page ---------------------------------------------------------------------------------------

def open_calculator(driver, hash_="", width=1280, height=1600):
    driver.set_window_size(width, height)
    # A fresh load: a link that differs from the open page only after `#` would not reload it.
    driver.get("about:blank")
    driver.get(page_url("roi/index.html" + ("#" + hash_ if hash_ else "")))
    assert driver.find_element(By.ID, "rekenhulp").is_displayed()


def choose(driver, scenario):
    Select(driver.find_element(By.ID, "scenario")).select_by_value(scenario)


def field(driver, name):
    return driver.find_element(By.CSS_SELECTOR, f"#invoer input[name='{name}']")


def type_into(element, text):
    element.send_keys(Keys.CONTROL, "a")
    element.send_keys(Keys.DELETE)
    element.send_keys(text)


def result(driver):
    values = {}
    for key, id_ in (("roi", "uitkomst-roi"), ("npv", "uitkomst-npv"), ("paybackYears", "uitkomst-terugverdientijd"),
                     ("investment", "uitkomst-investering"), ("returns", "uitkomst-opbrengsten")):
        text = driver.find_element(By.ID, id_).get_attribute("data-value")
        values[key] = float(text) if text else None
    return values


def message(driver, name):
    control = field(driver, name)
    element = driver.find_element(By.ID, control.get_attribute("id") + "-fout")
    return element.text if element.is_displayed() else ""


def visible_text(driver):
    return driver.execute_script("return document.body.innerText")


# 1. Dutch numbers -------------------------------------------------------------------------------

def test_the_page_reads_every_shared_vector_as_the_swift_reader_does(browser):
    """Tests/Vectors/dutch-numbers.json: the same file SupportTests runs against DutchNumberText."""
    open_calculator(browser)
    readings = browser.execute_script(
        "return arguments[0].map(function (v) { return window.meetlatRekenhulp.readNumber(v.text); });", VECTORS)
    assert len(readings) == len(VECTORS) > 60
    for vector, reading in zip(VECTORS, readings):
        if vector.get("invalid"):
            assert reading is None, vector
        else:
            assert reading is not None, vector
            assert reading["value"] == vector["value"], vector
            assert reading["percent"] == vector.get("percent", False), vector
            assert reading["euro"] == vector.get("euro", False), vector


def test_dutch_inputs_give_what_meetlat_roi_gives_with_the_same_values(browser, tmp_path):
    """12.000, 0,15, 15 %, € 2.400: typed as a visitor types them."""
    open_calculator(browser, f"scenario={COMMUNITY}")
    typed = {"questions_per_year": ("14.000", 14000), "community_share_year1": ("0,2", 0.2),
             "community_share": ("30 %", 0.3), "cost_per_answer": ("€ 6,50", 6.5), "platform_licence": ("€ 2.400,-", 2400),
             "integration": ("2.400,50", 2400.5)}
    for name, (text, _) in typed.items():
        type_into(field(browser, name), text)
    type_into(browser.find_element(By.ID, "rente"), "3,5")
    path = scenario_with(COMMUNITY, {name: value for name, (_, value) in typed.items()}, tmp_path)
    # The command line reads the rate by the same Dutch rules.
    expected = meetlat_json(path, "--discount-rate", "3,5 %")["increment"]
    shown = result(browser)
    for key in ("roi", "npv", "paybackYears", "investment", "returns"):
        assert shown[key] == expected[key], key
    # `12.000` is twelve thousand, not 12 (the bug of issue 12, item 1).
    type_into(field(browser, "questions_per_year"), "12.000")
    values = {name: value for name, (_, value) in typed.items()}
    values["questions_per_year"] = 12000
    expected = meetlat_json(scenario_with(COMMUNITY, values, tmp_path), "--discount-rate", "3,5 %")["increment"]
    assert result(browser)["roi"] == expected["roi"] > 0


def test_defaults_and_hints_are_written_the_dutch_way(browser):
    open_calculator(browser, f"scenario={COMMUNITY}")
    assert field(browser, "community_share_year1").get_attribute("value") == "0,15"
    assert field(browser, "questions_per_year").get_attribute("value") == "12.000"
    hint = browser.find_element(By.ID, field(browser, "community_share_year1").get_attribute("id") + "-uitleg").text
    assert "bereik 0,05 – 0,25" in hint
    choose(browser, WEBCARE)
    assert "bereik 1,5 – 3,5" in browser.find_element(By.ID, field(browser, "webcare_cost").get_attribute("id") + "-uitleg").text
    assert "bereik 4.000 – 14.000" in browser.find_element(By.ID, field(browser, "contacts_moved").get_attribute("id") + "-uitleg").text


def test_unreadable_input_gets_one_message_beside_its_field_and_no_stale_result(browser):
    open_calculator(browser, f"scenario={WEBCARE}")
    assert result(browser)["roi"] is not None
    type_into(field(browser, "phone_cost"), "vijf")
    assert message(browser, "phone_cost").startswith("Dit is geen getal.")
    assert field(browser, "phone_cost").get_attribute("aria-invalid") == "true"
    assert [name for name in ("contacts_moved", "webcare_cost", "hourly_rate") if message(browser, name)] == []
    # Every figure is cleared; the result says why.
    assert all(value is None for value in result(browser).values())
    assert browser.find_element(By.ID, "uitkomst-roi").text == "–"
    assert "Kosten per telefooncontact" in browser.find_element(By.ID, "uitkomst-fout").text
    assert browser.find_element(By.ID, "uitkomst-conclusie").text == ""
    assert not browser.find_element(By.ID, "tornado").is_displayed()
    # Mending it brings the result back.
    type_into(field(browser, "phone_cost"), "5,50")
    assert message(browser, "phone_cost") == ""
    assert result(browser)["roi"] == meetlat_json(scenario_path(WEBCARE))["increment"]["roi"]


@pytest.mark.parametrize("scenario, name, text, value, words", [
    (WEBCARE, "contacts_moved", "-100", -100, "negatief"),
    (WEBCARE, "hourly_rate", "−5", -5, "negatief"),
    (TIJDWINST, "realisation_factor", "150 %", 1.5, "buiten 0 tot 1"),
])
def test_values_the_command_line_refuses_are_refused_here_too(browser, scenario, name, text, value, words):
    refused = meetlat("roi", scenario_path(scenario), "--vary", f"{name}={value}..{value}", check=False)
    assert refused.returncode != 0 and "expected values the scenario allows" in refused.stderr
    open_calculator(browser, f"scenario={scenario}")
    type_into(field(browser, name), text)
    assert words in message(browser, name)
    assert "Dat kan niet." in message(browser, name)
    assert all(value is None for value in result(browser).values())


def test_a_discount_rate_the_command_line_refuses_is_refused(browser):
    assert meetlat("roi", scenario_path(WEBCARE), "--discount-rate", "-100 %", check=False).returncode != 0
    open_calculator(browser, f"scenario={WEBCARE}")
    type_into(browser.find_element(By.ID, "rente"), "-100")
    assert browser.find_element(By.ID, "rente-fout").text == "De disconteringsvoet moet hoger zijn dan −100 %."
    assert result(browser)["npv"] is None


def test_results_too_large_to_compute_never_show_nan_or_infinity(browser):
    open_calculator(browser, f"scenario={WEBCARE}")
    huge = "1" + "0" * 308  # 1e308 written out: a valid number, but the returns pass the largest double
    type_into(field(browser, "contacts_moved"), huge)
    text = visible_text(browser)
    for word in ("NaN", "Infinity", "nan", "inf %", "€ -inf"):
        assert word not in text
    assert "te groot om te berekenen" in message(browser, "contacts_moved")
    assert all(value is None for value in result(browser).values())
    # `1e308` is not a Dutch number: the field says so, as `meetlat roi --vary` does.
    type_into(field(browser, "contacts_moved"), "1e308")
    assert message(browser, "contacts_moved").startswith("Dit is geen getal.")
    assert meetlat("roi", scenario_path(WEBCARE), "--vary", "contacts_moved=1e308..1e308", check=False).returncode != 0


# 12. The answer in view, in words, per year and per input ---------------------------------------

@pytest.mark.parametrize("width, height", [(390, 844), (1366, 900)])
def test_the_result_stays_in_view_while_editing(browser, width, height):
    open_calculator(browser, f"scenario={WEBCARE}", width, height)
    controls = browser.find_elements(By.CSS_SELECTOR, "#invoer input") + [browser.find_element(By.ID, "rente")]
    for control in controls:
        browser.execute_script("arguments[0].focus();", control)
        state = browser.execute_script("""
            var control = arguments[0], roi = document.getElementById('uitkomst-roi').getBoundingClientRect();
            var box = control.getBoundingClientRect();
            var hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
            return {roiTop: roi.top, roiBottom: roi.bottom, height: innerHeight, controlVisible: hit === control};""", control)
        assert 0 <= state["roiTop"] and state["roiBottom"] <= state["height"], (control.get_attribute("name"), state)
        assert state["controlVisible"], (control.get_attribute("name"), state)
    # Typing in the last field updates the figure that is in view.
    type_into(browser.find_element(By.ID, "rente"), "3")
    assert result(browser)["npv"] == meetlat_json(scenario_path(WEBCARE), "--discount-rate", "3%")["increment"]["npv"]


def euro(value):
    """Whole euros the Dutch way, rounded half up: 38850 → 38.850."""
    whole = int(decimal.Decimal(repr(abs(value))).quantize(decimal.Decimal(1), rounding=decimal.ROUND_HALF_UP))
    return ("-" if value < 0 and whole else "") + f"{whole:,}".replace(",", ".")


def test_a_conclusion_in_plain_words(browser, tmp_path):
    open_calculator(browser, f"scenario={WEBCARE}")
    cli = meetlat_json(scenario_path(WEBCARE))["increment"]
    net = cli["returns"] - cli["investment"]
    assert browser.find_element(By.ID, "uitkomst-conclusie").text == \
        f"Over 5 jaar levert dit € {euro(net)} meer op dan het kost; terugverdiend in jaar {math.ceil(cli['paybackYears'])} (vergeleken met niets doen)."
    type_into(field(browser, "contacts_moved"), "4.000")
    low = meetlat_json(scenario_with(WEBCARE, {"contacts_moved": 4000}, tmp_path))["increment"]
    assert browser.find_element(By.ID, "uitkomst-conclusie").text == \
        f"Over 5 jaar kost dit € {euro(low['investment'] - low['returns'])} meer dan het oplevert; het is binnen 5 jaar niet terugverdiend (vergeleken met niets doen)."


def test_the_cash_flows_of_the_visitors_own_inputs_as_a_table_and_a_chart(browser, tmp_path):
    open_calculator(browser, f"scenario={WEBCARE}")
    type_into(field(browser, "contacts_moved"), "10.000")
    type_into(field(browser, "hourly_rate"), "€ 60")
    years = meetlat_json(scenario_with(WEBCARE, {"contacts_moved": 10000, "hourly_rate": 60}, tmp_path))["years"]
    rows = browser.find_elements(By.CSS_SELECTOR, "#kasstromen-tabel tbody tr")
    assert len(rows) == len(years) + 1  # and a total
    for row, year in zip(rows, years):
        cells = row.find_elements(By.TAG_NAME, "td")
        numbers = [float(cell.get_attribute("data-value")) for cell in cells]
        assert numbers == [year["incrementalInvestment"], year["incrementalReturns"], year["net"], year["cumulativeNet"], year["presentValue"]]
    assert rows[-1].find_element(By.TAG_NAME, "th").text == "Totaal"
    bars = browser.find_elements(By.CSS_SELECTOR, "#kasstromen-grafiek svg rect")
    assert len(bars) == len(years)
    assert browser.find_element(By.CSS_SELECTOR, "#kasstromen-grafiek svg polyline").is_displayed()


def test_depreciation_is_in_the_cash_flows_and_the_npv(browser, tmp_path):
    open_calculator(browser, f"scenario={COMMUNITY}")
    cli = meetlat_json(scenario_path(COMMUNITY))
    header = [cell.text for cell in browser.find_elements(By.CSS_SELECTOR, "#kasstromen-tabel thead th")]
    assert header[-1] == "Afschrijving"
    rows = browser.find_elements(By.CSS_SELECTOR, "#kasstromen-tabel tbody tr")[:-1]
    assert [float(row.find_elements(By.TAG_NAME, "td")[-1].get_attribute("data-value")) for row in rows] == \
        [year["incrementalDepreciation"] for year in cli["years"]]
    assert sum(year["incrementalDepreciation"] for year in cli["years"]) == 4 * 600  # 3000 over 5 years, 4 in the horizon
    assert result(browser)["npv"] == cli["increment"]["npv"]
    # A longer life leaves more book value at the end: the NPV moves with it, as on the command line.
    type_into(field(browser, "integration"), "6.000")
    expected = meetlat_json(scenario_with(COMMUNITY, {"integration": 6000}, tmp_path))["increment"]
    assert result(browser)["npv"] == expected["npv"]
    assert browser.find_element(By.ID, "afschrijving-uitleg").is_displayed()


def test_the_tornado_has_the_command_lines_numbers(browser, tmp_path):
    for values, typed in (({}, {}), ({"phone_cost": 7}, {"phone_cost": "7"})):
        open_calculator(browser, f"scenario={WEBCARE}")
        for name, text in typed.items():
            type_into(field(browser, name), text)
        path = scenario_with(WEBCARE, values, tmp_path) if values else scenario_path(WEBCARE)
        bars = meetlat_json(path, "--tornado")["tornado"]
        rows = browser.find_elements(By.CSS_SELECTOR, "#tornado-tabel tbody tr")
        assert [row.get_attribute("data-input") for row in rows] == [bar["input"] for bar in bars]
        for row, bar in zip(rows, bars):
            assert float(row.get_attribute("data-swing")) == bar["swing"]
            assert float(row.get_attribute("data-roi-low")) == bar["atLow"]["roi"]
            assert float(row.get_attribute("data-roi-high")) == bar["atHigh"]["roi"]
        labels = {input_["name"]: input_["label"] for input_ in model(WEBCARE)["inputs"]}
        assert rows[0].find_element(By.TAG_NAME, "th").text.startswith(labels[bars[0]["input"]])


def test_visitors_see_no_english_identifiers(browser):
    open_calculator(browser)
    for scenario in SCENARIOS:
        choose(browser, scenario)
        text = visible_text(browser)
        # The English identifiers (questions_per_year); a Dutch one (ambtenaren) is also a word.
        for input_ in model(scenario)["inputs"]:
            if "_" in input_["name"]:
                assert input_["name"] not in text, (scenario, input_["name"])
        assert not [code.text for code in browser.find_elements(By.CSS_SELECTOR, "main code") if code.is_displayed()]
        for words in ("Naam in het scenariobestand", "meetlat roi", "scenariobestand"):
            assert words not in text


def test_what_the_calculator_writes_is_spelled_as_the_dutch_dictionary_spells_it(browser):
    """The page after its script ran: labels, hints, messages, conclusions, tables (issue 12, item 9)."""
    import shutil
    if shutil.which("hunspell") is None:
        pytest.skip("Debian's hunspell is installed by scripts/test.sh")
    import test_wording
    words = set()
    open_calculator(browser)
    for scenario in SCENARIOS:
        choose(browser, scenario)
        first = browser.find_elements(By.CSS_SELECTOR, "#invoer input")[0]
        # The result, then each kind of refusal beside the field.
        for text in (None, "vijf", "-5", "1" + "0" * 308):
            if text is not None:
                type_into(first, text)
            words |= set(test_wording.WORD.findall(visible_text(browser)))
    words -= test_wording.names()
    result = subprocess.run(["hunspell", "-d", "nl_NL", "-p", str(test_wording.WORD_LIST), "-l"], input="\n".join(sorted(words)),
                            capture_output=True, text=True, check=True)
    assert not sorted(set(result.stdout.split()))


def test_without_javascript_the_page_says_so_and_shows_the_examples(browser_without_javascript):
    driver = browser_without_javascript
    driver.get(page_url("roi/index.html"))
    assert not driver.find_element(By.ID, "rekenhulp").is_displayed()
    notice = driver.find_element(By.CSS_SELECTOR, ".roi-zonder-script")
    assert notice.is_displayed() and "werkt alleen met JavaScript" in notice.text
    for scenario in SCENARIOS:
        section = driver.find_element(By.ID, f"scenario-{scenario}")
        assert section.is_displayed()
        roi = section.find_element(By.CSS_SELECTOR, ".roi")
        assert float(roi.get_attribute("data-value")) == meetlat_json(scenario_path(scenario))["increment"]["roi"]
        assert roi.text.endswith("%")


# 14. Any hash, 2. no sideways scrolling, 11. print --------------------------------------------

@pytest.mark.parametrize("hash_", ["scenario=constructor", "scenario=__proto__", "scenario=%E0%A4%A", "scenario=toString",
                                   "%E0%A4%A=1&contacts_moved=%E0%A4%A", "constructor=1&__proto__=2&hasOwnProperty=3",
                                   f"scenario={WEBCARE}&__proto__=x&rente=%"])
def test_any_hash_leaves_the_page_working(browser, hash_):
    browser.get_log("browser")
    open_calculator(browser, hash_)
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors, errors
    choose(browser, WEBCARE)
    type_into(field(browser, "contacts_moved"), "10.000")
    cli = meetlat("roi", scenario_path(WEBCARE), "--vary", "contacts_moved=10.000..10.000", "--format", "json").stdout
    assert result(browser)["roi"] == json.loads(cli)["vary"]["rows"][0]["metrics"]["roi"]


@pytest.mark.parametrize("width", [360, 390, 768])
def test_the_page_never_scrolls_sideways(browser, width):
    open_calculator(browser, f"scenario={WEBCARE}&contacts_moved=12.345", width, 800)
    for scenario in SCENARIOS:
        choose(browser, scenario)
        type_into(browser.find_elements(By.CSS_SELECTOR, "#invoer input")[0], "1.234.567")
        sizes = browser.execute_script("return [document.documentElement.scrollWidth, innerWidth]")
        assert sizes[0] <= sizes[1], (scenario, sizes)
        # The share link holds the whole state but does not print it.
        assert browser.find_element(By.ID, "deel-link").text == "link naar deze berekening"


def printed(driver):
    """The page as Chromium prints it on A4."""
    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7
    return PdfReader(io.BytesIO(base64.b64decode(driver.print_page(options))))


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_every_scenario_prints_on_one_page(browser, scenario):
    open_calculator(browser, f"scenario={scenario}")
    assert len(printed(browser).pages) == 1


def test_a_printed_roi_page_is_one_a4_summary(browser):
    open_calculator(browser, f"scenario={WEBCARE}&contacts_moved=10.000")
    pdf = printed(browser)
    assert len(pdf.pages) == 1
    text = pdf.pages[0].extract_text()
    for words in ("Uw invoer", "Contacten via webcare in plaats van telefoon", "10.000", "ROI", "Terugverdien",
                  "Over 5 jaar levert dit", "Kasstromen per jaar"):
        assert words in text, words
    for absent in ("Voorbeeldscenario", "Deel deze berekening", "Hoofdmenu"):
        assert absent not in text


def test_screenshots_of_the_roi_page(browser):
    ARTIFACTS.mkdir(exist_ok=True)
    for width, height in ((390, 844), (1366, 900)):
        open_calculator(browser, f"scenario={WEBCARE}", width, height)
        browser.execute_script("document.getElementById('invoer-3').focus();")
        browser.save_screenshot(str(ARTIFACTS / f"roi-{width}.png"))
        browser.execute_script("document.getElementById('tornado').scrollIntoView();")
        browser.save_screenshot(str(ARTIFACTS / f"roi-{width}-tornado.png"))
        assert (ARTIFACTS / f"roi-{width}.png").stat().st_size > 10_000
