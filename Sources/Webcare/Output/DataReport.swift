import Support

/// The report as data: a long CSV (one line per figure) and a JSON document. Identifiers in
/// English, numbers with a decimal point, keys sorted: the same log gives the same bytes.
public enum DataReport {
    public static let csvHeader = ["table", "organisation", "period", "channel", "key", "value", "count", "denominator"]

    /// Tables: `kpi` (key = KPI id; period `total` for the whole log, channel `all` for all
    /// channels), `hours` (key = weekday-hour, customer messages), `topics` (key = term, value =
    /// rise, count = conversations, denominator = conversations in the previous period), `audit`
    /// (key = category, count = messages, denominator = public customer messages),
    /// `audit-response` (count of conversations with personal data published), and
    /// `public-without-advice` (key = conversation id).
    public static func csv(_ report: WebcareReport) -> String {
        var writer = CSVWriter(header: csvHeader)
        func line(_ fields: [String]) { writer.append(fields) }  // CSVWriter writes formula-like cells as text
        for organisation in report.organisations {
            let name = organisation.name
            let rows = report.periodKeys.map { (report.period.identifier($0), organisation.periods[$0] ?? Breakdown()) }
                + [("total", organisation.total)]
            for (period, breakdown) in rows {
                let channels = [("all", breakdown.all)] + organisation.channels.map { ($0, breakdown.byChannel[$0] ?? Measures()) }
                for (channel, measures) in channels {
                    for kpi in KPIColumn.all {
                        let (value, count, denominator) = fields(kpi.value(measures))
                        line(["kpi", name, period, channel, kpi.id, value, count, denominator])
                    }
                }
            }
            for (index, count) in organisation.busiestHours.enumerated() where count > 0 {
                line(["hours", name, "total", "all", "\(weekdayIDs[index / 24])-\(index % 24)", String(count), String(count), ""])
            }
            for key in report.periodKeys {
                for term in organisation.topics[key] ?? [] {
                    line(["topics", name, report.period.identifier(key), "all", term.term, Rounding.fixed(term.rise, decimals: 2),
                          String(term.conversations), String(term.previousConversations)])
                }
            }
            guard let audit = organisation.audit else { continue }
            for (index, category) in report.categories.enumerated() {
                let share = Proportion(audit.messagesByCategory[index], of: audit.publicMessages)
                line(["audit", name, "total", "public", category.label, percent(share), String(share.count), String(share.denominator)])
            }
            let any = Proportion(audit.messagesWithPersonalData, of: audit.publicMessages)
            line(["audit", name, "total", "public", "any", percent(any), String(any.count), String(any.denominator)])
            for (key, count) in responseCounts(audit) {
                let share = Proportion(count, of: audit.conversations)
                line(["audit-response", name, "total", "public", key, percent(share), String(count), String(audit.conversations)])
            }
            for id in audit.publicWithoutAdvice {
                line(["public-without-advice", name, "total", "public", id, "", "", ""])
            }
        }
        return writer.text
    }

    static let weekdayIDs = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    static func responseCounts(_ audit: PrivacyAudit) -> [(String, Int)] {
        [("asked_private", audit.askedPrivate), ("advised_delete", audit.advisedDelete),
         ("repeated_publicly", audit.repeatedPublicly), ("no_advice", audit.noAdvice)]
    }

    /// Value, count and denominator columns of a figure.
    private static func fields(_ value: KPIValue) -> (String, String, String) {
        switch value {
        case .count(let count): return (String(count), String(count), "")
        case .share(let share): return (percent(share), String(share.count), String(share.denominator))
        case .minutes(let minutes, let n): return (minutes.map(String.init) ?? "", String(n), "")
        }
    }

    /// Percent with one decimal (`84.2`), empty without a denominator.
    static func percent(_ share: Proportion) -> String {
        share.value.map { Rounding.fixed($0 * 100, decimals: 1) } ?? ""
    }

    public static func json(_ report: WebcareReport) -> String {
        func measures(_ measures: Measures) -> JSONValue {
            var object: [String: JSONValue] = [:]
            for kpi in KPIColumn.all {
                switch kpi.value(measures) {
                case .count(let count): object[kpi.id] = .number(Double(count))
                case .share(let share):
                    object[kpi.id] = .object(["count": .number(Double(share.count)), "denominator": .number(Double(share.denominator)),
                                              "percent": share.value.map { .formatted(Rounding.fixed($0 * 100, decimals: 1)) } ?? .null])
                case .minutes(let minutes, let n):
                    object[kpi.id] = .object(["minutes": minutes.map { .number(Double($0)) } ?? .null, "n": .number(Double(n))])
                }
            }
            return .object(object)
        }
        func breakdown(_ breakdown: Breakdown, channels: [String]) -> JSONValue {
            var byChannel: [String: JSONValue] = [:]
            for channel in channels { byChannel[channel] = measures(breakdown.byChannel[channel] ?? Measures()) }
            return .object(["all": measures(breakdown.all), "channels": .object(byChannel)])
        }
        let organisations: [JSONValue] = report.organisations.map { organisation in
            var object: [String: JSONValue] = [
                "name": .string(organisation.name),
                "office_hours": .string(OfficeHoursText.english(organisation.officeHours)),
                "channels": .array(organisation.channels.map { .string($0) }),
                "private_channels": .array(organisation.privateChannels.sorted().map { .string($0) }),
                "periods": .array(report.periodKeys.map { key in
                    .object(["period": .string(report.period.identifier(key)),
                             "measures": breakdown(organisation.periods[key] ?? Breakdown(), channels: organisation.channels)])
                }),
                "total": breakdown(organisation.total, channels: organisation.channels),
                "busiest_hours": .array((0..<7).map { day in
                    .object(["weekday": .string(weekdayIDs[day]),
                             "customer_messages": .array((0..<24).map { .number(Double(organisation.busiestHours[day * 24 + $0])) })])
                }),
            ]
            if report.textAnalysed {
                object["topics"] = .array(report.periodKeys.dropFirst().map { key in
                    .object(["period": .string(report.period.identifier(key)),
                             "terms": .array((organisation.topics[key] ?? []).map { term in
                                 .object(["term": .string(term.term), "conversations": .number(Double(term.conversations)),
                                          "previous_conversations": .number(Double(term.previousConversations)),
                                          "rise": .formatted(Rounding.fixed(term.rise, decimals: 2))])
                             })])
                })
            }
            if let audit = organisation.audit {
                var responses: [String: JSONValue] = [:]
                for (key, count) in responseCounts(audit) { responses[key] = .number(Double(count)) }
                object["privacy_audit"] = .object([
                    "public_customer_messages": .number(Double(audit.publicMessages)),
                    "messages_with_personal_data": .number(Double(audit.messagesWithPersonalData)),
                    "categories": .array(report.categories.enumerated().map { index, category in
                        .object(["label": .string(category.label), "kinds": .array(category.kinds.map { .string($0.rawValue) }),
                                 "messages": .number(Double(audit.messagesByCategory[index]))])
                    }),
                    "kinds": .object(Dictionary(uniqueKeysWithValues: audit.messagesByKind.map { ($0.key.rawValue, JSONValue.number(Double($0.value))) })),
                    "conversations_with_personal_data": .number(Double(audit.conversations)),
                    "responses": .object(responses),
                    "public_without_advice": .array(audit.publicWithoutAdvice.map { .string($0) }),
                ])
            }
            return .object(object)
        }
        var rejected: [String: JSONValue] = [:]
        for (reason, count) in report.log.rejectedByReason { rejected[reason.rawValue] = .number(Double(count)) }
        let document: JSONValue = .object([
            "log": .object(["file": .string(report.log.file), "rows_read": .number(Double(report.log.rowsRead)),
                            "messages": .number(Double(report.log.messages)), "skipped": .number(Double(report.log.skipped)),
                            "rejected": .object(rejected), "blank_rows": .number(Double(report.log.blankRows.count))]),
            "period": .string(report.period.rawValue),
            "periods": .array(report.periodKeys.map { .string(report.period.identifier($0)) }),
            "time_zone": .string(report.timeZone),
            "texts_read": .bool(report.textAnalysed),
            "organisations": .array(organisations),
        ])
        return document.text
    }
}
