import ArgumentParser
import Foundation
import Ingest
import MappingDraft
import Support
import TableFiles

/// `meetlat init <year> --export <file>`: put a survey tool's export in the year's folder and
/// draft the year's mapping.yaml from it.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a survey year: draft Surveys/<year>/mapping.yaml from the survey tool's export.",
        discussion: """
            Reads the export (.csv, .xlsx, .sav, .zsav), copies it into the year's folder when it is \
            elsewhere, and matches each column against the other years' mappings, the scoring model \
            and statistics.yaml (word lists: <surveys>/drafting.yaml). Writes a commented draft: \
            every column it is not sure of is a line marked TODO with its best guesses. Review \
            those, then run meetlat ingest --year <year> --strict.
            """
    )

    @OptionGroup var surveys: SurveysOption

    @Argument(help: "The survey year, e.g. 2014.")
    var year: Int

    @Option(help: ArgumentHelp("The survey tool's export: .csv, .xlsx, .sav or .zsav.", valueName: "file"))
    var export: String

    @Option(help: "XLSX: the sheet to read (default: the first).")
    var sheet: String?

    @Option(help: "Scoring model in models/ (default: the latest).")
    var model: String?

    @Option(help: ArgumentHelp("Write the draft here instead of <surveys>/<year>/mapping.yaml (e.g. - for standard output).", valueName: "file"))
    var output: String?

    @Flag(help: "Replace an existing mapping.yaml.")
    var force = false

    func validate() throws {
        guard year >= 1000 && year <= 9999 else { throw ValidationError("the year has four digits, found \(year)") }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: export, isDirectory: &isFolder), !isFolder.boolValue else {
            throw ValidationError("--export \(export): no such file; expected the survey tool's export (.csv, .xlsx, .sav or .zsav)")
        }
        if case .failure(let error) = TableFile.format(ofFileNamed: export) { throw ValidationError("--export \(error)") }
    }

    func run() throws {
        try reportingErrors {
            let folder = surveys.folder
            let source = URL(fileURLWithPath: export).standardizedFileURL
            let yearFolder = folder.yearURL(year).standardizedFileURL
            let name = source.lastPathComponent
            let placed = yearFolder.appendingPathComponent(name)
            if source.deletingLastPathComponent().path != yearFolder.path {
                try FileManager.default.createDirectory(at: yearFolder, withIntermediateDirectories: true)
                if FileManager.default.fileExists(atPath: placed.path) {
                    guard FileManager.default.contentsEqual(atPath: placed.path, andPath: source.path) else {
                        throw ValidationError("\(placed.path) exists and differs from \(export); remove it or rename the export")
                    }
                } else {
                    try FileManager.default.copyItem(at: source, to: placed)
                    printMessage("Copied \(export) to \(placed.path) (exports stay untouched in the year's folder).")
                }
            }
            let target = output.map { URL(fileURLWithPath: $0) } ?? folder.mappingURL(year)
            if output == nil && !force && FileManager.default.fileExists(atPath: target.path) {
                throw ValidationError("\(target.path) exists; give --force to replace it, or --output to write the draft elsewhere")
            }
            let draft = try MappingDrafter(folder: folder, year: year, exportFile: name, sheet: sheet, model: model).draft()
            if output == "-" {
                printMessage(draft.yaml, terminator: "")
            } else {
                // The draft goes into the survey folder by design; only the export itself is protected.
                try AtomicOutput.write(draft.yaml, to: target, inputs: [placed])
                printMessage("Wrote \(target.path): \(draft.summary).")
            }
            if !draft.unmappedModelFields.isEmpty {
                printError("model fields without a column: \(draft.unmappedModelFields.joined(separator: ", "))")
            }
            printError("\(draft.summary); next: review the TODO lines, then meetlat ingest --year \(year) --strict")
        }
    }
}
