import Core

/// Tabel 1: respondents per size class against the number of gemeenten in the reference.
extension YearContext {
    func responseTable(_ table: TableDefinition) -> StatTable {
        var result = emptyTable(table, columns: [
            StatColumn("label", StatText("size class", dutch: "Grootteklasse"), .left),
            StatColumn("respondents", StatText("respondents", dutch: "Gereageerd")),
            StatColumn("gemeenten", StatText("gemeenten", dutch: "Gemeenten")),
            StatColumn("share", StatText("% (respondents/gemeenten)", dutch: "% gereageerd (aantal/gemeenten)")),
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
            result.rows.append(StatRow(id: "unknown", cells: [.phrase(StatText("size unknown", dutch: "inwonertal onbekend")), .count(unclassifiedRespondents),
                                                              .count(unclassifiedGemeenten), .empty]))
        }
        let gemeenten = reference.gemeenten(in: year).count
        result.rows.append(StatRow(id: "total", cells: [.text("Totaal"), .count(survey.responses.count), .count(gemeenten),
                                                        .share(Proportion(survey.responses.count, of: gemeenten))]))
        result.notes = [StatText("gemeenten: the reference's gemeenten on 1 January \(year), by their inhabitants that day",
                                 dutch: "gemeenten: alle gemeenten op 1 januari \(year), ingedeeld naar hun inwonertal op die dag")]
        let anonymous = survey.anonymous
        if anonymous > 0 {
            result.notes.append(StatText(
                "\(counted(anonymous, "further response", "further responses")) named no gemeente: not counted",
                dutch: "\(counted(anonymous, "ingevulde vragenlijst", "ingevulde vragenlijsten")) zonder naam van een gemeente: niet meegeteld"))
        }
        result.notes += publishedDifferenceNotes(gemeenten: gemeenten)
        return result
    }

    /// Where the report counted other numbers of gemeenten than the reference: shown, not hidden.
    private func publishedDifferenceNotes(gemeenten: Int) -> [StatText] {
        guard let published else { return [] }
        var notes: [StatText] = []
        let tables = published.tables("response")
        let printedIn = tables.first.map { " (\($0.table))" } ?? ""
        if let printed = published.gemeenten, printed != gemeenten {
            notes.append(StatText(
                "the report counted \(printed) gemeenten\(printedIn); the reference has \(gemeenten) on 1 January \(year)",
                dutch: "het rapport telde \(printed) gemeenten\(printedIn); de gemeentelijst van meetlat telt er op 1 januari \(year) \(gemeenten)"))
        }
        for table in tables {
            for figure in table.figures {
                guard let minimum = figure.classMinimum, let printed = figure.denominator,
                      let sizeClass = reference.sizeClasses.first(where: { $0.minimum == minimum }) else { continue }
                let total = population[sizeClass.id, default: 0]
                guard printed != total else { continue }
                let percent = figure.percent.map { " (\($0) %)" } ?? ""
                let label = figure.label ?? sizeClass.label
                notes.append(StatText(
                    "\(table.table) printed \(figure.count.map { "\($0) respondents of " } ?? "")\(printed) gemeenten\(percent) "
                        + "for \(label); the reference has \(total)",
                    dutch: "\(table.table) van het rapport: \(figure.count.map { "\($0) van " } ?? "")\(printed) gemeenten\(percent) "
                        + "in de klasse \(label); de gemeentelijst van meetlat telt er \(total)"))
            }
        }
        return notes
    }
}
