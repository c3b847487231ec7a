import Stats
import Support

/// Statistics cells and chart coordinates as the site writes them (numbers through
/// `Support.DutchFormat`, so every build is the same).
enum DutchText {
    /// A statistics cell as Dutch text (the Stats library prints decimal points).
    static func cell(_ cell: StatCell) -> String {
        switch cell {
        case .text(let text): return text
        case .count(let count): return DutchFormat.integer(count)
        case .share(let proportion):
            return "\(proportion.percent.map { "\($0) %" } ?? "–") (\(DutchFormat.integer(proportion.count))/\(DutchFormat.integer(proportion.denominator)))"
        case .percent(let value, let decimals): return DutchFormat.percent(value, decimals: decimals)
        case .interval(let interval, let decimals):
            return DutchFormat.decimal(interval.low * 100, decimals: decimals) + " – " + DutchFormat.percent(interval.high * 100, decimals: decimals)
        case .number(let value, let decimals): return DutchFormat.decimal(value, decimals: decimals)
        case .occurrences(let occurrences, let decimals):
            guard let first = occurrences.first else { return "–" }
            if first.count == 1 && occurrences.count > 1 { return "–" }
            let shown = occurrences.prefix(3).map { DutchFormat.decimal($0.value, decimals: decimals) }
            return shown.joined(separator: "; ") + (occurrences.count > 3 ? "; …" : "")
                + " (\(first.count)×\(occurrences.count > 1 ? " elk" : ""))"
        case .change(let change): return change > 0 ? "+\(change)" : String(change)
        case .difference(let value, let decimals, let unit):
            let text = DutchFormat.decimal(value, decimals: decimals)
            return (text.hasPrefix("-") || value == 0 ? text : "+" + text) + " " + unit
        case .notAsked: return "niet gevraagd"
        case .empty: return "–"
        }
    }

    /// The number a cell stands for, for sorting and charts (percentages in %), if it has one.
    static func value(_ cell: StatCell) -> Double? {
        switch cell {
        case .count(let count): return Double(count)
        case .share(let proportion): return proportion.value.map { $0 * 100 }
        case .percent(let value, _): return value
        case .number(let value, _): return value
        case .change(let change): return Double(change)
        case .difference(let value, _, _): return value
        case .text, .interval, .occurrences, .notAsked, .empty: return nil
        }
    }

    /// Coordinates in SVG: one decimal, decimal point.
    static func coordinate(_ value: Double) -> String { Rounding.fixed(value, decimals: 1) }
}
