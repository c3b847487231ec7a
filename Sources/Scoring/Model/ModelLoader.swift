import Foundation
import Yams

/// The scoring models of a survey folder: `<surveys>/models/<name>.yaml`.
public struct ModelLibrary: Sendable {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    /// Names of the model files present, sorted.
    public func available() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }
            .map { String($0.dropLast(".yaml".count)) }
            .sorted()
    }

    public func url(of name: String) -> URL {
        folder.appendingPathComponent("\(name).yaml")
    }

    /// Reads and validates the model `name`.
    public func model(named name: String) throws -> ScoringModel {
        let url = url(of: name)
        guard !name.contains("/"), FileManager.default.fileExists(atPath: url.path) else {
            throw ModelLibraryError.unknownModel(name: name, folder: folder.path, available: available())
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ModelError(file: url.path, line: nil, key: "", problem: "cannot be read as UTF-8 text (\(error.localizedDescription))")
        }
        let model = try ModelParser.parse(text, file: url.path)
        guard model.name == name else {
            throw ModelError(file: url.path, line: nil, key: "name",
                             problem: "expected '\(name)' (the file's name), found '\(model.name)'")
        }
        return model
    }
}

public enum ModelLibraryError: Error, CustomStringConvertible, Equatable {
    case unknownModel(name: String, folder: String, available: [String])

    public var description: String {
        switch self {
        case .unknownModel(let name, let folder, let available):
            let found = available.isEmpty ? "no models were found there" : "models found: \(available.joined(separator: ", "))"
            return "unknown scoring model '\(name)': there is no \(name).yaml in \(folder); \(found)"
        }
    }
}

/// A model file that does not say what a scoring model must say.
public struct ModelError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var line: Int?
    /// Key path, e.g. `dimensions[2].cap`; empty for the whole file.
    public var key: String
    public var problem: String

    public init(file: String, line: Int?, key: String, problem: String) {
        self.file = file
        self.line = line
        self.key = key
        self.problem = problem
    }

    public var description: String {
        var text = file
        if let line { text += ", line \(line)" }
        text += ": "
        if !key.isEmpty { text += "\(key): " }
        return text + problem
    }
}

/// Turns the text of a model file into a validated `ScoringModel`.
public enum ModelParser {
    static let topKeys = ["name", "label", "description", "maximum", "uncertainty", "provenance", "discrepancy", "dimensions"]
    /// Bound on every number of a rule (points, caps, weights, scales, ratings), so the integer
    /// formulas cannot overflow; far above any sensible model.
    static let largestNumber = 1_000_000
    static let dimensionKeys = ["id", "label", "kind", "weight", "maximum", "description"]
    static let kindKeys: [String: [String]] = [
        "presence": ["field", "points", "options"],
        "per_inhabitant": ["points_per_percent", "cap", "fields", "channel_field", "source"],
        "choice_points": ["values", "fields"],
        "scaled_ratings": ["scale", "ratings", "fields"],
    ]

    public static func parse(_ text: String, file: String) throws -> ScoringModel {
        let rootNode: Node?
        do {
            rootNode = try Yams.compose(yaml: text)
        } catch {
            throw ModelError(file: file, line: nil, key: "", problem: "is not valid YAML: \(error)")
        }
        guard let rootNode else {
            throw ModelError(file: file, line: nil, key: "", problem: "is empty; expected name, label and dimensions")
        }
        let root = ModelNode(node: rootNode, file: file, path: "")
        _ = try root.entries(allowed: topKeys)
        let name = try root.required("name", expected: "the model's name, e.g. meetlat-2012").string()
        let label = try root.required("label", expected: "a title such as 'Socialmediameetlat 2012'").string()
        let description = try root.optional("description")?.string()

        let dimensionsNode = try root.required("dimensions", expected: "a list of dimensions")
        let items = try dimensionsNode.items()
        guard !items.isEmpty else { throw dimensionsNode.error(expected: "at least one dimension") }
        var dimensions: [Dimension] = []
        var scoredFields: [String: String] = [:]
        for item in items {
            let dimension = try parseDimension(item)
            if dimensions.contains(where: { $0.id == dimension.id }) {
                throw try item.required("id", expected: "").error("dimension id '\(dimension.id)' is used twice")
            }
            for field in dimension.rule.fields {
                if let other = scoredFields[field] {
                    throw item.error("field '\(field)' is already scored by dimension '\(other)'")
                }
                scoredFields[field] = dimension.id
            }
            dimensions.append(dimension)
        }
        var model = ScoringModel(name: name, label: label, description: description, dimensions: dimensions)
        if let node = try root.optional("uncertainty") { model.uncertainty = try parseUncertainty(node, dimensions: dimensions) }
        if let node = try root.optional("provenance") { model.provenance = try parseProvenance(node, dimensions: dimensions) }
        if let node = try root.optional("discrepancy") {
            _ = try node.entries(allowed: ["relative", "absolute"])
            var threshold = DiscrepancyThreshold.default
            if let relative = try node.optional("relative") { threshold.relative = try relative.fraction() }
            if let absolute = try node.optional("absolute") { threshold.absolute = try absolute.int(atLeast: 0, atMost: largestNumber) }
            model.discrepancy = threshold
        }
        if let declared = try root.optional("maximum") {
            let value = try declared.int(atLeast: 0)
            guard value == model.maximum else {
                let sum = dimensions.map { $0.weight == 1 ? "\($0.maximum)" : "\($0.weight) × \($0.maximum)" }
                throw declared.error("declares \(value), but the dimensions add up to \(model.maximum) (\(sum.joined(separator: " + ")))")
            }
        }
        return model
    }

    static func parseDimension(_ node: ModelNode) throws -> Dimension {
        let kindNode = try node.required("kind", expected: DimensionRule.kinds.joined(separator: ", "))
        let kind = try kindNode.string()
        guard let kindSpecific = kindKeys[kind] else {
            throw kindNode.error(expected: "one of \(DimensionRule.kinds.joined(separator: ", "))")
        }
        _ = try node.entries(allowed: dimensionKeys + kindSpecific)
        let idNode = try node.required("id", expected: "an identifier such as presence")
        let id = try idNode.string()
        guard id.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) != nil else {
            throw idNode.error(expected: "lower-case letters, digits and _ (starting with a letter)")
        }
        let label = try node.required("label", expected: "a Dutch label such as Aanwezigheid").string()
        let description = try node.optional("description")?.string()
        let weight = try node.optional("weight")?.int(atLeast: 0, atMost: largestNumber) ?? 1

        let rule: DimensionRule
        switch kind {
        case "presence": rule = .presence(try parsePresence(node))
        case "per_inhabitant": rule = .perInhabitant(try parsePerInhabitant(node))
        case "choice_points": rule = .choicePoints(try parseChoicePoints(node))
        default: rule = .scaledRatings(try parseScaledRatings(node))
        }
        if let declared = try node.optional("maximum") {
            let value = try declared.int(atLeast: 0)
            guard value == rule.maximum else {
                throw declared.error("declares \(value), but the rules of dimension '\(id)' give at most \(rule.maximum)")
            }
        }
        return Dimension(id: id, label: label, description: description, weight: weight, rule: rule)
    }

    static func parsePresence(_ node: ModelNode) throws -> PresenceRule {
        let field = try node.required("field", expected: "the multi-select field, e.g. channels").string()
        let defaultPoints = try node.optional("points")?.int(atLeast: 0, atMost: largestNumber)
        let optionsNode = try node.required("options", expected: "a mapping of option value to label")
        let entries = try optionsNode.entries()
        guard !entries.isEmpty else { throw optionsNode.error(expected: "at least one option") }
        let options = try entries.map { value, option -> PresenceRule.Option in
            if case .mapping = option.node {
                _ = try option.entries(allowed: ["label", "points"])
                let label = try option.required("label", expected: "the option's label").string()
                guard let points = try option.optional("points")?.int(atLeast: 0, atMost: largestNumber) ?? defaultPoints else {
                    throw option.error("missing key 'points' (and the dimension has no default 'points')")
                }
                return PresenceRule.Option(value: value, label: label, points: points)
            }
            guard let defaultPoints else {
                throw node.error("missing key 'points': expected the points per chosen option")
            }
            return PresenceRule.Option(value: value, label: try option.string(), points: defaultPoints)
        }
        return PresenceRule(field: field, options: options)
    }

    static func parsePerInhabitant(_ node: ModelNode) throws -> PerInhabitantRule {
        let pointsPerPercent = try node.required("points_per_percent", expected: "points per percentage point of inhabitants")
            .int(atLeast: 0, atMost: largestNumber)
        let cap = try node.required("cap", expected: "the most points one count can earn").int(atLeast: 0, atMost: largestNumber)
        let channelField = try node.optional("channel_field")?.string()
        let source = try node.optional("source").map(countSource) ?? .reported
        let fieldsNode = try node.required("fields", expected: "a mapping of canonical field to label")
        let entries = try fieldsNode.entries()
        guard !entries.isEmpty else { throw fieldsNode.error(expected: "at least one field") }
        let fields = try entries.map { field, value -> CountField in
            guard case .mapping = value.node else { return CountField(field: field, label: try value.string(), source: source) }
            _ = try value.entries(allowed: ["label", "channel", "source"])
            let channel = try value.optional("channel")?.string()
            if channel != nil && channelField == nil {
                throw value.error("names a channel, but the dimension has no channel_field (the multi-select field of the channels)")
            }
            return CountField(field: field, label: try value.required("label", expected: "the field's label").string(),
                              channel: channel, source: try value.optional("source").map(countSource) ?? source)
        }
        return PerInhabitantRule(pointsPerPercent: pointsPerPercent, cap: cap, fields: fields, channelField: channelField)
    }

    static func countSource(_ node: ModelNode) throws -> CountSource {
        guard let source = CountSource(rawValue: try node.string()) else {
            throw node.error(expected: CountSource.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return source
    }

    static func parseChoicePoints(_ node: ModelNode) throws -> ChoicePointsRule {
        let valuesNode = try node.required("values", expected: "a mapping of canonical answer value to points")
        let entries = try valuesNode.entries()
        guard !entries.isEmpty else { throw valuesNode.error(expected: "at least one value") }
        let values = try entries.map { ChoicePointsRule.Value(value: $0.key, points: try $0.value.int(atLeast: 0, atMost: largestNumber)) }
        return ChoicePointsRule(values: values, fields: try parseFields(node))
    }

    static func parseScaledRatings(_ node: ModelNode) throws -> ScaledRatingsRule {
        let scale = try node.required("scale", expected: "the points for the highest possible sum").int(atLeast: 0, atMost: largestNumber)
        let ratings = try node.required("ratings", expected: "minimum and maximum of the rating scale")
        _ = try ratings.entries(allowed: ["minimum", "maximum", "unanswered"])
        let minimumNode = try ratings.required("minimum", expected: "the lowest rating")
        let minimum = try minimumNode.int(atLeast: -largestNumber, atMost: largestNumber)
        let maximumNode = try ratings.required("maximum", expected: "the highest rating")
        let maximum = try maximumNode.int(atLeast: -largestNumber, atMost: largestNumber)
        guard maximum > minimum else { throw maximumNode.error(expected: "a rating above the minimum \(minimum)") }
        var unanswered = minimum
        if let unansweredNode = try ratings.optional("unanswered") {
            unanswered = try unansweredNode.int()
            guard (minimum...maximum).contains(unanswered) else {
                throw unansweredNode.error(expected: "a rating from \(minimum) to \(maximum)")
            }
        }
        return ScaledRatingsRule(scale: scale, minimum: minimum, maximum: maximum, unanswered: unanswered,
                                 fields: try parseFields(node))
    }

    /// `fields:` — a mapping of canonical field name to Dutch label, in file order.
    static func parseFields(_ node: ModelNode) throws -> [LabelledField] {
        let fieldsNode = try node.required("fields", expected: "a mapping of canonical field to label")
        let entries = try fieldsNode.entries()
        guard !entries.isEmpty else { throw fieldsNode.error(expected: "at least one field") }
        return try entries.map { LabelledField(field: $0.key, label: try $0.value.string()) }
    }
}
