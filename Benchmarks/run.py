#!/usr/bin/env python3
"""meetlat's benchmark suite: figures measured side by side with what users would otherwise use.

Run it through `scripts/bench.sh` (which builds in release, makes the Python venv with pandas
and passes --bin). Each figure is printed with its anchor (pandas, Python's csv module, or a
target) and the ratio; the same tables go to Benchmarks/latest.md.

1. csv       CSV ingest throughput on one generated ~100 MB export (Benchmarks/generate_export.py):
             meetlat's CSVReader (fields; fields + Dutch numbers) against csv.reader and
             pandas.read_csv, repetitions interleaved (A B C … A B C …), medians and ratios.
2. pipeline  ingest → score → stats → site on the demo Surveys/ and on a generated archive of
             400 gemeenten × 1, 2, 4, 8 and 15 years (Benchmarks/generate_archive.py): wall time
             and peak memory (getrusage of each child) and how both grow with the years.
3. site      pages per second of `meetlat site` on the 15-year archive (from the pipeline runs).
4. roi       ROI Monte Carlo scenarios per second on one core (`meetlat-bench roi`).
5. webcare   `meetlat webcare` on a generated log of 5 million messages against pandas doing the
             response-time part: messages per second, peak memory, same figures
             (Benchmarks/webcare_bench.py).
6. ingest-memory  `meetlat ingest` of one year of 1 and 10 million rows (nearly all rejected:
             duplicates, anonymous, unknown names; Benchmarks/generate_large_year.py): peak
             memory must not grow with the rows (issue 19: target under 200 MB), and the report
             must balance.

The machine is noisy (shared cores): ratios are only ever taken between figures measured in the
same run, interleaved; nothing here is a pass/fail test.
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
SECTIONS = ["csv", "pipeline", "site", "roi", "webcare", "ingest-memory"]
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
    pandas_version = subprocess.run([sys.executable, "-c", "import pandas; print(pandas.__version__)"],
                                    capture_output=True, text=True).stdout.strip() or "not installed"
    return {
        "cpu": cpu, "cores": os.cpu_count(), "memory": memory, "system": system,
        "swift": swift[0] if swift else "unknown", "python": platform.python_version(),
        "pandas": pandas_version, "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "date": datetime.date.today().isoformat(),
    }


# ---------------------------------------------------------------- children

def timed_child(command, cwd=ROOT):
    """Runs a command; returns (wall seconds, CPU seconds, peak resident memory in bytes,
    standard output). CPU time (user + system) is what the work costs; wall time also holds
    whatever else the shared machine was doing.

    CPU time and peak memory come from GNU time (Debian `time`), not from this process's
    wait4: Linux keeps the resident set a child had before exec, i.e. a copy of this Python
    process, in the child's peak; GNU time is small, so its child's peak is the command's own."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as usage:
        started = time.perf_counter()
        result = subprocess.run([GNU_TIME, "-o", usage.name, "-f", "%U %S %M"] + command, cwd=cwd,
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
    """The generated export, made again only when the size or the generator changed."""
    path = os.path.join(work, f"export-{size:g}mb.csv")
    generator = os.path.join(HERE, "generate_export.py")
    stamp = path + ".generator"
    digest = file_digest(generator)
    if not (os.path.exists(path + ".json") and os.path.exists(stamp) and open(stamp).read() == digest):
        progress(f"generating a {size:g} MB export …")
        subprocess.run([sys.executable, generator, "--output", path, "--megabytes", str(size)], check=True)
        with open(stamp, "w") as file:
            file.write(digest)
    with open(path + ".json", encoding="utf-8") as file:
        return path, json.load(file)


def csv_benchmark(arguments, report):
    path, layout = ensure_export(arguments.work, arguments.megabytes)
    size = layout["bytes"]
    columns = ",".join(str(i) for i in layout["numeric_columns"])
    bench = os.path.join(arguments.bin, "meetlat-bench")
    fixed = ["--encoding", layout["encoding"], "--delimiter", layout["delimiter"]]
    python = sys.executable
    readers = os.path.join(HERE, "python_readers.py")
    contenders = [
        ("meetlat fields", [bench, "csv", "--file", path, "--mode", "fields"] + fixed),
        ("csv module rows", [python, readers, "csv-module", path]),
        ("meetlat fields + numbers", [bench, "csv", "--file", path, "--mode", "numbers", "--columns", columns] + fixed),
        ("pandas DataFrame", [python, readers, "pandas", path]),
        ("meetlat fields, detected", [bench, "csv", "--file", path, "--mode", "fields"]),
    ]
    wall = {name: [] for name, _ in contenders}
    cpu = {name: [] for name, _ in contenders}
    results = {}
    for repetition in range(arguments.repetitions + 1):
        for name, command in contenders:
            label = "warm-up" if repetition == 0 else f"repetition {repetition}/{arguments.repetitions}"
            progress(f"csv ingest: {label}: {name}")
            result = json_child(command)
            results[name] = result
            if repetition > 0:
                wall[name].append(result["seconds"])
                cpu[name].append(result["cpu_seconds"])
    progress_done()
    check_same_reading(results, layout)

    median = {name: statistics.median(values) for name, values in wall.items()}
    median_cpu = {name: statistics.median(values) for name, values in cpu.items()}
    rows = [[name, f"{median[name]:.3f}", f"{min(wall[name]):.3f}–{max(wall[name]):.3f}",
             f"{megabytes(size) / median[name]:.1f}", f"{median_cpu[name]:.3f}"] for name, _ in contenders]
    report.table(
        f"CSV ingest: {megabytes(size):.1f} MB export, {layout['rows']:,} rows × {layout['columns']} columns "
        f"({len(layout['numeric_columns'])} numeric), {layout['encoding']}, '{layout['delimiter']}'",
        ["reader", "median wall s", "range wall s", "MB/s", "median CPU s"], rows,
        [f"{arguments.repetitions} repetitions after a warm-up, interleaved "
         f"({' → '.join(n for n, _ in contenders)} → …); each a fresh process, timing only the read "
         "(not starting Python or importing pandas)",
         "meetlat fields: TableFiles.CSVReader (libcsv) decoding every field to a String; csv module rows: "
         "csv.reader over open(encoding='cp1252', newline='')",
         "meetlat fields + numbers: the same plus DutchNumber.read on every cell of the numeric columns; "
         "pandas DataFrame: read_csv(sep=';', decimal=',', thousands='.', encoding='cp1252', "
         "na_values=['onbekend', 'n.v.t.']), column types inferred (the numeric columns come out float64, "
         "the others int64 or str)",
         "meetlat fields, detected: encoding and delimiter detected (mapping `auto`), which reads the file twice",
         "checked: every reader saw the same rows and fields; meetlat and pandas read the same numbers "
         "(sum and count of every numeric column)"])

    def paired(anchor, ours, times):
        """Ratios within each round (adjacent runs see about the same machine load)."""
        ratios = sorted(a / b for a, b in zip(times[anchor], times[ours]))
        return f"{statistics.median(ratios):.2f} ({ratios[0]:.2f}–{ratios[-1]:.2f})"

    comparisons = []
    for ours, anchor, label in [
            ("meetlat fields", "csv module rows", "fields: meetlat vs csv module"),
            ("meetlat fields + numbers", "pandas DataFrame", "typed numbers: meetlat vs pandas (target: faster)"),
            ("meetlat fields", "pandas DataFrame", "meetlat fields vs pandas"),
            ("meetlat fields, detected", "csv module rows", "meetlat fields, detected vs csv module")]:
        comparisons.append([label, f"{median[ours]:.3f} s", f"{median[anchor]:.3f} s",
                            ratio_text(median[anchor], median[ours]), paired(anchor, ours, wall),
                            ratio_text(median_cpu[anchor], median_cpu[ours])])
    report.table("CSV ingest: ratios (anchor time / meetlat time; above 1 = meetlat faster)",
                 ["figure", "meetlat wall", "anchor wall", "ratio of medians", "per-round ratio (range)",
                  "ratio of CPU medians"], comparisons)
    return {"median": median, "size": size}


def check_same_reading(results, layout):
    fields = {name: (r["rows"], r["fields"]) for name, r in results.items()}
    if len(set(fields.values())) != 1:
        raise RuntimeError(f"the readers disagree on rows and fields: {fields}")
    ours, theirs = results["meetlat fields + numbers"], results["pandas DataFrame"]
    if ours.get("invalid"):
        raise RuntimeError(f"meetlat could not read {ours['invalid']} numbers of the export")
    for slot, index in enumerate(layout["numeric_columns"]):
        a, b = ours["sums"][slot], theirs["sums"][slot]
        if ours["counts"][slot] != theirs["counts"][slot] or abs(a - b) > 1e-9 * max(1.0, abs(b)):
            raise RuntimeError(f"column {index}: meetlat read {ours['counts'][slot]} numbers summing to {a}, "
                               f"pandas {theirs['counts'][slot]} summing to {b}")


# ---------------------------------------------------------------- 2. pipeline (and 3. site)

def site_available(meetlat):
    """Whether this build has `meetlat site` (an unknown subcommand's --help prints the top help)."""
    result = subprocess.run([meetlat, "site", "--help"], capture_output=True, text=True)
    return result.returncode == 0 and "--output" in result.stdout


def ensure_archive(work):
    folder = os.path.join(work, "archive")
    generator = os.path.join(HERE, "generate_archive.py")
    stamp = os.path.join(folder, ".generator")
    digest = file_digest(generator) + file_digest(os.path.join(HERE, "generate_export.py"))
    if not (os.path.exists(stamp) and open(stamp).read() == digest):
        progress("generating the 15-year archive …")
        subprocess.run([sys.executable, generator, "--output", folder, "--surveys", os.path.join(ROOT, "Surveys")],
                       check=True, stdout=subprocess.DEVNULL)
        with open(stamp, "w") as file:
            file.write(digest)
    return folder


def survey_years(folder):
    return sorted(int(n) for n in os.listdir(folder)
                  if re.fullmatch(r"\d{4}", n) and os.path.exists(os.path.join(folder, n, "mapping.yaml")))


def count_html(folder):
    return sum(1 for _, _, files in os.walk(folder) for name in files if name.endswith(".html"))


def run_pipeline(meetlat, surveys, out, with_site):
    """One run of ingest → score → stats (every year) → site; per step (wall s, CPU s, peak bytes)."""
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out)
    rankings, reports, statistics, site = (os.path.join(out, n) for n in ("Rankings", "Reports", "Statistics", "_site"))
    steps = {}
    steps["ingest"] = timed_child([meetlat, "ingest", "--surveys", surveys, "--reports", reports])[:3]
    steps["score"] = timed_child([meetlat, "score", "--surveys", surveys, "--rankings", rankings])[:3]
    # Every year's statistics and the reference, written for the site (one process).
    steps["stats"] = timed_child([meetlat, "stats", "--surveys", surveys, "--write", "--statistics", statistics])[:3]
    pages, site_steps = None, {}
    if with_site:
        wall, cpu, peak, output = timed_child([meetlat, "site", "--surveys", surveys, "--rankings", rankings,
                                               "--statistics", statistics, "--output", site,
                                               "--source", os.path.join(ROOT, "site"),
                                               "--scenarios", os.path.join(ROOT, "Scenarios")])
        steps["site"] = (wall, cpu, peak)
        pages = count_html(site)
        # `meetlat site` prints its own steps: "in 4.46 s (load 0.82 s, pages 0.77 s, …): 1254 pages/s".
        match = re.search(r"in [\d.]+ s \((.*)\): [\d.]+ pages/s", output)
        if match:
            for part in match.group(1).split(", "):
                name, _, seconds = part.rpartition(" ")[0].rpartition(" ")
                site_steps[name] = float(seconds)
    return steps, pages, site_steps


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
    for repetition in range(1, arguments.pipeline_repetitions + 1):
        for label, surveys in sizes:
            progress(f"pipeline: repetition {repetition}/{arguments.pipeline_repetitions}: {label}")
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
    notes = [f"median of {arguments.pipeline_repetitions} runs, the archive sizes interleaved; every step a fresh "
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
                      f"median of the {arguments.pipeline_repetitions} pipeline runs",
                      "CPU use: CPU time / wall time (200 % = both cores busy); pages per CPU s is what a fully "
                      "parallel build could reach per core"] + breakdown)
    else:
        report.table("Site generation: pages per second",
                     ["surveys", "HTML pages", "wall s", "pages/s", "target pages/s", "ratio to target"],
                     [["15 years", "not available", "–", "–", f"{SITE_TARGET:,}", "–"]],
                     ["`meetlat site` is not in this build yet: no figure"])


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
    parser.add_argument("--repetitions", type=int, default=7, help="CSV repetitions per reader")
    parser.add_argument("--pipeline-repetitions", type=int, default=5)
    parser.add_argument("--roi-samples", type=int, default=2_000_000)
    parser.add_argument("--roi-runs", type=int, default=5)
    parser.add_argument("--webcare-messages", type=int, default=5_000_000, help="messages in the generated webcare log")
    parser.add_argument("--webcare-repetitions", type=int, default=3)
    parser.add_argument("--ingest-rows", default="1000000,10000000", help="comma-separated row counts for ingest-memory")
    parser.add_argument("--markdown", default=os.path.join(HERE, "latest.md"), help="where to write the tables ('' for nowhere)")
    arguments = parser.parse_args()
    only = [s for s in arguments.only.split(",") if s]
    unknown = set(only) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s) {', '.join(sorted(unknown))}; choose from {', '.join(SECTIONS)}")
    os.makedirs(arguments.work, exist_ok=True)

    started = time.perf_counter()
    facts = machine(arguments)
    report = Report()
    report.table("Machine", ["", "value"], [
        ["date", facts["date"]], ["CPU", facts["cpu"]], ["cores", facts["cores"]], ["memory", facts["memory"]],
        ["system", facts["system"]], ["Swift", facts["swift"]], ["Python", facts["python"]],
        ["pandas", facts["pandas"]], ["load average at start", facts["load"]]])
    if "csv" in only:
        csv_benchmark(arguments, report)
    if "pipeline" in only or "site" in only:
        pipeline_benchmark(arguments, report, facts)
    if "roi" in only:
        roi_benchmark(arguments, report)
    if "webcare" in only:
        from webcare_bench import webcare_benchmark
        webcare_benchmark(arguments, report, timed_child, progress, progress_done)
    if "ingest-memory" in only:
        ingest_memory_benchmark(arguments, report)
    elapsed = time.perf_counter() - started
    report.table("Run", ["", "value"], [["sections", ", ".join(only)], ["benchmark time", f"{elapsed / 60:.1f} min"],
                                   ["load average at end", " ".join(f"{x:.2f}" for x in os.getloadavg())]])
    if arguments.markdown:
        with open(arguments.markdown, "w", encoding="utf-8") as file:
            file.write(report.markdown("meetlat benchmarks: latest figures") + "\n")
        print(f"\nwrote {os.path.relpath(arguments.markdown, ROOT)}")


if __name__ == "__main__":
    main()
