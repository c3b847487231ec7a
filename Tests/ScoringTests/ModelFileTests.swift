import Core
import Foundation
import Testing
@testable import Scoring

@Suite struct ModelFileTests {
    /// A survey year with channels and purposes no Swift code knows, defined only in a file.
    static let model2030 = """
        # A future year: TikTok and Instagram, other purposes, per-channel presence points.
        name: meetlat-2030
        label: Socialmediameetlat 2030
        maximum: 114
        discrepancy: { relative: 0.3, absolute: 20 }
        dimensions:
          - id: presence
            label: Aanwezigheid
            kind: presence
            field: kanalen
            points: 4
            options:
              tiktok: { label: TikTok, points: 6 }
              instagram: Instagram
              mastodon: Mastodon
            maximum: 14
          - id: bereik
            label: Volgers per inwoner
            kind: per_inhabitant
            points_per_percent: 2
            cap: 20
            fields:
              followers.tiktok: TikTok (volgers)
              followers.instagram: Instagram (volgers)
          - id: doelen
            label: Doelen
            kind: choice_points
            values: { nooit: 0, maandelijks: 3, wekelijks: 6, dagelijks: 10 }
            fields:
              doel.video: Korte video's
              doel.jongeren: Jongeren bereiken
              doel.werving: Werving van personeel
            weight: 2
        uncertainty:
          samples: 32
          seed: 7
          assumptions:
            weights: { label: Gewichten, varied: de gewichten anders zijn, spread: 0.1, distribution: triangular }
            follower_rule: { label: Volgers, varied: volgers anders tellen, points_per_percent: [1, 2], cap_percent: [10, 15] }
            aggregation: { label: Samentellen, varied: anders wordt samengeteld, alternatives: [sum, rank] }
        provenance:
          - { about: model, basis: published, text: Uit het verslag., source: Verslag 2030, lines: "regels 1-2" }
          - { about: bereik, basis: reconstructed, text: Onze keuze. }
        """

    func writeModel(_ text: String, named name: String, in folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try text.write(to: folder.appendingPathComponent("\(name).yaml"), atomically: true, encoding: .utf8)
    }

    @Test func aNewYearNeedsOnlyAModelFile() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try writeModel(Self.model2030, named: "meetlat-2030", in: folder)
        let model = try ModelLibrary(folder: folder).model(named: "meetlat-2030")
        #expect(model.maximum == 14 + 40 + 2 * 30)
        #expect(model.uncertainty.samples == 32 && model.uncertainty.seed == 7)
        #expect(model.uncertainty.assumptions.map(\.kind) == [
            .weights(spread: 0.1, distribution: .triangular), .followerRule(pointsPerPercent: [1, 2], capPercent: [10, 15]),
            .aggregation([.sum, .rank]),
        ])
        #expect(model.discrepancy == DiscrepancyThreshold(relative: 0.3, absolute: 20))
        #expect(model.provenance.map(\.basis) == [.published, .reconstructed])

        let reference = Fixtures.reference([("GM0001", "Aa", "P", 50_000), ("GM0002", "Bb", "P", 20_000)], year: 2030)
        let survey = Fixtures.survey(2030, model: "meetlat-2030", [
            Response(gemeente: "GM0001", row: 2, values: [
                "kanalen": .selection(["tiktok", "instagram"]),
                "followers.tiktok": Fixtures.count(2_500),      // 5 % × 2 = 10
                "followers.instagram": Fixtures.count(6_000),   // 12 % × 2 = 24 → capped 20
                "doel.video": .choice("dagelijks"), "doel.jongeren": .choice("wekelijks"), "doel.werving": .choice("nooit"),
            ]),
            Response(gemeente: "GM0002", row: 3, values: [
                "kanalen": .selection(["mastodon"]),
                "followers.tiktok": .missing,
                "followers.instagram": Fixtures.count(50),      // 0,25 % × 2 = 0,5 → 1
                "doel.video": .choice("maandelijks"), "doel.jongeren": .missing, "doel.werving": .choice("dagelijks"),
            ]),
        ])
        let ranking = try Ranker.rank(survey, model: model, reference: reference)
        let first = try #require(ranking.entries.first)
        #expect(first.code == "GM0001")
        #expect(first.parts == ["presence": 10, "bereik": 30, "doelen": 16])
        #expect(first.total == 10 + 30 + 2 * 16)
        let second = ranking.entries[1]
        #expect(second.parts == ["presence": 4, "bereik": 1, "doelen": 13])
        #expect(second.total == 4 + 1 + 26)
        #expect(second.flags == ["unknown:doel.jongeren", "unknown:followers.tiktok"])
        #expect(ranking.parts.map(\.id) == ["presence", "bereik", "doelen"])
        #expect(ranking.entries.allSatisfy { $0.explanation?.compactMap(\.points).reduce(0, +) == $0.total })
    }

    @Test func unknownModelNameListsTheModelsFound() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try writeModel(Self.model2030, named: "meetlat-2030", in: folder)
        try writeModel(Self.model2030.replacingOccurrences(of: "name: meetlat-2030", with: "name: alpha"), named: "alpha", in: folder)
        #expect(throws: ModelLibraryError.unknownModel(name: "meetlat-2031", folder: folder.path,
                                                       available: ["alpha", "meetlat-2030"])) {
            try ModelLibrary(folder: folder).model(named: "meetlat-2031")
        }
        let message = ModelLibraryError.unknownModel(name: "meetlat-2031", folder: folder.path,
                                                     available: ["alpha", "meetlat-2030"]).description
        #expect(message.contains("meetlat-2031") && message.contains("models found: alpha, meetlat-2030"))
    }

    @Test func repositoryModelsAreTheThreeDefaults() {
        #expect(Fixtures.models.available() == ["meetlat-2011", "meetlat-2012", "meetlat-2013"])
    }

    @Test func fileNameAndModelNameMustAgree() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try writeModel(Self.model2030, named: "other", in: folder)
        #expect { try ModelLibrary(folder: folder).model(named: "other") } throws: { error in
            String(describing: error).hasSuffix("other.yaml:2:7: name: expected `other` (the file's name), found `meetlat-2030`")
        }
    }

    /// Each broken variant of the 2030 model and the message it must give: key path, line, expectation.
    @Test(arguments: [
        ("cap: 20", "cap: twintig", ":21:10: dimensions[2].cap: expected a whole number from 0 to 1000000, found `twintig`"),
        ("cap: 20", "cpa: 20", ":21:5: dimensions[2]: unknown key `cpa`; did you mean `cap`?"),
        ("cap: 20", "limit: 20", ":21:5: dimensions[2]: unknown key `limit`; expected one of `id`, `label`, `kind`, `weight`, `maximum`, `description`, `points_per_percent`, `cap`, `fields`, `channel_field`, `source`"),
        ("kind: choice_points", "kind: points", ":27:11: dimensions[3].kind: expected one of presence, per_inhabitant, choice_points, scaled_ratings, found `points`"),
        ("maximum: 114", "maximum: 230", ":4:10: maximum: declares 230, but the dimensions add up to 114 (14 + 40 + 2 × 30)"),
        ("    maximum: 14", "    maximum: 15", ":16:14: dimensions[1].maximum: declares 15, but the rules of dimension 'presence' give at most 14"),
        ("id: bereik", "id: presence", "dimension id 'presence' is used twice"),
        ("spread: 0.1", "spread: 1.5", "uncertainty.assumptions.weights.spread: expected a fraction from 0 up to (not including) 1"),
        ("alternatives: [sum, rank]", "alternatives: [rank, geometric]", "uncertainty.assumptions.aggregation.alternatives: must include today's choice 'sum'"),
        ("alternatives: [sum, rank]", "alternatives: [sum, median]", "uncertainty.assumptions.aggregation.alternatives[2]: expected one of `sum`, `geometric`, `rank`, found `median`"),
        ("points_per_percent: [1, 2]", "points_per_percent: [3, 4]", "follower_rule.points_per_percent: must include today's 2 points per percent"),
        ("cap_percent: [10, 15]", "cap_percent: [12, 15]", "follower_rule.cap_percent: must include today's cap of 10 %"),
        ("    weights: {", "    wieghts: {", "uncertainty.assumptions: unknown key `wieghts`; did you mean `weights`?"),
        ("samples: 32", "samples: 1", "uncertainty.samples: expected a whole number from 2 to 1000000, found `1`"),
        ("basis: reconstructed", "basis: guessed", "provenance[2].basis: expected one of `published`, `reconstructed`, found `guessed`"),
        ("about: bereik", "about: volgers", "provenance[2].about: expected 'model' or a dimension id (presence, bereik, doelen)"),
        (", source: Verslag 2030, lines: \"regels 1-2\"", "", "provenance[1]: a published rule needs its source and lines"),
        ("relative: 0.3", "relative: 3", "discrepancy.relative: expected a fraction"),
        ("followers.tiktok: TikTok (volgers)", "followers.tiktok: { label: TikTok, channel: tiktok }", "dimensions[2].fields.followers.tiktok: names a channel, but the dimension has no `channel_field`"),
        ("followers.tiktok: TikTok (volgers)", "followers.tiktok: { label: TikTok, source: gemeten }", "dimensions[2].fields.followers.tiktok.source: expected one of `reported`, `measured`, `measured_else_reported`, found `gemeten`"),
        ("    label: Doelen\n", "", "dimensions[3]: missing key `label`"),
        ("doel.werving: Werving van personeel", "followers.tiktok: Nog eens", "field 'followers.tiktok' is already scored by dimension 'bereik'"),
        ("weight: 2", "weight: -1", "dimensions[3].weight: expected a whole number from 0 to 1000000, found `-1`"),
        ("points_per_percent: 2", "points_per_percent: 99999999999", "dimensions[2].points_per_percent: expected a whole number from 0 to 1000000, found `99999999999`"),
        ("dimensions:", "dimensions: []\nx:", ":7:1: unknown key `x`; expected one of `name`, `label`, `description`, `maximum`, `uncertainty`, `provenance`, `discrepancy`, `dimensions`"),
    ])
    func invalidModelsGiveClearMessages(original: String, replacement: String, message: String) throws {
        let text = Self.model2030.replacingOccurrences(of: original, with: replacement)
        #expect(text != Self.model2030)
        #expect { try ModelParser.parse(text, file: "models/meetlat-2030.yaml") } throws: { error in
            let description = String(describing: error)
            return description.hasPrefix("models/meetlat-2030.yaml") && description.contains(message)
        }
    }

    @Test func scaledRatingsAreValidated() throws {
        let text = """
            name: x
            label: X
            dimensions:
              - id: usage
                label: Gebruik
                kind: scaled_ratings
                scale: 70
                ratings: { minimum: 1, maximum: 10, unanswered: 0 }
                fields: { application.a: A }
            """
        #expect { try ModelParser.parse(text, file: "x.yaml") } throws: { error in
            String(describing: error) == "x.yaml:8:53: dimensions[1].ratings.unanswered: expected a rating from 1 to 10, found `0`"
        }
    }

    /// The configuration reader rejects a key given twice, so the model reader need not check it.
    @Test func aKeyGivenTwiceIsRejected() {
        #expect { try ModelParser.parse("name: x\nname: y\nlabel: X\ndimensions: []\n", file: "twice.yaml") } throws: { error in
            String(describing: error) == "twice.yaml:2:1: the key `name` is given twice (first on line 1); each key may appear once"
        }
    }

    @Test func brokenYamlNamesTheFile() {
        #expect { try ModelParser.parse("name: [unclosed", file: "bad.yaml") } throws: { error in
            String(describing: error).hasPrefix("bad.yaml:2:1: not valid YAML: ")
        }
    }
}
