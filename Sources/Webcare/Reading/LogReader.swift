import Foundation
import Support
import TableFiles

/// One message of the log, as the analysis sees it.
public struct LogMessage: Sendable {
    public enum Direction: Sendable { case inbound, outbound }
    public enum Status: String, Sendable { case open, resolved, reopened }

    /// Row in the export (header = 1), for rejects and the order of equal times.
    public var row: Int
    public var organisation: String
    public var conversation: String
    public var messageID: String?
    /// Seconds since 1970-01-01 00:00 UTC, and the same moment on the team's local wall clock.
    public var utc: Int
    public var local: Int
    public var direction: Direction
    public var channel: String
    public var status: Status?
    public var text: String?
    public var author: String?
}

/// Why a row of the log was not used. Checked in this order; the first that applies is given.
public enum RejectReason: String, Sendable, CaseIterable, Comparable {
    case raggedRow = "ragged-row"
    case missingConversation = "missing-conversation"
    case invalidTime = "invalid-time"
    case unknownDirection = "unknown-direction"
    case unknownChannel = "unknown-channel"
    case unknownStatus = "unknown-status"
    case missingOrganisation = "missing-organisation"
    /// More than the allowed disorder older than the newest row read before it.
    case outOfOrder = "out-of-order"
    /// A message id seen before in the same conversation.
    case duplicate = "duplicate"

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A row not used, with the reason and a message naming row and column; the original fields go
/// to the private rejects file.
public struct RejectedRow: Sendable {
    public var row: Int
    public var reason: RejectReason
    public var message: String
    public var fields: [String]
}

/// Reads the rows of a log export through its mapping: every row becomes a message, a skipped
/// row (a label mapped to `skip`: a note, a status change) or a rejected row with its reason.
/// The columns are found by their header names; a mapped column missing from the header stops
/// the read with the closest names.
///
/// Rows come from `LogRows`: CSV, XLSX or SPSS through `TableFiles`. A date-time cell the file
/// itself types as one (an Excel date, an SPSS date) is read as the ISO 8601 text TableFiles gives
/// it, whatever the mapping's format says.
struct LogRowEvaluator {
    let mapping: LogMapping
    let file: String
    let header: [String]
    private let index: [String: Int]
    private let timeIndexes: [Int]
    private let conversationIndex: Int
    private let messageIndex: Int?
    private let directionIndex: Int
    private let channelIndex: Int
    private let textIndex: Int?
    private let statusIndex: Int?
    private let authorIndex: Int?
    private let organisationIndex: Int?
    /// Columns neither read nor ignored (a warning).
    let unmappedColumns: [String]
    var clock: ZoneClock
    /// Whether message texts are kept (topics and the privacy audit).
    let keepText: Bool

    init(mapping: LogMapping, file: String, mappingName: String, header rawHeader: [String], keepText: Bool) throws {
        self.mapping = mapping
        self.file = file
        self.keepText = keepText
        header = rawHeader.map { $0.trimmingCharacters(in: .whitespaces) }
        var index: [String: Int] = [:]
        for (position, name) in header.enumerated() where !name.isEmpty {
            if let earlier = index[name] {
                if mapping.readColumns.contains(name) {
                    throw WebcareError(file: file, place: "row 1",
                                       problem: "column \(Suggestions.quoted(name)) appears twice in the header (columns \(earlier + 1) and \(position + 1)); expected once, as \(mappingName) reads it")
                }
                continue
            }
            index[name] = position
        }
        for column in mapping.readColumns where index[column] == nil {
            throw WebcareError(file: mappingName, problem: "column \(Suggestions.quoted(column)) is not in the header of \(file); "
                + Suggestions.hint(for: column, among: header.filter { !$0.isEmpty }, kind: "column"))
        }
        self.index = index
        let columns = mapping.columns
        timeIndexes = columns.time.map { index[$0]! }
        conversationIndex = index[columns.conversation]!
        messageIndex = columns.message.map { index[$0]! }
        switch columns.direction {
        case .labels(let column, _), .authors(let column, _): directionIndex = index[column]!
        }
        channelIndex = index[columns.channel.column]!
        textIndex = columns.text.map { index[$0]! }
        statusIndex = columns.status.map { index[$0.column]! }
        authorIndex = columns.author.map { index[$0]! }
        if case .column(let column) = columns.organisation { organisationIndex = index[column]! } else { organisationIndex = nil }
        let known = Set(mapping.readColumns + mapping.ignored)
        unmappedColumns = header.filter { !$0.isEmpty && !known.contains($0) }
        clock = ZoneClock(mapping.clock)!
    }

    enum Outcome {
        case message(LogMessage)
        case skipped
        case rejected(RejectReason, String)
    }

    /// What the row is.
    mutating func evaluate(_ record: TableRow) -> Outcome {
        let row = record.row, fields = record.cells
        guard fields.count == header.count else {
            return .rejected(.raggedRow, "\(file), row \(row): \(fields.count) fields, expected \(header.count) as in the header")
        }
        let conversation = Cell.trimmed(fields[conversationIndex])
        guard !conversation.isEmpty else {
            return .rejected(.missingConversation, "\(file), row \(row), column \"\(header[conversationIndex])\": empty; expected the conversation's id")
        }
        let timeText = timeIndexes.count == 1 ? fields[timeIndexes[0]] : timeIndexes.map { Cell.trimmed(fields[$0]) }.joined(separator: " ")
        let components: TimestampPattern.Components
        if let typed = Self.typedTime(record, timeIndexes) {
            components = typed
        } else if let written = mapping.columns.timeFormat.components(timeText) {
            components = written
        } else {
            let columns = timeIndexes.map { "\"\(header[$0])\"" }.joined(separator: " + ")
            return .rejected(.invalidTime, "\(file), row \(row), column \(columns): \"\(Self.quoted(timeText))\" is not a time written \(mapping.columns.timeFormat.text)")
        }
        let utc: Int, local: Int
        if let offset = components.offsetSeconds {
            utc = components.wallClockSeconds - offset
            local = clock.local(fromUTC: utc)
        } else {
            local = components.wallClockSeconds
            utc = clock.utc(fromLocal: local)
        }

        let directionCell = fields[directionIndex]
        let direction: LogMessage.Direction
        switch mapping.columns.direction {
        case .labels(_, let labels):
            switch labels.value(for: directionCell) {
            case "in": direction = .inbound
            case "out": direction = .outbound
            case "skip": return .skipped
            default:
                return .rejected(.unknownDirection, "\(file), row \(row), column \"\(header[directionIndex])\": \"\(Self.quoted(directionCell))\" is not a label of the mapping; expected one of \(labels.labels.map { "\"\($0)\"" }.joined(separator: ", "))")
            }
        case .authors(_, let organisation):
            direction = organisation.contains(LabelTable.key(directionCell)) ? .outbound : .inbound
        }

        let channelCell = fields[channelIndex]
        let channel: String
        if let labels = mapping.columns.channel.labels {
            guard let value = labels.value(for: channelCell) else {
                return .rejected(.unknownChannel, "\(file), row \(row), column \"\(header[channelIndex])\": \"\(Self.quoted(channelCell))\" is not a channel of the mapping; expected one of \(labels.labels.map { "\"\($0)\"" }.joined(separator: ", "))")
            }
            channel = value
        } else {
            channel = Cell.trimmed(channelCell)
            guard !channel.isEmpty else {
                return .rejected(.unknownChannel, "\(file), row \(row), column \"\(header[channelIndex])\": empty; expected the channel")
            }
        }

        var status: LogMessage.Status?
        if let statusIndex, let labels = mapping.columns.status?.labels {
            let cell = fields[statusIndex]
            if !Cell.isBlank(cell) {
                guard let value = labels.value(for: cell).flatMap(LogMessage.Status.init(rawValue:)) else {
                    return .rejected(.unknownStatus, "\(file), row \(row), column \"\(header[statusIndex])\": \"\(Self.quoted(cell))\" is not a status of the mapping; expected one of \(labels.labels.map { "\"\($0)\"" }.joined(separator: ", ")) or empty")
                }
                status = value
            }
        }

        let organisation: String
        switch mapping.columns.organisation {
        case .name(let name): organisation = name
        case .column:
            organisation = Cell.trimmed(fields[organisationIndex!])
            guard !organisation.isEmpty else {
                return .rejected(.missingOrganisation, "\(file), row \(row), column \"\(header[organisationIndex!])\": empty; expected the organisation")
            }
        }
        let message = messageIndex.map { Cell.trimmed(fields[$0]) }
        return .message(LogMessage(row: row, organisation: organisation, conversation: conversation,
                                   messageID: message?.isEmpty == false ? message : nil, utc: utc, local: local,
                                   direction: direction, channel: channel, status: status,
                                   text: keepText ? textIndex.map { fields[$0] } : nil,
                                   author: keepText ? authorIndex.map { fields[$0] } : nil))
    }

    static let isoTime = try! TimestampPattern("yyyy-MM-dd'T'HH:mm:ss")
    static let timeOfDay = try! TimestampPattern("yyyy-MM-dd'T'HH:mm[:ss]")

    /// The time of a row whose time cell the file types as a date-time (XLSX, SPSS): ISO 8601
    /// text, or a date cell and a time-of-day cell (`09:31:00`) of two columns.
    static func typedTime(_ record: TableRow, _ indexes: [Int]) -> TimestampPattern.Components? {
        guard record.type(at: indexes[0]) == .timestamp else { return nil }
        let date = record.cells[indexes[0]]
        if indexes.count == 1 { return isoTime.components(date) }
        return timeOfDay.components(String(date.prefix(10)) + "T" + Cell.trimmed(record.cells[indexes[1]]))
    }

    /// A cell quoted in a message: at most 60 characters; the caller's message is made visible
    /// (control characters escaped) and redacted before it is printed.
    static func quoted(_ cell: String) -> String {
        cell.count > 60 ? String(cell.prefix(60)) + "…" : cell
    }
}

/// Cells as read, looked at cheaply: most cells have no spaces around them, and trimming through
/// Foundation costs more than the rest of a row's work.
enum Cell {
    static func isBlank(_ cell: String) -> Bool {
        cell.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// Without spaces around it; the cell itself when it has none (no copy).
    static func trimmed(_ cell: String) -> String {
        guard let first = cell.utf8.first, let last = cell.utf8.last else { return cell }
        if first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80 { return cell }
        return cell.trimmingCharacters(in: .whitespaces)
    }
}
