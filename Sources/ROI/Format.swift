import Support

/// Text for numbers in reports: locale-independent (`Support.Rounding`), safe for any double.
public enum Format {
    /// Whole euros: `12346`, `-500`.
    public static func money(_ value: Double) -> String { fixed(value, decimals: 0) }

    /// A fraction as a percentage with one decimal: 0.375 → `37.5%`.
    public static func percent(_ fraction: Double?) -> String {
        guard let fraction, fraction.isFinite else { return "n/a" }
        return fixed(fraction * 100, decimals: 1) + "%"
    }

    /// A difference of fractions in percentage points with a sign: 0.02 → `+2.0 pp`.
    public static func percentagePoints(_ fraction: Double) -> String {
        let text = fixed(fraction * 100, decimals: 1)
        return (fraction * 100 >= 0.05 ? "+" : "") + text + " pp"
    }

    /// Payback in years with two decimals, or that it does not happen within the horizon.
    public static func years(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "not within the horizon" }
        return fixed(value, decimals: 2) + " years"
    }

    /// An input value as given (shortest exact text): `0.6`, `5.5`, `52`.
    public static func value(_ value: Double) -> String { Rounding.shortest(value) }

    /// `Rounding.fixed` (every digit, however large); `n/a` for what is not a number.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "∞" : "-∞") }
        return Rounding.fixed(value, decimals: decimals)
    }
}
