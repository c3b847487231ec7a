import Dispatch
import Foundation
import PersonalData
import Support
#if canImport(Glibc)
import Glibc
private let posixWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let posixWrite = Darwin.write
#endif

/// Builds the static site (`meetlat site`) as a pipeline of steps:
///
/// 1. **load** — site sources (templates compiled once), rankings, survey years (ingest +
///    statistics, concurrently), scoring models, ROI scenarios (`SiteData.load`);
/// 2. **pages** — page models for every edition and the global pages; ranking rows are rendered
///    once per edition and shared by its sorted and filtered pages;
/// 3. **render** — every page through its template, on all cores; each page's output depends only
///    on its data, so the result is the same in any order;
/// 4. **write** — into a fresh staging folder next to the output;
/// 5. **scan** — `PersonalDataDetector.publishedOutput.scanFolder` over every file written;
///    any finding stops the build, naming file, line and match;
/// 6. **publish** — the staging folder replaces the output folder (`AtomicOutput.replaceFolder`).
///
/// A failure or a kill in any step leaves the previous output as it was.
public enum SiteBuilder {
    /// What a build did, for the command to print. Timings are measured, never written to the site.
    public struct Summary: Sendable {
        public var output: String
        public var editions: [Int]
        public var pages: Int
        public var files: Int
        public var bytes: Int
        /// Seconds per step, in pipeline order.
        public var steps: [(name: String, seconds: Double)]
        /// Leftovers of interrupted builds that were cleared (or an output that was put back).
        public var recovered: [String]

        public var seconds: Double { steps.reduce(0) { $0 + $1.seconds } }
        public var pagesPerSecond: Double { seconds > 0 ? Double(pages) / seconds : 0 }
    }

    /// Builds the site from `input` into `output`.
    /// - Parameter progress: show progress lines (on a terminal only).
    @discardableResult
    public static func build(_ input: SiteInput, output: URL, progress: Bool = true) throws -> Summary {
        var clock = StepClock()
        let recovered = try StaleOutput.recover(output)
        let data = try SiteData.load(input)
        clock.lap("load")

        let (pages, files) = try pageSet(data)
        clock.lap("pages")

        let rendered = try render(pages, source: data.source, progress: progress)
        clock.lap("render")

        let all = (files + rendered).sorted { $0.path < $1.path }
        try checkUnique(all)
        try AtomicOutput.replaceFolder(output) { staging in
            try write(all, into: staging, progress: progress)
            clock.lap("write")
            try scan(staging, output: output)
            clock.lap("scan")
        }
        clock.lap("publish")

        return Summary(output: output.path, editions: data.editions.map(\.year),
                       pages: all.filter { $0.path.hasSuffix(".html") }.count, files: all.count,
                       bytes: all.reduce(0) { $0 + $1.data.count }, steps: clock.steps, recovered: recovered)
    }

    /// Step 2: every page and file of the site.
    static func pageSet(_ data: SiteData) throws -> (pages: [Page], files: [OutputFile]) {
        let source = data.source
        let indexes = data.editions.map { EditionIndex($0, reference: data.reference) }
        let histories = histories(indexes)
        // Ranking rows are rendered here, once per edition, on all cores.
        let perEdition = try concurrentMap(indexes) { index -> ([Page], [OutputFile]) in
            var pages = try RankingPages(source: source, index: index, reference: data.reference).pages()
            pages += GemeentePages(source: source, index: index, reference: data.reference, histories: histories).pages()
            pages.append(StatisticsPage(source: source, index: index).page())
            pages.append(MethodPage(source: source, index: index).page())
            pages.append(CaveatsPage(source: source, index: index).page())
            let downloads = Downloads(source: source, index: index)
            let files = try downloads.files()
            pages.append(downloads.page(files))
            return (pages, files.map(\.file))
        }
        var pages = perEdition.flatMap(\.0)
        var files = perEdition.flatMap(\.1)
        pages.append(HomePage(source: source, indexes: indexes).page())
        pages.append(ROIPage(source: source, scenarios: data.scenarios).page())
        files += source.assets.map { OutputFile(path: SitePaths.assets + "/" + $0.path, data: $0.data) }
        return (pages, files)
    }

    /// Step 3: every page through its template, on all cores.
    static func render(_ pages: [Page], source: SiteSource, progress: Bool) throws -> [OutputFile] {
        let bar = Progress("site: rendering", total: pages.count, enabled: progress && isatty(STDERR_FILENO) == 1)
        let slots = ResultSlots<OutputFile>(count: pages.count)
        DispatchQueue.concurrentPerform(iterations: pages.count) { index in
            let page = pages[index]
            slots.set(index, Result { OutputFile(path: page.path, data: Data(try source.render(page.template, page.context()).utf8)) })
            if index % 64 == 0 { bar.update(index) }
        }
        bar.finish()
        return try slots.all()
    }

    /// Two files with one path would silently overwrite each other: a bug in the page set.
    static func checkUnique(_ files: [OutputFile]) throws {
        for (a, b) in zip(files, files.dropFirst()) where a.path == b.path {
            throw SiteError.inconsistentData(path: a.path, problem: "two pages would be written to this path (two gemeenten or provinces with the same file name?)")
        }
    }

    /// Step 4: the files into the staging folder (folders first, then the files on all cores).
    static func write(_ files: [OutputFile], into folder: URL, progress: Bool) throws {
        let manager = FileManager.default
        let folders = Set(files.map { ($0.path as NSString).deletingLastPathComponent }.filter { !$0.isEmpty }).sorted()
        for relative in folders {
            try manager.createDirectory(at: folder.appendingPathComponent(relative), withIntermediateDirectories: true)
        }
        let bar = Progress("site: writing", total: files.count, enabled: progress && isatty(STDERR_FILENO) == 1)
        let slots = ResultSlots<Bool>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            let url = folder.appendingPathComponent(file.path)
            slots.set(index, Result { try writeFile(file.data, to: url.path); return true })
            if index % 64 == 0 { bar.update(index) }
        }
        bar.finish()
        _ = try slots.all()
    }

    /// Writes `data` to a new file with plain POSIX calls. (`Data.write(to:)` syncs every file to
    /// disk, which costs more than the whole build; the staging folder is made durable as a whole
    /// by the rename that publishes it.)
    static func writeFile(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SiteError.unwritable(path: path, problem: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = posixWrite(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw SiteError.unwritable(path: path, problem: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
    }

    /// Step 5: the personal-data scan of everything written: `scanFolder` over each folder of
    /// the staging folder (concurrently) and the detector over each file at its top. Findings
    /// are reported under the output folder's name (where they would have been published), not
    /// the staging folder's.
    static func scan(_ staging: URL, output: URL) throws {
        let detector = PersonalDataDetector.publishedOutput
        let entries = try FileManager.default.contentsOfDirectory(atPath: staging.path).sorted()
        let perEntry = try concurrentMap(entries) { entry -> [PersonalDataFinding] in
            let url = staging.appendingPathComponent(entry)
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
            if isFolder.boolValue { return try detector.scanFolder(url.path).findings }
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw SiteError.unreadable(path: url.path, problem: "cannot read the file back for the personal-data scan")
            }
            return detector.findings(in: data, path: url.path)
        }
        let found = perEntry.flatMap { $0 }.sorted()
        guard !found.isEmpty else { return }
        let prefix = staging.path + "/"
        let findings = found.map { finding in
            let relative = finding.path.hasPrefix(prefix) ? String(finding.path.dropFirst(prefix.count)) : finding.path
            return PersonalDataFinding(path: output.path + "/" + relative, line: finding.line, column: finding.column,
                                       kind: finding.kind, text: finding.text)
        }
        throw SiteError.personalData(findings: findings, output: output.path)
    }
}

/// Seconds per step, measured with the monotonic clock.
struct StepClock {
    var steps: [(name: String, seconds: Double)] = []
    private var last = DispatchTime.now().uptimeNanoseconds

    mutating func lap(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        steps.append((name, Double(now - last) / 1e9))
        last = now
    }
}
