import Foundation
import Testing
import Support
@testable import ROI

/// The KPIs the ROI chapter names beside ROI that the calculator lacked: IPM, the A/B test and
/// the user lifecycle. Every expected figure is worked out by hand in the comments.
@Suite struct NewKPITests {
    @Test func interactionsPerThousandFans() throws {
        // 450 interactions among 12,000 fans: 1000 × 450 / 12000 = 37.5.
        #expect(try KPI.interactionsPerThousand(interactions: 450, fans: 12_000) == 37.5)
        // Over 15 posts: 37.5 / 15 = 2.5 per post.
        #expect(try KPI.interactionsPerThousand(interactions: 450, fans: 12_000, posts: 15) == 2.5)
        #expect(roiError { _ = try KPI.interactionsPerThousand(interactions: 1, fans: 0) }?.description == "--fans: expected a count greater than 0, found 0")
    }

    @Test func anABTestByHand() throws {
        let test = try KPI.abTest(a: .init(converted: 50, reached: 1000), b: .init(converted: 70, reached: 1000))
        // Rates 50/1000 = 0.05 and 70/1000 = 0.07; difference 0.02.
        #expect(abs(test.difference - 0.02) < 1e-15)
        // Pooled p = 120/2000 = 0.06; SE = √(0.06 × 0.94 × (1/1000 + 1/1000)) = √0.0001128 = 0.0106207…;
        // z = 0.02 / 0.0106207 = 1.88311…
        #expect(abs(test.z - 1.883_108) < 1e-5)
        // Two-sided p = 2 × (1 − Φ(1.88311)) = 2 × 0.029843 = 0.059687: not below 0.05.
        #expect(abs(test.p - 0.059_687) < 1e-5)
        #expect(!test.significant)
        // 95 % interval: unpooled SE = √(0.05 × 0.95/1000 + 0.07 × 0.93/1000) = √0.0001126 = 0.0106113…;
        // 0.02 ± 1.959964 × 0.0106113 = 0.02 ± 0.0207978: −0.0007978 … 0.0407978 (holds 0, as p said).
        #expect(abs(test.low - -0.000_797_8) < 1e-6)
        #expect(abs(test.high - 0.040_797_8) < 1e-6)
        // At 90 % the same data are significant: p < 0.10; z(0.95) = 1.644854.
        let ninety = try KPI.abTest(a: test.a, b: test.b, confidence: 0.90)
        #expect(ninety.significant)
        #expect(abs(ninety.high - (0.02 + 1.644_854 * 0.010_611_31)) < 1e-6)
        #expect(abs(Normal.quantile(0.975) - 1.959_963_984_540_054) < 1e-12)
    }

    @Test func abTestEdgeCases() throws {
        // No one converted in either variant: nothing to tell them apart.
        let none = try KPI.abTest(a: .init(converted: 0, reached: 10), b: .init(converted: 0, reached: 20))
        #expect(none.z == 0 && none.p == 1 && !none.significant && none.smallSample)
        #expect(roiError { _ = try KPI.abTest(a: .init(converted: 11, reached: 10), b: .init(converted: 0, reached: 1)) }?.source == "--a-converted")
        #expect(roiError { _ = try KPI.abTest(a: .init(converted: 1, reached: 10), b: .init(converted: 1, reached: 10), confidence: 1) }?.source == "--confidence")
    }

    @Test func lifecycleFromCounts() throws {
        // 500 active last period; now 80 new and 440 returning, 100 lapsed.
        let counts = try LifecycleCounts(previous: 500, new: 80, returning: 440, lapsed: 100)
        #expect(counts.active == 520)                 // 80 + 440
        #expect(counts.retained == 400)               // 500 − 100
        #expect(counts.reactivated == 40)             // 440 − 400 came back after a pause
        #expect(counts.retention == 0.8)              // 400 / 500
        #expect(counts.growth == 0.04)                // (520 − 500) / 500
        // 100 lapsed of 500 leaves 400 who stayed, so fewer than 400 returning is impossible.
        #expect(roiError { _ = try LifecycleCounts(previous: 500, new: 0, returning: 399, lapsed: 100) }?.source == "--lifecycle-returning")
        #expect(roiError { _ = try LifecycleCounts(previous: 5, new: 0, returning: 5, lapsed: 6) }?.source == "--lifecycle-lapsed")
    }

    /// A log of five users over three months, a gap month and a return.
    static let log = """
        gebruiker;datum
        anna;2024-01-03
        bob;03-01-2024 14:05
        anna;2024-01-20T09:00
        carla;2024-02-11
        anna;11/02/2024
        dirk;2024-02-28
        bob;2024-04-02
        erik;2024-04-30
        """

    func records(_ text: String) -> RecordSource {
        { each in
            for (index, line) in text.split(separator: "\n").enumerated() {
                try each(index + 1, line.split(separator: ";", omittingEmptySubsequences: false).map(String.init))
            }
        }
    }

    @Test func lifecycleFromALogByMonth() throws {
        let lifecycle = try UserLifecycle.read(userColumn: "gebruiker", dateColumn: "datum", period: .month, source: "log.csv", records: records(Self.log))
        #expect(lifecycle.records == 8)
        #expect(lifecycle.users == 5)
        #expect(lifecycle.rows.map(\.period) == ["2024-01", "2024-02", "2024-03", "2024-04"])
        // January: anna, bob — both new.
        #expect(lifecycle.rows[0] == .init(period: "2024-01", active: 2, new: 2, returning: 0, lapsed: nil, previousActive: nil))
        // February: anna (returning), carla, dirk (new); bob lapsed. Retention 1 / 2.
        #expect(lifecycle.rows[1] == .init(period: "2024-02", active: 3, new: 2, returning: 1, lapsed: 1, previousActive: 2))
        #expect(lifecycle.rows[1].retention == 0.5)
        // March: no one; all three lapsed.
        #expect(lifecycle.rows[2] == .init(period: "2024-03", active: 0, new: 0, returning: 0, lapsed: 3, previousActive: 3))
        // April: bob returns after two months away, erik is new; no one lapsed from an empty March.
        #expect(lifecycle.rows[3] == .init(period: "2024-04", active: 2, new: 1, returning: 1, lapsed: 0, previousActive: 0))
        #expect(lifecycle.rows[3].retention == nil)
    }

    @Test func lifecycleByIsoWeekAndQuarter() throws {
        // 2024-01-03 is a Wednesday of ISO week 1; 2021-01-03 is a Sunday of 2020's week 53.
        #expect(UserLifecycle.label(index: UserLifecycle.index(day: CivilDate.days(year: 2024, month: 1, day: 3), period: .week), period: .week) == "2024-W01")
        #expect(UserLifecycle.label(index: UserLifecycle.index(day: CivilDate.days(year: 2021, month: 1, day: 3), period: .week), period: .week) == "2020-W53")
        #expect(UserLifecycle.label(index: UserLifecycle.index(day: CivilDate.days(year: 2024, month: 12, day: 30), period: .week), period: .week) == "2025-W01")
        let quarters = try UserLifecycle.read(userColumn: "gebruiker", dateColumn: "datum", period: .quarter, source: "log.csv", records: records(Self.log))
        // Q1: anna, bob, carla, dirk (4 new); Q2: bob (returning), erik (new); anna, carla, dirk lapsed.
        #expect(quarters.rows == [
            .init(period: "2024-K1", active: 4, new: 4, returning: 0, lapsed: nil, previousActive: nil),
            .init(period: "2024-K2", active: 2, new: 1, returning: 1, lapsed: 3, previousActive: 4),
        ])
        #expect(CivilDate.date(days: CivilDate.days(year: 2000, month: 2, day: 29)) == (2000, 2, 29))
        #expect(CalendarDay.read("2023-02-29") == nil)
        #expect(CivilDate.days(year: 1970, month: 1, day: 1) == 0)
    }

    @Test func aBadLogRowIsNamed() {
        let error = roiError {
            _ = try UserLifecycle.read(userColumn: "gebruiker", dateColumn: "datum", period: .month, source: "log.csv",
                                       records: records("gebruiker;datum\nanna;2024-01-03\nbob;gisteren\n"))
        }
        #expect(error?.description == "log.csv, row 3, column \"datum\": expected a date such as 2024-03-15 or 15-03-2024, found `gisteren`")
        let missing = roiError {
            _ = try UserLifecycle.read(userColumn: "user", dateColumn: "datum", period: .month, source: "log.csv", records: records(Self.log))
        }
        #expect(missing?.description == "log.csv, row 1: no column \"user\" in the header row; expected one of `gebruiker`, `datum`")
    }

    @Test func countsAreReadTheDutchWayAndBounded() {
        #expect(Count.parse("12.000") == 12_000)
        #expect(Count.parse("1 200") == 1_200)
        #expect(Count.parse("9223372036854775807") == nil)
        #expect(Count.parse("2,5") == nil)
        #expect(Count.parse("-1") == nil)
        #expect(Count.parse("15 %") == nil)
        #expect(Count.sum([Count.maximum, 1]) == nil)
        // Three counts at the maximum cannot overflow when NPS adds them.
        #expect(roiError { _ = try KPI.netPromoterScore(promoters: Int.max, passives: 1, detractors: 1) }?.source == "--promoters")
    }

    @Test func theReportShowsTheNewKPIs() throws {
        var request = KPIRequest()
        request.interactions = 450
        request.fans = 12_000
        request.aConverted = 50
        request.aReached = 1000
        request.bConverted = 70
        request.bReached = 1000
        request.lifecycle = try UserLifecycle.read(userColumn: "gebruiker", dateColumn: "datum", period: .month, source: "log.csv", records: records(Self.log))
        let results = try KPIReport.evaluate(request)
        #expect(results.map(\.key) == ["ipm", "ab_test", "user_lifecycle"])
        #expect(results[1].shown == "+2.0 pp (95.0% interval -0.1 pp to +4.1 pp), not significant at 95.0% (p = 0.0597)")
        let text = KPIReport.text(results)
        #expect(text.contains("2024-03       0    0          0       3       0.0%\n2024-04       2    1          1       0          –"))
        #expect(KPIReport.json(results).text.contains("\"period\": \"2024-02\""))
        request.confidence = 0.9
        #expect(try KPIReport.evaluate(request)[1].shown.hasSuffix("), significant at 90.0% (p = 0.0597)"))
        var lone = KPIRequest()
        lone.aConverted = 1
        lone.aReached = 2
        #expect(roiError { _ = try KPIReport.evaluate(lone) }?.source == "--b-converted")
    }
}
