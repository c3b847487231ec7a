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
    public var interactions: Int?
    public var fans: Int?
    public var posts: Int?
    public var aConverted: Int?
    public var aReached: Int?
    public var bConverted: Int?
    public var bReached: Int?
    /// e.g. 0.95; nil: 95 %.
    public var confidence: Double?
    public var lifecyclePrevious: Int?
    public var lifecycleNew: Int?
    public var lifecycleReturning: Int?
    public var lifecycleLapsed: Int?
    /// From an activity log.
    public var lifecycle: UserLifecycle?

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
    /// A table behind the headline (the user lifecycle per period): its columns, then one row
    /// each (a label and one value per column; nil where not defined).
    public var tableColumns: [String] = []
    public var table: [(label: String, values: [Double?])] = []

    public static func == (a: KPIResult, b: KPIResult) -> Bool {
        a.key == b.key && a.label == b.label && a.value == b.value && a.shown == b.shown && a.formula == b.formula
            && a.details == b.details && a.tableColumns == b.tableColumns
            && a.table.map(\.label) == b.table.map(\.label) && a.table.map(\.values) == b.table.map(\.values)
    }
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
        results += try newerKPIs(request)
        guard !results.isEmpty else {
            throw ROIError(source: "kpi", message: "nothing to compute; give the inputs of at least one KPI (see --help)")
        }
        return results
    }

    /// IPM, the A/B test and the user lifecycle (the ROI chapter's KPIs added later).
    static func newerKPIs(_ request: KPIRequest) throws -> [KPIResult] {
        var results: [KPIResult] = []
        if let (interactions, fans) = try pair(request.interactions, "--interactions", request.fans, "--fans") {
            let ipm = try KPI.interactionsPerThousand(interactions: interactions, fans: fans, posts: request.posts)
            let perPost = request.posts.map { " / \($0) posts" } ?? ""
            results.append(KPIResult(key: "ipm", label: request.posts == nil ? "IPM (interactions per 1,000 fans)" : "IPM (interactions per post per 1,000 fans)",
                                     value: ipm, shown: Format.fixed(ipm, decimals: 2),
                                     formula: "1000 × interactions / fans\(request.posts == nil ? "" : " / posts") = 1000 × \(interactions) / \(fans)\(perPost)",
                                     details: ["interactions": Double(interactions), "fans": Double(fans)].merging(request.posts.map { ["posts": Double($0)] } ?? [:]) { a, _ in a }))
        } else if request.posts != nil {
            throw ROIError(source: "--posts", message: "needs --interactions and --fans as well")
        }
        let a = try pair(request.aConverted, "--a-converted", request.aReached, "--a-reached")
        let b = try pair(request.bConverted, "--b-converted", request.bReached, "--b-reached")
        switch (a, b) {
        case let ((aConverted, aReached)?, (bConverted, bReached)?):
            let test = try KPI.abTest(a: .init(converted: aConverted, reached: aReached), b: .init(converted: bConverted, reached: bReached),
                                      confidence: request.confidence ?? 0.95)
            results.append(abResult(test))
        case (nil, nil):
            if request.confidence != nil { throw ROIError(source: "--confidence", message: "applies to an A/B test; give --a-converted, --a-reached, --b-converted and --b-reached") }
        case (nil, _): throw ROIError(source: "--a-converted", message: "an A/B test needs both variants: give --a-converted and --a-reached")
        case (_, nil): throw ROIError(source: "--b-converted", message: "an A/B test needs both variants: give --b-converted and --b-reached")
        }
        if let counts = try lifecycleCounts(request) {
            if request.lifecycle != nil { throw ROIError(source: "--activity-log", message: "give either an activity log or the --lifecycle-* counts, not both") }
            results.append(KPIResult(
                key: "user_lifecycle", label: "User lifecycle (counts)", value: counts.retention,
                shown: "\(counts.active) active: \(counts.new) new, \(counts.returning) returning; \(counts.lapsed) lapsed; retention \(Format.percent(counts.retention))",
                formula: "active = new + returning = \(counts.new) + \(counts.returning); retention = (previous − lapsed) / previous = (\(counts.previous) − \(counts.lapsed)) / \(counts.previous); growth \(Format.percent(counts.growth))",
                details: ["previous": Double(counts.previous), "new": Double(counts.new), "returning": Double(counts.returning),
                          "lapsed": Double(counts.lapsed), "active": Double(counts.active), "retained": Double(counts.retained),
                          "reactivated": Double(counts.reactivated), "growth": counts.growth]))
        }
        if let log = request.lifecycle { results.append(lifecycleResult(log)) }
        return results
    }

    static func abResult(_ test: KPI.ABTest) -> KPIResult {
        let level = Format.percent(test.confidence)
        let verdict = test.significant
            ? "significant at \(level) (p = \(Format.fixed(test.p, decimals: 4)))"
            : "not significant at \(level) (p = \(Format.fixed(test.p, decimals: 4)))"
        let caution = test.smallSample ? "; fewer than 5 (non-)conversions in a variant: the normal approximation is rough" : ""
        return KPIResult(
            key: "ab_test", label: "A/B test: conversion B − A", value: test.difference,
            shown: "\(Format.percentagePoints(test.difference)) (\(level) interval \(Format.percentagePoints(test.low)) to \(Format.percentagePoints(test.high))), \(verdict)",
            formula: "A \(test.a.converted) / \(test.a.reached) = \(Format.percent(test.a.rate)), B \(test.b.converted) / \(test.b.reached) = \(Format.percent(test.b.rate)); two-proportion z = \(Format.fixed(test.z, decimals: 3))\(caution)",
            details: ["aConverted": Double(test.a.converted), "aReached": Double(test.a.reached), "bConverted": Double(test.b.converted),
                      "bReached": Double(test.b.reached), "aRate": test.a.rate, "bRate": test.b.rate, "low": test.low, "high": test.high,
                      "z": test.z, "p": test.p, "confidence": test.confidence, "significant": test.significant ? 1 : 0])
    }

    static func lifecycleResult(_ log: UserLifecycle) -> KPIResult {
        var result = KPIResult(
            key: "user_lifecycle", label: "User lifecycle (per \(log.period.rawValue))", value: Double(log.rows.last?.active ?? 0),
            shown: log.rows.last.map { "\($0.period): \($0.active) active" } ?? "no activity",
            formula: "\(log.users) users in \(log.records) log rows; per \(log.period.rawValue) below (active = new + returning)",
            details: ["users": Double(log.users), "records": Double(log.records), "periods": Double(log.rows.count)])
        result.tableColumns = ["active", "new", "returning", "lapsed", "retention"]
        result.table = log.rows.map { row in
            (row.period, [Double(row.active), Double(row.new), Double(row.returning), row.lapsed.map(Double.init), row.retention])
        }
        return result
    }

    static func lifecycleCounts(_ request: KPIRequest) throws -> LifecycleCounts? {
        let counts = [request.lifecyclePrevious, request.lifecycleNew, request.lifecycleReturning, request.lifecycleLapsed]
        guard counts.contains(where: { $0 != nil }) else { return nil }
        guard let previous = request.lifecyclePrevious, let new = request.lifecycleNew,
              let returning = request.lifecycleReturning, let lapsed = request.lifecycleLapsed else {
            throw ROIError(source: "--lifecycle-previous", message: "the lifecycle from counts needs all four of --lifecycle-previous, --lifecycle-new, --lifecycle-returning and --lifecycle-lapsed")
        }
        return try LifecycleCounts(previous: previous, new: new, returning: returning, lapsed: lapsed)
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
        var text = table.render()
        for result in results where !result.tableColumns.isEmpty {
            var rows = TextTable(header: ["period"] + result.tableColumns, alignments: [.left] + result.tableColumns.map { _ in .right })
            for row in result.table {
                rows.append([row.label] + zip(result.tableColumns, row.values).map { column, value in
                    guard let value else { return "–" }
                    return column == "retention" ? Format.percent(value) : Format.fixed(value, decimals: 0)
                })
            }
            text += "\n\(result.label)\n" + rows.render()
        }
        return text
    }

    public static func json(_ results: [KPIResult]) -> JSONValue {
        .object([
            "format": .string(format),
            "kpis": .array(results.map { result in
                var object: [String: JSONValue] = [
                    "key": .string(result.key), "label": .string(result.label), "value": .number(result.value),
                    "formula": .string(result.formula), "details": .object(result.details.mapValues { .number($0) }),
                ]
                if !result.tableColumns.isEmpty {
                    object["rows"] = .array(result.table.map { row in
                        .object(["period": .string(row.label)].merging(zip(result.tableColumns, row.values).map { ($0, JSONValue.number($1)) }) { a, _ in a })
                    })
                }
                return .object(object)
            }),
        ])
    }
}
