import Foundation
import Support

/// What-ifs over one compiled scenario: vary one or two inputs, tornado, goal seek. Each changes
/// only the input vector and evaluates with the same `Evaluator` as the base result.
public enum WhatIf {
    /// The largest number of values one `--vary` may produce.
    public static let maximumValues = 1001

    // MARK: Vary

    public struct VaryRow: Sendable {
        public var value: Double
        public var metrics: Metrics
    }

    /// ROI, NPV and payback for each value of one input, the others at their values.
    public static func vary(_ model: CompiledScenario, _ range: VaryRange) throws -> [VaryRow] {
        let index = try inputIndex(model, range.input, option: range.option)
        let values = try range.values()
        var point = Point(model)
        return try values.map { value in
            VaryRow(value: value, metrics: try point.metrics([(index, value)], option: range.option))
        }
    }

    public struct TwoWayTable: Sendable {
        public var rowInput: String
        public var columnInput: String
        public var rowValues: [Double]
        public var columnValues: [Double]
        /// cells[r][c]: metrics with the row input at rowValues[r] and the column input at columnValues[c].
        public var cells: [[Metrics]]
    }

    /// Every combination of two inputs' values, the others at their values.
    public static func twoWay(_ model: CompiledScenario, rows: VaryRange, columns: VaryRange) throws -> TwoWayTable {
        let rowIndex = try inputIndex(model, rows.input, option: rows.option)
        let columnIndex = try inputIndex(model, columns.input, option: columns.option)
        guard rowIndex != columnIndex else {
            throw ROIError(source: columns.option, message: "both --vary options name `\(rows.input)`; a two-way table needs two different inputs")
        }
        let rowValues = try rows.values()
        let columnValues = try columns.values()
        var point = Point(model)
        let cells = try rowValues.map { rowValue in
            try columnValues.map { columnValue in
                try point.metrics([(rowIndex, rowValue), (columnIndex, columnValue)], option: "\(rows.option) \(columns.option)")
            }
        }
        return TwoWayTable(rowInput: rows.input, columnInput: columns.input, rowValues: rowValues, columnValues: columnValues, cells: cells)
    }

    // MARK: Tornado

    public struct TornadoBar: Sendable {
        public var input: String
        public var low: Double
        public var high: Double
        public var atLow: Metrics
        public var atHigh: Metrics
        /// |ROI(high) − ROI(low)|; nil when ROI is undefined at either end.
        public var swing: Double? {
            guard let low = atLow.roi, let high = atHigh.roi else { return nil }
            return abs(high - low)
        }
    }

    /// Each input with a range at its low and at its high (the others at their values), sorted
    /// by swing on ROI, largest first; ties and undefined swings by name, undefined last.
    public static func tornado(_ model: CompiledScenario) throws -> [TornadoBar] {
        var point = Point(model)
        var bars: [TornadoBar] = []
        for (index, input) in model.scenario.inputs.enumerated() {
            guard let low = input.low, let high = input.high else { continue }
            let atLow = try point.metrics([(index, low)], option: "--tornado")
            let atHigh = try point.metrics([(index, high)], option: "--tornado")
            bars.append(TornadoBar(input: input.name, low: low, high: high, atLow: atLow, atHigh: atHigh))
        }
        guard !bars.isEmpty else {
            throw ROIError(source: model.scenario.source, field: "inputs", message: "no input has a range; give inputs `low` and `high` for a tornado")
        }
        return bars.sorted { a, b in
            switch (a.swing, b.swing) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.input < b.input
            }
        }
    }

    // MARK: Goal seek

    public enum GoalMetric: String, Sendable, CaseIterable {
        case roi, npv
    }

    public struct GoalSeekResult: Sendable {
        public var input: String
        public var metric: GoalMetric
        public var target: Double
        /// The input value at which the metric reaches the target (the lowest such value in the range).
        public var value: Double
        public var metrics: Metrics
        public var searched: ClosedRange<Double>
        /// True when the metric crosses the target more than once in the range searched.
        public var moreThanOneCrossing: Bool
    }

    /// Subintervals scanned for a sign change before refining with Brent's method.
    static let scanIntervals = 200
    /// Absolute tolerance on the input value.
    public static let goalTolerance = 1e-12

    /// The value of `input` (within `within`, else its own range) at which `metric` equals
    /// `target`: the range is scanned in 200 steps for a sign change of metric − target, and
    /// the first bracket is refined with Brent's method to 1e-12.
    public static func goalSeek(_ model: CompiledScenario, input name: String, target: Double, metric: GoalMetric = .roi,
                                within: ClosedRange<Double>? = nil) throws -> GoalSeekResult {
        let option = "--goal-seek \(name)"
        let index = try inputIndex(model, name, option: option)
        guard let range = within ?? model.scenario.inputs[index].range else {
            throw ROIError(source: option, message: "input `\(name)` has no range to search; give it `low` and `high` in the scenario, or pass --within from..to")
        }
        guard target.isFinite else { throw ROIError(source: "--target", message: "expected a finite target") }
        var point = Point(model)
        let steps = range.lowerBound == range.upperBound ? 0 : scanIntervals
        let grid = (0...steps).map { i -> Double in
            i == steps ? range.upperBound : range.lowerBound + (range.upperBound - range.lowerBound) * Double(i) / Double(steps)
        }
        // Every point searched must be one the scenario allows, with finite results.
        let scanned = try grid.map { try point.metrics([(index, $0)], option: option) }
        func value(_ metrics: Metrics) -> Double? {
            switch metric {
            case .roi: return metrics.roi
            case .npv: return metrics.npv
            }
        }
        // metric − target; NaN where the metric is undefined (ROI with ΔI ≤ 0).
        func gap(_ metrics: Metrics) -> Double { (value(metrics) ?? .nan) - target }
        func gap(at x: Double) -> Double { gap(point.unchecked([(index, x)])) }
        let gaps = scanned.map(gap)
        var brackets: [Int] = []  // i: a sign change (or zero) between grid[i] and grid[i + 1]
        var exactZeros: [Int] = []
        for i in grid.indices {
            if gaps[i] == 0 { exactZeros.append(i) }
            if i + 1 < grid.count, gaps[i].isFinite, gaps[i + 1].isFinite, (gaps[i] < 0) != (gaps[i + 1] < 0), gaps[i] != 0, gaps[i + 1] != 0 {
                brackets.append(i)
            }
        }
        let crossings = brackets.count + exactZeros.count
        let firstZero = exactZeros.first.map { grid[$0] }
        let firstBracket = brackets.first
        let found: Double
        if let zero = firstZero, firstBracket.map({ grid[$0] >= zero }) ?? true {
            found = zero
        } else if let i = firstBracket {
            found = RootFinder.brent(a: grid[i], b: grid[i + 1], fa: gaps[i], fb: gaps[i + 1], tolerance: goalTolerance) { gap(at: $0) }
        } else {
            // The metric's own values, not gap + target: a huge target would swallow them.
            let seen = scanned.compactMap(value)
            let label = metric == .roi ? "ROI" : "NPV"
            let place = "for \(name) in \(Rounding.shortest(range.lowerBound))…\(Rounding.shortest(range.upperBound))"
            guard let lowest = seen.min(), let highest = seen.max() else {
                throw ROIError(source: option, message: "\(label) is undefined everywhere \(place) (the scenario invests no more than the baseline)")
            }
            let show = { (x: Double) in metric == .roi ? Format.percent(x) : Format.money(x) }
            throw ROIError(source: option, message: "no root: \(label) stays between \(show(lowest)) and \(show(highest)) \(place) and never reaches the target \(show(target)); widen the range with --within from..to")
        }
        let value = found
        let metrics = try point.metrics([(index, value)], option: option)
        return GoalSeekResult(input: name, metric: metric, target: target, value: value, metrics: metrics,
                              searched: range, moreThanOneCrossing: crossings > 1)
    }

    /// A goal-seek target as written: for ROI a fraction (`0.25`) or a percentage (`25%`);
    /// for NPV euros.
    public static func parseTarget(_ text: String, metric: GoalMetric) throws -> Double {
        let source = "--target \(text)"
        guard let reading = DutchNumberText.read(text) else {
            throw ROIError(source: source, message: metric == .roi
                ? "expected an ROI as a fraction or percentage, e.g. 0 (break-even), 0,25 or 25 %"
                : "expected an NPV in euros, e.g. 0 (break-even) or € 10.000")
        }
        switch metric {
        case .roi:
            guard !reading.euro else { throw ROIError(source: source, message: "an ROI target is a fraction or a percentage (25 %), not euros") }
            return reading.percent ? reading.value / 100 : reading.value
        case .npv:
            guard !reading.percent else { throw ROIError(source: source, message: "an NPV target is in euros, not a percentage") }
            return reading.value
        }
    }

    // MARK: Shared

    /// One what-if point after another: the base values with some inputs changed. `metrics`
    /// refuses points the scenario forbids (a field's rule broken) and results that are not
    /// finite, with a message naming the point; `unchecked` serves root refinement inside a
    /// bracket whose ends were checked.
    struct Point {
        let model: CompiledScenario
        var evaluator: Evaluator
        var inputs: [Double]

        init(_ model: CompiledScenario) {
            self.model = model
            self.evaluator = Evaluator(model)
            self.inputs = model.baseValues
        }

        mutating func unchecked(_ changes: [(Int, Double)]) -> Metrics {
            inputs = model.baseValues
            for (index, value) in changes { inputs[index] = value }
            return evaluator.evaluate(inputs)
        }

        mutating func metrics(_ changes: [(Int, Double)], option: String) throws -> Metrics {
            let metrics = unchecked(changes)
            let at = "at " + changes.map { "\(model.inputNames[$0.0]) = \(Rounding.shortest($0.1))" }.joined(separator: ", ")
            if let problem = model.domainProblem(inputs) {
                throw ROIError(source: option, message: "\(at): \(problem.message); expected values the scenario allows")
            }
            guard metrics.isFinite else {
                throw ROIError(source: option, message: "\(at): the totals are not finite numbers (amounts beyond ±1.8e308, the largest a computer can add up); expected values of a realistic size")
            }
            return metrics
        }
    }

    static func inputIndex(_ model: CompiledScenario, _ name: String, option: String) throws -> Int {
        guard let index = model.inputIndex(name) else {
            throw ROIError(source: option, message: "unknown input `\(name)`; " + Suggestions.hint(for: name, among: model.inputNames, kind: "input"))
        }
        return index
    }
}

/// `name=from..to[:step]`, as given to `--vary`.
public struct VaryRange: Sendable, Equatable {
    public var input: String
    public var from: Double
    public var to: Double
    /// nil: 11 evenly spaced values from `from` to `to`.
    public var step: Double?
    /// How it was written (for messages).
    public var option: String

    /// - Parameters:
    ///   - input: the scenario input to vary.
    ///   - from: the first value.
    ///   - to: the last value.
    ///   - step: the distance between values; nil: 11 evenly spaced values.
    ///   - option: how the range was written, for messages (default: rebuilt from the values).
    public init(input: String, from: Double, to: Double, step: Double? = nil, option: String? = nil) throws {
        self.input = input
        self.from = from
        self.to = to
        self.step = step
        self.option = option ?? "--vary \(input)=\(Rounding.shortest(from))..\(Rounding.shortest(to))" + (step.map { ":\(Rounding.shortest($0))" } ?? "")
        try validate()
    }

    public static func parse(_ text: String) throws -> VaryRange {
        let option = "--vary \(text)"
        let expected = "expected name=from..to or name=from..to:step, e.g. contacts_moved=2.000..8.000:1.000"
        guard let equals = text.firstIndex(of: "=") else { throw ROIError(source: option, message: "missing `=`; \(expected)") }
        let name = text[..<equals].trimmingCharacters(in: .whitespaces)
        var rest = Substring(text[text.index(after: equals)...])
        var step: Double?
        if let colon = rest.lastIndex(of: ":") {
            let stepText = String(rest[rest.index(after: colon)...])
            guard let value = InputValueText.parse(stepText) else { throw ROIError(source: option, message: "step `\(stepText)` is not \(DutchNumberText.expected); \(expected)") }
            step = value
            rest = rest[..<colon]
        }
        guard let dots = rest.range(of: "..") else { throw ROIError(source: option, message: "missing `..` between from and to; \(expected)") }
        let fromText = String(rest[..<dots.lowerBound]), toText = String(rest[dots.upperBound...])
        guard let from = InputValueText.parse(fromText) else { throw ROIError(source: option, message: "from `\(fromText)` is not \(DutchNumberText.expected); \(expected)") }
        guard let to = InputValueText.parse(toText) else { throw ROIError(source: option, message: "to `\(toText)` is not \(DutchNumberText.expected); \(expected)") }
        guard InputName.isValid(name) else { throw ROIError(source: option, message: "`\(name)` is not an input name; \(expected)") }
        return try VaryRange(input: name, from: from, to: to, step: step, option: option)
    }

    private func validate() throws {
        guard (to - from).isFinite, step?.isFinite ?? true else {
            throw ROIError(source: option, message: "the range is too wide to compute (its width is not a finite number); expected values of a realistic size")
        }
        guard from <= to else {
            throw ROIError(source: option, message: "the range is reversed: from (\(Rounding.shortest(from))) is greater than to (\(Rounding.shortest(to))); expected from ≤ to")
        }
        if let step {
            guard step != 0 else { throw ROIError(source: option, message: "a step of 0 never reaches `to`; expected a step greater than 0") }
            guard step > 0 else { throw ROIError(source: option, message: "step \(Rounding.shortest(step)) is negative; expected a step greater than 0 (from must be ≤ to)") }
        }
        _ = try values()
    }

    /// from, from + step, … up to and including `to` (within 1e-9 of a step); without a step,
    /// 11 evenly spaced values. Each value is from + i × step, so errors do not accumulate.
    public func values() throws -> [Double] {
        guard from < to else { return [from] }
        guard let step else {
            return (0...10).map { i in
                guard i < 10 else { return to }
                // (to − from) × i can pass the largest double while (to − from) × i / 10 does not.
                let scaled = (to - from) * Double(i)
                return from + (scaled.isFinite ? scaled / 10 : (to - from) / 10 * Double(i))
            }
        }
        let intervals = ((to - from) / step + 1e-9).rounded(.down)
        guard intervals + 1 <= Double(WhatIf.maximumValues) else {
            throw ROIError(source: option, message: "gives \(Rounding.shortest(intervals + 1)) values; at most \(WhatIf.maximumValues) are allowed, so use a larger step")
        }
        return (0...Int(intervals)).map { from + Double($0) * step }
    }
}

/// An input's value as typed in an option: Dutch number rules (`Support.DutchNumberText`), a
/// percentage meaning its fraction (`60 %` → 0.6), `€` allowed — as the site's calculator reads it.
public enum InputValueText {
    public static func parse(_ text: String) -> Double? {
        guard let reading = DutchNumberText.read(text) else { return nil }
        return reading.percent ? reading.value / 100 : reading.value
    }
}

/// `from..to` as written in options (`--within 1.000..9.000`, `--satisfaction-scale 1..5`).
public enum IntervalText {
    public static func parse(_ text: String, option: String) throws -> ClosedRange<Double> {
        let written = "\(option) \(text)"
        guard let dots = text.range(of: "..") else {
            throw ROIError(source: written, message: "expected from..to, e.g. 1000..9000")
        }
        let fromText = String(text[..<dots.lowerBound]), toText = String(text[dots.upperBound...])
        guard let from = InputValueText.parse(fromText), let to = InputValueText.parse(toText) else {
            throw ROIError(source: written, message: "expected two numbers as from..to, e.g. 1.000..9.000")
        }
        guard (to - from).isFinite else {
            throw ROIError(source: written, message: "the range is too wide to compute (its width is not a finite number); expected values of a realistic size")
        }
        guard from <= to else {
            throw ROIError(source: written, message: "the range is reversed: from (\(Rounding.shortest(from))) is greater than to (\(Rounding.shortest(to))); expected from ≤ to")
        }
        return from...to
    }
}

/// Root finding for goal seek.
enum RootFinder {
    /// Brent's method (inverse quadratic interpolation, secant, bisection) on a bracket with
    /// f(a)·f(b) ≤ 0, to an absolute tolerance on x.
    static func brent(a: Double, b: Double, fa: Double, fb: Double, tolerance: Double, _ f: (Double) -> Double) -> Double {
        var a = a, b = b, fa = fa, fb = fb
        var c = a, fc = fa
        var d = b - a, e = d
        for _ in 0..<200 {
            if (fb > 0 && fc > 0) || (fb < 0 && fc < 0) {
                c = a; fc = fa
                d = b - a; e = d
            }
            if abs(fc) < abs(fb) {
                a = b; b = c; c = a
                fa = fb; fb = fc; fc = fa
            }
            let tol = 2 * Double.ulpOfOne * abs(b) + 0.5 * tolerance
            let middle = 0.5 * (c - b)
            if abs(middle) <= tol || fb == 0 { return b }
            if abs(e) >= tol && abs(fa) > abs(fb) {
                // Try interpolation; fall back to bisection when it would not shrink the bracket enough.
                let s = fb / fa
                var p: Double, q: Double
                if a == c {
                    p = 2 * middle * s
                    q = 1 - s
                } else {
                    let qa = fa / fc, r = fb / fc
                    p = s * (2 * middle * qa * (qa - r) - (b - a) * (r - 1))
                    q = (qa - 1) * (r - 1) * (s - 1)
                }
                if p > 0 { q = -q } else { p = -p }
                if 2 * p < min(3 * middle * q - abs(tol * q), abs(e * q)) {
                    e = d
                    d = p / q
                } else {
                    d = middle; e = d
                }
            } else {
                d = middle; e = d
            }
            a = b; fa = fb
            b += abs(d) > tol ? d : (middle >= 0 ? tol : -tol)
            fb = f(b)
        }
        return b
    }
}
