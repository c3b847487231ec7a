import ArgumentParser
import Foundation
import Ingest
import Stats

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print the survey tables of one year (Surveys/statistics.yaml).",
        discussion: """
            Percentages are of the respondents who answered the question and are printed with their \
            denominator. Shares come with a 95 % Wilson interval and a national estimate \
            post-stratified by size class. With --check-published, the year's published figures \
            (Surveys/published/<year>.yaml) are compared with the computed ones.
            """
    )

    @OptionGroup var surveys: SurveysOption

    @Option(help: "Survey year.")
    var year: Int

    @Option(help: ArgumentHelp("Only this table (an id from statistics.yaml, e.g. usage).", valueName: "id"))
    var table: String?

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    @Flag(help: "Also list the published figures the computed tables do not reproduce.")
    var checkPublished = false

    @Option(help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        try reportingErrors {
            let folder = surveys.folder
            let definition = try StatisticsDefinition.load(from: surveys.surveysURL.appendingPathComponent("statistics.yaml"))
            if let table, definition.table(table) == nil {
                throw StatsError.unknownTable(id: table, known: definition.tables.map(\.id))
            }
            let reference = try folder.reference()
            let survey = try folder.ingest(year: year, reference: reference)
            let questionnaire = Questionnaire(mapping: try folder.mapping(year: year))
            let published = try PublishedYear.load(year: year, surveys: surveys.surveysURL)
            let report = try SurveyStatistics(definition: definition, reference: reference)
                .report(for: survey, questionnaire: questionnaire, published: published, only: table)
            var tables = report.tables
            if checkPublished {
                if let published {
                    tables.append(PublishedComparison(report: report, published: published, sizeClasses: reference.sizeClasses).table(year: year))
                    tables.append(published.inconsistencyTable())
                } else {
                    throw StatsError.missingFile(path: PublishedYear.url(year: year, surveys: surveys.surveysURL).path,
                                                 hint: "--check-published needs the year's published figures")
                }
            }
            try emit(TableRenderer.render(tables, as: format), to: output, inputs: [surveys.surveysURL])
        }
    }
}
