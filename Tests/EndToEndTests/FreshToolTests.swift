import Core
import Foundation
import MeetlatTestSupport
import Ingest
import Testing
import TestFixtures

/// A questionnaire nobody tuned meetlat for (Tests/Fixtures/make_fixtures.py, `fresh`): another
/// tool, reworded questions, new channels (WhatsApp, Snapchat), new answer labels (Nooit / Af en
/// toe / Vaak, "Ja, vastgesteld", "Wordt aan gewerkt"), exported as XLSX and as SPSS. The
/// researcher runs `meetlat init`, decides the TODO lines and nothing else, ingests and scores.
@Suite struct FreshToolTests {
    struct Answers: Decodable {
        struct Answer: Decodable {
            var gemeente: String
            var submitted: String
            var channels: [String]
            var counts: [String: Int?]
            var usage: [String: String]
            var policy: String
        }
        var answers: [Answer]
    }

    static let channels = ["twitter": "Twitter", "facebook": "Facebook", "linkedin": "LinkedIn", "youtube": "YouTube",
                           "instagram": "Instagram", "whatsapp": "WhatsApp", "snapchat": "Snapchat"]
    static let channelOrder = ["twitter", "facebook", "linkedin", "youtube", "instagram", "whatsapp", "snapchat"]
    static let question = "Via welke sociale media communiceert de gemeente met inwoners?"

    /// What the researcher decides for a TODO line, by the first column it names.
    static let decisions: [String: String] = {
        let columns = channelOrder.map { "\($0): \"\(question) - \(channels[$0]!)\"" }.joined(separator: ", ")
        let optionColumns = "  channels: { type: multi, columns: { \(columns) } }"
        var decisions: [String: String] = [:]
        for value in channelOrder { decisions["\(question) - \(channels[value]!)"] = optionColumns }
        decisions[question] = "  channels: { type: multi, column: \"\(question)\", separator: \";\", labels: { "
            + channelOrder.map { "\"\(channels[$0]!)\": \($0)" }.joined(separator: ", ") + " } }"
        return decisions
    }()

    /// The draft with every TODO line replaced by the researcher's decision; nothing else changed.
    static func review(_ draft: String) throws -> (text: String, decided: Int) {
        var lines: [String] = []
        var decided = 0
        for line in draft.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            guard line.contains("# TODO"), !line.hasPrefix("# ") else {
                lines.append(line)
                continue
            }
            let column = try #require(line.firstMatch(of: /TODO columns? "([^"]+)"/).map { String($0.1) }, "a TODO line names no column: \(line)")
            let decision = try #require(decisions[column], "no decision for the TODO line of \(column)")
            decided += 1
            lines.append(decision)
        }
        return (lines.joined(separator: "\n"), decided)
    }

    final class Survey {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("meetlat-fresh-\(UUID().uuidString)")
        var surveys: URL { root.appendingPathComponent("Surveys") }

        init() throws {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Fixtures.package.appendingPathComponent("Surveys"), to: surveys)
        }

        deinit {
            try? FileManager.default.removeItem(at: root)
        }

        func run(_ arguments: [String]) throws -> MeetlatBinary.Result {
            try MeetlatBinary.run(arguments + ["--surveys", surveys.path], in: root)
        }
    }

    @Test(arguments: ["xlsx", "sav"])
    func draftedReviewedIngestedAndScoredWithoutASwiftChange(format: String) throws {
        let survey = try Survey()
        let export = try Fixtures.url("fresh/export-2014.\(format)")
        let initRun = try survey.run(["init", "2014", "--export", export.path, "--model", "meetlat-2012"])
        #expect(initRun.status == 0, "meetlat init failed: \(initRun.stderr)")
        let summary = try #require(initRun.stderr.firstMatch(of: /(\d+) of (\d+) columns mapped, (\d+) to review/))
        print("fresh \(format): \(summary.0)")
        let mappingURL = survey.surveys.appendingPathComponent("2014/mapping.yaml")
        let draft = try String(contentsOf: mappingURL, encoding: .utf8)
        #expect(FileManager.default.fileExists(atPath: survey.surveys.appendingPathComponent("2014/export-2014.\(format)").path))
        // The draft is a valid mapping as it stands; ingest names what it leaves open.
        #expect(throws: Never.self) { try Mapping.parse(yaml: draft, displayName: "draft") }

        let reviewed = try Self.review(draft)
        #expect(reviewed.decided == draft.components(separatedBy: "\n  # TODO").count - 1)
        try reviewed.text.write(to: mappingURL, atomically: true, encoding: .utf8)
        let ingest = try survey.run(["ingest", "--year", "2014", "--strict", "--reports", survey.root.appendingPathComponent("Reports").path])
        #expect(ingest.status == 0, "meetlat ingest failed: \(ingest.stderr)")
        #expect(!ingest.stdout.contains("neither mapped nor ignored"), "\(ingest.stdout)")

        // Every answer as the questionnaire's truth has it.
        let folder = SurveyFolder(survey.surveys)
        let year = try folder.ingest(year: 2014, reference: try folder.reference(), strict: true)
        let truth = try JSONDecoder().decode(Answers.self, from: Data(contentsOf: try Fixtures.url("fresh/answers.json")))
        let reference = try folder.reference()
        #expect(year.responses.count == truth.answers.count)
        for answer in truth.answers {
            let gemeente = try #require(reference.gemeenten(in: 2014).first { $0.name == answer.gemeente })
            let response = try #require(year.responses.first { $0.gemeente == gemeente.code }, "\(answer.gemeente) missing")
            #expect(response.submittedAt == answer.submitted + (answer.submitted.count == 16 ? ":00" : ""))
            #expect(response["channels"] == .selection(Set(answer.channels)), "\(answer.gemeente): channels")
            for (channel, count) in answer.counts {
                let expected: FieldValue = count.map { .number(Double($0), approximate: false) } ?? .missing
                #expect(response["followers.\(channel)"] == expected, "\(answer.gemeente): followers.\(channel)")
            }
            for (purpose, value) in answer.usage { #expect(response["usage.\(purpose)"] == .choice(value)) }
            #expect(response["policy"] == .choice(answer.policy))
        }

        let rankings = survey.root.appendingPathComponent("Rankings")
        let score = try survey.run(["score", "--year", "2014", "--rankings", rankings.path])
        #expect(score.status == 0, "meetlat score failed: \(score.stderr)")
        let csv = try String(contentsOf: rankings.appendingPathComponent("2014.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == truth.answers.count + 1)
    }
}
