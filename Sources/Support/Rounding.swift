/// Rounding as the reports do it: half up, never banker's rounding, on the decimal value.
///
/// "The decimal value" of a double is the shortest decimal text that reads back to it (what
/// `description` prints): 8.55 is stored as 8.5499999999999998…, but it was written, computed
/// and shown as 8.55, so it rounds to 8.6. Rounding works on those digits, so no nudge is needed
/// and no value is too large: any finite double gives its digits, in full.
public enum Rounding {
    /// `value` rounded half up (away from zero) to `decimals` places: 2.5 → 3, 8.55 → 8.6.
    /// Not-finite values come back as they are.
    public static func halfUp(_ value: Double, decimals: Int = 0) -> Double {
        guard value.isFinite else { return value }
        return Double(fixed(value, decimals: decimals)) ?? value
    }

    /// Integer percentage of `part` in `whole`, rounded half up, in exact integer arithmetic.
    public static func percent(_ part: Int, of whole: Int) -> Int? {
        guard whole > 0 else { return nil }
        let (doubled, overflow) = part.multipliedReportingOverflow(by: 200)
        guard !overflow, doubled <= Int.max - whole else {
            // Counts this large do not occur; answer in floating point rather than trap.
            return Int(halfUp(Double(part) / Double(whole) * 100))
        }
        return (doubled + whole) / (2 * whole)
    }

    /// The shortest text that reads back to the same double, without a needless `.0`:
    /// `52`, `0.6`, `1e-05`. For values as given (scenario inputs), not for rounded figures.
    public static func shortest(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// Fixed-point text with a decimal point, locale-independent and deterministic: (8.55, 1) →
    /// `8.6`, (1e20, 0) → `100000000000000000000`. A value that rounds to zero has no sign
    /// (`-0.04` → `0.0`). Never traps: NaN and infinities give `nan`, `inf` and `-inf` (callers
    /// that show numbers to people decide what to say instead).
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        let decimals = max(decimals, 0)
        if decimals <= 6, let text = fastFixed(value, decimals: decimals) { return text }
        return DecimalDigits(value.magnitude).rounded(decimals: decimals).text(negative: value < 0, decimals: decimals)
    }

    private static let powersOfTen: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]

    /// The common case without text: when |value| × 10^decimals is below 10^9 and not within
    /// 10^-6 of a half, its floating-point error (under 10^-6 there) cannot move it across the
    /// half, so rounding the binary value gives the same digits as rounding the decimal one.
    @inline(__always)
    private static func fastFixed(_ value: Double, decimals: Int) -> String? {
        let scale = powersOfTen[decimals]
        let scaled = value.magnitude * scale
        guard scaled < 1e9 else { return nil }
        let whole = scaled.rounded(.down)
        let fraction = scaled - whole
        guard abs(fraction - 0.5) > 1e-6 else { return nil }
        let units = Int(whole) + (fraction > 0.5 ? 1 : 0)
        let unitScale = Int(scale)
        var text = String(units / unitScale)
        if decimals > 0 {
            let digits = String(units % unitScale)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return value < 0 && units != 0 ? "-" + text : text
    }
}

/// The digits of a non-negative finite double's shortest decimal text, with the place of the
/// decimal point: 8.55 → digits 855, point 1; 1e-05 → digits 1, point −4.
struct DecimalDigits {
    /// ASCII digits without leading zeros (empty for zero).
    var digits: [UInt8]
    /// How many of `digits` stand before the decimal point (may be negative or exceed the count).
    var point: Int

    init(_ magnitude: Double) {
        var mantissa: [UInt8] = []
        var point = 0
        var exponent = 0
        var seenPoint = false
        var inExponent = false
        var exponentSign = 1
        for byte in magnitude.description.utf8 {
            switch byte {
            case UInt8(ascii: "."): seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
            case UInt8(ascii: "-") where inExponent: exponentSign = -1
            case UInt8(ascii: "+"): break
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inExponent {
                    exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
                } else {
                    mantissa.append(byte)
                    if !seenPoint { point += 1 }
                }
            default: break
            }
        }
        // Leading zeros (0.05 → 005, point 1) move the point; trailing zeros after it are noise.
        while let first = mantissa.first, first == UInt8(ascii: "0") {
            mantissa.removeFirst()
            point -= 1
        }
        while mantissa.count > max(point, 0), let last = mantissa.last, last == UInt8(ascii: "0") { mantissa.removeLast() }
        self.digits = mantissa
        self.point = mantissa.isEmpty ? 0 : point + exponentSign * exponent
    }

    /// Half up at `decimals` places after the point.
    func rounded(decimals: Int) -> DecimalDigits {
        let keep = point + decimals
        guard keep < digits.count else { return self }
        var result = self
        guard keep >= 0 else {
            result.digits = []
            return result
        }
        let roundUp = digits[keep] >= UInt8(ascii: "5")
        result.digits = Array(digits[..<keep])
        if roundUp {
            var index = keep - 1
            while index >= 0, result.digits[index] == UInt8(ascii: "9") {
                result.digits[index] = UInt8(ascii: "0")
                index -= 1
            }
            if index >= 0 {
                result.digits[index] += 1
            } else {
                result.digits.insert(UInt8(ascii: "1"), at: 0)
                result.point += 1
            }
        }
        if !result.digits.contains(where: { $0 != UInt8(ascii: "0") }) { result.digits = [] }
        return result
    }

    /// `123.40` for digits 1234, point 3, two decimals.
    func text(negative: Bool, decimals: Int) -> String {
        var bytes: [UInt8] = []
        if negative && !digits.isEmpty { bytes.append(UInt8(ascii: "-")) }
        func digit(_ index: Int) -> UInt8 { index >= 0 && index < digits.count ? digits[index] : UInt8(ascii: "0") }
        if point <= 0 || digits.isEmpty {
            bytes.append(UInt8(ascii: "0"))
        } else {
            for index in 0..<point { bytes.append(digit(index)) }
        }
        if decimals > 0 {
            bytes.append(UInt8(ascii: "."))
            let start = digits.isEmpty ? 0 : point
            for index in start..<(start + decimals) { bytes.append(digits.isEmpty ? UInt8(ascii: "0") : digit(index)) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
