import ArgumentParser
import Core
import Foundation
import Scoring
import Stats

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two ranked years: rank and score changes, risers, new entrants, channel adoption.",
        discussion: """
            Reads finished outputs only: Rankings/<year-a>.json and Rankings/<year-b>.json (written by \
            `meetlat score`), Statistics/reference.json and, for channel adoption unless --no-channels \
            is given, Statistics/<year>.json of both years (written by `meetlat stats --write`). A \
            gemeente that merged between the years is compared with the largest of its predecessors \
            that answered. When the years use different scoring models, every table says so.
            """
    )

    @OptionGroup var rankings: RankingsOption
    @OptionGroup var statistics: StatisticsOption

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

    @Flag(help: "Skip channel adoption (does not read Statistics/<year>.json).")
    var noChannels = false

    @Option(help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        guard yearA < yearB else { throw ValidationError("the earlier year comes first: compare \(min(yearA, yearB)) \(max(yearA, yearB))") }
        guard top >= 1 else { throw ValidationError("--top must be at least 1, found \(top)") }
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1, found \(limit)") }
    }

    func run() throws {
        try reportingErrors {
            try checkOutput(output, inputs: [rankings.rankingsURL, statistics.statisticsURL])
            let from = try RankingFile.load(year: yearA, rankings: rankings.rankingsURL)
            let to = try RankingFile.load(year: yearB, rankings: rankings.rankingsURL)
            let reference = try ReferenceFile.load(statistics: statistics.statisticsURL)
            let comparison = YearComparison(from: from, to: to, reference: reference)
            let channels = try noChannels ? nil : ChannelAdoption.table(
                channelsTable,
                from: StatisticsFile.load(year: yearA, statistics: statistics.statisticsURL),
                to: StatisticsFile.load(year: yearB, statistics: statistics.statisticsURL))
            try emit(TableRenderer.render(comparison.tables(top: top, limit: limit, channels: channels), as: format), to: output,
                     inputs: [rankings.rankingsURL, statistics.statisticsURL], published: true)
        }
    }
}
