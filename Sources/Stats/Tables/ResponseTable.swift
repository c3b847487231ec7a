import Ingest

/// Tabel 1: respondents per size class against the number of gemeenten in the reference.
extension YearContext {
    func responseTable(_ table: TableDefinition) -> StatTable {
        var result = emptyTable(table, columns: [
            StatColumn("label", "size class", .left),
            StatColumn("respondents", "respondents"),
            StatColumn("gemeenten", "gemeenten"),
            StatColumn("share", "% (respondents/gemeenten)"),
        ])
        var respondents: [String: Int] = [:]
        var unclassifiedRespondents = 0
        for response in survey.responses {
            if let id = classOf[response.gemeente] { respondents[id, default: 0] += 1 } else { unclassifiedRespondents += 1 }
        }
        for sizeClass in reference.sizeClasses {
            let count = respondents[sizeClass.id, default: 0]
            let total = population[sizeClass.id, default: 0]
            result.rows.append(StatRow(id: sizeClass.id, cells: [.text(sizeClass.label), .count(count), .count(total), .share(Proportion(count, of: total))]))
        }
        if unclassifiedRespondents > 0 || unclassifiedGemeenten > 0 {
            result.rows.append(StatRow(id: "unknown", cells: [.text("size unknown"), .count(unclassifiedRespondents),
                                                              .count(unclassifiedGemeenten), .empty]))
        }
        let gemeenten = reference.gemeenten(in: year).count
        result.rows.append(StatRow(id: "total", cells: [.text("Totaal"), .count(survey.responses.count), .count(gemeenten),
                                                        .share(Proportion(survey.responses.count, of: gemeenten))]))
        result.notes = ["gemeenten: the reference's gemeenten on 1 January \(year), by their inhabitants that day"]
        if survey.report.anonymous > 0 {
            result.notes.append("\(counted(survey.report.anonymous, "further response", "further responses")) named no gemeente: not counted")
        }
        result.notes += publishedDifferenceNotes(gemeenten: gemeenten)
        return result
    }

    /// Where the report counted other numbers of gemeenten than the reference: shown, not hidden.
    private func publishedDifferenceNotes(gemeenten: Int) -> [String] {
        guard let published else { return [] }
        var notes: [String] = []
        let tables = published.tables("response")
        let where_ = tables.first.map { " (\($0.table))" } ?? ""
        if let printed = published.gemeenten, printed != gemeenten {
            notes.append("the report counted \(printed) gemeenten\(where_); the reference has \(gemeenten) on 1 January \(year)")
        }
        for table in tables {
            for figure in table.figures {
                guard let minimum = figure.classMinimum, let printed = figure.denominator,
                      let sizeClass = reference.sizeClasses.first(where: { $0.minimum == minimum }) else { continue }
                let total = population[sizeClass.id, default: 0]
                guard printed != total else { continue }
                let respondents = figure.count.map { "\($0) respondents of " } ?? ""
                let percent = figure.percent.map { " (\($0) %)" } ?? ""
                notes.append("\(table.table) printed \(respondents)\(printed) gemeenten\(percent) for \(figure.label ?? sizeClass.label); the reference has \(total)")
            }
        }
        return notes
    }
}
