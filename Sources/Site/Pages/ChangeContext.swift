import Stats
import Support

/// The change of one gemeente since the previous edition, as every page shows it (ranking row,
/// gemeente page, statistics): risen / fallen / same / new, the places, the relative position
/// beside them when the two rankings differ in length (places alone are not like for like then),
/// and the predecessor it was compared with after a merger — always said, never left implicit.
func changeContext(_ change: YearComparison.Entry?, comparison: YearComparison?) -> TemplateValue {
    guard let comparison else { return ["none": true] }
    guard let change, let previous = change.previous, let places = change.rankChange,
          let previousPosition = change.previousPosition, let positionChange = change.positionChange else {
        return ["isNew": true, "previousYear": .number(comparison.from.year)]
    }
    var context: TemplateData = [
        "places": .number(abs(places)), "onePlace": .bool(abs(places) == 1),
        "previousRank": .number(previous.rank), "previousYear": .number(comparison.from.year),
        "previousCount": .number(comparison.from.entries.count), "count": .number(comparison.to.entries.count),
        "countsDiffer": .bool(comparison.countsDiffer),
        "position": .string(positionText(change.position)), "previousPosition": .string(positionText(previousPosition)),
        "positionChange": .string(StatCell.difference(positionChange, decimals: 1, unit: "pp").text(in: .dutch)),
        // Whether places and relative position point in different directions (Zeevang: 16
        // places lower, yet higher up a longer list): then the page says so in words.
        "contrary": .bool((places > 0 && positionChange < 0) || (places < 0 && positionChange > 0)),
    ]
    context[places > 0 ? "risen" : places < 0 ? "fallen" : "same"] = true
    context[positionChange >= 0.05 ? "positionUp" : positionChange <= -0.05 ? "positionDown" : "positionSame"] = true
    if case .predecessors(let used, _) = change.basis { context["predecessor"] = .string(used.name) }
    return .object(context)
}

/// A relative position as the pages write it: one decimal, Dutch (`97,3`).
func positionText(_ position: Double) -> String {
    DutchFormat.decimal(position, decimals: 1)
}
