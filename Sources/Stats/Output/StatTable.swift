import Support

/// The language Stats writes its words in: English on the command line (`meetlat stats`,
/// `meetlat compare`), Dutch on the published site and in its downloads.
public enum Language: Sendable, Hashable, CaseIterable {
    case english
    case dutch
}

/// Words Stats writes for people — a column heading, a caption, a note — in both languages it is
/// read in, so each reader gets whole sentences in one language rather than a translation of
/// the other's. Names and labels from statistics.yaml or the reference read the same in both.
public struct StatText: Sendable, Hashable {
    public var english: String
    public var dutch: String

    public init(_ english: String, dutch: String) {
        self.english = english
        self.dutch = dutch
    }

    /// A name or label that is the same in both languages (`Twitter`, `Tabel 4 — Gebruik …`).
    public init(same text: String) {
        self.init(text, dutch: text)
    }

    public func text(in language: Language) -> String {
        switch language {
        case .english: return english
        case .dutch: return dutch
        }
    }

    public static func + (left: StatText, right: StatText) -> StatText {
        StatText(left.english + right.english, dutch: left.dutch + right.dutch)
    }
}

/// A computed table, ready to print in any format: rows and columns with stable ids (for CSV,
/// JSON and comparison with published figures) and typed cells (so each format can write a
/// percentage with its denominator, an interval or "niet gevraagd" its own way).
public struct StatTable: Sendable, Hashable, Codable {
    /// Unique id: the definition's id, plus a suffix for a companion table (`usage.estimates`).
    public var id: String
    /// The statistics.yaml table it was computed for (or the comparison section).
    public var definition: String
    /// `Tabel 4 — Gebruik sociale media`.
    public var caption: StatText
    /// `2012` or `2011 → 2012`.
    public var period: String
    public var columns: [StatColumn]
    public var rows: [StatRow]
    /// Denominators, methods, differences from published figures, model changes: printed under the table.
    public var notes: [StatText]

    public init(id: String, definition: String, caption: StatText, period: String, columns: [StatColumn],
                rows: [StatRow] = [], notes: [StatText] = []) {
        self.id = id
        self.definition = definition
        self.caption = caption
        self.period = period
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }

    public func row(_ id: String) -> StatRow? { rows.first { $0.id == id } }

    /// Whether the year asked none of the table's questions: every cell but the labels says so.
    public var isNotAsked: Bool {
        !rows.isEmpty && rows.allSatisfy { row in
            row.cells.enumerated().allSatisfy { index, cell in
                cell == .notAsked || (index < columns.count && columns[index].id == "label")
            }
        }
    }

    public func cell(row: String, column: String) -> StatCell? {
        guard let index = columns.firstIndex(where: { $0.id == column }), let row = self.row(row),
              index < row.cells.count else { return nil }
        return row.cells[index]
    }
}

public struct StatColumn: Sendable, Hashable, Codable {
    public var id: String
    /// The heading: `% (x/n)` on the command line, `% (aantal/beantwoord)` on the site.
    public var label: StatText
    public var alignment: TextTable.Alignment

    public init(_ id: String, _ label: StatText, _ alignment: TextTable.Alignment = .right) {
        self.id = id
        self.label = label
        self.alignment = alignment
    }
}

public struct StatRow: Sendable, Hashable, Codable {
    /// Stable id: option, value, field, size class or gemeente code.
    public var id: String
    /// One cell per column.
    public var cells: [StatCell]

    public init(id: String, cells: [StatCell]) {
        self.id = id
        self.cells = cells
    }
}

/// One value in a table, with its type.
public enum StatCell: Sendable, Hashable {
    /// A name or label, the same in every language (a gemeente, an option from statistics.yaml).
    case text(String)
    /// Words Stats writes itself (`size unknown`, `new`), in each language.
    case phrase(StatText)
    case count(Int)
    /// A percentage with its denominator: `84 % (186/221)`.
    case share(Proportion)
    /// A percentage that is not a simple count of a denominator (an estimate): `84.2 %`.
    case percent(Double, decimals: Int)
    /// An interval for a percentage, ends in 0...1: `79.0 – 88.4 %`.
    case interval(ProportionInterval, decimals: Int)
    case number(Double, decimals: Int)
    /// A value and how often it occurs: `8 (27×)`; several values when tied.
    case occurrences([NumberSummary.Occurrence], decimals: Int)
    /// A change: `+107`, `-3`, `0`.
    case change(Int)
    /// A signed difference with a unit: `+15.6 pp`, `-44 %`.
    case difference(Double, decimals: Int, unit: String)
    /// The year did not ask the question, or the form did not offer the option.
    case notAsked
    /// Nothing to show (no answers, absent last year): `–`.
    case empty

    /// The cell as the command line prints it: English, locale-independent (decimal point).
    public var text: String { text(in: .english) }

    /// The cell as plain text: in English with a decimal point (`84.2 %`, `8 (27× each)`), in
    /// Dutch as a Dutch reader writes it (`84,2 %`, `8 (27× elk)`, `1.212`), locale-independent.
    public func text(in language: Language) -> String {
        let dutch = language == .dutch
        func integer(_ value: Int) -> String { dutch ? DutchFormat.integer(value) : String(value) }
        func decimal(_ value: Double, _ decimals: Int) -> String {
            dutch ? DutchFormat.decimal(value, decimals: decimals) : Rounding.fixed(value, decimals: decimals)
        }
        switch self {
        case .text(let text): return text
        case .phrase(let phrase): return phrase.text(in: language)
        case .count(let count): return integer(count)
        case .share(let proportion):
            return "\(proportion.percent.map { "\($0) %" } ?? "–") (\(integer(proportion.count))/\(integer(proportion.denominator)))"
        case .percent(let value, let decimals): return decimal(value, decimals) + " %"
        case .interval(let interval, let decimals):
            return decimal(interval.low * 100, decimals) + " – " + decimal(interval.high * 100, decimals) + " %"
        case .number(let value, let decimals): return decimal(value, decimals)
        case .occurrences(let occurrences, let decimals):
            guard let first = occurrences.first else { return "–" }
            // With every value once there is no mode worth printing; many ties are summarised.
            if first.count == 1 && occurrences.count > 1 { return "–" }
            let separator = dutch ? "; " : ", "
            let shown = occurrences.prefix(3).map { decimal($0.value, decimals) }
            let more = occurrences.count > 3 ? separator + "…" : ""
            let each = occurrences.count > 1 ? (dutch ? " elk" : " each") : ""
            return shown.joined(separator: separator) + more + " (\(first.count)×\(each))"
        case .change(let change): return change > 0 ? "+\(change)" : String(change)
        case .difference(let value, let decimals, let unit):
            let text = decimal(value, decimals)
            let roundsToZero = !text.contains { $0.isNumber && $0 != "0" }
            return (text.hasPrefix("-") || roundsToZero ? text : "+" + text) + " " + unit
        case .notAsked: return "niet gevraagd"
        case .empty: return "–"
        }
    }
}

/// Everything `meetlat stats` computed for one year.
public struct StatisticsReport: Sendable, Hashable {
    public var year: Int
    public var tables: [StatTable]

    public init(year: Int, tables: [StatTable]) {
        self.year = year
        self.tables = tables
    }

    /// The tables computed for one statistics.yaml table (the table and its companions).
    public func tables(for definition: String) -> [StatTable] { tables.filter { $0.definition == definition } }
}
