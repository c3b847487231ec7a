import Configuration
import Core
import Foundation
import Support
import TableFiles

extension Mapping {
    public static let fieldTypes = ["number", "choice", "multi"]
    /// `skip_rows` at most: far more than any export has, small enough that the header row
    /// plus it never overflows.
    public static let largestSkipRows = 1_000_000_000

    /// What a mapping file holds, for the message about an empty one.
    static let expectedContent = "year, model, export, respondent and fields"

    /// Reads and validates a mapping file. `displayName` is how messages name it
    /// (e.g. `2012/mapping.yaml`).
    public static func load(from url: URL, displayName: String) throws -> Mapping {
        try read(try ConfigFile.read(url, name: displayName, expected: expectedContent))
    }

    /// Parses and validates mapping YAML. Keys are checked (a typo is an error, not a silent
    /// default) and every message names the file, the line and the key.
    public static func parse(yaml text: String, displayName: String) throws -> Mapping {
        try read(try ConfigFile.parse(text, file: displayName, expected: expectedContent))
    }

    private static func read(_ top: ConfigNode) throws -> Mapping {
        let keys = try top.mapping(allowed: ["year", "model", "export", "respondent", "fields", "accounts"])
        var locations: [String: SourceLocation] = [:]

        let yearValue = try keys.required("year")
        let year = try yearValue.int()
        locations["year"] = yearValue.location
        let model = try keys.required("model").nonEmptyText()

        let exportKeys = try keys.required("export").mapping(allowed: ["file", "encoding", "delimiter", "sheet", "skip_rows"])
        let exportFileValue = try exportKeys.required("file")
        let exportFile = try exportFileValue.nonEmptyText()
        locations["export.file"] = exportFileValue.location
        let format: TableFormat
        switch TableFile.format(ofFileNamed: exportFile) {
        case .success(let found): format = found
        case .failure(let error): throw exportFileValue.error(error.problem)
        }
        let encoding = try exportKeys.optional("encoding").map(Self.encoding) ?? nil
        let delimiter = try exportKeys.optional("delimiter").map(Self.delimiter) ?? nil
        let skipRows = try exportKeys.optional("skip_rows")?.int(atLeast: 0, atMost: largestSkipRows) ?? 0
        let sheet = try exportKeys.optional("sheet").map { try $0.nonEmptyText() }
        // Settings that cannot apply to the file's format are mistakes, not silent no-ops.
        if format != .csv {
            for (key, set) in [("encoding", encoding != nil), ("delimiter", delimiter != nil)] where set {
                throw exportKeys.optional(key)!.error("applies to CSV files only; \(format.name) files say their own encoding (leave it out or write auto)")
            }
        }
        if format != .xlsx, sheet != nil {
            throw exportKeys.optional("sheet")!.error("applies to .xlsx files only")
        }
        if format == .sav, skipRows > 0 {
            throw exportKeys.optional("skip_rows")!.error("an SPSS file has no header rows to skip: its variables are the header; set skip_rows to 0")
        }

        let respondentKeys = try keys.required("respondent").mapping(allowed: ["gemeente", "timestamp", "private", "remarks", "ignore"])
        let gemeenteValue = try respondentKeys.required("gemeente")
        let gemeente = try gemeenteValue.nonEmptyText()
        locations["respondent.gemeente"] = gemeenteValue.location
        let timestamp = try respondentKeys.optional("timestamp").map { value -> Timestamp in
            try Self.timestamp(value) { locations["respondent.timestamp.column"] = $0 }
        }
        let respondent = Respondent(
            gemeente: gemeente, timestamp: timestamp,
            privateColumns: try respondentKeys.optional("private")?.texts() ?? [],
            remarks: try respondentKeys.optional("remarks")?.texts() ?? [],
            ignore: try respondentKeys.optional("ignore")?.texts() ?? [])

        let fieldsValue = try keys.required("fields")
        var fields: [Field] = []
        for entry in try fieldsValue.mapping(allowed: nil).entries {
            guard !entry.key.isEmpty else { throw entry.value.error("a field needs a name") }
            fields.append(Field(name: entry.key, kind: try fieldKind(entry.value)))
            locations["fields.\(entry.key)"] = entry.keyLocation
        }
        guard !fields.isEmpty else {
            throw fieldsValue.error("no fields; expected at least one canonical field")
        }
        var mapping = Mapping(year: year, model: model,
                              export: Export(file: exportFile, format: format, encoding: encoding, delimiter: delimiter,
                                             sheet: sheet, skipRows: skipRows),
                              respondent: respondent, fields: fields.sorted { $0.name < $1.name },
                              file: top.file, locations: locations)
        if let value = keys.optional("accounts") {
            mapping.accounts = try accounts(value)
            mapping.locations["accounts"] = value.location
        }
        try mapping.checkPrivacy()
        return mapping
    }

    static func encoding(_ value: ConfigNode) throws -> TextEncoding? {
        let text = try value.text().lowercased()
        switch text {
        case "auto", "": return nil
        case "utf-8", "utf8": return .utf8
        case "windows-1252", "cp1252": return .windows1252
        default: throw value.error("unknown encoding \"\(text)\"; expected auto, utf-8 or windows-1252")
        }
    }

    static func delimiter(_ value: ConfigNode) throws -> CSVDelimiter? {
        let text = try value.text()
        switch text {
        case "auto", "": return nil
        case ",": return .comma
        case ";": return .semicolon
        default: throw value.error("unknown delimiter \"\(text)\"; expected auto, \",\" or \";\"")
        }
    }

    /// `column` and `format`; `located` learns where the column is named.
    static func timestamp(_ value: ConfigNode, located: (SourceLocation) -> Void = { _ in }) throws -> Timestamp {
        let stamp = try value.mapping(allowed: ["column", "format"])
        let columnValue = try stamp.required("column")
        let column = try columnValue.nonEmptyText()
        located(columnValue.location)
        let format = try stamp.required("format")
        do {
            return Timestamp(column: column, pattern: try TimestampPattern(try format.nonEmptyText()))
        } catch let error as TimestampPattern.PatternError {
            throw format.error(error.description)
        }
    }

    /// `accounts:` — the observations file and the columns it is read by.
    private static func accounts(_ value: ConfigNode) throws -> Accounts {
        let keys = try value.mapping(allowed: ["file", "encoding", "delimiter", "sheet", "synthetic", "gemeente", "platform",
                                               "account", "count", "date", "source"])
        let platform = try keys.required("platform").mapping(allowed: ["column", "labels"])
        let fileValue = try keys.required("file")
        let file = try fileValue.nonEmptyText()
        switch TableFile.format(ofFileNamed: file) {
        case .success(.sav): throw fileValue.error("an observations file is read as .csv or .xlsx")
        case .success(let format):
            if format != .csv, let key = ["encoding", "delimiter"].first(where: { keys.optional($0) != nil }) {
                throw keys.optional(key)!.error("applies to CSV files only")
            }
            if format != .xlsx, let sheet = keys.optional("sheet") { throw sheet.error("applies to .xlsx files only") }
        case .failure(let error): throw fileValue.error(error.problem)
        }
        return Accounts(
            file: file,
            encoding: try keys.optional("encoding").map(encoding) ?? nil,
            delimiter: try keys.optional("delimiter").map(delimiter) ?? nil,
            synthetic: try keys.optional("synthetic")?.bool() ?? false,
            gemeente: try keys.required("gemeente").nonEmptyText(),
            platform: try platform.required("column").nonEmptyText(),
            platforms: try labels(try platform.required("labels"), for: "platform"),
            account: try keys.required("account").nonEmptyText(),
            count: try keys.required("count").nonEmptyText(),
            date: try keys.optional("date").map { try timestamp($0) },
            source: try keys.optional("source")?.nonEmptyText(),
            sheet: try keys.optional("sheet")?.nonEmptyText())
    }

    private static func fieldKind(_ value: ConfigNode) throws -> Kind {
        let keys = try value.mapping(allowed: nil)
        let typeValue = try keys.required("type", expected: fieldTypes.joined(separator: ", "))
        let type = try typeValue.text()
        // Which keys a field takes depends on its type.
        func allow(_ allowed: [String]) throws {
            try keys.check(allowed: allowed)
        }
        switch type {
        case "number":
            try allow(["type", "column", "missing"])
            return .number(column: try keys.required("column").nonEmptyText(),
                           missing: try keys.optional("missing")?.texts() ?? [])
        case "choice":
            try allow(["type", "column", "labels", "missing"])
            return .choice(column: try keys.required("column").nonEmptyText(),
                           labels: try labels(try keys.required("labels"), for: "choice"),
                           missing: try keys.optional("missing")?.texts() ?? [])
        case "multi":
            if let columns = keys.optional("columns") {
                try allow(["type", "columns", "unselected"])
                var options: [OptionColumn] = []
                for entry in try columns.mapping(allowed: nil).entries {
                    options.append(OptionColumn(value: entry.key, column: try entry.value.nonEmptyText()))
                }
                guard !options.isEmpty else { throw columns.error("no options; expected option: \"column\" lines") }
                return .optionColumns(options: options, unselected: try keys.optional("unselected")?.texts() ?? ["", "0", "nee"])
            }
            try allow(["type", "column", "separator", "labels", "missing", "other"])
            guard let column = keys.optional("column") else {
                throw value.error("a multi field needs either columns (one column per option) or column + separator + labels (one column of joined labels)")
            }
            guard let separatorValue = keys.optional("separator") else {
                throw value.error("a multi field with one column needs a separator, e.g. \", \" or \";\"")
            }
            let separator = try separatorValue.text()
            guard !separator.trimmingSpaces.isEmpty else {
                throw separatorValue.error("the separator must hold a visible character, e.g. \", \" or \";\"")
            }
            return .joinedLabels(column: try column.nonEmptyText(), separator: separator,
                                 labels: try labels(try keys.required("labels"), for: "multi"),
                                 missing: try keys.optional("missing")?.texts() ?? [],
                                 other: try keys.optional("other")?.nonEmptyText())
        case "text":
            throw typeValue.error("type text is not a canonical field; list a free-text column under respondent.remarks (or respondent.ignore)")
        default:
            throw typeValue.error("unknown field type \"\(type)\"; expected one of \(fieldTypes.joined(separator: ", "))")
        }
    }

    private static func labels(_ value: ConfigNode, for type: String) throws -> [Label] {
        var result: [Label] = []
        var seen: [String: String] = [:]
        for entry in try value.mapping(allowed: nil).entries {
            let (label, canonical) = (entry.key, entry.value)
            let folded = TextFolding.label(label)
            guard !folded.isEmpty else { throw canonical.error("an empty label; empty answers are always \"not answered\"") }
            if let earlier = seen[folded] {
                throw canonical.error("label \"\(label)\" is listed twice (also as \"\(earlier)\"; labels are compared ignoring case and spaces)")
            }
            seen[folded] = label
            result.append(Label(label: label, value: try canonical.nonEmptyText()))
        }
        guard !result.isEmpty else {
            throw value.error("a \(type) field needs labels: \"label as exported\": canonical value")
        }
        return result
    }

    /// Private and remark columns must never feed a canonical field: that is how personal data
    /// would reach Rankings/.
    private func checkPrivacy() throws {
        let sensitive = Set(respondent.privateColumns + respondent.remarks)
        for field in fields {
            for column in field.kind.columns where sensitive.contains(column) {
                throw error(at: "fields.\(field.name)",
                            "column \"\(column)\" is listed under respondent.private or respondent.remarks and may not feed a field")
            }
        }
    }
}
