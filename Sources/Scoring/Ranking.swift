import Foundation
import Support

/// A scored and ranked survey year: what `meetlat score` writes to `Rankings/<year>.json` and
/// what stats and the site read. Only fields on the publish list appear here.
public struct Ranking: Sendable, Hashable, Codable {
    public var year: Int
    /// Scoring model name, e.g. `meetlat-2012`.
    public var model: String
    /// Highest possible total under the model (230 for meetlat-2012).
    public var maximum: Int
    /// Score parts in the model's order: id, label and maximum (e.g. presence / Aanwezigheid / 40).
    public var parts: [ScorePart]
    /// Ranked gemeenten: by rank, then by name.
    public var entries: [RankedGemeente]
    /// The uncertainty analysis behind `RankedGemeente.rankInterval` and `.uncertainty`, when run:
    /// its settings and, per assumption, its overall Sobol indices.
    public var uncertainty: UncertaintySummary?
    /// Which rules of the model come from the published report and which are reconstructed.
    public var provenance: [ProvenanceNote]?
    /// Self-reported against measured accounts, when the year has an observations file.
    public var observations: ObservationReport?

    public init(year: Int, model: String, maximum: Int, parts: [ScorePart], entries: [RankedGemeente],
                uncertainty: UncertaintySummary? = nil, provenance: [ProvenanceNote]? = nil,
                observations: ObservationReport? = nil) {
        self.year = year
        self.model = model
        self.maximum = maximum
        self.parts = parts
        self.entries = entries
        self.uncertainty = uncertainty
        self.provenance = provenance
        self.observations = observations
    }
}

public struct ScorePart: Sendable, Hashable, Codable {
    public var id: String
    public var label: String
    public var maximum: Int
    /// Multiplier of the part's points in the total (1 unless the model says otherwise).
    public var weight: Int

    public init(id: String, label: String, maximum: Int, weight: Int = 1) {
        self.id = id
        self.label = label
        self.maximum = maximum
        self.weight = weight
    }
}

public struct RankedGemeente: Sendable, Hashable, Codable {
    public var code: String
    public var name: String
    public var province: String
    /// Size class id (see `Surveys/reference/size-classes.csv`).
    public var sizeClass: String
    public var inhabitants: Int
    /// Points per score part id, in the order of `Ranking.parts`.
    public var parts: [String: Int]
    public var total: Int
    /// Rank with shared ranks for equal totals (1, 2, 3, 3, 5).
    public var rank: Int
    public var rankInSizeClass: Int
    public var rankInProvince: Int
    /// Median rank and 90 % interval under every assumption of the uncertainty analysis together
    /// (`meetlat sensitivity`), when computed.
    public var rankInterval: RankInterval?
    /// What moves this gemeente's rank: Sobol indices per assumption and the strongest one.
    public var uncertainty: GemeenteUncertainty?
    /// Notes on the score, e.g. `unknown:followers.facebook`, `suspect:followers.twitter`.
    public var flags: [String]
    /// Which answer earned which points; the lines' points add up to `total`.
    public var explanation: [ExplanationLine]?

    public init(code: String, name: String, province: String, sizeClass: String, inhabitants: Int,
                parts: [String: Int], total: Int, rank: Int, rankInSizeClass: Int, rankInProvince: Int,
                rankInterval: RankInterval? = nil, uncertainty: GemeenteUncertainty? = nil, flags: [String] = [],
                explanation: [ExplanationLine]? = nil) {
        self.code = code
        self.name = name
        self.province = province
        self.sizeClass = sizeClass
        self.inhabitants = inhabitants
        self.parts = parts
        self.total = total
        self.rank = rank
        self.rankInSizeClass = rankInSizeClass
        self.rankInProvince = rankInProvince
        self.rankInterval = rankInterval
        self.uncertainty = uncertainty
        self.flags = flags
        self.explanation = explanation
    }
}

/// Median rank and 90 % interval (5th–95th percentile) over the uncertainty analysis. Percentiles
/// are nearest-rank: the q-th percentile of N run ranks is the ⌈q·N⌉-th smallest (at least the 1st).
public struct RankInterval: Sendable, Hashable, Codable {
    public var median: Int
    public var low: Int
    public var high: Int

    public init(median: Int, low: Int, high: Int) {
        self.median = median
        self.low = low
        self.high = high
    }
}

/// The settings of an uncertainty analysis and each assumption's overall indices.
public struct UncertaintySummary: Sendable, Hashable, Codable {
    /// Saltelli base sample size N.
    public var samples: Int
    public var seed: UInt64
    /// Rankings evaluated for the indices: N × (assumptions + 2).
    public var evaluations: Int
    public var assumptions: [AssumptionSummary]

    public init(samples: Int, seed: UInt64, evaluations: Int, assumptions: [AssumptionSummary]) {
        self.samples = samples
        self.seed = seed
        self.evaluations = evaluations
        self.assumptions = assumptions
    }
}

/// One assumption as the analysis varied it, with its share of the rank variance over all
/// gemeenten (nil when no rank varied at all).
public struct AssumptionSummary: Sendable, Hashable, Codable {
    public var id: String
    public var label: String
    public var varied: String
    /// The alternatives in Dutch words.
    public var alternatives: [String]
    public var index: IndexPair?

    public init(id: String, label: String, varied: String, alternatives: [String], index: IndexPair?) {
        self.id = id
        self.label = label
        self.varied = varied
        self.alternatives = alternatives
        self.index = index
    }
}

/// A gemeente's Sobol indices per assumption id, and the assumption with the largest total index
/// with the ranks it takes when only that assumption varies. Empty when its rank never moved.
public struct GemeenteUncertainty: Sendable, Hashable, Codable {
    public var indices: [String: IndexPair] = [:]
    public var driver: String?
    public var driverLow: Int?
    public var driverHigh: Int?

    public init(indices: [String: IndexPair] = [:], driver: String? = nil, driverLow: Int? = nil, driverHigh: Int? = nil) {
        self.indices = indices
        self.driver = driver
        self.driverLow = driverLow
        self.driverHigh = driverHigh
    }
}

/// A first-order and a total Sobol index (shares of the rank variance, 0 to 1; an estimate may
/// fall slightly outside), written with three decimals; the standard errors where given.
public struct IndexPair: Sendable, Hashable, Codable {
    public var first: Double
    public var total: Double
    public var firstError: Double?
    public var totalError: Double?

    public init(first: Double, total: Double, firstError: Double? = nil, totalError: Double? = nil) {
        self.first = Self.rounded(first)
        self.total = Self.rounded(total)
        self.firstError = firstError.map(Self.rounded)
        self.totalError = totalError.map(Self.rounded)
    }

    /// Three decimals, so the written text and the value read back are the same number.
    static func rounded(_ value: Double) -> Double { Double(Rounding.fixed(value, decimals: 3)) ?? value }

    private enum CodingKeys: String, CodingKey { case first, total, firstError, totalError }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(first: try container.decode(Double.self, forKey: .first), total: try container.decode(Double.self, forKey: .total),
                  firstError: try container.decodeIfPresent(Double.self, forKey: .firstError),
                  totalError: try container.decodeIfPresent(Double.self, forKey: .totalError))
    }

    /// Numbers go out as `Decimal`s built from fixed-point text: the same digits on every platform.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        func decimal(_ value: Double) -> Decimal { Decimal(string: Rounding.fixed(value, decimals: 3)) ?? 0 }
        try container.encode(decimal(first), forKey: .first)
        try container.encode(decimal(total), forKey: .total)
        try container.encodeIfPresent(firstError.map(decimal), forKey: .firstError)
        try container.encodeIfPresent(totalError.map(decimal), forKey: .totalError)
    }
}
