import Foundation
import Testing
@testable import XLSX

/// The .xlsx writer (libxlsxwriter): text that looks like a formula stays text, and the same
/// sheets give the same bytes. (The browser tests read the site's workbooks back with openpyxl.)
@Suite struct WorkbookTests {
    /// The XML of a member of the zip `data`, read by Python's zipfile (a reader independent of
    /// the writer).
    func member(_ name: String, of data: Data) throws -> String {
        let folder = try TemporaryFolder("xlsx")
        let file = folder.url.appendingPathComponent("book.xlsx")
        try data.write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())",
                             file.path, name]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func formulaLikeTextIsWrittenAsText() throws {
        let risky = ["=1+1", "+31 6 1234", "-2+3", "@SUM(A1)", "=HYPERLINK(\"http://example.com\")"]
        let sheet = XLSXWorkbook.Sheet(name: "Blad", rows: [[.text("Waarde"), .text("Getal")]] + risky.map { [.text($0), .number(1.5)] })
        let data = try XLSXWorkbook.data([sheet], created: 1_356_998_400)
        let xml = try member("xl/worksheets/sheet1.xml", of: data)
        #expect(!xml.contains("<f>"), "no formula cells")
        #expect(xml.contains("t=\"s\""), "text cells are shared strings")
        let strings = try member("xl/sharedStrings.xml", of: data)
        for text in risky {
            let escaped = text.replacingOccurrences(of: "\"", with: "&quot;")
            #expect(strings.contains(escaped) || strings.contains(text), "\(text)")
        }
        #expect(xml.contains("<v>1.5</v>"), "numbers stay numbers")
    }

    @Test func theSameSheetsGiveTheSameBytes() throws {
        let sheets = [XLSXWorkbook.Sheet(name: "Ranglijst 2013", rows: [[.text("Rang"), .text("Gemeente")], [.number(1), .text("Veghel")]],
                                         notes: ["Toelichting: een zin"]),
                      XLSXWorkbook.Sheet(name: "Ranglijst 2013", rows: [[.text("dubbele naam")]])]
        let first = try XLSXWorkbook.data(sheets, created: 1_356_998_400)
        let second = try XLSXWorkbook.data(sheets, created: 1_356_998_400)
        #expect(first == second)
        let workbook = try member("xl/workbook.xml", of: first)
        #expect(workbook.contains("name=\"Ranglijst 2013\"") && workbook.contains("name=\"Ranglijst 2013 (2)\""))
    }

    /// The site writes the editions' workbooks on all cores at once, and libxlsxwriter dates a
    /// workbook with `gmtime`, whose result lives in one buffer for the whole process: two
    /// workbooks closed at once could swap creation dates (issue 20). Each of many workbooks
    /// written concurrently has the bytes it has when written alone. (The window is a few
    /// instructions wide, so without the lock this test catches the swap only now and then.)
    @Test func workbooksWrittenConcurrentlyAreWrittenAsAlone() throws {
        let years = Array(1990..<2090)
        let created = years.map { ($0 - 1970) * 31_556_952 }
        let sheets = years.map { year in
            [XLSXWorkbook.Sheet(name: "Ranglijst \(year)", rows: [[.text("Rang"), .text("Gemeente")], [.number(1), .text("Veghel")]])]
        }
        let alone = try years.indices.map { try XLSXWorkbook.data(sheets[$0], created: created[$0]) }
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var data: [Int: Data] = [:]
        }
        for _ in 0..<5 {
            let results = Results()
            DispatchQueue.concurrentPerform(iterations: years.count) { index in
                let data = try? XLSXWorkbook.data(sheets[index], created: created[index])
                results.lock.lock()
                results.data[index] = data
                results.lock.unlock()
            }
            let differing = years.indices.filter { results.data[$0] != alone[$0] }.map { years[$0] }
            #expect(differing.isEmpty, "workbooks written concurrently differ from the same written alone: \(differing)")
        }
    }

    @Test func sheetNamesExcelAccepts() {
        var used: Set<String> = []
        #expect(XLSXWorkbook.uniqueName("Tabel: 7/2 [a]?", used: &used) == "Tabel- 7-2 -a--")
        #expect(XLSXWorkbook.uniqueName(String(repeating: "x", count: 40), used: &used).count == 31)
    }
}
