import Foundation
import Support
import Testing
@testable import ROI

/// The exported model holds everything another evaluator needs: this test evaluates the JSON
/// text the way Sources/ROI/ROI.docc/ROI.md tells a JavaScript port to, and must get `meetlat roi`'s numbers.
@Suite struct ExportTests {
    /// The export's schema as a reader sees it. (Decoded with JSONDecoder: on Linux,
    /// JSONSerialization does not read every double back exactly; JavaScript's JSON.parse does.)
    struct Exported: Decodable {
        struct Input: Decodable { var name: String; var value: Double; var low: Double? }
        struct Step: Decodable {
            var operation: String
            var operand: Double?
            init(from decoder: Decoder) throws {
                var container = try decoder.unkeyedContainer()
                operation = try container.decode(String.self)
                operand = container.isAtEnd ? nil : try container.decode(Double.self)
            }
        }
        struct Item: Decodable { var side: String; var flow: String; var firstYear: Int; var lastYear: Int; var program: [Step] }
        var format: String
        var horizon: Int
        var discountFactors: [Double]
        var inputs: [Input]
        var items: [Item]
    }

    /// A port of the README's algorithm over the decoded export (as the browser would do it).
    static func evaluateExport(_ model: Exported, inputs overrides: [String: Double] = [:]) -> (roi: Double?, npv: Double, payback: Double?) {
        let values = model.inputs.map { overrides[$0.name] ?? $0.value }
        let horizon = model.horizon
        var rows = Array(repeating: Array(repeating: 0.0, count: horizon + 1), count: 4)
        for item in model.items {
            var stack: [Double] = []
            for step in item.program {
                switch step.operation {
                case "push": stack.append(step.operand ?? .nan)
                case "input": stack.append(values[Int(step.operand ?? 0)])
                case "neg": stack.append(-stack.removeLast())
                default:
                    let b = stack.removeLast(), a = stack.removeLast()
                    switch step.operation {
                    case "add": stack.append(a + b)
                    case "sub": stack.append(a - b)
                    case "mul": stack.append(a * b)
                    default: stack.append(a / b)
                    }
                }
            }
            // Depreciation is shown beside the cash flows, never part of them.
            guard item.flow != "depreciation" else { continue }
            let row = (item.side == "scenario" ? 0 : 2) + (item.flow == "investment" ? 0 : 1)
            for year in item.firstYear...item.lastYear { rows[row][year] += stack[0] }
        }
        var investment = 0.0, returns = 0.0, npv = 0.0, cumulative = 0.0
        var nets: [Double] = [], cumulatives: [Double] = []
        var lastNegative = -1
        for year in 0...horizon {
            let deltaI = rows[0][year] - rows[2][year], deltaR = rows[1][year] - rows[3][year]
            investment += deltaI
            returns += deltaR
            let net = deltaR - deltaI
            npv += net * model.discountFactors[year]
            cumulative += net
            nets.append(net)
            cumulatives.append(cumulative)
            if cumulative < 0 { lastNegative = year }
        }
        let payback: Double? = lastNegative < 0 ? 0 : lastNegative == horizon ? nil
            : Double(lastNegative) + (-cumulatives[lastNegative]) / nets[lastNegative + 1]
        return (investment > 0 ? (returns - investment) / investment : nil, npv, payback)
    }

    @Test func anIndependentEvaluatorOfTheExportGetsTheSameNumbers() throws {
        for path in try exampleScenarioPaths() {
            let model = CompiledScenario(try ScenarioLoader.load(path: path))
            let text = ModelExport.json(model).text
            let exported = try JSONDecoder().decode(Exported.self, from: Data(text.utf8))
            #expect(exported.format == "meetlat-roi-model/2")
            var evaluator = Evaluator(model)
            // At the inputs' values and with every ranged input at its low.
            var lows = model.baseValues
            var overrides: [String: Double] = [:]
            for (index, input) in model.scenario.inputs.enumerated() where input.low != nil {
                lows[index] = input.low ?? 0
                overrides[input.name] = input.low
            }
            for (vector, names) in [(model.baseValues, [String: Double]()), (lows, overrides)] {
                let expected = evaluator.evaluate(vector)
                let ported = Self.evaluateExport(exported, inputs: names)
                #expect(ported.roi == expected.roi, "\(path)")
                #expect(ported.npv == expected.npv, "\(path)")
                #expect(ported.payback == expected.payback, "\(path)")
            }
        }
    }

    @Test func exportIsDeterministicWithSortedKeys() throws {
        let path = try #require(try exampleScenarioPaths().first)
        let first = ModelExport.json(CompiledScenario(try ScenarioLoader.load(path: path))).text
        let second = ModelExport.json(CompiledScenario(try ScenarioLoader.load(path: path))).text
        #expect(first == second)
        #expect(JSONValue.object(["b": .number(1), "a": .array([.number(0.04), .null, .string("x\"y")])]).text
            == "{\n  \"a\": [\n    0.04,\n    null,\n    \"x\\\"y\"\n  ],\n  \"b\": 1\n}\n")
    }

    @Test func programsArePostfixOverTheInputVector() throws {
        let model = try compiled("""
            scenario: Program
            horizon: 1
            inputs:
              hours: 3
              rate: 50
            investments:
              - { name: Uren, kind: staff_hours, timing: yearly, hours: hours * 52, hourly_rate: rate - 5 }
            returns:
              - { name: R, kind: other, timing: yearly, amount: -(hours) + 10000 }
            """)
        // hours × 52 × (rate − 5): input 0, push 52, mul, input 1, push 5, sub, mul.
        #expect(model.entries[0].program == [
            Instruction(.input, index: 0), Instruction(.push, value: 52), Instruction(.multiply),
            Instruction(.input, index: 1), Instruction(.push, value: 5), Instruction(.subtract), Instruction(.multiply),
        ])
        #expect(model.entries[1].program == [Instruction(.input, index: 0), Instruction(.negate), Instruction(.push, value: 10000), Instruction(.add)])
        #expect(Evaluator(model).breakdown(model.baseValues).itemAmounts == [3 * 52 * 45, 9997])
    }
}
