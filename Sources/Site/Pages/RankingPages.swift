import Core
import Scoring
import Stats
import Support

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

    /// The sortable columns of an edition's ranking. The parts only when there are several (a
    /// single part is the score itself, as in 2011); the change only when there is a previous
    /// edition.
    static func columns(for index: EditionIndex) -> [Column] {
        let parts = shownParts(index.ranking)
        var columns = [
            Column(key: "rang", ascendingFirst: true) { $0.entry.rank },
            Column(key: "gemeente", ascendingFirst: true) { $0.nameOrder },
        ]
        if index.edition.comparison != nil {
            columns.append(Column(key: "verschil", ascendingFirst: false) { $0.changeSort })
        }
        columns += parts.map { part in
            Column(key: partKey(part.id), ascendingFirst: false) { $0.entry.parts[part.id] ?? 0 }
        }
        columns += [
            Column(key: "provincie", ascendingFirst: true) { $0.provinceOrder },
            Column(key: "grootte", ascendingFirst: true) { $0.sizeOrder },
        ]
        return columns
    }

    /// The parts a ranking shows as columns: none when the score has only one part.
    static func shownParts(_ ranking: Ranking) -> [ScorePart] { ranking.parts.count > 1 ? ranking.parts : [] }

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
    /// Place in the order of movement since the previous edition (relative position gained,
    /// then places: `YearComparison.movementOrder`); new entries sort below every change.
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
    let links: EditionLinks
    let histories: [String: [HistoryPoint]]

    func rows() throws -> [RankingRow] {
        let entries = index.ranking.entries
        // Each sort key made once: folding a name costs more than comparing two keys.
        let keys = entries.map { NameOrder(name: $0.name, code: $0.code) }
        let byName = entries.indices.sorted { keys[$0] < keys[$1] }
        var nameOrder = Array(repeating: 0, count: entries.count)
        for (position, entryIndex) in byName.enumerated() { nameOrder[entryIndex] = position }
        let provinceOrder = Dictionary(uniqueKeysWithValues: index.provinces.enumerated().map { ($1, $0) })
        let sizeOrder = Dictionary(uniqueKeysWithValues: index.sizeClasses.enumerated().map { ($1.id, $0) })
        let movement = index.edition.comparison?.movementOrder ?? [:]
        return try entries.enumerated().map { position, entry in
            let change = index.changes[entry.code]
            let changeSort = change.map { movement[$0.current.code] ?? RankingRow.newEntrySort } ?? 0
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
            "parts": .list(RankingSort.shownParts(index.ranking).map { part in
                ["points": .number(entry.parts[part.id] ?? 0), "label": .string(part.label)]
            }),
            "total": .number(entry.total), "maximum": .number(index.ranking.maximum),
            "changeSort": .number(changeSort), "hasInterval": .bool(index.showsIntervals),
            // Folded like the name resolution of ingest, so "den bosch" finds 's-Hertogenbosch.
            "search": .string(uniqueInOrder(searchNames.map(TextFolding.gemeenteName)).joined(separator: "|")),
        ]
        context["change"] = Site.changeContext(change, comparison: index.edition.comparison)
        if let interval = entry.rankInterval {
            context["interval"] = .string(interval.low == interval.high ? "\(interval.low)" : "\(interval.low)–\(interval.high)")
        }
        return context
    }

    func pages() throws -> [Page] {
        let rows = try rows()
        let year = index.year
        let columns = RankingSort.columns(for: index)
        var pages: [Page] = []
        // The absent gemeenten's JSON differs between pages only by the folder its links start
        // from: made once per folder (the sorted pages share one), not once per page.
        var absentByFolder: [String: String] = [:]
        func absent(from path: String) -> String {
            let folder = String(path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/"))
            if let made = absentByFolder[folder] { return made }
            let made = absentGemeenten(from: path, histories: histories, years: links.editions.map(\.year))
            absentByFolder[folder] = made
            return made
        }
        // One page per column, in the direction of its first click (names A–Z, points high to
        // low); the other direction, like sorting a filtered list, needs JavaScript.
        for column in columns {
            let path = SitePaths.sorted(year, key: column.key, ascending: column.ascendingFirst)
            let sorted = RankingSort.sorted(rows, by: column, ascending: column.ascendingFirst)
            pages.append(page(path: path, rows: sorted, sort: (column, column.ascendingFirst), filter: [:], absent: absent(from: path),
                              counterpart: column.key == RankingSort.defaultKey && column.ascendingFirst
                                ? .ranking : .sorted(key: column.key, ascending: column.ascendingFirst)))
        }
        for sizeClass in index.sizeClasses {
            let members = rows.filter { $0.entry.sizeClass == sizeClass.id }
            guard !members.isEmpty else { continue }
            let slug = index.sizeClassSlugs[sizeClass.id] ?? SitePaths.slug(sizeClass.id)
            pages.append(page(path: index.sizeClassPage(sizeClass.id), rows: members, sort: nil,
                              filter: ["sizeClass": sizeClass.label], counterpart: .sizeClass(slug: slug)))
        }
        for province in index.provinces {
            pages.append(page(path: index.provincePage(province), rows: rows.filter { $0.entry.province == province },
                              sort: nil, filter: ["province": province], counterpart: .province(slug: index.provinceSlug(province))))
        }
        return pages
    }

    /// The gemeenten of the reference that existed in any edition's year but are not ranked in
    /// this one, with the editions they took part in: a search for one of them says it did not
    /// take part and links those editions. Kept in the page as JSON for the script.
    func absentGemeenten(from path: String, histories: [String: [HistoryPoint]], years: [Int]) -> String {
        let ranked = Set(index.ranking.entries.map(\.code))
        var items: [JSONValue] = []
        let candidates = reference.gemeenten.filter { gemeente in
            !ranked.contains(gemeente.code) && years.contains { gemeente.existed(in: $0) }
        }.sorted { NameOrder(name: $0.name, code: $0.code) < NameOrder(name: $1.name, code: $1.code) }
        for gemeente in candidates {
            let keys = uniqueInOrder(([gemeente.name] + gemeente.aliases).map(TextFolding.gemeenteName))
            let editions: [JSONValue] = (histories[gemeente.code] ?? []).map { point in
                .object(["jaar": .number(Double(point.year)),
                         "href": .string(SitePaths.relative(from: path, to: SitePaths.gemeente(point.year, slug: point.slug)))])
            }
            var item: [String: JSONValue] = ["naam": .string(gemeente.name), "zoek": .string(keys.joined(separator: "|")),
                                             "edities": .array(editions)]
            if !gemeente.existed(in: index.year) {
                item["bestond"] = .bool(false)
                if let successor = reference.successor(of: gemeente.code, in: index.year), successor.code != gemeente.code {
                    item["opgegaanIn"] = .string(successor.name)
                }
            }
            items.append(.object(item))
        }
        // On one line (a string never holds a raw line break, so dropping each line's indentation
        // and the breaks changes no value), and no "<" that could end the script element.
        let compact = JSONValue.array(items).text.split(separator: "\n").map { $0.drop { $0 == " " } }.joined()
        return compact.replacingOccurrences(of: "<", with: "\\u003c")
    }

    /// A ranking page. `sort` nil: a filtered page in ranking order, whose column headers are
    /// not links (sorting a filtered list needs JavaScript); otherwise a full page whose headers
    /// link to the page sorted by that column, and the header of the sorted column back to the
    /// ranking order. `absent`: the JSON of `absentGemeenten`, for the full pages.
    func page(path: String, rows: [RankingRow], sort: (column: RankingSort.Column, ascending: Bool)?,
              filter: [String: String], absent: String? = nil, counterpart: EditionLinks.Counterpart) -> Page {
        let source = self.source, index = self.index, links = self.links
        let html = rows.map(\.html).joined()
        let shown = rows.count
        let sortKey = sort?.column.key ?? RankingSort.defaultKey
        let sortAscending = sort?.ascending ?? true
        return Page(path: path, template: "ranking") {
            let year = index.year
            let ranking = index.ranking
            var columns: TemplateData = [:]
            var partColumns: [TemplateValue] = []
            let shownParts = RankingSort.shownParts(ranking)
            for column in RankingSort.columns(for: index) {
                var header: TemplateData = ["key": .string(column.key), "first": .string(column.ascendingFirst ? "op" : "af")]
                if column.key == sortKey { header["ariaSort"] = .string(sortAscending ? "ascending" : "descending") }
                let target = column.key == sortKey ? SitePaths.edition(year)
                    : SitePaths.sorted(year, key: column.key, ascending: column.ascendingFirst)
                if sort != nil, target != path {
                    header["href"] = .string(SitePaths.relative(from: path, to: target))
                }
                if let part = shownParts.first(where: { RankingSort.partKey($0.id) == column.key }) {
                    header["label"] = .string(part.label)
                    header["maximum"] = .number(part.maximum)
                    if part.weight != 1 { header["weight"] = .number(part.weight) }
                    if column.key == sortKey { header["sortedBy"] = true }
                    partColumns.append(.object(header))
                } else {
                    columns[TemplateKey(column.key)] = .object(header)
                }
            }
            let sortedPart = shownParts.first { RankingSort.partKey($0.id) == sortKey }
            // The downloads of what the page shows: the whole ranking, or the province or size class.
            let selection = filter["province"].map { "provincie-" + index.provinceSlug($0) }
                ?? index.sizeClasses.first { $0.label == filter["sizeClass"] }.map { "grootte-" + (index.sizeClassSlugs[$0.id] ?? $0.id) }
            let fileBase = "ranglijst-\(year)" + (selection.map { "-" + $0 } ?? "")
            var context: TemplateData = [
                "year": .number(year), "count": .number(ranking.entries.count), "shown": .number(shown), "oneShown": .bool(shown == 1),
                "maximum": .number(ranking.maximum), "modelLabel": .string(index.edition.model.label),
                "columns": .object(columns), "partColumns": .list(partColumns), "rows": .string(html),
                "sortedBy": [TemplateKey(sortKey): true], "ascending": .bool(sortAscending),
                "isAll": .bool(filter.isEmpty), "filter": .object(TemplateData(filter.map { (TemplateKey($0.key), TemplateValue.string($0.value)) })),
                "allHref": .string(SitePaths.relative(from: path, to: SitePaths.edition(year))),
                "sizeFilters": .list(index.sizeClasses.filter { index.sizeClassCounts[$0.id] != nil }.map { sizeClass in
                    ["id": .string(sizeClass.id), "label": .string(sizeClass.label), "current": .bool(filter["sizeClass"] == sizeClass.label),
                     "slug": .string(index.sizeClassSlugs[sizeClass.id] ?? sizeClass.id),
                     "href": .string(SitePaths.relative(from: path, to: index.sizeClassPage(sizeClass.id)))]
                }),
                "provinceFilters": .list(index.provinces.map { province in
                    ["slug": .string(index.provinceSlug(province)), "label": .string(province), "current": .bool(filter["province"] == province),
                     "href": .string(SitePaths.relative(from: path, to: index.provincePage(province)))]
                }),
                "hasInterval": .bool(index.showsIntervals),
                "download": [
                    "csvHref": .string(SitePaths.relative(from: path, to: SitePaths.data(year, fileBase + ".csv"))),
                    "xlsxHref": .string(SitePaths.relative(from: path, to: SitePaths.data(year, fileBase + ".xlsx"))),
                    "jsonHref": .string(SitePaths.relative(from: path, to: SitePaths.data(year, fileBase + ".json"))),
                    "base": .string(SitePaths.relative(from: path, to: SitePaths.data(year, "ranglijst-\(year)"))),
                    "downloadsHref": .string(SitePaths.relative(from: path, to: SitePaths.downloads(year))),
                ],
                "liveFilters": .bool(sort != nil),
                "otherEditions": links.context(from: path, year: year, counterpart: counterpart),
            ]
            if let absent { context["absentJSON"] = .string(absent) }
            if let sortedPart { context["sortedPart"] = .string(sortedPart.label) }
            if let comparison = index.edition.comparison {
                context["previousYear"] = .number(comparison.from.year)
                context["previousCount"] = .number(comparison.from.entries.count)
                context["modelChanged"] = .bool(comparison.modelChanged)
                context["countsDiffer"] = .bool(comparison.countsDiffer)
                context["previousModel"] = .string(index.edition.previousModel?.label ?? comparison.from.model)
            }
            return layoutContext(source, path: path, section: .ranking, year: year).merging(context)
        }
    }
}
