import Configuration
import Core
import Foundation
import Testing
import TestFixtures
@testable import Ingest
import TableFiles

/// Ingest of an SPSS file written by pyreadstat (Tests/Fixtures/make_fixtures.py, units/labels.sav).
@Suite struct ExportFormatIngestTests {
    static let mapping = """
        year: 2012
        model: meetlat-2012
        export:
          file: labels.sav
        respondent:
          gemeente: "Naam van uw gemeente"      # a variable label
          timestamp:
            column: ingevuld                     # a variable name
            format: "dd-MM-yyyy HH:mm"           # the file types its dates: the format is not needed
          remarks: ["Toelichting"]
          ignore: ["Datum", "Tijd", "Heeft u beleid?"]
        fields:
          usage.informeren:
            type: choice
            column: q1
            labels: { "Nooit": niet, "Af en toe": soms, "Vaak": vaak }
          followers.twitter:
            type: number
            column: "Aantal volgers"
          channels:
            type: multi
            column: "Belangrijkste kanaal"
            separator: ";"
            labels: { "Twitter": twitter, "Facebook": facebook }

        """

    @Test func columnsByNameOrLabelValueLabelsMissingValuesAndTypedDates() throws {
        let folder = try TestFolder()
        try folder.writeReference()
        try folder.write("2012/mapping.yaml", Self.mapping)
        try folder.write("2012/labels.sav", bytes: [UInt8](Data(contentsOf: try Fixtures.url("units/labels.sav"))))
        let survey = SurveyFolder(folder.url)
        let year = try survey.ingest(year: 2012, reference: try survey.reference())
        #expect(year.report.format == "SPSS")
        #expect(year.report.rowsRead == 4 && year.report.isBalanced)
        let hoorn = try #require(year.responses.first { $0.gemeente == "GM0405" })
        #expect(hoorn.row == 1)
        #expect(hoorn.submittedAt == "2012-05-14T09:31:00")
        #expect(hoorn["usage.informeren"] == .choice("vaak"))
        #expect(hoorn["followers.twitter"] == .number(1212, approximate: false))
        #expect(hoorn["channels"] == .selection(["twitter"]))
        // Case 2: "Weet ik niet" is user-missing, 4.5 reads as 4,5.
        let fryslan = try #require(year.responses.first { $0.gemeente == "GM1900" })
        #expect(fryslan["usage.informeren"] == .missing)
        #expect(fryslan["followers.twitter"] == .number(4.5, approximate: false))
        // Case 3: system-missing everywhere it can be; "XX" has no label: rejected, row 3.
        #expect(try year.rejects.map(\.row) == [3, 4])
        #expect(try year.rejects.first?.reason == .unknownLabel)
        #expect(try year.rejects.first?.message.hasPrefix("2012/labels.sav, row 3: column \"Belangrijkste kanaal\"") == true)
        #expect(try year.rejects.last?.reason == .anonymous)
        #expect(year.report.remarksRead == 2)
    }

    @Test func settingsThatCannotApplyToTheFormatAreErrors() throws {
        func parse(_ export: String) throws -> Mapping {
            try Mapping.parse(yaml: Self.mapping.replacingOccurrences(of: "  file: labels.sav\n", with: export), displayName: "m.yaml")
        }
        #expect(try parse("  file: a.xlsx\n  sheet: Blad1\n").export.sheet == "Blad1")
        #expect(try parse("  file: a.XLSX\n").export.format == .xlsx)
        #expect(try parse("  file: a.zsav\n  encoding: auto\n").export.format == .sav)
        let sheet = #expect(throws: ConfigError.self) { try parse("  file: a.csv\n  sheet: Blad1\n") }
        #expect(sheet?.description == "m.yaml:5:10: export.sheet: applies to .xlsx files only")
        let skip = #expect(throws: ConfigError.self) { try parse("  file: a.sav\n  skip_rows: 1\n") }
        #expect(skip?.description.contains("an SPSS file has no header rows to skip") == true)
        let encoding = #expect(throws: ConfigError.self) { try parse("  file: a.xlsx\n  encoding: utf-8\n") }
        #expect(encoding?.description.contains("applies to CSV files only") == true)
        let xls = #expect(throws: ConfigError.self) { try parse("  file: a.xls\n") }
        #expect(xls?.description == "m.yaml:4:9: export.file: Excel 97-2003 workbooks (.xls) are not read; save the file as Excel workbook (.xlsx) or CSV")
    }
}
