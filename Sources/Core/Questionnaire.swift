/// Which answers a year's questionnaire offered per field, read from `<year>/mapping.yaml`
/// (`Mapping.questionnaire` in Ingest).
/// Responses alone cannot tell an option nobody chose (0 %) from an option that was not on the
/// form (niet gevraagd: Google+ in 2011, "alleen richtlijnen" in 2011); the mapping can.
public struct Questionnaire: Sendable, Hashable {
    /// Field → the canonical values the form offered. A field without an entry (a number field,
    /// or one the mapping does not have) offers every value.
    public var offered: [String: Set<String>]

    public init(offered: [String: Set<String>]) {
        self.offered = offered
    }

    /// Whether the form offered `value` for `field`; `true` when the mapping does not say.
    public func offers(_ value: String, for field: String) -> Bool {
        offered[field].map { $0.contains(value) } ?? true
    }
}
