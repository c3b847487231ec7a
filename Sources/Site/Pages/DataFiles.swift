import Foundation
import Publish
import Support

/// The data for re-use (issue 17): `data/meetlat.sqlite` with Datasette's `data/metadata.json`
/// and the static JSON API under `api/v1/` with its OpenAPI description (all made by `Publish`
/// from what the site read), `datapackage.json` describing every CSV download, `data/gemeenten.csv`
/// (the gemeenten the downloads' codes point to), and the page that documents them. Every file is
/// scanned for personal data like every page; the database by the text of its rows.
enum DataFiles {
    static let database = "data/meetlat.sqlite"
    static let datasetteMetadata = "data/metadata.json"
    static let dataPackage = "datapackage.json"
    static let gemeenten = "data/gemeenten.csv"
    static let page = "api/index.html"

    static func input(_ data: SiteData) -> PublishInput {
        let editions = data.editions.map { edition in
            PublishedEdition(year: edition.year, ranking: edition.ranking, modelLabel: edition.model.label,
                             tables: edition.statistics.tables, comparison: edition.comparison)
        }
        let config = data.source.config
        return PublishInput(editions: editions, reference: data.reference, licence: config.licence, publisher: config.publisher,
                            syntheticData: config.syntheticData)
    }

    static func files(_ input: PublishInput, _ data: SiteData, downloads: [DownloadFile]) throws -> [OutputFile] {
        let bytes = try DatabaseWriter.database(input)
        let gemeentenTable = gemeentenTable(data)
        let resources = downloads.compactMap { file in file.table.map { (file, $0) } } + [
            (DownloadFile(file: OutputFile(path: gemeenten, data: gemeentenTable.csv), group: "reference", format: "CSV",
                          title: "Gemeenten (CBS-codes, provincies, fusies)"), gemeentenTable),
        ]
        return [
            OutputFile(path: database, data: bytes, shownText: Data(try DatabaseWriter.text(of: bytes).utf8)),
            OutputFile(path: datasetteMetadata, data: Data(DatasetteMetadata.json(input).text.utf8)),
            OutputFile(path: gemeenten, data: gemeentenTable.csv),
            OutputFile(path: dataPackage, data: Data(package(resources, input: input).text.utf8)),
        ] + StaticAPI.files(input).map { OutputFile(path: $0.path, data: $0.data) }
    }

    /// Every gemeente of the reference: what the `CBS-code` of every download points to.
    static func gemeentenTable(_ data: SiteData) -> DownloadTable {
        typealias Column = DownloadTable.Column
        return DownloadTable(name: "Gemeenten", columns: [
            Column(label: "CBS-code", description: "Gemeentecode van het CBS."),
            Column(label: "Gemeente", description: "Naam zoals het CBS die schrijft."),
            Column(label: "Provincie", description: "Provincie van de gemeente."),
            Column(label: "Eerste jaar", description: "Eerste jaar (op 1 januari) dat de gemeente bestond."),
            Column(label: "Laatste jaar", description: "Laatste jaar (op 1 januari) dat de gemeente bestond; leeg zolang ze bestaat."),
            Column(label: "Opgegaan in", description: "CBS-code van de gemeente waarin ze is opgegaan; leeg als ze niet is opgegaan."),
        ], rows: data.reference.gemeenten.map { gemeente in
            [.text(gemeente.code), .text(gemeente.name), .text(gemeente.province), .integer(gemeente.firstYear),
             gemeente.lastYear.map { .integer($0) } ?? .empty, gemeente.successor.map { .text($0) } ?? .empty]
        })
    }

    /// A JSON download (an object) with `herkomst` as its first member: which edition, model,
    /// build of meetlat and reference data it came from. The rest of the bytes stay as written.
    static func withProvenance(_ json: Data, _ herkomst: JSONValue) -> Data {
        guard json.first == UInt8(ascii: "{"), let newline = json.firstIndex(of: UInt8(ascii: "\n")) else { return json }
        let value = herkomst.text.dropLast().replacingOccurrences(of: "\n", with: "\n  ")
        return json[...newline] + Data("  \"herkomst\" : \(value),\n".utf8) + json[json.index(after: newline)...]
    }

    /// The provenance as one line of text, for a workbook's properties: `herkomst: {…}` in JSON.
    static func provenanceText(_ herkomst: JSONValue) -> String {
        "herkomst: " + herkomst.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    // MARK: datapackage.json

    /// The Frictionless data package of every CSV download: the dialect the site writes (`;`,
    /// decimal comma, UTF-8 with a byte-order mark), each column's type from the cells it holds,
    /// empty as the missing value, keys where a row is one gemeente, the licence, and `herkomst`.
    static func package(_ resources: [(DownloadFile, DownloadTable)], input: PublishInput) -> JSONValue {
        let licence: JSONValue = .object(["name": .string(input.licence.name), "title": .string(input.licence.title),
                                          "path": .string(input.licence.url.isEmpty ? "site.yaml" : input.licence.url)])
        let years = Set(input.editions.map(\.year))
        return .object([
            "profile": .string("tabular-data-package"),
            "name": .string("socialmediameetlat"),
            "title": .string("Socialmediameetlat: ranglijsten en enquêtecijfers"),
            "description": .string("Elke CSV-download van de site, met kolommen, typen, sleutels en herkomst."
                + (input.syntheticData ? " Let op: de antwoorden zijn verzonnen demonstratiegegevens." : "")),
            "licenses": .array([licence]),
            "publisher": .string(input.publisher),
            "herkomst": input.provenance(nil),
            "resources": .array(resources.sorted { $0.0.file.path < $1.0.file.path }.map { file, table in
                let year = file.file.path.split(separator: "/").first.flatMap { Int($0) }.flatMap { years.contains($0) ? $0 : nil }
                let edition = input.editions.first { $0.year == year }
                return resource(file, table, herkomst: input.provenance(edition), licence: licence)
            }),
        ])
    }

    static func resource(_ file: DownloadFile, _ table: DownloadTable, herkomst: JSONValue, licence: JSONValue) -> JSONValue {
        let labels = table.columns.map(\.label)
        var schema: [String: JSONValue] = [
            "fields": .array(table.columns.enumerated().map { index, column in field(column, cells: table.rows.map { $0[index] }) }),
            "missingValues": .array([.string("")]),
        ]
        // A row per gemeente (per edition): the code is the key, and points into gemeenten.csv.
        if labels.contains("CBS-code") {
            let name = SitePaths.fileName(file.file.path)
            if file.file.path == gemeenten {
                schema["primaryKey"] = .array([.string("CBS-code")])
            } else if labels.contains("Editie") {
                schema["primaryKey"] = .array([.string("Editie"), .string("CBS-code")])
            } else if name.hasPrefix("ranglijst-") {
                schema["primaryKey"] = .array([.string("CBS-code")])
            }
            if file.file.path != gemeenten {
                schema["foreignKeys"] = .array([.object([
                    "fields": .array([.string("CBS-code")]),
                    "reference": .object(["resource": .string(resourceName(gemeenten)), "fields": .array([.string("CBS-code")])]),
                ])])
            }
        }
        return .object([
            "name": .string(resourceName(file.file.path)),
            "path": .string(file.file.path),
            "title": .string(file.title),
            "profile": .string("tabular-data-resource"),
            "format": .string("csv"),
            "mediatype": .string("text/csv"),
            "encoding": .string("utf-8-sig"),
            "dialect": .object(["delimiter": .string(";"), "header": .bool(true)]),
            "licenses": .array([licence]),
            "herkomst": herkomst,
            "schema": .object(schema),
        ])
    }

    /// A column's type from its cells: whole numbers, decimals (written with a comma) or text.
    static func field(_ column: DownloadTable.Column, cells: [DownloadTable.Cell]) -> JSONValue {
        var integers = true, numbers = true
        for cell in cells {
            switch cell {
            case .integer, .empty: break
            case .decimal: integers = false
            case .text: integers = false; numbers = false
            }
        }
        var members: [String: JSONValue] = ["name": .string(column.label)]
        if !column.description.isEmpty { members["description"] = .string(column.description) }
        if integers {
            members["type"] = .string("integer")
        } else if numbers {
            members["type"] = .string("number")
            members["decimalChar"] = .string(",")
        } else {
            members["type"] = .string("string")
        }
        return .object(members)
    }

    /// `2012/data/ranglijst-2012.csv` → `ranglijst-2012`; a root file keeps its folder: `data-gemeenten`.
    static func resourceName(_ path: String) -> String {
        let base = SitePaths.fileName(path).replacingOccurrences(of: ".csv", with: "")
        let first = path.split(separator: "/").first.map(String.init) ?? ""
        let name = first == "data" ? "data-" + base : base
        return SitePaths.slug(name)
    }

    // MARK: The page

    /// `api/index.html`: what the data files are and how to use them, in Dutch.
    static func page(_ source: SiteSource, _ data: SiteData) -> Page {
        let path = page
        let editions = data.editions
        return Page(path: path, template: "api") {
            func link(_ target: String) -> TemplateValue { .string(SitePaths.relative(from: path, to: target)) }
            // The newest edition's first gemeente as the example.
            let first = editions.last?.ranking.entries.first
            let example = first?.code ?? "GM0405"
            let newest = editions.last?.year ?? 0
            let context: TemplateData = [
                "introHTML": .string(source.html("api")),
                "database": link(database), "metadata": link(datasetteMetadata), "dataPackage": link(dataPackage),
                "gemeenten": link(gemeenten), "openAPI": link(StaticAPI.openAPI), "editionsFile": link(StaticAPI.editions()),
                "exampleCode": .string(example), "exampleName": .string(first?.name ?? example), "newest": .number(newest),
                "exampleRanking": link(StaticAPI.ranking(newest)), "exampleGemeente": link(StaticAPI.gemeente(newest, example)),
                "exampleHistory": link(StaticAPI.gemeente(example)),
                "editions": .list(editions.reversed().map { edition in
                    ["year": .number(edition.year), "model": .string(edition.model.label), "ranking": link(StaticAPI.ranking(edition.year))]
                }),
            ]
            return layoutContext(source, path: path, section: .downloads, year: nil).merging(context)
        }
    }
}
