import ArgumentParser
import Foundation
import ROI
import Testing
@testable import meetlat

/// `meetlat roi` and `meetlat kpi` read their options with the ROI library's readers (Dutch
/// numbers, ranges, rates) as `ExpressibleByArgument` values; `validate()` reports a problem in
/// the library's words before anything is read.
@Suite struct ROIOptionsTests {
    /// The message ArgumentParser prints for `arguments` (after `Error: `), or nil when they parse.
    func problem(_ arguments: [String]) -> String? {
        do {
            _ = try Meetlat.parseAsRoot(arguments)
            return nil
        } catch {
            return Meetlat.message(for: error)
        }
    }

    @Test func roiOptionsTakeDutchNumbers() throws {
        let command = try #require(try Meetlat.parseAsRoot(["roi", "s.yaml", "--discount-rate", "4,5 %", "--vary", "contacts_moved=4.000..14.000:2.000",
                                                          "--goal-seek", "contacts_moved", "--target", "25 %", "--within", "1.000..20.000",
                                                          "--monte-carlo", "100.000"]) as? ROICommand)
        #expect(try command.discountRate.value("--discount-rate")?.rate == 0.045)
        #expect(try command.vary[0].value("--vary").values() == [4000, 6000, 8000, 10000, 12000, 14000])
        #expect(try command.within.value("--within")?.range == 1000...20000)
        #expect(try command.monteCarlo.value("--monte-carlo")?.count == 100_000)
        #expect(try WhatIf.parseTarget(command.target, metric: command.goalMetric) == 0.25)
    }

    @Test func roiOptionProblemsAreNamedBeforeAnythingRuns() {
        #expect(problem(["roi", "s.yaml", "--vary", "contacts_moved=9.000..1.000"])
            == "--vary contacts_moved=9.000..1.000: the range is reversed: from (9000) is greater than to (1000); expected from ≤ to")
        #expect(problem(["roi", "s.yaml", "--discount-rate", "4"])?.hasPrefix("--discount-rate 4: a discount rate of 4 is 400 %") == true)
        #expect(problem(["roi", "s.yaml", "--discount-rate", "vier"]) == "--discount-rate vier: expected a yearly rate such as 0,04 or 4 %")
        #expect(problem(["roi", "s.yaml", "--goal-seek", "x", "--target", "1e308"])?.hasPrefix("--target 1e308: expected an ROI") == true)
        #expect(problem(["roi", "s.yaml", "--within", "1..2"]) == "--within: applies to --goal-seek; name the input to seek with --goal-seek")
        #expect(problem(["roi", "s.yaml", "--monte-carlo", "1"])?.hasPrefix("--monte-carlo: needs at least 2 samples") == true)
        #expect(problem(["roi", "s.yaml", "--monte-carlo", "2,5"])?.hasPrefix("--monte-carlo 2,5: expected a whole number of 0 or more") == true)
        #expect(problem(["roi", "s.yaml", "--export-model", "--tornado"])?.hasPrefix("--export-model: prints the model only") == true)
        #expect(problem(["roi", "s.yaml", "--vary", "a=1..2", "--vary", "b=1..2", "--vary", "c=1..2"])?.hasPrefix("--vary: given 3 times") == true)
    }

    @Test func kpiCountsAreBoundedSoNothingOverflows() throws {
        #expect(problem(["kpi", "--promoters", "9223372036854775807", "--passives", "1", "--detractors", "1"])
            == "--promoters 9223372036854775807: expected a whole number of 0 or more (such as 12.000), at most 1.000.000.000.000.000")
        let command = try #require(try Meetlat.parseAsRoot(["kpi", "--reached", "12.000", "--converted", "1.200", "--time-before", "2,5",
                                                          "--time-after", "2", "--confidence", "90 %", "--a-reached", "1000",
                                                          "--a-converted", "50", "--b-reached", "1000", "--b-converted", "70"]) as? KPICommand)
        let request = try command.request(scores: false)
        #expect(request.reached == 12_000 && request.converted == 1_200)
        #expect(request.timeBefore == 2.5 && request.confidence == 0.9)
        #expect(try KPIReport.evaluate(request).map(\.key) == ["conversion_ratio", "throughput_time_change", "ab_test"])
        #expect(problem(["kpi", "--confidence", "95"]) == "--confidence 95: expected a confidence level between 0 and 100 %, such as 95 % or 0,95")
        #expect(problem(["kpi", "--activity-log", "log.csv"])?.hasPrefix("--activity-log: needs --activity-user and --activity-date") == true)
        #expect(problem(["kpi", "--activity-user", "Naam"]) == "--activity-user: needs --activity-log, the CSV file to read the column from")
    }

    /// The user lifecycle from a real CSV file, read by Ingest's libcsv reader (`;`, Windows-1252).
    @Test func theLifecycleComesFromACSVLog() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("meetlat-lifecycle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("activiteit.csv").path
        let text = "Gebruiker;Datum;Bericht\nJoëlle;02-01-2024 09:15;vraag over afval\nbram;2024-01-20;antwoord\nJoëlle;2024-02-03;dank\n"
        try Data(text.data(using: .windowsCP1252) ?? Data()).write(to: URL(fileURLWithPath: path))
        let command = try #require(try Meetlat.parseAsRoot(["kpi", "--activity-log", path, "--activity-user", "Gebruiker",
                                                          "--activity-date", "Datum"]) as? KPICommand)
        let lifecycle = try #require(try command.request(scores: true).lifecycle)
        // January: Joëlle and bram, both new; February: Joëlle returns, bram lapsed.
        #expect(lifecycle.rows.map(\.period) == ["2024-01", "2024-02"])
        #expect(lifecycle.rows.map(\.active) == [2, 1])
        #expect(lifecycle.rows[1].returning == 1 && lifecycle.rows[1].lapsed == 1)
        let broken = folder.appendingPathComponent("kapot.csv").path
        try "Gebruiker,Datum\nanna,31-02-2024\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let bad = try #require(try Meetlat.parseAsRoot(["kpi", "--activity-log", broken, "--activity-user", "Gebruiker", "--activity-date", "Datum"]) as? KPICommand)
        #expect(throws: ROIError(source: broken, row: 2, field: "column \"Datum\"", message: "expected a date such as 2024-03-15 or 15-03-2024, found `31-02-2024`")) {
            _ = try bad.request(scores: true)
        }
    }
}
