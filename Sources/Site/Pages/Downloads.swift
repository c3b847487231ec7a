import Foundation
import Scoring
import Stats
import Support
import XLSX

/// A table as the downloads write it: Dutch column names, each with a description for the
/// downloads page, and typed cells — so the CSV (for Dutch Excel) and the `.xlsx` workbook hold
/// the same table.
struct DownloadTable: Sendable {
    struct Column: Sendable {
        let label: String
        let description: String
    }

    enum Cell: Sendable {
        case text(String)
        case integer(Int)
        case decimal(Double, decimals: Int)
        case empty
    }

    /// The sheet's name in a workbook.
    let name: String
    let columns: [Column]
    var rows: [[Cell]]
    var notes: [String] = []

    /// A CSV that Dutch Excel opens in columns: UTF-8 with byte-order mark, `;` between fields,
    /// decimal comma, no thousands separators (Excel would read `1.234` as 1,234). Text cells go
    /// through the shared `CSVWriter`, so its rules for quoting (and for text a spreadsheet would
    /// run as a formula) apply.
    var csv: Data {
        var writer = CSVWriter(header: columns.map(\.label), delimiter: .semicolon)
        for row in rows {
            writer.append(row.map { cell in
                switch cell {
                case .text(let text): return text
                case .integer(let value): return String(value)
                case .decimal(let value, let decimals): return Rounding.fixed(value, decimals: decimals).replacingOccurrences(of: ".", with: ",")
                case .empty: return ""
                }
            })
        }
        return Data((CSVWriter.byteOrderMark + writer.text).utf8)
    }

    var sheet: XLSXWorkbook.Sheet {
        let header = columns.map { XLSXWorkbook.Cell.text($0.label) }
        let body = rows.map { row in
            row.map { cell -> XLSXWorkbook.Cell in
                switch cell {
                case .text(let text): return .text(text)
                case .integer(let value): return .number(Double(value))
                case .decimal(let value, let decimals): return .number(Double(Rounding.fixed(value, decimals: decimals)) ?? value)
                case .empty: return .empty
                }
            }
        }
        return XLSXWorkbook.Sheet(name: name, rows: [header] + body, notes: notes)
    }

    /// A statistics or comparison table as the site shows it: its Dutch headings and the text of
    /// each cell, counts and numbers as numbers.
    init(_ table: StatTable, name: String) {
        self.name = name
        columns = table.columns.map { Column(label: $0.label.text(in: .dutch), description: "") }
        rows = table.rows.map { row in
            row.cells.map { cell in
                switch cell {
                case .count(let count): return .integer(count)
                case .change(let change): return .integer(change)
                case .number(let value, let decimals): return .decimal(value, decimals: decimals)
                default: return .text(cell.text(in: .dutch))
                }
            }
        }
        notes = table.notes.map { "Toelichting: " + $0.text(in: .dutch) }
    }

    init(name: String, columns: [Column], rows: [[Cell]]) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }

    /// An edition's ranking (or part of it, `entries`) with every column the site shows, in Dutch.
    static func ranking(_ index: EditionIndex, entries: [RankedGemeente], name: String, labels: QuestionLabels) -> DownloadTable {
        let model = labels.relabelled(index.edition.model)
        let year = index.year, ranking = index.ranking
        let parts = RankingSort.shownParts(ranking)
        var columns = [
            Column(label: "Rang", description: "Plaats in de ranglijst van \(year); gelijke scores delen een rang, de volgende rang wordt dan overgeslagen."),
            Column(label: "Gemeente", description: "Naam van de gemeente zoals het CBS die schrijft."),
            Column(label: "CBS-code", description: "Gemeentecode van het CBS."),
            Column(label: "Provincie", description: "Provincie van de gemeente."),
            Column(label: "Grootteklasse", description: "Grootteklasse naar het aantal inwoners op 1 januari \(year)."),
            Column(label: "Inwoners", description: "Aantal inwoners op 1 januari \(year) (CBS)."),
        ]
        columns += parts.map { Column(label: "\($0.label) (max. \($0.maximum))", description: "Punten voor het onderdeel \($0.label), ten hoogste \($0.maximum).") }
        columns.append(Column(label: "Score (max. \(ranking.maximum))", description: "Totaal aantal punten volgens de \(index.edition.model.label), ten hoogste \(ranking.maximum)."))
        columns.append(Column(label: "Relatieve positie \(year)", description: "Het deel van de andere gemeenten in de ranglijst dat lager staat, in procenten: rang 1 is 100, de laatste plaats 0. Zo zijn edities van verschillende lengte te vergelijken."))
        let comparison = index.edition.comparison
        if let comparison {
            let previous = comparison.from.year
            columns += [
                Column(label: "Rang \(previous)", description: "Rang in \(previous), van de gemeente zelf of, na een fusie, van de voorganger in de kolom Vergeleken met; leeg als de gemeente toen niet meedeed."),
                Column(label: "Verschil in plaatsen", description: "Rang \(previous) min rang \(year): positief is gestegen."),
                Column(label: "Relatieve positie \(previous)", description: "Relatieve positie in de ranglijst van \(previous) (\(comparison.from.entries.count) gemeenten)."),
                Column(label: "Verschil relatieve positie", description: "Relatieve positie \(year) min die van \(previous), in procentpunten: de zuivere vergelijking als de ranglijsten niet even lang zijn."),
                Column(label: "Vergeleken met", description: "Leeg als de gemeente met zichzelf is vergeleken; anders de voorganger (na een fusie) of 'nieuw'."),
            ]
        }
        columns += [
            Column(label: "Rang in grootteklasse", description: "Plaats tussen de gemeenten van dezelfde grootteklasse."),
            Column(label: "Rang in provincie", description: "Plaats tussen de gemeenten van dezelfde provincie."),
        ]
        if index.showsIntervals {
            columns += [
                Column(label: "Hoogste rang bij andere keuzes", description: "De beste rang die de gemeente haalt als de keuzes in de berekening anders zijn (weging, punten voor volgers, ontbrekende en geschatte aantallen, samentellen; in 90 % van de herberekeningen; zie de methode)."),
                Column(label: "Laagste rang bij andere keuzes", description: "De slechtste rang bij andere keuzes, op dezelfde manier."),
            ]
        }
        columns.append(Column(label: "Opmerkingen", description: "Opmerkingen bij de score, zoals een aantal volgers dat hoger is dan het aantal inwoners."))

        let count = ranking.entries.count
        let rows: [[Cell]] = entries.map { entry in
            var row: [Cell] = [.integer(entry.rank), .text(entry.name), .text(entry.code), .text(entry.province),
                               .text(index.sizeClass(entry.sizeClass)?.label ?? entry.sizeClass), .integer(entry.inhabitants)]
            row += parts.map { .integer(entry.parts[$0.id] ?? 0) }
            row.append(.integer(entry.total))
            row.append(.decimal(YearComparison.relativePosition(rank: entry.rank, count: count), decimals: 1))
            if let comparison {
                let change = index.changes[entry.code]
                if let change, let previous = change.previous {
                    row += [.integer(previous.rank), .integer(change.rankChange ?? 0), .decimal(change.previousPosition ?? 0, decimals: 1),
                            .decimal(change.positionChange ?? 0, decimals: 1)]
                } else {
                    row += [.empty, .empty, .empty, .empty]
                }
                let basis = change.map { comparison.comparedWith($0).text(in: .dutch) } ?? ""
                row.append(basis.isEmpty ? .empty : .text(basis))
            }
            row += [.integer(entry.rankInSizeClass), .integer(entry.rankInProvince)]
            if index.showsIntervals {
                row += entry.rankInterval.map { [.integer($0.low), .integer($0.high)] } ?? [.empty, .empty]
            }
            row.append(.text(ScoreFlag.sentences(entry.flags, in: model).joined(separator: "; ")))
            return row
        }
        return DownloadTable(name: name, columns: columns, rows: rows)
    }

    /// Every edition's ranking in one table: the columns all editions share (their parts differ
    /// with the scoring model), with the edition and its model in each row.
    static func allEditions(_ indexes: [EditionIndex]) -> DownloadTable {
        let columns = [
            Column(label: "Editie", description: "Het jaar van de ranglijst."),
            Column(label: "Rang", description: "Plaats in de ranglijst van die editie."),
            Column(label: "Aantal gemeenten in de ranglijst", description: "Hoeveel gemeenten die editie meededen."),
            Column(label: "Relatieve positie", description: "Het deel van de andere gemeenten in de ranglijst dat lager staat, in procenten (rang 1 is 100, de laatste 0)."),
            Column(label: "Gemeente", description: "Naam van de gemeente."),
            Column(label: "CBS-code", description: "Gemeentecode van het CBS."),
            Column(label: "Provincie", description: "Provincie van de gemeente."),
            Column(label: "Grootteklasse", description: "Naar het aantal inwoners op 1 januari van het jaar."),
            Column(label: "Inwoners", description: "Aantal inwoners op 1 januari van het jaar (CBS)."),
            Column(label: "Score", description: "Totaal aantal punten."),
            Column(label: "Maximale score", description: "Het hoogste aantal punten in het scoringsmodel van die editie."),
            Column(label: "Score in procenten van het maximum", description: "Score gedeeld door de maximale score: scores uit verschillende modellen blijven ook zo maar ten dele vergelijkbaar."),
            Column(label: "Scoringsmodel", description: "Het model waarmee de editie is berekend."),
        ]
        var rows: [[Cell]] = []
        for index in indexes.reversed() {
            let count = index.ranking.entries.count
            for entry in index.ranking.entries {
                rows.append([.integer(index.year), .integer(entry.rank), .integer(count),
                             .decimal(YearComparison.relativePosition(rank: entry.rank, count: count), decimals: 1),
                             .text(entry.name), .text(entry.code), .text(entry.province),
                             .text(index.sizeClass(entry.sizeClass)?.label ?? entry.sizeClass), .integer(entry.inhabitants),
                             .integer(entry.total), .integer(index.ranking.maximum),
                             .decimal(100 * Double(entry.total) / Double(max(index.ranking.maximum, 1)), decimals: 1),
                             .text(index.edition.model.label)])
            }
        }
        return DownloadTable(name: "Alle edities", columns: columns, rows: rows)
    }
}

/// One downloadable file with what the downloads page says about it.
struct DownloadFile: Sendable {
    let file: OutputFile
    /// What it holds, grouped on the downloads page: ranking, selection, statistics, comparison.
    let group: String
    let format: String
    let title: String
    /// For a CSV: the table it holds, which `datapackage.json` describes.
    var table: DownloadTable? = nil
}

/// The downloads of an edition: every table as a CSV for Dutch Excel, an `.xlsx` workbook and
/// JSON (the ranking's JSON is `Rankings/<year>.json` without the per-answer explanation lines:
/// they are on every gemeente's page and would make the file ten times larger); the ranking of
/// each province and size class likewise, for the filtered ranking pages.
struct Downloads {
    let source: SiteSource
    let index: EditionIndex
    let links: EditionLinks
    let labels: QuestionLabels
    /// The edition's provenance, the first member of every JSON download (`DataFiles.withProvenance`).
    let herkomst: JSONValue

    static let allEditionsName = "ranglijsten-alle-edities"

    /// The time written into the workbooks as their creation: 1 January of the edition, so a
    /// rebuild gives the same bytes.
    static func created(_ year: Int) -> Int {
        var components = DateComponents()
        (components.year, components.month, components.day) = (year, 1, 1)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return Int(calendar.date(from: components)?.timeIntervalSince1970 ?? 0)
    }

    func files() throws -> [DownloadFile] {
        let year = index.year
        let created = Self.created(year)
        var files: [DownloadFile] = []
        func add(_ name: String, _ data: Data, group: String, format: String, title: String, table: DownloadTable? = nil) {
            files.append(DownloadFile(file: OutputFile(path: SitePaths.data(year, name), data: data), group: group, format: format, title: title,
                                      table: table))
        }
        func addWorkbook(_ name: String, _ sheets: [XLSXWorkbook.Sheet], group: String, title: String) throws {
            files.append(DownloadFile(file: try .workbook(SitePaths.data(year, name), sheets, created: created,
                                                           comments: DataFiles.provenanceText(herkomst)),
                                      group: group, format: "Excel", title: title))
        }
        // The whole ranking's JSON is checked against the publish list (`RankingsWriter.json`); a
        // province's or size class's holds some of the same entries, encoded alike, so no key the
        // whole one lacks: encoded without parsing it back again.
        func ranking(_ base: String, entries: [RankedGemeente], title: String, group: String, checked: Bool = false) throws {
            let table = DownloadTable.ranking(index, entries: entries, name: "Ranglijst \(year)", labels: labels)
            var selection = index.ranking
            selection.entries = entries
            add(base + ".csv", table.csv, group: group, format: "CSV", title: title, table: table)
            try addWorkbook(base + ".xlsx", [table.sheet], group: group, title: title)
            let json = checked ? try JSONFile.encoded(Self.withoutExplanations(selection))
                : try RankingsWriter.json(Self.withoutExplanations(selection))
            add(base + ".json", DataFiles.withProvenance(json, herkomst), group: group, format: "JSON", title: title)
        }
        try ranking("ranglijst-\(year)", entries: index.ranking.entries, title: "Ranglijst \(year) (\(index.ranking.entries.count) gemeenten)", group: "ranking")
        for province in index.provinces {
            let members = index.ranking.entries.filter { $0.province == province }
            try ranking("ranglijst-\(year)-provincie-\(index.provinceSlug(province))", entries: members,
                        title: "\(province) (\(members.count))", group: "selection", checked: true)
        }
        for sizeClass in index.sizeClasses {
            let members = index.ranking.entries.filter { $0.sizeClass == sizeClass.id }
            guard !members.isEmpty else { continue }
            try ranking("ranglijst-\(year)-grootte-\(index.sizeClassSlugs[sizeClass.id] ?? sizeClass.id)", entries: members,
                        title: "\(sizeClass.label) inwoners (\(members.count))", group: "selection", checked: true)
        }

        let tables = index.edition.statistics.tables
        let asked = tables.filter { !$0.isNotAsked }
        let statisticTables = asked.map { DownloadTable($0, name: siteCaption($0)) }
        for (table, download) in zip(asked, statisticTables) {
            add(Self.statisticsTableName(year, table), download.csv, group: "statistics", format: "CSV", title: siteCaption(table),
                table: download)
        }
        try addWorkbook("statistieken-\(year).xlsx", statisticTables.map(\.sheet),
            group: "statistics-all", title: "Alle tabellen van de statistieken \(year), elk op een eigen blad")
        add("statistieken-\(year).json", DataFiles.withProvenance(Data(TableRenderer.render(tables, as: .json, in: .dutch).utf8), herkomst),
            group: "statistics-all", format: "JSON", title: "Alle tabellen van de statistieken \(year)")

        if let comparison = index.edition.comparison {
            let name = Self.comparisonName(comparison)
            let compared = comparison.tables()
            let workbook = compared.map { DownloadTable($0, name: $0.caption.text(in: .dutch)) }
            if let table = workbook.last {
                add("\(name).csv", table.csv, group: "comparison", format: "CSV", title: "Alle gemeenten: rang en score in \(comparison.from.year) en \(year)",
                    table: table)
            }
            // The tables the statistics page shows, each as its own CSV.
            for (table, download) in zip(compared, workbook) where Self.comparisonTablesShown.contains(table.id) {
                add(Self.comparisonTableName(comparison, table.id), download.csv, group: "comparison", format: "CSV",
                    title: table.caption.text(in: .dutch), table: download)
            }
            try addWorkbook("\(name).xlsx", workbook.map(\.sheet),
                group: "comparison", title: "De vergelijking met \(comparison.from.year), elke tabel op een eigen blad")
            add("\(name).json", DataFiles.withProvenance(Data(TableRenderer.render(compared, as: .json, in: .dutch).utf8), herkomst),
                group: "comparison", format: "JSON", title: "De vergelijking met \(comparison.from.year)")
        }
        return files
    }

    static func statisticsTableName(_ year: Int, _ table: StatTable) -> String {
        "statistieken-\(year)-\(SitePaths.slug(table.id)).csv"
    }

    static func comparisonName(_ comparison: YearComparison) -> String {
        "vergelijking-\(comparison.from.year)-\(comparison.to.year)"
    }

    /// The comparison tables the statistics page shows (risers, fallers, predecessors).
    static let comparisonTablesShown: Set<String> = ["compare.risers", "compare.fallers", "compare.mergers"]

    /// `vergelijking-2012-2013-risers.csv`.
    static func comparisonTableName(_ comparison: YearComparison, _ id: String) -> String {
        comparisonName(comparison) + "-" + SitePaths.slug(String(id.dropFirst("compare.".count))) + ".csv"
    }

    /// Every edition's ranking together, for the home page and every downloads page.
    static func allEditions(_ indexes: [EditionIndex], labels: QuestionLabels, herkomst: JSONValue) throws -> [DownloadFile] {
        let table = DownloadTable.allEditions(indexes)
        var sheets = [table.sheet]
        for index in indexes.reversed() {
            sheets.append(DownloadTable.ranking(index, entries: index.ranking.entries, name: "Ranglijst \(index.year)", labels: labels).sheet)
        }
        let created = Self.created(indexes.last?.year ?? 2000)
        let title = "Alle edities samen"
        return [DownloadFile(file: OutputFile(path: "data/\(allEditionsName).csv", data: table.csv), group: "all", format: "CSV", title: title,
                             table: table),
                DownloadFile(file: try .workbook("data/\(allEditionsName).xlsx", sheets, created: created,
                                                comments: DataFiles.provenanceText(herkomst)), group: "all", format: "Excel",
                             title: title)]
    }

    static func withoutExplanations(_ ranking: Ranking) -> Ranking {
        var copy = ranking
        for index in copy.entries.indices { copy.entries[index].explanation = nil }
        return copy
    }

    func page(_ files: [DownloadFile]) -> Page {
        let source = self.source, index = self.index, links = self.links, labels = self.labels
        let path = SitePaths.downloads(index.year)
        return Page(path: path, template: "downloads") {
            func listed(_ group: String) -> TemplateValue {
                // One line per title, with its formats side by side.
                var titles: [String] = []
                var formats: [String: [TemplateValue]] = [:]
                for file in files where file.group == group {
                    if formats[file.title] == nil { titles.append(file.title) }
                    formats[file.title, default: []].append([
                        "format": .string(file.format), "name": .string(SitePaths.fileName(file.file.path)),
                        "href": .string(SitePaths.relative(from: path, to: file.file.path)),
                        "size": .string(DutchFormat.integer(max(1, (file.file.data.count + 512) / 1024))),
                    ])
                }
                return .list(titles.map { ["title": .string($0), "files": .list(formats[$0] ?? [])] })
            }
            let columns = DownloadTable.ranking(index, entries: [], name: "", labels: labels).columns
            var context: TemplateData = [
                "year": .number(index.year), "modelLabel": .string(index.edition.model.label),
                "ranking": listed("ranking"), "selections": listed("selection"),
                "statisticsAll": listed("statistics-all"), "statistics": listed("statistics"), "comparison": listed("comparison"),
                "columns": .list(columns.map { ["label": .string($0.label), "description": .string($0.description)] }),
                "allEditions": [
                    "csvHref": .string(SitePaths.relative(from: path, to: "data/\(Self.allEditionsName).csv")),
                    "xlsxHref": .string(SitePaths.relative(from: path, to: "data/\(Self.allEditionsName).xlsx")),
                ],
                "otherEditions": links.context(from: path, year: index.year, counterpart: .downloads),
                "dataHref": .string(SitePaths.relative(from: path, to: DataFiles.page)),
            ]
            if let comparison = index.edition.comparison { context["previousYear"] = .number(comparison.from.year) }
            return layoutContext(source, path: path, section: .downloads, year: index.year).merging(context)
        }
    }
}
