import Foundation
import Support
import Testing
@testable import ROI

@Suite struct MonteCarloTests {
    /// ROI = (x − 1000) / 1000 with x drawn from `distribution` on 500…2500.
    static func linear(_ distribution: String, value: Double = 1500) -> String {
        """
        scenario: Linear in one input
        horizon: 1
        inputs:
          x:
            value: \(value)
            low: 500
            high: 2500
            \(distribution)
        investments:
          - { name: Tool, kind: licence, timing: once, amount: 1000 }
        returns:
          - { name: Opbrengst, kind: other, timing: yearly, amount: x }
        """
    }

    @Test func aSeedGivesTheSameNumbersEveryTime() throws {
        let model = try compiled(Self.linear("distribution: uniform"))
        let first = try MonteCarlo.simulate(model, samples: 1000, seed: 42)
        let second = try MonteCarlo.simulate(model, samples: 1000, seed: 42)
        let other = try MonteCarlo.simulate(model, samples: 1000, seed: 43)
        #expect(first.roi == second.roi)
        #expect(first.npv == second.npv)
        #expect(first.roi != other.roi)
        // The first draw of seed 42 is 0.08386297105988216 (see SupportTests.GeneratorTests),
        // so x = 500 + 2000 × that, and ROI = (x − 1000) / 1000.
        #expect(abs(first.roi[0] - ((500 + 2000 * 0.08386297105988216) - 1000) / 1000) < 1e-12)
    }

    @Test func uniformConvergesToTheAnalyticMean() throws {
        // x ~ U(500, 2500): ROI ~ U(−0.5, 1.5), mean 0.5, sd 2/√12 = 0.57735, P(ROI > 0) = 0.75,
        // P5 = −0.5 + 0.05 × 2 = −0.4.
        // With n = 100 000 the standard error of the mean is 0.57735/√n = 0.00183: allow 4 of them
        // (0.0073). For P(> 0): √(0.75 × 0.25 / n) = 0.00137, allow 0.0055. For P5: √(0.05 × 0.95 / n)
        // divided by the density 0.5 = 0.00138, allow 0.0055.
        let n = 100_000
        let result = try MonteCarlo.run(try compiled(Self.linear("distribution: uniform")), samples: n, seed: 2012)
        let roi = try #require(result.roi)
        #expect(abs(roi.mean - 0.5) < 4 * 0.57735 / Double(n).squareRoot())
        #expect(abs(roi.standardDeviation - 0.57735) < 0.005)
        #expect(abs(roi.probabilityPositive - 0.75) < 0.0055)
        #expect(abs(roi.p5 - -0.4) < 0.0055)
        #expect(abs(roi.p50 - 0.5) < 0.0073)
        #expect(result.roiUndefined == 0)
    }

    @Test func triangularConvergesToTheAnalyticMean() throws {
        // x ~ Tri(500, peak 1000, 2500): mean (500 + 1000 + 2500) / 3 = 1333.33, so ROI mean 1/3;
        // sd of x = √((a² + b² + c² − ab − ac − bc) / 18) = √(3 250 000 / 18) = 424.9, ROI sd 0.4249;
        // standard error at n = 100 000: 0.00134, allow 4 (0.0054).
        let result = try MonteCarlo.run(try compiled(Self.linear("distribution: triangular", value: 1000)), samples: 100_000, seed: 7)
        let roi = try #require(result.roi)
        #expect(abs(roi.mean - 1.0 / 3) < 0.0054)
        #expect(abs(roi.standardDeviation - 0.4249) < 0.005)
    }

    @Test func truncatedNormalStaysInItsRangeAndKeepsASymmetricMean() throws {
        // N(1500, 300) truncated to 500…2500 (symmetric around the mean): ROI mean stays 0.5;
        // its sd is below 0.3, so the standard error at n = 100 000 is under 0.00095: allow 0.004.
        let samples = try MonteCarlo.simulate(try compiled(Self.linear("distribution: normal\n    sd: 300")), samples: 100_000, seed: 5)
        let summary = try #require(MonteCarlo.summary(samples.roi))
        #expect(abs(summary.mean - 0.5) < 0.004)
        #expect(abs(summary.standardDeviation - 0.3) < 0.01)  // truncation at ±3.3 sd barely narrows it
        #expect(samples.roi.allSatisfy { $0 >= -0.5 && $0 <= 1.5 })
    }

    @Test func deterministicLogMatchesTheMathsLibrary() {
        var generator = Xoshiro256StarStar(seed: 1)
        for _ in 0..<10_000 {
            let x = generator.nextUnit() * 1000 + 1e-9
            let reference = Foundation.log(x)
            #expect(abs(DeterministicMath.log(x) - reference) <= 4e-16 * max(1, abs(reference)))
        }
        #expect(DeterministicMath.log(1) == 0)
        #expect(abs(DeterministicMath.log(0.5) + 0.6931471805599453) < 1e-16)
    }

    @Test func percentilesInterpolateBetweenOrderStatistics() {
        // Type 7 on 10, 20, 30, 40: h = 3p; P50 → h = 1.5 → 20 + 0.5 × 10 = 25; P5 → h = 0.15 → 11.5.
        #expect(Percentile.of(sorted: [10, 20, 30, 40], 0.5) == 25)
        #expect(Percentile.of(sorted: [10, 20, 30, 40], 0.05) == 11.5)
        #expect(Percentile.of(sorted: [10, 20, 30, 40], 1) == 40)
        #expect(Percentile.of(sorted: [1, .infinity, .infinity], 0.95) == .infinity)
    }

    @Test func selectionGivesTheSamePercentilesAsSorting() {
        var generator = Xoshiro256StarStar(seed: 3)
        for size in [1, 2, 3, 20, 1001] {
            // Many ties and some infinities (payback "not within the horizon").
            let values = (0..<size).map { _ -> Double in
                let u = generator.nextUnit()
                return u > 0.9 ? .infinity : (u * 20).rounded(.down)
            }
            var copy = values
            let selected = Percentile.select(&copy, [0.05, 0.5, 0.95])
            let sorted = values.sorted()
            #expect(selected == [0.05, 0.5, 0.95].map { Percentile.of(sorted: sorted, $0) }, "size \(size)")
            #expect(copy.sorted() == sorted)  // reordered, nothing lost
        }
    }

    @Test func runsNeedSomethingToVary() throws {
        let error = roiError { _ = try MonteCarlo.run(try compiled(Self.linear("distribution: fixed")), samples: 10, seed: 1) }
        #expect(error?.message.contains("no input varies") == true)
        #expect(roiError { _ = try MonteCarlo.run(try compiled(Self.linear("distribution: uniform")), samples: 1, seed: 1) } != nil)
    }
}
