import Foundation

/// The file formats a table is read from. Chosen by the file's extension (`TableFile.format`).
public enum TableFormat: String, Sendable, Hashable, CaseIterable {
    /// Comma- or semicolon-separated text (`.csv`, `.txt`), read through libcsv.
    case csv
    /// Office Open XML workbook (`.xlsx`, `.xlsm`): one sheet of it.
    case xlsx
    /// SPSS system file (`.sav`, and its compressed form `.zsav`), read through ReadStat.
    case sav

    /// As messages and reports name it.
    public var name: String {
        switch self {
        case .csv: return "CSV"
        case .xlsx: return "XLSX"
        case .sav: return "SPSS"
        }
    }
}

/// One column of a table: its header text (CSV, XLSX) or SPSS variable name, and for SPSS the
/// variable label (usually the question text). A column can be found by either.
public struct TableColumn: Sendable, Hashable {
    public var name: String
    public var label: String?

    public init(name: String, label: String? = nil) {
        self.name = name
        self.label = label
    }
}

/// The header of a table: its columns, and the row they stand in (`nil` for SPSS, whose
/// variables are not a row).
public struct TableHeader: Sendable, Hashable {
    public var columns: [TableColumn]
    public var row: Int?

    public init(columns: [TableColumn], row: Int?) {
        self.columns = columns
        self.row = row
    }
}

/// What the file itself says about a cell beyond its text. CSV cells are all plain text.
public enum CellType: Sendable, Hashable {
    /// A date or time value (an Excel date-formatted number, an SPSS date variable); the text
    /// is ISO 8601 without zone, `2012-05-14T09:31:00`.
    case timestamp
    /// An SPSS user-missing or system-missing value; the text is empty.
    case missing
}

/// One row below the header, numbered as the user sees it: the spreadsheet's row number for CSV
/// and XLSX (the header being row 1 when it is the first row), the case number for SPSS.
///
/// Cell text: strings as stored; numbers as Dutch Excel shows them without thousands separators
/// (`1212`, `4,5`; a percentage format `25%`), so that a number never reads back as another;
/// booleans `1` and `0`; dates and times ISO 8601 (see `CellType.timestamp`); SPSS values with a
/// value label as their label (`Vaak`, not `3`). A row has at least as many cells as the header;
/// more when something stands right of the last header column (CSV: a ragged row).
public struct TableRow: Sendable, Hashable {
    public var row: Int
    public var cells: [String]
    /// Cells with a type, by 0-based column. Empty for CSV.
    public var types: [Int: CellType]

    public init(row: Int, cells: [String], types: [Int: CellType] = [:]) {
        self.row = row
        self.cells = cells
        self.types = types
    }

    public func type(at column: Int) -> CellType? {
        types.isEmpty ? nil : types[column]
    }
}

/// How a completed read went, for the ingest report.
public struct TableSummary: Sendable {
    public var format: TableFormat
    /// Format details as `(label, value)` lines: encoding and delimiter (CSV), sheet and date
    /// system (XLSX), encoding, compression and variables (SPSS).
    public var details: [(label: String, value: String)]
    /// The CSV format found (encoding, delimiter), for CSV only.
    public var csv: CSVFormat?
    /// Row number of the header; `nil` for SPSS, whose variables are not a row.
    public var headerRow: Int?
    /// Rows that held nothing at all (blank lines, empty spreadsheet rows between others),
    /// ascending: the first `TableSummary.blankRowsListed` of them. They are not delivered.
    public var blankRows: [Int]
    /// How many blank rows there were (`blankRows` lists the first of them).
    public var blankRowCount: Int
    /// How many blank rows a summary lists: a file of millions of blank lines must not take
    /// memory for each.
    public static let blankRowsListed = 10_000
    /// The number of the last row (header included, blank rows included).
    public var lastRow: Int
}

/// Reads one table file: the header once, then every non-blank row below it, in order. The
/// one abstraction every format sits behind; `TableFile.reader(for:)` picks the format.
public protocol TableReader: Sendable {
    /// The name messages use, e.g. `2012/export-2012.xlsx`.
    var displayName: String { get }

    /// Reads the file. An error thrown by `header` or `row` stops the read and is rethrown
    /// unchanged; a file that cannot be read throws a `CSVError` (CSV) or `TableFileError`.
    /// With `progressLabel`, progress is shown on a terminal (see `Support.Progress`).
    @discardableResult
    func read(progressLabel: String?, header: (TableHeader) throws -> Void,
              row: (TableRow) throws -> Void) throws -> TableSummary
}

extension TableReader {
    /// The whole table in memory: for small files (drafting a mapping, tests).
    public func readAll() throws -> (header: TableHeader, rows: [TableRow], summary: TableSummary) {
        var header = TableHeader(columns: [], row: nil)
        var rows: [TableRow] = []
        let summary = try read(progressLabel: nil, header: { header = $0 }, row: { rows.append($0) })
        return (header, rows, summary)
    }
}

/// Bounds that keep a hostile or broken file from taking all memory or time.
public struct TableLimits: Sendable, Hashable {
    /// Largest cell (CSV field, XLSX cell text, SPSS string), in bytes.
    public var maximumCellBytes: Int
    /// Largest uncompressed part of an XLSX file (a sheet, the shared strings), in bytes,
    /// whatever its header claims: counted while inflating.
    public var maximumEntryBytes: Int64
    /// Largest ratio of uncompressed to compressed size of an XLSX part once it is past
    /// `ratioFloorBytes`: real sheets compress 5–50×, a zip bomb by a thousand.
    public var maximumCompressionRatio: Int64
    public var ratioFloorBytes: Int64

    public init(maximumCellBytes: Int = 32 << 20, maximumEntryBytes: Int64 = 2 << 30,
                maximumCompressionRatio: Int64 = 250, ratioFloorBytes: Int64 = 64 << 20) {
        self.maximumCellBytes = maximumCellBytes
        self.maximumEntryBytes = maximumEntryBytes
        self.maximumCompressionRatio = maximumCompressionRatio
        self.ratioFloorBytes = ratioFloorBytes
    }
}

/// Opening a table file by its format.
public enum TableFile {
    public struct Options: Sendable {
        /// Encoding and delimiter of a CSV file (`nil`: detect).
        public var csv: CSVReader.Options
        /// XLSX: the sheet to read by name; `nil` reads the first sheet.
        public var sheet: String?
        public var limits: TableLimits

        public init(csv: CSVReader.Options = .init(), sheet: String? = nil, limits: TableLimits = .init()) {
            self.csv = csv
            self.sheet = sheet
            self.limits = limits
        }
    }

    /// The format of a file by its extension (case-insensitive); formats meetlat cannot read
    /// get a message saying what to save them as.
    public static func format(ofFileNamed name: String) -> Result<TableFormat, TableFileError> {
        let dot = name.lastIndex(of: ".")
        let ext = dot.map { name[name.index(after: $0)...].lowercased() } ?? ""
        switch ext {
        case "csv", "txt": return .success(.csv)
        case "xlsx", "xlsm": return .success(.xlsx)
        case "sav", "zsav": return .success(.sav)
        case "xls":
            return .failure(TableFileError(file: name, problem: "Excel 97-2003 workbooks (.xls) are not read; save the file as Excel workbook (.xlsx) or CSV"))
        case "ods":
            return .failure(TableFileError(file: name, problem: "OpenDocument spreadsheets (.ods) are not read; save the file as Excel workbook (.xlsx) or CSV"))
        case "por", "dta", "sas7bdat", "rds":
            return .failure(TableFileError(file: name, problem: "this statistics format is not read; export the data as SPSS .sav, .xlsx or CSV"))
        default:
            let shown = ext.isEmpty ? "no extension" : "extension .\(ext)"
            return .failure(TableFileError(file: name, problem: "\(shown): expected .csv, .xlsx, .sav or .zsav"))
        }
    }

    /// The reader for a file: the one place a table file is opened by format.
    public static func reader(for url: URL, displayName: String? = nil, options: Options = .init()) throws(TableFileError) -> any TableReader {
        let name = displayName ?? url.lastPathComponent
        switch format(ofFileNamed: url.lastPathComponent) {
        case .failure(var error):
            error.file = name
            throw error
        case .success(.csv):
            var csv = options.csv
            csv.maximumFieldBytes = min(csv.maximumFieldBytes, options.limits.maximumCellBytes)
            return CSVTableReader(csv: CSVReader(url: url, displayName: name, options: csv))
        case .success(.xlsx):
            return XLSXReader(url: url, displayName: name, sheet: options.sheet, limits: options.limits)
        case .success(.sav):
            return SAVReader(url: url, displayName: name, limits: options.limits)
        }
    }
}

/// An XLSX or SPSS file that cannot be read (CSV files have `CSVError`), with the file, and
/// where known the part, row and column, and what was expected.
public struct TableFileError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file as the user named it (e.g. `2012/export-2012.xlsx`).
    public var file: String
    /// Where in the file, when known: `sheet "Blad1"`, `xl/sharedStrings.xml`.
    public var part: String?
    public var row: Int?
    /// 1-based column; shown as a spreadsheet letter for XLSX.
    public var column: String?
    public var problem: String

    public init(file: String, part: String? = nil, row: Int? = nil, column: String? = nil, problem: String) {
        self.file = file
        self.part = part
        self.row = row
        self.column = column
        self.problem = problem
    }

    public var description: String {
        var place = file
        if let part { place += ", \(part)" }
        if let row { place += ", row \(row)" }
        if let column { place += ", column \(column)" }
        return "\(place): \(problem)"
    }
}

/// `CSVReader` behind `TableReader`: the first non-blank record is the header.
struct CSVTableReader: TableReader {
    let csv: CSVReader

    var displayName: String { csv.displayName }

    func read(progressLabel: String?, header: (TableHeader) throws -> Void,
              row: (TableRow) throws -> Void) throws -> TableSummary {
        var headerRow: Int?
        let summary = try csv.read(progressLabel: progressLabel) { record in
            if headerRow == nil {
                headerRow = record.row
                try header(TableHeader(columns: record.fields.map { TableColumn(name: $0) }, row: record.row))
            } else {
                try row(TableRow(row: record.row, cells: record.fields))
            }
        }
        return TableSummary(format: .csv,
                            details: [("encoding", summary.format.encodingDescription),
                                      ("delimiter", summary.format.delimiterDescription)],
                            csv: summary.format, headerRow: headerRow,
                            blankRows: summary.blankRows.filter { $0 > (headerRow ?? 0) },
                            // Every row before the header is blank: the header is the first record.
                            blankRowCount: summary.blankRowCount - ((headerRow ?? 1) - 1),
                            lastRow: summary.lastRow)
    }
}
