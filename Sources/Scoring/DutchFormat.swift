import Support

/// Numbers as a Dutch reader writes them (`71.703`, `2,998`), without any locale machinery so
/// the text is the same on every machine.
enum DutchFormat {
    /// A whole number with `.` between thousands: 71703 → `71.703`.
    static func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: ".")
    }

    /// Fixed decimals with a decimal comma: (2.9984, 3) → `2,998`.
    static func decimal(_ value: Double, decimals: Int) -> String {
        Rounding.dutch(value, decimals: decimals)
    }

    /// An answer as given: whole numbers grouped, others with up to two decimals.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return integer(Int(value)) }
        var text = Rounding.dutch(value, decimals: 2)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
