import Foundation
import Ingest
import Site

/// A fresh temporary folder, removed when the value goes away.
final class TemporaryFolder: @unchecked Sendable {
    let url: URL

    init(_ label: String = "site") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("meetlat-\(label)-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

enum Repository {
    static let root = SyntheticArchive.repositoryRoot
    static let siteSource = root.appendingPathComponent("site")
    static let scenarios = root.appendingPathComponent("Scenarios")
}

extension SyntheticArchive {
    /// The build input for this archive with the repository's site sources and scenarios.
    func input(source: URL = Repository.siteSource) -> SiteInput {
        var input = SiteInput(rankings: rankings, statistics: statistics, models: SurveyFolder(surveys).modelsURL,
                              scenarios: Repository.scenarios, source: source)
        input.boundaries = SurveyFolder(surveys).referenceURL.appendingPathComponent("boundaries")
        return input
    }
}

/// Every file under `folder`: relative path → bytes (hidden files included).
func snapshot(_ folder: URL) -> [String: Data] {
    var result: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return result }
    while let relative = enumerator.nextObject() as? String {
        var isFolder: ObjCBool = false
        let path = folder.appendingPathComponent(relative).path
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
            result[relative] = FileManager.default.contents(atPath: path)
        }
    }
    return result
}

/// The HTML pages of a snapshot as text, by path.
func pages(_ files: [String: Data]) -> [(path: String, text: String)] {
    files.keys.filter { $0.hasSuffix(".html") }.sorted().map { ($0, String(decoding: files[$0] ?? Data(), as: UTF8.self)) }
}

/// The values of `attribute="…"` in `html`, in order.
func attributeValues(_ attribute: String, in html: String) -> [String] {
    var values: [String] = []
    var rest = html[...]
    let marker = " \(attribute)=\""
    while let start = rest.range(of: marker) {
        let valueStart = start.upperBound
        guard let end = rest[valueStart...].firstIndex(of: "\"") else { break }
        values.append(String(rest[valueStart..<end]))
        rest = rest[end...]
    }
    return values
}

/// A page without the parts that name the other editions: the edition switch, the notice of a
/// newer edition and the list of gemeenten that did not take part (with their editions).
func withoutEditionLinks(_ data: Data?) -> String {
    var text = String(decoding: data ?? Data(), as: UTF8.self)
    for (start, end) in [("<p class=\"notice newer-edition\">", "</p>"), ("<nav class=\"edition-switch\"", "</nav>"),
                         ("<script type=\"application/json\" id=\"niet-meegedaan\">", "</script>")] {
        while let from = text.range(of: start), let to = text.range(of: end, range: from.upperBound..<text.endIndex) {
            // With the line break after it: a notice that is there now stood on a line of its own.
            let through = text[to.upperBound...].hasPrefix("\n") ? text.index(after: to.upperBound) : to.upperBound
            text.removeSubrange(from.lowerBound..<through)
        }
    }
    return text
}

/// A site built once from a three-year synthetic archive, shared by the tests that only read it.
struct SharedSite: Sendable {
    let root: URL
    let archive: SyntheticArchive
    let output: URL
    let summary: SiteBuilder.Summary

    static let years = [2011, 2012, 2013]

    static let built: Result<SharedSite, Error> = Result {
        // One folder per test process; those of earlier runs (whose process has ended) are
        // removed first. A test process running beside this one keeps its folder.
        let temporary = FileManager.default.temporaryDirectory
        let prefix = "meetlat-site-shared-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        where name.hasPrefix(prefix) {
            if let pid = Int32(name.dropFirst(prefix.count)), kill(pid, 0) == 0 || errno == EPERM { continue }
            try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
        }
        let root = temporary.appendingPathComponent("meetlat-site-shared-\(getpid())")
        // Removed when the test process ends (a C callback: it may not capture, so it derives the path again).
        atexit {
            try? FileManager.default.removeItem(at: FileManager.default.temporaryDirectory.appendingPathComponent("meetlat-site-shared-\(getpid())"))
        }
        let archive = try SyntheticArchive.make(at: root, years: years, gemeenten: 60)
        let output = root.appendingPathComponent("_site")
        let summary = try SiteBuilder.build(archive.input(), output: output, progress: false)
        return SharedSite(root: root, archive: archive, output: output, summary: summary)
    }

    static func get() throws -> SharedSite { try built.get() }

    var files: [String: Data] { snapshot(output) }
}

/// The site sources copied to a temporary folder, so a test can change a template or site.yaml.
func copyOfSiteSource(into folder: URL) throws -> URL {
    let copy = folder.appendingPathComponent("site")
    try FileManager.default.copyItem(at: Repository.siteSource, to: copy)
    return copy
}

struct TestSetupError: Error, CustomStringConvertible {
    let description: String
}

func replace(_ old: String, with new: String, in file: URL) throws {
    let text = try String(contentsOf: file, encoding: .utf8)
    guard text.contains(old) else { throw TestSetupError(description: "\(file.path) does not contain \(old)") }
    try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: file)
}
