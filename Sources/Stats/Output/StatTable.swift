import Support

/// A computed table, ready to print in any format: rows and columns with stable ids (for CSV,
/// JSON and comparison with published figures) and typed cells (so each format can write a
/// percentage with its denominator, an interval or "niet gevraagd" its own way).
public struct StatTable: Sendable, Hashable {
    /// Unique id: the definition's id, plus a suffix for a companion table (`usage.estimates`).
    public var id: String
    /// The statistics.yaml table it was computed for (or the comparison section).
    public var definition: String
    /// `Tabel 4 — Gebruik sociale media`.
    public var caption: String
    /// `2012` or `2011 → 2012`.
    public var period: String
    public var columns: [StatColumn]
    public var rows: [StatRow]
    /// Denominators, methods, differences from published figures, model changes: printed under the table.
    public var notes: [String]

    public init(id: String, definition: String, caption: String, period: String, columns: [StatColumn],
                rows: [StatRow] = [], notes: [String] = []) {
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

public struct StatColumn: Sendable, Hashable {
    public var id: String
    public var label: String
    public var alignment: TextTable.Alignment

    public init(_ id: String, _ label: String, _ alignment: TextTable.Alignment = .right) {
        self.id = id
        self.label = label
        self.alignment = alignment
    }
}

public struct StatRow: Sendable, Hashable {
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
    case text(String)
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

    /// The cell as plain text, locale-independent (decimal point).
    public var text: String {
        switch self {
        case .text(let text): return text
        case .count(let count): return String(count)
        case .share(let proportion): return proportion.text
        case .percent(let value, let decimals): return Rounding.fixed(value, decimals: decimals) + " %"
        case .interval(let interval, let decimals):
            return Rounding.fixed(interval.low * 100, decimals: decimals) + " – "
                + Rounding.fixed(interval.high * 100, decimals: decimals) + " %"
        case .number(let value, let decimals): return Rounding.fixed(value, decimals: decimals)
        case .occurrences(let occurrences, let decimals):
            guard let first = occurrences.first else { return "–" }
            // With every value once there is no mode worth printing; many ties are summarised.
            if first.count == 1 && occurrences.count > 1 { return "–" }
            let shown = occurrences.prefix(3).map { Rounding.fixed($0.value, decimals: decimals) }
            let more = occurrences.count > 3 ? ", …" : ""
            return shown.joined(separator: ", ") + more + " (\(first.count)×\(occurrences.count > 1 ? " each" : ""))"
        case .change(let change): return change > 0 ? "+\(change)" : String(change)
        case .difference(let value, let decimals, let unit):
            let text = Rounding.fixed(value, decimals: decimals)
            return (text.hasPrefix("-") || Double(text) == 0 ? text : "+" + text) + " " + unit
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
