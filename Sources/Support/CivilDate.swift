/// Calendar arithmetic without Foundation's calendars (no locale, no zone): days since
/// 1970-01-01 ↔ year, month, day in the proleptic Gregorian calendar. One place for the
/// table readers' dates (XLSX serials, SPSS seconds), webcare periods and the ROI's KPI records.
public enum CivilDate {
    /// Days since 1970-01-01 of a date (H. Hinnant's algorithm).
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date of a day counted from 1970-01-01 (inverse of `days`).
    public static func date(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The days of `month` (1–12) in `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The weekday of a day, 0 = Monday to 6 = Sunday (1970-01-01 was a Thursday, 3).
    public static func weekday(days: Int) -> Int {
        (days + 3) - (days + 3).floorDivided(by: 7) * 7
    }

    /// The ISO 8601 week of a day: the week-numbering year (the year of the week's Thursday) and
    /// the week, 1–53. Weeks start on Monday; 1970-01-01 was a Thursday.
    public static func isoWeek(days: Int) -> (year: Int, week: Int) {
        let thursday = days - weekday(days: days) + 3
        let year = date(days: thursday).year
        return (year, (thursday - Self.days(year: year, month: 1, day: 1)) / 7 + 1)
    }

    /// `2012-05-14T09:31:00` for a moment given as seconds since 1970-01-01 (no zone), or `nil`
    /// outside the years 1–9999.
    public static func iso8601(secondsSince1970 seconds: Int) -> String? {
        let days = seconds.floorDivided(by: 86_400)
        let time = seconds - days * 86_400
        let date = date(days: days)
        guard (1...9999).contains(date.year) else { return nil }
        return pad(date.year, 4) + "-" + pad(date.month, 2) + "-" + pad(date.day, 2) + "T" + clock(time)
    }

    /// `09:31:00` for seconds since midnight.
    public static func clock(_ seconds: Int) -> String {
        pad(seconds / 3600, 2) + ":" + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
