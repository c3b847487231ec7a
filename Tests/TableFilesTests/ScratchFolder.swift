import Foundation
@testable import TableFiles

/// A fresh temporary folder per test, removed when the test is done with it.
final class ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("meetlat-table-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    @discardableResult
    func write(_ path: String, _ text: String) throws -> URL {
        try write(path, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ path: String, bytes: [UInt8]) throws -> URL {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file
    }

    /// Reads a CSV file written here; returns the records (header included) or the error.
    func readCSV(_ path: String, options: CSVReader.Options = .init()) -> (records: [CSVRecord], summary: CSVSummary?, error: Error?) {
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
    func readTable(_ path: String, options: TableFile.Options = .init()) throws -> (header: TableHeader, rows: [TableRow], summary: TableSummary) {
        try TableFile.reader(for: url.appendingPathComponent(path), displayName: path, options: options).readAll()
    }
}

/// Windows-1252 bytes of text (only for characters that encoding has).
func windows1252(_ text: String) -> [UInt8] {
    var table: [Unicode.Scalar: UInt8] = [:]
    for byte in UInt8(0x80)...UInt8(0xFF) {
        let scalar = Windows1252.scalar(for: byte)
        if scalar != 0, let unicode = Unicode.Scalar(scalar) { table[unicode] = byte }
    }
    return text.unicodeScalars.map { $0.isASCII ? UInt8($0.value) : (table[$0] ?? UInt8(ascii: "?")) }
}
