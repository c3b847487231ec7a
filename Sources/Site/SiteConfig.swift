import Foundation
import Yams

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

    static let keys: Set<String> = ["title", "tagline", "synthetic_data", "banner"]

    public static func load(from url: URL) throws -> SiteConfig {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw SiteError.missingSource(path: url.path, expected: "the site configuration (title, synthetic_data, banner)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SiteError.invalidConfig(file: url.path, line: nil, key: "", problem: "is not valid UTF-8 text")
        }
        return try parse(text, file: url.path)
    }

    public static func parse(_ text: String, file: String) throws -> SiteConfig {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw SiteError.invalidConfig(file: file, line: nil, key: "", problem: "is not valid YAML: \(error)")
        }
        guard let mapping = root?.mapping else {
            throw SiteError.invalidConfig(file: file, line: nil, key: "", problem: "expected a mapping of settings (title: …)")
        }
        var values: [String: Node] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            guard keys.contains(key) else {
                throw SiteError.invalidConfig(file: file, line: line(keyNode), key: key,
                                              problem: "unknown key; expected one of \(keys.sorted().joined(separator: ", "))")
            }
            values[key] = value
        }
        func string(_ key: String, required: Bool) throws -> String {
            guard let node = values[key] else {
                if required { throw SiteError.invalidConfig(file: file, line: nil, key: key, problem: "missing; this key is required") }
                return ""
            }
            guard let scalar = node.scalar else {
                throw SiteError.invalidConfig(file: file, line: line(node), key: key, problem: "expected text")
            }
            return scalar.string
        }
        let title = try string("title", required: true)
        guard !title.isEmpty else {
            throw SiteError.invalidConfig(file: file, line: values["title"].flatMap(line), key: "title", problem: "is empty")
        }
        let syntheticText = try string("synthetic_data", required: true)
        guard let synthetic = Bool(syntheticText) else {
            throw SiteError.invalidConfig(file: file, line: values["synthetic_data"].flatMap(line), key: "synthetic_data",
                                          problem: "found '\(syntheticText)', expected true or false")
        }
        let banner = try string("banner", required: false)
        if synthetic && banner.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw SiteError.invalidConfig(file: file, line: nil, key: "banner",
                                          problem: "missing; synthetic_data is true, so every page must say so")
        }
        return SiteConfig(title: title, tagline: try string("tagline", required: false), syntheticData: synthetic,
                          banner: banner)
    }

    private static func line(_ node: Node) -> Int? { node.mark.map { $0.line } }
}
