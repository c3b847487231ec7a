import Support

/// One answer in canonical form. A field that a year did not ask is absent from
/// `Response.values` altogether; a field that was asked but not answered is `.missing`.
/// That difference is what lets statistics say "not asked" instead of "0 %".
public enum FieldValue: Sendable, Hashable, Codable {
    /// A number; `approximate` is set for answers such as `ca. 300`, `± 250`, `300+`.
    case number(Double, approximate: Bool)
    /// A single choice, as its canonical value (e.g. `vaak`, `in_ontwikkeling`, `3`).
    case choice(String)
    /// A multi-select answer, as the set of canonical option values.
    case selection(Set<String>)
    /// Asked, but not answered (empty, `onbekend`, `n.v.t.`, ...).
    case missing

    public var number: Double? {
        if case .number(let value, _) = self { return value }
        return nil
    }

    public var isApproximate: Bool {
        if case .number(_, let approximate) = self { return approximate }
        return false
    }

    public var choice: String? {
        if case .choice(let value) = self { return value }
        return nil
    }

    public var selection: Set<String>? {
        if case .selection(let values) = self { return values }
        return nil
    }

    public var isMissing: Bool { self == .missing }
}

extension FieldValue: CustomStringConvertible {
    /// The answer in words, for messages that say what a field held when another kind of answer
    /// was expected (scoring and statistics): `the number 1212.5`, `the number 300 (approximate)`,
    /// `the choice 'vaak'`, `the selection {facebook, twitter}`, `no answer`. Numbers are written
    /// exactly, with a decimal point: the messages are English and name the value as stored.
    public var description: String {
        switch self {
        case .number(let number, let approximate):
            return "the number \(Rounding.shortest(number))" + (approximate ? " (approximate)" : "")
        case .choice(let choice):
            return "the choice '\(choice)'"
        case .selection(let values):
            return values.isEmpty ? "an empty selection" : "the selection {\(values.sorted().joined(separator: ", "))}"
        case .missing:
            return "no answer"
        }
    }
}

/// A gemeente's accepted answers for one survey year. Holds no personal data: the respondent's
/// name, e-mail, phone and remarks are read at ingest, scanned, and never copied into a response.
public struct Response: Sendable, Hashable, Codable {
    /// CBS code of the gemeente that answered.
    public var gemeente: String
    /// 1-based record number in the export (the header is record 1), for messages and `explain`.
    public var row: Int
    /// When the answer was submitted, as ISO 8601 (`2012-05-14T09:31:00`), if the export has it.
    public var submittedAt: String?
    /// Canonical field name → value (`followers.twitter`, `usage.informeren`, `channels`, ...).
    public var values: [String: FieldValue]

    public init(gemeente: String, row: Int, submittedAt: String? = nil, values: [String: FieldValue]) {
        self.gemeente = gemeente
        self.row = row
        self.submittedAt = submittedAt
        self.values = values
    }

    public subscript(field: String) -> FieldValue? { values[field] }
}
