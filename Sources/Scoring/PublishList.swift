/// The only fields that reach `Rankings/` (and, through it, the site). The CSV writer writes
/// exactly `columns(for:)`; the JSON writer refuses to write a key that is not listed here. A
/// respondent's name, e-mail, phone and remarks are on no list — they are not even in `Response`
/// — so a future field can only be published by adding it here, on purpose.
public enum PublishList {
    /// One CSV column: its header and how its cell is written.
    public struct Column: Sendable {
        public let name: String
        public let value: @Sendable (RankedGemeente) -> String
    }

    /// The columns of `Rankings/<year>.csv`, in order. `score_<part>` is one column per score
    /// part of the model (its points, before the weight).
    public static func columns(for parts: [ScorePart]) -> [Column] {
        let leading: [Column] = [
            Column(name: "code") { $0.code },
            Column(name: "name") { $0.name },
            Column(name: "province") { $0.province },
            Column(name: "size_class") { $0.sizeClass },
            Column(name: "inhabitants") { String($0.inhabitants) },
        ]
        let scores = parts.map { part in
            Column(name: "score_\(part.id)") { entry in entry.parts[part.id].map(String.init) ?? "" }
        }
        let trailing: [Column] = [
            Column(name: "total") { String($0.total) },
            Column(name: "rank") { String($0.rank) },
            Column(name: "rank_size_class") { String($0.rankInSizeClass) },
            Column(name: "rank_province") { String($0.rankInProvince) },
            Column(name: "rank_median") { $0.rankInterval.map { String($0.median) } ?? "" },
            Column(name: "rank_low") { $0.rankInterval.map { String($0.low) } ?? "" },
            Column(name: "rank_high") { $0.rankInterval.map { String($0.high) } ?? "" },
            Column(name: "rank_driver") { $0.uncertainty?.driver ?? "" },
            Column(name: "flags") { $0.flags.joined(separator: " ") },
        ]
        return leading + scores + trailing
    }

    /// JSON keys allowed per object of `Rankings/<year>.json`, by where the object sits.
    public static let rankingKeys: Set<String> = ["year", "model", "maximum", "parts", "entries", "uncertainty", "provenance",
                                                  "observations"]
    public static let partKeys: Set<String> = ["id", "label", "maximum", "weight"]
    public static let uncertaintyKeys: Set<String> = ["samples", "seed", "evaluations", "assumptions"]
    public static let assumptionKeys: Set<String> = ["id", "label", "varied", "alternatives", "index"]
    public static let indexKeys: Set<String> = ["first", "total", "firstError", "totalError"]
    public static let provenanceKeys: Set<String> = ["about", "basis", "text", "source", "lines"]
    /// The observation report: what was measured of gemeenten' organisational accounts (handles
    /// and addresses are public organisational data), never who measured or answered.
    public static let observationKeys: Set<String> = ["file", "synthetic", "threshold", "channels", "measured", "rows", "changes"]
    public static let thresholdKeys: Set<String> = ["relative", "absolute"]
    public static let channelKeys: Set<String> = ["value", "label"]
    public static let observationRowKeys: Set<String> = [
        "code", "name", "channel", "claimed", "account", "reported", "reportedApproximate", "measured", "date", "source", "finding",
    ]
    public static let changeKeys: Set<String> = ["code", "name", "reportedTotal", "total", "reportedRank", "rank"]
    public static let entryUncertaintyKeys: Set<String> = ["indices", "driver", "driverLow", "driverHigh"]
    public static let entryKeys: Set<String> = [
        "code", "name", "province", "sizeClass", "inhabitants", "parts", "total", "rank", "rankInSizeClass",
        "rankInProvince", "rankInterval", "uncertainty", "flags", "explanation",
    ]
    public static let rankIntervalKeys: Set<String> = ["median", "low", "high"]
    /// An explanation line holds only answers to the fields a scoring model reads.
    public static let explanationKeys: Set<String> = ["dimension", "field", "label", "answer", "points", "reason"]
}
