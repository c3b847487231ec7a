import Support

/// Plain-text renderings the commands print: the top of a ranking, a gemeente's explanation,
/// the rank intervals.
public enum ScoringText {
    /// One line about a scored year, e.g. `2012: 221 gemeenten, model meetlat-2012 (maximum 230)`.
    public static func summary(_ ranking: Ranking) -> String {
        var text = "\(ranking.year): \(ranking.entries.count) gemeenten scored with \(ranking.model) "
            + "(maximum \(ranking.maximum))"
        if let summary = ranking.uncertainty { text += "; rank intervals: \(describe(summary))" }
        return text
    }

    public static func describe(_ summary: UncertaintySummary) -> String {
        "\(summary.assumptions.count) assumptions (\(summary.assumptions.map(\.id).joined(separator: ", "))), "
            + "Saltelli N = \(summary.samples), \(summary.evaluations) rankings, seed \(summary.seed)"
    }

    /// Per assumption its overall first-order and total Sobol index with the Monte Carlo
    /// standard error, and a bar of the total index.
    public static func indices(_ summary: UncertaintySummary) -> String {
        var table = TextTable(header: ["assumption", "first-order", "± se", "total", "± se", ""],
                              alignments: [.left, .right, .right, .right, .right, .left])
        for assumption in summary.assumptions {
            guard let index = assumption.index else {
                table.append([assumption.id, "–", "", "–", "", "no rank varies"])
                continue
            }
            let bar = String(repeating: "#", count: max(0, min(40, Int((index.total * 40).rounded()))))
            table.append([assumption.id, Rounding.fixed(index.first, decimals: 3), Rounding.fixed(index.firstError ?? 0, decimals: 3),
                          Rounding.fixed(index.total, decimals: 3), Rounding.fixed(index.totalError ?? 0, decimals: 3), bar])
        }
        return table.render()
    }

    /// The entries ranked `limit` or better (so a tie at the edge is shown whole), as a table.
    public static func top(_ ranking: Ranking, limit: Int = 10) -> String {
        var header = ["rank", "gemeente", "province", "size class"]
        header += ranking.parts.map(\.id)
        header += ["total"]
        let withInterval = ranking.uncertainty != nil
        if withInterval { header += ["median", "90 % interval"] }
        var table = TextTable(header: header, alignments: header.indices.map { index in
            (1...3).contains(index) ? .left : .right
        })
        for entry in ranking.entries where entry.rank <= limit {
            var row = [String(entry.rank), entry.name, entry.province, entry.sizeClass]
            row += ranking.parts.map { part in entry.parts[part.id].map(String.init) ?? "" }
            row += [String(entry.total)]
            if withInterval { row += interval(entry.rankInterval) }
            table.append(row)
        }
        return table.render()
    }

    /// Every gemeente's rank, median rank and 90 % interval, and the assumption that moves it
    /// most with the ranks it takes when only that one varies.
    public static func intervals(_ ranking: Ranking) -> String {
        var table = TextTable(header: ["rank", "gemeente", "total", "median", "90 % interval", "width", "moved most by", "alone"],
                              alignments: [.right, .left, .right, .right, .right, .right, .left, .right])
        for entry in ranking.entries {
            var row = [String(entry.rank), entry.name, String(entry.total)] + interval(entry.rankInterval)
            row.append(entry.rankInterval.map { String($0.high - $0.low) } ?? "")
            let uncertainty = entry.uncertainty
            row.append(uncertainty?.driver ?? "")
            if let low = uncertainty?.driverLow, let high = uncertainty?.driverHigh { row.append("\(low)–\(high)") } else { row.append("") }
            table.append(row)
        }
        return table.render()
    }

    /// The Dutch sentence about the assumption that moves a gemeente's rank most: `Als
    /// ontbrekende aantallen worden geschat in plaats van als 0 geteld, staat Hoorn tussen plaats
    /// 1 en 4.` nil when its rank does not move.
    public static func driverSentence(_ entry: RankedGemeente, in summary: UncertaintySummary?) -> String? {
        guard let uncertainty = entry.uncertainty, let driver = uncertainty.driver,
              let assumption = summary?.assumptions.first(where: { $0.id == driver }),
              let low = uncertainty.driverLow, let high = uncertainty.driverHigh else { return nil }
        let place = low == high ? "staat \(entry.name) op plaats \(low)" : "staat \(entry.name) tussen plaats \(low) en \(high)"
        return "Als \(assumption.varied), \(place)."
    }

    /// The model's rules by where they come from, in Dutch: `gepubliceerd` with the source lines,
    /// `reconstructie` with what it was reconstructed from.
    public static func provenance(_ notes: [ProvenanceNote], about: String? = nil) -> [String] {
        notes.filter { about == nil || $0.about == about }.map { note in
            var text = (note.basis == .published ? "gepubliceerd: " : "reconstructie van meetlat: ") + note.text
            let location = [note.source, note.lines].compactMap { $0 }
            if !location.isEmpty { text += " (" + location.joined(separator: ", ") + ")" }
            return text
        }
    }

    /// The discrepancy report: what was measured against what was answered.
    public static func discrepancies(_ report: ObservationReport, year: Int, all: Bool = false) -> String {
        var lines: [String] = []
        let labels = Dictionary(report.channels.map { ($0.value, $0.label) }) { first, _ in first }
        lines.append("\(year): \(report.measured) gemeenten looked up in \(report.file)"
            + (report.synthetic ? " (SYNTHETIC demo observations)" : "")
            + "; threshold: more than \(Rounding.fixed(report.threshold.relative * 100, decimals: 0)) % of the measured count "
            + "and more than \(report.threshold.absolute)")
        let shown = all ? report.rows : report.flagged
        var table = TextTable(header: ["gemeente", "platform", "claimed", "account", "reported", "measured", "date", "source", "finding"],
                              alignments: [.left, .left, .left, .left, .right, .right, .left, .left, .left])
        for row in shown {
            table.append([row.name, labels[row.channel] ?? row.channel, row.claimed.map { $0 ? "yes" : "no" } ?? "–",
                          VisibleText.escaped(row.account ?? "–"),
                          row.reported.map { (row.reportedApproximate ? "ca. " : "") + String($0) } ?? "–",
                          row.measured.map(String.init) ?? "–", row.date ?? "", VisibleText.escaped(row.source ?? ""),
                          row.finding.rawValue])
        }
        lines.append(table.render())
        let counts = ObservationRow.Finding.allCases.map { finding in "\(finding.rawValue) \(report.rows.filter { $0.finding == finding }.count)" }
        lines.append("findings: " + counts.joined(separator: ", "))
        if report.changes.isEmpty {
            lines.append("scoring measured counts changes no total")
        } else {
            lines.append("totals changed by scoring measured counts (\(report.changes.count)):")
            var changes = TextTable(header: ["gemeente", "total (answers)", "total", "rank (answers)", "rank"],
                                    alignments: [.left, .right, .right, .right, .right])
            for change in report.changes {
                changes.append([change.name, String(change.reportedTotal), String(change.total), String(change.reportedRank), String(change.rank)])
            }
            lines.append(changes.render())
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func interval(_ interval: RankInterval?) -> [String] {
        guard let interval else { return ["", ""] }
        return [String(interval.median), "\(interval.low)–\(interval.high)"]
    }

    /// A gemeente's score, answer by answer, per dimension, ending with the total — in Dutch, like
    /// the explanation lines it prints (the same lines as the gemeente's page on the site).
    /// - Parameters:
    ///   - entry: the gemeente's entry in `ranking`.
    ///   - ranking: the ranking that holds it.
    ///   - model: the model the ranking was scored with: its labels name the fields of the notes.
    ///   - sizeClassLabel: the size class as printed (`50.000 – 99.999`), if known.
    public static func explanation(_ entry: RankedGemeente, in ranking: Ranking, model: ScoringModel,
                                   sizeClassLabel: String? = nil) -> String {
        var lines: [String] = []
        lines.append("\(entry.name) (\(entry.code)), \(ranking.year), scoringsmodel \(ranking.model)")
        lines.append("\(entry.province); grootteklasse \(sizeClassLabel ?? entry.sizeClass); "
            + "\(DutchFormat.integer(entry.inhabitants)) inwoners op 1 januari \(ranking.year)")
        var rank = "rang \(entry.rank) van \(ranking.entries.count); in de grootteklasse \(entry.rankInSizeClass); "
            + "in de provincie \(entry.rankInProvince)"
        if let interval = entry.rankInterval {
            rank += "; onder alle aannames: mediane rang \(interval.median), 90 %-interval \(interval.low)–\(interval.high)"
        }
        lines.append(rank)
        if let sentence = driverSentence(entry, in: ranking.uncertainty) { lines.append(sentence) }

        let explanation = entry.explanation ?? []
        for part in ranking.parts {
            let points = entry.parts[part.id] ?? 0
            lines.append("")
            var heading = "\(part.label) (\(part.id)): \(points) van \(part.maximum) punten"
            if part.weight != 1 { heading += ", gewicht \(part.weight)" }
            lines.append(heading)
            var table = TextTable(header: ["punten", "veld", "vraag", "antwoord", "toelichting"],
                                  alignments: [.right, .left, .left, .left, .left])
            for line in explanation where line.dimension == part.id {
                table.append([line.points.map { "+\($0)" } ?? "", line.field, line.label, line.answer, line.reason])
            }
            lines.append(contentsOf: table.render().split(separator: "\n", omittingEmptySubsequences: false)
                .dropLast().map { "  " + $0 })
        }
        let notes = ranking.provenance ?? model.provenance
        if !notes.isEmpty {
            lines.append("")
            lines.append("herkomst van de regels van \(model.name):")
            lines += provenance(notes).map { "  - " + $0 }
        }
        lines.append("")
        let sum = explanation.compactMap(\.points).reduce(0, +)
        lines.append("totaal: \(entry.total) van \(ranking.maximum) punten (de regels hierboven tellen op tot \(sum))")
        if entry.flags.isEmpty {
            lines.append("opmerkingen: geen")
        } else {
            lines.append("opmerkingen:")
            lines += ScoreFlag.sentences(entry.flags, in: model).map { "  - " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
