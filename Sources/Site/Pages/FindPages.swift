import Core
import Foundation
import Scoring
import Support

/// Finding a gemeente from any page: the search index the header's search box reads
/// (`zoekindex.js`: every name and alias the reference knows, folded as ingest folds names, →
/// the gemeente's latest page), the list of all gemeenten per letter (`gemeenten.html`, where the
/// search box leads without JavaScript) and, per edition, a page for each gemeente of that year
/// that did not take part.
struct FindPages {
    let source: SiteSource
    let indexes: [EditionIndex]
    let reference: Reference
    let histories: [String: [HistoryPoint]]
    let links: EditionLinks

    static let indexPath = "zoekindex.js"
    static let listPath = "gemeenten.html"

    /// The newest page of a gemeente: the newest edition it took part in or existed in; for a
    /// gemeente of no edition year (merged before the first), its successor's.
    func latestPage(_ code: String) -> String? {
        for index in indexes.reversed() {
            if let slug = index.slugs[code] ?? index.absentSlugs[code] { return SitePaths.gemeente(index.year, slug: slug) }
        }
        guard let newest = indexes.last, let successor = reference.successor(of: code, in: newest.year),
              successor.code != code else { return nil }
        return latestPage(successor.code)
    }

    /// Every gemeente with a page of its own, in name order, with its latest page.
    func listed() -> [(gemeente: Gemeente, path: String)] {
        let years = Set(indexes.map(\.year))
        return reference.gemeenten.filter { gemeente in years.contains { gemeente.existed(in: $0) } }
            .sorted { NameOrder(name: $0.name, code: $0.code) < NameOrder(name: $1.name, code: $1.code) }
            .compactMap { gemeente in latestPage(gemeente.code).map { (gemeente, $0) } }
    }

    /// `window.meetlatGemeenten = {"den bosch": "2013/gemeente/s-hertogenbosch.html", …};` — a
    /// name two gemeenten share maps to "" (the script then shows the list).
    func searchIndex() throws -> OutputFile {
        var index: [String: String] = [:]
        for gemeente in reference.gemeenten {
            guard let path = latestPage(gemeente.code) else { continue }
            for name in [gemeente.name] + gemeente.aliases {
                let key = TextFolding.gemeenteName(name)
                guard !key.isEmpty else { continue }
                if let existing = index[key], existing != path { index[key] = "" } else { index[key] = path }
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(index), as: UTF8.self)
        return OutputFile(path: Self.indexPath, data: Data("window.meetlatGemeenten = \(json);\n".utf8))
    }

    /// All gemeenten per letter, for finding one without JavaScript.
    func listPage() -> Page {
        let source = self.source, listed = self.listed()
        let path = Self.listPath
        return Page(path: path, template: "gemeenten") {
            // By the first letter of the folded name ('s-Hertogenbosch under S), in name order within.
            var byLetter: [String: [TemplateValue]] = [:]
            for (gemeente, target) in listed {
                let letter = TextFolding.gemeenteName(gemeente.name).first.map { String($0).uppercased() } ?? "#"
                byLetter[letter, default: []].append(["name": .string(gemeente.name), "province": .string(gemeente.province),
                                                      "href": .string(SitePaths.relative(from: path, to: target))])
            }
            let letters = byLetter.keys.sorted().map { ($0, byLetter[$0] ?? []) }
            return layoutContext(source, path: path, section: .gemeenten, year: nil).merging([
                "count": .number(listed.count),
                "letters": .list(letters.map { ["letter": .string($0.0), "gemeenten": .list($0.1)] }),
            ])
        }
    }

    /// Per edition, a page for each gemeente of that year that did not take part: the editions up to
    /// this one it took part in (the edition switch links the others) and, when it later merged,
    /// into which gemeente.
    func absentPages(_ index: EditionIndex) -> [Page] {
        index.absent.map { gemeente in
            let path = SitePaths.gemeente(index.year, slug: index.absentSlugs[gemeente.code] ?? gemeente.code)
            return Page(path: path, template: "afwezig") { [source, reference, histories, links] in
                var context = layoutContext(source, path: path, section: .gemeente, year: index.year)
                context["otherEditions"] = links.context(from: path, year: index.year, counterpart: .gemeente(code: gemeente.code))
                // Up to this edition: a later edition changes an edition only in its links to the others.
                let history = (histories[gemeente.code] ?? []).filter { $0.year <= index.year }
                var data: TemplateData = [
                    "name": .string(gemeente.name), "code": .string(gemeente.code), "province": .string(gemeente.province), "year": .number(index.year),
                    "count": .number(index.ranking.entries.count), "rankingHref": "../index.html",
                    "editions": .list(history.map { point in
                        ["year": .number(point.year), "rank": .number(point.entry.rank), "count": .number(point.count),
                         "total": .number(point.entry.total), "maximum": .number(point.maximum),
                         "href": .string("../../" + SitePaths.gemeente(point.year, slug: point.slug))]
                    }),
                    "tookPart": .bool(!history.isEmpty),
                ]
                if let lastYear = gemeente.lastYear, let code = gemeente.successor, let successor = reference.gemeente(code: code) {
                    var merger: TemplateData = ["mergedYear": .number(lastYear + 1), "successorName": .string(successor.name),
                                                "successorHasPage": false, "successorHref": ""]
                    if let slug = index.slugs[successor.code] ?? index.absentSlugs[successor.code] {
                        merger["successorHasPage"] = true
                        merger["successorHref"] = .string("../../" + SitePaths.gemeente(index.year, slug: slug))
                    }
                    data["merger"] = .object(merger)
                }
                return context.merging(data)
            }
        }
    }
}
