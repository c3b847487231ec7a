import Foundation
import Support

extension IngestReport {
    /// `unknown-label 2, duplicate 1`: the non-zero reasons in `RejectReason` order.
    public var rejectedSummary: String {
        let parts = RejectReason.allCases.compactMap { reason -> String? in
            let count = rejected[reason, default: 0]
            return count > 0 ? "\(reason.rawValue) \(count)" : nil
        }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }

    /// The report as printed and as written to `Reports/<year>/ingest-report.txt`.
    public func text(year: Int) -> String {
        var lines: [(String, String)] = [("file", file)]
        if format == "CSV" {
            lines += [("encoding", encoding), ("delimiter", delimiter)]
        } else {
            lines.append(("format", ([format] + formatDetails).joined(separator: ", ")))
        }
        lines += [
            ("rows read", String(rowsRead)),
            ("accepted", String(accepted)),
            ("rejected", String(rejected.values.reduce(0, +))),
        ]
        for reason in RejectReason.allCases {
            lines.append(("  " + reason.rawValue, String(rejected[reason, default: 0])))
        }
        lines.append(("anonymous", String(anonymous)))
        lines.append(("duplicates", String(duplicates)))
        lines.append(("approximate numbers", String(approximateNumbers)))
        lines.append(("remarks", remarksSummary))
        if !remarkRowsWithPersonalData.isEmpty {
            let rows = remarkRowsWithPersonalData
            lines.append(("  in rows", rows.prefix(20).map(String.init).joined(separator: ", ") + (rows.count > 20 ? ", …" : "")))
        }
        lines.append(("balanced", isBalanced ? "yes (rows read = accepted + rejected)" : "NO: rows read ≠ accepted + rejected"))

        let width = lines.map(\.0.count).max() ?? 0
        let numberWidth = lines.filter { Int($0.1) != nil }.map(\.1.count).max() ?? 0
        var text = "Ingest \(year)\n"
        for (label, value) in lines {
            let padded = label + String(repeating: " ", count: width - label.count)
            let shown = Int(value) != nil ? String(repeating: " ", count: numberWidth - value.count) + value : value
            text += "  \(padded)  \(shown)\n"
        }
        text += "  warnings\(warnings.isEmpty ? "  none" : "")\n"
        for warning in warnings { text += "    - \(warning)\n" }
        text += format == "SPSS" ? "Rows are the cases as SPSS numbers them: the first case is row 1.\n"
            : "Rows are numbered as in a spreadsheet: the header is row 1, and a quoted field with line breaks stays in one row.\n"
        text += Self.privacyNote + "\n"
        return text
    }

    /// `12 read, 12 scanned for personal data, 2 with personal data (e-mail address 1, BSN 1)`:
    /// counts and kinds only, never the text.
    public var remarksSummary: String {
        var text = "\(remarksRead) read, \(remarksScanned) scanned for personal data, \(remarksWithPersonalData) with personal data"
        let kinds = personalDataByKind.filter { $0.value > 0 }.keys.sorted()
        if !kinds.isEmpty {
            text += " (" + kinds.map { "\($0.label) \(personalDataByKind[$0] ?? 0)" }.joined(separator: ", ") + ")"
        }
        return text
    }

    /// Where the original rows are, and where they may not go.
    public static let privacyNote = "Personal data in remarks is counted here, never shown. rejects.csv keeps the rejected rows as exported, "
        + "personal data included: it belongs in the private Reports/ folder and never goes to Rankings/ or the site."
}

extension SurveyYear {
    /// `rejects.csv`: `row,reason,message` followed by the export's own columns, in row order.
    /// It holds the original rows, personal data included: it belongs in Reports/ only.
    /// In memory, for small years and tests; `writeReports` streams it.
    public var rejectsCSV: String {
        get throws {
            var text = Data()
            try writeRejectsCSV { text.append(contentsOf: $0) }
            return String(decoding: text, as: UTF8.self)
        }
    }

    /// Hands `rejects.csv` to `emit` a piece (about a megabyte) at a time, reading the rejects
    /// from `rejectLog`: memory stays that of one piece, however many rows were rejected.
    func writeRejectsCSV(_ emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        var writer = CSVWriter(header: ["row", "reason", "message"] + report.columns)
        try rejectLog.forEach { reject in
            writer.append([String(reject.row), reject.reason.rawValue, reject.message] + reject.original)
            if writer.bufferedByteCount >= 1 << 20 { try writer.flush(emit) }
        }
        try writer.flush(emit)
    }

    /// Writes `<folder>/<year>/ingest-report.txt` (as printed: control characters made visible,
    /// so `cat` of the report cannot drive the terminal) and `<folder>/<year>/rejects.csv`,
    /// replacing the year's folder as a whole (`AtomicOutput.replaceFolder`; other files in it are
    /// kept).
    /// - Parameters:
    ///   - folder: the reports folder (`Reports/`).
    ///   - inputs: what the command read (the output rule refuses to write among them).
    @discardableResult
    public func writeReports(to folder: URL, inputs: [URL]) throws -> AtomicOutput.Publication {
        try AtomicOutput.replaceFolder(folder.appendingPathComponent(String(year)), inputs: inputs, keepingOtherFiles: true) { staging in
            try staging.write(to: "rejects.csv", streaming: writeRejectsCSV)
            try staging.write(VisibleText.message(report.text(year: year)), to: "ingest-report.txt")
        }
    }
}
