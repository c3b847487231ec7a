import Foundation
import Support
import Testing

/// Days since 1970-01-01 ↔ dates, against Foundation's Gregorian calendar (UTC) as the oracle.
@Suite struct CivilDateTests {
    @Test func agreesWithFoundationsCalendarFrom1600To2400() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let first = CivilDate.days(year: 1600, month: 1, day: 1), last = CivilDate.days(year: 2400, month: 12, day: 31)
        for day in stride(from: first, through: last, by: 7) {
            let date = Date(timeIntervalSince1970: TimeInterval(day) * 86_400)
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let civil = CivilDate.date(days: day)
            #expect(civil.year == parts.year && civil.month == parts.month && civil.day == parts.day, "day \(day)")
            #expect(CivilDate.days(year: civil.year, month: civil.month, day: civil.day) == day)
            #expect(CivilDate.daysIn(month: civil.month, year: civil.year)
                    == calendar.range(of: .day, in: .month, for: date)?.count, "day \(day)")
        }
        #expect(CivilDate.days(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilDate.date(days: -1) == (1969, 12, 31))
        #expect(CivilDate.isoWeek(days: CivilDate.days(year: 2021, month: 1, day: 3)) == (2020, 53))
        #expect(CivilDate.isoWeek(days: CivilDate.days(year: 2024, month: 12, day: 30)) == (2025, 1))
        #expect(CivilDate.iso8601(secondsSince1970: -1) == "1969-12-31T23:59:59")
        #expect(CivilDate.clock(34_260) == "09:31:00")
    }

    /// ISO weeks against Foundation's ISO 8601 calendar, every day from 1960 to 2040.
    @Test func isoWeeksAgreeWithFoundation() throws {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        for day in CivilDate.days(year: 1960, month: 1, day: 1)...CivilDate.days(year: 2040, month: 12, day: 31) {
            let date = Date(timeIntervalSince1970: TimeInterval(day) * 86_400)
            let parts = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
            let week = CivilDate.isoWeek(days: day)
            #expect(CivilDate.weekday(days: day) == (calendar.component(.weekday, from: date) + 5) % 7, "day \(day)")
            #expect(week.year == parts.yearForWeekOfYear && week.week == parts.weekOfYear, "day \(day)")
        }
    }

    @Test func floorDivisionRoundsDown() {
        #expect((-1).floorDivided(by: 86_400) == -1)
        #expect((-86_400).floorDivided(by: 86_400) == -1)
        #expect((-86_401).floorDivided(by: 86_400) == -2)
        #expect(86_399.floorDivided(by: 86_400) == 0)
        #expect(7.floorDivided(by: -2) == -4)
        for value in -50...50 {
            for divisor in [-7, -3, 1, 4, 12] {
                #expect(value.floorDivided(by: divisor) == Int((Double(value) / Double(divisor)).rounded(.down)), "\(value) / \(divisor)")
            }
        }
    }
}
