import ArgumentParser
import Pipeline
import Scoring

struct DiscrepanciesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discrepancies",
        abstract: "Self-reported against measured: the accounts and follower counts of the observations file.",
        discussion: """
            Reads the year's observations file (accounts: in its mapping.yaml) and lists, per gemeente \
            looked up and platform, what it answered and what was measured: counts that differ by more \
            than the model's threshold (discrepancy: in the model file), channels claimed without an \
            account found, and accounts found on channels not claimed; then the gemeenten whose total \
            changes because the model scores measured counts.
            """
    )

    @OptionGroup var surveys: SurveysOption

    @Option(help: "Survey year.")
    var year: Int

    @Flag(help: "List every gemeente and platform looked up, not only the findings.")
    var all = false

    func run() throws {
        try reportingErrors {
            let folder = surveys.folder
            _ = try folder.years(selecting: year)
            let scored = try ScoringRun.score(year: year, in: folder, reference: try folder.reference(), uncertainty: nil)
            guard let report = scored.ranking.observations else {
                throw DiscrepancyError.noObservations(year: year)
            }
            printMessage(ScoringText.discrepancies(report, year: year, all: all), terminator: "")
        }
    }
}

enum DiscrepancyError: Error, CustomStringConvertible {
    case noObservations(year: Int)

    var description: String {
        switch self {
        case .noObservations(let year):
            return "\(year) has no observations file: add an accounts: section to \(year)/mapping.yaml naming it (docs/architecture.md, \"accounts\")"
        }
    }
}
