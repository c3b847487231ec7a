import Foundation
import TableFiles

/// The rows of a log export, header first, as text cells: what the webcare analysis needs from a
/// file. Read through `TableFiles` (CSV, XLSX or SPSS, chosen by the file's extension), the same
/// readers survey exports go through.
public struct LogRows: Sendable {
    public let url: URL
    /// How messages name the file.
    public let displayName: String
    public var options: TableFile.Options
    /// Progress on a terminal for big logs.
    public var progressLabel: String?

    public init(url: URL, displayName: String, options: TableFile.Options = .init(), progressLabel: String? = nil) {
        self.url = url
        self.displayName = displayName
        self.options = options
        self.progressLabel = progressLabel
    }

    /// Calls `header` once and `row` with every row that holds something, in order; returns the
    /// rows that held nothing at all (skipped, by number) and a description of the format.
    func read(header: ([String]) throws -> Void, row: (TableRow) throws -> Void) throws -> (blankRows: [Int], format: String) {
        let reader = try TableFile.reader(for: url, displayName: displayName, options: options)
        let summary = try reader.read(progressLabel: progressLabel, header: { try header($0.columns.map(\.name)) }, row: row)
        let details = summary.details.map { "\($0.label) \($0.value)" }.joined(separator: ", ")
        return (summary.blankRows, summary.format.name + (details.isEmpty ? "" : ", " + details))
    }
}
