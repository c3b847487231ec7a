import Support

/// The assumptions of a model as variables on the unit cube, the form Saltelli sampling (and
/// SALib) works in: every variable is uniform on [0, 1), each assumption owns a group of them,
/// and `choice(_:)` turns one point of the cube into one choice of every assumption.
///
/// - weights: one variable per dimension, `e = 2u − 1` (uniform) or the triangular inverse
///   distribution function, factor `1 + spread × e`;
/// - a list of alternatives (follower rule: points per percent and cap each; holiday; missing
///   counts; aggregation; count source): alternative ⌊u × m⌋ of m, all equally likely;
/// - approximate answers: one variable per approximate count, factor `1 + band × (2u − 1)`.
public struct AssumptionSpace: Sendable {
    public struct Variable: Sendable, Hashable {
        /// e.g. `weights.presence`, `approximate.GM0405.followers.twitter`.
        public var name: String
        /// Index of its assumption in `assumptions`.
        public var group: Int
    }

    public let assumptions: [Assumption]
    public let variables: [Variable]
    /// Per assumption, its variables' indices.
    let ranges: [Range<Int>]
    let dimensions: Int
    let approximate: Int

    public init(model: ScoringModel, function: RankingFunction) {
        assumptions = model.uncertainty.assumptions
        dimensions = model.dimensions.count
        approximate = function.approximateCount
        var variables: [Variable] = []
        var ranges: [Range<Int>] = []
        // The approximate counts in the function's order, for their variables' names.
        var approximateNames: [String] = []
        for (row, entry) in function.entries.enumerated() {
            for (d, counts) in entry.counts.enumerated() {
                for (f, count) in counts.enumerated() where count.approximateIndex != nil {
                    approximateNames.append("\(function.codes[row]).\(function.countDimensions[d].rule.fields[f].field)")
                }
            }
        }
        for (group, assumption) in assumptions.enumerated() {
            let start = variables.count
            var names: [String]
            switch assumption.kind {
            case .weights: names = model.dimensions.map(\.id)
            case .followerRule: names = ["points_per_percent", "cap_percent"]
            case .approximate: names = approximateNames
            default: names = ["alternative"]
            }
            // A group needs a variable even when it has nothing to vary (no approximate answers):
            // its indices are then 0 by construction.
            if names.isEmpty { names = ["none"] }
            variables += names.map { Variable(name: "\(assumption.id).\($0)", group: group) }
            ranges.append(start..<variables.count)
        }
        self.variables = variables
        self.ranges = ranges
    }

    /// The choice at a point `u` of the unit cube (one value per variable, each in [0, 1)).
    public func choice(_ u: UnsafeBufferPointer<Double>) -> RankingFunction.Choice {
        var choice = RankingFunction.Choice.today(dimensions: dimensions, approximate: approximate)
        for (group, assumption) in assumptions.enumerated() {
            apply(assumption.kind, at: ranges[group].map { u[$0] }, to: &choice)
        }
        return choice
    }

    public func choice(_ u: [Double]) -> RankingFunction.Choice {
        u.withUnsafeBufferPointer { choice($0) }
    }

    /// Sets one assumption of `choice` from its variables' values.
    func apply(_ kind: AssumptionKind, at values: [Double], to choice: inout RankingFunction.Choice) {
        func pick<Value>(_ list: [Value], _ u: Double) -> Value { list[min(Int(u * Double(list.count)), list.count - 1)] }
        switch kind {
        case .weights(let spread, let distribution):
            for d in 0..<min(values.count, dimensions) {
                let u = values[d]
                let e: Double
                switch distribution {
                case .uniform: e = 2 * u - 1
                case .triangular: e = u < 0.5 ? -1 + (2 * u).squareRoot() : 1 - (2 * (1 - u)).squareRoot()
                }
                choice.weightFactors[d] = 1 + spread * e
            }
        case .followerRule(let points, let caps):
            choice.pointsPerPercent = pick(points, values[0])
            choice.capPercent = pick(caps, values[1])
        case .holiday(let percentile, let alternatives):
            choice.holiday = pick(alternatives, values[0])
            choice.holidayPercentile = percentile
        case .missingCounts(let alternatives): choice.missing = pick(alternatives, values[0])
        case .approximate(let band):
            for index in 0..<min(values.count, approximate) { choice.approximateFactors[index] = 1 + band * (2 * values[index] - 1) }
        case .aggregation(let alternatives): choice.aggregation = pick(alternatives, values[0])
        case .countSource(let sources): choice.source = pick(sources, values[0])
        }
    }

    /// Choices that vary one assumption and keep every other at the model's own: every
    /// alternative of a list (every combination of the follower rule's two lists), or `draws`
    /// seeded random points for weights and approximate answers.
    func oneAtATime(_ group: Int, draws: Int, seed: UInt64) -> [RankingFunction.Choice] {
        let kind = assumptions[group].kind
        let today = RankingFunction.Choice.today(dimensions: dimensions, approximate: approximate)
        func at(_ values: [Double]) -> RankingFunction.Choice {
            var choice = today
            apply(kind, at: values, to: &choice)
            return choice
        }
        func grid(_ count: Int) -> [Double] { (0..<count).map { (Double($0) + 0.5) / Double(count) } }
        switch kind {
        case .followerRule(let points, let caps):
            return grid(points.count).flatMap { k in grid(caps.count).map { cap in at([k, cap]) } }
        case .holiday(_, let alternatives): return grid(alternatives.count).map { at([$0]) }
        case .missingCounts(let alternatives): return grid(alternatives.count).map { at([$0]) }
        case .aggregation(let alternatives): return grid(alternatives.count).map { at([$0]) }
        case .countSource(let sources): return grid(sources.count).map { at([$0]) }
        case .weights, .approximate:
            var generator = Xoshiro256StarStar(seed: seed &+ UInt64(group) &* 0x9E37_79B9_7F4A_7C15)
            let width = ranges[group].count
            return (0..<draws).map { _ in at((0..<width).map { _ in generator.nextUnit() }) }
        }
    }
}
