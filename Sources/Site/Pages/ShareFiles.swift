import Foundation
import Scoring
import Support

/// Sharing and embedding a gemeente's result: a badge for the gemeente's own website
/// (`<slug>-badge.svg`: "Socialmediameetlat 2013 · rang 2 van 238") and a card for social media
/// (`<slug>-kaart.svg`, the page's `og:image`), drawn at build time as standalone SVG.
enum ShareFiles {
    static func badgePath(_ year: Int, slug: String) -> String { "\(year)/gemeente/\(slug)-badge.svg" }
    static func cardPath(_ year: Int, slug: String) -> String { "\(year)/gemeente/\(slug)-kaart.svg" }

    /// `Socialmediameetlat 2013 · rang 2 van 238`
    static func badgeText(siteTitle: String, year: Int, rank: Int, count: Int) -> String {
        "\(siteTitle) \(year) · rang \(rank) van \(count)"
    }

    /// The SVG namespace: a name, never loaded.
    static let namespace = "http://www.w3.org/2000/svg"

    static func badge(_ text: String) -> Data {
        // About 0,6 em per character of a sans-serif at 14 px, plus the margins.
        let width = 24 + Int((Double(text.count) * 8.2).rounded(.up))
        let escaped = HTMLText.escaped(text)
        return Data("""
            <svg xmlns="\(namespace)" width="\(width)" height="32" viewBox="0 0 \(width) 32" role="img" aria-label="\(escaped)">
            <title>\(escaped)</title>
            <rect width="\(width)" height="32" rx="4" fill="#1d4e89"/>
            <text x="12" y="21" font-family="Verdana, DejaVu Sans, sans-serif" font-size="14" fill="#ffffff">\(escaped)</text>
            </svg>

            """.utf8)
    }

    static func card(siteTitle: String, entry: RankedGemeente, year: Int, count: Int, maximum: Int) -> Data {
        let title = HTMLText.escaped("\(siteTitle) \(year)")
        let name = HTMLText.escaped(entry.name)
        let rank = HTMLText.escaped("Rang \(entry.rank) van \(count)")
        let score = HTMLText.escaped("\(entry.total) van \(maximum) punten")
        return Data("""
            <svg xmlns="\(namespace)" width="1200" height="630" viewBox="0 0 1200 630" role="img" aria-label="\(name): \(rank), \(score)">
            <title>\(name): \(rank), \(score) (\(title))</title>
            <rect width="1200" height="630" fill="#1d4e89"/>
            <text x="80" y="140" font-family="Verdana, DejaVu Sans, sans-serif" font-size="44" fill="#ffffff">\(title)</text>
            <text x="80" y="290" font-family="Verdana, DejaVu Sans, sans-serif" font-size="80" font-weight="bold" \
            fill="#ffffff">\(name)</text>
            <text x="80" y="420" font-family="Verdana, DejaVu Sans, sans-serif" font-size="60" fill="#ffffff">\(rank)</text>
            <text x="80" y="510" font-family="Verdana, DejaVu Sans, sans-serif" font-size="44" fill="#ffffff">\(score)</text>
            </svg>

            """.utf8)
    }
}
