import Core
import TableFiles

/// A row that passed every check, waiting for the duplicate rule.
struct Candidate {
    var response: Response
    var gemeente: Gemeente
    /// Sort key: later wins. No timestamp sorts before any timestamp.
    var order: (String, Int) { (response.submittedAt ?? "", response.row) }
}

enum RowOutcome {
    case accepted(Candidate)
    case rejected(Reject)
}

/// Checks one row at a time against the column plan (see `YearIngester` for the order of the
/// checks). Answers repeat a lot in a survey (the same labels, the same gemeente names), so
/// label fields and names are resolved once per distinct text and remembered.
final class RowEvaluator {
    let plan: ColumnPlan
    let resolver: GemeenteResolver
    let exportName: String
    private var names: [String: GemeenteResolver.Resolution] = [:]
    private var labelAnswers: [[String: Result<FieldValue, FieldProblem>]]
    /// Bounds the memory of the caches on files where every answer differs.
    private let cacheLimit = 4096

    init(plan: ColumnPlan, resolver: GemeenteResolver, exportName: String) {
        self.plan = plan
        self.resolver = resolver
        self.exportName = exportName
        labelAnswers = Array(repeating: [:], count: plan.fields.count)
    }

    private func resolve(_ name: String) -> GemeenteResolver.Resolution {
        if let known = names[name] { return known }
        let resolution = resolver.resolve(name)
        if names.count < cacheLimit { names[name] = resolution }
        return resolution
    }

    private func read(_ field: FieldReader, at index: Int, _ record: TableRow) -> Result<FieldValue, FieldProblem> {
        let fields = record.cells
        guard let column = field.labelColumn else { return field.read(fields) }
        // An SPSS missing value is an empty cell that means "not answered", even where an
        // empty cell means an empty selection.
        if record.type(at: column) == .missing { return .success(.missing) }
        let text = fields[column]
        if let known = labelAnswers[index][text] { return known }
        let result = field.read(fields)
        if labelAnswers[index].count < cacheLimit { labelAnswers[index][text] = result }
        return result
    }

    func evaluate(_ record: TableRow) -> RowOutcome {
        let fields = record.cells
        func reject(_ reason: RejectReason, _ message: String) -> RowOutcome {
            .rejected(Reject(row: record.row, reason: reason, message: "\(exportName), row \(record.row): \(message)", original: fields))
        }
        guard fields.count == plan.header.count else {
            let kind = fields.count < plan.header.count ? "too short" : "too long"
            return reject(.raggedRow, "row \(kind): \(fields.count) fields, but the header has \(plan.header.count); a delimiter is missing or extra in this row")
        }

        let name = fields[plan.gemeente.index]
        let gemeente: Gemeente
        switch resolve(name) {
        case .gemeente(let found):
            gemeente = found
        case .anonymous:
            return reject(.anonymous, "no gemeente named in column \"\(plan.gemeente.name)\"; counted as anonymous")
        case .ambiguous(let matches):
            let listed = matches.map { "\($0.name) (\($0.code))" }.joined(separator: ", ")
            return reject(.unknownGemeente, "column \"\(plan.gemeente.name)\": \"\(name)\" fits more than one gemeente of \(resolver.year): \(listed); write the official name")
        case .unknown(let suggestions, let otherYears):
            var message = "column \"\(plan.gemeente.name)\": \"\(name)\" is not a gemeente of \(resolver.year)"
            if let former = otherYears.first {
                let span = former.lastYear.map { "\(former.firstYear)–\($0)" } ?? "from \(former.firstYear)"
                message += " (\(former.name), \(former.code), existed \(span)"
                if let successor = resolver.successor(of: former) {
                    message += " and is part of \(successor.name) (\(successor.code)) in \(resolver.year)"
                }
                message += "; if the answer is meant for another gemeente, add the name to reference/aliases.csv)"
            }
            if !suggestions.isEmpty {
                message += "; closest names: " + suggestions.map(\.name).joined(separator: ", ")
            }
            return reject(.unknownGemeente, message)
        }

        var submittedAt: String?
        if let stamp = plan.timestamp {
            let text = fields[stamp.index]
            if record.type(at: stamp.index) == .timestamp {
                submittedAt = text   // a date the file itself typed: already ISO 8601
            } else if !text.trimmingSpaces.isEmpty {
                guard let iso = stamp.pattern.iso8601(text) else {
                    return reject(.invalidTimestamp, "column \"\(stamp.name)\": \"\(text)\" is not a timestamp of the form \(stamp.pattern.text)")
                }
                submittedAt = iso
            }
        }

        var values: [String: FieldValue] = [:]
        var problems: [FieldProblem] = []
        for (index, field) in plan.fields.enumerated() {
            switch read(field, at: index, record) {
            case .success(let value): values[field.name] = value
            case .failure(let problem): problems.append(problem)
            }
        }
        if let first = problems.first {
            return reject(first.reason, problems.map(\.message).joined(separator: "; also "))
        }
        return .accepted(Candidate(response: Response(gemeente: gemeente.code, row: record.row, submittedAt: submittedAt, values: values),
                                  gemeente: gemeente))
    }
}
