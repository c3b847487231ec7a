import Support

/// The uncertainty analysis of a ranking (JRC/OECD handbook practice; COINr): every assumption
/// of the model's `uncertainty:` varied together over its alternatives.
///
/// - Per gemeente: the median rank and the 90 % interval (nearest-rank 5th and 95th percentile)
///   over the 2N independent rows A and B of the Saltelli design, where every assumption varies;
///   first-order and total Sobol indices of its rank per assumption; and the assumption that
///   "moves it most": the one that, varied alone while every other stays at the model's choice,
///   moves its rank over the most places, with the range of ranks it then takes.
/// - Overall: the aggregated indices over all gemeenten (each weighted by its rank variance).
public enum UncertaintyAnalysis {
    /// Random draws of the one-at-a-time runs of the continuous assumptions (weights, estimates).
    static let oneAtATimeDraws = 64

    public struct Result: Sendable {
        public var summary: UncertaintySummary
        /// In the function's order (the published ranking's).
        public var intervals: [RankInterval]
        public var gemeenten: [GemeenteUncertainty]
        /// The indices unrounded, with their standard errors: overall and per gemeente (nil where
        /// the rank does not vary), for `meetlat sensitivity --format json`.
        public var overall: [SobolIndex]?
        public var perGemeente: [[SobolIndex]?]
    }

    public static func run(_ function: RankingFunction, model: ScoringModel, settings: UncertaintySettings,
                           progress: Progress? = nil) -> Result {
        var model = model
        model.uncertainty = settings
        let space = AssumptionSpace(model: model, function: function)
        let groups = settings.assumptions.count
        let n = settings.samples
        let rows = SaltelliDesign.rows(base: n, variables: space.variables.count, groups: space.variables.map(\.group),
                                       seed: settings.seed)
        let today = function.ranks(.today(dimensions: model.dimensions.count, approximate: function.approximateCount))
        let oneAtATime = (0..<groups).map { space.oneAtATime($0, draws: oneAtATimeDraws, seed: settings.seed) }
        let choices = rows.map(space.choice) + oneAtATime.flatMap { $0 }
        let ranks = RankEvaluation.ranks(function, choices: choices, progress: progress)
        let count = function.count
        let step = groups + 2
        func output(_ row: Int, _ gemeente: Int) -> Double { Double(ranks[row * count + gemeente]) }

        let overall = SobolEstimator.indices(base: n, groups: groups, columns: Array(0..<count), outputs: output)
        var intervals: [RankInterval] = []
        var gemeenten: [GemeenteUncertainty] = []
        var perGemeente: [[SobolIndex]?] = []
        for g in 0..<count {
            var drawn: [Int] = []
            for i in 0..<n { drawn += [Int(ranks[i * step * count + g]), Int(ranks[(i * step + step - 1) * count + g])] }
            drawn.sort()
            func percentile(_ percent: Int) -> Int { drawn[max(1, (percent * drawn.count + 99) / 100) - 1] }
            intervals.append(RankInterval(median: percentile(50), low: percentile(5), high: percentile(95)))

            var result = GemeenteUncertainty()
            let indices = SobolEstimator.indices(base: n, groups: groups, columns: [g], outputs: output)
            perGemeente.append(indices)
            if let indices {
                for (j, assumption) in settings.assumptions.enumerated() {
                    result.indices[assumption.id] = IndexPair(first: indices[j].first, total: indices[j].total)
                }
                // The assumption that, varied alone, moves the rank over the most places (the larger
                // total index on a tie, then the first in model order). None when no assumption
                // moves it alone (only their interactions do).
                var best: (assumption: Int, low: Int, high: Int)?
                var offset = rows.count
                for j in 0..<groups {
                    var low = Int(today[g]), high = Int(today[g])
                    for row in offset..<(offset + oneAtATime[j].count) {
                        low = min(low, Int(ranks[row * count + g]))
                        high = max(high, Int(ranks[row * count + g]))
                    }
                    offset += oneAtATime[j].count
                    guard high > low else { continue }
                    if let current = best {
                        let width = high - low, bestWidth = current.high - current.low
                        guard width > bestWidth || (width == bestWidth && indices[j].total > indices[current.assumption].total) else { continue }
                    }
                    best = (j, low, high)
                }
                if let best {
                    result.driver = settings.assumptions[best.assumption].id
                    result.driverLow = best.low
                    result.driverHigh = best.high
                }
            }
            gemeenten.append(result)
        }
        let summary = UncertaintySummary(
            samples: n, seed: settings.seed, evaluations: rows.count,
            assumptions: settings.assumptions.enumerated().map { j, assumption in
                AssumptionSummary(id: assumption.id, label: assumption.label, varied: assumption.varied,
                                  alternatives: assumption.kind.alternativeTexts(in: model),
                                  index: overall.map { IndexPair(first: $0[j].first, total: $0[j].total,
                                                                firstError: $0[j].firstError, totalError: $0[j].totalError) })
            })
        return Result(summary: summary, intervals: intervals, gemeenten: gemeenten, overall: overall, perGemeente: perGemeente)
    }
}
