import Core
import Support

/// Number summaries (self-grade, hours, staff, followers), rating means (Tabel 7-2) and
/// followers as a share of inhabitants.
extension YearContext {
    static let meanColumn = StatColumn("mean", StatText("mean", dutch: "Gemiddelde"))
    static let medianColumn = StatColumn("median", StatText("median", dutch: "Mediaan"))

    /// The answered numbers of `field`, and how many of them were approximate (`ca. 300`).
    func numbers(_ field: String) throws -> (values: [(response: Response, value: Double)], approximate: Int) {
        var values: [(Response, Double)] = []
        var approximate = 0
        for (response, value) in answers(field) {
            values.append((response, try number(value, field: field, of: response)))
            if value.isApproximate { approximate += 1 }
        }
        return (values, approximate)
    }

    func numbersTable(_ table: TableDefinition) throws -> StatTable {
        let decimals = table.decimals ?? 1
        var result = emptyTable(table, columns: [
            Self.questionColumn, StatColumn("n", StatText("n", dutch: "Antwoorden")), Self.meanColumn, Self.medianColumn,
            StatColumn("mode", StatText("mode", dutch: "Vaakst genoemd")), StatColumn("min", StatText("min", dutch: "Laagste")),
            StatColumn("max", StatText("max", dutch: "Hoogste")),
        ])
        var approximateNotes: [StatText] = []
        for field in table.fields ?? [] {
            guard isAsked(field.field) else {
                result.rows.append(StatRow(id: field.field, cells: [.text(field.label)] + Array(repeating: .notAsked, count: 6)))
                continue
            }
            let (values, approximate) = try numbers(field.field)
            if approximate > 0 {
                approximateNotes.append(StatText(
                    "\(field.field): \(approximate) of \(values.count) answers approximate (ca., ±, +), used at their stated value",
                    dutch: "\(field.label): \(approximate) van de \(values.count) antwoorden \(approximate == 1 ? "is een schatting" : "zijn schattingen") "
                        + "(ca., ±, +), gebruikt zoals opgegeven"))
            }
            guard let summary = NumberSummary(values.map(\.value)) else {
                result.rows.append(StatRow(id: field.field, cells: [.text(field.label), .count(0)] + Array(repeating: .empty, count: 5)))
                continue
            }
            result.rows.append(StatRow(id: field.field, cells: [
                .text(field.label), .count(summary.count), .number(summary.mean, decimals: decimals),
                .number(summary.median, decimals: decimals), .occurrences(summary.modes, decimals: 0),
                .occurrences([summary.minimum], decimals: 0), .occurrences([summary.maximum], decimals: 0),
            ]))
        }
        result.notes = [StatText("n: respondents who answered; mode, min and max with how often they occur",
                                 dutch: "antwoorden: het aantal gemeenten dat de vraag beantwoordde; tussen haakjes hoe vaak een waarde is genoemd")]
            + (notAskedNote(table.fields ?? []).map { [$0] } ?? [])
            + approximateNotes
        return result
    }

    func ratingsTable(_ table: TableDefinition) throws -> StatTable {
        let decimals = table.decimals ?? 1
        var result = emptyTable(table, columns: [
            Self.questionColumn, Self.meanColumn, Self.medianColumn, StatColumn("n", StatText("n", dutch: "Cijfers gegeven")),
        ])
        for field in table.fields ?? [] {
            guard isAsked(field.field) else {
                result.rows.append(StatRow(id: field.field, cells: [.text(field.label)] + Array(repeating: .notAsked, count: 3)))
                continue
            }
            let summary = NumberSummary(try numbers(field.field).values.map(\.value))
            result.rows.append(StatRow(id: field.field, cells: [
                .text(field.label),
                summary.map { .number($0.mean, decimals: decimals) } ?? .empty,
                summary.map { .number($0.median, decimals: decimals) } ?? .empty,
                .count(summary?.count ?? 0),
            ]))
        }
        result.notes = [StatText("mean of the ratings given; an unanswered rating is left out (n: ratings given)",
                                 dutch: "gemiddelde van de gegeven cijfers; een toepassing zonder cijfer telt niet mee")]
            + (notAskedNote(table.fields ?? []).map { [$0] } ?? [])
        return result
    }

    /// A summary (`<id>`: n, mean, median, mode and maximum of the exact shares; the mode over
    /// whole percentages) and a distribution (`<id>.buckets`: gemeenten per bucket of whole
    /// percentages, rounded half up) of each field as a percentage of the gemeente's inhabitants
    /// on 1 January of the survey year.
    func shareOfInhabitantsTables(_ table: TableDefinition) throws -> [StatTable] {
        let decimals = table.decimals ?? 2
        let fields = table.fields ?? []
        let buckets = table.buckets ?? []
        var summary = emptyTable(table, columns: [
            Self.questionColumn, StatColumn("n", StatText("n", dutch: "Gemeenten")), StatColumn("mean", StatText("mean %", dutch: "Gemiddelde %")),
            StatColumn("median", StatText("median %", dutch: "Mediaan %")),
            StatColumn("mode", StatText("mode (whole %)", dutch: "Vaakst (hele %)")), StatColumn("max", StatText("max %", dutch: "Hoogste %")),
        ])
        var distribution = emptyTable(table, id: "\(table.id).buckets",
                                      columns: [StatColumn("label", StatText("whole %", dutch: "Hele procenten"), .left)]
                                          + fields.map { StatColumn($0.field, StatText(same: $0.label)) })
        distribution.caption = distribution.caption + StatText(" — distribution", dutch: " — verdeling")
        var bucketCells: [[StatCell]] = buckets.map { [.text($0.label)] }
        var outsideCells: [StatCell] = [.phrase(StatText("outside the buckets", dutch: "buiten de indeling"))]
        var notes: [StatText] = []
        for field in fields {
            guard isAsked(field.field) else {
                summary.rows.append(StatRow(id: field.field, cells: [.text(field.label)] + Array(repeating: .notAsked, count: 5)))
                for index in bucketCells.indices { bucketCells[index].append(.notAsked) }
                outsideCells.append(.notAsked)
                continue
            }
            var shares: [Double] = []
            var withoutInhabitants = 0
            var suspect = 0
            for (response, value) in try numbers(field.field).values {
                guard let inhabitants = reference.inhabitants(of: response.gemeente, in: year), inhabitants > 0 else {
                    withoutInhabitants += 1
                    continue
                }
                let share = value / Double(inhabitants) * 100
                if share > 100 { suspect += 1 }
                shares.append(share)
            }
            let wholePercents = shares.map { Int(Rounding.halfUp($0)) }
            if withoutInhabitants > 0 {
                notes.append(StatText(
                    "\(field.field): \(counted(withoutInhabitants, "answer", "answers")) left out, the reference has no inhabitants figure for \(year)",
                    dutch: "\(field.label): \(counted(withoutInhabitants, "antwoord", "antwoorden")) niet meegeteld, "
                        + "want het inwonertal voor \(year) ontbreekt"))
            }
            if suspect > 0 {
                notes.append(StatText(
                    "\(field.field): \(counted(suspect, "gemeente reports", "gemeenten report")) more than its number of inhabitants "
                        + "(kept; bought followers or holiday gemeenten?)",
                    dutch: "\(field.label): \(counted(suspect, "gemeente geeft", "gemeenten geven")) meer op dan \(suspect == 1 ? "haar" : "hun") "
                        + "aantal inwoners (meegeteld; gekochte volgers of een toeristische gemeente?)"))
            }
            if let exact = NumberSummary(shares), let whole = NumberSummary(wholePercents.map(Double.init)) {
                summary.rows.append(StatRow(id: field.field, cells: [
                    .text(field.label), .count(exact.count), .number(exact.mean, decimals: decimals),
                    .number(exact.median, decimals: decimals), .occurrences(whole.modes, decimals: 0),
                    .number(exact.maximum.value, decimals: decimals),
                ]))
            } else {
                summary.rows.append(StatRow(id: field.field, cells: [.text(field.label), .count(0)] + Array(repeating: .empty, count: 4)))
            }
            for (index, bucket) in buckets.enumerated() {
                bucketCells[index].append(.share(Proportion(wholePercents.filter(bucket.contains).count, of: shares.count)))
            }
            outsideCells.append(.share(Proportion(wholePercents.filter { percent in !buckets.contains { $0.contains(percent) } }.count, of: shares.count)))
        }
        distribution.rows = zip(buckets, bucketCells).map { StatRow(id: $0.id, cells: $1) }
        if outsideCells.contains(where: { if case .share(let share) = $0 { return share.count > 0 } else { return false } }) {
            distribution.rows.append(StatRow(id: "outside", cells: outsideCells))
        }
        let notAsked = notAskedNote(fields).map { [$0] } ?? []
        summary.notes = [StatText(
            "share = answer / inhabitants on 1 January \(year) × 100; mode over whole percentages (rounded half up)",
            dutch: "percentage = opgegeven aantal / inwoners op 1 januari \(year) × 100; vaakst: het vaakst voorkomende hele "
                + "percentage (half naar boven afgerond)")]
            + notAsked + notes
        distribution.notes = [StatText(
            "gemeenten per bucket of whole percentages (rounded half up), of those with a share",
            dutch: "aandeel van de gemeenten die een aantal opgaven, per groep hele percentages (half naar boven afgerond)")] + notAsked
        return [summary, distribution]
    }
}
