/// The published-figure checks as printable tables (`meetlat stats --check-published`).
extension PublishedComparison {
    public func table(year: Int) -> StatTable {
        StatTable(
            id: "published-check", definition: "published-check",
            caption: StatText("Published figures not reproduced", dutch: "Gepubliceerde cijfers die niet terugkomen"), period: String(year),
            columns: [StatColumn("table", StatText("table", dutch: "Tabel"), .left), StatColumn("label", StatText("source", dutch: "Bron"), .left),
                      StatColumn("figure", StatText("figure", dutch: "Cijfer"), .left), StatColumn("what", StatText("what", dutch: "Wat"), .left),
                      StatColumn("published", StatText("published", dutch: "Gepubliceerd")),
                      StatColumn("computed", StatText("computed", dutch: "Berekend"))],
            rows: differences.enumerated().map { index, difference in
                StatRow(id: String(index + 1), cells: [.text(difference.table), .text(difference.source), .text(difference.address), .text(difference.what),
                                                       .text(difference.published), .text(difference.computed)])
            },
            notes: [StatText("\(checked) published figures compared; \(differences.count) differences",
                             dutch: "\(checked) gepubliceerde cijfers vergeleken; \(differences.count) verschillen"),
                    StatText("counts are compared where printed, otherwise percentages; means at the precision printed",
                             dutch: "aantallen worden vergeleken waar ze gedrukt zijn, anders percentages; gemiddelden in de gedrukte precisie")])
    }
}

extension PublishedYear {
    /// Where the published figures disagree with themselves, as a table.
    public func inconsistencyTable() -> StatTable {
        let found = inconsistencies()
        return StatTable(
            id: "published-inconsistencies", definition: "published-inconsistencies",
            caption: StatText("Published figures that disagree with each other", dutch: "Gepubliceerde cijfers die elkaar tegenspreken"),
            period: String(year),
            columns: [StatColumn("label", StatText("source", dutch: "Bron"), .left), StatColumn("figure", StatText("figure", dutch: "Cijfer"), .left),
                      StatColumn("finding", StatText("finding", dutch: "Bevinding"), .left)],
            rows: found.enumerated().map { index, item in
                let finding = item.description.components(separatedBy: ": ").dropFirst().joined(separator: ": ")
                return StatRow(id: String(index + 1), cells: [.text(item.table), .text(item.address), .text(finding)])
            },
            notes: [StatText("percentages recomputed from the printed counts (rounded half up); nothing is corrected in Surveys/published/",
                             dutch: "percentages opnieuw berekend uit de gedrukte aantallen (half naar boven afgerond); "
                                + "in Surveys/published/ is niets verbeterd")])
    }
}
