import Foundation
import Support
import Testing
@testable import Stats

private func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool { abs(a - b) <= tolerance }

@Suite struct WilsonIntervalTests {
    @Test func matchesTheFormulaWorkedByHand() throws {
        // 5 of 20 with z = 2 (round numbers so every step can be checked on paper):
        //   p = 0.25, z² = 4, z²/n = 0.2, denominator = 1.2
        //   centre    = (0.25 + 4/40) / 1.2 = 0.35 / 1.2 = 0.291666…
        //   halfWidth = 2/1.2 · √(0.25·0.75/20 + 4/(4·400)) = 1.6666… · √(0.009375 + 0.0025)
        //             = 1.6666… · √0.011875 = 1.6666… · 0.1089724… = 0.1816207…
        //   interval  = 0.1100459 … 0.4732875
        let interval = try #require(WilsonInterval.interval(successes: 5, trials: 20, z: 2))
        let centre = 0.35 / 1.2
        let halfWidth = 2 / 1.2 * (0.011875).squareRoot()
        #expect(close(interval.low, centre - halfWidth))
        #expect(close(interval.high, centre + halfWidth))
        #expect(close(interval.low, 0.110045877, 1e-8))
        #expect(close(interval.high, 0.473287456, 1e-8))
    }

    @Test func ninetyFivePercentIntervalForTabel4Informeren() throws {
        // 186 of 221 with z = 1.959964 (z² = 3.8414588):
        //   p = 0.8416290, denominator = 1 + 3.8414588/221 = 1.0173822
        //   centre    = (0.8416290 + 3.8414588/442) / 1.0173822 = 0.8357922
        //   halfWidth = 1.959964/1.0173822 · √(0.8416290·0.1583710/221 + 3.8414588/195364) = 0.0480765
        let interval = try #require(WilsonInterval.interval(successes: 186, trials: 221))
        #expect(close(interval.low, 0.8357922 - 0.0480765, 1e-6))
        #expect(close(interval.high, 0.8357922 + 0.0480765, 1e-6))
    }

    @Test func staysInsideZeroToOneAndNeedsTrials() throws {
        let none = try #require(WilsonInterval.interval(successes: 0, trials: 24))
        #expect(none.low == 0)
        // All zero: the upper end is z²/(n + z²) = 3.8414588/27.8414588 = 0.1379760.
        #expect(close(none.high, 3.8414588206941254 / (24 + 3.8414588206941254)))
        let all = try #require(WilsonInterval.interval(successes: 13, trials: 13))
        #expect(all.high == 1)
        #expect(WilsonInterval.interval(successes: 0, trials: 0) == nil)
    }
}

@Suite struct PostStratificationTests {
    // Class A: N = 400 gemeenten, 10 answered, 5 yes  → p_A = 0.5,  W_A = 0.4
    // Class B: N = 600 gemeenten, 20 answered, 15 yes → p_B = 0.75, W_B = 0.6
    let strata = [
        Stratum(id: "a", population: 400, answered: 10, successes: 5),
        Stratum(id: "b", population: 600, answered: 20, successes: 15),
    ]

    @Test func pointEstimateAndVarianceWorkedByHand() throws {
        let estimate = try #require(PostStratifiedEstimate.estimate(strata: strata))
        // p_ps = 0.4·0.5 + 0.6·0.75 = 0.2 + 0.45 = 0.65 (the raw share would be 20/30 = 0.667)
        #expect(close(estimate.estimate, 0.65))
        // Var_A = W²·(1 − n/N)·s²/n = 0.16 · (1 − 10/400) · (10·0.25/9) / 10 = 0.16 · 0.975 · 0.0277… = 0.0043333…
        // Var_B = 0.36 · (1 − 20/600) · (20·0.1875/19) / 20 = 0.36 · 0.9666… · 0.0098684… = 0.0034342…
        let varianceA = 0.16 * 0.975 * (10 * 0.25 / 9) / 10
        let varianceB = 0.36 * (1 - 20.0 / 600) * (20 * 0.1875 / 19) / 20
        #expect(close(estimate.variance, varianceA + varianceB))
        #expect(close(estimate.variance, 0.0077675439, 1e-9))
        // n_eff = p(1−p)/Var = 0.65·0.35 / 0.0077675 = 29.2885 (below the 30 respondents: kept)
        #expect(close(estimate.effectiveSampleSize, 0.2275 / (varianceA + varianceB)))
        #expect(close(estimate.effectiveSampleSize, 29.288537549, 1e-6))
        // Wilson at p = 0.65, n = 29.2885: denominator = 1 + 3.8414588/29.2885 = 1.1311591,
        // centre = (0.65 + 3.8414588/58.5771) / 1.1311591 = 0.6326073,
        // halfWidth = 1.959964/1.1311591 · √(0.2275/29.2885 + 3.8414588/(4·29.2885²)) = 0.1633443
        #expect(close(estimate.interval.low, 0.6326073 - 0.1633443, 1e-6))
        #expect(close(estimate.interval.high, 0.6326073 + 0.1633443, 1e-6))
        #expect(estimate.classesWithoutRespondents.isEmpty)
    }

    @Test func effectiveSampleSizeIsTruncatedAtTheRespondents() throws {
        // Same shares, but small classes almost fully answered: the finite-population correction
        // shrinks Var, p(1−p)/Var = 39.9 exceeds the 30 respondents and is truncated to 30.
        let dense = [Stratum(id: "a", population: 40, answered: 10, successes: 5),
                     Stratum(id: "b", population: 60, answered: 20, successes: 15)]
        let estimate = try #require(PostStratifiedEstimate.estimate(strata: dense))
        let variance = 0.16 * 0.75 * (10 * 0.25 / 9) / 10 + 0.36 * (2.0 / 3) * (20 * 0.1875 / 19) / 20
        #expect(close(estimate.variance, variance))
        #expect(0.2275 / variance > 30)
        #expect(estimate.effectiveSampleSize == 30)
        let srs = try #require(WilsonInterval.interval(proportion: 0.65, sampleSize: 30))
        #expect(close(estimate.interval.low, srs.low) && close(estimate.interval.high, srs.high))
    }

    @Test func classWithoutRespondentsIsLeftOutAndNamed() throws {
        // Class C has 500 gemeenten but nobody answered: no p_C exists. It is left out and
        // A and B are reweighted over 1000 gemeenten, exactly as without C (no division by zero).
        let withEmpty = strata + [Stratum(id: "c", population: 500, answered: 0, successes: 0)]
        let estimate = try #require(PostStratifiedEstimate.estimate(strata: withEmpty))
        let without = try #require(PostStratifiedEstimate.estimate(strata: strata))
        #expect(close(estimate.estimate, 0.65))
        #expect(estimate == PostStratifiedEstimate(estimate: without.estimate, variance: without.variance,
                                                   effectiveSampleSize: without.effectiveSampleSize,
                                                   interval: without.interval, classesWithoutRespondents: ["c"]))
        #expect(PostStratifiedEstimate.estimate(strata: [Stratum(id: "c", population: 5, answered: 0, successes: 0)]) == nil)
    }

    @Test func singleRespondentUsesTheLargestUnitVariance() throws {
        // n_h = 1: s² = n·p(1−p)/(n − 1) is 0/0; the conservative 1/4 is used instead.
        // W = 0.5 each; Var = 0.25·(1 − 1/10)·0.25/1 + 0.25·(1 − 10/10)·… = 0.05625
        let estimate = try #require(PostStratifiedEstimate.estimate(strata: [
            Stratum(id: "a", population: 10, answered: 1, successes: 1),
            Stratum(id: "b", population: 10, answered: 10, successes: 0),
        ]))
        #expect(close(estimate.estimate, 0.5))
        #expect(close(estimate.variance, 0.25 * 0.9 * 0.25))
    }

    @Test func nobodyAnywhereStillGivesAnInterval() throws {
        // p_ps = 0, but the single respondent of class a makes Var = 0.25·(1 − 1/10)·0.25 > 0:
        // p(1−p)/Var would be 0; n_eff = n = 11 instead, so the interval is 0 … z²/(11 + z²).
        let estimate = try #require(PostStratifiedEstimate.estimate(strata: [
            Stratum(id: "a", population: 10, answered: 1, successes: 0),
            Stratum(id: "b", population: 10, answered: 10, successes: 0),
        ]))
        #expect(estimate.estimate == 0 && estimate.variance > 0)
        #expect(estimate.effectiveSampleSize == 11)
        #expect(estimate.interval.low == 0)
        #expect(close(estimate.interval.high, 3.8414588206941254 / (11 + 3.8414588206941254)))
    }

    @Test func unanimousClassesGiveTheRespondentsAsEffectiveSize() throws {
        let estimate = try #require(PostStratifiedEstimate.estimate(strata: [
            Stratum(id: "a", population: 40, answered: 10, successes: 10),
            Stratum(id: "b", population: 60, answered: 20, successes: 0),
        ]))
        #expect(estimate.variance == 0)
        #expect(close(estimate.estimate, 0.4))
        #expect(estimate.effectiveSampleSize == 30)
    }
}

@Suite struct RelativeDifferenceTests {
    @Test func reproducesTabel12() throws {
        // Tabel 12 (2012 report): use and daily use 2011 → 2012, relative difference as printed.
        let rows: [(old: Double, new: Double, printed: Double)] = [
            (40, 58, 45), (50, 54, 8), (24, 26, 8), (20, 25, 25), (39, 24, -38),
            (44, 60, 36), (13, 14, 8), (11, 9, -18), (48, 49, 2), (34, 29, -15),
        ]
        for row in rows {
            let difference = try #require(relativeDifference(old: row.old, new: row.new))
            #expect(Rounding.halfUp(difference) == row.printed, "\(row.old) → \(row.new)")
        }
        // (58 − 40) / 40 × 100 = 45 exactly
        #expect(relativeDifference(old: 40, new: 58) == 45)
    }

    @Test func isUndefinedFromZero() {
        #expect(relativeDifference(old: 0, new: 12) == nil)
    }
}

@Suite struct ProportionTests {
    @Test func percentagesRoundHalfUpAndShowTheirDenominator() {
        #expect(Proportion(186, of: 221).text == "84 % (186/221)")
        #expect(Proportion(19, of: 221).text == "9 % (19/221)")     // 8.597 %: the report printed 8 %
        #expect(Proportion(1, of: 8).percent == 13)                  // 12.5 % → 13, not banker's 12
        #expect(Proportion(1, of: 40).percent == 3)                  // 2.5 % → 3
        #expect(Proportion(3, of: 8).percent == 38)                  // 37.5 % → 38
        #expect(Proportion(0, of: 0).text == "– (0/0)")
    }

    @Test func numberSummaryCountsModeMinimumAndMaximum() throws {
        let summary = try #require(NumberSummary([6, 8, 1, 6, 8, 6, 5, 4]))
        #expect(summary.count == 8)
        #expect(summary.mean == 44.0 / 8)
        #expect(summary.median == 6)      // sorted 1 4 5 6 6 6 8 8: (6 + 6) / 2
        #expect(summary.modes == [.init(value: 6, count: 3)])
        #expect(summary.minimum == .init(value: 1, count: 1))
        #expect(summary.maximum == .init(value: 8, count: 2))
        #expect(NumberSummary([2, 3])?.modes.count == 2)
        #expect(NumberSummary([]) == nil)
    }
}
