import CReadStat
import Foundation
import Support

/// Reads an SPSS system file (`.sav`, or `.zsav` with compressed data) through ReadStat.
///
/// The header is the list of variables: name and label (the question text), so a column can be
/// found by either. Rows are the cases, numbered 1, 2, … as SPSS's Data View numbers them. A
/// value with a value label reads as its label ("Vaak", not 3); user-missing and system-missing
/// values read as empty cells typed `.missing`; numbers in a date format (DATE, DATETIME, …) as
/// ISO 8601 timestamps (SPSS counts seconds from 14 October 1582); TIME as `09:31:00`; other
/// numbers as `CellText.number`. Strings are trimmed of SPSS's padding at the end.
struct SAVReader: TableReader {
    let url: URL
    let displayName: String
    let limits: TableLimits

    func read(progressLabel: String?, header: (TableHeader) throws -> Void,
              row: (TableRow) throws -> Void) throws -> TableSummary {
        guard let parser = readstat_parser_init() else {
            throw TableFileError(file: displayName, problem: "out of memory starting the SPSS reader")
        }
        defer { readstat_parser_free(parser) }
        return try withoutActuallyEscaping(header) { header in
            try withoutActuallyEscaping(row) { row in
                try parse(parser, SAVSession(displayName: displayName, limits: limits, progressLabel: progressLabel, header: header, row: row))
            }
        }
    }

    private func parse(_ parser: UnsafeMutablePointer<readstat_parser_t>, _ session: SAVSession) throws -> TableSummary {
        readstat_set_metadata_handler(parser, savMetadata)
        readstat_set_variable_handler(parser, savVariable)
        readstat_set_value_label_handler(parser, savValueLabel)
        readstat_set_value_handler(parser, savValue)
        readstat_set_error_handler(parser, savError)
        readstat_set_progress_handler(parser, savProgress)
        let status = withExtendedLifetime(session) {
            readstat_parse_sav(parser, url.path, Unmanaged.passUnretained(session).toOpaque())
        }
        session.progress?.finish()
        if let failure = session.failure { throw failure }
        guard status == READSTAT_OK else { throw session.error(for: status, path: url.path) }
        try session.finish()
        var details: [(label: String, value: String)] = [("variables", String(session.columns.count))]
        if let encoding = session.encoding, !encoding.isEmpty { details.append(("encoding", encoding + " (from the file)")) }
        details.append(("compression", session.compression))
        return TableSummary(format: .sav, details: details, csv: nil, headerRow: nil, blankRows: [], blankRowCount: 0,
                            lastRow: session.cases)
    }
}

private let handlerOK = Int32(READSTAT_HANDLER_OK)
private let handlerAbort = Int32(READSTAT_HANDLER_ABORT)

/// What one read of ReadStat sees. ReadStat calls back from the thread that called
/// `readstat_parse_sav`, one call at a time.
final class SAVSession {
    /// How a variable's values become text.
    enum Kind { case string, number, timestamp, date, time }

    struct Variable {
        var kind: Kind
        var labels: String?
    }

    let displayName: String
    let limits: TableLimits
    let progressLabel: String?
    private let header: (TableHeader) throws -> Void
    private let deliver: (TableRow) throws -> Void
    private(set) var columns: [TableColumn] = []
    private var variables: [Variable] = []
    private var numberLabels: [String: [Double: String]] = [:]
    private var stringLabels: [String: [String: String]] = [:]
    private var headerDone = false
    private var current = -1
    private var cells: [String] = []
    private var types: [Int: CellType] = [:]
    private(set) var cases = 0
    private(set) var encoding: String?
    private(set) var compression = "none"
    private(set) var progress: Support.Progress?
    var failure: Error?
    var message: String?

    init(displayName: String, limits: TableLimits, progressLabel: String?,
         header: @escaping (TableHeader) throws -> Void, row: @escaping (TableRow) throws -> Void) {
        self.displayName = displayName
        self.limits = limits
        self.progressLabel = progressLabel
        self.header = header
        self.deliver = row
    }

    func metadata(_ metadata: UnsafeMutablePointer<readstat_metadata_t>) -> Int32 {
        encoding = readstat_get_file_encoding(metadata).map { String(cString: $0) }
        switch metadata.pointee.compression {
        case READSTAT_COMPRESS_ROWS: compression = "rows (bytecode)"
        case READSTAT_COMPRESS_BINARY: compression = "zlib (.zsav)"
        default: compression = "none"
        }
        if let progressLabel { progress = Support.Progress(progressLabel, total: 1000) }
        return handlerOK
    }

    func variable(_ index: Int32, _ variable: UnsafeMutablePointer<readstat_variable_t>?, _ labels: UnsafePointer<CChar>?) -> Int32 {
        guard let variable else { return abort(problem: "a variable without a description; the file is damaged") }
        let name = readstat_variable_get_name(variable).map { String(cString: $0) } ?? ""
        let label = readstat_variable_get_label(variable).map { String(cString: $0) }
        let format = (readstat_variable_get_format(variable).map { String(cString: $0) } ?? "").uppercased()
        let kind: Kind
        if readstat_variable_get_type_class(variable) == READSTAT_TYPE_CLASS_STRING {
            kind = .string
        } else if format.hasPrefix("DATETIME") || format.hasPrefix("YMDHMS") {
            kind = .timestamp
        } else if ["DATE", "ADATE", "EDATE", "JDATE", "SDATE"].contains(where: { format.hasPrefix($0) }) {
            kind = .date
        } else if format.hasPrefix("TIME") || format.hasPrefix("DTIME") || format.hasPrefix("MTIME") {
            kind = .time
        } else {
            kind = .number
        }
        columns.append(TableColumn(name: name, label: label.flatMap { $0.isEmpty ? nil : $0 }))
        variables.append(Variable(kind: kind, labels: labels.map { String(cString: $0) }))
        return handlerOK
    }

    func valueLabel(_ set: UnsafePointer<CChar>?, _ value: readstat_value_t, _ label: UnsafePointer<CChar>?) -> Int32 {
        guard let set, let label else { return handlerOK }
        let name = String(cString: set)
        let text = String(cString: label)
        if readstat_value_type(value) == READSTAT_TYPE_STRING {
            let key = readstat_string_value(value).map { String(cString: $0) } ?? ""
            stringLabels[name, default: [:]][Self.trimmed(key)] = text
        } else if readstat_value_is_system_missing(value) == 0 {
            numberLabels[name, default: [:]][readstat_double_value(value)] = text
        }
        return handlerOK
    }

    func value(_ observation: Int32, _ variable: UnsafeMutablePointer<readstat_variable_t>?, _ value: readstat_value_t) -> Int32 {
        guard let variable else { return handlerAbort }
        do {
            if !headerDone { try sendHeader() }
            let index = Int(readstat_variable_get_index(variable))
            guard index >= 0 && index < columns.count else { return abort(problem: "a value of an unknown variable; the file is damaged") }
            if Int(observation) != current {
                try sendRow()
                current = Int(observation)
                cells = Array(repeating: "", count: columns.count)
                types = [:]
            }
            if readstat_value_is_missing(value, variable) != 0 {
                types[index] = .missing
                return handlerOK
            }
            let info = variables[index]
            if readstat_value_type(value) == READSTAT_TYPE_STRING {
                let raw = readstat_string_value(value)
                let length = raw.map { strlen($0) } ?? 0
                guard length <= limits.maximumCellBytes else {
                    return abort(problem: "case \(observation + 1), variable \(VisibleText.codePoints(columns[index].name)): a string of more than \(limits.maximumCellBytes >> 20) MB")
                }
                let text = Self.trimmed(raw.map { String(cString: $0) } ?? "")
                cells[index] = info.labels.flatMap { stringLabels[$0]?[text] } ?? text
            } else {
                let number = readstat_double_value(value)
                if let label = info.labels.flatMap({ numberLabels[$0]?[number] }) {
                    cells[index] = label
                } else {
                    switch info.kind {
                    case .timestamp, .date:
                        if let iso = Self.iso8601(spssSeconds: number) {
                            cells[index] = iso
                            types[index] = .timestamp
                        } else {
                            cells[index] = CellText.number(number)
                        }
                    case .time:
                        if number.isFinite, number >= 0, number < 86_400 {
                            cells[index] = CivilDate.clock(Int(number.rounded()) % 86_400)
                        } else {
                            cells[index] = CellText.number(number)
                        }
                    case .number, .string:
                        cells[index] = CellText.number(number)
                    }
                }
            }
            return handlerOK
        } catch {
            failure = error
            return handlerAbort
        }
    }

    /// SPSS dates count seconds from 1582-10-14 00:00:00.
    static func iso8601(spssSeconds: Double) -> String? {
        guard spssSeconds.isFinite, abs(spssSeconds) < 1e12 else { return nil }
        let origin = CivilDate.days(year: 1582, month: 10, day: 14) * 86_400
        return CivilDate.iso8601(secondsSince1970: origin + Int(spssSeconds.rounded()))
    }

    static func trimmed(_ text: String) -> String {
        guard text.last == " " else { return text }
        var result = Substring(text)
        while result.last == " " { result.removeLast() }
        return String(result)
    }

    private func sendHeader() throws {
        headerDone = true
        guard !columns.isEmpty else {
            throw TableFileError(file: displayName, problem: "the file has no variables; expected one variable per question")
        }
        try header(TableHeader(columns: columns, row: nil))
    }

    private func sendRow() throws {
        guard current >= 0 else { return }
        cases = current + 1
        try deliver(TableRow(row: current + 1, cells: cells, types: types))
    }

    /// After a complete parse: the last case, and the header of a file without cases.
    func finish() throws {
        if !headerDone { try sendHeader() }
        try sendRow()
        current = -1
    }

    private func abort(problem: String) -> Int32 {
        if failure == nil { failure = TableFileError(file: displayName, problem: problem) }
        return handlerAbort
    }

    func error(for status: readstat_error_t, path: String) -> TableFileError {
        let reason = String(cString: readstat_error_message(status))
        switch status {
        case READSTAT_ERROR_OPEN:
            let cause = FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "the file does not exist"
            return TableFileError(file: displayName, problem: "cannot open the file: \(cause)")
        case READSTAT_ERROR_READ, READSTAT_ERROR_PARSE, READSTAT_ERROR_SEEK:
            let detail = message.map { " (\($0))" } ?? ""
            return TableFileError(file: displayName, problem: "not a readable SPSS file: \(reason.lowercased())\(detail); the file is damaged, cut off, or not SPSS")
        default:
            let detail = message.map { " (\($0))" } ?? ""
            return TableFileError(file: displayName, problem: "the SPSS file cannot be read: \(reason.lowercased())\(detail)")
        }
    }
}

private func session(_ context: UnsafeMutableRawPointer?) -> SAVSession? {
    context.map { Unmanaged<SAVSession>.fromOpaque($0).takeUnretainedValue() }
}

private func savMetadata(_ metadata: UnsafeMutablePointer<readstat_metadata_t>?, _ context: UnsafeMutableRawPointer?) -> Int32 {
    guard let metadata, let session = session(context) else { return handlerAbort }
    return session.metadata(metadata)
}

private func savVariable(_ index: Int32, _ variable: UnsafeMutablePointer<readstat_variable_t>?, _ labels: UnsafePointer<CChar>?, _ context: UnsafeMutableRawPointer?) -> Int32 {
    session(context)?.variable(index, variable, labels) ?? handlerAbort
}

private func savValueLabel(_ set: UnsafePointer<CChar>?, _ value: readstat_value_t, _ label: UnsafePointer<CChar>?, _ context: UnsafeMutableRawPointer?) -> Int32 {
    session(context)?.valueLabel(set, value, label) ?? handlerAbort
}

private func savValue(_ observation: Int32, _ variable: UnsafeMutablePointer<readstat_variable_t>?, _ value: readstat_value_t, _ context: UnsafeMutableRawPointer?) -> Int32 {
    session(context)?.value(observation, variable, value) ?? handlerAbort
}

private func savError(_ message: UnsafePointer<CChar>?, _ context: UnsafeMutableRawPointer?) {
    guard let session = session(context), session.message == nil, let message else { return }
    session.message = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
}

private func savProgress(_ done: Double, _ context: UnsafeMutableRawPointer?) -> Int32 {
    session(context)?.progress?.update(Int(done * 1000))
    return handlerOK
}
