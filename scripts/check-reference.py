#!/usr/bin/env python3
"""Checks the reference data in Surveys/reference/ for internal consistency and against the
published CBS counts. Standard library only.

Usage: scripts/check-reference.py [reference-folder]   (default: Surveys/reference)
Exit status 0 when every check passes, 1 otherwise.
"""
import csv
import re
import sys
import unicodedata
from pathlib import Path

# CBS: number of gemeenten on 1 January.
EXPECTED_COUNTS = {
    2011: 418, 2012: 415, 2013: 408, 2014: 403, 2015: 393, 2016: 390, 2017: 388, 2018: 380,
    2019: 355, 2020: 355, 2021: 352, 2022: 345, 2023: 342, 2024: 342, 2025: 342,
}
# CBS: population of the Netherlands on 1 January (see SOURCES.md for where each comes from).
NATIONAL_TOTALS = {
    2011: 16_655_799, 2012: 16_730_348, 2013: 16_779_575, 2014: 16_829_289, 2015: 16_900_726,
    2016: 16_979_120, 2017: 17_081_507, 2018: 17_181_084, 2019: 17_282_163, 2020: 17_407_585,
    2021: 17_475_415, 2022: 17_590_672, 2023: 17_811_291, 2024: 17_942_942,
}
# Years for which every existing gemeente must have an inhabitants figure.
YEARS_REQUIRING_INHABITANTS = range(2011, 2014)
SIZE_CLASSES = [
    ("lt10k", "< 10.000", 0, 9999),
    ("10k-50k", "10.000 – 49.999", 10000, 49999),
    ("50k-100k", "50.000 – 99.999", 50000, 99999),
    ("ge100k", "≥ 100.000", 100000, None),
]
# Typed variants the spec and brief name; each must resolve to this code.
MUST_RESOLVE = {
    "'s-Hertogenbosch": "GM0796", "Den Bosch": "GM0796", "s-Hertogenbosch": "GM0796",
    "Súdwest-Fryslân": "GM1900", "Sudwest Fryslan": "GM1900", "Súdwest Fryslân": "GM1900",
    "Zuidwest Friesland": "GM1900", "Den Haag": "GM0518", "The Hague": "GM0518",
    "Gemeente Hoorn": "GM0405", "  hoorn ": "GM0405", "Ljouwert": "GM0080",
    "Dantumadeel": "GM1891", "Tietjerksteradeel": "GM0737", "Nuenen, Gerwen en Nederwetten": "GM0820",
    "Bergen (NH)": "GM0373", "Bergen (L)": "GM0893", "Hengelo (O)": "GM0164",
    "Rijswijk (ZH)": "GM0603", "Beek (L)": "GM0888", "Middelburg (Z)": "GM0687",
    "Laren (NH)": "GM0417", "Stein (L)": "GM0971",
}

failures = []


def fail(message):
    failures.append(message)
    print(f"FAIL: {message}")


def read_csv(path, header):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if not rows or rows[0] != header:
        fail(f"{path.name}: header is {rows[0] if rows else 'missing'}, expected {header}")
        return []
    out = []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            fail(f"{path.name} row {number}: {len(row)} fields, expected {len(header)}")
            continue
        out.append((number, dict(zip(header, row))))
    return out


def keys(name):
    """The resolver's normalisation, in both readings of 'ignores punctuation'."""
    s = unicodedata.normalize("NFKD", name.casefold())
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = " ".join(s.split())
    if s.startswith("gemeente "):
        s = s[len("gemeente "):]
    spaced = " ".join(re.sub(r"[^\w\s]", " ", s).split())
    removed = " ".join(re.sub(r"[^\w\s]", "", s).split())
    return {spaced, removed}


def main():
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "Surveys/reference")
    sources_text = (folder / "SOURCES.md").read_text(encoding="utf-8")

    # ---- gemeenten.csv -------------------------------------------------------------------
    gemeenten = {}
    for number, r in read_csv(folder / "gemeenten.csv",
                              ["code", "name", "province", "first_year", "last_year", "successor"]):
        where = f"gemeenten.csv row {number}"
        if not re.fullmatch(r"GM\d{4}", r["code"]):
            fail(f"{where}: code {r['code']!r} is not GM + 4 digits")
        if r["code"] in gemeenten:
            fail(f"{where}: code {r['code']} occurs twice")
        if not r["name"].strip() or not r["province"].strip():
            fail(f"{where}: empty name or province")
        try:
            first = int(r["first_year"])
            last = int(r["last_year"]) if r["last_year"] else None
        except ValueError:
            fail(f"{where}: first_year/last_year not a year: {r['first_year']!r}/{r['last_year']!r}")
            continue
        if last is not None and last < first:
            fail(f"{where}: last_year {last} before first_year {first}")
        gemeenten[r["code"]] = dict(r, first=first, last=last)

    def exists(code, year):
        g = gemeenten.get(code)
        return g is not None and g["first"] <= year and (g["last"] is None or year <= g["last"])

    print("year  gemeenten (CBS)   inhabitants sum (CBS)          estimates")
    inhabitants = {}
    for number, r in read_csv(folder / "inhabitants.csv",
                              ["code", "year", "inhabitants", "source", "estimate"]):
        where = f"inhabitants.csv row {number}"
        try:
            year, count = int(r["year"]), int(r["inhabitants"])
        except ValueError:
            fail(f"{where}: year/inhabitants not integers: {r['year']!r}/{r['inhabitants']!r}")
            continue
        if (r["code"], year) in inhabitants:
            fail(f"{where}: second figure for {r['code']} in {year}")
        if not exists(r["code"], year):
            fail(f"{where}: {r['code']} did not exist on 1 January {year}")
        if count <= 0:
            fail(f"{where}: inhabitants {count} not positive")
        if r["estimate"] not in ("true", "false"):
            fail(f"{where}: estimate {r['estimate']!r}, expected true or false")
        if f"`{r['source']}`" not in sources_text:
            fail(f"{where}: source key {r['source']!r} is not described in SOURCES.md")
        inhabitants[(r["code"], year)] = (count, r["estimate"] == "true")

    for year, expected in EXPECTED_COUNTS.items():
        existing = [c for c in gemeenten if exists(c, year)]
        figures = [inhabitants[(c, year)] for c in existing if (c, year) in inhabitants]
        total = sum(n for n, _ in figures)
        estimates = sum(1 for _, e in figures if e)
        national = NATIONAL_TOTALS.get(year)
        print(f"{year}  {len(existing):4d} ({expected:4d})   "
              f"{total:>12,} ({national:>12,})   {estimates:4d}" if national else
              f"{year}  {len(existing):4d} ({expected:4d})   {'no figures':>12}")
        if len(existing) != expected:
            fail(f"{year}: {len(existing)} gemeenten exist on 1 January, CBS counts {expected}")
        if year in YEARS_REQUIRING_INHABITANTS or figures:
            missing = [c for c in existing if (c, year) not in inhabitants]
            if missing:
                fail(f"{year}: no inhabitants for {len(missing)} gemeenten, e.g. {missing[:5]}")
        if national is not None and total != national:
            fail(f"{year}: inhabitants sum to {total:,}, national total is {national:,}")

    # ---- successors ----------------------------------------------------------------------
    documented = set(re.findall(r"GM\d{4}", sources_text.split("## Ended without successor")[-1]
                                .split("\n## ")[0])) if "## Ended without successor" in sources_text else set()
    for code, g in sorted(gemeenten.items()):
        succ = g["successor"]
        if g["last"] is None:
            if succ:
                fail(f"{code} {g['name']}: still exists but names successor {succ}")
            continue
        if not succ:
            if code not in documented:
                fail(f"{code} {g['name']}: ended in {g['last']} without successor, not documented")
            continue
        if succ not in gemeenten:
            fail(f"{code} {g['name']}: successor {succ} is not in gemeenten.csv")
        elif not exists(succ, g["last"] + 1):
            fail(f"{code} {g['name']}: successor {succ} did not exist on 1 January {g['last'] + 1}")

    # ---- aliases -------------------------------------------------------------------------
    owner = {}
    for code, g in gemeenten.items():
        for k in keys(g["name"]):
            if owner.get(k, code) != code:
                fail(f"names of {owner[k]} and {code} normalise to the same key {k!r}")
            owner[k] = code
    for number, r in read_csv(folder / "aliases.csv", ["code", "alias"]):
        if r["code"] not in gemeenten:
            fail(f"aliases.csv row {number}: unknown code {r['code']}")
        for k in keys(r["alias"]):
            if owner.get(k, r["code"]) != r["code"]:
                fail(f"aliases.csv row {number}: {r['alias']!r} also names {owner[k]}")
            owner[k] = r["code"]
    for typed, code in MUST_RESOLVE.items():
        hits = {owner[k] for k in keys(typed) if k in owner}
        if hits != {code}:
            fail(f"{typed!r} resolves to {sorted(hits) or 'nothing'}, expected {code}")

    # ---- size classes --------------------------------------------------------------------
    classes = read_csv(folder / "size-classes.csv", ["id", "label", "minimum", "maximum"])
    got = [(r["id"], r["label"], int(r["minimum"]), int(r["maximum"]) if r["maximum"] else None)
           for _, r in classes]
    if got != SIZE_CLASSES:
        fail(f"size-classes.csv is {got}, expected {SIZE_CLASSES}")
    ordered = sorted(got, key=lambda c: c[2])
    if ordered and ordered[0][2] != 0:
        fail("size classes do not start at 0")
    for low, high in zip(ordered, ordered[1:]):
        if low[3] is None or high[2] != low[3] + 1:
            fail(f"size classes {low[0]} and {high[0]} are not contiguous")
    if ordered and ordered[-1][3] is not None:
        fail("the top size class is not open")

    print(f"{len(gemeenten)} gemeenten, {len(inhabitants)} inhabitant figures, "
          f"{len(owner)} resolvable keys, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
