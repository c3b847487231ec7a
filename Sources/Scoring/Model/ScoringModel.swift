/// A scoring model as read from `Surveys/models/<name>.yaml`: the dimensions whose points add up
/// to a gemeente's total, and the settings of the weight sensitivity analysis. Every channel,
/// purpose, threshold, weight and label lives in the file; the Swift code knows only the kinds
/// of rule (`DimensionRule`).
public struct ScoringModel: Sendable, Hashable {
    /// Model name, equal to the file name without `.yaml` (e.g. `meetlat-2012`).
    public var name: String
    /// Human-readable title (Dutch), e.g. `Socialmediameetlat 2012`.
    public var label: String
    /// What the model measures, in Dutch, for the methodology page (optional in the file).
    public var description: String?
    /// The dimensions in the order the file lists them (and Rankings/ shows them).
    public var dimensions: [Dimension]
    /// The assumptions the uncertainty analysis varies and its sample size (`meetlat score`
    /// writes its results to Rankings/; `meetlat sensitivity` prints them).
    public var uncertainty: UncertaintySettings
    /// Which rules come from a published source and which are meetlat's reconstruction.
    public var provenance: [ProvenanceNote]
    /// When a self-reported count and a measured one are said to differ (discrepancy report).
    public var discrepancy: DiscrepancyThreshold

    public init(name: String, label: String, description: String? = nil, dimensions: [Dimension],
                uncertainty: UncertaintySettings = .none, provenance: [ProvenanceNote] = [],
                discrepancy: DiscrepancyThreshold = .default) {
        self.name = name
        self.label = label
        self.description = description
        self.dimensions = dimensions
        self.uncertainty = uncertainty
        self.provenance = provenance
        self.discrepancy = discrepancy
    }

    /// Highest possible total: Σ weight × dimension maximum.
    public var maximum: Int { dimensions.reduce(0) { $0 + $1.weight * $1.maximum } }

    /// The score parts as `Ranking` publishes them.
    public var parts: [ScorePart] {
        dimensions.map { ScorePart(id: $0.id, label: $0.label, maximum: $0.maximum, weight: $0.weight) }
    }
}

/// One part of the score (presence, followers, usage, ...).
public struct Dimension: Sendable, Hashable {
    /// Stable identifier: lower-case letters, digits and `_`; used as the part key in Rankings/.
    public var id: String
    /// Dutch label as published, e.g. `Aanwezigheid`.
    public var label: String
    /// What the dimension rewards, in Dutch (optional in the file).
    public var description: String?
    /// Whole-number multiplier of the dimension's points in the total (default 1). The weight
    /// sensitivity analysis perturbs it.
    public var weight: Int
    /// How answers turn into points.
    public var rule: DimensionRule

    public init(id: String, label: String, description: String? = nil, weight: Int = 1, rule: DimensionRule) {
        self.id = id
        self.label = label
        self.description = description
        self.weight = weight
        self.rule = rule
    }

    /// Highest points the rule can give (before the weight).
    public var maximum: Int { rule.maximum }
}

/// The kinds of rule a dimension can use. Together they cover the 2011–2013 models and new
/// years with other channels or purposes; a new kind is the only change that needs Swift.
public enum DimensionRule: Sendable, Hashable {
    /// Points for each listed option chosen in a multi-select field (e.g. channels).
    case presence(PresenceRule)
    /// Points per percentage point of inhabitants for each listed count, capped per count.
    case perInhabitant(PerInhabitantRule)
    /// Points per canonical answer value for each listed choice field.
    case choicePoints(ChoicePointsRule)
    /// The sum of ratings on a fixed scale, rescaled to a number of points.
    case scaledRatings(ScaledRatingsRule)

    /// The kind's name in model files.
    public var kind: String {
        switch self {
        case .presence: return "presence"
        case .perInhabitant: return "per_inhabitant"
        case .choicePoints: return "choice_points"
        case .scaledRatings: return "scaled_ratings"
        }
    }

    public static let kinds = ["presence", "per_inhabitant", "choice_points", "scaled_ratings"]

    public var maximum: Int {
        switch self {
        case .presence(let rule): return rule.options.reduce(0) { $0 + $1.points }
        case .perInhabitant(let rule): return rule.fields.count * rule.cap
        case .choicePoints(let rule): return rule.fields.count * (rule.values.map(\.points).max() ?? 0)
        case .scaledRatings(let rule): return rule.scale
        }
    }

    /// The canonical fields the rule reads, in order.
    public var fields: [String] {
        switch self {
        case .presence(let rule): return [rule.field]
        case .perInhabitant(let rule): return rule.fields.map(\.field)
        case .choicePoints(let rule): return rule.fields.map(\.field)
        case .scaledRatings(let rule): return rule.fields.map(\.field)
        }
    }

    /// The rule's fields with their labels, in order (a presence rule's options are not fields).
    public var labelledFields: [LabelledField] {
        switch self {
        case .presence: return []
        case .perInhabitant(let rule): return rule.fields.map { LabelledField(field: $0.field, label: $0.label) }
        case .choicePoints(let rule): return rule.fields
        case .scaledRatings(let rule): return rule.fields
        }
    }
}

/// A canonical field with its Dutch label, e.g. `followers.twitter` / `Twitter (volgers)`.
public struct LabelledField: Sendable, Hashable {
    public var field: String
    public var label: String

    public init(field: String, label: String) {
        self.field = field
        self.label = label
    }
}

public struct PresenceRule: Sendable, Hashable {
    public struct Option: Sendable, Hashable {
        /// Canonical option value in the selection, e.g. `twitter`.
        public var value: String
        public var label: String
        public var points: Int

        public init(value: String, label: String, points: Int) {
            self.value = value
            self.label = label
            self.points = points
        }
    }

    /// The multi-select field, e.g. `channels`.
    public var field: String
    /// The options that earn points, in the file's order.
    public var options: [Option]

    public init(field: String, options: [Option]) {
        self.field = field
        self.options = options
    }
}

/// `points = min(cap, round_half_up(pointsPerPercent × 100 × n / p))` for a count `n` and
/// inhabitants `p`, computed exactly in integers as `(2·k·100·n + p) / (2·p)`.
public struct PerInhabitantRule: Sendable, Hashable {
    public var pointsPerPercent: Int
    public var cap: Int
    public var fields: [CountField]
    /// The multi-select field whose options say which channels the gemeente claims (`channels`),
    /// when the fields name their channel: an unknown count of a claimed channel is a missing
    /// count; of a channel not claimed, simply none.
    public var channelField: String?

    public init(pointsPerPercent: Int, cap: Int, fields: [CountField], channelField: String? = nil) {
        self.pointsPerPercent = pointsPerPercent
        self.cap = cap
        self.fields = fields
        self.channelField = channelField
    }
}

/// Which count a per-inhabitant field scores: the gemeente's own answer, the measured count of
/// the observations file, or the measured count where there is one and the answer otherwise.
public enum CountSource: String, Sendable, Hashable, Codable, CaseIterable {
    case reported
    case measured
    case measuredElseReported = "measured_else_reported"

    /// Dutch, for explanations and pages.
    public var dutch: String {
        switch self {
        case .reported: return "opgegeven aantal"
        case .measured: return "gemeten aantal"
        case .measuredElseReported: return "gemeten aantal, anders het opgegeven aantal"
        }
    }
}

/// A count field of a per-inhabitant rule: its label, the channel it counts followers on (an
/// option of the rule's `channelField` and a platform of the observations file) and its source.
public struct CountField: Sendable, Hashable {
    public var field: String
    public var label: String
    public var channel: String?
    public var source: CountSource

    public init(field: String, label: String, channel: String? = nil, source: CountSource = .reported) {
        self.field = field
        self.label = label
        self.channel = channel
        self.source = source
    }
}

public struct ChoicePointsRule: Sendable, Hashable {
    public struct Value: Sendable, Hashable {
        /// Canonical answer value, e.g. `vaak` or `3`.
        public var value: String
        public var points: Int

        public init(value: String, points: Int) {
            self.value = value
            self.points = points
        }
    }

    /// Points per canonical value, in the file's order.
    public var values: [Value]
    public var fields: [LabelledField]

    public init(values: [Value], fields: [LabelledField]) {
        self.values = values
        self.fields = fields
    }

    public func points(for value: String) -> Int? {
        values.first { $0.value == value }?.points
    }
}

/// `points = round_half_up(scale × Σ(rating − minimum) / (count × (maximum − minimum)))`, in
/// integers `(2·scale·Σ + D) / (2·D)` with `D = count × (maximum − minimum)`.
public struct ScaledRatingsRule: Sendable, Hashable {
    public var scale: Int
    public var minimum: Int
    public var maximum: Int
    /// The rating an unanswered field counts as (the minimum unless the file says otherwise).
    public var unanswered: Int
    public var fields: [LabelledField]

    public init(scale: Int, minimum: Int, maximum: Int, unanswered: Int, fields: [LabelledField]) {
        self.scale = scale
        self.minimum = minimum
        self.maximum = maximum
        self.unanswered = unanswered
        self.fields = fields
    }

    /// `D`: the largest possible Σ(rating − minimum).
    public var denominator: Int { fields.count * (maximum - minimum) }

    /// Points for a sum of (rating − minimum), rounded half up in exact integer arithmetic.
    public func points(forSum sum: Int) -> Int {
        let denominator = self.denominator
        guard denominator > 0 else { return 0 }
        return (2 * scale * sum + denominator) / (2 * denominator)
    }
}

extension PerInhabitantRule {
    /// Points for `count` out of `inhabitants` (> 0), rounded half up, before the cap.
    public func uncappedPoints(count: Int, inhabitants: Int) -> Int {
        (2 * pointsPerPercent * 100 * max(count, 0) + inhabitants) / (2 * inhabitants)
    }

    /// Points for `count` out of `inhabitants` (> 0), rounded half up and capped:
    /// `min(cap, (2·k·100·n + p) / (2·p))`.
    public func points(count: Int, inhabitants: Int) -> Int {
        min(cap, uncappedPoints(count: count, inhabitants: inhabitants))
    }
}
