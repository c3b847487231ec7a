import Core
import Support

/// Scores a survey year and ranks it.
///
/// Tie rule (standard competition ranking, as in Tabel 2 of the 2012 report): equal totals share
/// a rank and the next rank skips — 145, 129, 126, 126, 122 → 1, 2, 3, 3, 5. Within a tie,
/// gemeenten are listed in `NameOrder`. Ranks within size class and within province follow the
/// same rule inside each group.
public enum Ranker {
    /// Competition ranks for values already sorted best first: a value equal to the one before
    /// it shares that one's rank; otherwise its rank is its 1-based position.
    public static func competitionRanks<Value: Equatable>(sortedBestFirst values: [Value]) -> [Int] {
        var ranks: [Int] = []
        ranks.reserveCapacity(values.count)
        for index in values.indices {
            if index > 0, values[index] == values[index - 1] {
                ranks.append(ranks[index - 1])
            } else {
                ranks.append(index + 1)
            }
        }
        return ranks
    }

    /// Scores every response of `survey` under `model`, ranks them and, when `uncertainty` is
    /// given, adds each gemeente's rank interval and Sobol indices under the model's assumptions.
    ///
    /// - Parameters:
    ///   - survey: the year's accepted responses.
    ///   - model: the scoring model the year's mapping names.
    ///   - reference: the gemeenten, their inhabitants and size classes.
    ///   - observations: the year's measured accounts (scored where the model says so; the
    ///     discrepancy report goes into the ranking).
    ///   - previous: the previous edition's responses (the `previous_edition` alternative of
    ///     missing counts).
    ///   - uncertainty: the assumptions to vary and the sample size; nil skips the analysis.
    ///   - progress: a progress line for the analysis, if any.
    public static func rank(_ survey: SurveyResponses, model: ScoringModel, reference: Reference,
                            observations: YearObservations? = nil, previous: SurveyResponses? = nil,
                            uncertainty: UncertaintySettings? = nil, progress: Progress? = nil) throws -> Ranking {
        let year = survey.year
        var rows: [String: [Int]] = [:]
        for response in survey.responses { rows[response.gemeente, default: []].append(response.row) }
        if let (code, duplicateRows) = rows.filter({ $0.value.count > 1 }).min(by: { $0.key < $1.key }) {
            throw ScoringError.duplicateResponse(code: code, year: year, rows: duplicateRows.sorted())
        }

        let scorer = Scorer(model: model)
        var entries: [RankedGemeente] = []
        for response in survey.responses.sorted(by: { $0.gemeente < $1.gemeente }) {
            guard let gemeente = reference.gemeente(code: response.gemeente) else {
                throw ScoringError.unknownGemeente(code: response.gemeente, year: year, row: response.row)
            }
            guard let inhabitants = reference.inhabitants(of: gemeente.code, in: year) else {
                throw ScoringError.missingInhabitants(code: gemeente.code, name: gemeente.name, year: year)
            }
            guard inhabitants > 0 else {
                throw ScoringError.invalidInhabitants(code: gemeente.code, year: year, inhabitants: inhabitants)
            }
            guard let sizeClass = reference.sizeClass(forInhabitants: inhabitants) else {
                throw ScoringError.noSizeClass(code: gemeente.code, name: gemeente.name, year: year, inhabitants: inhabitants)
            }
            let score = try scorer.score(response, inhabitants: inhabitants, observations: observations)
            entries.append(RankedGemeente(
                code: gemeente.code, name: gemeente.name, province: gemeente.province, sizeClass: sizeClass.id,
                inhabitants: inhabitants, parts: score.parts, total: score.total, rank: 0, rankInSizeClass: 0,
                rankInProvince: 0, flags: score.flags, explanation: score.explanation))
        }

        entries = ordered(entries)
        assignRanks(&entries)

        var ranking = Ranking(year: year, model: model.name, maximum: model.maximum, parts: model.parts, entries: entries,
                              provenance: model.provenance.isEmpty ? nil : model.provenance)
        let needsFunction = observations != nil || !(uncertainty?.isEmpty ?? true)
        guard needsFunction else { return ranking }
        let function = RankingFunction(ranking: ranking, survey: survey, model: model, reference: reference,
                                       observations: observations, previous: previous)
        if let observations {
            ranking.observations = ObservationReport.make(ranking: ranking, survey: survey, model: model,
                                                          observations: observations, function: function)
        }
        if let uncertainty, !uncertainty.isEmpty {
            apply(UncertaintyAnalysis.run(function, model: model, settings: uncertainty, progress: progress), to: &ranking)
        }
        return ranking
    }

    /// Puts an analysis' results into the ranking it was run on.
    public static func apply(_ result: UncertaintyAnalysis.Result, to ranking: inout Ranking) {
        ranking.uncertainty = result.summary
        for index in ranking.entries.indices {
            ranking.entries[index].rankInterval = result.intervals[index]
            ranking.entries[index].uncertainty = result.gemeenten[index]
        }
    }

    /// Entries by descending total, ties in `NameOrder`.
    public static func ordered(_ entries: [RankedGemeente]) -> [RankedGemeente] {
        let keyed = entries.map { (entry: $0, order: NameOrder(name: $0.name, code: $0.code)) }
        return keyed.sorted { a, b in
            a.entry.total != b.entry.total ? a.entry.total > b.entry.total : a.order < b.order
        }.map(\.entry)
    }

    /// Sets rank, rank within size class and rank within province of entries in `ordered` order.
    public static func assignRanks(_ entries: inout [RankedGemeente]) {
        for (index, rank) in competitionRanks(sortedBestFirst: entries.map(\.total)).enumerated() {
            entries[index].rank = rank
        }
        for group in groupIndices(entries, by: \.sizeClass) {
            for (index, rank) in zip(group, competitionRanks(sortedBestFirst: group.map { entries[$0].total })) {
                entries[index].rankInSizeClass = rank
            }
        }
        for group in groupIndices(entries, by: \.province) {
            for (index, rank) in zip(group, competitionRanks(sortedBestFirst: group.map { entries[$0].total })) {
                entries[index].rankInProvince = rank
            }
        }
    }

    /// Indices of the entries per group, each group in the entries' order.
    private static func groupIndices(_ entries: [RankedGemeente], by key: KeyPath<RankedGemeente, String>) -> [[Int]] {
        var groups: [String: [Int]] = [:]
        for index in entries.indices { groups[entries[index][keyPath: key], default: []].append(index) }
        return groups.keys.sorted().map { groups[$0] ?? [] }
    }
}
