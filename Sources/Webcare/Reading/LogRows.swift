import Foundation
import Tabular

/// The rows of a log export, header first, as text cells: the one thing the webcare analysis
/// needs from a file format. CSV today; an XLSX source (the row reader being built for survey
/// exports) becomes a second conformance without touching the analysis.
public protocol LogRows {
    /// How messages name the file.
    var displayName: String { get }
    /// Calls `body` with every row that holds something, in order, the header first; returns
    /// the rows that held nothing at all (skipped, by number) and a description of the format.
    func forEachRow(_ body: (_ row: Int, _ fields: [String]) throws -> Void) throws -> (blankRows: [Int], format: String)
}

/// A CSV log read by libcsv (`Tabular.CSVReader`): encoding and delimiter from the mapping or
/// detected.
public struct CSVLogRows: LogRows {
    public let url: URL
    public let displayName: String
    public let encoding: TextEncoding?
    public let delimiter: CSVDelimiter?
    /// Progress on a terminal for big logs.
    public var progressLabel: String?

    public init(url: URL, displayName: String, encoding: TextEncoding?, delimiter: CSVDelimiter?, progressLabel: String? = nil) {
        self.url = url
        self.displayName = displayName
        self.encoding = encoding
        self.delimiter = delimiter
        self.progressLabel = progressLabel
    }

    public func forEachRow(_ body: (Int, [String]) throws -> Void) throws -> (blankRows: [Int], format: String) {
        let reader = CSVReader(url: url, displayName: displayName, options: .init(encoding: encoding, delimiter: delimiter))
        let summary = try reader.read(progressLabel: progressLabel) { record in try body(record.row, record.fields) }
        return (summary.blankRows, "CSV, \(summary.format.encodingDescription), delimiter \(summary.format.delimiterDescription)")
    }
}
