import Core
import Foundation
import Ingest
import Scoring
import Testing
@testable import Stats

/// The synthetic demo years (Surveys/2011–2013, generated to match the published aggregates)
/// must reproduce the published tables. These tests run once the demo years and the reference
/// are in the repository, and the compare test once `meetlat score` has written Rankings/.
enum DemoData {
    struct Year {
        var report: StatisticsReport
        var published: PublishedYear
        var reference: Reference
    }

    static func year(_ year: Int) throws -> Year {
        let folder = SurveyFolder(Fixture.surveys)
        let reference = try folder.reference()
        let survey = try folder.ingest(year: year, reference: reference)
        let questionnaire = try folder.mapping(year: year).questionnaire
        let definition = try StatisticsDefinition.load(from: folder.statisticsURL)
        let published = try #require(try PublishedYear.load(year: year, surveys: Fixture.surveys))
        let report = try SurveyStatistics(definition: definition, reference: reference)
            .report(for: survey.accepted, questionnaire: questionnaire, published: published)
        return Year(report: report, published: published, reference: reference)
    }

    /// The published figures of `tables` (as printed in `sources`, e.g. "Tabel 7-1") that the
    /// computed tables do not reproduce.
    static func differences(_ year: Year, tables: Set<String>, sources: [String]? = nil) -> [String] {
        var published = year.published
        published.tables = published.tables.filter { table in
            tables.contains(table.id) && (sources.map { $0.contains { table.table.hasPrefix($0) } } ?? true)
        }
        return PublishedComparison(report: year.report, published: published, sizeClasses: year.reference.sizeClasses)
            .differences.map(\.description)
    }
}

@Suite(.enabled(if: Fixture.exists("Surveys/2012/mapping.yaml"))) struct DemoData2012Tests {
    @Test func tabel1RespondentsPerSizeClass() throws {
        let year = try DemoData.year(2012)
        let response = try #require(year.report.tables.first { $0.id == "response" })
        var respondents: [Int] = []
        for minimum in [0, 10_000, 50_000, 100_000] {
            let sizeClass = try #require(year.reference.sizeClasses.first { $0.minimum == minimum })
            guard case .count(let count) = try #require(response.cell(row: sizeClass.id, column: "respondents")) else {
                Issue.record("no count for \(sizeClass.label)")
                continue
            }
            respondents.append(count)
        }
        #expect(respondents == [13, 153, 31, 24])
        #expect(response.cell(row: "total", column: "respondents") == .count(221))
        // The report's 420 gemeenten differ from the reference; the difference is shown, not hidden.
        #expect(response.englishNotes.contains { $0.hasPrefix("the report counted 420 gemeenten (Tabel 1)") })
        // Only the class sizes may differ from Tabel 1, never the respondents.
        #expect(DemoData.differences(year, tables: ["response"]).allSatisfy { $0.contains(" denominator: ") })
    }

    @Test func tabel3ChannelsOf2012() throws {
        #expect(DemoData.differences(try DemoData.year(2012), tables: ["channels"]) == [])
    }

    @Test func tabel4UsageCounts() throws {
        let year = try DemoData.year(2012)
        let usage = try #require(year.report.tables.first { $0.id == "usage" })
        #expect(usage.cell(row: "usage.informeren", column: "niet")?.text == "9 % (19/221)")
        #expect(usage.cell(row: "usage.informeren", column: "soms")?.text == "7 % (16/221)")
        #expect(usage.cell(row: "usage.informeren", column: "vaak")?.text == "84 % (186/221)")
        #expect(DemoData.differences(year, tables: ["usage"]) == [])
    }

    @Test func tabel5To10() throws {
        #expect(DemoData.differences(try DemoData.year(2012), tables: ["users", "policy", "staff-policy", "intention", "webcare"]) == [])
    }
}

@Suite(.enabled(if: Fixture.exists("Surveys/2013/mapping.yaml"))) struct DemoData2013Tests {
    @Test func tabel7Dash1ChannelsOf2013() throws {
        #expect(DemoData.differences(try DemoData.year(2013), tables: ["channels"], sources: ["Tabel 7-1"]) == [])
    }

    @Test func tabel7Dash2MeanRatings() throws {
        let year = try DemoData.year(2013)
        let applications = try #require(year.report.tables.first { $0.id == "applications" })
        #expect(applications.cell(row: "application.zenden", column: "mean")?.text == "8.2")
        #expect(applications.cell(row: "application.ambtenaren_delen", column: "mean")?.text == "2.2")
        #expect(DemoData.differences(year, tables: ["applications"]) == [])
    }
}

@Suite(.enabled(if: Fixture.exists("Surveys/2011/mapping.yaml"))) struct DemoData2011Tests {
    @Test func tabel3ChannelsOf2011WithGooglePlusNotAsked() throws {
        let year = try DemoData.year(2011)
        #expect(DemoData.differences(year, tables: ["channels"]) == [])
        let channels = try #require(year.report.tables.first { $0.id == "channels" })
        #expect(channels.cell(row: "googleplus", column: "share") == .notAsked)
    }
}

@Suite(.enabled(if: Fixture.exists("Rankings/2011.json") && Fixture.exists("Rankings/2012.json")))
struct DemoCompareTests {
    @Test func compare2011With2012() throws {
        let from = try RankingFile.load(year: 2011, rankings: Fixture.rankings)
        let to = try RankingFile.load(year: 2012, rankings: Fixture.rankings)
        let comparison = YearComparison(from: from, to: to, reference: try SurveyFolder(Fixture.surveys).reference())
        let riser = try #require(comparison.biggestRiser(withinTop: 10))
        #expect(riser.current.name == "Borsele")
        #expect(riser.previous?.rank == 114 && riser.current.rank == 7)
        #expect(comparison.newEntrants.contains { $0.current.name == "Veghel" })
        // The 2011 ranks of the 2012 top 10, as printed in Tabel 2.
        let published = try #require(try PublishedYear.load(year: 2012, surveys: Fixture.surveys)?.ranking)
        for printed in published.entries {
            let entry = try #require(comparison.top(10).first { $0.current.name == printed.gemeente }, "\(printed.gemeente)")
            #expect(entry.current.rank == printed.rank, "\(printed.gemeente)")
            #expect(entry.previous?.rank == printed.rankPrevious, "\(printed.gemeente)")
        }
        #expect(comparison.modelNotice != nil)
    }
}

/// The site shows the Dutch rendering of every table: each heading has Dutch words and each note
/// is a Dutch sentence of its own (a note that reads the same in both languages was not written
/// in Dutch).
@Suite(.enabled(if: Fixture.exists("Surveys/2013/mapping.yaml") && Fixture.exists("Rankings/2013.json")))
struct DemoDutchTests {
    @Test(arguments: [2011, 2012, 2013])
    func everyTableHasDutchHeadingsAndNotes(year: Int) throws {
        var tables = try DemoData.year(year).report.tables
        if year > 2011 {
            let reference = try SurveyFolder(Fixture.surveys).reference()
            tables += YearComparison(from: try RankingFile.load(year: year - 1, rankings: Fixture.rankings),
                                     to: try RankingFile.load(year: year, rankings: Fixture.rankings), reference: reference).tables()
        }
        for table in tables {
            #expect(!table.caption.dutch.isEmpty, "\(table.id)")
            for column in table.columns { #expect(!column.label.dutch.isEmpty, "\(table.id).\(column.id)") }
            for note in table.notes { #expect(note.dutch != note.english, "\(table.id): \(note.english)") }
            let cells = table.rows.flatMap(\.cells)
            for case .phrase(let phrase) in cells where !phrase.english.isEmpty {
                #expect(phrase.dutch != phrase.english, "\(table.id): \(phrase.english)")
            }
        }
    }
}
