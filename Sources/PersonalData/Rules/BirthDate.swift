extension Scan {
    /// A date with a year from 1900 on, named as a date of birth by a word on the same line within
    /// a few words before or after it: "geboortedatum 14-02-1987", "geb. 21-11-1992", "geboren op
    /// 3 mei 1979", "08-08-1988 is mijn geboortedatum", "dob 12/04/1988".
    ///
    /// Dates: `d-m-yyyy`, `d/m/yyyy`, `d.m.yyyy` (one separator throughout; also `dd-mm-yy`),
    /// `yyyy-mm-dd`, and `d maand yyyy` with a Dutch or English month name or its abbreviation.
    /// A date without such a word is any date — a meeting, a deadline — and is not flagged.
    func birthDate(at start: Int) -> Candidate? {
        guard !numberContinues(before: start, strict: false),
              let date = dateShape(at: start), (1900...2030).contains(date.year),
              !numberContinues(after: date.end, strict: false), !text.isWordCharacter(startingAt: date.end)
        else { return nil }
        let line = line(around: start)
        let window = max(line.lowerBound, start - Self.birthWordReach)..<min(line.upperBound, date.end + Self.birthWordReach)
        let named = firstWord(in: window) { wordStart, wordEnd in
            Self.birthWords.contains { word(wordStart, wordEnd, is: $0) }
                || Self.birthStems.contains { text.hasWord($0, at: wordStart) && wordEnd - wordStart >= $0.count }
        }
        return named ? Candidate(kind: .birthDate, start: start, end: date.end) : nil
    }

    /// How far (bytes) from the date the naming word may stand.
    static let birthWordReach = 40

    /// A date starting at the digit `start`: its end and four-digit year.
    func dateShape(at start: Int) -> (end: Int, year: Int)? {
        var index = start
        func number(maximumDigits: Int) -> (value: Int, digits: Int)? {
            let first = index
            var value = 0
            while text.isDigit(index) && index - first < maximumDigits + 1 {
                value = value * 10 + Int(text[index] &- .zero)
                index += 1
            }
            let digits = index - first
            return digits == 0 || digits > maximumDigits ? nil : (value, digits)
        }
        guard let first = number(maximumDigits: 4) else { return nil }
        let separator = text[index]
        if separator == .hyphen || separator == .slash || separator == .dot {
            index += 1
            guard let second = number(maximumDigits: 2), text[index] == separator else { return nil }
            index += 1
            guard let third = number(maximumDigits: 4) else { return nil }
            if first.digits == 4 {  // yyyy-mm-dd
                guard third.digits <= 2, (1...12).contains(second.value), (1...31).contains(third.value) else { return nil }
                return (index, first.value)
            }
            guard (1...31).contains(first.value), (1...12).contains(second.value), third.digits == 4 || third.digits == 2 else {
                return nil
            }
            let year = third.digits == 4 ? third.value : (third.value > 30 ? 1900 : 2000) + third.value
            return (index, year)
        }
        // "3 mei 1979", "12 mrt. 1985"
        guard first.digits <= 2, (1...31).contains(first.value) else { return nil }
        let space = text.spaceLength(at: index)
        guard space > 0, text.isLetter(index + space) else { return nil }
        let monthStart = index + space
        let monthEnd = letterRunEnd(from: monthStart)
        guard Self.monthNames.contains(lowercasedBytes(monthStart, monthEnd)) else { return nil }
        index = monthEnd
        if text[index] == .dot { index += 1 }
        let yearSpace = text.spaceLength(at: index)
        guard yearSpace > 0, text.isDigit(index + yearSpace) else { return nil }
        index += yearSpace
        guard let year = number(maximumDigits: 4), year.digits == 4 else { return nil }
        return (index, year.value)
    }

    /// Whole words that name a date of birth.
    private static let birthWords: [[UInt8]] = ["geb", "dob", "d.o.b", "born", "geboren"].map { Array($0.utf8) }
    /// Beginnings of words that do: "geboortedatum", "geboorte datum", "birthdate", "birthday".
    private static let birthStems: [[UInt8]] = ["geboorte", "birth"].map { Array($0.utf8) }

    private static let monthNames: Set<[UInt8]> = Set([
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
        "november", "december", "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec",
        "january", "february", "march", "may", "june", "july", "august", "october", "mar", "oct",
    ].map { Array($0.utf8) })
}
