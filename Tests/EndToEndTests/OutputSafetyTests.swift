import Foundation
import MeetlatTestSupport
import Testing

/// Issue 19.1 through the built binary, in a work folder laid out like the repository
/// (Surveys/, Rankings/, site/): no command replaces or writes into its inputs, the current
/// folder or the folders above it; each refusal is one line, and nothing changes.
@Suite struct OutputRuleCommandTests {
    @Test func everyCommandRefusesAnOutputAmongItsInputsAndTouchesNothing() throws {
        let survey = try GeneratedSurvey(samples: 16)
        try survey.writeYear(2012, seed: 1)
        try survey.writeYear(2013, seed: 2)
        let scored = try MeetlatBinary.run(["score"], in: survey.root)
        try #require(scored.status == 0, "\(scored.stderr)")
        let site = survey.root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try Data("{{title}}".utf8).write(to: site.appendingPathComponent("templates/layout.mustache"))
        let before = try GeneratedSurvey.files(under: survey.root)

        let root = survey.root.resolvingSymlinksInPath().path
        let cases: [([String], String)] = [
            (["site", "--output", "."], "refusing to write \(root): it is the current folder"),
            (["site", "--output", "site"], "refusing to write \(root)/site: it is an input of this command"),
            (["site", "--output", "Surveys"], "refusing to write \(root)/Surveys: it is an input of this command"),
            (["site", "--output", "Surveys/models"], "refusing to write \(root)/Surveys/models: it lies inside \(root)/Surveys, an input of this command"),
            (["site", "--output", "Rankings"], "refusing to write \(root)/Rankings: it is an input of this command"),
            (["site", "--output", "Surveys/2012"], "refusing to write \(root)/Surveys/2012: it lies inside \(root)/Surveys, an input"),
            (["site", "--output", ".."], "refusing to write \((root as NSString).deletingLastPathComponent): it holds the current folder"),
            (["score", "--rankings", "Surveys"], "refusing to write \(root)/Surveys: it is an input of this command"),
            (["score", "--rankings", "."], "refusing to write \(root): it is the current folder"),
            (["ingest", "--year", "2012", "--reports", "Surveys"], "refusing to write \(root)/Surveys/2012: it lies inside \(root)/Surveys, an input"),
            (["stats", "--year", "2012", "--output", "Surveys/2012/mapping.yaml"],
             "refusing to write \(root)/Surveys/2012/mapping.yaml: it lies inside \(root)/Surveys, an input"),
            (["compare", "2012", "2013", "--no-channels", "--output", "Rankings/2012.json"],
             "refusing to write \(root)/Rankings/2012.json: it lies inside \(root)/Rankings, an input"),
            (["export", "--sqlite", "Rankings/meetlat.sqlite"],
             "refusing to write \(root)/Rankings/meetlat.sqlite: it lies inside \(root)/Rankings, an input"),
            (["export", "--api", "site"], "refusing to write \(root)/site: it is an input of this command"),
            (["export", "--api", "."], "refusing to write \(root): it is the current folder"),
        ]
        for (arguments, message) in cases {
            let result = try MeetlatBinary.run(arguments, in: survey.root)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.hasPrefix("meetlat: " + message), "\(arguments): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
            #expect(try GeneratedSurvey.files(under: survey.root) == before, "\(arguments) changed the work folder")
        }
    }
}

/// Issue 19.3, 19.4 and 19.17 on a real small file system (a tmpfs the test mounts): a disk that
/// fills up while Rankings/ is written, a read-only one, and Rankings/ as a mount point.
@Suite(.enabled(if: TemporaryMount.available, Comment(rawValue: TemporaryMount.unavailableReason)))
struct FileSystemTests {
    /// Bytes of a version's files.
    static func size(_ files: [String: Data]) -> Int { files.values.reduce(0) { $0 + $1.count } }

    @Test func aFullDiskLeavesRankingsAsItWasAndSaysSo() throws {
        let versions = try RankingsVersions()
        let disk = try TemporaryMount(at: versions.survey.root.appendingPathComponent("disk"),
                                      kilobytes: (Self.size(versions.old) + Self.size(versions.new)) / 1024 * 2)
        let rankings = disk.url.appendingPathComponent("Rankings")
        try versions.writeOld(into: rankings)
        // Room for half of the new version only.
        let filler = disk.url.appendingPathComponent("filler")
        try Data(count: disk.freeBytes - Self.size(versions.new) / 2).write(to: filler)

        let score = versions.survey.arguments(["score"]) + ["--rankings", rankings.path]
        let full = try MeetlatBinary.run(score, in: versions.survey.root)
        #expect(full.status == 1)
        let message = try #require(full.stderr.wholeMatch(of: /meetlat: could not write (.+): (.+); (.+) is unchanged\n/))
        #expect(message.1.hasPrefix(rankings.path + "/"))
        #expect(message.2 == "the disk is full (no space left on the device)")
        #expect(message.3 == rankings.path)
        #expect(!full.stderr.contains("NSCocoaErrorDomain"))
        #expect(try GeneratedSurvey.files(under: rankings) == versions.old)
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path).sorted() == ["Rankings", "filler"], "no staging folder is left")

        try FileManager.default.removeItem(at: filler)
        let room = try MeetlatBinary.run(score, in: versions.survey.root)
        #expect(room.status == 0, "\(room.stderr)")
        #expect(try GeneratedSurvey.files(under: rankings) == versions.new)
    }

    @Test func aReadOnlyFileSystemIsNamed() throws {
        let versions = try RankingsVersions()
        let disk = try TemporaryMount(at: versions.survey.root.appendingPathComponent("disk"), kilobytes: 8192)
        let rankings = disk.url.appendingPathComponent("Rankings")
        try versions.writeOld(into: rankings)
        try disk.remount(readOnly: true)
        let result = try MeetlatBinary.run(versions.survey.arguments(["score"]) + ["--rankings", rankings.path], in: versions.survey.root)
        #expect(result.status == 1)
        #expect(result.stderr == "meetlat: could not write \(rankings.path): the file system is read-only; \(rankings.path) is unchanged\n")
        #expect(try GeneratedSurvey.files(under: rankings) == versions.old)
    }

    /// A mount point cannot be renamed (the swap fails with EBUSY): its entries are replaced
    /// one by one instead, files the new version does not write are kept (Rankings/ keeps other
    /// files), nothing is left behind, and the run says what it did.
    @Test func rankingsOnAMountPointAreReplacedInsideIt() throws {
        let versions = try RankingsVersions()
        let rankings = versions.survey.root.appendingPathComponent("mounted-rankings")
        let mount = try TemporaryMount(at: rankings, kilobytes: 16384)
        try versions.writeOld(into: rankings)
        try Data("kept".utf8).write(to: rankings.appendingPathComponent("README.md"))
        let result = try MeetlatBinary.run(versions.survey.arguments(["score"]) + ["--rankings", mount.path], in: versions.survey.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\(mount.path) is a mount point, which cannot be swapped as a whole: its entries were replaced one by one\n"))
        var expected = versions.new
        expected["README.md"] = Data("kept".utf8)
        #expect(try GeneratedSurvey.files(under: rankings) == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: mount.path).filter { $0.hasPrefix(".") }.isEmpty)
        #expect(try versions.leftovers().isEmpty)
    }
}
