import ArgumentParser
import Pipeline
import Scoring

struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "How firm is each rank? Median rank and 90 % interval under perturbed dimension weights.",
        discussion: """
            Each run multiplies every dimension's weight by a factor from 1 ± spread and ranks the \
            reweighted totals. Defaults come from the year's scoring model; the same seed gives the \
            same intervals on every machine.
            """
    )

    @OptionGroup var surveys: SurveysOption

    @Option(help: "Survey year.")
    var year: Int

    @Option(help: ArgumentHelp("Number of Monte Carlo runs (default: the model's).", valueName: "count"))
    var runs: Int?

    @Option(help: ArgumentHelp("Relative spread of each weight, e.g. 0.25 for ±25 % (default: the model's).", valueName: "fraction"))
    var spread: Double?

    @Option(help: "Weight distribution (default: the model's).")
    var distribution: WeightDistribution?

    @Option(help: ArgumentHelp("Seed of the random number generator (default: the model's).", valueName: "number"))
    var seed: UInt64?

    var overrides: SensitivityOverrides {
        SensitivityOverrides(runs: runs, spread: spread, distribution: distribution, seed: seed)
    }

    func validate() throws {
        do {
            try overrides.validate()
        } catch {
            throw ValidationError(String(describing: error))
        }
    }

    func run() throws {
        try reportingErrors {
            let folder = surveys.folder
            _ = try folder.years(selecting: year)
            let scored = try ScoringRun.score(year: year, in: folder, reference: try folder.reference(),
                                              sensitivity: overrides)
            print(ScoringText.summary(scored.ranking))
            print(ScoringText.intervals(scored.ranking), terminator: "")
        }
    }
}

extension WeightDistribution: ExpressibleByArgument {}
