import Core
import Foundation
import Support

/// The ranking as a function of the assumptions: the numbers of a scored year that the
/// assumptions act on, gathered once, and `ranks(_:)`, which ranks every gemeente under one
/// choice of every assumption. With every assumption at the model's own choice (`Choice.today`)
/// it gives exactly the published totals and ranks: the same integer formulas, the same tie rule.
public struct RankingFunction: Sendable {
    /// One count a per-inhabitant rule scores, as each source would give it.
    struct Count: Sendable {
        /// The gemeente's own answer, when it gave a number.
        var reported: Double?
        var approximate: Bool
        /// Index of this count among the approximate answers (its variable), when approximate.
        var approximateIndex: Int?
        /// The measured count; nil when not measured or no account was found.
        var measured: Int?
        /// The gemeente was looked up and no account was found on this channel.
        var noAccountFound: Bool
        /// false when the gemeente says it is not on the channel: an unknown count is then none.
        var claimed: Bool
        /// The gemeente's count of the previous edition, when it gave one.
        var previous: Double?
    }

    struct Entry: Sendable {
        var inhabitants: Int
        var sizeClass: Int
        /// Points per dimension that no assumption changes (0 for per-inhabitant dimensions).
        var fixed: [Double]
        /// Per per-inhabitant dimension (in `countDimensions` order), its counts in field order.
        var counts: [[Count]]
    }

    struct CountDimension: Sendable {
        var dimension: Int
        var rule: PerInhabitantRule
    }

    let model: ScoringModel
    let entries: [Entry]
    let countDimensions: [CountDimension]
    /// Number of approximate answers (the variables of the `approximate` assumption).
    public let approximateCount: Int
    /// [source][count dimension][field]: the follower shares (count / inhabitants) of the
    /// edition, sorted, for the holiday percentile; [source][size class][count dimension][field]
    /// the median share of each size class, for imputation.
    let shares: [CountSource: [[[Double]]]]
    let classMedians: [CountSource: [[[Double]]]]
    /// The codes of the gemeenten, in the order of `entries` (the published ranking's order).
    public let codes: [String]
    public var count: Int { entries.count }

    /// - Parameters:
    ///   - ranking: the published ranking (its entries' order is the order of every output).
    ///   - survey: the responses that were scored.
    ///   - model: the model they were scored with.
    ///   - reference: the gemeenten, their inhabitants and size classes.
    ///   - observations: the year's measured accounts, if any.
    ///   - previous: the previous edition's responses, for `previous_edition` imputation.
    public init(ranking: Ranking, survey: SurveyResponses, model: ScoringModel, reference: Reference,
                observations: YearObservations?, previous: SurveyResponses?) {
        self.model = model
        let responses = Dictionary(survey.responses.map { ($0.gemeente, $0) }) { first, _ in first }
        let previousResponses = Dictionary((previous?.responses ?? []).map { ($0.gemeente, $0) }) { first, _ in first }
        let classIndex = Dictionary(reference.sizeClasses.enumerated().map { ($1.id, $0) }) { first, _ in first }
        var countDimensions: [CountDimension] = []
        for (index, dimension) in model.dimensions.enumerated() {
            if case .perInhabitant(let rule) = dimension.rule { countDimensions.append(CountDimension(dimension: index, rule: rule)) }
        }
        var approximateCount = 0
        var entries: [Entry] = []
        for ranked in ranking.entries {
            let response = responses[ranked.code]
            var fixed = model.dimensions.map { Double(ranked.parts[$0.id] ?? 0) }
            var counts: [[Count]] = []
            for countDimension in countDimensions {
                fixed[countDimension.dimension] = 0
                let chosen = countDimension.rule.channelField.flatMap { response?[$0]?.selection }
                counts.append(countDimension.rule.fields.map { field in
                    let value = response?[field.field]
                    let number = value?.number.flatMap { $0.isFinite ? $0 : nil }
                    var count = Count(reported: number, approximate: number != nil && (value?.isApproximate ?? false),
                                      approximateIndex: nil, measured: nil, noAccountFound: false,
                                      claimed: true, previous: previousResponses[ranked.code]?[field.field]?.number)
                    if count.approximate {
                        count.approximateIndex = approximateCount
                        approximateCount += 1
                    }
                    if let channel = field.channel {
                        if let chosen { count.claimed = chosen.contains(channel) }
                        if let observations, observations.measured(ranked.code) {
                            count.measured = observations.measuredCount(ranked.code, channel: channel)
                            count.noAccountFound = observations.observation(ranked.code, channel: channel)?.account == nil
                        }
                    }
                    return count
                })
            }
            entries.append(Entry(inhabitants: ranked.inhabitants, sizeClass: classIndex[ranked.sizeClass] ?? 0, fixed: fixed,
                                 counts: counts))
        }
        self.entries = entries
        self.countDimensions = countDimensions
        self.approximateCount = approximateCount
        self.codes = ranking.entries.map(\.code)

        var shares: [CountSource: [[[Double]]]] = [:]
        var classMedians: [CountSource: [[[Double]]]] = [:]
        let classes = max(reference.sizeClasses.count, 1)
        for source in CountSource.allCases {
            var all = countDimensions.map { $0.rule.fields.map { _ in [Double]() } }
            var byClass = (0..<classes).map { _ in all }
            for entry in entries {
                for (d, counts) in entry.counts.enumerated() {
                    for (f, count) in counts.enumerated() {
                        guard count.claimed, let known = Self.known(count, source: source), known > 0 else { continue }
                        let share = Double(known) / Double(entry.inhabitants)
                        all[d][f].append(share)
                        byClass[entry.sizeClass][d][f].append(share)
                    }
                }
            }
            shares[source] = all.map { $0.map { $0.sorted() } }
            classMedians[source] = byClass.map { classShares in
                classShares.enumerated().map { d, fields in
                    fields.enumerated().map { f, values in
                        Self.median(values.isEmpty ? all[d][f] : values)
                    }
                }
            }
        }
        self.shares = shares
        self.classMedians = classMedians
    }

    /// The count a source gives when nothing is varied; nil when unknown.
    static func known(_ count: Count, source: CountSource) -> Int? {
        switch source {
        case .reported: return count.reported.map(CountValue.rounded)
        case .measured: return count.measured ?? (count.noAccountFound ? 0 : nil)
        case .measuredElseReported: return count.measured ?? count.reported.map(CountValue.rounded)
        }
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// The nearest-rank percentile of sorted values (the ⌈p·n/100⌉-th smallest); infinity when empty.
    static func percentile(_ percent: Double, of sorted: [Double]) -> Double {
        guard !sorted.isEmpty else { return .infinity }
        let position = max(1, Int((percent * Double(sorted.count) / 100).rounded(.up)))
        return sorted[min(position, sorted.count) - 1]
    }

    /// One choice of every assumption.
    public struct Choice: Sendable, Hashable {
        /// Multiplier of each dimension's weight (1 = the model's weight).
        public var weightFactors: [Double]
        /// nil = the rule's own.
        public var pointsPerPercent: Int?
        public var capPercent: Double?
        public var holiday: HolidayAlternative = .none
        public var holidayPercentile: Double = 100
        public var missing: MissingCountAlternative = .zero
        /// Multiplier of each approximate answer (1 = as given).
        public var approximateFactors: [Double]
        public var aggregation: AggregationAlternative = .sum
        /// nil = each field's own source.
        public var source: CountSource?

        /// Every assumption at the model's own choice.
        public static func today(dimensions: Int, approximate: Int) -> Choice {
            Choice(weightFactors: Array(repeating: 1, count: dimensions), approximateFactors: Array(repeating: 1, count: approximate))
        }
    }

    /// Competition ranks (1 = best, equal scores share a rank) of every gemeente, in `codes` order.
    public func ranks(_ choice: Choice) -> [Int32] {
        Self.competitionRanks(scores(choice))
    }

    /// The composite score of every gemeente under `choice` (higher is better). Under `sum` with
    /// the model's weights these are the published totals.
    public func scores(_ choice: Choice) -> [Double] {
        let dimensions = model.dimensions.count
        let weights = model.dimensions.enumerated().map { Double($1.weight) * choice.weightFactors[$0] }
        var maxima = model.dimensions.map { Double($0.maximum) }
        // One flat row per gemeente (row-major): no array per gemeente per evaluation.
        var parts = [Double](repeating: 0, count: entries.count * dimensions)
        for (row, entry) in entries.enumerated() {
            for d in 0..<dimensions { parts[row * dimensions + d] = entry.fixed[d] }
        }
        for (d, countDimension) in countDimensions.enumerated() {
            let rule = countDimension.rule
            let k = choice.pointsPerPercent ?? rule.pointsPerPercent
            let cap = choice.capPercent.map { Int(Rounding.halfUp(Double(k) * $0)) } ?? rule.cap
            maxima[countDimension.dimension] = Double(cap * rule.fields.count)
            let thresholds = rule.fields.indices.map { f in
                choice.holiday == .none ? Double.infinity
                    : Self.percentile(choice.holidayPercentile, of: shares[choice.source ?? rule.fields[f].source]?[d][f] ?? [])
            }
            for (row, entry) in entries.enumerated() {
                parts[row * dimensions + countDimension.dimension] =
                    points(entry, dimension: d, rule: rule, k: k, cap: cap, thresholds: thresholds, choice: choice)
            }
        }
        var totals = [Double](repeating: 0, count: entries.count)
        switch choice.aggregation {
        case .sum:
            for row in totals.indices {
                var total = 0.0
                for d in 0..<dimensions { total += weights[d] * parts[row * dimensions + d] }
                totals[row] = total
            }
        case .geometric:
            let sum = weights.reduce(0, +)
            guard sum > 0 else { return totals }
            for row in totals.indices {
                var total = 0.0
                for d in 0..<dimensions { total += weights[d] / sum * log((parts[row * dimensions + d] + 1) / (maxima[d] + 1)) }
                totals[row] = total
            }
        case .rank:
            for d in 0..<dimensions {
                let ranks = Self.competitionRanks(totals.indices.map { parts[$0 * dimensions + d] })
                for row in totals.indices { totals[row] += weights[d] * Double(totals.count - Int(ranks[row])) }
            }
        }
        return totals
    }

    /// The points of one per-inhabitant dimension of one gemeente.
    private func points(_ entry: Entry, dimension d: Int, rule: PerInhabitantRule, k: Int, cap: Int, thresholds: [Double],
                        choice: Choice) -> Double {
        let p = entry.inhabitants
        var total = 0, answered = 0
        for (f, count) in entry.counts[d].enumerated() {
            let source = choice.source ?? rule.fields[f].source
            var value: Int?
            switch source {
            case .reported: value = reported(count, choice)
            case .measured: value = count.measured ?? (count.noAccountFound ? 0 : nil)
            case .measuredElseReported: value = count.measured ?? reported(count, choice)
            }
            if let known = value, choice.holiday != .none {
                let threshold = thresholds[f]
                if Double(known) > threshold * Double(p) {
                    value = choice.holiday == .cap ? Int((threshold * Double(p)).rounded(.down)) : nil
                }
            }
            if value == nil && !count.claimed { value = 0 }
            if value == nil {
                switch choice.missing {
                case .zero: value = 0
                case .sizeClassMedian:
                    let share = classMedians[source]?[entry.sizeClass][d][f] ?? 0
                    value = Int(Rounding.halfUp(share * Double(p)))
                case .previousEdition: value = count.previous.map(CountValue.rounded) ?? 0
                case .rescale: continue
                }
            }
            answered += 1
            total += min(cap, (2 * k * 100 * (value ?? 0) + p) / (2 * p))
        }
        if choice.missing == .rescale {
            return answered == 0 ? 0 : Double(total) * Double(entry.counts[d].count) / Double(answered)
        }
        return Double(total)
    }

    private func reported(_ count: Count, _ choice: Choice) -> Int? {
        guard let number = count.reported else { return nil }
        if let index = count.approximateIndex, choice.approximateFactors[index] != 1 {
            return CountValue.rounded(number * choice.approximateFactors[index])
        }
        return CountValue.rounded(number)
    }

    /// Competition ranks of scores, higher first: equal scores share a rank, the next skips.
    /// A gemeente's rank is 1 + the number of strictly higher scores, found by binary search in
    /// the scores sorted once (the standard library's sort of plain numbers: no comparison
    /// closure, which dominated the analysis in a debug build).
    static func competitionRanks(_ scores: [Double]) -> [Int32] {
        let ascending = scores.sorted()
        return scores.map { score in
            var low = 0, high = ascending.count
            while low < high {
                let middle = (low + high) / 2
                if ascending[middle] > score { high = middle } else { low = middle + 1 }
            }
            return Int32(ascending.count - low + 1)
        }
    }
}
