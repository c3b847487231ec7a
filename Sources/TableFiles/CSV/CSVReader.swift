import CLibCSV
import Foundation
import Support

/// The field separators meetlat reads: `,` (survey tools) and `;` (Dutch Excel).
public enum CSVDelimiter: String, Sendable, Hashable, Codable {
    case comma = ","
    case semicolon = ";"

    var byte: UInt8 { self == .comma ? ASCII.comma : ASCII.semicolon }
}

/// How a file turned out to be encoded and separated.
public struct CSVFormat: Sendable, Hashable {
    public var encoding: TextEncoding
    public var byteOrderMark: Bool
    /// Whether the encoding was detected (rather than fixed by the caller).
    public var encodingDetected: Bool
    public var delimiter: CSVDelimiter
    public var delimiterDetected: Bool
    /// Set when the file is UTF-8 with a few foreign bytes; only changes the error message.
    var mixedEncoding = false

    /// As the ingest report prints it, e.g. `windows-1252 (detected)`, `utf-8 with BOM`.
    public var encodingDescription: String {
        var text = encoding.rawValue
        if byteOrderMark { text += " with BOM" }
        if encodingDetected { text += " (detected)" }
        return text
    }

    public var delimiterDescription: String {
        let name = delimiter == .comma ? "\",\" (comma)" : "\";\" (semicolon)"
        return delimiterDetected ? name + " (detected)" : name
    }
}

/// One record of a CSV file. `row` counts as a spreadsheet does: the first row is 1, blank
/// lines take a number, and a quoted field spanning several lines stays within one row.
public struct CSVRecord: Sendable {
    public var row: Int
    public var fields: [String]
}

/// What a completed read saw.
public struct CSVSummary: Sendable {
    public var format: CSVFormat
    /// Rows that held nothing at all (blank lines), by row number: the first
    /// `TableSummary.blankRowsListed` of them. They are not delivered.
    public var blankRows: [Int]
    /// How many blank rows there were.
    public var blankRowCount: Int
    /// The number of the last row (header included, blank rows included).
    public var lastRow: Int
    public var bytes: Int
}

/// Reads CSV through libcsv, streaming: the file passes through a fixed buffer, each field's
/// bytes are decoded to a `String` once, and records are handed over one at a time.
///
/// Detection: a UTF-8 byte order mark means UTF-8; otherwise a file that is valid UTF-8 is
/// UTF-8 and any other file is Windows-1252 — unless it also holds valid multi-byte UTF-8, in
/// which case it is a damaged UTF-8 file and reading it as Windows-1252 would mangle it: that is
/// an error. The delimiter is the more frequent of `,` and `;` outside quotes in the header row.
///
/// libcsv runs in strict mode: a stray quote or an unterminated quoted field stops the read with
/// one error naming row, column and line, rather than silently gluing rows together.
/// Spaces and tabs around unquoted fields are trimmed by libcsv.
public struct CSVReader: Sendable {
    public struct Options: Sendable {
        /// `nil` detects the encoding.
        public var encoding: TextEncoding?
        /// `nil` detects the delimiter.
        public var delimiter: CSVDelimiter?
        /// Fields larger than this stop the read (a sign of a quote that is not closed).
        public var maximumFieldBytes: Int
        /// Rows with more fields than this stop the read: a spreadsheet holds at most 16,384
        /// columns, and a header of millions of fields (a file that is not an export, or a
        /// wrong delimiter) would otherwise take memory for each.
        public var maximumFields = 100_000

        public init(encoding: TextEncoding? = nil, delimiter: CSVDelimiter? = nil, maximumFieldBytes: Int = 32 << 20) {
            self.encoding = encoding
            self.delimiter = delimiter
            self.maximumFieldBytes = maximumFieldBytes
        }
    }

    public let url: URL
    /// The name messages use, e.g. `2012/export-2012.csv`.
    public let displayName: String
    public let options: Options

    public init(url: URL, displayName: String? = nil, options: Options = Options()) {
        self.url = url
        self.displayName = displayName ?? url.lastPathComponent
        self.options = options
    }

    /// Reads the file, calling `body` for every non-blank record in order (the header first).
    /// An error thrown by `body` stops the read and is rethrown unchanged.
    @discardableResult
    /// With `progressLabel`, progress is shown on a terminal (see `Support.Progress`).
    public func read(progressLabel: String? = nil, _ body: (CSVRecord) throws -> Void) throws -> CSVSummary {
        let file = try FileBytes(path: url.path, displayName: displayName)
        let progress = progressLabel.map { Support.Progress($0, total: file.size) }
        defer { progress?.finish() }
        let format = try detectFormat(file)
        return try withoutActuallyEscaping(body) { body in
            try parse(file, format: format, progress: progress, deliver: body)
        }
    }

    // MARK: Detection

    private func detectFormat(_ file: FileBytes) throws(CSVError) -> CSVFormat {
        var detector = DelimiterDetector()
        var survey = UTF8Survey()
        var byteOrderMark = false
        let surveyWholeFile = options.encoding == nil
        try file.forEachChunk { (chunk, offset) throws(CSVError) -> Bool in
            var bytes = chunk
            if offset == 0 {
                if chunk.count >= 2, (chunk[0] == 0xFF && chunk[1] == 0xFE) || (chunk[0] == 0xFE && chunk[1] == 0xFF) {
                    throw CSVError(file: displayName, kind: .utf16)
                }
                if chunk.count >= 3, chunk[0] == 0xEF, chunk[1] == 0xBB, chunk[2] == 0xBF {
                    byteOrderMark = true
                    bytes = UnsafeBufferPointer(rebasing: chunk[3...])
                }
            }
            if !detector.isDone { detector.feed(bytes) }
            // A byte order mark settles the encoding; otherwise look at every byte.
            if surveyWholeFile && !byteOrderMark && !survey.isDecided { survey.feed(bytes) }
            return !detector.isDone || (surveyWholeFile && !byteOrderMark && !survey.isDecided)
        }
        survey.finish()
        if options.delimiter == nil && detector.looksTabSeparated {
            throw CSVError(file: displayName, kind: .tabSeparated)
        }
        let encoding: TextEncoding
        if let fixed = options.encoding {
            if byteOrderMark && fixed != .utf8 {
                throw CSVError(file: displayName, kind: .byteOrderMarkContradicts(fixed))
            }
            encoding = fixed
        } else if byteOrderMark || survey.invalidBytes == 0 || survey.multiByteCharacters > 0 {
            // Mixed files are read as UTF-8 so that the decoder names the row and column of
            // the first foreign byte.
            encoding = .utf8
        } else {
            encoding = .windows1252
        }
        var format = CSVFormat(encoding: encoding, byteOrderMark: byteOrderMark,
                               encodingDetected: options.encoding == nil,
                               delimiter: options.delimiter ?? detector.delimiter,
                               delimiterDetected: options.delimiter == nil)
        format.mixedEncoding = options.encoding == nil && !byteOrderMark
            && survey.invalidBytes > 0 && survey.multiByteCharacters > 0
        return format
    }

    // MARK: Parsing

    private func parse(_ file: FileBytes, format: CSVFormat, progress: Support.Progress?,
                       deliver: @escaping (CSVRecord) throws -> Void) throws -> CSVSummary {
        let session = CSVParseSession(file: displayName, format: format, maximumFields: options.maximumFields, deliver: deliver)
        var parser = csv_parser()
        guard csv_init(&parser, UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL)) == 0 else {
            throw CSVError(file: displayName, kind: .outOfMemory)
        }
        defer { csv_free(&parser) }
        csv_set_delim(&parser, format.delimiter.byte)
        let context = Unmanaged.passUnretained(session).toOpaque()

        var thrown: Error?
        try file.forEachChunk { (chunk, offset) throws(CSVError) -> Bool in
            var bytes = chunk
            var start = offset
            if offset == 0 && format.byteOrderMark {
                bytes = UnsafeBufferPointer(rebasing: chunk[3...])
                start = 3
            }
            let parsed = csv_parse(&parser, bytes.baseAddress, bytes.count, csvFieldCallback, csvRecordCallback, context)
            if let failure = session.failure {
                thrown = failure
                return false
            }
            if parsed != bytes.count {
                if csv_error(&parser) == CSV_ENOMEM {
                    throw session.error(.outOfMemory)
                }
                let position = start + parsed
                let line = try lineNumber(in: file, at: position)
                throw session.error(.strayQuote(line: line, offset: position, found: bytes[parsed]))
            }
            if parser.entry_pos > options.maximumFieldBytes {
                throw session.error(.fieldTooLarge(limit: options.maximumFieldBytes))
            }
            progress?.update(offset + chunk.count)
            return true
        }
        if let thrown { throw thrown }
        let finished = csv_fini(&parser, csvFieldCallback, csvRecordCallback, context)
        if let failure = session.failure { throw failure }
        if finished != 0 {
            let opened = try openQuote(in: file, delimiter: format.delimiter.byte)
            throw session.error(.unterminatedQuote(line: opened.line, offset: opened.offset))
        }
        if session.header == nil {
            throw CSVError(file: displayName, kind: .empty)
        }
        return CSVSummary(format: format, blankRows: session.blankRows, blankRowCount: session.blankRowCount, lastRow: session.row,
                          bytes: file.size)
    }

    private func lineNumber(in file: FileBytes, at offset: Int) throws(CSVError) -> Int {
        var counter = LineCounter(offset: offset)
        try file.forEachChunk { (chunk, base) throws(CSVError) -> Bool in counter.feed(chunk, startingAt: base) }
        return counter.line
    }

    private func openQuote(in file: FileBytes, delimiter: UInt8) throws(CSVError) -> (line: Int, offset: Int) {
        var locator = OpenQuoteLocator(delimiter: delimiter)
        try file.forEachChunk { (chunk, base) throws(CSVError) -> Bool in
            locator.feed(chunk, startingAt: base)
            return true
        }
        return locator.unterminated ?? (1, 0)
    }
}

// libcsv calls back through plain C function pointers; the context is the session.
// `parse` keeps the session alive for the whole read, so the callbacks borrow it without
// retaining and releasing it once per field.
private func csvFieldCallback(_ bytes: UnsafeMutableRawPointer?, _ count: Int, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    Unmanaged<CSVParseSession>.fromOpaque(context)._withUnsafeGuaranteedRef {
        $0.field(UnsafeBufferPointer(start: bytes?.assumingMemoryBound(to: UInt8.self), count: count))
    }
}

private func csvRecordCallback(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    Unmanaged<CSVParseSession>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.endRecord(terminator) }
}

/// The state of one read while libcsv calls back: the record being built, the row counter,
/// and the first failure (which stops all further work).
final class CSVParseSession {
    let file: String
    let format: CSVFormat
    let maximumFields: Int
    private let deliver: (CSVRecord) throws -> Void
    // libcsv calls back once per field, and only from the one thread running `csv_parse`, so
    // no access can overlap: the runtime's exclusivity checks on every access would cost about
    // a fifth of the read (measured with perf; see Benchmarks/README.md).
    @exclusivity(unchecked) private var decoder: FieldDecoder
    @exclusivity(unchecked) private var fields: [String] = []
    @exclusivity(unchecked) private var afterCarriageReturn = false
    /// Number of the last completed row.
    @exclusivity(unchecked) private(set) var row = 0
    @exclusivity(unchecked) private(set) var header: [String]?
    @exclusivity(unchecked) private(set) var blankRows: [Int] = []
    @exclusivity(unchecked) private(set) var blankRowCount = 0
    @exclusivity(unchecked) private(set) var failure: Error?

    init(file: String, format: CSVFormat, maximumFields: Int, deliver: @escaping (CSVRecord) throws -> Void) {
        self.file = file
        self.format = format
        self.maximumFields = maximumFields
        self.deliver = deliver
        self.decoder = FieldDecoder(encoding: format.encoding)
        fields.reserveCapacity(64)
    }

    func field(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard failure == nil else { return }
        guard fields.count < maximumFields else {
            failure = self.error(.tooManyFields(limit: maximumFields))
            return
        }
        do {
            fields.append(try decoder.decode(bytes))
        } catch {
            failure = self.error(.invalidBytes(byte: error.byte, encoding: format.encoding, mixed: format.mixedEncoding))
        }
    }

    func endRecord(_ terminator: Int32) {
        guard failure == nil else { return }
        if fields.isEmpty {
            // With CSV_REPALL_NL libcsv ends a record at the CR of a CRLF and reports the LF as
            // an empty record of its own: that is not a blank row.
            if terminator == Int32(ASCII.lineFeed) && afterCarriageReturn {
                afterCarriageReturn = false
                return
            }
            afterCarriageReturn = terminator == Int32(ASCII.carriageReturn)
            row += 1
            blankRowCount += 1
            if blankRows.count < TableSummary.blankRowsListed { blankRows.append(row) }
            return
        }
        afterCarriageReturn = terminator == Int32(ASCII.carriageReturn)
        row += 1
        if header == nil { header = fields }
        do {
            try deliver(CSVRecord(row: row, fields: fields))
        } catch {
            failure = error
        }
        fields.removeAll(keepingCapacity: true)
    }

    /// An error located at the field being read now.
    func error(_ kind: CSVError.Kind) -> CSVError {
        let column = fields.count + 1
        let name = header.flatMap { column <= $0.count ? $0[column - 1] : nil }
        return CSVError(file: file, kind: kind, row: row + 1, column: column, columnName: name)
    }
}
