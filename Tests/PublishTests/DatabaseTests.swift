import Foundation
import Testing

@testable import Publish

/// The committed finished outputs (Rankings/, Statistics/) and models of the repository.
func repositoryInput() throws -> PublishInput {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return try PublishInput.load(rankings: root.appendingPathComponent("Rankings"), statistics: root.appendingPathComponent("Statistics"),
                                 models: root.appendingPathComponent("Surveys/models"),
                                 licence: Licence(name: "CC-BY-4.0", title: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/"),
                                 publisher: "test", syntheticData: true)
}

@Suite struct DatabaseTests {
    @Test func twoBuildsAreByteIdentical() throws {
        let input = try repositoryInput()
        let first = try DatabaseWriter.database(input)
        let second = try DatabaseWriter.database(try repositoryInput())
        #expect(first == second)
        #expect(first.starts(with: Data("SQLite format 3\0".utf8)))
        // Page size 4096 (big-endian at offset 16) and a whole number of pages.
        #expect(Int(first[16]) << 8 | Int(first[17]) == 4096)
        #expect(first.count % 4096 == 0)
    }

    @Test func schemaHoldsEveryTableWithForeignKeysAndFullTextSearch() throws {
        let database = try SQLiteDatabase(bytes: try DatabaseWriter.database(try repositoryInput()))
        let names = Set(try database.query("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap { row -> String? in
            if case .text(let name)? = row.first { return name } else { return nil }
        })
        for table in DatabaseWriter.tables + ["gemeenten_fts"] { #expect(names.contains(table), "\(table)") }
        #expect(try database.query("PRAGMA foreign_key_check").isEmpty)
        let references = try database.query("PRAGMA foreign_key_list(rankings)")
        #expect(references.count == 3)
        // Full-text search finds Hoorn by name and 's-Hertogenbosch by its alias.
        let hoorn = try database.query("SELECT code FROM gemeenten WHERE rowid IN (SELECT rowid FROM gemeenten_fts WHERE gemeenten_fts MATCH 'hoorn')")
        #expect(hoorn.contains([.text("GM0405")]))
        let bosch = try database.query("SELECT code FROM gemeenten WHERE rowid IN (SELECT rowid FROM gemeenten_fts WHERE gemeenten_fts MATCH '\"den bosch\"')")
        #expect(bosch == [[.text("GM0796")]])
    }

    @Test func rowsAreThoseOfTheFinishedOutputs() throws {
        let input = try repositoryInput()
        let database = try SQLiteDatabase(bytes: try DatabaseWriter.database(input))
        for edition in input.editions {
            let count = try database.query("SELECT count(*) FROM rankings WHERE year = \(edition.year)")
            #expect(count == [[.integer(edition.ranking.entries.count)]])
            // The explanation lines add up to the total of every gemeente.
            let mismatches = try database.query("""
                SELECT r.code FROM rankings r JOIN (SELECT year, code, sum(points) AS points FROM explanations GROUP BY year, code) e \
                ON e.year = r.year AND e.code = r.code WHERE r.year = \(edition.year) AND e.points != r.total
                """)
            #expect(mismatches.isEmpty)
        }
        let top = try database.query("SELECT name, total, rank FROM rankings WHERE year = 2012 ORDER BY rank, name LIMIT 3")
        #expect(top == [[.text("Hoorn"), .integer(145), .integer(1)], [.text("Boxtel"), .integer(129), .integer(2)],
                        [.text("Leerdam"), .integer(126), .integer(3)]])
        // A share keeps its denominator and Wilson interval.
        let shares = try database.query("SELECT count, denominator, value, wilson_low, wilson_high FROM survey_cells WHERE denominator > 0 LIMIT 50")
        #expect(!shares.isEmpty)
        for row in shares {
            guard case .integer(let count) = row[0], case .integer(let denominator) = row[1], case .real(let low) = row[3],
                  case .real(let high) = row[4] else { Issue.record("\(row)"); continue }
            let percent = 100 * Double(count) / Double(denominator)
            #expect(low <= percent + 0.001 && percent <= high + 0.001)
        }
    }

    @Test func textForTheScanHoldsNamesAndExplanations() throws {
        let text = try DatabaseWriter.text(of: try DatabaseWriter.database(try repositoryInput()))
        #expect(text.contains("Hoorn"))
        #expect(text.contains("CREATE TABLE rankings"))
        #expect(text.contains("punten"))
    }
}
