import Foundation
import PersonalData
import Support
import TestFixtures
import Testing
@testable import Webcare

/// Every figure of Fixtures/small-log.csv, worked out by hand. Office hours Monday–Friday
/// 09:00–17:00, Europe/Amsterdam; the clocks go forward on Sunday 30 March 2025.
///
/// | conv. | what happens | first response clock / office hours | resolution clock / office |
/// |---|---|---|---|
/// | A | Mon 3 Mar 16:30 → Tue 09:15, resolved with that reply | 1005 / 45 min | 1005 / 45 |
/// | P | the gemeente posts (Facebook), nobody asks | – | – |
/// | B | Fri 7 Mar 18:00 → Mon 10:00, second reply 11:00 resolves | 3840 / 60 | 3900 / 120 |
/// | C | Wed 12 Mar 10:00, klantnummer published, never answered | – | – |
/// | D | Mon 17 Mar 09:00 → 09:20 resolved; customer again 09:40 (reopened) → 10:00 resolved | 20 / 20 | 60 / 60 |
/// | E | Sat 22 Mar 12:00 phone number published → Mon 09:30 "DM + verwijder", DM reply 10:00 resolves | 2730 / 30 | 2760 / 60 |
/// | G | Sat 29 Mar 23:00 CET → Sun 30 Mar 04:00 CEST: 4 clock hours, not 5 | 240 / 0 | 240 / 0 |
/// | H | Tue 1 Apr 10:00 postcode + huisnummer → 10:10 reply repeating it, resolved | 10 / 10 | 10 / 10 |
/// | F | Thu 3 Apr 14:00, unanswered, the last message of the log | – | – |
@Suite struct HandCheckedLogTests {
    static let result: Result<WebcareRun.Result, Error> = Result {
        try runWebcare(log: fixtures.appendingPathComponent("small-log.csv"),
                       mapping: try loadMapping(fixtures.appendingPathComponent("small-log.yaml")))
    }

    var report: WebcareReport { get throws { try Self.result.get().report } }
    var gemeente: OrganisationReport { get throws { try #require(try report.organisations.first) } }

    @Test func everyRowIsAMessageASkippedRowOrARejectedRowWithItsReason() throws {
        let log = try report.log
        #expect(log.rowsRead == 24)
        #expect(log.messages == 20)
        #expect(log.skipped == 1)
        #expect(log.rejectedByReason == [.duplicate: 1, .invalidTime: 1, .unknownChannel: 1])
        #expect(log.blankRows == [5])
        #expect(log.warnings.contains { $0.contains("\"Tags\"") }, "an unmapped column is a warning")
        let messages = try Self.result.get().rejectMessages
        #expect(messages.contains { $0.contains("row 11") && $0.contains("\"31-02-2025 10:00\" is not a time written dd-MM-yyyy HH:mm") })
        #expect(messages.contains { $0.contains("row 15") && $0.contains("\"Instagram\" is not a channel") })
        #expect(messages.contains { $0.contains("row 4") && $0.contains("message id \"A2\"") })
    }

    @Test func periodsRunFromTheFirstMessageToTheLast() throws {
        #expect(try report.periodKeys == [month(2025, 3), month(2025, 4)])
        #expect(try gemeente.channels == ["Facebook", "Twitter", "Twitter-DM"])
        #expect(try gemeente.privateChannels == ["Twitter-DM"])
    }

    @Test func marchAllChannels() throws {
        let march = try #require(try gemeente.periods[month(2025, 3)]).all
        #expect(march.inboundMessages == 8)
        #expect(march.outboundMessages == 9)
        #expect(march.conversations == 7)  // A B C D E G and the gemeente's own post P
        #expect(march.inboundConversations == 6)
        #expect(march.responseRate == Proportion(5, of: 6))  // C is never answered
        // Clock minutes 20, 240, 1005, 2730, 3840: nearest-rank median the 3rd, p90 the 5th.
        #expect(march.firstResponseClock.percentile(50) == 1005)
        #expect(march.firstResponseClock.percentile(90) == 3840)
        #expect(march.withinHourClock == Proportion(1, of: 6))   // D
        #expect(march.withinDayClock == Proportion(3, of: 6))    // D, G, A
        // Office-hours minutes 0 (G, a weekend), 20, 30, 45, 60 (B: exactly one hour counts).
        #expect(march.firstResponseBusiness.percentile(50) == 30)
        #expect(march.firstResponseBusiness.percentile(90) == 60)
        #expect(march.withinHourBusiness == Proportion(5, of: 6))
        #expect(march.withinDayBusiness == Proportion(5, of: 6))
        #expect(march.resolved == 5)
        #expect(march.doorlooptijdClock.percentile(50) == 1005)    // 60, 240, 1005, 2760, 3900
        #expect(march.doorlooptijdBusiness.percentile(50) == 60)   // 0, 45, 60, 60, 120
        #expect(march.firstContactResolution == Proportion(2, of: 5))  // A and G: one reply, not reopened
        #expect(march.reopened == 1)
        #expect(march.movedPrivateShare == Proportion(1, of: 6))       // E went on in a DM
        #expect(march.unansweredAtEnd == 0)                       // C waited weeks before the log ended
    }

    @Test func marchPerChannel() throws {
        let march = try #require(try gemeente.periods[month(2025, 3)])
        let twitter = try #require(march.byChannel["Twitter"])
        #expect(twitter.inboundConversations == 5)  // A C D E G
        #expect(twitter.inboundMessages == 6)        // A1 C1 D1 D3 E1 G1
        #expect(twitter.firstResponseClock.percentile(50) == 240)  // 20, 240, 1005, 2730: rank ⌈0.5 × 4⌉ = 2
        let facebook = try #require(march.byChannel["Facebook"])
        #expect(facebook.conversations == 2)         // P and B
        #expect(facebook.inboundConversations == 1)
        #expect(facebook.firstResponseClock.percentile(50) == 3840)
        let dm = try #require(march.byChannel["Twitter-DM"])
        #expect(dm.inboundMessages == 1 && dm.outboundMessages == 1 && dm.conversations == 0)
    }

    @Test func aprilEndsWithAConversationStillWaiting() throws {
        let april = try #require(try gemeente.periods[month(2025, 4)]).all
        #expect(april.inboundConversations == 2)
        #expect(april.responseRate == Proportion(1, of: 2))
        #expect(april.firstResponseClock.percentile(50) == 10)
        #expect(april.firstContactResolution == Proportion(1, of: 1))
        #expect(april.unansweredAtEnd == 1)  // F
        let total = try gemeente.total.all
        #expect(total.inboundConversations == 8)
        #expect(total.answered == 6)
        #expect(total.firstResponseClock.percentile(50) == 240)  // 10, 20, 240, 1005, 2730, 3840
    }

    @Test func busiestHoursAreLocalWeekdayHours() throws {
        let hours = try gemeente.busiestHours
        #expect(hours[0 * 24 + 9] == 3)   // Monday 09: D1, D3, E3
        #expect(hours[0 * 24 + 16] == 1)  // Monday 16: A1
        #expect(hours[5 * 24 + 23] == 1)  // Saturday 23: G1 (22:00 UTC)
        #expect(hours.reduce(0, +) == 10)
    }

    @Test func privacyAuditOfPublicCustomerMessages() throws {
        let audit = try #require(try gemeente.audit)
        #expect(audit.publicMessages == 9)  // every inbound message but E3 (a DM)
        #expect(audit.messagesWithPersonalData == 3)
        #expect(audit.messagesByKind == [.customerNumber: 1, .phone: 1, .postcodeHuisnummer: 1])
        let rules = repositoryRules.categories.map(\.label)
        let counts = Dictionary(uniqueKeysWithValues: zip(rules, audit.messagesByCategory))
        #expect(counts["Adres"] == 1 && counts["Telefoonnummer"] == 1 && counts["Klant-/order-/factuurnummer"] == 1)
        #expect(audit.conversations == 3)        // C, E, H
        #expect(audit.askedPrivate == 1)         // E
        #expect(audit.advisedDelete == 1)        // E
        #expect(audit.repeatedPublicly == 1)     // H: the reply repeats 1234 AB 5
        #expect(audit.noAdvice == 2)             // C, H
        #expect(audit.publicWithoutAdvice == ["C", "H"])
    }

    @Test func outputsHoldAggregatesOnly() throws {
        let result = try Self.result.get()
        for text in [result.csv, result.json, result.html] {
            #expect(!text.contains("06-12345678") && !text.contains("1234 AB 5") && !text.contains("12345678"))
            #expect(!text.contains("klant_") && !text.contains("Klant B"))
            #expect(repositoryRules.reportDetector.matches(in: text).isEmpty)
        }
        #expect(result.csv.contains("kpi,Gemeente Voorbeeld,2025-03,all,response_rate,83.3,5,6\n"))
        #expect(result.csv.contains("kpi,Gemeente Voorbeeld,2025-03,all,first_response_median_business,30,5,\n"))
        #expect(result.csv.contains("public-without-advice,Gemeente Voorbeeld,total,public,H,,,\n"))
        #expect(result.html.contains("<h2 id=\"organisatie-1\">Gemeente Voorbeeld</h2>"))
    }
}

/// The same hand-checked log exported as XLSX by openpyxl (Tests/Fixtures/make_fixtures.py):
/// times as Excel date cells, read through TableFiles like survey exports, give the same report.
@Suite struct XLSXLogTests {
    @Test func anXLSXExportGivesTheSameFiguresAsTheCSV() throws {
        let xlsx = try Fixtures.url("webcare/small-log.xlsx")
        let mapping = try loadMapping(fixtures.appendingPathComponent("small-log.yaml"))
        let fromXLSX = try runWebcare(log: xlsx, mapping: mapping)
        let fromCSV = try HandCheckedLogTests.result.get()
        #expect(fromXLSX.report.log.rowsRead == 24)
        #expect(fromXLSX.report.log.blankRows == [5])
        #expect(fromXLSX.report.log.rejectedByReason == [.duplicate: 1, .invalidTime: 1, .unknownChannel: 1])
        #expect(fromXLSX.report.log.format.hasPrefix("XLSX"))
        // Apart from the file's name and format, the reports are the same to the byte.
        func comparable(_ json: String) -> String {
            json.split(separator: "\n").filter { !$0.contains("\"file\":") }.joined(separator: "\n")
        }
        #expect(comparable(fromXLSX.json) == comparable(fromCSV.json))
        #expect(fromXLSX.csv == fromCSV.csv)
    }
}
