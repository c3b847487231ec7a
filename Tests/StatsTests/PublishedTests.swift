import Configuration
import Core
import Support
import Foundation
import Ingest
import Pipeline
import Testing
@testable import Stats

@Suite struct PublishedFiguresTests {
    @Test func everyPublishedYearLoadsAndNamesItsSources() throws {
        for year in [2011, 2012, 2013] {
            let published = try #require(try PublishedYear.load(year: year, surveys: Fixture.surveys))
            #expect(published.year == year)
            for table in published.tables {
                #expect(published.sources[table.source] != nil, "\(year) \(table.table)")
                #expect(!table.figures.isEmpty)
            }
        }
        #expect(try PublishedYear.load(year: 1999, surveys: Fixture.surveys) == nil)
    }

    /// One rule for every printed "-": not asked, unless the source shows the question was asked
    /// (then not reported). Today: 2011 Google+, Pinterest and Ander and 2013 Hyves not asked;
    /// 2012 Ander not reported (the 2012 text names other channels).
    @Test func everyPrintedDashIsReadByOneRule() throws {
        var dashes: [String] = []
        for year in [2011, 2012, 2013] {
            let published = try #require(try PublishedYear.load(year: year, surveys: Fixture.surveys))
            for table in published.tables {
                for figure in table.figures where figure.printedDash {
                    #expect(!(figure.notAsked == true && figure.notReported == true), "\(year) \(table.table)")
                    #expect(figure.count == nil && figure.percent == nil && figure.value == nil, "a dash prints no figure")
                    dashes.append("\(year) \(table.table) \(figure.row ?? "") \(figure.notAsked == true ? "not asked" : "not reported")")
                }
            }
        }
        #expect(dashes == [
            "2011 Tabel 3 (rij 2011) googleplus not asked", "2011 Tabel 3 (rij 2011) pinterest not asked",
            "2011 Tabel 7-1 (kolom 2011) other not asked", "2011 Tabel 7-1 (kolom 2011) googleplus not asked",
            "2011 Tabel 7-1 (kolom 2011) pinterest not asked", "2011 Tabel 8 (kolom 2011) richtlijnen not asked",
            "2012 Tabel 7-1 (kolom 2012) other not reported", "2013 Tabel 7-1 (kolom 2013) hyves not asked",
        ])
        // The statistics follow: a "not reported" share carries a note saying where it comes from.
        let tables = try StatisticsRun.tables(year: 2012, in: SurveyFolder(Fixture.surveys), only: "channels")
        let channels = try #require(tables.first { $0.id == "channels" })
        #expect(channels.notes.contains { $0.dutch.contains("Ander \"-\" af: wel gevraagd, niet gerapporteerd") })
    }

    @Test func publishedTablesBelongToDefinedStatisticsTables() throws {
        let definition = try StatisticsDefinition.load(from: Fixture.surveys.appendingPathComponent("statistics.yaml"))
        for year in [2011, 2012, 2013] {
            let published = try #require(try PublishedYear.load(year: year, surveys: Fixture.surveys))
            for table in published.tables {
                let defined = try #require(definition.table(table.id), "\(year) \(table.table): no table '\(table.id)'")
                // Rows name a field, option or value the definition knows (or a bucket / total).
                let known = Set(defined.fieldNames + (defined.options ?? []).map(\.value) + (defined.values ?? []).map(\.value)
                                + (defined.buckets ?? []).map(\.id) + ["total"])
                for figure in table.figures {
                    if let row = figure.row { #expect(known.contains(row), "\(year) \(table.table): unknown row \(row)") }
                }
            }
        }
    }

    @Test func the2012TablesAreTranscribed() throws {
        let published = try #require(try PublishedYear.load(year: 2012, surveys: Fixture.surveys))
        let tabel1 = try #require(published.tables("response").first)
        #expect(tabel1.figures.compactMap(\.count) == [13, 153, 31, 24, 221])
        #expect(tabel1.figures.compactMap(\.denominator) == [39, 303, 47, 31, 420])
        let tabel4 = try #require(published.tables("usage").first)
        #expect(tabel4.figures.count == 21)
        #expect(tabel4.figures.first { $0.row == "usage.informeren" && $0.column == "vaak" }?.count == 186)
        #expect(published.tables("channels").map(\.table) == ["Tabel 3 (rij 2012)", "Tabel 7-1 (kolom 2012)"])
        #expect(published.ranking?.entries.first { $0.gemeente == "Borsele" }?.rankPrevious == 114)
        #expect(published.ranking?.entries.first { $0.gemeente == "Veghel" }?.rankPrevious == nil)
    }

    /// Every place where the published figures disagree with themselves, recomputed from the
    /// counts with half-up rounding. The list is asserted as it is: the report is not corrected.
    @Test func publishedPercentagesThatDifferFromTheirCounts() throws {
        let published2012 = try #require(try PublishedYear.load(year: 2012, surveys: Fixture.surveys))
        typealias Kind = PublishedInconsistency.Kind
        let expected: [(String, String, Kind)] = [
            // Tabel 4 prints no total; each row's percentages are recomputed against the row total.
            ("Tabel 4", "usage.informeren/niet", .percent(count: 19, denominator: 221, basis: .rowTotal, printed: 8)),       // 8.6 %
            ("Tabel 4", "usage.crisiscommunicatie/vaak", .percent(count: 157, denominator: 219, basis: .rowTotal, printed: 71)), // 71.7 %
            ("Tabel 4", "usage.pers_volgen/vaak", .percent(count: 116, denominator: 219, basis: .rowTotal, printed: 52)),   // 53.0 %
            ("Tabel 4", "usage.pers_reageren/niet", .percent(count: 135, denominator: 220, basis: .rowTotal, printed: 62)), // 61.4 %
            ("Tabel 4", "usage.reageren", .sum(found: 220, expected: 221, of: "the number of respondents")),
            ("Tabel 4", "usage.crisiscommunicatie", .sum(found: 219, expected: 221, of: "the number of respondents")),
            ("Tabel 4", "usage.pers_volgen", .sum(found: 219, expected: 221, of: "the number of respondents")),
            ("Tabel 4", "usage.pers_reageren", .sum(found: 220, expected: 221, of: "the number of respondents")),
            ("Tabel 10", "in_ontwikkeling", .percent(count: 87, denominator: 221, basis: .tableTotal, printed: 40)),         // 39.4 %
        ]
        let found = published2012.inconsistencies()
        #expect(found == expected.map { PublishedInconsistency(year: 2012, table: $0.0, address: $0.1, kind: $0.2) })
        #expect(found.first?.description == "2012 Tabel 4 usage.informeren/niet: 19 of 221 (row total) = 8.6 %, printed 8 %")
        #expect(found[5].description == "2012 Tabel 4 usage.crisiscommunicatie: counts add up to 219, the number of respondents is 221")
        // 2011's columns (of 291) and 2013's figures agree with themselves.
        for year in [2011, 2013] {
            #expect(try #require(try PublishedYear.load(year: year, surveys: Fixture.surveys)).inconsistencies().isEmpty)
        }
    }

    @Test func inconsistenciesUseTheFiguresOwnDenominatorFirst() {
        let published = PublishedYear(year: 2012, respondents: 100, tables: [
            PublishedTable(id: "response", source: "s", table: "Tabel 1", figures: [
                PublishedFigure(classMinimum: 0, count: 1, denominator: 8, percent: 12),   // 12.5 % rounds half up to 13
                PublishedFigure(classMinimum: 10_000, count: 3, denominator: 8, percent: 38),
                PublishedFigure(row: "total", count: 5, denominator: 16, percent: 31),    // classes add up to 4 and 16
            ]),
        ])
        #expect(published.inconsistencies() == [
            PublishedInconsistency(year: 2012, table: "Tabel 1", address: "size class from 0",
                                   kind: .percent(count: 1, denominator: 8, basis: .printed, printed: 12)),
            PublishedInconsistency(year: 2012, table: "Tabel 1", address: "respondents",
                                   kind: .sum(found: 4, expected: 5, of: "the printed total")),
        ])
    }

    @Test func computedTablesAreComparedWithThePublishedFigures() throws {
        let reference = Fixture.reference(year: 2012, [("GM0001", 5_000), ("GM0002", 20_000), ("GM0003", 30_000)])
        let survey = Fixture.survey(year: 2012, [
            ("GM0001", ["policy": .choice("ja"), "channels": .selection(["twitter"]), "grade": .number(6, approximate: false)]),
            ("GM0002", ["policy": .choice("nee"), "channels": .selection(["twitter"]), "grade": .number(7, approximate: false)]),
            ("GM0003", ["policy": .choice("ja"), "channels": .selection([]), "grade": .number(6, approximate: false)]),
        ])
        let definition = StatisticsDefinition(tables: [
            TableDefinition(id: "response", title: "Respons", kind: .response),
            TableDefinition(id: "policy", title: "Beleid", kind: .choice, field: "policy",
                            values: [ValueLabel(value: "ja", label: "Ja"), ValueLabel(value: "nee", label: "Nee")]),
            TableDefinition(id: "channels", title: "Kanalen", kind: .options, field: "channels",
                            options: [ValueLabel(value: "twitter", label: "Twitter"), ValueLabel(value: "hyves", label: "Hyves")]),
            TableDefinition(id: "grade", title: "Cijfer", kind: .numbers, fields: [FieldLabel(field: "grade", label: "Cijfer")]),
        ])
        let report = try SurveyStatistics(definition: definition, reference: reference)
            .report(for: survey, questionnaire: Questionnaire(offered: ["channels": ["twitter"]]))
        let published = PublishedYear(year: 2012, tables: [
            PublishedTable(id: "response", source: "s", table: "Tabel 1", figures: [
                PublishedFigure(classMinimum: 0, count: 1, denominator: 1, percent: 100),
                PublishedFigure(classMinimum: 10_000, count: 2, denominator: 3, percent: 67),  // reference: 2 of 2
            ]),
            PublishedTable(id: "policy", source: "s", table: "Tabel 7", denominator: 3, figures: [
                PublishedFigure(row: "ja", count: 2, percent: 67),
                PublishedFigure(row: "nee", count: 2, percent: 67),                          // computed 1
            ]),
            PublishedTable(id: "channels", source: "s", table: "Tabel 3", figures: [
                PublishedFigure(row: "twitter", percent: 67),
                PublishedFigure(row: "hyves", notAsked: true),
            ]),
            PublishedTable(id: "grade", source: "s", table: "tekst", figures: [
                PublishedFigure(row: "grade", column: "mean", value: 6.30, decimals: 2),      // computed 6.33
                PublishedFigure(row: "grade", column: "mode", count: 2, value: 6),
            ]),
        ])
        let comparison = PublishedComparison(report: report, published: published, sizeClasses: Fixture.sizeClasses)
        #expect(comparison.checked == 8)
        #expect(comparison.differences.map(\.description) == [
            "Tabel 1 size class from 10000 denominator: published 3, computed 2",
            "Tabel 7 nee count: published 2, computed 1",
            "tekst grade/mean mean: published 6.30, computed 6.33",
        ])
    }
}

@Suite struct DefinitionTests {
    @Test func theRepositoryDefinitionsAreValid() throws {
        let definition = try StatisticsDefinition.load(from: Fixture.surveys.appendingPathComponent("statistics.yaml"))
        #expect(definition.tables.map(\.id).prefix(4) == ["response", "channels", "usage", "users"])
        let usage = try #require(definition.table("usage"))
        #expect(usage.kind == .choiceGrid)
        #expect(usage.values?.map(\.value) == ["niet", "soms", "vaak"])
        #expect(usage.fields?.count == 7)
        #expect(definition.table("applications")?.fields?.count == 12)
    }

    @Test func incompleteDefinitionsAreRejectedWithTheTableNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("statistics.yaml")
        try "tables:\n  - { id: policy, title: Beleid, kind: choice, values: [{ value: ja, label: Ja }] }\n"
            .write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: ConfigError(location: SourceLocation(file: file.path, line: 2, column: 5), key: "tables[1]",
                                    problem: "table `policy`: kind 'choice' needs 'field' (a choice field)")) {
            try StatisticsDefinition.load(from: file)
        }
        try "tables:\n  - { id: x, title: X, kind: histogram }\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: ConfigError(location: SourceLocation(file: file.path, line: 2, column: 30), key: "tables[1].kind",
                                    problem: "unknown value `histogram`; expected one of `response`, `options`, `choice`, `choice-grid`, `numbers`, `share-of-inhabitants`, `ratings`")) {
            try StatisticsDefinition.load(from: file)
        }
        try """
            tables:
              - id: s
                title: S
                kind: share-of-inhabitants
                fields: [{ field: followers.twitter, label: T }]
                buckets: [{ id: a, label: A, from: 0, to: 5 }, { id: b, label: B, from: 5 }]
            """.write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: ConfigError(
            location: SourceLocation(file: file.path, line: 2, column: 5), key: "tables[1]",
            problem: "table `s`: bucket 'b' starts at 5, inside the previous bucket; buckets must ascend without overlap")) {
            try StatisticsDefinition.load(from: file)
        }
        #expect(throws: StatsError.missingFile(path: folder.appendingPathComponent("none.yaml").path,
                                               hint: "expected the survey table definitions (see docs/architecture.md, section Stats)")) {
            try StatisticsDefinition.load(from: folder.appendingPathComponent("none.yaml"))
        }
    }

    @Test func questionnaireReadsOfferedOptionsFromTheMapping() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let surveys = SurveyFolder(folder)
        try FileManager.default.createDirectory(at: surveys.yearURL(2011), withIntermediateDirectories: true)
        try """
            year: 2011
            model: meetlat-2011
            export:
              file: export-2011.csv
            respondent:
              gemeente: "Gemeente"
            fields:
              channels:            # one column per option
                type: multi
                columns:
                  linkedin: "Kanalen - LinkedIn"
                  twitter: "Kanalen - Twitter"
              users:               # one column of joined labels
                type: multi
                column: "Wie?"
                separator: ", "
                labels: { "Raadsleden": raadsleden, "Communicatie": communicatie }
                other: overig      # unlisted parts count as this option
              staff_policy:
                type: choice
                column: "Beleid medewerkers"
                labels: { "Ja": ja, "Nee": nee, "In ontwikkeling": in_ontwikkeling }
              selfscore.twitter:
                type: choice
                column: "Twitter"
                labels: { "Geen account": geen, "1": 1, "2": 2 }
              followers.twitter:
                type: number
                column: "Volgers"
            """.write(to: surveys.mappingURL(2011), atomically: true, encoding: .utf8)
        let questionnaire = try surveys.mapping(year: 2011).questionnaire
        #expect(questionnaire.offered == [
            "channels": ["linkedin", "twitter"],
            "users": ["raadsleden", "communicatie", "overig"],
            "staff_policy": ["ja", "nee", "in_ontwikkeling"],
            "selfscore.twitter": ["geen", "1", "2"],
        ])
        #expect(!questionnaire.offers("richtlijnen", for: "staff_policy"))
        #expect(questionnaire.offers("anything", for: "followers.twitter"))
    }
}
