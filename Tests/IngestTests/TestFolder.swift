import Core
import Foundation
@testable import Ingest
@testable import Tabular

/// A fresh temporary folder per test, removed when the test is done with it.
final class TestFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("meetlat-ingest-tests-\(UUID().uuidString)")
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

/// A small reference: 's-Hertogenbosch with alias Den Bosch, Súdwest-Fryslân, Hoorn, the two
/// Bergens, and Anna Paulowna which merged into Hollands Kroon on 1 January 2012.
let referenceFiles: [String: String] = [
    "reference/gemeenten.csv": """
        code,name,province,first_year,last_year,successor
        GM0796,'s-Hertogenbosch,Noord-Brabant,1812,,
        GM1900,Súdwest-Fryslân,Fryslân,2011,,
        GM0405,Hoorn,Noord-Holland,1812,,
        GM0365,Anna Paulowna,Noord-Holland,1870,2011,GM1911
        GM1911,Hollands Kroon,Noord-Holland,2012,,
        GM0363,Amsterdam,Noord-Holland,1812,,
        GM0373,Bergen (NH.),Noord-Holland,1812,,
        GM0893,Bergen (L.),Limburg,1812,,

        """,
    "reference/aliases.csv": """
        code,alias
        GM0796,Den Bosch

        """,
    "reference/inhabitants.csv": """
        code,year,inhabitants,source,estimate
        GM0405,2012,71703,cbs-statline-37230ned,false
        GM1911,2012,47000,estimate-sum,true

        """,
    "reference/size-classes.csv": """
        id,label,minimum,maximum
        lt10k,< 10.000,0,9999
        10k-50k,10.000 – 49.999,10000,49999
        50k-100k,50.000 – 99.999,50000,99999
        ge100k,≥ 100.000,100000,

        """,
]

extension TestFolder {
    func loadReference() throws -> Reference {
        try ReferenceLoader.load(from: url.appendingPathComponent("reference"))
    }

    func writeReference(replacing overrides: [String: String] = [:]) throws {
        for (path, text) in referenceFiles.merging(overrides, uniquingKeysWith: { $1 }) { try write(path, text) }
    }
}
