import Support

/// What `meetlat kpi` was given: any combination of the KPIs' inputs.
public struct KPIRequest: Sendable {
    public var reached: Int?
    public var converted: Int?
    public var users: Int?
    public var actions: Int?
    public var timeBefore: Double?
    public var timeAfter: Double?
    public var satisfactionScores: ScoreList?
    public var satisfactionScale: ClosedRange<Double>?
    public var satisfiedFrom: Double?
    public var satisfied: Int?
    public var respondents: Int?
    public var npsScores: ScoreList?
    public var promoters: Int?
    public var passives: Int?
    public var detractors: Int?
    public var resolvedFirstTime: Int?
    public var cases: Int?

    public init() {}

    /// The scale when none is given, and its "satisfied" threshold.
    public static let defaultScale = 1.0...5.0
    public static let defaultSatisfiedFrom = 4.0
}

/// One computed KPI.
public struct KPIResult: Sendable, Equatable {
    /// Stable key for JSON: `conversion_ratio`, `nps`, …
    public var key: String
    public var label: String
    /// The headline number (a fraction for ratios, points for NPS).
    public var value: Double
    public var shown: String
    public var formula: String
    /// The counts and parts behind it.
    public var details: [String: Double]
}

public enum KPIReport {
    public static let format = "meetlat-kpi/1"

    /// Every KPI whose inputs are in `request`, in a fixed order. Throws when an input is
    /// missing its partner or none is given.
    public static func evaluate(_ request: KPIRequest) throws -> [KPIResult] {
        var results: [KPIResult] = []
        if let (converted, reached) = try pair(request.converted, "--converted", request.reached, "--reached") {
            let ratio = try KPI.conversionRatio(converted: converted, reached: reached)
            results.append(KPIResult(key: "conversion_ratio", label: "Conversie ratio", value: ratio, shown: Format.percent(ratio),
                                     formula: "converted / reached = \(converted) / \(reached)",
                                     details: ["converted": Double(converted), "reached": Double(reached)]))
        }
        if let (actions, users) = try pair(request.actions, "--actions", request.users, "--users") {
            let activity = try KPI.activityPerUser(actions: actions, users: users)
            results.append(KPIResult(key: "activity_per_user", label: "Activiteit per user", value: activity, shown: Format.fixed(activity, decimals: 2),
                                     formula: "actions / users = \(actions) / \(users)",
                                     details: ["actions": Double(actions), "users": Double(users)]))
        }
        if let (before, after) = try pair(request.timeBefore, "--time-before", request.timeAfter, "--time-after") {
            let change = try KPI.throughputChange(before: before, after: after)
            results.append(KPIResult(key: "throughput_time_change", label: "Doorlooptijd change", value: change.relative,
                                     shown: "\(Format.fixed(change.change, decimals: 2)) (\(Format.percent(change.relative)))",
                                     formula: "(after − before) / before = (\(Format.value(after)) − \(Format.value(before))) / \(Format.value(before))",
                                     details: ["before": before, "after": after, "change": change.change]))
        }
        if let scores = request.satisfactionScores {
            let scale = request.satisfactionScale ?? KPIRequest.defaultScale
            guard let from = request.satisfiedFrom ?? (scale == KPIRequest.defaultScale ? KPIRequest.defaultSatisfiedFrom : nil) else {
                throw ROIError(source: "--satisfied-from", message: "missing: with a scale other than 1..5, say from which score a respondent counts as satisfied")
            }
            let satisfaction = try KPI.satisfaction(scores, scale: scale, satisfiedFrom: from)
            results.append(KPIResult(key: "satisfaction_mean", label: "Klanttevredenheid (mean)", value: satisfaction.mean,
                                     shown: Format.fixed(satisfaction.mean, decimals: 2) + " on \(Format.value(scale.lowerBound))..\(Format.value(scale.upperBound))",
                                     formula: "sum of scores / number of scores (n = \(satisfaction.count))",
                                     details: ["count": Double(satisfaction.count)]))
            results.append(KPIResult(key: "satisfied_share", label: "Klanttevredenheid (% satisfied)", value: satisfaction.satisfiedShare,
                                     shown: Format.percent(satisfaction.satisfiedShare),
                                     formula: "scores ≥ \(Format.value(from)) / all scores (n = \(satisfaction.count))",
                                     details: ["count": Double(satisfaction.count), "satisfiedFrom": from]))
        } else if request.satisfactionScale != nil || request.satisfiedFrom != nil {
            throw ROIError(source: "--satisfaction-scores", message: "missing: --satisfaction-scale and --satisfied-from apply to a score file")
        }
        if let (satisfied, respondents) = try pair(request.satisfied, "--satisfied", request.respondents, "--respondents") {
            let share = try KPI.satisfiedShare(satisfied: satisfied, respondents: respondents)
            results.append(KPIResult(key: "satisfied_share_counts", label: "Klanttevredenheid (% satisfied, counts)", value: share,
                                     shown: Format.percent(share), formula: "satisfied / respondents = \(satisfied) / \(respondents)",
                                     details: ["satisfied": Double(satisfied), "respondents": Double(respondents)]))
        }
        if let nps = try netPromoterScore(request) {
            results.append(KPIResult(
                key: "nps", label: "Net Promoter Score", value: nps.score, shown: Format.fixed(nps.score, decimals: 1),
                formula: "% promoters (9–10) − % detractors (0–6) = 100 × (\(nps.promoters) − \(nps.detractors)) / \(nps.respondents)",
                details: ["promoters": Double(nps.promoters), "passives": Double(nps.passives), "detractors": Double(nps.detractors)]))
        }
        if let (resolved, cases) = try pair(request.resolvedFirstTime, "--resolved-first-time", request.cases, "--cases") {
            let share = try KPI.firstTimeResolution(resolved: resolved, cases: cases)
            results.append(KPIResult(key: "first_time_resolution", label: "First time resolution", value: share, shown: Format.percent(share),
                                     formula: "resolved at first contact / cases = \(resolved) / \(cases)",
                                     details: ["resolved": Double(resolved), "cases": Double(cases)]))
        }
        guard !results.isEmpty else {
            throw ROIError(source: "kpi", message: "nothing to compute; give the inputs of at least one KPI (see --help)")
        }
        return results
    }

    static func netPromoterScore(_ request: KPIRequest) throws -> KPI.NetPromoterScore? {
        let counts = [request.promoters, request.passives, request.detractors]
        if let scores = request.npsScores {
            guard counts.allSatisfy({ $0 == nil }) else {
                throw ROIError(source: "--nps-scores", message: "give either a score file or --promoters/--passives/--detractors, not both")
            }
            return try KPI.netPromoterScore(scores)
        }
        guard counts.contains(where: { $0 != nil }) else { return nil }
        guard let promoters = request.promoters, let passives = request.passives, let detractors = request.detractors else {
            throw ROIError(source: "--promoters", message: "NPS from counts needs all three of --promoters, --passives and --detractors")
        }
        return try KPI.netPromoterScore(promoters: promoters, passives: passives, detractors: detractors)
    }

    /// Both or neither; one alone is an error naming the missing one.
    static func pair<A, B>(_ a: A?, _ aOption: String, _ b: B?, _ bOption: String) throws -> (A, B)? {
        switch (a, b) {
        case let (a?, b?): return (a, b)
        case (nil, nil): return nil
        case (.some, nil): throw ROIError(source: aOption, message: "needs \(bOption) as well")
        case (nil, .some): throw ROIError(source: bOption, message: "needs \(aOption) as well")
        }
    }

    public static func text(_ results: [KPIResult]) -> String {
        var table = TextTable(header: ["KPI", "value", "formula"], alignments: [.left, .right, .left])
        for result in results { table.append([result.label, result.shown, result.formula]) }
        return table.render()
    }

    public static func json(_ results: [KPIResult]) -> JSONValue {
        .object([
            "format": .string(format),
            "kpis": .array(results.map { result in
                .object([
                    "key": .string(result.key), "label": .string(result.label), "value": .number(result.value),
                    "formula": .string(result.formula), "details": .object(result.details.mapValues { .number($0) }),
                ])
            }),
        ])
    }
}
