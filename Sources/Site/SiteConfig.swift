import Configuration
import Foundation

/// `site/site.yaml`: the few settings of the site that are not templates or texts — its title,
/// tagline, and whether the data are the synthetic demo (and the banner that says so on every
/// page). The words of other stages come in Dutch already (Scoring's explanation lines, Stats'
/// Dutch rendering).
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    public var tagline: String
    /// Whether the surveys are the synthetic demo data: then every page shows `banner`.
    public var syntheticData: Bool
    public var banner: String

    public init(title: String, tagline: String = "", syntheticData: Bool, banner: String = "") {
        self.title = title
        self.tagline = tagline
        self.syntheticData = syntheticData
        self.banner = banner
    }

    /// The banner to show on every page, or nil for real data.
    public var shownBanner: String? { syntheticData ? banner : nil }

    static let keys = ["title", "tagline", "synthetic_data", "banner"]
    static let expectedContent = "the site's settings (title, synthetic_data, banner)"

    public static func load(from url: URL) throws -> SiteConfig {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw SiteError.missingSource(path: url.path, expected: "the site configuration (title, synthetic_data, banner)")
        }
        return try read(try ConfigFile.read(url, expected: expectedContent))
    }

    public static func parse(_ text: String, file: String) throws -> SiteConfig {
        try read(try ConfigFile.parse(text, file: file, expected: expectedContent))
    }

    static func read(_ root: ConfigNode) throws -> SiteConfig {
        let values = try root.mapping(allowed: keys)
        func string(_ key: String, required: Bool) throws -> String {
            guard let node = values[key] else {
                if required { _ = try values.required(key) }
                return ""
            }
            return try node.text()
        }
        let title = try string("title", required: true)
        guard !title.isEmpty else { throw try values.required("title").error(expected: "the site's title") }
        let synthetic = try values.required("synthetic_data").bool()
        let banner = try string("banner", required: false)
        if synthetic && banner.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            let why = "; synthetic_data is true, so every page must say so"
            guard let node = values["banner"] else { throw root.error("missing key `banner`" + why) }
            throw node.error("expected text, found nothing" + why)
        }
        return SiteConfig(title: title, tagline: try string("tagline", required: false), syntheticData: synthetic,
                          banner: banner)
    }
}
