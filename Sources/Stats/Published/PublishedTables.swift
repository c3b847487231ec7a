/// The published-figure checks as printable tables (`meetlat stats --check-published`).
extension PublishedComparison {
    public func table(year: Int) -> StatTable {
        StatTable(
            id: "published-check", definition: "published-check",
            caption: "Published figures not reproduced", period: String(year),
            columns: [StatColumn("table", "table", .left), StatColumn("label", "source", .left), StatColumn("figure", "figure", .left),
                      StatColumn("what", "what", .left),
                      StatColumn("published", "published"), StatColumn("computed", "computed")],
            rows: differences.enumerated().map { index, difference in
                StatRow(id: String(index + 1), cells: [.text(difference.table), .text(difference.source), .text(difference.address), .text(difference.what),
                                                       .text(difference.published), .text(difference.computed)])
            },
            notes: ["\(checked) published figures compared; \(differences.count) differences",
                    "counts are compared where printed, otherwise percentages; means at the precision printed"])
    }
}

extension PublishedYear {
    /// Where the published figures disagree with themselves, as a table.
    public func inconsistencyTable() -> StatTable {
        let found = inconsistencies()
        return StatTable(
            id: "published-inconsistencies", definition: "published-inconsistencies",
            caption: "Published figures that disagree with each other", period: String(year),
            columns: [StatColumn("label", "source", .left), StatColumn("figure", "figure", .left), StatColumn("finding", "finding", .left)],
            rows: found.enumerated().map { index, item in
                let finding = item.description.components(separatedBy: ": ").dropFirst().joined(separator: ": ")
                return StatRow(id: String(index + 1), cells: [.text(item.table), .text(item.address), .text(finding)])
            },
            notes: ["percentages recomputed from the printed counts (rounded half up); nothing is corrected in Surveys/published/"])
    }
}
