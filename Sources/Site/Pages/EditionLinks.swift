/// The editions side by side, so that every page of an edition links the same page of the other
/// editions (Hoorn 2012 → Hoorn 2013) and an older edition says which one is the newest. This is
/// the one thing on an edition's pages that changes when a later year is published.
struct EditionLinks: Sendable {
    /// What one edition publishes, as far as the links need it.
    struct Edition: Sendable {
        let year: Int
        /// Gemeente code → slug of its page.
        let slugs: [String: String]
        /// Gemeente code → slug of the page saying it did not take part.
        let absentSlugs: [String: String]
        let provinceSlugs: Set<String>
        let sizeClassSlugs: Set<String>
        /// Paths of the edition's sorted ranking pages.
        let sortedPages: Set<String>
        /// Whether the edition has a page of measured accounts (`metingen.html`).
        let hasMeasurements: Bool

        init(_ index: EditionIndex) {
            year = index.year
            slugs = index.slugs
            absentSlugs = index.absentSlugs
            provinceSlugs = Set(index.provinceSlugs.values)
            sizeClassSlugs = Set(index.sizeClasses.filter { index.sizeClassCounts[$0.id] != nil }.compactMap { index.sizeClassSlugs[$0.id] })
            sortedPages = Set(RankingSort.columns(for: index).map { SitePaths.sorted(index.year, key: $0.key, ascending: $0.ascendingFirst) })
            hasMeasurements = index.ranking.observations != nil
        }
    }

    /// A kind of page, to find its counterpart in another edition.
    enum Counterpart: Sendable {
        case ranking
        /// A sorted ranking page (by its path in this edition's folder, without the year).
        case sorted(key: String, ascending: Bool)
        case province(slug: String)
        case sizeClass(slug: String)
        case gemeente(code: String)
        case map, statistics, method, caveats, downloads, measurements

        /// The page in `edition`, or nil when that edition has none (a gemeente that did not
        /// take part). A sort or filter that edition lacks falls back to its ranking.
        func path(in edition: Edition) -> String? {
            let year = edition.year
            switch self {
            case .ranking: return SitePaths.edition(year)
            case .sorted(let key, let ascending):
                let path = SitePaths.sorted(year, key: key, ascending: ascending)
                return edition.sortedPages.contains(path) ? path : SitePaths.edition(year)
            case .province(let slug):
                return edition.provinceSlugs.contains(slug) ? SitePaths.province(year, slug: slug) : SitePaths.edition(year)
            case .sizeClass(let slug):
                return edition.sizeClassSlugs.contains(slug) ? SitePaths.sizeClass(year, slug: slug) : SitePaths.edition(year)
            case .gemeente(let code): return edition.slugs[code].map { SitePaths.gemeente(year, slug: $0) }
            case .map: return SitePaths.map(year)
            case .statistics: return SitePaths.statistics(year)
            case .method: return SitePaths.method(year)
            case .caveats: return SitePaths.caveats(year)
            case .downloads: return SitePaths.downloads(year)
            case .measurements: return edition.hasMeasurements ? SitePaths.measurements(year) : nil
            }
        }
    }

    /// Ascending by year.
    let editions: [Edition]

    init(_ indexes: [EditionIndex]) {
        editions = indexes.map(Edition.init)
    }

    /// For the layout: every edition with the link to this page's counterpart (none where it has
    /// none), which one is shown, and — on an older edition — the newest.
    func context(from path: String, year: Int, counterpart: Counterpart) -> TemplateValue {
        var list: [TemplateValue] = []
        for edition in editions {
            var item: TemplateData = ["year": .number(edition.year), "current": .bool(edition.year == year)]
            if let target = counterpart.path(in: edition) {
                item["href"] = .string(SitePaths.relative(from: path, to: target))
            } else {
                var absent: TemplateData = ["hasPage": false, "pageHref": ""]
                if case .gemeente(let code) = counterpart, let slug = edition.absentSlugs[code] {
                    absent["hasPage"] = true
                    absent["pageHref"] = .string(SitePaths.relative(from: path, to: SitePaths.gemeente(edition.year, slug: slug)))
                }
                item["absent"] = .object(absent)
            }
            list.append(.object(item))
        }
        var context: TemplateData = ["editions": .list(list), "several": .bool(editions.count > 1)]
        if let newest = editions.last, newest.year > year {
            let target = counterpart.path(in: newest) ?? SitePaths.edition(newest.year)
            context["newer"] = ["year": .number(newest.year), "href": .string(SitePaths.relative(from: path, to: target))]
        }
        return .object(context)
    }
}
