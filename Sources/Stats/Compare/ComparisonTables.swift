import Core
import Scoring
import Support

/// The tables `meetlat compare` prints: the top of year b, risers, fallers, new entrants,
/// drop-outs, mergers, channel adoption and every gemeente. Every table that compares ranks or
/// scores carries the model-change notice when the two years were scored with different models
/// (channel adoption compares answers, not scores, and does not).
extension YearComparison {
    public var period: String { "\(from.year) → \(to.year)" }

    /// The notice printed next to every comparison that crosses a change of scoring model.
    public var modelNotice: StatText? {
        guard modelChanged else { return nil }
        return StatText(
            "scoring model changed: \(from.year) was scored with \(from.model) (maximum \(from.maximum)), "
                + "\(to.year) with \(to.model) (maximum \(to.maximum)); ranks and scores are not like for like",
            dutch: "ander scoringsmodel: \(from.year) is gescoord met \(from.model) (maximaal \(from.maximum) punten), "
                + "\(to.year) met \(to.model) (maximaal \(to.maximum) punten); rangen en scores zijn niet één op één te vergelijken")
    }

    private func table(_ id: String, _ caption: StatText, _ columns: [StatColumn], _ rows: [StatRow], notes: [StatText] = []) -> StatTable {
        StatTable(id: "compare.\(id)", definition: "compare.\(id)", caption: caption, period: period,
                  columns: columns, rows: rows, notes: (modelNotice.map { [$0] } ?? []) + notes)
    }

    private var gemeenteColumn: StatColumn { StatColumn("label", StatText("gemeente", dutch: "Gemeente"), .left) }
    private func rankColumn(_ id: String, _ year: Int) -> StatColumn { StatColumn(id, StatText("rank \(year)", dutch: "Rang \(year)")) }
    private func scoreColumn(_ id: String, _ year: Int) -> StatColumn { StatColumn(id, StatText("score \(year)", dutch: "Score \(year)")) }

    private func positionColumn(_ id: String, _ year: Int) -> StatColumn {
        StatColumn(id, StatText("position \(year)", dutch: "Relatieve positie \(year)"))
    }

    private var entryColumns: [StatColumn] {
        [gemeenteColumn, rankColumn("rank", to.year), scoreColumn("score", to.year),
         rankColumn("previous-rank", from.year), scoreColumn("previous-score", from.year),
         StatColumn("rank-change", StatText("places", dutch: "Plaatsen")), StatColumn("score-change", StatText("points", dutch: "Punten")),
         positionColumn("position", to.year), positionColumn("previous-position", from.year),
         StatColumn("position-change", StatText("position change", dutch: "Verschil relatieve positie")),
         StatColumn("compared-with", StatText("compared with", dutch: "Vergeleken met"), .left)]
    }

    private func entryRow(_ entry: Entry) -> StatRow {
        StatRow(id: entry.current.code, cells: [
            .text(entry.current.name), .count(entry.current.rank), .count(entry.current.total),
            entry.previous.map { .count($0.rank) } ?? .empty, entry.previous.map { .count($0.total) } ?? .empty,
            entry.rankChange.map(StatCell.change) ?? .empty, entry.scoreChange.map(StatCell.change) ?? .empty,
            .number(entry.position, decimals: 1), entry.previousPosition.map { .number($0, decimals: 1) } ?? .empty,
            entry.positionChange.map { .difference($0, decimals: 1, unit: "pp") } ?? .empty,
            .phrase(comparedWith(entry)),
        ])
    }

    /// What the relative position is, and why it stands beside the places.
    public var positionNote: StatText {
        let counts = "\(from.year): \(from.entries.count), \(to.year): \(to.entries.count)"
        return StatText(
            "relative position: the share of the other ranked gemeenten placed lower, in % (rank 1 = 100, last = 0); "
                + (countsDiffer ? "the rankings differ in length (\(counts)), so places are not like for like; the change of relative position is (pp: percentage points)"
                                : "both rankings are equally long (\(counts)), so places and relative position tell the same (pp: percentage points)"),
            dutch: "relatieve positie: het deel van de andere gemeenten in de ranglijst dat lager staat, in procenten (rang 1 = 100, de laatste = 0); "
                + (countsDiffer ? "de ranglijsten zijn niet even lang (\(counts)), dus alleen het verschil in relatieve positie is een zuivere vergelijking; pp = procentpunt"
                                : "de ranglijsten zijn even lang (\(counts)), dus plaatsen en relatieve positie zeggen hetzelfde; pp = procentpunt"))
    }

    /// `compared with` of an entry: itself (with absorbed gemeenten), a predecessor, or new.
    public func comparedWith(_ entry: Entry) -> StatText {
        switch entry.basis {
        case .same(let absorbed):
            let names = absorbed.map(\.name).joined(separator: ", ")
            return absorbed.isEmpty ? StatText(same: "") : StatText("itself (absorbed: \(names))", dutch: "zichzelf (met opgegane gemeenten: \(names))")
        case .predecessors(let used, let answered):
            return answered.count == 1 ? StatText("predecessor \(used.name)", dutch: "voorganger \(used.name)")
                : StatText("predecessor \(used.name) (largest of \(answered.count))",
                           dutch: "voorganger \(used.name) (grootste van \(answered.count))")
        case .new:
            return StatText("new", dutch: "nieuw")
        }
    }

    private var mergerNote: [StatText] {
        mergers.isEmpty ? [] : [StatText(
            "\(counted(mergers.count, "gemeente is", "gemeenten are")) compared with a predecessor (the largest by inhabitants in \(from.year)): see compare.mergers",
            dutch: "\(counted(mergers.count, "gemeente is", "gemeenten zijn")) vergeleken met een voorganger (de grootste naar inwoners in \(from.year)): "
                + "zie de tabel Vergeleken met voorgangers")]
    }

    /// All tables of the comparison. `top`: size of the top table; `limit`: length of the riser
    /// and faller lists; `channels`: the channel adoption table, when the surveys were read.
    public func tables(top: Int = 10, limit: Int = 10, channels: StatTable? = nil) -> [StatTable] {
        var tables: [StatTable] = []
        let topEntries = self.top(top)
        let riser = biggestRiser(withinTop: top).map { entry in
            let change = "\(entry.current.name) (\(entry.previous?.rank ?? 0) → \(entry.current.rank)"
            let basis = entry.isAgainstPredecessor ? comparedWith(entry) : StatText(same: "")
            return StatText("biggest riser in the top \(top): \(change)\(entry.isAgainstPredecessor ? ", \(basis.english)" : ""))",
                            dutch: "grootste stijger in de top \(top): \(change)\(entry.isAgainstPredecessor ? ", \(basis.dutch)" : ""))")
        }
        tables.append(table("top", StatText("Top \(top) \(to.year) (and rank \(from.year))", dutch: "Top \(top) van \(to.year) (met de rang in \(from.year))"),
                            entryColumns, topEntries.map(entryRow), notes: (riser.map { [$0] } ?? []) + [positionNote] + mergerNote))
        let leftOut = mergers.isEmpty ? [] : [StatText(
            "gemeenten compared with a predecessor are left out (see compare.mergers)",
            dutch: "gemeenten die met een voorganger zijn vergeleken, staan hier niet (zie de tabel Vergeleken met voorgangers)")]
        tables.append(table("risers", StatText("Biggest risers", dutch: "Grootste stijgers"), entryColumns, risers(limit: limit).map(entryRow),
                            notes: [StatText("by relative position gained, then places; equal changes by name",
                                             dutch: "naar gewonnen relatieve positie, dan naar plaatsen; bij gelijke stijging op naam"), positionNote] + leftOut))
        tables.append(table("fallers", StatText("Biggest fallers", dutch: "Grootste dalers"), entryColumns, fallers(limit: limit).map(entryRow),
                            notes: [StatText("by relative position lost, then places; equal changes by name",
                                             dutch: "naar verloren relatieve positie, dan naar plaatsen; bij gelijke daling op naam"), positionNote] + leftOut))
        tables.append(table("new", StatText("New in \(to.year)", dutch: "Nieuw in \(to.year)"),
                            [gemeenteColumn, rankColumn("rank", to.year), scoreColumn("score", to.year)],
                            newEntrants.map { StatRow(id: $0.current.code, cells: [.text($0.current.name), .count($0.current.rank), .count($0.current.total)]) },
                            notes: [StatText("answered in \(to.year); neither they nor a predecessor answered in \(from.year)",
                                             dutch: "deden mee in \(to.year); in \(from.year) deden zij en hun voorgangers niet mee")]))
        tables.append(table("dropouts", StatText("Not in \(to.year)", dutch: "Niet meer in \(to.year)"),
                            [gemeenteColumn, rankColumn("previous-rank", from.year), scoreColumn("previous-score", from.year),
                             StatColumn("note", StatText("note", dutch: "Opmerking"), .left)],
                            dropOuts.map { dropOut in
                                StatRow(id: dropOut.previous.code, cells: [
                                    .text(dropOut.previous.name), .count(dropOut.previous.rank), .count(dropOut.previous.total),
                                    .phrase(dropOut.mergedInto.map {
                                        StatText("merged into \($0.name), which did not answer", dutch: "opgegaan in \($0.name), dat niet meedeed")
                                    } ?? StatText(same: "")),
                                ])
                            },
                            notes: [StatText("answered in \(from.year), not in \(to.year), and not merged into a gemeente that answered",
                                             dutch: "deden mee in \(from.year), niet in \(to.year), en zijn niet opgegaan in een gemeente die wel meedeed")]))
        tables.append(table("mergers", StatText("Compared with predecessors", dutch: "Vergeleken met voorgangers"),
                            [gemeenteColumn, rankColumn("rank", to.year),
                             StatColumn("used", StatText("compared with", dutch: "Vergeleken met"), .left),
                             rankColumn("previous-rank", from.year), StatColumn("rank-change", StatText("places", dutch: "Plaatsen")),
                             StatColumn("position-change", StatText("position change", dutch: "Verschil relatieve positie")),
                             StatColumn("predecessors", StatText("predecessors in \(from.year) (rank, inhabitants)",
                                                                 dutch: "Voorgangers in \(from.year) (rang, inwoners)"), .left)],
                            mergers.compactMap { entry in
                                guard case .predecessors(let used, let answered) = entry.basis else { return nil }
                                let listed = answered.map { "\($0.name) (\($0.rank), \($0.inhabitants))" }.joined(separator: "; ")
                                return StatRow(id: entry.current.code, cells: [
                                    .text(entry.current.name), .count(entry.current.rank), .text(used.name), .count(used.rank),
                                    entry.rankChange.map(StatCell.change) ?? .empty,
                                    entry.positionChange.map { .difference($0, decimals: 1, unit: "pp") } ?? .empty, .text(listed)])
                            },
                            notes: [StatText("a merged gemeente is compared with the largest of its predecessors that answered, by inhabitants in \(from.year); "
                                                + "its change is not in the lists of risers and fallers",
                                             dutch: "een gefuseerde gemeente wordt vergeleken met de grootste voorganger (naar inwoners in \(from.year)) die meedeed; "
                                                + "haar verschil staat daarom niet bij de stijgers en dalers"), positionNote]))
        // Channel adoption compares survey answers, not scores: the model notice does not apply.
        if let channels { tables.append(channels) }
        // The long table last, so the summaries above stay in view.
        tables.append(table("gemeenten", StatText("Score and rank per gemeente", dutch: "Score en rang per gemeente"), entryColumns, entries.map(entryRow),
                            notes: [StatText("places: rank \(from.year) − rank \(to.year) (positive = risen); – = not in \(from.year)",
                                             dutch: "plaatsen: rang \(from.year) − rang \(to.year) (positief = gestegen); – = niet in \(from.year)"),
                                    positionNote] + mergerNote))
        return tables
    }
}

/// Channel adoption in two years: the share of respondents using each option of a multi-select
/// field (Tabel 3 / Tabel 7-1), its change in percentage points and the relative difference of
/// Tabel 12, computed from the exact shares. Read from the years' statistics
/// (`Statistics/<year>.json`), so a comparison needs no survey export.
public enum ChannelAdoption {
    /// The adoption table of the `options` table `id` of statistics.yaml.
    public static func table(_ id: String, from old: YearStatistics, to new: YearStatistics) throws -> StatTable {
        guard let oldTable = old.optionShares(id), let newTable = new.optionShares(id) else {
            throw StatsError.unknownTable(id: id, known: new.options.map(\.definition.id))
        }
        let definition = newTable.definition
        let oldShares = oldTable.shares, newShares = newTable.shares
        let field = definition.field ?? ""
        var result = StatTable(
            id: "compare.\(definition.id)", definition: "compare.\(definition.id)",
            caption: StatText("\(definition.caption): adoption", dutch: "\(definition.caption): verandering"),
            period: "\(old.year) → \(new.year)",
            columns: [StatColumn("label", StatText("option", dutch: "Optie"), .left), StatColumn("old", StatText(same: String(old.year))),
                      StatColumn("new", StatText(same: String(new.year))), StatColumn("change", StatText("change", dutch: "Verschil")),
                      StatColumn("relative", StatText("relative difference", dutch: "Relatief verschil"))])
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
            StatText("shares of the respondents who answered '\(field)' in each year",
                     dutch: "percentages van wie de vraag in dat jaar beantwoordde"),
            StatText("relative difference: ((new − old) / old) × 100, as in Tabel 12 of the 2012 report, from the exact shares; – when the old share is 0",
                     dutch: "relatief verschil: ((nieuw − oud) / oud) × 100, zoals in Tabel 12 van het rapport over 2012, "
                        + "berekend uit de exacte percentages; – als het oude percentage 0 is"),
            StatText("niet gevraagd: the year did not ask the question or did not offer the option",
                     dutch: "niet gevraagd: de vraag of de keuze stond dat jaar niet op de vragenlijst"),
            StatText("pp: percentage points", dutch: "pp: procentpunten"),
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
