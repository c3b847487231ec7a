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
            Formulas and the scenario format: Sources/ROI/ROI.docc/ROI.md. Examples: Scenarios/.
            """
    )

    @Argument(help: ArgumentHelp("Scenario file (YAML).", valueName: "scenario.yaml"))
    var scenario: String

    @Option(name: .customLong("discount-rate"),
            help: ArgumentHelp("Discount rate for NPV instead of the scenario's, e.g. 0,04 or 4 %.", valueName: "rate"))
    var discountRate: Read<DiscountRate>?

    @Option(help: ArgumentHelp("Vary an input: name=from..to[:step], Dutch numbers (4.000..14.000:2.000). Once: a table of ROI, NPV, payback. Twice: a two-way ROI table.",
                               valueName: "input=from..to[:step]"))
    var vary: [Read<VaryRange>] = []

    @Flag(help: "Each input with a range at its low and high, sorted by swing on ROI.")
    var tornado = false

    @Option(name: .customLong("goal-seek"),
            help: ArgumentHelp("Find the value of this input at which the goal metric reaches --target.", valueName: "input"))
    var goalSeek: String?

    @Option(help: ArgumentHelp("Goal-seek target: ROI as 0,25 or 25 % (0: break-even); NPV in euros (€ 10.000).", valueName: "value"))
    var target: String = "0"

    @Option(name: .customLong("goal-metric"), help: ArgumentHelp("What goal seek aims at.", valueName: "metric"))
    var goalMetric: WhatIf.GoalMetric = .roi

    @Option(help: ArgumentHelp("Goal-seek search range instead of the input's low..high.", valueName: "from..to"))
    var within: Read<Interval>?

    @Option(name: .customLong("monte-carlo"), help: ArgumentHelp("Monte Carlo with this many samples over the inputs' ranges.", valueName: "N"))
    var monteCarlo: Read<CountValue>?

    @Option(help: ArgumentHelp("Seed for Monte Carlo (same seed, same numbers on every machine).", valueName: "number"))
    var seed: UInt64 = 1

    @Option(help: "Output format.")
    var format: ReportFormat = .text

    @Flag(name: .customLong("export-model"), help: "Print the compiled scenario (inputs, items, postfix programs, field rules) as JSON for other evaluators.")
    var exportModel = false

    @Option(help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    /// Every option on its own and together, before the scenario is read.
    func validate() throws {
        _ = try discountRate.value("--discount-rate")
        for range in vary { _ = try range.value("--vary") }
        guard vary.count <= 2 else {
            throw ROIError(source: "--vary", message: "given \(vary.count) times; vary one input (a table) or two (a two-way table)")
        }
        _ = try within.value("--within")
        _ = try WhatIf.parseTarget(target, metric: goalMetric)
        if goalSeek == nil, within != nil || target != "0" {
            throw ROIError(source: within != nil ? "--within" : "--target", message: "applies to --goal-seek; name the input to seek with --goal-seek")
        }
        if let samples = try monteCarlo.value("--monte-carlo")?.count {
            try MonteCarlo.checkSampleCount(samples)
        }
        if exportModel, !vary.isEmpty || tornado || goalSeek != nil || monteCarlo != nil {
            throw ROIError(source: "--export-model", message: "prints the model only; leave out --vary, --tornado, --goal-seek and --monte-carlo")
        }
    }

    func run() throws {
        try reportingErrors {
            let scenario = try ScenarioLoader.load(path: self.scenario)
            for warning in scenario.warnings { printError("warning: \(warning)") }
            let model = CompiledScenario(scenario, discountRate: try discountRate.value("--discount-rate")?.rate)
            if exportModel {
                try emit(ModelExport.json(model).text, to: output, inputs: [URL(fileURLWithPath: self.scenario)])
                return
            }

            var analysis = try ROIAnalysis(model: model)
            let ranges = try vary.map { try $0.value("--vary") }
            switch ranges.count {
            case 1: analysis.vary = (ranges[0], try WhatIf.vary(model, ranges[0]))
            case 2: analysis.twoWay = try WhatIf.twoWay(model, rows: ranges[0], columns: ranges[1])
            default: break
            }
            if tornado { analysis.tornado = try WhatIf.tornado(model) }
            if let input = goalSeek {
                analysis.goalSeek = try WhatIf.goalSeek(model, input: input, target: try WhatIf.parseTarget(target, metric: goalMetric),
                                                        metric: goalMetric, within: try within.value("--within")?.range)
            }
            if let samples = try monteCarlo.value("--monte-carlo")?.count {
                let progress = Progress("Monte Carlo", total: samples)
                analysis.monteCarlo = try MonteCarlo.run(model, samples: samples, seed: seed, progress: progress)
            }
            let text = format == .json ? ROIReport.json(analysis).text : ROIReport.text(analysis)
            try emit(text, to: output, inputs: [URL(fileURLWithPath: self.scenario)])
        }
    }
}

extension WhatIf.GoalMetric: ExpressibleByArgument {}
