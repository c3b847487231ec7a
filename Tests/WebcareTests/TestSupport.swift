import Foundation
import PersonalData
@testable import Webcare

/// The repository's root: the rules, the demo log and the site's stylesheet are read from it.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

let repositoryRules: WebcareRules = {
    do {
        return try WebcareRules.load(folder: repositoryRoot.appendingPathComponent("Webcare/rules"), displayName: "Webcare/rules")
    } catch {
        fatalError("Webcare/rules cannot be read: \(error)")
    }
}()

let siteStylesheet = (try? String(contentsOf: repositoryRoot.appendingPathComponent("site/assets/site.css"), encoding: .utf8)) ?? ""

/// A fresh temporary folder, removed when the value goes.
final class ScratchFolder {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("webcare-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ name: String, _ text: String) -> URL {
        let file = url.appendingPathComponent(name)
        try? text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }
}

/// Runs the analysis of `log` (a file) with `mapping`; writes the outputs into `scratch` when given.
func runWebcare(log: URL, mapping: LogMapping, period: PeriodKind = .month, analyseText: Bool = true,
                output: URL? = nil, scratch: ScratchFolder = ScratchFolder()) throws -> WebcareRun.Result {
    let rows = LogRows(url: log, displayName: log.lastPathComponent, options: mapping.tableOptions)
    var run = WebcareRun(rows: rows, mapping: mapping, mappingName: "mapping.yaml", rules: repositoryRules, stylesheet: siteStylesheet)
    run.period = period
    run.analyseText = analyseText
    return try run.run(outputFolder: output, privateFolder: scratch.url.appendingPathComponent("private"))
}

func loadMapping(_ url: URL) throws -> LogMapping {
    try LogMapping.load(from: url, displayName: url.lastPathComponent)
}

/// Period key of a month.
func month(_ year: Int, _ month: Int) -> Int { year * 12 + month - 1 }
