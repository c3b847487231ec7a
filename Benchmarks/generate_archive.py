#!/usr/bin/env python3
"""Writes a synthetic survey archive for the pipeline benchmark: a folder laid out like
Surveys/ (docs/architecture.md) with 400 gemeenten and up to 15 survey years.

- reference/: 400 synthetic gemeenten (codes GM0001…GM0400, invented names, some with accents,
  the twelve provinces), inhabitants on 1 January of every year, the demo's size classes.
- models/ and statistics.yaml: copied from the demo Surveys/ (every year is scored with
  meetlat-2012).
- <year>/: an export in the 2012 demo's format (`;`, Windows-1252, CRLF; the columns of
  Benchmarks/generate_export.py) and a mapping.yaml made from Surveys/2012/mapping.yaml.
  About 85 % of the gemeenten answer each year (a stable willingness plus a yearly draw), plus
  the usual messes: anonymous rows, duplicates (the latest wins), name variants that resolve
  ("Gemeente X", upper case, stray spaces) and a few names that do not.

Besides `archive-15/` (all years) it writes `archive-<n>/` for the first n years of each
`--subsets` value, sharing the year folders through symbolic links, so that the pipeline can be
timed on 1, 2, 4, 8 and 15 years of the same data.

Deterministic (one seed): the same arguments give the same bytes.

    python3 Benchmarks/generate_archive.py --output .bench/archive --surveys Surveys
"""
import argparse
import csv
import os
import random
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate_export as export  # noqa: E402  (the export's columns and answers)

SEED = 20240518
FIRST_YEAR = 2010
PROVINCES = ["Groningen", "Fryslân", "Drenthe", "Overijssel", "Flevoland", "Gelderland", "Utrecht",
             "Noord-Holland", "Zuid-Holland", "Zeeland", "Noord-Brabant", "Limburg"]
PREFIXES = ["Ooster", "Wester", "Noord", "Zuid", "Hoog", "Laag", "Nieuw", "Oud", "Groot", "Klein",
            "Sint-", "Súd", "Noardeast-", "Ter ", "Den ", "Boven", "Neder", "Midden", "Hollandse ",
            "Zeeuwse "]
ROOTS = ["broek", "veen", "dam", "wijk", "hoven", "dijk", "horst", "burg", "meer", "zand", "berg",
         "woude", "rade", "loo", "stein", "haven", "gouw", "beek", "wâld", "dorp", "kerk", "lân"]


def gemeenten(rng, count):
    names = sorted({prefix + (root.capitalize() if prefix.endswith((" ", "-")) else root)
                    for prefix in PREFIXES for root in ROOTS})
    rng.shuffle(names)
    result = []
    for number, name in enumerate(sorted(names[:count]), start=1):
        inhabitants = int(rng.lognormvariate(10.1, 0.75)) + 900
        result.append({"code": f"GM{number:04d}", "name": name, "province": rng.choice(PROVINCES),
                       "inhabitants": inhabitants, "growth": rng.uniform(-0.004, 0.012),
                       "willingness": rng.uniform(0.8, 1.0), "activity": rng.random()})
    return result


def write_csv(path, rows, encoding="utf-8", delimiter=",", terminator="\n"):
    with open(path, "w", encoding=encoding, newline="") as file:
        writer = csv.writer(file, delimiter=delimiter, lineterminator=terminator)
        writer.writerows(rows)


def write_reference(folder, surveys, places, last_year):
    reference = os.path.join(folder, "reference")
    os.makedirs(reference, exist_ok=True)
    write_csv(os.path.join(reference, "gemeenten.csv"),
              [["code", "name", "province", "first_year", "last_year", "successor"]]
              + [[g["code"], g["name"], g["province"], "1990", "", ""] for g in places])
    rows = [["code", "year", "inhabitants", "source", "estimate"]]
    for g in places:
        for year in range(FIRST_YEAR, last_year + 1):
            rows.append([g["code"], str(year), str(inhabitants(g, year)), "synthetic", "true"])
    write_csv(os.path.join(reference, "inhabitants.csv"), rows)
    shutil.copy(os.path.join(surveys, "reference", "size-classes.csv"), reference)
    with open(os.path.join(reference, "SOURCES.md"), "w", encoding="utf-8") as file:
        file.write("# Sources\n\n- `synthetic`: invented by Benchmarks/generate_archive.py for the "
                   "pipeline benchmark; not a real gemeente or count.\n")


def inhabitants(gemeente, year):
    return int(gemeente["inhabitants"] * (1 + gemeente["growth"]) ** (year - FIRST_YEAR))


def mapping_text(template, year):
    """Surveys/2012/mapping.yaml for another year and the benchmark export's columns."""
    body = template[template.index("\nyear:") + 1:]
    replacements = [
        (r"^year: 2012$", f"year: {year}"),
        (r"^  file: export-2012\.csv$", f"  file: export-{year}.csv"),
        (r"^  skip_rows: 1\b.*$", "  skip_rows: 0"),
        (r"^  private: \[.*\]$", '  private: ["Uw naam", "Uw e-mailadres", "Uw telefoonnummer", "IP Address"]'),
        (r"^  ignore: \[.*\]$", '  ignore: ["RespondentID", "CollectorID", "StartDate"]'),
    ]
    for pattern, replacement in replacements:
        body, count = re.subn(pattern, replacement, body, count=1, flags=re.MULTILINE)
        if count != 1:
            raise SystemExit(f"Surveys/2012/mapping.yaml: expected a line matching {pattern!r}; "
                             "update Benchmarks/generate_archive.py to the new mapping")
    return (f"# Synthetic benchmark year {year} (Benchmarks/generate_archive.py), made from\n"
            "# Surveys/2012/mapping.yaml: same questions, scored with meetlat-2012.\n\n" + body)


def variant(rng, name):
    draw = rng.random()
    if draw < 0.05:
        return "Gemeente " + name
    if draw < 0.08:
        return name.upper() + " "
    if draw < 0.10:
        return " " + name.replace(" ", "  ")
    return name


def write_year(folder, rng, places, year, template):
    directory = os.path.join(folder, str(year))
    os.makedirs(directory, exist_ok=True)
    columns, _ = export.header()
    rows = []
    for g in places:
        if rng.random() > g["willingness"] * 0.9 + 0.1 * rng.random():
            continue
        activity = min(1.0, g["activity"] + (year - FIRST_YEAR) * 0.02 + rng.uniform(-0.1, 0.1))
        attempts = 2 if rng.random() < 0.04 else 1        # a second attempt: a duplicate
        for _ in range(attempts):
            rows.append(export.row(rng, len(rows), year, variant(rng, g["name"]), inhabitants(g, year),
                                   max(0.0, activity), approximate=0.05))
    for _ in range(len(rows) // 12):                      # anonymous, often unfinished
        rows.append(export.row(rng, len(rows), year, "", 20000, rng.random()))
    for name in ("Onbekendorp", "Wester-Nergens"):        # names that do not resolve
        rows.append(export.row(rng, len(rows), year, name, 20000, rng.random()))
    rng.shuffle(rows)
    write_csv(os.path.join(directory, f"export-{year}.csv"), [columns] + rows,
              encoding="cp1252", delimiter=";", terminator="\r\n")
    with open(os.path.join(directory, "mapping.yaml"), "w", encoding="utf-8") as file:
        file.write(mapping_text(template, year))
    return len(rows)


def link_subset(folder, full, years):
    """archive-<n>/: the first n years of archive-15/, as symbolic links."""
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    os.makedirs(folder)
    for name in ["reference", "models", "statistics.yaml"] + [str(year) for year in years]:
        os.symlink(os.path.relpath(os.path.join(full, name), folder), os.path.join(folder, name))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", required=True, help="folder for archive-<n>/ (replaced)")
    parser.add_argument("--surveys", default="Surveys", help="the demo Surveys/ (models, statistics.yaml, 2012 mapping)")
    parser.add_argument("--gemeenten", type=int, default=400)
    parser.add_argument("--years", type=int, default=15)
    parser.add_argument("--subsets", default="1,2,4,8", help="also write archive-<n>/ for these numbers of years")
    arguments = parser.parse_args()

    rng = random.Random(SEED)
    places = gemeenten(rng, arguments.gemeenten)
    years = list(range(FIRST_YEAR, FIRST_YEAR + arguments.years))
    full = os.path.join(arguments.output, f"archive-{arguments.years}")
    if os.path.isdir(full):
        shutil.rmtree(full)
    os.makedirs(full)
    write_reference(full, arguments.surveys, places, years[-1])
    shutil.copytree(os.path.join(arguments.surveys, "models"), os.path.join(full, "models"))
    shutil.copy(os.path.join(arguments.surveys, "statistics.yaml"), full)
    with open(os.path.join(arguments.surveys, "2012", "mapping.yaml"), encoding="utf-8") as file:
        template = file.read()
    total = 0
    for year in years:
        total += write_year(full, rng, places, year, template)
        if sys.stderr.isatty():
            print(f"\rgenerating archive: year {year - years[0] + 1}/{len(years)}", end="", file=sys.stderr)
    if sys.stderr.isatty():
        print("\r\033[2K", end="", file=sys.stderr)
    for count in sorted({int(n) for n in arguments.subsets.split(",") if n}):
        if count < arguments.years:
            link_subset(os.path.join(arguments.output, f"archive-{count}"), full, years[:count])
    print(f"{full}: {len(places)} gemeenten, {len(years)} years ({years[0]}–{years[-1]}), {total} export rows")


if __name__ == "__main__":
    main()
