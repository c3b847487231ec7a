import Configuration
import Foundation
import Support

/// The figures a report printed for one survey year (`Surveys/published/<year>.yaml`): counts,
/// percentages and means exactly as printed, with their source. Stats compares its tables
/// against them, and the demo data are generated to match them.
public struct PublishedYear: Sendable, Hashable, Codable {
    public var year: Int
    /// Source key → the document it comes from.
    public var sources: [String: PublishedSource]
    /// Gemeenten that answered, as printed in the text.
    public var respondents: Int?
    public var respondentsPercent: Int?
    /// Filled in without a gemeente's name.
    public var anonymous: Int?
    /// The number of gemeenten the report counted for that year (may differ from CBS).
    public var gemeenten: Int?
    public var tables: [PublishedTable]
    public var ranking: PublishedRanking?
    public var facts: [PublishedFact]?

    enum CodingKeys: String, CodingKey {
        case year, sources, respondents, anonymous, gemeenten, tables, ranking, facts
        case respondentsPercent = "respondents_percent"
    }

    public init(year: Int, sources: [String: PublishedSource] = [:], respondents: Int? = nil,
                respondentsPercent: Int? = nil, anonymous: Int? = nil, gemeenten: Int? = nil,
                tables: [PublishedTable], ranking: PublishedRanking? = nil, facts: [PublishedFact]? = nil) {
        self.year = year
        self.sources = sources
        self.respondents = respondents
        self.respondentsPercent = respondentsPercent
        self.anonymous = anonymous
        self.gemeenten = gemeenten
        self.tables = tables
        self.ranking = ranking
        self.facts = facts
    }

    /// The published tables for a statistics table id (Tabel 3 and Tabel 7-1 both give channels).
    public func tables(_ id: String) -> [PublishedTable] { tables.filter { $0.id == id } }

    /// `<surveys>/published/<year>.yaml`.
    public static func url(year: Int, surveys: URL) -> URL {
        surveys.appendingPathComponent("published").appendingPathComponent("\(year).yaml")
    }

    /// Reads `<surveys>/published/<year>.yaml`, or returns `nil` when the year has none.
    public static func load(year: Int, surveys: URL) throws -> PublishedYear? {
        let url = url(year: year, surveys: surveys)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let root = try YAMLFile.read(url, hint: "the figures a report printed for \(year)")
        let published = try root.decode(PublishedYear.self)
        let keys = try root.mapping(allowed: nil)
        guard published.year == year else {
            throw try keys.required("year").error("found \(published.year), expected \(year) (the file's name)")
        }
        let tables = try keys.required("tables").list()
        for (index, table) in published.tables.enumerated() where published.sources[table.source] == nil {
            let source = try tables[index].mapping(allowed: nil).required("source")
            throw source.error("unknown source \(Suggestions.quoted(table.source)); "
                + Suggestions.hint(for: table.source, among: published.sources.keys.sorted(), kind: "source"))
        }
        return published
    }
}

public struct PublishedSource: Sendable, Hashable, Codable {
    /// File name in the seed documents.
    public var file: String
    public var title: String
}

/// One printed table (or a passage of running text with figures that belong to a table).
public struct PublishedTable: Sendable, Hashable, Codable {
    /// The statistics.yaml table the figures belong to.
    public var id: String
    /// Key into `PublishedYear.sources`.
    public var source: String
    /// Where in the source: `Tabel 4`, `Tabel 3 (rij 2012)`, `tekst "Aantal volgers"`.
    public var table: String
    /// The printed total ("Totaal 221") that the table's percentages are of, when printed.
    public var denominator: Int?
    public var figures: [PublishedFigure]

    public init(id: String, source: String, table: String, denominator: Int? = nil, figures: [PublishedFigure]) {
        self.id = id
        self.source = source
        self.table = table
        self.denominator = denominator
        self.figures = figures
    }
}

/// One printed cell. `percent` is always `count` of a denominator (the figure's, the table's, or
/// the respondents); `value` is a statistic (a mean, a mode) that is not a percentage of anything.
public struct PublishedFigure: Sendable, Hashable, Codable {
    /// Option, value or field (`usage.informeren`); `total` for a printed total row.
    public var row: String?
    /// Value for grid tables (`vaak`), statistic for number tables (`mean`, `mode`, `min`, ...).
    public var column: String?
    /// For the response table: the lower bound of the size class in inhabitants.
    public var classMinimum: Int?
    /// The printed row label, kept where it identifies the row (size classes).
    public var label: String?
    public var count: Int?
    public var denominator: Int?
    public var percent: Int?
    public var value: Double?
    /// Digits printed after the decimal comma, when trailing zeros matter (`5,70` → 2).
    public var decimals: Int?
    /// Printed as "-", read as "not asked": the source does not show the question or option was
    /// asked that year. The one rule for every "-": it means not asked, unless the source itself
    /// shows the question was asked (then `notReported`).
    public var notAsked: Bool?
    /// Printed as "-", read as "not reported": the source shows the question was asked that year
    /// (its text names answers to it), yet printed no figure.
    public var notReported: Bool?

    enum CodingKeys: String, CodingKey {
        case row, column, label, count, denominator, percent, value, decimals
        case classMinimum = "class_minimum"
        case notAsked = "not_asked"
        case notReported = "not_reported"
    }

    /// Printed as "-", whichever it means.
    public var printedDash: Bool { notAsked == true || notReported == true }

    public init(row: String? = nil, column: String? = nil, classMinimum: Int? = nil, label: String? = nil,
                count: Int? = nil, denominator: Int? = nil, percent: Int? = nil, value: Double? = nil,
                decimals: Int? = nil, notAsked: Bool? = nil, notReported: Bool? = nil) {
        self.row = row
        self.column = column
        self.classMinimum = classMinimum
        self.label = label
        self.count = count
        self.denominator = denominator
        self.percent = percent
        self.value = value
        self.decimals = decimals
        self.notAsked = notAsked
        self.notReported = notReported
    }

    /// Digits the printed value has after the decimal point: `decimals`, or read off the value
    /// (8.2 → 1, 1212 → 0).
    public var printedDecimals: Int {
        if let decimals { return decimals }
        guard let value else { return 0 }
        var digits = 0
        var scaled = value
        while digits < 6, abs(scaled - scaled.rounded()) > 1e-9 {
            scaled *= 10
            digits += 1
        }
        return digits
    }

    /// How the figure is addressed in messages: `usage.informeren/niet`, `class ≥ 10000`.
    public var address: String {
        if let classMinimum { return "size class from \(classMinimum)" }
        return [row, column].compactMap { $0 }.joined(separator: "/")
    }
}

/// A printed ranking (Tabel 2: the 2012 top 10 with 2011 ranks).
public struct PublishedRanking: Sendable, Hashable, Codable {
    public var source: String
    public var table: String
    public var model: String?
    public var maximum: Int?
    public var entries: [PublishedRankingEntry]
}

public struct PublishedRankingEntry: Sendable, Hashable, Codable {
    public var gemeente: String
    public var score: Int?
    public var rank: Int
    /// The previous year's rank as printed; absent when the gemeente did not take part.
    public var rankPrevious: Int?

    enum CodingKeys: String, CodingKey {
        case gemeente, score, rank
        case rankPrevious = "rank_previous"
    }
}

/// A figure from the running text that no statistics table holds.
public struct PublishedFact: Sendable, Hashable, Codable {
    public var id: String
    public var source: String
    public var `where`: String
    public var description: String
    public var count: Int?
    public var denominator: Int?
    public var percent: Int?
    public var value: Double?
    public var decimals: Int?
}
