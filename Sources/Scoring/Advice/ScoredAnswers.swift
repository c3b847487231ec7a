import Core
import Foundation
import Support

/// `Rankings/<year>-answers.json`: every ranked gemeente's answers to the fields the year's model
/// reads, and the measured accounts the model scores, so that a finished output can be scored
/// again under the same model with some answers changed ("hoe kom ik hoger?" on the site and
/// `meetlat advise`) without the survey export. Holds only what the model reads: no respondent,
/// no remark, no field outside the model (`ScoredAnswers.make` copies exactly `fields(of:)`).
public struct ScoredAnswers: Sendable, Hashable, Codable {
    public var year: Int
    public var model: String
    /// The gemeenten in ranking order, each with the answers the model reads.
    public var gemeenten: [AnswerSet]
    /// The year's measured accounts, when it has an observations file (what `measured` and
    /// `measured_else_reported` count fields score).
    public var observations: PublishedObservations?

    public init(year: Int, model: String, gemeenten: [AnswerSet], observations: PublishedObservations?) {
        self.year = year
        self.model = model
        self.gemeenten = gemeenten
        self.observations = observations
    }

    /// One gemeente's answers.
    public struct AnswerSet: Sendable, Hashable, Codable {
        public var code: String
        public var name: String
        /// What per-inhabitant rules divide by (1 January of the survey year).
        public var inhabitants: Int
        /// Field → answer; a field the year did not ask is absent.
        public var answers: [String: PublishedAnswer]

        public init(code: String, name: String, inhabitants: Int, answers: [String: PublishedAnswer]) {
            self.code = code
            self.name = name
            self.inhabitants = inhabitants
            self.answers = answers
        }

        /// The answers as a response the scorer reads.
        public var response: Response {
            Response(gemeente: code, row: 0, values: answers.mapValues(\.value))
        }
    }

    /// The measured accounts of a year (public organisational accounts, as in the observation
    /// report of `Rankings/<year>.json`).
    public struct PublishedObservations: Sendable, Hashable, Codable {
        public var file: String
        public var channels: [String]
        public var synthetic: Bool
        public var accounts: [Account]

        public init(file: String, channels: [String], synthetic: Bool, accounts: [Account]) {
            self.file = file
            self.channels = channels
            self.synthetic = synthetic
            self.accounts = accounts
        }

        public struct Account: Sendable, Hashable, Codable {
            public var gemeente: String
            public var channel: String
            public var account: String?
            public var count: Int?
            public var date: String?
            public var source: String?

            public init(gemeente: String, channel: String, account: String?, count: Int?, date: String?, source: String?) {
                self.gemeente = gemeente
                self.channel = channel
                self.account = account
                self.count = count
                self.date = date
                self.source = source
            }
        }

        public func yearObservations(year: Int) -> YearObservations {
            YearObservations(year: year, file: file, channels: channels, synthetic: synthetic, observations: accounts.map {
                AccountObservation(gemeente: $0.gemeente, channel: $0.channel, account: $0.account, count: $0.count,
                                   date: $0.date, source: $0.source, row: 0)
            })
        }
    }

    /// The observations as the scorer reads them.
    public var yearObservations: YearObservations? { observations?.yearObservations(year: year) }

    /// The fields a model reads: every rule's fields and the presence and channel fields.
    public static func fields(of model: ScoringModel) -> Set<String> {
        var fields: Set<String> = []
        for dimension in model.dimensions {
            fields.formUnion(dimension.rule.fields)
            if case .perInhabitant(let rule) = dimension.rule, let channelField = rule.channelField { fields.insert(channelField) }
        }
        return fields
    }

    /// The answers file of a ranking: its gemeenten's answers to the model's fields, in ranking order.
    public static func make(ranking: Ranking, survey: SurveyResponses, model: ScoringModel,
                            observations: YearObservations?) -> ScoredAnswers {
        let fields = fields(of: model)
        let responses = Dictionary(survey.responses.map { ($0.gemeente, $0) }) { first, _ in first }
        let sets = ranking.entries.map { entry in
            let values = responses[entry.code]?.values.filter { fields.contains($0.key) } ?? [:]
            return AnswerSet(code: entry.code, name: entry.name, inhabitants: entry.inhabitants,
                             answers: values.mapValues(PublishedAnswer.init))
        }
        let ranked = Set(ranking.entries.map(\.code))
        let published = observations.map { observations in
            PublishedObservations(
                file: observations.file, channels: observations.channels, synthetic: observations.synthetic,
                accounts: observations.observations.filter { ranked.contains($0.gemeente) }
                    .sorted { ($0.gemeente, $0.channel) < ($1.gemeente, $1.channel) }
                    .map { Account(gemeente: $0.gemeente, channel: $0.channel, account: $0.account, count: $0.count,
                                   date: $0.date, source: $0.source) })
        }
        return ScoredAnswers(year: ranking.year, model: ranking.model, gemeenten: sets, observations: published)
    }

    public typealias Account = PublishedObservations.Account

    public static func url(year: Int, rankings: URL) -> URL { rankings.appendingPathComponent("\(year)-answers.json") }

    /// Reads `Rankings/<year>-answers.json`.
    public static func load(year: Int, rankings: URL) throws -> ScoredAnswers {
        let url = url(year: year, rankings: rankings)
        let answers = try JSONFile.decode(ScoredAnswers.self, from: url, hint: "run `meetlat score --year \(year)` first")
        guard answers.year == year else {
            throw DataFileError.invalid(path: url.path, location: "year", problem: "found \(answers.year), expected \(year)")
        }
        return answers
    }

    /// Whether the file exists (a rankings folder written before answers files were has none).
    public static func exists(year: Int, rankings: URL) -> Bool {
        FileManager.default.fileExists(atPath: url(year: year, rankings: rankings).path)
    }
}

/// One answer as the answers file writes it: `{"number": 2150}`, `{"number": 300, "approximate":
/// true}`, `{"choice": "vaak"}`, `{"selection": ["facebook", "twitter"]}` (sorted), `{"missing": true}`.
public struct PublishedAnswer: Sendable, Hashable, Codable {
    public var value: FieldValue

    public init(_ value: FieldValue) { self.value = value }

    enum Key: String, CodingKey { case number, approximate, choice, selection, missing }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch value {
        case .number(let number, let approximate):
            try container.encode(number, forKey: .number)
            if approximate { try container.encode(true, forKey: .approximate) }
        case .choice(let choice): try container.encode(choice, forKey: .choice)
        case .selection(let values): try container.encode(values.sorted(), forKey: .selection)
        case .missing: try container.encode(true, forKey: .missing)
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        if let number = try container.decodeIfPresent(Double.self, forKey: .number) {
            value = .number(number, approximate: try container.decodeIfPresent(Bool.self, forKey: .approximate) ?? false)
        } else if let choice = try container.decodeIfPresent(String.self, forKey: .choice) {
            value = .choice(choice)
        } else if let selection = try container.decodeIfPresent([String].self, forKey: .selection) {
            value = .selection(Set(selection))
        } else if try container.decodeIfPresent(Bool.self, forKey: .missing) == true {
            value = .missing
        } else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: "expected one of number, choice, selection or missing"))
        }
    }
}
