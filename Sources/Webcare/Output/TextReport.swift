import Support

/// The report as `meetlat webcare` prints it: English, aligned tables, aggregates only.
public enum TextReport {
    public static func render(_ report: WebcareReport, rejectsPath: String?) -> String {
        var out = ""
        let log = report.log
        out += "Webcare log \(log.file) (\(log.format))\n"
        var read = "rows read \(log.rowsRead): \(log.messages) messages, \(log.skipped) skipped (labels mapped to skip), \(log.rejected) rejected"
        if log.rejected > 0 {
            let reasons = log.rejectedByReason.keys.sorted().map { "\($0.rawValue) \(log.rejectedByReason[$0]!)" }
            read += " (\(reasons.joined(separator: ", ")))"
            if let rejectsPath { read += "; rows and reasons in \(rejectsPath) (private: original rows)" }
        }
        out += read + "\n"
        out += "period: \(report.period.rawValue); time zone \(report.timeZone)\n"
        for warning in log.warnings { out += "warning: \(warning)\n" }
        if !report.textAnalysed { out += "texts not read: no topics and no privacy audit\n" }

        for organisation in report.organisations {
            out += "\n== \(organisation.name)\n\noffice hours: \(OfficeHoursText.english(organisation.officeHours))\n"
            out += kpiTables(organisation, report: report)
            out += busiestHours(organisation)
            if report.textAnalysed { out += topics(organisation, report: report) }
            if let audit = organisation.audit { out += auditText(audit, report: report) }
        }
        if report.textAnalysed && !report.organisations.isEmpty { out += "\n" + tableTwo(report) }
        return out
    }

    /// The KPI columns split over two tables, so that each fits a terminal.
    static let firstTable = ["inbound_messages", "outbound_messages", "conversations", "inbound_conversations", "response_rate",
                             "first_response_median", "first_response_p90", "within_1h", "within_24h"]

    private static func kpiTables(_ organisation: OrganisationReport, report: WebcareReport) -> String {
        let columns = [KPIColumn.all.filter { firstTable.contains($0.id) }, KPIColumn.all.filter { !firstTable.contains($0.id) }]
        let titles = ["Volume and first response (clock hours)", "Office hours (oh), resolution and channel"]
        var out = ""
        for (title, kpis) in zip(titles, columns) {
            out += "\n\(title), per \(report.period.rawValue), all channels\n\n"
            var table = TextTable(header: [report.period.rawValue] + kpis.map(\.english),
                                  alignments: [.left] + kpis.map { _ in .right })
            for key in report.periodKeys {
                let measures = organisation.periods[key]?.all ?? Measures()
                table.append([report.period.identifier(key)] + kpis.map { $0.value(measures).englishText })
            }
            table.append(["whole log"] + kpis.map { $0.value(organisation.total.all).englishText })
            out += table.render()
            out += "\nper channel, whole log\n\n"
            var channels = TextTable(header: ["channel"] + kpis.map(\.english), alignments: [.left] + kpis.map { _ in .right })
            for channel in organisation.channels {
                let measures = organisation.total.byChannel[channel] ?? Measures()
                let name = organisation.privateChannels.contains(channel) ? "\(channel) (private)" : channel
                channels.append([name] + kpis.map { $0.value(measures).englishText })
            }
            out += channels.render()
        }
        return out
    }

    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    private static func busiestHours(_ organisation: OrganisationReport) -> String {
        let top = busiest(organisation.busiestHours, count: 5)
        guard !top.isEmpty else { return "" }
        let text = top.map { "\(weekdays[$0.index / 24]) \(hourRange($0.index % 24)) (\($0.count))" }
        return "\nbusiest hours (customer messages): " + text.joined(separator: ", ") + "\n"
    }

    /// The `count` busiest weekday-hours, most messages first (ties: earlier in the week).
    static func busiest(_ hours: [Int], count: Int) -> [(index: Int, count: Int)] {
        hours.enumerated().filter { $0.element > 0 }.sorted { ($1.element, $0.offset) < ($0.element, $1.offset) }
            .prefix(count).map { ($0.offset, $0.element) }
    }

    static func hourRange(_ hour: Int) -> String {
        "\(hour < 10 ? "0" : "")\(hour):00–\(hour + 1 < 10 ? "0" : "")\(hour + 1):00"
    }

    private static func topics(_ organisation: OrganisationReport, report: WebcareReport) -> String {
        var out = "\ntrending topics (terms of customers' messages rising against the previous \(report.period.rawValue))\n"
        var any = false
        for key in report.periodKeys.dropFirst() {
            let terms = organisation.topics[key] ?? []
            guard !terms.isEmpty else { continue }
            any = true
            let listed = terms.map { "\($0.term) (\($0.conversations) conversations, was \($0.previousConversations))" }
            out += "  \(report.period.identifier(key)): " + listed.joined(separator: ", ") + "\n"
        }
        return any ? out : out + "  none\n"
    }

    private static func auditText(_ audit: PrivacyAudit, report: WebcareReport) -> String {
        var out = "\nprivacy audit: customer messages on public channels\n\n"
        var table = TextTable(header: ["category", "messages", "share"], alignments: [.left, .right, .right])
        for (index, category) in report.categories.enumerated() {
            let count = audit.messagesByCategory[index]
            table.append([category.label, String(count), Proportion(count, of: audit.publicMessages).percentText])
        }
        table.append(["with any personal data", String(audit.messagesWithPersonalData),
                      Proportion(audit.messagesWithPersonalData, of: audit.publicMessages).percentText])
        table.append(["public customer messages", String(audit.publicMessages), ""])
        out += table.render()
        let base = audit.conversations
        out += "\nconversations with personal data published: \(base); the organisation asked to continue privately in "
            + "\(Proportion(audit.askedPrivate, of: base).text), advised deleting in \(Proportion(audit.advisedDelete, of: base).text), "
            + "repeated the data publicly in \(Proportion(audit.repeatedPublicly, of: base).text), did neither of the first two in \(Proportion(audit.noAdvice, of: base).text)\n"
        out += "personal data left public without advice to delete it (\(audit.publicWithoutAdvice.count) conversations): "
        out += audit.publicWithoutAdvice.isEmpty ? "none\n" : audit.publicWithoutAdvice.joined(separator: ", ") + "\n"
        return out
    }

    /// Categories × organisations, as Tabel 2 of the webcare thesis: messages holding each kind,
    /// the organisations side by side and their total.
    private static func tableTwo(_ report: WebcareReport) -> String {
        let organisations = report.organisations.filter { $0.audit != nil }
        var table = TextTable(header: ["personal data"] + organisations.map(\.name) + ["total"],
                              alignments: [.left] + organisations.map { _ in .right } + [.right])
        for (index, category) in report.categories.enumerated() {
            let counts = organisations.map { $0.audit!.messagesByCategory[index] }
            table.append([category.label] + counts.map(String.init) + [String(counts.reduce(0, +))])
        }
        let sums = organisations.map { $0.audit!.messagesByCategory.reduce(0, +) }
        table.append(["total"] + sums.map(String.init) + [String(sums.reduce(0, +))])
        let publics = organisations.map { $0.audit!.publicMessages }
        table.append(["public customer messages"] + publics.map(String.init) + [String(publics.reduce(0, +))])
        return "privacy audit per organisation (messages holding each kind; the structure of Tabel 2 of the webcare thesis)\n\n" + table.render()
    }
}

/// Office hours in words.
public enum OfficeHoursText {
    public static func english(_ hours: OfficeHours) -> String {
        describe(hours, days: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
                 holidays: hours.dutchHolidays ? "Dutch public holidays closed" : nil, extra: "other days closed")
    }

    public static func dutch(_ hours: OfficeHours) -> String {
        describe(hours, days: ["ma", "di", "wo", "do", "vr", "za", "zo"],
                 holidays: hours.dutchHolidays ? "op feestdagen gesloten" : nil, extra: "verder gesloten")
    }

    private static func describe(_ hours: OfficeHours, days: [String], holidays: String?, extra: String) -> String {
        var groups: [(first: Int, last: Int, text: String)] = []
        for day in 0..<7 {
            let text = hours.intervals[day].map { "\(clock($0.lowerBound))–\(clock($0.upperBound))" }.joined(separator: ", ")
            guard !text.isEmpty else { continue }
            if let last = groups.last, last.last == day - 1, last.text == text {
                groups[groups.count - 1].last = day
            } else {
                groups.append((day, day, text))
            }
        }
        var parts = groups.map { group in
            (group.first == group.last ? days[group.first] : "\(days[group.first])–\(days[group.last])") + " " + group.text
        }
        if groups.reduce(0, { $0 + $1.last - $1.first + 1 }) < 7 { parts.append(extra) }
        if let holidays { parts.append(holidays) }
        return parts.joined(separator: "; ")
    }

    private static func clock(_ seconds: Int) -> String {
        let hours = seconds / 3_600, minutes = seconds % 3_600 / 60
        return "\(hours < 10 ? "0" : "")\(hours):\(minutes < 10 ? "0" : "")\(minutes)"
    }
}
