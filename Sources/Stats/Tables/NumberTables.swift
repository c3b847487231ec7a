import Ingest
import Support

/// Number summaries (self-grade, hours, staff, followers), rating means (Tabel 7-2) and
/// followers as a share of inhabitants.
extension YearContext {
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
            StatColumn("label", "", .left), StatColumn("n", "n"), StatColumn("mean", "mean"), StatColumn("median", "median"),
            StatColumn("mode", "mode"), StatColumn("min", "min"), StatColumn("max", "max"),
        ])
        var approximateNotes: [String] = []
        for field in table.fields ?? [] {
            guard isAsked(field.field) else {
                result.rows.append(StatRow(id: field.field, cells: [.text(field.label)] + Array(repeating: .notAsked, count: 6)))
                continue
            }
            let (values, approximate) = try numbers(field.field)
            if approximate > 0 {
                approximateNotes.append("\(field.field): \(approximate) of \(values.count) answers approximate (ca., ±, +), used at their stated value")
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
        result.notes = ["n: respondents who answered; mode, min and max with how often they occur"]
            + (notAskedNote((table.fields ?? []).map(\.field)).map { [$0] } ?? [])
            + approximateNotes
        return result
    }

    func ratingsTable(_ table: TableDefinition) throws -> StatTable {
        let decimals = table.decimals ?? 1
        var result = emptyTable(table, columns: [
            StatColumn("label", "", .left), StatColumn("mean", "mean"), StatColumn("median", "median"), StatColumn("n", "n"),
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
        result.notes = ["mean of the ratings given; an unanswered rating is left out (n: ratings given)"]
            + (notAskedNote((table.fields ?? []).map(\.field)).map { [$0] } ?? [])
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
            StatColumn("label", "", .left), StatColumn("n", "n"), StatColumn("mean", "mean %"), StatColumn("median", "median %"),
            StatColumn("mode", "mode (whole %)"), StatColumn("max", "max %"),
        ])
        var distribution = emptyTable(table, id: "\(table.id).buckets",
                                      columns: [StatColumn("label", "whole %", .left)] + fields.map { StatColumn($0.field, $0.label) })
        distribution.caption += " — distribution"
        var bucketCells: [[StatCell]] = buckets.map { [.text($0.label)] }
        var outsideCells: [StatCell] = [.text("outside the buckets")]
        var notes: [String] = []
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
                notes.append("\(field.field): \(counted(withoutInhabitants, "answer", "answers")) left out, the reference has no inhabitants figure for \(year)")
            }
            if suspect > 0 {
                notes.append("\(field.field): \(counted(suspect, "gemeente reports", "gemeenten report")) more than its number of inhabitants (kept; bought followers or holiday gemeenten?)")
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
        let notAsked = notAskedNote(fields.map(\.field)).map { [$0] } ?? []
        summary.notes = ["share = answer / inhabitants on 1 January \(year) × 100; mode over whole percentages (rounded half up)"]
            + notAsked + notes
        distribution.notes = ["gemeenten per bucket of whole percentages (rounded half up), of those with a share"] + notAsked
        return [summary, distribution]
    }
}
