extension Scan {
    /// A Dutch postcode (four digits not starting with 0, two letters other than SA, SD, SS)
    /// together with a huisnummer, in either order: "1234 AB 12", "1234AB, 5a",
    /// "postcode 1234ab huisnummer 12", or "Kerkstraat 12, 1234 AB Hoorn".
    ///
    /// A postcode alone is not flagged: it names a street segment, not a household. Letters must
    /// be capitals when a space separates them from the digits; lowercase only when attached
    /// ("1234ab"), because "2012 en 13" is ordinary prose. A postcode after a word in capitals is
    /// skipped as well: "RANGLIJST 2012 EN 2013" is a heading.
    func postcodeHuisnummer(at start: Int) -> Candidate? {
        guard text.isDigit(start + 1), text.isDigit(start + 2), text.isDigit(start + 3),
              !text.isDigit(start + 4)
        else { return nil }
        let space = text.spaceLength(at: start + 4)
        let first = text[start + 4 + space]
        let second = text[start + 5 + space]
        let bothUpper = ByteText.isUpper(first) && ByteText.isUpper(second)
        let bothLower = ByteText.isLower(first) && ByteText.isLower(second)
        guard bothUpper || (bothLower && space == 0) else { return nil }
        let pair = [ByteText.lower(first), ByteText.lower(second)]
        guard !Self.unusedLetterPairs.contains(pair) else { return nil }
        let postcodeEnd = start + 6 + space
        guard text.isDigit(postcodeEnd) || !text.isWordCharacter(startingAt: postcodeEnd) else { return nil }
        guard !numberContinues(before: start, strict: false) else { return nil }
        if space > 0 && followsWordInCapitals(start) { return nil }

        if let end = huisnummer(after: postcodeEnd) {
            return Candidate(kind: .postcodeHuisnummer, start: start, end: end)
        }
        if let numberStart = huisnummer(before: start) {
            return Candidate(kind: .postcodeHuisnummer, start: numberStart, end: postcodeEnd)
        }
        return nil
    }

    /// The end of a huisnummer after a postcode: optional ",", spaces and a label ("huisnummer",
    /// "huisnr", "nr", "no"), then 1–5 digits, an optional letter and an optional "-toevoeging".
    private func huisnummer(after postcodeEnd: Int) -> Int? {
        var index = postcodeEnd
        if text[index] == .comma { index += 1 }
        while text.spaceLength(at: index) > 0 { index += text.spaceLength(at: index) }
        for label in Self.huisnummerLabels where text.hasWord(label, at: index) && !text.isLetter(index + label.count) {
            index += label.count
            if text[index] == .dot || text[index] == .colon { index += 1 }
            while text.spaceLength(at: index) > 0 { index += text.spaceLength(at: index) }
            break
        }
        guard text[index] != .zero else { return nil }
        let digitsStart = index
        while text.isDigit(index) { index += 1 }
        guard (1...5).contains(index - digitsStart) else { return nil }
        if text.isLetter(index) && !text.isLetter(index + 1) && !text.isDigit(index + 1) { index += 1 }
        if text[index] == .hyphen, text.isAlnum(index + 1) {
            var end = index + 1
            while text.isAlnum(end) && end - index <= 4 { end += 1 }
            if end - index <= 4 { index = end }
        }
        guard !text.isWordCharacter(startingAt: index), !numberContinues(after: index, strict: false) else {
            return nil
        }
        return index
    }

    /// The start of a huisnummer before a postcode: "Kerkstraat 12, ", "Dorpsweg 3a\n".
    /// The number must follow a word (the street name) and a space.
    private func huisnummer(before postcodeStart: Int) -> Int? {
        var index = postcodeStart
        var newlines = 0
        while true {
            let space = text.spaceLength(endingAt: index)
            if space > 0 { index -= space; continue }
            if text[index - 1] == .newline && newlines == 0 { newlines += 1; index -= 1; continue }
            if text[index - 1] == 0x0D { index -= 1; continue }
            break
        }
        if text[index - 1] == .comma { index -= 1 }
        while text.spaceLength(endingAt: index) > 0 { index -= text.spaceLength(endingAt: index) }
        guard index < postcodeStart else { return nil }
        if text.isLetter(index - 1) && text.isDigit(index - 2) { index -= 1 }  // "12a"
        let digitsEnd = index
        while text.isDigit(index - 1) { index -= 1 }
        guard (1...5).contains(digitsEnd - index), text[index] != .zero else { return nil }
        let space = text.spaceLength(endingAt: index)
        guard space > 0 else { return nil }
        let beforeSpace = text[index - space - 1]
        guard ByteText.isLetter(beforeSpace) || beforeSpace == .dot || beforeSpace >= 0x80 else { return nil }
        return index
    }

    /// Whether the word right before `start` is written in capitals (two or more letters).
    private func followsWordInCapitals(_ start: Int) -> Bool {
        let space = text.spaceLength(endingAt: start)
        guard space > 0 else { return false }
        var index = start - space
        var letters = 0
        while ByteText.isUpper(text[index - 1]) { index -= 1; letters += 1 }
        return letters >= 2 && !text.isWordCharacter(endingAt: index)
            && !text.hasWord(Self.postcodeLabel, at: index) && !text.hasWord(Self.postcodeAbbreviation, at: index)
    }

    /// Letter pairs PostNL does not use.
    private static let unusedLetterPairs = Set(["sa", "sd", "ss"].map { Array($0.utf8) })
    private static let huisnummerLabels: [[UInt8]] = ["huisnummer", "huisnr", "nr", "no"].map { Array($0.utf8) }
    private static let postcodeLabel: [UInt8] = Array("postcode".utf8)
    private static let postcodeAbbreviation: [UInt8] = Array("pc ".utf8)
}
