import Configuration
import Foundation
import Support
import TableFiles

extension LogMapping {
    static let expected = "time_zone, columns and office_hours"

    /// Reads and checks a mapping file (through the configuration reader); `displayName` is how
    /// messages name it.
    public static func load(from url: URL, displayName: String) throws -> LogMapping {
        try parse(try ConfigFile.read(url, name: displayName, expected: expected))
    }

    public static func parse(yaml: String, displayName: String) throws -> LogMapping {
        try parse(try ConfigFile.parse(yaml, file: displayName, expected: expected))
    }

    static let directionValues = ["in", "out", "skip"]
    static let statusValues = ["open", "resolved", "reopened"]

    private static func parse(_ root: ConfigNode) throws -> LogMapping {
        let top = try root.mapping(allowed: ["synthetic", "log", "time_zone", "columns", "ignore", "office_hours", "organisations", "holidays", "conversations", "topics"])

        var encoding: TextEncoding?
        var delimiter: CSVDelimiter?
        var sheet: String?
        if let log = top.optional("log") {
            let keys = try log.mapping(allowed: ["encoding", "delimiter", "sheet"])
            sheet = try keys.optional("sheet")?.nonEmptyText()
            if let value = keys.optional("encoding") {
                switch try value.nonEmptyText().lowercased() {
                case "auto": encoding = nil
                case "utf-8", "utf8": encoding = .utf8
                case "windows-1252", "cp1252": encoding = .windows1252
                case let other: throw value.error("unknown encoding \(Suggestions.quoted(other)); expected auto, utf-8 or windows-1252")
                }
            }
            if let value = keys.optional("delimiter") {
                switch try value.text() {
                case "auto", "": delimiter = nil
                case ",": delimiter = .comma
                case ";": delimiter = .semicolon
                case let other: throw value.error("unknown delimiter \(Suggestions.quoted(other)); expected auto, \",\" or \";\"")
                }
            }
        }

        let zoneEntry = try top.required("time_zone")
        let zone = try parseZone(zoneEntry)
        guard ZoneClock(zone) != nil else {
            throw zoneEntry.error("unknown time zone \(Suggestions.quoted(zone.description)); expected a name such as Europe/Amsterdam (the system's tzdata), UTC or an offset such as +01:00")
        }

        let columns = try parseColumns(try top.required("columns"))
        let ignored = try top.optional("ignore")?.texts() ?? []

        var closedDays: Set<Int> = []
        var dutchHolidays = false
        if let holidays = top.optional("holidays") {
            let keys = try holidays.mapping(allowed: ["dutch", "dates"])
            if try keys.optional("dutch")?.bool() == true {
                dutchHolidays = true
                for year in ZoneClock.tabledYears { closedDays.formUnion(OfficeHours.dutchHolidays(year: year)) }
            }
            let datePattern = try! TimestampPattern("yyyy-MM-dd")
            for entry in try keys.optional("dates")?.list() ?? [] {
                guard let date = datePattern.components(try entry.nonEmptyText()) else {
                    throw entry.error("expected a date written yyyy-mm-dd, found \(Suggestions.quoted(try entry.nonEmptyText()))")
                }
                closedDays.insert(date.daysSince1970)
            }
        }
        let officeHours = try parseOfficeHours(try top.required("office_hours"), closedDays: closedDays, dutch: dutchHolidays)
        var organisationHours: [String: OfficeHours] = [:]
        if let organisations = top.optional("organisations") {
            for organisation in try organisations.mapping(allowed: nil).entries {
                let (name, entry) = (organisation.key, organisation.value)
                let keys = try entry.mapping(allowed: ["office_hours"])
                organisationHours[name] = try parseOfficeHours(try keys.required("office_hours"), closedDays: closedDays, dutch: dutchHolidays)
            }
        }

        var timeout = 14 * 86_400
        if let conversations = top.optional("conversations") {
            let keys = try conversations.mapping(allowed: ["timeout_days"])
            if let value = keys.optional("timeout_days") { timeout = try value.int(atLeast: 1, atMost: 365) * 86_400 }
        }
        var topics = TopicSettings(minimumConversations: 5, minimumRise: 2, count: 5)
        if let entry = top.optional("topics") {
            let keys = try entry.mapping(allowed: ["min_conversations", "min_rise", "count"])
            if let value = keys.optional("min_conversations") { topics.minimumConversations = try value.int(atLeast: 2, atMost: 1_000_000) }
            if let value = keys.optional("min_rise") {
                topics.minimumRise = try value.double()
                guard (1...1_000).contains(topics.minimumRise) else { throw value.error(expected: "a number from 1 to 1000") }
            }
            if let value = keys.optional("count") { topics.count = try value.int(atLeast: 1, atMost: 100) }
        }

        var mapping = LogMapping(encoding: encoding, delimiter: delimiter, columns: columns, clock: zone,
                                 officeHours: officeHours, conversationTimeout: timeout, topics: topics, ignored: ignored,
                                 synthetic: try top.optional("synthetic")?.bool() ?? false)
        mapping.organisationOfficeHours = organisationHours
        mapping.sheet = sheet
        for column in ignored where mapping.readColumns.contains(column) {
            throw (top.optional("ignore") ?? root).error("column \(Suggestions.quoted(column)) is both read and ignored")
        }
        return mapping
    }

    /// `monday: "08:00-17:00"` … lines; a day not listed is closed.
    private static func parseOfficeHours(_ entry: ConfigNode, closedDays: Set<Int>, dutch: Bool) throws -> OfficeHours {
        var hours = OfficeHours(intervals: Array(repeating: [], count: 7), closedDays: closedDays, dutchHolidays: dutch)
        let dayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        for day in try entry.mapping(allowed: dayNames).entries {
            let value = day.value
            hours.intervals[dayNames.firstIndex(of: day.key)!] = try parseIntervals(value)
        }
        guard hours.secondsPerWeek > 0 else {
            throw entry.error("no office hours at all; expected e.g. monday: \"08:00-17:00\"")
        }
        return hours
    }

    private static func parseZone(_ entry: ConfigNode) throws -> ZoneClock.Zone {
        let text = try entry.nonEmptyText().trimmingCharacters(in: .whitespaces)
        if text.uppercased() == "UTC" || text == "Z" { return .fixed(0) }
        if let first = text.first, first == "+" || first == "-" {
            let pattern = try! TimestampPattern("yyyy-MM-dd'T'HH:mmxxx")
            guard let offset = pattern.components("2000-01-01T00:00" + text)?.offsetSeconds else {
                throw entry.error("expected an offset written +hh:mm, found \(Suggestions.quoted(text))")
            }
            return .fixed(offset)
        }
        return .named(text)
    }

    private static func parseColumns(_ entry: ConfigNode) throws -> Columns {
        let keys = try entry.mapping(allowed: ["conversation", "message", "time", "direction", "channel", "text", "status",
                                            "author", "organisation"])
        let conversation = try keys.required("conversation").nonEmptyText()
        let message = try keys.optional("message")?.nonEmptyText()

        let timeEntry = try keys.required("time")
        let timeKeys = try timeEntry.mapping(allowed: ["column", "columns", "format"])
        var time: [String]
        if let columns = timeKeys.optional("columns") {
            time = try columns.texts()
            guard (1...2).contains(time.count) else { throw columns.error("expected one column, or a date and a time column") }
        } else {
            time = [try timeKeys.required("column").nonEmptyText()]
        }
        let formatEntry = try timeKeys.required("format")
        let format: TimestampPattern
        do {
            format = try TimestampPattern(try formatEntry.nonEmptyText())
        } catch let error as TimestampPattern.PatternError {
            throw formatEntry.error(error.description)
        }
        time = time.map { $0 }

        let directionEntry = try keys.required("direction")
        let directionKeys = try directionEntry.mapping(allowed: ["column", "labels", "organisation"])
        let directionColumn = try directionKeys.required("column").nonEmptyText()
        let direction: Direction
        if let labels = directionKeys.optional("labels") {
            guard directionKeys.optional("organisation") == nil else {
                throw directionEntry.error("give either labels (a column saying in or out) or organisation (the organisation's authors), not both")
            }
            direction = .labels(column: directionColumn, try labelTable(labels, values: directionValues))
        } else if let authors = directionKeys.optional("organisation") {
            let names = try authors.texts()
            guard !names.isEmpty else { throw authors.error("list the organisation's own accounts or agent names") }
            direction = .authors(column: directionColumn, organisation: Set(names.map(LabelTable.key)))
        } else {
            throw directionEntry.error("expected labels (label: in, out or skip) or organisation (the organisation's own authors)")
        }

        let channelEntry = try keys.required("channel")
        var channel: LabelledColumn
        var privateChannels: Set<String> = []
        if channelEntry.isScalar {
            channel = LabelledColumn(column: try channelEntry.nonEmptyText(), labels: nil)
        } else {
            let channelKeys = try channelEntry.mapping(allowed: ["column", "labels", "private"])
            channel = LabelledColumn(column: try channelKeys.required("column").nonEmptyText(),
                                     labels: try channelKeys.optional("labels").map { try labelTable($0, values: nil) })
            if let privateEntry = channelKeys.optional("private") {
                for name in try privateEntry.texts() {
                    if let labels = channel.labels, !labels.allValues.contains(name) {
                        throw privateEntry.error("\(Suggestions.quoted(name)) is not one of the channels the labels map to (\(labels.allValues.sorted().joined(separator: ", ")))")
                    }
                    privateChannels.insert(name)
                }
            }
        }

        var status: LabelledColumn?
        if let statusEntry = keys.optional("status") {
            let statusKeys = try statusEntry.mapping(allowed: ["column", "labels"])
            status = LabelledColumn(column: try statusKeys.required("column").nonEmptyText(),
                                    labels: try labelTable(try statusKeys.required("labels"), values: statusValues))
        }

        var organisation = Organisation.name("organisatie")
        if let entry = keys.optional("organisation") {
            let organisationKeys = try entry.mapping(allowed: ["column", "name"])
            if let column = organisationKeys.optional("column") {
                organisation = .column(try column.nonEmptyText())
            } else {
                organisation = .name(try organisationKeys.required("name").nonEmptyText())
            }
        }
        return Columns(conversation: conversation, message: message, time: time, timeFormat: format, direction: direction,
                       channel: channel, privateChannels: privateChannels, text: try keys.optional("text")?.nonEmptyText(),
                       status: status, author: try keys.optional("author")?.nonEmptyText(), organisation: organisation)
    }

    /// `label: value` lines; `values` restricts the values (nil: any name).
    private static func labelTable(_ entry: ConfigNode, values: [String]?) throws -> LabelTable {
        var table = LabelTable()
        for entry in try entry.mapping(allowed: nil).entries {
            let (label, valueEntry) = (entry.key, entry.value)
            let value = try valueEntry.nonEmptyText()
            if let values, !values.contains(value) {
                throw valueEntry.error("\(Suggestions.quoted(value)) is not a value here; expected one of \(values.joined(separator: ", "))")
            }
            guard table.add(label, value: value) else {
                throw valueEntry.error("label \(Suggestions.quoted(label)) is listed twice (labels are compared ignoring case)")
            }
        }
        guard !table.labels.isEmpty else { throw entry.error("no labels; expected \"label as exported\": value lines") }
        return table
    }

    /// "08:00-17:00", "08:00-12:00, 13:00-17:00" or "closed".
    private static func parseIntervals(_ entry: ConfigNode) throws -> [Range<Int>] {
        let text = try entry.nonEmptyText().trimmingCharacters(in: .whitespaces)
        if ["closed", "gesloten", "-"].contains(text.lowercased()) { return [] }
        var intervals: [Range<Int>] = []
        for part in text.split(separator: ",") {
            let bounds = part.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
            guard bounds.count == 2, let from = clockSeconds(bounds[0]), let to = clockSeconds(bounds[1]), from < to else {
                throw entry.error("expected opening hours such as \"08:00-17:00\" or \"08:00-12:00, 13:00-17:00\" or closed, found \(Suggestions.quoted(text))")
            }
            intervals.append(from..<to)
        }
        intervals.sort { $0.lowerBound < $1.lowerBound }
        for (earlier, later) in zip(intervals, intervals.dropFirst()) where earlier.upperBound > later.lowerBound {
            throw entry.error("the opening hours \(Suggestions.quoted(text)) overlap")
        }
        return intervals
    }

    /// "08:00" → 28800; "24:00" is the end of the day.
    private static func clockSeconds(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[1].count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]),
              (0...24).contains(hours), (0..<60).contains(minutes), hours * 60 + minutes <= 1_440 else { return nil }
        return hours * 3_600 + minutes * 60
    }
}
