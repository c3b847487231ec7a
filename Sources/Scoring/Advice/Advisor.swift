import Core
import Support

/// One changed answer: a field given another answer, or a measured count set to another number
/// (where the model scores the measured count, changing the answer would change nothing).
public struct AnswerEdit: Sendable, Hashable, Codable {
    /// The answer field changed (`channels`, `followers.twitter`, `usage.x`), or nil for a measured count.
    public var field: String?
    public var value: PublishedAnswer?
    /// The platform whose measured count is changed, with the new count.
    public var channel: String?
    public var count: Int?

    public static func answer(_ field: String, _ value: FieldValue) -> AnswerEdit {
        AnswerEdit(field: field, value: PublishedAnswer(value), channel: nil, count: nil)
    }

    public static func measured(_ channel: String, count: Int) -> AnswerEdit {
        AnswerEdit(field: nil, value: nil, channel: channel, count: count)
    }

    /// `answers` of gemeente `code` with this change made.
    public func applied(to answers: ScoredAnswers, code: String) -> ScoredAnswers {
        var copy = answers
        if let field, let value, let index = copy.gemeenten.firstIndex(where: { $0.code == code }) {
            copy.gemeenten[index].answers[field] = value
        }
        if let channel, let count,
           let index = copy.observations?.accounts.firstIndex(where: { $0.gemeente == code && $0.channel == channel }) {
            copy.observations?.accounts[index].count = count
        }
        return copy
    }
}

/// A change of answers with what it would have given in the edition: the total and the rank
/// among the other gemeenten's totals, ties ruled as the ranking rules them (equal totals share
/// a rank: `Ranker.competitionRanks`).
public struct AdviceStep: Sendable, Hashable, Codable {
    public var dimension: String
    /// The field or option changed, labelled as the model labels it.
    public var label: String
    /// The answer now and after the change, in Dutch (`niet actief`, `2.150 (2,8 %)`, `soms`, `cijfer 4`).
    public var from: String
    public var to: String
    public var edits: [AnswerEdit]
    /// Points gained in the total (weights applied).
    public var gain: Int
    public var total: Int
    public var rank: Int
}

/// "Hoe kom ik hoger?": for one gemeente, per dimension the points it missed and the changes of
/// answers that earn them, each scored by the edition's own model (`Scorer`), never by a second
/// formula; the three changes that gain most together; the gemeenten of its size class just
/// above it and where each beats it.
public struct Advice: Sendable, Hashable, Codable {
    public struct DimensionAdvice: Sendable, Hashable, Codable {
        public var id: String
        public var label: String
        /// Points (weights applied) and the most the dimension can give.
        public var points: Int
        public var maximum: Int
        public var missed: Int
        /// The changes that earn points in this dimension, most points first.
        public var steps: [AdviceStep]
    }

    public struct Combination: Sendable, Hashable, Codable {
        public var steps: [AdviceStep]
        public var total: Int
        public var rank: Int
    }

    public struct Peer: Sendable, Hashable, Codable {
        public var code: String
        public var name: String
        public var total: Int
        public var rank: Int
        /// The dimension where it has most points more (weights applied), and how many.
        public var dimension: String
        public var dimensionLabel: String
        public var lead: Int
    }

    public var year: Int
    public var code: String
    public var name: String
    /// Gemeenten ranked in the edition.
    public var count: Int
    public var total: Int
    public var rank: Int
    public var maximum: Int
    public var dimensions: [DimensionAdvice]
    /// The three changes that gain most together (fewer when there are fewer), nil when none gains.
    public var best: Combination?
    /// Up to five gemeenten of the same size class just above it, best first.
    public var peers: [Peer]
}

public enum AdviceError: Error, CustomStringConvertible, Equatable {
    case notRanked(name: String, year: Int)
    case modelMismatch(file: String, model: String, expected: String)

    public var description: String {
        switch self {
        case .notRanked(let name, let year):
            return "\(name) is not in the answers of \(year): it did not take part in that edition"
        case .modelMismatch(let file, let model, let expected):
            return "\(file): answers scored with model \(model), but the ranking names \(expected)"
        }
    }
}

/// Scores every gemeente of an answers file under the edition's model and advises one of them.
public struct Advisor: Sendable {
    public let model: ScoringModel
    public let answers: ScoredAnswers
    /// Every gemeente's total as the model scores its answers in the file, by code.
    public let totals: [String: Int]
    let scores: [String: Score]
    let scorer: Scorer
    let sets: [String: ScoredAnswers.AnswerSet]
    /// Each gemeente's answers as the scorer reads them.
    let responses: [String: Response]
    let observations: YearObservations?
    /// Each gemeente's own measured accounts: all a change of its measured counts is scored with
    /// (the scorer looks up no other gemeente's).
    let ownObservations: [String: [AccountObservation]]
    /// Every total, ascending, for ranks by binary search.
    let sortedTotals: [Int]
    /// Per field with points: every gemeente's points on it (the first line with points), ascending.
    let pointsByField: [String: [Int]]
    /// Where each gemeente's entry is in the ranking.
    let entryIndex: [String: Int]
    /// The published ranking: size classes and parts of the gemeenten above.
    let ranking: Ranking
    /// Share of the edition's gemeenten whose points on a count field a change aims for.
    static let countTargetQuantile = 0.75

    public init(model: ScoringModel, ranking: Ranking, answers: ScoredAnswers) throws {
        guard answers.model == model.name else {
            throw AdviceError.modelMismatch(file: "\(answers.year)-answers.json", model: answers.model, expected: model.name)
        }
        self.model = model
        self.answers = answers
        self.ranking = ranking
        scorer = Scorer(model: model)
        let observations = answers.yearObservations
        self.observations = observations
        sets = Dictionary(answers.gemeenten.map { ($0.code, $0) }) { first, _ in first }
        responses = sets.mapValues(\.response)
        var scores: [String: Score] = [:]
        for set in answers.gemeenten {
            scores[set.code] = try scorer.score(set.response, inhabitants: set.inhabitants, observations: observations)
        }
        self.scores = scores
        totals = scores.mapValues(\.total)
        sortedTotals = totals.values.sorted()
        ownObservations = Dictionary(grouping: observations?.observations ?? [], by: \.gemeente)
        var pointsByField: [String: [Int]] = [:]
        for set in answers.gemeenten {
            var seen: Set<String> = []
            for line in scores[set.code]?.explanation ?? [] {
                guard let points = line.points, seen.insert(line.field).inserted else { continue }
                pointsByField[line.field, default: []].append(points)
            }
        }
        self.pointsByField = pointsByField.mapValues { $0.sorted() }
        entryIndex = Dictionary(ranking.entries.enumerated().map { ($1.code, $0) }) { first, _ in first }
    }

    /// The rank a total would have among the other gemeenten's totals: one more than the number of
    /// others with more points (so equal totals share a rank, as `Ranker` ranks them).
    public func rank(of total: Int, excluding code: String) -> Int {
        // The first total above `total` (binary search in the ascending totals).
        var low = 0, high = sortedTotals.count
        while low < high {
            let middle = (low + high) / 2
            if sortedTotals[middle] > total { high = middle } else { low = middle + 1 }
        }
        let own = totals[code].map { $0 > total ? 1 : 0 } ?? 0
        return 1 + sortedTotals.count - low - own
    }

    /// The gemeente's total with `edits` made, scored by the model: the dimensions that read a
    /// changed answer or measured count scored again (`Scorer.total(changing:)`), the others as scored.
    public func total(of code: String, with edits: [AnswerEdit]) throws -> Int {
        guard let set = sets[code], var response = responses[code], let score = scores[code] else {
            throw AdviceError.notRanked(name: code, year: answers.year)
        }
        var measured: [String: Int] = [:]
        var fields: Set<String> = []
        for edit in edits {
            if let field = edit.field, let value = edit.value {
                response.values[field] = value.value
                fields.insert(field)
            }
            if let channel = edit.channel, let count = edit.count { measured[channel] = count }
        }
        var scoredObservations = observations
        if let observations, !measured.isEmpty {
            // Only this gemeente's accounts: the scorer looks up no other's.
            scoredObservations = YearObservations(
                year: observations.year, file: observations.file, channels: observations.channels, synthetic: observations.synthetic,
                observations: (ownObservations[code] ?? []).map { observation in
                    guard let count = measured[observation.channel] else { return observation }
                    var changed = observation
                    changed.count = count
                    return changed
                })
        }
        return try scorer.total(changing: score, fields: fields, channels: Set(measured.keys), response: response,
                                inhabitants: set.inhabitants, observations: scoredObservations)
    }

    public func advice(for code: String) throws -> Advice {
        guard let set = sets[code], let score = scores[code] else {
            throw AdviceError.notRanked(name: code, year: answers.year)
        }
        var dimensions: [Advice.DimensionAdvice] = []
        var allSteps: [AdviceStep] = []
        for dimension in model.dimensions {
            let points = dimension.weight * (score.parts[dimension.id] ?? 0)
            let maximum = dimension.weight * dimension.maximum
            var steps: [AdviceStep] = []
            for candidate in candidates(dimension, set: set, score: score, observations: observations) {
                let total = try self.total(of: code, with: candidate.edits)
                guard total > score.total else { continue }
                steps.append(AdviceStep(dimension: dimension.id, label: candidate.label, from: candidate.from, to: candidate.to,
                                        edits: candidate.edits, gain: total - score.total, total: total,
                                        rank: rank(of: total, excluding: code)))
            }
            // Stable: equal gains keep the model's order.
            steps = steps.enumerated().sorted { ($1.element.gain, $0.offset) < ($0.element.gain, $1.offset) }.map(\.element)
            dimensions.append(Advice.DimensionAdvice(id: dimension.id, label: dimension.label, points: points, maximum: maximum,
                                                     missed: maximum - points, steps: steps))
            allSteps += steps
        }
        let entry = entryIndex[code].map { ranking.entries[$0] }
        return Advice(year: answers.year, code: code, name: set.name, count: answers.gemeenten.count, total: score.total,
                      rank: rank(of: score.total, excluding: code), maximum: model.maximum, dimensions: dimensions,
                      best: try best(of: allSteps, code: code, base: score.total),
                      peers: entry.map { peers(above: $0, total: score.total) } ?? [])
    }

    /// Up to three steps chosen one by one, each the one that adds most to the steps before it
    /// (scored together by the model, so interactions such as a sum's rounding count), from the
    /// ten that gain most alone (beyond them only a rounding could make up the difference).
    func best(of steps: [AdviceStep], code: String, base: Int) throws -> Advice.Combination? {
        let strongest = steps.enumerated().sorted { ($1.element.gain, $0.offset) < ($0.element.gain, $1.offset) }.prefix(10).map(\.element)
        var chosen: [AdviceStep] = [], remaining = strongest, total = base
        while chosen.count < 3 {
            var bestIndex: Int?, bestTotal = total
            for (index, step) in remaining.enumerated() {
                let candidate = try self.total(of: code, with: (chosen + [step]).flatMap(\.edits))
                if candidate > bestTotal { bestIndex = index; bestTotal = candidate }
            }
            guard let bestIndex else { break }
            chosen.append(remaining.remove(at: bestIndex))
            total = bestTotal
        }
        guard !chosen.isEmpty else { return nil }
        return Advice.Combination(steps: chosen, total: total, rank: rank(of: total, excluding: code))
    }

    /// The five gemeenten of the size class with the fewest points above `total`, best first.
    func peers(above entry: RankedGemeente, total: Int) -> [Advice.Peer] {
        let above = ranking.entries.filter { $0.sizeClass == entry.sizeClass && $0.code != entry.code && $0.total > total }
        return above.suffix(5).map { other in
            var lead = Int.min, id = "", label = ""
            for dimension in model.dimensions {
                let difference = dimension.weight * ((other.parts[dimension.id] ?? 0) - (entry.parts[dimension.id] ?? 0))
                if difference > lead { lead = difference; id = dimension.id; label = dimension.label }
            }
            return Advice.Peer(code: other.code, name: other.name, total: other.total, rank: other.rank, dimension: id,
                               dimensionLabel: label, lead: lead)
        }
    }

    // MARK: - Candidate changes

    struct Candidate {
        let label: String
        let from: String
        let to: String
        let edits: [AnswerEdit]
    }

    func candidates(_ dimension: Dimension, set: ScoredAnswers.AnswerSet, score: Score,
                    observations: YearObservations?) -> [Candidate] {
        switch dimension.rule {
        case .presence(let rule):
            let chosen = set.answers[rule.field]?.value.selection ?? []
            return rule.options.filter { !chosen.contains($0.value) && $0.points > 0 }.map { option in
                Candidate(label: option.label, from: "niet actief", to: "actief",
                          edits: [.answer(rule.field, .selection(chosen.union([option.value])))])
            }
        case .perInhabitant(let rule):
            return rule.fields.compactMap { countCandidate($0, rule: rule, set: set, observations: observations) }
        case .choicePoints(let rule):
            guard let best = rule.values.max(by: { $0.points < $1.points }) else { return [] }
            let top = rule.values.first { $0.points == best.points } ?? best
            return rule.fields.compactMap { field in
                let value = set.answers[field.field]?.value
                let current = value.flatMap(Self.choice)
                if let current, let points = rule.points(for: current), points >= top.points { return nil }
                return Candidate(label: field.label, from: current ?? ExplanationLine.unanswered, to: top.value,
                                 edits: [.answer(field.field, .choice(top.value))])
            }
        case .scaledRatings(let rule):
            return rule.fields.compactMap { field in
                let rating = set.answers[field.field]?.value.number
                    .map { min(max(Int(Rounding.halfUp(min(max($0, -1e9), 1e9))), rule.minimum), rule.maximum) }
                guard (rating ?? rule.unanswered) < rule.maximum else { return nil }
                return Candidate(label: field.label, from: rating.map { "cijfer \($0)" } ?? ExplanationLine.unanswered,
                                 to: "cijfer \(rule.maximum)",
                                 edits: [.answer(field.field, .number(Double(rule.maximum), approximate: false))])
            }
        }
    }

    /// A choice answer as the scorer reads it (a whole number answers a choice too).
    static func choice(_ value: FieldValue) -> String? {
        if let text = value.choice { return text }
        if let number = value.number, number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        return nil
    }

    /// More followers on one count field: as many as earn the points three quarters of the
    /// edition's gemeenten stay at or below on that field, or, for a gemeente already there, the
    /// most the rule gives. The count the model scores is changed: the measured one where it
    /// scores that, otherwise the answer.
    func countCandidate(_ field: CountField, rule: PerInhabitantRule, set: ScoredAnswers.AnswerSet,
                        observations: YearObservations?) -> Candidate? {
        let measured = field.channel.flatMap { observations?.measuredCount(set.code, channel: $0) }
        let usesMeasured = measured != nil && field.source != .reported
        if field.source == .measured && !usesMeasured { return nil }
        let reported = set.answers[field.field]?.value.number.map(CountValue.rounded)
        let current = (usesMeasured ? measured : reported) ?? 0
        let inhabitants = set.inhabitants
        let points = rule.points(count: current, inhabitants: inhabitants)
        guard points < rule.cap else { return nil }
        var target = fieldPoints(field.field, quantile: Self.countTargetQuantile)
        if target <= points { target = rule.cap }
        // The least count with `target` points: (2·k·100·n + p) / (2·p) ≥ t.
        let numerator = 2 * inhabitants * target - inhabitants
        let step = 200 * rule.pointsPerPercent
        let count = max(0, (numerator + step - 1) / step)
        let edit: AnswerEdit = usesMeasured ? .measured(field.channel ?? "", count: count)
            : .answer(field.field, .number(Double(count), approximate: false))
        let hasCount = usesMeasured || reported != nil
        return Candidate(label: field.label, from: hasCount ? Self.countText(current, inhabitants) : ExplanationLine.unanswered,
                         to: Self.countText(count, inhabitants), edits: [edit])
    }

    /// `2.150 (2,8 %)`
    static func countText(_ count: Int, _ inhabitants: Int) -> String {
        "\(DutchFormat.integer(count)) (\(DutchFormat.percent(100 * Double(count) / Double(inhabitants), decimals: 1)))"
    }

    /// The points on one field that `quantile` of the gemeenten have at most (nearest rank).
    func fieldPoints(_ field: String, quantile: Double) -> Int {
        guard let points = pointsByField[field], !points.isEmpty else { return 0 }
        let index = min(points.count - 1, max(0, Int((quantile * Double(points.count)).rounded(.up)) - 1))
        return points[index]
    }
}
