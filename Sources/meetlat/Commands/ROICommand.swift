import ArgumentParser
import Foundation
import ROI
import Support

struct ROICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roi",
        abstract: "ROI, NPV and terugverdientijd of a scenario against niets doen, with what-ifs.",
        discussion: """
            ROI = (meeropbrengsten − investering) / investering on the increment (scenario − \
            baseline). Year 0 is the start; every other amount falls at the end of its year. \
            Formulas and the scenario format: Sources/ROI/README.md. Examples: Scenarios/.
            """
    )

    @Argument(help: ArgumentHelp("Scenario file (YAML).", valueName: "scenario.yaml"))
    var scenario: String

    @Option(name: .customLong("discount-rate"),
            help: ArgumentHelp("Discount rate for NPV instead of the scenario's, e.g. 0.04 or 4%.", valueName: "rate"))
    var discountRate: String?

    @Option(help: ArgumentHelp("Vary an input: name=from..to[:step]. Once: a table of ROI, NPV, payback. Twice: a two-way ROI table.",
                               valueName: "input=from..to[:step]"))
    var vary: [String] = []

    @Flag(help: "Each input with a range at its low and high, sorted by swing on ROI.")
    var tornado = false

    @Option(name: .customLong("goal-seek"),
            help: ArgumentHelp("Find the value of this input at which the goal metric reaches --target.", valueName: "input"))
    var goalSeek: String?

    @Option(help: ArgumentHelp("Goal-seek target: ROI as 0.25 or 25% (0: break-even); NPV in euros.", valueName: "value"))
    var target: String = "0"

    @Option(name: .customLong("goal-metric"), help: ArgumentHelp("What goal seek aims at.", valueName: "metric"))
    var goalMetric: WhatIf.GoalMetric = .roi

    @Option(help: ArgumentHelp("Goal-seek search range instead of the input's low..high.", valueName: "from..to"))
    var within: String?

    @Option(name: .customLong("monte-carlo"), help: ArgumentHelp("Monte Carlo with this many samples over the inputs' ranges.", valueName: "N"))
    var monteCarlo: Int?

    @Option(help: ArgumentHelp("Seed for Monte Carlo (same seed, same numbers on every machine).", valueName: "number"))
    var seed: UInt64 = 1

    @Option(help: "Output format.")
    var format: ReportFormat = .text

    @Flag(name: .customLong("export-model"), help: "Print the compiled scenario (inputs, items, postfix programs) as JSON for other evaluators.")
    var exportModel = false

    @Option(help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        try reportingErrors {
            let scenario = try ScenarioLoader.load(path: self.scenario)
            for warning in scenario.warnings { printError("warning: \(warning)") }
            var rate: Double?
            if let text = discountRate {
                guard let value = RateText.parse(text) else {
                    throw ROIError(source: "--discount-rate \(text)", message: "expected a yearly rate such as 0.04 or 4%")
                }
                if let problem = RateText.problem(value) { throw ROIError(source: "--discount-rate \(text)", message: problem) }
                rate = value
            }
            let model = CompiledScenario(scenario, discountRate: rate)

            if exportModel {
                guard vary.isEmpty, !tornado, goalSeek == nil, monteCarlo == nil else {
                    throw ROIError(source: "--export-model", message: "prints the model only; leave out --vary, --tornado, --goal-seek and --monte-carlo")
                }
                try emit(ModelExport.json(model).text, to: output, inputs: [URL(fileURLWithPath: self.scenario)])
                return
            }

            var analysis = ROIAnalysis(model: model)
            let ranges = try vary.map(VaryRange.parse)
            switch ranges.count {
            case 0: break
            case 1: analysis.vary = (ranges[0], try WhatIf.vary(model, ranges[0]))
            case 2: analysis.twoWay = try WhatIf.twoWay(model, rows: ranges[0], columns: ranges[1])
            default: throw ROIError(source: "--vary", message: "given \(ranges.count) times; vary one input (a table) or two (a two-way table)")
            }
            if tornado { analysis.tornado = try WhatIf.tornado(model) }
            if let input = goalSeek {
                let targetValue = try WhatIf.parseTarget(target, metric: goalMetric)
                let range = try within.map { try IntervalText.parse($0, option: "--within") }
                analysis.goalSeek = try WhatIf.goalSeek(model, input: input, target: targetValue, metric: goalMetric, within: range)
            }
            if let samples = monteCarlo {
                let progress = Progress("Monte Carlo", total: samples)
                analysis.monteCarlo = try MonteCarlo.run(model, samples: samples, seed: seed, progress: progress)
            }
            let text = format == .json ? ROIReport.json(analysis).text : ROIReport.text(analysis)
            try emit(text, to: output, inputs: [URL(fileURLWithPath: self.scenario)])
        }
    }
}

extension WhatIf.GoalMetric: ExpressibleByArgument {}
