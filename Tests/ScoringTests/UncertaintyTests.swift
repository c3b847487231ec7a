import Core
import Foundation
import Pipeline
import Support
import Testing
@testable import Ingest
@testable import Scoring

@Suite struct SobolEstimatorTests {
    /// The Ishigami function (a = 7, b = 0.1, x uniform on [−π, π]³), the standard test of
    /// variance-based sensitivity analysis: its indices are known in closed form.
    static func ishigami(_ u: [Double]) -> Double {
        let x = u.map { -Double.pi + 2 * Double.pi * $0 }
        return sin(x[0]) + 7 * sin(x[1]) * sin(x[1]) + 0.1 * pow(x[2], 4) * sin(x[0])
    }

    @Test func ishigamiIndicesWithinTheirStandardErrors() throws {
        let n = 20_000
        let rows = SaltelliDesign.rows(base: n, variables: 3, groups: [0, 1, 2], seed: 11)
        let outputs = rows.map(Self.ishigami)
        let indices = try #require(SobolEstimator.indices(base: n, groups: 3, columns: [0]) { row, _ in outputs[row] })
        // Analytic values: V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2; V1 = ½(1 + bπ⁴/5)², V2 = a²/8,
        // V13 = b²π⁸(1/18 − 1/50); S3 = 0.
        let b = 0.1, a = 7.0, pi4 = pow(Double.pi, 4), pi8 = pow(Double.pi, 8)
        let variance = a * a / 8 + b * pi4 / 5 + b * b * pi8 / 18 + 0.5
        let v1 = 0.5 * (1 + b * pi4 / 5) * (1 + b * pi4 / 5), v2 = a * a / 8, v13 = b * b * pi8 * (1.0 / 18 - 1.0 / 50)
        let first = [v1 / variance, v2 / variance, 0]
        let total = [(v1 + v13) / variance, v2 / variance, v13 / variance]
        for j in 0..<3 {
            #expect(abs(indices[j].first - first[j]) < 4 * indices[j].firstError, "S\(j + 1) = \(indices[j].first), expected \(first[j])")
            #expect(abs(indices[j].total - total[j]) < 4 * indices[j].totalError, "T\(j + 1) = \(indices[j].total), expected \(total[j])")
            #expect(indices[j].firstError < 0.02 && indices[j].totalError < 0.02)
        }
    }

    @Test func constantOutputsHaveNoIndices() {
        #expect(SobolEstimator.indices(base: 10, groups: 2, columns: [0, 1]) { _, _ in 3 } == nil)
    }

    @Test func theDesignIsSALibsLayout() {
        let rows = SaltelliDesign.rows(base: 2, variables: 3, groups: [0, 0, 1], seed: 3)
        #expect(rows.count == 2 * (2 + 2))
        for i in 0..<2 {
            let a = rows[i * 4], ab0 = rows[i * 4 + 1], ab1 = rows[i * 4 + 2], b = rows[i * 4 + 3]
            #expect(ab0 == [b[0], b[1], a[2]])     // group 0 (two variables) from B
            #expect(ab1 == [a[0], a[1], b[2]])
        }
        #expect(SaltelliDesign.rows(base: 2, variables: 3, groups: [0, 0, 1], seed: 3) == rows)
    }
}

/// The ranking function on small years: each alternative does what the model file says.
@Suite struct RankingFunctionTests {
    static let reference = Fixtures.reference([
        ("GM0001", "Aa", "P", 20_000), ("GM0002", "Bb", "P", 25_000), ("GM0003", "Cc", "P", 30_000), ("GM0004", "Dd", "P", 1_000),
    ])

    /// Presence 5 per channel; followers 4 per percent, cap 40, twitter and facebook.
    static func model(_ uncertainty: String = "") throws -> ScoringModel {
        try ModelParser.parse("""
            name: t
            label: T
            dimensions:
              - { id: presence, label: A, kind: presence, field: channels, points: 5, options: { twitter: Twitter, facebook: Facebook } }
              - id: followers
                label: V
                kind: per_inhabitant
                points_per_percent: 4
                cap: 40
                channel_field: channels
                fields:
                  followers.twitter: { label: Twitter, channel: twitter }
                  followers.facebook: { label: Facebook, channel: facebook }
            \(uncertainty)
            """, file: "t.yaml")
    }

    static let survey = Fixtures.survey(2012, model: "t", [
        // Aa: 2 % of 20.000 on Twitter (8 points), Facebook claimed, count unknown.
        Response(gemeente: "GM0001", row: 2, values: ["channels": .selection(["twitter", "facebook"]),
                                                      "followers.twitter": Fixtures.count(400), "followers.facebook": .missing]),
        // Bb: Twitter 1 % (4), Facebook not claimed and empty: none, not unknown.
        Response(gemeente: "GM0002", row: 3, values: ["channels": .selection(["twitter"]),
                                                      "followers.twitter": Fixtures.count(250), "followers.facebook": .missing]),
        // Cc: Twitter ca. 3 % (12), Facebook 2 % (8).
        Response(gemeente: "GM0003", row: 4, values: ["channels": .selection(["twitter", "facebook"]),
                                                      "followers.twitter": Fixtures.count(900, approximate: true),
                                                      "followers.facebook": Fixtures.count(600)]),
        // Dd: a holiday island: 150 % of its inhabitants on Twitter (capped at 40).
        Response(gemeente: "GM0004", row: 5, values: ["channels": .selection(["twitter"]),
                                                      "followers.twitter": Fixtures.count(1_500), "followers.facebook": .missing]),
    ])

    static func function(_ model: ScoringModel, previous: SurveyResponses? = nil,
                         observations: YearObservations? = nil) throws -> (RankingFunction, Ranking) {
        let ranking = try Ranker.rank(survey, model: model, reference: reference, observations: observations)
        return (RankingFunction(ranking: ranking, survey: survey, model: model, reference: reference,
                                observations: observations, previous: previous), ranking)
    }

    static func scores(_ function: RankingFunction, _ ranking: Ranking, _ change: (inout RankingFunction.Choice) -> Void) -> [String: Double] {
        var choice = RankingFunction.Choice.today(dimensions: 2, approximate: function.approximateCount)
        change(&choice)
        return Dictionary(uniqueKeysWithValues: zip(function.codes, function.scores(choice)))
    }

    @Test func todaysChoiceGivesThePublishedTotalsAndRanks() throws {
        let (function, ranking) = try Self.function(try Self.model())
        let today = RankingFunction.Choice.today(dimensions: 2, approximate: function.approximateCount)
        #expect(function.scores(today) == ranking.entries.map { Double($0.total) })
        #expect(function.ranks(today) == ranking.entries.map { Int32($0.rank) })
    }

    @Test func missingCountsOfClaimedChannelsOnly() throws {
        let (function, ranking) = try Self.function(try Self.model(), previous: Fixtures.survey(2011, model: "t", [
            Response(gemeente: "GM0001", row: 2, values: ["followers.facebook": Fixtures.count(1_000)]),
        ]))
        let today = Self.scores(function, ranking) { _ in }
        #expect(today["GM0001"] == Double(10 + 8))
        // The size-class median of Facebook shares (10k-50k: Cc's 2 %) × 20.000 = 400 → 8 points.
        let median = Self.scores(function, ranking) { $0.missing = .sizeClassMedian }
        #expect(median["GM0001"] == Double(10 + 8 + 8))
        // Its 2011 count: 1.000 of 20.000 = 5 % → 20 points.
        let previous = Self.scores(function, ranking) { $0.missing = .previousEdition }
        #expect(previous["GM0001"] == Double(10 + 8 + 20))
        // Rescaled: 8 points over one answered of two fields → 16.
        let rescaled = Self.scores(function, ranking) { $0.missing = .rescale }
        #expect(rescaled["GM0001"] == Double(10 + 16))
        // Bb never claimed Facebook: no alternative gives it Facebook points.
        for alternative in MissingCountAlternative.allCases {
            #expect(Self.scores(function, ranking) { $0.missing = alternative }["GM0002"] == Double(5 + 4))
        }
    }

    @Test func holidayGemeentenCappedOrLeftOut() throws {
        let (function, ranking) = try Self.function(try Self.model())
        // Twitter shares 2 %, 1 %, 3 %, 150 %: the 50th percentile (nearest rank) is 2 %.
        let capped = Self.scores(function, ranking) { $0.holiday = .cap; $0.holidayPercentile = 50 }
        #expect(capped["GM0004"] == Double(5 + 8))            // 2 % of 1.000 = 20 → 8 points
        #expect(capped["GM0003"] == Double(10 + 8 + 8))       // 3 % above 2 %: capped too
        let leftOut = Self.scores(function, ranking) { $0.holiday = .leaveOut; $0.holidayPercentile = 50; $0.missing = .zero }
        #expect(leftOut["GM0004"] == Double(5))
        #expect(leftOut["GM0001"] == Double(10 + 8))          // at the percentile: kept
    }

    @Test func followerRuleApproximateAnswersAndAggregation() throws {
        let (function, ranking) = try Self.function(try Self.model())
        let rule = Self.scores(function, ranking) { $0.pointsPerPercent = 5; $0.capPercent = 8 }
        #expect(rule["GM0004"] == Double(5 + 40))             // cap 5 × 8 = 40
        #expect(rule["GM0003"] == Double(10 + 15 + 10))
        let index = try #require(function.approximateCount == 1 ? 0 : nil)
        let higher = Self.scores(function, ranking) { $0.approximateFactors[index] = 1.2 }
        #expect(higher["GM0003"] == Double(10 + 14 + 8))      // 1.080 of 30.000 = 3,6 % → 14
        let ranks = Self.scores(function, ranking) { $0.aggregation = .rank }
        // Presence ranks: Aa 1, Cc 1, Bb 3, Dd 3; followers: Dd 1, Cc 2, Aa 3, Bb 4 (of 4).
        let expected: [String: Double] = ["GM0001": 4, "GM0003": 5, "GM0002": 1, "GM0004": 4]
        #expect(ranks == expected)
        let geometric = Self.scores(function, ranking) { $0.aggregation = .geometric }
        #expect(abs((geometric["GM0004"] ?? 0) - (0.5 * log(6.0 / 11) + 0.5 * log(41.0 / 81))) < 1e-12)
    }

    @Test func measuredCountsWhereTheSourceSaysSo() throws {
        let observations = YearObservations(year: 2012, file: "accounts.csv", channels: ["twitter", "facebook"], synthetic: true, observations: [
            AccountObservation(gemeente: "GM0001", channel: "twitter", account: "@aa", count: 1_000, date: "2012-06-01", source: "test", row: 2),
            AccountObservation(gemeente: "GM0001", channel: "facebook", account: nil, count: nil, date: nil, source: "test", row: 3),
            AccountObservation(gemeente: "GM0002", channel: "facebook", account: "fb/bb", count: 500, date: nil, source: "test", row: 4),
        ])
        let measured = try ModelParser.parse(String(decoding: Data(try Self.modelText().utf8), as: UTF8.self)
            .replacingOccurrences(of: "channel_field: channels", with: "channel_field: channels\n    source: measured_else_reported"),
            file: "t.yaml")
        let (function, ranking) = try Self.function(measured, observations: observations)
        let aa = try #require(ranking.entries.first { $0.code == "GM0001" })
        // 1.000 of 20.000 = 5 % → 20 points instead of the answer's 400 (8).
        #expect(aa.parts["followers"] == 20)
        #expect(aa.flags.contains("measured:followers.twitter") && aa.flags.contains("discrepancy:followers.twitter"))
        let line = try #require(aa.explanation?.first { $0.field == "followers.twitter" })
        #expect(line.answer == "400")
        #expect(line.reason.contains("gemeten: 1.000 (@aa, 01-06-2012, test)") && line.reason.contains("opgegeven: 400")
            && line.reason.contains("gebruikt: het gemeten aantal"))
        let report = try #require(ranking.observations)
        #expect(report.rows.map { "\($0.code) \($0.channel) \($0.finding.rawValue)" } == [
            "GM0001 twitter differs", "GM0001 facebook claimed_not_found",
            "GM0002 twitter claimed_not_found", "GM0002 facebook found_not_claimed",
        ])
        // Bb's Facebook account was found though not claimed: its measured count scores too.
        #expect(report.changes.map(\.code) == ["GM0001", "GM0002"])
        #expect(report.changes.first?.reportedTotal == 18 && report.changes.first?.total == 30)
        #expect(report.changes.last?.reportedTotal == 9 && report.changes.last?.total == 17)
        // The function agrees, and its `reported` alternative is the answers' ranking.
        #expect(function.scores(.today(dimensions: 2, approximate: function.approximateCount)) == ranking.entries.map { Double($0.total) })
    }

    static func modelText() throws -> String {
        """
        name: t
        label: T
        dimensions:
          - { id: presence, label: A, kind: presence, field: channels, points: 5, options: { twitter: Twitter, facebook: Facebook } }
          - id: followers
            label: V
            kind: per_inhabitant
            points_per_percent: 4
            cap: 40
            channel_field: channels
            fields:
              followers.twitter: { label: Twitter, channel: twitter }
              followers.facebook: { label: Facebook, channel: facebook }
        """
    }
}

/// The analysis on the demo years.
@Suite(.serialized) struct DemoUncertaintyTests {
    static let folder = SurveyFolder(Fixtures.surveys)

    /// Every assumption fixed to today's choice (weights and estimates not varied, every list only
    /// today's alternative): the published ranking, byte for byte, and intervals of zero width.
    @Test(arguments: [2011, 2012, 2013])
    func everyAlternativeFixedToTodayGivesTodaysRankingByteForByte(year: Int) throws {
        let reference = try Self.folder.reference()
        let plain = try ScoringRun.score(year: year, in: Self.folder, reference: reference, uncertainty: nil, showProgress: false)
        var model = plain.model
        model.uncertainty.assumptions = model.uncertainty.assumptions.map { assumption in
            var fixed = assumption
            switch assumption.kind {
            case .weights(_, let distribution): fixed.kind = .weights(spread: 0, distribution: distribution)
            case .followerRule:
                guard case .perInhabitant(let rule) = model.dimensions.first(where: { $0.rule.kind == "per_inhabitant" })?.rule else { break }
                fixed.kind = .followerRule(pointsPerPercent: [rule.pointsPerPercent], capPercent: [Double(rule.cap) / Double(rule.pointsPerPercent)])
            case .holiday(let percentile, _): fixed.kind = .holiday(percentile: percentile, alternatives: [.none])
            case .missingCounts: fixed.kind = .missingCounts([.zero])
            case .approximate: fixed.kind = .approximate(band: 0)
            case .aggregation: fixed.kind = .aggregation([.sum])
            case .countSource(let sources): fixed.kind = .countSource([sources[0]])
            }
            return fixed
        }
        model.uncertainty.samples = 8
        let observations = try Self.folder.observations(year: year, reference: reference)
        let analysed = try Ranker.rank(plain.survey.accepted, model: model, reference: reference, observations: observations,
                                       uncertainty: model.uncertainty)
        #expect(analysed.entries.allSatisfy { $0.rankInterval == RankInterval(median: $0.rank, low: $0.rank, high: $0.rank) })
        #expect(analysed.entries.allSatisfy { $0.uncertainty == GemeenteUncertainty() })
        var stripped = analysed
        stripped.uncertainty = nil
        for index in stripped.entries.indices {
            stripped.entries[index].rankInterval = nil
            stripped.entries[index].uncertainty = nil
        }
        #expect(RankingsWriter.csv(stripped) == RankingsWriter.csv(plain.ranking))
        #expect(try RankingsWriter.json(stripped) == (try RankingsWriter.json(plain.ranking)))
        // And the committed ranking's scores are today's: its CSV up to the interval columns.
        let committed = try String(contentsOf: RankingsWriter.csvURL(year: year, in: Fixtures.rankings), encoding: .utf8)
        let kept = PublishList.columns(for: plain.ranking.parts).map(\.name).firstIndex(of: "rank_median") ?? 0
        func scoreColumns(_ csv: String) -> [String] {
            // A quoted name with a comma splits alike on both sides.
            csv.split(separator: "\n").map { line in
                line.split(separator: ",", omittingEmptySubsequences: false).prefix(kept).joined(separator: ",")
            }
        }
        #expect(scoreColumns(committed) == scoreColumns(RankingsWriter.csv(plain.ranking)))
    }

    @Test func sameSeedSameResultsAndTheCommittedRankingsCarryThem() throws {
        let reference = try Self.folder.reference()
        let first = try ScoringRun.score(year: 2012, in: Self.folder, reference: reference, showProgress: false).ranking
        let second = try ScoringRun.score(year: 2012, in: Self.folder, reference: reference, showProgress: false).ranking
        #expect(try RankingsWriter.json(first) == (try RankingsWriter.json(second)))
        let committed = try Data(contentsOf: RankingsWriter.jsonURL(year: 2012, in: Fixtures.rankings))
        #expect(try RankingsWriter.json(first) == committed)
        let summary = try #require(first.uncertainty)
        #expect(summary.assumptions.map(\.id) == ["weights", "follower_rule", "holiday", "missing_counts", "approximate", "aggregation"])
        #expect(summary.evaluations == 256 * 8)
        // Every family moves some rank, and the standard errors are what the README documents.
        for assumption in summary.assumptions {
            let index = try #require(assumption.index)
            #expect(index.total > 0.01, "\(assumption.id)")
            #expect((index.totalError ?? 1) < 0.04 && (index.firstError ?? 1) < 0.04, "\(assumption.id)")
        }
        // A gemeente with a wide interval names what moves it, in a sentence for the site.
        let strijen = try #require(first.entries.first { $0.name == "Strijen" })
        let interval = try #require(strijen.rankInterval)
        #expect(interval.high - interval.low > 20)
        #expect(ScoringText.driverSentence(strijen, in: summary)?.hasPrefix("Als ") == true)
    }

    /// `meetlat explain` says which rules of the model are published (with the source lines)
    /// and which are reconstructed, and what moves the gemeente's rank most.
    @Test func explainSaysWhereEachRuleComesFrom() throws {
        let text = try ScoringRun.explanation(of: "Strijen", year: 2012, in: Self.folder)
        #expect(text.contains("herkomst van de regels van meetlat-2012:"))
        #expect(text.contains("gepubliceerd: De score bestaat uit drie onderdelen") && text.contains("003_7cce55330bd9a9e5.txt, regels 224-227"))
        #expect(text.contains("reconstructie van meetlat: 5 punten per kanaal"))
        #expect(text.contains("onder alle aannames: mediane rang") && text.contains("\nAls "))
    }

    /// 2011 has one dimension: no weight and no aggregation can change an order.
    @Test func oneDimensionHasNoUncertainty() throws {
        let ranking = try ScoringRun.score(year: 2011, in: Self.folder, reference: try Self.folder.reference(), showProgress: false).ranking
        #expect(ranking.entries.allSatisfy { $0.rankInterval?.low == $0.rank && $0.rankInterval?.high == $0.rank })
        #expect(ranking.uncertainty?.assumptions.allSatisfy { $0.index == nil } == true)
    }

    /// `measured, else reported` on the synthetic 2013 observations changes who is in the top 10.
    @Test func measuredCountsChangeThe2013TopTen() throws {
        let reference = try Self.folder.reference()
        let scored = try ScoringRun.score(year: 2013, in: Self.folder, reference: reference, uncertainty: nil, showProgress: false)
        let top = scored.ranking.entries.filter { $0.rank <= 10 }.map(\.name)
        #expect(top == ["Borsele", "Veghel", "Hoorn", "Boxtel", "Lopik", "Leerdam", "Urk", "Bodegraven-Reeuwijk", "Schiedam",
                        "Vlaardingen"])
        var answersOnly = scored.model
        answersOnly.dimensions = answersOnly.dimensions.map { dimension in
            guard case .perInhabitant(var rule) = dimension.rule else { return dimension }
            rule.fields = rule.fields.map { var field = $0; field.source = .reported; return field }
            var copy = dimension
            copy.rule = .perInhabitant(rule)
            return copy
        }
        let reported = try Ranker.rank(scored.survey.accepted, model: answersOnly, reference: reference)
        #expect(reported.entries.filter { $0.rank <= 10 }.map(\.name) == ["Veghel", "Hoorn", "Boxtel", "Borsele", "Lopik", "Leerdam",
                                                                           "Urk", "Sint-Oedenrode", "Bodegraven-Reeuwijk", "Losser"])
        // The discrepancy report lists them: the newcomers and those who dropped out.
        let report = try #require(scored.ranking.observations)
        #expect(report.synthetic && report.measured == 238)
        let changed = Dictionary(uniqueKeysWithValues: report.changes.map { ($0.name, $0) })
        #expect(changed["Schiedam"]?.reportedRank == 17 && changed["Schiedam"]?.rank == 8)
        #expect(changed["Losser"]?.reportedRank == 10 && changed["Losser"]?.rank == 13)
        #expect(changed["Sint-Oedenrode"]?.rank == 11)
        for change in report.changes {
            #expect(reported.entries.first { $0.code == change.code }?.total == change.reportedTotal)
        }
        #expect(Set(report.rows.map(\.finding)) == Set(ObservationRow.Finding.allCases))
    }
}
