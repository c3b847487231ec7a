import Support

/// The uncertainty analysis of a model (`uncertainty:` in the model file): the assumptions a
/// critic of the ranking would name, each with the alternatives it is varied over, the Saltelli
/// base sample size and the seed. Every alternative list holds the model's own choice ("today's"),
/// so the published ranking is one of the rankings the analysis looks at.
public struct UncertaintySettings: Sendable, Hashable {
    /// Saltelli base sample size N: the analysis evaluates N × (assumptions + 2) rankings.
    public var samples: Int
    public var seed: UInt64
    /// In the file's order (which is the order of bars and columns everywhere).
    public var assumptions: [Assumption]

    public init(samples: Int, seed: UInt64, assumptions: [Assumption]) {
        self.samples = samples
        self.seed = seed
        self.assumptions = assumptions
    }

    /// No analysis.
    public static let none = UncertaintySettings(samples: 0, seed: 0, assumptions: [])

    public var isEmpty: Bool { assumptions.isEmpty || samples == 0 }
}

/// One assumption: an id (its kind), a Dutch label for the bar of the methodology page, and
/// the phrase completing "als …, staat <gemeente> tussen plaats x en y".
public struct Assumption: Sendable, Hashable {
    public var label: String
    /// Dutch, e.g. `ontbrekende aantallen worden geschat in plaats van als 0 geteld`.
    public var varied: String
    public var kind: AssumptionKind

    public init(label: String, varied: String, kind: AssumptionKind) {
        self.label = label
        self.varied = varied
        self.kind = kind
    }

    public var id: String { kind.id }
}

public enum AssumptionKind: Sendable, Hashable {
    /// Every dimension's weight × (1 + spread × e), e on [−1, 1) from the distribution.
    case weights(spread: Double, distribution: WeightDistribution)
    /// Points per percent and the cap (as a percentage of inhabitants) of every per-inhabitant
    /// rule, each drawn from its list.
    case followerRule(pointsPerPercent: [Int], capPercent: [Double])
    /// Holiday gemeenten: a follower share above the given percentile of the edition's shares is
    /// kept, capped at that percentile, or left out (then it is a missing count).
    case holiday(percentile: Double, alternatives: [HolidayAlternative])
    /// What an unknown count of a claimed channel is worth.
    case missingCounts([MissingCountAlternative])
    /// Every approximate count × (1 + band × e), e uniform on [−1, 1), independently.
    case approximate(band: Double)
    /// How the dimensions are combined.
    case aggregation([AggregationAlternative])
    /// Which count the per-inhabitant fields score.
    case countSource([CountSource])

    public static let ids = ["weights", "follower_rule", "holiday", "missing_counts", "approximate", "aggregation",
                             "count_source"]

    public var id: String {
        switch self {
        case .weights: return "weights"
        case .followerRule: return "follower_rule"
        case .holiday: return "holiday"
        case .missingCounts: return "missing_counts"
        case .approximate: return "approximate"
        case .aggregation: return "aggregation"
        case .countSource: return "count_source"
        }
    }

    /// The alternatives in words (Dutch); the model's own choice is marked `(nu)`.
    public func alternativeTexts(in model: ScoringModel) -> [String] {
        func marked(_ text: String, _ today: Bool) -> String { today ? text + " (nu)" : text }
        let rule = model.dimensions.lazy.compactMap { dimension -> PerInhabitantRule? in
            if case .perInhabitant(let rule) = dimension.rule { return rule } else { return nil }
        }.first
        switch self {
        case .weights(let spread, let distribution):
            let percent = Int((spread * 100).rounded())
            return ["elk gewicht tot \(percent) % hoger of lager (\(distribution == .uniform ? "elke waarde even waarschijnlijk" : "dicht bij het gewone gewicht waarschijnlijker"))"]
        case .followerRule(let points, let caps):
            let todayCap = rule.map { Double($0.cap) / Double(max($0.pointsPerPercent, 1)) }
            return points.map { marked("\($0) punten per procent", $0 == rule?.pointsPerPercent) }
                + caps.map { marked("hoogstens bij \(DutchFormat.number($0, maximumDecimals: 1)) % van de inwoners", $0 == todayCap) }
        case .holiday(let percentile, let alternatives):
            return alternatives.map { marked($0.dutch(percentile: percentile), $0 == .none) }
        case .missingCounts(let alternatives): return alternatives.map { marked($0.dutch, $0 == .zero) }
        case .approximate(let band):
            return ["elke schatting tot \(Int((band * 100).rounded())) % hoger of lager"]
        case .aggregation(let alternatives): return alternatives.map { marked($0.dutch, $0 == .sum) }
        case .countSource(let sources):
            let today = rule?.fields.first?.source
            return sources.map { marked($0.dutch, $0 == today) }
        }
    }
}

public enum HolidayAlternative: String, Sendable, Hashable, CaseIterable {
    /// Inhabitants as they are (today).
    case none
    /// A follower share above the percentile counts as the percentile.
    case cap
    /// A follower share above the percentile is left out: a missing count.
    case leaveOut = "leave_out"

    func dutch(percentile: Double) -> String {
        let p = DutchFormat.number(percentile, maximumDecimals: 1)
        switch self {
        case .none: return "volgers gedeeld door de inwoners, zonder correctie"
        case .cap: return "een aandeel boven het \(p)e percentiel telt als dat percentiel"
        case .leaveOut: return "een aandeel boven het \(p)e percentiel telt als onbekend"
        }
    }
}

public enum MissingCountAlternative: String, Sendable, Hashable, CaseIterable {
    /// 0 points (today).
    case zero
    /// The median follower share of the size class, times the gemeente's inhabitants.
    case sizeClassMedian = "size_class_median"
    /// The gemeente's count in the previous edition (0 when it gave none then either).
    case previousEdition = "previous_edition"
    /// The dimension's points × fields / fields answered.
    case rescale

    public var dutch: String {
        switch self {
        case .zero: return "telt als 0"
        case .sizeClassMedian: return "geschat als de mediaan van de grootteklasse"
        case .previousEdition: return "het aantal van de vorige editie"
        case .rescale: return "het onderdeel herschaald over wat wel is ingevuld"
        }
    }
}

public enum AggregationAlternative: String, Sendable, Hashable, CaseIterable {
    /// Σ weight × points (today).
    case sum
    /// Σ (weight / Σ weights) × ln((points + 1) / (maximum + 1)): the weighted geometric mean of
    /// the parts as shares of their maxima (+1 so a zero part does not zero the whole).
    case geometric
    /// Σ weight × (number of gemeenten − rank in the dimension): a weighted Borda count.
    case rank

    public var dutch: String {
        switch self {
        case .sum: return "de punten opgeteld"
        case .geometric: return "het meetkundig gemiddelde van de onderdelen"
        case .rank: return "de plaatsen per onderdeel opgeteld"
        }
    }
}

/// A self-reported count and a measured one differ when the difference is more than
/// `relative` of the measured count and more than `absolute` (so 3 against 5 followers is no
/// discrepancy worth a line).
public struct DiscrepancyThreshold: Sendable, Hashable, Codable {
    public var relative: Double
    public var absolute: Int

    public init(relative: Double, absolute: Int) {
        self.relative = relative
        self.absolute = absolute
    }

    public static let `default` = DiscrepancyThreshold(relative: 0.25, absolute: 50)

    public func differs(reported: Int, measured: Int) -> Bool {
        let difference = abs(reported - measured)
        return difference > absolute && Double(difference) > relative * Double(max(measured, 0))
    }
}

/// Where a rule of a model comes from: the published report (with the source lines) or meetlat's
/// reconstruction (with what it was reconstructed from).
public struct ProvenanceNote: Sendable, Hashable, Codable {
    public enum Basis: String, Sendable, Hashable, Codable, CaseIterable {
        case published
        case reconstructed
    }

    /// A dimension id, or `model` for the model as a whole.
    public var about: String
    public var basis: Basis
    /// Dutch: the rule in words.
    public var text: String
    /// The source in words (title, chapter) when there is one.
    public var source: String?
    /// The seed document and lines, e.g. `003_7cce55330bd9a9e5.txt, regels 224-227`.
    public var lines: String?

    public init(about: String, basis: Basis, text: String, source: String? = nil, lines: String? = nil) {
        self.about = about
        self.basis = basis
        self.text = text
        self.source = source
        self.lines = lines
    }
}

/// How the weights assumption draws each dimension's factor.
public enum WeightDistribution: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every factor equally likely in `1 ± spread`.
    case uniform
    /// Triangular on `1 ± spread` with its peak at 1.
    case triangular
}
