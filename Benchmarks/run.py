#!/usr/bin/env python3
"""meetlat's benchmark suite: figures measured side by side with what users would otherwise use.

Run it through `scripts/bench.sh` (which builds in release, makes the Python venvs of
Benchmarks/requirements*.txt, builds the older commit and passes --bin). Each figure is printed
with its anchor and the ratio; the same tables go to Benchmarks/latest.md.

1. csv       CSV ingest on one generated ~100 MB export (Benchmarks/generate_export.py) and its
             UTF-8 copy: meetlat's CSVReader (fields in both encodings; fields + Dutch numbers)
             against polars (one thread and all), pyarrow.csv, DuckDB, pandas with and without
             pyarrow, polars converting the numbers with expressions, and csv.reader
             (Benchmarks/python_readers.py), repetitions interleaved (A B C … A B C …), medians,
             ratios of medians and the per-round ratios.
2. baseline  the 15-year × 400-gemeenten pipeline (ingest → score → stats → site, separate
             processes) through this build and through the release build of an older commit
             (3d9e0e4), interleaved: wall, CPU and peak memory.
3. hugo      `meetlat site` against Hugo (Debian's) building the same pages from the same
             Rankings and Statistics (Benchmarks/hugo_site.py), on one core and on two.
4. browser   the 2012 ranking page's main-thread work in headless Chromium (DevTools
             Performance.getMetrics, Benchmarks/browser_metrics.py), this build's page against
             the older build's.
5. pipeline  ingest → score → stats → site on the demo Surveys/ and on a generated archive of
             400 gemeenten × 1, 2, 4, 8 and 15 years (Benchmarks/generate_archive.py): wall time
             and peak memory (GNU time of each child) and how both grow with the years.
6. site      pages per second of `meetlat site` on the 15-year archive (from the pipeline runs).
7. roi       ROI Monte Carlo scenarios per second on one core (`meetlat-bench roi`).
8. webcare   `meetlat webcare` on a generated log of 5 million messages against pandas doing the
             response-time part: messages per second, peak memory, same figures
             (Benchmarks/webcare_bench.py).
9. ingest-memory  `meetlat ingest` of one year of 1 and 10 million rows (nearly all rejected:
             duplicates, anonymous, unknown names; Benchmarks/generate_large_year.py): peak
             memory must not grow with the rows (issue 19: target under 200 MB), and the report
             must balance.

The machine is noisy (shared cores): ratios are only ever taken between figures measured in the
same run, interleaved, and the load average is sampled during the run; nothing here is a
pass/fail test.
"""
import argparse
import datetime
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SECTIONS = ["csv", "baseline", "hugo", "browser", "pipeline", "site", "roi", "webcare", "ingest-memory"]
INGEST_MEMORY_TARGET = 200 * 1_000_000   # bytes of peak memory, any number of rows (issue 19)
SITE_TARGET = 2000          # pages per second
ROI_TARGET = 1_000_000      # scenarios per second, one core
GNU_TIME = "/usr/bin/time"  # Debian package `time`


# ---------------------------------------------------------------- output

def progress(text):
    """One updating line on a terminal; nothing in a log."""
    if sys.stderr.isatty():
        sys.stderr.write("\r\033[2K" + text[:150])
        sys.stderr.flush()


def progress_done():
    if sys.stderr.isatty():
        sys.stderr.write("\r\033[2K")
        sys.stderr.flush()


class Report:
    """Collects titled tables; prints them as aligned text and writes them as Markdown."""

    def __init__(self):
        self.blocks = []

    def table(self, title, header, rows, notes=()):
        self.blocks.append((title, header, [[str(c) for c in row] for row in rows], list(notes)))
        self._print(self.blocks[-1])

    @staticmethod
    def _print(block):
        title, header, rows, notes = block
        widths = [max(len(str(x)) for x in column) for column in zip(header, *rows)]
        print(f"\n{title}\n")
        line = lambda cells: "  ".join(str(c).ljust(w) for c, w in zip(cells, widths)).rstrip()
        print(line(header))
        print("  ".join("-" * w for w in widths))
        for row in rows:
            print(line(row))
        for note in notes:
            print(f"  {note}")
        sys.stdout.flush()

    def markdown(self, heading):
        out = [f"# {heading}", "",
               "Written by `scripts/bench.sh` (Benchmarks/run.py); see Benchmarks/README.md.", ""]
        for title, header, rows, notes in self.blocks:
            out += [f"## {title}", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
            out += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows]
            out.append("")
            out += [f"- {note}" for note in notes]
            if notes:
                out.append("")
        return "\n".join(out)


def ratio_text(anchor, ours):
    """How many times faster meetlat is (anchor time / meetlat time, or meetlat rate / anchor)."""
    if not anchor or not ours:
        return "–"
    value = anchor / ours
    return f"{value:.2f}× " + ("faster" if value >= 1 else "(slower)")


def megabytes(n_bytes):
    return n_bytes / 1_000_000


# ---------------------------------------------------------------- machine

def machine(arguments):
    cpu = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as file:
        for line in file:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = "unknown"
    with open("/proc/meminfo", encoding="utf-8") as file:
        for line in file:
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    system = platform.platform()
    if os.path.exists("/etc/os-release"):
        with open("/etc/os-release", encoding="utf-8") as file:
            for line in file:
                if line.startswith("PRETTY_NAME="):
                    system = line.split("=", 1)[1].strip().strip('"')
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.strip().splitlines()
    # Asked in a child: importing pandas here would make this process, and so the peak memory
    # the kernel reports for every child forked from it, much larger.
    versions = subprocess.run([sys.executable, "-c", "import importlib.metadata as m\n"
                               "for n in ('pandas', 'pyarrow', 'polars', 'duckdb'):\n"
                               "    try: print(n, m.version(n))\n"
                               "    except m.PackageNotFoundError: print(n, 'not installed')"],
                              capture_output=True, text=True).stdout.strip().splitlines()
    pandas_version = ", ".join(versions) or "not installed"
    for tool, command in (("Hugo", ["hugo", "version"]), ("Chromium", ["chromium", "--version"])):
        try:
            output = subprocess.run(command, capture_output=True, text=True).stdout.split()
            pandas_version += f", {tool} {output[1]}"
        except (OSError, IndexError):
            pandas_version += f", {tool} not installed"
    return {
        "cpu": cpu, "cores": os.cpu_count(), "memory": memory, "system": system,
        "swift": swift[0] if swift else "unknown", "python": platform.python_version(),
        "pandas": pandas_version, "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "date": datetime.date.today().isoformat(),
    }


# ---------------------------------------------------------------- machine load

class LoadSampler:
    """Samples the 1-minute load average every 10 s while the benchmark runs: the machine is
    shared, and every figure should be read with the load it was measured under."""

    def __init__(self):
        import threading
        self.samples = [os.getloadavg()[0]]
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while not self.stop.wait(10):
            self.samples.append(os.getloadavg()[0])

    def summary(self, stop=True):
        if stop:
            self.stop.set()
        values = sorted(self.samples + [os.getloadavg()[0]])
        return (f"median {statistics.median(values):.2f}, range {values[0]:.2f}–{values[-1]:.2f} "
                f"({len(values)} samples of the 1-minute load average, every 10 s, on {os.cpu_count()} cores)")


# ---------------------------------------------------------------- children

def timed_child(command, cwd=ROOT, environment=None):
    """Runs a command; returns (wall seconds, CPU seconds, peak resident memory in bytes,
    standard output). CPU time (user + system) is what the work costs; wall time also holds
    whatever else the shared machine was doing.

    CPU time and peak memory come from GNU time (Debian `time`), not from this process's
    wait4: Linux keeps the resident set a child had before exec, i.e. a copy of this Python
    process, in the child's peak; GNU time is small, so its child's peak is the command's own."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as usage:
        started = time.perf_counter()
        result = subprocess.run([GNU_TIME, "-o", usage.name, "-f", "%U %S %M"] + command, cwd=cwd, env=environment,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        seconds = time.perf_counter() - started
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} exited with {result.returncode}:\n"
                               f"{result.stderr.decode('utf-8', 'replace').strip()[-2000:]}")
        user, system, kilobytes = usage.read().split()[-3:]
    return seconds, float(user) + float(system), int(kilobytes) * 1024, result.stdout.decode("utf-8", "replace")


def json_child(command):
    return json.loads(timed_child(command)[3])


# ---------------------------------------------------------------- 1. CSV ingest

def file_digest(path):
    with open(path, "rb") as file:
        return hashlib.sha256(file.read()).hexdigest()[:16]


def ensure_export(work, size):
    """The generated export (Windows-1252, as Dutch Excel saves it) and its UTF-8 copy, made
    again only when the size or the generator changed."""
    path = os.path.join(work, f"export-{size:g}mb.csv")
    generator = os.path.join(HERE, "generate_export.py")
    stamp = path + ".generator"
    digest = file_digest(generator)
    utf8 = path + ".utf-8.csv"
    if not (os.path.exists(path + ".json") and os.path.exists(stamp) and open(stamp).read() == digest
            and os.path.exists(utf8)):
        progress(f"generating a {size:g} MB export …")
        subprocess.run([sys.executable, generator, "--output", path, "--megabytes", str(size)], check=True)
        with open(path, encoding="cp1252", newline="") as source, open(utf8, "w", encoding="utf-8", newline="") as copy:
            shutil.copyfileobj(source, copy, 1 << 20)
        with open(stamp, "w") as file:
            file.write(digest)
    with open(path + ".json", encoding="utf-8") as file:
        return path, utf8, json.load(file)


def paired(anchor, ours, times):
    """Ratios within each round (adjacent runs see about the same machine load)."""
    ratios = sorted(a / b for a, b in zip(times[anchor], times[ours]))
    return f"{statistics.median(ratios):.2f} ({ratios[0]:.2f}–{ratios[-1]:.2f})"


def interleaved(contenders, repetitions, section):
    """Runs every contender once per round (after a warm-up round), in the same order each round;
    returns per contender the wall and CPU seconds of the rounds and the last result."""
    wall = {name: [] for name, _, _ in contenders}
    cpu = {name: [] for name, _, _ in contenders}
    results = {}
    for repetition in range(repetitions + 1):
        for name, command, environment in contenders:
            label = "warm-up" if repetition == 0 else f"repetition {repetition}/{repetitions}"
            progress(f"{section}: {label}: {name}")
            result = json.loads(timed_child(command, environment=environment)[3])
            results[name] = result
            if repetition > 0:
                wall[name].append(result["seconds"])
                cpu[name].append(result["cpu_seconds"])
    progress_done()
    return wall, cpu, results


def csv_benchmark(arguments, report):
    path, utf8, layout = ensure_export(arguments.work, arguments.megabytes)
    size = layout["bytes"]
    columns = ",".join(str(i) for i in layout["numeric_columns"])
    bench = os.path.join(arguments.bin, "meetlat-bench")
    delimiter = ["--delimiter", layout["delimiter"]]
    python = sys.executable
    readers = os.path.join(HERE, "python_readers.py")
    one_thread = dict(os.environ, POLARS_MAX_THREADS="1")
    contenders = [
        ("meetlat fields, windows-1252", [bench, "csv", "--file", path, "--mode", "fields", "--encoding", layout["encoding"]] + delimiter, None),
        ("polars text, 1 thread", [python, readers, "polars", utf8], one_thread),
        ("meetlat fields, UTF-8", [bench, "csv", "--file", utf8, "--mode", "fields", "--encoding", "utf-8"] + delimiter, None),
        ("pyarrow.csv text, 1 thread", [python, readers, "pyarrow", utf8], None),
        ("DuckDB text, 1 thread", [python, readers, "duckdb", utf8], None),
        ("meetlat fields + numbers", [bench, "csv", "--file", path, "--mode", "numbers", "--columns", columns,
                                      "--encoding", layout["encoding"]] + delimiter, None),
        ("pandas + pyarrow typed", [python, readers, "pandas", path], None),
        ("polars typed by expressions, 1 thread", [python, readers, "polars-typed", utf8], one_thread),
        ("csv module rows", [python, readers, "csv-module", path], None),
        ("polars text, all threads", [python, readers, "polars", utf8], None),
        ("meetlat fields, detected", [bench, "csv", "--file", path, "--mode", "fields"], None),
    ]
    if os.path.exists(arguments.pandas_only_python):
        contenders.insert(7, ("pandas without pyarrow typed", [arguments.pandas_only_python, readers, "pandas", path], None))
    wall, cpu, results = interleaved(contenders, arguments.repetitions, "csv ingest")
    check_same_reading(results, layout)

    median = {name: statistics.median(values) for name, values in wall.items()}
    median_cpu = {name: statistics.median(values) for name, values in cpu.items()}
    rows = [[name, f"{median[name]:.3f}", f"{min(wall[name]):.3f}–{max(wall[name]):.3f}",
             f"{megabytes(size) / median[name]:.1f}", f"{median_cpu[name]:.3f}"] for name, _, _ in contenders]
    versions = {name: results[name].get("version") for name, _, _ in contenders if results[name].get("version")}
    pandas_strings = {name: ", ".join(results[name].get("string_dtype", [])) for name in results if "pandas" in name}
    report.table(
        f"CSV ingest: {megabytes(size):.1f} MB export, {layout['rows']:,} rows × {layout['columns']} columns "
        f"({len(layout['numeric_columns'])} numeric), {layout['encoding']}, '{layout['delimiter']}'",
        ["reader", "median wall s", "range wall s", "MB/s", "median CPU s"], rows,
        [f"{arguments.repetitions} repetitions after a warm-up, interleaved "
         f"({' → '.join(n for n, _, _ in contenders)} → …); each a fresh process, timing only the read "
         "(not starting Python or importing the library)",
         "meetlat fields: TableFiles.CSVReader (libcsv) decoding every field to a String, from the "
         "Windows-1252 export or from its UTF-8 copy; detected: encoding and delimiter detected (mapping "
         "`auto`), which reads the file twice",
         "polars, pyarrow.csv and DuckDB are given the UTF-8 copy (polars reads nothing else) and make every "
         "column text: polars.read_csv(infer_schema=False) with POLARS_MAX_THREADS=1 (or all threads); "
         "pyarrow.csv.read_csv(use_threads=False, every column string); DuckDB read_csv(all_varchar) into an "
         "Arrow table, SET threads = 1",
         "meetlat fields + numbers: the same read plus DutchNumber.read on every cell of the 18 numeric columns; "
         "pandas: read_csv(sep=';', decimal=',', thousands='.', encoding='cp1252', na_values=['onbekend', "
         "'n.v.t.']), C engine, column types inferred, in two venvs: with pyarrow installed (text columns: "
         f"{pandas_strings.get('pandas + pyarrow typed', '?')}) and without (.bench/venv-pandas-only, text "
         f"columns: {pandas_strings.get('pandas without pyarrow typed', 'not run')}); pandas 3 uses its "
         "Arrow-backed `str` dtype only when pyarrow is importable",
         "polars typed by expressions: read as text with null_values=['onbekend', 'n.v.t.'], then "
         "str.replace_all('.', '') → str.replace(',', '.') → cast(Float64) on the numeric columns (polars has "
         "decimal_comma but no thousands separator)",
         "versions: " + ", ".join(f"{name.split()[0]} {version}" for name, version in
                                  {n.split(' ')[0]: v for n, v in versions.items()}.items()),
         "checked: every reader saw the same rows and fields; meetlat, both pandas and polars read the same "
         "numbers (sum and count of every numeric column)"])

    comparisons = []
    for ours, anchor, label in [
            ("meetlat fields, windows-1252", "polars text, 1 thread", "fields, windows-1252 vs polars, 1 thread (target ≥ 1.0)"),
            ("meetlat fields, UTF-8", "polars text, 1 thread", "fields, UTF-8 vs polars, 1 thread (target ≥ 1.0)"),
            ("meetlat fields, UTF-8", "meetlat fields, windows-1252", "UTF-8 path vs windows-1252 path (target ≥ 1.0)"),
            ("meetlat fields + numbers", "pandas + pyarrow typed", "typed numbers vs pandas + pyarrow (target ≥ 1.0)"),
            ("meetlat fields + numbers", "polars typed by expressions, 1 thread", "typed numbers vs polars expressions, 1 thread (target ≥ 1.0)"),
            ("meetlat fields + numbers", "pandas without pyarrow typed", "typed numbers vs pandas without pyarrow"),
            ("meetlat fields, windows-1252", "pyarrow.csv text, 1 thread", "fields vs pyarrow.csv, 1 thread"),
            ("meetlat fields, windows-1252", "DuckDB text, 1 thread", "fields vs DuckDB, 1 thread"),
            ("meetlat fields, windows-1252", "polars text, all threads", "fields vs polars, all threads"),
            ("meetlat fields, windows-1252", "csv module rows", "fields vs Python csv module"),
            ("meetlat fields, detected", "csv module rows", "fields, detected vs Python csv module")]:
        if ours not in median or anchor not in median:
            continue
        comparisons.append([label, f"{median[ours]:.3f} s", f"{median[anchor]:.3f} s",
                            ratio_text(median[anchor], median[ours]), paired(anchor, ours, wall),
                            ratio_text(median_cpu[anchor], median_cpu[ours])])
    report.table("CSV ingest: ratios (anchor time / meetlat time; above 1 = meetlat faster)",
                 ["figure", "meetlat wall", "anchor wall", "ratio of medians", "per-round ratio (range)",
                  "ratio of CPU medians"], comparisons,
                 ["the UTF-8 row's anchor is meetlat's own Windows-1252 path: above 1 = the UTF-8 path is faster"])
    return {"median": median, "size": size}


def check_same_reading(results, layout):
    fields = {name: (r["rows"], r["fields"]) for name, r in results.items()}
    if len(set(fields.values())) != 1:
        raise RuntimeError(f"the readers disagree on rows and fields: {fields}")
    ours = results["meetlat fields + numbers"]
    if ours.get("invalid"):
        raise RuntimeError(f"meetlat could not read {ours['invalid']} numbers of the export")
    for name in ("pandas + pyarrow typed", "pandas without pyarrow typed", "polars typed by expressions, 1 thread"):
        if name not in results:
            continue
        theirs = results[name]
        for slot, index in enumerate(layout["numeric_columns"]):
            a, b = ours["sums"][slot], theirs["sums"][slot]
            if ours["counts"][slot] != theirs["counts"][slot] or abs(a - b) > 1e-9 * max(1.0, abs(b)):
                raise RuntimeError(f"column {index}: meetlat read {ours['counts'][slot]} numbers summing to {a}, "
                                   f"{name} {theirs['counts'][slot]} summing to {b}")


# ---------------------------------------------------------------- 2. pipeline (and 3. site)

def site_available(meetlat):
    """Whether this build has `meetlat site` (an unknown subcommand's --help prints the top help)."""
    result = subprocess.run([meetlat, "site", "--help"], capture_output=True, text=True)
    return result.returncode == 0 and "--output" in result.stdout


def ensure_archive(work, root=ROOT, name="archive"):
    """The generated archives (1–15 years) of a checkout: its generators, its Surveys/ (models,
    reference). The exports are the same bytes for every checkout whose generators are the same."""
    folder = os.path.join(work, name)
    here = os.path.join(root, "Benchmarks")
    generator = os.path.join(here, "generate_archive.py")
    stamp = os.path.join(folder, ".generator")
    digest = file_digest(generator) + file_digest(os.path.join(here, "generate_export.py"))
    if not (os.path.exists(stamp) and open(stamp).read() == digest):
        progress(f"generating the archives ({name}) …")
        subprocess.run([sys.executable, generator, "--output", folder, "--surveys", os.path.join(root, "Surveys")],
                       check=True, stdout=subprocess.DEVNULL, cwd=root)
        with open(stamp, "w") as file:
            file.write(digest)
    return folder


def survey_years(folder):
    return sorted(int(n) for n in os.listdir(folder)
                  if re.fullmatch(r"\d{4}", n) and os.path.exists(os.path.join(folder, n, "mapping.yaml")))


def count_html(folder):
    return sum(1 for _, _, files in os.walk(folder) for name in files if name.endswith(".html"))


def writes_statistics(meetlat):
    """Whether this build's `meetlat stats` has --write (every year into Statistics/, read by the
    site); older builds (before 2026-12-04) ran one `stats --year` per year and the site read the
    surveys instead."""
    result = subprocess.run([meetlat, "stats", "--help"], capture_output=True, text=True)
    return "--write" in result.stdout


def run_pipeline(meetlat, surveys, out, with_site, root=ROOT):
    """One run of ingest → score → stats (every year) → site; per step (wall s, CPU s, peak bytes).
    `root`: the checkout whose site sources and scenarios the build uses (and where it runs)."""
    if not writes_statistics(meetlat):
        return run_pipeline_before_write(meetlat, surveys, out, with_site, root)
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out)
    rankings, reports, statistics, site = (os.path.join(out, n) for n in ("Rankings", "Reports", "Statistics", "_site"))
    steps = {}
    steps["ingest"] = timed_child([meetlat, "ingest", "--surveys", surveys, "--reports", reports], cwd=root)[:3]
    steps["score"] = timed_child([meetlat, "score", "--surveys", surveys, "--rankings", rankings], cwd=root)[:3]
    # Every year's statistics and the reference, written for the site (one process).
    steps["stats"] = timed_child([meetlat, "stats", "--surveys", surveys, "--write", "--statistics", statistics], cwd=root)[:3]
    pages, site_steps = None, {}
    if with_site:
        wall, cpu, peak, output = timed_child([meetlat, "site", "--surveys", surveys, "--rankings", rankings,
                                               "--statistics", statistics, "--output", site,
                                               "--source", os.path.join(root, "site"),
                                               "--scenarios", os.path.join(root, "Scenarios")], cwd=root)
        steps["site"] = (wall, cpu, peak)
        pages = count_html(site)
        # `meetlat site` prints its own steps: "in 4.46 s (load 0.82 s, pages 0.77 s, …): 1254 pages/s".
        match = re.search(r"in [\d.]+ s \((.*)\): [\d.]+ pages/s", output)
        if match:
            for part in match.group(1).split(", "):
                name, _, seconds = part.rpartition(" ")[0].rpartition(" ")
                site_steps[name] = float(seconds)
    return steps, pages, site_steps


def run_pipeline_before_write(meetlat, surveys, out, with_site, root):
    """run_pipeline for builds before `stats --write` (such as 3d9e0e4), as their own
    Benchmarks/run.py ran them: `stats --year` once per year (times added up), the site from the
    surveys and Reports/."""
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out)
    rankings, reports, site = (os.path.join(out, n) for n in ("Rankings", "Reports", "_site"))
    steps = {"ingest": timed_child([meetlat, "ingest", "--surveys", surveys, "--reports", reports], cwd=root)[:3],
             "score": timed_child([meetlat, "score", "--surveys", surveys, "--rankings", rankings], cwd=root)[:3]}
    wall, cpu, peak = 0.0, 0.0, 0
    for year in survey_years(surveys):
        w, c, p, _ = timed_child([meetlat, "stats", "--surveys", surveys, "--year", str(year)], cwd=root)
        wall, cpu, peak = wall + w, cpu + c, max(peak, p)
    steps["stats"] = (wall, cpu, peak)
    pages = None
    if with_site:
        steps["site"] = timed_child([meetlat, "site", "--surveys", surveys, "--rankings", rankings, "--reports", reports,
                                     "--output", site, "--source", os.path.join(root, "site"),
                                     "--scenarios", os.path.join(root, "Scenarios")], cwd=root)[:3]
        pages = count_html(site)
    return steps, pages, {}


def fit_line(xs, ys):
    """Least squares y = a + b·x; returns (a, b, r²)."""
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mean_x) ** 2 for x in xs)
    b = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / sxx
    a = mean_y - b * mean_x
    total = sum((y - mean_y) ** 2 for y in ys)
    residual = sum((y - a - b * x) ** 2 for x, y in zip(xs, ys))
    return a, b, (1 - residual / total) if total else 1.0


def growth_verdict(xs, ys, noise):
    """`linear`, `flat` (hardly grows) or `faster than linear`, with the figures behind it.
    `noise`: a difference smaller than this (in the unit of ys) is not taken as a trend."""
    a, b, r2 = fit_line(xs, ys)
    ratio = ys[-1] / ys[0]
    # Extrapolate the line through the smaller archives to the largest: a cost that grows
    # faster than the years puts the largest archive well above that line.
    a_small, b_small, _ = fit_line(xs[:-1], ys[:-1])
    predicted = a_small + b_small * xs[-1]
    excess = ys[-1] / predicted - 1 if predicted > 0 else 0
    if ratio < 1.5:
        verdict = "flat"
    elif excess > 0.25 and ys[-1] - predicted > noise:
        verdict = "faster than linear"
    else:
        verdict = "linear"
    return verdict, a, b, r2, ratio, excess


def pipeline_benchmark(arguments, report, facts):
    meetlat = os.path.join(arguments.bin, "meetlat")
    with_site = site_available(meetlat)
    facts["site_available"] = with_site
    archive = ensure_archive(arguments.work)
    sizes = [("demo Surveys/", os.path.join(ROOT, "Surveys"))]
    sizes += [(f"{n} year" + ("s" if n > 1 else ""), os.path.join(archive, f"archive-{n}")) for n in (1, 2, 4, 8, 15)]
    samples = {label: [] for label, _ in sizes}
    site_step_samples = {label: [] for label, _ in sizes}
    pages = {}
    for repetition in range(1, arguments.growth_repetitions + 1):
        for label, surveys in sizes:
            progress(f"pipeline: repetition {repetition}/{arguments.growth_repetitions}: {label}")
            steps, count, site_steps = run_pipeline(meetlat, surveys, os.path.join(arguments.work, "out", label.split()[0]),
                                                    with_site)
            samples[label].append(steps)
            site_step_samples[label].append(site_steps)
            pages[label] = count
    progress_done()

    step_names = ["ingest", "score", "stats"] + (["site"] if with_site else [])

    def median_of(label, value):
        return statistics.median(value(run) for run in samples[label])

    def wall(label, step=None):
        return median_of(label, lambda run: run[step][0] if step else sum(run[s][0] for s in step_names))

    def cpu(label, step=None):
        return median_of(label, lambda run: run[step][1] if step else sum(run[s][1] for s in step_names))

    def peak(label):
        return median_of(label, lambda run: max(run[s][2] for s in step_names))

    rows, years_of = [], {}
    for label, surveys in sizes:
        years_of[label] = len(survey_years(surveys))
        first = samples[label][0]
        rows.append([label, years_of[label], f"{wall(label):.2f}", f"{cpu(label):.2f}"]
                    + [f"{wall(label, s):.2f}" for s in step_names]
                    + [f"{peak(label) / 2**20:.0f}", max(step_names, key=lambda s: first[s][2])])
    notes = [f"median of {arguments.growth_repetitions} runs, the archive sizes interleaved; every step a fresh "
             "`meetlat` process as a user runs it (stats: `meetlat stats --write`, every year into Statistics/)",
             "wall s: elapsed; CPU s: user + system time of the processes (less disturbed by the other "
             "work on a shared machine); peak MB: the largest resident set of any step's process "
             "(GNU time of each child), and the step where it occurs",
             "archive: 400 synthetic gemeenten, about 390 export rows a year (Benchmarks/generate_archive.py), "
             "every year scored with meetlat-2012 (weight sensitivity: 10,000 runs a year)"]
    if not with_site:
        notes.append("site: not available (`meetlat site` is not in this build), so the pipeline is ingest → score → stats")
    report.table("Pipeline: time and peak memory",
                 ["surveys", "years", "wall s", "CPU s"] + [f"{s} wall s" for s in step_names] + ["peak MB", "peak in"],
                 rows, notes)

    labels = [label for label, _ in sizes[1:]]
    xs = [years_of[label] for label in labels]
    measures = [("wall time, whole pipeline", [wall(l) for l in labels], "s", 0.2),
                ("CPU time, whole pipeline", [cpu(l) for l in labels], "s", 0.2)]
    measures += [(f"CPU time, {s}", [cpu(l, s) for l in labels], "s", 0.1) for s in step_names]
    measures += [("peak memory", [peak(l) / 2**20 for l in labels], "MB", 5)]
    growth_rows = []
    for what, values, unit, noise in measures:
        verdict, a, b, r2, ratio, excess = growth_verdict(xs, values, noise)
        growth_rows.append([what, f"{values[0]:.2f} {unit}", f"{values[-1]:.2f} {unit}", f"{ratio:.1f}×",
                            f"{a:.2f} + {b:.3f}·years", f"{r2:.3f}", f"{excess * 100:+.0f} %", verdict])
    report.table("Pipeline: growth from 1 to 15 years (400 gemeenten)",
                 ["measure", "1 year", "15 years", "15 y / 1 y", "fitted line", "R²", "15 y vs line of 1–8 y", "growth"],
                 growth_rows,
                 ["fitted line: least squares over 1, 2, 4, 8 and 15 years (the intercept is the fixed cost: "
                  "starting processes, reading the reference and models)",
                  "15 y vs line of 1–8 y: the 15-year figure against the line fitted through 1–8 years only; "
                  "a cost growing faster than the years shows up there (faster than linear: above +25 % and "
                  "by more than 0.1–0.2 s or 5 MB); flat: 15 years costs less than 1.5× one year"])

    if with_site:
        site_rows, breakdown = [], []
        for label in [sizes[0][0], "15 years"]:
            seconds, processor = wall(label, "site"), cpu(label, "site")
            rate = pages[label] / seconds if seconds else 0
            site_rows.append([label, pages[label], f"{seconds:.2f}", f"{processor:.2f}", f"{processor / seconds * 100:.0f} %",
                              f"{rate:,.0f}", f"{pages[label] / processor:,.0f}", f"{SITE_TARGET:,}",
                              f"{rate / SITE_TARGET:.2f}"])
            names = [n for n in site_step_samples[label][0]] if site_step_samples[label] else []
            if names:
                medians = {n: statistics.median(run.get(n, 0) for run in site_step_samples[label]) for n in names}
                breakdown.append(f"{label}: `meetlat site`'s own steps (median s): "
                                 + ", ".join(f"{n} {medians[n]:.2f}" for n in names))
        report.table("Site generation: pages per second",
                     ["surveys", "HTML pages", "wall s", "CPU s", "CPU use", "pages/s", "pages per CPU s",
                      "target pages/s", "ratio to target"], site_rows,
                     ["wall time of the whole `meetlat site` process (loading the rankings and surveys, building "
                      "and rendering the pages, writing, the personal-data scan); pages = the .html files written; "
                      f"median of the {arguments.growth_repetitions} pipeline runs",
                      "CPU use: CPU time / wall time (200 % = both cores busy); pages per CPU s is what a fully "
                      "parallel build could reach per core"] + breakdown)
    else:
        report.table("Site generation: pages per second",
                     ["surveys", "HTML pages", "wall s", "pages/s", "target pages/s", "ratio to target"],
                     [["15 years", "not available", "–", "–", f"{SITE_TARGET:,}", "–"]],
                     ["`meetlat site` is not in this build yet: no figure"])


# ---------------------------------------------------------------- 2b. pipeline against an older build

def directory_digest(folder):
    """One digest of every file's path and bytes (to say whether two runs wrote the same)."""
    digest = hashlib.sha256()
    for base, folders, files in os.walk(folder):
        folders.sort()
        for name in sorted(files):
            path = os.path.join(base, name)
            digest.update(os.path.relpath(path, folder).encode())
            with open(path, "rb") as file:
                digest.update(file.read())
    return digest.hexdigest()[:16]


def baseline_benchmark(arguments, report):
    """The 15-year pipeline through this build and through the release build of an older commit
    (arguments.baseline_bin, built by scripts/bench.sh in a worktree under .bench/), interleaved."""
    name = f"archive-{arguments.archive_years}"
    archives = {ROOT: os.path.join(ensure_archive(arguments.work), name),
                arguments.baseline_root: os.path.join(ensure_archive(arguments.work, arguments.baseline_root,
                                                                     f"archive-{arguments.baseline_commit}"), name)}
    same_exports = all(file_digest(os.path.join(archives[ROOT], str(year), f"export-{year}.csv"))
                       == file_digest(os.path.join(archives[arguments.baseline_root], str(year), f"export-{year}.csv"))
                       for year in survey_years(archives[ROOT]))
    builds = [("this build", os.path.join(arguments.bin, "meetlat"), ROOT),
              (f"build at {arguments.baseline_commit}", os.path.join(arguments.baseline_bin, "meetlat"), arguments.baseline_root)]
    samples = {label: [] for label, _, _ in builds}
    outputs = {}
    for repetition in range(arguments.pipeline_repetitions + 1):
        for label, meetlat, root in builds:
            archive = archives[root]
            progress(f"pipeline against {arguments.baseline_commit}: "
                     f"{'warm-up' if repetition == 0 else f'repetition {repetition}/{arguments.pipeline_repetitions}'}: {label}")
            out = os.path.join(arguments.work, "out", "baseline-" + label.split()[-1])
            steps, pages, _ = run_pipeline(meetlat, archive, out, True, root=root)
            if repetition > 0:
                samples[label].append(steps)
            outputs[label] = out
    progress_done()
    names = ["ingest", "score", "stats", "site"]

    def median(label, value):
        return statistics.median(value(run) for run in samples[label])

    wall = {l: [sum(run[s][0] for s in names) for run in samples[l]] for l, _, _ in builds}
    cpu = {l: [sum(run[s][1] for s in names) for run in samples[l]] for l, _, _ in builds}
    peak = {l: [max(run[s][2] for s in names) for run in samples[l]] for l, _, _ in builds}
    rows = []
    for label, _, _ in builds:
        rows.append([label, f"{statistics.median(wall[label]):.2f}", f"{min(wall[label]):.2f}–{max(wall[label]):.2f}",
                     f"{statistics.median(cpu[label]):.2f}", f"{statistics.median(peak[label]) / 2**20:.0f}"]
                    + [f"{median(label, lambda run, s=s: run[s][0]):.2f}" for s in names])
    ours, theirs = builds[0][0], builds[1][0]
    same = {}
    for folder in ("Rankings", "_site"):
        same[folder] = "identical" if directory_digest(os.path.join(outputs[ours], folder)) == \
            directory_digest(os.path.join(outputs[theirs], folder)) else "different"
    report.table(f"Pipeline, {arguments.archive_years} years × 400 gemeenten: this build against {arguments.baseline_commit}",
                 ["build", "median wall s", "range wall s", "median CPU s", "peak MB"] + [f"{s} wall s" for s in names],
                 rows,
                 [f"{arguments.pipeline_repetitions} rounds after a warm-up, the two builds interleaved; each round "
                  "ingest → score → stats --write → site as separate `meetlat` processes on both cores, each build "
                  "with the site sources and scenarios of its own checkout (the older one: a git worktree in "
                  f".bench/, release build); peak MB: the largest resident set of any step",
                  "each build reads the archive generated from its own checkout (generators, models, reference): "
                  + ("the exports are byte-identical" if same_exports else "the exports DIFFER")
                  + f"; the models are not: since {arguments.baseline_commit} every year's score also runs the "
                  "uncertainty analysis (issue 16: Saltelli sampling over every assumption, rank intervals), and "
                  f"stats writes every year's Statistics/ for the site; {arguments.baseline_commit} ran `stats --year` "
                  "once per year (times added up) and its site read the surveys",
                  "outputs of the two builds: " + ", ".join(f"{k} {v}" for k, v in same.items())
                  + " (other issues changed them on purpose since; this build's outputs are checked against "
                    "the committed ones by scripts/test.sh)"])
    ratios = sorted(b / a for a, b in zip(wall[ours], wall[theirs]))
    report.table(f"Pipeline: ratio to {arguments.baseline_commit} (target: 4× faster, peak memory no higher)",
                 ["figure", "this build", arguments.baseline_commit, "ratio of medians", "per-round ratio (range)"],
                 [["wall s, both cores", f"{statistics.median(wall[ours]):.2f}", f"{statistics.median(wall[theirs]):.2f}",
                   ratio_text(statistics.median(wall[theirs]), statistics.median(wall[ours])),
                   f"{statistics.median(ratios):.2f} ({ratios[0]:.2f}–{ratios[-1]:.2f})"],
                  ["CPU s", f"{statistics.median(cpu[ours]):.2f}", f"{statistics.median(cpu[theirs]):.2f}",
                   ratio_text(statistics.median(cpu[theirs]), statistics.median(cpu[ours])), "–"],
                  ["peak MB", f"{statistics.median(peak[ours]) / 2**20:.0f}", f"{statistics.median(peak[theirs]) / 2**20:.0f}",
                   f"{statistics.median(peak[ours]) / statistics.median(peak[theirs]):.2f}× of {arguments.baseline_commit}'s", "–"]])


# ---------------------------------------------------------------- 3b. site against Hugo

def hugo_benchmark(arguments, report):
    """`meetlat site` and Hugo building the same pages from the same data, on one core and on two."""
    hugo = shutil.which("hugo")
    if not hugo:
        report.table("Site generation against Hugo", ["", ""], [["Hugo", "not installed (Debian package hugo)"]])
        return
    version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.split()[1]
    meetlat = os.path.join(arguments.bin, "meetlat")
    archive = os.path.join(ensure_archive(arguments.work), f"archive-{arguments.archive_years}")
    out = os.path.join(arguments.work, "out", "hugo-archive")
    progress("site against Hugo: the 15-year pipeline once, for its Rankings and Statistics …")
    run_pipeline(meetlat, archive, out, True)
    rankings, statistics_folder, site = (os.path.join(out, n) for n in ("Rankings", "Statistics", "_site"))
    project = os.path.join(arguments.work, "hugo-project")
    subprocess.run([sys.executable, os.path.join(HERE, "hugo_site.py"), "--site", site, "--rankings", rankings,
                    "--statistics", statistics_folder, "--output", project], check=True, stdout=subprocess.DEVNULL)
    meetlat_out, hugo_out = os.path.join(arguments.work, "out", "site-meetlat"), os.path.join(arguments.work, "out", "site-hugo")
    contenders = []
    for cores, pin in (("1 core", ["taskset", "-c", "0"]), ("2 cores", [])):
        contenders.append((f"meetlat, {cores}", meetlat_out,
                           pin + [meetlat, "site", "--surveys", archive, "--rankings", rankings, "--statistics",
                                  statistics_folder, "--output", meetlat_out, "--source", os.path.join(ROOT, "site"),
                                  "--scenarios", os.path.join(ROOT, "Scenarios")]))
        contenders.append((f"Hugo, {cores}", hugo_out, pin + [hugo, "--quiet", "--source", project, "--destination", hugo_out]))
    wall = {name: [] for name, _, _ in contenders}
    cpu = {name: [] for name, _, _ in contenders}
    for repetition in range(arguments.pipeline_repetitions + 1):
        for name, output, command in contenders:
            progress(f"site against Hugo: {'warm-up' if repetition == 0 else f'repetition {repetition}'}: {name}")
            if os.path.isdir(output):
                shutil.rmtree(output)
            seconds, processor, _, _ = timed_child(command)
            if repetition > 0:
                wall[name].append(seconds)
                cpu[name].append(processor)
    progress_done()

    def html_pages(folder):
        sizes = [os.path.getsize(os.path.join(b, n)) for b, _, fs in os.walk(folder) for n in fs if n.endswith(".html")]
        return len(sizes), sum(sizes)

    pages = {"meetlat": html_pages(meetlat_out), "Hugo": html_pages(hugo_out)}
    rows = []
    for name, _, _ in contenders:
        count, size = pages[name.split(",")[0]]
        seconds, processor = statistics.median(wall[name]), statistics.median(cpu[name])
        rows.append([name, f"{count:,}", f"{size / count / 1000:.1f}", f"{seconds:.2f}",
                     f"{min(wall[name]):.2f}–{max(wall[name]):.2f}", f"{processor:.2f}", f"{count / seconds:,.0f}",
                     f"{count / processor:,.0f}"])
    report.table(f"Site generation against Hugo {version}: the {arguments.archive_years}-year archive's site",
                 ["generator", "HTML pages", "mean page kB", "median wall s", "range wall s", "median CPU s", "pages/s",
                  "pages per CPU s"], rows,
                 [f"{arguments.pipeline_repetitions} rounds after a warm-up, interleaved; the output folder removed before "
                  "each run; 1 core: `taskset -c 0` (Hugo's Go runtime then uses one core too)",
                  "Hugo's project (Benchmarks/hugo_site.py) is generated from the same Rankings/ and Statistics/: one "
                  "page per page meetlat wrote, at the same address; ranking and gemeente pages rendered by Go templates "
                  "from the Rankings JSON (given prepared: previous rank and each entry's place in the other years), "
                  "the other pages from Markdown holding the text of meetlat's page",
                  "meetlat's figure includes what Hugo does not do: loading the surveys, writing every download "
                  "(CSV, JSON, XLSX) and the personal-data scan of everything written"])
    comparisons = []
    for cores in ("1 core", "2 cores"):
        ours, theirs = f"meetlat, {cores}", f"Hugo, {cores}"
        target = " (target ≥ 3.0)" if cores == "1 core" else ""
        comparisons.append([f"pages/s, {cores}{target}", ratio_text(statistics.median(wall[theirs]), statistics.median(wall[ours])),
                            paired(theirs, ours, wall), ratio_text(statistics.median(cpu[theirs]), statistics.median(cpu[ours]))])
    report.table("Site generation: meetlat against Hugo (Hugo time / meetlat time; pages are the same)",
                 ["figure", "ratio of medians", "per-round ratio (range)", "ratio of CPU medians"], comparisons,
                 ["pages per second compare per page; meetlat's pages are larger on average (see the mean page size)"])


# ---------------------------------------------------------------- 3c. the ranking page in a browser

def browser_benchmark(arguments, report):
    """Main-thread work of the 2012 ranking page of the demo site in headless Chromium, this build's
    page against the page of the older build, interleaved."""
    if not (shutil.which("chromium") and shutil.which("chromedriver")):
        report.table("Ranking page in Chromium", ["", ""], [["Chromium", "not installed (chromium, chromium-driver)"]])
        return
    pages = []
    for label, meetlat, root in [("this build", os.path.join(arguments.bin, "meetlat"), ROOT),
                                 (f"build at {arguments.baseline_commit}", os.path.join(arguments.baseline_bin, "meetlat"),
                                  arguments.baseline_root)]:
        if not os.path.exists(meetlat):
            continue
        out = os.path.join(arguments.work, "out", "browser-" + label.split()[-1])
        progress(f"ranking page: the demo site of {label} …")
        if os.path.isdir(out):
            shutil.rmtree(out)
        # The demo data of each checkout (Surveys/, Rankings/, Statistics/, site/).
        timed_child([meetlat, "site", "--output", out], cwd=root)
        pages.append((label, os.path.join(out, arguments.browser_page)))
    progress("ranking page: Chromium …")
    results = json.loads(subprocess.run(
        [sys.executable, os.path.join(HERE, "browser_metrics.py"), "--rounds", str(arguments.browser_rounds)]
        + [f"{label}={path}" for label, path in pages], check=True, capture_output=True, text=True).stdout)
    progress_done()
    names = ["TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration", "lcp"]
    rows = []
    for label, _ in pages:
        runs = results[label]
        rows.append([label, runs[0]["elements"], runs[0]["rows"]]
                    + [f"{statistics.median(values):.0f}" if values else "–"
                       for values in ([r[n] for r in runs if r[n] is not None] for n in names)])
    notes = [f"{arguments.browser_page} of the demo site each build makes of its own checkout's data, opened from "
             f"file:// in a fresh headless Chromium per run (1280 × 1600 px), {arguments.browser_rounds} rounds after a "
             "warm-up, interleaved; medians in ms",
             "DevTools Performance.getMetrics (thread time) after the load event and two animation frames: "
             "TaskDuration = all main-thread work; script, layout and style recalculation are parts of it; "
             "LCP: largest contentful paint (wall clock, so the most disturbed by the machine's load)"]
    if len(pages) == 2:
        ours, theirs = pages[0][0], pages[1][0]
        task = lambda label: statistics.median(r["TaskDuration"] for r in results[label])
        ratios = sorted(b["TaskDuration"] / a["TaskDuration"] for a, b in zip(results[ours], results[theirs]))
        notes.append(f"main-thread work: this build {task(ours):.0f} ms, {arguments.baseline_commit} {task(theirs):.0f} ms: "
                     f"{task(theirs) / task(ours):.2f}× less (target: halved, 2.0×); per round "
                     f"{statistics.median(ratios):.2f} ({ratios[0]:.2f}–{ratios[-1]:.2f})")
    progress("ranking page: one traced load …")
    traced = subprocess.run([sys.executable, os.path.join(HERE, "browser_metrics.py"), "--trace", pages[0][1]],
                            capture_output=True, text=True)
    if traced.returncode == 0:
        phases = json.loads(traced.stdout)
        notes.append("where this build's page spends it (one traced load, Chromium startup tracing, renderer main "
                     "thread, thread ms; script can force a layout inside it): "
                     + ", ".join(f"{phase} {ms:.0f}" for phase, ms in phases.items()))
    progress_done()
    report.table("Ranking page in Chromium: main-thread work",
                 ["page of", "elements", "table rows", "task ms", "script ms", "layout ms", "style ms", "LCP ms"], rows, notes)


# ---------------------------------------------------------------- 4. ROI

def roi_benchmark(arguments, report):
    bench = os.path.join(arguments.bin, "meetlat-bench")
    progress("roi: Monte Carlo …")
    output = timed_child([bench, "roi", "--samples", str(arguments.roi_samples), "--runs", str(arguments.roi_runs)])[3]
    progress_done()

    def rate(label):
        match = re.search(re.escape(label) + r":\s+(?:median )?([\d.]+) million", output)
        if not match:
            raise RuntimeError(f"meetlat-bench roi printed no `{label}` figure:\n{output}")
        return float(match.group(1)) * 1e6

    scenario = re.search(r"scenario: (.*)", output)
    rows = []
    for label, what in [("draw + evaluate", "draw the varied inputs + evaluate ROI, NPV, payback"),
                        ("draw + evaluate per CPU second", "the same per CPU second (one core's rate on a busy machine)"),
                        ("draw + evaluate + statistics", "… + percentiles and P(ROI > 0)"),
                        ("evaluate only (fixed inputs)", "evaluation alone")]:
        value = rate(label)
        rows.append([label, what, f"{value / 1e6:.2f} M/s", f"{ROI_TARGET / 1e6:.0f} M/s", f"{value / ROI_TARGET:.1f}×"])
    report.table("ROI Monte Carlo: scenarios per second on one core",
                 ["figure", "work per scenario", "meetlat", "target", "ratio to target"], rows,
                 [f"{scenario.group(1) if scenario else ''}",
                  f"median of {arguments.roi_runs} runs of {arguments.roi_samples:,} samples, one thread "
                  "(`meetlat-bench roi`)"])


# ---------------------------------------------------------------- 6. ingest memory

def ensure_large_year(work, rows):
    folder = os.path.join(work, f"large-{rows}")
    generator = os.path.join(HERE, "generate_large_year.py")
    stamp = os.path.join(folder, ".generator")
    digest = file_digest(generator)
    if not (os.path.exists(stamp) and open(stamp).read() == digest):
        progress(f"generating a year of {rows:,} rows …")
        subprocess.run([sys.executable, generator, "--output", folder, "--surveys", os.path.join(ROOT, "Surveys"),
                        "--rows", str(rows)], check=True, stdout=subprocess.DEVNULL)
        with open(stamp, "w") as file:
            file.write(digest)
    return os.path.join(folder, "Surveys")


def report_count(text, label):
    match = re.search(r"^  " + re.escape(label) + r"\s+(\d+)$", text, re.MULTILINE)
    if not match:
        raise RuntimeError(f"the ingest report has no `{label}` line:\n{text}")
    return int(match.group(1))


def ingest_memory_benchmark(arguments, report):
    meetlat = os.path.join(arguments.bin, "meetlat")
    rows_out = []
    for rows in [int(n) for n in arguments.ingest_rows.split(",") if n]:
        surveys = ensure_large_year(arguments.work, rows)
        export = os.path.join(surveys, "2012", "export.csv")
        reports = os.path.join(os.path.dirname(surveys), "Reports")
        if os.path.isdir(reports):
            shutil.rmtree(reports)
        progress(f"ingest-memory: {rows:,} rows …")
        wall, cpu, peak, _ = timed_child([meetlat, "ingest", "--surveys", surveys, "--reports", reports])
        with open(os.path.join(reports, "2012", "ingest-report.txt"), encoding="utf-8") as file:
            text = file.read()
        read, accepted, rejected = (report_count(text, label) for label in ("rows read", "accepted", "rejected"))
        balanced = "yes (rows read = accepted + rejected)" in text and read == accepted + rejected == rows
        rejects = os.path.getsize(os.path.join(reports, "2012", "rejects.csv"))
        size = os.path.getsize(export)
        rows_out.append([f"{rows:,}", f"{megabytes(size):,.0f}", f"{wall:.1f}", f"{cpu:.1f}", f"{megabytes(size) / wall:.1f}",
                         f"{peak / 1_000_000:.0f}", f"{INGEST_MEMORY_TARGET / 1_000_000:.0f}",
                         "yes" if peak < INGEST_MEMORY_TARGET else "NO", f"{accepted:,}", f"{rejected:,}",
                         f"{megabytes(rejects):,.0f}", "yes" if balanced else "NO"])
        shutil.rmtree(reports)
    progress_done()
    report.table("Ingest memory: one year of millions of rows",
                 ["rows", "export MB", "wall s", "CPU s", "MB/s (wall)", "peak MB", "target MB", "under target",
                  "accepted", "rejected", "rejects.csv MB", "balanced"], rows_out,
                 ["one `meetlat ingest` process per size (release build); peak MB: its largest resident set (GNU time)",
                  "export: Benchmarks/generate_large_year.py — 20 columns, `;`, UTF-8; every gemeente of 2012 answers "
                  "thousands of times, so nearly every row is rejected (duplicate, anonymous, unknown gemeente, invalid "
                  "number) and written to rejects.csv",
                  "balanced: the report says rows read = accepted + rejected, and rows read is every row of the export",
                  "memory stays that of the gemeenten: rejected rows pass through a temporary file (Ingest.RejectLog) "
                  "into rejects.csv"])


# ---------------------------------------------------------------- main

def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", required=True, help="folder of the release build (swift build -c release --show-bin-path)")
    parser.add_argument("--work", default=os.path.join(ROOT, ".bench"), help="scratch folder (generated data, outputs)")
    parser.add_argument("--only", default=",".join(SECTIONS), help="comma-separated: " + ", ".join(SECTIONS))
    parser.add_argument("--megabytes", type=float, default=100, help="size of the generated export")
    parser.add_argument("--repetitions", type=int, default=5, help="CSV repetitions per reader")
    parser.add_argument("--pandas-only-python", default=os.path.join(ROOT, ".bench", "venv-pandas-only", "bin", "python"),
                        help="Python of a venv with pandas and without pyarrow (the 'pandas without pyarrow' anchor)")
    parser.add_argument("--pipeline-repetitions", type=int, default=5)
    parser.add_argument("--growth-repetitions", type=int, default=5,
                        help="runs per archive size in the pipeline section (growth with the years)")
    parser.add_argument("--archive-years", type=int, default=15, choices=[1, 2, 4, 8, 15],
                        help="the archive of the baseline and Hugo sections")
    parser.add_argument("--baseline-commit", default="3d9e0e4", help="the older build the pipeline is compared with")
    parser.add_argument("--baseline-bin", default=os.path.join(ROOT, ".bench", "base-3d9e0e4", ".build", "release"),
                        help="folder of that commit's release build (scripts/bench.sh builds it)")
    parser.add_argument("--baseline-root", default=os.path.join(ROOT, ".bench", "base-3d9e0e4"),
                        help="that commit's checkout (its site sources, scenarios and demo data)")
    parser.add_argument("--browser-page", default="2012/index.html", help="the page measured in Chromium")
    parser.add_argument("--browser-rounds", type=int, default=5)
    parser.add_argument("--roi-samples", type=int, default=2_000_000)
    parser.add_argument("--roi-runs", type=int, default=5)
    parser.add_argument("--webcare-messages", type=int, default=5_000_000, help="messages in the generated webcare log")
    parser.add_argument("--webcare-repetitions", type=int, default=3)
    parser.add_argument("--ingest-rows", default="1000000,10000000", help="comma-separated row counts for ingest-memory")
    parser.add_argument("--markdown", default=os.path.join(HERE, "latest.md"), help="where to write the tables ('' for nowhere)")
    arguments = parser.parse_args()
    # The older build runs in its own checkout (cwd): every path given must not depend on the cwd.
    for option in ("bin", "work", "baseline_bin", "baseline_root", "pandas_only_python"):
        setattr(arguments, option, os.path.abspath(getattr(arguments, option)))
    only = [s for s in arguments.only.split(",") if s]
    unknown = set(only) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s) {', '.join(sorted(unknown))}; choose from {', '.join(SECTIONS)}")
    os.makedirs(arguments.work, exist_ok=True)

    started = time.perf_counter()
    load = LoadSampler()
    facts = machine(arguments)
    report = Report()
    report.table("Machine", ["", "value"], [
        ["date", facts["date"]], ["CPU", facts["cpu"]], ["cores", facts["cores"]], ["memory", facts["memory"]],
        ["system", facts["system"]], ["Swift", facts["swift"]], ["Python", facts["python"]],
        ["anchors", facts["pandas"]], ["load average at start", facts["load"]]])
    def save(done):
        """latest.md after every section: a run stopped early still leaves what it measured."""
        if arguments.markdown:
            partial = Report.__new__(Report)
            partial.blocks = report.blocks + [("Run", ["", "value"], [
                ["sections", ", ".join(done) + (" (still running)" if done != only else "")],
                ["load average so far", load.summary(stop=False)]], [])]
            with open(arguments.markdown, "w", encoding="utf-8") as file:
                file.write(partial.markdown("meetlat benchmarks: latest figures") + "\n")

    sections = [
        ("csv", lambda: csv_benchmark(arguments, report)),
        ("baseline", lambda: baseline_benchmark(arguments, report)),
        ("hugo", lambda: hugo_benchmark(arguments, report)),
        ("browser", lambda: browser_benchmark(arguments, report)),
        ("roi", lambda: roi_benchmark(arguments, report)),
        ("pipeline", lambda: pipeline_benchmark(arguments, report, facts)),
        ("webcare", lambda: __import__("webcare_bench").webcare_benchmark(arguments, report, timed_child, progress,
                                                                         progress_done)),
        ("ingest-memory", lambda: ingest_memory_benchmark(arguments, report)),
    ]
    done = []
    for name, run in sections:
        # `site` is measured within the pipeline runs.
        if name in only or (name == "pipeline" and "site" in only):
            run()
            done.append(name)
            save([n for n in only if n in done or (n == "site" and "pipeline" in done)])
    elapsed = time.perf_counter() - started
    report.table("Run", ["", "value"], [["sections", ", ".join(only)], ["benchmark time", f"{elapsed / 60:.1f} min"],
                                   ["load average during the run", load.summary()],
                                   ["load average at end", " ".join(f"{x:.2f}" for x in os.getloadavg())]])
    if arguments.markdown:
        with open(arguments.markdown, "w", encoding="utf-8") as file:
            file.write(report.markdown("meetlat benchmarks: latest figures") + "\n")
        print(f"\nwrote {os.path.relpath(arguments.markdown, ROOT)}")


if __name__ == "__main__":
    main()
