#!/usr/bin/env python3
"""Writes a Hugo project that builds the same pages as a meetlat site, from the same data.

The anchor of the site benchmark (Benchmarks/run.py, section site): Hugo (Debian's) building,
from the same Rankings/<year>.json and Statistics/<year>.json, one page for every HTML page
meetlat wrote, at the same address, of comparable size:

- ranking pages (<year>/index.html, provincie-*, grootte-*, sorteer-*): a Go template that
  filters and sorts the year's entries (`where`, `sort`) and writes the table row by row with
  the same columns as meetlat's (rank, name, score, change, the parts, province, size class,
  rank interval);
- gemeente pages (<year>/gemeente/<slug>.html): a template that writes the entry's
  explanation (every answer with its points and reason), its parts, flags and rank interval,
  and its rank and score in every year;
- the other pages (statistics, method, caveats, downloads, ROI, the home page): Markdown holding
  the text of meetlat's page, rendered by Hugo's Markdown renderer (goldmark).

Hugo is given prepared data, as a Hugo user would prepare it: the Rankings files with, per entry,
its previous rank and its index in the other years (meetlat computes these while building; a Hugo
template would otherwise search every year's entries per row). Hugo does not write the
downloads (CSV, JSON, XLSX) nor run a personal-data scan, both of which `meetlat site` does.

    hugo_site.py --site <meetlat _site> --rankings <Rankings> --statistics <Statistics> --output <project>
"""
import argparse
import html
import json
import os
import re
import shutil

CONFIG = """baseURL = "/"
languageCode = "nl"
title = "Socialmediameetlat"
uglyURLs = true
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "section"]
[markup.goldmark.renderer]
unsafe = false
"""

BASEOF = """<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · Socialmediameetlat</title>
<link rel="stylesheet" href="/assets/site.css">
</head>
<body>
<a class="skip" href="#inhoud">Naar de inhoud</a>
<p class="banner"><strong>Demonstratie.</strong> Deze site toont verzonnen demonstratiegegevens. De antwoorden van de
gemeenten zijn gegenereerd om de werking van meetlat te laten zien; de ranglijsten en cijfers zeggen niets over echte gemeenten.</p>
<header><p class="brand"><a href="/index.html">Socialmediameetlat</a></p>
<nav aria-label="Hoofdmenu"><ul>
<li><a href="/index.html">Alle edities</a></li>
{{ with .Params.year }}<li><a href="/{{ . }}/index.html">Ranglijst {{ . }}</a></li>
<li><a href="/{{ . }}/statistieken.html">Statistieken {{ . }}</a></li>
<li><a href="/{{ . }}/methode.html">Methode</a></li>
<li><a href="/{{ . }}/kanttekeningen.html">Kanttekeningen</a></li>
<li><a href="/{{ . }}/downloads.html">Downloads</a></li>{{ end }}
<li><a href="/roi/index.html">ROI-rekenhulp</a></li>
</ul></nav>
{{ with .Params.year }}<nav aria-label="Edities"><p>Editie:
{{ range site.Data.years.years }}<a href="/{{ . }}/index.html">{{ . }}</a> {{ end }}</p></nav>{{ end }}
</header>
<main id="inhoud">
{{ block "main" . }}{{ end }}
</main>
<footer><p>Gemaakt met meetlat. Bronnen en methode: zie de pagina Methode van elke editie.</p></footer>
</body>
</html>
"""

RANKING = """{{ define "main" }}
{{ $r := index site.Data.rankings (printf "y%v" .Params.year) }}
{{ $rows := $r.entries }}
{{ with .Params.province }}{{ $rows = where $rows "province" . }}{{ end }}
{{ with .Params.sizeclass }}{{ $rows = where $rows "sizeClass" . }}{{ end }}
{{ with .Params.sortkey }}{{ $rows = sort $rows . $.Params.order }}{{ end }}
<h1>{{ .Title }}</h1>
<p>{{ len $rows }} gemeenten; ten hoogste {{ $r.maximum }} punten (model {{ $r.model }}).</p>
<table class="ranking">
<caption>{{ .Title }}</caption>
<thead><tr><th scope="col">Rang</th><th scope="col">Gemeente</th><th scope="col">Score</th><th scope="col">Verschil</th>
{{ range $r.parts }}<th scope="col">{{ .label }} (max. {{ .maximum }})</th>{{ end }}
<th scope="col">Provincie</th><th scope="col">Grootte</th><th scope="col">Mogelijke rangen</th></tr></thead>
<tbody>
{{ range $i, $e := $rows }}<tr data-index="{{ $i }}" data-zoek="{{ lower $e.name }}" data-grootte="{{ $e.sizeClass }}" data-provincie="{{ urlize $e.province }}">
<td data-sort="{{ $e.rank }}">{{ $e.rank }}</td>
<th scope="row" data-sort="{{ $i }}"><a href="gemeente/{{ $e.slug }}.html">{{ $e.name }}</a></th>
<td class="score"><strong>{{ $e.total }}</strong></td>
{{ if $e.previousRank }}{{ $d := sub $e.previousRank $e.rank }}<td data-sort="{{ $d }}" class="change">{{ if gt $d 0 }}<span class="change-up"><span aria-hidden="true">▲ </span>{{ $d }}<span class="visually-hidden"> plaatsen gestegen, van {{ $e.previousRank }}</span></span>{{ else if lt $d 0 }}<span class="change-down"><span aria-hidden="true">▼ </span>{{ sub 0 $d }}<span class="visually-hidden"> plaatsen gedaald, van {{ $e.previousRank }}</span></span>{{ else }}<span class="change-same"><span aria-hidden="true">=</span><span class="visually-hidden">gelijk gebleven</span></span>{{ end }}</td>
{{ else }}<td data-sort="-1000000" class="change"><span class="change-new">nieuw</span></td>
{{ end }}{{ range $r.parts }}<td data-sort="{{ index $e.parts .id }}">{{ index $e.parts .id }}</td>
{{ end }}<td class="text">{{ $e.province }}</td>
<td class="text">{{ $e.sizeClass }}</td>
<td class="interval">{{ $e.rankInterval.low }}–{{ $e.rankInterval.high }}</td>
</tr>
{{ end }}</tbody>
</table>
{{ end }}
"""

GEMEENTE = """{{ define "main" }}
{{ $r := index site.Data.rankings (printf "y%v" .Params.year) }}
{{ $e := index $r.entries .Params.entry }}
<p><a href="../index.html">Ranglijst {{ .Params.year }}</a> › {{ $e.name }}</p>
<h1>{{ $e.name }} in de ranglijst van {{ .Params.year }}</h1>
<p>{{ $e.name }} ligt in de provincie {{ $e.province }} en had op 1 januari {{ .Params.year }} {{ lang.FormatNumber 0 $e.inhabitants }} inwoners (grootteklasse {{ $e.sizeClass }}).</p>
<dl class="figures">
<dt>Rang</dt><dd>{{ $e.rank }} van {{ len $r.entries }}</dd>
<dt>Score</dt><dd>{{ $e.total }} van {{ $r.maximum }} ({{ math.Round (mul 100 (div (float $e.total) $r.maximum)) }} %)</dd>
<dt>In de grootteklasse</dt><dd>{{ $e.rankInSizeClass }}</dd>
<dt>In {{ $e.province }}</dt><dd>{{ $e.rankInProvince }}</dd>
{{ with $e.previousRank }}<dt>Verschil met vorige editie</dt><dd>was {{ . }}</dd>{{ end }}
<dt>Mogelijke rangen bij andere keuzes in de berekening</dt><dd>tussen {{ $e.rankInterval.low }} en {{ $e.rankInterval.high }} (mediaan {{ $e.rankInterval.median }})</dd>
</dl>
<h2>Hoe vast staat deze plaats?</h2>
<table><thead><tr><th scope="col">Keuze</th><th scope="col">Eerste-orde-index</th><th scope="col">Totale index</th></tr></thead><tbody>
{{ range $k, $v := $e.uncertainty.indices }}<tr><th scope="row">{{ $k }}</th><td>{{ lang.FormatNumber 3 $v.first }}</td><td>{{ lang.FormatNumber 3 $v.total }}</td></tr>
{{ end }}</tbody></table>
{{ with $e.flags }}<h2>Opmerkingen</h2><ul>{{ range . }}<li>{{ . }}</li>{{ end }}</ul>{{ end }}
<h2>Onderdelen</h2>
<table><thead><tr><th scope="col">Onderdeel</th><th scope="col">Punten</th><th scope="col">Ten hoogste</th></tr></thead><tbody>
{{ range $r.parts }}<tr><th scope="row">{{ .label }}</th><td>{{ index $e.parts .id }}</td><td>{{ .maximum }}</td></tr>
{{ end }}</tbody></table>
<h2>Hoe de score is opgebouwd</h2>
<p>Elke regel is een antwoord uit de enquête en de punten die het opleverde volgens de methode van {{ .Params.year }}. De toelichting per regel laat de berekening zien.</p>
{{ range $r.parts }}{{ $rows := where $e.explanation "dimension" .id }}<h3>{{ .label }}: {{ index $e.parts .id }} van {{ .maximum }} punten</h3>
<table class="explanation"><caption>{{ .label }} van {{ $e.name }}</caption><thead><tr><th scope="col">Vraag</th><th scope="col">Antwoord</th><th scope="col">Punten</th><th scope="col">Toelichting</th></tr></thead><tbody>
{{ range $rows }}<tr><th scope="row">{{ .label }}</th><td>{{ .answer }}</td><td class="number">{{ .points }}</td><td>{{ .reason }}</td></tr>
{{ end }}</tbody></table>
{{ end }}
<h2>Rang en score door de jaren</h2>
<p>De edities gebruikten verschillende scoringsmodellen met een verschillend maximum: vergelijk daarom de rang en de score als percentage van het maximum, niet de punten. Elke editie heeft haar eigen schaal: bovenaan rang 1, onderaan de laatste plaats van die editie (de edities hadden niet evenveel gemeenten).</p>
{{ $n := len .Params.history }}
<figure><svg viewBox="0 0 640 240" role="img" aria-label="Rang van {{ $e.name }} per editie">
<polyline fill="none" stroke="currentColor" points="{{ range $i, $p := .Params.history }}{{ $y := index site.Data.rankings (printf "y%v" $p.year) }}{{ $h := index $y.entries $p.entry }}{{ add 40 (mul $i (div 560.0 (math.Max 1 (sub $n 1)))) }},{{ add 20 (mul 200.0 (div (float (sub $h.rank 1)) (math.Max 1 (sub (len $y.entries) 1)))) }} {{ end }}"/>
{{ range $i, $p := .Params.history }}{{ $y := index site.Data.rankings (printf "y%v" $p.year) }}{{ $h := index $y.entries $p.entry }}<circle r="4" cx="{{ add 40 (mul $i (div 560.0 (math.Max 1 (sub $n 1)))) }}" cy="{{ add 20 (mul 200.0 (div (float (sub $h.rank 1)) (math.Max 1 (sub (len $y.entries) 1)))) }}"><title>{{ $p.year }}: {{ $h.rank }} van {{ len $y.entries }}</title></circle>
<text x="{{ add 40 (mul $i (div 560.0 (math.Max 1 (sub $n 1)))) }}" y="236" text-anchor="middle">{{ $p.year }}</text>
{{ end }}</svg><figcaption>Rang per editie. De schaal loopt van rang 1 bovenaan tot de laatste plaats van die editie onderaan.</figcaption></figure>
<table><caption>Rang en score van {{ $e.name }} per editie</caption><thead><tr><th scope="col">Editie</th><th scope="col">Rang</th><th scope="col">Relatieve positie</th><th scope="col">Score</th><th scope="col">Scoringsmodel</th></tr></thead><tbody>
{{ range .Params.history }}{{ $y := index site.Data.rankings (printf "y%v" .year) }}{{ $h := index $y.entries .entry }}<tr><th scope="row"><a href="/{{ .year }}/gemeente/{{ $h.slug }}.html">{{ .year }}</a></th><td>{{ $h.rank }} van {{ len $y.entries }}</td><td>{{ lang.FormatNumber 1 (mul 100.0 (div (float (sub (len $y.entries) $h.rank)) (math.Max 1 (sub (len $y.entries) 1)))) }}</td><td>{{ $h.total }} van {{ $y.maximum }} ({{ math.Round (mul 100 (div (float $h.total) $y.maximum)) }} %)</td><td>{{ $y.model }}</td></tr>
{{ end }}</tbody></table>
<p>De relatieve positie is het deel van de andere gemeenten in de ranglijst dat lager staat, in procenten: rang 1 is 100, de laatste plaats 0. Zo zijn edities met een verschillend aantal gemeenten te vergelijken.</p>
<h2>Hoe vast staat deze plaats?</h2>
<p>Een ranglijst hangt af van keuzes in de berekening: hoe zwaar elk onderdeel weegt, hoe volgers tellen, wat een ontbrekend antwoord waard is. Met al die keuzes tegelijk anders staat {{ $e.name }} in 90 % van de herberekeningen tussen plaats {{ $e.rankInterval.low }} en {{ $e.rankInterval.high }}. De tabel hierboven geeft per keuze aan hoeveel van de spreiding ze verklaart, alleen (eerste orde) en samen met de andere keuzes (totaal).</p>
{{ end }}
"""

TEXT = """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
{{ end }}
"""

SORT_KEYS = {"gemeente": "name", "grootte": "inhabitants", "provincie": "province", "verschil": "previousRank"}


def slug_text(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def page_text(path):
    """The visible text of a meetlat page, as Markdown paragraphs (one per block element)."""
    with open(path, encoding="utf-8") as file:
        source = file.read()
    body = source[source.find("<main"):source.rfind("</main>")] or source
    body = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", body)
    blocks = re.split(r"(?i)</?(?:p|h[1-6]|li|tr|div|section|dd|dt|caption|figcaption)\b[^>]*>", body)
    paragraphs = []
    for block in blocks:
        text = html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", block))).strip()
        if text:
            paragraphs.append(re.sub(r"([\\`*_#<>\[\]|])", r"\\\1", text))
    title = re.search(r"(?s)<title>(.*?)</title>", source)
    return (html.unescape(title.group(1)).split(" · ")[0].strip() if title else os.path.basename(path)), "\n\n".join(paragraphs)


def front_matter(values):
    return "---\n" + json.dumps(values, ensure_ascii=False, indent=1) + "\n---\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", required=True)
    parser.add_argument("--rankings", required=True)
    parser.add_argument("--statistics", required=True)
    parser.add_argument("--output", required=True)
    arguments = parser.parse_args()

    if os.path.isdir(arguments.output):
        shutil.rmtree(arguments.output)
    for folder in ("content", "layouts/_default", "data/rankings", "data/statistics", "static/assets"):
        os.makedirs(os.path.join(arguments.output, folder), exist_ok=True)
    write = lambda relative, text: open(os.path.join(arguments.output, relative), "w", encoding="utf-8").write(text)
    write("config.toml", CONFIG)
    write("layouts/_default/baseof.html", BASEOF)
    write("layouts/_default/ranking.html", RANKING)
    write("layouts/_default/gemeente.html", GEMEENTE)
    write("layouts/_default/single.html", TEXT)
    write("layouts/index.html", TEXT)
    css = os.path.join(arguments.site, "assets", "site.css")
    if os.path.exists(css):
        shutil.copy(css, os.path.join(arguments.output, "static", "assets", "site.css"))

    years = sorted(int(name[:4]) for name in os.listdir(arguments.rankings) if re.fullmatch(r"\d{4}\.json", name))
    rankings, slug_entry = {}, {}
    for year in years:
        with open(os.path.join(arguments.rankings, f"{year}.json"), encoding="utf-8") as file:
            rankings[year] = json.load(file)
        # meetlat's own page names for the gemeenten, from its ranking page's links.
        with open(os.path.join(arguments.site, str(year), "index.html"), encoding="utf-8") as file:
            links = dict(re.findall(r'<a href="gemeente/([^"]+)\.html">([^<]+)</a>', file.read()))
        by_name = {html.unescape(name): slug for slug, name in links.items()}
        for index, entry in enumerate(rankings[year]["entries"]):
            entry["slug"] = by_name.get(entry["name"], slug_text(entry["name"]))
            slug_entry[(year, entry["slug"])] = index
    # Prepared data: each entry's previous rank and its place in every year's entries.
    place = {}
    for year in years:
        for index, entry in enumerate(rankings[year]["entries"]):
            place.setdefault(entry["code"], []).append({"year": year, "entry": index})
    for year in years:
        previous = {e["code"]: e["rank"] for e in rankings.get(year - 1, {"entries": []})["entries"]}
        for entry in rankings[year]["entries"]:
            entry["previousRank"] = previous.get(entry["code"], 0)
        write(f"data/rankings/y{year}.json", json.dumps(rankings[year], ensure_ascii=False))
        statistics = os.path.join(arguments.statistics, f"{year}.json")
        if os.path.exists(statistics):
            shutil.copy(statistics, os.path.join(arguments.output, "data", "statistics", f"y{year}.json"))
    write("data/years.json", json.dumps({"years": years}))

    pages = 0
    for folder, _, files in os.walk(arguments.site):
        for name in files:
            if not name.endswith(".html"):
                continue
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, arguments.site)
            parts = relative.split(os.sep)
            values = {"url": "/" + "/".join(parts)}
            year = int(parts[0]) if re.fullmatch(r"\d{4}", parts[0]) and int(parts[0]) in rankings else None
            stem = name[:-5]
            body = ""
            if year and len(parts) == 3 and parts[1] == "gemeente" and (year, stem) in slug_entry:
                entry = slug_entry[(year, stem)]
                code = rankings[year]["entries"][entry]["code"]
                values.update(title=rankings[year]["entries"][entry]["name"], layout="gemeente", year=year,
                              entry=entry, history=place[code])
            elif year and len(parts) == 2 and (stem == "index" or re.match(r"(provincie|grootte|sorteer)-", stem)):
                values.update(title=f"Ranglijst {year}", layout="ranking", year=year)
                if stem.startswith("provincie-"):
                    provinces = {slug_text(e["province"]): e["province"] for e in rankings[year]["entries"]}
                    values["province"] = provinces.get(stem[len("provincie-"):], stem)
                elif stem.startswith("grootte-"):
                    values["sizeclass"] = stem[len("grootte-"):]
                elif stem.startswith("sorteer-"):
                    key, order = stem[len("sorteer-"):].rsplit("-", 1)
                    values["sortkey"] = ("parts." + key[len("onderdeel-"):] if key.startswith("onderdeel-")
                                         else SORT_KEYS.get(key, "rank"))
                    values["order"] = "asc" if order == "op" else "desc"
            else:
                title, body = page_text(path)
                values.update(title=title)
                if year:
                    values["year"] = year
            target = os.path.join(arguments.output, "content", relative[:-5] + ".md")
            if relative == "index.html":
                target = os.path.join(arguments.output, "content", "_index.md")
            elif name == "index.html":
                # index.md would make its folder a leaf bundle (its other pages resources); the
                # address comes from `url` anyway.
                target = os.path.join(os.path.dirname(target), "index-page.md")
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w", encoding="utf-8") as file:
                file.write(front_matter(values) + body + "\n")
            pages += 1
    print(json.dumps({"pages": pages, "years": len(years)}))


if __name__ == "__main__":
    main()
