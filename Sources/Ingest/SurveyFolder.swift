import Configuration
import Core
import Foundation
import PersonalData
import TableFiles

/// A folder laid out like `Surveys/`: `<year>/mapping.yaml` + export, `reference/`, `models/`,
/// `statistics.yaml`, `published/`.
/// The entry point every command uses to read input.
public struct SurveyFolder: Sendable {
    public let url: URL

    public init(_ url: URL) {
        self.url = url
    }

    public var referenceURL: URL { url.appendingPathComponent("reference") }
    public var modelsURL: URL { url.appendingPathComponent("models") }
    /// The survey tables Stats computes.
    public var statisticsURL: URL { url.appendingPathComponent("statistics.yaml") }

    public func yearURL(_ year: Int) -> URL { url.appendingPathComponent(String(year)) }

    public func mappingURL(_ year: Int) -> URL { yearURL(year).appendingPathComponent("mapping.yaml") }

    /// Survey years present: four-digit folders holding a `mapping.yaml`, ascending.
    public func years() throws -> [Int] {
        let names = try FileManager.default.contentsOfDirectory(atPath: url.path)
        return names.compactMap { name -> Int? in
            guard name.count == 4, let year = Int(name) else { return nil }
            return FileManager.default.fileExists(atPath: mappingURL(year).path) ? year : nil
        }.sorted()
    }

    /// The years a command works on: `year` alone, or every year in the folder when it is `nil`.
    /// A missing year, or a folder without years, is an error naming the years that exist.
    public func years(selecting year: Int?) throws -> [Int] {
        let available = try years()
        guard let year else {
            guard !available.isEmpty else { throw YearSelectionError.noYears(folder: url.path) }
            return available
        }
        guard available.contains(year) else {
            throw YearSelectionError.unknownYear(year: year, folder: url.path, available: available)
        }
        return [year]
    }

    /// Reads `reference/` (see `ReferenceLoader`).
    public func reference() throws -> Reference {
        try ReferenceLoader.load(from: referenceURL)
    }

    /// The year's mapping, validated (see `Mapping.parse`).
    public func mapping(year: Int) throws -> Mapping {
        let name = "\(year)/mapping.yaml"
        guard FileManager.default.fileExists(atPath: mappingURL(year).path) else {
            throw IngestError.noSuchYear(year: year, folder: url.path)
        }
        let mapping = try Mapping.load(from: mappingURL(year), displayName: name)
        guard mapping.year == year else {
            throw mapping.error(at: "year", "says \(mapping.year), but the file is in folder \(year)")
        }
        return mapping
    }

    /// Reads and validates one year.
    ///
    /// Throws a `CSVError`, `ConfigError` (the mapping) or `IngestError` when the year cannot be read at all
    /// (nothing is returned, so nothing half-read can be written). When the year was read but
    /// is unusable — no row accepted, or with `strict` a reject that fails a strict run (see
    /// `RejectReason.failsStrictRun`) — the `IngestError` carries the full `SurveyYear` so the
    /// caller can still write the report and the rejects.
    public func ingest(year: Int, reference: Reference, strict: Bool = false) throws -> SurveyYear {
        let mapping = try mapping(year: year)
        let reader = try exportReader(year: year, mapping: mapping)
        let ingester = YearIngester(mapping: mapping, reader: reader,
                                    resolver: GemeenteResolver(reference: reference, year: year))
        let run = try ingester.run()
        let result = SurveyYear(year: year, model: mapping.model, responses: run.responses, rejectLog: run.rejects, report: run.report)
        if result.report.rowsRead == 0 {
            throw IngestError.noAnswers(file: reader.displayName)
        }
        if result.responses.isEmpty {
            throw IngestError.nothingUsable(result)
        }
        if strict && result.rejectLog.firstStrictFailure != nil {
            throw IngestError.rejectedInStrictMode(result)
        }
        return result
    }

    /// The year's export as its mapping names it, ready to read: the one place an export file is
    /// opened (CSV, XLSX or SPSS by its extension; see `TableFile.reader`), after `exportURL`
    /// checked it.
    public func exportReader(year: Int, mapping: Mapping) throws -> any TableReader {
        let exportURL = try exportURL(year: year, mapping: mapping)
        return try TableFile.reader(for: exportURL, displayName: "\(year)/\(mapping.export.file)", options: mapping.export.tableOptions)
    }

    /// The export a mapping names (`export.file`), checked before a byte of it is read: it must
    /// exist, lie inside the year's folder once symbolic links are resolved (`../../secret.txt`
    /// or a link out of the folder is refused, so a mapping cannot make ingest read, and quote,
    /// any file), and be a regular file (not a device such as `/dev/zero`, a pipe or a folder).
    public func exportURL(year: Int, mapping: Mapping) throws -> URL {
        try fileURL(year: year, file: mapping.export.file, key: "export.file", what: "the export", mapping: mapping)
    }

    /// A file the mapping names at `key` (the export, the observations file), checked as
    /// `exportURL` checks the export.
    func fileURL(year: Int, file: String, key: String, what: String, mapping: Mapping) throws -> URL {
        let folder = yearURL(year)
        let candidate = folder.appendingPathComponent(file)
        func refuse(_ problem: String) -> ConfigError {
            mapping.error(at: key, "\"\(file)\" \(problem)")
        }
        guard let realFolder = Self.realPath(folder.path) else { throw IngestError.noSuchYear(year: year, folder: url.path) }
        guard let realFile = Self.realPath(candidate.path) else {
            throw refuse("does not exist in \(folder.path)")
        }
        guard realFile.hasPrefix(realFolder + "/") else {
            throw refuse("lies outside the year's folder \(folder.path) (symbolic links followed); \(what) must be a file in that folder")
        }
        var status = stat()
        guard stat(realFile, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw refuse("is not a regular file (a folder, device or pipe); \(what) must be a plain file")
        }
        return URL(fileURLWithPath: realFile)
    }

    /// The canonical path of an existing file or folder.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// A year asked for that the survey folder does not have.
public enum YearSelectionError: Error, CustomStringConvertible, Equatable {
    case noYears(folder: String)
    case unknownYear(year: Int, folder: String, available: [Int])

    public var description: String {
        switch self {
        case .noYears(let folder):
            return "no survey years in \(folder): expected folders such as 2012/ holding a mapping.yaml"
        case .unknownYear(let year, let folder, let available):
            let list = available.isEmpty ? "none" : available.map(String.init).joined(separator: ", ")
            return "no survey year \(year) in \(folder) (no \(year)/mapping.yaml); years found: \(list)"
        }
    }
}

/// A survey year that could not be ingested as a whole.
public enum IngestError: Error, CustomStringConvertible, Sendable {
    /// No `<year>/mapping.yaml` in the survey folder.
    case noSuchYear(year: Int, folder: String)
    /// The export has a header but no answer rows.
    case noAnswers(file: String)
    /// Every row was rejected. The year is attached so its report and rejects can be written.
    case nothingUsable(SurveyYear)
    /// `--strict` and at least one row was rejected for a fault in the export. The description
    /// quotes the first such reject with any personal data in it replaced by its kind.
    case rejectedInStrictMode(SurveyYear)

    /// The year read before the failure, when there is one to report on.
    public var surveyYear: SurveyYear? {
        switch self {
        case .nothingUsable(let year), .rejectedInStrictMode(let year): return year
        case .noSuchYear, .noAnswers: return nil
        }
    }

    public var description: String {
        switch self {
        case .noSuchYear(let year, let folder):
            return "\(folder)/\(year)/mapping.yaml does not exist; expected a folder \(year) with a mapping.yaml and the export"
        case .noAnswers(let file):
            return "\(file): the file has a header row but no answer rows; nothing to ingest"
        case .nothingUsable(let year):
            return "\(year.report.file): none of the \(year.report.rowsRead) rows could be used (\(year.report.rejectedSummary)); see the rejects"
        case .rejectedInStrictMode(let year):
            let failing = RejectReason.allCases.filter(\.failsStrictRun)
                .map { ($0, year.report.rejected[$0, default: 0]) }.filter { $0.1 > 0 }
            let count = failing.reduce(0) { $0 + $1.1 }
            let reasons = failing.map { "\($0.0.rawValue) \($0.1)" }
            let first = Redaction.redactingPersonalData(year.rejectLog.firstStrictFailure ?? "")
            return "\(year.report.file): --strict: \(count) row\(count == 1 ? " was" : "s were") rejected for faults in the export "
                + "(\(reasons.joined(separator: ", "))); first: \(first)"
        }
    }
}
