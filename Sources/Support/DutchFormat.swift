/// Numbers as Dutch readers write them — `71.703`, `2,998`, `84 %` — without locale machinery,
/// so the text is the same on every machine. Rounding is half up (`Rounding.halfUp`).
public enum DutchFormat {
    /// A whole number with `.` between thousands: 71703 → `71.703`, -1234567 → `-1.234.567`.
    public static func integer(_ value: Int) -> String {
        (value < 0 ? "-" : "") + grouped(Substring(String(value.magnitude)))
    }

    /// Fixed decimals with a decimal comma and thousands grouped: (1234.55, 1) → `1.234,6`,
    /// (2.9984, 3) → `2,998`; every digit of a large value (1e21 → `1.000.000.000.000.000.000.000`).
    /// Not-finite values give `nan`, `inf`, `-inf`: callers that show numbers decide what to say instead.
    public static func decimal(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return Rounding.fixed(value, decimals: decimals) }
        let fixed = Rounding.fixed(value, decimals: decimals)
        let negative = fixed.hasPrefix("-")
        let parts = fixed.drop { $0 == "-" }.split(separator: ".", maxSplits: 1)
        guard let whole = parts.first else { return fixed }
        return (negative ? "-" : "") + grouped(whole) + (parts.count > 1 ? "," + parts[1] : "")
    }

    /// A percentage with a space before the sign: (8.55, 1) → `8,6 %`.
    public static func percent(_ value: Double, decimals: Int) -> String {
        decimal(value, decimals: decimals) + " %"
    }

    /// A number as given, not rounded to a fixed precision: whole numbers grouped (`1.212`),
    /// others with at most `maximumDecimals` decimals and no trailing zeros (`4,5`, `0,35`).
    public static func number(_ value: Double, maximumDecimals: Int = 2) -> String {
        var text = decimal(value, decimals: maximumDecimals)
        guard text.contains(",") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(",") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// An ISO date as Dutch readers write it: `2013-05-20` → `20-05-2013`; anything else as is.
    public static func date(_ iso: String) -> String {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return iso }
        return "\(parts[2])-\(parts[1])-\(parts[0])"
    }

    /// `digits` with a `.` before every group of three from the right.
    private static func grouped(_ digits: Substring) -> String {
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(".") }
            text.append(digit)
        }
        return text
    }
}
