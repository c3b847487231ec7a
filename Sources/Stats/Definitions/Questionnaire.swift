import Foundation
import Yams

/// Which answers a year's questionnaire offered per field, read from `<year>/mapping.yaml`.
/// Responses alone cannot tell an option nobody chose (0 %) from an option that was not on the
/// form (niet gevraagd: Google+ in 2011, "alleen richtlijnen" in 2011); the mapping can.
public struct Questionnaire: Sendable, Hashable {
    /// Field → the canonical values the form offered. A field without an entry is a number
    /// field or one whose labels the mapping does not list (then every value counts as offered).
    public var offered: [String: Set<String>]

    public init(offered: [String: Set<String>]) {
        self.offered = offered
    }

    /// Whether the form offered `value` for `field`; `true` when the mapping does not say.
    public func offers(_ value: String, for field: String) -> Bool {
        offered[field].map { $0.contains(value) } ?? true
    }

    /// Reads the `fields` section of a mapping file (format: docs/architecture.md): a choice
    /// field offers the values of its `labels`; a multi-select field the keys of its `columns`
    /// (one column per option) or the values of its `labels` plus its `other` value (one column
    /// of joined labels, where unlisted parts count as `other`).
    public static func load(mapping url: URL) throws -> Questionnaire {
        let text = try YAMLFile.read(url, hint: "expected the year's questionnaire mapping")
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw StatsError.invalidFile(path: url.path, location: "", problem: "not valid YAML: \(error)")
        }
        guard let fields = root?.mapping?["fields"]?.mapping else {
            throw StatsError.invalidFile(path: url.path, location: "fields", problem: "expected a mapping of canonical fields")
        }
        var offered: [String: Set<String>] = [:]
        for (key, node) in fields {
            guard let name = key.scalar?.string, let field = node.mapping else { continue }
            let type = field["type"]?.scalar?.string
            var values: Set<String>?
            if type == "multi", let columns = field["columns"]?.mapping {
                values = Set(columns.keys.compactMap { $0.scalar?.string })
            } else if type == "multi" || type == "choice", let labels = field["labels"]?.mapping {
                values = Set(labels.values.compactMap { $0.scalar?.string })
                if type == "multi", let other = field["other"]?.scalar?.string { values?.insert(other) }
            }
            if let values { offered[name] = values }
        }
        return Questionnaire(offered: offered)
    }
}
