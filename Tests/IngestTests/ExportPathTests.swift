import Foundation
import Testing
@testable import Ingest
@testable import TableFiles

/// Issue 19.7 and 19.12: a mapping's `export.file` may name only a regular file inside its
/// year's folder, so a mapping cannot make ingest read (and quote in an error) any other file,
/// nor read a device or pipe that never ends.
@Suite struct ExportPathTests {
    static let secret = "root:x:0:0:geheime eerste regel"

    /// The test survey of `SurveyIngestTests` with `export.file` set to `file`, and a secret
    /// file outside the year's folder (`<survey>/secret.txt`, so `../secret.txt` from the year).
    func survey(exportFile file: String) throws -> (SurveyIngestTests.Fixture, secret: URL) {
        let mapping = SurveyIngestTests.mapping.replacingOccurrences(of: "file: export-2012.csv", with: "file: \"\(file)\"")
        let fixture = try SurveyIngestTests.survey(mapping: mapping)
        let secret = try fixture.folder.write("secret.txt", Self.secret + "\n")
        return (fixture, secret)
    }

    func message(_ fixture: SurveyIngestTests.Fixture) -> String {
        do {
            _ = try fixture.ingest()
            return "ingested"
        } catch {
            return String(describing: error)
        }
    }

    @Test func aPathOutOfTheYearsFolderIsRefusedUnread() throws {
        let (fixture, _) = try survey(exportFile: "../secret.txt")
        let text = message(fixture)
        #expect(text.hasPrefix("2012/mapping.yaml:"), "\(text)")
        #expect(text.hasSuffix(": export.file: \"../secret.txt\" lies outside the year's folder "
            + "\(fixture.survey.yearURL(2012).path) (symbolic links followed); the export must be a file in that folder"), "\(text)")
        #expect(!text.contains("geheime"))
    }

    @Test func aLinkOutOfTheYearsFolderIsRefused() throws {
        let (fixture, secret) = try survey(exportFile: "export-link.csv")
        try FileManager.default.createSymbolicLink(at: fixture.survey.yearURL(2012).appendingPathComponent("export-link.csv"),
                                                   withDestinationURL: secret)
        let text = message(fixture)
        #expect(text.contains("\"export-link.csv\" lies outside the year's folder"), "\(text)")
        #expect(!text.contains("geheime"))
    }

    /// `/dev/zero` never ends; a pipe blocks until someone writes. Both are refused at once.
    @Test func devicesAndPipesAreRefusedWithoutReadingThem() throws {
        let (fixture, _) = try survey(exportFile: "zero.csv")
        let year = fixture.survey.yearURL(2012)
        try FileManager.default.createSymbolicLink(at: year.appendingPathComponent("zero.csv"), withDestinationURL: URL(fileURLWithPath: "/dev/zero"))
        #expect(message(fixture).contains("\"zero.csv\" lies outside the year's folder"))

        #expect(mkfifo(year.appendingPathComponent("pipe.csv").path, 0o600) == 0)
        let mapping = SurveyIngestTests.mapping.replacingOccurrences(of: "file: export-2012.csv", with: "file: pipe.csv")
        try fixture.folder.write("2012/mapping.yaml", mapping)
        let pipe = message(fixture)
        #expect(pipe.hasPrefix("2012/mapping.yaml:") && pipe.hasSuffix(": export.file: \"pipe.csv\" is not a regular file (a folder, device or pipe); "
            + "the export must be a plain file"), "\(pipe)")
    }

    /// The CSV reader itself (which also reads the reference files) reads only regular files.
    @Test func theReaderRefusesDevicesAndPipes() throws {
        let folder = try TestFolder()
        let pipe = folder.url.appendingPathComponent("pipe.csv")
        #expect(mkfifo(pipe.path, 0o600) == 0)
        for (url, name) in [(URL(fileURLWithPath: "/dev/zero"), "zero.csv"), (pipe, "pipe.csv")] {
            let error = #expect(throws: CSVError.self) { try CSVReader(url: url, displayName: name).read { _ in } }
            #expect(error?.description.contains("it is not a regular file (a device, pipe or socket)") == true, "\(error.map(String.init(describing:)) ?? "")")
        }
    }

    /// A file larger than the bound is refused before it is read (a sparse file: no disk used).
    @Test func aFileAboveTheSizeBoundIsRefused() throws {
        let folder = try TestFolder()
        let huge = folder.url.appendingPathComponent("huge.csv")
        #expect(FileManager.default.createFile(atPath: huge.path, contents: Data("a,b\n".utf8)))
        #expect(truncate(huge.path, off_t(FileBytes.maximumSize) + 1) == 0)
        let error = #expect(throws: CSVError.self) { try CSVReader(url: huge, displayName: "huge.csv").read { _ in } }
        #expect(error?.description.contains("more than the 16 GiB a file read by meetlat may have") == true)
    }

    @Test func aLinkInsideTheYearsFolderIsFollowed() throws {
        let (fixture, _) = try survey(exportFile: "current.csv")
        try FileManager.default.createSymbolicLink(atPath: fixture.survey.yearURL(2012).appendingPathComponent("current.csv").path,
                                                   withDestinationPath: "export-2012.csv")
        #expect(try fixture.ingest().report.accepted == 4)
    }
}
