import Foundation

/// One free-text remark of one row, kept out of every `Response`. All remarks of a year pass
/// through `YearIngest.remarks` — the single place where the personal-data scan plugs in.
struct RemarkText: Sendable, Hashable {
    var row: Int
    var column: String
    var text: String
}

/// The outcome of reading one year, before the year-level checks of `SurveyFolder.ingest`.
struct YearIngest {
    var mapping: Mapping
    var responses: [Response]
    var rejects: [Reject]
    var report: IngestReport
    var remarks: [RemarkText]
}

/// Reads one year's export row by row through the mapping. Every row read ends up accepted or
/// in the rejects, with one reason each:
///
/// 1. `ragged-row` — a different number of fields than the header;
/// 2. `anonymous` — no gemeente named;
/// 3. `unknown-gemeente` — the name does not resolve to a gemeente of the year;
/// 4. `invalid-timestamp` — the timestamp does not match the mapping's format;
/// 5. `unknown-label` / `invalid-number` — an answer that cannot be read (the first such problem
///    names the reason; the message lists all of them, so one pass fixes the row);
/// 6. `duplicate` — of the rows that pass 1–5, one per gemeente is kept: the latest timestamp;
///    with equal timestamps, or when either has none, the later row. A row without a timestamp
///    counts as earlier than any row with one.
///
/// Rows whose fields are all empty (`;;;;` as Excel writes them) and blank lines hold no answer:
/// they are skipped and listed in the report's warnings, not counted as rows read.
struct YearIngester {
    let mapping: Mapping
    let exportURL: URL
    let exportName: String
    let mappingName: String
    let resolver: GemeenteResolver

    private struct Candidate {
        var response: Response
        var gemeente: Gemeente
        var original: [String]
        /// Sort key: later wins. No timestamp sorts before any timestamp.
        var order: (String, Int) { (response.submittedAt ?? "", response.row) }
    }

    private enum RowOutcome {
        case accepted(Candidate)
        case rejected(Reject)
    }

    func run() throws -> YearIngest {
        var plan: ColumnPlan?
        var rowsRead = 0
        var rejects: [Reject] = []
        var best: [String: Candidate] = [:]
        var losers: [String: [Candidate]] = [:]
        var remarks: [RemarkText] = []
        var emptyRows: [Int] = []
        var headerRow = 0

        let reader = CSVReader(url: exportURL, displayName: exportName,
                               options: .init(encoding: mapping.export.encoding, delimiter: mapping.export.delimiter))
        let summary = try reader.read(progressLabel: "ingest \(exportName)") { record in
            guard let columns = plan else {
                plan = try ColumnPlan(mapping: mapping, header: record.fields, mappingName: mappingName, exportName: exportName)
                headerRow = record.row
                return
            }
            if record.row <= headerRow + mapping.export.skipRows { return }
            if record.fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) {
                emptyRows.append(record.row)
                return
            }
            rowsRead += 1
            for remark in columns.remarks where remark.index < record.fields.count {
                let text = record.fields[remark.index]
                if !text.trimmingSpaces.isEmpty { remarks.append(RemarkText(row: record.row, column: remark.name, text: text)) }
            }
            switch evaluate(record, columns) {
            case .rejected(let reject):
                rejects.append(reject)
            case .accepted(let candidate):
                let code = candidate.gemeente.code
                if let current = best[code] {
                    if candidate.order > current.order {
                        losers[code, default: []].append(current)
                        best[code] = candidate
                    } else {
                        losers[code, default: []].append(candidate)
                    }
                } else {
                    best[code] = candidate
                }
            }
        }

        for (code, lost) in losers {
            guard let winner = best[code] else { continue }
            for loser in lost { rejects.append(duplicateReject(loser, winner: winner)) }
        }
        rejects.sort { $0.row < $1.row }
        let responses = best.values.map(\.response).sorted { $0.gemeente < $1.gemeente }

        var rejected: [RejectReason: Int] = [:]
        for reject in rejects { rejected[reject.reason, default: 0] += 1 }
        let approximate = responses.reduce(0) { $0 + $1.values.values.filter(\.isApproximate).count }
        var warnings = plan?.warnings ?? []
        let skipped = (summary.blankRows.filter { $0 > headerRow } + emptyRows).sorted()
        if !skipped.isEmpty {
            let shown = skipped.prefix(10).map(String.init).joined(separator: ", ") + (skipped.count > 10 ? ", …" : "")
            warnings.append("\(skipped.count) empty row\(skipped.count == 1 ? "" : "s") skipped (row\(skipped.count == 1 ? "" : "s") \(shown))")
        }
        var report = IngestReport(file: exportName, encoding: summary.format.encodingDescription,
                                  delimiter: summary.format.delimiterDescription, rowsRead: rowsRead,
                                  accepted: responses.count, rejected: rejected, approximateNumbers: approximate)
        report.warnings = warnings
        report.columns = plan?.header ?? []
        return YearIngest(mapping: mapping, responses: responses, rejects: rejects, report: report, remarks: remarks)
    }

    private func evaluate(_ record: CSVRecord, _ plan: ColumnPlan) -> RowOutcome {
        let fields = record.fields
        func reject(_ reason: RejectReason, _ message: String) -> RowOutcome {
            .rejected(Reject(row: record.row, reason: reason, message: "\(exportName), row \(record.row): \(message)", original: fields))
        }
        guard fields.count == plan.header.count else {
            let kind = fields.count < plan.header.count ? "too short" : "too long"
            return reject(.raggedRow, "row \(kind): \(fields.count) fields, but the header has \(plan.header.count); a delimiter is missing or extra in this row")
        }

        let name = fields[plan.gemeente.index]
        let gemeente: Gemeente
        switch resolver.resolve(name) {
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
            if !text.trimmingSpaces.isEmpty {
                guard let iso = stamp.pattern.iso8601(text) else {
                    return reject(.invalidTimestamp, "column \"\(stamp.name)\": \"\(text)\" is not a timestamp of the form \(stamp.pattern.text)")
                }
                submittedAt = iso
            }
        }

        var values: [String: FieldValue] = [:]
        var problems: [FieldProblem] = []
        for field in plan.fields {
            switch field.read(fields) {
            case .success(let value): values[field.name] = value
            case .failure(let problem): problems.append(problem)
            }
        }
        if let first = problems.first {
            return reject(first.reason, problems.map(\.message).joined(separator: "; also "))
        }
        return .accepted(Candidate(response: Response(gemeente: gemeente.code, row: record.row, submittedAt: submittedAt, values: values),
                                  gemeente: gemeente, original: fields))
    }

    private func duplicateReject(_ loser: Candidate, winner: Candidate) -> Reject {
        let why: String
        switch (loser.response.submittedAt, winner.response.submittedAt) {
        case let (lost?, won?) where lost != won:
            why = "it was submitted later (\(won), this row \(lost))"
        case (_?, _?):
            why = "both have the same timestamp, so the later row wins"
        case (nil, _?):
            why = "this row has no timestamp and that row has one"
        default:
            why = "without timestamps the later row wins"
        }
        let message = "\(exportName), row \(loser.response.row): \(loser.gemeente.name) (\(loser.gemeente.code)) answered again in row \(winner.response.row), which is used: \(why)"
        return Reject(row: loser.response.row, reason: .duplicate, message: message, original: loser.original)
    }
}
