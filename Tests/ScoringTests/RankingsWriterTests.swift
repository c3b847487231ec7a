import Core
import Foundation
import Ingest
import PersonalData
import Support
import TableFiles
import Testing
@testable import Scoring

@Suite struct RankingsWriterTests {
    /// Values a survey export holds about the respondent. If any reached Rankings/, these exact
    /// strings would be found in the bytes.
    static let privateValues = ["Jan Jansen", "jan.jansen@hoorn.nl", "06-12345678", "bel mij even terug"]

    func ranking() throws -> Ranking {
        let reference = Fixtures.reference([
            ("GM0405", "Hoorn", "Noord-Holland", 71_703), ("GM0001", "Súdwest-Fryslân", "Fryslân", 83_000),
            ("GM0002", "Ede, \"Gld\"", "Gelderland", 110_000),
        ])
        func response(_ code: String, twitter: Double, usage: String) -> Response {
            var values: [String: FieldValue] = [
                "channels": .selection(["twitter", "facebook"]), "followers.twitter": Fixtures.count(twitter),
                "followers.facebook": .missing, "followers.linkedin": Fixtures.count(10, approximate: true),
            ]
            for purpose in ["informeren", "reageren", "interacteren", "crisiscommunicatie", "signaleren", "pers_volgen",
                            "pers_reageren"] {
                values["usage.\(purpose)"] = .choice(usage)
            }
            // Whatever a mapping might (wrongly) have put into a response: never scored, never written.
            values["respondent.name"] = .choice(Self.privateValues[0])
            values["respondent.email"] = .choice(Self.privateValues[1])
            values["respondent.phone"] = .choice(Self.privateValues[2])
            values["remarks"] = .choice(Self.privateValues[3])
            return Response(gemeente: code, row: 2, values: values)
        }
        let survey = Fixtures.survey(2012, model: "meetlat-2012", [
            response("GM0405", twitter: 2_150, usage: "vaak"), response("GM0001", twitter: 900, usage: "soms"),
            response("GM0002", twitter: 2_000, usage: "vaak"),
        ])
        return try Ranker.rank(survey, model: try Fixtures.model("meetlat-2012"), reference: reference,
                               uncertainty: UncertaintySettings(samples: 16, seed: 5, assumptions: [
                                   Assumption(label: "Gewichten", varied: "de gewichten anders zijn", kind: .weights(spread: 0.25, distribution: .uniform)),
                               ]))
    }

    @Test func csvHasExactlyThePublishListColumns() throws {
        let ranking = try ranking()
        let csv = RankingsWriter.csv(ranking)
        let lines = csv.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == """
            code,name,province,size_class,inhabitants,score_presence,score_followers,score_usage,total,rank,\
            rank_size_class,rank_province,rank_median,rank_low,rank_high,rank_driver,flags
            """)
        #expect(PublishList.columns(for: ranking.parts).map(\.name).joined(separator: ",") == String(lines[0]))
        #expect(lines[1] == "GM0405,Hoorn,Noord-Holland,50k-100k,71703,10,12,70,92,1,1,1,1,1,1,,approximate:followers.linkedin unknown:followers.facebook")
        #expect(lines[2].hasPrefix("GM0002,\"Ede, \"\"Gld\"\"\",Gelderland,ge100k,110000,10,7,70,87,2,1,1,"))
        #expect(lines.count == 5 && lines[4].isEmpty)   // LF after every row, no CR
        #expect(!csv.contains("\r"))
    }

    @Test func filesAreByteIdenticalAcrossWrites() throws {
        let first = try Fixtures.temporaryFolder(), second = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: first); try? FileManager.default.removeItem(at: second) }
        let publication = try RankingsWriter.write([try ranking()], to: first, inputs: [])
        try RankingsWriter.write([try ranking()], to: second, inputs: [])
        #expect(publication.notes.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: publication.folder.path).sorted() == ["2012.csv", "2012.json"])
        for name in ["2012.csv", "2012.json"] {
            let a = try Data(contentsOf: first.appendingPathComponent(name))
            let b = try Data(contentsOf: second.appendingPathComponent(name))
            #expect(!a.isEmpty && a == b)
        }
        // Writing again over existing files leaves no temporary files behind.
        try RankingsWriter.write([try ranking()], to: first, inputs: [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: first.path).sorted() == ["2012.csv", "2012.json"])
    }

    @Test func jsonHasSortedKeysAndOnlyPublishListFields() throws {
        let ranking = try ranking()
        let data = try RankingsWriter.json(ranking)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasSuffix("}\n"))
        // Fractions are written from fixed-point text: at most three decimals, the same on every machine.
        #expect(text.range(of: #"\d\.\d{4}"#, options: .regularExpression) == nil)
        #expect(text.contains("\"spread\"") == false && text.contains("\"samples\" : 16"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(root.keys) == PublishList.rankingKeys.subtracting(["observations"]))
        let entries = try #require(root["entries"] as? [[String: Any]])
        for entry in entries {
            #expect(Set(entry.keys).isSubset(of: PublishList.entryKeys))
            for line in entry["explanation"] as? [[String: Any]] ?? [] {
                #expect(Set(line.keys).isSubset(of: PublishList.explanationKeys))
            }
        }
        // Keys appear in sorted order: "code" before "explanation" before "flags" ...
        let hoorn = try #require(text.range(of: "\"code\" : \"GM0405\""))
        #expect(text[hoorn.upperBound...].range(of: "\"explanation\"")!.lowerBound
            < text[hoorn.upperBound...].range(of: "\"flags\"")!.lowerBound)
        // The JSON reads back as the same ranking.
        #expect(try JSONDecoder().decode(Ranking.self, from: data) == ranking)
    }

    @Test func personalDataNeverReachesRankings() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try RankingsWriter.write([try ranking()], to: folder, inputs: [])
        for name in ["2012.csv", "2012.json"] {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for value in Self.privateValues { #expect(!text.contains(value), "\(value) found in \(name)") }
            for field in ["respondent", "remarks", "email", "phone"] { #expect(!text.contains(field)) }
        }
    }

    @Test func aKeyOffThePublishListIsRefused() throws {
        let json = Data(#"{"year": 2012, "entries": [{"code": "GM0405", "email": "x@y.nl"}]}"#.utf8)
        #expect(throws: PublishError(year: 2012, key: "entries[].email")) {
            try RankingsWriter.checkPublishList(json, year: 2012, parts: [])
        }
        let part = Data(#"{"entries": [{"parts": {"presence": 5, "remarks": 1}}]}"#.utf8)
        #expect(throws: PublishError(year: 2012, key: "entries[].parts.remarks")) {
            try RankingsWriter.checkPublishList(part, year: 2012, parts: ["presence"])
        }
    }

    /// Names and provinces come from the reference and labels from the models: a cell that a
    /// spreadsheet would run (`=HYPERLINK(…)`) is written as text, and reads back (libcsv) as
    /// the guarded text whose original `CSVWriter.originalCell` restores.
    @Test func formulaCellsAreWrittenAsText() throws {
        var ranking = try ranking()
        let hostile = [("=HYPERLINK(\"http://x.example\",\"Hoorn\")", "@Noord-Holland"), ("+31 Fryslân", "-Fryslân"), ("-3", "Gelderland")]
        for (index, (name, province)) in hostile.enumerated() {
            ranking.entries[index].name = name
            ranking.entries[index].province = province
        }
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("2012.csv")
        try Data(RankingsWriter.csv(ranking).utf8).write(to: file)
        var rows: [[String]] = []
        _ = try CSVReader(url: file).read { rows.append($0.fields) }
        for (index, (name, province)) in hostile.enumerated() {
            let row = rows[index + 1]
            #expect(row[1] == (name == "-3" ? "-3" : "'" + name), "a plain number keeps its sign")
            #expect(row[2] == (province.hasPrefix("@") || province.hasPrefix("-") ? "'" + province : province))
            #expect(row.map(CSVWriter.originalCell) == PublishList.columns(for: ranking.parts).map { $0.value(ranking.entries[index]) })
        }
    }

    /// Item 16 of issue 19: personal data that reaches a ranking through a model's label (or a
    /// mapping's value) is found before anything is written, and nothing is.
    @Test func personalDataInALabelStopsTheWriteAndWritesNothing() throws {
        var ranking = try ranking()
        ranking.parts[0].label = "Aanwezigheid (vragen: jan.jansen@hoorn.nl)"
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try RankingsWriter.write([try self.ranking()], to: folder, inputs: [])
        let before = try Data(contentsOf: folder.appendingPathComponent("2012.json"))
        let error = #expect(throws: PublicationRefused.self) { try RankingsWriter.write([ranking], to: folder, inputs: []) }
        let message = error?.description ?? ""
        #expect(message.contains("\(folder.path)/2012.json:"))
        #expect(message.contains("e-mail address 'ja*.******@*****.nl'"))
        #expect(!message.contains("jan.jansen@hoorn.nl"), "the message does not repeat the data")
        #expect(try Data(contentsOf: folder.appendingPathComponent("2012.json")) == before, "the previous file stays")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["2012.csv", "2012.json"])
    }
}
