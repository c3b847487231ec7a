/// The rules for text that customers publish when they ask an organisation for help (webcare
/// messages), on top of the detector's structural and keyword rules: a street with a huisnummer
/// but no postcode, a date of birth, part of an IBAN, and an amount of income or debt named
/// anywhere near a person's own words. They fire on ordinary published content too — a town
/// hall's address, a date, a price — so the published-output scan does not use them
/// (README.md, "Webcare rules").
public struct CustomerTextRules: Sendable {
    public var streetSuffixes: StreetNameSuffixes

    public init(streetSuffixes: StreetNameSuffixes) {
        self.streetSuffixes = streetSuffixes
    }
}

/// Endings of Dutch street names ("straat", "laan", "gracht"), read from a file so that the list
/// can grow without a code change (`Webcare/rules/straatnaam-achtervoegsels.txt`).
///
/// File format: one ending per line, `#` starts a comment. An ending in lower case matches the end
/// of a longer word ("Kerkstraat", "kerkstraat"), and the ending itself after a capitalised word
/// ("Oude Gracht"); written with a capital ("Markt") it is also a street name on its own
/// ("Markt 12").
public struct StreetNameSuffixes: Sendable, Hashable {
    /// Lowercase ASCII/UTF-8 endings, longest first.
    let endings: [[UInt8]]
    /// Endings that are street names by themselves when capitalised.
    let standalone: Set<[UInt8]>

    public var count: Int { endings.count }

    /// Parses the file's text; `source` names it in errors.
    public init(text: String, source: String) throws(StreetNameSuffixError) {
        var endings: [[UInt8]] = []
        var standalone: Set<[UInt8]> = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let word = line.trimmingCharacters(in: " \t\r")
            guard !word.isEmpty else { continue }
            guard word.allSatisfy({ $0.isLetter || $0 == "-" }), word.count >= 2 else {
                throw StreetNameSuffixError(source: source, line: index + 1,
                                            problem: "\"\(word)\" is not an ending of a street name; expected one word of letters per line")
            }
            let lower = Array(word.lowercased().utf8)
            if word.first?.isUppercase == true { standalone.insert(lower) }
            if !endings.contains(lower) { endings.append(lower) }
        }
        guard !endings.isEmpty else {
            throw StreetNameSuffixError(source: source, line: nil, problem: "no endings; expected one ending of a street name per line")
        }
        self.endings = endings.sorted { $0.count > $1.count }
        self.standalone = standalone
    }
}

public struct StreetNameSuffixError: Error, CustomStringConvertible, Sendable {
    public let source: String
    public let line: Int?
    public let problem: String

    public var description: String { "\(source)\(line.map { ":\($0)" } ?? ""): \(problem)" }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var text = self
        while let first = text.first, set.contains(first) { text.removeFirst() }
        while let last = text.last, set.contains(last) { text.removeLast() }
        return String(text)
    }
}

// MARK: Word helpers shared by the customer-text rules

extension Scan {
    /// The end of the run of letters (any script) that starts at `start`.
    func letterRunEnd(from start: Int) -> Int {
        var index = start
        while index < text.count {
            let byte = text[index]
            if ByteText.isLetter(byte) { index += 1; continue }
            guard byte >= 0xC0, let scalar = text.scalar(at: index), scalar.properties.isAlphabetic else { break }
            index += scalar.utf8Length
        }
        return index
    }

    /// The start and end of the line holding `index` (without the line break).
    func line(around index: Int) -> Range<Int> {
        var start = index
        while start > 0 && text[start - 1] != .newline { start -= 1 }
        var end = index
        while end < text.count && text[end] != .newline { end += 1 }
        return start..<end
    }

    /// Calls `body` with the start and end of every word (a run of letters) that starts inside
    /// `range`, until `body` returns true; returns whether it did.
    @discardableResult
    func firstWord(in range: Range<Int>, where body: (Int, Int) -> Bool) -> Bool {
        var index = max(range.lowerBound, 0)
        let upper = min(range.upperBound, text.count)
        while index < upper {
            let byte = text[index]
            let startsLetter = ByteText.isLetter(byte) || (byte >= 0xC0 && (text.scalar(at: index)?.properties.isAlphabetic ?? false))
            if startsLetter && !text.isWordCharacter(endingAt: index) {
                let end = letterRunEnd(from: index)
                if body(index, end) { return true }
                index = max(end, index + 1)
            } else {
                index += 1
            }
        }
        return false
    }

    /// Whether the word `start..<end` holds `stem` (lowercase ASCII), ignoring case.
    func word(_ start: Int, _ end: Int, contains stem: [UInt8]) -> Bool {
        guard end - start >= stem.count else { return false }
        for offset in start...(end - stem.count) where text.hasWord(stem, at: offset) { return true }
        return false
    }

    /// Whether the word `start..<end` is `word` (lowercase ASCII), ignoring case.
    func word(_ start: Int, _ end: Int, is word: [UInt8]) -> Bool {
        end - start == word.count && text.hasWord(word, at: start)
    }

    /// Whether the character at `index` is an upper-case letter (any script).
    func isCapital(at index: Int) -> Bool {
        let byte = text[index]
        if byte < 0x80 { return ByteText.isUpper(byte) }
        return text.scalar(at: index)?.properties.isUppercase ?? false
    }
}

extension Unicode.Scalar {
    var utf8Length: Int {
        switch value {
        case 0..<0x80: 1
        case 0x80..<0x800: 2
        case 0x800..<0x10000: 3
        default: 4
        }
    }
}
