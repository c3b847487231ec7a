import Support

/// Monte Carlo over the dimension weights (composite-indicator practice, JRC/OECD handbook):
/// how firmly does each rank depend on the weights the model happens to use?
///
/// Each run draws, for every dimension in model order, a factor `1 + spread × e` with `e` from
/// the distribution on [−1, 1), multiplies the dimension's nominal weight by it, recomputes every
/// weighted total and ranks them with the same tie rule as the published ranking (equal totals
/// share a rank). Per gemeente the runs' ranks give the median and the 90 % interval
/// (5th and 95th percentile), nearest-rank: the q-th percentile of N ranks is the ⌈q·N⌉-th
/// smallest. With spread 0 every run reproduces the published ranks, so every interval has zero
/// width.
public enum WeightSensitivity {
    /// - Parameters:
    ///   - parts: per gemeente, its points per dimension (in `weights` order).
    ///   - weights: nominal weight per dimension.
    /// - Returns: the interval per gemeente, in `parts` order.
    public static func rankIntervals(parts: [[Int]], weights: [Int], settings: SensitivitySettings,
                                     progress: Progress? = nil) -> [RankInterval] {
        let count = parts.count
        let dimensions = weights.count
        guard count > 0 else { return [] }
        let runs = max(settings.runs, 1)
        // Flat, row-major copy of the points: the inner loop touches nothing else.
        var points = [Double](repeating: 0, count: count * dimensions)
        for (row, values) in parts.enumerated() {
            for column in 0..<min(dimensions, values.count) { points[row * dimensions + column] = Double(values[column]) }
        }
        let nominal = weights.map(Double.init)
        var generator = Xoshiro256StarStar(seed: settings.seed)
        var drawn = [Double](repeating: 0, count: dimensions)
        var totals = [Double](repeating: 0, count: count)
        var order = Array(0..<count)
        // histogram[g * (count + 1) + r]: runs in which gemeente g had rank r.
        var histogram = [Int32](repeating: 0, count: count * (count + 1))
        let step = max(runs / 100, 1)

        for run in 0..<runs {
            for dimension in 0..<dimensions {
                let e: Double
                switch settings.distribution {
                case .uniform: e = 2 * generator.nextUnit() - 1
                case .triangular: e = generator.nextUnit() + generator.nextUnit() - 1
                }
                drawn[dimension] = nominal[dimension] * (1 + settings.spread * e)
            }
            points.withUnsafeBufferPointer { points in
                for row in 0..<count {
                    var total = 0.0
                    let base = row * dimensions
                    for dimension in 0..<dimensions { total += drawn[dimension] * points[base + dimension] }
                    totals[row] = total
                }
            }
            // Starting from the previous run's order keeps the sort close to linear.
            totals.withUnsafeBufferPointer { totals in
                order.sort { totals[$0] > totals[$1] }
                var rank = 1
                for position in 0..<count {
                    let gemeente = order[position]
                    if position > 0, totals[gemeente] != totals[order[position - 1]] { rank = position + 1 }
                    histogram[gemeente * (count + 1) + rank] += 1
                }
            }
            if (run + 1) % step == 0 { progress?.update(run + 1) }
        }
        progress?.finish()

        return (0..<count).map { gemeente in
            let counts = histogram[(gemeente * (count + 1))..<((gemeente + 1) * (count + 1))]
            return RankInterval(median: percentile(50, of: counts, runs: runs),
                                low: percentile(5, of: counts, runs: runs),
                                high: percentile(95, of: counts, runs: runs))
        }
    }

    /// The nearest-rank percentile of the ranks counted in `counts` (`counts[startIndex + r]` =
    /// runs with rank r): the ⌈percent·runs/100⌉-th smallest rank, at least the first.
    static func percentile<Counts: Collection>(_ percent: Int, of counts: Counts, runs: Int) -> Int
    where Counts.Element: BinaryInteger, Counts.Index == Int {
        let position = max(1, (percent * runs + 99) / 100)
        var seen = 0
        for rank in 1..<counts.count {
            seen += Int(counts[counts.startIndex + rank])
            if seen >= position { return rank }
        }
        return max(counts.count - 1, 1)
    }
}
