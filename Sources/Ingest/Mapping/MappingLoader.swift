import Core
import Foundation
import Yams

extension Mapping {
    public static let fieldTypes = ["number", "choice", "multi"]

    /// Reads and validates a mapping file. `displayName` is how messages name it
    /// (e.g. `2012/mapping.yaml`).
    public static func load(from url: URL, displayName: String) throws -> Mapping {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw MappingError(file: displayName, problem: "cannot read the file as UTF-8 text (\(error.localizedDescription))")
        }
        return try parse(yaml: text, displayName: displayName)
    }

    /// Parses and validates mapping YAML. Keys are checked (a typo is an error, not a silent
    /// default) and every message names the file, the line and the key.
    public static func parse(yaml text: String, displayName: String) throws -> Mapping {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw MappingError(file: displayName, problem: "the file is empty; expected year, model, export, respondent and fields")
            }
            root = node
        } catch let error as MappingError {
            throw error
        } catch {
            let detail = String(describing: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            throw MappingError(file: displayName, problem: "not valid YAML: \(detail)")
        }
        let top = YAMLValue(node: root, key: "", file: displayName)
        let keys = try top.mapping(allowed: ["year", "model", "export", "respondent", "fields", "accounts"])

        let year = try keys.required("year").int()
        let model = try keys.required("model").string(nonEmpty: true)

        let exportKeys = try keys.required("export").mapping(allowed: ["file", "encoding", "delimiter", "skip_rows"])
        let exportFile = try exportKeys.required("file").string(nonEmpty: true)
        let encoding = try exportKeys.optional("encoding").map(Self.encoding) ?? nil
        let delimiter = try exportKeys.optional("delimiter").map(Self.delimiter) ?? nil
        let skipRows = try exportKeys.optional("skip_rows")?.int(minimum: 0) ?? 0

        let respondentKeys = try keys.required("respondent").mapping(allowed: ["gemeente", "timestamp", "private", "remarks", "ignore"])
        let gemeente = try respondentKeys.required("gemeente").string(nonEmpty: true)
        let timestamp = try respondentKeys.optional("timestamp").map(Self.timestamp)
        let respondent = Respondent(
            gemeente: gemeente, timestamp: timestamp,
            privateColumns: try respondentKeys.optional("private")?.strings() ?? [],
            remarks: try respondentKeys.optional("remarks")?.strings() ?? [],
            ignore: try respondentKeys.optional("ignore")?.strings() ?? [])

        let fieldsValue = try keys.required("fields")
        var fields: [Field] = []
        for (name, value) in try fieldsValue.mapping(allowed: nil).entries {
            guard !name.isEmpty else { throw value.error("a field needs a name") }
            fields.append(Field(name: name, kind: try fieldKind(value), line: value.line))
        }
        guard !fields.isEmpty else {
            throw fieldsValue.error("no fields; expected at least one canonical field")
        }
        var mapping = Mapping(year: year, model: model,
                              export: Export(file: exportFile, encoding: encoding, delimiter: delimiter, skipRows: skipRows),
                              respondent: respondent, fields: fields.sorted { $0.name < $1.name })
        mapping.accounts = try keys.optional("accounts").map(accounts)
        try mapping.checkPrivacy(displayName: displayName)
        return mapping
    }

    static func encoding(_ value: YAMLValue) throws -> TextEncoding? {
        let text = try value.string().lowercased()
        switch text {
        case "auto", "": return nil
        case "utf-8", "utf8": return .utf8
        case "windows-1252", "cp1252": return .windows1252
        default: throw value.error("unknown encoding \"\(text)\"; expected auto, utf-8 or windows-1252")
        }
    }

    static func delimiter(_ value: YAMLValue) throws -> CSVDelimiter? {
        let text = try value.string()
        switch text {
        case "auto", "": return nil
        case ",": return .comma
        case ";": return .semicolon
        default: throw value.error("unknown delimiter \"\(text)\"; expected auto, \",\" or \";\"")
        }
    }

    static func timestamp(_ value: YAMLValue) throws -> Timestamp {
        let stamp = try value.mapping(allowed: ["column", "format"])
        let column = try stamp.required("column").string(nonEmpty: true)
        let format = try stamp.required("format")
        do {
            return Timestamp(column: column, pattern: try TimestampPattern(try format.string(nonEmpty: true)))
        } catch let error as TimestampPattern.PatternError {
            throw format.error(error.description)
        }
    }

    private static func accounts(_ value: YAMLValue) throws -> Accounts {
        let keys = try value.mapping(allowed: ["file", "encoding", "delimiter", "synthetic", "gemeente", "platform", "account",
                                               "count", "date", "source"])
        let platform = try keys.required("platform").mapping(allowed: ["column", "labels"])
        var synthetic = false
        if let flag = keys.optional("synthetic") {
            switch try flag.string() {
            case "true": synthetic = true
            case "false": synthetic = false
            default: throw flag.error("expected true or false")
            }
        }
        return Accounts(
            file: try keys.required("file").string(nonEmpty: true),
            encoding: try keys.optional("encoding").map(encoding) ?? nil,
            delimiter: try keys.optional("delimiter").map(delimiter) ?? nil,
            synthetic: synthetic,
            gemeente: try keys.required("gemeente").string(nonEmpty: true),
            platform: try platform.required("column").string(nonEmpty: true),
            platforms: try labels(try platform.required("labels"), for: "platform"),
            account: try keys.required("account").string(nonEmpty: true),
            count: try keys.required("count").string(nonEmpty: true),
            date: try keys.optional("date").map(timestamp),
            source: try keys.optional("source")?.string(nonEmpty: true))
    }

    private static func fieldKind(_ value: YAMLValue) throws -> Kind {
        let keys = try value.mapping(allowed: nil)
        let typeValue = try keys.required("type")
        let type = try typeValue.string()
        func allow(_ allowed: [String]) throws {
            for (key, entry) in keys.entries where !allowed.contains(key) {
                throw entry.error("unknown key for a \(type) field; expected \(allowed.joined(separator: ", "))")
            }
        }
        switch type {
        case "number":
            try allow(["type", "column", "missing"])
            return .number(column: try keys.required("column").string(nonEmpty: true),
                           missing: try keys.optional("missing")?.strings() ?? [])
        case "choice":
            try allow(["type", "column", "labels", "missing"])
            return .choice(column: try keys.required("column").string(nonEmpty: true),
                           labels: try labels(try keys.required("labels"), for: "choice"),
                           missing: try keys.optional("missing")?.strings() ?? [])
        case "multi":
            if let columns = keys.optional("columns") {
                try allow(["type", "columns", "unselected"])
                var options: [OptionColumn] = []
                for (option, column) in try columns.mapping(allowed: nil).entries {
                    options.append(OptionColumn(value: option, column: try column.string(nonEmpty: true)))
                }
                guard !options.isEmpty else { throw columns.error("no options; expected option: \"column\" lines") }
                return .optionColumns(options: options, unselected: try keys.optional("unselected")?.strings() ?? ["", "0", "nee"])
            }
            try allow(["type", "column", "separator", "labels", "missing", "other"])
            guard let column = keys.optional("column") else {
                throw value.error("a multi field needs either columns (one column per option) or column + separator + labels (one column of joined labels)")
            }
            guard let separatorValue = keys.optional("separator") else {
                throw value.error("a multi field with one column needs a separator, e.g. \", \" or \";\"")
            }
            let separator = try separatorValue.string()
            guard !separator.trimmingSpaces.isEmpty else {
                throw separatorValue.error("the separator must hold a visible character, e.g. \", \" or \";\"")
            }
            return .joinedLabels(column: try column.string(nonEmpty: true), separator: separator,
                                 labels: try labels(try keys.required("labels"), for: "multi"),
                                 missing: try keys.optional("missing")?.strings() ?? [],
                                 other: try keys.optional("other")?.string(nonEmpty: true))
        case "text":
            throw typeValue.error("type text is not a canonical field; list a free-text column under respondent.remarks (or respondent.ignore)")
        default:
            throw typeValue.error("unknown field type \"\(type)\"; expected one of \(fieldTypes.joined(separator: ", "))")
        }
    }

    private static func labels(_ value: YAMLValue, for type: String) throws -> [Label] {
        var result: [Label] = []
        var seen: [String: String] = [:]
        for (label, canonical) in try value.mapping(allowed: nil).entries {
            let folded = TextFolding.label(label)
            guard !folded.isEmpty else { throw canonical.error("an empty label; empty answers are always \"not answered\"") }
            if let earlier = seen[folded] {
                throw canonical.error("label \"\(label)\" is listed twice (also as \"\(earlier)\"; labels are compared ignoring case and spaces)")
            }
            seen[folded] = label
            result.append(Label(label: label, value: try canonical.string(nonEmpty: true)))
        }
        guard !result.isEmpty else {
            throw value.error("a \(type) field needs labels: \"label as exported\": canonical value")
        }
        return result
    }

    /// Private and remark columns must never feed a canonical field: that is how personal data
    /// would reach Rankings/.
    private func checkPrivacy(displayName: String) throws {
        let sensitive = Set(respondent.privateColumns + respondent.remarks)
        for field in fields {
            for column in field.kind.columns where sensitive.contains(column) {
                throw MappingError(file: displayName, line: field.line, key: "fields.\(field.name)",
                                   problem: "column \"\(column)\" is listed under respondent.private or respondent.remarks and may not feed a field")
            }
        }
    }
}

/// A YAML node with the key path and file it came from, so every error can say where it is.
struct YAMLValue {
    let node: Node
    let key: String
    let file: String

    var line: Int? { node.mark?.line }

    func error(_ problem: String) -> MappingError {
        MappingError(file: file, line: line, key: key, problem: problem)
    }

    func child(_ name: String, _ node: Node) -> YAMLValue {
        YAMLValue(node: node, key: key.isEmpty ? name : "\(key).\(name)", file: file)
    }

    func string(nonEmpty: Bool = false) throws -> String {
        guard case .scalar(let scalar) = node else { throw error("expected a single value, found a \(kindName)") }
        if nonEmpty && scalar.string.trimmingSpaces.isEmpty { throw error("expected a value, found nothing") }
        return scalar.string
    }

    func int(minimum: Int? = nil) throws -> Int {
        let text = try string(nonEmpty: true)
        guard let value = Int(text.trimmingSpaces) else { throw error("expected a whole number, found \"\(text)\"") }
        if let minimum, value < minimum { throw error("expected a whole number of at least \(minimum), found \(value)") }
        return value
    }

    /// A list of values; a single value counts as a list of one.
    func strings() throws -> [String] {
        switch node {
        case .scalar: return [try string()]
        case .sequence(let sequence):
            return try sequence.enumerated().map { index, element in try child("\(index + 1)", element).string() }
        default: throw error("expected a list of values, found a \(kindName)")
        }
    }

    /// The keys of a mapping node, checked against `allowed` (nil: any key).
    func mapping(allowed: [String]?) throws -> YAMLKeys {
        guard case .mapping(let mapping) = node else { throw error("expected keys and values, found a \(kindName)") }
        var entries: [(String, YAMLValue)] = []
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let keyScalar) = keyNode else { throw error("keys must be plain values") }
            let name = keyScalar.string
            let value = child(name, valueNode)
            if let allowed, !allowed.contains(name) {
                throw MappingError(file: file, line: keyNode.mark?.line, key: value.key,
                                   problem: "unknown key; expected \(allowed.joined(separator: ", "))")
            }
            entries.append((name, value))
        }
        return YAMLKeys(owner: self, entries: entries)
    }

    private var kindName: String {
        switch node {
        case .scalar: return "single value"
        case .mapping: return "set of keys"
        case .sequence: return "list"
        case .alias: return "alias"
        }
    }
}

struct YAMLKeys {
    let owner: YAMLValue
    let entries: [(String, YAMLValue)]

    func optional(_ name: String) -> YAMLValue? {
        entries.first { $0.0 == name }?.1
    }

    func required(_ name: String) throws -> YAMLValue {
        guard let value = optional(name) else {
            throw MappingError(file: owner.file, line: owner.line, key: owner.key.isEmpty ? name : "\(owner.key).\(name)",
                               problem: "missing; this key is required")
        }
        return value
    }
}
