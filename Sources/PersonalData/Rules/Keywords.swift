/// What follows a keyword and is personal data because of it.
enum Anchor: Hashable {
    /// A BSN in any grouping, still checked with the 11-proef.
    case bsn
    /// A number such as a klantnummer: a token of letters, digits and "./-" with at least five digits.
    case reference(PersonalDataKind)
    /// An amount of money after a first-person phrase ("mijn inkomen", "ik heb een schuld").
    case amount(PersonalDataKind)
}

struct Keyword {
    let word: [UInt8]
    let anchor: Anchor
}

extension Scan {
    /// How far after a keyword (in bytes, on the same line) its value may start.
    static let keywordWindow = 40

    /// The keyword that starts at `start`, if any, ending at a non-letter. Matching ignores case.
    func keyword(at start: Int) -> (anchor: Anchor, end: Int)? {
        // Most words (in HTML: every tag and attribute name) start with no keyword's first two
        // letters; one table look-up rules them out before any list is walked.
        let first = ByteText.lower(text[start]), second = ByteText.lower(text[start + 1])
        guard Self.keywordOpenings[Int(first) << 8 | Int(second)] else { return nil }
        for keyword in Self.keywordsByFirstByte[Int(first)]
        where text.hasWord(keyword.word, at: start) && !text.isLetter(start + keyword.word.count) {
            return (keyword.anchor, start + keyword.word.count)
        }
        return nil
    }

    /// The value an anchor points at: the first number after the keyword within the window.
    func anchoredValue(_ anchor: Anchor, after keywordEnd: Int) -> Candidate? {
        guard let digit = firstDigit(after: keywordEnd) else { return nil }
        switch anchor {
        case .bsn:
            return labelledBSN(at: digit)
        case .reference(let kind):
            return reference(kind, around: digit, after: keywordEnd)
        case .amount(let kind):
            return amount(kind, at: digit, after: keywordEnd)
        }
    }

    private func firstDigit(after start: Int) -> Int? {
        var index = start
        while index < start + Self.keywordWindow && index < text.count {
            let byte = text[index]
            if ByteText.isDigit(byte) { return index }
            if byte == .newline { return nil }
            index += 1
        }
        return nil
    }

    /// The token after the keyword that holds the digit at `digit` ("TM-12345678",
    /// "1234.56.789.H.01"): letters and digits joined by single ".", "-", "/", or by a space
    /// before another group of at least three digits ("1234 5678 9012 3456"). It counts when it
    /// holds at least five digits.
    private func reference(_ kind: PersonalDataKind, around digit: Int, after keywordEnd: Int) -> Candidate? {
        var start = digit
        while start > keywordEnd,
              text.isAlnum(start - 1) || (Self.isJoiner(text[start - 1]) && text.isAlnum(start - 2)) {
            start -= 1
        }
        while Self.isJoiner(text[start]) { start += 1 }
        if start > keywordEnd && text.isWordCharacter(endingAt: start) { return nil }
        var index = start
        var digits = 0
        while true {
            while text.isAlnum(index) {
                if text.isDigit(index) { digits += 1 }
                index += 1
            }
            if Self.isJoiner(text[index]) && text.isAlnum(index + 1) {
                index += 1
                continue
            }
            let space = text.spaceLength(at: index)
            if space > 0 && text.isDigit(index - 1) && text.isDigit(index + space)
                && text.isDigit(index + space + 1) && text.isDigit(index + space + 2) {
                index += space
                continue
            }
            break
        }
        guard digits >= 5, !text.isWordCharacter(startingAt: index) else { return nil }
        return Candidate(kind: kind, start: start, end: index)
    }

    /// An amount at `digit`: digits with "." and "," ("2.150", "1500,50"). It counts with a
    /// currency ("€" or "EUR" before it, "euro", "eur" or ",-" after it) or with three or more digits,
    /// so "ik moet nog 2 formulieren" is no debt.
    private func amount(_ kind: PersonalDataKind, at digit: Int, after keywordEnd: Int) -> Candidate? {
        if text.isWordCharacter(endingAt: digit) { return nil }
        var index = digit
        var digits = 0
        while true {
            while text.isDigit(index) { digits += 1; index += 1 }
            if (text[index] == .dot || text[index] == .comma) && text.isDigit(index + 1) {
                index += 1
                continue
            }
            break
        }
        let end = index
        if text.isWordCharacter(startingAt: end) { return nil }
        var currency = (keywordEnd..<digit).contains { text.hasWord(Self.euroSign, at: $0) || text.hasWord(Self.eur, at: $0) }
        if text[end] == .comma && text[end + 1] == .hyphen { currency = true }
        var after = end
        while text.spaceLength(at: after) > 0 { after += text.spaceLength(at: after) }
        if text.hasWord(Self.eur, at: after) { currency = true }
        guard currency || digits >= 3 else { return nil }
        return Candidate(kind: kind, start: digit, end: end)
    }

    private static func isJoiner(_ byte: UInt8) -> Bool {
        byte == .dot || byte == .hyphen || byte == .slash
    }

    private static let eur: [UInt8] = Array("eur".utf8)
    private static let euroSign: [UInt8] = Array("€".utf8)

    static let keywords: [Keyword] = {
        func words(_ list: [String], _ anchor: Anchor) -> [Keyword] {
            list.map { Keyword(word: Array($0.utf8), anchor: anchor) }
        }
        return words([
            "bsn", "bsn-nummer", "bsn nummer", "burgerservicenummer", "burgerservice nummer",
            "burger service nummer", "sofinummer", "sofi-nummer", "sofi nummer", "sofinr",
            "citizen service number", "social security number",
        ], .bsn)
            + words([
                "rekeningnummer", "rekeningnr", "rekening nummer", "bankrekeningnummer", "bankrekening",
                "gironummer", "reknr", "rek.nr", "bank account", "account number",
            ], .reference(.bankAccount))
            + words([
                "klantnummer", "klantnr", "klant nummer", "klant-nummer", "klant nr", "klant id", "klant-id",
                "ordernummer", "ordernr", "order nummer", "order nr", "bestelnummer", "bestelnr", "bestel nr",
                "factuurnummer", "factuurnr", "factuur nummer", "factuur nr", "contractnummer", "contractnr",
                "contract nummer", "contract nr", "abonnementsnummer", "customer number", "customer id",
                "order number", "invoice number",
            ], .reference(.customerNumber))
            + words([
                "aanslagnummer", "aanslagnr", "aanslag nummer", "aanslag nr", "beschikkingsnummer", "beschikkingnummer",
                "beschikking nummer", "beschikking nr", "betalingskenmerk", "assessment number",
            ], .reference(.taxReference))
            + words([
                "dossiernummer", "dossiernr", "dossier nummer", "dossier nr", "zaaknummer", "zaaknr", "zaak nummer",
                "zaak nr", "referentienummer", "case number", "reference number",
            ], .reference(.caseNumber))
            + words([
                "mijn inkomen", "ons inkomen", "mijn salaris", "mijn loon", "mijn uitkering",
                "mijn pensioen", "ik verdien", "wij verdienen", "we verdienen", "my income", "my salary",
                "i earn",
            ], .amount(.income))
            + words([
                "mijn schuld", "mijn schulden", "onze schuld", "onze schulden", "ik heb een schuld",
                "ik heb schulden", "ik moet nog", "wij moeten nog", "we moeten nog", "nog te betalen",
                "betalingsachterstand", "achterstand van", "my debt", "i owe",
            ], .amount(.debt))
    }()

    /// Whether some keyword starts with these two bytes (index: first byte × 256 + second).
    static let keywordOpenings: [Bool] = {
        var table = [Bool](repeating: false, count: 65_536)
        for keyword in keywords { table[Int(keyword.word[0]) << 8 | Int(keyword.word[1])] = true }
        return table
    }()

    /// Keywords by the lowercase first byte, longest first so "bsn-nummer" wins over "bsn".
    static let keywordsByFirstByte: [[Keyword]] = {
        var table = [[Keyword]](repeating: [], count: 256)
        for keyword in keywords { table[Int(keyword.word[0])].append(keyword) }
        return table.map { $0.sorted { $0.word.count > $1.word.count } }
    }()
}
