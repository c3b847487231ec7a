import ArgumentParser
import Pipeline
import Scoring
import Support

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score and rank survey years; write Rankings/<year>.csv, <year>.json and <year>-answers.json.",
        discussion: """
            Each year is scored with the model its mapping names (Surveys/models/<model>.yaml), ranked \
            (equal totals share a rank), and given a 90 % rank interval from the model's weight \
            sensitivity settings. Files are written only after every year has been scored.
            """
    )

    @OptionGroup var surveys: SurveysOption
    @OptionGroup var rankings: RankingsOption

    @Option(help: "Score only this year (default: every year in the surveys folder).")
    var year: Int?

    @Flag(help: "Fail when ingest rejects any row for a fault in the export.")
    var strict = false

    @Option(help: ArgumentHelp("How many ranks to print per year.", valueName: "rank"))
    var top = 10

    func run() throws {
        try reportingErrors {
            let folder = surveys.folder
            // Refuse an output among the inputs before the scoring work, not after it.
            try AtomicOutput.checkFolder(rankings.rankingsURL, inputs: [surveys.surveysURL])
            let years = try folder.years(selecting: year)
            let reference = try folder.reference()
            let scored = try years.map { try ScoringRun.score(year: $0, in: folder, reference: reference, strict: strict) }
            let publication = try RankingsWriter.write(scored.map(\.ranking), answers: scored.map(\.answers),
                                                       to: rankings.rankingsURL, inputs: [surveys.surveysURL])
            for year in scored {
                printMessage(ScoringText.summary(year.ranking))
                printMessage(ScoringText.top(year.ranking, limit: top))
            }
            printNotes(publication)
            let written = scored.flatMap { [RankingsWriter.csvURL(year: $0.ranking.year, in: publication.folder),
                                            RankingsWriter.jsonURL(year: $0.ranking.year, in: publication.folder),
                                            ScoredAnswers.url(year: $0.ranking.year, rankings: publication.folder)] }
            printMessage("wrote " + written.map(\.path).joined(separator: ", "))
        }
    }
}
