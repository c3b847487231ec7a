"""Browser tests of the built site, in headless Chromium, opened through file:// (no server).

Run by scripts/test.sh after it built the site on the demo data. Environment:
  MEETLAT_SITE   the built site (default: <repository>/_site)
  MEETLAT_BIN    the meetlat executable (default: <repository>/.build/debug/meetlat)
"""
import json
import os
import pathlib
import shutil

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
SITE = pathlib.Path(os.environ.get("MEETLAT_SITE", REPOSITORY / "_site")).resolve()
MEETLAT = pathlib.Path(os.environ.get("MEETLAT_BIN", REPOSITORY / ".build" / "debug" / "meetlat")).resolve()
ARTIFACTS = pathlib.Path(__file__).resolve().parent / "artifacts"


def page_url(relative):
    """file:// URL of a page of the built site; `relative` may carry a #fragment."""
    path, _, fragment = relative.partition("#")
    url = (SITE / path).as_uri()
    return url + ("#" + fragment if fragment else "")


def _browser(javascript):
    options = Options()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1600", "--lang=nl-NL",
                     # Nothing may come from the network: every name fails to resolve.
                     "--host-resolver-rules=MAP * ~NOTFOUND"):
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


@pytest.fixture(scope="session", autouse=True)
def built_site():
    if not (SITE / "index.html").is_file():
        pytest.exit(f"no built site at {SITE}; run `meetlat site` first (scripts/test.sh does)", returncode=2)
    return SITE


@pytest.fixture(scope="session")
def browser():
    driver = _browser(javascript=True)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def browser_without_javascript():
    driver = _browser(javascript=False)
    yield driver
    driver.quit()


def requested_urls(driver):
    """URLs the browser requested since the last call (from the performance log)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


class viewport:
    """Emulates a screen `width` CSS pixels wide (a phone below 800: mobile viewport rules, touch
    scrollbars) for the duration of a `with` block, then restores the window."""

    def __init__(self, driver, width, height=900):
        self.driver, self.width, self.height = driver, width, height

    def __enter__(self):
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": self.width, "height": self.height, "deviceScaleFactor": 1, "mobile": self.width < 800})
        return self.driver

    def __exit__(self, *exc):
        self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        return False


def open_page(driver, relative):
    """Opens a page of the built site and checks it is Dutch."""
    driver.get(page_url(relative))
    assert driver.execute_script("return document.documentElement.lang") == "nl", relative


def reference_csv(name):
    """Rows of Surveys/reference/<name>.csv as dictionaries."""
    import csv
    with open(REPOSITORY / "Surveys" / "reference" / name, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def rankings_csv(year):
    """Rows of the committed Rankings/<year>.csv (what the site publishes), as dictionaries."""
    import csv
    with open(REPOSITORY / "Rankings" / f"{year}.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))
