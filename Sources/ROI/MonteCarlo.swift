import Support

/// Monte Carlo over the inputs' ranges: draw every varying input (file order) from its
/// distribution with a seeded xoshiro256** generator, evaluate, repeat; then summarise.
/// Draws use only IEEE arithmetic, `sqrt` and `DeterministicMath.log`, so a seed gives the same
/// numbers on every machine (and in a faithful JavaScript port).
public enum MonteCarlo {
    /// The largest run accepted (memory: 24 bytes per sample).
    public static let maximumSamples = 20_000_000
    /// Samples between progress updates.
    static let progressChunk = 1 << 16

    /// The raw results, one entry per sample: ROI (NaN when undefined), NPV, payback (+∞ when
    /// not within the horizon).
    public struct Samples: Sendable {
        public var roi: [Double]
        public var npv: [Double]
        public var payback: [Double]
    }

    /// Throws unless 2 ≤ count ≤ `maximumSamples`.
    public static func checkSampleCount(_ count: Int) throws {
        guard count >= 2 else {
            throw ROIError(source: "--monte-carlo", message: "needs at least 2 samples (a standard deviation needs two), found \(count)")
        }
        guard count <= maximumSamples else {
            throw ROIError(source: "--monte-carlo", message: "\(count) samples is more than the \(maximumSamples) allowed")
        }
    }

    /// Draws and evaluates `count` scenarios. Allocates only the result arrays.
    public static func simulate(_ model: CompiledScenario, samples count: Int, seed: UInt64, progress: Progress? = nil) throws -> Samples {
        try checkSampleCount(count)
        let samplers = model.scenario.inputs.enumerated().compactMap { InputSampler(index: $0.offset, input: $0.element) }
        guard !samplers.isEmpty else {
            throw ROIError(source: model.scenario.source, field: "inputs",
                           message: "no input varies: give at least one input `low`, `high` and a distribution other than fixed")
        }
        var evaluator = Evaluator(model)
        var generator = Xoshiro256StarStar(seed: seed)
        var inputs = model.baseValues
        var roi = [Double](repeating: 0, count: count)
        var npv = [Double](repeating: 0, count: count)
        var payback = [Double](repeating: 0, count: count)
        for sample in 0..<count {
            for sampler in samplers {
                inputs[sampler.index] = sampler.draw(&generator)
            }
            let metrics = evaluator.evaluate(inputs)
            roi[sample] = metrics.roi ?? .nan
            npv[sample] = metrics.npv
            payback[sample] = metrics.payback ?? .infinity
            if sample & (progressChunk - 1) == progressChunk - 1 { progress?.update(sample + 1) }
        }
        progress?.finish()
        return Samples(roi: roi, npv: npv, payback: payback)
    }

    /// Mean, standard deviation, percentiles and P(> 0) of one metric.
    public struct Summary: Sendable, Equatable {
        /// Samples with a defined value (ROI is undefined where ΔI ≤ 0).
        public var count: Int
        public var mean: Double
        /// Sample standard deviation (divisor n − 1).
        public var standardDeviation: Double
        public var p5: Double
        public var p50: Double
        public var p95: Double
        /// Share of the defined samples above 0.
        public var probabilityPositive: Double
    }

    public struct Result: Sendable {
        public var samples: Int
        public var seed: UInt64
        public var varied: [String]
        public var roi: Summary?
        /// Samples where ROI was undefined (the scenario invested no more than the baseline, or
        /// an expression divided by zero).
        public var roiUndefined: Int
        public var npv: Summary
        /// Samples where NPV was not finite (an expression divided by zero).
        public var npvUndefined: Int
        /// Share of samples paid back within the horizon.
        public var paidBackWithinHorizon: Double
        /// Percentiles of payback in years; nil where they fall beyond the horizon.
        public var paybackP5: Double?
        public var paybackP50: Double?
        public var paybackP95: Double?
    }

    public static func run(_ model: CompiledScenario, samples count: Int, seed: UInt64, progress: Progress? = nil) throws -> Result {
        let samples = try simulate(model, samples: count, seed: seed, progress: progress)
        return summarize(samples, model: model, seed: seed)
    }

    public static func summarize(_ samples: Samples, model: CompiledScenario, seed: UInt64) -> Result {
        let roi = summary(samples.roi)
        let npv = summary(samples.npv)
        var payback = samples.payback.filter { !$0.isNaN }  // +∞ (not paid back) stays in
        let paybackPercentiles = Percentile.select(&payback, [0.05, 0.50, 0.95])
        let finite = { (value: Double) -> Double? in value.isFinite ? value : nil }
        return Result(
            samples: samples.roi.count, seed: seed,
            varied: model.scenario.inputs.filter { $0.distribution != .fixed }.map(\.name),
            roi: roi,
            roiUndefined: samples.roi.count - (roi?.count ?? 0),
            npv: npv ?? Summary(count: 0, mean: .nan, standardDeviation: .nan, p5: .nan, p50: .nan, p95: .nan, probabilityPositive: .nan),
            npvUndefined: samples.npv.count - (npv?.count ?? 0),
            paidBackWithinHorizon: Double(samples.payback.count { $0.isFinite }) / Double(max(samples.payback.count, 1)),
            paybackP5: finite(paybackPercentiles[0]),
            paybackP50: finite(paybackPercentiles[1]),
            paybackP95: finite(paybackPercentiles[2])
        )
    }

    /// Summary of the finite values (ROI is NaN where undefined); nil when there are none.
    public static func summary(_ values: [Double]) -> Summary? {
        var finite = values.filter { $0.isFinite }
        guard !finite.isEmpty else { return nil }
        let n = Double(finite.count)
        var sum = 0.0
        for value in finite { sum += value }
        let mean = sum / n
        var squares = 0.0
        var positive = 0
        for value in finite {
            squares += (value - mean) * (value - mean)
            if value > 0 { positive += 1 }
        }
        let percentiles = Percentile.select(&finite, [0.05, 0.50, 0.95])
        return Summary(
            count: finite.count, mean: mean,
            standardDeviation: finite.count > 1 ? (squares / (n - 1)).squareRoot() : 0,
            p5: percentiles[0], p50: percentiles[1], p95: percentiles[2],
            probabilityPositive: Double(positive) / n
        )
    }
}

/// Percentiles by linear interpolation between order statistics (Hyndman & Fan type 7, the
/// default of Excel's PERCENTILE.INC, R and NumPy): for sorted x₀…x₍ₙ₋₁₎ and p in 0…1,
/// h = (n − 1)·p, P = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋).
public enum Percentile {
    public static func of(sorted values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let h = Double(values.count - 1) * p
        let lower = Int(h.rounded(.down))
        let fraction = h - Double(lower)
        guard fraction > 0, lower + 1 < values.count else { return values[lower] }
        return interpolate(values[lower], values[lower + 1], fraction)
    }

    /// The same percentiles without sorting: quickselect finds each order statistic in linear
    /// time (the values are reordered). `ps` ascending; `values` must hold no NaN.
    public static func select(_ values: inout [Double], _ ps: [Double]) -> [Double] {
        guard !values.isEmpty else { return ps.map { _ in .nan } }
        let n = values.count
        var from = 0
        return ps.map { p in
            let h = Double(n - 1) * p
            let lower = Int(h.rounded(.down))
            let fraction = h - Double(lower)
            // Everything before `from` is already ≤ what is left, so later selections can skip it.
            selectOrderStatistic(&values, lower, from: from)
            from = lower
            guard fraction > 0, lower + 1 < n else { return values[lower] }
            var next = values[lower + 1]
            for index in (lower + 2)..<n where values[index] < next { next = values[index] }
            return interpolate(values[lower], next, fraction)
        }
    }

    static func interpolate(_ a: Double, _ b: Double, _ fraction: Double) -> Double {
        a == b ? a : a + fraction * (b - a)  // a == b also keeps ∞ from becoming NaN
    }

    /// Puts the k-th smallest value at index k, smaller ones before it and larger ones after
    /// (three-way partitioning, so many equal values cost nothing extra).
    static func selectOrderStatistic(_ values: inout [Double], _ k: Int, from: Int) {
        var low = from, high = values.count - 1
        while low < high {
            let a = values[low], b = values[low + (high - low) / 2], c = values[high]
            let pivot = max(min(a, b), min(max(a, b), c))  // median of three
            var lessEnd = low, index = low, greaterStart = high
            while index <= greaterStart {
                let value = values[index]
                if value < pivot {
                    values.swapAt(lessEnd, index)
                    lessEnd += 1
                    index += 1
                } else if value > pivot {
                    values.swapAt(index, greaterStart)
                    greaterStart -= 1
                } else {
                    index += 1
                }
            }
            if k < lessEnd {
                high = lessEnd - 1
            } else if k > greaterStart {
                low = greaterStart + 1
            } else {
                return
            }
        }
    }
}

/// Draws one input's value.
struct InputSampler: Sendable {
    enum Shape: Sendable { case uniform, triangular, normal }
    var index: Int
    var shape: Shape
    var low: Double
    var high: Double
    /// Triangular: the peak. Normal: the mean.
    var centre: Double
    var sd: Double

    /// nil for inputs Monte Carlo keeps fixed.
    init?(index: Int, input: Input) {
        guard let low = input.low, let high = input.high else { return nil }
        self.index = index
        self.low = low
        self.high = high
        self.centre = input.value
        self.sd = 0
        switch input.distribution {
        case .fixed: return nil
        case .uniform: shape = .uniform
        case .triangular: shape = .triangular
        case .normal(let sd): shape = .normal; self.sd = sd
        }
    }

    @inline(__always)
    func draw(_ generator: inout Xoshiro256StarStar) -> Double {
        switch shape {
        case .uniform:
            return low + (high - low) * generator.nextUnit()
        case .triangular:
            // Inverse of the triangular CDF on low…high with its peak at `centre`.
            let u = generator.nextUnit()
            let width = high - low
            guard width > 0 else { return low }
            let split = (centre - low) / width
            if u < split { return low + (u * width * (centre - low)).squareRoot() }
            return high - ((1 - u) * width * (high - centre)).squareRoot()
        case .normal:
            // Marsaglia's polar method (one of the pair is used), truncated to low…high by rejection.
            while true {
                var s = 0.0, x = 0.0
                repeat {
                    x = 2 * generator.nextUnit() - 1
                    let y = 2 * generator.nextUnit() - 1
                    s = x * x + y * y
                } while s >= 1 || s == 0
                let value = centre + sd * x * (-2 * DeterministicMath.log(s) / s).squareRoot()
                if value >= low && value <= high { return value }
            }
        }
    }
}

/// Functions computed with IEEE basic operations only, so their results do not depend on the
/// platform's maths library.
public enum DeterministicMath {
    private static let ln2 = 0.6931471805599453

    /// Natural logarithm of a finite x > 0: x = m·2ᵉ with m in [√½, √2), then
    /// ln m = 2·atanh(s) = 2(s + s³/3 + s⁵/5 + …) with s = (m − 1)/(m + 1), |s| ≤ 0.172,
    /// summed to s²³/23 (error below 1e-17), and ln x = ln m + e·ln 2.
    public static func log(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x == 0 ? -.infinity : .nan }
        var exponent = Double(x.exponent)
        var m = x.significand  // [1, 2)
        if m > 1.4142135623730951 {
            m *= 0.5
            exponent += 1
        }
        let s = (m - 1) / (m + 1)
        let s2 = s * s
        var series = 1.0 / 23
        series = 1.0 / 21 + s2 * series
        series = 1.0 / 19 + s2 * series
        series = 1.0 / 17 + s2 * series
        series = 1.0 / 15 + s2 * series
        series = 1.0 / 13 + s2 * series
        series = 1.0 / 11 + s2 * series
        series = 1.0 / 9 + s2 * series
        series = 1.0 / 7 + s2 * series
        series = 1.0 / 5 + s2 * series
        series = 1.0 / 3 + s2 * series
        series = 1.0 + s2 * series
        return 2 * s * series + exponent * ln2
    }
}
