import Core

/// Self-reported against measured: per gemeente that was looked up and per platform, what it
/// answered (the channel claimed, the count given) and what was found (the account, the count),
/// and what that amounts to (`Finding`). Written into `Rankings/<year>.json` by `meetlat score`,
/// printed by `meetlat discrepancies`, shown on the site's page of measurements.
public struct ObservationReport: Sendable, Hashable, Codable {
    /// The observations file as the mapping names it.
    public var file: String
    /// The observations are invented demo data.
    public var synthetic: Bool
    public var threshold: DiscrepancyThreshold
    /// The platforms looked up: channel value and the model's label.
    public var channels: [ChannelLabel]
    /// Gemeenten looked up.
    public var measured: Int
    /// One row per gemeente looked up and platform, by gemeente name, then platform order.
    public var rows: [ObservationRow]
    /// The gemeenten whose total changes because measured counts are scored instead of their
    /// answers (the model's count sources against `reported` everywhere), by published rank.
    public var changes: [RankChange]

    public init(file: String, synthetic: Bool, threshold: DiscrepancyThreshold, channels: [ChannelLabel], measured: Int,
                rows: [ObservationRow], changes: [RankChange]) {
        self.file = file
        self.synthetic = synthetic
        self.threshold = threshold
        self.channels = channels
        self.measured = measured
        self.rows = rows
        self.changes = changes
    }

    /// Rows that say something is off (everything but `agrees`).
    public var flagged: [ObservationRow] { rows.filter { $0.finding != .agrees } }
}

public struct ChannelLabel: Sendable, Hashable, Codable {
    public var value: String
    public var label: String

    public init(value: String, label: String) {
        self.value = value
        self.label = label
    }
}

public struct ObservationRow: Sendable, Hashable, Codable {
    public enum Finding: String, Sendable, Hashable, Codable, CaseIterable {
        /// Claimed and found, and the counts (where both exist) within the threshold.
        case agrees
        /// The reported and measured counts differ by more than the threshold.
        case differs
        /// The gemeente says it is on the platform; no account was found.
        case claimedNotFound = "claimed_not_found"
        /// An account was found on a platform the gemeente did not claim.
        case foundNotClaimed = "found_not_claimed"

        /// Dutch, for the site and the command.
        public var dutch: String {
            switch self {
            case .agrees: return "klopt"
            case .differs: return "aantallen verschillen"
            case .claimedNotFound: return "opgegeven, geen account gevonden"
            case .foundNotClaimed: return "account gevonden, niet opgegeven"
            }
        }
    }

    public var code: String
    public var name: String
    public var channel: String
    /// Whether the gemeente said it is on the platform (nil: it did not answer the question).
    public var claimed: Bool?
    public var account: String?
    /// The count the gemeente gave, rounded as scored (nil: none given or none asked).
    public var reported: Int?
    public var reportedApproximate: Bool
    public var measured: Int?
    public var date: String?
    public var source: String?
    public var finding: Finding

    public init(code: String, name: String, channel: String, claimed: Bool?, account: String?, reported: Int?,
                reportedApproximate: Bool, measured: Int?, date: String?, source: String?, finding: Finding) {
        self.code = code
        self.name = name
        self.channel = channel
        self.claimed = claimed
        self.account = account
        self.reported = reported
        self.reportedApproximate = reportedApproximate
        self.measured = measured
        self.date = date
        self.source = source
        self.finding = finding
    }
}

/// A gemeente's total and rank scored on its own answers against the published ones.
public struct RankChange: Sendable, Hashable, Codable {
    public var code: String
    public var name: String
    public var reportedTotal: Int
    public var total: Int
    public var reportedRank: Int
    public var rank: Int

    public init(code: String, name: String, reportedTotal: Int, total: Int, reportedRank: Int, rank: Int) {
        self.code = code
        self.name = name
        self.reportedTotal = reportedTotal
        self.total = total
        self.reportedRank = reportedRank
        self.rank = rank
    }
}

extension ObservationReport {
    /// The report of a ranked year. `function` ranks the year on the answers alone for `changes`.
    static func make(ranking: Ranking, survey: SurveyResponses, model: ScoringModel, observations: YearObservations,
                     function: RankingFunction) -> ObservationReport {
        let responses = Dictionary(survey.responses.map { ($0.gemeente, $0) }) { first, _ in first }
        var channelField: String?
        var labels: [String: String] = [:]
        var countFields: [String: String] = [:]
        for dimension in model.dimensions {
            switch dimension.rule {
            case .presence(let rule):
                channelField = channelField ?? rule.field
                for option in rule.options where labels[option.value] == nil { labels[option.value] = option.label }
            case .perInhabitant(let rule):
                for field in rule.fields { if let channel = field.channel { countFields[channel] = field.field } }
            default: continue
            }
        }
        var rows: [ObservationRow] = []
        let measuredEntries = ranking.entries.filter { observations.measured($0.code) }
        for entry in measuredEntries.sorted(by: { NameOrder(name: $0.name, code: $0.code) < NameOrder(name: $1.name, code: $1.code) }) {
            let response = responses[entry.code]
            let chosen = channelField.flatMap { response?[$0]?.selection }
            for channel in observations.channels {
                let observation = observations.observation(entry.code, channel: channel)
                let found = observation?.account != nil
                let claimed = chosen.map { $0.contains(channel) }
                let value = countFields[channel].flatMap { response?[$0] }
                let reported = value?.number.map(CountValue.rounded)
                let measured = found ? observation?.count : nil
                var finding = ObservationRow.Finding.agrees
                if claimed == true && !found {
                    finding = .claimedNotFound
                } else if claimed == false && found {
                    finding = .foundNotClaimed
                } else if let reported, let measured, model.discrepancy.differs(reported: reported, measured: measured) {
                    finding = .differs
                }
                rows.append(ObservationRow(
                    code: entry.code, name: entry.name, channel: channel, claimed: claimed, account: observation?.account,
                    reported: reported, reportedApproximate: value?.isApproximate ?? false, measured: measured,
                    date: observation?.date, source: observation?.source, finding: finding))
            }
        }
        var reportedChoice = RankingFunction.Choice.today(dimensions: model.dimensions.count, approximate: function.approximateCount)
        reportedChoice.source = .reported
        let reportedScores = function.scores(reportedChoice)
        let reportedRanks = RankingFunction.competitionRanks(reportedScores)
        var changes: [RankChange] = []
        for (index, entry) in ranking.entries.enumerated() where Int(reportedScores[index]) != entry.total {
            changes.append(RankChange(code: entry.code, name: entry.name, reportedTotal: Int(reportedScores[index]),
                                      total: entry.total, reportedRank: Int(reportedRanks[index]), rank: entry.rank))
        }
        return ObservationReport(
            file: observations.file, synthetic: observations.synthetic, threshold: model.discrepancy,
            channels: observations.channels.map { ChannelLabel(value: $0, label: labels[$0] ?? $0) },
            measured: measuredEntries.count, rows: rows, changes: changes)
    }
}
