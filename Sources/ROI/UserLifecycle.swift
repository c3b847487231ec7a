import Support

/// User lifecycle: people come, take part, come back, and drift away. Per period (month, ISO week
/// or quarter), from a log of who was active when:
///
/// - **active**: distinct users with activity in the period;
/// - **new**: active users whose first activity in the log falls in the period;
/// - **returning**: active users seen in an earlier period (active = new + returning);
/// - **lapsed**: users active in the previous period but not in this one;
/// - **retention**: the share of the previous period's active users active again
///   ((active_prev − lapsed) / active_prev).
///
/// The first period has no previous one: its lapsed and retention are not defined (nil).
public struct UserLifecycle: Sendable, Equatable {
    public enum Period: String, Sendable, CaseIterable {
        case week, month, quarter
    }

    public struct Row: Sendable, Equatable {
        /// `2024-03`, `2024-W11` (ISO 8601 week), `2024-K1` (kwartaal).
        public var period: String
        public var active: Int
        public var new: Int
        public var returning: Int
        /// nil in the first period.
        public var lapsed: Int?
        /// nil in the first period, or when the previous period had no active users.
        public var retention: Double? {
            guard let lapsed, let previous = previousActive, previous > 0 else { return nil }
            return Double(previous - lapsed) / Double(previous)
        }
        public var previousActive: Int?
    }

    public var period: Period
    /// Every period from the first activity to the last, empty ones included.
    public var rows: [Row]
    /// Log rows read, and distinct users in them.
    public var records: Int
    public var users: Int

    /// Counts a log: `activity` is each record's user and day (as days since 1970-01-01).
    public init(period: Period, activity: [(user: String, day: Int)]) {
        self.period = period
        self.records = activity.count
        var byPeriod: [Int: Set<String>] = [:]
        for (user, day) in activity { byPeriod[Self.index(day: day, period: period), default: []].insert(user) }
        var rows: [Row] = []
        var seen: Set<String> = []
        if let first = byPeriod.keys.min(), let last = byPeriod.keys.max() {
            var previous: Set<String>?
            for index in first...last {
                let active = byPeriod[index] ?? []
                let new = active.subtracting(seen).count
                rows.append(Row(period: Self.label(index: index, period: period), active: active.count, new: new,
                                returning: active.count - new, lapsed: previous.map { $0.subtracting(active).count },
                                previousActive: previous?.count))
                seen.formUnion(active)
                previous = active
            }
        }
        self.rows = rows
        self.users = seen.count
    }

    /// Reads the log from CSV records (header first): who (`userColumn`) was active on which day
    /// (`dateColumn`: `2024-03-15`, `15-03-2024` or `15/03/2024`, optionally followed by a time).
    /// User names stay inside: only counts come out.
    public static func read(userColumn: String, dateColumn: String, period: Period, source: String,
                            records: RecordSource) throws -> UserLifecycle {
        var columns = RecordColumns(source: source, names: [userColumn, dateColumn])
        var activity: [(user: String, day: Int)] = []
        try records { row, fields in
            guard let cells = try columns.cells(row: row, fields: fields) else { return }
            let user = cells[0].trimmingCharacters(in: .whitespaces)
            guard !user.isEmpty else {
                throw ROIError(source: source, row: row, field: "column \"\(userColumn)\"", message: "is empty; expected who was active (a user name or id)")
            }
            guard let day = CalendarDay.read(cells[1]) else {
                throw ROIError(source: source, row: row, field: "column \"\(dateColumn)\"",
                               message: "expected a date such as 2024-03-15 or 15-03-2024, found `\(cells[1])`")
            }
            activity.append((user, day))
        }
        try columns.finish()
        guard !activity.isEmpty else {
            throw ROIError(source: source, message: "holds no activity; expected a row per user and date below the header")
        }
        return UserLifecycle(period: period, activity: activity)
    }

    /// Consecutive periods get consecutive indices.
    static func index(day: Int, period: Period) -> Int {
        switch period {
        case .month:
            let (year, month, _) = CivilDate.date(days: day)
            return year * 12 + (month - 1)
        case .quarter:
            let (year, month, _) = CivilDate.date(days: day)
            return year * 4 + (month - 1) / 3
        case .week:
            // Weeks start on Monday; 1970-01-01 was a Thursday (weekday 3 counting Monday as 0).
            return (day + 3).floorDivided(by: 7)
        }
    }

    static func label(index: Int, period: Period) -> String {
        func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
        switch period {
        case .month: return "\(index.floorDivided(by: 12))-\(two(index - index.floorDivided(by: 12) * 12 + 1))"
        case .quarter: return "\(index.floorDivided(by: 4))-K\(index - index.floorDivided(by: 4) * 4 + 1)"
        case .week:
            let (year, week) = CivilDate.isoWeek(days: index * 7)  // the week's Thursday
            return "\(year)-W\(two(week))"
        }
    }
}

/// Lifecycle from counts, when there is no log: the previous period's active users, and this
/// period's new, returning and lapsed users.
public struct LifecycleCounts: Sendable, Equatable {
    public var previous: Int
    public var new: Int
    public var returning: Int
    public var lapsed: Int

    public var active: Int { new + returning }
    /// Active in both periods.
    public var retained: Int { previous - lapsed }
    /// Returning users who were not active in the previous period (they came back).
    public var reactivated: Int { returning - retained }
    public var retention: Double { Double(retained) / Double(previous) }
    public var growth: Double { Double(active - previous) / Double(previous) }

    public init(previous: Int, new: Int, returning: Int, lapsed: Int) throws {
        for (value, option) in [(previous, "--lifecycle-previous"), (new, "--lifecycle-new"), (returning, "--lifecycle-returning"), (lapsed, "--lifecycle-lapsed")] {
            try KPI.nonNegative(value, option)
        }
        try KPI.positive(previous, "--lifecycle-previous")
        guard lapsed <= previous else {
            throw ROIError(source: "--lifecycle-lapsed", message: "\(lapsed) users lapsed, but only \(previous) were active in the previous period")
        }
        guard previous - lapsed <= returning else {
            throw ROIError(source: "--lifecycle-returning",
                           message: "\(returning) returning users, but \(previous - lapsed) stayed from the previous period (previous − lapsed) and all of them return; expected at least \(previous - lapsed)")
        }
        self.previous = previous
        self.new = new
        self.returning = returning
        self.lapsed = lapsed
    }
}

/// Days as integers, without a calendar library or time zone: the proleptic Gregorian calendar.
enum CalendarDay {
    /// `2024-03-15`, `15-03-2024`, `15/03/2024`, `15-3-2024`, each optionally followed by a time
    /// (`T14:03`, ` 14:03:00`); nil when it is not a real date.
    static func read(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let date = trimmed.prefix { $0 != " " && $0 != "T" }
        let separator: Character = date.contains("/") ? "/" : "-"
        let parts = date.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        let (year, month, day) = parts[0].count == 4 ? (a, b, c) : parts[2].count == 4 ? (c, b, a) : (0, 0, 0)
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        return CivilDate.days(year: year, month: month, day: day)
    }
}
