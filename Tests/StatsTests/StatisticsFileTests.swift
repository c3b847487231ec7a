import Core
import Foundation
import Ingest
import Pipeline
import Support
import Testing
@testable import Stats

/// `Statistics/<year>.json` is what the site and `meetlat compare` know of a survey: it must
/// read back to exactly the tables that were computed, and a damaged file must say where.
@Suite struct StatisticsFileTests {
    @Test(arguments: [2011, 2012, 2013])
    func aDemoYearReadsBackExactlyAsComputed(year: Int) throws {
        let folder = SurveyFolder(Fixture.surveys)
        let reference = try folder.reference()
        let definition = try StatisticsDefinition.load(from: folder.statisticsURL)
        let computed = try StatisticsRun.statistics(year: year, in: folder, reference: reference, definition: definition)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("meetlat-statistics-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try AtomicOutput.write(try StatisticsFile.json(computed), to: StatisticsFile.url(year: year, statistics: scratch), inputs: [])

        let read = try StatisticsFile.load(year: year, statistics: scratch)
        #expect(read == computed)
        // Every number the site renders, to the last bit (a double that did not round-trip would
        // change a percentage's last digit or a bar's width).
        #expect(read.tables.map { TableRenderer.render([$0], as: .json, in: .dutch) }
            == computed.tables.map { TableRenderer.render([$0], as: .json, in: .dutch) })
        #expect(read.respondents == computed.tables.first { $0.id == "response" }.flatMap { table in
            guard case .count(let count) = table.cell(row: "total", column: "respondents") else { return nil }
            return count
        })
    }

    @Test func everyKindOfCellRoundTrips() throws {
        let text = StatText("size unknown", dutch: "inwonertal onbekend")
        let cells: [StatCell] = [
            .text("Twitter"), .phrase(text), .phrase(StatText(same: "zelfde")), .count(12), .share(Proportion(186, of: 221)),
            .percent(84.16289592760181, decimals: 1), .interval(ProportionInterval(low: 0.1 / 3, high: 2.0 / 3), decimals: 1),
            .number(1_212.5, decimals: 2), .occurrences([.init(value: 8, count: 27), .init(value: 7.5, count: 27)], decimals: 1),
            .change(-3), .difference(15.6, decimals: 1, unit: "pp"), .notAsked, .empty,
        ]
        let table = StatTable(id: "t", definition: "t", caption: StatText(same: "Tabel 1 — Test"), period: "2012",
                              columns: cells.indices.map { StatColumn("c\($0)", StatText("c", dutch: "k"), $0 == 0 ? .left : .right) },
                              rows: [StatRow(id: "r", cells: cells)], notes: [text])
        let statistics = YearStatistics(year: 2012, model: "meetlat-2012", respondents: 221, anonymous: 155, options: [], tables: [table])
        let json = try StatisticsFile.json(statistics)
        #expect(try JSONDecoder().decode(YearStatistics.self, from: json) == statistics)
        let written = String(decoding: json, as: UTF8.self)
        // A text that is the same in both languages is written once; an empty cell is null.
        #expect(written.contains("\"caption\" : \"Tabel 1 — Test\""))
        #expect(written.contains("\"phrase\" : \"zelfde\""))
        #expect(written.contains("null"))
    }

    @Test func aDamagedFileNamesWhereItIsDamaged() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("meetlat-statistics-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let table = StatTable(id: "t", definition: "t", caption: StatText(same: "T"), period: "2012",
                              columns: [StatColumn("label", StatText(same: "L"), .left)], rows: [StatRow(id: "r", cells: [.count(3)])])
        let statistics = YearStatistics(year: 2012, model: "meetlat-2012", respondents: 1, anonymous: 0, options: [], tables: [table])
        let url = StatisticsFile.url(year: 2012, statistics: scratch)
        let text = String(decoding: try StatisticsFile.json(statistics), as: UTF8.self)
        try AtomicOutput.write(text.replacingOccurrences(of: "\"count\" : 3", with: "\"cout\" : 3"), to: url, inputs: [])
        let damaged = #expect(throws: DataFileError.self) { try StatisticsFile.load(year: 2012, statistics: scratch) }
        #expect(damaged?.description.hasPrefix("\(url.path): at tables[0].rows[0].cells[0]: expected a cell") == true)

        try AtomicOutput.write(text, to: StatisticsFile.url(year: 2013, statistics: scratch), inputs: [])
        let misplaced = #expect(throws: DataFileError.self) { try StatisticsFile.load(year: 2013, statistics: scratch) }
        #expect(misplaced?.description == "\(scratch.path)/2013.json: at year: found 2012, expected 2013")
        let missing = #expect(throws: DataFileError.self) { try StatisticsFile.load(year: 2014, statistics: scratch) }
        #expect(missing?.description == "\(scratch.path)/2014.json: file not found; run `meetlat stats --write` first")
    }
}
