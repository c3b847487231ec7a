/// The shared pre-processing of every scan: the text as a reader sees it, so that no rule can be
/// dodged by writing the same characters another way. Every rule (those of `Rules/` and any
/// added later) runs on the normalised bytes; matches are mapped back to the original bytes, so
/// findings quote the file as it is and give its lines and columns.
///
/// What is normalised (decoded once, not repeatedly: `&amp;#64;` shows `&#64;` in a browser):
/// - escapes: JSON and JavaScript `\uXXXX` (surrogate pairs joined), `\u{X…}`, `\xHH`; HTML
///   character references `&#64;`, `&#x40;` (also without `;`, as browsers read them) and the
///   named ones a reader would see as punctuation or spaces (`&commat;`, `&period;`, `&nbsp;`,
///   `&shy;`, `&ndash;`, …); percent-encoding of ASCII (`%40`). A `\\` is an escaped backslash,
///   so the `\u…` after it is text.
/// - invisible characters are dropped: zero-width space, (non-)joiners, word joiner, byte order
///   mark, soft hyphen, bidirectional controls, variation selectors, invisible operators;
/// - Unicode dashes (hyphen, non-breaking hyphen, figure dash, en and em dash, minus sign, small
///   and fullwidth hyphen-minus) become `-`; Unicode spaces (U+1680, U+2000–U+200A, U+205F,
///   U+3000) become a space (no-break spaces U+00A0 and U+202F stay: the rules know them);
/// - fullwidth ASCII (U+FF01–U+FF5E: `＠`, `０`…`９`) and the small commercial at become ASCII.
///
/// Every replacement is no longer than what it replaces, so the normalised text fits in a buffer
/// of the original's size. Text without anything to normalise is not copied.
struct NormalizedText {
    /// The normalised bytes, or nil when they equal the original.
    private(set) var bytes: [UInt8]?
    /// The stretches that changed, in order: normalised range ↔ original range. Between two
    /// stretches the texts are equal, shifted by the bytes removed so far.
    private(set) var changes: [Change] = []

    struct Change {
        let normalized: Range<Int>
        let original: Range<Int>
    }

    init(_ original: UnsafeBufferPointer<UInt8>) {
        let count = original.count
        let text = ByteText(bytes: original)
        // Fast path: up to the first replacement nothing is copied; text without one is never copied.
        guard let source = original.baseAddress else { return }
        var index = 0
        var first: Replacement?
        while index < count {
            index = Self.nextPossibleReplacement(in: source, from: index, count: count)
            guard index < count else { break }
            if let replacement = Self.replacement(at: &index, in: text) {
                first = replacement
                break
            }
        }
        guard let first else { return }

        // Everything the loop changes is local to the closure: variables captured by a closure
        // and mutated in it live in boxes on the heap, which made this loop as slow as the scan.
        var changes: [Change] = []
        let firstIndex = index
        bytes = [UInt8](unsafeUninitializedCapacity: count) { destination, initialized in
            guard let target = destination.baseAddress else { return }
            var found: [Change] = []
            var index = firstIndex
            var replacement = first
            var written = 0
            var copiedUpTo = 0
            while true {
                // The unchanged run before this replacement, in one copy.
                let run = index - copiedUpTo
                (target + written).initialize(from: source + copiedUpTo, count: run)
                written += run
                let start = written
                if let scalar = replacement.scalar {
                    for unit in UTF8.encode(scalar).unsafelyUnwrapped {
                        (target + written).initialize(to: unit)
                        written += 1
                    }
                }
                found.append(Change(normalized: start..<written, original: index..<(index + replacement.length)))
                index += replacement.length
                copiedUpTo = index
                var next: Replacement?
                while index < count {
                    index = Self.nextPossibleReplacement(in: source, from: index, count: count)
                    guard index < count else { break }
                    next = Self.replacement(at: &index, in: text)
                    if next != nil { break }
                }
                guard let following = next else { break }
                replacement = following
            }
            (target + written).initialize(from: source + copiedUpTo, count: count - copiedUpTo)
            initialized = written + count - copiedUpTo
            changes = found
        }
        self.changes = changes
    }

    // MARK: Mapping back

    /// The original offset of the match start `offset` of the normalised text: a match starting
    /// inside a decoded escape starts at the escape; characters dropped just before it are left out.
    func originalStart(_ offset: Int) -> Int {
        guard let change = lastChange(where: { $0.normalized.lowerBound <= offset }) else { return offset }
        if offset < change.normalized.upperBound { return change.original.lowerBound }
        return change.original.upperBound + (offset - change.normalized.upperBound)
    }

    /// The original offset of the (exclusive) match end `offset`: a match ending inside or at the
    /// end of a decoded escape includes all of it; characters dropped just after it are left out.
    func originalEnd(_ offset: Int) -> Int {
        guard let change = lastChange(where: { $0.normalized.lowerBound < offset }) else { return offset }
        if offset <= change.normalized.upperBound { return change.original.upperBound }
        return change.original.upperBound + (offset - change.normalized.upperBound)
    }

    /// The last change satisfying `predicate`, which holds for a prefix of `changes` (binary search).
    private func lastChange(where predicate: (Change) -> Bool) -> Change? {
        var low = 0, high = changes.count
        while low < high {
            let middle = (low + high) / 2
            if predicate(changes[middle]) { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? changes[low - 1] : nil
    }

    // MARK: Replacements

    /// What replaces `length` bytes at an index: one character, or nothing (a dropped one).
    /// Never longer in UTF-8 than `length`.
    struct Replacement {
        var scalar: Unicode.Scalar?
        var length: Int
    }

    /// The first index from `start` where a replacement can start (`isPossibleStart`), or
    /// `count`. Eight bytes at a time while none can: this pass runs over every byte the site
    /// publishes, and byte by byte it cost half as much as all rules together (perf, 120 MB of
    /// pages); in words of eight it is under a tenth.
    @inline(__always)
    static func nextPossibleReplacement(in source: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasByte(_ word: UInt64, _ byte: UInt64) -> UInt64 {
            let x = word ^ (ones &* byte)
            return (x &- ones) & ~x & highs
        }
        let raw = UnsafeRawPointer(source)
        var index = start
        while index < count {
            let wordsFrom = index
            while index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if hasByte(word, 0x25) | hasByte(word, 0x26) | hasByte(word, 0x5C) != 0 { break }
                // Outside ASCII only the bytes that begin a character `mapped` changes count, and
                // AD, the second byte of the soft hyphen: the no-break space (C2 A0) that fills
                // the site's numbers then costs nothing.
                if word & highs != 0 && hasByte(word, 0xAD) | hasByte(word, 0xCD) | hasByte(word, 0xD8) | hasByte(word, 0xE1)
                    | hasByte(word, 0xE2) | hasByte(word, 0xE3) | hasByte(word, 0xEF) != 0 { break }
                index += 8
            }
            // A soft hyphen's C2 may end the word before: look at it again.
            if index > wordsFrom { index -= 1 }
            let end = min(index + 9, count)
            while index < end {
                if isPossibleStart(source[index], index + 1 < count ? source[index + 1] : 0) { return index }
                index += 1
            }
        }
        return count
    }

    /// Whether a replacement can start at a byte followed by `next`: `\u`, `\x`, `\\`, `&#`,
    /// `&` + letter, `%`, or the first two bytes of a character `mapped` changes (C2 AD U+00AD;
    /// CD 8F U+034F; D8 9C U+061C; E1 9A/A0 U+1680, U+180B…; E2 80/81/88 U+2000–U+207F, U+2212;
    /// E3 80 U+3000; EF B8–BD U+FE00–U+FF7F). So the common no-break space (C2 A0) and accented
    /// letters are passed over at once.
    @inline(__always)
    static func isPossibleStart(_ byte: UInt8, _ next: UInt8) -> Bool {
        switch byte {
        case 0x5C: return next == 0x75 || next == 0x78 || next == 0x5C
        case 0x26: return next == 0x23 || ByteText.isLetter(next)
        case 0x25: return true
        case 0xC2: return next == 0xAD
        case 0xCD: return next == 0x8F
        case 0xD8: return next == 0x9C
        case 0xE1: return next == 0x9A || next == 0xA0
        case 0xE2: return next == 0x80 || next == 0x81 || next == 0x88
        case 0xE3: return next == 0x80
        case 0xEF: return next >= 0xB8 && next <= 0xBD
        default: return false
        }
    }

    /// The replacement at `index`, or nil after moving `index` past bytes that stay as they are.
    @inline(__always)
    static func replacement(at index: inout Int, in text: ByteText) -> Replacement? {
        let byte = text[index]
        let next = text[index + 1]
        var found: Replacement?
        if isPossibleStart(byte, next) {
            switch byte {
            case 0x5C:
                if next == 0x5C {  // an escaped backslash: what follows it is text
                    index += 2
                    return nil
                }
                found = backslashEscape(at: index, in: text)
            case 0x26: found = characterReference(at: index, in: text)
            case 0x25: found = percentEscape(at: index, in: text)
            default: found = mappedCharacter(at: index, in: text)
            }
        }
        if found == nil { index += 1 }
        return found
    }

    private static func mappedCharacter(at index: Int, in text: ByteText) -> Replacement? {
        guard let scalar = text.scalar(at: index) else { return nil }
        let length = UTF8.width(scalar)
        switch mapped(scalar) {
        case .keep: return nil
        case .drop: return Replacement(scalar: nil, length: length)
        case .replace(let replacement): return Replacement(scalar: replacement, length: length)
        }
    }

    enum Mapping: Equatable {
        case keep
        case drop
        case replace(Unicode.Scalar)
    }

    /// What becomes of one character, written as it is or decoded from an escape.
    static func mapped(_ scalar: Unicode.Scalar) -> Mapping {
        switch scalar.value {
        case 0x00AD, 0x034F, 0x061C, 0x180B...0x180F, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064,
             0x2066...0x206F, 0xFE00...0xFE0F, 0xFEFF:
            return .drop
        case 0x2010...0x2015, 0x2043, 0x2212, 0xFE58, 0xFE63:
            return .replace("-")
        case 0x1680, 0x2000...0x200A, 0x205F, 0x3000:
            return .replace(" ")
        case 0xFE6B:
            return .replace("@")
        case 0xFF01...0xFF5E:
            return Unicode.Scalar(scalar.value - 0xFF01 + 0x21).map(Mapping.replace) ?? .keep
        default:
            return .keep
        }
    }

    /// A decoded character, itself normalised: an escaped zero-width space is dropped too.
    /// Characters no rule looks at, and which separate words escaped or not (`'`, `"`, `&`, `<`,
    /// `>`: the `&#39;`, `&quot;` and `&lt;` of every page), are left encoded: nothing to copy.
    private static func decoded(_ value: UInt32, length: Int) -> Replacement? {
        switch value {
        case 0, 0x22, 0x26, 0x27, 0x3C, 0x3E: return nil
        default: break
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        switch mapped(scalar) {
        case .keep: return Replacement(scalar: scalar, length: length)
        case .drop: return Replacement(scalar: nil, length: length)
        case .replace(let replacement): return Replacement(scalar: replacement, length: length)
        }
    }

    /// `\uXXXX` (with a following `\uXXXX` low surrogate joined), `\u{X…}`, `\xHH`; `\\` is kept
    /// as two bytes so that the escape after it stays text.
    private static func backslashEscape(at index: Int, in text: ByteText) -> Replacement? {
        switch text[index + 1] {
        case 0x75:  // u
            if text[index + 2] == 0x7B {  // \u{…}
                var value: UInt32 = 0
                var offset = index + 3
                while let digit = hexDigit(text[offset]), offset - index < 10 {
                    value = value << 4 | digit
                    offset += 1
                }
                guard offset > index + 3, text[offset] == 0x7D else { return nil }
                return decoded(value, length: offset + 1 - index)
            }
            guard let high = hex(text, at: index + 2, digits: 4) else { return nil }
            if (0xD800...0xDBFF).contains(high), text[index + 6] == 0x5C, text[index + 7] == 0x75,
               let low = hex(text, at: index + 8, digits: 4), (0xDC00...0xDFFF).contains(low) {
                return decoded(0x10000 + (high - 0xD800) << 10 + (low - 0xDC00), length: 12)
            }
            return decoded(high, length: 6)
        case 0x78:  // x
            guard let value = hex(text, at: index + 2, digits: 2) else { return nil }
            return decoded(value, length: 4)
        default:
            return nil
        }
    }

    /// `&#64;`, `&#x40;` (the `;` may be missing, as browsers allow) and named references.
    private static func characterReference(at index: Int, in text: ByteText) -> Replacement? {
        if text[index + 1] == 0x23 {  // #
            var offset = index + 2
            var value: UInt32 = 0
            var digits = 0
            if text[offset] | 0x20 == 0x78 {  // x or X
                offset += 1
                while let digit = hexDigit(text[offset]), digits < 8 {
                    value = value << 4 | digit
                    digits += 1
                    offset += 1
                }
            } else {
                while ByteText.isDigit(text[offset]), digits < 8 {
                    value = value * 10 + UInt32(text[offset] - 0x30)
                    digits += 1
                    offset += 1
                }
            }
            guard digits > 0 else { return nil }
            if text[offset] == 0x3B { offset += 1 }
            return decoded(value, length: offset - index)
        }
        var offset = index + 1
        while ByteText.isAlnum(text[offset]) && offset - index <= longestEntityName { offset += 1 }
        let name = text.string((index + 1)..<offset)
        if text[offset] == 0x3B, let value = namedReferences[name] {
            return decoded(value, length: offset + 1 - index)
        }
        // The legacy names browsers also read without ";", as the longest prefix ("&shy1234").
        for (legacy, value) in legacyReferences where name.hasPrefix(legacy) {
            return decoded(value, length: legacy.utf8.count + 1)
        }
        return nil
    }

    /// `%40`: percent-encoded printable ASCII.
    private static func percentEscape(at index: Int, in text: ByteText) -> Replacement? {
        guard let value = hex(text, at: index + 1, digits: 2), (0x20...0x7E).contains(value) else { return nil }
        return decoded(value, length: 3)
    }

    private static func hex(_ text: ByteText, at index: Int, digits: Int) -> UInt32? {
        var value: UInt32 = 0
        for offset in 0..<digits {
            guard let digit = hexDigit(text[index + offset]) else { return nil }
            value = value << 4 | digit
        }
        return value
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x41...0x46: return UInt32(byte - 0x41 + 10)
        case 0x61...0x66: return UInt32(byte - 0x61 + 10)
        default: return nil
        }
    }

    /// Named references a reader sees as punctuation, a space or nothing — what the rules look
    /// at. Letters need no entry: an `&eacute;` cannot hide an address.
    static let namedReferences: [String: UInt32] = [
        "commat": 0x40, "period": 0x2E, "comma": 0x2C, "colon": 0x3A, "semi": 0x3B, "plus": 0x2B,
        "minus": 0x2212, "hyphen": 0x2010, "dash": 0x2010, "ndash": 0x2013, "mdash": 0x2014,
        "lpar": 0x28, "rpar": 0x29, "sol": 0x2F, "bsol": 0x5C, "num": 0x23, "percnt": 0x25, "lowbar": 0x5F,
        "excl": 0x21, "quest": 0x3F, "equals": 0x3D, "apos": 0x27, "quot": 0x22, "amp": 0x26, "lt": 0x3C,
        "gt": 0x3E, "nbsp": 0xA0, "NonBreakingSpace": 0xA0, "shy": 0xAD, "ensp": 0x2002, "emsp": 0x2003,
        "emsp13": 0x2004, "emsp14": 0x2005, "numsp": 0x2007, "puncsp": 0x2008, "thinsp": 0x2009,
        "ThinSpace": 0x2009, "hairsp": 0x200A, "VeryThinSpace": 0x200A, "MediumSpace": 0x205F,
        "ZeroWidthSpace": 0x200B, "NegativeThinSpace": 0x200B, "NegativeMediumSpace": 0x200B,
        "NegativeThickSpace": 0x200B, "NegativeVeryThinSpace": 0x200B, "zwj": 0x200D, "zwnj": 0x200C,
        "lrm": 0x200E, "rlm": 0x200F, "NoBreak": 0x2060, "InvisibleTimes": 0x2062, "it": 0x2062,
        "InvisibleComma": 0x2063, "ic": 0x2063, "af": 0x2061, "ApplyFunction": 0x2061, "Tab": 0x09,
        "NewLine": 0x0A,
    ]

    /// Named references that browsers also decode without a `;`, of those above (no name here
    /// is a prefix of another).
    static let legacyReferences: [(String, UInt32)] = [
        ("nbsp", 0xA0), ("shy", 0xAD), ("amp", 0x26), ("lt", 0x3C), ("gt", 0x3E), ("quot", 0x22),
    ]

    private static let longestEntityName = namedReferences.keys.map(\.utf8.count).max() ?? 0
}
