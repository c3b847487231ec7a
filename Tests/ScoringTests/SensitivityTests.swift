import Testing
@testable import Scoring

@Suite struct SensitivityTests {
    /// A beats B by 1 point at nominal weights; ±25 % on the weights lets B overtake A in some
    /// runs. C is last in every dimension, D equals C in every dimension (a permanent tie).
    let parts = [[40, 0], [0, 39], [0, 5], [0, 5]]
    let weights = [1, 1]

    func intervals(_ settings: SensitivitySettings) -> [RankInterval] {
        WeightSensitivity.rankIntervals(parts: parts, weights: weights, settings: settings)
    }

    @Test func sameSeedSameIntervals() {
        let settings = SensitivitySettings(runs: 2_000, spread: 0.25, distribution: .uniform, seed: 42)
        #expect(intervals(settings) == intervals(settings))
    }

    @Test func weightsThatCanFlipARankWidenTheInterval() {
        let result = intervals(SensitivitySettings(runs: 2_000, spread: 0.25, distribution: .uniform, seed: 42))
        #expect(result[0].low == 1 && result[0].high == 2)
        #expect(result[1].low == 1 && result[1].high == 2)
        // Equal parts always give equal totals, so C and D keep sharing rank 3.
        #expect(result[2] == RankInterval(median: 3, low: 3, high: 3))
        #expect(result[3] == RankInterval(median: 3, low: 3, high: 3))
    }

    @Test func zeroSpreadGivesZeroWidthAtTheNominalRank() {
        for distribution in WeightDistribution.allCases {
            let result = intervals(SensitivitySettings(runs: 300, spread: 0, distribution: distribution, seed: 9))
            #expect(result == [RankInterval(median: 1, low: 1, high: 1), RankInterval(median: 2, low: 2, high: 2),
                               RankInterval(median: 3, low: 3, high: 3), RankInterval(median: 3, low: 3, high: 3)])
        }
    }

    @Test func percentilesAreNearestRank() {
        // Index = rank; runs = 100.
        let counts = [0, 5, 90, 5]
        #expect(WeightSensitivity.percentile(5, of: counts, runs: 100) == 1)    // 5th smallest
        #expect(WeightSensitivity.percentile(50, of: counts, runs: 100) == 2)
        #expect(WeightSensitivity.percentile(95, of: counts, runs: 100) == 2)   // 95th smallest
        #expect(WeightSensitivity.percentile(96, of: counts, runs: 100) == 3)
        #expect(WeightSensitivity.percentile(5, of: [0, 4, 91, 5], runs: 100) == 2)
        // ⌈0,05 × 10⌉ = 1: with 10 runs the 5th percentile is the smallest rank.
        #expect(WeightSensitivity.percentile(5, of: [0, 1, 9], runs: 10) == 1)
        #expect(WeightSensitivity.percentile(50, of: [0, 5, 5], runs: 10) == 1)  // ⌈5⌉ = 5th smallest
    }

    @Test func overridesAreChecked() throws {
        let base = SensitivitySettings.default
        #expect(try base.overridden(runs: 50, seed: 3) == SensitivitySettings(runs: 50, spread: 0.25, distribution: .uniform, seed: 3))
        #expect(throws: SensitivityError.invalidRuns(0)) { try base.overridden(runs: 0) }
        // `sensitivity --runs` is bounded as the model file is (issue 19, item 12).
        #expect(try base.overridden(runs: SensitivitySettings.maximumRuns).runs == 10_000_000)
        #expect(throws: SensitivityError.invalidRuns(10_000_001)) { try SensitivityOverrides(runs: 10_000_001).validate() }
        #expect(SensitivityError.invalidRuns(Int.max).description == "sensitivity runs must be a whole number from 1 to 10000000, found \(Int.max)")
        #expect(throws: SensitivityError.invalidSpread(1)) { try base.overridden(spread: 1) }
    }
}
