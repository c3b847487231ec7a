import Ingest
import Scoring
import Support

/// The tables `meetlat compare` prints: the top of year b, risers, fallers, new entrants,
/// drop-outs, mergers, channel adoption and every gemeente. Every table that compares ranks or
/// scores carries the model-change notice when the two years were scored with different models
/// (channel adoption compares answers, not scores, and does not).
extension YearComparison {
    public var period: String { "\(from.year) → \(to.year)" }

    /// The notice printed next to every comparison that crosses a change of scoring model.
    public var modelNotice: String? {
        guard modelChanged else { return nil }
        return "scoring model changed: \(from.year) was scored with \(from.model) (maximum \(from.maximum)), "
            + "\(to.year) with \(to.model) (maximum \(to.maximum)); ranks and scores are not like for like"
    }

    private func table(_ id: String, _ caption: String, _ columns: [StatColumn], _ rows: [StatRow], notes: [String] = []) -> StatTable {
        StatTable(id: "compare.\(id)", definition: "compare.\(id)", caption: caption, period: period,
                  columns: columns, rows: rows, notes: (modelNotice.map { [$0] } ?? []) + notes)
    }

    private var entryColumns: [StatColumn] {
        [StatColumn("label", "gemeente", .left), StatColumn("rank", "rank \(to.year)"), StatColumn("score", "score \(to.year)"),
         StatColumn("previous-rank", "rank \(from.year)"), StatColumn("previous-score", "score \(from.year)"),
         StatColumn("rank-change", "places"), StatColumn("score-change", "points"), StatColumn("compared-with", "compared with", .left)]
    }

    private func entryRow(_ entry: Entry) -> StatRow {
        StatRow(id: entry.current.code, cells: [
            .text(entry.current.name), .count(entry.current.rank), .count(entry.current.total),
            entry.previous.map { .count($0.rank) } ?? .empty, entry.previous.map { .count($0.total) } ?? .empty,
            entry.rankChange.map(StatCell.change) ?? .empty, entry.scoreChange.map(StatCell.change) ?? .empty,
            .text(comparedWith(entry)),
        ])
    }

    private func comparedWith(_ entry: Entry) -> String {
        switch entry.basis {
        case .same(let absorbed):
            return absorbed.isEmpty ? "" : "itself (absorbed: \(absorbed.map(\.name).joined(separator: ", ")))"
        case .predecessors(let used, let answered):
            return answered.count == 1 ? "predecessor \(used.name)" : "predecessor \(used.name) (largest of \(answered.count))"
        case .new:
            return "new"
        }
    }

    private var mergerNote: [String] {
        mergers.isEmpty ? [] : ["\(counted(mergers.count, "gemeente is", "gemeenten are")) compared with a predecessor (the largest by inhabitants in \(from.year)): see compare.mergers"]
    }

    /// All tables of the comparison. `top`: size of the top table; `limit`: length of the riser
    /// and faller lists; `channels`: the channel adoption table, when the surveys were read.
    public func tables(top: Int = 10, limit: Int = 10, channels: StatTable? = nil) -> [StatTable] {
        var tables: [StatTable] = []
        let topEntries = self.top(top)
        let riser = biggestRiser(withinTop: top).map {
            "biggest riser in the top \(top): \($0.current.name) (\($0.previous?.rank ?? 0) → \($0.current.rank))"
        }
        tables.append(table("top", "Top \(top) \(to.year) (and rank \(from.year))", entryColumns, topEntries.map(entryRow),
                            notes: (riser.map { [$0] } ?? []) + mergerNote))
        tables.append(table("risers", "Biggest risers", entryColumns, risers(limit: limit).map(entryRow),
                            notes: ["by places risen; equal changes by name"]))
        tables.append(table("fallers", "Biggest fallers", entryColumns, fallers(limit: limit).map(entryRow),
                            notes: ["by places fallen; equal changes by name"]))
        tables.append(table("new", "New in \(to.year)", [StatColumn("label", "gemeente", .left), StatColumn("rank", "rank \(to.year)"),
                                                          StatColumn("score", "score \(to.year)")],
                            newEntrants.map { StatRow(id: $0.current.code, cells: [.text($0.current.name), .count($0.current.rank), .count($0.current.total)]) },
                            notes: ["answered in \(to.year); neither they nor a predecessor answered in \(from.year)"]))
        tables.append(table("dropouts", "Not in \(to.year)", [StatColumn("label", "gemeente", .left), StatColumn("previous-rank", "rank \(from.year)"),
                                                               StatColumn("previous-score", "score \(from.year)"), StatColumn("note", "note", .left)],
                            dropOuts.map { dropOut in
                                StatRow(id: dropOut.previous.code, cells: [
                                    .text(dropOut.previous.name), .count(dropOut.previous.rank), .count(dropOut.previous.total),
                                    .text(dropOut.mergedInto.map { "merged into \($0.name), which did not answer" } ?? ""),
                                ])
                            },
                            notes: ["answered in \(from.year), not in \(to.year), and not merged into a gemeente that answered"]))
        tables.append(table("mergers", "Compared with predecessors",
                            [StatColumn("label", "gemeente", .left), StatColumn("rank", "rank \(to.year)"),
                             StatColumn("used", "compared with", .left), StatColumn("predecessors", "predecessors in \(from.year) (rank, inhabitants)", .left)],
                            mergers.compactMap { entry in
                                guard case .predecessors(let used, let answered) = entry.basis else { return nil }
                                let listed = answered.map { "\($0.name) (\($0.rank), \($0.inhabitants))" }.joined(separator: "; ")
                                return StatRow(id: entry.current.code, cells: [.text(entry.current.name), .count(entry.current.rank),
                                                                               .text(used.name), .text(listed)])
                            },
                            notes: ["a merged gemeente is compared with the largest of its predecessors that answered, by inhabitants in \(from.year)"]))
        // Channel adoption compares survey answers, not scores: the model notice does not apply.
        if let channels { tables.append(channels) }
        // The long table last, so the summaries above stay in view.
        tables.append(table("gemeenten", "Score and rank per gemeente", entryColumns, entries.map(entryRow),
                            notes: ["places: rank \(from.year) − rank \(to.year) (positive = risen); – = not in \(from.year)"] + mergerNote))
        return tables
    }
}

/// Channel adoption in two years: the share of respondents using each option of a multi-select
/// field (Tabel 3 / Tabel 7-1), its change in percentage points and the relative difference of
/// Tabel 12, computed from the exact shares.
public enum ChannelAdoption {
    public struct Year: Sendable {
        public var survey: SurveyYear
        public var questionnaire: Questionnaire?

        public init(survey: SurveyYear, questionnaire: Questionnaire? = nil) {
            self.survey = survey
            self.questionnaire = questionnaire
        }
    }

    public static func table(_ definition: TableDefinition, from old: Year, to new: Year, reference: Reference) throws -> StatTable {
        let field = definition.field ?? ""
        let oldContext = YearContext(survey: old.survey, reference: reference, questionnaire: old.questionnaire, published: nil)
        let newContext = YearContext(survey: new.survey, reference: reference, questionnaire: new.questionnaire, published: nil)
        let options = (definition.options ?? []).map(\.value)
        let oldShares = try oldContext.optionShares(field, options: options)
        let newShares = try newContext.optionShares(field, options: options)
        var result = StatTable(
            id: "compare.\(definition.id)", definition: "compare.\(definition.id)",
            caption: "\(definition.caption): adoption", period: "\(old.survey.year) → \(new.survey.year)",
            columns: [StatColumn("label", "option", .left), StatColumn("old", String(old.survey.year)), StatColumn("new", String(new.survey.year)),
                      StatColumn("change", "change"), StatColumn("relative", "relative difference")])
        for option in definition.options ?? [] {
            let before = oldShares?[option.value]
            let after = newShares?[option.value]
            var cells: [StatCell] = [.text(option.label), before.map(StatCell.share) ?? .notAsked, after.map(StatCell.share) ?? .notAsked]
            if let oldValue = before?.value, let newValue = after?.value {
                cells.append(.difference((newValue - oldValue) * 100, decimals: 1, unit: "pp"))
                cells.append(relativeDifference(old: oldValue, new: newValue).map { .difference($0, decimals: 0, unit: "%") } ?? .empty)
            } else {
                let notAsked = before == nil || after == nil
                cells += [notAsked ? .notAsked : .empty, notAsked ? .notAsked : .empty]
            }
            result.rows.append(StatRow(id: option.value, cells: cells))
        }
        result.notes = [
            "shares of the respondents who answered '\(field)' in each year",
            "relative difference: ((new − old) / old) × 100, as in Tabel 12 of the 2012 report, from the exact shares; – when the old share is 0",
            "niet gevraagd: the year did not ask the question or did not offer the option",
        ]
        return result
    }
}

extension YearContext {
    /// Option → share of the respondents who answered `field`, for each of `options` the form
    /// offered (or someone chose); `nil` when the year did not ask the field at all.
    func optionShares(_ field: String, options: [String]) throws -> [String: Proportion]? {
        guard isAsked(field) else { return nil }
        var selections: [Set<String>] = []
        for (response, value) in answers(field) {
            selections.append(try selection(value, field: field, of: response))
        }
        let found = Set(selections.flatMap { $0 })
        var shares: [String: Proportion] = [:]
        for option in options where isOffered(option, for: field) || found.contains(option) {
            shares[option] = Proportion(selections.filter { $0.contains(option) }.count, of: selections.count)
        }
        return shares
    }
}
