"""Issue 12, item 9: one name per question, Dutch without anglicisms, jargon only on the
methodology page, and every visible word spelled as Debian's Dutch hunspell dictionary
(hunspell-nl, the OpenTaal word list) or the project's own word list spells it."""
import html.parser
import pathlib
import re
import shutil
import subprocess

import pytest
from selenium.webdriver.common.by import By

from conftest import SITE, open_page, reference_csv

WORD_LIST = pathlib.Path(__file__).resolve().parent / "woordenlijst.txt"
# Every page, the ROI calculator's too (its text after the script has run: test_roi.py).
SKIPPED = set()


class VisibleText(html.parser.HTMLParser):
    """The text a reader sees: everything but scripts, styles, code (also the HTML to copy in a
    <textarea>) and the <title>."""
    SKIP = {"script", "style", "code", "title", "textarea"}

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


# Addresses, account handles and file names are not words: measured counts name the account
# they were read from and the model's rules name the source file they quote.
NOT_WORDS = re.compile(r"(?:https?://|\bwww\.)\S+|(?<!\w)@\w+|\b[\w-]+\.(?:txt|csv|json|xlsx|sav|yaml|sqlite)\b")


def visible_text(path):
    parser = VisibleText()
    parser.feed(path.read_text(encoding="utf-8"))
    return NOT_WORDS.sub(" ", " ".join(parser.parts))


def site_pages():
    return sorted(path for path in SITE.rglob("*.html") if path.relative_to(SITE).as_posix() not in SKIPPED)


WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def names():
    """Gemeenten, their aliases and provinces: proper names, not words to spell-check."""
    result = set()
    for row in reference_csv("gemeenten.csv"):
        result.add(row["name"])
        result.add(row["province"])
    for row in reference_csv("aliases.csv"):
        result |= {value for value in row.values() if value}
    return {word for name in result for word in WORD.findall(name)}


@pytest.mark.skipif(shutil.which("hunspell") is None, reason="Debian's hunspell is installed by scripts/test.sh")
def test_every_visible_word_is_spelled_as_the_dutch_dictionary_spells_it():
    words = set()
    for path in site_pages():
        words |= set(WORD.findall(visible_text(path)))
    words -= names()
    assert len(words) > 500
    result = subprocess.run(["hunspell", "-d", "nl_NL", "-p", str(WORD_LIST), "-l"], input="\n".join(sorted(words)),
                            capture_output=True, text=True, check=True)
    misspelled = sorted(set(result.stdout.split()))
    assert not misspelled, f"{len(misspelled)} words not in the Dutch dictionary nor in {WORD_LIST.name}: {misspelled}"


def test_no_anglicisms_and_jargon_only_on_the_methodology_page():
    for path in site_pages():
        text = visible_text(path)
        relative = path.relative_to(SITE).as_posix()
        for word in ("input", "versus", "Zelfscore", "zelfscore"):
            assert not re.search(rf"\b{word}\b", text), f"{relative}: {word}"
        assert "rang bij andere gewichten" not in text.lower(), relative
        assert "sociale-media" not in text, relative
        if not relative.endswith("methode.html"):
            for jargon in ("Σ", "Kish", "eindige-populatiecorrectie"):
                assert jargon not in text, f"{relative}: {jargon}"


def labels(driver, selector):
    return [element.text for element in driver.find_elements(By.CSS_SELECTOR, selector)]


def test_one_name_per_question(browser):
    open_page(browser, "2013/statistieken.html")
    applications = labels(browser, "#tabel-applications tbody th")
    channels = labels(browser, "#tabel-channels tbody th")
    followers = labels(browser, "#tabel-followers tbody th")
    assert "Inzetten voor burgerparticipatie" in applications
    open_page(browser, "2013/gemeente/hoorn.html")
    explained = labels(browser, "table.explanation tbody th")
    rated = [label for label in explained if label in applications]
    assert len(rated) == 12, f"every application by its statistics name: {sorted(set(explained) - set(applications))}"
    assert "Sociale media voor burgerparticipatie" not in explained
    for label in labels(browser, "ul.channels .channel-name"):
        assert label in channels, label
    for label in labels(browser, "#volgers-titel ~ tbody th, table:has(#volgers-titel) tbody th"):
        assert label in followers, label
    open_page(browser, "2013/methode.html")
    listed = labels(browser, "main li")
    assert set(applications) <= set(listed)
