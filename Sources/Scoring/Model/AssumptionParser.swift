import Configuration
import Support

/// The `uncertainty:` and `provenance:` parts of a model file.
extension ModelParser {
    static func parseUncertainty(_ node: ConfigNode, dimensions: [Dimension]) throws -> UncertaintySettings {
        let keys = try node.mapping(allowed: ["samples", "seed", "assumptions"])
        let samples = try keys.required("samples", expected: "the Saltelli base sample size, e.g. 256").int(atLeast: 2, atMost: 1_000_000)
        let seed = UInt64(try keys.optional("seed")?.int(atLeast: 0) ?? 1)
        let assumptionsNode = try keys.required("assumptions", expected: "the assumptions to vary, by id")
        var assumptions: [Assumption] = []
        for entry in try assumptionsNode.mapping(allowed: AssumptionKind.ids).entries {
            assumptions.append(try parseAssumption(id: entry.key, entry.value, dimensions: dimensions))
        }
        guard !assumptions.isEmpty else { throw assumptionsNode.error(expected: "at least one assumption") }
        return UncertaintySettings(samples: samples, seed: seed, assumptions: assumptions)
    }

    static let assumptionKeys: [String: [String]] = [
        "weights": ["spread", "distribution"],
        "follower_rule": ["points_per_percent", "cap_percent"],
        "holiday": ["percentile", "alternatives"],
        "missing_counts": ["alternatives"],
        "approximate": ["band"],
        "aggregation": ["alternatives"],
        "count_source": ["alternatives"],
    ]

    static func parseAssumption(id: String, _ node: ConfigNode, dimensions: [Dimension]) throws -> Assumption {
        let keys = try node.mapping(allowed: ["label", "varied"] + (assumptionKeys[id] ?? []))
        let label = try keys.required("label", expected: "a Dutch label for the assumption").nonEmptyText()
        let varied = try keys.required("varied", expected: "a Dutch phrase completing 'als …, staat de gemeente tussen plaats x en y'").nonEmptyText()
        let rules = dimensions.compactMap { dimension -> PerInhabitantRule? in
            if case .perInhabitant(let rule) = dimension.rule { return rule } else { return nil }
        }
        /// The alternatives of a list assumption; today's choice must be one of them.
        func alternatives<Value: RawRepresentable & CaseIterable & Hashable>(_ type: Value.Type, today: Value) throws -> [Value]
        where Value.RawValue == String {
            let listNode = try keys.required("alternatives", expected: "a list of alternatives")
            let values = try listNode.nonEmptyList { try $0.choice(type) }
            guard values.contains(today) else {
                throw listNode.error("must include today's choice '\(today.rawValue)', so the published ranking is one of those varied over")
            }
            guard Set(values).count == values.count else { throw listNode.error("lists an alternative twice") }
            return values
        }
        func needsCounts() throws {
            guard !rules.isEmpty else { throw node.error("the model has no per_inhabitant dimension: there are no counts to vary") }
        }

        let kind: AssumptionKind
        switch id {
        case "weights":
            let spread = try keys.required("spread", expected: "a fraction such as 0.25 for ±25 %").fraction()
            let distribution = try keys.optional("distribution")?.choice(WeightDistribution.self) ?? .uniform
            kind = .weights(spread: spread, distribution: distribution)
        case "follower_rule":
            try needsCounts()
            let pointsNode = try keys.required("points_per_percent", expected: "a list of points per percent, e.g. [3, 4, 5]")
            let points = try pointsNode.nonEmptyList { try $0.int(atLeast: 1, atMost: largestNumber) }
            let capsNode = try keys.required("cap_percent", expected: "a list of percentages of inhabitants, e.g. [8, 10, 12]")
            let caps = try capsNode.nonEmptyList { item -> Double in
                let value = try item.double()
                guard value > 0, value <= 100 else { throw item.error(expected: "a percentage above 0 and at most 100") }
                return value
            }
            for rule in rules {
                guard points.contains(rule.pointsPerPercent) else {
                    throw pointsNode.error("must include today's \(rule.pointsPerPercent) points per percent")
                }
                let today = Double(rule.cap) / Double(max(rule.pointsPerPercent, 1))
                guard caps.contains(today) else {
                    throw capsNode.error("must include today's cap of \(Rounding.shortest(today)) % (cap \(rule.cap) / \(rule.pointsPerPercent) points per percent)")
                }
            }
            kind = .followerRule(pointsPerPercent: points, capPercent: caps)
        case "holiday":
            try needsCounts()
            let percentileNode = try keys.required("percentile", expected: "the percentile of the follower shares, e.g. 98")
            let percentile = try percentileNode.double()
            guard percentile > 0, percentile < 100 else { throw percentileNode.error(expected: "a percentile above 0 and below 100") }
            kind = .holiday(percentile: percentile, alternatives: try alternatives(HolidayAlternative.self, today: .none))
        case "missing_counts":
            try needsCounts()
            kind = .missingCounts(try alternatives(MissingCountAlternative.self, today: .zero))
        case "approximate":
            try needsCounts()
            kind = .approximate(band: try keys.required("band", expected: "a fraction such as 0.2 for ±20 %").fraction())
        case "aggregation":
            kind = .aggregation(try alternatives(AggregationAlternative.self, today: .sum))
        default:
            try needsCounts()
            let sources = Set(rules.flatMap { $0.fields.map(\.source) })
            guard sources.count == 1, let today = sources.first else {
                throw node.error("the count fields use different sources (\(sources.map(\.rawValue).sorted().joined(separator: ", "))): one assumption cannot vary them")
            }
            kind = .countSource(try alternatives(CountSource.self, today: today))
        }
        return Assumption(label: label, varied: varied, kind: kind)
    }

    static func parseProvenance(_ node: ConfigNode, dimensions: [Dimension]) throws -> [ProvenanceNote] {
        let items = try node.list()
        return try items.map { item in
            let keys = try item.mapping(allowed: ["about", "basis", "text", "source", "lines"])
            let aboutNode = try keys.required("about", expected: "a dimension id or 'model'")
            let about = try aboutNode.nonEmptyText()
            guard about == "model" || dimensions.contains(where: { $0.id == about }) else {
                throw aboutNode.error(expected: "'model' or a dimension id (\(dimensions.map(\.id).joined(separator: ", ")))")
            }
            let basis = try keys.required("basis", expected: "published or reconstructed").choice(ProvenanceNote.Basis.self)
            let source = try keys.optional("source")?.nonEmptyText()
            let lines = try keys.optional("lines")?.nonEmptyText()
            if basis == .published && (source == nil || lines == nil) {
                throw item.error("a published rule needs its source and lines")
            }
            return ProvenanceNote(about: about, basis: basis, text: try keys.required("text", expected: "the rule in Dutch").nonEmptyText(),
                                  source: source, lines: lines)
        }
    }
}

extension ConfigNode {
    /// A number from 0 up to (not including) 1, e.g. 0.25 for ±25 %.
    func fraction() throws -> Double {
        let value = try double()
        guard value >= 0, value < 1 else { throw error(expected: "a fraction from 0 up to (not including) 1, e.g. 0.25 for 25 %") }
        return value
    }

    /// A list of at least one value, each read by `read`.
    func nonEmptyList<Value>(_ read: (ConfigNode) throws -> Value) throws -> [Value] {
        let items = try list()
        guard !items.isEmpty else { throw error(expected: "a list of at least one alternative") }
        return try items.map(read)
    }

    /// One of the values of a string enumeration, as written in the file.
    func choice<Value: RawRepresentable & CaseIterable>(_ type: Value.Type) throws -> Value where Value.RawValue == String {
        let text = try nonEmptyText()
        guard let value = Value(rawValue: text) else {
            throw error(expected: "one of " + Value.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", "))
        }
        return value
    }
}
