/// How typed values (XLSX numbers and dates, SPSS numbers and dates) become cell text.
enum CellText {
    /// A number as Dutch Excel shows it with the General format, without thousands separators:
    /// `1212`, `4,5`, `-0,25`, `0,000015`. A decimal comma keeps `1.212` (a number just over one)
    /// from reading back as 1212 under the Dutch reading of a dot followed by three digits.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "" : (value < 0 ? "-∞" : "∞") }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        // The shortest text that reads back to the same double, exponent written out.
        let text = "\(value)"
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(text[text.index(after: e)...]) else {
            return text.replacingOccurrences(of: ".", with: ",")
        }
        var mantissa = String(text[..<e])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = whole + fraction
        var point = whole.count + exponent      // position of the decimal point in `digits`
        if point <= 0 {
            digits = String(repeating: "0", count: 1 - point) + digits
            point = 1
        } else if point > digits.count {
            digits += String(repeating: "0", count: point - digits.count)
        }
        var result = String(digits.prefix(point))
        var rest = String(digits.dropFirst(point))
        while rest.hasSuffix("0") { rest.removeLast() }
        if !rest.isEmpty { result += "," + rest }
        return (negative ? "-" : "") + result
    }

    /// A percentage as a cell formatted `0%` shows it: `25%`, `12,5%`.
    static func percentage(_ value: Double) -> String {
        // ×100 in decimal: 0.145 * 100 is 14.499999999999998 in binary.
        let scaled = (value * 100 * 1e9).rounded() / 1e9
        return number(scaled) + "%"
    }
}
