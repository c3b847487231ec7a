import Core
import Foundation
import Scoring
import Stats
import Support

/// The licence the data are published under (site.yaml's `licence`).
public struct Licence: Sendable, Hashable {
    /// An SPDX identifier or short name: `CC-BY-4.0`.
    public var name: String
    public var title: String
    public var url: String

    public init(name: String, title: String, url: String) {
        self.name = name
        self.title = title
        self.url = url
    }

    /// No licence given (site.yaml without `licence`): every download says so.
    public static let unstated = Licence(name: "niet-opgegeven", title: "Geen licentie opgegeven (site.yaml zonder licence)", url: "")
}

/// One published edition as the data downloads need it: finished outputs only.
public struct PublishedEdition: Sendable {
    public let year: Int
    public let ranking: Ranking
    /// The scoring model's name in words (`Socialmediameetlat 2012`).
    public let modelLabel: String
    /// The survey tables of `Statistics/<year>.json`.
    public let tables: [StatTable]
    /// The comparison with the edition before it, when there is one.
    public let comparison: YearComparison?

    public init(year: Int, ranking: Ranking, modelLabel: String, tables: [StatTable], comparison: YearComparison?) {
        self.year = year
        self.ranking = ranking
        self.modelLabel = modelLabel
        self.tables = tables
        self.comparison = comparison
    }
}

/// Everything the database, the data package and the API are made from, and what every file
/// says about where it came from (`herkomst`).
public struct PublishInput: Sendable {
    /// Ascending by year.
    public var editions: [PublishedEdition]
    public var reference: Reference
    public var licence: Licence
    public var publisher: String
    /// Whether the surveys are the synthetic demo data (every description says so).
    public var syntheticData: Bool

    public init(editions: [PublishedEdition], reference: Reference, licence: Licence, publisher: String, syntheticData: Bool) {
        self.editions = editions.sorted { $0.year < $1.year }
        self.reference = reference
        self.licence = licence
        self.publisher = publisher
        self.syntheticData = syntheticData
    }

    /// meetlat's version, written into every download. One place: the CLI's `--version` reads it too.
    public static let meetlatVersion = "0.1.0"
    public static var meetlat: String { "meetlat \(meetlatVersion)" }

    /// The reference data in words: the files and the sources of the inhabitants figures.
    public var referenceDescription: String {
        var sources = Set<String>()
        for perYear in reference.inhabitantsSources.values { for source in perYear.values { sources.insert(source.source) } }
        let keys = sources.sorted().joined(separator: ", ")
        return "Surveys/reference (gemeenten.csv, aliases.csv, inhabitants.csv, size-classes.csv), gepubliceerd als "
            + "Statistics/reference.json" + (keys.isEmpty ? "" : "; bronnen inwonertallen: \(keys) (SOURCES.md)")
    }

    /// `herkomst` of a file about one edition (or about all when `edition` is nil).
    public func provenance(_ edition: PublishedEdition?) -> JSONValue {
        var members: [String: JSONValue] = [
            "meetlat": .string(Self.meetlat),
            "referentie": .string(referenceDescription),
            "licentie": .string(licence.name),
            "uitgever": .string(publisher),
            "synthetisch": .bool(syntheticData),
        ]
        if let edition {
            members["editie"] = .number(Double(edition.year))
            members["model"] = .string(edition.ranking.model)
            members["model_naam"] = .string(edition.modelLabel)
        } else {
            members["edities"] = .array(editions.map { .number(Double($0.year)) })
            members["modellen"] = .array(editions.map { .string($0.ranking.model) })
        }
        return .object(members)
    }

    /// Reads the finished outputs: `Rankings/<year>.json`, `Statistics/<year>.json` and
    /// `Statistics/reference.json`, and the models' labels from `models` (for `meetlat export`;
    /// the site hands over what it read itself).
    public static func load(rankings: URL, statistics: URL, models: URL, licence: Licence, publisher: String,
                            syntheticData: Bool) throws -> PublishInput {
        let reference = try ReferenceFile.load(statistics: statistics)
        let library = ModelLibrary(folder: models)
        let years = RankingFile.years(in: rankings) ?? []
        guard !years.isEmpty else {
            throw DataFileError.invalid(path: rankings.path, location: "folder", problem: "holds no <year>.json; run `meetlat score` first")
        }
        var editions: [PublishedEdition] = []
        for year in years {
            let ranking = try RankingFile.load(year: year, rankings: rankings)
            let yearStatistics = try StatisticsFile.load(year: year, statistics: statistics)
            let model = try library.model(named: ranking.model)
            let comparison = editions.last.map { YearComparison(from: $0.ranking, to: ranking, reference: reference) }
            editions.append(PublishedEdition(year: year, ranking: ranking, modelLabel: model.label, tables: yearStatistics.tables,
                                             comparison: comparison))
        }
        return PublishInput(editions: editions, reference: reference, licence: licence, publisher: publisher, syntheticData: syntheticData)
    }
}
