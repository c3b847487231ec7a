extension Scan {
    /// A street name and huisnummer without a postcode, starting at the word at `start`:
    /// "Kerkstraat 12", "kerkstraat 12a", "Havenkade 3", "Nieuwe Binnenweg 301b", "Oudegracht 5-II",
    /// "Burgemeester de Withstraat 4", "Grote Markt 1", "Markt 12".
    ///
    /// The street is a word ending in one of the file's endings (longer than the ending itself), or
    /// the ending on its own after a capitalised word ("Oude Gracht") or, for endings the file
    /// writes with a capital, on its own with a capital ("Markt"). Then one space and a huisnummer:
    /// 1–4 digits not starting with 0, an optional letter or "-toevoeging". Not an address: a number
    /// followed by a unit ("onderweg 2 uur", "veld 3 keer") or running on into a range or another
    /// number ("Kerkstraat 1 t/m 40", "Stationsweg 10-20").
    ///
    /// The match starts at the first word of the name: capitalised words and particles between
    /// them ("Burgemeester de Withstraat 4"), at most three words before the street word.
    func streetAddress(at start: Int, suffixes: StreetNameSuffixes) -> Candidate? {
        let end = letterRunEnd(from: start)
        guard end - start >= 2 else { return nil }
        let space = text.spaceLength(at: end)
        guard space > 0, text.isDigit(end + space), text[end + space] != .zero else { return nil }
        guard let numberEnd = streetNumberEnd(from: end + space) else { return nil }
        guard isStreetName(start, end, suffixes: suffixes) else { return nil }
        return Candidate(kind: .streetAddress, start: streetNameStart(before: start), end: numberEnd)
    }

    private func isStreetName(_ start: Int, _ end: Int, suffixes: StreetNameSuffixes) -> Bool {
        let length = end - start
        for ending in suffixes.endings where ending.count <= length && text.hasWord(ending, at: end - ending.count) {
            if ending.count < length {
                // "Kerkstraat", "kerkstraat"; a hyphen before the ending is a name of its own ("Sint-Jans-straat" is rare).
                return text[end - ending.count - 1] != .hyphen
            }
            guard isCapital(at: start) else { return false }
            if suffixes.standalone.contains(ending) { return true }
            guard let previous = previousWord(before: start) else { return false }
            return isCapital(at: previous.start) && !isStopWord(previous.start, previous.end)
        }
        return false
    }

    /// The end of a huisnummer at `start` (a digit 1–9), or nil when the number is something else.
    private func streetNumberEnd(from start: Int) -> Int? {
        var index = start
        while text.isDigit(index) { index += 1 }
        guard index - start <= 4 else { return nil }
        if text.isLetter(index) && !text.isLetter(index + 1) && !text.isDigit(index + 1) {
            index += 1  // "12a", "14B"
        } else if text[index] == .hyphen && text.isLetter(index + 1) {
            var end = index + 1
            while text.isAlnum(end) && end - index <= 4 { end += 1 }
            guard end - index <= 4 else { return nil }
            index = end  // "5-II", "12-A"
        }
        guard !text.isWordCharacter(startingAt: index), !numberContinues(after: index, strict: false) else { return nil }
        // What follows: a unit makes it a quantity, "t/m" or "tot" a range.
        let space = text.spaceLength(at: index)
        if text[index] == 0x25 { return nil }  // "%"
        if space > 0 {
            let next = index + space
            if text.isDigit(next) { return nil }  // "Kerkstraat 5 6", a list of numbers
            // "Kerkstraat 5 en 7", "3 of 4": more numbers, not one household.
            if (text.hasWord(Self.and, at: next) || text.hasWord(Self.or, at: next)) && text.spaceLength(at: next + 2) > 0
                && text.isDigit(next + 2 + text.spaceLength(at: next + 2)) { return nil }
            let nextEnd = text[next] == 0x74 && text[next + 1] == .slash ? next + 3 : letterRunEnd(from: next)
            if nextEnd > next && Self.quantityWords.contains(lowercasedBytes(next, nextEnd)) { return nil }
        }
        return index
    }

    /// The first word of the street's name: capitalised words (not sentence words such as "Bij"
    /// or "Mijn") directly before the street word, with particles between them.
    private func streetNameStart(before start: Int) -> Int {
        var nameStart = start
        var words = 0
        var cursor = start
        while words < 3, let previous = previousWord(before: cursor) {
            if isCapital(at: previous.start) && !isStopWord(previous.start, previous.end) {
                nameStart = previous.start
                cursor = previous.start
                words += 1
                continue
            }
            // A particle counts only when a capitalised name word precedes it: "Burgemeester de Withstraat".
            guard Self.particles.contains(lowercasedBytes(previous.start, previous.end)),
                  let beforeParticle = previousWord(before: previous.start),
                  isCapital(at: beforeParticle.start), !isStopWord(beforeParticle.start, beforeParticle.end)
            else { break }
            nameStart = beforeParticle.start
            cursor = beforeParticle.start
            words += 2
        }
        return nameStart
    }

    /// The word that ends one space or hyphen before `start`.
    private func previousWord(before start: Int) -> (start: Int, end: Int)? {
        let gap = text[start - 1] == .hyphen ? 1 : text.spaceLength(endingAt: start)
        guard gap > 0 else { return nil }
        let end = start - gap
        var wordStart = end
        while wordStart > 0 {
            let byte = text[wordStart - 1]
            if ByteText.isLetter(byte) || byte == 0x27 { wordStart -= 1; continue }  // "'t"
            if byte >= 0x80 {
                var lead = wordStart - 1
                while lead > 0 && text[lead] & 0xC0 == 0x80 { lead -= 1 }
                if text.scalar(at: lead)?.properties.isAlphabetic == true { wordStart = lead; continue }
            }
            break
        }
        return wordStart < end ? (wordStart, end) : nil
    }

    private func isStopWord(_ start: Int, _ end: Int) -> Bool {
        Self.sentenceWords.contains(lowercasedBytes(start, end))
    }

    func lowercasedBytes(_ start: Int, _ end: Int) -> [UInt8] {
        (start..<end).map { ByteText.lower(text[$0]) }
    }

    /// Words that follow a number and make it a quantity, not a huisnummer.
    private static let quantityWords: Set<[UInt8]> = Set([
        "u", "uur", "uren", "min", "minuut", "minuten", "sec", "seconden", "dag", "dagen", "week", "weken",
        "maand", "maanden", "jaar", "jaren", "keer", "x", "km", "m", "meter", "cm", "euro", "eur", "cent",
        "procent", "kg", "gram", "liter", "gb", "mb", "mbit", "gbit", "stuks", "personen", "mensen",
        "graden", "t/m", "tot",
    ].map { Array($0.utf8) })
    private static let and: [UInt8] = Array("en".utf8), or: [UInt8] = Array("of".utf8)

    private static let particles: Set<[UInt8]> = Set([
        "de", "der", "den", "het", "'t", "van", "ter", "ten", "te", "op", "aan", "in", "la", "le",
    ].map { Array($0.utf8) })

    /// Capitalised words that start a sentence rather than a street name.
    private static let sentenceWords: Set<[UInt8]> = Set([
        "bij", "op", "in", "aan", "naar", "voor", "achter", "langs", "via", "hoek", "de", "het", "een", "mijn",
        "ons", "onze", "ik", "wij", "we", "storing", "adres", "woon", "is", "the", "at", "my", "on",
    ].map { Array($0.utf8) })
}
