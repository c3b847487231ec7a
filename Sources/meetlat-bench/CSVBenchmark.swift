import Foundation
import Ingest
import Support
import TableFiles

/// CSV ingest throughput: one timed read of an export through Ingest's libcsv reader
/// (`CSVReader`), printed as JSON (wall and CPU seconds, what was read) for `Benchmarks/run.py`,
/// which runs it interleaved with Python's csv module and pandas on the same file.
///
/// - `--mode fields`: every field of every record decoded to a `String` (what `csv.reader`
///   produces: rows of strings).
/// - `--mode numbers`: the same, plus every cell of the `--columns` read as a Dutch number with
///   `DutchNumber.read` (what pandas produces with `decimal=','` and `thousands='.'`: typed
///   numeric columns). Prints per column the sum and count of the values read, so the runner
///   can check that both read the same numbers.
enum CSVBenchmark {
    static func run(_ arguments: [String]) throws {
        let options = try BenchmarkOptions(arguments, allowed: ["file", "mode", "columns", "encoding", "delimiter"])
        let path = options.string("file", default: "")
        guard !path.isEmpty else { throw BenchmarkError(message: "--file <export.csv> is required") }
        let mode = options.string("mode", default: "fields")
        guard mode == "fields" || mode == "numbers" else {
            throw BenchmarkError(message: "--mode expects fields or numbers, found `\(mode)`")
        }
        let columns = try columnIndices(options.string("columns", default: ""))
        if mode == "numbers" && columns.isEmpty {
            throw BenchmarkError(message: "--mode numbers needs --columns <0-based indices, comma-separated>")
        }
        let encodingText = options.string("encoding", default: "auto")
        let encoding = TextEncoding(rawValue: encodingText)
        guard encoding != nil || encodingText == "auto" else {
            throw BenchmarkError(message: "--encoding expects auto, utf-8 or windows-1252, found `\(encodingText)`")
        }
        let delimiterText = options.string("delimiter", default: "auto")
        let delimiter = CSVDelimiter(rawValue: delimiterText)
        guard delimiter != nil || delimiterText == "auto" else {
            throw BenchmarkError(message: "--delimiter expects auto, \",\" or \";\", found `\(delimiterText)`")
        }

        let reader = CSVReader(url: URL(fileURLWithPath: path),
                               options: .init(encoding: encoding, delimiter: delimiter))
        var tally = Tally(columns: columns.count)
        var summary: CSVSummary?
        let seconds: Double
        let processorStart = processorSeconds()
        if mode == "fields" {
            seconds = try measure {
                summary = try reader.read { record in
                    tally.rows += 1
                    tally.fields += record.fields.count
                }
            }
        } else {
            seconds = try measure {
                summary = try reader.read { record in
                    tally.rows += 1
                    tally.fields += record.fields.count
                    guard record.row > 1 else { return }   // the header
                    for (slot, index) in columns.enumerated() where index < record.fields.count {
                        tally.add(DutchNumber.read(record.fields[index]), slot: slot)
                    }
                }
            }
        }

        let processor = processorSeconds() - processorStart

        var result: [String: JSONValue] = [
            "seconds": .number(seconds),
            "cpu_seconds": .number(processor),
            "rows": .number(Double(tally.rows)),
            "fields": .number(Double(tally.fields)),
            "bytes": .number(Double(summary?.bytes ?? 0)),
            "encoding": .string(summary?.format.encodingDescription ?? ""),
        ]
        if mode == "numbers" {
            result["sums"] = .array(tally.sums.map { .number($0) })
            result["counts"] = .array(tally.counts.map { .number(Double($0)) })
            result["invalid"] = .number(Double(tally.invalid))
        }
        print(JSONValue.object(result).text, terminator: "")
    }

    private static func columnIndices(_ text: String) throws -> [Int] {
        guard !text.isEmpty else { return [] }
        return try text.split(separator: ",").map { part in
            guard let index = Int(part), index >= 0 else {
                throw BenchmarkError(message: "--columns expects 0-based column indices separated by commas, found `\(part)`")
            }
            return index
        }
    }

    /// What a read saw: records, fields and, per numeric column, the sum and count of values.
    private struct Tally {
        var rows = 0
        var fields = 0
        var sums: [Double]
        var counts: [Int]
        var invalid = 0

        init(columns: Int) {
            sums = Array(repeating: 0, count: columns)
            counts = Array(repeating: 0, count: columns)
        }

        mutating func add(_ reading: DutchNumber.Reading, slot: Int) {
            switch reading {
            case .value(let value, _):
                sums[slot] += value
                counts[slot] += 1
            case .missing:
                break
            case .invalid:
                invalid += 1
            }
        }
    }
}
