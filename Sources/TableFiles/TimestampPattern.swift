import Support

/// A small date-time pattern in Unicode notation, parsed without Foundation so that the result
/// never depends on the machine's locale or time zone. Survey timestamps are local times as the
/// tool wrote them and are stored as ISO 8601 without a zone (`2012-05-14T09:31:00`); webcare logs
/// read the same notation into `Components`, with the zone offset when the text carries one.
///
/// Letters: `yyyy` (four-digit year), `yy` (two-digit year, 20yy), `M`/`MM` (month),
/// `d`/`dd` (day), `H`/`HH` (hour 0–23), `mm` (minutes), `ss` (seconds), `S`… (a fraction of a
/// second, one or more digits, not kept), `XXX` (`Z` or `+01:00`), `XX` (`Z` or `+0100`), `xxx`
/// and `xx` (the same without `Z`). A single letter accepts one or two digits, a double one
/// exactly two. `[...]` makes a part optional (`dd-MM-yyyy HH:mm[:ss]`); `'...'` is literal text
/// (`yyyy-MM-dd'T'HH:mm`); any other non-letter is literal.
public struct TimestampPattern: Sendable, Hashable, CustomStringConvertible {
    public let text: String
    private let elements: [Element]

    public var description: String { text }

    private indirect enum Element: Sendable, Hashable {
        case field(Field, minimumDigits: Int, maximumDigits: Int)
        /// A literal character as UTF-8 bytes (timestamps are matched byte by byte).
        case literal([UInt8])
        case optional([Element])
    }

    private enum Field: Int, Sendable, Hashable, CaseIterable {
        case year4, year2, month, day, hour, minute, second, fraction
        /// Offsets: `XXX`/`xxx` with a colon, `XX`/`xx` without; the X forms also accept `Z`.
        case offsetColon, offsetColonOrZ, offsetCompact, offsetCompactOrZ
    }

    /// The fields of one timestamp: a valid date and time, and the offset from UTC in seconds
    /// when the text names one (`nil`: a local time).
    public struct Components: Sendable, Hashable {
        public var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
        public var offsetSeconds: Int?

        public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, offsetSeconds: Int? = nil) {
            self.year = year
            self.month = month
            self.day = day
            self.hour = hour
            self.minute = minute
            self.second = second
            self.offsetSeconds = offsetSeconds
        }

        /// `2012-05-14T09:31:00`, the time as written (without its offset).
        public var iso8601: String {
            "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
        }

        /// Days from 1970-01-01 to the date (proleptic Gregorian calendar), negative before.
        public var daysSince1970: Int { CivilDate.days(year: year, month: month, day: day) }

        /// Seconds from 1970-01-01T00:00:00 to the time as written, ignoring any offset.
        public var wallClockSeconds: Int { daysSince1970 * 86_400 + hour * 3_600 + minute * 60 + second }
    }

    public struct PatternError: Error, CustomStringConvertible, Sendable {
        public var pattern: String
        public var problem: String
        public var description: String {
            "timestamp format \"\(pattern)\": \(problem); supported: yyyy yy M MM d dd H HH mm ss S XXX XX xxx xx, literals, [optional part], 'quoted text'"
        }
    }

    public init(_ text: String) throws(PatternError) {
        self.text = text
        var characters = Array(text)[...]
        elements = try Self.compile(&characters, pattern: text, nested: false)
        let fields = Self.fields(in: elements)
        guard fields.contains(.year4) || fields.contains(.year2), fields.contains(.month), fields.contains(.day) else {
            throw PatternError(pattern: text, problem: "a year, a month and a day are required")
        }
    }

    private static func compile(_ characters: inout ArraySlice<Character>, pattern: String, nested: Bool) throws(PatternError) -> [Element] {
        var elements: [Element] = []
        while let character = characters.first {
            if character == "]" {
                guard nested else { throw PatternError(pattern: pattern, problem: "\"]\" without \"[\"") }
                characters.removeFirst()
                return elements
            }
            if character == "[" {
                characters.removeFirst()
                let inner = try compile(&characters, pattern: pattern, nested: true)
                elements.append(.optional(inner))
                continue
            }
            if character == "'" {
                characters.removeFirst()
                guard let end = characters.firstIndex(of: "'") else {
                    throw PatternError(pattern: pattern, problem: "a quote ' is not closed")
                }
                elements += characters[..<end].map { .literal(Array(String($0).utf8)) }
                characters = characters[(end + 1)...]
                continue
            }
            if character.isLetter {
                let run = characters.prefix(while: { $0 == character }).count
                characters.removeFirst(run)
                switch (character, run) {
                case ("y", 4): elements.append(.field(.year4, minimumDigits: 4, maximumDigits: 4))
                case ("y", 2): elements.append(.field(.year2, minimumDigits: 2, maximumDigits: 2))
                case ("M", 1...2): elements.append(.field(.month, minimumDigits: run, maximumDigits: 2))
                case ("d", 1...2): elements.append(.field(.day, minimumDigits: run, maximumDigits: 2))
                case ("H", 1...2): elements.append(.field(.hour, minimumDigits: run, maximumDigits: 2))
                case ("m", 2): elements.append(.field(.minute, minimumDigits: 2, maximumDigits: 2))
                case ("s", 2): elements.append(.field(.second, minimumDigits: 2, maximumDigits: 2))
                case ("S", _): elements.append(.field(.fraction, minimumDigits: 1, maximumDigits: 9))
                case ("X", 3): elements.append(.field(.offsetColonOrZ, minimumDigits: 0, maximumDigits: 0))
                case ("X", 2): elements.append(.field(.offsetCompactOrZ, minimumDigits: 0, maximumDigits: 0))
                case ("x", 3): elements.append(.field(.offsetColon, minimumDigits: 0, maximumDigits: 0))
                case ("x", 2): elements.append(.field(.offsetCompact, minimumDigits: 0, maximumDigits: 0))
                default:
                    throw PatternError(pattern: pattern, problem: "\"\(String(repeating: character, count: run))\" is not supported")
                }
                continue
            }
            characters.removeFirst()
            elements.append(.literal(Array(String(character).utf8)))
        }
        if nested { throw PatternError(pattern: pattern, problem: "\"[\" without \"]\"") }
        return elements
    }

    private static func fields(in elements: [Element]) -> Set<Field> {
        var result: Set<Field> = []
        for element in elements {
            switch element {
            case .field(let field, _, _): result.insert(field)
            case .optional(let inner): result.formUnion(fields(in: inner))
            case .literal: break
            }
        }
        return result
    }

    /// The ISO 8601 form (`2012-05-14T09:31:00`) of `text`, or `nil` when it does not match the
    /// pattern or names an impossible date or time. Surrounding spaces are ignored; an offset in
    /// the text is checked but not applied (the time stays as written).
    public func iso8601(_ text: String) -> String? {
        components(text)?.iso8601
    }

    /// The fields of `text`, or `nil` when it does not match the pattern or names an impossible
    /// date or time. Surrounding spaces are ignored.
    public func components(_ text: String) -> Components? {
        var text = text
        // Bytes below 0x21 or above 0x7F at either end may be white space: trim only then.
        if let first = text.utf8.first, let last = text.utf8.last, !(0x21...0x7F).contains(first) || !(0x21...0x7F).contains(last) {
            text = text.trimmingSpaces
        }
        return text.withUTF8 { components(bytes: $0) }
    }

    /// The fields of UTF-8 `bytes` (no surrounding spaces), without making a `String`.
    public func components(bytes: UnsafeBufferPointer<UInt8>) -> Components? {
        var values = (0..<Field.allCases.count).map { _ in -1 }
        guard let end = Self.match(elements[...], bytes, from: 0, values: &values), end == bytes.count else { return nil }
        func value(_ field: Field) -> Int? { values[field.rawValue] >= 0 ? values[field.rawValue] : nil }
        let year = value(.year4) ?? value(.year2).map { 2000 + $0 }
        guard let year, let month = value(.month), let day = value(.day) else { return nil }
        let hour = value(.hour) ?? 0, minute = value(.minute) ?? 0, second = value(.second) ?? 0
        guard (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: year)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        var offset: Int?
        for field in [Field.offsetColon, .offsetColonOrZ, .offsetCompact, .offsetCompactOrZ] {
            if let encoded = value(field) { offset = encoded - Self.offsetBias }
        }
        return Components(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offsetSeconds: offset)
    }

    /// Offsets are stored among the non-negative field values with this bias added.
    private static let offsetBias = 86_400

    /// Matches elements against bytes from `start`; returns where the match ended.
    /// An optional part is taken when it matches and the rest matches after it.
    private static func match(_ elements: ArraySlice<Element>, _ bytes: UnsafeBufferPointer<UInt8>, from start: Int,
                              values: inout [Int]) -> Int? {
        guard let element = elements.first else { return start }
        let rest = elements.dropFirst()
        switch element {
        case .literal(let expected):
            guard start + expected.count <= bytes.count, bytes[start..<(start + expected.count)].elementsEqual(expected) else { return nil }
            return match(rest, bytes, from: start + expected.count, values: &values)
        case .field(let field, let minimum, let maximum):
            if field.rawValue >= Field.offsetColon.rawValue {
                guard let (offset, end) = Self.offset(field, bytes, from: start) else { return nil }
                values[field.rawValue] = offset + offsetBias
                return match(rest, bytes, from: end, values: &values)
            }
            var position = start
            var value = 0
            while position < bytes.count, position - start < maximum, bytes[position] >= 0x30, bytes[position] <= 0x39 {
                value = value * 10 + Int(bytes[position] - 0x30)
                position += 1
            }
            guard position - start >= minimum else { return nil }
            values[field.rawValue] = value
            return match(rest, bytes, from: position, values: &values)
        case .optional(let inner):
            var tried = values
            if let afterInner = match(inner[...], bytes, from: start, values: &tried),
               let end = match(rest, bytes, from: afterInner, values: &tried) {
                values = tried
                return end
            }
            return match(rest, bytes, from: start, values: &values)
        }
    }

    /// A zone offset at `start`: `Z` (when the field allows it) or a sign, two digits of hours,
    /// an optional or required colon, two digits of minutes; at most 18 hours either way.
    private static func offset(_ field: Field, _ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (Int, Int)? {
        guard start < bytes.count else { return nil }
        if bytes[start] == UInt8(ascii: "Z") {
            return field == .offsetColonOrZ || field == .offsetCompactOrZ ? (0, start + 1) : nil
        }
        let sign: Int
        switch bytes[start] {
        case UInt8(ascii: "+"): sign = 1
        case UInt8(ascii: "-"), 0xE2: sign = -1  // 0xE2: the start of U+2212 MINUS SIGN
        default: return nil
        }
        var position = start + (bytes[start] == 0xE2 ? 3 : 1)
        if bytes[start] == 0xE2 {
            guard start + 2 < bytes.count, bytes[start + 1] == 0x88, bytes[start + 2] == 0x92 else { return nil }
        }
        func twoDigits() -> Int? {
            guard position + 1 < bytes.count, (0x30...0x39).contains(bytes[position]), (0x30...0x39).contains(bytes[position + 1]) else { return nil }
            defer { position += 2 }
            return Int(bytes[position] - 0x30) * 10 + Int(bytes[position + 1] - 0x30)
        }
        guard let hours = twoDigits() else { return nil }
        let colon = field == .offsetColon || field == .offsetColonOrZ
        if colon {
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return nil }
            position += 1
        }
        guard let minutes = twoDigits(), hours <= 18, minutes < 60 else { return nil }
        return (sign * (hours * 3_600 + minutes * 60), position)
    }
}

extension String {
    /// Without the white space around it (for cells of any export).
    package var trimmingSpaces: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
