import TableFiles
import Support

/// The length of a reporting period. A period is identified by a key: for weeks the day number
/// (since 1970-01-01) of its Monday (ISO weeks), for months `year × 12 + month − 1`, for quarters
/// `year × 4 + quarter − 1`. Consecutive periods have consecutive keys (weeks: 7 apart).
public enum PeriodKind: String, Sendable, CaseIterable {
    case week, month, quarter

    /// The key of the period holding a local day (days since 1970-01-01).
    public func key(ofDay day: Int) -> Int {
        switch self {
        case .week:
            return day - CivilDate.weekday(days: day)
        case .month:
            let date = CivilDate.date(days: day)
            return date.year * 12 + date.month - 1
        case .quarter:
            let date = CivilDate.date(days: day)
            return date.year * 4 + (date.month - 1) / 3
        }
    }

    /// The key after `key`.
    public func next(_ key: Int) -> Int { self == .week ? key + 7 : key + 1 }

    /// Every key from `first` to `last`, gaps included.
    public func keys(from first: Int, through last: Int) -> [Int] {
        guard first <= last else { return [] }
        return Array(stride(from: first, through: last, by: self == .week ? 7 : 1))
    }

    /// Identifier in CSV and JSON: `2025-W03` (ISO week), `2025-01`, `2025-Q1`.
    public func identifier(_ key: Int) -> String {
        switch self {
        case .week:
            let (year, week) = CivilDate.isoWeek(days: key)
            return "\(year)-W\(week < 10 ? "0" : "")\(week)"
        case .month:
            let month = key % 12 + 1
            return "\(key / 12)-\(month < 10 ? "0" : "")\(month)"
        case .quarter:
            return "\(key / 4)-Q\(key % 4 + 1)"
        }
    }

    /// As the Dutch report writes it: `week 3 2025`, `januari 2025`, `1e kwartaal 2025`.
    public func dutchLabel(_ key: Int) -> String {
        switch self {
        case .week:
            let (year, week) = CivilDate.isoWeek(days: key)
            return "week \(week) \(year)"
        case .month:
            return "\(Self.dutchMonths[key % 12]) \(key / 12)"
        case .quarter:
            return "\(key % 4 + 1)e kwartaal \(key / 4)"
        }
    }

    /// A short Dutch label for charts: `wk 3`, `jan`, `K1`; with the year: `wk 3 2025`,
    /// `jan 2025`, `K1 2025`.
    public func shortDutchLabel(_ key: Int, withYear: Bool = false) -> String {
        switch self {
        case .week:
            let (year, week) = CivilDate.isoWeek(days: key)
            return "wk \(week)" + (withYear ? " \(year)" : "")
        case .month: return Self.dutchMonthAbbreviations[key % 12] + (withYear ? " \(key / 12)" : "")
        case .quarter: return "K\(key % 4 + 1)" + (withYear ? " \(key / 4)" : "")
        }
    }

    /// The Dutch name of the period length, for headings.
    public var dutchName: String {
        switch self {
        case .week: "week"
        case .month: "maand"
        case .quarter: "kwartaal"
        }
    }

    static let dutchMonthAbbreviations = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
    static let dutchMonths = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                              "oktober", "november", "december"]
}
