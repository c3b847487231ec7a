/// UTF-8 bytes with the small character tests every rule needs.
///
/// Reading outside the buffer yields 0 (NUL), which is neither letter, digit nor separator, so
/// rules can look a few bytes ahead or behind without bounds checks of their own.
struct ByteText {
    let bytes: UnsafeBufferPointer<UInt8>

    var count: Int { bytes.count }

    @inline(__always)
    subscript(_ index: Int) -> UInt8 {
        index >= 0 && index < bytes.count ? bytes[index] : 0
    }

    // MARK: ASCII classes

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isUpper(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }
    @inline(__always) static func isLower(_ byte: UInt8) -> Bool { byte &- 0x61 < 26 }
    @inline(__always) static func isAlnum(_ byte: UInt8) -> Bool { isDigit(byte) || isLetter(byte) }
    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 { isUpper(byte) ? byte | 0x20 : byte }

    @inline(__always) func isDigit(_ index: Int) -> Bool { Self.isDigit(self[index]) }
    @inline(__always) func isLetter(_ index: Int) -> Bool { Self.isLetter(self[index]) }
    @inline(__always) func isAlnum(_ index: Int) -> Bool { Self.isAlnum(self[index]) }

    // MARK: Word boundaries (Unicode-aware, cheap for ASCII)

    /// Whether the character that ends just before `index` is a letter or digit (any script).
    func isWordCharacter(endingAt index: Int) -> Bool {
        let byte = self[index - 1]
        if byte < 0x80 { return Self.isAlnum(byte) || byte == 0x5F }  // "_" joins identifiers
        var start = index - 1
        while start > 0 && start > index - 4 && self[start] & 0xC0 == 0x80 { start -= 1 }
        return isWordScalar(at: start)
    }

    /// Whether the character that starts at `index` is a letter or digit (any script).
    func isWordCharacter(startingAt index: Int) -> Bool {
        let byte = self[index]
        if byte < 0x80 { return Self.isAlnum(byte) || byte == 0x5F }
        return isWordScalar(at: index)
    }

    private func isWordScalar(at index: Int) -> Bool {
        guard let scalar = scalar(at: index) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Length in bytes of the non-ASCII letter, digit or combining mark (of any script) that
    /// starts at `index`; 0 for anything else, ASCII included. Internationalised e-mail
    /// addresses (`jån@exämple.nl`) are made of these.
    func nonASCIIWordLength(at index: Int) -> Int {
        guard self[index] >= 0xC2, let scalar = scalar(at: index) else { return 0 }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return UTF8.width(scalar)
        default: return properties.isAlphabetic || properties.numericType != nil ? UTF8.width(scalar) : 0
        }
    }

    /// The start of the non-ASCII letter, digit or combining mark that ends just before `index`,
    /// or nil when there is none there.
    func nonASCIIWordStart(endingAt index: Int) -> Int? {
        guard self[index - 1] >= 0x80 else { return nil }
        var start = index - 1
        while start > 0 && start > index - 4 && self[start] & 0xC0 == 0x80 { start -= 1 }
        return nonASCIIWordLength(at: start) == index - start ? start : nil
    }

    /// Decodes the scalar whose lead byte is at `index`; nil for malformed UTF-8.
    func scalar(at index: Int) -> Unicode.Scalar? {
        let lead = self[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return lead < 0x80 ? Unicode.Scalar(lead) : nil
        }
        for offset in 1..<length {
            let byte = self[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return Unicode.Scalar(value)
    }

    // MARK: Spaces

    /// Length in bytes of a space at `index`: " ", no-break space U+00A0, narrow no-break space
    /// U+202F (both appear in formatted numbers); 0 when there is none.
    @inline(__always)
    func spaceLength(at index: Int) -> Int {
        switch self[index] {
        case 0x20: return 1
        case 0xC2: return self[index + 1] == 0xA0 ? 2 : 0
        case 0xE2: return self[index + 1] == 0x80 && self[index + 2] == 0xAF ? 3 : 0
        default: return 0
        }
    }

    /// Length in bytes of a space that ends just before `index`; 0 when there is none.
    @inline(__always)
    func spaceLength(endingAt index: Int) -> Int {
        switch self[index - 1] {
        case 0x20: return 1
        case 0xA0: return self[index - 2] == 0xC2 ? 2 : 0
        case 0xAF: return self[index - 2] == 0x80 && self[index - 3] == 0xE2 ? 3 : 0
        default: return 0
        }
    }

    // MARK: Keywords

    /// Whether the ASCII `word` (lowercase) is at `index`, ignoring case.
    func hasWord(_ word: [UInt8], at index: Int) -> Bool {
        guard index >= 0, index + word.count <= count else { return false }
        for offset in 0..<word.count where Self.lower(bytes[index + offset]) != word[offset] {
            return false
        }
        return true
    }

    /// The text of a byte range, with malformed UTF-8 repaired.
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}

extension UInt8 {
    static let space: UInt8 = 0x20
    static let newline: UInt8 = 0x0A
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let hyphen: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let colon: UInt8 = 0x3A
    static let at: UInt8 = 0x40
    static let openParen: UInt8 = 0x28
    static let closeParen: UInt8 = 0x29
    static let zero: UInt8 = 0x30
    static let asterisk: UInt8 = 0x2A
}
