import Core
import Foundation
import PersonalData
import Scoring
import Stats
import Support
import XLSX

/// A page to render: where it goes, which template draws it, and its data. The data are built
/// when the page is rendered (on any core), from published values only.
struct Page: Sendable {
    let path: String
    let template: String
    let context: @Sendable () -> TemplateData
}

/// A file written as it is (assets, downloads).
struct OutputFile: Sendable {
    let path: String
    let data: Data
    /// For a file whose words are compressed (an `.xlsx` workbook): the text it shows, which the
    /// personal-data scan reads instead of the bytes.
    var shownText: Data? = nil

    /// A workbook of `sheets`, its text kept for the scan; `comments` (the provenance) in its properties.
    static func workbook(_ path: String, _ sheets: [XLSXWorkbook.Sheet], created: Int, comments: String? = nil) throws -> OutputFile {
        OutputFile(path: path, data: try XLSXWorkbook.data(sheets, created: created, comments: comments),
                   shownText: Data((XLSXWorkbook.text(sheets) + (comments.map { $0 + "\n" } ?? "")).utf8))
    }

    /// The personal-data scan of the file as published: its name, and its bytes or the text it shows.
    func scan(_ detector: PersonalDataDetector, displayPath: String) -> FileScan {
        (shownText ?? data).withUnsafeBytes { raw in
            detector.scanFile(raw.bindMemory(to: UInt8.self), relativePath: path, displayPath: displayPath)
        }
    }
}

/// The sections of the site, for the navigation's "you are here".
enum Section: String {
    case home, ranking, map, gemeente, gemeenten, statistics, method, caveats, downloads, measurements, roi
}

/// What every page's layout needs: the way back to the root and to its edition, the site title,
/// the banner, and which section it belongs to. (Page titles and all other words are in the
/// templates: `{{$title}}` blocks.)
func layoutContext(_ source: SiteSource, path: String, section: Section, year: Int?) -> TemplateData {
    var context: TemplateData = [
        "root": .string(SitePaths.root(from: path)),
        "siteTitle": .string(source.config.title),
        "section": [TemplateKey(section.rawValue): true],
    ]
    if let banner = source.config.shownBanner { context["banner"] = .string(banner) }
    if let canonical = source.config.canonicalURL { context["canonical"] = .string(canonical + path) }
    if !source.config.tagline.isEmpty { context["tagline"] = .string(source.config.tagline) }
    if let year {
        let base = SitePaths.relative(from: path, to: SitePaths.edition(year))
        context["edition"] = ["year": .number(year), "base": .string(String(base.dropLast("index.html".count)))]
    }
    return context
}

/// What the page builders share about one edition, computed once: file names of the gemeente
/// pages, size classes and provinces in display order, year-over-year changes, medians per
/// size class.
struct EditionIndex: Sendable {
    let edition: Edition
    /// Gemeente code → file name (without `.html`) of its page in this edition.
    let slugs: [String: String]
    /// The reference's size classes, smallest first.
    let sizeClasses: [SizeClass]
    /// Provinces with a ranked gemeente, in name order.
    let provinces: [String]
    /// Gemeente code → comparison with the previous edition.
    let changes: [String: YearComparison.Entry]
    /// Size class id → medians of the totals and parts of the gemeenten ranked in it.
    let medians: [String: ClassMedians]
    /// Ranked gemeenten per size class id and per province.
    let sizeClassCounts: [String: Int]
    let provinceCounts: [String: Int]
    /// Province name → slug and size class id → slug, folded once: every gemeente page and
    /// ranking page links to them, and folding a name costs far more than looking it up.
    let provinceSlugs: [String: String]
    let sizeClassSlugs: [String: String]
    /// Ids of the model's dimensions of kind presence (channels) and per_inhabitant (followers).
    let presenceDimensions: Set<String>
    let perInhabitantDimensions: Set<String>
    /// Whether any rank interval is wider than one rank: 2011's single part makes every
    /// interval a single rank by construction, and a column repeating the rank says nothing.
    let showsIntervals: Bool
    /// Gemeenten that existed on 1 January of the year but did not take part, in name order,
    /// and the file names of their pages (never one of a ranked gemeente's).
    let absent: [Gemeente]
    let absentSlugs: [String: String]

    var year: Int { edition.year }
    var ranking: Ranking { edition.ranking }

    init(_ edition: Edition, reference: Reference) {
        self.edition = edition
        var slugs: [String: String] = [:]
        var used: Set<String> = []
        for entry in edition.ranking.entries {
            var slug = SitePaths.slug(entry.name)
            if used.contains(slug) || slug.isEmpty { slug += (slug.isEmpty ? "" : "-") + entry.code.lowercased() }
            used.insert(slug)
            slugs[entry.code] = slug
        }
        self.slugs = slugs
        let ranked = Set(edition.ranking.entries.map(\.code))
        absent = reference.gemeenten(in: edition.year).filter { !ranked.contains($0.code) }
            .sorted { NameOrder(name: $0.name, code: $0.code) < NameOrder(name: $1.name, code: $1.code) }
        var absentSlugs: [String: String] = [:]
        for gemeente in absent {
            var slug = SitePaths.slug(gemeente.name)
            if used.contains(slug) || slug.isEmpty { slug += (slug.isEmpty ? "" : "-") + gemeente.code.lowercased() }
            used.insert(slug)
            absentSlugs[gemeente.code] = slug
        }
        self.absentSlugs = absentSlugs
        sizeClasses = reference.sizeClasses.sorted { $0.minimum < $1.minimum }
        provinces = Set(edition.ranking.entries.map(\.province)).map { ($0, NameOrder(name: $0, code: "")) }
            .sorted { $0.1 < $1.1 }.map(\.0)
        provinceSlugs = Dictionary(uniqueKeysWithValues: provinces.map { ($0, SitePaths.slug($0)) })
        sizeClassSlugs = Dictionary(sizeClasses.map { ($0.id, SitePaths.slug($0.id)) }) { first, _ in first }
        var changes: [String: YearComparison.Entry] = [:]
        for entry in edition.comparison?.entries ?? [] { changes[entry.current.code] = entry }
        self.changes = changes
        var medians: [String: ClassMedians] = [:]
        for sizeClass in sizeClasses {
            let members = edition.ranking.entries.filter { $0.sizeClass == sizeClass.id }
            if let summary = ClassMedians(members, parts: edition.ranking.parts) { medians[sizeClass.id] = summary }
        }
        self.medians = medians
        var sizeClassCounts: [String: Int] = [:], provinceCounts: [String: Int] = [:]
        for entry in edition.ranking.entries {
            sizeClassCounts[entry.sizeClass, default: 0] += 1
            provinceCounts[entry.province, default: 0] += 1
        }
        self.sizeClassCounts = sizeClassCounts
        self.provinceCounts = provinceCounts
        presenceDimensions = Set(edition.model.dimensions.filter { $0.rule.kind == "presence" }.map(\.id))
        perInhabitantDimensions = Set(edition.model.dimensions.filter { $0.rule.kind == "per_inhabitant" }.map(\.id))
        showsIntervals = edition.ranking.entries.contains { entry in entry.rankInterval.map { $0.low != $0.high } ?? false }
    }

    func sizeClass(_ id: String) -> SizeClass? { sizeClasses.first { $0.id == id } }

    func provinceSlug(_ name: String) -> String { provinceSlugs[name] ?? SitePaths.slug(name) }
    /// The ranking page of a province or a size class in this edition.
    func provincePage(_ name: String) -> String { SitePaths.province(year, slug: provinceSlug(name)) }
    func sizeClassPage(_ id: String) -> String { SitePaths.sizeClass(year, slug: sizeClassSlugs[id] ?? SitePaths.slug(id)) }
}

/// Medians of a size class's totals and parts (Stats' `NumberSummary`).
struct ClassMedians: Sendable {
    let count: Int
    let total: Double
    let parts: [String: Double]

    init?(_ members: [RankedGemeente], parts: [ScorePart]) {
        guard let total = NumberSummary(members.map { Double($0.total) }) else { return nil }
        count = members.count
        self.total = total.median
        var medians: [String: Double] = [:]
        for part in parts {
            medians[part.id] = NumberSummary(members.compactMap { $0.parts[part.id].map(Double.init) })?.median
        }
        self.parts = medians
    }
}

/// A median as Dutch text: whole, or with one decimal when it falls between two values.
func medianText(_ value: Double) -> String {
    DutchFormat.number(value, maximumDecimals: 1)
}
