import Configuration
import Core
import Foundation
import Ingest
import PersonalData
import ROI
import Scoring
import Site
import Support
import TableFiles

/// The fuzz targets. `csv`, `ingest`, `xlsx` and `sav` take the bytes of one survey export; the
/// `yaml-` targets the bytes of one configuration file of their kind, read from a file of the real
/// name through the loader each command uses (so through the one configuration reader);
/// `expression` those of a scenario field (ExpressionTarget.swift).
enum FuzzTarget: String, CaseIterable, Sendable {
    /// `CSVReader` alone: detection, libcsv, decoding, row numbering, error messages.
    case csv
    /// `SurveyFolder.ingest` of the fixed survey year in `Fuzz/survey/`, the bytes being its export.
    case ingest
    /// `TableFile.reader` on an .xlsx file: libzip, libxml2, shared strings, styles, the sheet.
    case xlsx
    /// `TableFile.reader` on an SPSS .sav file: ReadStat, value labels, missing values, dates.
    case sav
    /// `ExpressionParser` and the compiled program of a scenario field.
    case expression
    /// `2012/mapping.yaml` of the fixed survey, read by `SurveyFolder.mapping(year:)`.
    case yamlMapping = "yaml-mapping"
    /// `models/fuzz.yaml`, read by `ModelLibrary.model(named:)`.
    case yamlModel = "yaml-model"
    /// `Scenarios/fuzz.yaml`, read by `ScenarioLoader.load(path:)` and exported for the site's
    /// calculator as `meetlat site` does with every scenario.
    case yamlScenario = "yaml-scenario"
    /// `site/site.yaml`, read by `SiteConfig.load(from:)`.
    case yamlSite = "yaml-site"

    /// The file a `yaml-` target writes each input to, relative to the scratch survey folder.
    var configFile: String? {
        switch self {
        case .csv, .ingest, .xlsx, .sav, .expression: return nil
        case .yamlMapping: return "2012/mapping.yaml"
        case .yamlModel: return "models/fuzz.yaml"
        case .yamlScenario: return "Scenarios/fuzz.yaml"
        case .yamlSite: return "site/site.yaml"
        }
    }
}

/// An input broke a promise of the ingest code (a crash is caught by the fuzzer itself).
struct InvariantViolation: Error, CustomStringConvertible {
    var description: String
}

/// Runs one target on one input and checks what came out. Holds no state between inputs: every
/// input is written to the same scratch file and read from there, as a real export would be.
final class Harness: Sendable {
    let target: FuzzTarget
    /// A private copy of `Fuzz/survey/`, so the repository is never written to.
    let survey: SurveyFolder
    let reference: Reference
    let exportURL: URL
    let mapping: Mapping
    static let year = 2012

    /// `Fuzz/survey/`, found from this file's place in the repository.
    static let fixture = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("survey")

    init(target: FuzzTarget) throws {
        self.target = target
        Self.removeScratchOfDeadRuns()
        let scratch = Self.scratchParent.appendingPathComponent("meetlat-fuzz-\(target.rawValue)-\(getpid())")
        try? FileManager.default.removeItem(at: scratch)
        try FileManager.default.copyItem(at: Self.fixture, to: scratch)
        survey = SurveyFolder(scratch)
        for file in FuzzTarget.allCases.compactMap(\.configFile) {
            try FileManager.default.createDirectory(at: scratch.appendingPathComponent(file).deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
        }
        reference = try survey.reference()
        mapping = try survey.mapping(year: Self.year)
        exportURL = survey.yearURL(Self.year).appendingPathComponent(mapping.export.file)
    }

    /// Removes the private copy of the survey folder.
    func removeScratch() {
        try? FileManager.default.removeItem(at: survey.url)
    }

    /// A crash aborts before any clean-up: its scratch folder stays until the next run.
    static func removeScratchOfDeadRuns() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: scratchParent.path)) ?? []
        for name in names where name.hasPrefix("meetlat-fuzz-") {
            // A process with this id still runs (EPERM: someone else's): not a dead run's.
            guard let pid = name.split(separator: "-").last.flatMap({ Int32($0) }), kill(pid, 0) != 0 && errno != EPERM else { continue }
            try? FileManager.default.removeItem(at: scratchParent.appendingPathComponent(name))
        }
    }

    /// Memory-backed when the machine has it: every input is a file write and several reads.
    static var scratchParent: URL {
        FileManager.default.isWritableFile(atPath: "/dev/shm")
            ? URL(fileURLWithPath: "/dev/shm") : FileManager.default.temporaryDirectory
    }

    /// Writes without the `fsync` that `Data.write` does: a scratch file need not survive a
    /// power cut, and syncing made fuzzing ten times slower.
    static func writeScratch(_ bytes: UnsafeBufferPointer<UInt8>, to url: URL) {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var written = 0
        while descriptor >= 0, written < bytes.count, let base = bytes.baseAddress {
            let count = write(descriptor, base + written, bytes.count - written)
            guard count > 0 else { break }
            written += count
        }
        if descriptor >= 0 { close(descriptor) }
        // Not the input's fault: the scratch folder went away.
        guard descriptor >= 0, written == bytes.count else { fatalError("meetlat-fuzz: cannot write \(url.path)") }
    }

    static func writeScratch(_ text: String, to url: URL) {
        Array(text.utf8).withUnsafeBufferPointer { writeScratch($0, to: url) }
    }

    func run(_ bytes: UnsafeBufferPointer<UInt8>) throws(InvariantViolation) {
        if target == .expression { return try ExpressionFuzz.check(bytes) }
        if let file = target.configFile {
            let url = survey.url.appendingPathComponent(file)
            Self.writeScratch(bytes, to: url)
            try checkConfiguration(url)
            return
        }
        switch target {
        case .csv:
            Self.writeScratch(bytes, to: exportURL)
            try checkCSVReader()
        case .ingest:
            Self.writeScratch(bytes, to: exportURL)
            try checkIngest()
        case .xlsx, .sav:
            let url = exportURL.deletingLastPathComponent().appendingPathComponent("fuzz.\(target.rawValue)")
            Self.writeScratch(bytes, to: url)
            try checkTable(url)
        case .expression: break
        case .yamlMapping, .yamlModel, .yamlScenario, .yamlSite: break
        }
    }

    // MARK: Configuration files

    /// Reads the file as its command would. Whatever the bytes: no crash, no hang (libFuzzer's
    /// `-timeout`), no runaway memory (`-rss_limit_mb`), and either a value or one `ConfigError`
    /// whose message starts with the file's name and shows no raw control character.
    private func checkConfiguration(_ url: URL) throws(InvariantViolation) {
        let named: String
        do {
            switch target {
            case .yamlMapping:
                named = "\(Self.year)/mapping.yaml"
                let mapping = try survey.mapping(year: Self.year)
                try expect(mapping.year == Self.year && !mapping.fields.isEmpty, "a mapping without year or fields was accepted")
                try expect(mapping.fields.map(\.name) == mapping.fields.map(\.name).sorted(), "fields out of order")
            case .yamlModel:
                named = url.path
                let model = try ModelLibrary(folder: url.deletingLastPathComponent()).model(named: "fuzz")
                try expect(model.name == "fuzz" && !model.dimensions.isEmpty, "a model without name or dimensions was accepted")
                try expect(model.maximum >= 0, "a model's maximum is \(model.maximum)")
            case .yamlScenario:
                named = url.path
                let scenario = try ScenarioLoader.load(path: url.path)
                // What `meetlat site` does with every scenario it reads.
                let model = CompiledScenario(scenario)
                _ = ModelExport.json(model).text
                _ = Evaluator(model).breakdown(model.baseValues)
            case .yamlSite:
                named = url.path
                let config = try SiteConfig.load(from: url)
                try expect(!config.title.isEmpty, "a site.yaml without a title was accepted")
            case .csv, .ingest, .xlsx, .sav, .expression:
                return
            }
        } catch let error as ConfigError {
            let message = error.description
            try expect(message.hasPrefix(named + ":") || message.hasPrefix(named + " "),
                       "the message does not start with the file's name \(named): \(message.debugDescription)")
            try expect(!message.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) },
                       "the message shows a control character raw: \(message.debugDescription)")
            try expect(!error.problem.isEmpty, "a message without a problem: \(message.debugDescription)")
        } catch let violation as InvariantViolation {
            throw violation
        } catch {
            throw InvariantViolation(description: "\(target.rawValue) threw \(type(of: error)), not a ConfigError: \(error)")
        }
    }

    // MARK: XLSX and SPSS readers

    /// Limits small enough that a fuzzed size field cannot make one input run for long.
    static let tableLimits = TableLimits(maximumCellBytes: 1 << 20, maximumEntryBytes: 16 << 20, ratioFloorBytes: 4 << 20)

    private func checkTable(_ url: URL) throws(InvariantViolation) {
        let name = url.lastPathComponent
        var header: TableHeader?
        var previous = 0
        do {
            let reader = try TableFile.reader(for: url, displayName: name, options: .init(limits: Self.tableLimits))
            try reader.read(progressLabel: nil, header: { found in
                try expect(header == nil, "a second header")
                header = found
                try expect(!found.columns.isEmpty || target == .sav, "an empty header")
                previous = found.row ?? 0
            }, row: { row in
                guard let header else { throw InvariantViolation(description: "row \(row.row) before the header") }
                try expect(row.row > previous, "row \(row.row) follows row \(previous)")
                try expect(row.cells.count >= header.columns.count, "row \(row.row) has \(row.cells.count) cells for \(header.columns.count) columns")
                try expect(row.types.keys.allSatisfy { $0 >= 0 && $0 < row.cells.count }, "row \(row.row) types a cell it does not have")
                for (column, type) in row.types where type == .missing {
                    try expect(row.cells[column].isEmpty, "a missing cell holds text")
                }
                try expect(row.cells.allSatisfy { $0.utf8.count <= Self.tableLimits.maximumCellBytes }, "a cell beyond the limit")
                previous = row.row
            })
        } catch let error as TableFileError {
            try expect(error.description.hasPrefix(name + ": ") || error.description.hasPrefix(name + ", "),
                       "a table error does not start with the file name: \(error)")
            try expect(!error.problem.isEmpty, "an error without a problem")
        } catch let violation as InvariantViolation {
            throw violation
        } catch {
            throw InvariantViolation(description: "the \(target.rawValue) reader threw \(type(of: error)): \(error)")
        }
    }

    // MARK: CSV reader

    private func checkCSVReader() throws(InvariantViolation) {
        try checkRead(CSVReader.Options())
        // Fixed settings skip detection and reach the decoder with bytes detection would refuse.
        try checkRead(CSVReader.Options(encoding: .windows1252, delimiter: .semicolon))
        try checkRead(CSVReader.Options(encoding: .utf8, delimiter: .comma))
    }

    private func checkRead(_ options: CSVReader.Options) throws(InvariantViolation) {
        let name = "fuzz.csv"
        var records: [CSVRecord] = []
        let summary: CSVSummary
        do {
            summary = try CSVReader(url: exportURL, displayName: name, options: options).read { records.append($0) }
        } catch let error as CSVError {
            try expect(error.description.hasPrefix(name + ": ") || error.description.hasPrefix(name + ", row "),
                       "a CSV error does not start with the file name: \(error)")
            try expect((error.row ?? 1) >= 1 && (error.column ?? 1) >= 1, "a CSV error names row \(error.row ?? 0), column \(error.column ?? 0)")
            return
        } catch {
            throw InvariantViolation(description: "CSVReader threw \(type(of: error)), not a CSVError: \(error)")
        }
        try expect(!records.isEmpty, "a successful read delivered no header")
        var previous = 0
        for record in records {
            try expect(record.row > previous, "row \(record.row) follows row \(previous)")
            try expect(!record.fields.isEmpty, "row \(record.row) has no fields")
            previous = record.row
        }
        try expect(summary.lastRow >= previous, "last row \(summary.lastRow) is before the last record \(previous)")
        try expect(summary.blankRows == summary.blankRows.sorted(), "blank rows out of order")
        try expect(Set(summary.blankRows).isDisjoint(with: records.map(\.row)), "a row is both blank and delivered")
        try checkRoundTrip(records)
    }

    /// What meetlat writes with `CSVWriter` (rejects.csv keeps original rows) must read back as
    /// the same records, field for field, once the formula guard's `'` is taken off
    /// (`CSVWriter.originalCell`); no cell read back starts like a formula unless it is a plain
    /// number. A record of one empty field is written as a blank line, which holds no record: it
    /// is left out.
    private func checkRoundTrip(_ records: [CSVRecord]) throws(InvariantViolation) {
        let kept = records.map(\.fields).filter { $0 != [""] }
        var writer = CSVWriter(header: ["record"])
        for fields in kept { writer.append(fields) }
        let copy = exportURL.deletingLastPathComponent().appendingPathComponent("round-trip.csv")
        Self.writeScratch(writer.text, to: copy)
        var reread: [[String]] = []
        do {
            try CSVReader(url: copy, options: .init(encoding: .utf8, delimiter: .comma)).read { reread.append($0.fields) }
        } catch {
            throw InvariantViolation(description: "CSVWriter output cannot be read back: \(error)")
        }
        try expect(reread.count == kept.count + 1, "\(kept.count) records written, \(reread.count - 1) read back")
        for (written, read) in zip(kept, reread.dropFirst()) {
            try expect(written == read.map(CSVWriter.originalCell), "record \(written.debugDescription) reads back as \(read.debugDescription)")
            for cell in read where CSVWriter.needsFormulaGuard(cell) && cell.first != "'" {
                throw InvariantViolation(description: "cell \(cell.debugDescription) of \(written.debugDescription) would run as a formula")
            }
        }
    }

    // MARK: Whole ingest

    private func checkIngest() throws(InvariantViolation) {
        let exportName = "\(Self.year)/\(mapping.export.file)"
        do {
            let year = try survey.ingest(year: Self.year, reference: reference)
            try checkYear(year, exportName: exportName)
        } catch let error as IngestError {
            try expect(error.description.hasPrefix(exportName), "an ingest error does not name the export: \(error)")
            if let year = error.surveyYear { try checkYear(year, exportName: exportName) }
        } catch let error as CSVError {
            try expect(error.description.hasPrefix(exportName), "a CSV error does not name the export: \(error)")
        } catch let error as ConfigError {
            // A mapped column missing from (or doubled in) the fuzzed header.
            try expect(error.description.hasPrefix("\(Self.year)/mapping.yaml"), "a mapping error does not name the mapping: \(error)")
            try expect(error.description.contains(exportName), "a header error does not name the export: \(error)")
        } catch let violation as InvariantViolation {
            throw violation
        } catch {
            throw InvariantViolation(description: "ingest threw \(type(of: error)): \(error)")
        }
    }

    private func checkYear(_ year: SurveyYear, exportName: String) throws(InvariantViolation) {
        let report = year.report
        let rejects: [Reject]
        do {
            rejects = try year.rejects
        } catch {
            throw InvariantViolation(description: "the rejects cannot be read back: \(error)")
        }
        try expect(report.isBalanced, "not balanced: read \(report.rowsRead), accepted \(report.accepted), rejected \(report.rejected)")
        try expect(report.rowsRead == year.responses.count + rejects.count,
                   "rows read \(report.rowsRead) ≠ \(year.responses.count) responses + \(rejects.count) rejects")
        try expect(report.accepted == year.responses.count, "accepted \(report.accepted) ≠ \(year.responses.count) responses")
        for reason in RejectReason.allCases {
            let count = rejects.filter { $0.reason == reason }.count
            try expect(report.rejected[reason, default: 0] == count, "\(reason.rawValue): report says \(report.rejected[reason, default: 0]), rejects hold \(count)")
        }
        try expect(rejects.map(\.row) == rejects.map(\.row).sorted(), "rejects are not in row order")
        try expect(Set(rejects.map(\.row)).count == rejects.count, "a row is rejected twice")
        for reject in rejects {
            try expect(reject.message.hasPrefix("\(exportName), row \(reject.row): ") && reject.message.count > exportName.count + 12,
                       "reject message without file, row and text: \(reject.message.debugDescription)")
            try expect(!reject.original.isEmpty, "reject of row \(reject.row) lost its content")
        }
        let codes = year.responses.map(\.gemeente)
        try expect(codes == codes.sorted() && Set(codes).count == codes.count, "responses not one per gemeente in code order")
        let acceptedRows = Set(year.responses.map(\.row))
        try expect(acceptedRows.isDisjoint(with: rejects.map(\.row)), "a row is both accepted and rejected")
        let fieldNames = Set(mapping.fields.map(\.name))
        for response in year.responses {
            // Only mapped fields: nothing from private, remark or ignored columns.
            try expect(Set(response.values.keys) == fieldNames, "row \(response.row) holds fields \(response.values.keys.sorted())")
        }
        try expect(report.remarksScanned == report.remarksRead, "\(report.remarksRead) remarks read, \(report.remarksScanned) scanned")
        try expect(report.remarksWithPersonalData <= report.remarksScanned, "more remarks with personal data than scanned")
        try expect(report.personalDataByKind.values.reduce(0, +) >= report.remarksWithPersonalData,
                   "fewer personal-data matches than remarks with personal data")

        let text = report.text(year: year.year)
        try expect(text.contains("balanced") && text.contains("yes (rows read = accepted + rejected)"), "report text not balanced:\n\(text)")
        try checkNoPersonalDataPrinted(year)
        // rejects.csv must read back: one record per reject after its header.
        var rows = 0
        let copy = exportURL.deletingLastPathComponent().appendingPathComponent("rejects.csv")
        do {
            Self.writeScratch(try year.rejectsCSV, to: copy)
            try CSVReader(url: copy, options: .init(encoding: .utf8, delimiter: .comma)).read { _ in rows += 1 }
        } catch {
            throw InvariantViolation(description: "rejects.csv cannot be read back: \(error)")
        }
        try expect(rows == rejects.count + 1, "rejects.csv holds \(rows - 1) rows for \(rejects.count) rejects")
    }

    /// The report counts personal data; it never quotes it, and neither does the message a
    /// `--strict` run prints. Whatever the detector finds in the printed text must not come from
    /// a cell of the export — unless the header holds it (the report names unmapped columns).
    private func checkNoPersonalDataPrinted(_ year: SurveyYear) throws(InvariantViolation) {
        var cells: [String] = []
        do {
            try CSVReader(url: exportURL).read { record in
                if record.fields != year.report.columns { cells += record.fields }
            }
        } catch {
            throw InvariantViolation(description: "ingest read the export, a second read failed: \(error)")
        }
        let header = year.report.columns.joined(separator: "\n")
        for text in [year.report.text(year: year.year), IngestError.rejectedInStrictMode(year).description] {
            for match in PersonalDataDetector.freeText.matches(in: text) where !header.contains(match.text) {
                if cells.contains(where: { $0.contains(match.text) }) {
                    throw InvariantViolation(description: "printed personal data \(match.text.debugDescription) (\(match.kind.rawValue)) from the export:\n\(text)")
                }
            }
        }
    }

    private func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws(InvariantViolation) {
        if !condition { throw InvariantViolation(description: message()) }
    }
}
