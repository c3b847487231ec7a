#!/usr/bin/env python3
"""Writes the XLSX and SPSS test fixtures with the libraries survey tools and researchers use:
openpyxl (XLSX) and pyreadstat (SPSS .sav / .zsav, through ReadStat's writer), from PyPI
(Tests/Fixtures/requirements.txt). scripts/test.sh runs it into .build/fixtures; the Swift tests
run it themselves when that folder is missing (they need .venv, which scripts/test.sh makes).

    .venv/bin/python Tests/Fixtures/make_fixtures.py [output folder]   # default .build/fixtures

What it writes (Tests/Fixtures/README.md):
  demo/<year>/export-<year>.xlsx, .sav (2013: .zsav)   the demo years' answers, as survey tools
      export them: every CSV record on the same sheet row; timestamps as dates (2013 in the 1904
      date system); whole numbers as numbers; in SPSS the question texts as variable labels,
      answers with few distinct labels coded 1, 2, … with value labels, "onbekend"-like answers
      coded as user-missing, timestamps as DATETIME.
  units/cells.xlsx, cells-1904.xlsx   every kind of cell, on a second sheet under a title row
  units/labels.sav, labels.zsav       value labels, user- and system-missing, dates, long strings
  units/bomb.xlsx                     a sheet of 11 MB that inflates 1000× (a zip bomb for lowered limits)
  units/huge-cell.xlsx                a cell of 1 GB of text (inflates from about 1 MB)
  fresh/answers.json, fresh/export-2014.xlsx, fresh/export-2014.sav   a questionnaire nobody tuned
      meetlat for (reworded questions, new channels, new answer labels) and its true answers
  webcare/small-log.xlsx              Tests/WebcareTests/Fixtures/small-log.csv as a webcare tool's
      XLSX export: times as date cells, every other cell as text
The output depends only on the demo exports and the fixed seed, except for timestamps openpyxl
and ZIP write into the packages' own metadata.
"""
import csv
import datetime as dt
import json
import os
import random
import re
import sys
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pyreadstat
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.utils.datetime import CALENDAR_MAC_1904

ROOT = Path(__file__).resolve().parents[2]
SURVEYS = ROOT / "Surveys"

# The demo exports: encoding, delimiter, timestamp columns and their formats.
DEMO = {
    2011: ("utf-8", ",", {"Tijdstempel": "%d-%m-%Y %H:%M:%S"}, "d-m-yyyy h:mm:ss", False),
    2012: ("cp1252", ";", {"StartDate": "%d-%m-%Y %H:%M", "EndDate": "%d-%m-%Y %H:%M"}, "d-m-yyyy h:mm", False),
    2013: ("utf-8-sig", ",", {"submitdate": "%Y-%m-%d %H:%M:%S"}, "yyyy-mm-dd hh:mm:ss", True),
}
MISSING_WORDS = {"onbekend", "weet niet", "weet ik niet", "n.v.t.", "nvt", "-", "?"}
WHOLE = re.compile(r"^(0|[1-9][0-9]{0,14})$")


def read_csv(year):
    encoding, delimiter, _, _, _ = DEMO[year]
    path = SURVEYS / str(year) / f"export-{year}.csv"
    with open(path, encoding=encoding, newline="") as handle:
        return list(csv.reader(handle, delimiter=delimiter))


def typed(value, column, stamps):
    """A CSV cell as a survey tool's XLSX holds it."""
    if value == "":
        return None
    if column in stamps:
        try:
            return dt.datetime.strptime(value, stamps[column])
        except ValueError:
            return value
    if WHOLE.match(value):
        return int(value)
    return value


def write_demo_xlsx(year, records, target):
    _, _, stamps, date_format, mac = DEMO[year]
    header = records[0]
    workbook = openpyxl.Workbook()
    if mac:
        workbook.epoch = CALENDAR_MAC_1904
    sheet = workbook.active
    sheet.title = "Antwoorden"
    for row_number, record in enumerate(records, start=1):
        for column_number, value in enumerate(record, start=1):
            name = header[column_number - 1] if column_number <= len(header) else ""
            cell_value = value if row_number == 1 else typed(value, name, stamps)
            if cell_value is None:
                continue
            cell = sheet.cell(row=row_number, column=column_number, value=cell_value)
            if isinstance(cell_value, dt.datetime):
                cell.number_format = date_format
    workbook.save(target)


def spss_name(index):
    return f"V{index + 1}"


def write_demo_sav(year, records, target, skip_rows):
    """The answers as a survey tool's SPSS export: no second header row, no empty rows."""
    _, _, stamps, _, _ = DEMO[year]
    header = records[0]
    rows = [r for r in records[1 + skip_rows:] if any(cell.strip() for cell in r)]
    columns, labels, value_labels, missing = {}, {}, {}, {}
    for index, title in enumerate(header):
        name = spss_name(index)
        cells = [r[index] if index < len(r) else "" for r in rows]
        labels[name] = title
        answers = sorted({c for c in cells if c != ""})
        if title in stamps:
            parsed = []
            for c in cells:
                try:
                    parsed.append(dt.datetime.strptime(c, stamps[title]) if c else pd.NaT)
                except ValueError:
                    raise SystemExit(f"{year}: timestamp {c!r} cannot be an SPSS date")
            columns[name] = pd.to_datetime(pd.Series(parsed))
        elif answers and all(WHOLE.match(c) for c in answers):
            columns[name] = pd.Series([float(c) if c else float("nan") for c in cells])
        elif 0 < len(answers) <= 12 and len(rows) > 20 and not any(WHOLE.match(c) for c in answers):
            # Coded as a survey tool codes a closed question; "don't know" answers user-missing.
            codes, table, missing_codes, next_code = {}, {}, [], 1
            for answer in answers:
                if answer.strip().lower() in MISSING_WORDS:
                    code = 90 + len(missing_codes)
                    missing_codes.append(code)
                else:
                    code = next_code
                    next_code += 1
                codes[answer] = code
                table[code] = answer
            columns[name] = pd.Series([float(codes[c]) if c else float("nan") for c in cells])
            value_labels[name] = table
            if missing_codes:
                missing[name] = missing_codes
        else:
            columns[name] = pd.Series(cells, dtype=object)
    frame = pd.DataFrame(columns)
    pyreadstat.write_sav(frame, target, column_labels=labels, variable_value_labels=value_labels,
                         missing_ranges=missing, compress=str(target).endswith(".zsav"))


def demo(out):
    for year in DEMO:
        folder = out / "demo" / str(year)
        folder.mkdir(parents=True, exist_ok=True)
        records = read_csv(year)
        skip_rows = 1 if year == 2012 else 0
        write_demo_xlsx(year, records, folder / f"export-{year}.xlsx")
        write_demo_sav(year, records, folder / f"export-{year}.{'zsav' if year == 2013 else 'sav'}", skip_rows)


def units(out):
    folder = out / "units"
    folder.mkdir(parents=True, exist_ok=True)
    for name, mac in (("cells.xlsx", False), ("cells-1904.xlsx", True)):
        workbook = openpyxl.Workbook()
        if mac:
            workbook.epoch = CALENDAR_MAC_1904
        workbook.active.title = "Toelichting"
        workbook.active["A1"] = "Deze werkmap bevat de antwoorden op het tweede blad."
        sheet = workbook.create_sheet("Antwoorden")
        # Rows 1 and 2 are left empty: the header is the first row that holds something.
        header = ["Naam", "Aantal", "Decimaal", "Akkoord", "Ingevuld op", "Tijd", "Aandeel", "Toelichting", "Leeg", "Rijk"]
        for column, title in enumerate(header, start=1):
            sheet.cell(row=3, column=column, value=title)
        rows = [
            ["Hoorn", 1212, 1.212, True, dt.datetime(2012, 5, 14, 9, 31, 0), dt.time(9, 31), 0.25, "regel één\nregel twee", None, None],
            ["Súdwest-Fryslân", 0, 4.5, False, dt.datetime(1904, 1, 2) if mac else dt.datetime(1900, 1, 1), dt.time(23, 59, 59), 0.125,
             "café ’s avonds", None, None],
            [None, None, None, None, None, None, None, None, None, None],
            ["Den Bosch", -3, 0.000015, None, dt.datetime(2024, 2, 29, 23, 59, 59), None, 1, None, None, None],
        ]
        for offset, values in enumerate(rows):
            for column, value in enumerate(values, start=1):
                if value is None:
                    continue
                cell = sheet.cell(row=4 + offset, column=column, value=value)
                if isinstance(value, dt.datetime):
                    cell.number_format = "d-m-yyyy h:mm:ss"
                elif isinstance(value, dt.time):
                    cell.number_format = "h:mm:ss"
                elif column == 7:
                    cell.number_format = "0%"
        rich = CellRichText(["Vet", TextBlock(InlineFont(b=True), " en gewoon")])
        sheet.cell(row=4, column=10, value=rich)
        workbook.save(folder / name)

    frame = pd.DataFrame({
        "gemeente": pd.Series(["Hoorn", "Súdwest-Fryslân", "Den Bosch", ""], dtype=object),
        "q1": pd.Series([3.0, 9.0, float("nan"), 1.0]),
        "q2": pd.Series([1.0, 2.0, 7.0, float("nan")]),
        "volgers": pd.Series([1212.0, 4.5, float("nan"), 0.000015]),
        "ingevuld": pd.to_datetime(pd.Series([dt.datetime(2012, 5, 14, 9, 31), dt.datetime(1999, 12, 31, 23, 59, 59), pd.NaT, dt.datetime(2024, 2, 29)])),
        "datum": pd.Series([dt.date(2012, 5, 14), dt.date(2000, 1, 1), None, None], dtype=object),
        "tijd": pd.Series([dt.time(9, 31), dt.time(0, 0, 1), None, None], dtype=object),
        "kanaal": pd.Series(["TW", "FB", "XX", ""], dtype=object),
        "toelichting": pd.Series(["lang " * 100, "regel één\nregel twee", "", ""], dtype=object),
    })
    labels = {"gemeente": "Naam van uw gemeente", "q1": "Hoe vaak informeert u burgers?", "q2": "Heeft u beleid?",
              "volgers": "Aantal volgers", "ingevuld": "Ingevuld op", "datum": "Datum", "tijd": "Tijd",
              "kanaal": "Belangrijkste kanaal", "toelichting": "Toelichting"}
    value_labels = {"q1": {1: "Nooit", 2: "Af en toe", 3: "Vaak", 9: "Weet ik niet"},
                    "q2": {1: "Ja", 2: "Nee"},
                    "kanaal": {"TW": "Twitter", "FB": "Facebook"}}
    for name, compress in (("labels.sav", False), ("labels.zsav", True)):
        pyreadstat.write_sav(frame, folder / name, column_labels=labels, variable_value_labels=value_labels,
                             missing_ranges={"q1": [9]}, compress=compress)

    # Zip bombs: valid packages (written by Python's zipfile) whose sheet inflates far beyond
    # its compressed size.
    repack(folder / "cells.xlsx", folder / "bomb.xlsx",
           [b'<row r="1"><c r="A1" t="inlineStr"><is><t>Naam</t></is></c></row>',
            b'<row r="2">' + b'<c r="A2"/>' * (1 << 20) + b"</row>"])
    block = b"a" * (1 << 20)
    repack(folder / "cells.xlsx", folder / "huge-cell.xlsx",
           [b'<row r="1"><c r="A1" t="inlineStr"><is><t>Naam</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>']
           + [block] * 1024 + [b"</t></is></c></row>"])


def repack(template, target, rows):
    """A copy of an openpyxl workbook whose second sheet holds the given XML rows."""
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
        for item in source.infolist():
            if item.filename != "xl/worksheets/sheet2.xml":
                package.writestr(item, source.read(item.filename))
                continue
            with package.open(item.filename, "w", force_zip64=True) as sheet:
                sheet.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
                for row in rows:
                    sheet.write(row)
                sheet.write(b"</sheetData></worksheet>")


# A questionnaire nobody tuned meetlat for: another tool (Microsoft-Forms-like XLSX, a
# Qualtrics-like SPSS file), reworded questions, two channels no earlier year had (WhatsApp,
# Snapchat) beside Instagram, and new answer labels (Nooit / Af en toe / Vaak).
FRESH_CHANNELS = [("twitter", "Twitter"), ("facebook", "Facebook"), ("linkedin", "LinkedIn"), ("youtube", "YouTube"),
                  ("instagram", "Instagram"), ("whatsapp", "WhatsApp"), ("snapchat", "Snapchat")]
FRESH_PURPOSES = [("informeren", "Inwoners informeren over beleid en diensten"),
                  ("reageren", "Reageren op vragen en berichten van inwoners"),
                  ("interacteren", "In gesprek gaan met inwoners"),
                  ("crisiscommunicatie", "Communicatie tijdens een crisis"),
                  ("signaleren", "Weten wat er speelt in de gemeente"),
                  ("pers_volgen", "De pers volgen"),
                  ("pers_reageren", "Reageren op berichten in de pers")]
FRESH_USAGE = [("niet", "Nooit"), ("soms", "Af en toe"), ("vaak", "Vaak")]
FRESH_POLICY = [("ja", "Ja, vastgesteld"), ("nee", "Nee"), ("in_ontwikkeling", "Wordt aan gewerkt")]
FRESH_COUNTS = [("twitter", "Twitter"), ("facebook", "Facebook"), ("linkedin", "LinkedIn"), ("instagram", "Instagram")]


def fresh(out):
    folder = out / "fresh"
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20141114)
    with open(SURVEYS / "reference" / "gemeenten.csv", encoding="utf-8") as handle:
        names = sorted(r["name"] for r in csv.DictReader(handle)
                       if int(r["first_year"]) <= 2014 and (r["last_year"] == "" or int(r["last_year"]) >= 2014))
    chosen = sorted(rng.sample(names, 60))
    answers = []
    for number, name in enumerate(chosen, start=1):
        channels = [value for value, _ in FRESH_CHANNELS if rng.random() < (0.8 if value in ("twitter", "facebook") else 0.3)]
        counts = {value: (rng.randrange(50, 6000) if value in channels else None) for value, _ in FRESH_COUNTS}
        answers.append({
            "id": number,
            "gemeente": name,
            "submitted": (dt.datetime(2014, 4, 7, 8, 0) + dt.timedelta(minutes=97 * number + rng.randrange(60))).isoformat(),
            "started": (dt.datetime(2014, 4, 7, 7, 30) + dt.timedelta(minutes=97 * number)).isoformat(),
            "contact": f"Contact {number} Proefmans",
            "email": f"contact{number}@example.nl",
            "phone": f"06-1234{number:04d}",
            "channels": channels,
            "counts": counts,
            "usage": {purpose: rng.choice(FRESH_USAGE)[0] for purpose, _ in FRESH_PURPOSES},
            "policy": rng.choice(FRESH_POLICY)[0],
            "remark": rng.choice(["", "", "Wij werken sinds dit jaar met een webcareteam, bereikbaar via 06-12345678.",
                                  "Instagram gebruiken we vooral voor evenementen; het team is klein en de bezetting wisselt.",
                                  "Geen opmerkingen, maar dank voor het onderzoek en succes met de analyse van de antwoorden."]),
        })
    with open(folder / "answers.json", "w", encoding="utf-8") as handle:
        json.dump({"year": 2014, "answers": answers}, handle, ensure_ascii=False, indent=1, sort_keys=True)
    usage_label = dict(FRESH_USAGE)
    policy_label = dict(FRESH_POLICY)
    channel_label = dict(FRESH_CHANNELS)

    # Microsoft-Forms-like XLSX: bookkeeping columns, multi-select joined by ";" with a
    # trailing ";", one column per question.
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Form1"
    header = (["ID", "Begintijd", "Tijd van voltooien", "E-mail", "Naam", "Uw gemeente", "Naam contactpersoon",
               "E-mailadres contactpersoon", "Telefoonnummer contactpersoon",
               "Via welke sociale media communiceert de gemeente met inwoners?"]
              + [f"Hoeveel volgers heeft het account op {label}?" for _, label in FRESH_COUNTS]
              + [f"Hoe vaak zet de gemeente sociale media in voor: {label}" for _, label in FRESH_PURPOSES]
              + ["Heeft de gemeente een vastgesteld beleid voor sociale media?", "Heeft u verder nog opmerkingen of toelichting?"])
    sheet.append(header)
    for answer in answers:
        row = [answer["id"], dt.datetime.fromisoformat(answer["started"]), dt.datetime.fromisoformat(answer["submitted"]),
               "anonymous", None, answer["gemeente"], answer["contact"], answer["email"], answer["phone"],
               "".join(channel_label[c] + ";" for c in answer["channels"]) or None]
        row += [answer["counts"][c] for c, _ in FRESH_COUNTS]
        row += [usage_label[answer["usage"][p]] for p, _ in FRESH_PURPOSES]
        row += [policy_label[answer["policy"]], answer["remark"] or None]
        sheet.append(row)
        for column in (2, 3):
            sheet.cell(row=sheet.max_row, column=column).number_format = "d-m-yyyy h:mm:ss"
    workbook.save(folder / "export-2014.xlsx")

    # Qualtrics-like SPSS: short variable names with the question texts as labels, one variable
    # per channel (1 = chosen), answers coded with value labels, "Weet ik niet" user-missing.
    columns, labels, value_labels, missing = {}, {}, {}, {}

    def add(name, label, values, table=None, missing_codes=None):
        columns[name] = values
        labels[name] = label
        if table:
            value_labels[name] = table
        if missing_codes:
            missing[name] = missing_codes

    add("ResponseId", "Response ID", pd.Series([f"R_{a['id']:04d}x" for a in answers], dtype=object))
    add("StartDate", "Start Date", pd.to_datetime(pd.Series([dt.datetime.fromisoformat(a["started"]) for a in answers])))
    add("EndDate", "End Date", pd.to_datetime(pd.Series([dt.datetime.fromisoformat(a["submitted"]) for a in answers])))
    add("IPAddress", "IP Address", pd.Series([f"192.0.2.{a['id']}" for a in answers], dtype=object))
    add("Q1", "Uw gemeente", pd.Series([a["gemeente"] for a in answers], dtype=object))
    add("Q2", "Naam contactpersoon", pd.Series([a["contact"] for a in answers], dtype=object))
    add("Q3", "E-mailadres contactpersoon", pd.Series([a["email"] for a in answers], dtype=object))
    for index, (value, label) in enumerate(FRESH_CHANNELS, start=1):
        add(f"Q4_{index}", f"Via welke sociale media communiceert de gemeente met inwoners? - {label}",
            pd.Series([1.0 if value in a["channels"] else float("nan") for a in answers]), {1: label})
    for index, (value, label) in enumerate(FRESH_COUNTS, start=1):
        add(f"Q5_{index}", f"Hoeveel volgers heeft het account op {label}?",
            pd.Series([float(a["counts"][value]) if a["counts"][value] is not None else float("nan") for a in answers]))
    usage_codes = {"niet": 1, "soms": 2, "vaak": 3}
    for index, (purpose, label) in enumerate(FRESH_PURPOSES, start=1):
        add(f"Q6_{index}", f"Hoe vaak zet de gemeente sociale media in voor: {label}",
            pd.Series([float(usage_codes[a["usage"][purpose]]) for a in answers]),
            {1: "Nooit", 2: "Af en toe", 3: "Vaak", 9: "Weet ik niet"}, [9])
    policy_codes = {"ja": 1, "nee": 2, "in_ontwikkeling": 3}
    add("Q7", "Heeft de gemeente een vastgesteld beleid voor sociale media?",
        pd.Series([float(policy_codes[a["policy"]]) for a in answers]), {1: "Ja, vastgesteld", 2: "Nee", 3: "Wordt aan gewerkt"})
    add("Q8", "Heeft u verder nog opmerkingen of toelichting?", pd.Series([a["remark"] for a in answers], dtype=object))
    pyreadstat.write_sav(pd.DataFrame(columns), folder / "export-2014.sav", column_labels=labels,
                         variable_value_labels=value_labels, missing_ranges=missing)


def webcare(out):
    """The hand-checked webcare log as XLSX: the time column as Excel date-times (a row whose date
    does not exist stays text, as a tool exports a broken value), the rest as text."""
    folder = out / "webcare"
    folder.mkdir(parents=True)
    with open(ROOT / "Tests" / "WebcareTests" / "Fixtures" / "small-log.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Berichten"
    time = rows[0].index("Tijdstip")
    for index, row in enumerate(rows):
        for column, text in enumerate(row):
            cell = sheet.cell(row=index + 1, column=column + 1)
            if index > 0 and column == time:
                try:
                    cell.value = dt.datetime.strptime(text, "%d-%m-%Y %H:%M")
                    cell.number_format = "dd-mm-yyyy hh:mm"
                    continue
                except ValueError:
                    pass
            cell.value = text if text else None
    workbook.save(folder / "small-log.xlsx")


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".build" / "fixtures"
    staging = out.with_name(out.name + ".partial")
    if staging.exists():
        import shutil
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    demo(staging)
    units(staging)
    fresh(staging)
    webcare(staging)
    if out.exists():
        import shutil
        shutil.rmtree(out)
    os.replace(staging, out)
    print(f"fixtures written to {out}")


if __name__ == "__main__":
    main()
