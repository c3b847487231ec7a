import Configuration
import Core
import Ingest
import Testing
@testable import Scoring

/// Followers per inhabitant, meetlat-2012: `min(40, (800·n + p) / (2·p))`, read from the model file.
@Suite struct FollowerFormulaTests {
    let rule: PerInhabitantRule

    init() throws {
        let model = try Fixtures.model("meetlat-2012")
        guard case .perInhabitant(let rule) = model.dimensions[1].rule else {
            throw ConfigError(file: "meetlat-2012", key: "dimensions[2]", problem: "not per_inhabitant")
        }
        self.rule = rule
    }

    @Test func modelFileHoldsTheSpecRule() {
        #expect(rule.pointsPerPercent == 4)
        #expect(rule.cap == 40)
        #expect(rule.fields.map(\.field) == ["followers.twitter", "followers.facebook", "followers.linkedin"])
    }

    /// p = 80.000: 0,125 % is n = 100, 0,375 % is n = 300, ... exactly.
    @Test(arguments: [
        (0, 0),          // 0 %
        (99, 0),         // just under 0,125 %
        (100, 1),        // exactly 0,125 %: 0,5 rounds up
        (299, 1),        // just under 0,375 %
        (300, 2),        // exactly 0,375 %: 1,5 rounds up (not to even)
        (499, 2), (500, 3),        // 0,625 %: 2,5 → 3
        (2_499, 12), (2_500, 13),  // 3,125 %: 12,5 → 13
        (7_899, 39), (7_900, 40),  // 9,875 %: 39,5 → 40
        (7_999, 40),     // just under 10 %
        (8_000, 40),     // exactly 10 %
        (8_001, 40),     // above 10 %: capped
        (20_000, 40),    // 25 %
        (80_000, 40),    // 100 %
        (200_000, 40),   // 250 %: capped (and flagged suspect by the scorer)
    ])
    func roundsHalfUpAndCaps(count: Int, points: Int) {
        #expect(rule.points(count: count, inhabitants: 80_000) == points)
    }

    /// Boundaries that do not fall on whole counts: Hoorn's 71.703 inhabitants.
    @Test func boundariesWithAnUnevenPopulation() {
        // 0,125 % of 71.703 is 89,63: 89 stays under, 90 passes.
        #expect(rule.points(count: 89, inhabitants: 71_703) == 0)
        #expect(rule.points(count: 90, inhabitants: 71_703) == 1)
        // 3 % of 71.703 = 2.151,09 → 12 points; 3,125 % = 2.240,7 → 13 from 2.241.
        #expect(rule.points(count: 2_150, inhabitants: 71_703) == 12)
        #expect(rule.points(count: 2_240, inhabitants: 71_703) == 12)
        #expect(rule.points(count: 2_241, inhabitants: 71_703) == 13)
    }

    @Test func uncappedPointsShowWhatTheCapCut() {
        #expect(rule.uncappedPoints(count: 12_000, inhabitants: 80_000) == 60)
        #expect(rule.points(count: 12_000, inhabitants: 80_000) == 40)
    }
}
