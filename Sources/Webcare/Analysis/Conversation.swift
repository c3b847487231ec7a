import PersonalData
import Support

/// One message of an open conversation, reduced to what the measures and the audit need.
struct ConversationEvent {
    var utc: Int
    var local: Int
    var row: Int
    var inbound: Bool
    var channel: Int
    var status: LogMessage.Status?
    /// Inbound on a public channel: the kinds of personal data in it (bit = kind's index).
    var personalData: UInt32 = 0
    /// Outbound: the reply asks to continue privately / advises deleting the public message.
    var asksPrivate = false
    var advisesDelete = false
    /// Outbound on a public channel with text: the reply, to find data the customer published
    /// repeated in it.
    var publicReply: String?
    /// Inbound on a public channel: the personal data in the same form.
    var publishedKeys: [String] = []
}

/// A conversation that may still receive messages. Closed when it has been idle for longer
/// than the timeout (plus the allowed disorder) or when the log ends.
final class OpenConversation {
    let organisation: Int
    let id: String
    var events: [ConversationEvent] = []
    var lastUTC: Int
    var messageIDs: Set<String> = []
    /// Periods (key << 32) and terms (their index) already counted for this conversation, so a
    /// term counts once per conversation and period; the term index 0xFFFF_FFFF marks the period.
    var topicsCounted: Set<Int> = []

    init(organisation: Int, id: String, utc: Int) {
        self.organisation = organisation
        self.id = id
        self.lastUTC = utc
    }
}

/// What a closed conversation amounts to.
struct ConversationOutcome {
    var openingPeriodDay: Int
    var openingChannel: Int
    var hasInbound: Bool
    var answered = false
    var firstResponseClock = 0
    var firstResponseBusiness = 0
    var resolved = false
    var doorlooptijdClock = 0
    var doorlooptijdBusiness = 0
    var firstContactResolved = false
    var reopened = false
    var publicStarted = false
    var movedPrivate = false
    var unansweredAtEnd = false
    // The privacy audit.
    var publishedPersonalData = false
    var askedPrivate = false
    var advisedDelete = false
    var repeatedPublicly = false

    /// Works out the outcome of `conversation`'s events. `privateChannels[c]` tells whether
    /// channel c is private; `statusMapped` whether the log has a status column.
    static func of(_ conversation: OpenConversation, officeHours: OfficeHours, privateChannels: [Bool],
                   statusMapped: Bool, logEnd: Int, timeout: Int) -> ConversationOutcome {
        let events = conversation.events.sorted { ($0.utc, $0.row) < ($1.utc, $1.row) }
        guard let first = events.firstIndex(where: \.inbound) else {
            let opening = events[0]
            return ConversationOutcome(openingPeriodDay: Self.day(opening.local), openingChannel: opening.channel, hasInbound: false)
        }
        let opening = events[first]
        var outcome = ConversationOutcome(openingPeriodDay: Self.day(opening.local), openingChannel: opening.channel, hasInbound: true)
        let after = events[(first + 1)...]
        let replies = after.filter { !$0.inbound }
        if let response = replies.first {
            outcome.answered = true
            outcome.firstResponseClock = response.utc - opening.utc
            outcome.firstResponseBusiness = officeHours.businessSeconds(from: opening.local, to: response.local)
        }

        var resolution: ConversationEvent?
        if statusMapped {
            var resolvedNow = false
            for event in events {
                if resolvedNow && (event.inbound || event.status == .open) { outcome.reopened = true; resolvedNow = false }
                switch event.status {
                case .resolved?: resolvedNow = true; resolution = event
                case .reopened?: outcome.reopened = true; resolvedNow = false
                case .open?, nil: break
                }
            }
            outcome.resolved = resolvedNow
        } else if let lastReply = replies.last, let lastInbound = events.last(where: \.inbound),
                  (lastInbound.utc, lastInbound.row) < (lastReply.utc, lastReply.row) {
            outcome.resolved = true
            resolution = lastReply
        }
        if outcome.resolved, let resolution {
            outcome.doorlooptijdClock = max(resolution.utc - opening.utc, 0)
            outcome.doorlooptijdBusiness = officeHours.businessSeconds(from: opening.local, to: resolution.local)
            outcome.firstContactResolved = !outcome.reopened && replies.count == 1
        }
        outcome.publicStarted = !privateChannels[opening.channel]
        outcome.movedPrivate = outcome.publicStarted && after.contains { privateChannels[$0.channel] }
        outcome.unansweredAtEnd = !outcome.answered && logEnd - conversation.lastUTC <= timeout

        if let published = events.firstIndex(where: { $0.personalData != 0 }) {
            outcome.publishedPersonalData = true
            let later = events[(published + 1)...]
            outcome.askedPrivate = later.contains { ($0.asksPrivate && !$0.inbound) || privateChannels[$0.channel] }
            outcome.advisedDelete = later.contains { $0.advisesDelete && !$0.inbound }
            let keys = Set(events.flatMap(\.publishedKeys))
            // Compared as the detector compares allowed values: ignoring case, spaces and separators.
            outcome.repeatedPublicly = later.contains { event in
                guard let reply = event.publicReply else { return false }
                let key = PersonalDataDetector.allowKey(reply)
                return keys.contains { key.contains($0) }
            }
        }
        return outcome
    }

    static func day(_ local: Int) -> Int { local.floorDivided(by: 86_400) }
}
