import Foundation
import TableFiles

/// A webcare log's mapping file: which column of the tool's export holds what, what its labels
/// mean, the office hours and time zone the team works in. Written by hand, like a survey year's
/// mapping.yaml; the format is in Sources/Webcare/Webcare.docc/Webcare.md.
public struct LogMapping: Sendable {
    /// `nil` = detect.
    public var encoding: TextEncoding?
    /// `nil` = detect.
    public var delimiter: CSVDelimiter?
    /// XLSX: the sheet to read; `nil` reads the first.
    public var sheet: String?
    public var columns: Columns
    public var clock: ZoneClock.Zone
    /// The office hours of every organisation without hours of its own.
    public var officeHours: OfficeHours
    /// Office hours per organisation (a log of several teams), by the organisation's name.
    public var organisationOfficeHours: [String: OfficeHours] = [:]
    /// A message more than this long after its conversation's previous one opens a new
    /// conversation under the same id; rows this much older than the newest row are out of order.
    public var conversationTimeout: Int
    public var topics: TopicSettings
    /// Columns deliberately not read.
    public var ignored: [String]
    /// The log is made-up demo data: the HTML report says so on top.
    public var synthetic: Bool

    public struct Columns: Sendable {
        public var conversation: String
        /// Optional: a message id, to reject a message exported twice.
        public var message: String?
        /// One column, or a date and a time column joined by a space.
        public var time: [String]
        public var timeFormat: TimestampPattern
        public var direction: Direction
        public var channel: LabelledColumn
        /// Channels (canonical names) that only the customer and the organisation see.
        public var privateChannels: Set<String>
        public var text: String?
        public var status: LabelledColumn?
        /// Read, never shown: its words are kept out of the topics.
        public var author: String?
        public var organisation: Organisation
    }

    /// How a row says who wrote it.
    public enum Direction: Sendable {
        /// A column whose labels mean `in` (the customer), `out` (the organisation) or `skip`
        /// (a row that is no message: an internal note, a status change).
        case labels(column: String, LabelTable)
        /// The author column: the organisation's own accounts are `out`, everyone else `in`.
        case authors(column: String, organisation: Set<String>)
    }

    public enum Organisation: Sendable {
        case column(String)
        case name(String)
    }

    /// A column whose cells are labels from a fixed list; `labels` nil takes the cell as it is.
    public struct LabelledColumn: Sendable {
        public var column: String
        public var labels: LabelTable?
    }

    public struct TopicSettings: Sendable {
        /// A term is a topic only when this many conversations in the period use it: no single
        /// customer's street or surname becomes a topic.
        public var minimumConversations: Int
        /// How many times more often than expected from the previous period.
        public var minimumRise: Double
        /// Topics listed per period.
        public var count: Int
    }

    /// How TableFiles opens the log (encoding, delimiter, sheet).
    public var tableOptions: TableFile.Options {
        TableFile.Options(csv: .init(encoding: encoding, delimiter: delimiter), sheet: sheet)
    }

    /// The office hours of an organisation.
    public func officeHours(of organisation: String) -> OfficeHours {
        organisationOfficeHours[organisation] ?? officeHours
    }

    /// Every column the mapping reads.
    public var readColumns: [String] {
        var result = [columns.conversation] + columns.time
        if let message = columns.message { result.append(message) }
        switch columns.direction {
        case .labels(let column, _), .authors(let column, _): result.append(column)
        }
        result.append(columns.channel.column)
        if let text = columns.text { result.append(text) }
        if let status = columns.status { result.append(status.column) }
        if let author = columns.author { result.append(author) }
        if case .column(let column) = columns.organisation { result.append(column) }
        var seen: Set<String> = []
        return result.filter { seen.insert($0).inserted }
    }
}

/// Labels as exported and what they stand for, compared ignoring case and surrounding spaces.
public struct LabelTable: Sendable {
    private var values: [String: String] = [:]
    /// The labels exactly as the mapping writes them: most cells are one of these.
    private var exact: [String: String] = [:]
    /// The labels in file order, for messages.
    public private(set) var labels: [String] = []

    public init() {}

    public static func key(_ label: String) -> String {
        label.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// Adds a label; false when it is there already.
    mutating func add(_ label: String, value: String) -> Bool {
        let key = Self.key(label)
        guard values[key] == nil else { return false }
        values[key] = value
        exact[label] = value
        labels.append(label)
        return true
    }

    public func value(for cell: String) -> String? { exact[cell] ?? values[Self.key(cell)] }

    public var allValues: Set<String> { Set(values.values) }
}
