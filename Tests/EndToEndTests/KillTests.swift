import Foundation
import MeetlatTestSupport
import Testing

/// `meetlat score` stopped (SIGKILL: no clean-up, no signal handler) right after each of its
/// writes, one run per write, never leaves a mixed Rankings/: the folder is its previous
/// version as a whole or its new version as a whole, and which one is decided by whether the
/// swap had happened. The positions come from the run's own list of writes (a debug build's
/// `MEETLAT_FAULT_TRACE`), not from timing.
@Suite struct KillTests {
    @Test func killedAfterAnyWriteRankingsIsTheWholePreviousOrTheWholeNewVersion() throws {
        let versions = try RankingsVersions()
        let score = versions.survey.arguments(["score"])
        try versions.restoreOld()
        let (writes, traced) = try WriteFault.trace(score, in: versions.survey.root)
        try #require(traced.status == 0, "\(traced.stderr)")
        // Four files, the swap that publishes them, the removal of the previous version.
        #expect(writes.map { $0.components(separatedBy: " ").first ?? "" } == Array(repeating: "file", count: 6) + ["swap", "remove"])
        let swap = try #require(writes.firstIndex { $0.hasPrefix("swap ") }) + 1

        for step in 1...writes.count {
            try versions.restoreOld()
            let result = try MeetlatBinary.run(score, in: versions.survey.root, environment: WriteFault.stop(after: step))
            #expect(result.killed && result.status == SIGKILL, "step \(step) (\(writes[step - 1])): the run was not stopped")
            let now = try GeneratedSurvey.files(under: versions.survey.rankings)
            let expected = step < swap ? versions.old : versions.new
            let version = step < swap ? "previous" : "new"
            #expect(now == expected, "killed after step \(step) (\(writes[step - 1])): Rankings is not the whole \(version) version")
        }
        // One step past the last write: the run is not stopped, so the list was complete.
        try versions.restoreOld()
        let past = try MeetlatBinary.run(score, in: versions.survey.root, environment: WriteFault.stop(after: writes.count + 1))
        #expect(past.status == 0 && !past.killed)

        // The killed runs' staging folders go with the next complete run, which says so.
        try versions.restoreOld()
        let killed = try MeetlatBinary.run(score, in: versions.survey.root, environment: WriteFault.stop(after: 2))
        #expect(killed.killed)
        #expect(try versions.leftovers().count == 1)
        let rerun = try MeetlatBinary.run(score, in: versions.survey.root)
        #expect(rerun.status == 0, "the rerun failed: \(rerun.stderr)")
        #expect(rerun.stdout.contains(", left by an interrupted run\n"))
        #expect(try GeneratedSurvey.files(under: versions.survey.rankings) == versions.new)
        #expect(try versions.leftovers().isEmpty)
    }

    /// Where the file system cannot swap two folders (`EINVAL`, injected at the swap), the
    /// previous version is set aside and the new one renamed in. A run stopped between those two
    /// renames leaves no Rankings/ at all; the next run puts the previous version back (and says
    /// so) before it publishes.
    @Test func withoutASwapTheNextRunRepairsAStopBetweenTheTwoRenames() throws {
        let versions = try RankingsVersions()
        let score = versions.survey.arguments(["score"])
        try versions.restoreOld()
        let noSwap = WriteFault.fail(7, with: "EINVAL")
        let (writes, traced) = try WriteFault.trace(score, in: versions.survey.root, environment: noSwap)
        try #require(traced.status == 0, "\(traced.stderr)")
        #expect(writes.map { $0.components(separatedBy: " ").first ?? "" } == Array(repeating: "file", count: 6) + ["swap", "set", "publish", "remove"])
        #expect(try GeneratedSurvey.files(under: versions.survey.rankings) == versions.new)

        for step in 1...writes.count {
            try versions.restoreOld()
            let result = try MeetlatBinary.run(score, in: versions.survey.root, environment: noSwap.merging(WriteFault.stop(after: step)) { $1 })
            #expect(result.killed)
            let exists = FileManager.default.fileExists(atPath: versions.survey.rankings.path)
            switch step {
            case ..<8: #expect(try GeneratedSurvey.files(under: versions.survey.rankings) == versions.old, "step \(step)")
            case 8: #expect(!exists, "stopped between the two renames: no Rankings/")
            default: #expect(try GeneratedSurvey.files(under: versions.survey.rankings) == versions.new, "step \(step)")
            }
            if step == 8 {
                // A run that fails before publishing shows the repair alone: the previous version is back.
                let repaired = try MeetlatBinary.run(score, in: versions.survey.root, environment: WriteFault.fail(1, with: "ENOSPC"))
                #expect(repaired.status == 1)
                #expect(try GeneratedSurvey.files(under: versions.survey.rankings) == versions.old)
                #expect(try versions.leftovers().isEmpty)
            }
        }
    }

    /// Issue 19.3 for one year: `score --year 2012` changes 2012.csv, 2012.json and 2012-answers.json together and
    /// carries 2013's files over unchanged, wherever it is stopped.
    @Test func scoringOneYearChangesItsFilesTogetherAndKeepsTheOthers() throws {
        let versions = try RankingsVersions()
        let score = versions.survey.arguments(["score", "--year", "2012"])
        try versions.restoreOld()
        let (writes, traced) = try WriteFault.trace(score, in: versions.survey.root)
        try #require(traced.status == 0, "\(traced.stderr)")
        #expect(writes.map { $0.components(separatedBy: " ").first ?? "" } == ["file", "file", "file", "keep", "keep", "keep", "swap", "remove"])
        let swap = try #require(writes.firstIndex { $0.hasPrefix("swap ") }) + 1
        var oneYearNew = versions.old
        for name in ["2012-answers.json", "2012.csv", "2012.json"] { oneYearNew[name] = versions.new[name] }

        for step in 1...writes.count {
            try versions.restoreOld()
            let result = try MeetlatBinary.run(score, in: versions.survey.root, environment: WriteFault.stop(after: step))
            #expect(result.killed)
            let now = try GeneratedSurvey.files(under: versions.survey.rankings)
            #expect(now == (step < swap ? versions.old : oneYearNew), "killed after step \(step) (\(writes[step - 1]))")
        }
    }

    /// Issue 19.3 and 19.17: a write that fails (a full disk, a read-only file system, a busy
    /// folder) at any step leaves Rankings/ as it was, nothing beside it, and one sentence that
    /// names the file and the cause.
    @Test func aWriteFailingAtAnyStepLeavesRankingsAsItWasWithOneClearMessage() throws {
        let versions = try RankingsVersions()
        let score = versions.survey.arguments(["score"])
        try versions.restoreOld()
        let (writes, _) = try WriteFault.trace(score, in: versions.survey.root)
        let rankings = versions.survey.rankings.path
        let causes = ["ENOSPC": "the disk is full (no space left on the device)", "EROFS": "the file system is read-only",
                      "EBUSY": "it is in use by the system (a mount point or a busy file)"]
        for step in 1..<writes.count {
            for (code, words) in causes.sorted(by: { $0.key < $1.key }) {
                try versions.restoreOld()
                let result = try MeetlatBinary.run(score, in: versions.survey.root, environment: WriteFault.fail(step, with: code))
                let file = writes[step - 1].hasPrefix("file ") ? String(writes[step - 1].dropFirst("file ".count)) : rankings
                #expect(result.status == 1 && !result.killed)
                #expect(result.stderr == "meetlat: could not write \(file): \(words); \(rankings) is unchanged\n",
                        "step \(step) (\(writes[step - 1])), \(code)")
                #expect(try GeneratedSurvey.files(under: versions.survey.rankings) == versions.old)
                #expect(try versions.leftovers().isEmpty, "step \(step), \(code)")
            }
        }
        // Failing to remove the previous version does not undo the new one: it is said, and left
        // for the next run.
        try versions.restoreOld()
        let last = try MeetlatBinary.run(score, in: versions.survey.root, environment: WriteFault.fail(writes.count, with: "EIO"))
        #expect(last.status == 0)
        #expect(last.stdout.contains("the previous version of \(rankings) could not be removed (the disk reported an input/output error)"))
        #expect(try GeneratedSurvey.files(under: versions.survey.rankings) == versions.new)
    }
}

/// The same input gives byte-identical Rankings/ in two separate processes (the repository's
/// own surveys and models), not only in two runs within one.
@Suite struct CrossProcessTests {
    @Test func twoProcessesScoreByteIdenticalRankings() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("meetlat-two-processes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var versions: [[String: Data]] = []
        for name in ["first", "second"] {
            let rankings = folder.appendingPathComponent(name)
            let result = try MeetlatBinary.run(["score", "--surveys", GeneratedSurvey.repository.appendingPathComponent("Surveys").path,
                                                "--rankings", rankings.path], in: folder.deletingLastPathComponent())
            try #require(result.status == 0, "\(result.stderr)")
            versions.append(try GeneratedSurvey.files(under: rankings))
        }
        #expect(versions[0].count >= 6)
        #expect(versions[0] == versions[1])
    }
}
