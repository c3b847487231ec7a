import Core
import Foundation
import MeetlatTestSupport
import Ingest
import Testing
import TestFixtures

/// The three demo years exported as survey tools export them — XLSX written by openpyxl, SPSS
/// written by pyreadstat (Tests/Fixtures/make_fixtures.py) — read with the committed mappings,
/// changed only in `export:` (the file's name; SPSS has no second header row to skip).
@Suite(.serialized) struct ExportFormatTests {
    static let years = [2011, 2012, 2013]

    /// A copy of Surveys/ whose years read the given exports instead of the CSV files.
    final class Copy {
        let root: URL
        var surveys: URL { root.appendingPathComponent("Surveys") }

        init(format: String) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("meetlat-formats-\(UUID().uuidString)")
            let source = Fixtures.package.appendingPathComponent("Surveys")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: surveys)
            guard format != "csv" else { return }
            for year in ExportFormatTests.years {
                let ext = format == "sav" && year == 2013 ? "zsav" : format
                let file = "export-\(year).\(ext)"
                let folder = surveys.appendingPathComponent(String(year))
                try FileManager.default.removeItem(at: folder.appendingPathComponent("export-\(year).csv"))
                try FileManager.default.copyItem(at: try Fixtures.url("demo/\(year)/\(file)"), to: folder.appendingPathComponent(file))
                let mappingURL = folder.appendingPathComponent("mapping.yaml")
                var mapping = try String(contentsOf: mappingURL, encoding: .utf8)
                mapping = mapping.replacingOccurrences(of: "file: export-\(year).csv", with: "file: \(file)")
                if format == "sav" { mapping = mapping.replacingOccurrences(of: "skip_rows: 1", with: "skip_rows: 0") }
                try mapping.write(to: mappingURL, atomically: true, encoding: .utf8)
            }
        }

        deinit {
            try? FileManager.default.removeItem(at: root)
        }

        func ingest(_ year: Int) throws -> SurveyYear {
            let folder = SurveyFolder(surveys)
            return try folder.ingest(year: year, reference: try folder.reference())
        }
    }

    /// What a response says, without where it stood in the file.
    struct Answer: Hashable {
        var gemeente: String
        var submittedAt: String?
        var values: [String: FieldValue]
    }

    static func answers(_ year: SurveyYear) -> [Answer] {
        year.responses.map { Answer(gemeente: $0.gemeente, submittedAt: $0.submittedAt, values: $0.values) }
    }

    static func reasons(_ year: SurveyYear) throws -> [RejectReason: Int] {
        try year.rejects.reduce(into: [:]) { $0[$1.reason, default: 0] += 1 }
    }

    @Test func xlsxAndSPSSExportsGiveTheCanonicalResponsesOfTheCSVExports() throws {
        let csv = try Copy(format: "csv"), xlsx = try Copy(format: "xlsx"), sav = try Copy(format: "sav")
        for year in Self.years {
            let fromCSV = try csv.ingest(year)
            let fromXLSX = try xlsx.ingest(year)
            let fromSAV = try sav.ingest(year)
            // XLSX: every record on the same sheet row, so even the row numbers agree.
            #expect(fromXLSX.responses == fromCSV.responses, "\(year): XLSX responses differ")
            #expect(try fromXLSX.rejects.map(\.row) == fromCSV.rejects.map(\.row), "\(year): XLSX rejects other rows")
            #expect(try fromXLSX.rejects.map(\.reason) == fromCSV.rejects.map(\.reason))
            #expect(fromXLSX.report.format == "XLSX" && fromXLSX.report.isBalanced)
            // SPSS numbers cases from 1 (no header row, no second header row, no empty rows):
            // the answers agree, the row numbers are the file's own.
            #expect(Self.answers(fromSAV) == Self.answers(fromCSV), "\(year): SPSS responses differ")
            #expect(try Self.reasons(fromSAV) == Self.reasons(fromCSV), "\(year): SPSS rejects differ")
            #expect(fromSAV.report.format == "SPSS" && fromSAV.report.isBalanced)
            #expect(fromSAV.report.remarksWithPersonalData == fromCSV.report.remarksWithPersonalData)
            #expect(fromCSV.responses.count > 200)
        }
    }

    @Test(arguments: ["xlsx", "sav"])
    func scoringTheOtherFormatsReproducesRankingsByteForByte(format: String) throws {
        let copy = try Copy(format: format)
        let rankings = copy.root.appendingPathComponent("Rankings")
        let run = try MeetlatBinary.run(["score", "--surveys", copy.surveys.path, "--rankings", rankings.path], in: copy.root)
        #expect(run.status == 0, "meetlat score failed: \(run.stderr)")
        let committed = Fixtures.package.appendingPathComponent("Rankings")
        let names = try FileManager.default.contentsOfDirectory(atPath: committed.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(names.count == 9, "three years × the CSV, the JSON and the answers file")
        for name in names {
            let expected = try Data(contentsOf: committed.appendingPathComponent(name))
            let made = try Data(contentsOf: rankings.appendingPathComponent(name))
            #expect(made == expected, "Rankings/\(name) from \(format) differs from the committed one")
        }
    }
}
