import Foundation
import Support
import TableFiles
import Testing
@testable import Webcare

func days(_ year: Int, _ month: Int, _ day: Int) -> Int { CivilDate.days(year: year, month: month, day: day) }
func local(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Int {
    days(year, month, day) * 86_400 + hour * 3_600 + minute * 60
}

@Suite struct ZoneClockTests {
    @Test func amsterdamInWinterAndSummer() throws {
        var clock = try #require(ZoneClock(.named("Europe/Amsterdam")))
        #expect(clock.utc(fromLocal: local(2025, 1, 15, 12)) == local(2025, 1, 15, 11))
        #expect(clock.utc(fromLocal: local(2025, 7, 15, 12)) == local(2025, 7, 15, 10))
        #expect(clock.local(fromUTC: local(2025, 7, 15, 10)) == local(2025, 7, 15, 12))
    }

    /// The clocks go forward at 02:00 on 30 March 2025 and back at 03:00 on 26 October 2025.
    @Test func aroundTheChanges() throws {
        var clock = try #require(ZoneClock(.named("Europe/Amsterdam")))
        // 23:00 CET and 04:00 CEST are four hours apart, not five.
        #expect(clock.utc(fromLocal: local(2025, 3, 30, 4)) - clock.utc(fromLocal: local(2025, 3, 29, 23)) == 4 * 3_600)
        // 02:30 does not exist in spring: read with the offset from before (CET), i.e. 01:30 UTC.
        #expect(clock.utc(fromLocal: local(2025, 3, 30, 2, 30)) == local(2025, 3, 30, 1, 30))
        // 02:30 happens twice in autumn: the first, summer time (00:30 UTC), whatever came before.
        #expect(clock.utc(fromLocal: local(2025, 10, 26, 2, 30)) == local(2025, 10, 26, 0, 30))
        _ = clock.utc(fromLocal: local(2025, 12, 1, 12))
        #expect(clock.utc(fromLocal: local(2025, 10, 26, 2, 30)) == local(2025, 10, 26, 0, 30))
        // 03:30 after the change is winter time again.
        #expect(clock.utc(fromLocal: local(2025, 10, 26, 3, 30)) == local(2025, 10, 26, 2, 30))
    }

    @Test func fixedOffsets() throws {
        var clock = try #require(ZoneClock(.fixed(3_600)))
        #expect(clock.utc(fromLocal: local(2025, 7, 1, 12)) == local(2025, 7, 1, 11))
        #expect(ZoneClock.Zone.fixed(-5_400).description == "UTC-01:30")
        #expect(ZoneClock(.named("Europe/Nowhere")) == nil)
    }

    @Test func timesWithAnOffsetAreConvertedToTheTeamsClock() throws {
        let pattern = try TimestampPattern("yyyy-MM-dd'T'HH:mm:ss[.S]XXX")
        let components = try #require(pattern.components("2025-07-01T10:00:00.123Z"))
        #expect(components.offsetSeconds == 0)
        var clock = try #require(ZoneClock(.named("Europe/Amsterdam")))
        #expect(clock.local(fromUTC: components.wallClockSeconds) == local(2025, 7, 1, 12))
        #expect(pattern.components("2025-07-01T10:00:00+02:00")?.offsetSeconds == 7_200)
        #expect(pattern.components("2025-07-01T10:00:00−01:30")?.offsetSeconds == -5_400)
        #expect(pattern.components("2025-07-01T10:00:00+0200") == nil)
        #expect(try TimestampPattern("yyyy-MM-dd HH:mmxx").components("2025-07-01 10:00+0130")?.offsetSeconds == 5_400)
        #expect(try TimestampPattern("yyyy-MM-dd HH:mmxx").components("2025-07-01 10:00Z") == nil)
    }
}

@Suite struct OfficeHoursTests {
    let hours = OfficeHours(intervals: (0..<7).map { $0 < 5 ? [32_400..<43_200, 46_800..<61_200] : [] })  // 9–12, 13–17

    @Test func businessTimeSkipsNightsLunchAndWeekends() {
        // Friday 16:30 → Monday 09:30: half an hour on Friday, half an hour on Monday.
        #expect(hours.businessSeconds(from: local(2025, 3, 7, 16, 30), to: local(2025, 3, 10, 9, 30)) == 3_600)
        // 11:30 → 13:30 across lunch: one hour.
        #expect(hours.businessSeconds(from: local(2025, 3, 10, 11, 30), to: local(2025, 3, 10, 13, 30)) == 3_600)
        // Saturday to Sunday: nothing.
        #expect(hours.businessSeconds(from: local(2025, 3, 8, 10), to: local(2025, 3, 9, 15)) == 0)
        #expect(hours.businessSeconds(from: local(2025, 3, 10, 10), to: local(2025, 3, 10, 9)) == 0)
        #expect(hours.secondsPerWeek == 5 * 7 * 3_600)
    }

    @Test func holidaysHaveNoOfficeHours() {
        var closed = hours
        closed.closedDays = Set(OfficeHours.dutchHolidays(year: 2025))
        // Thursday 29 May 2025 is Hemelvaartsdag: Wednesday 16:00 → Friday 10:00 is 1 + 1 hours.
        #expect(closed.businessSeconds(from: local(2025, 5, 28, 16), to: local(2025, 5, 30, 10)) == 7_200)
        #expect(hours.businessSeconds(from: local(2025, 5, 28, 16), to: local(2025, 5, 30, 10)) == 7_200 + 7 * 3_600)
    }

    @Test func dutchPublicHolidays() {
        #expect(OfficeHours.easterSunday(year: 2025) == days(2025, 4, 20))
        #expect(OfficeHours.easterSunday(year: 2024) == days(2024, 3, 31))
        #expect(OfficeHours.dutchHolidays(year: 2025) == [days(2025, 1, 1), days(2025, 4, 20), days(2025, 4, 21), days(2025, 4, 26),
                                                          days(2025, 5, 5), days(2025, 5, 29), days(2025, 6, 8), days(2025, 6, 9),
                                                          days(2025, 12, 25), days(2025, 12, 26)])
        // Koningsdag on Monday 27 April 2026; no Bevrijdingsdag outside lustrum years.
        #expect(OfficeHours.dutchHolidays(year: 2026).contains(days(2026, 4, 27)))
        #expect(!OfficeHours.dutchHolidays(year: 2026).contains(days(2026, 5, 5)))
    }
}

@Suite struct PeriodTests {
    @Test func isoWeeksMonthsAndQuarters() {
        // 29 December 2025 is the Monday of ISO week 1 of 2026.
        #expect(PeriodKind.week.identifier(PeriodKind.week.key(ofDay: days(2025, 12, 31))) == "2026-W01")
        #expect(PeriodKind.week.identifier(PeriodKind.week.key(ofDay: days(2025, 1, 1))) == "2025-W01")
        #expect(PeriodKind.week.identifier(PeriodKind.week.key(ofDay: days(2021, 1, 3))) == "2020-W53")
        #expect(PeriodKind.month.identifier(PeriodKind.month.key(ofDay: days(2025, 3, 31))) == "2025-03")
        #expect(PeriodKind.quarter.identifier(PeriodKind.quarter.key(ofDay: days(2025, 4, 1))) == "2025-Q2")
        #expect(PeriodKind.month.dutchLabel(2025 * 12 + 2) == "maart 2025")
        #expect(PeriodKind.quarter.dutchLabel(2025 * 4 + 3) == "4e kwartaal 2025")
        #expect(PeriodKind.week.keys(from: days(2025, 1, 6), through: days(2025, 1, 20)).count == 3)
    }

    @Test func nearestRankQuantilesOfWholeMinutes() {
        var histogram = MinuteHistogram()
        for seconds in [59, 61, 600, 601, 3_600] { histogram.add(seconds: seconds) }
        #expect(histogram.percentile(50) == 10)   // 0, 1, 10, 10, 60: the third
        #expect(histogram.percentile(90) == 60)   // the fifth
        #expect(histogram.percentile(20) == 0)
        #expect(MinuteHistogram().percentile(50) == nil)
    }
}
