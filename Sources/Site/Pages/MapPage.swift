import Core
import Foundation
import Scoring
import Support

/// `<year>/kaart.html`: every gemeente of the year on a map of the Netherlands (inline SVG,
/// drawn at build time from `GemeenteMap`), coloured by its place in the ranking, or marked
/// as not taking part; each shape links to the gemeente's page of the edition. The same facts
/// follow as a table, the map's text alternative. An edition without boundaries for its year
/// gets the table and a sentence saying why there is no map.
struct MapPage {
    let source: SiteSource
    let index: EditionIndex
    let reference: Reference
    let links: EditionLinks

    /// Ranked gemeenten fall into this many classes of equal size by rank (quintiles): a colour
    /// says "among the best fifth", which a reader can check against the ranking.
    static let classes = 5

    /// The class (1 = best) of a rank among `count` ranked gemeenten; tied ranks share a class.
    static func rankClass(_ rank: Int, of count: Int) -> Int {
        min(classes, 1 + (rank - 1) * classes / max(count, 1))
    }

    func page() -> Page {
        let source = self.source, index = self.index, reference = self.reference, links = self.links
        let path = SitePaths.map(index.year)
        return Page(path: path, template: "kaart") {
            let ranking = index.ranking
            let count = ranking.entries.count
            let entries = Dictionary(ranking.entries.map { ($0.code, $0) }) { first, _ in first }
            func href(_ code: String) -> String? {
                (index.slugs[code] ?? index.absentSlugs[code]).map { SitePaths.relative(from: path, to: SitePaths.gemeente(index.year, slug: $0)) }
            }
            let gemeenten = reference.gemeenten(in: index.year)
                .sorted { NameOrder(name: $0.name, code: $0.code) < NameOrder(name: $1.name, code: $1.code) }
            func label(_ gemeente: Gemeente) -> String {
                guard let entry = entries[gemeente.code] else { return "\(gemeente.name): deed niet mee in \(index.year)" }
                return "\(gemeente.name): rang \(entry.rank) van \(count), \(entry.total) punten"
            }
            func shapeClass(_ code: String) -> String {
                entries[code].map { "klasse-\(Self.rankClass($0.rank, of: count))" } ?? "niet-meegedaan"
            }
            let rows: [TemplateValue] = gemeenten.map { gemeente in
                var row: TemplateData = ["name": .string(gemeente.name), "province": .string(gemeente.province),
                                         "code": .string(gemeente.code), "class": .string(shapeClass(gemeente.code))]
                if let href = href(gemeente.code) { row["href"] = .string(href) }
                if let entry = entries[gemeente.code] {
                    row["ranked"] = ["rank": .number(entry.rank), "total": .number(entry.total),
                                     "class": .number(Self.rankClass(entry.rank, of: count))]
                }
                return .object(row)
            }
            var context: TemplateData = [
                "year": .number(index.year), "count": .number(count), "gemeenten": .number(gemeenten.count),
                "absentCount": .number(gemeenten.count - count), "maximum": .number(ranking.maximum),
                "rows": .list(rows), "legend": .list(Self.legend(ranking.entries)),
            ]
            context["otherEditions"] = links.context(from: path, year: index.year, counterpart: .map)
            if let map = index.edition.map {
                // Drawn in code order: the same text on every build.
                let shapes: [TemplateValue] = gemeenten.sorted { $0.code < $1.code }.compactMap { gemeente in
                    guard let data = map.paths[gemeente.code] else { return nil }
                    var shape: TemplateData = ["code": .string(gemeente.code), "d": .string(data),
                                               "class": .string(shapeClass(gemeente.code)), "label": .string(label(gemeente))]
                    if let href = href(gemeente.code) { shape["href"] = .string(href) }
                    return .object(shape)
                }
                context["map"] = ["width": .number(map.width), "height": .number(map.height), "shapes": .list(shapes)]
            }
            return layoutContext(source, path: path, section: .map, year: index.year).merging(context)
        }
    }

    /// Per class: its ranks and scores, and how many gemeenten it holds.
    static func legend(_ entries: [RankedGemeente]) -> [TemplateValue] {
        let byClass = Dictionary(grouping: entries) { rankClass($0.rank, of: entries.count) }
        return (1...classes).compactMap { number in
            guard let members = byClass[number], let best = members.min(by: { $0.rank < $1.rank }),
                  let last = members.max(by: { $0.rank < $1.rank }) else { return nil }
            let scores = members.map(\.total)
            return ["class": .number(number), "count": .number(members.count),
                    "firstRank": .number(best.rank), "lastRank": .number(last.rank), "oneRank": .bool(best.rank == last.rank),
                    "highest": .number(scores.max() ?? 0), "lowest": .number(scores.min() ?? 0),
                    "oneScore": .bool(scores.max() == scores.min())]
        }
    }
}
