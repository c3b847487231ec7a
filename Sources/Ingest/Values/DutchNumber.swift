import Core
import Support

/// Numbers as Dutch respondents type them. The digits follow `Support.DutchNumberText` (the rules
/// the command line and the site's ROI calculator use too); this adds what respondents write
/// around them.
///
/// - `,` is the decimal comma: `4,19` → 4.19, and also `1,212` → 1.212.
/// - `.` is the thousands dot when it is followed by exactly three digits and preceded by one to
///   three digits not starting with 0: `1.212` → 1212, `12.345.678` → 12345678, `1.212,5` → 1212.5.
/// - A dot that cannot be a thousands dot is a decimal point: `1.5` → 1.5, `4.19` → 4.19,
///   `0.500` → 0.5. Respondents who type English decimals mean a decimal; there is no Dutch
///   reading of `1.5` to confuse it with, so the value is kept and not flagged.
///   Only `x.yyy` is truly ambiguous, and Dutch notation decides it: thousands.
/// - With both `.` and `,`, the last one is the decimal separator (`1.212,5`, `1,212.5`).
/// - Spaces may group thousands (`10 000`); `%` after a number is allowed (`25%`).
/// - `ca. 300`, `circa 300`, `± 250`, `+/- 250`, `~250`, `ongeveer 300`, `plm. 300`, `>300`,
///   `meer dan 300`, `300+` keep the value and flag it approximate; a range `200-300` or
///   `200 tot 300` is read as its midpoint, approximate.
/// - A whole part of two or more digits starting with 0 (`0612345678`, `06-87654321`) is not a
///   count or an amount but most likely a phone number typed in the wrong field: invalid.
///   `0`, `0,5` and `0.500` are numbers.
/// - Empty, `-`, `onbekend`, `n.v.t.`, `nvt`, `weet niet`, `n.b.` are missing (not zero);
///   `geen` is 0.
public enum DutchNumber {
    public enum Reading: Sendable, Hashable {
        case value(Double, approximate: Bool)
        case missing
        case invalid
    }

    /// Shown in messages about numbers that could not be read.
    public static let acceptedForms =
        "a number such as 1.212, 4,19, 1.212,5, ca. 300, ± 250, 300+ or 200-300 (not starting with 0, as phone numbers do), or onbekend / n.v.t. / empty for no answer"

    /// Answers that mean "not answered", folded (see `TextFolding.label`).
    public static let missingWords: Set<String> = ["", "-", "–", "—", "?", "onbekend", "n.v.t.", "n.v.t", "nvt", "n.b.", "nb", "weet niet", "weet ik niet"]

    private static let zeroWords: Set<String> = ["geen"]

    // Longest first, so `+/-` is not taken for `+`.
    private static let approximatePrefixes = [
        "meer dan", "minder dan", "ongeveer", "circa", "ong.", "plm.", "+/-", "ruim", "bijna", "ca.",
        "plm", "+-", ">=", "<=", "ca", "±", "~", "≈", ">", "<", "≥", "≤",
    ]

    /// Reads one answer. `extraMissing` holds further folded labels meaning "not answered".
    public static func read(_ text: String, extraMissing: Set<String> = []) -> Reading {
        // Most answers are digits with at most a thousands dot and a decimal comma (`1.212`,
        // `4,19`). Folding leaves such text as it is and no word or mark applies to it, so it
        // is read directly: same result, without the cost of folding (a big export has
        // millions of them). A missing label from the mapping (`999`) still wins.
        if text.isEmpty { return .missing }
        if text.utf8.allSatisfy(isPlainNumberByte), extraMissing.isEmpty || !extraMissing.contains(text) {
            let value = text.utf8.withContiguousStorageIfAvailable(plain(bytes:)) ?? plain(Substring(text))
            return value.map { .value($0, approximate: false) } ?? .invalid
        }
        let folded = TextFolding.label(text)
        if missingWords.contains(folded) || extraMissing.contains(folded) { return .missing }
        if zeroWords.contains(folded) { return .value(0, approximate: false) }

        var rest = Substring(folded)
        var approximate = false
        for prefix in approximatePrefixes where rest.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count).drop(while: { $0 == " " })
            approximate = true
            break
        }
        if rest.hasSuffix("+") {
            rest = Substring(String(rest.dropLast()).trimmingSpaces)
            approximate = true
        }
        if rest.hasSuffix("%") {
            rest = Substring(String(rest.dropLast()).trimmingSpaces)
        }
        if let value = plain(rest) { return .value(value, approximate: approximate) }
        if let value = range(rest) { return .value(value, approximate: true) }
        return .invalid
    }

    /// `200-300`, `200 - 300`, `200 tot 300` → the midpoint.
    private static func range(_ text: Substring) -> Double? {
        for separator in [" tot ", " à ", " a ", "-", "–"] {
            guard let found = text.range(of: separator) else { continue }
            let low = Substring(String(text[..<found.lowerBound]).trimmingSpaces)
            let high = Substring(String(text[found.upperBound...]).trimmingSpaces)
            guard let lower = plain(low), let upper = plain(high), lower <= upper else { return nil }
            return (lower + upper) / 2
        }
        return nil
    }

    /// A number without any marks: digits with Dutch or English separators (see above).
    static func plain(_ text: Substring) -> Double? {
        var negative = false
        var body = text
        if body.hasPrefix("-") || body.hasPrefix("−") {
            negative = true
            body = body.dropFirst()
        }
        let value = body.utf8.withContiguousStorageIfAvailable(plain(bytes:))
            ?? Array(body.utf8).withUnsafeBufferPointer(plain(bytes:))
        guard let value else { return nil }
        return negative ? -value : value
    }

    /// The digit rules are `Support.DutchNumberText`'s: one set for exports, options and the site.
    @inline(__always)
    private static func plain(bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        DutchNumberText.plain(utf8: bytes)
    }

    private static let dot = UInt8(ascii: ".")
    private static let comma = UInt8(ascii: ",")
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isPlainNumberByte(_ byte: UInt8) -> Bool { isDigit(byte) || byte == dot || byte == comma }
}
