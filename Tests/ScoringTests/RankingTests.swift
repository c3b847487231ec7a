import Core
import Testing
@testable import Scoring

@Suite struct RankingTests {
    @Test func equalTotalsShareARankAndTheNextSkips() {
        #expect(Ranker.competitionRanks(sortedBestFirst: [145, 129, 126, 126, 122]) == [1, 2, 3, 3, 5])
        #expect(Ranker.competitionRanks(sortedBestFirst: [114, 114, 114, 114, 100]) == [1, 1, 1, 1, 5])
        #expect(Ranker.competitionRanks(sortedBestFirst: [Int]()) == [])
    }

    /// 2011 scoring is the simplest: one self-score per channel. Totals are set through Twitter
    /// and Facebook self-scores, so each gemeente's total is known.
    func selfScores(_ code: String, _ total: Int) -> Response {
        let twitter = min(total, 5), facebook = min(max(total - 5, 0), 5), linkedin = max(total - 10, 0)
        func choice(_ value: Int) -> FieldValue { .choice(value == 0 ? "geen" : String(value)) }
        return Response(gemeente: code, row: 1, values: [
            "selfscore.twitter": choice(twitter), "selfscore.facebook": choice(facebook),
            "selfscore.linkedin": choice(linkedin), "selfscore.hyves": .choice("geen"),
            "selfscore.youtube": .choice("geen"), "selfscore.yammer": .choice("geen"),
        ])
    }

    @Test func ranksOverallWithinSizeClassAndWithinProvince() throws {
        let reference = Fixtures.reference([
            ("GM0001", "Zeewolde", "Flevoland", 20_000),
            ("GM0002", "Ede", "Gelderland", 110_000),
            ("GM0003", "Epe", "Gelderland", 32_000),
            ("GM0004", "Urk", "Flevoland", 19_000),
            ("GM0005", "Almere", "Flevoland", 190_000),
            ("GM0006", "Beek", "Limburg", 16_000),
        ], year: 2011)
        let survey = Fixtures.survey(2011, model: "meetlat-2011", [
            selfScores("GM0001", 12), selfScores("GM0002", 14), selfScores("GM0003", 12),
            selfScores("GM0004", 12), selfScores("GM0005", 9), selfScores("GM0006", 15),
        ])
        let ranking = try Ranker.rank(survey, model: try Fixtures.model("meetlat-2011"), reference: reference)
        // Ties listed by name: Epe, Urk, Zeewolde.
        #expect(ranking.entries.map(\.name) == ["Beek", "Ede", "Epe", "Urk", "Zeewolde", "Almere"])
        #expect(ranking.entries.map(\.total) == [15, 14, 12, 12, 12, 9])
        #expect(ranking.entries.map(\.rank) == [1, 2, 3, 3, 3, 6])
        // 10k-50k: Beek 15, Epe 12, Urk 12, Zeewolde 12 → 1, 2, 2, 2; ≥ 100k: Ede 14, Almere 9 → 1, 2.
        #expect(ranking.entries.map(\.sizeClass) == ["10k-50k", "ge100k", "10k-50k", "10k-50k", "10k-50k", "ge100k"])
        #expect(ranking.entries.map(\.rankInSizeClass) == [1, 1, 2, 2, 2, 2])
        // Flevoland: Urk 12, Zeewolde 12, Almere 9 → 1, 1, 3; Gelderland: Ede 14, Epe 12 → 1, 2; Limburg: Beek 1.
        #expect(ranking.entries.map(\.rankInProvince) == [1, 1, 2, 1, 1, 3])
        #expect(ranking.maximum == 30)
        #expect(ranking.parts == [ScorePart(id: "selfscore", label: "Eigen oordeel per kanaal", maximum: 30)])
        #expect(ranking.entries.allSatisfy { entry in
            entry.explanation?.compactMap(\.points).reduce(0, +) == entry.total
        })
    }

    @Test func tiesAreListedByNameIgnoringCaseAndAccents() {
        let entries = [("GM0003", "Zundert"), ("GM0001", "ede"), ("GM0004", "Súdwest-Fryslân"), ("GM0002", "Ede"),
                       ("GM0005", "Sint-Michielsgestel"), ("GM0006", "Aa en Hunze")]
            .map { RankedGemeente(code: $0.0, name: $0.1, province: "P", sizeClass: "s", inhabitants: 1, parts: [:],
                                  total: 10, rank: 0, rankInSizeClass: 0, rankInProvince: 0) }
        // "ede" and "Ede" fold equal: the exact name (upper case first in Unicode) then decides.
        #expect(Ranker.ordered(entries).map(\.name)
            == ["Aa en Hunze", "Ede", "ede", "Sint-Michielsgestel", "Súdwest-Fryslân", "Zundert"])
    }

    @Test func nameOrderFallsBackToCode() {
        #expect(NameOrder(name: "Bergen", code: "GM0373") < NameOrder(name: "Bergen", code: "GM0893"))
        #expect(NameOrder(name: "Ölst", code: "GM9") < NameOrder(name: "Olsz", code: "GM1"))
        #expect(NameOrder.fold("Súdwest-Fryslân") == "sudwest-fryslan")
    }

    @Test func missingInhabitantsIsAnErrorNamingGemeenteAndYear() throws {
        let reference = Fixtures.reference([("GM0001", "Zeewolde", "Flevoland", 20_000), ("GM0405", "Hoorn", "Noord-Holland", nil)],
                                           year: 2011)
        let survey = Fixtures.survey(2011, model: "meetlat-2011", [selfScores("GM0001", 3), selfScores("GM0405", 5)])
        #expect(throws: ScoringError.missingInhabitants(code: "GM0405", name: "Hoorn", year: 2011)) {
            try Ranker.rank(survey, model: try Fixtures.model("meetlat-2011"), reference: reference)
        }
        let message = ScoringError.missingInhabitants(code: "GM0405", name: "Hoorn", year: 2011).description
        #expect(message.contains("Hoorn (GM0405)") && message.contains("1 January 2011"))
    }

    @Test func zeroInhabitantsIsAnErrorNotACrash() throws {
        let reference = Fixtures.reference([("GM0001", "Zeewolde", "Flevoland", 0)], year: 2011)
        #expect(throws: ScoringError.invalidInhabitants(code: "GM0001", year: 2011, inhabitants: 0)) {
            try Ranker.rank(Fixtures.survey(2011, model: "meetlat-2011", [selfScores("GM0001", 1)]),
                            model: try Fixtures.model("meetlat-2011"), reference: reference)
        }
    }

    @Test func unknownGemeenteAndDuplicatesAreErrors() throws {
        let reference = Fixtures.reference([("GM0001", "Zeewolde", "Flevoland", 20_000)], year: 2011)
        let model = try Fixtures.model("meetlat-2011")
        #expect(throws: ScoringError.unknownGemeente(code: "GM9999", year: 2011, row: 1)) {
            try Ranker.rank(Fixtures.survey(2011, model: "meetlat-2011", [selfScores("GM9999", 1)]), model: model,
                            reference: reference)
        }
        #expect(throws: ScoringError.duplicateResponse(code: "GM0001", year: 2011, rows: [1, 1])) {
            try Ranker.rank(Fixtures.survey(2011, model: "meetlat-2011", [selfScores("GM0001", 1), selfScores("GM0001", 2)]),
                            model: model, reference: reference)
        }
    }

    @Test func sizeClassFollowsTheSurveyYearsInhabitants() throws {
        // 9.999 and 10.000 fall in different classes.
        let reference = Fixtures.reference([("GM0001", "Aa", "P", 9_999), ("GM0002", "Bb", "P", 10_000)], year: 2011)
        let survey = Fixtures.survey(2011, model: "meetlat-2011", [selfScores("GM0001", 1), selfScores("GM0002", 1)])
        let ranking = try Ranker.rank(survey, model: try Fixtures.model("meetlat-2011"), reference: reference)
        #expect(ranking.entries.map(\.sizeClass) == ["lt10k", "10k-50k"])
        #expect(ranking.entries.map(\.rankInSizeClass) == [1, 1])
        #expect(ranking.entries.map(\.rank) == [1, 1])
    }

    @Test func lookupFindsNamesAliasesAndCodes() throws {
        let reference = Reference(gemeenten: [
            Gemeente(code: "GM0796", name: "'s-Hertogenbosch", province: "Noord-Brabant", firstYear: 1990, aliases: ["Den Bosch"]),
            Gemeente(code: "GM1900", name: "Súdwest-Fryslân", province: "Fryslân", firstYear: 2011),
            Gemeente(code: "GM0405", name: "Hoorn", province: "Noord-Holland", firstYear: 1990),
        ], inhabitants: [:], sizeClasses: Fixtures.sizeClasses)
        #expect(try GemeenteLookup.find("hoorn", in: reference, year: 2012).code == "GM0405")
        #expect(try GemeenteLookup.find("Gemeente Hoorn", in: reference, year: 2012).code == "GM0405")
        #expect(try GemeenteLookup.find("s-Hertogenbosch", in: reference, year: 2012).code == "GM0796")
        #expect(try GemeenteLookup.find("den  bosch", in: reference, year: 2012).code == "GM0796")
        #expect(try GemeenteLookup.find("Sudwest Fryslan", in: reference, year: 2012).code == "GM1900")
        #expect(try GemeenteLookup.find("gm0405", in: reference, year: 2012).code == "GM0405")
        #expect(throws: LookupError.notFound(query: "Hoornn", year: 2012,
                                             suggestions: ["Hoorn", "'s-Hertogenbosch", "Súdwest-Fryslân"])) {
            try GemeenteLookup.find("Hoornn", in: reference, year: 2012)
        }
    }

    /// `explain` resolves as ingest does: a gemeente of another year is not swapped for its
    /// successor, the message says what became of it; a name two gemeenten share needs the code.
    @Test func lookupNamesFormerGemeentenAndAmbiguity() throws {
        let wieringen = Gemeente(code: "GM0456", name: "Wieringen", province: "Noord-Holland", firstYear: 1990,
                                 lastYear: 2011, successor: "GM1911")
        let hollandsKroon = Gemeente(code: "GM1911", name: "Hollands Kroon", province: "Noord-Holland", firstYear: 2012)
        let reference = Reference(gemeenten: [
            wieringen, hollandsKroon,
            Gemeente(code: "GM0001", name: "Bergen", province: "Noord-Holland", firstYear: 1990, aliases: ["Bergen"]),
            Gemeente(code: "GM0002", name: "Bergen (L.)", province: "Limburg", firstYear: 1990, aliases: ["Bergen"]),
        ], inhabitants: [:], sizeClasses: Fixtures.sizeClasses)
        #expect(try GemeenteLookup.find("Wieringen", in: reference, year: 2011).code == "GM0456")
        #expect(throws: LookupError.notInYear(query: "wieringen", year: 2012,
                                              former: [LookupError.Former(gemeente: wieringen, successor: hollandsKroon)])) {
            try GemeenteLookup.find("wieringen", in: reference, year: 2012)
        }
        let message = LookupError.notInYear(query: "wieringen", year: 2012,
                                            former: [LookupError.Former(gemeente: wieringen, successor: hollandsKroon)]).description
        #expect(message == "'wieringen' is not a gemeente of 2012: Wieringen (GM0456) existed 1990–2011 and is part of Hollands Kroon (GM1911) in 2012")
        #expect(throws: LookupError.ambiguous(query: "bergen", year: 2012, candidates: ["Bergen (GM0001)", "Bergen (L.) (GM0002)"])) {
            try GemeenteLookup.find("bergen", in: reference, year: 2012)
        }
        #expect(try GemeenteLookup.find("Bergen (L.)", in: reference, year: 2012).code == "GM0002")
    }
}
