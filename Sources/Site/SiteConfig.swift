import Foundation
import PersonalData
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
    /// `personal_data_allowed`: the personal data the site publishes on purpose, each value with
    /// the reason it may be published (reviewed like code). Anything else the scan finds stops
    /// the build.
    public var personalDataAllowed: [AllowedPersonalData]

    public init(title: String, tagline: String = "", syntheticData: Bool, banner: String = "",
                personalDataAllowed: [AllowedPersonalData] = []) {
        self.title = title
        self.tagline = tagline
        self.syntheticData = syntheticData
        self.banner = banner
        self.personalDataAllowed = personalDataAllowed
    }

    /// The banner to show on every page, or nil for real data.
    public var shownBanner: String? { syntheticData ? banner : nil }

    /// The scan of the built site: the published-output detector with this allow-list.
    public var detector: PersonalDataDetector {
        var detector = PersonalDataDetector.publishedOutput
        detector.allowed = Set(personalDataAllowed.map(\.value))
        return detector
    }

    static let keys: Set<String> = ["title", "tagline", "synthetic_data", "banner", "personal_data_allowed"]

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
                          banner: banner, personalDataAllowed: try allowList(values["personal_data_allowed"], file: file))
    }

    /// `personal_data_allowed`: a list of `{value, reason}`. Each value must be something the
    /// scan would stop (an entry that allows nothing is a mistake or a leftover), listed once,
    /// with a reason.
    static func allowList(_ node: Node?, file: String) throws -> [AllowedPersonalData] {
        let key = "personal_data_allowed"
        guard let node else { return [] }
        if let scalar = node.scalar, scalar.string.isEmpty || scalar.string == "null" || scalar.string == "~" { return [] }
        guard let sequence = node.sequence else {
            throw SiteError.invalidConfig(file: file, line: line(node), key: key,
                                          problem: "expected a list of entries, each with a value and a reason (- value: …, reason: …)")
        }
        var entries: [AllowedPersonalData] = []
        for item in sequence {
            guard let mapping = item.mapping else {
                throw SiteError.invalidConfig(file: file, line: line(item), key: key,
                                              problem: "expected an entry with a value and a reason (- value: …, reason: …)")
            }
            var fields: [String: String] = [:]
            for (keyNode, valueNode) in mapping {
                let name = keyNode.string ?? ""
                guard ["value", "reason"].contains(name) else {
                    throw SiteError.invalidConfig(file: file, line: line(keyNode), key: "\(key).\(name)",
                                                  problem: "unknown key; expected value and reason")
                }
                guard let text = valueNode.scalar?.string else {
                    throw SiteError.invalidConfig(file: file, line: line(valueNode), key: "\(key).\(name)", problem: "expected text")
                }
                fields[name] = text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            for name in ["value", "reason"] where (fields[name] ?? "").isEmpty {
                throw SiteError.invalidConfig(file: file, line: line(item), key: "\(key).\(name)",
                                              problem: "missing; every allowed value needs a \(name)")
            }
            let entry = AllowedPersonalData(value: fields["value"] ?? "", reason: fields["reason"] ?? "")
            if PersonalDataDetector.publishedOutput.matchesAllowed(by: entry.value).isEmpty {
                throw SiteError.invalidConfig(file: file, line: line(item), key: "\(key).value",
                                              problem: "'\(entry.value)' holds nothing the personal-data scan stops; list only values that would stop the build")
            }
            if entries.contains(where: { PersonalDataDetector.allowKey($0.value) == PersonalDataDetector.allowKey(entry.value) }) {
                throw SiteError.invalidConfig(file: file, line: line(item), key: "\(key).value",
                                              problem: "'\(entry.value)' is listed twice")
            }
            entries.append(entry)
        }
        return entries
    }

    private static func line(_ node: Node) -> Int? { node.mark.map { $0.line } }
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
