import Configuration
import Foundation

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
        return try ModelParser.read(try ConfigFile.read(url, expected: ModelParser.expectedContent), fileName: name)
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

    static let expectedContent = "name, label and dimensions"

    public static func parse(_ text: String, file: String) throws -> ScoringModel {
        try read(try ConfigFile.parse(text, file: file, expected: expectedContent))
    }

    /// `fileName`: the name the model's file gives it, which its `name` must repeat.
    static func read(_ root: ConfigNode, fileName: String? = nil) throws -> ScoringModel {
        let keys = try root.mapping(allowed: topKeys)
        let nameNode = try keys.required("name", expected: "the model's name, e.g. meetlat-2012")
        let name = try nameNode.nonEmptyText()
        let label = try keys.required("label", expected: "a title such as 'Socialmediameetlat 2012'").nonEmptyText()
        let description = try keys.optional("description")?.nonEmptyText()

        let dimensionsNode = try keys.required("dimensions", expected: "a list of dimensions")
        let items = try dimensionsNode.list()
        guard !items.isEmpty else { throw dimensionsNode.error(expected: "at least one dimension") }
        var dimensions: [Dimension] = []
        var scoredFields: [String: String] = [:]
        for item in items {
            let dimension = try parseDimension(item)
            if dimensions.contains(where: { $0.id == dimension.id }) {
                throw try item.mapping(allowed: nil).required("id").error("dimension id '\(dimension.id)' is used twice")
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
        if let node = keys.optional("uncertainty") { model.uncertainty = try parseUncertainty(node, dimensions: dimensions) }
        if let node = keys.optional("provenance") { model.provenance = try parseProvenance(node, dimensions: dimensions) }
        if let node = keys.optional("discrepancy") {
            let threshold = try node.mapping(allowed: ["relative", "absolute"])
            var discrepancy = DiscrepancyThreshold.default
            if let relative = threshold.optional("relative") { discrepancy.relative = try relative.fraction() }
            if let absolute = threshold.optional("absolute") { discrepancy.absolute = try absolute.int(atLeast: 0, atMost: largestNumber) }
            model.discrepancy = discrepancy
        }
        if let declared = keys.optional("maximum") {
            let value = try declared.int(atLeast: 0)
            guard value == model.maximum else {
                let sum = dimensions.map { $0.weight == 1 ? "\($0.maximum)" : "\($0.weight) × \($0.maximum)" }
                throw declared.error("declares \(value), but the dimensions add up to \(model.maximum) (\(sum.joined(separator: " + ")))")
            }
        }
        // Checked last, so every other problem of a copied model file is reported first.
        if let fileName, name != fileName {
            throw nameNode.error("expected `\(fileName)` (the file's name), found `\(name)`")
        }
        return model
    }

    static func parseDimension(_ node: ConfigNode) throws -> Dimension {
        let keys = try node.mapping(allowed: nil)
        let kindNode = try keys.required("kind", expected: DimensionRule.kinds.joined(separator: ", "))
        let kind = try kindNode.nonEmptyText()
        guard let kindSpecific = kindKeys[kind] else {
            throw kindNode.error(expected: "one of \(DimensionRule.kinds.joined(separator: ", "))")
        }
        // Which keys a dimension takes depends on its kind.
        try keys.check(allowed: dimensionKeys + kindSpecific)
        let idNode = try keys.required("id", expected: "an identifier such as presence")
        let id = try idNode.nonEmptyText()
        guard id.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) != nil else {
            throw idNode.error(expected: "lower-case letters, digits and _ (starting with a letter)")
        }
        let label = try keys.required("label", expected: "a Dutch label such as Aanwezigheid").nonEmptyText()
        let description = try keys.optional("description")?.nonEmptyText()
        let weight = try keys.optional("weight")?.int(atLeast: 0, atMost: largestNumber) ?? 1

        let rule: DimensionRule
        switch kind {
        case "presence": rule = .presence(try parsePresence(keys))
        case "per_inhabitant": rule = .perInhabitant(try parsePerInhabitant(keys))
        case "choice_points": rule = .choicePoints(try parseChoicePoints(keys))
        default: rule = .scaledRatings(try parseScaledRatings(keys))
        }
        if let declared = keys.optional("maximum") {
            let value = try declared.int(atLeast: 0)
            guard value == rule.maximum else {
                throw declared.error("declares \(value), but the rules of dimension '\(id)' give at most \(rule.maximum)")
            }
        }
        return Dimension(id: id, label: label, description: description, weight: weight, rule: rule)
    }

    static func parsePresence(_ keys: ConfigMapping) throws -> PresenceRule {
        let field = try keys.required("field", expected: "the multi-select field, e.g. channels").nonEmptyText()
        let defaultPoints = try keys.optional("points")?.int(atLeast: 0, atMost: largestNumber)
        let optionsNode = try keys.required("options", expected: "a mapping of option value to label")
        let entries = try optionsNode.mapping(allowed: nil).entries
        guard !entries.isEmpty else { throw optionsNode.error(expected: "at least one option") }
        let options = try entries.map { entry -> PresenceRule.Option in
            let (value, option) = (entry.key, entry.value)
            if option.isMapping {
                let optionKeys = try option.mapping(allowed: ["label", "points"])
                let label = try optionKeys.required("label", expected: "the option's label").nonEmptyText()
                guard let points = try optionKeys.optional("points")?.int(atLeast: 0, atMost: largestNumber) ?? defaultPoints else {
                    throw option.error("missing key `points` (and the dimension has no default `points`)")
                }
                return PresenceRule.Option(value: value, label: label, points: points)
            }
            guard let defaultPoints else {
                throw keys.owner.error("missing key `points`; expected the points per chosen option")
            }
            return PresenceRule.Option(value: value, label: try option.nonEmptyText(), points: defaultPoints)
        }
        return PresenceRule(field: field, options: options)
    }

    static func parsePerInhabitant(_ keys: ConfigMapping) throws -> PerInhabitantRule {
        let pointsPerPercent = try keys.required("points_per_percent", expected: "points per percentage point of inhabitants")
            .int(atLeast: 0, atMost: largestNumber)
        let cap = try keys.required("cap", expected: "the most points one count can earn").int(atLeast: 0, atMost: largestNumber)
        let channelField = try keys.optional("channel_field")?.nonEmptyText()
        let source = try keys.optional("source").map { try $0.choice(CountSource.self) } ?? .reported
        let fieldsNode = try keys.required("fields", expected: "a mapping of canonical field to label")
        let entries = try fieldsNode.mapping(allowed: nil).entries
        guard !entries.isEmpty else { throw fieldsNode.error(expected: "at least one field") }
        let fields = try entries.map { entry -> CountField in
            guard entry.value.isMapping else { return CountField(field: entry.key, label: try entry.value.nonEmptyText(), source: source) }
            let fieldKeys = try entry.value.mapping(allowed: ["label", "channel", "source"])
            let channel = try fieldKeys.optional("channel")?.nonEmptyText()
            if channel != nil && channelField == nil {
                throw entry.value.error("names a channel, but the dimension has no `channel_field` (the multi-select field of the channels)")
            }
            return CountField(field: entry.key, label: try fieldKeys.required("label", expected: "the field's label").nonEmptyText(),
                              channel: channel, source: try fieldKeys.optional("source").map { try $0.choice(CountSource.self) } ?? source)
        }
        return PerInhabitantRule(pointsPerPercent: pointsPerPercent, cap: cap, fields: fields, channelField: channelField)
    }

    static func parseChoicePoints(_ keys: ConfigMapping) throws -> ChoicePointsRule {
        let valuesNode = try keys.required("values", expected: "a mapping of canonical answer value to points")
        let entries = try valuesNode.mapping(allowed: nil).entries
        guard !entries.isEmpty else { throw valuesNode.error(expected: "at least one value") }
        let values = try entries.map { ChoicePointsRule.Value(value: $0.key, points: try $0.value.int(atLeast: 0, atMost: largestNumber)) }
        return ChoicePointsRule(values: values, fields: try parseFields(keys))
    }

    static func parseScaledRatings(_ keys: ConfigMapping) throws -> ScaledRatingsRule {
        let scale = try keys.required("scale", expected: "the points for the highest possible sum").int(atLeast: 0, atMost: largestNumber)
        let ratings = try keys.required("ratings", expected: "minimum and maximum of the rating scale")
            .mapping(allowed: ["minimum", "maximum", "unanswered"])
        let minimumNode = try ratings.required("minimum", expected: "the lowest rating")
        let minimum = try minimumNode.int(atLeast: -largestNumber, atMost: largestNumber)
        let maximumNode = try ratings.required("maximum", expected: "the highest rating")
        let maximum = try maximumNode.int(atLeast: -largestNumber, atMost: largestNumber)
        guard maximum > minimum else { throw maximumNode.error(expected: "a rating above the minimum \(minimum)") }
        var unanswered = minimum
        if let unansweredNode = ratings.optional("unanswered") {
            unanswered = try unansweredNode.int()
            guard (minimum...maximum).contains(unanswered) else {
                throw unansweredNode.error(expected: "a rating from \(minimum) to \(maximum)")
            }
        }
        return ScaledRatingsRule(scale: scale, minimum: minimum, maximum: maximum, unanswered: unanswered,
                                 fields: try parseFields(keys))
    }

    /// `fields:` — a mapping of canonical field name to Dutch label, in file order.
    static func parseFields(_ keys: ConfigMapping) throws -> [LabelledField] {
        let fieldsNode = try keys.required("fields", expected: "a mapping of canonical field to label")
        let entries = try fieldsNode.mapping(allowed: nil).entries
        guard !entries.isEmpty else { throw fieldsNode.error(expected: "at least one field") }
        return try entries.map { LabelledField(field: $0.key, label: try $0.value.nonEmptyText()) }
    }
}
