import Foundation
import MeetlatTestSupport
import Testing
@testable import Site

/// `meetlat site` as a separate process: stopped right after any of its writes it leaves the
/// previous site whole or the new one whole; two processes build the same bytes; a symbolic
/// link or a mount point as the output is published into.
@Suite struct InterruptionTests {
    /// A site of one small edition (few pages, so that a run can be stopped after every write),
    /// built from `seed`'s data.
    struct SmallSite {
        let folder: TemporaryFolder
        let archive: SyntheticArchive

        init(seed: UInt64) throws {
            folder = try TemporaryFolder("interruption")
            archive = try SyntheticArchive.make(at: folder.url.appendingPathComponent("archive"), years: [2012], gemeenten: 4, seed: seed)
        }

        func arguments(output: URL) -> [String] {
            ["site", "--surveys", archive.surveys.path, "--rankings", archive.rankings.path, "--statistics", archive.statistics.path,
             "--scenarios", Repository.scenarios.path, "--source", Repository.siteSource.path, "--output", output.path]
        }

        /// Builds the site into `output` with the `meetlat` binary; returns its files.
        func build(into output: URL, environment: [String: String] = [:]) throws -> (result: MeetlatBinary.Result, files: [String: Data]) {
            let result = try MeetlatBinary.run(arguments(output: output), in: folder.url, environment: environment)
            return (result, snapshot(output))
        }
    }

    /// Writes `files` as the whole content of `folder` (by the test, not by meetlat).
    static func put(_ files: [String: Data], into folder: URL) throws {
        try? FileManager.default.removeItem(at: folder)
        for (path, data) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
    }

    @Test func stoppedAfterAnyWriteTheSiteIsTheWholePreviousOrTheWholeNewOne() throws {
        let previousSite = try SmallSite(seed: 7), newSite = try SmallSite(seed: 8)
        let output = newSite.folder.url.appendingPathComponent("_site")
        let old = try previousSite.build(into: previousSite.folder.url.appendingPathComponent("_site"))
        try #require(old.result.status == 0, "\(old.result.stderr)")
        try Self.put(old.files, into: output)
        let (writes, traced) = try WriteFault.trace(newSite.arguments(output: output), in: newSite.folder.url)
        try #require(traced.status == 0, "\(traced.stderr)")
        let new = snapshot(output)
        try #require(new != old.files && new.count == writes.count - 2, "\(writes.count) writes for \(new.count) files")
        #expect(writes.suffix(2).map { $0.components(separatedBy: " ").first ?? "" } == ["swap", "remove"])
        let swap = writes.count - 1

        // Every write would be a full build each (the small site still has a page per gemeente of
        // the year that did not take part, ~400 writes): the first and last ten (the staging
        // folder's start, the swap and the removal) and every k-th write between, about 60 runs.
        let every = max(1, writes.count / 40)
        let steps = Set(Array(1...min(10, writes.count)) + Array(max(1, writes.count - 9)...writes.count)
                            + Array(stride(from: 1, through: writes.count, by: every))).sorted()
        for step in steps {
            try Self.put(old.files, into: output)
            let stopped = try newSite.build(into: output, environment: WriteFault.stop(after: step))
            #expect(stopped.result.killed, "step \(step): the run was not stopped")
            let version = step < swap ? "previous" : "new"
            #expect(stopped.files == (step < swap ? old.files : new), "stopped after step \(step) (\(writes[step - 1])): not the whole \(version) site")
        }
        // The next complete build clears what the stopped ones left beside the output.
        let rebuilt = try newSite.build(into: output)
        #expect(rebuilt.result.status == 0)
        #expect(rebuilt.files == new)
        #expect(try FileManager.default.contentsOfDirectory(atPath: newSite.folder.url.path).sorted() == ["_site", "archive"])
    }

    /// The same input gives the same bytes in two separate processes (not only two builds in one).
    @Test func twoProcessesBuildByteIdenticalSites() throws {
        let site = try SmallSite(seed: 7)
        let first = try site.build(into: site.folder.url.appendingPathComponent("first"))
        let second = try site.build(into: site.folder.url.appendingPathComponent("second"))
        #expect(first.result.status == 0 && second.result.status == 0)
        #expect(!first.files.isEmpty)
        #expect(first.files == second.files)
    }

    /// Issue 19.4: `_site -> www` publishes into www (a web root that is a link stays a link).
    @Test func anOutputThatIsALinkIsPublishedIntoItsTarget() throws {
        let site = try SmallSite(seed: 7)
        let webRoot = site.folder.url.appendingPathComponent("srv/www")
        try FileManager.default.createDirectory(at: webRoot, withIntermediateDirectories: true)
        try Data("oud".utf8).write(to: webRoot.appendingPathComponent("oud.html"))
        let link = site.folder.url.appendingPathComponent("_site")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: webRoot)
        let built = try site.build(into: link)
        #expect(built.result.status == 0, "\(built.result.stderr)")
        #expect(built.result.stdout.contains("\(link.path) is a symbolic link: published into \(webRoot.resolvingSymlinksInPath().path), the folder it points to\n"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == webRoot.path)
        let reference = try site.build(into: site.folder.url.appendingPathComponent("reference"))
        #expect(snapshot(webRoot) == reference.files)
    }

    /// Issue 19.4: a mount point as the output failed with EBUSY and left a staging folder; now
    /// its entries are replaced inside it, nothing is left, and the build says so.
    @Test(.enabled(if: TemporaryMount.available, Comment(rawValue: TemporaryMount.unavailableReason)))
    func aMountPointAsTheOutputIsReplacedInsideIt() throws {
        let site = try SmallSite(seed: 7)
        let mount = try TemporaryMount(at: site.folder.url.appendingPathComponent("_site"), kilobytes: 65536)
        try Data("oud".utf8).write(to: mount.url.appendingPathComponent("oud.html"))
        let built = try site.build(into: mount.url)
        #expect(built.result.status == 0, "\(built.result.stderr)")
        #expect(built.result.stdout.contains("\(mount.path) is a mount point, which cannot be swapped as a whole: its entries were replaced one by one\n"))
        let reference = try site.build(into: site.folder.url.appendingPathComponent("reference"))
        #expect(built.files == reference.files, "the old page is gone, no staging folder is left inside")
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.folder.url.path).sorted() == ["_site", "archive", "reference"])
    }
}
