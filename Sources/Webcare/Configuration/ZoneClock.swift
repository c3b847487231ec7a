import Foundation
import TableFiles
import Support

/// Converts between local wall-clock time in the team's time zone and UTC, both as seconds since
/// 1970-01-01 00:00. Clock durations (a first response after the clocks went forward) are taken
/// in UTC; office hours are applied to local time.
///
/// A local time in the hour the clocks go back is read as the first of the two (summer time); a
/// local time in the hour skipped in spring is read with the offset from before the change.
/// The zone's rules come from the system's time-zone database (Debian `tzdata`), tabled once
/// (every change from 1970 to 2100), so a log in time order costs a comparison per row.
public struct ZoneClock: Sendable {
    public enum Zone: Sendable, Hashable, CustomStringConvertible {
        /// An IANA name such as `Europe/Amsterdam`.
        case named(String)
        /// A fixed offset from UTC in seconds (`UTC`, `+01:00`).
        case fixed(Int)

        public var description: String {
            switch self {
            case .named(let name): return name
            case .fixed(0): return "UTC"
            case .fixed(let seconds):
                let sign = seconds < 0 ? "-" : "+"
                let minutes = abs(seconds) / 60
                return "UTC\(sign)\(minutes / 60 < 10 ? "0" : "")\(minutes / 60):\(minutes % 60 < 10 ? "0" : "")\(minutes % 60)"
            }
        }
    }

    public let zone: Zone
    /// UTC moments at which an offset starts (the first is `Int.min`), and the offsets.
    private let starts: [Int]
    private let offsets: [Int]
    /// The segment of the last look-up: a log in time order stays in it.
    private var last = 0

    /// The years the offsets are tabled for; outside them the nearest offset holds.
    static let tabledYears = 1970...2100

    /// nil when the system does not know the named zone.
    public init?(_ zone: Zone) {
        self.zone = zone
        switch zone {
        case .fixed(let seconds):
            starts = [Int.min]
            offsets = [seconds]
        case .named(let name):
            guard let timeZone = TimeZone(identifier: name) else { return nil }
            var date = Date(timeIntervalSince1970: 0)
            var starts = [Int.min], offsets = [timeZone.secondsFromGMT(for: date)]
            let end = Date(timeIntervalSince1970: TimeInterval(CivilDate.days(year: Self.tabledYears.upperBound, month: 12, day: 31)) * 86_400)
            while let next = timeZone.nextDaylightSavingTimeTransition(after: date), next < end, next > date {
                let offset = timeZone.secondsFromGMT(for: next)
                if offset != offsets.last {
                    starts.append(Int(next.timeIntervalSince1970))
                    offsets.append(offset)
                }
                date = next
            }
            self.starts = starts
            self.offsets = offsets
        }
    }

    /// The segment holding a UTC moment.
    private mutating func segment(_ moment: Int) -> Int {
        if moment >= starts[last] && (last + 1 == starts.count || moment < starts[last + 1]) { return last }
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= moment { low = middle } else { high = middle - 1 }
        }
        last = low
        return low
    }

    /// The zone's offset from UTC at a UTC moment, in seconds.
    public mutating func offset(atUTC moment: Int) -> Int { offsets[segment(moment)] }

    /// Local wall-clock seconds of a UTC moment.
    public mutating func local(fromUTC moment: Int) -> Int { moment + offset(atUTC: moment) }

    /// The UTC moment of a local wall-clock time: of the segments around it, the earliest moment
    /// whose offset gives this local time; in a gap (the hour skipped in spring), the offset from
    /// before the change.
    public mutating func utc(fromLocal local: Int) -> Int {
        let around = segment(local - offsets[segment(local)])
        let candidates = max(around - 1, 0)...min(around + 1, starts.count - 1)
        var earliest: Int?
        for index in candidates {
            let moment = local - offsets[index]
            if segment(moment) == index { earliest = min(earliest ?? moment, moment) }
        }
        if let earliest { return earliest }
        for index in candidates where index + 1 < starts.count {
            let change = starts[index + 1]
            if local - offsets[index] >= change && local - offsets[index + 1] < change { return local - offsets[index] }
        }
        return local - offsets[around]
    }
}
