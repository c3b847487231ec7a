import Core
import Scoring
import Stats

/// The columns a ranking can be sorted by. Each row carries the same sort values as `data-sort`
/// attributes, so sorting in the browser gives exactly the order of the pre-generated pages
/// that work without JavaScript. Ties keep the ranking order.
enum RankingSort {
    static let defaultKey = "rang"

    struct Column: Sendable {
        let key: String
        /// Direction of the first click on the column header.
        let ascendingFirst: Bool
        let value: @Sendable (RankingRow) -> Int
    }

    static func columns(for parts: [ScorePart]) -> [Column] {
        [
            Column(key: "rang", ascendingFirst: true) { $0.entry.rank },
            Column(key: "gemeente", ascendingFirst: true) { $0.nameOrder },
            Column(key: "provincie", ascendingFirst: true) { $0.provinceOrder },
            Column(key: "grootte", ascendingFirst: true) { $0.sizeOrder },
        ] + parts.map { part in
            Column(key: partKey(part.id), ascendingFirst: false) { $0.entry.parts[part.id] ?? 0 }
        } + [
            Column(key: "verschil", ascendingFirst: false) { $0.changeSort },
        ]
    }

    static func partKey(_ id: String) -> String { "onderdeel-\(id)" }

    /// `rows` ordered by `column`; ties by ranking order.
    static func sorted(_ rows: [RankingRow], by column: Column, ascending: Bool) -> [RankingRow] {
        rows.sorted { a, b in
            let (x, y) = (column.value(a), column.value(b))
            if x != y { return ascending ? x < y : x > y }
            return a.index < b.index
        }
    }
}

/// `values` without repeats, first occurrence kept.
func uniqueInOrder(_ values: [String]) -> [String] {
    var seen: Set<String> = []
    return values.filter { seen.insert($0).inserted }
}

/// One gemeente's row in an edition's ranking, with its HTML rendered once and reused by every
/// sorted and filtered page of the edition.
struct RankingRow: Sendable {
    let index: Int
    let entry: RankedGemeente
    let nameOrder: Int
    let provinceOrder: Int
    let sizeOrder: Int
    /// Places risen since the previous edition; new entries sort below every change.
    let changeSort: Int
    let html: String

    static let newEntrySort = -1_000_000
}

/// The ranking pages of one edition: the full ranking, the ranking sorted by every column (both
/// directions), and the ranking of each size class and each province.
struct RankingPages {
    let source: SiteSource
    let index: EditionIndex
    let reference: Reference

    func rows() throws -> [RankingRow] {
        let entries = index.ranking.entries
        // Each sort key made once: folding a name costs more than comparing two keys.
        let keys = entries.map { NameOrder(name: $0.name, code: $0.code) }
        let byName = entries.indices.sorted { keys[$0] < keys[$1] }
        var nameOrder = Array(repeating: 0, count: entries.count)
        for (position, entryIndex) in byName.enumerated() { nameOrder[entryIndex] = position }
        let provinceOrder = Dictionary(uniqueKeysWithValues: index.provinces.enumerated().map { ($1, $0) })
        let sizeOrder = Dictionary(uniqueKeysWithValues: index.sizeClasses.enumerated().map { ($1.id, $0) })
        return try entries.enumerated().map { position, entry in
            let change = index.changes[entry.code]
            let changeSort = change.map { $0.rankChange ?? RankingRow.newEntrySort } ?? 0
            let orders = (name: nameOrder[position], province: provinceOrder[entry.province] ?? 0,
                          size: sizeOrder[entry.sizeClass] ?? 0)
            let html = try source.render("ranking-row", rowContext(entry, index: position, orders: orders, changeSort: changeSort,
                                                               change: change))
            return RankingRow(index: position, entry: entry, nameOrder: orders.name, provinceOrder: orders.province,
                              sizeOrder: orders.size, changeSort: changeSort, html: html)
        }
    }

    func rowContext(_ entry: RankedGemeente, index position: Int, orders: (name: Int, province: Int, size: Int),
                    changeSort: Int, change: YearComparison.Entry?) -> TemplateData {
        let gemeente = reference.gemeente(code: entry.code)
        let searchNames = [entry.name] + (gemeente?.aliases ?? [])
        var context: TemplateData = [
            "index": .number(position), "rank": .number(entry.rank), "name": .string(entry.name), "code": .string(entry.code),
            "href": .string("gemeente/\(index.slugs[entry.code] ?? entry.code).html"),
            "province": .string(entry.province), "provinceSlug": .string(index.provinceSlug(entry.province)),
            "sizeClass": .string(entry.sizeClass), "sizeLabel": .string(index.sizeClass(entry.sizeClass)?.label ?? entry.sizeClass),
            "nameOrder": .number(orders.name), "provinceOrder": .number(orders.province), "sizeOrder": .number(orders.size),
            "parts": .list(index.ranking.parts.map { part in
                ["points": .number(entry.parts[part.id] ?? 0), "label": .string(part.label)]
            }),
            "total": .number(entry.total), "maximum": .number(index.ranking.maximum),
            "changeSort": .number(changeSort), "hasInterval": .bool(index.ranking.uncertainty != nil),
            // Folded like the name resolution of ingest, so "den bosch" finds 's-Hertogenbosch.
            "search": .string(uniqueInOrder(searchNames.map(TextFolding.gemeenteName)).joined(separator: "|")),
        ]
        context["change"] = changeContext(change)
        if let interval = entry.rankInterval {
            context["interval"] = .string(interval.low == interval.high ? "\(interval.low)" : "\(interval.low)–\(interval.high)")
        }
        return context
    }

    /// The change since the previous edition, for the template: risen / fallen / same / new,
    /// the places, and the predecessor it was compared with after a merger.
    func changeContext(_ change: YearComparison.Entry?) -> TemplateValue {
        guard let comparison = index.edition.comparison else { return ["none": true] }
        guard let change, let previous = change.previous, let places = change.rankChange else {
            return ["isNew": true, "previousYear": .number(comparison.from.year)]
        }
        var context: TemplateData = ["places": .number(abs(places)), "onePlace": .bool(abs(places) == 1),
                                     "previousRank": .number(previous.rank), "previousYear": .number(comparison.from.year)]
        context[places > 0 ? "risen" : places < 0 ? "fallen" : "same"] = true
        if case .predecessors(let used, _) = change.basis { context["predecessor"] = .string(used.name) }
        return .object(context)
    }

    func pages() throws -> [Page] {
        let rows = try rows()
        let year = index.year
        let columns = RankingSort.columns(for: index.ranking.parts)
        var pages: [Page] = []
        // One page per column, in the direction of its first click (names A–Z, points high to
        // low); the other direction, like sorting a filtered list, needs JavaScript.
        for column in columns {
            let path = SitePaths.sorted(year, key: column.key, ascending: column.ascendingFirst)
            let sorted = RankingSort.sorted(rows, by: column, ascending: column.ascendingFirst)
            pages.append(page(path: path, rows: sorted, sort: (column, column.ascendingFirst), filter: [:]))
        }
        for sizeClass in index.sizeClasses {
            let members = rows.filter { $0.entry.sizeClass == sizeClass.id }
            guard !members.isEmpty else { continue }
            pages.append(page(path: index.sizeClassPage(sizeClass.id), rows: members, sort: nil,
                              filter: ["sizeClass": sizeClass.label]))
        }
        for province in index.provinces {
            pages.append(page(path: index.provincePage(province), rows: rows.filter { $0.entry.province == province },
                              sort: nil, filter: ["province": province]))
        }
        return pages
    }

    /// A ranking page. `sort` nil: a filtered page in ranking order, whose column headers are
    /// not links (sorting a filtered list needs JavaScript); otherwise a full page whose headers
    /// link to the page sorted by that column, and the header of the sorted column back to the
    /// ranking order.
    func page(path: String, rows: [RankingRow], sort: (column: RankingSort.Column, ascending: Bool)?,
              filter: [String: String]) -> Page {
        let source = self.source, index = self.index
        let html = rows.map(\.html).joined()
        let shown = rows.count
        let sortKey = sort?.column.key ?? RankingSort.defaultKey
        let sortAscending = sort?.ascending ?? true
        return Page(path: path, template: "ranking") {
            let year = index.year
            let ranking = index.ranking
            var columns: TemplateData = [:]
            var partColumns: [TemplateValue] = []
            for column in RankingSort.columns(for: ranking.parts) {
                var header: TemplateData = ["key": .string(column.key), "first": .string(column.ascendingFirst ? "op" : "af")]
                if column.key == sortKey { header["ariaSort"] = .string(sortAscending ? "ascending" : "descending") }
                let target = column.key == sortKey ? SitePaths.edition(year)
                    : SitePaths.sorted(year, key: column.key, ascending: column.ascendingFirst)
                if sort != nil, target != path {
                    header["href"] = .string(SitePaths.relative(from: path, to: target))
                }
                if let part = ranking.parts.first(where: { RankingSort.partKey($0.id) == column.key }) {
                    header["label"] = .string(part.label)
                    header["maximum"] = .number(part.maximum)
                    if part.weight != 1 { header["weight"] = .number(part.weight) }
                    if column.key == sortKey { header["sortedBy"] = true }
                    partColumns.append(.object(header))
                } else {
                    columns[TemplateKey(column.key)] = .object(header)
                }
            }
            let sortedPart = ranking.parts.first { RankingSort.partKey($0.id) == sortKey }
            var context: TemplateData = [
                "year": .number(year), "count": .number(ranking.entries.count), "shown": .number(shown), "oneShown": .bool(shown == 1),
                "maximum": .number(ranking.maximum), "modelLabel": .string(index.edition.model.label),
                "columns": .object(columns), "partColumns": .list(partColumns), "rows": .string(html),
                "sortedBy": [TemplateKey(sortKey): true], "ascending": .bool(sortAscending),
                "isAll": .bool(filter.isEmpty), "filter": .object(TemplateData(filter.map { (TemplateKey($0.key), TemplateValue.string($0.value)) })),
                "allHref": .string(SitePaths.relative(from: path, to: SitePaths.edition(year))),
                "sizeFilters": .list(index.sizeClasses.filter { index.sizeClassCounts[$0.id] != nil }.map { sizeClass in
                    ["id": .string(sizeClass.id), "label": .string(sizeClass.label), "current": .bool(filter["sizeClass"] == sizeClass.label),
                     "href": .string(SitePaths.relative(from: path, to: index.sizeClassPage(sizeClass.id)))]
                }),
                "provinceFilters": .list(index.provinces.map { province in
                    ["slug": .string(index.provinceSlug(province)), "label": .string(province), "current": .bool(filter["province"] == province),
                     "href": .string(SitePaths.relative(from: path, to: index.provincePage(province)))]
                }),
                "hasInterval": .bool(ranking.uncertainty != nil),
                "csvHref": .string(SitePaths.relative(from: path, to: SitePaths.data(year, "ranglijst-\(year).csv"))),
                "jsonHref": .string(SitePaths.relative(from: path, to: SitePaths.data(year, "ranglijst-\(year).json"))),
            ]
            if let sortedPart { context["sortedPart"] = .string(sortedPart.label) }
            if let comparison = index.edition.comparison {
                context["previousYear"] = .number(comparison.from.year)
                context["modelChanged"] = .bool(comparison.modelChanged)
                context["previousModel"] = .string(index.edition.previousModel?.label ?? comparison.from.model)
            }
            return layoutContext(source, path: path, section: .ranking, year: year).merging(context)
        }
    }
}
