"""Issue 13, "share and embed": every page has a title and description for sharing, a gemeente
page an og:image card, and each gemeente per edition a badge (valid SVG showing the edition's
rank) with the HTML to copy."""
import html.parser
import pathlib
import xml.etree.ElementTree as ElementTree

from selenium.webdriver.common.by import By

from conftest import SITE, open_page, page_url, rankings_csv, viewport

SVG = "{http://www.w3.org/2000/svg}"


class Meta(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.properties = {}

    def handle_starttag(self, tag, attributes):
        attributes = dict(attributes)
        if tag == "meta" and "property" in attributes:
            self.properties[attributes["property"]] = attributes.get("content", "")


def meta(path):
    parser = Meta()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.properties


def test_every_page_has_a_title_and_description_for_sharing():
    pages = sorted(SITE.rglob("*.html"))
    assert len(pages) > 1000
    for path in pages:
        properties = meta(path)
        assert properties.get("og:title", "").strip(), path
        assert properties.get("og:description", "").strip(), path


def test_a_gemeente_badge_is_valid_svg_showing_the_editions_rank(browser):
    for year in (2011, 2012, 2013):
        rows = rankings_csv(year)
        tied = next(row for i, row in enumerate(rows) if i > 0 and rows[i - 1]["total"] == row["total"])
        for row in (rows[0], tied, rows[-1]):
            open_page(browser, f"{year}/index.html")
            link = browser.find_element(By.XPATH, f"//table//a[normalize-space()=\"{row['name']}\"]")
            page = pathlib.Path(link.get_attribute("href").replace("file://", ""))
            properties = meta(page)
            card = (page.parent / properties["og:image"]).resolve()
            badge = page.with_name(page.stem + "-badge.svg")
            expected = f"Socialmediameetlat {year} · rang {row['rank']} van {len(rows)}"
            root = ElementTree.parse(badge).getroot()  # valid XML, or this raises
            assert root.tag == f"{SVG}svg"
            assert root.find(f"{SVG}text").text == expected and root.find(f"{SVG}title").text == expected
            card_root = ElementTree.parse(card).getroot()
            texts = [element.text for element in card_root.iter(f"{SVG}text")]
            assert row["name"] in texts and f"Rang {row['rank']} van {len(rows)}" in texts
            assert f"{row['total']} van" in " ".join(texts)
            # The page shows the badge and the snippet that embeds it.
            browser.get(page.as_uri())
            image = browser.find_element(By.CSS_SELECTOR, ".share img.badge")
            assert image.get_attribute("alt") == expected
            assert browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth", image) > 0
            snippet = browser.find_element(By.ID, "badge-code").get_attribute("value")
            assert f'src="{year}/gemeente/{badge.name}"' in snippet and f'alt="{expected}"' in snippet


def test_the_share_section_fits_a_phone(browser):
    for width in (360, 390):
        with viewport(browser, width):
            open_page(browser, "2013/gemeente/hoorn.html")
            browser.execute_script("document.getElementById('delen-titel').scrollIntoView()")
            assert browser.execute_script("return document.documentElement.scrollWidth") <= width
