extension Scan {
    /// An amount of money that is someone's income or debt, in a customer's own words: a currency
    /// amount ("€ 1.240", "€1.187,50", "1.950 euro", "EUR 312", "650,-") with, on the same line,
    /// a word of income ("uitkering", "salaris", "verdien", "pensioen", ...) or of debt
    /// ("schuld", "achterstand", "aanmaning", "deurwaarder", "terugbetalen", "rood", ...) near it,
    /// and a word of the writer ("ik", "mijn", "wij", "ons", "my", ...) in the same stretch.
    ///
    /// The writer's word keeps prices, fees and thresholds out ("De parkeervergunning kost € 75",
    /// "de inkomensgrens is € 2.250"); the kind is that of the nearest income or debt word. The
    /// first-person phrases of the keyword rules ("mijn inkomen is 2.150") are found without a
    /// currency as before.
    func amountNearIncomeOrDebt(at digit: Int) -> Candidate? {
        guard !numberContinues(before: digit, strict: false) else { return nil }
        var index = digit
        while true {
            while text.isDigit(index) { index += 1 }
            if (text[index] == .dot || text[index] == .comma) && text.isDigit(index + 1) { index += 1; continue }
            break
        }
        let end = index
        var currency = isAmount(before: digit)
        if text[end] == .comma && text[end + 1] == .hyphen { currency = true }
        var after = end
        while text.spaceLength(at: after) > 0 { after += text.spaceLength(at: after) }
        if text.hasWord(Self.eurBytes, at: after) && !text.isLetter(after + 3) { currency = true }
        if text.hasWord(Self.euroWord, at: after) && !text.isLetter(after + 4) { currency = true }
        guard currency, !text.isWordCharacter(startingAt: end) || text[end] == .comma else { return nil }

        let line = line(around: digit)
        let window = max(line.lowerBound, digit - Self.amountWordReach)..<min(line.upperBound, end + Self.amountWordReach)
        var nearest: (kind: PersonalDataKind, distance: Int)?
        var writer = false
        var obligation = false  // "moet", "nog": makes "betalen" a debt
        var payment: Int?
        firstWord(in: window) { wordStart, wordEnd in
            let distance = wordStart < digit ? digit - wordEnd : wordStart - end
            if Self.writerWords.contains(where: { word(wordStart, wordEnd, is: $0) }) { writer = true }
            if Self.obligationWords.contains(where: { word(wordStart, wordEnd, is: $0) }) { obligation = true }
            if word(wordStart, wordEnd, contains: Self.payWord) { payment = min(payment ?? distance, distance) }
            let kind: PersonalDataKind?
            if Self.incomeStems.contains(where: { word(wordStart, wordEnd, contains: $0) }) {
                kind = .income
            } else if Self.debtStems.contains(where: { word(wordStart, wordEnd, contains: $0) })
                        || Self.debtWords.contains(where: { word(wordStart, wordEnd, is: $0) }) {
                kind = .debt
            } else {
                kind = nil
            }
            if let kind, distance < (nearest?.distance ?? .max) { nearest = (kind, distance) }
            return false
        }
        if obligation, let payment, payment < (nearest?.distance ?? .max) { nearest = (.debt, payment) }
        guard writer, let nearest else { return nil }
        return Candidate(kind: nearest.kind, start: digit, end: end)
    }

    /// How far (bytes) from the amount its income or debt word, and the writer's word, may stand.
    static let amountWordReach = 60

    private static let euroWord: [UInt8] = Array("euro".utf8)
    private static let payWord: [UInt8] = Array("betalen".utf8)

    /// Parts of words about income: "bijstandsuitkering", "jaarinkomen", "verdient".
    private static let incomeStems: [[UInt8]] = [
        "inkomen", "inkomsten", "salaris", "loon", "uitkering", "pensioen", "bijstand", "verdien", "wajong", "aow",
        "income", "salary", "earn", "wage", "pension",
    ].map { Array($0.utf8) }
    /// Parts of words about debt and payments still due.
    private static let debtStems: [[UInt8]] = [
        "schuld", "achterstand", "achterstallig", "openstaand", "aanmaning", "incasso", "deurwaarder",
        "vordering", "terugvorder", "terugbetal", "naheffing", "betalingsregeling", "herinnering", "boete",
        "debt", "owe", "arrear", "overdue",
    ].map { Array($0.utf8) }
    /// Whole words about debt: "ik sta € 560 rood".
    private static let debtWords: [[UInt8]] = [Array("rood".utf8)]
    private static let obligationWords: [[UInt8]] = ["moet", "moeten", "nog"].map { Array($0.utf8) }
    /// The writer (or the writer's household) speaking.
    private static let writerWords: [[UInt8]] = [
        "ik", "mijn", "me", "mij", "wij", "we", "ons", "onze", "i", "my", "our",
    ].map { Array($0.utf8) }
}
