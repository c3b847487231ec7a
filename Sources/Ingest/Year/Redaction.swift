import PersonalData

/// Messages about a row quote its cells, and a cell may hold personal data (an e-mail address
/// typed where the gemeente's name belongs). Messages that are printed — rather than written to
/// the private rejects.csv — pass through here first.
enum Redaction {
    /// `text` with every personal-data match replaced by its kind: `"[e-mail address]"`.
    static func redactingPersonalData(_ text: String) -> String {
        let matches = PersonalDataDetector.freeText.matches(in: text)
        guard !matches.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var redacted: [UInt8] = []
        redacted.reserveCapacity(bytes.count)
        var position = 0
        for match in matches where match.utf8Offsets.lowerBound >= position {
            redacted += bytes[position..<match.utf8Offsets.lowerBound]
            redacted += Array("[\(match.kind.label)]".utf8)
            position = match.utf8Offsets.upperBound
        }
        redacted += bytes[position...]
        return String(decoding: redacted, as: UTF8.self)
    }
}
