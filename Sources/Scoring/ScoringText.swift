import Support

/// Plain-text renderings the commands print: the top of a ranking, a gemeente's explanation,
/// the rank intervals.
public enum ScoringText {
    /// One line about a scored year, e.g. `2012: 221 gemeenten, model meetlat-2012 (maximum 230)`.
    public static func summary(_ ranking: Ranking) -> String {
        var text = "\(ranking.year): \(ranking.entries.count) gemeenten scored with \(ranking.model) "
            + "(maximum \(ranking.maximum))"
        if let settings = ranking.sensitivity { text += "; rank intervals: \(describe(settings))" }
        return text
    }

    public static func describe(_ settings: SensitivitySettings) -> String {
        "\(DutchFormat.integer(settings.runs)) runs, weights \(settings.distribution.rawValue) "
            + "±\(percent(settings.spread)) %, seed \(settings.seed)"
    }

    /// 0.25 → `25`, 0.125 → `12.5`.
    private static func percent(_ fraction: Double) -> String {
        let text = Rounding.fixed(fraction * 100, decimals: 1)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// The entries ranked `limit` or better (so a tie at the edge is shown whole), as a table.
    public static func top(_ ranking: Ranking, limit: Int = 10) -> String {
        var header = ["rank", "gemeente", "province", "size class"]
        header += ranking.parts.map(\.id)
        header += ["total"]
        let withInterval = ranking.sensitivity != nil
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

    /// Every gemeente's rank, median rank and 90 % interval.
    public static func intervals(_ ranking: Ranking) -> String {
        var table = TextTable(header: ["rank", "gemeente", "total", "median", "90 % interval", "width"],
                              alignments: [.right, .left, .right, .right, .right, .right])
        for entry in ranking.entries {
            var row = [String(entry.rank), entry.name, String(entry.total)] + interval(entry.rankInterval)
            row.append(entry.rankInterval.map { String($0.high - $0.low) } ?? "")
            table.append(row)
        }
        return table.render()
    }

    private static func interval(_ interval: RankInterval?) -> [String] {
        guard let interval else { return ["", ""] }
        return [String(interval.median), "\(interval.low)–\(interval.high)"]
    }

    /// A gemeente's score, answer by answer, per dimension, ending with the total — in Dutch, like
    /// the explanation lines it prints (the same lines as the gemeente's page on the site).
    /// - Parameters:
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
            rank += "; mediane rang \(interval.median), 90 %-interval \(interval.low)–\(interval.high)"
        }
        lines.append(rank)

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
