import TableFiles
import Support

/// When the webcare team works: opening intervals per weekday, and days without office hours
/// (holidays). Times are local wall-clock times in the mapping's time zone; "business time"
/// between two moments is the time within these hours.
public struct OfficeHours: Sendable, Hashable {
    /// Per ISO weekday (index 0 = Monday … 6 = Sunday): opening intervals in seconds after
    /// midnight, sorted, not overlapping.
    public var intervals: [[Range<Int>]]
    /// Days (counted from 1970-01-01) without office hours.
    public var closedDays: Set<Int>
    /// Whether the Dutch public holidays were added (for the report's description).
    public var dutchHolidays: Bool

    public init(intervals: [[Range<Int>]], closedDays: Set<Int> = [], dutchHolidays: Bool = false) {
        self.intervals = intervals
        self.closedDays = closedDays
        self.dutchHolidays = dutchHolidays
    }

    /// Monday to Friday 09:00–17:00, no holidays.
    public static let weekdaysNineToFive = OfficeHours(intervals: (0..<7).map { $0 < 5 ? [32_400..<61_200] : [] })

    /// Office-hours seconds between two local wall-clock moments (seconds since 1970-01-01
    /// 00:00 local); 0 when `end` is not after `start`.
    public func businessSeconds(from start: Int, to end: Int) -> Int {
        guard end > start else { return 0 }
        let firstDay = start.floorDivided(by: 86_400), lastDay = end.floorDivided(by: 86_400)
        var total = 0
        var day = firstDay
        while day <= lastDay {
            defer { day += 1 }
            if closedDays.contains(day) { continue }
            let dayStart = day * 86_400
            for interval in intervals[CivilDate.weekday(days: day)] {
                let from = max(start, dayStart + interval.lowerBound)
                let to = min(end, dayStart + interval.upperBound)
                if to > from { total += to - from }
            }
        }
        return total
    }

    /// Office-hours seconds in one week without holidays (to describe the hours).
    public var secondsPerWeek: Int { intervals.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } } }

    /// The Dutch public holidays of `year` on which offices close: Nieuwjaarsdag, Goede Vrijdag is
    /// not one; Eerste en Tweede Paasdag, Koningsdag (27 April, 26 when the 27th is a Sunday),
    /// Bevrijdingsdag in lustrum years (every fifth year, as most government offices do),
    /// Hemelvaartsdag, Eerste en Tweede Pinksterdag, Eerste en Tweede Kerstdag. Days since 1970.
    public static func dutchHolidays(year: Int) -> [Int] {
        func day(_ month: Int, _ day: Int) -> Int { CivilDate.days(year: year, month: month, day: day) }
        let easter = easterSunday(year: year)
        var days = [day(1, 1), easter, easter + 1, easter + 39, easter + 49, easter + 50, day(12, 25), day(12, 26)]
        let kingsDay = day(4, 27)
        days.append(CivilDate.weekday(days: kingsDay) == 6 ? kingsDay - 1 : kingsDay)
        if year % 5 == 0 { days.append(day(5, 5)) }
        return days.sorted()
    }

    /// Easter Sunday of `year` (Gregorian calendar, the anonymous "Meeus/Jones/Butcher" rule).
    public static func easterSunday(year: Int) -> Int {
        let a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31, dayOfMonth = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate.days(year: year, month: month, day: dayOfMonth)
    }
}
