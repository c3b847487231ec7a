#!/usr/bin/env python3
"""Main-thread work of a page in headless Chromium, from the DevTools performance metrics.

    browser_metrics.py --rounds 5 <label>=<page.html> [<label>=<page.html> …]
    browser_metrics.py --trace <page.html>


For each round, each page in turn (interleaved) is opened from file:// in a fresh headless
Chromium (Debian's chromium and chromium-driver, as the browser tests use), at 1280 × 1600 px;
after the load event and two animation frames (so the first paint is done) the script reads
Performance.getMetrics: TaskDuration (all main-thread work), ScriptDuration, LayoutDuration,
RecalcStyleDuration, and the page's elements, plus the largest contentful paint. Prints one
JSON object: per label a list of rounds, each a dict of milliseconds (and counts).

--trace: where that work goes. One headless Chromium run with startup tracing (devtools.timeline,
JSON format), the page's renderer main thread only; prints the thread time of the lifecycle
phases (layout, style, paint, pre-paint, HTML parsing, script) in ms, as JSON.
"""
import os
import subprocess
import tempfile
import argparse
import json
import pathlib
import shutil

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

METRICS = ["TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration"]

AFTER_PAINT = """
const done = arguments[arguments.length - 1];
const lcp = [];
try {
  new PerformanceObserver((list) => { for (const e of list.getEntries()) lcp.push(e.startTime); })
    .observe({type: 'largest-contentful-paint', buffered: true});
} catch (e) {}
requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done({
  lcp: lcp.length ? lcp[lcp.length - 1] : null,
  elements: document.getElementsByTagName('*').length,
  rows: document.querySelectorAll('tr').length,
}), 0)));
"""


def browser():
    options = Options()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1600", "--lang=nl-NL", "--host-resolver-rules=MAP * ~NOTFOUND"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(60)
    return driver


def measure(page):
    driver = browser()
    try:
        driver.execute_cdp_cmd("Performance.enable", {"timeDomain": "threadTicks"})
        driver.get(pathlib.Path(page).resolve().as_uri())
        seen = driver.execute_async_script(AFTER_PAINT)
        metrics = {m["name"]: m["value"] for m in driver.execute_cdp_cmd("Performance.getMetrics", {})["metrics"]}
        result = {name: metrics.get(name, 0.0) * 1000 for name in METRICS}
        result.update(lcp=seen["lcp"], elements=seen["elements"], rows=seen["rows"], nodes=metrics.get("Nodes"))
        return result
    finally:
        driver.quit()


PHASES = {"Layout": "layout", "UpdateLayoutTree": "style", "Paint": "paint", "PrePaint": "pre-paint",
          "ParseHTML": "HTML parsing", "EvaluateScript": "script", "FunctionCall": "script",
          "InlineNode::ShapeTextIncludingFirstLine": "text shaping (part of layout)"}


def trace(page):
    url = pathlib.Path(page).resolve().as_uri()
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "trace.json")
        subprocess.run([shutil.which("chromium") or "/usr/bin/chromium", "--headless=new", "--no-sandbox", "--disable-gpu",
                        "--window-size=1280,1600", "--host-resolver-rules=MAP * ~NOTFOUND",
                        "--trace-startup=devtools.timeline,blink", "--trace-startup-format=json",
                        f"--trace-startup-file={path}", "--trace-startup-duration=6", "--virtual-time-budget=3000",
                        f"--screenshot={os.path.join(folder, 'page.png')}", url],
                       capture_output=True, timeout=120)
        with open(path, encoding="utf-8") as file:
            events = json.load(file)["traceEvents"]
    # The renderer that loaded the page (not Chromium's own chrome:// pages), its main thread.
    pids = {e["pid"] for e in events if url in json.dumps(e.get("args", {}))}
    main_threads = {(e["pid"], e["tid"]) for e in events if e.get("ph") == "M" and e.get("name") == "thread_name"
                    and e["args"].get("name") == "CrRendererMain" and e["pid"] in pids}
    totals = {}
    for event in events:
        if (event.get("pid"), event.get("tid")) in main_threads and event.get("ph") == "X" and event["name"] in PHASES:
            phase = PHASES[event["name"]]
            totals[phase] = totals.get(phase, 0) + event.get("tdur", event.get("dur", 0)) / 1000
    return {phase: round(ms, 1) for phase, ms in sorted(totals.items(), key=lambda item: -item[1])}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--trace", action="store_true", help="one traced load of the first page: where the time goes")
    parser.add_argument("pages", nargs="+", help="label=path")
    arguments = parser.parse_args()
    if arguments.trace:
        print(json.dumps(trace(arguments.pages[0].split("=", 1)[-1])))
        return
    pages = [p.split("=", 1) for p in arguments.pages]
    results = {label: [] for label, _ in pages}
    for label, path in pages:   # warm-up: the page cache, Chromium's own files
        measure(path)
    for _ in range(arguments.rounds):
        for label, path in pages:
            results[label].append(measure(path))
    print(json.dumps(results))


if __name__ == "__main__":
    main()
