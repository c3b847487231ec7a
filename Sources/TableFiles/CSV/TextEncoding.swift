/// The text encodings survey exports come in. Survey tools write UTF-8 (often with a byte order
/// mark); Dutch Excel's "CSV (puntkomma-gescheiden)" writes Windows-1252.
public enum TextEncoding: String, Sendable, Hashable, Codable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
}

/// Turns the bytes of one field into a `String` exactly once. Holds a scratch buffer so that
/// Windows-1252 fields are transcoded without a fresh allocation per field.
struct FieldDecoder {
    let encoding: TextEncoding
    private var scratch: [UInt8] = []

    init(encoding: TextEncoding) {
        self.encoding = encoding
        scratch.reserveCapacity(256)
    }

    /// What went wrong decoding a field: the offending byte and its position in the field.
    struct InvalidByte: Error {
        var byte: UInt8
        var offsetInField: Int
    }

    mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(InvalidByte) -> String {
        if bytes.isEmpty { return "" }
        switch encoding {
        case .utf8:
            // Most fields are ASCII: String(decoding:) is specialised and fast; String(validating:)
            // runs as an unspecialised generic (half the UTF-8 read went to its metadata lookups).
            if UTF8Survey.isASCII(bytes) { return String(decoding: bytes, as: UTF8.self) }
            if let text = String(validating: bytes, as: UTF8.self) { return text }
            let offset = UTF8Survey.firstInvalidOffset(in: bytes) ?? 0
            throw InvalidByte(byte: bytes[offset], offsetInField: offset)
        case .windows1252:
            if UTF8Survey.isASCII(bytes) { return String(decoding: bytes, as: UTF8.self) }
            scratch.removeAll(keepingCapacity: true)
            for (offset, byte) in bytes.enumerated() {
                if byte < 0x80 {
                    scratch.append(byte)
                    continue
                }
                let scalar = Windows1252.scalar(for: byte)
                guard scalar != 0 else { throw InvalidByte(byte: byte, offsetInField: offset) }
                Windows1252.appendUTF8(of: scalar, to: &scratch)
            }
            return String(decoding: scratch, as: UTF8.self)
        }
    }
}

/// Windows-1252: Latin-1 with typographic characters (€ ‘ ’ “ ” – —) in 0x80–0x9F.
/// Five bytes of that range are undefined; a file holding them is not Windows-1252 either.
enum Windows1252 {
    /// Unicode scalars for 0x80...0x9F; 0 marks the undefined bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D.
    private static let high: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// The Unicode scalar of a byte, or 0 when the byte is undefined in Windows-1252.
    static func scalar(for byte: UInt8) -> UInt32 {
        if byte < 0x80 || byte >= 0xA0 { return UInt32(byte) }
        return high[Int(byte - 0x80)]
    }

    static func appendUTF8(of scalar: UInt32, to buffer: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            buffer.append(UInt8(scalar))
        case ..<0x800:
            buffer.append(UInt8(0xC0 | (scalar >> 6)))
            buffer.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            buffer.append(UInt8(0xE0 | (scalar >> 12)))
            buffer.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            buffer.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}

/// A streaming look at whether bytes are UTF-8, fed chunk by chunk (a character may straddle two
/// chunks). It counts valid multi-byte characters and invalid bytes: a file with invalid bytes
/// and no multi-byte characters is Windows-1252; a file with both is a UTF-8 file with a few
/// broken bytes, and reading it as Windows-1252 would turn every `é` into `Ã©`.
struct UTF8Survey {
    private(set) var multiByteCharacters = 0
    private(set) var invalidBytes = 0
    /// Offset in the whole stream of the first invalid byte.
    private(set) var firstInvalidOffset: Int?

    private var needed = 0          // continuation bytes still expected
    private var lower: UInt8 = 0x80 // allowed range of the next continuation byte
    private var upper: UInt8 = 0xBF
    private var sequenceStart = 0
    private var consumed = 0

    /// Whether more bytes can still change the verdict.
    var isDecided: Bool { multiByteCharacters > 0 && invalidBytes > 0 }

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        var index = 0
        let count = bytes.count
        while index < count {
            if needed == 0 {
                // ASCII runs are the common case: skip them eight bytes at a time.
                while index + 8 <= count,
                      UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                }
                guard index < count else { break }
                let byte = bytes[index]
                switch byte {
                case 0x00...0x7F: break
                case 0xC2...0xDF: begin(1, 0x80, 0xBF, at: index)
                case 0xE0: begin(2, 0xA0, 0xBF, at: index)
                case 0xE1...0xEC, 0xEE...0xEF: begin(2, 0x80, 0xBF, at: index)
                case 0xED: begin(2, 0x80, 0x9F, at: index)
                case 0xF0: begin(3, 0x90, 0xBF, at: index)
                case 0xF1...0xF3: begin(3, 0x80, 0xBF, at: index)
                case 0xF4: begin(3, 0x80, 0x8F, at: index)
                default: invalid(at: consumed + index)
                }
                index += 1
            } else {
                let byte = bytes[index]
                if byte < lower || byte > upper {
                    // Broken sequence: the lead byte was invalid; look at this byte afresh.
                    invalid(at: sequenceStart)
                    needed = 0
                    continue
                }
                lower = 0x80
                upper = 0xBF
                needed -= 1
                if needed == 0 { multiByteCharacters += 1 }
                index += 1
            }
        }
        consumed += count
    }

    /// Call at the end of the stream: a character cut off by the end is invalid.
    mutating func finish() {
        if needed > 0 {
            invalid(at: sequenceStart)
            needed = 0
        }
    }

    private mutating func begin(_ continuation: Int, _ low: UInt8, _ high: UInt8, at index: Int) {
        needed = continuation
        lower = low
        upper = high
        sequenceStart = consumed + index
    }

    private mutating func invalid(at offset: Int) {
        invalidBytes += 1
        if firstInvalidOffset == nil { firstInvalidOffset = offset }
    }

    /// Whether every byte is below 0x80, looked at eight bytes at a time.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var index = 0
        while index + 8 <= bytes.count {
            if UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < bytes.count {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// Offset of the first byte that is not part of valid UTF-8, or `nil` when all are valid.
    static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var survey = UTF8Survey()
        survey.feed(bytes)
        survey.finish()
        return survey.firstInvalidOffset
    }
}
