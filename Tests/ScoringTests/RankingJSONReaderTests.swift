import Foundation

import Testing
@testable import Scoring

/// The direct reader of Rankings/<year>.json must read exactly what JSONDecoder reads, and give
/// up (leaving the file to JSONDecoder) on anything it does not handle.
struct RankingJSONReaderTests {
    static func decoded(_ text: String) throws -> Ranking {
        try JSONDecoder().decode(Ranking.self, from: Data(text.utf8))
    }

    static let ranking = Ranking(
        year: 2012, model: "meetlat-2012", maximum: 230,
        parts: [ScorePart(id: "presence", label: "Aanwezigheid", maximum: 40), ScorePart(id: "followers", label: "Volgers", maximum: 60, weight: 2)],
        entries: [
            RankedGemeente(code: "GM0363", name: "Amsterdam", province: "Noord-Holland", sizeClass: "g4", inhabitants: 780_559,
                           parts: ["presence": 35, "followers": 50], total: 135, rank: 1, rankInSizeClass: 1, rankInProvince: 1,
                           rankInterval: RankInterval(median: 1, low: 1, high: 2),
                           uncertainty: GemeenteUncertainty(indices: ["weights": IndexPair(first: 0.125, total: -0.004)],
                                                            driver: "weights", driverLow: 1, driverHigh: 2),
                           flags: ["unknown:followers.facebook"],
                           explanation: [ExplanationLine(dimension: "followers", field: "followers", label: "Volgers",
                                                         answer: "ca. \"300\" \\ / \t", points: nil, reason: "som"),
                                         ExplanationLine(dimension: "presence", field: "channels", label: "Fryslân – LinkedIn",
                                                         answer: "ja", points: -5, reason: "actief op LinkedIn: 5 punten")]),
            RankedGemeente(code: "GM0796", name: "'s-Hertogenbosch", province: "Noord-Brabant", sizeClass: "100k", inhabitants: 142_817,
                           parts: [:], total: 0, rank: 2, rankInSizeClass: 1, rankInProvince: 1),
        ],
        uncertainty: UncertaintySummary(samples: 256, seed: 2012, evaluations: 768, assumptions: [
            AssumptionSummary(id: "weights", label: "Gewichten", varied: "de gewichten anders zijn", alternatives: ["tot 25 %"],
                              index: IndexPair(first: 0.25, total: 0.5, firstError: 0.01, totalError: 0.02)),
        ]),
        provenance: [ProvenanceNote(about: "model", basis: .reconstructed, text: "Onze keuze.")])

    @Test func readsWhatTheWriterWrites() throws {
        let data = try RankingsWriter.json(Self.ranking)
        let read = try #require(RankingJSONReader.read(data))
        #expect(read == (try JSONDecoder().decode(Ranking.self, from: data)))
        #expect(read == Self.ranking)
    }

    @Test func readsTheDemoRankingsAsJSONDecoderDoes() throws {
        for year in [2011, 2012, 2013] {
            let data = try Data(contentsOf: RankingFile.url(year: year, rankings: Fixtures.rankings))
            let read = try #require(RankingJSONReader.read(data), "\(year)")
            #expect(read == (try JSONDecoder().decode(Ranking.self, from: data)), "\(year)")
        }
    }

    @Test func nullOptionalsAndEscapesAsJSONDecoderReadsThem() throws {
        let text = """
            {"year":2012,"model":"m","maximum":10,"uncertainty":null,
             "parts":[{"id":"a","label":"A\\/B\\n","maximum":10,"weight":1}],
             "entries":[{"code":"GM1","name":"N","province":"P","sizeClass":"s","inhabitants":0,"parts":{"a":-3},
                         "total":0,"rank":1,"rankInSizeClass":1,"rankInProvince":1,"rankInterval":null,"flags":[],
                         "explanation":[{"dimension":"a","field":"a","label":"l","answer":"x","points":null,"reason":"r"}]}]}
            """
        let read = try #require(RankingJSONReader.read(Data(text.utf8)))
        #expect(read == (try Self.decoded(text)))
    }

    @Test func givesUpOnWhatItDoesNotHandle() throws {
        let good = String(decoding: try RankingsWriter.json(Self.ranking), as: UTF8.self)
        #expect(RankingJSONReader.read(Data(good.utf8)) != nil)
        let variants = [
            good.replacingOccurrences(of: "\"year\" : 2012", with: "\"year\" : 2012, \"extra\" : 1"),   // unknown key
            good.replacingOccurrences(of: "\"year\" : 2012", with: "\"year\" : 2012.0"),                // not a whole number
            good.replacingOccurrences(of: "\"year\" : 2012", with: "\"year\" : 2012, \"year\" : 2013"), // a key twice
            good.replacingOccurrences(of: "Amsterdam", with: "Amst\\u00e9rdam"),                        // \u escape
            good.replacingOccurrences(of: "\"maximum\" : 230", with: "\"maximum\" : 0230"),             // leading zero
            good.replacingOccurrences(of: "\"total\" : 0", with: "\"total\" : \"0\""),                  // wrong type
            good.replacingOccurrences(of: "\"rank\" : 2,", with: ""),                                   // missing key
            good + "x",                                                                                 // trailing text
            String(good.dropLast(3)),                                                                   // cut short
        ]
        for (number, variant) in variants.enumerated() {
            #expect(variant != good, "variant \(number) changed nothing")
            #expect(RankingJSONReader.read(Data(variant.utf8)) == nil, "variant \(number)")
        }
        // JSONDecoder still reads an unknown key and a \u escape, so RankingFile.load does too.
        #expect((try Self.decoded(variants[0])) == Self.ranking)
        #expect((try Self.decoded(variants[3])).entries[0].name == "Amstérdam")
    }
}
