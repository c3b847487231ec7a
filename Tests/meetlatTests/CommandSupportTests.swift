import ArgumentParser
import Foundation
import PersonalData
import Testing
@testable import meetlat

/// The seams every command shares: how a failure ends a command, and which folder options it takes.
@Suite struct CommandSupportTests {
    struct Broken: Error, CustomStringConvertible {
        var description: String { "Surveys/2012/mapping.yaml, line 3: broken" }
    }

    @Test func aFailureEndsTheCommandWithStatusOne() {
        // The message itself goes to standard error as `meetlat: <description>`.
        #expect(throws: ExitCode.failure) { try reportingErrors { throw Broken() } }
        // An exit the command chose on purpose keeps its status.
        #expect(throws: ExitCode(3)) { try reportingErrors { throw ExitCode(3) } }
        var ran = false
        #expect(throws: Never.self) { try reportingErrors { ran = true } }
        #expect(ran)
    }

    @Test func emitWritesTheWholeFileAtomically() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("meetlat-emit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out/report.json").path
        try emit("{}\n", to: path, inputs: [])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{}\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path) == ["report.json"])
    }

    @Test func commandsTakeOnlyTheFoldersTheyUse() throws {
        let stats = try #require(try Meetlat.parseAsRoot(["stats", "--year", "2012", "--surveys", "private"]) as? StatsCommand)
        #expect(stats.surveys.surveysURL.lastPathComponent == "private")
        #expect(throws: (any Error).self) { try Meetlat.parseAsRoot(["stats", "--year", "2012", "--rankings", "R"]) }
        #expect(throws: (any Error).self) { try Meetlat.parseAsRoot(["explain", "Hoorn", "--year", "2012", "--reports", "R"]) }
        let ingest = try #require(try Meetlat.parseAsRoot(["ingest", "--reports", "private-reports"]) as? IngestCommand)
        #expect(ingest.reports.reports == "private-reports")
        #expect(throws: (any Error).self) { try Meetlat.parseAsRoot(["ingest", "--rankings", "R"]) }
        let compare = try #require(try Meetlat.parseAsRoot(["compare", "2011", "2012", "--rankings", "R", "--statistics", "S"]) as? CompareCommand)
        #expect(compare.rankings.rankingsURL.lastPathComponent == "R")
        #expect(compare.statistics.statisticsURL.lastPathComponent == "S")
        // compare and site read finished outputs only: no survey folder, no reports.
        #expect(throws: (any Error).self) { try Meetlat.parseAsRoot(["compare", "2011", "2012", "--surveys", "Surveys"]) }
        #expect(throws: (any Error).self) { try Meetlat.parseAsRoot(["site", "--reports", "R"]) }
        let site = try #require(try Meetlat.parseAsRoot(["site", "--statistics", "S", "--rankings", "R"]) as? SiteCommand)
        #expect(site.statistics.statistics == "S" && site.rankings.rankings == "R")
    }

    /// Options are checked when they are parsed, before any input is read, with a message that
    /// names the option.
    @Test func optionsAreCheckedBeforeAnyInputIsRead() throws {
        func message(_ arguments: [String]) -> String {
            do {
                _ = try Meetlat.parseAsRoot(arguments)
                return "parsed"
            } catch {
                return Meetlat.message(for: error)
            }
        }
        #expect(message(["sensitivity", "--year", "2012", "--samples", "1"]).contains("1"))
        #expect(message(["sensitivity", "--year", "2012", "--samples", "1.000"]).contains("--samples"))
        #expect(message(["sensitivity", "--year", "2012", "--problem", "--evaluate", "x.csv"]).contains("cannot be combined"))
        #expect(message(["sensitivity", "--year", "2012", "--format", "yaml"]).contains("--format"))
        #expect(message(["stats"]) == "give --year to print a year's tables, or --write to write Statistics/")
        #expect(message(["stats", "--write", "--format", "csv", "--table", "usage"])
            == "--write writes every table as JSON to the statistics folder; it does not take --table, --format")
        #expect(message(["compare", "2012", "2011"]) == "the earlier year comes first: compare 2011 2012")
        #expect(message(["compare", "2011", "2012", "--top", "0"]) == "--top must be at least 1, found 0")
        #expect(message(["stats", "--year", "2012", "--format", "xml"]).contains("--format"))
        #expect(message(["stats", "--write"]) == "parsed")
        #expect(message(["sensitivity", "--year", "2012", "--samples", "500", "--seed", "2"]) == "parsed")
    }

    /// `stats --output` writes the same tables the terminal would show, into one whole file.
    @Test func statsWritesItsTablesToTheOutputFile() throws {
        let surveys = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Surveys")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("meetlat-stats-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("statistics.md").path
        let command = try #require(try Meetlat.parseAsRoot(
            ["stats", "--year", "2012", "--table", "usage", "--format", "markdown", "--surveys", surveys.path, "--output", path]) as? StatsCommand)
        try command.run()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("186"))    // Tabel 4: burgers informeren, regelmatig tot vaak
        #expect(text.contains("|"))      // Markdown table
    }

    /// Issue 19, item 16: statistics and comparisons are published; personal data that reaches
    /// them (here through a table title in statistics.yaml) stops the output before it is written.
    @Test func statsRefusesToWritePersonalData() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("meetlat-stats-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let surveys = folder.appendingPathComponent("Surveys")
        try FileManager.default.copyItem(at: repository.appendingPathComponent("Surveys"), to: surveys)
        let definition = surveys.appendingPathComponent("statistics.yaml")
        let text = try String(contentsOf: definition, encoding: .utf8)
        let title = "title: Aantal gemeenten dat reageerde, tegenover het totaal"
        #expect(text.contains(title))
        try text.replacingOccurrences(of: title, with: title + " (vragen? j.jansen@hoorn.nl)").write(to: definition, atomically: false, encoding: .utf8)
        let path = folder.appendingPathComponent("statistieken.md").path
        func stats(_ table: String) throws -> StatsCommand {
            try #require(try Meetlat.parseAsRoot(["stats", "--year", "2012", "--table", table, "--format", "markdown",
                                                  "--surveys", surveys.path, "--output", path]) as? StatsCommand)
        }
        #expect(throws: ExitCode.failure) { try stats("response").run() }
        #expect(!FileManager.default.fileExists(atPath: path), "nothing was written")
        // The same command on a table without the address writes: the refusal was the scan's.
        try stats("channels").run()
        #expect(FileManager.default.fileExists(atPath: path))

        // Statistics/ (committed, read by the site) is not written either.
        let statistics = folder.appendingPathComponent("Statistics")
        let write = try #require(try Meetlat.parseAsRoot(["stats", "--write", "--year", "2012", "--surveys", surveys.path,
                                                          "--statistics", statistics.path]) as? StatsCommand)
        #expect(throws: ExitCode.failure) { try write.run() }
        #expect(!FileManager.default.fileExists(atPath: statistics.path), "nothing was written")
    }

    @Test func publishedOutputIsScannedBeforeItIsWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("meetlat-emit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("vergelijking.csv").path
        let error = #expect(throws: PublicationRefused.self) {
            try emit("gemeente,opmerking\nHoorn,bel 06-13572468\n", to: path, inputs: [], published: true)
        }
        #expect(error?.description == """
            \(path):2:11: phone number '06-******68' — refusing to publish
            1 personal-data finding(s) in \(path) (not written) (phone number 1): refusing to publish
            """)
        #expect(!FileManager.default.fileExists(atPath: path))
        try emit("gemeente,punten\nHoorn,145\n", to: path, inputs: [], published: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "gemeente,punten\nHoorn,145\n")
    }
}
