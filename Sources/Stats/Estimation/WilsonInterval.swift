import Foundation

/// A two-sided interval for a proportion, both ends in 0...1.
public struct ProportionInterval: Sendable, Hashable, Codable {
    public var low: Double
    public var high: Double

    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }
}

/// The Wilson score interval (Wilson 1927). Unlike the textbook p ± z·√(p(1−p)/n) it stays
/// inside 0...1 and keeps its coverage for small n and for p near 0 or 1 (7 of 13 small
/// gemeenten, 0 of 24 large ones), which is where the survey's size classes live.
///
///     centre    = (p + z²/2n) / (1 + z²/n)
///     halfWidth = z / (1 + z²/n) · √( p(1−p)/n + z²/4n² )
public enum WilsonInterval {
    /// The 0.975 quantile of the standard normal distribution: a 95 % two-sided interval.
    public static let z95 = 1.959963984540054

    /// Interval for `successes` of `trials`; `nil` when there are no trials.
    public static func interval(successes: Int, trials: Int, z: Double = z95) -> ProportionInterval? {
        guard trials > 0 else { return nil }
        return interval(proportion: Double(successes) / Double(trials), sampleSize: Double(trials), z: z)
    }

    /// Interval for an observed proportion `p` with a (possibly effective, non-integer) sample size `n`.
    public static func interval(proportion p: Double, sampleSize n: Double, z: Double = z95) -> ProportionInterval? {
        guard n > 0, p >= 0, p <= 1 else { return nil }
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let halfWidth = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        // At p = 0 the lower end is exactly 0 and at p = 1 the upper end exactly 1; floating point
        // would leave a residue of 1e-17 there.
        return ProportionInterval(low: p == 0 ? 0 : max(0, centre - halfWidth), high: p == 1 ? 1 : min(1, centre + halfWidth))
    }
}
