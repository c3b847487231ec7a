import Testing
@testable import Scoring

/// What the commands print.
@Suite struct CommandSupportTests {
    func entry(_ name: String, _ total: Int, rank: Int) -> RankedGemeente {
        RankedGemeente(code: "GM\(name.count)", name: name, province: "Utrecht", sizeClass: "10k-50k", inhabitants: 20_000,
                       parts: ["selfscore": total], total: total, rank: rank, rankInSizeClass: rank, rankInProvince: rank,
                       rankInterval: RankInterval(median: rank, low: max(rank - 1, 1), high: rank + 2))
    }

    @Test func topIncludesATieAtTheEdgeWhole() {
        let ranking = Ranking(year: 2011, model: "meetlat-2011", maximum: 30,
                              parts: [ScorePart(id: "selfscore", label: "Zelfscore", maximum: 30)],
                              entries: [entry("Aa", 20, rank: 1), entry("Bunnik", 18, rank: 2), entry("Culemborg", 18, rank: 2),
                                        entry("De Bilt", 10, rank: 4)],
                              uncertainty: UncertaintySummary(samples: 64, seed: 3, evaluations: 192, assumptions: []))
        let table = ScoringText.top(ranking, limit: 2)
        #expect(table == """
            rank  gemeente   province  size class  selfscore  total  median  90 % interval
            ----  ---------  --------  ----------  ---------  -----  ------  -------------
               1  Aa         Utrecht   10k-50k            20     20       1            1–3
               2  Bunnik     Utrecht   10k-50k            18     18       2            1–4
               2  Culemborg  Utrecht   10k-50k            18     18       2            1–4

            """)
        #expect(ScoringText.summary(ranking)
            == "2011: 4 gemeenten scored with meetlat-2011 (maximum 30); rank intervals: 0 assumptions (), Saltelli N = 64, 192 rankings, seed 3")
    }
}
