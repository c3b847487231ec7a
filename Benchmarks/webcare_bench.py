"""Section `webcare` of Benchmarks/run.py: `meetlat webcare` against pandas on a generated log.

Messages per second and peak memory of the whole process (GNU time), meetlat (`--skip-text`: the
KPIs without topics and the privacy audit) against Benchmarks/webcare_pandas.py (the response-time
part, clock hours), repetitions interleaved, medians; a check that both found the same figures for
every month and channel; and the peak memory at 1 and 5 million messages, to show what it grows
with. Kept in its own module so that other sections of run.py change without touching it.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def ensure_log(work, messages, progress):
    path = os.path.join(work, f"webcare-{messages}.csv")
    generator = os.path.join(HERE, "generate_webcare_log.py")
    stamp = path + ".generator"
    digest = open(generator, "rb").read()
    import hashlib
    digest = hashlib.sha256(digest).hexdigest()[:16]
    if not (os.path.exists(path + ".json") and os.path.exists(stamp) and open(stamp).read() == digest):
        progress(f"webcare: generating a log of {messages:,} messages …")
        subprocess.run([sys.executable, generator, "--output", path, "--messages", str(messages)], check=True)
        with open(stamp, "w") as file:
            file.write(digest)
    return path


def meetlat_command(meetlat, log, out, extra=()):
    return [meetlat, "webcare", log, "--mapping", os.path.join(HERE, "webcare-mapping.yaml"),
            "--output", os.path.join(out, "out"), "--private", os.path.join(out, "private"), *extra]


def same_figures(meetlat_json, pandas_figures):
    """Differences between meetlat's clock-hour response figures and pandas', per month and channel."""
    with open(meetlat_json, encoding="utf-8") as file:
        report = json.load(file)
    differences = []
    checked = 0
    for organisation in report["organisations"]:
        for period in organisation["periods"]:
            cells = [("all", period["measures"]["all"])] + list(period["measures"]["channels"].items())
            for channel, measures in cells:
                key = f"{period['period']} {channel}"
                want = pandas_figures.get(key)
                if measures["inbound_conversations"] == 0 and want is None:
                    continue
                got = {"inbound_conversations": measures["inbound_conversations"],
                       "answered": measures["response_rate"]["count"],
                       "within_1h": measures["within_1h"]["count"], "within_24h": measures["within_24h"]["count"],
                       "first_response_median": measures["first_response_median"]["minutes"],
                       "first_response_p90": measures["first_response_p90"]["minutes"]}
                checked += 1
                if want != got:
                    differences.append(f"{key}: meetlat {got}, pandas {want}")
    return checked, differences


def webcare_benchmark(arguments, report, timed_child, progress, progress_done):
    meetlat = os.path.join(arguments.bin, "meetlat")
    python = sys.executable
    anchor = os.path.join(HERE, "webcare_pandas.py")
    messages = arguments.webcare_messages
    small = max(messages // 5, 1)
    log = ensure_log(arguments.work, messages, progress)
    small_log = ensure_log(arguments.work, small, progress)
    runs = {"meetlat": [], "pandas": []}
    with tempfile.TemporaryDirectory(dir=arguments.work) as out:
        pandas_figures = None
        for repetition in range(arguments.webcare_repetitions + 1):
            label = "warm-up" if repetition == 0 else f"repetition {repetition}/{arguments.webcare_repetitions}"
            progress(f"webcare: {label}: meetlat")
            wall, cpu, peak, _ = timed_child(meetlat_command(meetlat, log, out, ["--skip-text"]))
            if repetition:
                runs["meetlat"].append((wall, cpu, peak))
            progress(f"webcare: {label}: pandas")
            wall, cpu, peak, output = timed_child([python, anchor, log])
            pandas_figures = json.loads(output)["figures"]
            if repetition:
                runs["pandas"].append((wall, cpu, peak))
        checked, differences = same_figures(os.path.join(out, "out", "webcare.json"), pandas_figures)
        progress("webcare: 1/5 of the log, and the whole log with texts read")
        small_meetlat = timed_child(meetlat_command(meetlat, small_log, out, ["--skip-text"]))
        small_pandas = timed_child([python, anchor, small_log])
        with_text = timed_child(meetlat_command(meetlat, log, out))
    progress_done()
    if differences:
        raise RuntimeError("meetlat and pandas disagree:\n" + "\n".join(differences[:20]))

    def median(name, index):
        return statistics.median(run[index] for run in runs[name])

    size = os.path.getsize(log) / 1e6
    rows = []
    for name in ("meetlat", "pandas"):
        wall, cpu, peak = median(name, 0), median(name, 1), median(name, 2)
        rows.append([name, f"{wall:.2f}", f"{messages / wall / 1e6:.2f} M/s", f"{cpu:.2f}", f"{peak / 1e6:.0f} MB"])
    ratio = median("pandas", 0) / median("meetlat", 0)
    memory = median("pandas", 2) / median("meetlat", 2)
    rows.append(["ratio (pandas / meetlat)", f"{ratio:.2f}× " + ("faster" if ratio >= 1 else "(slower)"), "",
                 f"{median('pandas', 1) / median('meetlat', 1):.2f}×", f"{memory:.1f}× less memory"])
    report.table(f"Webcare log: {messages:,} messages ({size:.0f} MB CSV), response times per month and channel",
                 ["process", "median wall s", "messages per second", "median CPU s", "median peak memory"], rows,
                 [f"{arguments.webcare_repetitions} repetitions after a warm-up, interleaved (meetlat → pandas → …); "
                  "whole processes, starting and importing included (GNU time)",
                  "meetlat: `meetlat webcare --skip-text` (all KPIs of the report except topics and the privacy audit: "
                  "volumes, first response in clock and office hours, doorlooptijd, resolution, private channel, busiest "
                  "hours; CSV, JSON and HTML written); pandas: Benchmarks/webcare_pandas.py, the clock-hour response "
                  "figures only (read_csv, to_datetime, groupby, merge, nearest-rank percentiles)",
                  f"checked: both found the same conversations, answers, medians, 90th percentiles and answers within "
                  f"1 and 24 hours for all {checked} month × channel cells"])
    report.table("Webcare log: memory against log size",
                 ["messages", "meetlat peak", "pandas peak", "meetlat wall s", "pandas wall s"],
                 [[f"{small:,}", f"{small_meetlat[2] / 1e6:.0f} MB", f"{small_pandas[2] / 1e6:.0f} MB",
                   f"{small_meetlat[0]:.2f}", f"{small_pandas[0]:.2f}"],
                  [f"{messages:,}", f"{median('meetlat', 2) / 1e6:.0f} MB", f"{median('pandas', 2) / 1e6:.0f} MB",
                   f"{median('meetlat', 0):.2f}", f"{median('pandas', 0):.2f}"],
                  [f"{messages:,}, texts read", f"{with_text[2] / 1e6:.0f} MB", "–", f"{with_text[0]:.2f}", "–"]],
                 ["meetlat keeps the conversations that can still get a message (the last 14 days + 1), so its "
                  "memory follows the conversations open at once, not the file; pandas holds the whole log",
                  "texts read: the full report, topics and the privacy audit included (one run)"])
