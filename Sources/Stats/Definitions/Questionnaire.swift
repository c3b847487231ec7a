import Ingest

/// Which answers a year's questionnaire offered per field, read from `<year>/mapping.yaml`.
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

    /// What a year's mapping (read and validated by Ingest: `SurveyFolder.mapping(year:)`)
    /// says was offered: a choice field offers the values of its labels; a multi-select field the
    /// options of its columns (one column per option) or the values of its labels plus its
    /// `other` value (one column of joined labels, where unlisted parts count as `other`).
    public init(mapping: Mapping) {
        var offered: [String: Set<String>] = [:]
        for field in mapping.fields {
            switch field.kind {
            case .number:
                continue
            case .choice(_, let labels, _):
                offered[field.name] = Set(labels.map(\.value))
            case .optionColumns(let options, _):
                offered[field.name] = Set(options.map(\.value))
            case .joinedLabels(_, _, let labels, _, let other):
                offered[field.name] = Set(labels.map(\.value) + (other.map { [$0] } ?? []))
            }
        }
        self.offered = offered
    }
}
