import Core

/// Options, choice and choice-grid tables: shares with their denominators, each next to its
/// Wilson interval and the post-stratified national estimate.
extension YearContext {
    static let estimateColumns = [
        StatColumn("share", StatText("% (x/n)", dutch: "% (aantal/beantwoord)")),
        StatColumn("wilson", StatText("95 % CI", dutch: "95%-betrouwbaarheidsinterval (Wilson)")),
        StatColumn("estimate", StatText("post-stratified", dutch: "Nationale schatting, naar grootteklasse gewogen")),
        StatColumn("estimate-interval", StatText("95 % CI (ps)", dutch: "95%-betrouwbaarheidsinterval van de schatting")),
    ]

    /// Raw share, its Wilson interval, the post-stratified estimate and its interval for the
    /// answered responses of which `chosen` holds; also the size classes left without respondents.
    func estimateCells(_ answered: [Response], chosen: (Response) -> Bool) -> (cells: [StatCell], emptyClasses: [String]) {
        let successes = answered.filter(chosen)
        let raw = Proportion(successes.count, of: answered.count)
        var strata: [String: Stratum] = [:]
        for sizeClass in reference.sizeClasses {
            strata[sizeClass.id] = Stratum(id: sizeClass.id, population: population[sizeClass.id, default: 0], answered: 0, successes: 0)
        }
        for response in answered {
            guard let id = classOf[response.gemeente] else { continue }
            strata[id]?.answered += 1
            if chosen(response) { strata[id]?.successes += 1 }
        }
        let ordered = reference.sizeClasses.compactMap { strata[$0.id] }
        let wilson = WilsonInterval.interval(successes: raw.count, trials: raw.denominator)
        let estimate = PostStratifiedEstimate.estimate(strata: ordered)
        let cells: [StatCell] = [
            .share(raw),
            wilson.map { .interval($0, decimals: 1) } ?? .empty,
            estimate.map { .percent($0.estimate * 100, decimals: 1) } ?? .empty,
            estimate.map { .interval($0.interval, decimals: 1) } ?? .empty,
        ]
        return (cells, estimate?.classesWithoutRespondents ?? [])
    }

    /// Method, empty classes and respondents without a size class, under every table with estimates.
    func estimateNotes(emptyClasses: Set<String>, answered: [Response]) -> [StatText] {
        var notes = [
            StatText("95 % CI: Wilson score interval of the raw share",
                     dutch: "95%-betrouwbaarheidsinterval (Wilson): de marge rond het percentage van wie de vraag beantwoordde"),
            PostStratifiedEstimate.methodNote,
        ]
        for sizeClass in reference.sizeClasses where emptyClasses.contains(sizeClass.id) {
            let gemeenten = counted(population[sizeClass.id, default: 0], "gemeente", "gemeenten")
            notes.append(StatText(
                "size class \(sizeClass.label) (\(gemeenten)) has no respondents to some of these questions: "
                    + "left out of those estimates, the other classes' weights scaled up",
                dutch: "uit grootteklasse \(sizeClass.label) (\(gemeenten)) beantwoordde niemand een deel van deze vragen: "
                    + "die klasse telt in die schattingen niet mee en de andere klassen wegen naar verhouding zwaarder"))
        }
        let unclassified = answered.filter { classOf[$0.gemeente] == nil }.count
        if unclassified > 0 {
            notes.append(StatText(
                "\(counted(unclassified, "respondent has", "respondents have")) no inhabitants figure for \(year) in the reference: "
                    + "counted in the raw shares, left out of the post-stratified estimates",
                dutch: "\(counted(unclassified, "deelnemende gemeente heeft", "deelnemende gemeenten hebben")) geen inwonertal "
                    + "voor \(year): \(unclassified == 1 ? "telt" : "tellen") mee in de percentages, niet in de nationale schatting"))
        }
        if unclassifiedGemeenten > 0 {
            notes.append(StatText(
                "\(counted(unclassifiedGemeenten, "gemeente", "gemeenten")) of \(year) \(unclassifiedGemeenten == 1 ? "has" : "have") "
                    + "no inhabitants figure: left out of the class sizes N_h",
                dutch: "\(counted(unclassifiedGemeenten, "gemeente", "gemeenten")) van \(year) zonder inwonertal: "
                    + "niet meegeteld in de omvang van de grootteklassen"))
        }
        return notes
    }

    func optionsTable(_ table: TableDefinition) throws -> StatTable {
        try distributionTable(table, items: table.options ?? [], multiSelect: true)
    }

    func choiceTable(_ table: TableDefinition) throws -> StatTable {
        try distributionTable(table, items: table.values ?? [], multiSelect: false)
    }

    /// One field, its options or values as rows: the share choosing each (a choice is a
    /// selection of one), with intervals and estimates. A choice table ends with a total row;
    /// the shares of a multi-select need not add up to 100 %.
    private func distributionTable(_ table: TableDefinition, items: [ValueLabel], multiSelect: Bool) throws -> StatTable {
        let field = table.field ?? ""
        let label = multiSelect ? StatText("option", dutch: "Optie") : StatText("answer", dutch: "Antwoord")
        var result = emptyTable(table, columns: [StatColumn("label", label, .left)] + Self.estimateColumns)
        func notAskedRow(_ item: ValueLabel) -> StatRow {
            StatRow(id: item.value, cells: [.text(item.label)] + Array(repeating: .notAsked, count: Self.estimateColumns.count))
        }
        guard isAsked(field) else {
            result.rows = items.map(notAskedRow)
            result.notes = notAskedNote([FieldLabel(field: field, label: table.title)]).map { [$0] } ?? []
            return result
        }
        var chosenBy: [String: Set<String>] = [:]
        var responses: [Response] = []
        for (response, value) in answers(field) {
            chosenBy[response.gemeente] = multiSelect ? try selection(value, field: field, of: response)
                                                      : [try choice(value, field: field, of: response)]
            responses.append(response)
        }
        let found = Set(chosenBy.values.flatMap { $0 })
        let (rows, unlisted) = listed(items, found: found)
        var empty: Set<String> = []
        for item in rows {
            guard isOffered(item.value, for: field) || found.contains(item.value) else {
                result.rows.append(notAskedRow(item))
                continue
            }
            let (cells, emptyClasses) = estimateCells(responses) { chosenBy[$0.gemeente]?.contains(item.value) ?? false }
            empty.formUnion(emptyClasses)
            result.rows.append(StatRow(id: item.value, cells: [.text(item.label)] + cells))
        }
        if !multiSelect {
            result.rows.append(StatRow(id: "total", cells: [.text("Totaal"), .share(Proportion(responses.count, of: responses.count)),
                                                            .empty, .empty, .empty]))
        }
        result.notes = [answeredNote(field: field, answered: responses.count)]
            + (multiSelect ? [StatText("several options may be chosen: shares do not add up to 100 %",
                                       dutch: "meer antwoorden mogelijk: de percentages tellen niet op tot 100 %")] : [])
            + unlistedNote(unlisted, field: field)
            + notOfferedNote(rows, field: field, found: found)
            + notReportedNotes(table.id, rows: rows)
            + estimateNotes(emptyClasses: empty, answered: responses)
        return result
    }

    /// Where a source printed "-" for an option that was asked (`not_reported`): the share shown
    /// comes from the answers, not from the source.
    private func notReportedNotes(_ tableID: String, rows: [ValueLabel]) -> [StatText] {
        guard let published else { return [] }
        return published.tables(tableID).flatMap { table in
            table.figures.compactMap { figure -> StatText? in
                guard figure.notReported == true, let row = figure.row, let item = rows.first(where: { $0.value == row }) else { return nil }
                let source = published.sources[table.source]?.title ?? table.source
                return StatText("\(table.table) of \(source) prints \"-\" for \(item.label): asked, but not reported; the share here is computed from the answers",
                                dutch: "\(table.table) van \(source) drukt bij \(item.label) \"-\" af: wel gevraagd, niet gerapporteerd; het percentage hier is berekend uit de antwoorden")
            }
        }
    }

    /// Tabel 4: fields as rows, values as columns with counts and percentages, and a companion
    /// table `<id>.estimates` with the interval and post-stratified estimate of every cell.
    func choiceGridTables(_ table: TableDefinition) throws -> [StatTable] {
        let fields = table.fields ?? []
        var allChoices: [String: [String: String]] = [:]
        var foundValues: Set<String> = []
        for field in fields.map(\.field) where isAsked(field) {
            var choices: [String: String] = [:]
            for (response, value) in answers(field) {
                let chosen = try choice(value, field: field, of: response)
                choices[response.gemeente] = chosen
                foundValues.insert(chosen)
            }
            allChoices[field] = choices
        }
        let (values, unlisted) = listed(table.values ?? [], found: foundValues)
        var counts = emptyTable(table, columns: [Self.questionColumn]
            + values.map { StatColumn($0.value, StatText(same: $0.label)) } + [StatColumn("answered", StatText("answered", dutch: "Beantwoord"))])
        var estimates = emptyTable(table, id: "\(table.id).estimates",
                                   columns: [StatColumn("label", StatText("answer", dutch: "Vraag en antwoord"), .left)] + Self.estimateColumns)
        estimates.caption = estimates.caption + StatText(" — estimates", dutch: " — schattingen voor alle gemeenten")
        var empty: Set<String> = []
        var answeredCounts: [String] = []
        var everyone: [Response] = []
        for field in fields {
            guard let choices = allChoices[field.field] else {
                counts.rows.append(StatRow(id: field.field, cells: [.text(field.label)] + Array(repeating: .notAsked, count: values.count + 1)))
                continue
            }
            let responses = survey.responses.filter { choices[$0.gemeente] != nil }
            everyone += responses
            answeredCounts.append("\(field.field) \(responses.count)")
            var cells: [StatCell] = [.text(field.label)]
            for value in values {
                guard isOffered(value.value, for: field.field) || Set(choices.values).contains(value.value) else {
                    cells.append(.notAsked)
                    estimates.rows.append(StatRow(id: "\(field.field)/\(value.value)",
                                                  cells: [.text("\(field.label): \(value.label)")] + Array(repeating: .notAsked, count: Self.estimateColumns.count)))
                    continue
                }
                let (estimateCells, emptyClasses) = estimateCells(responses) { choices[$0.gemeente] == value.value }
                empty.formUnion(emptyClasses)
                cells.append(estimateCells[0])
                estimates.rows.append(StatRow(id: "\(field.field)/\(value.value)", cells: [.text("\(field.label): \(value.label)")] + estimateCells))
            }
            cells.append(.count(responses.count))
            counts.rows.append(StatRow(id: field.field, cells: cells))
        }
        let askedFields = fields.map(\.field).filter(isAsked)
        if askedFields.isEmpty {
            counts.notes = notAskedNote(fields).map { [$0] } ?? []
            return [counts]
        }
        let respondents = survey.responses.count
        counts.notes = [StatText(
            "percentages are of the respondents who answered each question (column 'answered', of \(respondents) respondents)",
            dutch: "percentages van wie de vraag beantwoordde (kolom Beantwoord; \(respondents) deelnemende gemeenten)")]
            + (notAskedNote(fields).map { [$0] } ?? [])
            + unlistedNote(unlisted, field: table.id)
            + fields.flatMap { notOfferedNote(values, field: $0.field, found: Set((allChoices[$0.field] ?? [:]).values), question: $0.label) }
            + [StatText("estimates: see \(estimates.id)", dutch: "schattingen voor alle gemeenten: zie de volgende tabel")]
        var seen: Set<String> = []
        estimates.notes = estimateNotes(emptyClasses: empty, answered: everyone.filter { seen.insert($0.gemeente).inserted })
        return [counts, estimates]
    }

    // MARK: Values the definition does not list

    /// The definition's values, followed by values found in the answers that it does not list
    /// (sorted, labelled with the value itself): dropping them would make the shares lie.
    func listed(_ definitions: [ValueLabel], found: Set<String>) -> (values: [ValueLabel], unlisted: Set<String>) {
        let known = Set(definitions.map(\.value))
        let unlisted = found.subtracting(known)
        return (definitions + unlisted.sorted().map { ValueLabel(value: $0, label: $0) }, unlisted)
    }

    func unlistedNote(_ unlisted: Set<String>, field: String) -> [StatText] {
        guard !unlisted.isEmpty else { return [] }
        let values = unlisted.sorted().joined(separator: ", ")
        return [StatText("answers not listed for '\(field)' in statistics.yaml, shown under their own name: \(values)",
                         dutch: "antwoorden zonder omschrijving in statistics.yaml, getoond onder hun eigen naam: \(values)")]
    }

    /// The values the year's form did not offer for `field`; `question` names the field in the
    /// Dutch note where the table has several.
    func notOfferedNote(_ values: [ValueLabel], field: String, found: Set<String>, question: String? = nil) -> [StatText] {
        guard isAsked(field) else { return [] }
        let missing = values.filter { !isOffered($0.value, for: field) && !found.contains($0.value) }
        guard !missing.isEmpty else { return [] }
        return [StatText(
            "not offered on the \(year) form for '\(field)' (niet gevraagd): \(missing.map(\.value).joined(separator: ", "))",
            dutch: (question.map { "bij ‘\($0)’ " } ?? "") + "stond in \(year) niet op de vragenlijst (niet gevraagd): "
                + missing.map(\.label).joined(separator: ", "))]
    }
}
