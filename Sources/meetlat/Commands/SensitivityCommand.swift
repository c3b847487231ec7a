import ArgumentParser
import Foundation
import Ingest
import Pipeline
import Scoring
import Support
import TableFiles

struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "How firm is each rank? Rank intervals and Sobol indices under every assumption of the model.",
        discussion: """
            Varies, in one run, every assumption of the year's model (uncertainty: in \
            Surveys/models/<model>.yaml: weights, the follower rule, holiday gemeenten, missing \
            counts, approximate answers, the aggregation, the count source) over its alternatives, \
            with Saltelli sampling: N × (assumptions + 2) rankings. Prints per assumption its \
            first-order and total Sobol index of the ranks (with standard errors), and per gemeente \
            the median rank, the 90 % interval and the assumption that moves it most. The same seed \
            gives the same results on every machine. --problem and --evaluate expose the model \
            function to other tools (SALib): the variables, and the ranks at given points.
            """
    )

    @OptionGroup var surveys: SurveysOption

    @Option(help: "Survey year.")
    var year: Int

    @Option(help: ArgumentHelp("Saltelli base sample size N (default: the model's).", valueName: "count"))
    var samples: Int?

    @Option(help: ArgumentHelp("Seed of the random number generator (default: the model's).", valueName: "number"))
    var seed: UInt64?

    @Option(help: "text for people, json for programs (unrounded indices with their standard errors).")
    var format: ReportFormat = .text

    @Flag(help: "Print the variables of the model function as a SALib problem (JSON) instead.")
    var problem = false

    @Option(help: ArgumentHelp("Print the ranks (CSV, one row per point, one column per gemeente code) at the points of this CSV file: a header row of the variable names (--problem), then one row per point, each value in [0, 1).", valueName: "file"))
    var evaluate: String?

    var overrides: UncertaintyOverrides { UncertaintyOverrides(samples: samples, seed: seed) }

    func validate() throws {
        do {
            try overrides.validate()
        } catch {
            throw ValidationError(String(describing: error))
        }
        if problem && evaluate != nil { throw ValidationError("--problem and --evaluate cannot be combined") }
    }

    func run() throws {
        try reportingErrors {
            let folder = surveys.folder
            _ = try folder.years(selecting: year)
            let analysis = try UncertaintyProblem.make(year: year, in: folder, reference: try folder.reference(), overrides: overrides)
            if problem {
                try emit(String(decoding: try JSONFile.encoded(SALibProblem(analysis.space)), as: UTF8.self), to: nil, inputs: [])
                return
            }
            if let evaluate {
                try emit(try Self.evaluate(file: evaluate, analysis), to: nil, inputs: [])
                return
            }
            let (ranking, result) = analysis.run()
            switch format {
            case .text:
                printMessage(ScoringText.summary(ranking))
                if let summary = ranking.uncertainty { printMessage(ScoringText.indices(summary), terminator: "") }
                printMessage(ScoringText.intervals(ranking), terminator: "")
            case .json:
                let report = SensitivityReport(ranking: ranking, result: result)
                try emit(String(decoding: try JSONFile.encoded(report), as: UTF8.self), to: nil, inputs: [])
            }
        }
    }

    /// The ranks at the points of `file` (CSV, read through `TableFiles`).
    static func evaluate(file: String, _ analysis: UncertaintyProblem) throws -> String {
        let names = analysis.space.variables.map(\.name)
        var points: [[Double]] = []
        let reader = try TableFile.reader(for: URL(fileURLWithPath: file), displayName: file)
        try reader.read(progressLabel: nil, header: { header in
            guard header.columns.map(\.name) == names else {
                throw EvaluationError(file: file, row: header.row ?? 1, problem: "the header must be the \(names.count) variable names of --problem, in order")
            }
        }, row: { record in
            guard record.cells.count == names.count else {
                throw EvaluationError(file: file, row: record.row, problem: "has \(record.cells.count) values, expected \(names.count)")
            }
            points.append(try record.cells.enumerated().map { column, text in
                guard let value = Double(text), value >= 0, value <= 1 else {
                    throw EvaluationError(file: file, row: record.row,
                                          problem: "column \(names[column]): \"\(VisibleText.escaped(text))\" is not a number from 0 to 1")
                }
                return min(value, 1.0.nextDown)
            })
        })
        let choices = points.map(analysis.space.choice)
        let ranks = RankEvaluation.ranks(analysis.function, choices: choices)
        var writer = CSVWriter(header: analysis.function.codes)
        let count = analysis.function.count
        for row in 0..<choices.count {
            writer.append((0..<count).map { String(ranks[row * count + $0]) })
        }
        return writer.text
    }
}

struct EvaluationError: Error, CustomStringConvertible {
    var file: String
    var row: Int
    var problem: String
    var description: String { "\(file), row \(row): \(problem)" }
}

/// The variables as SALib's `problem` dictionary: every variable uniform on [0, 1], grouped by assumption.
struct SALibProblem: Encodable {
    var variableCount: Int
    var names: [String]
    var groups: [String]
    var bounds: [[Int]]

    enum CodingKeys: String, CodingKey {
        case variableCount = "num_vars"
        case names, groups, bounds
    }

    init(_ space: AssumptionSpace) {
        variableCount = space.variables.count
        names = space.variables.map(\.name)
        groups = space.variables.map { space.assumptions[$0.group].id }
        bounds = space.variables.map { _ in [0, 1] }
    }
}

/// `--format json`: the indices unrounded with their standard errors.
struct SensitivityReport: Encodable {
    struct Assumption: Encodable {
        var id: String
        var index: SobolIndex?
    }

    struct Gemeente: Encodable {
        var code: String
        var name: String
        var rank: Int
        var interval: RankInterval?
        var driver: String?
        var indices: [String: SobolIndex]?
    }

    var year: Int
    var samples: Int
    var seed: UInt64
    var evaluations: Int
    var assumptions: [Assumption]
    var gemeenten: [Gemeente]

    init(ranking: Ranking, result: UncertaintyAnalysis.Result) {
        let ids = result.summary.assumptions.map(\.id)
        year = ranking.year
        samples = result.summary.samples
        seed = result.summary.seed
        evaluations = result.summary.evaluations
        assumptions = ids.enumerated().map { Assumption(id: $1, index: result.overall?[$0]) }
        gemeenten = ranking.entries.enumerated().map { index, entry in
            Gemeente(code: entry.code, name: entry.name, rank: entry.rank, interval: entry.rankInterval, driver: entry.uncertainty?.driver,
                     indices: result.perGemeente[index].map { Dictionary(uniqueKeysWithValues: zip(ids, $0)) })
        }
    }
}

extension WeightDistribution: ExpressibleByArgument {}
