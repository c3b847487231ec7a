import Ingest
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

    func rows() -> [RankingRow] {
        let entries = index.ranking.entries
        let byName = entries.indices.sorted {
            NameOrder(name: entries[$0].name, code: entries[$0].code) < NameOrder(name: entries[$1].name, code: entries[$1].code)
        }
        var nameOrder = Array(repeating: 0, count: entries.count)
        for (position, entryIndex) in byName.enumerated() { nameOrder[entryIndex] = position }
        let provinceOrder = Dictionary(uniqueKeysWithValues: index.provinces.enumerated().map { ($1, $0) })
        let sizeOrder = Dictionary(uniqueKeysWithValues: index.sizeClasses.enumerated().map { ($1.id, $0) })
        return entries.enumerated().map { position, entry in
            let change = index.changes[entry.code]
            let changeSort = change.map { $0.rankChange ?? RankingRow.newEntrySort } ?? 0
            let orders = (name: nameOrder[position], province: provinceOrder[entry.province] ?? 0,
                          size: sizeOrder[entry.sizeClass] ?? 0)
            let html = source.render("ranking-row", rowContext(entry, index: position, orders: orders, changeSort: changeSort,
                                                               change: change))
            return RankingRow(index: position, entry: entry, nameOrder: orders.name, provinceOrder: orders.province,
                              sizeOrder: orders.size, changeSort: changeSort, html: html)
        }
    }

    func rowContext(_ entry: RankedGemeente, index position: Int, orders: (name: Int, province: Int, size: Int),
                    changeSort: Int, change: YearComparison.Entry?) -> [String: Any] {
        let gemeente = reference.gemeente(code: entry.code)
        let searchNames = [entry.name] + (gemeente?.aliases ?? [])
        var context: [String: Any] = [
            "index": position, "rank": entry.rank, "name": entry.name, "code": entry.code,
            "href": "gemeente/\(index.slugs[entry.code] ?? entry.code).html",
            "province": entry.province, "provinceSlug": SitePaths.slug(entry.province),
            "sizeClass": entry.sizeClass, "sizeLabel": index.sizeClass(entry.sizeClass)?.label ?? entry.sizeClass,
            "nameOrder": orders.name, "provinceOrder": orders.province, "sizeOrder": orders.size,
            "parts": index.ranking.parts.map { part -> [String: Any] in
                ["points": entry.parts[part.id] ?? 0, "label": part.label]
            },
            "total": entry.total, "maximum": index.ranking.maximum,
            "changeSort": changeSort, "hasInterval": index.ranking.sensitivity != nil,
            // Folded like the name resolution of ingest, so "den bosch" finds 's-Hertogenbosch.
            "search": uniqueInOrder(searchNames.map(TextFolding.gemeenteName)).joined(separator: "|"),
        ]
        context["change"] = changeContext(change)
        if let interval = entry.rankInterval {
            context["interval"] = interval.low == interval.high ? "\(interval.low)" : "\(interval.low)–\(interval.high)"
        }
        return context
    }

    /// The change since the previous edition, for the template: risen / fallen / same / new,
    /// the places, and the predecessor it was compared with after a merger.
    func changeContext(_ change: YearComparison.Entry?) -> [String: Any] {
        guard let comparison = index.edition.comparison else { return ["none": true] }
        guard let change, let previous = change.previous, let places = change.rankChange else {
            return ["isNew": true, "previousYear": comparison.from.year]
        }
        let magnitude = abs(places)
        var context: [String: Any] = ["places": magnitude, "previousRank": previous.rank, "previousYear": comparison.from.year]
        context[places > 0 ? "risen" : places < 0 ? "fallen" : "same"] = true
        if case .predecessors(let used, _) = change.basis { context["predecessor"] = used.name }
        return context
    }

    func pages() -> [Page] {
        let rows = rows()
        let year = index.year
        let columns = RankingSort.columns(for: index.ranking.parts)
        var pages: [Page] = []
        for column in columns {
            for ascending in [true, false] {
                let path = SitePaths.sorted(year, key: column.key, ascending: ascending)
                let sorted = RankingSort.sorted(rows, by: column, ascending: ascending)
                pages.append(page(path: path, rows: sorted, sort: (column, ascending), filter: [:]))
            }
        }
        for sizeClass in index.sizeClasses {
            let members = rows.filter { $0.entry.sizeClass == sizeClass.id }
            guard !members.isEmpty else { continue }
            pages.append(page(path: SitePaths.sizeClass(year, id: sizeClass.id), rows: members, sort: nil,
                              filter: ["sizeClass": sizeClass.label]))
        }
        for province in index.provinces {
            pages.append(page(path: SitePaths.province(year, name: province), rows: rows.filter { $0.entry.province == province },
                              sort: nil, filter: ["province": province]))
        }
        return pages
    }

    /// A ranking page. `sort` nil: a filtered page in ranking order, whose column headers are
    /// not links (sorting a filtered list needs JavaScript); otherwise a full page whose headers
    /// link to the page sorted by that column.
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
            var columns: [String: Any] = [:]
            var partColumns: [[String: Any]] = []
            for column in RankingSort.columns(for: ranking.parts) {
                var header: [String: Any] = ["key": column.key, "first": column.ascendingFirst ? "op" : "af"]
                if column.key == sortKey { header["ariaSort"] = sortAscending ? "ascending" : "descending" }
                if sort != nil {
                    let ascending = column.key == sortKey ? !sortAscending : column.ascendingFirst
                    header["href"] = SitePaths.relative(from: path, to: SitePaths.sorted(year, key: column.key, ascending: ascending))
                }
                if let part = ranking.parts.first(where: { RankingSort.partKey($0.id) == column.key }) {
                    header["label"] = part.label
                    header["maximum"] = part.maximum
                    if part.weight != 1 { header["weight"] = part.weight }
                    if column.key == sortKey { header["sortedBy"] = true }
                    partColumns.append(header)
                } else {
                    columns[column.key] = header
                }
            }
            let sortedPart = ranking.parts.first { RankingSort.partKey($0.id) == sortKey }
            var context: [String: Any] = [
                "year": year, "count": ranking.entries.count, "shown": shown, "maximum": ranking.maximum,
                "modelLabel": index.edition.model.label,
                "columns": columns, "partColumns": partColumns, "rows": html,
                "sortedBy": [sortKey: true], "ascending": sortAscending,
                "isAll": filter.isEmpty, "filter": filter,
                "allHref": SitePaths.relative(from: path, to: SitePaths.edition(year)),
                "sizeFilters": index.sizeClasses.filter { sizeClass in ranking.entries.contains { $0.sizeClass == sizeClass.id } }
                    .map { sizeClass -> [String: Any] in
                        ["id": sizeClass.id, "label": sizeClass.label, "current": filter["sizeClass"] == sizeClass.label,
                         "href": SitePaths.relative(from: path, to: SitePaths.sizeClass(year, id: sizeClass.id))]
                    },
                "provinceFilters": index.provinces.map { province -> [String: Any] in
                    ["slug": SitePaths.slug(province), "label": province, "current": filter["province"] == province,
                     "href": SitePaths.relative(from: path, to: SitePaths.province(year, name: province))]
                },
                "hasInterval": ranking.sensitivity != nil,
                "csvHref": SitePaths.relative(from: path, to: SitePaths.data(year, "ranglijst-\(year).csv")),
                "jsonHref": SitePaths.relative(from: path, to: SitePaths.data(year, "ranglijst-\(year).json")),
            ]
            if let sortedPart { context["sortedPart"] = sortedPart.label }
            if let comparison = index.edition.comparison {
                context["previousYear"] = comparison.from.year
                context["modelChanged"] = comparison.modelChanged
                context["previousModel"] = comparison.from.model
            }
            return layoutContext(source, path: path, section: .ranking, year: year).merging(context)
        }
    }
}
