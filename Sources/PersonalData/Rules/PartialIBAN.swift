extension Scan {
    /// Part of an IBAN, as webcare teams ask for it to verify a customer ("de laatste cijfers van
    /// je IBAN") and customers give it in public:
    /// - "de laatste vier cijfers van mijn IBAN zijn 4300", "mijn rekening eindigt op 43 00",
    ///   "IBAN eindigend op 9974": a word of ending ("laatste", "eindigt", "ending", "last") and a
    ///   word of the account ("IBAN", "rekening", "bank", "account") on the same line, then 2–6
    ///   digits after both;
    /// - a masked IBAN, "NL91 ABNA **** **43 00", "NL** **** **** **68 32" (at the "NL").
    func partialIBAN(at start: Int) -> Candidate? {
        if ByteText.lower(text[start]) == 0x6E && ByteText.lower(text[start + 1]) == 0x6C {
            return maskedIBAN(at: start)
        }
        let end = letterRunEnd(from: start)
        guard Self.endingWords.contains(where: { word(start, end, is: $0) }) else { return nil }
        let line = line(around: start)
        var accountEnd: Int?
        firstWord(in: max(line.lowerBound, start - 40)..<min(line.upperBound, end + 40)) { wordStart, wordEnd in
            guard Self.accountStems.contains(where: { text.hasWord($0, at: wordStart) }) else { return false }
            accountEnd = wordEnd
            return true
        }
        guard let accountEnd else { return nil }
        return accountDigits(after: max(end, accountEnd), within: line)
    }

    /// "**** 4300" after a word of the account on the same line ("van rekening **** 4300").
    func maskedAccountDigits(at star: Int) -> Candidate? {
        guard text[star - 1] != .asterisk else { return nil }
        var index = star
        var masks = 0
        while text[index] == .asterisk || (text.spaceLength(at: index) > 0 && text[index + text.spaceLength(at: index)] == .asterisk) {
            if text[index] == .asterisk { masks += 1; index += 1 } else { index += text.spaceLength(at: index) }
        }
        guard masks >= 3 else { return nil }
        let line = line(around: star)
        let named = firstWord(in: max(line.lowerBound, star - 40)..<star) { wordStart, _ in
            Self.accountStems.contains { text.hasWord($0, at: wordStart) }
        }
        guard named, let digits = accountDigits(after: index, within: line), digits.start - index <= 2 else { return nil }
        return Candidate(kind: .partialIBAN, start: star, end: digits.end)
    }

    /// The first group of 2–6 digits (one space may split it: "43 00") after `start` within 40
    /// bytes on the line; not an amount, not part of a longer number.
    private func accountDigits(after start: Int, within line: Range<Int>) -> Candidate? {
        var index = start
        let limit = min(line.upperBound, start + 40)
        while index < limit && !text.isDigit(index) { index += 1 }
        guard index < limit, !text.isWordCharacter(endingAt: index) else { return nil }
        let digitsStart = index
        var digits = 0
        while true {
            while text.isDigit(index) { index += 1; digits += 1 }
            let space = text.spaceLength(at: index)
            if space > 0 && text.isDigit(index + space) && digits + 2 <= 6 && text.isDigit(index + space + 1) {
                index += space
                continue
            }
            break
        }
        guard (2...6).contains(digits), !text.isWordCharacter(startingAt: index),
              !numberContinues(after: index, strict: false), !isAmount(before: digitsStart)
        else { return nil }
        return Candidate(kind: .partialIBAN, start: digitsStart, end: index)
    }

    /// A masked IBAN at "NL": country, then letters, digits and mask characters (`*`, `•`, `x`)
    /// in groups of up to four, 8–18 characters in all, at least two masked and two digits shown
    /// after the check digits.
    private func maskedIBAN(at start: Int) -> Candidate? {
        var index = start + 2
        var characters = 2, masks = 0, shownDigits = 0
        while characters < 18 {
            let byte = text[index]
            var length = 1
            if byte == .asterisk || byte == 0x78 || byte == 0x58 {
                masks += 1
            } else if byte == 0xE2 && text[index + 1] == 0x80 && text[index + 2] == 0xA2 {  // "•"
                masks += 1
                length = 3
            } else if ByteText.isDigit(byte) {
                if characters >= 4 { shownDigits += 1 }
            } else if !ByteText.isLetter(byte) {
                let space = text.spaceLength(at: index)
                guard space > 0, Self.isMaskedIBANCharacter(text, index + space) else { break }
                index += space
                continue
            }
            characters += 1
            index += length
        }
        guard characters >= 8, masks >= 2, shownDigits >= 2, !text.isWordCharacter(startingAt: index) else { return nil }
        return Candidate(kind: .partialIBAN, start: start, end: index)
    }

    private static func isMaskedIBANCharacter(_ text: ByteText, _ index: Int) -> Bool {
        let byte = text[index]
        return ByteText.isAlnum(byte) || byte == .asterisk || (byte == 0xE2 && text[index + 1] == 0x80 && text[index + 2] == 0xA2)
    }

    /// Whether a currency sign or word stands right before `index` ("€ 43", "EUR 43").
    func isAmount(before index: Int) -> Bool {
        var cursor = index
        while text.spaceLength(endingAt: cursor) > 0 { cursor -= text.spaceLength(endingAt: cursor) }
        return text.hasWord(Self.euroSignBytes, at: cursor - 3) || text.hasWord(Self.eurBytes, at: cursor - 3)
    }

    static let euroSignBytes: [UInt8] = Array("€".utf8)
    static let eurBytes: [UInt8] = Array("eur".utf8)

    private static let endingWords: [[UInt8]] = [
        "laatste", "eindigt", "eindigend", "eindigen", "eindigd", "ending", "ends", "last",
    ].map { Array($0.utf8) }
    private static let accountStems: [[UInt8]] = ["iban", "rekening", "bankrek", "reknr", "account", "bank"].map { Array($0.utf8) }
}
