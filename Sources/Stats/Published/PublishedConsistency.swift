import Support

/// A place where the published figures disagree with themselves: a printed percentage that is
/// not the printed count of its denominator (rounded half up), or counts that do not add up to
/// their printed total. Found from `Surveys/published/` alone; nothing is corrected.
public struct PublishedInconsistency: Sendable, Hashable, CustomStringConvertible {
    /// What the percentage was recomputed against.
    public enum Basis: String, Sendable, Hashable {
        /// The figure's own printed denominator (Tabel 1: 13 of 39).
        case printed = "printed denominator"
        /// The table's printed total ("Totaal 221").
        case tableTotal = "printed total"
        /// The sum of the counts in the figure's row (Tabel 4 prints no total): who answered.
        case rowTotal = "row total"
        /// The sum of the table's counts.
        case tableSum = "sum of the counts"
        /// The year's printed number of respondents.
        case respondents
    }

    public enum Kind: Sendable, Hashable {
        case percent(count: Int, denominator: Int, basis: Basis, printed: Int)
        case sum(found: Int, expected: Int, of: String)
    }

    public var year: Int
    /// Where in the source: `Tabel 4`.
    public var table: String
    /// `usage.informeren/niet`, `usage.crisiscommunicatie`.
    public var address: String
    public var kind: Kind

    public var description: String {
        switch kind {
        case .percent(let count, let denominator, let basis, let printed):
            let exact = Rounding.fixed(Double(count) / Double(denominator) * 100, decimals: 1)
            return "\(year) \(table) \(address): \(count) of \(denominator) (\(basis.rawValue)) = \(exact) %, printed \(printed) %"
        case .sum(let found, let expected, let of):
            return "\(year) \(table) \(address): counts add up to \(found), \(of) is \(expected)"
        }
    }
}

extension PublishedYear {
    /// Every printed percentage that differs from its count recomputed against its denominator,
    /// and every printed total the counts do not add up to, in file order.
    public func inconsistencies() -> [PublishedInconsistency] {
        var found: [PublishedInconsistency] = []
        for table in tables {
            found += inconsistencies(in: table)
        }
        for fact in facts ?? [] {
            if let count = fact.count, let denominator = fact.denominator, let printed = fact.percent,
               Rounding.percent(count, of: denominator) != printed {
                found.append(PublishedInconsistency(year: year, table: fact.where, address: fact.id,
                                                    kind: .percent(count: count, denominator: denominator, basis: .printed, printed: printed)))
            }
        }
        return found
    }

    private func inconsistencies(in table: PublishedTable) -> [PublishedInconsistency] {
        var found: [PublishedInconsistency] = []
        // A grid row (Tabel 4) holds counts in several columns: one answer each, so they add up
        // to the respondents who answered that row's question.
        func countedCells(_ row: String?) -> [PublishedFigure] {
            table.figures.filter { $0.row == row && $0.column != nil && $0.value == nil && $0.count != nil }
        }
        func isGridCell(_ figure: PublishedFigure) -> Bool {
            figure.column != nil && figure.value == nil && figure.count != nil && countedCells(figure.row).count > 1
        }
        func rowSum(_ row: String?) -> Int { countedCells(row).compactMap(\.count).reduce(0, +) }
        // Counts of the table's plain rows (options or values), when every such row has one.
        let plainRows = table.figures.filter { $0.column == nil && $0.value == nil && $0.classMinimum == nil
            && $0.row != "total" && !$0.printedDash }
        let plainSum: Int? = plainRows.isEmpty || plainRows.contains { $0.count == nil } ? nil
            : plainRows.compactMap(\.count).reduce(0, +)

        for figure in table.figures {
            guard let count = figure.count, let printed = figure.percent else { continue }
            let denominator: Int
            let basis: PublishedInconsistency.Basis
            if let own = figure.denominator {
                (denominator, basis) = (own, .printed)
            } else if let total = table.denominator {
                (denominator, basis) = (total, .tableTotal)
            } else if isGridCell(figure) {
                (denominator, basis) = (rowSum(figure.row), .rowTotal)
            } else if figure.column == nil, figure.value == nil, let plainSum {
                (denominator, basis) = (plainSum, .tableSum)
            } else if let respondents {
                (denominator, basis) = (respondents, .respondents)
            } else {
                continue
            }
            if Rounding.percent(count, of: denominator) != printed {
                found.append(PublishedInconsistency(year: year, table: table.table, address: figure.address,
                                                    kind: .percent(count: count, denominator: denominator, basis: basis, printed: printed)))
            }
        }
        if let total = table.denominator, let plainSum, plainSum != total {
            found.append(PublishedInconsistency(year: year, table: table.table, address: table.id,
                                                kind: .sum(found: plainSum, expected: total, of: "the printed total")))
        }
        if let respondents {
            var rows: [String] = []
            for figure in table.figures where isGridCell(figure) {
                if let row = figure.row, !rows.contains(row) { rows.append(row) }
            }
            for row in rows where rowSum(row) != respondents {
                found.append(PublishedInconsistency(year: year, table: table.table, address: row,
                                                    kind: .sum(found: rowSum(row), expected: respondents, of: "the number of respondents")))
            }
        }
        // Size classes against the printed total row (Tabel 1).
        let classes = table.figures.filter { $0.classMinimum != nil }
        if let totalRow = table.figures.first(where: { $0.row == "total" }), !classes.isEmpty {
            let respondentSum = classes.compactMap(\.count).reduce(0, +)
            let gemeenteSum = classes.compactMap(\.denominator).reduce(0, +)
            if let total = totalRow.count, respondentSum != total {
                found.append(PublishedInconsistency(year: year, table: table.table, address: "respondents",
                                                    kind: .sum(found: respondentSum, expected: total, of: "the printed total")))
            }
            if let total = totalRow.denominator, gemeenteSum != total {
                found.append(PublishedInconsistency(year: year, table: table.table, address: "gemeenten",
                                                    kind: .sum(found: gemeenteSum, expected: total, of: "the printed total")))
            }
        }
        return found
    }
}
