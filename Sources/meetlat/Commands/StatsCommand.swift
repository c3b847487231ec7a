import ArgumentParser
import Foundation
import Pipeline
import Stats
import Support

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print the survey tables of one year (Surveys/statistics.yaml), or write Statistics/ for the site.",
        discussion: """
            Percentages are of the respondents who answered the question and are printed with their \
            denominator. Shares come with a 95 % Wilson interval and a national estimate \
            post-stratified by size class. With --check-published, the year's published figures \
            (Surveys/published/<year>.yaml) are compared with the computed ones.

            With --write, every year (or --year) is computed and written to Statistics/<year>.json, \
            with the reference as Statistics/reference.json: the finished statistics that `meetlat \
            site` and `meetlat compare` read instead of the survey exports. Files are written only \
            after every year has been computed.
            """
    )

    @OptionGroup var surveys: SurveysOption
    @OptionGroup var statistics: StatisticsOption

    @Option(help: "Survey year (required unless --write is given; with --write: only this year).")
    var year: Int?

    @Flag(help: "Write Statistics/<year>.json for every year (or --year) and Statistics/reference.json instead of printing.")
    var write = false

    @Option(help: ArgumentHelp("Only this table (an id from statistics.yaml, e.g. usage).", valueName: "id"))
    var table: String?

    @Option(help: "Output format (default: text).")
    var format: OutputFormat?

    @Flag(help: "Also list the published figures the computed tables do not reproduce.")
    var checkPublished = false

    @Option(help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        if write {
            let printing = [table.map { _ in "--table" }, format.map { _ in "--format" },
                            checkPublished ? "--check-published" : nil, output.map { _ in "--output" }].compactMap { $0 }
            guard printing.isEmpty else {
                throw ValidationError("--write writes every table as JSON to the statistics folder; it does not take \(printing.joined(separator: ", "))")
            }
        } else if year == nil {
            throw ValidationError("give --year to print a year's tables, or --write to write Statistics/")
        }
    }

    func run() throws {
        try reportingErrors {
            let folder = surveys.folder
            let years = try folder.years(selecting: year)
            if write {
                // Refuse an output among the inputs before the work, not after it.
                try AtomicOutput.checkFolder(statistics.statisticsURL, inputs: [surveys.surveysURL])
                let (written, publication) = try StatisticsRun.write(years: years, in: folder, to: statistics.statisticsURL,
                                                                     inputs: [surveys.surveysURL])
                printNotes(publication)
                printMessage("wrote " + written.map(\.path).joined(separator: ", "))
            } else {
                let tables = try StatisticsRun.tables(year: years[0], in: folder, only: table, checkPublished: checkPublished)
                try emit(TableRenderer.render(tables, as: format ?? .text), to: output, inputs: [surveys.surveysURL], published: true)
            }
        }
    }
}
