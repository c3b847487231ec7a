import Core
import Support

/// Computes the survey tables of `statistics.yaml` for one year (`meetlat stats`).
///
/// Percentages are of the respondents who answered the question: the denominator is the number
/// of responses in which the field is present and not `.missing`, and it is printed with every
/// percentage. A field absent from every response was not asked that year ("niet gevraagd").
public struct SurveyStatistics: Sendable {
    public var definition: StatisticsDefinition
    public var reference: Reference

    public init(definition: StatisticsDefinition, reference: Reference) {
        self.definition = definition
        self.reference = reference
    }

    /// Every table of `statistics.yaml` (or only `tableID`) for `survey`.
    /// - Parameters:
    ///   - survey: the year's accepted responses.
    ///   - questionnaire: the options the year's form offered (from its mapping); without it every
    ///     option of an asked field counts as offered.
    ///   - published: the year's published figures, for notes where the reference and the report
    ///     disagree (the number of gemeenten).
    ///   - tableID: one table's `id`; nil for every table.
    public func report(for survey: SurveyResponses, questionnaire: Questionnaire? = nil,
                       published: PublishedYear? = nil, only tableID: String? = nil) throws -> StatisticsReport {
        var definitions = definition.tables
        if let tableID {
            guard let table = definition.table(tableID) else {
                throw StatsError.unknownTable(id: tableID, known: definition.tables.map(\.id))
            }
            definitions = [table]
        }
        let context = YearContext(survey: survey, reference: reference, questionnaire: questionnaire, published: published)
        var tables: [StatTable] = []
        for table in definitions {
            tables += try context.tables(for: table)
        }
        return StatisticsReport(year: survey.year, tables: tables)
    }

    /// What `Statistics/<year>.json` holds for `survey`: every table, the shares of every
    /// `options` table (for comparisons between years) and the counts of respondents.
    public func statistics(for survey: SurveyResponses, questionnaire: Questionnaire? = nil,
                           published: PublishedYear? = nil) throws -> YearStatistics {
        let report = try report(for: survey, questionnaire: questionnaire, published: published)
        let context = YearContext(survey: survey, reference: reference, questionnaire: questionnaire, published: published)
        let options = try definition.tables.filter { $0.kind == .options }.map { table in
            OptionShares(definition: table,
                         shares: try context.optionShares(table.field ?? "", options: (table.options ?? []).map(\.value)))
        }
        return YearStatistics(year: survey.year, model: survey.model, respondents: survey.responses.count,
                              anonymous: survey.anonymous, options: options, tables: report.tables)
    }
}

/// One year's responses with everything the tables need about them: who answered which field,
/// each respondent's size class, and the number of gemeenten per size class (N_h).
struct YearContext {
    let year: Int
    let survey: SurveyResponses
    let reference: Reference
    let questionnaire: Questionnaire?
    let published: PublishedYear?
    /// Gemeente code → size class id (absent when the reference has no inhabitants figure).
    let classOf: [String: String]
    /// Size class id → gemeenten of the year in that class (N_h).
    let population: [String: Int]
    /// Gemeenten of the year whose size class is unknown (no inhabitants figure).
    let unclassifiedGemeenten: Int
    /// Fields present in at least one response: the fields the year asked.
    let askedFields: Set<String>

    init(survey: SurveyResponses, reference: Reference, questionnaire: Questionnaire?, published: PublishedYear?) {
        self.year = survey.year
        self.survey = survey
        self.reference = reference
        self.questionnaire = questionnaire
        self.published = published
        var classOf: [String: String] = [:]
        var population: [String: Int] = [:]
        var unclassified = 0
        for gemeente in reference.gemeenten(in: survey.year) {
            if let sizeClass = reference.sizeClass(of: gemeente.code, in: survey.year) {
                classOf[gemeente.code] = sizeClass.id
                population[sizeClass.id, default: 0] += 1
            } else {
                unclassified += 1
            }
        }
        // A respondent outside the year's gemeenten (should not happen after ingest) still gets a
        // class when the reference knows its inhabitants.
        for response in survey.responses where classOf[response.gemeente] == nil {
            if let sizeClass = reference.sizeClass(of: response.gemeente, in: survey.year) {
                classOf[response.gemeente] = sizeClass.id
            }
        }
        self.classOf = classOf
        self.population = population
        self.unclassifiedGemeenten = unclassified
        self.askedFields = Set(survey.responses.flatMap { $0.values.keys })
    }

    var period: String { String(year) }

    func isAsked(_ field: String) -> Bool { askedFields.contains(field) }

    func isOffered(_ value: String, for field: String) -> Bool {
        questionnaire?.offers(value, for: field) ?? true
    }

    /// Responses that answered `field` (present and not `.missing`), with their value.
    func answers(_ field: String) -> [(response: Response, value: FieldValue)] {
        survey.responses.compactMap { response in
            guard let value = response[field], !value.isMissing else { return nil }
            return (response, value)
        }
    }

    func tables(for table: TableDefinition) throws -> [StatTable] {
        switch table.kind {
        case .response: return [responseTable(table)]
        case .options: return [try optionsTable(table)]
        case .choice: return [try choiceTable(table)]
        case .choiceGrid: return try choiceGridTables(table)
        case .numbers: return [try numbersTable(table)]
        case .ratings: return [try ratingsTable(table)]
        case .shareOfInhabitants: return try shareOfInhabitantsTables(table)
        }
    }

    /// The first column of a table with a question per row (number tables, the choice grid).
    static let questionColumn = StatColumn("label", StatText("", dutch: "Vraag"), .left)

    func emptyTable(_ table: TableDefinition, id: String? = nil, columns: [StatColumn]) -> StatTable {
        StatTable(id: id ?? table.id, definition: table.id, caption: StatText(same: table.caption), period: period, columns: columns)
    }

    // MARK: Values of the expected type

    func selection(_ value: FieldValue, field: String, of response: Response) throws -> Set<String> {
        guard let selection = value.selection else {
            throw unexpected(value, field: field, response: response, expected: "a multi-select answer")
        }
        return selection
    }

    func choice(_ value: FieldValue, field: String, of response: Response) throws -> String {
        guard let choice = value.choice else {
            throw unexpected(value, field: field, response: response, expected: "a choice")
        }
        return choice
    }

    func number(_ value: FieldValue, field: String, of response: Response) throws -> Double {
        guard let number = value.number else {
            throw unexpected(value, field: field, response: response, expected: "a number")
        }
        return number
    }

    private func unexpected(_ value: FieldValue, field: String, response: Response, expected: String) -> StatsError {
        .unexpectedValue(field: field, gemeente: response.gemeente, row: response.row, found: value.description, expected: expected)
    }

    // MARK: Notes shared by several tables

    func answeredNote(field: String, answered: Int) -> StatText {
        let respondents = survey.responses.count
        let unanswered = respondents - answered
        return StatText(
            "percentages are of the \(answered) respondents who answered '\(field)'"
                + (unanswered > 0 ? " (\(unanswered) of \(respondents) did not)" : " (all \(respondents))"),
            dutch: "percentages van wie de vraag beantwoordde: \(answered) van de \(respondents) deelnemende gemeenten")
    }

    /// The fields of `fields` the year did not ask; `nil` when it asked them all. The Dutch note
    /// names them by their labels, and only when the year asked some of them.
    func notAskedNote(_ fields: [FieldLabel]) -> StatText? {
        let missing = fields.filter { !isAsked($0.field) }
        guard !missing.isEmpty else { return nil }
        return StatText("not asked in \(year): \(missing.map(\.field).joined(separator: ", "))",
                        dutch: "in \(year) niet gevraagd" + (missing.count == fields.count ? ""
                            : ": " + missing.map(\.label).joined(separator: ", ")))
    }
}
