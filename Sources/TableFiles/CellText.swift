/// Text from a file as a message shows it: control characters written visibly (`\u{1B}`), so a
/// name in a file cannot move the cursor or hide itself.
func visible(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
        if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
            result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        } else {
            result.unicodeScalars.append(scalar)
        }
    }
    return result
}

/// How typed values (XLSX numbers and dates, SPSS numbers and dates) become cell text.
enum CellText {
    /// A number as Dutch Excel shows it with the General format, without thousands separators:
    /// `1212`, `4,5`, `-0,25`, `0,000015`. A decimal comma keeps `1.212` (a number just over one)
    /// from reading back as 1212 under the Dutch reading of a dot followed by three digits.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "" : (value < 0 ? "-∞" : "∞") }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        // The shortest text that reads back to the same double, exponent written out.
        let text = "\(value)"
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(text[text.index(after: e)...]) else {
            return text.replacingOccurrences(of: ".", with: ",")
        }
        var mantissa = String(text[..<e])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = whole + fraction
        var point = whole.count + exponent      // position of the decimal point in `digits`
        if point <= 0 {
            digits = String(repeating: "0", count: 1 - point) + digits
            point = 1
        } else if point > digits.count {
            digits += String(repeating: "0", count: point - digits.count)
        }
        var result = String(digits.prefix(point))
        var rest = String(digits.dropFirst(point))
        while rest.hasSuffix("0") { rest.removeLast() }
        if !rest.isEmpty { result += "," + rest }
        return (negative ? "-" : "") + result
    }

    /// A percentage as a cell formatted `0%` shows it: `25%`, `12,5%`.
    static func percentage(_ value: Double) -> String {
        // ×100 in decimal: 0.145 * 100 is 14.499999999999998 in binary.
        let scaled = (value * 100 * 1e9).rounded() / 1e9
        return number(scaled) + "%"
    }
}

/// Calendar arithmetic without Foundation's calendars (no locale, no zone): days since
/// 1970-01-01 ↔ year, month, day in the proleptic Gregorian calendar.
enum CivilDate {
    /// Days since 1970-01-01 of a date (H. Hinnant's algorithm).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func date(days: Int) -> (year: Int, month: Int, day: Int) {
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

    /// `2012-05-14T09:31:00` for a moment given as seconds since 1970-01-01 (no zone), or `nil`
    /// outside the years 1–9999.
    static func iso8601(secondsSince1970 seconds: Int) -> String? {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let time = seconds - days * 86_400
        let date = date(days: days)
        guard (1...9999).contains(date.year) else { return nil }
        return pad(date.year, 4) + "-" + pad(date.month, 2) + "-" + pad(date.day, 2) + "T" + clock(time)
    }

    /// `09:31:00` for seconds since midnight.
    static func clock(_ seconds: Int) -> String {
        pad(seconds / 3600, 2) + ":" + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
