import PersonalData
import Support

/// The one pass over a log: messages go in one at a time (in time order, give or take the
/// allowed disorder), conversations are kept only while they can still receive messages, and
/// every closed conversation is added to the counts of its organisation, period and channel.
/// Memory is bounded by the conversations open at any moment (and the periods × channels of the
/// counts), not by the size of the log.
public final class WebcareAnalysis {
    public let mapping: LogMapping
    public let rules: WebcareRules
    public let period: PeriodKind
    /// Whether texts are read (topics and the privacy audit).
    public let analyseText: Bool
    /// How much older than the newest row read so far a row may be.
    public static let allowedDisorder = 86_400

    private let text: MessageText?
    private var organisations: [OrganisationTally] = []
    private var organisationIndex: [String: Int] = [:]
    private var channels: [String] = []
    private var channelIndex: [String: Int] = [:]
    private var privateChannels: [Bool] = []
    private var open: [ConversationKey: OpenConversation] = [:]
    private var newest = Int.min
    private var newestRow = 0
    private var nextSweep = Int.min
    private var terms: [String: Int] = [:]
    private var termNames: [String] = []
    /// Folded words of every author seen: never a topic (names are personal data).
    private var authorWords: Set<String> = []
    private var firstLocal: Int?
    private var lastLocal: Int?
    private let categoryOfKind: [Int]

    public private(set) var largestOpenCount = 0

    private struct ConversationKey: Hashable {
        let organisation: Int
        let id: String
    }

    public init(mapping: LogMapping, rules: WebcareRules, period: PeriodKind, analyseText: Bool) {
        self.mapping = mapping
        self.rules = rules
        self.period = period
        self.analyseText = analyseText && mapping.columns.text != nil
        self.text = self.analyseText ? MessageText(rules: rules) : nil
        var categoryOfKind = Array(repeating: -1, count: PersonalDataKind.allCases.count)
        for (category, entry) in rules.categories.enumerated() {
            for kind in entry.kinds { categoryOfKind[PersonalDataKind.allCases.firstIndex(of: kind)!] = category }
        }
        self.categoryOfKind = categoryOfKind
    }

    /// Adds a message; returns why it cannot be used when it cannot (its row is then rejected).
    public func add(_ message: LogMessage) -> (reason: RejectReason, message: String)? {
        if newest != Int.min && message.utc < newest - Self.allowedDisorder {
            let hours = (newest - message.utc) / 3_600
            return (.outOfOrder, "row \(message.row): \(hours) hours older than row \(newestRow); the log must be in time order, oldest first (sort the export by its time column), or at most \(Self.allowedDisorder / 3_600) hours out of order")
        }
        let organisation = organisationSlot(message.organisation)
        let channel = channelSlot(message.channel)
        let key = ConversationKey(organisation: organisation, id: message.conversation)
        var conversation = open[key]
        if let existing = conversation, message.utc - existing.lastUTC > mapping.conversationTimeout {
            close(existing, logEnd: newest)
            open[key] = nil
            conversation = nil
        }
        if let existing = conversation, let id = message.messageID, existing.messageIDs.contains(id) {
            return (.duplicate, "row \(message.row): message id \"\(id)\" of conversation \"\(message.conversation)\" was read before; the copy is not counted twice")
        }
        let current: OpenConversation
        if let conversation {
            current = conversation
        } else {
            current = OpenConversation(organisation: organisation, id: message.conversation, utc: message.utc)
            open[key] = current
            largestOpenCount = max(largestOpenCount, open.count)
        }
        if let id = message.messageID { current.messageIDs.insert(id) }
        current.lastUTC = max(current.lastUTC, message.utc)

        var event = ConversationEvent(utc: message.utc, local: message.local, row: message.row,
                                      inbound: message.direction == .inbound, channel: channel, status: message.status)
        let day = ConversationOutcome.day(message.local)
        let periodKey = period.key(ofDay: day)
        let tally = organisations[organisation]
        tally.record(period: periodKey, channel: channel, channelCount: channels.count) {
            if event.inbound { $0.inboundMessages += 1 } else { $0.outboundMessages += 1 }
        }
        if event.inbound {
            let hour = (message.local - day * 86_400).floorDivided(by: 3_600)
            tally.busiestHours[CivilDate.weekday(days: day) * 24 + hour] += 1
        }
        if let text, let body = message.text {
            if let author = message.author { authorWords.formUnion(TextFold.fold(author).split(separator: " ").map(String.init)) }
            if event.inbound {
                readCustomerText(body, text: text, event: &event, conversation: current, tally: tally, periodKey: periodKey)
            } else {
                let reply = text.reply(body)
                event.asksPrivate = reply.asksPrivate
                event.advisesDelete = reply.advisesDelete
                // Compared with the customer's data only if the conversation turns out to hold some.
                if !privateChannels[channel] { event.publicReply = body }
            }
        }
        current.events.append(event)
        firstLocal = min(firstLocal ?? message.local, message.local)
        lastLocal = max(lastLocal ?? message.local, message.local)
        if message.utc > newest {
            newest = message.utc
            newestRow = message.row
        }
        if newest >= nextSweep { sweep() }
        return nil
    }

    private func readCustomerText(_ body: String, text: MessageText, event: inout ConversationEvent,
                                  conversation: OpenConversation, tally: OrganisationTally, periodKey: Int) {
        let customer = text.customer(body)
        if !privateChannels[event.channel] {
            tally.audit.publicMessages += 1
            if customer.kinds != 0 {
                event.personalData = customer.kinds
                event.publishedKeys = customer.keys
                tally.audit.messagesWithPersonalData += 1
                var categories: Set<Int> = []
                for (index, kind) in PersonalDataKind.allCases.enumerated() where customer.kinds & (1 << UInt32(index)) != 0 {
                    tally.audit.messagesByKind[kind, default: 0] += 1
                    if categoryOfKind[index] >= 0 { categories.insert(categoryOfKind[index]) }
                }
                for category in categories { tally.audit.messagesByCategory[category] += 1 }
            }
        }
        let periodMark = periodKey << 32 | 0xFFFF_FFFF
        if conversation.topicsCounted.insert(periodMark).inserted { tally.textConversations[periodKey, default: 0] += 1 }
        for term in customer.terms {
            let index = termSlot(term)
            if conversation.topicsCounted.insert(periodKey << 32 | index).inserted {
                tally.termCounts[periodKey, default: [:]][index, default: 0] += 1
            }
        }
    }

    /// Closes every conversation idle for longer than the timeout plus the allowed disorder: no
    /// message still to come can belong to it. Runs once a day of log time.
    private func sweep() {
        let limit = newest - mapping.conversationTimeout - Self.allowedDisorder
        // Keys first, removal after: removing while iterating would copy the whole dictionary.
        let idle = open.filter { $0.value.lastUTC < limit }
        for (key, conversation) in idle {
            close(conversation, logEnd: newest)
            open.removeValue(forKey: key)
        }
        nextSweep = newest + 86_400
    }

    private func close(_ conversation: OpenConversation, logEnd: Int) {
        let tally = organisations[conversation.organisation]
        let outcome = ConversationOutcome.of(conversation, officeHours: tally.officeHours, privateChannels: privateChannels,
                                             statusMapped: mapping.columns.status != nil, logEnd: logEnd,
                                             timeout: mapping.conversationTimeout)
        tally.record(period: period.key(ofDay: outcome.openingPeriodDay), channel: outcome.openingChannel, channelCount: channels.count) {
            $0.add(outcome)
        }
        guard outcome.publishedPersonalData else { return }
        tally.audit.conversations += 1
        if outcome.askedPrivate { tally.audit.askedPrivate += 1 }
        if outcome.advisedDelete { tally.audit.advisedDelete += 1 } else { tally.publicWithoutAdvice.insert(conversation.id) }
        if outcome.repeatedPublicly { tally.audit.repeatedPublicly += 1 }
        if !outcome.askedPrivate && !outcome.advisedDelete { tally.audit.noAdvice += 1 }
    }

    /// Closes the conversations still open and returns the counts.
    public func finish(log: LogSummary) -> WebcareReport {
        for conversation in open.values { close(conversation, logEnd: newest) }
        open.removeAll()
        var summary = log
        summary.firstLocal = firstLocal
        summary.lastLocal = lastLocal
        let keys = firstLocal.map { first in
            period.keys(from: period.key(ofDay: ConversationOutcome.day(first)),
                        through: period.key(ofDay: ConversationOutcome.day(lastLocal!)))
        } ?? []
        let reports = organisations.map { report(of: $0, keys: keys) }.sorted { $0.name < $1.name }
        return WebcareReport(log: summary, period: period, periodKeys: keys, timeZone: mapping.clock.description,
                             topicSettings: mapping.topics, categories: rules.categories, organisations: reports,
                             textAnalysed: analyseText)
    }

    private func report(of tally: OrganisationTally, keys: [Int]) -> OrganisationReport {
        // Only period × channel is counted while reading; all channels and the whole log are
        // added up here, once.
        var periods: [Int: Breakdown] = [:]
        var total = Breakdown()
        for key in keys {
            var breakdown = Breakdown()
            for (index, measures) in (tally.periods[key] ?? []).enumerated() where measures != Measures() {
                breakdown.byChannel[channels[index]] = measures
                breakdown.all.merge(measures)
                total.byChannel[channels[index], default: Measures()].merge(measures)
                total.all.merge(measures)
            }
            periods[key] = breakdown
        }
        var topics: [Int: [TrendingTerm]] = [:]
        if analyseText {
            for (previous, key) in zip(keys, keys.dropFirst()) {
                topics[key] = trending(tally, key: key, previous: previous)
            }
        }
        var audit: PrivacyAudit?
        if analyseText {
            var result = tally.audit
            result.publicWithoutAdvice = tally.publicWithoutAdvice.sorted()
            audit = result
        }
        let used = Set(total.byChannel.keys)
        return OrganisationReport(name: tally.name, officeHours: tally.officeHours, channels: used.sorted(),
                                  privateChannels: Set(channels.indices.filter { privateChannels[$0] }.map { channels[$0] }).intersection(used),
                                  periods: periods, total: total, busiestHours: tally.busiestHours, topics: topics, audit: audit)
    }

    /// Terms used by at least the minimum number of conversations in the period, rising by at
    /// least the minimum factor against what the previous period's share would give; the ones
    /// with the most conversations above that expectation first.
    private func trending(_ tally: OrganisationTally, key: Int, previous: Int) -> [TrendingTerm] {
        let settings = mapping.topics
        let now = tally.textConversations[key] ?? 0, before = tally.textConversations[previous] ?? 0
        guard now > 0, let counts = tally.termCounts[key] else { return [] }
        let earlier = tally.termCounts[previous] ?? [:]
        var result: [TrendingTerm] = []
        for (index, count) in counts where count >= settings.minimumConversations {
            let term = termNames[index]
            guard !authorWords.contains(term) else { continue }
            let previousCount = earlier[index] ?? 0
            let expected = before > 0 ? Double(previousCount) * Double(now) / Double(before) : 0
            let rise = (Double(count) + 1) / (expected + 1)
            if rise >= settings.minimumRise {
                result.append(TrendingTerm(term: term, conversations: count, previousConversations: previousCount, rise: rise,
                                           excess: Double(count) - expected))
            }
        }
        // Most conversations above expectation first: a term that went from 12 to 73 before one
        // that went from 0 to 6.
        result.sort { ($1.excess, $1.rise, $0.term) < ($0.excess, $0.rise, $1.term) }
        return Array(result.prefix(settings.count))
    }

    private func organisationSlot(_ name: String) -> Int {
        if let index = organisationIndex[name] { return index }
        organisations.append(OrganisationTally(name: name, officeHours: mapping.officeHours(of: name), categories: rules.categories.count))
        organisationIndex[name] = organisations.count - 1
        return organisations.count - 1
    }

    private func channelSlot(_ name: String) -> Int {
        if let index = channelIndex[name] { return index }
        channels.append(name)
        privateChannels.append(mapping.columns.privateChannels.contains(name))
        channelIndex[name] = channels.count - 1
        return channels.count - 1
    }

    private func termSlot(_ term: String) -> Int {
        if let index = terms[term] { return index }
        termNames.append(term)
        terms[term] = termNames.count - 1
        return termNames.count - 1
    }
}

/// The running counts of one organisation.
final class OrganisationTally {
    let name: String
    let officeHours: OfficeHours
    /// Per period key and channel (slot c: channel c).
    var periods: [Int: [Measures]] = [:]
    var busiestHours = Array(repeating: 0, count: 168)
    var termCounts: [Int: [Int: Int]] = [:]
    /// Conversations with customer text per period: the base of the topics' shares.
    var textConversations: [Int: Int] = [:]
    var audit: PrivacyAudit
    var publicWithoutAdvice: Set<String> = []

    init(name: String, officeHours: OfficeHours, categories: Int) {
        self.name = name
        self.officeHours = officeHours
        audit = PrivacyAudit(categories: categories)
    }

    /// Applies `change` to the counts of the period and channel.
    func record(period: Int, channel: Int, channelCount: Int, _ change: (inout Measures) -> Void) {
        // Changed in place through the dictionary's default subscript: no copy of the slots.
        if periods[period, default: []].count < channelCount {
            periods[period, default: []] += Array(repeating: Measures(), count: channelCount - periods[period, default: []].count)
        }
        change(&periods[period, default: []][channel])
    }
}

extension Measures {
    mutating func add(_ outcome: ConversationOutcome) {
        conversations += 1
        guard outcome.hasInbound else { return }
        inboundConversations += 1
        if outcome.answered {
            answered += 1
            firstResponseClock.add(seconds: outcome.firstResponseClock)
            firstResponseBusiness.add(seconds: outcome.firstResponseBusiness)
            if outcome.firstResponseClock <= 3_600 { answeredWithinHourClock += 1 }
            if outcome.firstResponseClock <= 86_400 { answeredWithinDayClock += 1 }
            if outcome.firstResponseBusiness <= 3_600 { answeredWithinHourBusiness += 1 }
            if outcome.firstResponseBusiness <= 86_400 { answeredWithinDayBusiness += 1 }
        }
        if outcome.resolved {
            resolved += 1
            doorlooptijdClock.add(seconds: outcome.doorlooptijdClock)
            doorlooptijdBusiness.add(seconds: outcome.doorlooptijdBusiness)
        }
        if outcome.firstContactResolved { firstContactResolved += 1 }
        if outcome.reopened { reopened += 1 }
        if outcome.publicStarted { publicStarted += 1 }
        if outcome.movedPrivate { movedPrivate += 1 }
        if outcome.unansweredAtEnd { unansweredAtEnd += 1 }
    }
}
