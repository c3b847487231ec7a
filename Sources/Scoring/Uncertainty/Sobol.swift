import Foundation
import Support

/// Saltelli's sampling design for first-order and total Sobol indices of groups of variables
/// (Saltelli et al. 2010, the design SALib uses): two independent N × D matrices A and B on the
/// unit cube and, per group j, AB_j = A with group j's columns taken from B. The rows are laid
/// out as SALib lays them out without second-order indices: for each i, A_i, AB_1,i … AB_G,i, B_i
/// — N × (G + 2) rows — so the same estimator reads SALib's samples and ours.
///
/// A and B are pseudo-random (xoshiro256**, seeded), not a quasi-random sequence: the standard
/// errors below assume independent rows.
public enum SaltelliDesign {
    public static func rows(base: Int, variables: Int, groups: [Int], seed: UInt64) -> [[Double]] {
        var generator = Xoshiro256StarStar(seed: seed)
        let groupCount = (groups.max() ?? -1) + 1
        var rows: [[Double]] = []
        rows.reserveCapacity(base * (groupCount + 2))
        for _ in 0..<base {
            let a = (0..<variables).map { _ in generator.nextUnit() }
            let b = (0..<variables).map { _ in generator.nextUnit() }
            rows.append(a)
            for group in 0..<groupCount {
                rows.append((0..<variables).map { groups[$0] == group ? b[$0] : a[$0] })
            }
            rows.append(b)
        }
        return rows
    }
}

/// A first-order and a total Sobol index with their Monte Carlo standard errors.
public struct SobolIndex: Sendable, Hashable, Codable {
    public var first: Double
    public var total: Double
    public var firstError: Double
    public var totalError: Double
}

/// The estimators of SALib's `sobol.analyze` (calc_second_order=False): with the outputs centred
/// on their mean over all rows, V = var(A ∪ B) (population variance),
/// first-order S_j = mean(B · (AB_j − A)) / V (Saltelli 2010), total T_j = ½ mean((A − AB_j)²) / V
/// (Jansen 1999). The standard errors are the central-limit ones, sd(terms) / √N / V. Several
/// outputs together (every gemeente's rank) give the aggregated indices of Gamboa et al. (2014):
/// numerators and variances summed over the outputs, so each output weighs by its variance.
public enum SobolEstimator {
    /// - Parameters:
    ///   - n: the number of base samples (N).
    ///   - groups: the number of groups of inputs (assumptions).
    ///   - outputs: `outputs(row, output)`, rows in the layout of `SaltelliDesign`.
    ///   - columns: which outputs to aggregate (one for a single output).
    /// - Returns: one index per group; nil when the outputs do not vary at all (V = 0).
    public static func indices(base n: Int, groups: Int, columns: [Int],
                               outputs: (Int, Int) -> Double) -> [SobolIndex]? {
        let step = groups + 2
        var means: [Double] = []
        var variance = 0.0
        for column in columns {
            var sum = 0.0
            for row in 0..<(n * step) { sum += outputs(row, column) }
            let mean = sum / Double(n * step)
            means.append(mean)
            var abMean = 0.0, abSquares = 0.0
            for i in 0..<n {
                for value in [outputs(i * step, column), outputs(i * step + step - 1, column)] {
                    abMean += value - mean
                    abSquares += (value - mean) * (value - mean)
                }
            }
            abMean /= Double(2 * n)
            variance += abSquares / Double(2 * n) - abMean * abMean
        }
        guard variance > 1e-12 else { return nil }
        return (0..<groups).map { j in
            var firstTerms = [Double](repeating: 0, count: n)
            var totalTerms = [Double](repeating: 0, count: n)
            for (c, column) in columns.enumerated() {
                for i in 0..<n {
                    let a = outputs(i * step, column) - means[c]
                    let ab = outputs(i * step + 1 + j, column) - means[c]
                    let b = outputs(i * step + step - 1, column) - means[c]
                    firstTerms[i] += b * (ab - a)
                    totalTerms[i] += 0.5 * (a - ab) * (a - ab)
                }
            }
            let (firstMean, firstSD) = meanAndDeviation(firstTerms)
            let (totalMean, totalSD) = meanAndDeviation(totalTerms)
            let root = Double(n).squareRoot()
            return SobolIndex(first: firstMean / variance, total: totalMean / variance,
                              firstError: firstSD / root / variance, totalError: totalSD / root / variance)
        }
    }

    /// Mean and sample standard deviation (n − 1).
    static func meanAndDeviation(_ values: [Double]) -> (Double, Double) {
        guard values.count > 1 else { return (values.first ?? 0, 0) }
        let mean = values.reduce(0, +) / Double(values.count)
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (mean, (squares / Double(values.count - 1)).squareRoot())
    }
}

/// Evaluates the ranking function on many rows, on every core: row r's ranks land at
/// `r × count …`, so the result does not depend on how the rows were shared out.
public enum RankEvaluation {
    public static func ranks(_ function: RankingFunction, choices: [RankingFunction.Choice],
                             progress: Support.Progress? = nil) -> [Int32] {
        let count = function.count
        let buffer = RankBuffer(count: choices.count * count)
        let chunk = 16
        let chunks = (choices.count + chunk - 1) / chunk
        let done = DoneCounter()
        DispatchQueue.concurrentPerform(iterations: chunks) { index in
            for row in (index * chunk)..<min(choices.count, (index + 1) * chunk) {
                buffer.store(function.ranks(choices[row]), at: row * count)
            }
            progress?.update(done.add(min(chunk, choices.count - index * chunk)))
        }
        progress?.finish()
        return buffer.values
    }
}

/// Each row writes its own slice; no two rows share an element.
private final class RankBuffer: @unchecked Sendable {
    private var storage: [Int32]
    private let lock = NSLock()

    init(count: Int) { storage = [Int32](repeating: 0, count: count) }

    func store(_ ranks: [Int32], at offset: Int) {
        lock.lock()
        defer { lock.unlock() }
        storage.replaceSubrange(offset..<(offset + ranks.count), with: ranks)
    }

    var values: [Int32] { lock.lock(); defer { lock.unlock() }; return storage }
}

private final class DoneCounter: @unchecked Sendable {
    private var done = 0
    private let lock = NSLock()

    func add(_ rows: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        done += rows
        return done
    }
}
