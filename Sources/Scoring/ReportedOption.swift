/// An option of a multi-select field (a channel) as a presence dimension's explanation lines
/// report it: the options the model scores, chosen or not, and the options the gemeente chose
/// that the model gives no points (the 2012 form's "Anders, namelijk": `other`).
public struct ReportedOption: Sendable, Hashable {
    /// Canonical option value, e.g. `twitter`, `other`.
    public var value: String
    /// The model's label; nil for an option the model does not score (its lines carry the value).
    public var label: String?
    public var chosen: Bool
    /// Points earned (before the dimension's weight): 0 when not chosen or not scored.
    public var points: Int

    public init(value: String, label: String?, chosen: Bool, points: Int) {
        self.value = value
        self.label = label
        self.chosen = chosen
        self.points = points
    }

    /// Whether the option counts for the score under the model.
    public var isScored: Bool { label != nil }
}

extension PresenceRule {
    /// The options a gemeente's explanation `lines` report for this rule (of dimension
    /// `dimension`): each option of the rule in the model's order, then the chosen options the
    /// rule does not score, by value. Nil when the field was not answered (or not asked).
    public func reportedOptions(in lines: [ExplanationLine], dimension: String) -> [ReportedOption]? {
        let own = lines.filter { $0.dimension == dimension && $0.field == field }
        var unused = own
        var result: [ReportedOption] = []
        for option in options {
            guard let index = unused.firstIndex(where: { $0.label == option.label && $0.answer != ExplanationLine.unanswered
                && $0.answer != ExplanationLine.notAsked }) else { return nil }
            let line = unused.remove(at: index)
            result.append(ReportedOption(value: option.value, label: option.label, chosen: line.answer == ExplanationLine.chosen,
                                         points: line.points ?? 0))
        }
        result += unused.compactMap(unscoredValue).map { ReportedOption(value: $0, label: nil, chosen: true, points: 0) }
        return result
    }

    /// The option value of a line recording a chosen option that the rule does not score; nil
    /// for every other line.
    public func unscoredValue(of line: ExplanationLine) -> String? {
        guard line.field == field, line.answer == ExplanationLine.chosen, line.points == 0,
              !options.contains(where: { $0.label == line.label }) else { return nil }
        return line.label
    }

    /// Why an option chosen but not listed in the rule earns nothing, naming it as `name`
    /// (Rankings/ writes the option's value; a reader with a label for it may use that).
    public static func unscoredReason(_ name: String, model: String) -> String {
        "'\(name)' levert geen punten op in het model \(model)"
    }
}
