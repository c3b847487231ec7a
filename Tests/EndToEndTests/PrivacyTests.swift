import Core
import Foundation
import Ingest
import MeetlatTestSupport
import PersonalData
import Scoring
import Testing

/// The privacy rule (docs/privacy.md) from export to Rankings/ and Statistics/, through the
/// built binary: a respondent's name, e-mail, phone and remarks are read, counted and kept out of
/// everything but the private rejects.csv.
@Suite struct PrivacyTests {
    /// Distinctive invented values, planted in the private columns and the remarks.
    static let name = "Wendelmoet Plantinga-Zwerus"
    static let email = "wendelmoet.zwerus@geheim-voorbeeld.nl"
    static let phone = "06-24681357"
    static let remarkPhone = "010-7654321"
    static let remarkEmail = "w.z@planted.example.nl"
    static let bsn = "111222333"
    static let remark = "Bel \(remarkPhone) of mail \(remarkEmail), BSN \(bsn)"
    /// Every planted value, also as the bare digits a reformatting could leave.
    static let planted = [name, "Plantinga", email, "geheim-voorbeeld", phone, "24681357", remarkPhone, "7654321",
                          remarkEmail, "planted.example", bsn, remark]
    /// Rows of the export that hold the planted values: an accepted one and a rejected one.
    static let plantedRow = 5

    /// A 2012 survey of every gemeente, with the planted values in row 5 and in an extra row
    /// whose gemeente does not exist (so it is rejected and kept in rejects.csv).
    static func survey() throws -> GeneratedSurvey {
        let survey = try GeneratedSurvey(samples: 16)
        let rejected = [name, email, phone, "Atlantis", "01-05-2012 10:00"] + GeneratedSurvey.channels.map { _ in "" }
            + ["1", "2", "3"] + GeneratedSurvey.purposes.map { _ in "Soms" } + [remark]
        try survey.writeYear(2012, seed: 7, personal: { row in
            row == plantedRow ? [name, email, phone, remark] : GeneratedSurvey.genericPersonal(row)
        }, extraRows: [rejected])
        return survey
    }

    static func expectNoPlantedValue(in text: String, _ place: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for value in planted {
            #expect(!text.localizedCaseInsensitiveContains(value), "\(place) holds the planted \(value.debugDescription)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func ingestCountsPersonalDataInRemarksAndPrintsNoneOfIt() throws {
        let survey = try Self.survey()
        let ingest = try MeetlatBinary.run(survey.arguments(["ingest"]), in: survey.root)
        #expect(ingest.status == 0, "meetlat ingest failed: \(ingest.stderr)")

        // The report shows counts and kinds, on the terminal and in the file.
        let rejectedRow = try #require(ingest.stdout.firstMatch(of: /rows read +(\d+)/).flatMap { Int($0.1) }) + 1
        let summary = "2 with personal data (e-mail address 2, phone number 2, BSN 2)"
        #expect(ingest.stdout.contains(summary))
        #expect(ingest.stdout.contains("in rows            \(Self.plantedRow), \(rejectedRow)\n"))
        #expect(ingest.stdout.contains("rejects.csv keeps the rejected rows as exported, personal data included: it belongs in the private Reports/ folder"))
        let report = try String(contentsOf: survey.reports.appendingPathComponent("2012/ingest-report.txt"), encoding: .utf8)
        #expect(report.contains(summary))
        Self.expectNoPlantedValue(in: ingest.stdout + ingest.stderr, "meetlat ingest's output")

        // rejects.csv is the one file that keeps the original row; nothing else holds a planted value.
        let files = try GeneratedSurvey.files(under: survey.reports)
        #expect(files.keys.sorted() == ["2012/ingest-report.txt", "2012/rejects.csv"])
        let rejects = String(decoding: try #require(files["2012/rejects.csv"]), as: UTF8.self)
        #expect(rejects.contains(Self.email) && rejects.contains(Self.remark))
        for (path, data) in files where path != "2012/rejects.csv" {
            Self.expectNoPlantedValue(in: String(decoding: data, as: UTF8.self), "Reports/\(path)")
        }
    }

    @Test func rankingsHoldOnlyThePublishListAndNoPlantedValue() throws {
        let survey = try Self.survey()
        let score = try MeetlatBinary.run(survey.arguments(["score"]), in: survey.root)
        #expect(score.status == 0, "meetlat score failed: \(score.stderr)")
        Self.expectNoPlantedValue(in: score.stdout + score.stderr, "meetlat score's output")

        let files = try GeneratedSurvey.files(under: survey.rankings)
        #expect(files.keys.sorted() == ["2012-answers.json", "2012.csv", "2012.json"])
        for (path, data) in files {
            Self.expectNoPlantedValue(in: String(decoding: data, as: UTF8.self), "Rankings/\(path)")
        }
        // The site's own guard finds nothing either.
        let scan = try PersonalDataDetector.publishedOutput.scanFolder(survey.rankings.path)
        #expect(scan.isClean, "\(scan.findings.map(\.description))")

        // The planted row's gemeente is ranked: its data was used, its respondent was not.
        let ranking = try JSONDecoder().decode(Ranking.self, from: try #require(files["2012.json"]))
        #expect(ranking.entries.count > 250)

        // Exactly the publish list: the CSV's columns, and every key of the JSON.
        let csv = String(decoding: try #require(files["2012.csv"]), as: UTF8.self)
        let header = csv.prefix { $0 != "\n" }
        #expect(header == PublishList.columns(for: ranking.parts).map(\.name).joined(separator: ","))
        let json = try JSONSerialization.jsonObject(with: try #require(files["2012.json"]))
        let keys = Self.keys(of: json, at: "")
        let allowed: [String: Set<String>] = [
            "": PublishList.rankingKeys, "parts[]": PublishList.partKeys, "uncertainty": PublishList.uncertaintyKeys,
            "uncertainty.assumptions[]": PublishList.assumptionKeys, "uncertainty.assumptions[].index": PublishList.indexKeys,
            "provenance[]": PublishList.provenanceKeys,
            "entries[]": PublishList.entryKeys, "entries[].parts": Set(ranking.parts.map(\.id)),
            "entries[].rankInterval": PublishList.rankIntervalKeys, "entries[].explanation[]": PublishList.explanationKeys,
            "entries[].uncertainty": PublishList.entryUncertaintyKeys,
            "entries[].uncertainty.indices": Set(ranking.uncertainty?.assumptions.map(\.id) ?? []),
        ]
        // Every assumption's pair of indices holds exactly the index keys.
        let indexPaths = Set(keys.keys).filter { $0.hasPrefix("entries[].uncertainty.indices.") }
        for path in indexPaths { #expect(keys[path]?.isSubset(of: PublishList.indexKeys) == true, "\(path)") }
        #expect(Set(keys.keys).subtracting(indexPaths) == Set(allowed.keys))
        for (path, found) in keys where !indexPaths.contains(path) {
            #expect(found.isSubset(of: allowed[path] ?? []), "\(path) holds \(found.subtracting(allowed[path] ?? []).sorted())")
        }
    }

    /// Statistics/ is what the site knows of a survey: counts, shares and labels, never a
    /// respondent's details or remarks.
    @Test func statisticsHoldNoPlantedValue() throws {
        let survey = try Self.survey()
        let stats = try MeetlatBinary.run(survey.arguments(["stats", "--write"]), in: survey.root)
        #expect(stats.status == 0, "meetlat stats --write failed: \(stats.stderr)")
        Self.expectNoPlantedValue(in: stats.stdout + stats.stderr, "meetlat stats's output")

        let files = try GeneratedSurvey.files(under: survey.statistics)
        #expect(files.keys.sorted() == ["2012.json", "reference.json"])
        for (path, data) in files {
            Self.expectNoPlantedValue(in: String(decoding: data, as: UTF8.self), "Statistics/\(path)")
        }
        let scan = try PersonalDataDetector.publishedOutput.scanFolder(survey.statistics.path)
        #expect(scan.isClean, "\(scan.findings.map(\.description))")
        // The planted row was counted: its answers are in the tables, its respondent is not.
        let statistics = try JSONSerialization.jsonObject(with: try #require(files["2012.json"])) as? [String: Any]
        #expect((statistics?["respondents"] as? Int ?? 0) > 250)
    }

    /// Keys of every JSON object, by where it sits (`entries[].explanation[]`).
    static func keys(of value: Any, at path: String) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        if let object = value as? [String: Any] {
            result[path, default: []].formUnion(object.keys)
            for (key, inner) in object {
                result.merge(keys(of: inner, at: path.isEmpty ? key : "\(path).\(key)")) { $0.union($1) }
            }
        } else if let array = value as? [Any] {
            for inner in array { result.merge(keys(of: inner, at: path + "[]")) { $0.union($1) } }
        }
        return result
    }
}
