import Configuration
import Foundation
import PersonalData
import Publish
import Support

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
    /// `personal_data_allowed`: the personal data the site publishes on purpose, each value with
    /// the reason it may be published (reviewed like code). Anything else the scan finds stops
    /// the build.
    public var personalDataAllowed: [AllowedPersonalData]
    /// `licence`: the licence of the data downloads (database, data package, API). Without it
    /// every download says no licence was given (`Licence.unstated`).
    public var licence: Licence
    /// `publisher`: who publishes the data (the site's title when not given).
    public var publisher: String
    /// `canonical_url`: the address the site is published at (`https://…/`, ending in `/`), for
    /// each page's canonical link, `og:url`, an absolute `og:image` and the badge snippet. Unset,
    /// the site refers to itself only by relative links.
    public var canonicalURL: String?

    public init(title: String, tagline: String = "", syntheticData: Bool, banner: String = "",
                personalDataAllowed: [AllowedPersonalData] = [], licence: Licence = .unstated, publisher: String? = nil,
                canonicalURL: String? = nil) {
        self.canonicalURL = canonicalURL
        self.title = title
        self.tagline = tagline
        self.syntheticData = syntheticData
        self.banner = banner
        self.personalDataAllowed = personalDataAllowed
        self.licence = licence
        self.publisher = publisher ?? title
    }

    /// The banner to show on every page, or nil for real data.
    public var shownBanner: String? { syntheticData ? banner : nil }

    /// The scan of the built site: the published-output detector with this allow-list.
    public var detector: PersonalDataDetector {
        var detector = PersonalDataDetector.publishedOutput
        detector.allowed = Set(personalDataAllowed.map(\.value))
        return detector
    }

    static let keys = ["title", "tagline", "synthetic_data", "banner", "personal_data_allowed", "licence", "publisher",
                       "canonical_url"]
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
        let publisher = try values.optional("publisher").map { try $0.nonEmptyText() }
        return SiteConfig(title: title, tagline: try string("tagline", required: false), syntheticData: synthetic,
                          banner: banner, personalDataAllowed: try allowList(values.optional("personal_data_allowed")),
                          licence: try licence(values.optional("licence")), publisher: publisher,
                          canonicalURL: try canonical(values.optional("canonical_url")))
    }

    /// `licence: {name, title, url}`: an SPDX identifier (`CC-BY-4.0`), its name in words and
    /// where it is written down.
    static func licence(_ node: ConfigNode?) throws -> Licence {
        guard let node, !node.isNull else { return .unstated }
        let keys = try node.mapping(allowed: ["name", "title", "url"])
        let url = try keys.required("url", expected: "where the licence is written down").nonEmptyText()
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
            throw try keys.required("url").error(expected: "a web address (https://…)")
        }
        return Licence(name: try keys.required("name", expected: "an SPDX identifier such as CC-BY-4.0").nonEmptyText(),
                       title: try keys.required("title", expected: "the licence's name in words").nonEmptyText(), url: url)
    }

    /// `canonical_url`: an `http(s)://host/…` address without query or fragment; a missing final `/` is added.
    static func canonical(_ node: ConfigNode?) throws -> String? {
        guard let node, !node.isNull else { return nil }
        let text = try node.nonEmptyText()
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              url.host?.isEmpty == false, url.query == nil, url.fragment == nil, !text.contains(where: \.isWhitespace) else {
            throw node.error("expected the site's address, like `https://socialmediameetlat.nl/`, found \(Suggestions.quoted(text))")
        }
        return text.hasSuffix("/") ? text : text + "/"
    }

    /// `personal_data_allowed`: a list of `{value, reason}`. Each value must be something the
    /// scan would stop (an entry that allows nothing is a mistake or a leftover), listed once,
    /// with a reason.
    static func allowList(_ node: ConfigNode?) throws -> [AllowedPersonalData] {
        guard let node, !node.isNull else { return [] }
        var entries: [AllowedPersonalData] = []
        for item in try node.list() {
            let keys = try item.mapping(allowed: ["value", "reason"])
            let value = try keys.required("value", expected: "the value published on purpose").nonEmptyText()
            let reason = try keys.required("reason", expected: "why it may be published").nonEmptyText()
            if PersonalDataDetector.publishedOutput.matchesAllowed(by: value).isEmpty {
                throw try keys.required("value").error("\(Suggestions.quoted(value)) holds nothing the personal-data scan stops; list only values that would stop the build")
            }
            if entries.contains(where: { PersonalDataDetector.allowKey($0.value) == PersonalDataDetector.allowKey(value) }) {
                throw try keys.required("value").error("\(Suggestions.quoted(value)) is listed twice")
            }
            entries.append(AllowedPersonalData(value: value, reason: reason))
        }
        return entries
    }
}

/// One value of `personal_data_allowed` in site.yaml: published on purpose, for `reason`.
public struct AllowedPersonalData: Sendable, Hashable {
    public var value: String
    public var reason: String

    public init(value: String, reason: String) {
        self.value = value
        self.reason = reason
    }
}
