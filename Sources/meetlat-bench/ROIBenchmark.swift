import Foundation
import ROI
import Support

/// Monte Carlo throughput: how many scenarios (draw the varying inputs + evaluate ROI, NPV and
/// payback) one core handles per second. The requirement is at least 1,000,000.
enum ROIBenchmark {
    static func run(_ arguments: [String]) throws {
        let options = try BenchmarkOptions(arguments, allowed: ["scenario", "samples", "runs"])
        let path = options.string("scenario", default: "Scenarios/webcare-telefoon-naar-sociale-media.yaml")
        let samples = try options.integer("samples", default: 2_000_000)
        let runs = try options.integer("runs", default: 5)
        let model = CompiledScenario(try ScenarioLoader.load(path: path))
        let varied = model.scenario.inputs.filter { $0.distribution != .fixed }.count

        print("ROI Monte Carlo benchmark")
        print("scenario: \(path) (\(model.scenario.inputs.count) inputs, \(varied) varied; \(model.items.count) items; horizon \(model.horizon) years; \(model.program.count) instructions)")
        print("samples per run: \(samples); runs: \(runs); one thread")

        // Warm-up: page in the code and the result arrays' allocator.
        _ = try MonteCarlo.simulate(model, samples: min(samples, 100_000), seed: 0)

        var simulateRates: [Double] = []
        var processorRates: [Double] = []
        var totalRates: [Double] = []
        var checksum = 0.0
        for run in 1...runs {
            var simulated: MonteCarlo.Samples?
            // CPU seconds too: on a shared machine the wall clock also counts time spent waiting.
            let processorBefore = processorSeconds()
            let simulateSeconds = try measure { simulated = try MonteCarlo.simulate(model, samples: samples, seed: UInt64(run)) }
            processorRates.append(Double(samples) / max(processorSeconds() - processorBefore, 1e-9))
            var result: MonteCarlo.Result?
            let summarizeSeconds = measure {
                if let simulated { result = MonteCarlo.summarize(simulated, model: model, seed: UInt64(run)) }
            }
            checksum += result?.npv.mean ?? 0
            simulateRates.append(Double(samples) / simulateSeconds)
            totalRates.append(Double(samples) / (simulateSeconds + summarizeSeconds))
            print("run \(run): draw + evaluate \(Format.fixed(simulateSeconds, decimals: 3)) s, statistics \(Format.fixed(summarizeSeconds, decimals: 3)) s")
        }

        // Evaluation alone, on a fixed input vector.
        var evaluator = Evaluator(model)
        let inputs = model.baseValues
        var npvSum = 0.0
        let evaluateSeconds = measure { for _ in 0..<samples { npvSum += evaluator.evaluate(inputs).npv } }
        checksum += npvSum / Double(samples)

        print("")
        print("draw + evaluate:               median \(rate(median(simulateRates))), best \(rate(simulateRates.max() ?? 0))")
        print("draw + evaluate per CPU second: median \(rate(median(processorRates)))")
        print("draw + evaluate + statistics:  median \(rate(median(totalRates))), best \(rate(totalRates.max() ?? 0))")
        print("evaluate only (fixed inputs):  \(rate(Double(samples) / evaluateSeconds))")
        print("(checksum \(Format.fixed(checksum, decimals: 0)), printed so the work cannot be optimised away)")
    }

    static func rate(_ perSecond: Double) -> String {
        Format.fixed(perSecond / 1e6, decimals: 2) + " million scenarios/s"
    }
}
