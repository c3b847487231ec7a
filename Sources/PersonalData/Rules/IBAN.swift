extension Scan {
    /// Text shaped like an IBAN; an IBAN only when the check holds.
    struct IBANShape {
        let end: Int
        let isValid: Bool
    }

    /// An IBAN shape starting at `start` (two letters, two digits): as many letters and digits as
    /// the country's IBAN length, optionally split by single spaces, in any letter case, ending at
    /// a word boundary. A Dutch one must have four letters of the bank, then ten digits. It is
    /// valid when the ISO 13616 check holds (mod 97 == 1).
    func ibanShape(at start: Int) -> IBANShape? {
        let country = (ByteText.lower(text[start]), ByteText.lower(text[start + 1]))
        guard let length = Self.ibanLengths[UInt16(country.0) << 8 | UInt16(country.1)] else { return nil }
        let isDutch = country == (0x6E, 0x6C)
        var index = start
        var taken = 0
        var remainder = 0  // mod 97 of the rearranged IBAN, built from the fifth character on
        while taken < length {
            let byte = text[index]
            if ByteText.isAlnum(byte) {
                if isDutch && taken >= 4 && (taken < 8 ? !ByteText.isLetter(byte) : !ByteText.isDigit(byte)) {
                    return nil
                }
                if taken >= 4 { remainder = Self.mod97(remainder, appending: byte) }
                taken += 1
                index += 1
            } else {
                let space = text.spaceLength(at: index)
                guard space > 0, text.isAlnum(index + space) else { return nil }
                index += space
            }
        }
        guard !text.isWordCharacter(startingAt: index) else { return nil }
        for offset in 0..<4 { remainder = Self.mod97(remainder, appending: text[start + offset]) }
        return IBANShape(end: index, isValid: remainder == 1)
    }

    /// Appends one IBAN character: a digit as itself, a letter as 10…35.
    static func mod97(_ remainder: Int, appending byte: UInt8) -> Int {
        if ByteText.isDigit(byte) { return (remainder * 10 + Int(byte &- .zero)) % 97 }
        return (remainder * 100 + Int(ByteText.lower(byte) &- 0x61) + 10) % 97
    }

    /// IBAN length per country code (SWIFT IBAN registry), keyed by the lowercase letters.
    static let ibanLengths: [UInt16: Int] = {
        let table: [(String, Int)] = [
            ("ad", 24), ("ae", 23), ("al", 28), ("at", 20), ("az", 28), ("ba", 20), ("be", 16),
            ("bg", 22), ("bh", 22), ("bi", 27), ("br", 29), ("by", 28), ("ch", 21), ("cr", 22),
            ("cy", 28), ("cz", 24), ("de", 22), ("dj", 27), ("dk", 18), ("do", 28), ("ee", 20),
            ("eg", 29), ("es", 24), ("fi", 18), ("fk", 18), ("fo", 18), ("fr", 27), ("gb", 22),
            ("ge", 22), ("gi", 23), ("gl", 18), ("gr", 27), ("gt", 28), ("hr", 21), ("hu", 28),
            ("ie", 22), ("il", 23), ("iq", 23), ("is", 26), ("it", 27), ("jo", 30), ("kw", 30),
            ("kz", 20), ("lb", 28), ("lc", 32), ("li", 21), ("lt", 20), ("lu", 20), ("lv", 21),
            ("ly", 25), ("mc", 27), ("md", 24), ("me", 22), ("mk", 19), ("mn", 20), ("mr", 27),
            ("mt", 31), ("mu", 30), ("ni", 28), ("nl", 18), ("no", 15), ("om", 23), ("pk", 24),
            ("pl", 28), ("ps", 29), ("pt", 25), ("qa", 29), ("ro", 24), ("rs", 22), ("ru", 33),
            ("sa", 24), ("sc", 31), ("sd", 18), ("se", 24), ("si", 19), ("sk", 24), ("sm", 27),
            ("so", 23), ("st", 25), ("sv", 28), ("tl", 23), ("tn", 24), ("tr", 26), ("ua", 29),
            ("va", 22), ("vg", 24), ("xk", 20), ("ye", 30),
        ]
        var lengths: [UInt16: Int] = [:]
        for (code, length) in table {
            let letters = Array(code.utf8)
            lengths[UInt16(letters[0]) << 8 | UInt16(letters[1])] = length
        }
        return lengths
    }()
}
