/// A scenario compiled once into a flat form for fast, allocation-free evaluation: one stack
/// program (postfix instructions over an input vector) computing every item's amount, plus
/// per-item year ranges and the discount factors. What-ifs and Monte Carlo only change the
/// input vector. `ModelExport` writes this same form as JSON for the browser calculator.
public struct CompiledScenario: Sendable {
    public let scenario: Scenario
    public let horizon: Int
    public let discountRate: Double
    /// d_t = 1 / (1 + r)^t for t = 0…horizon, (1 + r)^t by repeated multiplication.
    public let discountFactors: [Double]
    public let inputNames: [String]
    /// The inputs' values: the vector every evaluation starts from.
    public let baseValues: [Double]
    /// Each item's amount as a postfix program (no `store`), in item order.
    public let itemPrograms: [[Instruction]]
    /// All item programs, each followed by `store k`.
    public let program: [Instruction]
    public let stackDepth: Int

    /// - Parameter discountRate: overrides the scenario's rate (the CLI's `--discount-rate`).
    public init(_ scenario: Scenario, discountRate: Double? = nil) {
        self.scenario = scenario
        self.horizon = scenario.horizon
        let rate = discountRate ?? scenario.discountRate
        self.discountRate = rate
        self.discountFactors = Self.discountFactors(rate: rate, horizon: scenario.horizon)
        self.inputNames = scenario.inputs.map(\.name)
        self.baseValues = scenario.inputs.map(\.value)
        let index = Dictionary(uniqueKeysWithValues: scenario.inputs.enumerated().map { ($1.name, $0) })
        var programs: [[Instruction]] = []
        var program: [Instruction] = []
        var depth = 1
        for (slot, item) in scenario.items.enumerated() {
            var code: [Instruction] = []
            depth = max(depth, Self.emit(item.amount, inputIndex: index, into: &code))
            programs.append(code)
            program += code
            program.append(Instruction(.store, index: slot))
        }
        self.itemPrograms = programs
        self.program = program
        self.stackDepth = depth
    }

    public func inputIndex(_ name: String) -> Int? { inputNames.firstIndex(of: name) }

    public var items: [Item] { scenario.items }

    static func discountFactors(rate: Double, horizon: Int) -> [Double] {
        var factors: [Double] = []
        var growth = 1.0
        for year in 0...horizon {
            if year > 0 { growth *= 1 + rate }
            factors.append(1 / growth)
        }
        return factors
    }

    /// Appends postfix code for `expression`; returns the stack depth it needs.
    private static func emit(_ expression: Expression, inputIndex: [String: Int], into code: inout [Instruction]) -> Int {
        switch expression {
        case .number(let value):
            code.append(Instruction(.push, value: value))
            return 1
        case .input(let name, _):
            // The loader has checked every name; an unknown one here would be a programming error.
            code.append(Instruction(.input, index: inputIndex[name] ?? 0))
            return 1
        case .negate(let inner):
            let depth = emit(inner, inputIndex: inputIndex, into: &code)
            code.append(Instruction(.negate))
            return depth
        case .binary(let op, let left, let right):
            let leftDepth = emit(left, inputIndex: inputIndex, into: &code)
            let rightDepth = emit(right, inputIndex: inputIndex, into: &code)
            let operation: Instruction.Operation
            switch op {
            case .add: operation = .add
            case .subtract: operation = .subtract
            case .multiply: operation = .multiply
            case .divide: operation = .divide
            }
            code.append(Instruction(operation))
            return max(leftDepth, rightDepth + 1)
        }
    }
}

/// One step of a postfix program over a stack of doubles.
public struct Instruction: Sendable, Equatable {
    public enum Operation: UInt8, Sendable {
        /// Push `value`.
        case push
        /// Push input number `index`.
        case input
        /// Pop b, pop a, push a + b (and so on for the others).
        case add, subtract, multiply, divide
        /// Pop a, push −a.
        case negate
        /// Pop a into item amount number `index`.
        case store
    }

    public var operation: Operation
    public var index: Int32
    public var value: Double

    public init(_ operation: Operation, index: Int = 0, value: Double = 0) {
        self.operation = operation
        self.index = Int32(truncatingIfNeeded: index)
        self.value = value
    }
}

/// ROI, NPV and payback of the increment (scenario − baseline) for one input vector.
public struct Metrics: Sendable, Equatable {
    /// ΔI: total incremental investment over years 0…horizon (undiscounted).
    public var investment: Double
    /// ΔR: total incremental returns (meeropbrengsten), undiscounted.
    public var returns: Double
    /// (ΔR − ΔI) / ΔI; nil when ΔI ≤ 0.
    public var roi: Double?
    /// Σ net_t × d_t.
    public var npv: Double
    /// Terugverdientijd in years from year 0; nil when not within the horizon.
    public var payback: Double?

    /// ΔR − ΔI.
    public var net: Double { returns - investment }
}

/// Evaluates a compiled scenario for input vectors. Owns its scratch memory, so one evaluator
/// serves one thread; evaluation allocates nothing.
public final class Evaluator {
    public let model: CompiledScenario
    private let code: UnsafeMutableBufferPointer<Instruction>
    private let stack: UnsafeMutablePointer<Double>
    private let amounts: UnsafeMutablePointer<Double>
    private let firstYear: UnsafeMutablePointer<Int>
    private let lastYear: UnsafeMutablePointer<Int>
    /// Which of the four flow rows an item adds to (see `Row`).
    private let row: UnsafeMutablePointer<Int>
    private let itemCount: Int
    private let width: Int
    /// Four rows of `width` years: scenario investment, scenario returns, baseline investment,
    /// baseline returns; then net_t and cumulative net.
    private let flows: UnsafeMutablePointer<Double>
    private let discount: UnsafeMutablePointer<Double>

    private enum Row: Int { case scenarioInvestment, scenarioReturns, baselineInvestment, baselineReturns, net, cumulative }

    public init(_ model: CompiledScenario) {
        self.model = model
        code = .allocate(capacity: model.program.count)
        _ = code.initialize(from: model.program)
        stack = .allocate(capacity: model.stackDepth + 1)
        itemCount = model.items.count
        amounts = .allocate(capacity: max(itemCount, 1))
        firstYear = .allocate(capacity: max(itemCount, 1))
        lastYear = .allocate(capacity: max(itemCount, 1))
        row = .allocate(capacity: max(itemCount, 1))
        for (k, item) in model.items.enumerated() {
            firstYear[k] = item.timing.years.lowerBound
            lastYear[k] = item.timing.years.upperBound
            let target: Row = switch (item.side, item.flow) {
            case (.scenario, .investment): .scenarioInvestment
            case (.scenario, .return): .scenarioReturns
            case (.baseline, .investment): .baselineInvestment
            case (.baseline, .return): .baselineReturns
            }
            row[k] = target.rawValue
        }
        width = model.horizon + 1
        flows = .allocate(capacity: 6 * width)
        discount = .allocate(capacity: width)
        discount.initialize(from: model.discountFactors, count: width)
    }

    deinit {
        code.deallocate()
        stack.deallocate()
        amounts.deallocate()
        firstYear.deallocate()
        lastYear.deallocate()
        row.deallocate()
        flows.deallocate()
        discount.deallocate()
    }

    public func evaluate(_ inputs: [Double]) -> Metrics {
        inputs.withUnsafeBufferPointer { evaluate($0) }
    }

    /// The hot path: `inputs` holds one value per input, in `model.inputNames` order.
    public func evaluate(_ inputs: UnsafeBufferPointer<Double>) -> Metrics {
        runProgram(inputs)
        accumulateFlows()
        return summarize()
    }

    /// Per-year flows and the metrics, for reports. Same arithmetic as `evaluate`.
    public func breakdown(_ inputs: [Double]) -> Breakdown {
        let metrics = evaluate(inputs)
        var rows: [YearFlow] = []
        func value(_ row: Row, _ year: Int) -> Double { flows[row.rawValue * width + year] }
        for year in 0..<width {
            let incrementalInvestment = value(.scenarioInvestment, year) - value(.baselineInvestment, year)
            let incrementalReturns = value(.scenarioReturns, year) - value(.baselineReturns, year)
            rows.append(YearFlow(
                year: year,
                scenarioInvestment: value(.scenarioInvestment, year), scenarioReturns: value(.scenarioReturns, year),
                baselineInvestment: value(.baselineInvestment, year), baselineReturns: value(.baselineReturns, year),
                incrementalInvestment: incrementalInvestment, incrementalReturns: incrementalReturns,
                net: value(.net, year), cumulativeNet: value(.cumulative, year),
                discountFactor: discount[year], presentValue: value(.net, year) * discount[year]
            ))
        }
        let amounts = (0..<itemCount).map { self.amounts[$0] }
        return Breakdown(years: rows, metrics: metrics, itemAmounts: amounts)
    }

    @inline(__always)
    private func runProgram(_ inputs: UnsafeBufferPointer<Double>) {
        var top = -1
        for instruction in code {
            switch instruction.operation {
            case .push:
                top += 1
                stack[top] = instruction.value
            case .input:
                top += 1
                stack[top] = inputs[Int(instruction.index)]
            case .add:
                top -= 1
                stack[top] = stack[top] + stack[top + 1]
            case .subtract:
                top -= 1
                stack[top] = stack[top] - stack[top + 1]
            case .multiply:
                top -= 1
                stack[top] = stack[top] * stack[top + 1]
            case .divide:
                top -= 1
                stack[top] = stack[top] / stack[top + 1]
            case .negate:
                stack[top] = -stack[top]
            case .store:
                amounts[Int(instruction.index)] = stack[top]
                top -= 1
            }
        }
    }

    @inline(__always)
    private func accumulateFlows() {
        flows.update(repeating: 0, count: 4 * width)
        for k in 0..<itemCount {
            let amount = amounts[k]
            let base = flows + row[k] * width
            var year = firstYear[k]
            let last = lastYear[k]
            while year <= last {
                base[year] += amount
                year += 1
            }
        }
    }

    @inline(__always)
    private func summarize() -> Metrics {
        let scenarioInvestment = flows
        let scenarioReturns = flows + width
        let baselineInvestment = flows + 2 * width
        let baselineReturns = flows + 3 * width
        let net = flows + 4 * width
        let cumulative = flows + 5 * width
        var investment = 0.0, returns = 0.0, npv = 0.0, running = 0.0
        var lastNegative = -1
        for year in 0..<width {
            let incrementalInvestment = scenarioInvestment[year] - baselineInvestment[year]
            let incrementalReturns = scenarioReturns[year] - baselineReturns[year]
            investment += incrementalInvestment
            returns += incrementalReturns
            let yearNet = incrementalReturns - incrementalInvestment
            net[year] = yearNet
            npv += yearNet * discount[year]
            running += yearNet
            cumulative[year] = running
            if running < 0 { lastNegative = year }
        }
        let payback: Double?
        if lastNegative < 0 {
            payback = 0
        } else if lastNegative == width - 1 {
            payback = nil
        } else {
            // Paid back during year L + 1, whose net flow is taken to accrue evenly over the year.
            payback = Double(lastNegative) + (-cumulative[lastNegative]) / net[lastNegative + 1]
        }
        let roi: Double? = investment > 0 ? (returns - investment) / investment : nil
        return Metrics(investment: investment, returns: returns, roi: roi, npv: npv, payback: payback)
    }
}

/// One year's cash flows. Year 0 is the start; year t ≥ 1 is the end of year t.
public struct YearFlow: Sendable, Equatable {
    public var year: Int
    public var scenarioInvestment: Double
    public var scenarioReturns: Double
    public var baselineInvestment: Double
    public var baselineReturns: Double
    public var incrementalInvestment: Double
    public var incrementalReturns: Double
    /// ΔR_t − ΔI_t.
    public var net: Double
    public var cumulativeNet: Double
    public var discountFactor: Double
    public var presentValue: Double
}

/// A full evaluation: per-year flows, the metrics, each item's amount per occurrence.
public struct Breakdown: Sendable {
    public var years: [YearFlow]
    public var metrics: Metrics
    public var itemAmounts: [Double]

    public struct SideTotals: Sendable, Equatable {
        public var investment: Double
        public var returns: Double
        public var net: Double { returns - investment }
        /// The side's own ROI, (returns − investment) / investment; nil when it invests nothing.
        public var roi: Double? { investment > 0 ? (returns - investment) / investment : nil }
    }

    public var scenario: SideTotals {
        SideTotals(investment: years.reduce(0) { $0 + $1.scenarioInvestment }, returns: years.reduce(0) { $0 + $1.scenarioReturns })
    }

    public var baseline: SideTotals {
        SideTotals(investment: years.reduce(0) { $0 + $1.baselineInvestment }, returns: years.reduce(0) { $0 + $1.baselineReturns })
    }
}
