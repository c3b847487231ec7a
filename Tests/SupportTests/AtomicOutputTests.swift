import Foundation
import Testing
@testable import Support

/// A fresh folder under the system's temporary folder, removed when the value goes away.
final class ScratchFolder {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("meetlat-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func child(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Names in `folder` (default: the scratch folder), sorted, hidden ones included.
    func names(_ folder: URL? = nil) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: (folder ?? url).path).sorted()
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

/// The id of a process that has run and exited (and been reaped), so no process has it now.
func pidOfExitedProcess() throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "exit 0"]
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
}

@Suite struct AtomicOutputFileTests {
    @Test func aFileIsReplacedWhole() throws {
        let folder = try ScratchFolder()
        let file = folder.child("out/report.csv")
        try AtomicOutput.write("first version, longer", to: file, inputs: [])
        try AtomicOutput.write("second", to: file, inputs: [])
        #expect(try text(file) == "second")
        #expect(try folder.names(folder.child("out")) == ["report.csv"], "no temporary is left")
    }

    /// Issue 19.2: `ln -s /some/file Rankings/.2011.csv.tmp-<pid>` made the writer overwrite
    /// /some/file. Every name the old scheme would have used is planted here, and a link at the
    /// file's own name too: the victim stays as it was and the output is a plain file.
    @Test func plantedSymbolicLinksAreNeverWrittenThrough() throws {
        let folder = try ScratchFolder()
        let victim = folder.child("victim.txt")
        try Data("precious".utf8).write(to: victim)
        let output = folder.child("Rankings")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        for name in [".2011.csv.tmp-\(getpid())", "2011.csv"] {
            try FileManager.default.createSymbolicLink(at: output.appendingPathComponent(name), withDestinationURL: victim)
        }
        try AtomicOutput.write("code,name\n", to: output.appendingPathComponent("2011.csv"), inputs: [])
        #expect(try text(victim) == "precious")
        let attributes = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("2011.csv").path)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular, "the link at the final name was replaced by the file")
        #expect(try text(output.appendingPathComponent("2011.csv")) == "code,name\n")
    }

    /// A run killed mid-write leaves `.<name>.tmp-<pid>-<random>`; the next write of that name
    /// removes it, but not the temporary of a process that still runs, nor other names.
    @Test func aWriteRemovesTemporariesOfKilledRunsOnly() throws {
        let folder = try ScratchFolder()
        let dead = try pidOfExitedProcess()
        let live = getppid()
        let planted = [".2012.csv.tmp-\(dead)-abc", ".2012.csv.tmp-\(dead)", ".2012.csv.tmp-\(live)-abc", ".2012.csv.tmp-x",
                       ".2013.csv.tmp-\(dead)-abc"]
        for name in planted { try Data("half".utf8).write(to: folder.child(name)) }
        try AtomicOutput.write("whole", to: folder.child("2012.csv"), inputs: [])
        #expect(try folder.names() == [".2012.csv.tmp-\(live)-abc", ".2012.csv.tmp-x", ".2013.csv.tmp-\(dead)-abc", "2012.csv"])
    }

    @Test func aFileOutputMayNotBeAFolderNorLieInAnInput() throws {
        let folder = try ScratchFolder()
        let surveys = folder.child("Surveys")
        try FileManager.default.createDirectory(at: surveys.appendingPathComponent("2012"), withIntermediateDirectories: true)
        try Data("year: 2012\n".utf8).write(to: surveys.appendingPathComponent("2012/mapping.yaml"))
        let refusals: [(URL, String)] = [
            (surveys.appendingPathComponent("2012/mapping.yaml"), "lies inside \(surveys.path), an input of this command"),
            (surveys, "it is a folder"),
            (folder.child("link-to-surveys/2012/new.csv"), "lies inside"),
        ]
        try FileManager.default.createSymbolicLink(at: folder.child("link-to-surveys"), withDestinationURL: surveys)
        for (output, reason) in refusals {
            let error = #expect(throws: OutputRefused.self) { try AtomicOutput.write("x", to: output, inputs: [surveys]) }
            #expect(error?.description.contains(reason) == true, "\(output.path): \(error?.description ?? "")")
        }
        #expect(try text(surveys.appendingPathComponent("2012/mapping.yaml")) == "year: 2012\n")
    }
}

@Suite struct AtomicOutputFolderTests {
    @Test func aFailedBuildKeepsThePreviousFolderAndLeavesNothing() throws {
        let folder = try ScratchFolder()
        let site = folder.child("site")
        try AtomicOutput.replaceFolder(site, inputs: []) { try $0.write("old", to: "index.html") }
        struct Interrupted: Error {}
        #expect(throws: Interrupted.self) {
            try AtomicOutput.replaceFolder(site, inputs: []) { staging in
                try staging.write("half", to: "index.html")
                throw Interrupted()
            }
        }
        #expect(try text(site.appendingPathComponent("index.html")) == "old")
        #expect(try folder.names() == ["site"])
    }

    @Test func theNewFolderReplacesTheOldOneWhole() throws {
        let folder = try ScratchFolder()
        let site = folder.child("site")
        try AtomicOutput.replaceFolder(site, inputs: []) { staging in
            try staging.write("old", to: "index.html")
            try staging.write("gone", to: "2011/index.html")
        }
        let publication = try AtomicOutput.replaceFolder(site, inputs: []) { staging in
            try staging.write("new", to: "index.html")
            try staging.write("page", to: "2012/gemeente/hoorn.html")
        }
        #expect(publication.notes.isEmpty)
        #expect(publication.folder.path == FileManager.default.temporaryDirectory.resolvingSymlinksInPath()
            .appendingPathComponent(folder.url.lastPathComponent).appendingPathComponent("site").path)
        #expect(try folder.names(site) == ["2012", "index.html"])
        #expect(try text(site.appendingPathComponent("2012/gemeente/hoorn.html")) == "page")
        #expect(try folder.names() == ["site"], "no staging or previous version is left")
    }

    /// Issue 19.3: `score --year 2012` must not lose or change 2011's files, and changes the
    /// year's CSV and JSON together.
    @Test func keepingOtherFilesCarriesThemOverUnchanged() throws {
        let folder = try ScratchFolder()
        let rankings = folder.child("Rankings")
        try AtomicOutput.replaceFolder(rankings, inputs: []) { staging in
            for name in ["2011.csv", "2011.json", "2012.csv", "2012.json"] { try staging.write("old \(name)", to: name) }
        }
        // A leftover of an old-style temporary inside the folder is not carried over.
        try Data("half".utf8).write(to: rankings.appendingPathComponent(".2011.csv.tmp-999999"))
        try FileManager.default.createDirectory(at: rankings.appendingPathComponent("notes"), withIntermediateDirectories: true)
        try Data("kept".utf8).write(to: rankings.appendingPathComponent("notes/README.md"))
        try AtomicOutput.replaceFolder(rankings, inputs: [], keepingOtherFiles: true) { staging in
            try staging.write("new 2012.csv", to: "2012.csv")
            try staging.write("new 2012.json", to: "2012.json")
        }
        #expect(try folder.names(rankings) == ["2011.csv", "2011.json", "2012.csv", "2012.json", "notes"])
        #expect(try text(rankings.appendingPathComponent("2011.json")) == "old 2011.json")
        #expect(try text(rankings.appendingPathComponent("2012.json")) == "new 2012.json")
        #expect(try text(rankings.appendingPathComponent("notes/README.md")) == "kept")
    }

    /// A symbolic link in the old folder is carried over as the link it is, never read through.
    @Test func carriedOverLinksStayLinks() throws {
        let folder = try ScratchFolder()
        let victim = folder.child("victim.txt")
        try Data("precious".utf8).write(to: victim)
        let rankings = folder.child("Rankings")
        try AtomicOutput.replaceFolder(rankings, inputs: []) { try $0.write("x", to: "2011.csv") }
        try FileManager.default.createSymbolicLink(at: rankings.appendingPathComponent("2010.csv"), withDestinationURL: victim)
        try FileManager.default.createSymbolicLink(at: rankings.appendingPathComponent("2012.csv"), withDestinationURL: victim)
        try AtomicOutput.replaceFolder(rankings, inputs: [], keepingOtherFiles: true) { try $0.write("new", to: "2012.csv") }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: rankings.appendingPathComponent("2010.csv").path) == victim.path)
        #expect(try text(rankings.appendingPathComponent("2012.csv")) == "new")
        #expect(try text(victim) == "precious")
    }

    /// Issue 19.4: `_site -> /srv/www` is published into /srv/www; the link stays.
    @Test func anOutputThatIsALinkToAFolderIsPublishedIntoItsTarget() throws {
        let folder = try ScratchFolder()
        let webRoot = folder.child("srv/www")
        try AtomicOutput.replaceFolder(webRoot, inputs: []) { try $0.write("old", to: "index.html") }
        let link = folder.child("_site")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: webRoot)
        let publication = try AtomicOutput.replaceFolder(link, inputs: []) { try $0.write("new", to: "index.html") }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == webRoot.path)
        #expect(try text(webRoot.appendingPathComponent("index.html")) == "new")
        #expect(publication.notes == ["\(link.path) is a symbolic link: published into \(webRoot.resolvingSymlinksInPath().path), the folder it points to"])
        #expect(try folder.names(folder.child("srv")) == ["www"])

        // A link to nothing, or to a file, is refused.
        try FileManager.default.createSymbolicLink(at: folder.child("dangling"), withDestinationURL: folder.child("nowhere"))
        try FileManager.default.createSymbolicLink(at: folder.child("to-file"), withDestinationURL: webRoot.appendingPathComponent("index.html"))
        for (name, reason) in [("dangling", "which does not exist"), ("to-file", "a symbolic link to a file")] {
            let error = #expect(throws: OutputRefused.self) {
                try AtomicOutput.replaceFolder(folder.child(name), inputs: []) { try $0.write("x", to: "x") }
            }
            #expect(error?.description.contains(reason) == true, "\(error?.description ?? "")")
        }
    }

    @Test func stagedPathsStayInsideTheStagingFolder() throws {
        let folder = try ScratchFolder()
        for path in ["../escape.html", "/etc/passwd", "a//b", "a/./b", ""] {
            let error = #expect(throws: OutputError.self) {
                try AtomicOutput.replaceFolder(folder.child("site"), inputs: []) { try $0.write("x", to: path) }
            }
            #expect(error?.description.contains("it is not a path inside the output") == true)
        }
        #expect(try folder.names() == [])
    }

    /// What a run killed at each moment leaves, cleared by the next run: staging folders of
    /// dead processes (not of live ones), and the previous version set aside between two renames
    /// is put back when the output itself is missing.
    @Test func theNextRunClearsWhatKilledRunsLeft() throws {
        let folder = try ScratchFolder()
        let dead = try pidOfExitedProcess()
        let live = getppid()
        let site = folder.child("site")
        try AtomicOutput.replaceFolder(site, inputs: []) { try $0.write("old", to: "index.html") }
        try FileManager.default.moveItem(at: site, to: folder.child(".site.old-\(dead)-abc"))
        for name in [".site.staging-\(dead)-abc", ".site.staging-\(dead)", ".site.staging-\(live)-abc"] {
            try FileManager.default.createDirectory(at: folder.child(name + "/2012"), withIntermediateDirectories: true)
        }
        let publication = try AtomicOutput.replaceFolder(site, inputs: [], keepingOtherFiles: true) { try $0.write("new", to: "2012.html") }
        #expect(publication.notes.sorted() == [
            "removed .site.staging-\(dead), left by an interrupted run",
            "removed .site.staging-\(dead)-abc, left by an interrupted run",
            "restored \(site.resolvingSymlinksInPath().path) from .site.old-\(dead)-abc, left by an interrupted run",
        ])
        #expect(try folder.names() == [".site.staging-\(live)-abc", "site"])
        #expect(try folder.names(site) == ["2012.html", "index.html"], "the restored version is the one carried over")
    }

    @Test func failuresAreSentencesNamingThePathAndTheCause() {
        let causes: [(Int32, String)] = [
            (ENOSPC, "the disk is full"), (EROFS, "the file system is read-only"), (EBUSY, "in use by the system"),
            (EDQUOT, "quota"), (EACCES, "permission denied"),
        ]
        for (code, words) in causes {
            let error = OutputError(path: "Rankings/2012.json", code: code, outcome: "Rankings is unchanged")
            #expect(error.description.hasPrefix("could not write Rankings/2012.json: "))
            #expect(error.description.contains(words))
            #expect(error.description.hasSuffix("; Rankings is unchanged"))
        }
        #expect(OutputError(path: "_site/\u{1B}[2J.html", code: EIO).description.contains("_site/\\u{1B}[2J.html"))
    }
}

/// The output rule (issue 19.1). Checked with `checkFolder`, which writes nothing, so a broken
/// rule cannot delete the repository the tests run in.
@Suite struct OutputRuleTests {
    func reason(_ output: URL, inputs: [URL] = []) -> String? {
        do {
            try AtomicOutput.checkFolder(output, inputs: inputs)
            return nil
        } catch let refused as OutputRefused {
            return refused.reason
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func anOutputMayNotBeHoldOrLieInsideAnInput() throws {
        let folder = try ScratchFolder()
        let surveys = folder.child("work/Surveys"), site = folder.child("work/site")
        for input in [surveys, site] { try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true) }
        let inputs = [surveys, site]
        #expect(reason(surveys, inputs: inputs) == "it is an input of this command")
        #expect(reason(site, inputs: inputs) == "it is an input of this command")
        #expect(reason(folder.child("work/Surveys/2012"), inputs: inputs) == "it lies inside \(surveys.path), an input of this command")
        #expect(reason(folder.child("work"), inputs: inputs) == "it holds \(surveys.path), an input of this command")
        #expect(reason(folder.child("work/site/../Surveys"), inputs: inputs) == "it is an input of this command")
        try FileManager.default.createSymbolicLink(at: folder.child("alias"), withDestinationURL: folder.child("work"))
        #expect(reason(folder.child("alias/Surveys"), inputs: inputs) == "it is an input of this command")
        #expect(reason(folder.child("work/_site"), inputs: inputs) == nil)
        #expect(reason(folder.child("work/_site/deeper/still"), inputs: inputs) == nil)
    }

    @Test func anOutputMayNotBeOrHoldTheCurrentFolderTheRepositoryOrAHome() throws {
        let current = FileManager.default.currentDirectoryPath
        #expect(reason(URL(fileURLWithPath: ".")) == "it is the current folder")
        #expect(reason(URL(fileURLWithPath: current)) == "it is the current folder")
        #expect(reason(URL(fileURLWithPath: "..")) == "it holds the current folder (\(URL(fileURLWithPath: current).resolvingSymlinksInPath().path))")
        #expect(reason(URL(fileURLWithPath: "/")) == "it is the root of the file system")
        let home = try #require(ProcessInfo.processInfo.environment["HOME"])
        if !FileManager.default.currentDirectoryPath.hasPrefix(home) {
            #expect(reason(URL(fileURLWithPath: home)) == "it is a home folder")
        }
        // The repository is found from the current folder up: a folder holding one of the markers.
        let folder = try ScratchFolder()
        try FileManager.default.createDirectory(at: folder.child("clone/Sources/Site"), withIntermediateDirectories: true)
        try Data().write(to: folder.child("clone/Package.swift"))
        let clone = folder.url.resolvingSymlinksInPath().appendingPathComponent("clone").path
        #expect(OutputRule.repositoryRoot(from: clone + "/Sources/Site") == clone)
        #expect(OutputRule.repositoryRoot(from: folder.url.resolvingSymlinksInPath().path) == nil)
    }

    @Test func aFolderHoldingARepositoryOrSurveysIsNeverReplaced() throws {
        let folder = try ScratchFolder()
        for marker in ["Package.swift", ".git", "Surveys"] {
            let output = folder.child("out-\(marker)")
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            try Data().write(to: output.appendingPathComponent(marker))
            #expect(reason(output) == "it holds \(marker), as a repository or a survey folder does, and replacing it would delete that")
        }
        try Data().write(to: folder.child("file"))
        #expect(reason(folder.child("file")) == "it is a file, not a folder")
    }

    @Test func theRefusalIsOneMessageAndNothingIsWritten() throws {
        let folder = try ScratchFolder()
        let surveys = folder.child("Surveys")
        try FileManager.default.createDirectory(at: surveys.appendingPathComponent("2012"), withIntermediateDirectories: true)
        var built = false
        let error = #expect(throws: OutputRefused.self) {
            try AtomicOutput.replaceFolder(surveys, inputs: [surveys]) { _ in built = true }
        }
        #expect(!built)
        #expect(error?.description == "refusing to write \(surveys.path): it is an input of this command; nothing was written. "
            + "Give the output a folder of its own")
        #expect(try folder.names() == ["Surveys"])
        #expect(try folder.names(surveys) == ["2012"])

        // A hostile name cannot drive the terminal that prints the refusal.
        let hostile = folder.child("\u{1B}]0;pwned\u{07}")
        let escaped = #expect(throws: OutputRefused.self) { try AtomicOutput.checkFolder(hostile, inputs: [hostile]) }
        #expect(escaped?.description.contains("\\u{1B}]0;pwned\\u{7}") == true)
        #expect(escaped?.description.unicodeScalars.contains { $0.properties.generalCategory == .control } == false)
    }
}
