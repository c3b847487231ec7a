#!/usr/bin/env python3
"""Writes the seed corpora. Fuzz/corpus/exports/: small exports in the three export styles of the
demo years (survey tool: "," UTF-8 with BOM and CRLF; Dutch Excel: ";" Windows-1252 and CRLF;
second survey tool: "," UTF-8 and LF) and the messes real exports hold. Each seed uses the header of
Fuzz/survey/2012/mapping.yaml, so the whole-ingest target starts from exports it can read.
Fuzz/corpus/yaml/: hostile YAML for the configuration-file targets, which scripts/fuzz.sh
seeds with the repository's real mapping, model, scenario and site files as well.
Run it again after changing a seed here; the files are committed."""
from pathlib import Path

HEADER = ["Naam", "E-mailadres", "Telefoonnummer", "Naam van uw gemeente", "Ingevuld op",
          "Aantal volgers Twitter", "Burgers informeren", "Kanalen - LinkedIn", "Kanalen - Twitter",
          "Wie gebruikt sociale media?", "Opmerkingen", "IP-adres"]
OUT = Path(__file__).resolve().parent / "corpus" / "exports"


def line(fields, delimiter):
    def quote(field):
        if any(c in field for c in (delimiter, '"', "\n", "\r")):
            return '"' + field.replace('"', '""') + '"'
        return field
    return delimiter.join(quote(f) for f in fields)


def table(rows, delimiter=",", newline="\n"):
    return newline.join(line(r, delimiter) for r in [HEADER] + rows) + newline


SEEDS = {}

# Survey tool: ",", UTF-8 with BOM, CRLF, quoted commas, quotes and line breaks.
SEEDS["survey-tool-bom-crlf.csv"] = b"\xef\xbb\xbf" + table([
    ["Jan Jansen", "jan@example.nl", "06-12345678", "Den Bosch", "14-05-2012 09:31", "1.212", "Soms",
     "ja", "", "Raadsleden, Directie, college", 'Goed, "echt"\r\ntweede regel', "10.0.0.1"],
    ["Piet", "p@example.nl", "", "Gemeente Hoorn", "14-05-2012 09:31:05", "ca. 300", "Regelmatig tot vaak",
     "", "1", "Communicatie", "", ""],
    ["Piet", "p@example.nl", "", "HOORN ", "15-05-2012 08:00", "4,19", "soms", "nee", "0", "", "", ""],
], ",", "\r\n").encode("utf-8")

# Dutch Excel: ";", Windows-1252, CRLF, empty rows as ";;;", Dutch numbers.
SEEDS["excel-1252-semicolon.csv"] = table([
    ["Kees", "k@example.nl", "020-1234567", "Súdwest-Fryslân", "01-05-2012 10:00", "± 250", "Weet niet",
     "", "", "n.v.t.", "café ’s avonds € 10,-", ""],
    [""] * 12,
    ["Anna", "", "", "Sudwest Fryslan", "", "300+", "", "", "", "Raadsleden, Burgemeester", "", ""],
    ["A", "a@example.nl", "", "Amsterdam", "2-5-2012 10:00", "10 000", "Soms", "", "ja", "", "", ""],
    ["B", "", "", "Hollands Kroon", "02-05-2012 10:00", "1.212,5", "Niet of nauwelijks", "", "", "onbekend", "", ""],
], ";", "\r\n").encode("cp1252")

# Second survey tool: ",", UTF-8 without BOM, LF; duplicates, anonymous, unknown and former gemeenten.
SEEDS["tool-utf8-lf.csv"] = table([
    ["A", "", "", "Amsterdam", "02-05-2012 10:00", "12.000", "Soms", "", "ja", "", "", ""],
    ["A", "", "", "amsterdam", "02-05-2012 10:00", "13.000", "Soms", "", "ja", "", "", ""],
    ["A", "", "", "AMSTERDAM", "", "200-300", "Soms", "", "ja", "", "", ""],
    ["", "", "", "", "15-05-2012 09:31", "1", "Soms", "", "", "", "", ""],
    ["", "", "", "Hoorm", "15-05-2012 09:31", "1", "Soms", "", "", "", "", ""],
    ["", "", "", "Anna Paulowna", "15-05-2012 09:31", "1", "Soms", "", "", "", "", ""],
    ["", "", "", "Bergen", "15-05-2012 09:31", "1", "Soms", "", "", "", "", ""],
    ["", "", "", "Den Haag", "31-02-2012 10:00", "veel", "Vaak", "", "", "", "", ""],
    ["", "", "", "GM0405", "", "geen", "", "", "", "", "", ""],
]).encode("utf-8")

# Remarks holding personal data (all invented): e-mail, phone, BSN, IBAN, postcode + huisnummer.
SEEDS["remarks-personal-data.csv"] = table([
    ["X", "", "", "Hoorn", "", "1", "Soms", "", "", "",
     "Mail mij: x.y@voorbeeld.nl of bel 06 1234 5678, BSN 111222333", ""],
    ["Y", "", "", "Amsterdam", "", "2", "Soms", "", "", "",
     "IBAN NL91 ABNA 0417 1643 00, Kerkstraat 12, 1234 AB Hoorn", ""],
]).encode("utf-8")

# Personal data typed into answer columns: reject messages quote those cells.
SEEDS["personal-data-in-answers.csv"] = table([
    ["Z", "", "", "z.w@voorbeeld.nl", "", "1", "Soms", "", "", "", "", ""],
    ["Q", "", "", "Hoorn", "", "06-87654321", "Soms", "", "", "", "", ""],
    ["R", "", "", "Amsterdam", "", "1", "BSN 111222333", "", "", "", "", ""],
]).encode("utf-8")

good = [["", "", "", "Hoorn", "", "1", "Soms", "", "", "", "", ""]]
SEEDS["ragged-rows.csv"] = (table(good) + "a,b,Hoorn\n" + ",,,Amsterdam,,,,,,,,,,,\n").encode()
SEEDS["unterminated-quote.csv"] = (table(good) + ',,,"Hoorn,,1,Soms,,,,,\n').encode()
SEEDS["stray-quote.csv"] = (table(good) + ',,,Ho"orn,,1,Soms,,,,,\n').encode()
SEEDS["text-after-closing-quote.csv"] = (table(good) + ',,,"Hoorn"x,,1,Soms,,,,,\n').encode()
SEEDS["mixed-encoding.csv"] = table(good + [["", "", "", "Súdwest-Fryslân", "", "1", "", "", "", "", "caf\x00", ""]]).encode().replace(b"caf\x00", b"caf\xe9")
SEEDS["utf16.csv"] = table(good).encode("utf-16")
SEEDS["empty.csv"] = b""
SEEDS["bom-only.csv"] = b"\xef\xbb\xbf"
SEEDS["header-only.csv"] = table([]).encode()
SEEDS["tab-separated.csv"] = ("\t".join(HEADER) + "\n").encode()
SEEDS["blank-lines-cr-only.csv"] = ("\n\n" + table(good, ",", "\r") + "\n\r\n").encode()
SEEDS["missing-column.csv"] = ",".join(h for h in HEADER if h != "Ingevuld op").encode() + b"\n,,,Hoorn,1,Soms,,,,,\n"
SEEDS["duplicate-column.csv"] = (",".join(HEADER + ["Burgers informeren"]) + "\n" + ",,,Hoorn,,1,Soms,,,,,,Soms\n").encode()
SEEDS["skip-and-spaces.csv"] = table([["  ", " ", "", "  Den   Bosch  ", " 14-05-2012 9:31 ", " 1.5 ", " soms ",
                                       " ja ", " nee ", "communicatie ,raadsleden", "", ""]]).encode()


def nested_aliases(levels, key):
    """Lists of ten aliases nested `levels` deep (10^levels values expanded), and an alias key."""
    text = "x0: &x0 [1,1,1,1,1,1,1,1,1,1]\n"
    for level in range(1, levels + 1):
        text += f"x{level}: &x{level} [" + ",".join([f"*x{level - 1}"] * 10) + "]\n"
    return text + (f"? *x{levels}\n: 1\n" if key else "")


YAML_OUT = OUT.parent / "yaml"
YAML = {
    "alias-keys-nested.yaml": nested_aliases(7, key=True),      # the 410-byte file of issue 19
    "alias-values-nested.yaml": nested_aliases(5, key=False),
    "alias-key-small.yaml": "a: &x [1]\nb:\n  ? *x\n  : 1\n",
    "alias-in-flow-key.yaml": "a: &x {k: v}\nb: { ? [*x] : 1 }\n",
    "merge-key.yaml": "base: &base {type: number, column: A}\nfields:\n  f:\n    <<: *base\n",
    "deep-flow.yaml": "a: " + "[" * 3000 + "]" * 3000 + "\n",
    "deep-block.yaml": "".join(" " * i + f"k{i}:\n" for i in range(100)),
    "duplicate-key.yaml": "title: a\ntitle: b\n",
    "two-documents.yaml": "title: a\n---\ntitle: b\n",
    "control-characters.yaml": '"\\e[2J\\e]0;titel\\a": 1\ntitle: "\\u202Egnp.exe"\n',
    "tags.yaml": "title: !!binary aGFsbG8=\nyear: !!int 2012\nx: !local v\n",
    "empty.yaml": "",
    "comment-only.yaml": "# niets\n",
    "tabs.yaml": "fields:\n\tf: 1\n",
}
YAML_BYTES = {
    "bom-crlf.yaml": b"\xef\xbb\xbftitle: T\r\nsynthetic_data: false\r\n",
    "invalid-utf8.yaml": b"title: caf\xe9\n",
    "nul.yaml": b"title: a\x00b\n",
}

for folder, seeds in [(OUT, SEEDS), (YAML_OUT, {**{k: v.encode() for k, v in YAML.items()}, **YAML_BYTES})]:
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    for name, data in sorted(seeds.items()):
        (folder / name).write_bytes(data)
    print(f"wrote {len(seeds)} seeds to {folder}")
