import Foundation

/// `Surveys/statistics.yaml`: which survey tables exist, in which order, over which fields, with
/// which labels. Everything a new year's questions change lives there, not in code.
public struct StatisticsDefinition: Sendable, Hashable, Codable {
    public var tables: [TableDefinition]

    public init(tables: [TableDefinition]) {
        self.tables = tables
    }

    public func table(_ id: String) -> TableDefinition? { tables.first { $0.id == id } }

    /// Reads and validates `statistics.yaml`.
    public static func load(from url: URL) throws -> StatisticsDefinition {
        let root = try YAMLFile.read(url, hint: "expected the survey table definitions (see docs/architecture.md, section Stats)")
        let definition = try root.decode(StatisticsDefinition.self)
        if let (index, problem) = definition.firstProblem {
            let table = try root.mapping(allowed: nil).required("tables").list()[index]
            throw table.error("table `\(definition.tables[index].id)`: \(problem)")
        }
        return definition
    }

    /// The first table (by index) without what its kind needs, or whose id is used twice.
    var firstProblem: (index: Int, problem: String)? {
        var seen: Set<String> = []
        for (index, table) in tables.enumerated() {
            guard seen.insert(table.id).inserted else { return (index, "the id is used twice") }
            if let problem = table.problem { return (index, problem) }
        }
        return nil
    }
}

/// One survey table. Which keys are needed depends on `kind` (see `Surveys/statistics.yaml`).
public struct TableDefinition: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Respondents per size class against the gemeenten in the reference (Tabel 1).
        case response
        /// Share selecting each option of one multi-select field (Tabel 3, Tabel 5).
        case options
        /// Distribution of one choice field, values as rows (Tabel 7–10).
        case choice
        /// Several choice fields sharing their values: fields as rows, values as columns (Tabel 4).
        case choiceGrid = "choice-grid"
        /// Mean, median, mode, minimum, maximum of number fields (self-grade, hours, staff, followers).
        case numbers
        /// A number field as a percentage of the gemeente's inhabitants: summary and buckets.
        case shareOfInhabitants = "share-of-inhabitants"
        /// Mean rating per field (Tabel 7-2 of 2013).
        case ratings
    }

    public var id: String
    /// The table's number in the report, e.g. `Tabel 4`.
    public var number: String?
    public var title: String
    public var kind: Kind
    /// The one field of an `options` or `choice` table.
    public var field: String?
    /// The fields of a `choice-grid`, `numbers`, `share-of-inhabitants` or `ratings` table, in order.
    public var fields: [FieldLabel]?
    /// The options of an `options` table, in order.
    public var options: [ValueLabel]?
    /// The values of a `choice` or `choice-grid` table, in order.
    public var values: [ValueLabel]?
    /// Digits after the decimal point for means and medians.
    public var decimals: Int?
    /// Buckets of whole percentages for a `share-of-inhabitants` table.
    public var buckets: [Bucket]?

    public init(id: String, number: String? = nil, title: String, kind: Kind, field: String? = nil,
                fields: [FieldLabel]? = nil, options: [ValueLabel]? = nil, values: [ValueLabel]? = nil,
                decimals: Int? = nil, buckets: [Bucket]? = nil) {
        self.id = id
        self.number = number
        self.title = title
        self.kind = kind
        self.field = field
        self.fields = fields
        self.options = options
        self.values = values
        self.decimals = decimals
        self.buckets = buckets
    }

    /// `Tabel 4 — Gebruik sociale media`, or just the title for an unnumbered table.
    public var caption: String { number.map { "\($0) — \(title)" } ?? title }

    /// Every canonical field the table reads.
    public var fieldNames: [String] {
        if let field { return [field] }
        return (fields ?? []).map(\.field)
    }

    /// What is wrong with the definition, or `nil` when it is complete.
    var problem: String? {
        func nonEmpty<T>(_ list: [T], _ key: String) -> String? {
            list.isEmpty ? "kind '\(kind.rawValue)' needs a non-empty '\(key)' list" : nil
        }
        func unique(_ names: [String], _ key: String) -> String? {
            var seen: Set<String> = []
            for name in names where !seen.insert(name).inserted { return "'\(name)' appears twice in '\(key)'" }
            return nil
        }
        if let decimals, !(0...6).contains(decimals) { return "decimals must be between 0 and 6, found \(decimals)" }
        let options = self.options ?? [], values = self.values ?? [], fields = self.fields ?? [], buckets = self.buckets ?? []
        switch kind {
        case .response:
            return nil
        case .options:
            if field == nil { return "kind 'options' needs 'field' (a multi-select field)" }
            return nonEmpty(options, "options") ?? unique(options.map(\.value), "options")
        case .choice:
            if field == nil { return "kind 'choice' needs 'field' (a choice field)" }
            return nonEmpty(values, "values") ?? unique(values.map(\.value), "values")
        case .choiceGrid:
            return nonEmpty(fields, "fields") ?? nonEmpty(values, "values")
                ?? unique(fields.map(\.field), "fields") ?? unique(values.map(\.value), "values")
        case .numbers, .ratings:
            return nonEmpty(fields, "fields") ?? unique(fields.map(\.field), "fields")
        case .shareOfInhabitants:
            if let problem = nonEmpty(fields, "fields") ?? nonEmpty(buckets, "buckets") { return problem }
            var previousEnd = -1
            for bucket in buckets {
                if bucket.from <= previousEnd {
                    return "bucket '\(bucket.id)' starts at \(bucket.from), inside the previous bucket; buckets must ascend without overlap"
                }
                if let to = bucket.to, to < bucket.from { return "bucket '\(bucket.id)' ends (\(to)) before it starts (\(bucket.from))" }
                previousEnd = bucket.to ?? Int.max
            }
            return unique(buckets.map(\.id), "buckets")
        }
    }
}

public struct FieldLabel: Sendable, Hashable, Codable {
    public var field: String
    public var label: String

    public init(field: String, label: String) {
        self.field = field
        self.label = label
    }
}

public struct ValueLabel: Sendable, Hashable, Codable {
    public var value: String
    public var label: String

    public init(value: String, label: String) {
        self.value = value
        self.label = label
    }
}

/// Whole percentages `from` through `to` (inclusive; `to` absent for an open top bucket).
public struct Bucket: Sendable, Hashable, Codable {
    public var id: String
    public var label: String
    public var from: Int
    public var to: Int?

    public init(id: String, label: String, from: Int, to: Int?) {
        self.id = id
        self.label = label
        self.from = from
        self.to = to
    }

    public func contains(_ percent: Int) -> Bool { percent >= from && (to.map { percent <= $0 } ?? true) }
}
