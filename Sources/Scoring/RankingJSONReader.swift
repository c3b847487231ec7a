import Foundation

/// A direct reader of `Rankings/<year>.json` as `meetlat score` writes it, for speed: Foundation's
/// `JSONDecoder` spends about a microsecond per value on its generic containers, a tenth of
/// `meetlat site`'s time for a 15-year archive. It reads only what it is sure of — the keys of
/// `Ranking` and its parts, plain strings (no `\u` escapes), whole numbers, each key once — and
/// gives up (nil) on anything else, so that `JSONDecoder` reads that file and reports its problems
/// exactly as before. The small objects at the top (the uncertainty summary, the provenance, the
/// observation report; checked when decoded) are always left to `JSONDecoder`.
struct RankingJSONReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The ranking in `data`, or nil when it holds anything this reader does not handle.
    static func read(_ data: Data) -> Ranking? {
        data.withUnsafeBytes { raw in
            var reader = RankingJSONReader(raw.bindMemory(to: UInt8.self))
            guard let ranking = reader.ranking() else { return nil }
            reader.skipSpace()
            return reader.index == reader.bytes.count ? ranking : nil
        }
    }

    // MARK: The ranking's types

    private mutating func ranking() -> Ranking? {
        var year: Int?, model: String?, maximum: Int?, parts: [ScorePart]?, entries: [RankedGemeente]?
        var uncertainty: UncertaintySummary??, provenance: [ProvenanceNote]??, observations: ObservationReport??
        let complete = object { reader, key in
            switch key {
            case "year": return Self.once(&year, reader.int())
            case "model": return Self.once(&model, reader.string())
            case "maximum": return Self.once(&maximum, reader.int())
            case "parts": return Self.once(&parts, reader.array { $0.scorePart() })
            case "entries": return Self.once(&entries, reader.array { $0.rankedGemeente() })
            case "uncertainty": return Self.once(&uncertainty, reader.nullOr { $0.decoded(UncertaintySummary.self) })
            case "provenance": return Self.once(&provenance, reader.nullOr { $0.decoded([ProvenanceNote].self) })
            case "observations": return Self.once(&observations, reader.nullOr { $0.decoded(ObservationReport.self) })
            default: return false
            }
        }
        guard complete, let year, let model, let maximum, let parts, let entries else { return nil }
        return Ranking(year: year, model: model, maximum: maximum, parts: parts, entries: entries,
                       uncertainty: uncertainty ?? nil, provenance: provenance ?? nil, observations: observations ?? nil)
    }

    private mutating func scorePart() -> ScorePart? {
        var id: String?, label: String?, maximum: Int?, weight: Int?
        let complete = object { reader, key in
            switch key {
            case "id": return Self.once(&id, reader.string())
            case "label": return Self.once(&label, reader.string())
            case "maximum": return Self.once(&maximum, reader.int())
            case "weight": return Self.once(&weight, reader.int())
            default: return false
            }
        }
        guard complete, let id, let label, let maximum, let weight else { return nil }
        return ScorePart(id: id, label: label, maximum: maximum, weight: weight)
    }

    private mutating func rankedGemeente() -> RankedGemeente? {
        var code: String?, name: String?, province: String?, sizeClass: String?, inhabitants: Int?
        var parts: [String: Int]?, total: Int?, rank: Int?, rankInSizeClass: Int?, rankInProvince: Int?
        var rankInterval: RankInterval??, uncertainty: GemeenteUncertainty??, flags: [String]?, explanation: [ExplanationLine]??
        let complete = object { reader, key in
            switch key {
            case "code": return Self.once(&code, reader.string())
            case "name": return Self.once(&name, reader.string())
            case "province": return Self.once(&province, reader.string())
            case "sizeClass": return Self.once(&sizeClass, reader.string())
            case "inhabitants": return Self.once(&inhabitants, reader.int())
            case "parts": return Self.once(&parts, reader.points())
            case "total": return Self.once(&total, reader.int())
            case "rank": return Self.once(&rank, reader.int())
            case "rankInSizeClass": return Self.once(&rankInSizeClass, reader.int())
            case "rankInProvince": return Self.once(&rankInProvince, reader.int())
            case "rankInterval": return Self.once(&rankInterval, reader.nullOr { $0.rankInterval() })
            case "uncertainty": return Self.once(&uncertainty, reader.nullOr { $0.gemeenteUncertainty() })
            case "flags": return Self.once(&flags, reader.array { $0.string() })
            case "explanation": return Self.once(&explanation, reader.nullOr { $0.array { $0.explanationLine() } })
            default: return false
            }
        }
        guard complete, let code, let name, let province, let sizeClass, let inhabitants, let parts, let total,
              let rank, let rankInSizeClass, let rankInProvince, let flags else { return nil }
        return RankedGemeente(code: code, name: name, province: province, sizeClass: sizeClass, inhabitants: inhabitants,
                              parts: parts, total: total, rank: rank, rankInSizeClass: rankInSizeClass,
                              rankInProvince: rankInProvince, rankInterval: rankInterval ?? nil,
                              uncertainty: uncertainty ?? nil, flags: flags,
                              explanation: explanation ?? nil)
    }

    private mutating func rankInterval() -> RankInterval? {
        var median: Int?, low: Int?, high: Int?
        let complete = object { reader, key in
            switch key {
            case "median": return Self.once(&median, reader.int())
            case "low": return Self.once(&low, reader.int())
            case "high": return Self.once(&high, reader.int())
            default: return false
            }
        }
        guard complete, let median, let low, let high else { return nil }
        return RankInterval(median: median, low: low, high: high)
    }

    private mutating func gemeenteUncertainty() -> GemeenteUncertainty? {
        var indices: [String: IndexPair]?, driver: String??, driverLow: Int??, driverHigh: Int??
        let complete = object { reader, key in
            switch key {
            case "indices":
                var result: [String: IndexPair] = [:]
                let read = reader.object { reader, id in
                    guard result[id] == nil, let pair = reader.indexPair() else { return false }
                    result[id] = pair
                    return true
                }
                return read && Self.once(&indices, result)
            case "driver": return Self.once(&driver, reader.nullOr { $0.string() })
            case "driverLow": return Self.once(&driverLow, reader.nullOr { $0.int() })
            case "driverHigh": return Self.once(&driverHigh, reader.nullOr { $0.int() })
            default: return false
            }
        }
        guard complete, let indices else { return nil }
        return GemeenteUncertainty(indices: indices, driver: driver ?? nil, driverLow: driverLow ?? nil, driverHigh: driverHigh ?? nil)
    }

    private mutating func indexPair() -> IndexPair? {
        var first: Double?, total: Double?
        let complete = object { reader, key in
            switch key {
            case "first": return Self.once(&first, reader.decimal())
            case "total": return Self.once(&total, reader.decimal())
            default: return false
            }
        }
        guard complete, let first, let total else { return nil }
        return IndexPair(first: first, total: total)
    }

    private mutating func explanationLine() -> ExplanationLine? {
        var dimension: String?, field: String?, label: String?, answer: String?, points: Int??, reason: String?
        let complete = object { reader, key in
            switch key {
            case "dimension": return Self.once(&dimension, reader.string())
            case "field": return Self.once(&field, reader.string())
            case "label": return Self.once(&label, reader.string())
            case "answer": return Self.once(&answer, reader.string())
            case "points": return Self.once(&points, reader.nullOr { $0.int() })
            case "reason": return Self.once(&reason, reader.string())
            default: return false
            }
        }
        guard complete, let dimension, let field, let label, let answer, let reason else { return nil }
        return ExplanationLine(dimension: dimension, field: field, label: label, answer: answer, points: points ?? nil,
                               reason: reason)
    }

    /// Points per part id: an object of whole numbers.
    private mutating func points() -> [String: Int]? {
        var result: [String: Int] = [:]
        let complete = object { reader, key in
            guard result[key] == nil, let value = reader.int() else { return false }
            result[key] = value
            return true
        }
        return complete ? result : nil
    }

    /// Left to `JSONDecoder`: its decoding checks the values.
    private mutating func decoded<Value: Decodable>(_ type: Value.Type) -> Value? {
        let start = index
        guard skipContainer() else { return nil }
        let slice = Data(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        return try? JSONDecoder().decode(type, from: slice)
    }

    /// A number with at most a fraction (`0.125`, `-0.004`, `1`): no exponent.
    private mutating func decimal() -> Double? {
        let start = index
        _ = take(UInt8(ascii: "-"))
        var digits = 0
        while index < bytes.count, bytes[index] &- 0x30 < 10 || bytes[index] == UInt8(ascii: ".") {
            index += 1
            digits += 1
        }
        guard digits > 0, index == bytes.count || (bytes[index] != UInt8(ascii: "e") && bytes[index] != UInt8(ascii: "E")) else {
            return nil
        }
        return String(validating: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self).flatMap(Double.init)
    }

    // MARK: JSON

    /// Sets `slot` to `value` unless the key was seen before or the value could not be read.
    private static func once<Value>(_ slot: inout Value?, _ value: Value?) -> Bool {
        guard slot == nil, let value else { return false }
        slot = value
        return true
    }

    /// `null` (read as nil inside a successful result), or what `read` makes of the value.
    private mutating func nullOr<Value>(_ read: (inout RankingJSONReader) -> Value?) -> Value?? {
        skipSpace()
        if literal("null") { return .some(nil) }
        guard let value = read(&self) else { return nil }
        return .some(value)
    }

    /// Reads `{ "key": value, … }`, calling `member` for each key to read its value.
    private mutating func object(_ member: (inout RankingJSONReader, String) -> Bool) -> Bool {
        skipSpace()
        guard take(UInt8(ascii: "{")) else { return false }
        skipSpace()
        if take(UInt8(ascii: "}")) { return true }
        while true {
            skipSpace()
            guard let key = string() else { return false }
            skipSpace()
            guard take(UInt8(ascii: ":")) else { return false }
            skipSpace()
            guard member(&self, key) else { return false }
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "}"))
        }
    }

    private mutating func array<Element>(_ element: (inout RankingJSONReader) -> Element?) -> [Element]? {
        skipSpace()
        guard take(UInt8(ascii: "[")) else { return nil }
        var result: [Element] = []
        skipSpace()
        if take(UInt8(ascii: "]")) { return result }
        while true {
            skipSpace()
            guard let value = element(&self) else { return nil }
            result.append(value)
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "]")) ? result : nil
        }
    }

    /// A string without escapes other than `\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`; valid UTF-8.
    private mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        var escaped = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 { return nil }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                index += 1
                guard index < bytes.count else { return nil }
            }
            index += 1
        }
        guard index < bytes.count else { return nil }
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<index])
        index += 1
        guard escaped else { return String(validating: raw, as: UTF8.self) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(raw.count)
        var position = 0
        while position < raw.count {
            var byte = raw[position]
            if byte == UInt8(ascii: "\\") {
                position += 1
                switch raw[position] {
                case UInt8(ascii: "\""): byte = 0x22
                case UInt8(ascii: "\\"): byte = 0x5C
                case UInt8(ascii: "/"): byte = 0x2F
                case UInt8(ascii: "b"): byte = 0x08
                case UInt8(ascii: "f"): byte = 0x0C
                case UInt8(ascii: "n"): byte = 0x0A
                case UInt8(ascii: "r"): byte = 0x0D
                case UInt8(ascii: "t"): byte = 0x09
                default: return nil
                }
            }
            unescaped.append(byte)
            position += 1
        }
        return String(validating: unescaped, as: UTF8.self)
    }

    /// A whole number as JSON writes it: `-`?, then `0` or digits not starting with `0`; no
    /// fraction or exponent; within `Int`.
    private mutating func int() -> Int? {
        let negative = take(UInt8(ascii: "-"))
        let start = index
        var value = 0
        while index < bytes.count, bytes[index] &- 0x30 < 10 {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.subtractingReportingOverflow(Int(bytes[index] &- 0x30))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
            index += 1
        }
        let digits = index - start
        guard digits > 0, digits == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
        if index < bytes.count {
            let next = bytes[index]
            if next == UInt8(ascii: ".") || next == UInt8(ascii: "e") || next == UInt8(ascii: "E") { return nil }
        }
        // Accumulated as a negative number so that Int.min fits; `-0` is left to JSONDecoder.
        if negative { return value == 0 ? nil : value }
        guard value != Int.min else { return nil }
        return -value
    }

    /// Skips one object or array (for a value left to `JSONDecoder`, which checks it as a whole).
    private mutating func skipContainer() -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "[") else { return false }
        var depth = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                guard string() != nil else { return false }
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 {
                    index += 1
                    return true
                }
            default:
                break
            }
            index += 1
        }
        return false
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
        index += count
        return true
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }
}
