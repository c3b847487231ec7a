extension Scan {
    /// An e-mail address around the "@" at `atSign`: a local part of letters, digits and `._%+-`
    /// (so plus-addressing works, quotes and markup stay outside), then a domain of at least two
    /// labels whose last label is alphabetic (or an `xn--` label). Letters and digits of any
    /// script count (internationalised addresses: `jån@exämple.nl`). "@handle" has no local part
    /// and is not an address; "logo@2x.png" (image density names) is not one either.
    func email(at atSign: Int) -> Candidate? {
        var start = atSign
        while start > 0 && atSign - start < 64 {
            if Self.isLocalPartByte(text[start - 1]) {
                start -= 1
            } else if let scalarStart = text.nonASCIIWordStart(endingAt: start) {
                start = scalarStart
            } else {
                break
            }
        }
        if Self.isLocalPartByte(text[start - 1]) || text.nonASCIIWordStart(endingAt: start) != nil {
            return nil  // longer than any real local part
        }
        while start < atSign && text[start] == .dot { start += 1 }
        guard start < atSign, text[atSign - 1] != .dot else { return nil }

        var index = atSign + 1
        var labels = 0
        var firstLabel = index..<index
        var lastLabel = index..<index
        var lastLabelIsAlphabetic = true
        while true {
            let labelStart = index
            var alphabetic = true
            while true {
                if ByteText.isAlnum(text[index]) || text[index] == .hyphen {
                    if !text.isLetter(index) { alphabetic = false }
                    index += 1
                } else if case let width = text.nonASCIIWordLength(at: index), width > 0 {
                    index += width
                } else {
                    break
                }
            }
            let length = index - labelStart
            guard (1...63).contains(length), text[labelStart] != .hyphen, text[index - 1] != .hyphen else {
                return nil
            }
            labels += 1
            if labels == 1 { firstLabel = labelStart..<index }
            lastLabel = labelStart..<index
            lastLabelIsAlphabetic = alphabetic
            guard text[index] == .dot, text.isAlnum(index + 1) || text.nonASCIIWordLength(at: index + 1) > 0 else { break }
            index += 1
        }
        guard labels >= 2, lastLabel.count >= 2,
              lastLabelIsAlphabetic || text.hasWord(Self.punycodePrefix, at: lastLabel.lowerBound),
              !text.isWordCharacter(startingAt: index), text[index] != .at
        else { return nil }
        if isDensitySuffix(firstLabel) || Self.fileExtensions.contains(lowercased(lastLabel)) { return nil }
        return Candidate(kind: .email, start: start, end: index)
    }

    private static func isLocalPartByte(_ byte: UInt8) -> Bool {
        ByteText.isAlnum(byte) || localPartPunctuation.contains(byte)
    }

    /// "2x" style names: `icon@2x.png`.
    private func isDensitySuffix(_ label: Range<Int>) -> Bool {
        label.count >= 2 && ByteText.lower(text[label.upperBound - 1]) == 0x78
            && label.dropLast().allSatisfy { text.isDigit($0) }
    }

    private func lowercased(_ range: Range<Int>) -> String {
        String(decoding: range.map { ByteText.lower(text[$0]) }, as: UTF8.self)
    }

    private static let localPartPunctuation: Set<UInt8> = Set("._%+-".utf8)

    /// The ASCII form of an internationalised label (`xn--p1ai`).
    private static let punycodePrefix: [UInt8] = Array("xn--".utf8)

    /// Domain endings that are file names in web assets rather than mail domains.
    private static let fileExtensions: Set<String> = [
        "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "ico", "css", "js", "json", "html", "htm",
    ]
}
