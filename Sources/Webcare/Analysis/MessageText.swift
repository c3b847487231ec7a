import PersonalData

/// What the analysis reads in a message's text: the personal data in a customer's message and
/// the words left for topics once it is taken out; in an organisation's reply, whether it asks to
/// continue privately or advises deleting, and its text in comparable form.
struct MessageText {
    let rules: WebcareRules
    let detector: PersonalDataDetector

    init(rules: WebcareRules) {
        self.rules = rules
        self.detector = rules.messageDetector
    }

    struct Customer {
        /// Bit per kind (`PersonalDataKind` index).
        var kinds: UInt32 = 0
        /// The matches in comparable form (`PersonalDataDetector.allowKey`).
        var keys: [String] = []
        /// Folded words for the topics: no personal data, handles, links, digits or stop words.
        var terms: [String] = []
    }

    func customer(_ text: String) -> Customer {
        var result = Customer()
        let matches = detector.matches(in: text)
        var bytes = Array(text.utf8)
        for match in matches {
            result.kinds |= Self.bit(match.kind)
            result.keys.append(PersonalDataDetector.allowKey(match.text))
            for offset in match.utf8Offsets { bytes[offset] = 0x20 }
        }
        Self.blankHandlesAndLinks(&bytes)
        let folded = TextFold.fold(String(decoding: bytes, as: UTF8.self))
        // Folded text holds only letters, digits and single spaces: a word is a term when it has
        // no digit and 3 to 30 letters.
        for word in folded.utf8.split(separator: 0x20) where word.count >= 3 && word.count <= 60 {
            guard !word.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { continue }
            let term = String(decoding: word, as: UTF8.self)
            if term.count <= 30 && !rules.stopWords.contains(term) { result.terms.append(term) }
        }
        return result
    }

    struct Reply {
        var asksPrivate = false
        var advisesDelete = false
    }

    func reply(_ text: String) -> Reply {
        let words = TextFold.words(TextFold.fold(text))
        return Reply(asksPrivate: rules.continuePrivatelyWords.contains { TextFold.contains(words, phrase: $0) },
                     advisesDelete: rules.adviseDeleteWords.contains { TextFold.contains(words, phrase: $0) })
    }

    static func bit(_ kind: PersonalDataKind) -> UInt32 {
        1 << UInt32(PersonalDataKind.allCases.firstIndex(of: kind)!)
    }

    /// "@gemeente" and "http://…", "www.…" become spaces: a handle or a link is no topic.
    static func blankHandlesAndLinks(_ bytes: inout [UInt8]) {
        var index = 0
        while index < bytes.count {
            let atWordStart = index == 0 || bytes[index - 1] == 0x20 || bytes[index - 1] == 0x0A || bytes[index - 1] == 0x28
            let isHandle = bytes[index] == 0x40
            let isLink = atWordStart && (Self.starts(bytes, index, "http") || Self.starts(bytes, index, "www."))
            guard isHandle || isLink else { index += 1; continue }
            while index < bytes.count && bytes[index] != 0x20 && bytes[index] != 0x0A && bytes[index] != 0x09 {
                bytes[index] = 0x20
                index += 1
            }
        }
    }

    private static func starts(_ bytes: [UInt8], _ index: Int, _ prefix: String) -> Bool {
        let prefix = Array(prefix.utf8)
        guard index + prefix.count <= bytes.count else { return false }
        for offset in 0..<prefix.count where bytes[index + offset] | 0x20 != prefix[offset] | 0x20 { return false }
        return true
    }
}
