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
    /// Settings of the weight sensitivity analysis behind `RankedGemeente.rankInterval`, when run.
    public var sensitivity: SensitivitySettings?

    public init(year: Int, model: String, maximum: Int, parts: [ScorePart], entries: [RankedGemeente],
                sensitivity: SensitivitySettings? = nil) {
        self.year = year
        self.model = model
        self.maximum = maximum
        self.parts = parts
        self.entries = entries
        self.sensitivity = sensitivity
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
    /// 90 % rank interval under perturbed weights (`meetlat sensitivity`), when computed.
    public var rankInterval: RankInterval?
    /// Notes on the score, e.g. `unknown:followers.facebook`, `suspect:followers.twitter`.
    public var flags: [String]
    /// Which answer earned which points; the lines' points add up to `total`.
    public var explanation: [ExplanationLine]?

    public init(code: String, name: String, province: String, sizeClass: String, inhabitants: Int,
                parts: [String: Int], total: Int, rank: Int, rankInSizeClass: Int, rankInProvince: Int,
                rankInterval: RankInterval? = nil, flags: [String] = [], explanation: [ExplanationLine]? = nil) {
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
        self.flags = flags
        self.explanation = explanation
    }
}

/// Median rank and 90 % interval (5th–95th percentile) over weight perturbations. Percentiles
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
