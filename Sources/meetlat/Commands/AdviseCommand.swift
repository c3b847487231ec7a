import ArgumentParser
import Core
import Foundation
import Scoring
import Support

struct AdviseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advise",
        abstract: "Show how a gemeente could have ranked higher: the answers that earn the points it missed.",
        discussion: """
            Reads finished outputs only: Rankings/<year>.json and Rankings/<year>-answers.json (written \
            by `meetlat score`), Statistics/reference.json and the year's model. Every change of answers \
            is scored by the model itself; its rank is its place among the other gemeenten' totals \
            (equal totals share a rank). The same numbers as "Hoe kom ik hoger?" on the gemeente's page. \
            With --answers another answers file (an edited copy) is scored instead.
            """
    )

    @OptionGroup var surveys: SurveysOption
    @OptionGroup var rankings: RankingsOption
    @OptionGroup var statistics: StatisticsOption

    @Argument(help: "Gemeente name, alias or CBS code (e.g. Hoorn, \"Den Bosch\", GM0405).")
    var gemeente: String

    @Option(help: "Survey year.")
    var year: Int

    @Option(help: ArgumentHelp("Score this answers file instead of Rankings/<year>-answers.json.", valueName: "file"))
    var answers: String?

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        try reportingErrors {
            let ranking = try RankingFile.load(year: year, rankings: rankings.rankingsURL)
            let reference = try ReferenceFile.load(statistics: statistics.statisticsURL)
            let found = try GemeenteLookup.find(gemeente, in: reference, year: year)
            let scored = try answers.map { path in
                try JSONFile.decode(ScoredAnswers.self, from: URL(fileURLWithPath: path),
                                    hint: "an answers file as `meetlat score` writes it")
            } ?? ScoredAnswers.load(year: year, rankings: rankings.rankingsURL)
            let model = try ModelLibrary(folder: surveys.folder.modelsURL).model(named: ranking.model)
            let advice = try Advisor(model: model, ranking: ranking, answers: scored).advice(for: found.code)
            printMessage(json ? String(decoding: try JSONFile.encoded(advice), as: UTF8.self) : AdviceText.render(advice),
                         terminator: "")
        }
    }
}
