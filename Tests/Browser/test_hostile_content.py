"""Script in Markdown content must not run (issue 19, item 6).

Builds a site from a copy of site/ whose content/over.md (the home page) and
content/kanttekeningen.md (every edition's caveats page) hold the ways to run script that reached
the pages before: raw <script>, <img onerror>, an image whose target breaks out of src, javascript:
and data: links (also written with character references), SVG, iframes, event handlers, forms.
Each vector tries to set window.__pwned or change document.title. (Ink reads everything after an
unclosed raw HTML element as HTML, so the Markdown vectors come first.) The pages are opened in
headless Chromium, every link of the content is clicked and every element hovered; nothing may run.
"""
import pathlib
import shutil
import subprocess

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from conftest import ARTIFACTS, MEETLAT, REPOSITORY

VECTORS = """
## Na de aanval

Deze tekst blijft staan: **vet**, *schuin* en een [gewone link](https://example.org/pagina).

![logo](x" onerror="window.__pwned='markdown-image')

[klik hier](javascript:window.__pwned='markdown-link')

<script>window.__pwned = 'script';</script>

<SCRIPT SRC="data:text/javascript,window.__pwned='script-src'"></SCRIPT>

<img src="x" onerror="window.__pwned='img-onerror'">

<img src="javascript:window.__pwned='img-src'">

<a href="jav&#x09;ascript:document.title='pwned-entity'">klik entiteit</a>

<a href="&#106;avascript&colon;document.title='pwned-named'">klik benoemd</a>

<a href="data:text/html,<script>parent.__pwned='data-link'</script>">klik data</a>

<svg onload="window.__pwned='svg'"><script>window.__pwned='svg-script'</script></svg>

<iframe src="javascript:parent.__pwned='iframe'"></iframe>

<iframe srcdoc="<script>parent.__pwned='srcdoc'</script>"></iframe>

<details open ontoggle="window.__pwned='details'">uitklappen</details>

<input autofocus onfocus="window.__pwned='autofocus'">

<p onmouseover="window.__pwned='hover'" style="font-size:40px">beweeg hierover</p>

<object data="javascript:window.__pwned='object'"></object>

<form action="javascript:window.__pwned='form'"><button>verstuur</button></form>

<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned='mxss'"></style></mglyph></table></mtext></math>

<noscript><p title="</noscript><img src=x onerror=window.__pwned='noscript'>"></noscript>

<a id="__pwned" name="__pwned">dom clobbering</a>

<!-- <img src=x onerror="window.__pwned='comment'"> -->

Einde van de aanval.
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The demo site built from site/ with the vectors in the home page's and caveats' content."""
    work = tmp_path_factory.mktemp("hostile")
    source = work / "site"
    shutil.copytree(REPOSITORY / "site", source)
    for name in ("over.md", "kanttekeningen.md"):
        path = source / "content" / name
        path.write_text(path.read_text(encoding="utf-8") + VECTORS, encoding="utf-8")
    output = work / "_site"
    result = subprocess.run([str(MEETLAT), "site", "--source", str(source), "--output", str(output)],
                            cwd=REPOSITORY, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return output, result


def test_the_build_names_what_it_removed(hostile_site):
    _, result = hostile_site
    for expected in ("content/over.md: removed <script> with its content",
                     "content/over.md: removed attribute onerror from <img>",
                     "content/kanttekeningen.md: removed href 'javascript:"):
        assert expected in result.stderr, result.stderr


@pytest.mark.parametrize("page", ["index.html", "2012/kanttekeningen.html"])
def test_no_vector_runs_in_chromium(browser, hostile_site, page):
    output, _ = hostile_site
    url = (output / page).as_uri()
    browser.get(url)
    title = browser.title
    assert "Deze tekst blijft staan" in browser.find_element(By.TAG_NAME, "main").text, "the text around the vectors stays"
    assert browser.find_element(By.LINK_TEXT, "gewone link").get_attribute("href") == "https://example.org/pagina"

    # Hover every element of the content and click every link in it, coming back when one navigates.
    main = browser.find_element(By.TAG_NAME, "main")
    for element in main.find_elements(By.CSS_SELECTOR, "p, a, img, h2, strong, em, li, td, th"):
        if element.is_displayed() and element.size["width"] > 0 and element.size["height"] > 0:
            ActionChains(browser).move_to_element(element).perform()
    # The refused links are plain text now; clicking their words does nothing either.
    assert [link.text for link in main.find_elements(By.TAG_NAME, "a") if link.text.startswith("klik")] == []
    words = main.find_elements(By.XPATH, ".//*[starts-with(normalize-space(text()), 'klik')]")
    assert words, "the words of the refused links stay"
    for element in words:
        element.click()
        assert browser.execute_script("return window.__pwned === undefined"), \
            f"{element.text}: window.__pwned = {browser.execute_script('return String(window.__pwned)')}"
        assert browser.current_url == url and browser.title == title, f"{element.text} navigated or ran"

    assert browser.execute_script("return window.__pwned === undefined"), browser.execute_script("return String(window.__pwned)")
    assert browser.title == title and "pwned" not in title
    # Nothing of the vectors is left in the content: no handler attribute, no frame, no foreign markup.
    assert browser.execute_script("""
        const start = [...document.querySelectorAll('main h2')].find(h => h.textContent === 'Na de aanval');
        const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
        let end = null;
        while (walker.nextNode()) { if (walker.currentNode.textContent.includes('Einde van de aanval')) end = walker.currentNode; }
        const inContent = e => (start.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING)
                               && (end.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_PRECEDING);
        return [...document.querySelectorAll('main *')].filter(inContent).filter(e =>
            [...e.attributes].some(a => a.name.startsWith('on') || ['style', 'id', 'name', 'srcdoc', 'action'].includes(a.name))
            || ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'svg', 'math', 'FORM', 'INPUT', 'BUTTON', 'STYLE', 'DETAILS', 'NOSCRIPT'].includes(e.tagName)
        ).map(e => e.outerHTML)""") == []
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / f"hostile-{page.replace('/', '-')}.png"))
