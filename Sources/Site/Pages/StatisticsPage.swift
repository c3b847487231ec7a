import Stats
import Support

/// `a, b en c`.
func dutchList(_ items: [String]) -> String {
    guard items.count > 1, let last = items.last else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " en " + last
}

extension String {
    /// The first letter in lower case (`Cijfer dat …` → `cijfer dat …`), for a title inside a sentence.
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}

/// A table's caption on the site: without the number it had in one year's report (`Tabel 7-2
/// (2014) — …` would put another year on every edition's page).
func siteCaption(_ table: StatTable) -> String {
    let caption = table.caption.text(in: .dutch)
    guard caption.hasPrefix("Tabel "), let separator = caption.range(of: " — ") else { return caption }
    return String(caption[separator.upperBound...])
}

/// A statistics table (from the Stats library) in its Dutch rendering, as the `stat-table`
/// template draws it: headings, cells and notes in Dutch, the first column as row headers, and a
/// bar chart of its percentages or means where the table has them.
func statTableContext(_ table: StatTable, csvHref: String? = nil) -> TemplateValue {
    let numeric = table.columns.enumerated().map { index, column in
        index > 0 && column.alignment == .right
    }
    var context: TemplateData = [
        "id": .string(SitePaths.slug(table.id)),
        "caption": .string(siteCaption(table)), "period": .string(table.period),
        "notAsked": .bool(table.isNotAsked),
        "columns": .list(table.columns.enumerated().map { index, column in
            ["label": .string(column.label.text(in: .dutch)), "numeric": .bool(numeric[index])]
        }),
        "rows": .list(table.rows.map { row in
            let header = row.cells.first?.text(in: .dutch) ?? row.id
            return ["label": .string(header),
                    "cells": .list(row.cells.dropFirst().enumerated().map { index, cell in
                        ["text": .string(cell.text(in: .dutch)), "numeric": .bool(numeric[min(index + 1, numeric.count - 1)])]
                    })]
        }),
        "notes": .list(table.notes.map { .string($0.text(in: .dutch)) }),
        "hasNotes": .bool(!table.notes.isEmpty),
    ]
    if let csvHref { context["csvHref"] = .string(csvHref) }
    // Companion tables (`usage.estimates`) repeat their main table's figures: no second chart.
    if !table.isNotAsked, table.id == table.definition, let chart = statChart(table) {
        context["chart"] = chart
    }
    return .object(context)
}

/// The chart of a table, by what its cells hold: one share column → a bar per row; several
/// share columns (a grid of answers) → stacked bars; a mean column → bars of the means.
/// Totals and rows without a value are left out. Nil when the table has nothing to draw.
func statChart(_ table: StatTable) -> TemplateValue? {
    let rows = table.rows.filter { $0.id != "total" }
    func cells(_ column: Int) -> [StatCell] { rows.map { column < $0.cells.count ? $0.cells[column] : .empty } }
    func label(_ row: StatRow) -> String { row.cells.first?.text(in: .dutch) ?? row.id }
    let shareColumns = table.columns.indices.filter { index in
        index > 0 && cells(index).contains { if case .share = $0 { return true } else { return false } }
    }
    let chartID = "grafiek-" + SitePaths.slug(table.id)
    if let share = table.columns.firstIndex(where: { $0.id == "share" }), shareColumns.contains(share) {
        let bars = rows.compactMap { row -> Charts.Bar? in
            guard share < row.cells.count, let value = chartValue(row.cells[share]) else { return nil }
            let text = row.cells[share].text(in: .dutch)
            return Charts.Bar(label: label(row), segments: [Charts.Segment(value: value, series: 0, name: "", valueText: text)], valueText: text)
        }
        return bars.isEmpty ? nil : Charts.bars(id: chartID, bars: bars, maximum: 100, series: [], scaleText: { DutchFormat.percent($0, decimals: 0) })
    }
    if shareColumns.count >= 2 {
        let names = shareColumns.map { table.columns[$0].label.text(in: .dutch) }
        let bars = rows.compactMap { row -> Charts.Bar? in
            let segments = shareColumns.enumerated().compactMap { series, column -> Charts.Segment? in
                guard column < row.cells.count, let value = chartValue(row.cells[column]) else { return nil }
                return Charts.Segment(value: value, series: series, name: names[series], valueText: row.cells[column].text(in: .dutch))
            }
            return segments.isEmpty ? nil : Charts.Bar(label: label(row), segments: segments, valueText: "")
        }
        return bars.isEmpty ? nil : Charts.bars(id: chartID, bars: bars, maximum: 100, series: names, scaleText: { DutchFormat.percent($0, decimals: 0) })
    }
    if let mean = table.columns.firstIndex(where: { $0.id == "mean" }) {
        let bars = rows.compactMap { row -> Charts.Bar? in
            guard mean < row.cells.count, let value = chartValue(row.cells[mean]) else { return nil }
            let text = row.cells[mean].text(in: .dutch)
            return Charts.Bar(label: label(row), segments: [Charts.Segment(value: value, series: 0, name: "", valueText: text)], valueText: text)
        }
        let top = bars.flatMap(\.segments).map(\.value).max() ?? 0
        return bars.isEmpty || top <= 0 ? nil : Charts.bars(id: chartID, bars: bars, maximum: niceMaximum(top), series: [],
                                                           scaleText: { DutchFormat.number($0, maximumDecimals: 1) })
    }
    return nil
}

/// The number a cell stands for in a chart (percentages in %), if it has one.
func chartValue(_ cell: StatCell) -> Double? {
    switch cell {
    case .count(let count): return Double(count)
    case .share(let proportion): return proportion.value.map { $0 * 100 }
    case .percent(let value, _): return value
    case .number(let value, _): return value
    case .change(let change): return Double(change)
    case .difference(let value, _, _): return value
    case .text, .phrase, .interval, .occurrences, .notAsked, .empty: return nil
    }
}

/// The smallest of 1, 2, 2.5, 5 × 10^k at or above `value`: a round top for a scale.
func niceMaximum(_ value: Double) -> Double {
    var power = 1.0
    while power * 10 < value { power *= 10 }
    while power > value && power > 1e-6 { power /= 10 }
    for step in [1.0, 2.0, 2.5, 5.0, 10.0] where step * power >= value { return step * power }
    return value
}

/// The statistics page of an edition: first the comparison with the previous edition (the
/// risers and fallers people come for), then every table the year asked (as `meetlat stats`
/// computes them) with charts, and one line naming the tables it did not ask.
struct StatisticsPage {
    let source: SiteSource
    let index: EditionIndex
    let links: EditionLinks
    let labels: QuestionLabels

    static let comparisonLimit = 10

    func page() -> Page {
        let source = self.source, index = self.index, links = self.links
        let year = index.year
        let path = SitePaths.statistics(year)
        return Page(path: path, template: "statistics") {
            let tables = index.edition.statistics.tables
            let asked = tables.filter { !$0.isNotAsked }
            let notAsked = tables.filter { $0.isNotAsked && $0.id == $0.definition }
            var context: TemplateData = [
                "year": .number(year), "respondents": .number(index.edition.respondents), "gemeenten": .number(index.edition.gemeenten),
                "tables": .list(asked.map { table in
                    statTableContext(table, csvHref: SitePaths.relative(from: path, to: SitePaths.data(year, Downloads.statisticsTableName(year, table))))
                }),
                "notAskedList": .string(dutchList(notAsked.map { siteCaption($0).lowercasedFirst })),
                "hasNotAsked": .bool(!notAsked.isEmpty),
                "xlsxHref": .string(SitePaths.relative(from: path, to: SitePaths.data(year, "statistieken-\(year).xlsx"))),
                "jsonHref": .string(SitePaths.relative(from: path, to: SitePaths.data(year, "statistieken-\(year).json"))),
                "otherEditions": links.context(from: path, year: year, counterpart: .statistics),
            ]
            if let comparison = index.edition.comparison {
                func entry(_ entry: YearComparison.Entry) -> TemplateValue {
                    var result: TemplateData = [
                        "name": .string(entry.current.name), "rank": .number(entry.current.rank), "total": .number(entry.current.total),
                        "href": .string(SitePaths.relative(from: path, to: SitePaths.gemeente(year, slug: index.slugs[entry.current.code] ?? ""))),
                        "change": changeContext(entry, comparison: comparison),
                    ]
                    if let previous = entry.previous {
                        result["previousRank"] = .number(previous.rank)
                        result["previousTotal"] = .number(previous.total)
                    }
                    return .object(result)
                }
                let name = Downloads.comparisonName(comparison)
                context["comparison"] = [
                    "previousYear": .number(comparison.from.year), "modelChanged": .bool(comparison.modelChanged),
                    "previousModel": .string(index.edition.previousModel?.label ?? comparison.from.model),
                    "model": .string(index.edition.model.label),
                    "count": .number(comparison.to.entries.count), "previousCount": .number(comparison.from.entries.count),
                    "countsDiffer": .bool(comparison.countsDiffer),
                    "risers": .list(comparison.risers(limit: Self.comparisonLimit).map(entry)),
                    "fallers": .list(comparison.fallers(limit: Self.comparisonLimit).map(entry)),
                    "mergers": .list(comparison.mergers.map(entry)), "hasMergers": .bool(!comparison.mergers.isEmpty),
                    "newEntrants": .list(comparison.newEntrants.map(entry)),
                    "newCount": .number(comparison.newEntrants.count), "oneNew": .bool(comparison.newEntrants.count == 1),
                    "dropOutCount": .number(comparison.dropOuts.count), "oneDropOut": .bool(comparison.dropOuts.count == 1),
                    "csvHref": .string(SitePaths.relative(from: path, to: SitePaths.data(year, "\(name).csv"))),
                    "risersCsvHref": .string(SitePaths.relative(from: path, to: SitePaths.data(year, Downloads.comparisonTableName(comparison, "compare.risers")))),
                    "fallersCsvHref": .string(SitePaths.relative(from: path, to: SitePaths.data(year, Downloads.comparisonTableName(comparison, "compare.fallers")))),
                    "mergersCsvHref": .string(SitePaths.relative(from: path, to: SitePaths.data(year, Downloads.comparisonTableName(comparison, "compare.mergers")))),
                    "xlsxHref": .string(SitePaths.relative(from: path, to: SitePaths.data(year, "\(name).xlsx"))),
                    "jsonHref": .string(SitePaths.relative(from: path, to: SitePaths.data(year, "\(name).json"))),
                ]
            }
            return layoutContext(source, path: path, section: .statistics, year: year).merging(context)
        }
    }
}
