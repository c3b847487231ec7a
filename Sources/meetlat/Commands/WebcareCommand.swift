import ArgumentParser
import Foundation
import Support
import Webcare

/// `meetlat webcare`: the KPIs, topics and privacy audit of a webcare tool's message log.
struct WebcareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webcare",
        abstract: "KPIs, trending topics and a privacy audit from a webcare tool's message log.",
        discussion: """
            Reads the log (a CSV, XLSX or SPSS export of OBI4wan, Coosto, Sprinklr, Zendesk and the like: \
            one row per message) through a mapping file that names its columns, labels, office hours and time zone \
            (format: Sources/Webcare/Webcare.docc/Webcare.md; example: Webcare/demo/mapping.yaml). Prints the report and \
            writes webcare.csv, webcare.json and webcare.html (aggregates only, each scanned for personal \
            data first) to --output, and every rejected row with its reason to --private (original rows: \
            keep them private). The log must be in time order, oldest first. Nothing is written unless the \
            whole log was read.
            """
    )

    @Argument(help: ArgumentHelp("The message log (.csv, .xlsx or .sav).", valueName: "log"))
    var log: String

    @Option(help: ArgumentHelp("The log's mapping file (YAML).", valueName: "file"))
    var mapping: String

    @Option(help: ArgumentHelp("Folder with stopwoorden.txt, straatnaam-achtervoegsels.txt and reacties.yaml.", valueName: "folder"))
    var rules: String = "Webcare/rules"

    @Option(help: "Length of the reporting periods: week, month or quarter.")
    var period: PeriodKind = .month

    @Option(help: ArgumentHelp("Folder for webcare.csv, webcare.json and webcare.html.", valueName: "folder"))
    var output: String = "Reports/webcare"

    @Option(name: .customLong("private"), help: ArgumentHelp("Folder for rejects.csv (original rows: keep it private).", valueName: "folder"))
    var privateFolder: String = "Reports/webcare-private"

    @Option(help: ArgumentHelp("The site's sources, whose assets/site.css styles the HTML report.", valueName: "folder"))
    var siteSource: String = "site"

    @Flag(help: "Do not read the message texts: no topics and no privacy audit (faster).")
    var skipText = false

    func run() throws {
        try reportingErrors {
            let mappingURL = URL(fileURLWithPath: mapping)
            let logMapping = try LogMapping.load(from: mappingURL, displayName: mapping)
            let webcareRules = try WebcareRules.load(folder: URL(fileURLWithPath: rules), displayName: rules)
            let stylesheetPath = (siteSource as NSString).appendingPathComponent("assets/site.css")
            guard let stylesheet = try? String(contentsOfFile: stylesheetPath, encoding: .utf8) else {
                throw WebcareError(file: stylesheetPath, problem: "cannot be read; expected the site's stylesheet for the HTML report (run from the repository or pass --site-source)")
            }
            let rows = LogRows(url: URL(fileURLWithPath: log), displayName: log, options: logMapping.tableOptions,
                               progressLabel: "reading \(log)")
            var run = WebcareRun(rows: rows, mapping: logMapping, mappingName: mapping, rules: webcareRules, stylesheet: stylesheet)
            run.period = period
            run.analyseText = !skipText
            let privateURL = URL(fileURLWithPath: privateFolder)
            let inputs = [log, mapping, rules, stylesheetPath].map { URL(fileURLWithPath: $0) }
            let result = try run.run(outputFolder: URL(fileURLWithPath: output), privateFolder: privateURL, inputs: inputs)
            // Names of organisations and channels come from the log: control characters shown, not sent.
            let text = TextReport.render(result.report, rejectsPath: privateURL.appendingPathComponent(WebcareRun.rejectsFile).relativePath)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { VisibleText.escaped(String($0)) }
            printMessage(lines.joined(separator: "\n"), terminator: "")
            if !result.rejectMessages.isEmpty {
                printMessage("\nfirst rejected rows:")
                for message in result.rejectMessages.prefix(5) { printMessage("  \(message)") }
            }
            for note in result.notes { printMessage(note) }
            printMessage("\nwrote \(output)/\(WebcareRun.csvFile), \(WebcareRun.jsonFile), \(WebcareRun.htmlFile) (each scanned: no personal data)")
        }
    }
}

extension PeriodKind: ExpressibleByArgument {}
