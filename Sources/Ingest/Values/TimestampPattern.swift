/// A small date-time pattern in Unicode notation, parsed without Foundation so that the result
/// never depends on the machine's locale or time zone. Timestamps are local times as the survey
/// tool wrote them and are stored as ISO 8601 without a zone (`2012-05-14T09:31:00`).
///
/// Letters: `yyyy` (four-digit year), `yy` (two-digit year, 20yy), `M`/`MM` (month),
/// `d`/`dd` (day), `H`/`HH` (hour 0–23), `mm` (minutes), `ss` (seconds). A single letter
/// accepts one or two digits, a double one exactly two. `[...]` makes a part optional
/// (`dd-MM-yyyy HH:mm[:ss]`); `'...'` is literal text (`yyyy-MM-dd'T'HH:mm`); any other
/// non-letter is literal.
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

    private enum Field: Int, Sendable, Hashable, CaseIterable { case year4, year2, month, day, hour, minute, second }

    public struct PatternError: Error, CustomStringConvertible, Sendable {
        public var pattern: String
        public var problem: String
        public var description: String {
            "timestamp format \"\(pattern)\": \(problem); supported: yyyy yy M MM d dd H HH mm ss, literals, [optional part], 'quoted text'"
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
    /// pattern or names an impossible date or time. Surrounding spaces are ignored.
    public func iso8601(_ text: String) -> String? {
        var values = Array(repeating: -1, count: Field.allCases.count)
        let bytes = Array(text.trimmingSpaces.utf8)
        guard let end = Self.match(elements[...], bytes, from: 0, values: &values), end == bytes.count else { return nil }
        func value(_ field: Field) -> Int? { values[field.rawValue] >= 0 ? values[field.rawValue] : nil }
        let year = value(.year4) ?? value(.year2).map { 2000 + $0 }
        guard let year, let month = value(.month), let day = value(.day) else { return nil }
        let hour = value(.hour) ?? 0, minute = value(.minute) ?? 0, second = value(.second) ?? 0
        guard (1...12).contains(month), (1...Self.days(in: month, of: year)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
    }

    /// Matches elements against bytes from `start`; returns where the match ended.
    /// An optional part is taken when it matches and the rest matches after it.
    private static func match(_ elements: ArraySlice<Element>, _ bytes: [UInt8], from start: Int,
                              values: inout [Int]) -> Int? {
        guard let element = elements.first else { return start }
        let rest = elements.dropFirst()
        switch element {
        case .literal(let expected):
            guard start + expected.count <= bytes.count, bytes[start..<(start + expected.count)].elementsEqual(expected) else { return nil }
            return match(rest, bytes, from: start + expected.count, values: &values)
        case .field(let field, let minimum, let maximum):
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

    private static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
