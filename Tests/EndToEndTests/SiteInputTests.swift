import Foundation
import MeetlatTestSupport
import Testing

/// The site is built from finished outputs only: Rankings/, Statistics/, the scoring models, the
/// scenarios and the site sources. It never reads a survey export (which holds respondents'
/// names and e-mail addresses), nor a mapping, the reference CSVs or statistics.yaml.
@Suite struct SiteInputTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theSiteIsBuiltFromFinishedOutputsOnly() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("meetlat-site-inputs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let manager = FileManager.default

        // A copy of the repository without any survey input: of Surveys/ only models/ remains.
        let copy = scratch.appendingPathComponent("copy")
        for folder in ["Rankings", "Statistics", "Scenarios", "site", "Surveys/models"] {
            let target = copy.appendingPathComponent(folder)
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try manager.copyItem(at: Self.repository.appendingPathComponent(folder), to: target)
        }
        #expect(try manager.contentsOfDirectory(atPath: copy.appendingPathComponent("Surveys").path) == ["models"])
        let years = try manager.contentsOfDirectory(atPath: Self.repository.appendingPathComponent("Surveys").path)
            .filter { $0.count == 4 && Int($0) != nil }
        #expect(years.count >= 3, "the repository's survey years, whose exports the copy lacks")

        // Both builds run as the user runs them: `meetlat site` in the folder, with its defaults.
        let full = try MeetlatBinary.run(["site", "--output", scratch.appendingPathComponent("full").path], in: Self.repository)
        #expect(full.status == 0, "meetlat site in the repository failed: \(full.stderr)")
        let outputsOnly = try MeetlatBinary.run(["site", "--output", scratch.appendingPathComponent("outputs-only").path], in: copy)
        #expect(outputsOnly.status == 0, "meetlat site without survey inputs failed: \(outputsOnly.stderr)")

        let expected = try GeneratedSurvey.files(under: scratch.appendingPathComponent("full"))
        let built = try GeneratedSurvey.files(under: scratch.appendingPathComponent("outputs-only"))
        #expect(expected.count > 800, "a whole site: \(expected.count) files")
        #expect(Set(built.keys) == Set(expected.keys))
        let different = expected.keys.sorted().filter { built[$0] != expected[$0] }
        #expect(different.isEmpty, "differ: \(different.prefix(5))")
    }

    @Test func aMissingStatisticsFileNamesTheCommandThatWritesIt() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("meetlat-site-inputs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let statistics = scratch.appendingPathComponent("Statistics")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Statistics"), to: statistics)
        try FileManager.default.removeItem(at: statistics.appendingPathComponent("2012.json"))

        let run = try MeetlatBinary.run(["site", "--statistics", statistics.path, "--output", scratch.appendingPathComponent("_site").path],
                                        in: Self.repository)
        #expect(run.status != 0)
        #expect(run.stderr == "meetlat: \(statistics.path)/2012.json: file not found; run `meetlat stats --write` first\n")
        #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("_site").path))
    }
}
