import Foundation
import Testing
@testable import Ingest
import TestFixtures

/// Issue 19, item 13: repeated warnings are capped. A header of eleven million unmapped columns
/// wrote a warning per column (1.28 GB of report); now the first twenty of a kind are given in
/// full, then one line with the count of the rest.
@Suite struct WarningCapTests {
    @Test func aHeaderOfManyUnmappedColumnsGivesTwentyWarningsAndACount() throws {
        let extra = 50_000
        let header = SurveyIngestTests.header + String(repeating: ";Kolom", count: extra)
        let padding = String(repeating: ";", count: extra)
        let export = [header,
                      "Anna;;Hoorn;14-05-2012 09:31;10;Soms;;;;;;" + padding,
                      ";;;;;;;;;;;" + padding,     // empty
                      ";;;;;;;;;;;" + padding]     // empty
            .joined(separator: "\r\n") + "\r\n"
        let fixture = try SurveyIngestTests.survey(export: Array(export.utf8))
        let year = try fixture.ingest()
        let unmapped = year.report.warnings.filter { $0.contains("is neither mapped nor ignored") }
        #expect(unmapped.count == Warnings.shownPerKind)
        #expect(unmapped.first == "column 12 \"Extra\" is neither mapped nor ignored (list it under respondent.ignore if it is not needed)")
        #expect(year.report.warnings == unmapped + ["… and \(extra + 1 - 20) more columns neither mapped nor ignored",
                                                    "2 empty rows skipped (rows 3, 4)"])
        #expect(year.report.isBalanced && year.report.accepted == 1)
        // The report stays a page, whatever the header (before: about 100 bytes per column).
        #expect(year.report.text(year: 2012).utf8.count < 8_000)
    }

    @Test func eachKindIsCappedOnItsOwnAndCountedRightAfterItsLastShownWarning() {
        var warnings = Warnings()
        for index in 1...25 { warnings.append("a \(index)", kind: "of kind a") }
        warnings.append("b 1", kind: "of kind b")
        for index in 26...30 { warnings.append("a \(index)", kind: "of kind a") }
        #expect(warnings.list == (1...20).map { "a \($0)" } + ["… and 10 more of kind a", "b 1"])
    }

    @Test func millionsOfEmptyRowsAreCountedNotListed() {
        var empty = EmptyRows()
        for row in stride(from: 3, to: 2_000_003, by: 2) { empty.add(row) }
        empty.add([2, 4, 6], count: 1_000_000)
        #expect(empty.count == 2_000_000)
        #expect(empty.warning == "2000000 empty rows skipped (rows 2, 3, 4, 5, 6, 7, 9, 11, 13, 15, …)")
    }
}
