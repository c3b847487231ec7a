import PersonalData

/// Everything `meetlat webcare` found in a log: aggregates only — counts, shares, durations,
/// terms used by many conversations, and conversation ids — never a message, name or number.
public struct WebcareReport: Sendable {
    public var log: LogSummary
    public var period: PeriodKind
    /// Every period from the first message to the last, gaps included.
    public var periodKeys: [Int]
    public var timeZone: String
    /// How topics were chosen (from the mapping).
    public var topicSettings: LogMapping.TopicSettings
    /// Rows of the audit table, from the rules.
    public var categories: [WebcareRules.Category]
    public var organisations: [OrganisationReport]
    /// Whether texts were read (topics and the privacy audit).
    public var textAnalysed: Bool
}

/// What was read: every row is a message, a skipped row or a rejected row.
public struct LogSummary: Sendable {
    public var file: String
    public var format: String
    /// Rows after the header that held something.
    public var rowsRead = 0
    public var messages = 0
    /// Rows whose direction label is mapped to `skip` (notes, status changes).
    public var skipped = 0
    public var rejectedByReason: [RejectReason: Int] = [:]
    /// Rows that held nothing at all: not read, listed.
    public var blankRows: [Int] = []
    public var warnings: [String] = []
    /// Local wall-clock seconds of the first and last message.
    public var firstLocal: Int?
    public var lastLocal: Int?

    public var rejected: Int { rejectedByReason.values.reduce(0, +) }
}

public struct OrganisationReport: Sendable {
    public var name: String
    public var officeHours: OfficeHours
    /// Channels with any message, sorted.
    public var channels: [String]
    public var privateChannels: Set<String>
    /// Per period key (every key of the report), all channels and per channel.
    public var periods: [Int: Breakdown]
    /// The whole log.
    public var total: Breakdown
    /// Customer messages per local weekday (0 = Monday) × hour: index weekday × 24 + hour.
    public var busiestHours: [Int]
    /// Per period key (not the first period): terms rising against the previous period.
    public var topics: [Int: [TrendingTerm]]
    public var audit: PrivacyAudit?
}

/// Measures for all channels together and per channel.
public struct Breakdown: Sendable, Equatable {
    public var all = Measures()
    public var byChannel: [String: Measures] = [:]

    public init() {}
}

/// A term many conversations used in a period, rising against the one before.
public struct TrendingTerm: Sendable, Equatable {
    public var term: String
    /// Conversations that used it, in this period and in the previous one.
    public var conversations: Int
    public var previousConversations: Int
    /// (conversations + 1) / (expected from the previous period + 1), where expected is the
    /// previous period's conversations × this period's conversations with text / the previous
    /// period's.
    public var rise: Double
    /// Conversations minus expected: the order of the list.
    public var excess: Double
}

/// The privacy audit of one organisation (the structure of Tabel 2 of the webcare thesis).
public struct PrivacyAudit: Sendable, Equatable {
    /// Customer messages on public channels with text: the denominator of the shares.
    public var publicMessages = 0
    /// Of those, messages with any personal data.
    public var messagesWithPersonalData = 0
    /// Messages holding each kind (a message with two kinds counts under both).
    public var messagesByKind: [PersonalDataKind: Int] = [:]
    /// Messages holding any kind of each category of the report (`WebcareReport.categories`),
    /// each message once per category.
    public var messagesByCategory: [Int] = []
    /// Conversations in which the customer published personal data.
    public var conversations = 0
    /// Of those: the organisation asked to continue privately (or the conversation moved to a
    /// private channel), advised deleting the public message, repeated the data in a public reply,
    /// and did neither of the first two.
    public var askedPrivate = 0
    public var advisedDelete = 0
    public var repeatedPublicly = 0
    public var noAdvice = 0
    /// Ids of the conversations whose personal data stayed public without advice to delete it.
    public var publicWithoutAdvice: [String] = []

    public init(categories: Int) {
        messagesByCategory = Array(repeating: 0, count: categories)
    }
}
