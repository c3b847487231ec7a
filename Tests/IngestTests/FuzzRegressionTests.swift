import Foundation
import Support
import Testing
@testable import Ingest

/// Inputs found by `scripts/fuzz.sh` (Fuzz/README.md) and its invariants, reduced to what
/// broke, and kept so the bug stays fixed.
@Suite struct FuzzRegressionTests {
    /// Reads `text` back through the reader, as a researcher's script reading rejects.csv would.
    static func readBack(_ text: String, in folder: TestFolder) throws -> [[String]] {
        try folder.write("rejects-copy.csv", text)
        let read = folder.readCSV("rejects-copy.csv", options: .init(encoding: .utf8, delimiter: .comma))
        if let error = read.error { throw error }
        return read.records.map(\.fields)
    }

    /// Fuzzer (ingest target): a rejected row whose remark held a Windows line break ("\r\n",
    /// one Character in Swift) went into rejects.csv unquoted and split into two rows, so
    /// rejects.csv no longer had one row per reject.
    @Test func aRejectedRowWithAWindowsLineBreakStaysOneRowOfRejectsCSV() throws {
        let header = SurveyIngestTests.header.replacingOccurrences(of: ";", with: ",")
        let export = header + "\r\n"
            + "Jan,,Hoorm,,1,Soms,,,,\"Goed\r\ntweede regel\",,\r\n"
            + "Piet,,Hoorn,,1,Soms,,,,,,\r\n"
        let survey = try SurveyIngestTests.survey(export: Array(export.utf8))
        let year = try survey.ingest()
        #expect(try year.rejects.map(\.reason) == [.unknownGemeente])
        #expect(try year.rejects.first?.original[9] == "Goed\r\ntweede regel")

        let rows = try Self.readBack(year.rejectsCSV, in: survey.folder)
        #expect(rows.count == 2)
        #expect(rows.last?.count == 3 + 12)
        #expect(rows.last?[3 + 9] == "Goed\r\ntweede regel")
    }

    /// Found while writing the csv target's round-trip invariant: a quoted field with spaces at
    /// its ends lost them when written and read again (libcsv trims unquoted fields), so
    /// rejects.csv did not keep the row as read.
    @Test func quotedSpacesAroundAFieldSurviveRejectsCSV() throws {
        let header = SurveyIngestTests.header.replacingOccurrences(of: ";", with: ",")
        let export = header + "\n" + "\" Jan \",,\"  Hoorm\",,1,Soms,,,,\"\tx\",,\n" + "Piet,,Hoorn,,1,Soms,,,,,,\n"
        let survey = try SurveyIngestTests.survey(export: Array(export.utf8))
        let year = try survey.ingest()
        let original = try #require(try year.rejects.first?.original)
        #expect(original[0] == " Jan " && original[2] == "  Hoorm" && original[9] == "\tx")
        let rows = try Self.readBack(year.rejectsCSV, in: survey.folder)
        // A cell starting with a tab is written as text for spreadsheets ('\tx); its original is known.
        #expect(rows[1][3 + 9] == "'\tx")
        #expect(Array(rows[1].dropFirst(3)).map(CSVWriter.originalCell) == original)
    }
}
