/// What someone saw when looking up a gemeente's account on one platform: the handle or address
/// of the account (nil when none was found), the followers counted, when and by what. The
/// measured counterpart of a self-reported follower count ("harde meting").
public struct AccountObservation: Sendable, Hashable, Codable {
    /// CBS code of the gemeente.
    public var gemeente: String
    /// The platform as the channel option value of the questionnaire (`twitter`, `facebook`).
    public var channel: String
    /// Handle or address of the gemeente's organisational account; nil when none was found.
    public var account: String?
    /// Followers (likes, connections) measured; nil when the account was found but not counted.
    public var count: Int?
    /// When it was measured, ISO 8601 (`2013-05-20`); nil when the file does not say.
    public var date: String?
    /// What measured it (a monitoring tool's export, the platform's own statistics).
    public var source: String?
    /// Row of the observations file, for messages.
    public var row: Int

    public init(gemeente: String, channel: String, account: String?, count: Int?, date: String?, source: String?, row: Int) {
        self.gemeente = gemeente
        self.channel = channel
        self.account = account
        self.count = count
        self.date = date
        self.source = source
        self.row = row
    }
}

/// A year's observations file, read: which gemeenten were looked up on which platforms and what
/// was found. A gemeente that appears in the file was looked up on every platform of `channels`;
/// a platform without a row (or with an empty account) is "no account found". A gemeente that
/// does not appear was not looked up at all.
public struct YearObservations: Sendable, Hashable {
    public var year: Int
    /// File name as the mapping names it, e.g. `accounts.csv`.
    public var file: String
    /// The platforms looked up, as channel option values, in the mapping's order.
    public var channels: [String]
    /// True when the file is invented demo data (the mapping says so); every page and report
    /// that shows the observations says it.
    public var synthetic: Bool
    public var observations: [AccountObservation]

    private let index: [String: [String: AccountObservation]]

    public init(year: Int, file: String, channels: [String], synthetic: Bool, observations: [AccountObservation]) {
        self.year = year
        self.file = file
        self.channels = channels
        self.synthetic = synthetic
        self.observations = observations
        var index: [String: [String: AccountObservation]] = [:]
        for observation in observations { index[observation.gemeente, default: [:]][observation.channel] = observation }
        self.index = index
    }

    /// Whether the gemeente was looked up at all.
    public func measured(_ gemeente: String) -> Bool { index[gemeente] != nil }

    /// The observation of the gemeente on the platform; nil when it was not looked up there or
    /// no row was written for it.
    public func observation(_ gemeente: String, channel: String) -> AccountObservation? {
        index[gemeente]?[channel]
    }

    /// The measured count, when the gemeente was looked up, an account was found and counted.
    public func measuredCount(_ gemeente: String, channel: String) -> Int? {
        guard let observation = observation(gemeente, channel: channel), observation.account != nil else { return nil }
        return observation.count
    }
}
