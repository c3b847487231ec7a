import ArgumentParser
import Foundation
import Ingest
import Scoring

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score and rank survey years; write Rankings/<year>.csv and Rankings/<year>.json.",
        discussion: """
            Each year is scored with the model its mapping names (Surveys/models/<model>.yaml), ranked \
            (equal totals share a rank), and given a 90 % rank interval from the model's weight \
            sensitivity settings. Files are written only after every year has been scored.
            """
    )

    @OptionGroup var location: LocationOptions

    @Option(help: "Score only this year (default: every year in the surveys folder).")
    var year: Int?

    @Flag(help: "Fail when ingest rejects any row.")
    var strict = false

    @Option(help: "How many ranks to print per year.")
    var top = 10

    func run() throws {
        try reportingErrors {
            let folder = SurveyFolder(location.surveysURL)
            let years = try ScoringRun.years(year, in: folder)
            let reference = try folder.reference()
            let scored = try years.map { try ScoringRun.score(year: $0, in: folder, reference: reference, strict: strict) }
            let written = try RankingsWriter.write(scored.map(\.ranking), to: location.rankingsURL)
            for year in scored {
                print(ScoringText.summary(year.ranking))
                print(ScoringText.top(year.ranking, limit: top))
            }
            print("wrote " + written.map(\.path).joined(separator: ", "))
        }
    }
}

/// Runs a command body; a failure is printed as `meetlat: <description>` on standard error and
/// ends the command with a non-zero status.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch {
        FileHandle.standardError.write(Data("meetlat: \(error)\n".utf8))
        throw ExitCode.failure
    }
}
