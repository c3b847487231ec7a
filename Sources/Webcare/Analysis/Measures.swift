import Support

/// Durations counted per whole minute (seconds / 60, rounded down), so that medians and 90th
/// percentiles take memory bounded by the longest duration rather than by the number of
/// conversations. Quantiles are nearest-rank: the smallest duration with at least p × n of the
/// durations at or below it (the rank interval on the site is taken the same way).
public struct MinuteHistogram: Sendable, Equatable {
    private(set) var counts: [Int: Int] = [:]
    public private(set) var count = 0

    public init() {}

    public mutating func add(seconds: Int) {
        counts[max(seconds, 0) / 60, default: 0] += 1
        count += 1
    }

    public mutating func merge(_ other: MinuteHistogram) {
        for (minute, count) in other.counts { counts[minute, default: 0] += count }
        count += other.count
    }

    /// The nearest-rank percentile in minutes: 50 the median, 90 the 90th percentile. The rank
    /// ⌈percent × n / 100⌉ is taken in integers (0.9 × 70 is 63.000000000000007 in floating point).
    public func percentile(_ percent: Int) -> Int? {
        guard count > 0 else { return nil }
        let rank = max(1, (percent * count + 99) / 100)
        var seen = 0
        for minute in counts.keys.sorted() {
            seen += counts[minute]!
            if seen >= rank { return minute }
        }
        return nil
    }
}

/// Everything counted for one organisation, period (or the whole log) and channel (or all).
public struct Measures: Sendable, Equatable {
    // Messages, counted in the period and channel they were sent in.
    public var inboundMessages = 0
    public var outboundMessages = 0

    // Conversations, counted in the period and channel of their first customer message.
    /// Conversations whose first message in the log falls here (customer's or organisation's).
    public var conversations = 0
    /// Conversations with a customer message: the base of the response measures.
    public var inboundConversations = 0
    /// Of those, answered by the organisation after the customer's first message.
    public var answered = 0
    public var firstResponseClock = MinuteHistogram()
    public var firstResponseBusiness = MinuteHistogram()
    public var answeredWithinHourClock = 0
    public var answeredWithinDayClock = 0
    public var answeredWithinHourBusiness = 0
    public var answeredWithinDayBusiness = 0
    /// Inbound conversations resolved (by the status column, else answered with the customer's
    /// last word before the organisation's last reply).
    public var resolved = 0
    /// From the customer's first message to the resolution.
    public var doorlooptijdClock = MinuteHistogram()
    public var doorlooptijdBusiness = MinuteHistogram()
    /// Resolved with one reply and never reopened.
    public var firstContactResolved = 0
    /// Resolved, then the customer wrote again (or the status said reopened).
    public var reopened = 0
    /// Inbound conversations that started on a public channel.
    public var publicStarted = 0
    /// Of those, continued on a private channel.
    public var movedPrivate = 0
    /// Inbound conversations without an answer whose customer wrote within the timeout before the
    /// end of the log: perhaps still to be answered.
    public var unansweredAtEnd = 0

    public init() {}

}

extension Measures {
    /// Adds the counts of `other` (another channel or period).
    public mutating func merge(_ other: Measures) {
        inboundMessages += other.inboundMessages
        outboundMessages += other.outboundMessages
        conversations += other.conversations
        inboundConversations += other.inboundConversations
        answered += other.answered
        firstResponseClock.merge(other.firstResponseClock)
        firstResponseBusiness.merge(other.firstResponseBusiness)
        answeredWithinHourClock += other.answeredWithinHourClock
        answeredWithinDayClock += other.answeredWithinDayClock
        answeredWithinHourBusiness += other.answeredWithinHourBusiness
        answeredWithinDayBusiness += other.answeredWithinDayBusiness
        resolved += other.resolved
        doorlooptijdClock.merge(other.doorlooptijdClock)
        doorlooptijdBusiness.merge(other.doorlooptijdBusiness)
        firstContactResolved += other.firstContactResolved
        reopened += other.reopened
        publicStarted += other.publicStarted
        movedPrivate += other.movedPrivate
        unansweredAtEnd += other.unansweredAtEnd
    }
}

extension Proportion {
    /// Whole percent, rounded half up: `84 %`; `–` without a denominator.
    public var percentText: String { percent.map { "\($0) %" } ?? "–" }
}

extension Measures {
    public var responseRate: Proportion { Proportion(answered, of: inboundConversations) }
    public var withinHourClock: Proportion { Proportion(answeredWithinHourClock, of: inboundConversations) }
    public var withinDayClock: Proportion { Proportion(answeredWithinDayClock, of: inboundConversations) }
    public var withinHourBusiness: Proportion { Proportion(answeredWithinHourBusiness, of: inboundConversations) }
    public var withinDayBusiness: Proportion { Proportion(answeredWithinDayBusiness, of: inboundConversations) }
    /// First-contact resolution: of the answered conversations.
    public var firstContactResolution: Proportion { Proportion(firstContactResolved, of: answered) }
    public var movedPrivateShare: Proportion { Proportion(movedPrivate, of: publicStarted) }
}
