import Foundation
import PersonalData
import Testing
@testable import Ingest

/// Remarks are scanned for personal data at ingest; the report gives counts and kinds, never
/// the data itself (docs/privacy.md).
@Suite struct RemarkInspectionTests {
    /// Planted values (invented): an e-mail address, a mobile number, a BSN that passes the
    /// 11-proef (written bare, as a person types it) and one in a private column.
    static let email = "griet.vermeulen@voorbeeld.nl"
    static let phone = "06-31415926"
    static let bsn = "111222333"
    static let privateEmail = "privé.adres@example.org"

    static let header = "Naam;E-mailadres;Naam van uw gemeente;Ingevuld op;Aantal volgers Twitter;Burgers informeren;Kanalen - LinkedIn;Kanalen - Twitter;Wie gebruikt sociale media?;Opmerkingen;IP-adres;Extra"

    static let export = [
        header,
        "Griet;\(privateEmail);Hoorn;14-05-2012 09:31;10;Soms;;;;Mail me op \(email) of bel \(phone);;",   // 2: e-mail + phone
        "Kees;;Amsterdam;14-05-2012 09:31;20;Soms;;;;Mijn nummer is \(bsn), groet;;",                      // 3: BSN
        "Anna;;Den Bosch;14-05-2012 09:31;30;Soms;;;;Geen opmerkingen, prima enquête;;",                    // 4: nothing
        "Bert;;Hoorm;14-05-2012 09:31;40;Soms;;;;bel \(phone);;",                                           // 5: rejected, phone
        "Dirk;;Súdwest-Fryslân;14-05-2012 09:31;veel;Soms;;;;;;",                                          // 6: rejected, no remark
    ].joined(separator: "\r\n") + "\r\n"

    static func ingest() throws -> (SurveyIngestTests.Fixture, SurveyYear) {
        let fixture = try SurveyIngestTests.survey(export: Array(export.utf8))
        return (fixture, try fixture.ingest())
    }

    @Test func theReportCountsRemarksWithPersonalDataByKind() throws {
        let (_, year) = try Self.ingest()
        let report = year.report
        #expect(report.remarksRead == 4)
        #expect(report.remarksScanned == 4)
        #expect(report.remarksWithPersonalData == 3)
        #expect(report.personalDataByKind == [.email: 1, .phone: 2, .bsn: 1])
        #expect(report.remarkRowsWithPersonalData == [2, 3, 5])
        #expect(report.remarksSummary == "4 read, 4 scanned for personal data, 3 with personal data (e-mail address 1, phone number 2, BSN 1)")

        let text = report.text(year: 2012)
        #expect(text.contains("\n  remarks              4 read, 4 scanned for personal data, 3 with personal data (e-mail address 1, phone number 2, BSN 1)\n"))
        #expect(text.contains("\n    in rows            2, 3, 5\n"))
        #expect(text.contains("rejects.csv keeps the rejected rows as exported, personal data included: it belongs in the private Reports/ folder"))
    }

    @Test func noPlantedValueReachesTheReportOrAResponse() throws {
        let (fixture, year) = try Self.ingest()
        // Beside the survey folder: an output inside an input is refused.
        let elsewhere = try TestFolder()
        let reports = elsewhere.url.appendingPathComponent("Reports")
        try year.writeReports(to: reports, inputs: [fixture.survey.url])
        let report = try String(contentsOf: reports.appendingPathComponent("2012/ingest-report.txt"), encoding: .utf8)
        let responses = String(decoding: try JSONEncoder().encode(year.responses), as: UTF8.self)
        for planted in [Self.email, Self.phone, Self.bsn, Self.privateEmail, "31415926"] {
            #expect(!report.contains(planted), "report holds \(planted)")
            #expect(!responses.contains(planted), "responses hold \(planted)")
        }
        // rejects.csv is the one file that keeps original rows: row 5's remark is in it.
        let rejects = try String(contentsOf: reports.appendingPathComponent("2012/rejects.csv"), encoding: .utf8)
        #expect(rejects.contains("bel \(Self.phone)"))
    }

    @Test func aYearWithoutRemarksSaysSo() throws {
        let export = [Self.header, "Anna;;Hoorn;;1;Soms;;;;;;"].joined(separator: "\n")
        let year = try SurveyIngestTests.survey(export: Array(export.utf8)).ingest()
        #expect(year.report.remarksSummary == "0 read, 0 scanned for personal data, 0 with personal data")
        #expect(year.report.personalDataByKind.isEmpty)
        #expect(!year.report.text(year: 2012).contains("in rows"))
    }

    @Test func remarkRowsAreListedUpToTwenty() throws {
        var report = IngestReport(file: "x.csv", encoding: "utf-8", delimiter: ",", rowsRead: 0, accepted: 0, rejected: [:])
        let remarks = (2...30).map { RemarkText(row: $0, column: "Opmerkingen", text: "bel 06-1234567\($0 % 10)") }
        var inspection = RemarkInspection()
        for remark in remarks { inspection.inspect(remark) }
        inspection.write(into: &report)
        #expect(report.remarksWithPersonalData == 29)
        #expect(report.personalDataByKind == [.phone: 29])
        #expect(report.text(year: 2012).contains("    in rows            2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, …\n"))
    }

    /// A strict run prints its first reject; a cell holding personal data is shown as its kind.
    @Test func theStrictFailureMessageRedactsPersonalData() throws {
        let export = [Self.header,
                      "A;;\(Self.email);14-05-2012 09:31;1;Soms;;;;;;",
                      "B;;Hoorn;14-05-2012 09:31;1;Soms;;;;;;"].joined(separator: "\n")
        let fixture = try SurveyIngestTests.survey(export: Array(export.utf8))
        let error = try #require(throws: IngestError.self) { try fixture.ingest(strict: true) }
        let message = error.description
        #expect(!message.contains(Self.email))
        #expect(message.contains("first: 2012/export-2012.csv, row 2: column \"Naam van uw gemeente\": \"[e-mail address]\" is not a gemeente of 2012"))
        // rejects.csv still has the row as it was exported.
        #expect(try error.surveyYear?.rejectsCSV.contains(Self.email) == true)
    }

    @Test func redactionReplacesEachMatchByItsKindAndKeepsTheRest() {
        #expect(Redaction.redactingPersonalData("mail \(Self.email), bel \(Self.phone).")
                == "mail [e-mail address], bel [phone number].")
        #expect(Redaction.redactingPersonalData("café, geen gegevens") == "café, geen gegevens")
        #expect(Redaction.redactingPersonalData("é \(Self.bsn) ü") == "é [BSN] ü")
    }
}
