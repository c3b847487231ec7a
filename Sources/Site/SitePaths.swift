import Core
import Support

/// Where every page and file of the site lives, relative to the output folder. Every link in
/// the site is relative (`relative(from:to:)`), so it works from `file://` and any static host.
///
/// Each published year is an edition under `<year>/`; its pages depend only on the data up to
/// that year, so a later build leaves them byte-for-byte unchanged.
public enum SitePaths {
    public static let home = "index.html"
    public static let roi = "roi/index.html"
    public static let assets = "assets"

    public static func edition(_ year: Int) -> String { "\(year)/index.html" }
    public static func sorted(_ year: Int, key: String, ascending: Bool) -> String {
        key == RankingSort.defaultKey && ascending ? edition(year) : "\(year)/sorteer-\(key)-\(ascending ? "op" : "af").html"
    }
    public static func sizeClass(_ year: Int, id: String) -> String { sizeClass(year, slug: slug(id)) }
    public static func sizeClass(_ year: Int, slug: String) -> String { "\(year)/grootte-\(slug).html" }
    public static func province(_ year: Int, name: String) -> String { province(year, slug: slug(name)) }
    public static func province(_ year: Int, slug: String) -> String { "\(year)/provincie-\(slug).html" }
    public static func gemeente(_ year: Int, slug: String) -> String { "\(year)/gemeente/\(slug).html" }
    public static func statistics(_ year: Int) -> String { "\(year)/statistieken.html" }
    public static func method(_ year: Int) -> String { "\(year)/methode.html" }
    public static func caveats(_ year: Int) -> String { "\(year)/kanttekeningen.html" }
    public static func downloads(_ year: Int) -> String { "\(year)/downloads.html" }
    public static func measurements(_ year: Int) -> String { "\(year)/metingen.html" }
    public static func map(_ year: Int) -> String { "\(year)/kaart.html" }
    public static func data(_ year: Int, _ name: String) -> String { "\(year)/data/\(name)" }

    /// A name as a file name: folded like gemeente names (accents, case, punctuation dropped),
    /// words joined by `-`: `'s-Hertogenbosch` → `s-hertogenbosch`, `≥ 100.000` → `100-000`.
    public static func slug(_ text: String) -> String {
        let folded = TextFolding.gemeenteName(text).replacingOccurrences(of: " ", with: "-")
        return folded.unicodeScalars.allSatisfy { $0.isASCII } && !folded.isEmpty
            ? folded
            : String(folded.unicodeScalars.map { $0.isASCII ? Character($0) : "-" })
    }

    /// The relative link from the page at `from` to the file at `to` (both relative to the root).
    public static func relative(from: String, to: String) -> String { RelativeLink.from(from, to: to) }

    /// The last part of a path: `2012/grootte-lt10k.html` → `grootte-lt10k.html`.
    public static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// `../../` for a page two folders deep: the way back to the root.
    public static func root(from page: String) -> String {
        String(repeating: "../", count: page.split(separator: "/").count - 1)
    }
}
