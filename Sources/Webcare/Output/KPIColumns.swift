import Support

/// A figure of a `Measures`: a count, a share (always with its numerator and denominator) or a
/// duration in whole minutes over n conversations.
public enum KPIValue: Sendable, Equatable {
    case count(Int)
    case share(Proportion)
    case minutes(Int?, of: Int)
}

/// The KPIs every output shows, in order, with their identifiers (CSV, JSON) and labels (the
/// text report in English, the HTML report in Dutch). Definitions: Sources/Webcare/Webcare.docc/Webcare.md.
public struct KPIColumn: Sendable {
    public let id: String
    public let english: String
    public let dutch: String
    public let value: @Sendable (Measures) -> KPIValue

    public static let all: [KPIColumn] = [
        KPIColumn(id: "inbound_messages", english: "in", dutch: "berichten binnen") { .count($0.inboundMessages) },
        KPIColumn(id: "outbound_messages", english: "out", dutch: "berichten uit") { .count($0.outboundMessages) },
        KPIColumn(id: "conversations", english: "conv.", dutch: "gesprekken") { .count($0.conversations) },
        KPIColumn(id: "inbound_conversations", english: "asked", dutch: "gesprekken met klantvraag") { .count($0.inboundConversations) },
        KPIColumn(id: "response_rate", english: "answered", dutch: "beantwoord") { .share($0.responseRate) },
        KPIColumn(id: "first_response_median", english: "FRT med", dutch: "eerste reactie, mediaan") {
            .minutes($0.firstResponseClock.percentile(50), of: $0.firstResponseClock.count)
        },
        KPIColumn(id: "first_response_p90", english: "FRT p90", dutch: "eerste reactie, 90e percentiel") {
            .minutes($0.firstResponseClock.percentile(90), of: $0.firstResponseClock.count)
        },
        KPIColumn(id: "within_1h", english: "≤1h", dutch: "binnen 1 uur") { .share($0.withinHourClock) },
        KPIColumn(id: "within_24h", english: "≤24h", dutch: "binnen 24 uur") { .share($0.withinDayClock) },
        KPIColumn(id: "first_response_median_business", english: "FRT med (oh)", dutch: "eerste reactie, mediaan (kantooruren)") {
            .minutes($0.firstResponseBusiness.percentile(50), of: $0.firstResponseBusiness.count)
        },
        KPIColumn(id: "first_response_p90_business", english: "FRT p90 (oh)", dutch: "eerste reactie, 90e percentiel (kantooruren)") {
            .minutes($0.firstResponseBusiness.percentile(90), of: $0.firstResponseBusiness.count)
        },
        KPIColumn(id: "within_1h_business", english: "≤1h (oh)", dutch: "binnen 1 kantooruur") { .share($0.withinHourBusiness) },
        KPIColumn(id: "within_24h_business", english: "≤24h (oh)", dutch: "binnen 24 kantooruren") { .share($0.withinDayBusiness) },
        KPIColumn(id: "resolved", english: "resolved", dutch: "afgehandeld") { .count($0.resolved) },
        KPIColumn(id: "doorlooptijd_median", english: "doorloop med", dutch: "doorlooptijd, mediaan") {
            .minutes($0.doorlooptijdClock.percentile(50), of: $0.doorlooptijdClock.count)
        },
        KPIColumn(id: "doorlooptijd_median_business", english: "doorloop med (oh)", dutch: "doorlooptijd, mediaan (kantooruren)") {
            .minutes($0.doorlooptijdBusiness.percentile(50), of: $0.doorlooptijdBusiness.count)
        },
        KPIColumn(id: "first_contact_resolution", english: "FCR", dutch: "opgelost bij eerste reactie") { .share($0.firstContactResolution) },
        KPIColumn(id: "reopened", english: "reopened", dutch: "heropend") { .count($0.reopened) },
        KPIColumn(id: "moved_private", english: "to private", dutch: "naar privékanaal") { .share($0.movedPrivateShare) },
        KPIColumn(id: "unanswered_at_end", english: "open at end", dutch: "onbeantwoord aan het eind") { .count($0.unansweredAtEnd) },
    ]
}

/// Durations of whole minutes as people read them.
public enum DurationText {
    /// `0:37`, `26:05` (hours:minutes); `–` for none.
    public static func english(_ minutes: Int?) -> String {
        guard let minutes else { return "–" }
        let rest = minutes % 60
        return "\(minutes / 60):\(rest < 10 ? "0" : "")\(rest)"
    }

    /// `37 min`, `2 u 05 min`, `3 d 4 u` (with no-break spaces: a duration never wraps); `–`
    /// for none.
    public static func dutch(_ minutes: Int?) -> String {
        guard let minutes else { return "–" }
        if minutes < 60 { return "\(minutes)\u{A0}min" }
        if minutes < 48 * 60 {
            let rest = minutes % 60
            return "\(minutes / 60)\u{A0}u \(rest < 10 ? "0" : "")\(rest)\u{A0}min".replacingOccurrences(of: " ", with: "\u{A0}")
        }
        return "\(minutes / 1_440)\u{A0}d\u{A0}\(minutes % 1_440 / 60)\u{A0}u"
    }
}

extension KPIValue {
    /// As the English text report writes it.
    var englishText: String {
        switch self {
        case .count(let count): return String(count)
        case .share(let share): return share.percentText
        case .minutes(let minutes, _): return DurationText.english(minutes)
        }
    }

    /// As the Dutch HTML report writes it (numbers grouped with a point).
    var dutchText: String {
        switch self {
        case .count(let count): return DutchFormat.integer(count)
        case .share(let share): return share.denominator == 0 ? "–" : share.percentText
        case .minutes(let minutes, _): return DurationText.dutch(minutes)
        }
    }
}
