import Foundation
import Testing

/// `meetlat score` killed (SIGKILL: no clean-up, no signal handler) at several moments never
/// leaves a partial file in Rankings/: every file is byte-identical to its previous complete
/// version or to its new complete version, and the next run succeeds and tidies up.
@Suite(.serialized) struct KillTests {
    /// A Saltelli sample size large enough that scoring two years of ~350 gemeenten takes a few
    /// seconds in a debug build.
    static let samples = 256

    enum Moment: CustomStringConvertible {
        /// A fraction of a whole run's duration after the start.
        case after(Double)
        /// As soon as anything in Rankings/ changes: a temporary file appears (or, were a writer
        /// not atomic, a file is truncated).
        case whileWriting
        /// As soon as the first Rankings file has been replaced: the others are not yet.
        case afterFirstReplace

        var description: String {
            switch self {
            case .after(let fraction): "after \(Int(fraction * 100)) % of a run"
            case .whileWriting: "as soon as writing starts"
            case .afterFirstReplace: "after the first file was replaced"
            }
        }
    }

    @Test func aKilledScoreLeavesEveryRankingsFileWholeAndTheRerunSucceeds() throws {
        let survey = try GeneratedSurvey(samples: Self.samples)
        try survey.writeYear(2012, seed: 1)
        try survey.writeYear(2013, seed: 2)
        let score = survey.arguments(["score"])

        // The previous complete version, and how long a whole run takes.
        let started = Date()
        let first = try MeetlatBinary.run(score, in: survey.root)
        let duration = Date().timeIntervalSince(started)
        try #require(first.status == 0, "meetlat score failed: \(first.stderr)")
        let old = try GeneratedSurvey.files(under: survey.rankings)
        #expect(old.keys.sorted() == ["2012.csv", "2012.json", "2013.csv", "2013.json"])

        // The new complete version: other answers, scored into a folder of its own.
        try survey.writeYear(2012, seed: 3)
        try survey.writeYear(2013, seed: 4)
        let elsewhere = survey.root.appendingPathComponent("Rankings-new")
        let second = try MeetlatBinary.run(score + ["--rankings", elsewhere.path], in: survey.root)
        try #require(second.status == 0, "meetlat score failed: \(second.stderr)")
        let new = try GeneratedSurvey.files(under: elsewhere)
        try #require(new.keys.sorted() == old.keys.sorted())
        for (name, data) in new { try #require(data != old[name], "\(name) is the same in both versions; the test could not tell them apart") }

        var killedMidWrite = 0
        var killed: Set<Int32> = []
        let moments: [Moment] = [.after(0.05), .after(0.4), .after(0.8), .whileWriting, .afterFirstReplace, .whileWriting]
        for moment in moments {
            let before = Self.states(in: survey.rankings)
            let running = try MeetlatBinary.start(score, in: survey.root)
            let reached = waitFor(moment, duration: duration, rankings: survey.rankings, before: before, running: running)
            running.kill()
            killed.insert(running.pid)
            let result = running.wait()
            let after = try GeneratedSurvey.files(under: survey.rankings)
            if reached && result.status != 0 && Self.states(in: survey.rankings) != before { killedMidWrite += 1 }

            // Every visible file is a whole version; hidden ones are only the killed run's temporaries.
            for (name, data) in after {
                if name.hasPrefix(".") {
                    // A killed run's temporary file stays until the next complete write of its name.
                    let output = killed.compactMap { pid in
                        name.hasSuffix(".tmp-\(pid)") ? String(name.dropFirst().dropLast(".tmp-\(pid)".count)) : nil
                    }.first
                    #expect(output.map { old[$0] != nil } == true, "\(moment): \(name) is no temporary file of a killed run")
                } else {
                    #expect(data == old[name] || data == new[name], "\(moment): \(name) is neither the previous nor the new version (\(data.count) bytes)")
                }
            }
            #expect(after.keys.filter { !$0.hasPrefix(".") }.sorted() == old.keys.sorted(), "\(moment): Rankings holds \(after.keys.sorted())")
        }
        // Kill timing is a race; at least one kill must have landed while files were being written.
        #expect(killedMidWrite > 0, "no kill hit the write phase; the test proved nothing about partial files")

        let rerun = try MeetlatBinary.run(score, in: survey.root)
        #expect(rerun.status == 0, "the rerun failed: \(rerun.stderr)")
        let final = try GeneratedSurvey.files(under: survey.rankings)
        #expect(final == new, "after the rerun Rankings holds \(final.keys.sorted()), not the new version")
    }

    /// Waits until `moment`; false when the run ended first.
    func waitFor(_ moment: Moment, duration: TimeInterval, rankings: URL, before: [String: FileState],
                 running: MeetlatBinary.Running) -> Bool {
        let deadline = Date().addingTimeInterval(duration * 4 + 30)
        switch moment {
        case .after(let fraction):
            usleep(useconds_t(duration * fraction * 1_000_000))
            return running.process.isRunning
        case .whileWriting, .afterFirstReplace:
            while running.process.isRunning && Date() < deadline {
                let now = Self.states(in: rankings)
                switch moment {
                case .whileWriting:
                    // The first trace of writing: a new (temporary) file, or a file changed in place.
                    if now != before { return true }
                default:
                    if now.filter({ !$0.key.hasPrefix(".") }) != before.filter({ !$0.key.hasPrefix(".") }) { return true }
                }
                usleep(100)
            }
            return false
        }
    }

    /// What `stat` says of a file: a rename puts a new inode at the name, a write in place
    /// changes size or modification time.
    struct FileState: Equatable {
        var inode: UInt64
        var size: Int64
        var modified: Int
    }

    static func states(in folder: URL) -> [String: FileState] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var states: [String: FileState] = [:]
        for name in names {
            var status = stat()
            guard stat(folder.appendingPathComponent(name).path, &status) == 0 else { continue }
            states[name] = FileState(inode: UInt64(status.st_ino), size: Int64(status.st_size),
                                     modified: status.st_mtim.tv_sec * 1_000_000_000 + status.st_mtim.tv_nsec)
        }
        return states
    }
}
