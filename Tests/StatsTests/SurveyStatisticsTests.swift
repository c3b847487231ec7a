import Core
import Foundation
import Testing
@testable import Stats

/// A small 2012: eight gemeenten in four size classes, five respondents.
private let reference = Fixture.reference(year: 2012, [
    ("GM0001", 5_000), ("GM0002", 8_000),                        // < 10.000: N = 2
    ("GM0003", 20_000), ("GM0004", 30_000), ("GM0005", 40_000),  // 10.000 – 49.999: N = 3
    ("GM0006", 60_000),                                          // 50.000 – 99.999: N = 1, nobody answers
    ("GM0007", 150_000), ("GM0008", 200_000),                    // ≥ 100.000: N = 2
])

private let survey = Fixture.survey(year: 2012, [
    ("GM0001", ["channels": Fixture.selection("twitter"), "policy": Fixture.choice("ja"), "grade": Fixture.number(6),
                "usage.informeren": Fixture.choice("vaak"), "followers.twitter": Fixture.number(500)]),
    ("GM0003", ["channels": Fixture.selection("twitter", "facebook"), "policy": Fixture.choice("nee"), "grade": Fixture.number(8),
                "usage.informeren": Fixture.choice("vaak"), "followers.twitter": Fixture.number(400)]),
    ("GM0004", ["channels": .missing, "policy": Fixture.choice("in_ontwikkeling"), "grade": Fixture.number(6),
                "usage.informeren": Fixture.choice("soms"), "followers.twitter": .missing]),
    ("GM0007", ["channels": Fixture.selection("twitter", "linkedin"), "policy": Fixture.choice("ja"), "grade": .missing,
                "usage.informeren": Fixture.choice("vaak"), "followers.twitter": .number(3_000, approximate: true)]),
    ("GM0008", ["channels": Fixture.selection(), "policy": .missing, "grade": Fixture.number(1),
                "usage.informeren": .missing, "followers.twitter": Fixture.number(250_000)]),
], anonymous: 3)

private let channelOptions = ["linkedin", "twitter", "facebook", "hyves", "pinterest"].map { ValueLabel(value: $0, label: $0.capitalized) }
private let definition = StatisticsDefinition(tables: [
    TableDefinition(id: "response", number: "Tabel 1", title: "Respons", kind: .response),
    TableDefinition(id: "channels", number: "Tabel 3", title: "Kanalen", kind: .options, field: "channels", options: channelOptions),
    TableDefinition(id: "users", number: "Tabel 5", title: "Gebruikers", kind: .options, field: "users",
                    options: [ValueLabel(value: "raadsleden", label: "Raadsleden")]),
    TableDefinition(id: "usage", number: "Tabel 4", title: "Gebruik", kind: .choiceGrid,
                    fields: [FieldLabel(field: "usage.informeren", label: "Burgers informeren"),
                             FieldLabel(field: "usage.reageren", label: "Om te reageren")],
                    values: ["niet", "soms", "vaak"].map { ValueLabel(value: $0, label: $0) }),
    TableDefinition(id: "policy", number: "Tabel 7", title: "Beleid", kind: .choice, field: "policy",
                    values: ["ja", "nee", "in_ontwikkeling"].map { ValueLabel(value: $0, label: $0) }),
    TableDefinition(id: "grade", title: "Cijfer", kind: .numbers, fields: [FieldLabel(field: "grade", label: "Cijfer")], decimals: 2),
    TableDefinition(id: "followers-share", title: "Volgers per inwoner", kind: .shareOfInhabitants,
                    fields: [FieldLabel(field: "followers.twitter", label: "Twitter")], decimals: 2,
                    buckets: [Bucket(id: "2", label: "2 %", from: 2, to: 2), Bucket(id: "5-11", label: "5 – 11 %", from: 5, to: 11),
                              Bucket(id: "12+", label: "12 % of meer", from: 12, to: nil)]),
])

/// The 2012 form offered no Pinterest.
private let questionnaire = Questionnaire(offered: ["channels": ["linkedin", "twitter", "facebook", "hyves"]])

private func report(published: PublishedYear? = nil) throws -> StatisticsReport {
    try SurveyStatistics(definition: definition, reference: reference).report(for: survey, questionnaire: questionnaire, published: published)
}

private func table(_ id: String, published: PublishedYear? = nil) throws -> StatTable {
    try #require(try report(published: published).tables.first { $0.id == id })
}

@Suite struct SurveyStatisticsTests {
    @Test func notAskedIsNotZeroPercent() throws {
        let channels = try table("channels")
        // Hyves was offered and nobody chose it: 0 %, with its denominator.
        #expect(channels.cell(row: "hyves", column: "share") == .share(Proportion(0, of: 4)))
        #expect(channels.cell(row: "hyves", column: "share")?.text == "0 % (0/4)")
        // Pinterest was not on the form: niet gevraagd, in every column.
        #expect(channels.row("pinterest")?.cells.dropFirst().allSatisfy { $0 == .notAsked } == true)
        #expect(channels.cell(row: "pinterest", column: "share")?.text == "niet gevraagd")
        #expect(channels.englishNotes.contains("not offered on the 2012 form for 'channels' (niet gevraagd): pinterest"))
        #expect(channels.dutchNotes.contains("stond in 2012 niet op de vragenlijst (niet gevraagd): Pinterest"))
        // No response holds `users`: the whole question was not asked.
        let users = try table("users")
        #expect(users.cell(row: "raadsleden", column: "share") == .notAsked)
        #expect(users.englishNotes == ["not asked in 2012: users"])
        #expect(users.dutchNotes == ["in 2012 niet gevraagd"])
        // A grid row whose field was not asked.
        let usage = try table("usage")
        #expect(usage.row("usage.reageren")?.cells.dropFirst().allSatisfy { $0 == .notAsked } == true)
    }

    @Test func percentagesAreOfThoseWhoAnsweredWithTheDenominatorShown() throws {
        let channels = try table("channels")
        // 4 answered (GM0004 .missing is left out; GM0008's empty selection is an answer).
        #expect(channels.cell(row: "twitter", column: "share")?.text == "75 % (3/4)")
        #expect(channels.cell(row: "facebook", column: "share")?.text == "25 % (1/4)")
        #expect(channels.englishNotes.first == "percentages are of the 4 respondents who answered 'channels' (1 of 5 did not)")
        #expect(channels.dutchNotes.first == "percentages van wie de vraag beantwoordde: 4 van de 5 deelnemende gemeenten")
        let policy = try table("policy")
        #expect(policy.cell(row: "ja", column: "share")?.text == "50 % (2/4)")
        #expect(policy.cell(row: "total", column: "share")?.text == "100 % (4/4)")
        let usage = try table("usage")
        #expect(usage.cell(row: "usage.informeren", column: "vaak")?.text == "75 % (3/4)")
        #expect(usage.cell(row: "usage.informeren", column: "niet")?.text == "0 % (0/4)")
        #expect(usage.cell(row: "usage.informeren", column: "answered") == .count(4))
    }

    @Test func sharesComeWithWilsonAndPostStratifiedEstimates() throws {
        let channels = try table("channels")
        let wilson = try #require(WilsonInterval.interval(successes: 3, trials: 4))
        #expect(channels.cell(row: "twitter", column: "wilson") == .interval(wilson, decimals: 1))
        // Twitter by class: < 10.000 1/1 (N 2), 10.000 – 49.999 1/1 (N 3; GM0004 did not answer),
        // 50.000 – 99.999 nobody (N 1: left out), ≥ 100.000 1/2 (N 2).
        // p_ps = (2·1 + 3·1 + 2·0.5) / 7 = 6/7 = 85.7 %
        guard case .percent(let estimate, 1) = try #require(channels.cell(row: "twitter", column: "estimate")) else {
            Issue.record("no estimate")
            return
        }
        #expect(abs(estimate - 600.0 / 7) < 1e-9)
        #expect(channels.cell(row: "twitter", column: "estimate")?.text == "85.7 %")
        #expect(channels.englishNotes.contains { $0.hasPrefix("size class 50.000 – 99.999 (1 gemeente) has no respondents") })
        #expect(channels.notes.contains(PostStratifiedEstimate.methodNote))
    }

    @Test func responseBySizeClassPrintsTheReferenceAndNotesThePublishedCount() throws {
        let published = PublishedYear(year: 2012, gemeenten: 10, tables: [
            PublishedTable(id: "response", source: "book", table: "Tabel 1", figures: [
                PublishedFigure(classMinimum: 0, label: "< 10.000", count: 1, denominator: 3, percent: 33),
                PublishedFigure(classMinimum: 10_000, label: "10 – 50.000", count: 2, denominator: 3, percent: 67),
            ]),
        ])
        let response = try table("response", published: published)
        #expect(response.rows.map(\.id) == ["lt10k", "10k-50k", "50k-100k", "ge100k", "total"])
        #expect(response.cell(row: "lt10k", column: "share")?.text == "50 % (1/2)")
        #expect(response.cell(row: "10k-50k", column: "share")?.text == "67 % (2/3)")
        #expect(response.cell(row: "50k-100k", column: "share")?.text == "0 % (0/1)")
        #expect(response.cell(row: "total", column: "share")?.text == "63 % (5/8)")   // 62.5 % rounds up
        #expect(response.englishNotes.contains("3 further responses named no gemeente: not counted"))
        #expect(response.dutchNotes.contains("3 ingevulde vragenlijsten zonder naam van een gemeente: niet meegeteld"))
        #expect(response.englishNotes.contains("the report counted 10 gemeenten (Tabel 1); the reference has 8 on 1 January 2012"))
        #expect(response.englishNotes.contains("Tabel 1 printed 1 respondents of 3 gemeenten (33 %) for < 10.000; the reference has 2"))
        // Where the published class total equals the reference, nothing is said.
        #expect(!response.englishNotes.contains { $0.contains("10 – 50.000") })
    }

    @Test func numberSummaryGivesModeMinimumAndMaximumWithCounts() throws {
        let grade = try table("grade")
        // Answers 6, 8, 6, 1 (GM0007 missing): mean 5.25, median 6, mode 6 twice.
        #expect(grade.cell(row: "grade", column: "n") == .count(4))
        #expect(grade.cell(row: "grade", column: "mean")?.text == "5.25")
        #expect(grade.cell(row: "grade", column: "median")?.text == "6.00")
        #expect(grade.cell(row: "grade", column: "mode")?.text == "6 (2×)")
        #expect(grade.cell(row: "grade", column: "min")?.text == "1 (1×)")
        #expect(grade.cell(row: "grade", column: "max")?.text == "8 (1×)")
    }

    @Test func followersAsAShareOfInhabitants() throws {
        let tables = try report().tables(for: "followers-share")
        #expect(tables.map(\.id) == ["followers-share", "followers-share.buckets"])
        let summary = tables[0]
        // 500/5.000 = 10 %, 400/20.000 = 2 %, 3.000/150.000 = 2 %, 250.000/200.000 = 125 %
        #expect(summary.cell(row: "followers.twitter", column: "n") == .count(4))
        #expect(summary.cell(row: "followers.twitter", column: "mean")?.text == "34.75")
        #expect(summary.cell(row: "followers.twitter", column: "median")?.text == "6.00")
        #expect(summary.cell(row: "followers.twitter", column: "mode")?.text == "2 (2×)")
        #expect(summary.englishNotes.contains { $0.hasPrefix("followers.twitter: 1 gemeente reports more than its number of inhabitants") })
        // The site's note names the question by its label, and agrees in number.
        let label = try #require(summary.row("followers.twitter")?.cells.first?.text)
        #expect(summary.dutchNotes.contains { $0.hasPrefix("\(label): 1 gemeente geeft meer op dan haar aantal inwoners") })
        let buckets = tables[1]
        #expect(buckets.cell(row: "2", column: "followers.twitter")?.text == "50 % (2/4)")
        #expect(buckets.cell(row: "5-11", column: "followers.twitter")?.text == "25 % (1/4)")
        #expect(buckets.cell(row: "12+", column: "followers.twitter")?.text == "25 % (1/4)")
    }

    @Test func answersTheDefinitionDoesNotListAreShownNotDropped() throws {
        var odd = survey
        odd.responses[0].values["policy"] = .choice("weet_niet")
        let report = try SurveyStatistics(definition: definition, reference: reference).report(for: odd, only: "policy")
        let policy = try #require(report.tables.first)
        #expect(policy.rows.map(\.id) == ["ja", "nee", "in_ontwikkeling", "weet_niet", "total"])
        #expect(policy.cell(row: "weet_niet", column: "share")?.text == "25 % (1/4)")
        #expect(policy.englishNotes.contains("answers not listed for 'policy' in statistics.yaml, shown under their own name: weet_niet"))
    }

    @Test func aValueOfTheWrongTypeIsAClearError() throws {
        var odd = survey
        odd.responses[1].values["grade"] = .choice("zes")
        #expect(throws: StatsError.unexpectedValue(field: "grade", gemeente: "GM0003", row: 3, found: "the choice 'zes'", expected: "a number")) {
            try SurveyStatistics(definition: definition, reference: reference).report(for: odd, only: "grade")
        }
        odd.responses[1].values["grade"] = .selection(["zes", "zeven"])
        #expect(throws: StatsError.unexpectedValue(field: "grade", gemeente: "GM0003", row: 3, found: "the selection {zes, zeven}", expected: "a number")) {
            try SurveyStatistics(definition: definition, reference: reference).report(for: odd, only: "grade")
        }
        #expect(throws: StatsError.self) {
            try SurveyStatistics(definition: definition, reference: reference).report(for: survey, only: "nope")
        }
    }

    @Test func respondentsWithoutInhabitantsAreCountedButNotWeighted() throws {
        let reference = Fixture.reference(year: 2012, [("GM0001", 5_000), ("GM0003", 20_000)],
                                          extra: [Gemeente(code: "GM0099", name: "Nieuw", province: "Utrecht", firstYear: 2012)])
        let survey = Fixture.survey(year: 2012, [
            ("GM0001", ["channels": Fixture.selection("twitter")]),
            ("GM0099", ["channels": Fixture.selection("twitter")]),
        ])
        let report = try SurveyStatistics(definition: definition, reference: reference).report(for: survey)
        let channels = try #require(report.tables.first { $0.id == "channels" })
        #expect(channels.cell(row: "twitter", column: "share")?.text == "100 % (2/2)")
        #expect(channels.englishNotes.contains("1 respondent has no inhabitants figure for 2012 in the reference: counted in the raw shares, left out of the post-stratified estimates"))
        let response = try #require(report.tables.first { $0.id == "response" })
        #expect(response.row("unknown")?.cells == [.phrase(StatText("size unknown", dutch: "inwonertal onbekend")), .count(1), .count(1), .empty])
    }
}
