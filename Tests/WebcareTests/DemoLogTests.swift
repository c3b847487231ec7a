import Foundation
import PersonalData
import Testing
@testable import Webcare

/// `meetlat webcare` on the demo log (Webcare/demo, synthetic) against the figures its generator
/// worked out from the conversations it made (Webcare/demo/verwacht.json): two implementations
/// of every definition, one in Python from the generated conversations, one in Swift from the CSV.
@Suite struct DemoLogTests {
    static let demo = repositoryRoot.appendingPathComponent("Webcare/demo")
    static let run: Result<WebcareRun.Result, Error> = Result {
        try runWebcare(log: demo.appendingPathComponent("berichten.csv"), mapping: try loadMapping(demo.appendingPathComponent("mapping.yaml")))
    }
    nonisolated(unsafe) static let expected: Result<[String: Any], Error> = Result {
        let data = try Data(contentsOf: demo.appendingPathComponent("verwacht.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    var report: WebcareReport { get throws { try Self.run.get().report } }

    func expectedOrganisation(_ name: String) throws -> [String: Any] {
        let organisations = try #require(try Self.expected.get()["organisations"] as? [String: Any])
        return try #require(organisations[name] as? [String: Any])
    }

    @Test func everyRowIsAccountedFor() throws {
        let expected = try Self.expected.get()
        let log = try report.log
        #expect(log.rowsRead == expected["rows_read"] as? Int)
        #expect(log.messages == expected["messages"] as? Int)
        #expect(log.skipped == expected["skipped"] as? Int)
        let rejected = Dictionary(uniqueKeysWithValues: log.rejectedByReason.map { ($0.key.rawValue, $0.value) })
        #expect(rejected == expected["rejected"] as? [String: Int])
        #expect(log.warnings.isEmpty, "every column of the demo export is read or ignored")
    }

    @Test(arguments: ["Gemeente Lindendaal", "Zuiderlicht Telecom"])
    func everyMonthsMeasuresMatchTheGenerator(organisation name: String) throws {
        let organisation = try #require(try report.organisations.first { $0.name == name })
        let months = try #require(try expectedOrganisation(name)["months"] as? [String: [String: Any]])
        #expect(try report.periodKeys.count == 12)
        for key in try report.periodKeys {
            let id = try report.period.identifier(key)
            let want = try #require(months[id], "month \(id)")
            let got = try #require(organisation.periods[key]).all
            func check(_ field: String, _ value: Int?, sourceLocation: SourceLocation = #_sourceLocation) {
                #expect(value == want[field] as? Int, "\(name) \(id) \(field)", sourceLocation: sourceLocation)
            }
            check("inbound_messages", got.inboundMessages)
            check("outbound_messages", got.outboundMessages)
            check("conversations", got.conversations)
            check("inbound_conversations", got.inboundConversations)
            check("answered", got.answered)
            check("frt_median", got.firstResponseClock.percentile(50))
            check("frt_p90", got.firstResponseClock.percentile(90))
            check("frt_business_median", got.firstResponseBusiness.percentile(50))
            check("frt_business_p90", got.firstResponseBusiness.percentile(90))
            check("within_1h", got.answeredWithinHourClock)
            check("within_24h", got.answeredWithinDayClock)
            check("within_1h_business", got.answeredWithinHourBusiness)
            check("within_24h_business", got.answeredWithinDayBusiness)
            check("resolved", got.resolved)
            check("doorloop_median", got.doorlooptijdClock.percentile(50))
            check("doorloop_p90", got.doorlooptijdClock.percentile(90))
            check("doorloop_business_median", got.doorlooptijdBusiness.percentile(50))
            check("doorloop_business_p90", got.doorlooptijdBusiness.percentile(90))
            check("first_contact_resolved", got.firstContactResolved)
            check("reopened", got.reopened)
            check("public_started", got.publicStarted)
            check("moved_private", got.movedPrivate)
            check("unanswered_at_end", got.unansweredAtEnd)
        }
    }

    /// Tabel 2 of the thesis, for the demo's two organisations: every planted piece of personal
    /// data found, in the right row, and nothing else.
    @Test(arguments: ["Gemeente Lindendaal", "Zuiderlicht Telecom"])
    func privacyAuditFindsWhatWasPlanted(organisation name: String) throws {
        let audit = try #require(try report.organisations.first { $0.name == name }?.audit)
        let want = try #require(try expectedOrganisation(name)["audit"] as? [String: Any])
        let planted = try #require(want["categories"] as? [String: Int])
        for (index, category) in try report.categories.enumerated() {
            #expect(audit.messagesByCategory[index] == planted[category.label] ?? 0, "\(name): \(category.label)")
        }
        #expect(audit.publicMessages == want["public_messages"] as? Int)
        #expect(audit.conversations == want["conversations"] as? Int)
        #expect(audit.askedPrivate == want["asked_private"] as? Int)
        #expect(audit.advisedDelete == want["advised_delete"] as? Int)
        #expect(audit.repeatedPublicly == want["repeated_publicly"] as? Int)
        #expect(audit.noAdvice == want["no_advice"] as? Int)
        #expect(audit.publicWithoutAdvice == want["public_without_advice"] as? [String])
    }

    /// The seasons the generator wrote in: the October storm, December's fireworks, the summer
    /// pool, March's outage and July's price rise come out on top of their month.
    @Test func seasonalTopicsRise() throws {
        func topics(_ name: String, _ month: Int) throws -> [String] {
            let organisation = try #require(try report.organisations.first { $0.name == name })
            return (organisation.topics[2025 * 12 + month - 1] ?? []).map(\.term)
        }
        #expect(try topics("Gemeente Lindendaal", 10).contains("storm"))
        #expect(try topics("Gemeente Lindendaal", 12).contains("vuurwerk"))
        #expect(try topics("Gemeente Lindendaal", 6).contains("zwembad"))
        #expect(try topics("Zuiderlicht Telecom", 3).first == "storing")
        #expect(try topics("Zuiderlicht Telecom", 7).contains("prijsverhoging"))
        // Stop words, names of authors and personal data are never topics.
        let all = try report.organisations.flatMap { $0.topics.values.flatMap { $0.map(\.term) } }
        #expect(!all.contains { repositoryRules.stopWords.contains($0) })
        #expect(!all.contains { $0.hasPrefix("@") || $0.contains(where: \.isNumber) })
        #expect(!all.contains { ["sanne", "hendriks", "jansen", "lindelaan", "kerkstraat"].contains($0) })
    }

    @Test func theSameLogGivesTheSameBytes() throws {
        let first = try Self.run.get()
        let again = try runWebcare(log: Self.demo.appendingPathComponent("berichten.csv"),
                                   mapping: try loadMapping(Self.demo.appendingPathComponent("mapping.yaml")))
        #expect(first.csv == again.csv)
        #expect(first.json == again.json)
        #expect(first.html == again.html)
    }
}
