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
        /// What publishing the folders did beyond replacing them (a symbolic link followed, …).
        public var notes: [String] = []
    }

    /// Reads and counts; publishes the rejects in `privateFolder` (when the log could be read,
    /// also if no row of it was usable: they tell why), then the three outputs together in
    /// `outputFolder` when one is given — each folder replaced as a whole, other files in it kept
    /// (`Support.AtomicOutput`). `inputs` are the files the run reads (log, mapping, rules,
    /// stylesheet): no output may be or lie among them.
    public func run(outputFolder: URL?, privateFolder: URL, inputs: [URL] = []) throws -> Result {
        try AtomicOutput.checkFolder(privateFolder, inputs: inputs)
        if let outputFolder { try AtomicOutput.checkFolder(outputFolder, inputs: inputs) }
        var counted: Swift.Result<Result, Error>?
        let privatePublication = try AtomicOutput.replaceFolder(privateFolder, inputs: inputs, keepingOtherFiles: true) { staging in
            let rejects = try RejectsFile(staging: staging)
            let read = try readLog(rejects: rejects)
            try rejects.finish()
            counted = Swift.Result { try count(read, privateFolder: privateFolder) }
        }
        var result = try counted!.get()
        result.notes = privatePublication.notes
        if let outputFolder {
            let publication = try AtomicOutput.replaceFolder(outputFolder, inputs: inputs, keepingOtherFiles: true) { staging in
                try staging.write(result.csv, to: Self.csvFile)
                try staging.write(result.json, to: Self.jsonFile)
                try staging.write(result.html, to: Self.htmlFile)
            }
            result.notes += publication.notes
        }
        return result
    }

    /// What reading the log left: the analysis to finish and what was seen.
    private struct ReadLog {
        var analysis: WebcareAnalysis
        var summary: LogSummary
        var rejectMessages: [String]
    }

    /// Reads every row: a message goes to the analysis, a rejected row to the rejects.
    private func readLog(rejects: RejectsFile) throws -> ReadLog {
        let analysis = WebcareAnalysis(mapping: mapping, rules: rules, period: period, analyseText: analyseText)
        var summary = LogSummary(file: (rows.displayName as NSString).lastPathComponent, format: "")
        var evaluator: LogRowEvaluator?
        var rejectMessages: [String] = []
        let redactor = rules.messageDetector
        func reject(_ row: Int, _ reason: RejectReason, _ message: String, _ fields: [String]) throws {
            summary.rejectedByReason[reason, default: 0] += 1
            let shown = Self.redacted(message, detector: redactor)
            if rejectMessages.count < 10 { rejectMessages.append(shown) }
            try rejects.append(row: row, reason: reason, message: shown, fields: fields)
        }
        let read = try rows.read(header: { columns in
            let created = try LogRowEvaluator(mapping: mapping, file: rows.displayName, mappingName: mappingName,
                                              header: columns, keepText: analysis.analyseText)
            try rejects.start(header: created.header)
            evaluator = created
        }, row: { record in
            let fields = record.cells
            if fields.allSatisfy(Cell.isBlank) {
                summary.blankRows.append(record.row)
                return
            }
            summary.rowsRead += 1
            // Evaluated in place: the evaluator (with its zone clock) is not copied per row.
            switch evaluator!.evaluate(record) {
            case .skipped:
                summary.skipped += 1
            case .rejected(let reason, let message):
                try reject(record.row, reason, message, fields)
            case .message(let message):
                if let problem = analysis.add(message) {
                    try reject(record.row, problem.reason, "\(rows.displayName), \(problem.message)", fields)
                } else {
                    summary.messages += 1
                }
            }
        })
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
        return ReadLog(analysis: analysis, summary: summary, rejectMessages: rejectMessages)
    }

    /// Checks what was read, finishes the counts and renders the outputs, each scanned for
    /// personal data.
    private func count(_ read: ReadLog, privateFolder: URL) throws -> Result {
        let summary = read.summary
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

        let report = read.analysis.finish(log: summary)
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
        return Result(report: report, csv: csv, json: json, html: html, rejectMessages: read.rejectMessages,
                      largestOpenCount: read.analysis.largestOpenCount)
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
/// are rejected) into the private folder's fresh staging folder, created exclusively:
/// `row,reason,message` and the log's own columns, every cell that a spreadsheet would run as a
/// formula as text.
final class RejectsFile {
    private let handle: FileHandle
    private let shown: String
    private var buffer: [String] = []

    init(staging: StagingFolder) throws {
        let path = staging.url.appendingPathComponent(WebcareRun.rejectsFile).path
        shown = WebcareRun.rejectsFile
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw WebcareError(file: shown, problem: "cannot create the file: \(OutputError.cause(errno))")
        }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    func start(header: [String]) throws {
        try write(["row", "reason", "message"] + header)
    }

    func append(row: Int, reason: RejectReason, message: String, fields: [String]) throws {
        try write([String(row), reason.rawValue, message] + fields)
    }

    private func write(_ fields: [String]) throws {
        buffer.append(fields.map(CSVWriter.escape).joined(separator: ",") + "\n")  // formula-like cells as text
        if buffer.count >= 1_000 { try flush() }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: Data(buffer.joined().utf8))
        } catch {
            throw WebcareError(file: shown, problem: "cannot write the file: \(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func finish() throws {
        try flush()
        try? handle.synchronize()
    }
}
