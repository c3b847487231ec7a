import Core
import Support

/// One answer used by the score, what it earned and why. A gemeente's lines add up to its total:
/// lines with `points == nil` are inputs to a later line of the same dimension (the ratings of a
/// scaled dimension, whose points exist only for their sum).
public struct ExplanationLine: Sendable, Hashable, Codable {
    /// Dimension id, e.g. `followers`.
    public var dimension: String
    /// Canonical field, e.g. `followers.twitter`; the dimension id for a dimension-wide line.
    public var field: String
    /// Dutch label of what was asked, from the model file, e.g. `Twitter (volgers)`.
    public var label: String
    /// The answer as given (canonical form): `2.150`, `ca. 300`, `vaak`; for an option of a
    /// multi-select `ja` or `nee` (`chosen`, `notChosen`); `niet ingevuld` when not answered,
    /// `niet gevraagd` when the year did not ask it.
    public var answer: String
    public var points: Int?
    /// Why, in Dutch, as published: `2.150 van 71.703 inwoners = 2,998 % × 4 = 11,99 → 12 punten
    /// (half naar boven afgerond)`.
    public var reason: String

    public init(dimension: String, field: String, label: String, answer: String, points: Int?, reason: String) {
        self.dimension = dimension
        self.field = field
        self.label = label
        self.answer = answer
        self.points = points
        self.reason = reason
    }

    /// The answer of an option line whose option was chosen.
    public static let chosen = "ja"
    /// The answer of an option line whose option was not chosen.
    public static let notChosen = "nee"
    /// The answer when the question was asked but not answered.
    public static let unanswered = "niet ingevuld"
    /// The answer when the year's questionnaire did not have the question.
    public static let notAsked = "niet gevraagd"
}

/// A gemeente's score under a model.
public struct Score: Sendable, Hashable {
    public var gemeente: String
    /// Points per dimension id (before the dimension's weight).
    public var parts: [String: Int]
    /// Σ weight × part.
    public var total: Int
    /// Sorted notes, as `ScoreFlag` ids: `unknown:<field>`, `suspect:<field>`, `approximate:<field>`.
    public var flags: [String]
    public var explanation: [ExplanationLine]
}

/// Scores responses under one model. Pure: the same response and inhabitants give the same score.
public struct Scorer: Sendable {
    public let model: ScoringModel

    /// Counts are clamped here before integer arithmetic (far above any gemeente, so still
    /// suspect); with model numbers at most `ModelParser.largestNumber` nothing can overflow.
    static let largestCount = 1_000_000_000

    public init(model: ScoringModel) {
        self.model = model
    }

    /// Scores one response. `inhabitants` (on 1 January of the survey year) is what
    /// per-inhabitant rules divide by; it must be positive. `observations` are the year's
    /// measured accounts, when there is an observations file: a count field whose source is
    /// `measured` or `measured_else_reported` scores the measured count, and every count line
    /// names both values.
    public func score(_ response: Response, inhabitants: Int, observations: YearObservations? = nil) throws -> Score {
        guard inhabitants > 0 else {
            throw ScoringError.invalidInhabitants(code: response.gemeente, year: nil, inhabitants: inhabitants)
        }
        var context = Context(model: model, response: response, inhabitants: inhabitants, observations: observations)
        var parts: [String: Int] = [:]
        var total = 0
        for dimension in model.dimensions {
            let points = try context.score(dimension)
            parts[dimension.id] = points
            total += dimension.weight * points
            if dimension.weight != 1 {
                context.lines.append(ExplanationLine(
                    dimension: dimension.id, field: dimension.id, label: dimension.label,
                    answer: "gewicht \(dimension.weight)", points: (dimension.weight - 1) * points,
                    reason: "\(pointsText(points)) × gewicht \(dimension.weight) = \(pointsText(dimension.weight * points))"))
            }
        }
        return Score(gemeente: response.gemeente, parts: parts, total: total,
                     flags: context.flags.sorted(), explanation: context.lines)
    }
}

/// Scoring one dimension again: what "hoe kom ik hoger?" (`Advisor`) needs for every change of
/// answers it tries. A dimension's points depend only on the answers to its own fields
/// (`DimensionRule.fields`) and, for a per-inhabitant rule, on the gemeente's measured counts
/// on its fields' channels; so a changed answer is scored by the same code as `score`, for the
/// dimensions that read it only (`AdviceTests`: equal to a full score for every
/// gemeente and every change advised in the demo years).
extension Scorer {
    /// The points of one dimension (before its weight), as `score` gives them in `Score.parts`.
    public func points(_ dimension: Dimension, _ response: Response, inhabitants: Int,
                       observations: YearObservations? = nil) throws -> Int {
        guard inhabitants > 0 else {
            throw ScoringError.invalidInhabitants(code: response.gemeente, year: nil, inhabitants: inhabitants)
        }
        // The same code as `score`, without writing the explanation nobody reads here.
        var context = Context(model: model, response: response, inhabitants: inhabitants, observations: observations,
                              explains: false)
        return try context.score(dimension)
    }

    /// Whether the dimension's points can change when the answers to `fields` or the measured
    /// counts on `channels` change.
    public static func reads(_ dimension: Dimension, fields: Set<String>, channels: Set<String>) -> Bool {
        if dimension.rule.fields.contains(where: fields.contains) { return true }
        guard !channels.isEmpty, case .perInhabitant(let rule) = dimension.rule else { return false }
        return rule.fields.contains { $0.channel.map(channels.contains) ?? false }
    }

    /// The total `score(response, …)` gives, where `response` differs from the response `base`
    /// scored only in the answers to `fields` and the measured counts on `channels`: `base`'s
    /// total with the dimensions that read them scored again.
    public func total(changing base: Score, fields: Set<String>, channels: Set<String>, response: Response,
                      inhabitants: Int, observations: YearObservations? = nil) throws -> Int {
        var total = base.total
        for dimension in model.dimensions where Self.reads(dimension, fields: fields, channels: channels) {
            let points = try self.points(dimension, response, inhabitants: inhabitants, observations: observations)
            total += dimension.weight * (points - (base.parts[dimension.id] ?? 0))
        }
        return total
    }
}

/// The state of scoring one response: the lines and flags collected so far.
private struct Context {
    let model: ScoringModel
    let response: Response
    let inhabitants: Int
    let observations: YearObservations?
    /// Whether the explanation lines are written (`Scorer.points` needs the points only).
    let explains: Bool
    var lines: [ExplanationLine] = []
    var flags: Set<String> = []

    init(model: ScoringModel, response: Response, inhabitants: Int, observations: YearObservations?, explains: Bool = true) {
        self.model = model
        self.explains = explains
        self.response = response
        self.inhabitants = inhabitants
        self.observations = observations
    }

    mutating func score(_ dimension: Dimension) throws -> Int {
        switch dimension.rule {
        case .presence(let rule): return try presence(rule, dimension)
        case .perInhabitant(let rule): return try perInhabitant(rule, dimension)
        case .choicePoints(let rule): return try choicePoints(rule, dimension)
        case .scaledRatings(let rule): return try scaledRatings(rule, dimension)
        }
    }

    // MARK: - Kinds

    mutating func presence(_ rule: PresenceRule, _ dimension: Dimension) throws -> Int {
        let value = response[rule.field]
        guard let value, !value.isMissing else {
            add(dimension, rule.field, dimension.label, Self.unanswered(value), 0, "geen antwoord: geen kanaal geteld")
            flags.insert(ScoreFlag(.unknown, field: rule.field).id)
            return 0
        }
        guard let chosen = value.selection else {
            throw wrongType(dimension, rule.field, expected: "a multi-select answer", found: value)
        }
        var total = 0
        for option in rule.options {
            if chosen.contains(option.value) {
                add(dimension, rule.field, option.label, ExplanationLine.chosen, option.points,
                    "actief op \(option.label): \(pointsText(option.points))")
                total += option.points
            } else {
                add(dimension, rule.field, option.label, ExplanationLine.notChosen, 0, "niet actief op \(option.label)")
            }
        }
        let scored = Set(rule.options.map(\.value)), modelName = model.name
        for other in chosen.subtracting(scored).sorted() {
            add(dimension, rule.field, other, ExplanationLine.chosen, 0, PresenceRule.unscoredReason(other, model: modelName))
        }
        return total
    }

    mutating func perInhabitant(_ rule: PerInhabitantRule, _ dimension: Dimension) throws -> Int {
        var total = 0
        for countField in rule.fields {
            let field = countField.field
            let reported = response[field]
            if let reported, !reported.isMissing, reported.number?.isFinite != true {
                throw wrongType(dimension, field, expected: "a count", found: reported)
            }
            let measurement = countField.channel.flatMap { channel in
                observations.flatMap { Measurement(observations: $0, gemeente: response.gemeente, channel: channel) }
            }
            let useMeasured = measurement?.count != nil
                && (countField.source == .measured || countField.source == .measuredElseReported)
            var notes: [String] = []
            if let measurement {
                if explains {
                    notes.append(measurement.sentence)
                    notes.append("opgegeven: " + (reported.map(Self.answer) ?? ExplanationLine.notAsked))
                }
                if let measured = measurement.count, let number = reported?.number,
                   model.discrepancy.differs(reported: CountValue.rounded(number), measured: measured) {
                    flags.insert(ScoreFlag(.discrepancy, field: field).id)
                    notes.append("opgegeven en gemeten verschillen meer dan de drempel")
                }
            }
            let count: Int
            if useMeasured, let measured = measurement?.count {
                flags.insert(ScoreFlag(.measured, field: field).id)
                notes.append("gebruikt: het gemeten aantal (bron in het model: \(countField.source.dutch))")
                count = measured
            } else {
                if countField.source == .measured {
                    // Measured only: without a measured count the count is unknown, whatever was answered.
                    // Looked up without an account found: no followers. Not looked up, or not counted: unknown.
                    let noAccount = measurement != nil && measurement?.observation?.account == nil
                    let why = measurement == nil ? "niet gemeten" : noAccount ? "geen account gevonden" : "account niet geteld"
                    add(dimension, field, countField.label, reported.map(Self.answer) ?? ExplanationLine.notAsked, 0,
                        "\(why): 0 punten" + (notes.isEmpty ? "" : "; " + notes.joined(separator: "; ")))
                    if !noAccount { flags.insert(ScoreFlag(.unknown, field: field).id) }
                    continue
                }
                guard let value = reported, !value.isMissing, let number = value.number else {
                    let reason = "aantal onbekend: 0 punten" + (notes.isEmpty ? "" : "; " + notes.joined(separator: "; "))
                    add(dimension, field, countField.label, Self.unanswered(reported), 0, reason)
                    flags.insert(ScoreFlag(.unknown, field: field).id)
                    continue
                }
                if measurement != nil { notes.append("gebruikt: het opgegeven aantal") }
                count = CountValue.rounded(number)
                if value.isApproximate || (number >= 0 && Double(count) != number) {
                    flags.insert(ScoreFlag(.approximate, field: field).id)
                    notes.append(Double(count) == number ? "een schatting, gebruikt zoals opgegeven" : "gerekend als \(DutchFormat.integer(count))")
                }
                if number < 0 {
                    flags.insert(ScoreFlag(.suspect, field: field).id)
                    notes.append("een negatief aantal is verdacht en telt als 0")
                }
            }
            if count > inhabitants {
                flags.insert(ScoreFlag(.suspect, field: field).id)
                notes.append("meer dan het aantal inwoners: opvallend (toeristische gemeente of gekochte volgers?)")
            }
            let uncapped = rule.uncappedPoints(count: count, inhabitants: inhabitants)
            let points = min(rule.cap, uncapped)
            let percent = 100 * Double(count) / Double(inhabitants), inhabitants = self.inhabitants
            func reason() -> String {
                "\(DutchFormat.integer(count)) van \(DutchFormat.integer(inhabitants)) inwoners = "
                    + "\(DutchFormat.decimal(percent, decimals: 3)) % × \(rule.pointsPerPercent) = "
                    + "\(DutchFormat.decimal(Double(rule.pointsPerPercent) * percent, decimals: 2)) → "
                    + (uncapped > rule.cap ? "maximaal \(pointsText(rule.cap))" : "\(pointsText(points)) (half naar boven afgerond)")
                    + (notes.isEmpty ? "" : "; " + notes.joined(separator: "; "))
            }
            // The answer as given (the measured count, when used, is in the reason).
            add(dimension, field, countField.label, reported.map(Self.answer) ?? ExplanationLine.notAsked, points, reason())
            total += points
        }
        return total
    }

    mutating func choicePoints(_ rule: ChoicePointsRule, _ dimension: Dimension) throws -> Int {
        let table = explains ? rule.values.map { "\($0.value): \($0.points)" }.joined(separator: ", ") : ""
        var total = 0
        for labelled in rule.fields {
            let field = labelled.field
            guard let value = answered(labelled, dimension, otherwise: "geen antwoord: 0 punten") else { continue }
            let choice: String
            if let text = value.choice {
                choice = text
            } else if let number = value.number, number == number.rounded(), abs(number) < 1e15 {
                choice = String(Int(number))
            } else {
                throw wrongType(dimension, field, expected: "a single choice", found: value)
            }
            guard let points = rule.points(for: choice) else {
                throw ScoringError.unscoredValue(model: model.name, dimension: dimension.id, field: field, value: choice,
                                                 allowed: rule.values.map(\.value), code: response.gemeente,
                                                 row: response.row)
            }
            add(dimension, field, labelled.label, choice, points, "'\(choice)' levert \(pointsText(points)) op (\(table))")
            total += points
        }
        return total
    }

    mutating func scaledRatings(_ rule: ScaledRatingsRule, _ dimension: Dimension) throws -> Int {
        var sum = 0
        for labelled in rule.fields {
            let field = labelled.field
            let value = response[field]
            let rating: Int
            var reason: String
            if let value, !value.isMissing {
                guard let number = value.number, number.isFinite else {
                    throw wrongType(dimension, field, expected: "a rating from \(rule.minimum) to \(rule.maximum)", found: value)
                }
                let rounded = Rounding.halfUp(min(max(number, -1e9), 1e9))
                rating = min(max(Int(rounded), rule.minimum), rule.maximum)
                reason = "cijfer \(rating)"
                if value.isApproximate || rounded != number {
                    flags.insert(ScoreFlag(.approximate, field: field).id)
                    reason = "geschat cijfer \(DutchFormat.number(number)), gerekend als \(Int(rounded))"
                }
                if Double(rating) != rounded {
                    flags.insert(ScoreFlag(.suspect, field: field).id)
                    reason = "cijfer \(DutchFormat.number(number)) ligt buiten \(rule.minimum)–\(rule.maximum), telt als \(rating)"
                }
            } else {
                rating = rule.unanswered
                flags.insert(ScoreFlag(.unknown, field: field).id)
                reason = "geen antwoord: telt als \(rule.unanswered)"
            }
            sum += rating - rule.minimum
            add(dimension, field, labelled.label, value.map(Self.answer) ?? ExplanationLine.notAsked, nil,
                "\(reason), \(rating - rule.minimum) boven het minimum \(rule.minimum) (wordt hieronder opgeteld)")
        }
        let points = rule.points(forSum: sum)
        let denominator = rule.denominator
        let unrounded = denominator > 0 ? Double(rule.scale * sum) / Double(denominator) : 0
        add(dimension, dimension.id, dimension.label, "opgeteld \(sum) van \(denominator)", points,
            "\(rule.scale) × \(sum) / \(denominator) = \(DutchFormat.decimal(unrounded, decimals: 2)) → "
                + "\(pointsText(points)) (half naar boven afgerond)")
        return points
    }

    // MARK: - Helpers

    /// The answer and reason are only made when the lines are written.
    mutating func add(_ dimension: Dimension, _ field: String, _ label: String, _ answer: @autoclosure () -> String, _ points: Int?,
                      _ reason: @autoclosure () -> String) {
        guard explains else { return }
        lines.append(ExplanationLine(dimension: dimension.id, field: field, label: label, answer: answer(),
                                     points: points, reason: reason()))
    }

    /// The field's answer; `nil` after recording that it was not answered: 0 points for `reason`,
    /// flagged `unknown:<field>`.
    mutating func answered(_ labelled: LabelledField, _ dimension: Dimension, otherwise reason: String) -> FieldValue? {
        let value = response[labelled.field]
        guard let value, !value.isMissing else {
            add(dimension, labelled.field, labelled.label, Self.unanswered(value), 0, reason)
            flags.insert(ScoreFlag(.unknown, field: labelled.field).id)
            return nil
        }
        return value
    }

    /// `niet gevraagd` when the year did not have the question, `niet ingevuld` when it was not answered.
    static func unanswered(_ value: FieldValue?) -> String {
        value == nil ? ExplanationLine.notAsked : ExplanationLine.unanswered
    }

    static func answer(_ value: FieldValue) -> String {
        switch value {
        case .number(let number, let approximate):
            return (approximate ? "ca. " : "") + DutchFormat.number(number)
        case .choice(let choice): return choice
        case .selection(let values): return values.sorted().joined(separator: ", ")
        case .missing: return ExplanationLine.unanswered
        }
    }

    func wrongType(_ dimension: Dimension, _ field: String, expected: String, found value: FieldValue) -> ScoringError {
        ScoringError.wrongAnswerType(model: model.name, dimension: dimension.id, field: field, expected: expected,
                                     found: value.description, code: response.gemeente, row: response.row)
    }
}

/// A count answer as the per-inhabitant rule scores it: rounded half up, negative as 0, clamped
/// far above any gemeente (so the integer formula cannot overflow).
enum CountValue {
    static func rounded(_ number: Double) -> Int {
        Int(Rounding.halfUp(min(max(number, 0), Double(Scorer.largestCount))))
    }
}

/// What the observations file says about one gemeente on one channel, for an explanation line.
struct Measurement {
    let observation: AccountObservation?
    /// The measured count, when an account was found and counted.
    let count: Int?

    /// nil when the gemeente was not looked up at all.
    init?(observations: YearObservations, gemeente: String, channel: String) {
        guard observations.measured(gemeente) else { return nil }
        observation = observations.observation(gemeente, channel: channel)
        count = observations.measuredCount(gemeente, channel: channel)
    }

    /// `gemeten: 2.150 (@gemeentehoorn, 20-05-2013, monitoringexport)` or `gemeten: geen account gevonden`.
    var sentence: String {
        guard let observation, let account = observation.account else { return "gemeten: geen account gevonden" }
        let details = [account] + [observation.date.map(DutchFormat.date), observation.source].compactMap { $0 }
        let value = count.map(DutchFormat.integer) ?? "niet geteld"
        return "gemeten: \(value) (\(details.joined(separator: ", ")))"
    }
}

/// `1 punt`, `5 punten`, as the explanation lines write points.
func pointsText(_ points: Int) -> String {
    "\(points) \(points == 1 ? "punt" : "punten")"
}
