/// A note on a score: an answer that was missing, striking or not exact. Rankings/ writes it as
/// an id, `<kind>:<field>` (`approximate:followers.facebook`), a stable interface for programs;
/// people read `sentence(in:)`, the one Dutch rendering `meetlat explain` and the site print.
public struct ScoreFlag: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Not answered, or not asked that year: scored as the rule's fallback.
        case unknown
        /// Answered, but striking: a count above the inhabitants or negative, a rating off the scale.
        case suspect
        /// An estimate (`ca. 300`) or a number that had to be rounded to be scored.
        case approximate
        /// The measured count was scored instead of the gemeente's own answer.
        case measured
        /// The gemeente's answer and the measured count differ by more than the model's
        /// threshold, or a claimed channel has no account found (or the reverse).
        case discrepancy
    }

    public var kind: Kind
    /// The canonical field the note is about, e.g. `followers.facebook`.
    public var field: String

    public init(_ kind: Kind, field: String) {
        self.kind = kind
        self.field = field
    }

    /// Reads an id as Rankings/ writes it; nil for anything else.
    public init?(id: String) {
        let parts = id.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let kind = Kind(rawValue: String(parts[0])), !parts[1].isEmpty else { return nil }
        self.init(kind, field: String(parts[1]))
    }

    /// `<kind>:<field>`, as Rankings/ writes it.
    public var id: String { "\(kind.rawValue):\(field)" }

    /// The note in Dutch, naming the field by its label in `model` and saying what the rule that
    /// reads the field did with the answer: `Facebook (likes): schatting of afgerond aantal,
    /// gebruikt zoals opgegeven`. A field the model does not read is named by its id.
    public func sentence(in model: ScoringModel) -> String {
        for dimension in model.dimensions {
            switch dimension.rule {
            case .presence(let rule) where rule.field == field:
                return "\(dimension.label): \(presence())"
            case .perInhabitant(let rule):
                if let label = rule.fields.first(where: { $0.field == field })?.label { return "\(label): \(count())" }
            case .choicePoints(let rule):
                if let label = rule.fields.first(where: { $0.field == field })?.label { return "\(label): \(choice())" }
            case .scaledRatings(let rule):
                if let label = rule.fields.first(where: { $0.field == field })?.label { return "\(label): \(rating(rule))" }
            default:
                continue
            }
        }
        return "\(field): \(general())"
    }

    /// One sentence per flag id, in the order given (Rankings/ sorts them); ids that are not
    /// flags are kept as they are rather than dropped.
    public static func sentences(_ ids: [String], in model: ScoringModel) -> [String] {
        ids.map { id in ScoreFlag(id: id)?.sentence(in: model) ?? id }
    }

    // What each kind of rule does with the answer (Scorer.swift sets the flags).

    private func presence() -> String {
        switch kind {
        case .unknown: return "geen antwoord, geen kanaal geteld (0 punten)"
        case .discrepancy: return "opgegeven kanalen en gevonden accounts verschillen"
        case .suspect, .approximate, .measured: return general()
        }
    }

    private func count() -> String {
        switch kind {
        case .unknown: return "onbekend aantal: telt als 0 punten"
        case .approximate: return "schatting of afgerond aantal, gebruikt zoals opgegeven"
        case .suspect: return "meer volgers dan inwoners (of een negatief aantal): opvallend"
        case .measured: return "het gemeten aantal telt, niet het opgegeven"
        case .discrepancy: return "opgegeven en gemeten aantal verschillen meer dan de drempel, of geen account gevonden"
        }
    }

    private func choice() -> String {
        switch kind {
        case .unknown: return "geen antwoord: telt als 0 punten"
        case .suspect, .approximate, .measured, .discrepancy: return general()
        }
    }

    private func rating(_ rule: ScaledRatingsRule) -> String {
        switch kind {
        case .unknown: return "geen antwoord: telt als cijfer \(rule.unanswered)"
        case .approximate: return "geen heel cijfer: half naar boven afgerond"
        case .suspect: return "cijfer buiten de schaal \(rule.minimum)–\(rule.maximum): telt als het dichtstbijzijnde cijfer op de schaal"
        case .measured, .discrepancy: return general()
        }
    }

    private func general() -> String {
        switch kind {
        case .unknown: return "geen antwoord"
        case .approximate: return "schatting of afgerond getal"
        case .suspect: return "opvallend antwoord"
        case .measured: return "gemeten in plaats van opgegeven"
        case .discrepancy: return "opgegeven en gemeten verschillen"
        }
    }
}
