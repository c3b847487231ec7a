/// Rounding as the reports do it: half up, never banker's rounding.
public enum Rounding {
    /// `value` rounded half up (away from zero) to `decimals` places: 2.5 → 3, 8.55 → 8.6.
    public static func halfUp(_ value: Double, decimals: Int = 0) -> Double {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        // The small nudge absorbs binary representation error (8.55 is stored as 8.5499…).
        let magnitude = (abs(value) * scale + 0.5 + 1e-9).rounded(.down) / scale
        return value < 0 ? -magnitude : magnitude
    }

    /// Integer percentage of `part` in `whole`, rounded half up, in exact integer arithmetic.
    public static func percent(_ part: Int, of whole: Int) -> Int? {
        guard whole > 0 else { return nil }
        return (200 * part + whole) / (2 * whole)
    }

    /// The shortest text that reads back to the same double, without a needless `.0`:
    /// `52`, `0.6`, `1e-05`. For values as given (scenario inputs), not for rounded figures.
    public static func shortest(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// Fixed-point text with a decimal point, locale-independent and deterministic (`8.6`).
    public static func fixed(_ value: Double, decimals: Int) -> String {
        let rounded = halfUp(value, decimals: decimals)
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let negative = rounded < 0
        let units = Int((abs(rounded) * scale).rounded())
        let whole = units / Int(scale)
        let fraction = units % Int(scale)
        var text = String(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return negative && units != 0 ? "-" + text : text
    }
}
