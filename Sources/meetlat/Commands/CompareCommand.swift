import ArgumentParser
import Foundation
import Ingest
import Stats

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two ranked years: rank and score changes, risers, new entrants, channel adoption.",
        discussion: """
            Reads Rankings/<year-a>.json and Rankings/<year-b>.json (written by `meetlat score`). \
            A gemeente that merged between the years is compared with the largest of its \
            predecessors that answered. When the years use different scoring models, every table \
            says so. Channel adoption is computed from the surveys unless --no-channels is given.
            """
    )

    @OptionGroup var surveys: SurveysOption
    @OptionGroup var rankings: RankingsOption

    @Argument(help: "The earlier year.")
    var yearA: Int

    @Argument(help: "The later year.")
    var yearB: Int

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("Size of the top table (ranks up to and including this one).", valueName: "rank"))
    var top = 10

    @Option(help: ArgumentHelp("Length of the lists of risers and fallers.", valueName: "count"))
    var limit = 10

    @Option(help: ArgumentHelp("The statistics.yaml table (kind: options) whose adoption is compared.", valueName: "id"))
    var channelsTable = "channels"

    @Flag(help: "Skip channel adoption (does not read the surveys).")
    var noChannels = false

    @Option(help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        try reportingErrors {
            let from = try RankingFile.load(year: yearA, rankings: rankings.rankingsURL)
            let to = try RankingFile.load(year: yearB, rankings: rankings.rankingsURL)
            let folder = surveys.folder
            let reference = try folder.reference()
            let comparison = YearComparison(from: from, to: to, reference: reference)
            var channels: StatTable?
            if !noChannels {
                let definition = try StatisticsDefinition.load(from: surveys.surveysURL.appendingPathComponent("statistics.yaml"))
                guard let table = definition.table(channelsTable), table.kind == .options else {
                    throw StatsError.unknownTable(id: channelsTable, known: definition.tables.filter { $0.kind == .options }.map(\.id))
                }
                func year(_ year: Int) throws -> ChannelAdoption.Year {
                    let survey = try folder.ingest(year: year, reference: reference)
                    let questionnaire = Questionnaire(mapping: try folder.mapping(year: year))
                    return ChannelAdoption.Year(survey: survey, questionnaire: questionnaire)
                }
                channels = try ChannelAdoption.table(table, from: year(yearA), to: year(yearB), reference: reference)
            }
            try emit(TableRenderer.render(comparison.tables(top: top, limit: limit, channels: channels), as: format), to: output,
                     inputs: [surveys.surveysURL, rankings.rankingsURL])
        }
    }
}
