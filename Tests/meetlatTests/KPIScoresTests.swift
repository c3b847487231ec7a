import ArgumentParser
import Foundation
import ROI
import Testing
@testable import meetlat

/// `meetlat kpi` reads scores from a plain file or, through Ingest's CSV reader, from a column of
/// a CSV file; every message names the file, the row and the column.
@Suite struct KPIScoresTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("meetlat-kpi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func file(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func failure(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return String(describing: error)
        }
    }

    @Test func aColumnOfASemicolonExportWithEmptyCells() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try file("enquete.csv", "Naam;Cijfer;Aanbevelen\nA;8;10\nB;;9\n\"C; D\";7,5;6\n")
        let scores = try #require(try KPICommand.scores(path, column: "Cijfer", option: "--satisfaction"))
        #expect(scores.values == [8, 7.5])
        #expect(scores.lines == [2, 4])
        #expect(scores.column == "Cijfer")
        let nps = try #require(try KPICommand.scores(path, column: "Aanbevelen", option: "--nps"))
        let counted = try KPI.netPromoterScore(nps)
        #expect(counted.promoters == 2 && counted.passives == 0 && counted.detractors == 1)
        // Without a column the file is a plain score file.
        let plain = try file("scores.txt", "8\n7,5\n")
        #expect(try KPICommand.scores(plain, column: nil, option: "--satisfaction")?.values == [8, 7.5])
        #expect(try KPICommand.scores(nil, column: nil, option: "--nps") == nil)
    }

    @Test func problemsNameFileRowAndColumn() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try file("enquete.csv", "Naam,Cijfer\nA,8\nB,veel\n")
        #expect(failure { _ = try KPICommand.scores(path, column: "Cijfer", option: "--satisfaction") }
            == "\(path), row 3, column \"Cijfer\": expected a score (a number such as 8 or 7,5) or an empty cell, found `veel`")
        #expect(failure { _ = try KPICommand.scores(path, column: "cijfers", option: "--satisfaction") }
            == "\(path), row 1: no column \"cijfers\" in the header row; did you mean `Cijfer`?")
        let twice = try file("twice.csv", "Cijfer,Cijfer\n8,7\n")
        #expect(failure { _ = try KPICommand.scores(twice, column: "Cijfer", option: "--satisfaction") }
            == "\(twice), row 1: column \"Cijfer\" appears 2 times in the header row (columns 1, 2); expected it once")
        let short = try file("short.csv", "Naam,Cijfer\nA,8\nB\n")
        #expect(failure { _ = try KPICommand.scores(short, column: "Cijfer", option: "--satisfaction") }
            == "\(short), row 3, column \"Cijfer\": the row ends after 1 of the header's fields, before column 2; a delimiter is missing")
        #expect(failure { _ = try KPICommand.scores(path, column: nil, option: "--nps") }
            == "\(path), line 1: expected one number per line (such as 8 or 7,5), found `Naam,Cijfer`; to read a column of a CSV file, name it with --nps-column")
        #expect(failure { _ = try KPICommand.scores(nil, column: "Cijfer", option: "--nps") }
            == "--nps-column: needs --nps-scores, the CSV file to read the column from")
    }

    @Test func theCommandParsesTheColumnOptions() throws {
        let command = try #require(try Meetlat.parseAsRoot(["kpi", "--nps-scores", "x.csv", "--nps-column", "Aanbevelen"]) as? KPICommand)
        #expect(command.npsScores == "x.csv")
        #expect(command.npsColumn == "Aanbevelen")
        #expect(command.satisfactionColumn == nil)
    }
}
