import Foundation
import Testing
@testable import Site

/// `meetlat site` killed at any moment leaves the previous output as it was, complete.
@Suite struct InterruptionTests {
    /// The `meetlat` executable next to the test executable (`swift build` puts both in .build/<configuration>).
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("meetlat")
    }

    /// Runs `meetlat site`; kills it after `seconds`, or (`killWhileStaging`) as soon as its staging
    /// folder holds files.
    func run(_ archive: SyntheticArchive, output: URL, killAfter seconds: Double?,
             killWhileStaging: Bool = false) throws -> (status: Int32, killed: Bool) {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["site", "--surveys", archive.surveys.path, "--rankings", archive.rankings.path,
                             "--statistics", archive.statistics.path, "--scenarios", Repository.scenarios.path, "--source", Repository.siteSource.path,
                             "--output", output.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var killed = false
        if killWhileStaging {
            let staging = output.deletingLastPathComponent().appendingPathComponent("._site.staging-\(process.processIdentifier)")
            while process.isRunning {
                let written = (try? FileManager.default.contentsOfDirectory(atPath: staging.path)) ?? []
                if written.count >= 3 {
                    kill(process.processIdentifier, SIGKILL)
                    killed = true
                    break
                }
                Thread.sleep(forTimeInterval: 0.001)
            }
        } else if let seconds {
            Thread.sleep(forTimeInterval: seconds)
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed = true
            }
        }
        process.waitUntilExit()
        return (process.terminationStatus, killed)
    }

    @Test func killingTheBuildAtAnyMomentKeepsThePreviousSite() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path),
                     "build the meetlat executable first (swift build): \(Self.executable.path)")
        let shared = try SharedSite.get()
        let folder = try TemporaryFolder()
        let output = folder.url.appendingPathComponent("_site")
        let started = Date()
        let first = try run(shared.archive, output: output, killAfter: nil)
        let duration = Date().timeIntervalSince(started)
        #expect(first.status == 0)
        let previous = snapshot(output)
        #expect(previous.count == shared.summary.files)

        var killedWhileStaging = 0
        for fraction in [0.1, 0.3, 0.5, 0.65, 0.8, 0.9, 0.97] {
            let result = try run(shared.archive, output: output, killAfter: duration * fraction)
            let staging = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix("._site.staging-") }
            if result.killed && !staging.isEmpty { killedWhileStaging += 1 }
            let now = snapshot(output)
            #expect(now.count == previous.count, "killed at \(fraction) of the build: \(now.count) files, expected \(previous.count)")
            #expect(now == previous, "killed at \(fraction) of the build: the previous site changed")
        }
        // And once more exactly while the staging folder is being written.
        let whileStaging = try run(shared.archive, output: output, killAfter: nil, killWhileStaging: true)
        #expect(whileStaging.killed)
        if whileStaging.killed { killedWhileStaging += 1 }
        #expect(snapshot(output) == previous, "killed while writing the staging folder: the previous site changed")
        #expect(killedWhileStaging >= 1, "at least one kill fell while the staging folder was being written or scanned")

        // The next build clears what the killed ones left and publishes normally.
        #expect(try run(shared.archive, output: output, killAfter: nil).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["_site"])
        #expect(snapshot(output) == previous)
    }
}
