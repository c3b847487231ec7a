/// Numbers as people type them in Dutch: one set of rules for the survey exports (Ingest's
/// `DutchNumber` reads every answer with `plain(utf8:)`), the command line's options (`meetlat roi
/// --vary contacts_moved=4.000..14.000`, `--target 25 %`, `meetlat kpi --reached 12.000`) and the
/// site's ROI calculator (`assets/roi.js` implements `read` line for line). The shared test
/// vectors are `Tests/Vectors/dutch-numbers.json`; both readers must give every one of them.
///
/// The digits (`plain`):
/// - `,` is the decimal comma: `4,19` → 4.19, `0,15` → 0.15, `1,212` → 1.212.
/// - `.` is a thousands dot when it is followed by exactly three digits and preceded by one to
///   three digits not starting with 0: `12.000` → 12000, `1.234.567` → 1234567, `2.400,50` → 2400.5.
/// - A dot that cannot be a thousands dot is a decimal point: `1.5` → 1.5, `0.500` → 0.5.
/// - With both `.` and `,`, the last one is the decimal separator (`1.212,5`, `1,212.5`); the
///   other groups thousands, in groups of three.
/// - Spaces may group thousands instead (`10 000`), never beside dots or commas that group.
/// - A whole part of two or more digits starting with 0 (`012`, `0612345678`) is not a number
///   (most likely a phone number in the wrong field); `0`, `0,5` and `0.500` are numbers.
/// - No exponents (`1e5`), no letters, nothing empty; the value must be finite.
///
/// Around the digits (`read`): spaces (also non-breaking ones) at either end; one sign, `-` or
/// `−` (or `+`), before the digits or before `€`; `€` before the digits (`€ 2.400`, `€2.400`,
/// `-€ 5`, `€ -5`); `,-` after whole euros (`€ 2.400,-`); `%` after the digits (`15 %`, `15%`).
/// Not `€` and `%` together.
public enum DutchNumberText {
    /// What was read: the number as written (`15 %` → 15, percent), and the marks around it.
    public struct Reading: Sendable, Equatable {
        public var value: Double
        /// Written with `%`: the caller decides what that means (a fraction 0.15, or percent units).
        public var percent: Bool
        /// Written with `€` or `,-`.
        public var euro: Bool

        public init(value: Double, percent: Bool = false, euro: Bool = false) {
            self.value = value
            self.percent = percent
            self.euro = euro
        }
    }

    /// Shown in messages about numbers that could not be read.
    public static let expected = "a number such as 12.000, 0,15, 2.400,50, 15 % or € 2.400"

    /// Reads one typed number; nil when it is not one.
    public static func read(_ text: String) -> Reading? {
        var scalars = Substring(text).unicodeScalars.map { isSpace($0) ? " " : $0 }[...]
        func trim() {
            while scalars.first == " " { scalars.removeFirst() }
            while scalars.last == " " { scalars.removeLast() }
        }
        trim()
        var negative = false, signed = false, euro = false, percent = false
        func takeSign() {
            guard !signed, let first = scalars.first, first == "-" || first == "−" || first == "+" else { return }
            negative = first != "+"
            signed = true
            scalars.removeFirst()
        }
        takeSign()
        if scalars.first == "€" {
            euro = true
            scalars.removeFirst()
            trim()
            takeSign()
        }
        if scalars.last == "%" {
            percent = true
            scalars.removeLast()
            trim()
        } else if scalars.count >= 2, scalars.last == "-" || scalars.last == "–", scalars[scalars.endIndex - 2] == "," {
            euro = true
            scalars.removeLast(2)
        }
        guard !(euro && percent), let first = scalars.first, first != " " else { return nil }
        // Only digits and separators remain for `plain`; anything else is not a number.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars {
            guard scalar.isASCII else { return nil }
            bytes.append(UInt8(scalar.value))
        }
        guard let magnitude = bytes.withUnsafeBufferPointer(plain(utf8:)) else { return nil }
        return Reading(value: negative ? -magnitude : magnitude, percent: percent, euro: euro)
    }

    /// Spaces people type or paste between a number and its marks.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\u{00A0}" || scalar == "\u{202F}" || scalar == "\u{2009}"
    }

    /// The digits with their separators (see the type's rules), without sign or marks; nil when
    /// they are not a number. Inlinable: Ingest reads millions of cells with it.
    @inlinable
    public static func plain(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard !bytes.isEmpty else { return nil }
        var dots = 0
        var commas = 0
        var spaces = 0
        var lastSeparator: UInt8 = 0
        for byte in bytes {
            switch byte {
            case dot: dots += 1; lastSeparator = dot
            case comma: commas += 1; lastSeparator = comma
            case space: spaces += 1
            default: guard isDigit(byte) else { return nil }
            }
        }

        var decimal: UInt8?
        var thousands: UInt8?
        if dots > 0 && commas > 0 {
            decimal = lastSeparator
            thousands = lastSeparator == dot ? comma : dot
            guard (lastSeparator == dot ? dots : commas) == 1 else { return nil }
        } else if commas == 1 {
            decimal = comma
        } else if commas > 1 {
            thousands = comma
        } else if dots == 1 {
            thousands = isGrouping(bytes[...], separator: dot) ? dot : nil
            decimal = thousands == nil ? dot : nil
        } else if dots > 1 {
            thousands = dot
        }
        if spaces > 0 {
            guard thousands == nil else { return nil }   // one grouping style per number
            thousands = space
        }

        var integerPart = bytes[...]
        var fractionPart = bytes[bytes.endIndex...]
        if let decimal, let index = bytes.firstIndex(of: decimal) {
            integerPart = bytes[..<index]
            fractionPart = bytes[(index + 1)...]
            guard !fractionPart.isEmpty, fractionPart.allSatisfy(isDigit) else { return nil }
        }
        if let thousands {
            guard isGrouping(integerPart, separator: thousands) else { return nil }
        } else {
            guard integerPart.allSatisfy(isDigit), integerPart.count < 2 || integerPart.first != zero else { return nil }
        }
        guard !integerPart.isEmpty || !fractionPart.isEmpty else { return nil }
        guard let value = value(integerPart, fractionPart), value.isFinite else { return nil }
        return value
    }

    /// The value of the digits of `integerPart` (separators skipped) and `fractionPart`.
    /// Up to 15 digits the digits are an exact integer and 10^fraction digits an exact power, so
    /// one division is correctly rounded: the same double as `Double("1212.5")` (and as
    /// JavaScript's `Number("1212.5")`), without text.
    @usableFromInline
    static func value(_ integerPart: Slice<UnsafeBufferPointer<UInt8>>, _ fractionPart: Slice<UnsafeBufferPointer<UInt8>>) -> Double? {
        var mantissa: UInt64 = 0
        var digits = 0
        for byte in integerPart where isDigit(byte) {
            mantissa = mantissa &* 10 &+ UInt64(byte - zero)
            digits += 1
        }
        for byte in fractionPart {
            mantissa = mantissa &* 10 &+ UInt64(byte - zero)
            digits += 1
        }
        if digits <= 15 {
            return Double(mantissa) / powersOfTen[fractionPart.count]
        }
        var literal = String(decoding: integerPart.filter(isDigit), as: UTF8.self)
        if literal.isEmpty { literal = "0" }
        if !fractionPart.isEmpty { literal += "." + String(decoding: fractionPart, as: UTF8.self) }
        return Double(literal)
    }

    @usableFromInline
    static let powersOfTen: [Double] = (0...15).map { exponent in
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }

    /// `1`, `12.345`, `1.234.567`: a first group of 1–3 digits not starting with 0 (unless it is
    /// the only digit of a lone group), every further group exactly 3 digits.
    @usableFromInline
    static func isGrouping(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, separator: UInt8) -> Bool {
        var groups = 0
        var length = 0
        var firstStartsWithZero = false
        for byte in bytes {
            if byte == separator {
                guard groups == 0 ? (1...3).contains(length) : length == 3 else { return false }
                groups += 1
                length = 0
            } else {
                guard isDigit(byte) else { return false }
                if groups == 0 && length == 0 && byte == zero { firstStartsWithZero = true }
                length += 1
            }
        }
        if groups == 0 { return (1...3).contains(length) }
        return length == 3 && !firstStartsWithZero
    }

    @usableFromInline static let dot = UInt8(ascii: ".")
    @usableFromInline static let comma = UInt8(ascii: ",")
    @usableFromInline static let space = UInt8(ascii: " ")
    @usableFromInline static let zero = UInt8(ascii: "0")
    @usableFromInline static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
