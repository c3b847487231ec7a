import Foundation
import MeetlatTestSupport
import Testing

/// The site is built from finished outputs only: Rankings/, Statistics/, the scoring models, the
/// gemeente boundaries of its maps, the scenarios and the site sources. It never reads a survey
/// export (which holds respondents' names and e-mail addresses), nor a mapping, the reference
/// CSVs or statistics.yaml.
@Suite struct SiteInputTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theSiteIsBuiltFromFinishedOutputsOnly() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("meetlat-site-inputs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let manager = FileManager.default

        // A copy of the repository without any survey input: of Surveys/ only models/ and the
        // boundaries (public CBS maps, reference/boundaries/) remain.
        let copy = scratch.appendingPathComponent("copy")
        for folder in ["Rankings", "Statistics", "Scenarios", "site", "Surveys/models", "Surveys/reference/boundaries"] {
            let target = copy.appendingPathComponent(folder)
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try manager.copyItem(at: Self.repository.appendingPathComponent(folder), to: target)
        }
        #expect(try manager.contentsOfDirectory(atPath: copy.appendingPathComponent("Surveys").path).sorted() == ["models", "reference"])
        #expect(try manager.contentsOfDirectory(atPath: copy.appendingPathComponent("Surveys/reference").path) == ["boundaries"])
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

    /// Issue 19, item 15, as the user sees it: a town hall's public phone number on every page
    /// stops `meetlat site` until site.yaml lists it; then the build summary names the value,
    /// the number of files it was let through in and the reason.
    @Test func theBuildSummaryShowsWhatTheAllowListLetThrough() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("meetlat-site-allowed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let source = scratch.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("site"), to: source)
        func replace(_ old: String, with new: String, in file: String) throws {
            let url = source.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.contains(old), "\(file) holds \(old)")
            try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: false, encoding: .utf8)
        }
        try replace("</footer>", with: "<p>Gemeente Hoorn: 0229&#8209;252200</p></footer>", in: "templates/layout.mustache")
        let output = scratch.appendingPathComponent("_site")
        let arguments = ["site", "--source", source.path, "--output", output.path]

        let refused = try MeetlatBinary.run(arguments, in: Self.repository)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("phone number '02**&#****;****00' — refusing to publish"), "\(refused.stderr.prefix(400))")
        #expect(!refused.stderr.contains("252200"), "the refusal never repeats the number")
        #expect(!FileManager.default.fileExists(atPath: output.path))

        try replace("personal_data_allowed: []\n", with: """
            personal_data_allowed:
              - value: 0229-252200
                reason: algemeen telefoonnummer van de gemeente Hoorn (openbaar)

            """, in: "site.yaml")
        let built = try MeetlatBinary.run(arguments, in: Self.repository)
        #expect(built.status == 0, "\(built.stderr)")
        let pages = try #require(built.stdout.firstMatch(of: /; (\d+) pages,/).map { Int($0.1) ?? 0 })
        #expect(pages > 800)
        #expect(built.stdout.contains("""
            personal data allowed by \(source.path)/site.yaml (personal_data_allowed), found in:
              0229-252200: \(pages) files — algemeen telefoonnummer van de gemeente Hoorn (openbaar)
            """), "\(built.stdout)")
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
