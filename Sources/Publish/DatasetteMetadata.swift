import Support

/// Datasette's `metadata.json` for `meetlat.sqlite` (`datasette meetlat.sqlite -m metadata.json`):
/// title, licence and source of the database and of every table, what each column means (with
/// its unit in the words), the facets people start from, and canned queries.
public enum DatasetteMetadata {
    /// The database's name in Datasette: the file name without `.sqlite`.
    public static let databaseName = "meetlat"

    struct Table {
        let name: String
        let title: String
        let description: String
        var facets: [String] = []
        var sort: String? = nil
        var label: String? = nil
        let columns: [String: String]
    }

    static let tables: [Table] = [
        Table(name: "herkomst", title: "Herkomst", description: "Waar de gegevens vandaan komen: de versie van meetlat, de referentiegegevens, licentie en uitgever.",
              columns: ["key": "Wat", "value": "Waarde"]),
        Table(name: "size_classes", title: "Grootteklassen", description: "De grootteklassen naar aantal inwoners op 1 januari.",
              label: "label",
              columns: ["id": "Code van de klasse", "label": "Naam (aantal inwoners)", "minimum": "Kleinste aantal inwoners (inwoners)",
                        "maximum": "Grootste aantal inwoners (inwoners); leeg voor de bovenste klasse"]),
        Table(name: "gemeenten", title: "Gemeenten", description: "Alle gemeenten van alle edities, met hun CBS-code, provincie en fusies.",
              facets: ["province"], label: "name",
              columns: ["code": "CBS-gemeentecode (GM + 4 cijfers)", "name": "Naam zoals het CBS die schrijft", "province": "Provincie",
                        "first_year": "Eerste jaar (op 1 januari) dat de gemeente bestond", "last_year": "Laatste jaar (op 1 januari); leeg zolang ze bestaat",
                        "successor": "CBS-code van de gemeente waarin ze is opgegaan", "aliases": "Andere gangbare namen, gescheiden door ;"]),
        Table(name: "inhabitants", title: "Inwoners per jaar", description: "Aantal inwoners op 1 januari per gemeente en jaar, met bron en grootteklasse.",
              facets: ["year", "size_class"],
              columns: ["code": "CBS-gemeentecode", "year": "Jaar (1 januari)", "inhabitants": "Aantal inwoners (personen)",
                        "size_class": "Grootteklasse bij dit aantal", "source": "Bron (sleutel in SOURCES.md)", "estimate": "1 als het geen gepubliceerde telling is maar een schatting"]),
        Table(name: "mergers", title: "Fusies", description: "Gemeenten die zijn opgegaan in een andere, met het jaar waarin de opvolger ze omvatte.",
              columns: ["code": "CBS-code van de opgeheven gemeente", "successor": "CBS-code van de opvolger", "year": "Eerste jaar (1 januari) als deel van de opvolger"]),
        Table(name: "editions", title: "Edities", description: "Elke editie van de ranglijst met het scoringsmodel, het maximum en de herkomst.",
              columns: ["year": "Jaar van de editie", "model": "Naam van het scoringsmodel", "model_label": "Het scoringsmodel in woorden",
                        "maximum": "Hoogst mogelijke score (punten)", "gemeenten": "Aantal gemeenten in de ranglijst",
                        "previous_year": "De editie waarmee wordt vergeleken", "meetlat": "Versie van meetlat die de gegevens maakte",
                        "reference": "De referentiegegevens (gemeenten, inwoners, grootteklassen)"]),
        Table(name: "score_parts", title: "Onderdelen van de score", description: "De onderdelen van de score per editie, met hun maximum en weging.",
              facets: ["year"],
              columns: ["year": "Editie", "part": "Code van het onderdeel", "position": "Volgorde in het model", "label": "Naam van het onderdeel",
                        "maximum": "Hoogst mogelijke punten", "weight": "Weging in het totaal"]),
        Table(name: "rankings", title: "Ranglijsten", description: "De ranglijst van elke editie: score, rang (gedeeld bij gelijke score), rang binnen grootteklasse en provincie, en het 90%-interval van de rang bij andere rekenkeuzes.",
              facets: ["year", "size_class", "province"], sort: "rank", label: "name",
              columns: ["year": "Editie", "code": "CBS-gemeentecode", "name": "Gemeente", "province": "Provincie", "size_class": "Grootteklasse",
                        "inhabitants": "Inwoners op 1 januari van het jaar (personen)", "total": "Score (punten)", "maximum": "Hoogst mogelijke score (punten)",
                        "rank": "Rang; gelijke scores delen een rang", "rank_size_class": "Rang binnen de grootteklasse", "rank_province": "Rang binnen de provincie",
                        "rank_median": "Mediane rang bij andere rekenkeuzes", "rank_low": "Beste rang (5e percentiel) bij andere rekenkeuzes",
                        "rank_high": "Slechtste rang (95e percentiel) bij andere rekenkeuzes",
                        "relative_position": "Deel van de andere gemeenten dat lager staat (procent): rang 1 is 100",
                        "flags": "Opmerkingen bij de score, gescheiden door spaties (unknown:, suspect:, approximate:, measured:, discrepancy:)"]),
        Table(name: "scores", title: "Punten per onderdeel", description: "De punten van elke gemeente per onderdeel van de score.",
              facets: ["year", "part"],
              columns: ["year": "Editie", "code": "CBS-gemeentecode", "part": "Onderdeel", "points": "Punten"]),
        Table(name: "explanations", title: "Toelichting op de score", description: "Per gemeente welk antwoord welke punten opleverde; de punten tellen op tot de score.",
              facets: ["year", "dimension"],
              columns: ["year": "Editie", "code": "CBS-gemeentecode", "line": "Regelnummer", "dimension": "Onderdeel van de score",
                        "field": "Vraag (veld)", "label": "Wat er gevraagd werd", "answer": "Het antwoord", "points": "Punten", "reason": "Waarom, zoals gepubliceerd"]),
        Table(name: "comparisons", title: "Vergelijking met de vorige editie", description: "Per gemeente rang en score in de vorige editie, na een fusie via de grootste voorganger.",
              facets: ["year", "basis"], sort: "rank",
              columns: ["year": "Editie", "code": "CBS-gemeentecode", "previous_year": "Vorige editie",
                        "basis": "zelfde: met zichzelf; voorganger: met de grootste voorganger (fusie); nieuw: niet in de vorige editie",
                        "previous_code": "Met welke gemeente vergeleken", "rank": "Rang", "previous_rank": "Rang in de vorige editie",
                        "rank_change": "Gestegen plaatsen (positief is omhoog)", "total": "Score (punten)", "previous_total": "Score in de vorige editie (punten)",
                        "score_change": "Verschil in punten (niet vergelijkbaar als het model wisselde)", "position": "Relatieve positie (procent)",
                        "previous_position": "Relatieve positie in de vorige editie (procent)",
                        "position_change": "Verschil in relatieve positie (procentpunten): de zuivere vergelijking als de ranglijsten niet even lang zijn"]),
        Table(name: "survey_tables", title: "Tabellen van de enquête", description: "De tabellen van de statistieken per editie, met bijschrift en toelichting.",
              facets: ["year"],
              columns: ["year": "Editie", "table_id": "Code van de tabel", "position": "Volgorde", "definition": "De tabel in statistics.yaml",
                        "caption": "Bijschrift", "period": "Periode", "notes": "Toelichting (noemers, methode)"]),
        Table(name: "survey_cells", title: "Cellen van de enquêtetabellen", description: "Elke cel van elke tabel: de tekst zoals gepubliceerd, en bij een aandeel het aantal, de noemer, het percentage en het 95%-Wilson-interval.",
              facets: ["year", "table_id", "column_id"],
              columns: ["year": "Editie", "table_id": "Tabel", "row_position": "Rij", "row_id": "Code van de rij", "column_position": "Kolom",
                        "column_id": "Code van de kolom", "column_label": "Kolomkop", "text": "De cel zoals gepubliceerd",
                        "count": "Aantal gemeenten", "denominator": "Noemer: aantal gemeenten dat de vraag beantwoordde",
                        "value": "Waarde (bij een aandeel: procent)", "wilson_low": "Ondergrens 95%-Wilson-interval (procent)",
                        "wilson_high": "Bovengrens 95%-Wilson-interval (procent)"]),
    ]

    /// The canned queries: the top 10 of an edition, the biggest risers.
    static let queries: [String: JSONValue] = [
        "top_10": .object([
            "title": .string("Top 10 per editie"),
            "description": .string("De tien hoogst geplaatste gemeenten van een editie (bij gelijke score meer)."),
            "sql": .string("select year, rank, name, province, size_class, total, maximum from rankings where year = :year and rank <= 10 order by rank, name"),
        ]),
        "grootste_stijgers": .object([
            "title": .string("Grootste stijgers"),
            "description": .string("Gemeenten die het meest stegen ten opzichte van de vorige editie, naar relatieve positie (fusies niet meegerekend)."),
            "sql": .string("""
                select c.year, c.code, r.name, c.previous_rank, c.rank, c.rank_change, c.position_change from comparisons c \
                join rankings r on r.year = c.year and r.code = c.code where c.year = :year and c.basis = 'zelfde' and c.rank_change > 0 \
                order by c.position_change desc, c.rank_change desc, r.name limit 20
                """),
        ]),
    ]

    public static func json(_ input: PublishInput) -> JSONValue {
        let synthetic = input.syntheticData ? " Let op: de antwoorden zijn verzonnen demonstratiegegevens." : ""
        var tableMembers: [String: JSONValue] = [:]
        let source = JSONValue.string("Socialmediameetlat, berekend door " + PublishInput.meetlat)
        for table in tables {
            var members: [String: JSONValue] = [
                "title": .string(table.title), "description": .string(table.description + synthetic),
                "license": .string(input.licence.name), "license_url": .string(input.licence.url), "source": source,
                "columns": .object(table.columns.mapValues { .string($0) }),
            ]
            if !table.facets.isEmpty { members["facets"] = .array(table.facets.map { .string($0) }) }
            if let sort = table.sort { members["sort"] = .string(sort) }
            if let label = table.label { members["label_column"] = .string(label) }
            if table.name == "gemeenten" { members["fts_table"] = .string("gemeenten_fts"); members["fts_pk"] = .string("rowid") }
            tableMembers[table.name] = .object(members)
        }
        tableMembers["gemeenten_fts"] = .object(["hidden": .bool(true)])
        return .object([
            "title": .string("Socialmediameetlat: ranglijsten en enquêtecijfers"),
            "description": .string("Alle edities van de socialmediameetlat: gemeenten, inwoners, ranglijsten met toelichting, de tabellen van de enquête en de vergelijking tussen edities. Gemaakt door " + PublishInput.meetlat + "." + synthetic),
            "license": .string(input.licence.name), "license_url": .string(input.licence.url), "source": source,
            "databases": .object([
                databaseName: .object([
                    "title": .string("Socialmediameetlat"),
                    "license": .string(input.licence.name), "license_url": .string(input.licence.url), "source": source,
                    "tables": .object(tableMembers),
                    "queries": .object(queries),
                ]),
            ]),
        ])
    }
}
