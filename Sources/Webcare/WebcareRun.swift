import Foundation
import PersonalData
import Support

/// `meetlat webcare` as a library call: read a log through its mapping in one pass, reject what
/// cannot be used (with its reason, into a private rejects file), count, and write the report as
/// CSV, JSON and HTML — each scanned for personal data first, and written only when the whole
/// log was read and every output is clean.
public struct WebcareRun {
    public var rows: LogRows
    public var mapping: LogMapping
    /// How messages name the mapping file.
    public var mappingName: String
    public var rules: WebcareRules
    public var period: PeriodKind = .month
    public var analyseText = true
    /// The site's stylesheet, inlined in the HTML report.
    public var stylesheet: String

    public init(rows: LogRows, mapping: LogMapping, mappingName: String, rules: WebcareRules, stylesheet: String) {
        self.rows = rows
        self.mapping = mapping
        self.mappingName = mappingName
        self.rules = rules
        self.stylesheet = stylesheet
    }

    /// File names in the output folder.
    public static let csvFile = "webcare.csv", jsonFile = "webcare.json", htmlFile = "webcare.html"
    /// File name in the private folder.
    public static let rejectsFile = "rejects.csv"

    /// What a run leaves: the report and the texts of the three outputs.
    public struct Result: Sendable {
        public var report: WebcareReport
        public var csv: String
        public var json: String
        public var html: String
        /// The first rejected rows' messages (personal data replaced by its kind), for printing.
        public var rejectMessages: [String]
        /// Conversations open at the busiest moment: what memory grows with.
        public var largestOpenCount: Int
    }

    /// Reads and counts; writes the rejects to `privateFolder`, and the outputs to `outputFolder`
    /// when one is given.
    public func run(outputFolder: URL?, privateFolder: URL) throws -> Result {
        let analysis = WebcareAnalysis(mapping: mapping, rules: rules, period: period, analyseText: analyseText)
        var summary = LogSummary(file: (rows.displayName as NSString).lastPathComponent, format: "")
        var evaluator: LogRowEvaluator?
        let rejects = try RejectsFile(folder: privateFolder)
        var rejectMessages: [String] = []
        let redactor = rules.messageDetector
        func reject(_ row: Int, _ reason: RejectReason, _ message: String, _ fields: [String]) throws {
            summary.rejectedByReason[reason, default: 0] += 1
            let shown = Self.redacted(message, detector: redactor)
            if rejectMessages.count < 10 { rejectMessages.append(shown) }
            try rejects.append(row: row, reason: reason, message: shown, fields: fields)
        }
        let read = try rows.forEachRow { row, fields in
            guard evaluator != nil else {
                let created = try LogRowEvaluator(mapping: mapping, file: rows.displayName, mappingName: mappingName,
                                                  header: fields, keepText: analysis.analyseText)
                try rejects.start(header: created.header)
                evaluator = created
                return
            }
            if fields.allSatisfy(Cell.isBlank) {
                summary.blankRows.append(row)
                return
            }
            summary.rowsRead += 1
            // Evaluated in place: the evaluator (with its zone clock) is not copied per row.
            switch evaluator!.evaluate(row: row, fields: fields) {
            case .skipped:
                summary.skipped += 1
            case .rejected(let reason, let message):
                try reject(row, reason, message, fields)
            case .message(let message):
                if let problem = analysis.add(message) {
                    try reject(row, problem.reason, "\(rows.displayName), \(problem.message)", fields)
                } else {
                    summary.messages += 1
                }
            }
        }
        guard let evaluator else { throw WebcareError(file: rows.displayName, problem: "the file is empty; expected a header row and one row per message") }
        summary.format = read.format
        summary.blankRows += read.blankRows
        summary.blankRows.sort()
        if !evaluator.unmappedColumns.isEmpty {
            summary.warnings.append("columns neither read nor ignored by \(mappingName): " + evaluator.unmappedColumns.map { "\"\($0)\"" }.joined(separator: ", "))
        }
        if !summary.blankRows.isEmpty {
            summary.warnings.append("\(summary.blankRows.count) empty row(s) skipped (rows \(summary.blankRows.prefix(10).map(String.init).joined(separator: ", "))\(summary.blankRows.count > 10 ? ", …" : ""))")
        }
        try rejects.finish()
        guard summary.rowsRead == summary.messages + summary.skipped + summary.rejected else {
            throw WebcareError(file: rows.displayName, problem: "internal error: rows read \(summary.rowsRead) ≠ messages + skipped + rejected")
        }
        if summary.messages == 0 {
            throw WebcareError(file: rows.displayName, problem: summary.rowsRead == 0
                ? "no rows after the header; expected one row per message"
                : "none of the \(summary.rowsRead) rows is a usable message; reasons in \(privateFolder.path)/\(Self.rejectsFile)")
        }
        let outOfOrder = summary.rejectedByReason[.outOfOrder] ?? 0
        if outOfOrder * 2 > summary.rowsRead {
            throw WebcareError(file: rows.displayName, problem: "\(outOfOrder) of \(summary.rowsRead) rows are out of time order; sort the export by its time column, oldest first")
        }

        let report = analysis.finish(log: summary)
        let csv = DataReport.csv(report)
        let json = DataReport.json(report)
        let html = HTMLReport.render(report, stylesheet: stylesheet, synthetic: mapping.synthetic)
        let scanner = rules.reportDetector
        for (name, text) in [(Self.csvFile, csv), (Self.jsonFile, json), (Self.htmlFile, html)] {
            let findings = scanner.findings(in: Data(text.utf8), path: name)
            guard findings.isEmpty else {
                let places = findings.prefix(10).map { "\($0.path):\($0.line):\($0.column) (\($0.kind.label))" }
                throw WebcareError(file: name, problem: "the report would hold personal data (\(places.joined(separator: ", "))\(findings.count > 10 ? ", …" : "")); nothing was written. A conversation id or a channel name from the log is the likely source.")
            }
        }
        if let outputFolder {
            try AtomicOutput.write(csv, to: outputFolder.appendingPathComponent(Self.csvFile))
            try AtomicOutput.write(json, to: outputFolder.appendingPathComponent(Self.jsonFile))
            try AtomicOutput.write(html, to: outputFolder.appendingPathComponent(Self.htmlFile))
        }
        return Result(report: report, csv: csv, json: json, html: html, rejectMessages: rejectMessages,
                      largestOpenCount: analysis.largestOpenCount)
    }

    /// `message` with every piece of personal data replaced by its kind, and control characters
    /// made visible: a reject quotes a cell, and a cell may hold anything.
    static func redacted(_ message: String, detector: PersonalDataDetector) -> String {
        var text = message
        for match in detector.matches(in: message).reversed() {
            text.replaceSubrange(match.range(in: text), with: "[\(match.kind.label)]")
        }
        return VisibleText.escaped(text)
    }
}

/// The private rejects file, written as the log is read (memory stays flat however many rows
/// are rejected) to a temporary sibling and renamed into place at the end: `row,reason,message`
/// and the log's own columns, every cell that a spreadsheet would run as a formula as text.
final class RejectsFile {
    private let url: URL
    private let temporary: URL
    private var handle: FileHandle?
    private var buffer: [String] = []

    init(folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        url = folder.appendingPathComponent(WebcareRun.rejectsFile)
        temporary = folder.appendingPathComponent(AtomicOutput.temporaryPrefix(for: url) + String(getpid()))
    }

    deinit {
        try? handle?.close()
        if handle != nil { try? FileManager.default.removeItem(at: temporary) }
    }

    func start(header: [String]) throws {
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary.path) else {
            throw WebcareError(file: temporary.path, problem: "cannot create the file")
        }
        self.handle = handle
        try write(["row", "reason", "message"] + header)
    }

    func append(row: Int, reason: RejectReason, message: String, fields: [String]) throws {
        try write([String(row), reason.rawValue, message] + fields)
    }

    private func write(_ fields: [String]) throws {
        buffer.append(fields.map { CSVWriter.escape(SpreadsheetText.safe($0)) }.joined(separator: ",") + "\n")
        if buffer.count >= 1_000 { try flush() }
    }

    private func flush() throws {
        guard let handle, !buffer.isEmpty else { return }
        try handle.write(contentsOf: Data(buffer.joined().utf8))
        buffer.removeAll(keepingCapacity: true)
    }

    func finish() throws {
        try flush()
        try handle?.close()
        handle = nil
        if rename(temporary.path, url.path) != 0 {
            throw WebcareError(file: url.path, problem: "cannot write the file: \(String(cString: strerror(errno)))")
        }
        AtomicOutput.removeStaleTemporaries(of: url)
    }
}
