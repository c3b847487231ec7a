extension Scan {
    /// Nine digits from `start` in groups of at least two digits joined by single ".", "-" or
    /// space (only one group unless `grouped`), not part of a longer number.
    struct NineDigits {
        let end: Int
        let value: UInt64
        let groupLengths: [Int]
        let marks: Set<UInt8>
    }

    func nineDigits(at start: Int, grouped: Bool) -> NineDigits? {
        var index = start
        var value: UInt64 = 0
        var digits = 0
        var lengths: [Int] = []
        var marks: Set<UInt8> = []
        while true {
            let groupStart = index
            while text.isDigit(index) {
                digits += 1
                guard digits <= 9 else { return nil }
                value = value * 10 + UInt64(text[index] &- .zero)
                index += 1
            }
            guard index - groupStart >= 2 else { return nil }
            lengths.append(index - groupStart)
            if digits == 9 { break }
            guard grouped, let separator = groupSeparator(at: index, slash: false),
                  text.isDigit(index + separator.length)
            else { return nil }
            index += separator.length
            marks.insert(separator.mark)
        }
        let strict = lengths.count > 1
        guard !text.isWordCharacter(startingAt: index),
              !numberContinues(after: index, strict: strict),
              !numberContinues(before: start, strict: strict)
        else { return nil }
        return NineDigits(end: index, value: value, groupLengths: lengths, marks: marks)
    }

    /// The 11-proef: 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11; 000000000 is no BSN.
    static func passesElevenTest(_ number: UInt64) -> Bool {
        var rest = number
        var sum = -Int(rest % 10)
        rest /= 10
        for weight in 2...9 {
            sum += weight * Int(rest % 10)
            rest /= 10
        }
        return number != 0 && sum % 11 == 0
    }

    /// A BSN without a keyword nearby: only the way a BSN is printed on letters and passports,
    /// "1234.56.789" (4-2-3 with dots) — no count, price, date or version looks like that — and,
    /// when the detector is told to, a bare unformatted nine-digit number.
    func formattedBSN(at start: Int) -> Candidate? {
        // Cheap shape tests first: this runs at every number in the text.
        let dotted = text[start + 4] == .dot && text[start + 7] == .dot
        let bare = bareNineDigitNumbersAreBSN && text.isDigit(start + 8) && !text.isDigit(start + 9)
        guard dotted || bare else { return nil }
        if dotted, let number = nineDigits(at: start, grouped: true), number.groupLengths == [4, 2, 3],
           number.marks == [.dot], Self.passesElevenTest(number.value) {
            return Candidate(kind: .bsn, start: start, end: number.end)
        }
        guard bareNineDigitNumbersAreBSN, let number = nineDigits(at: start, grouped: false),
              !Self.identifierBytes.contains(text[start - 1]), !Self.identifierBytes.contains(text[number.end]),
              !(text[start - 1] == .dot || text[start - 1] == .colon),
              !(text[number.end] == .dot && text.isAlnum(number.end + 1)),  // "123456782.html"; a full stop is fine
              Self.passesElevenTest(number.value)
        else { return nil }
        return Candidate(kind: .bsn, start: start, end: number.end)
    }

    /// A BSN right after a keyword: any grouping, as long as the 11-proef holds.
    func labelledBSN(at start: Int) -> Candidate? {
        guard let number = nineDigits(at: start, grouped: true), Self.passesElevenTest(number.value) else {
            return nil
        }
        return Candidate(kind: .bsn, start: start, end: number.end)
    }

    /// Bytes that put a number inside a URL, identifier or file name rather than in prose.
    private static let identifierBytes: Set<UInt8> = Set("/=#?&_-@".utf8)
}
