import Stats
import Support

/// Numbers as Dutch readers write them, without locale machinery so every build is the same:
/// `71.703`, `4,19`, `84 %`.
enum DutchText {
    /// Thousands grouped with `.`: 71703 → `71.703`.
    static func integer(_ value: Int) -> String {
        let digits = Array(String(value.magnitude))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(".") }
            text.append(digit)
        }
        return (value < 0 ? "-" : "") + text
    }

    /// Fixed decimals with a decimal comma and grouped thousands: (1234.5, 1) → `1.234,5`.
    static func decimal(_ value: Double, _ decimals: Int) -> String {
        let fixed = Rounding.fixed(value, decimals: decimals)
        let negative = fixed.hasPrefix("-")
        let unsigned = negative ? String(fixed.dropFirst()) : fixed
        let parts = unsigned.split(separator: ".", maxSplits: 1)
        let whole = integer(Int(parts[0]) ?? 0)
        return (negative ? "-" : "") + whole + (parts.count > 1 ? "," + parts[1] : "")
    }

    static func percent(_ value: Double, _ decimals: Int) -> String { decimal(value, decimals) + " %" }

    /// A statistics cell as Dutch text (the Stats library prints decimal points).
    static func cell(_ cell: StatCell) -> String {
        switch cell {
        case .text(let text): return text
        case .count(let count): return integer(count)
        case .share(let proportion):
            return "\(proportion.percent.map { "\($0) %" } ?? "–") (\(integer(proportion.count))/\(integer(proportion.denominator)))"
        case .percent(let value, let decimals): return percent(value, decimals)
        case .interval(let interval, let decimals):
            return decimal(interval.low * 100, decimals) + " – " + percent(interval.high * 100, decimals)
        case .number(let value, let decimals): return decimal(value, decimals)
        case .occurrences(let occurrences, let decimals):
            guard let first = occurrences.first else { return "–" }
            if first.count == 1 && occurrences.count > 1 { return "–" }
            let shown = occurrences.prefix(3).map { decimal($0.value, decimals) }
            return shown.joined(separator: "; ") + (occurrences.count > 3 ? "; …" : "")
                + " (\(first.count)×\(occurrences.count > 1 ? " elk" : ""))"
        case .change(let change): return change > 0 ? "+\(change)" : String(change)
        case .difference(let value, let decimals, let unit):
            let text = decimal(value, decimals)
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
