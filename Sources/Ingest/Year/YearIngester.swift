import Core
import Foundation
import TableFiles

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
///    with equal timestamps, or when neither has one, the later row. A row without a timestamp
///    counts as earlier than any row with one.
///
/// Rows whose fields are all empty (`;;;;` as Excel writes them) and blank lines hold no answer:
/// they are skipped and listed in the report's warnings, not counted as rows read.
struct YearIngester {
    let mapping: Mapping
    let reader: any TableReader
    let resolver: GemeenteResolver

    func run() throws -> YearIngest {
        var plan: ColumnPlan?
        var evaluator: RowEvaluator?
        var rowsRead = 0
        var rejects: [Reject] = []
        var best: [String: Candidate] = [:]
        var superseded: [String: [Superseded]] = [:]
        var remarks: [RemarkText] = []
        var emptyRows: [Int] = []
        var headerRow = 0
        let exportName = reader.displayName

        let summary = try reader.read(progressLabel: "ingest \(exportName)", header: { header in
            headerRow = header.row ?? 0
            let columns = try ColumnPlan(mapping: mapping, header: header.columns, exportName: exportName)
            plan = columns
            evaluator = RowEvaluator(plan: columns, resolver: resolver, exportName: exportName)
        }, row: { record in
            guard let columns = plan, let evaluator else { return }
            if record.row <= headerRow + mapping.export.skipRows { return }
            if record.cells.allSatisfy({ $0.trimmingSpaces.isEmpty }) {
                emptyRows.append(record.row)
                return
            }
            rowsRead += 1
            for remark in columns.remarks where remark.index < record.cells.count {
                let text = record.cells[remark.index]
                if !text.trimmingSpaces.isEmpty { remarks.append(RemarkText(row: record.row, column: remark.name, text: text)) }
            }
            switch evaluator.evaluate(record) {
            case .rejected(let reject):
                rejects.append(reject)
            case .accepted(let candidate):
                let code = candidate.gemeente.code
                if let current = best[code] {
                    if candidate.order > current.order {
                        superseded[code, default: []].append(current.superseded)
                        best[code] = candidate
                    } else {
                        superseded[code, default: []].append(candidate.superseded)
                    }
                } else {
                    best[code] = candidate
                }
            }
        })

        for (code, lost) in superseded {
            guard let winner = best[code] else { continue }
            for loser in lost { rejects.append(duplicateReject(loser, winner: winner)) }
        }
        rejects.sort { $0.row < $1.row }
        let responses = best.values.map(\.response).sorted { $0.gemeente < $1.gemeente }

        var rejected: [RejectReason: Int] = [:]
        for reject in rejects { rejected[reject.reason, default: 0] += 1 }
        let approximate = responses.reduce(0) { $0 + $1.values.values.filter(\.isApproximate).count }
        var warnings = plan?.warnings ?? []
        let skipped = (summary.blankRows + emptyRows).sorted()
        if !skipped.isEmpty {
            let shown = skipped.prefix(10).map(String.init).joined(separator: ", ") + (skipped.count > 10 ? ", …" : "")
            warnings.append("\(skipped.count) empty row\(skipped.count == 1 ? "" : "s") skipped (row\(skipped.count == 1 ? "" : "s") \(shown))")
        }
        var report = IngestReport(file: exportName, encoding: summary.csv?.encodingDescription ?? "",
                                  delimiter: summary.csv?.delimiterDescription ?? "", rowsRead: rowsRead,
                                  accepted: responses.count, rejected: rejected, approximateNumbers: approximate)
        report.warnings = warnings
        report.columns = plan?.header.map(\.name) ?? []
        report.format = summary.format.name
        report.formatDetails = summary.csv == nil ? summary.details.map { "\($0.label) \($0.value)" } : []
        return YearIngest(mapping: mapping, responses: responses, rejects: rejects, report: report, remarks: remarks)
    }

    private func duplicateReject(_ loser: Superseded, winner: Candidate) -> Reject {
        let why: String
        switch (loser.submittedAt, winner.response.submittedAt) {
        case let (lost?, won?) where lost != won:
            why = "it was submitted later (\(won), this row \(lost))"
        case (_?, _?):
            why = "both have the same timestamp, so the later row wins"
        case (nil, _?):
            why = "this row has no timestamp and that row has one"
        default:
            why = "without timestamps the later row wins"
        }
        let message = "\(reader.displayName), row \(loser.row): \(winner.gemeente.name) (\(winner.gemeente.code)) answered again in row \(winner.response.row), which is used: \(why)"
        return Reject(row: loser.row, reason: .duplicate, message: message, original: loser.original)
    }
}
