import Core
import Foundation
import PersonalData
import TableFiles

/// One free-text remark of one row, kept out of every `Response`. Every remark of a year passes
/// through `RemarkInspection.inspect` — the single place where the personal-data scan plugs in.
struct RemarkText: Sendable, Hashable {
    var row: Int
    var column: String
    var text: String
}

/// The personal-data scan of a year's free-text remarks, one remark at a time as the rows are
/// read (`PersonalDataDetector.freeText`, which also takes a bare nine-digit number passing the
/// 11-proef for a BSN). Only counts, kinds and the first `listedRows` row numbers are kept; the
/// remarks themselves go no further.
struct RemarkInspection {
    /// The report lists twenty rows and says when there are more; memory for more is never taken.
    static let listedRows = 100

    private var read = 0
    private var counts = PersonalDataCounts()
    private var rows: [Int] = []

    mutating func inspect(_ remark: RemarkText) {
        read += 1
        let kinds = PersonalDataDetector.freeText.matches(in: remark.text).map(\.kind)
        counts.record(kinds)
        // Rows come in ascending order; a row with several remarks is listed once.
        if !kinds.isEmpty && rows.count < Self.listedRows && rows.last != remark.row { rows.append(remark.row) }
    }

    func write(into report: inout IngestReport) {
        report.remarksRead = read
        report.remarksScanned = counts.scanned
        report.remarksWithPersonalData = counts.withPersonalData
        report.personalDataByKind = counts.byKind
        report.remarkRowsWithPersonalData = rows
    }
}

/// The outcome of reading one year, before the year-level checks of `SurveyFolder.ingest`.
struct YearIngest {
    var mapping: Mapping
    var responses: [Response]
    var rejects: RejectLog
    var report: IngestReport
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
///
/// Memory is that of the gemeenten, not of the rows: a row is evaluated as it is read, only the
/// best answer per gemeente is kept, and rejected rows (and accepted ones that may yet turn out
/// to be duplicates) go to a temporary file, `RejectLog`.
struct YearIngester {
    let mapping: Mapping
    let reader: any TableReader
    let resolver: GemeenteResolver

    func run() throws -> YearIngest {
        var plan: ColumnPlan?
        var evaluator: RowEvaluator?
        var rowsRead = 0
        var rejected: [RejectReason: Int] = [:]
        let spool = try RejectSpool()
        var best: [String: Candidate] = [:]
        var remarks = RemarkInspection()
        var emptyRows = EmptyRows()
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
                emptyRows.add(record.row)
                return
            }
            rowsRead += 1
            for remark in columns.remarks where remark.index < record.cells.count {
                let text = record.cells[remark.index]
                if !text.trimmingSpaces.isEmpty { remarks.inspect(RemarkText(row: record.row, column: remark.name, text: text)) }
            }
            switch evaluator.evaluate(record) {
            case .rejected(let reject):
                rejected[reject.reason, default: 0] += 1
                try spool.append(reject)
            case .accepted(let candidate):
                // Kept as a possible duplicate until the winner is known (see `RejectLog`).
                let response = candidate.response
                try spool.appendCandidate(row: response.row, code: response.gemeente, submittedAt: response.submittedAt,
                                          original: record.cells)
                if let current = best[response.gemeente], candidate.order <= current.order { return }
                best[response.gemeente] = candidate
            }
        })

        let winners = best.mapValues { candidate in
            RejectLog.Winner(name: candidate.gemeente.name, code: candidate.gemeente.code, row: candidate.response.row,
                             submittedAt: candidate.response.submittedAt)
        }
        let rejects = try spool.finish(winners: winners, exportName: exportName)
        let responses = best.values.map(\.response).sorted { $0.gemeente < $1.gemeente }

        let duplicates = rejects.count - rejected.values.reduce(0, +)
        if duplicates > 0 { rejected[.duplicate] = duplicates }
        let approximate = responses.reduce(0) { $0 + $1.values.values.filter(\.isApproximate).count }
        var warnings = plan?.warnings ?? Warnings()
        emptyRows.add(summary.blankRows, count: summary.blankRowCount)
        if let warning = emptyRows.warning { warnings.append(warning, kind: "empty rows") }
        var report = IngestReport(file: exportName, encoding: summary.csv?.encodingDescription ?? "",
                                  delimiter: summary.csv?.delimiterDescription ?? "", rowsRead: rowsRead,
                                  accepted: responses.count, rejected: rejected, approximateNumbers: approximate)
        report.warnings = warnings.list
        report.columns = plan?.header.map(\.name) ?? []
        report.format = summary.format.name
        report.formatDetails = summary.csv == nil ? summary.details.map { "\($0.label) \($0.value)" } : []
        remarks.write(into: &report)
        return YearIngest(mapping: mapping, responses: responses, rejects: rejects, report: report)
    }
}

/// Rows that held no answer (blank lines, rows of empty fields): counted, the first few listed.
struct EmptyRows {
    static let listed = 10
    private(set) var count = 0
    private var first: [Int] = []

    mutating func add(_ row: Int) {
        count += 1
        if first.count <= Self.listed { first.append(row) }
    }

    /// `rows` (the first of them, ascending) out of `count` more.
    mutating func add(_ rows: [Int], count: Int) {
        self.count += count
        first = Array((first + rows.prefix(Self.listed + 1)).sorted().prefix(Self.listed + 1))
    }

    var warning: String? {
        guard count > 0 else { return nil }
        let shown = first.prefix(Self.listed).map(String.init).joined(separator: ", ") + (count > Self.listed ? ", …" : "")
        return "\(count) empty row\(count == 1 ? "" : "s") skipped (row\(count == 1 ? "" : "s") \(shown))"
    }
}
