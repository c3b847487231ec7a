import Dispatch
import Foundation
import PersonalData
import Support

/// Builds the static site (`meetlat site`) as a pipeline of steps:
///
/// 1. **load** — site sources (templates compiled once), rankings, survey years (ingest +
///    statistics, concurrently), scoring models, ROI scenarios (`SiteData.load`);
/// 2. **pages** — page models for every edition and the global pages; ranking rows are rendered
///    once per edition and shared by its sorted and filtered pages;
/// 3. **render+write+scan** — on all cores, page by page: the page through its template, the
///    bytes into a fresh staging folder next to the output, and the same bytes and the file's
///    name through `PersonalDataDetector.publishedOutput` with site.yaml's allow-list
///    (`scanFile`, as `scanFolder` would read them back); any finding stops the build, naming
///    file, line and match. Each page's output depends only on its data,
///    so the result is the same in any order. A page is dropped once written, so the site is
///    never held in memory as a whole;
/// 4. **publish** — the staging folder replaces the output folder in one step
///    (`AtomicOutput.replaceFolder`, which also refuses an output among the inputs, publishes
///    into the target of a symbolic link and clears what killed builds left).
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
        /// What publishing did beyond a plain replacement (`AtomicOutput.Publication.notes`):
        /// a symbolic link followed, a mount point's contents replaced, leftovers of interrupted
        /// builds cleared.
        public var notes: [String]
        /// site.yaml's `personal_data_allowed`, each entry with the number of files it let through.
        public var allowedPersonalData: [(entry: AllowedPersonalData, files: Int)]
        /// What the Markdown sanitiser removed from `content/` (`MarkdownHTML`), one line each.
        public var contentWarnings: [String]

        public var seconds: Double { steps.reduce(0) { $0 + $1.seconds } }
        public var pagesPerSecond: Double { seconds > 0 ? Double(pages) / seconds : 0 }
    }

    /// Builds the site from `input` into `output`.
    /// - Parameters:
    ///   - input: where the finished outputs, models, scenarios and site sources are.
    ///   - output: the site folder (`_site/`).
    ///   - progress: show progress lines (on a terminal only).
    @discardableResult
    public static func build(_ input: SiteInput, output: URL, progress: Bool = true) throws -> Summary {
        var clock = StepClock()
        // Refused before the work, not after it; `replaceFolder` applies the rule again.
        try AtomicOutput.checkFolder(output, inputs: input.folders)
        let data = try SiteData.load(input)
        clock.lap("load")

        let (pages, files) = try pageSet(data)
        clock.lap("pages")

        let items = (files.map(OutputItem.file) + pages.map(OutputItem.page)).sorted { $0.path < $1.path }
        try checkUnique(items.map(\.path))
        var written = Written()
        // Not synced file by file: the next build remakes every page, and syncing thousands of
        // files would cost more than the build.
        let publication = try AtomicOutput.replaceFolder(output, inputs: input.folders, durable: false) { staging in
            written = try renderWriteAndScan(items, source: data.source, into: staging, output: output, progress: progress)
            clock.lap("render+write+scan")
        }
        clock.lap("publish")

        let allowed = data.source.config.personalDataAllowed.map { ($0, written.filesPerAllowedValue[$0.value] ?? 0) }
        return Summary(output: output.path, editions: data.editions.map(\.year),
                       pages: items.filter { $0.path.hasSuffix(".html") }.count, files: items.count,
                       bytes: written.bytes, steps: clock.steps, notes: publication.notes,
                       allowedPersonalData: allowed, contentWarnings: data.source.contentWarnings)
    }

    /// What step 3 wrote: bytes, and per allowed value the number of files it was found in.
    struct Written {
        var bytes = 0
        var filesPerAllowedValue: [String: Int] = [:]
    }

    /// Step 2: every page and file of the site.
    static func pageSet(_ data: SiteData) throws -> (pages: [Page], files: [OutputFile]) {
        let source = data.source
        let indexes = data.editions.map { EditionIndex($0, reference: data.reference) }
        let histories = histories(indexes)
        let links = EditionLinks(indexes)
        let labels = data.labels
        let publish = DataFiles.input(data)
        let find = FindPages(source: source, indexes: indexes, reference: data.reference, histories: histories,
                             links: links)
        // Ranking rows are rendered here, once per edition, on all cores.
        let perEdition = try concurrentMap(indexes) { index -> ([Page], [DownloadFile], [OutputFile]) in
            var pages = try RankingPages(source: source, index: index, reference: data.reference, links: links, histories: histories).pages()
            let gemeentePages = GemeentePages(source: source, index: index, reference: data.reference, histories: histories,
                                              links: links, labels: labels)
            pages += gemeentePages.pages()
            pages += find.absentPages(index)
            pages.append(ComparePage(source: source, index: index, histories: histories, links: links).page())
            pages.append(MapPage(source: source, index: index, reference: data.reference, links: links).page())
            pages.append(StatisticsPage(source: source, index: index, links: links, labels: labels).page())
            pages.append(MethodPage(source: source, index: index, links: links, labels: labels).page())
            pages.append(CaveatsPage(source: source, index: index, links: links, labels: labels).page())
            if let page = MeasurementsPage(source: source, index: index, links: links).page() { pages.append(page) }
            let herkomst = publish.provenance(publish.editions.first { $0.year == index.year })
            let downloads = Downloads(source: source, index: index, links: links, labels: labels, herkomst: herkomst)
            let files = try downloads.files()
            pages.append(downloads.page(files))
            return (pages, files, gemeentePages.files())
        }
        var pages = perEdition.flatMap(\.0)
        let downloads = perEdition.flatMap(\.1) + (try Downloads.allEditions(indexes, labels: labels, herkomst: publish.provenance(nil)))
        var files = downloads.map(\.file) + perEdition.flatMap(\.2)
        files += try DataFiles.files(publish, data, downloads: downloads)
        pages.append(DataFiles.page(source, data))
        pages.append(HomePage(source: source, indexes: indexes).page())
        pages.append(ROIPage(source: source, scenarios: data.scenarios).page())
        pages.append(find.listPage())
        files.append(try find.searchIndex())
        files += source.assets.map { OutputFile(path: SitePaths.assets + "/" + $0.path, data: $0.data) }
        return (pages, files)
    }

    /// What ends up in one file of the output: a page still to render, or bytes as they are.
    enum OutputItem: Sendable {
        case page(Page)
        case file(OutputFile)

        var path: String {
            switch self {
            case .page(let page): return page.path
            case .file(let file): return file.path
            }
        }
    }

    /// Two files with one path would silently overwrite each other: a bug in the page set.
    static func checkUnique(_ sortedPaths: [String]) throws {
        for (a, b) in zip(sortedPaths, sortedPaths.dropFirst()) where a == b {
            throw SiteError.inconsistentData(path: a, problem: "two pages would be written to this path (two gemeenten or provinces with the same file name?)")
        }
    }

    /// Step 3: every item rendered (pages), written into `staging` and scanned (name and, when it
    /// is text, content) with site.yaml's allow-list, on all cores. Findings are reported under
    /// the output folder's name (where they would have been published), not the staging folder's.
    static func renderWriteAndScan(_ items: [OutputItem], source: SiteSource, into staging: StagingFolder, output: URL,
                                   progress: Bool) throws -> Written {
        let detector = source.config.detector
        let bar = Progress("site: rendering", total: items.count, enabled: progress && isatty(STDERR_FILENO) == 1)
        let slots = ResultSlots<(bytes: Int, scan: FileScan)>(count: items.count)
        // Items are dealt out in interleaved chunks, so each chunk reuses one output buffer while
        // the cores stay evenly busy (gemeente pages and ranking pages differ a lot in size).
        let chunks = min(items.count, 64)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var buffer: [UInt8] = []
            buffer.reserveCapacity(65_536)
            for index in stride(from: chunk, to: items.count, by: chunks) {
                let item = items[index]
                slots.set(index, Result {
                    switch item {
                    case .page(let page):
                        buffer.removeAll(keepingCapacity: true)
                        try source.render(page.template, page.context(), into: &buffer)
                        return try buffer.withUnsafeBufferPointer { bytes in
                            try staging.write(UnsafeRawBufferPointer(bytes), to: item.path)
                            return (bytes.count, detector.scanFile(bytes, relativePath: item.path, displayPath: output.path + "/" + item.path))
                        }
                    case .file(let file):
                        try file.data.withUnsafeBytes { try staging.write($0, to: item.path) }
                        return (file.data.count, file.scan(detector, displayPath: output.path + "/" + item.path))
                    }
                })
                if index % 64 == 0 { bar.update(index) }
            }
        }
        bar.finish()
        let results = try slots.all()
        let findings = results.flatMap(\.scan.findings).sorted()
        if !findings.isEmpty { throw SiteError.personalData(findings: findings, output: output.path) }
        var written = Written(bytes: results.reduce(0) { $0 + $1.bytes })
        for result in results {
            for value in Set(result.scan.allowedMatches) { written.filesPerAllowedValue[value, default: 0] += 1 }
        }
        return written
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
