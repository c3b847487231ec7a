import Foundation
import TableFiles

/// A fresh temporary folder per test, removed when the test is done with it.
public final class ScratchFolder {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("meetlat-table-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    @discardableResult
    public func write(_ path: String, _ text: String) throws -> URL {
        try write(path, bytes: Array(text.utf8))
    }

    @discardableResult
    public func write(_ path: String, bytes: [UInt8]) throws -> URL {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file
    }

    /// Reads a CSV file written here; returns the records (header included) or the error.
    public func readCSV(_ path: String, options: CSVReader.Options = .init()) -> (records: [CSVRecord], summary: CSVSummary?, error: Error?) {
        var records: [CSVRecord] = []
        do {
            let summary = try CSVReader(url: url.appendingPathComponent(path), displayName: path, options: options)
                .read { records.append($0) }
            return (records, summary, nil)
        } catch {
            return (records, nil, error)
        }
    }

    /// Reads any table file written here through `TableFile.reader`.
    public func readTable(_ path: String, options: TableFile.Options = .init()) throws -> (header: TableHeader, rows: [TableRow], summary: TableSummary) {
        try TableFile.reader(for: url.appendingPathComponent(path), displayName: path, options: options).readAll()
    }
}

/// Windows-1252 bytes of text (only for characters that encoding has; others become `?`).
public func windows1252(_ text: String) -> [UInt8] {
    text.map { character in
        String(character).data(using: .windowsCP1252).map { [UInt8]($0) } ?? [UInt8(ascii: "?")]
    }.flatMap { $0 }
}
