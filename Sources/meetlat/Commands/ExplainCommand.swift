import ArgumentParser
import Pipeline

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show which answer earned which points for one gemeente in one year.",
        discussion: """
            Scores the year as `meetlat score` does and prints the gemeente's ranks and, per \
            dimension of the scoring model, every answer with the points it earned and why; the lines \
            add up to the total. The name is matched as ingest matches survey answers: the official \
            name, an alias from reference/aliases.csv or the CBS code, ignoring case, accents, \
            punctuation and a leading "Gemeente".
            """
    )

    @OptionGroup var surveys: SurveysOption

    @Argument(help: "Gemeente name, alias or CBS code (e.g. Hoorn, \"Den Bosch\", GM0405).")
    var gemeente: String

    @Option(help: "Survey year.")
    var year: Int

    func run() throws {
        try reportingErrors {
            printMessage(try ScoringRun.explanation(of: gemeente, year: year, in: surveys.folder), terminator: "")
        }
    }
}
