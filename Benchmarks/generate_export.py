#!/usr/bin/env python3
"""Writes a large survey export for the CSV ingest benchmark.

The file looks like the 2012 demo export (a SurveyMonkey-like export saved again by Dutch
Excel): `;`-delimited, Windows-1252, CRLF line endings, one header row, quotes only where a
field needs them. It holds what such exports hold: accented names (Súdwest-Fryslân, René),
fields with embedded `;`, doubled quotes and line breaks (the remarks), multi-select columns
holding the option label, choice labels, and numbers typed the Dutch way (`1.212`, `4,19`,
`1.212,5`, empty, `onbekend`, `n.v.t.`).

Numbers use only forms that pandas' `read_csv(decimal=',', thousands='.')` reads the same
way as meetlat (no `ca. 300` or `25%`, no English `1.5`), so the column sums of both can be
compared: the benchmark checks that both read the same values.

Deterministic: one seed, so the bytes are the same on every run and machine. Writes the export
and a sidecar `<file>.json` naming the numeric columns and the row count.

    python3 Benchmarks/generate_export.py --output .bench/export.csv --megabytes 100
"""
import argparse
import csv
import io
import json
import os
import random
import sys

SEED = 20240517

GEMEENTEN = [
    "Amsterdam", "Rotterdam", "'s-Gravenhage", "Utrecht", "Eindhoven", "Groningen", "Tilburg",
    "Almere", "Breda", "Nijmegen", "Apeldoorn", "Haarlem", "Arnhem", "Enschede", "Amersfoort",
    "Zaanstad", "'s-Hertogenbosch", "Haarlemmermeer", "Zwolle", "Zoetermeer", "Leiden",
    "Súdwest-Fryslân", "Smallingerland", "Leeuwarden", "Hoorn", "Boxtel", "Leerdam", "Lopik",
    "Hoogeveen", "Borsele", "Marum", "Oldambt", "Strijen", "Veghel", "Vlaardingen",
    "Schouwen-Duiveland", "Goeree-Overflakkee", "Hollands Kroon", "Nuenen, Gerwen en Nederwetten",
    "Bergen (NH)", "Bergen (L)", "Capelle aan den IJssel", "Súdwest Fryslân", "Tytsjerksteradiel",
    "Dantumadiel", "Noardeast-Fryslân", "De Fryske Marren", "Gemeente Hoorn", "BOXTEL ",
    "Den Bosch", "Vlieland", "Schiermonnikoog", "Texel", "Terschelling", "Ameland",
]
FIRST_NAMES = ["René", "Anouk", "Jeroen", "Inge", "Chloë", "Daan", "Fleur", "Joël", "Maaike",
               "Noël", "Saskia", "Thijs", "Zoë", "Bram", "Eline", "Loïs", "Gijs", "Iris"]
SURNAMES = ["Proefmans", "Testerink", "de Vries-Proefmans", "van 't Voorbeeld", "Müller",
            "Ter Steegë", "Oudejans", "Bakker", "van der Proef", "Jansen-Testerink"]
CHANNELS = ["LinkedIn", "Twitter", "Facebook", "Hyves", "Google+", "YouTube", "Yammer", "Pinterest"]
OTHER_CHANNELS = ["Pleio", "Flickr", "Pleio; Flickr", "Instagram (nog niet officieel)",
                  "WhatsApp \"buurtapp\"", "Flickr, Vimeo"]
PURPOSES = ["Burgers informeren", "Om te reageren", "Om te interacteren", "Crisiscommunicatie",
            "Om te weten wat er speelt", "Actief volgen van de pers", "Actief reageren op de pers"]
USAGE = ["Niet of nauwelijks", "Soms", "Regelmatig tot vaak"]
USERS = ["Raadsleden", "Collegeleden", "MT/directie", "Medewerkers", "Afdeling communicatie"]
REACH = ["LinkedIn", "Twitter", "Facebook", "Hyves", "Google+", "YouTube", "Yammer", "Pinterest"]
POLICY = ["Ja", "Nee", "In ontwikkeling"]
STAFF_POLICY = ["Ja", "Alleen richtlijnen", "Nee", "In ontwikkeling"]
TREND = ["Meer", "Ongeveer gelijk", "Minder"]
REMARK_PARTS = [
    "Wij zijn pas sinds dit jaar actief op Twitter.",
    "Facebook gebruiken we vooral voor evenementen; LinkedIn voor vacatures.",
    "De vraag over \"webcare\" is lastig te beantwoorden: wie doet dat bij ons?",
    "Zie ook ons beleidsplan (€ 2.500 budget, ± 10 uur per week).",
    "Het college twijfelt nog – de raad is enthousiaster.",
    "Aantallen zijn een schatting op 1 mei.",
    "We werken samen met de buurgemeenten; de cijfers gelden voor één gemeente.",
    "Onze ‘social media’-werkgroep komt maandelijks bij elkaar.",
    "Graag de resultaten per e-mail.",
    "Geen opmerkingen.",
]


def dutch_number(rng, value, decimals=0):
    """`value` written as a Dutch respondent would: thousands dots (mostly), decimal comma."""
    if decimals:
        whole, fraction = divmod(round(value * 10 ** decimals), 10 ** decimals)
        fraction_text = str(fraction).rjust(decimals, "0").rstrip("0")
    else:
        whole, fraction_text = int(round(value)), ""
    digits = str(whole)
    if whole >= 1000 and rng.random() < 0.8:
        groups = []
        while len(digits) > 3:
            groups.insert(0, digits[-3:])
            digits = digits[:-3]
        digits = ".".join([digits] + groups)
    return digits + ("," + fraction_text if fraction_text else "")


def number_or_missing(rng, text, approximate=0.0):
    draw = rng.random()
    if draw < 0.07:
        return ""
    if draw < 0.09:
        return "onbekend"
    if draw < 0.10:
        return "n.v.t."
    if draw < 0.10 + approximate:
        return rng.choice(("ca. {}", "± {}", "{}+", "ruim {}")).format(text)
    return text


def timestamp(rng, year):
    return f"{rng.randint(1, 28)}-{rng.randint(3, 6)}-{year} {rng.randint(7, 21)}:{rng.randint(0, 59):02d}"


def header():
    columns = ["RespondentID", "CollectorID", "StartDate", "EndDate", "IP Address",
               "Naam van uw gemeente", "Uw naam", "Uw e-mailadres", "Uw telefoonnummer"]
    columns += [f"Op welke sociale media is uw gemeente actief? - {c}" for c in CHANNELS + ["Anders, namelijk"]]
    numeric = []

    def number_column(name):
        numeric.append(len(columns))
        columns.append(name)

    for name in ["Hoeveel volgers heeft uw gemeente op Twitter?",
                 "Hoeveel accounts volgt uw gemeente op Twitter?",
                 "Hoeveel likes heeft de Facebookpagina van uw gemeente?",
                 "Hoeveel connecties heeft uw gemeente op LinkedIn?",
                 "Hoeveel leden heeft het Yammer-netwerk van uw gemeente?"]:
        number_column(name)
    columns += [f"Waarvoor gebruikt uw gemeente sociale media? - {p}" for p in PURPOSES]
    columns += [f"Wie gebruiken er binnen uw gemeente sociale media? - {u}" for u in USERS]
    for channel in REACH:
        number_column(f"Welk percentage van uw inwoners gebruikt dit kanaal (schatting)? - {channel}")
    columns += ["Heeft uw gemeente sociale-mediabeleid opgesteld?",
                "Heeft uw gemeente sociale-mediabeleid opgesteld voor medewerkers?",
                "Heeft uw gemeente de intentie om meer gebruik te gaan maken van sociale media?",
                "Doet uw gemeente aan webcare?",
                "Gebruikt uw gemeente sociale media meer of minder dan vorig jaar?"]
    number_column("Welk rapportcijfer geeft u uw gemeente voor het gebruik van sociale media? (1–10)")
    for part in ["Totaal", "Twitter", "Facebook"]:
        number_column(f"Hoeveel uur per week besteedt uw gemeente aan sociale media? - {part}")
    number_column("Hoeveel personen werken dagelijks met sociale media?")
    columns.append("Opmerkingen")
    return columns, numeric


def row(rng, respondent, year, gemeente, inhabitants, activity, approximate=0.0):
    """One respondent's answers; `activity` (0–1) makes channels, followers and usage likelier;
    `approximate` is the share of follower counts written as `ca. 300`, `± 250`, `300+`, ...
    (pandas cannot read those, so the ingest benchmark's export has none)."""
    first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
    fields = [str(1_900_000_000 + respondent), "31205342", timestamp(rng, year), timestamp(rng, year),
              f"192.0.2.{rng.randint(1, 254)}", gemeente, f"{first} {last}",
              f"{first.lower()}.{rng.randint(1, 99)}@example.nl", f"06-1234{rng.randint(1000, 9999)}"]
    fields += [c if rng.random() < activity else "" for c in CHANNELS]
    fields.append(rng.choice(OTHER_CHANNELS) if rng.random() < 0.1 else "")
    for share in (0.02, 0.004, 0.015, 0.003, 0.01):
        fields.append(number_or_missing(rng, dutch_number(rng, inhabitants * share * activity * rng.random() * 2), approximate))
    fields += [USAGE[min(2, int(rng.random() + activity * 2))] for _ in PURPOSES]
    fields += [u if rng.random() < 0.4 else "" for u in USERS]
    for _ in REACH:
        fields.append(number_or_missing(rng, dutch_number(rng, rng.random() * 40, decimals=rng.choice((0, 0, 1)))))
    fields += [rng.choice(POLICY), rng.choice(STAFF_POLICY), rng.choice(("Ja", "Nee")),
               rng.choice(POLICY), rng.choice(TREND)]
    fields.append(number_or_missing(rng, dutch_number(rng, rng.randint(10, 100) / 10, decimals=1)))
    hours = rng.random() * 40
    for share in (1, 0.4, 0.3):
        fields.append(number_or_missing(rng, dutch_number(rng, hours * share, decimals=rng.choice((0, 1, 2)))))
    fields.append(number_or_missing(rng, dutch_number(rng, rng.randint(1, 12) if rng.random() < 0.98 else rng.randint(1000, 2500))))
    if rng.random() < 0.35:
        parts = rng.sample(REMARK_PARTS, rng.randint(1, 3))
        fields.append(("\n" if rng.random() < 0.3 else " ").join(parts))
    else:
        fields.append("")
    return fields


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", required=True)
    parser.add_argument("--megabytes", type=float, default=100, help="size in MB (10^6 bytes), about")
    parser.add_argument("--year", type=int, default=2012)
    arguments = parser.parse_args()

    rng = random.Random(SEED)
    columns, numeric = header()
    target = int(arguments.megabytes * 1_000_000)
    temporary = arguments.output + ".partial"
    rows = 0
    with open(temporary, "w", encoding="cp1252", newline="") as file:
        # Excel: `;`, quotes only where needed, CRLF between rows (LF inside quoted fields).
        writer = csv.writer(file, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow(columns)
        buffer = io.StringIO()
        batch = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        written = 0
        while written < target:
            for _ in range(1000):
                inhabitants = int(rng.lognormvariate(10.2, 0.8)) + 900
                batch.writerow(row(rng, rows, arguments.year, rng.choice(GEMEENTEN), inhabitants, rng.random()))
                rows += 1
            text = buffer.getvalue()
            file.write(text)
            written += len(text.encode("cp1252"))
            buffer.seek(0)
            buffer.truncate()
            if sys.stderr.isatty():
                print(f"\rgenerating {arguments.output}: {min(100, written * 100 // target)}%", end="", file=sys.stderr)
    if sys.stderr.isatty():
        print("\r\033[2K", end="", file=sys.stderr)
    os.replace(temporary, arguments.output)
    sidecar = {"rows": rows, "columns": len(columns), "numeric_columns": numeric,
               "encoding": "windows-1252", "delimiter": ";", "bytes": os.path.getsize(arguments.output)}
    with open(arguments.output + ".json", "w", encoding="utf-8") as file:
        json.dump(sidecar, file, indent=2, sort_keys=True)
        file.write("\n")


if __name__ == "__main__":
    main()
