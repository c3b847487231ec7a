import Core
import Support

/// A published figure that the computed statistics do not reproduce.
public struct PublishedDifference: Sendable, Hashable, CustomStringConvertible {
    /// Statistics table id.
    public var table: String
    /// Where in the source: `Tabel 4`.
    public var source: String
    /// `usage.informeren/niet`.
    public var address: String
    /// `count`, `denominator`, `percent`, `mean`, ...
    public var what: String
    public var published: String
    public var computed: String

    public var description: String {
        "\(source) \(address) \(what): published \(published), computed \(computed)"
    }
}

/// How the computed tables compare with the published figures (`meetlat stats --check-published`).
public struct PublishedComparison: Sendable, Hashable {
    /// Figures compared (a figure with a count and a denominator counts once).
    public var checked: Int
    public var differences: [PublishedDifference]

    /// Compares every figure of `published` whose table is in `report`. Counts are compared where
    /// printed, otherwise printed percentages (whole, rounded half up); values at the precision
    /// printed (8,2 against the mean rounded to one decimal). A size class is found by its lower
    /// bound in `sizeClasses`.
    public init(report: StatisticsReport, published: PublishedYear, sizeClasses: [SizeClass]) {
        var checked = 0
        var differences: [PublishedDifference] = []
        for table in published.tables {
            let computed = report.tables(for: table.id)
            guard !computed.isEmpty else { continue }
            for figure in table.figures {
                checked += 1
                func difference(_ what: String, _ printed: String, _ found: String) {
                    differences.append(PublishedDifference(table: table.id, source: table.table, address: figure.address,
                                                           what: what, published: printed, computed: found))
                }
                let rowID: String?
                if let minimum = figure.classMinimum {
                    rowID = sizeClasses.first { $0.minimum == minimum }?.id
                } else {
                    rowID = figure.row
                }
                let column = figure.column ?? "share"
                guard let rowID, let cell = computed.lazy.compactMap({ $0.cell(row: rowID, column: column) }).first else {
                    difference("cell", "printed", "not computed")
                    continue
                }
                if figure.notAsked == true {
                    if cell != .notAsked { difference("question", "not asked", cell.text) }
                    continue
                }
                if figure.notReported == true {
                    // Asked but not printed: nothing to compare, but it must have been asked.
                    if cell == .notAsked { difference("question", "asked, not reported", "niet gevraagd") }
                    continue
                }
                if cell == .notAsked {
                    difference("question", "asked", "niet gevraagd")
                    continue
                }
                Self.compare(figure, denominator: table.denominator, with: cell, difference: difference)
            }
        }
        self.checked = checked
        self.differences = differences
    }

    private static func compare(_ figure: PublishedFigure, denominator tableDenominator: Int?, with cell: StatCell,
                                difference: (String, String, String) -> Void) {
        let decimals = figure.printedDecimals
        func matches(_ value: Double, _ printed: Double) -> Bool { abs(Rounding.halfUp(value, decimals: decimals) - printed) < 1e-9 }
        switch cell {
        case .share(let proportion):
            if let count = figure.count {
                if count != proportion.count { difference("count", String(count), String(proportion.count)) }
            } else if let percent = figure.percent, percent != proportion.percent {
                difference("percent", "\(percent) %", proportion.text)
            }
            if let denominator = figure.denominator ?? tableDenominator, denominator != proportion.denominator {
                difference("denominator", String(denominator), String(proportion.denominator))
            }
        case .count(let count):
            if let printed = figure.count, printed != count { difference("count", String(printed), String(count)) }
        case .number(let value, _), .percent(let value, _), .difference(let value, _, _):
            if let printed = figure.value, !matches(value, printed) {
                difference(figure.column ?? "value", Rounding.fixed(printed, decimals: decimals), Rounding.fixed(value, decimals: decimals))
            }
        case .occurrences(let occurrences, _):
            guard let first = occurrences.first else {
                difference(figure.column ?? "value", "printed", "none")
                return
            }
            if let printed = figure.value, !matches(first.value, printed) {
                difference(figure.column ?? "value", Rounding.fixed(printed, decimals: decimals), cell.text)
            }
            if let count = figure.count, count != first.count {
                difference("\(figure.column ?? "value") count", String(count), String(first.count))
            }
        case .text, .phrase, .interval, .change, .notAsked, .empty:
            difference(figure.column ?? "value", "a figure", cell.text)
        }
    }
}
