import Core
import Foundation
import Scoring
import Testing
@testable import Stats

/// Two years around a merger: Oudstad (large) and Dorp merge into Nieuwstad on 1 January 2012.
private let reference = Reference(
    gemeenten: [
        Gemeente(code: "GM0001", name: "Hoorn", province: "Noord-Holland", firstYear: 2000),
        Gemeente(code: "GM0002", name: "Lopik", province: "Utrecht", firstYear: 2000),
        Gemeente(code: "GM0003", name: "Veghel", province: "Noord-Brabant", firstYear: 2000),
        Gemeente(code: "GM0004", name: "Boxtel", province: "Noord-Brabant", firstYear: 2000),
        Gemeente(code: "GM0010", name: "Oudstad", province: "Utrecht", firstYear: 2000, lastYear: 2011, successor: "GM0012"),
        Gemeente(code: "GM0011", name: "Dorp", province: "Utrecht", firstYear: 2000, lastYear: 2011, successor: "GM0012"),
        Gemeente(code: "GM0012", name: "Nieuwstad", province: "Utrecht", firstYear: 2012),
        Gemeente(code: "GM0020", name: "Stil", province: "Utrecht", firstYear: 2000),
        Gemeente(code: "GM0030", name: "Weg", province: "Utrecht", firstYear: 2000, lastYear: 2011, successor: "GM0031"),
        Gemeente(code: "GM0031", name: "Samen", province: "Utrecht", firstYear: 2012),
    ],
    inhabitants: [:], sizeClasses: Fixture.sizeClasses)

private let ranking2011 = Fixture.ranking(year: 2011, model: "meetlat-2011", maximum: 30, [
    Fixture.ranked("GM0004", "Boxtel", total: 25, rank: 1),
    Fixture.ranked("GM0011", "Dorp", total: 22, rank: 2, inhabitants: 8_000),      // best-ranked predecessor
    Fixture.ranked("GM0001", "Hoorn", total: 20, rank: 3),
    Fixture.ranked("GM0020", "Stil", total: 18, rank: 4),
    Fixture.ranked("GM0030", "Weg", total: 15, rank: 5),
    Fixture.ranked("GM0010", "Oudstad", total: 12, rank: 6, inhabitants: 60_000),  // largest predecessor
    Fixture.ranked("GM0002", "Lopik", total: 5, rank: 7),
])

private let ranking2012 = Fixture.ranking(year: 2012, model: "meetlat-2012", maximum: 230, [
    Fixture.ranked("GM0001", "Hoorn", total: 145, rank: 1),
    Fixture.ranked("GM0012", "Nieuwstad", total: 130, rank: 2),
    Fixture.ranked("GM0003", "Veghel", total: 126, rank: 3),
    Fixture.ranked("GM0002", "Lopik", total: 126, rank: 3),
    Fixture.ranked("GM0004", "Boxtel", total: 90, rank: 5),
])

@Suite struct YearComparisonTests {
    let comparison = YearComparison(from: ranking2011, to: ranking2012, reference: reference)

    private func entry(_ code: String) throws -> YearComparison.Entry {
        try #require(comparison.entries.first { $0.current.code == code })
    }

    @Test func rankAndScoreChangePerGemeente() throws {
        let lopik = try entry("GM0002")
        #expect(lopik.rankChange == 4)          // 7 → 3
        #expect(lopik.scoreChange == 121)       // 5 → 126 (different models: see the notice)
        #expect(try entry("GM0004").rankChange == -4)   // 1 → 5
        let veghel = try entry("GM0003")
        #expect(veghel.basis == .new && veghel.rankChange == nil)
        let table = try #require(comparison.tables().first { $0.id == "compare.gemeenten" })
        #expect(table.cell(row: "GM0003", column: "previous-rank") == .empty)
        #expect(table.cell(row: "GM0003", column: "rank-change")?.text == "–")
        #expect(table.cell(row: "GM0002", column: "rank-change")?.text == "+4")
        #expect(table.cell(row: "GM0004", column: "rank-change")?.text == "-4")
    }

    @Test func mergedGemeenteIsComparedWithItsLargestPredecessor() throws {
        let nieuwstad = try entry("GM0012")
        // Both predecessors answered in 2011; Oudstad (60.000 inhabitants) is used, not the
        // better-ranked Dorp (8.000).
        guard case .predecessors(let used, let answered) = nieuwstad.basis else {
            Issue.record("Nieuwstad not compared with its predecessors")
            return
        }
        #expect(used.code == "GM0010")
        #expect(answered.map(\.code) == ["GM0010", "GM0011"])
        #expect(nieuwstad.previous?.rank == 6 && nieuwstad.rankChange == 4)
        // Neither predecessor is a drop-out or a new entrant.
        #expect(!comparison.dropOuts.contains { ["GM0010", "GM0011"].contains($0.previous.code) })
        #expect(!comparison.newEntrants.contains { $0.current.code == "GM0012" })
        let tables = comparison.tables()
        let gemeenten = try #require(tables.first { $0.id == "compare.gemeenten" })
        #expect(gemeenten.cell(row: "GM0012", column: "compared-with")?.text == "predecessor Oudstad (largest of 2)")
        #expect(gemeenten.englishNotes.contains("1 gemeente is compared with a predecessor (the largest by inhabitants in 2011): see compare.mergers"))
        let mergers = try #require(tables.first { $0.id == "compare.mergers" })
        // 6th of 7 (relative position 16.7) → 2nd of 5 (75.0): 4 places, +58.3 percentage points.
        #expect(mergers.row("GM0012")?.cells.map(\.text) == ["Nieuwstad", "2", "Oudstad", "6", "+4", "+58.3 pp", "Oudstad (6, 60000); Dorp (2, 8000)"])
    }

    @Test func newEntrantsAndDropOuts() throws {
        #expect(comparison.newEntrants.map(\.current.name) == ["Veghel"])
        // Stil did not answer; Weg merged into Samen, which did not answer either.
        #expect(comparison.dropOuts.map(\.previous.name) == ["Stil", "Weg"])
        #expect(comparison.dropOuts.first { $0.previous.code == "GM0030" }?.mergedInto?.code == "GM0031")
        #expect(comparison.dropOuts.first { $0.previous.code == "GM0020" }?.mergedInto == nil)
    }

    @Test func risersAndFallersByRelativePositionWithoutPredecessors() throws {
        // 7 ranked in 2011, 5 in 2012. Lopik 7th → 3rd: relative position 0 → 50 (+50);
        // Hoorn 3rd → 1st: 66.7 → 100 (+33.3); Nieuwstad (+4 places) is compared with its
        // predecessor Oudstad and left out of the lists.
        #expect(comparison.risers(limit: 10).map(\.current.name) == ["Lopik", "Hoorn"])
        #expect(comparison.fallers(limit: 10).map(\.current.name) == ["Boxtel"])
        #expect(comparison.risers(limit: 1).map(\.current.name) == ["Lopik"])
        #expect(comparison.mergers.map(\.current.name) == ["Nieuwstad"])
        let lopik = try entry("GM0002"), boxtel = try entry("GM0004")
        #expect(lopik.previousPosition == 0 && lopik.position == 50 && lopik.positionChange == 50)
        #expect(boxtel.positionChange == -100)
        #expect(YearComparison.relativePosition(rank: 215, count: 221) < YearComparison.relativePosition(rank: 231, count: 238))
        // The top's biggest riser goes by places, and says when it is a predecessor's rank.
        #expect(comparison.biggestRiser(withinTop: 2)?.current.name == "Nieuwstad")
        let top = try #require(comparison.tables(top: 2).first { $0.id == "compare.top" })
        #expect(top.englishNotes.contains("biggest riser in the top 2: Nieuwstad (6 → 2, predecessor Oudstad (largest of 2))"))
    }

    @Test func equalMovementsTieAndGoByName() throws {
        // Two rankings of equal length: relative position orders exactly as places do.
        var later = ranking2012
        later.year = 2013
        later.entries = ranking2012.entries.reversed().enumerated().map { index, entry in
            var moved = entry
            moved.rank = index + 1
            return moved
        }
        let same = YearComparison(from: ranking2012, to: later, reference: reference)
        // Boxtel 5 → 1 (+4), Lopik 3 → 2 (+1), Veghel 3 → 3, Nieuwstad 2 → 4 (-2), Hoorn 1 → 5 (-4).
        #expect(same.risers(limit: 10).map(\.current.name) == ["Boxtel", "Lopik"])
        #expect(same.fallers(limit: 10).map(\.current.name) == ["Hoorn", "Nieuwstad"])
        #expect(same.movementOrder["GM0004"] == same.movementOrder.values.max())
    }

    @Test func everyComparisonTableCarriesTheModelChangeNotice() throws {
        let notice = "scoring model changed: 2011 was scored with meetlat-2011 (maximum 30), 2012 with meetlat-2012 (maximum 230); ranks and scores are not like for like"
        #expect(comparison.modelChanged)
        #expect(comparison.modelNotice?.english == notice)
        let channels = StatTable(id: "compare.channels", definition: "compare.channels", caption: StatText(same: "c"), period: "2011 → 2012", columns: [])
        let tables = comparison.tables(channels: channels)
        #expect(tables.map(\.id) == ["compare.top", "compare.risers", "compare.fallers", "compare.new", "compare.dropouts",
                                     "compare.mergers", "compare.channels", "compare.gemeenten"])
        for table in tables where table.id != "compare.channels" {
            #expect(table.englishNotes.first == notice, "\(table.id)")
        }
        // Channel adoption compares answers, not scores.
        #expect(tables.first { $0.id == "compare.channels" }?.notes.isEmpty == true)
        // Same model: no notice anywhere.
        var later = ranking2012
        later.year = 2013
        let same = YearComparison(from: ranking2012, to: later, reference: reference)
        #expect(!same.modelChanged)
        #expect(same.tables().allSatisfy { !$0.englishNotes.contains { $0.hasPrefix("scoring model changed") } })
    }
}

@Suite struct ChannelAdoptionTests {
    @Test func adoptionChangeWithRelativeDifferenceAndNotAsked() throws {
        let reference = Fixture.reference(year: 2011, [("GM0001", 5_000), ("GM0002", 20_000), ("GM0003", 30_000), ("GM0004", 40_000), ("GM0005", 50_000)])
        // 2011: 5 answered; twitter 2/5 = 40 %; hyves 1/5; youtube 0/5; pinterest not on the form.
        let old = Fixture.survey(year: 2011, [
            ("GM0001", ["channels": Fixture.selection("twitter", "hyves")]),
            ("GM0002", ["channels": Fixture.selection("twitter")]),
            ("GM0003", ["channels": Fixture.selection()]),
            ("GM0004", ["channels": Fixture.selection()]),
            ("GM0005", ["channels": Fixture.selection()]),
        ])
        // 2012: 4 answered (one .missing); twitter 3/4 = 75 %; hyves 0/4; youtube 1/4; pinterest 1/4.
        let new = Fixture.survey(year: 2012, [
            ("GM0001", ["channels": Fixture.selection("twitter", "youtube")]),
            ("GM0002", ["channels": Fixture.selection("twitter", "pinterest")]),
            ("GM0003", ["channels": Fixture.selection("twitter")]),
            ("GM0004", ["channels": Fixture.selection()]),
            ("GM0005", ["channels": .missing]),
        ])
        let definition = TableDefinition(id: "channels", number: "Tabel 3", title: "Kanalen", kind: .options, field: "channels",
                                         options: ["twitter", "hyves", "youtube", "pinterest"].map { ValueLabel(value: $0, label: $0) })
        // Each year's statistics as Statistics/<year>.json holds them, read back from the JSON:
        // the comparison needs nothing else of the surveys.
        let statistics = SurveyStatistics(definition: StatisticsDefinition(tables: [definition]), reference: reference)
        func file(_ survey: SurveyResponses, offered: Set<String>) throws -> YearStatistics {
            let computed = try statistics.statistics(for: survey, questionnaire: Questionnaire(offered: ["channels": offered]))
            return try JSONDecoder().decode(YearStatistics.self, from: try StatisticsFile.json(computed))
        }
        let table = try ChannelAdoption.table("channels", from: try file(old, offered: ["twitter", "hyves", "youtube"]),
                                              to: try file(new, offered: ["twitter", "hyves", "youtube", "pinterest"]))
        // Twitter: 40 % → 75 %: +35.0 pp; relative difference (0.75 − 0.40) / 0.40 × 100 = 87.5 → 88 %
        #expect(table.row("twitter")?.cells.map(\.text) == ["twitter", "40 % (2/5)", "75 % (3/4)", "+35.0 pp", "+88 %"])
        // Hyves: 20 % → 0 %: (0 − 0.2) / 0.2 × 100 = −100 %
        #expect(table.row("hyves")?.cells.map(\.text) == ["hyves", "20 % (1/5)", "0 % (0/4)", "-20.0 pp", "-100 %"])
        // YouTube: from 0 % the relative difference is undefined, not infinite.
        #expect(table.row("youtube")?.cells.map(\.text) == ["youtube", "0 % (0/5)", "25 % (1/4)", "+25.0 pp", "–"])
        // Pinterest was not offered in 2011: niet gevraagd, not 0 %.
        #expect(table.row("pinterest")?.cells.map(\.text) == ["pinterest", "niet gevraagd", "25 % (1/4)", "niet gevraagd", "niet gevraagd"])
    }
}
