import Testing
@testable import ROI

@Suite struct KPITests {
    static func scores(_ values: [Double]) -> ScoreList {
        ScoreList(source: "scores.txt", values: values, lines: Array(1...max(values.count, 1)).prefix(values.count).map { $0 })
    }

    @Test func ratios() throws {
        // 25 of 200 reached converted: 0.125.
        #expect(try KPI.conversionRatio(converted: 25, reached: 200) == 0.125)
        // 450 contributions by 150 users: 3 each.
        #expect(try KPI.activityPerUser(actions: 450, users: 150) == 3)
        // 80 of 100 cases resolved at the first contact: 0.8.
        #expect(try KPI.firstTimeResolution(resolved: 80, cases: 100) == 0.8)
        #expect(try KPI.satisfiedShare(satisfied: 30, respondents: 40) == 0.75)
    }

    @Test func throughputTimeChange() throws {
        // From 10 to 7.5 days: −2.5 days, (7.5 − 10) / 10 = −25 %.
        let change = try KPI.throughputChange(before: 10, after: 7.5)
        #expect(change.change == -2.5)
        #expect(change.relative == -0.25)
        #expect(roiError { _ = try KPI.throughputChange(before: 0, after: 3) }?.source == "--time-before")
    }

    @Test func satisfactionMeanAndShareSatisfied() throws {
        // Scores 5, 4, 3, 4, 2: mean 18 / 5 = 3.6; satisfied (≥ 4): 5, 4, 4 → 3 / 5 = 0.6.
        let result = try KPI.satisfaction(Self.scores([5, 4, 3, 4, 2]), scale: 1...5, satisfiedFrom: 4)
        #expect(result.mean == 3.6)
        #expect(result.satisfiedShare == 0.6)
        let outside = roiError { _ = try KPI.satisfaction(Self.scores([5, 6]), scale: 1...5, satisfiedFrom: 4) }
        #expect(outside?.line == 2)
        #expect(outside?.message.contains("outside the scale") == true)
    }

    @Test func netPromoterScoreFromScores() throws {
        // All promoters: 100 − 0 = 100.
        #expect(try KPI.netPromoterScore(Self.scores([9, 10, 9])).score == 100)
        // All detractors: 0 − 100 = −100.
        #expect(try KPI.netPromoterScore(Self.scores([0, 6, 3])).score == -100)
        // Passives only: 0 − 0 = 0.
        let passives = try KPI.netPromoterScore(Self.scores([7, 8, 8]))
        #expect(passives.score == 0)
        #expect(passives.passives == 3)
        // 10, 10, 9 promoters; 8 passive; 5 detractor: 100 × (3 − 1) / 5 = 40.
        #expect(try KPI.netPromoterScore(Self.scores([10, 10, 9, 8, 5])).score == 40)
        // Boundaries: 6 is a detractor, 7 a passive, 9 a promoter.
        let edges = try KPI.netPromoterScore(Self.scores([6, 7, 9]))
        #expect([edges.detractors, edges.passives, edges.promoters] == [1, 1, 1])
    }

    @Test func netPromoterScoreFromCounts() throws {
        // 50 promoters, 30 passives, 20 detractors: 50 % − 20 % = 30.
        #expect(try KPI.netPromoterScore(promoters: 50, passives: 30, detractors: 20).score == 30)
        #expect(roiError { _ = try KPI.netPromoterScore(promoters: 0, passives: 0, detractors: 0) }?.message.contains("no respondents") == true)
    }

    @Test func netPromoterScoresMustBeWholeNumbersFrom0To10() {
        let eleven = roiError { _ = try KPI.netPromoterScore(Self.scores([9, 11])) }
        #expect(eleven?.line == 2)
        #expect(eleven?.message.contains("whole number from 0 to 10") == true)
        #expect(roiError { _ = try KPI.netPromoterScore(Self.scores([7.5])) } != nil)
        #expect(roiError { _ = try KPI.netPromoterScore(Self.scores([])) }?.message.contains("no scores") == true)
    }

    @Test func countsMustBeConsistent() {
        #expect(roiError { _ = try KPI.conversionRatio(converted: 30, reached: 20) }?.message.contains("cannot exceed") == true)
        #expect(roiError { _ = try KPI.conversionRatio(converted: 1, reached: 0) }?.source == "--reached")
        #expect(roiError { _ = try KPI.activityPerUser(actions: -1, users: 3) }?.source == "--actions")
    }

    @Test func scoreFilesHaveOneNumberPerLine() throws {
        let list = try ScoreList.parse("# satisfaction 2013\n8\n\n7,5\n 6.5 \n", source: "scores.txt")
        #expect(list.values == [8, 7.5, 6.5])
        #expect(list.lines == [2, 4, 5])
        let error = roiError { _ = try ScoreList.parse("8\n1.234,5\n", source: "scores.txt") }
        #expect(error?.description == "scores.txt, line 2: expected one number per line (such as 8 or 7,5), found `1.234,5`")
        #expect(roiError { _ = try ScoreList.parse("8\nveel\n", source: "s.txt") }?.line == 2)
    }

    /// Scores from a CSV column (read by the CLI through Ingest's reader): the same number
    /// rule as a score file, empty cells skipped, and every message names file, row and column.
    @Test func csvColumnCellsKeepTheirRows() throws {
        let list = try ScoreList.parse(cells: [(2, "8"), (3, ""), (4, " 7,5 "), (6, "6.5")], source: "enquete.csv", column: "Cijfer")
        #expect(list.values == [8, 7.5, 6.5])
        #expect(list.lines == [2, 4, 6])
        let bad = roiError { _ = try ScoreList.parse(cells: [(2, "8"), (3, "1.234,5")], source: "enquete.csv", column: "Cijfer") }
        #expect(bad?.description == "enquete.csv, row 3, column \"Cijfer\": expected a score (a number such as 8 or 7,5) or an empty cell, found `1.234,5`")
        // A value the KPI rejects points at its row too.
        let outside = roiError { _ = try KPI.satisfaction(list, scale: 1...5, satisfiedFrom: 4) }
        #expect(outside?.description == "enquete.csv, row 2, column \"Cijfer\": score 8 lies outside the scale 1..5")
        let nps = try ScoreList.parse(cells: [(2, "10"), (5, "7,5")], source: "nps.csv", column: "Aanbevelen")
        #expect(roiError { _ = try KPI.netPromoterScore(nps) }?.description
            == "nps.csv, row 5, column \"Aanbevelen\": expected a whole number from 0 to 10 (the NPS scale), found 7.5")
        let empty = try ScoreList.parse(cells: [(2, ""), (3, " ")], source: "nps.csv", column: "Aanbevelen")
        #expect(roiError { _ = try KPI.netPromoterScore(empty) }?.description
            == "nps.csv, column \"Aanbevelen\": holds no scores; expected a number in at least one row")
    }

    @Test func theReportComputesWhatWasGivenInAFixedOrder() throws {
        var request = KPIRequest()
        request.resolvedFirstTime = 8
        request.cases = 10
        request.promoters = 5
        request.passives = 3
        request.detractors = 2
        request.reached = 100
        request.converted = 10
        let results = try KPIReport.evaluate(request)
        #expect(results.map(\.key) == ["conversion_ratio", "nps", "first_time_resolution"])
        #expect(results[1].value == 30)
        #expect(KPIReport.json(results).text == KPIReport.json(try KPIReport.evaluate(request)).text)
        #expect(KPIReport.text(results).contains("Net Promoter Score"))
    }

    @Test func theReportNamesAMissingPartner() {
        var request = KPIRequest()
        request.reached = 100
        #expect(roiError { _ = try KPIReport.evaluate(request) }?.description == "--reached: needs --converted as well")
        #expect(roiError { _ = try KPIReport.evaluate(KPIRequest()) }?.message.contains("nothing to compute") == true)
        var scale = KPIRequest()
        scale.satisfactionScores = Self.scores([7, 8])
        scale.satisfactionScale = 1...10
        #expect(roiError { _ = try KPIReport.evaluate(scale) }?.source == "--satisfied-from")
    }
}
