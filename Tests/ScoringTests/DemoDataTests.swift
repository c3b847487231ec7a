import Core
import Foundation
import Ingest
import Pipeline
import Testing
@testable import Scoring

/// The acceptance test on the demo data in `Surveys/` (synthetic answers whose 2012
/// top 10 reproduces Tabel 2 of the 2012 report). Runs as soon as the demo years exist.
@Suite(.enabled(if: FileManager.default.fileExists(
    atPath: Fixtures.surveys.appendingPathComponent("2012/mapping.yaml").path)))
struct DemoDataTests {
    let folder = SurveyFolder(Fixtures.surveys)

    func ranking(_ year: Int, reference: Reference) throws -> Ranking {
        try ScoringRun.score(year: year, in: folder, reference: reference, uncertainty: nil, showProgress: false).ranking
    }

    @Test func top10Of2012MatchesTabel2() throws {
        let reference = try folder.reference()
        let ranking = try ranking(2012, reference: reference)
        let top = Array(ranking.entries.prefix(10))
        #expect(top.map(\.name) == ["Hoorn", "Boxtel", "Leerdam", "Veghel", "Lopik", "Hoogeveen",
                                    "Borsele", "Marum", "Oldambt", "Strijen"])
        #expect(top.map(\.total) == [145, 129, 126, 126, 122, 120, 114, 114, 114, 114])
        #expect(top.map(\.rank) == [1, 2, 3, 3, 5, 6, 7, 7, 7, 7])
        // Nobody else shares the seventh place.
        #expect(ranking.entries.dropFirst(10).allSatisfy { $0.total < 114 })
    }

    @Test(.enabled(if: FileManager.default.fileExists(
        atPath: Fixtures.surveys.appendingPathComponent("2011/mapping.yaml").path)))
    func top10Of2012Had2011RanksOfTabel2() throws {
        let reference = try folder.reference()
        let top = try ranking(2012, reference: reference).entries.prefix(10)
        let ranks2011 = Dictionary(uniqueKeysWithValues: try ranking(2011, reference: reference).entries.map { ($0.code, $0.rank) })
        #expect(top.map { ranks2011[$0.code] } == [5, 8, 3, nil, 101, 8, 114, 31, 37, 45])
    }

    @Test func explainHoorn2012AddsUpTo145() throws {
        let reference = try folder.reference()
        let hoorn = try GemeenteLookup.find("Hoorn", in: reference, year: 2012)
        let scored = try ScoringRun.score(year: 2012, in: folder, reference: reference, uncertainty: nil, showProgress: false)
        let ranking = scored.ranking
        let entry = try #require(ranking.entries.first { $0.code == hoorn.code })
        let lines = try #require(entry.explanation)
        #expect(entry.total == 145)
        #expect(lines.compactMap(\.points).reduce(0, +) == 145)
        #expect(ScoringText.explanation(entry, in: ranking, model: scored.model)
            .contains("totaal: 145 van 230 punten (de regels hierboven tellen op tot 145)"))
    }

    /// The notes are Dutch sentences naming the field by its label; the ids stay in Rankings/.
    @Test func explainWritesNotesAsSentences() throws {
        let reference = try folder.reference()
        let scored = try ScoringRun.score(year: 2012, in: folder, reference: reference, uncertainty: nil, showProgress: false)
        let entry = try #require(scored.ranking.entries.first {
            $0.flags == ["approximate:followers.twitter", "unknown:followers.facebook", "unknown:followers.linkedin"]
        })
        let text = ScoringText.explanation(entry, in: scored.ranking, model: scored.model)
        #expect(text.hasSuffix("""
            opmerkingen:
              - Twitter (volgers): schatting of afgerond aantal, gebruikt zoals opgegeven
              - Facebook (likes): onbekend aantal: telt als 0 punten
              - LinkedIn (connecties): onbekend aantal: telt als 0 punten

            """))
        #expect(!text.contains("approximate:") && !text.contains("unknown:"))
    }

    @Test func everyDemoYearScoresAndExplainsItself() throws {
        let reference = try folder.reference()
        for year in try folder.years() {
            let ranking = try ranking(year, reference: reference)
            #expect(!ranking.entries.isEmpty)
            #expect(ranking.entries.allSatisfy { $0.explanation?.compactMap(\.points).reduce(0, +) == $0.total })
        }
    }
}
