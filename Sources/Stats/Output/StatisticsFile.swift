import Foundation
import Support

/// One year's published statistics: what `meetlat stats --write` puts in `Statistics/<year>.json`
/// and what the site and `meetlat compare` read instead of the survey export. It holds counts,
/// shares and labels only — no response of a single gemeente — so it is as public as the site.
public struct YearStatistics: Sendable, Hashable, Codable {
    public var year: Int
    /// The scoring model the year's mapping names: `Rankings/<year>.json` must have been scored
    /// with it (the site checks, so a ranking and statistics of different data never meet).
    public var model: String
    /// Gemeenten whose answer was used (one response each).
    public var respondents: Int
    /// Answers that named no gemeente (not used).
    public var anonymous: Int
    /// The `options` tables of statistics.yaml with the year's shares: the labels of the options
    /// (channels) and the adoption that comparisons between years need.
    public var options: [OptionShares]
    /// Every table of statistics.yaml, computed for the year.
    public var tables: [StatTable]

    public init(year: Int, model: String, respondents: Int, anonymous: Int, options: [OptionShares], tables: [StatTable]) {
        self.year = year
        self.model = model
        self.respondents = respondents
        self.anonymous = anonymous
        self.options = options
        self.tables = tables
    }

    /// The tables as a report (`meetlat stats` prints the same).
    public var report: StatisticsReport { StatisticsReport(year: year, tables: tables) }

    /// The shares of the `options` table `id`.
    public func optionShares(_ id: String) -> OptionShares? { options.first { $0.definition.id == id } }
}

/// The shares of one `options` table of statistics.yaml in one year.
public struct OptionShares: Sendable, Hashable, Codable {
    /// The table as statistics.yaml defines it: field, options and their labels.
    public var definition: TableDefinition
    /// Option value → share of the respondents who answered the field, for each option the form
    /// offered or someone chose; `nil` when the year did not ask the field at all.
    public var shares: [String: Proportion]?

    public init(definition: TableDefinition, shares: [String: Proportion]?) {
        self.definition = definition
        self.shares = shares
    }
}

/// Reads and writes `Statistics/<year>.json`.
public enum StatisticsFile {
    public static func url(year: Int, statistics: URL) -> URL {
        statistics.appendingPathComponent("\(year).json")
    }

    /// The JSON bytes: sorted keys, numbers as the shortest text that reads back to the same value.
    public static func json(_ statistics: YearStatistics) throws -> Data {
        try JSONFile.encoded(statistics)
    }

    public static func load(year: Int, statistics: URL) throws -> YearStatistics {
        let url = url(year: year, statistics: statistics)
        let loaded = try JSONFile.decode(YearStatistics.self, from: url, hint: "run `meetlat stats --write` first")
        guard loaded.year == year else {
            throw DataFileError.invalid(path: url.path, location: "year", problem: "found \(loaded.year), expected \(year)")
        }
        return loaded
    }
}

// MARK: The tables as JSON

/// A text that reads the same in both languages is written once: `"Twitter"`; otherwise
/// `{"dutch": …, "english": …}`.
extension StatText: Codable {
    private enum Key: String, CodingKey { case english, dutch }

    public init(from decoder: any Decoder) throws {
        if let same = try? decoder.singleValueContainer().decode(String.self) {
            self.init(same: same)
            return
        }
        let container = try decoder.container(keyedBy: Key.self)
        self.init(try container.decode(String.self, forKey: .english), dutch: try container.decode(String.self, forKey: .dutch))
    }

    public func encode(to encoder: any Encoder) throws {
        if english == dutch {
            var container = encoder.singleValueContainer()
            try container.encode(english)
        } else {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(english, forKey: .english)
            try container.encode(dutch, forKey: .dutch)
        }
    }
}

/// A cell is an object named by its kind — `{"count": 12}`, `{"share": {"count": 186,
/// "denominator": 221}}`, `{"percent": 84.2, "decimals": 1}`, `{"notAsked": true}` — and `null`
/// when empty.
extension StatCell: Codable {
    private enum Key: String, CodingKey {
        case text, phrase, count, share, percent, interval, number, occurrences, change, difference, notAsked
        case decimals, unit
    }

    public init(from decoder: any Decoder) throws {
        if (try? decoder.singleValueContainer().decodeNil()) == true {
            self = .empty
            return
        }
        let container = try decoder.container(keyedBy: Key.self)
        func decimals() throws -> Int { try container.decode(Int.self, forKey: .decimals) }
        if let text = try container.decodeIfPresent(String.self, forKey: .text) {
            self = .text(text)
        } else if let phrase = try container.decodeIfPresent(StatText.self, forKey: .phrase) {
            self = .phrase(phrase)
        } else if let count = try container.decodeIfPresent(Int.self, forKey: .count) {
            self = .count(count)
        } else if let share = try container.decodeIfPresent(Proportion.self, forKey: .share) {
            self = .share(share)
        } else if let percent = try container.decodeIfPresent(Double.self, forKey: .percent) {
            self = .percent(percent, decimals: try decimals())
        } else if let interval = try container.decodeIfPresent(ProportionInterval.self, forKey: .interval) {
            self = .interval(interval, decimals: try decimals())
        } else if let number = try container.decodeIfPresent(Double.self, forKey: .number) {
            self = .number(number, decimals: try decimals())
        } else if let occurrences = try container.decodeIfPresent([NumberSummary.Occurrence].self, forKey: .occurrences) {
            self = .occurrences(occurrences, decimals: try decimals())
        } else if let change = try container.decodeIfPresent(Int.self, forKey: .change) {
            self = .change(change)
        } else if let difference = try container.decodeIfPresent(Double.self, forKey: .difference) {
            self = .difference(difference, decimals: try decimals(), unit: try container.decode(String.self, forKey: .unit))
        } else if try container.decodeIfPresent(Bool.self, forKey: .notAsked) == true {
            self = .notAsked
        } else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: "expected a cell: an object with one of the keys \(Self.kinds), or null"))
        }
    }

    private static let kinds = "text, phrase, count, share, percent, interval, number, occurrences, change, difference, notAsked"

    public func encode(to encoder: any Encoder) throws {
        if self == .empty {
            var container = encoder.singleValueContainer()
            try container.encodeNil()
            return
        }
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .text(let text): try container.encode(text, forKey: .text)
        case .phrase(let phrase): try container.encode(phrase, forKey: .phrase)
        case .count(let count): try container.encode(count, forKey: .count)
        case .share(let share): try container.encode(share, forKey: .share)
        case .percent(let value, let decimals):
            try container.encode(value, forKey: .percent)
            try container.encode(decimals, forKey: .decimals)
        case .interval(let interval, let decimals):
            try container.encode(interval, forKey: .interval)
            try container.encode(decimals, forKey: .decimals)
        case .number(let value, let decimals):
            try container.encode(value, forKey: .number)
            try container.encode(decimals, forKey: .decimals)
        case .occurrences(let occurrences, let decimals):
            try container.encode(occurrences, forKey: .occurrences)
            try container.encode(decimals, forKey: .decimals)
        case .change(let change): try container.encode(change, forKey: .change)
        case .difference(let value, let decimals, let unit):
            try container.encode(value, forKey: .difference)
            try container.encode(decimals, forKey: .decimals)
            try container.encode(unit, forKey: .unit)
        case .notAsked: try container.encode(true, forKey: .notAsked)
        case .empty: break
        }
    }
}
