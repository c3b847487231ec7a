import Core
import Support
import TableFiles

/// The mapping applied to one export's header: where each column is, and what the header holds
/// that the mapping does not account for. A mapping names a column by its header text, or in an
/// SPSS file by its variable name or variable label (the question text).
struct ColumnPlan {
    let header: [TableColumn]
    let gemeente: (index: Int, name: String)
    let timestamp: (index: Int, name: String, pattern: TimestampPattern)?
    let fields: [FieldReader]
    let remarks: [(index: Int, name: String)]
    let warnings: Warnings

    init(mapping: Mapping, header: [TableColumn], exportName: String) throws {
        self.header = header
        var byName: [String: [Int]] = [:]
        var byLabel: [String: [Int]] = [:]
        for (index, column) in header.enumerated() {
            byName[column.name.trimmingSpaces, default: []].append(index)
            if let label = column.label { byLabel[label.trimmingSpaces, default: []].append(index) }
        }
        func positions(_ name: String) -> [Int]? { byName[name] ?? byLabel[name] }
        let names = Array(Set(header.flatMap { [$0.name.trimmingSpaces] + ($0.label.map { [$0.trimmingSpaces] } ?? []) })).filter { !$0.isEmpty }
        var used = Set<Int>()
        var warnings = Warnings()

        func index(of column: String, key: String) throws -> Int {
            let name = column.trimmingSpaces
            guard let found = positions(name) else {
                let hint = names.isEmpty ? "" : "; " + Suggestions.hint(for: name, among: names.sorted(), kind: "column", fold: TextFolding.label)
                throw mapping.error(at: key, "column \"\(column)\" is not in the header of \(exportName)\(hint)")
            }
            guard found.count == 1 else {
                throw mapping.error(at: key, "column \"\(column)\" appears \(found.count) times in the header of \(exportName) (columns \(found.map { String($0 + 1) }.joined(separator: ", "))); rename them in the export so they can be told apart")
            }
            used.insert(found[0])
            return found[0]
        }

        /// Columns the mapping lists but does not need: absent ones are only a warning.
        func optionalIndices(_ columns: [String], key: String) -> [(index: Int, name: String)] {
            var result: [(Int, String)] = []
            for column in columns {
                guard let found = positions(column.trimmingSpaces) else {
                    warnings.append("\(key): column \"\(column)\" is not in the export", kind: "listed columns not in the export")
                    continue
                }
                for index in found {
                    used.insert(index)
                    result.append((index, column))
                }
            }
            return result
        }

        let respondent = mapping.respondent
        gemeente = (try index(of: respondent.gemeente, key: "respondent.gemeente"), respondent.gemeente)
        timestamp = try respondent.timestamp.map { stamp in
            (try index(of: stamp.column, key: "respondent.timestamp.column"), stamp.column, stamp.pattern)
        }
        fields = try mapping.fields.map { field in
            let key = "fields.\(field.name)"
            let plan: FieldReader.Plan
            switch field.kind {
            case .number(let column, let missing):
                plan = .number(index: try index(of: column, key: key), missing: Set(missing.map(TextFolding.label)))
            case .choice(let column, let labels, let missing):
                plan = .choice(index: try index(of: column, key: key), labels: LabelSet(labels),
                               missing: Set(missing.map(TextFolding.label)))
            case .optionColumns(let options, let unselected):
                plan = .optionColumns(try options.map { (value: $0.value, index: try index(of: $0.column, key: key)) },
                                      unselected: Set(unselected.map(TextFolding.label)))
            case .joinedLabels(let column, let separatorText, let labels, let missing, let other):
                let separator = JoinedSeparator(separatorText, labels: labels)
                plan = .joinedLabels(index: try index(of: column, key: key), separator: separator,
                                     labels: LabelSet(labels, key: separator.key),
                                     missing: Set(missing.map(TextFolding.label)), other: other)
            }
            return FieldReader(name: field.name, columnName: field.kind.columns.count == 1 ? field.kind.columns[0] : field.name, plan: plan)
        }
        _ = optionalIndices(respondent.privateColumns, key: "respondent.private")
        remarks = optionalIndices(respondent.remarks, key: "respondent.remarks")
        _ = optionalIndices(respondent.ignore, key: "respondent.ignore")

        for (index, column) in header.enumerated() where !used.contains(index) {
            let name = column.name.trimmingSpaces
            var shown = name.isEmpty ? "has no name" : "\"\(name)\""
            if let label = column.label { shown += " (\"\(label.trimmingSpaces)\")" }
            warnings.append(
                "column \(index + 1) \(shown) is neither mapped nor ignored (list it under respondent.ignore if it is not needed)",
                kind: "columns neither mapped nor ignored")
        }
        self.warnings = warnings
    }
}
