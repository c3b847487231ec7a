import Foundation
import PersonalData
// The CSV reader and timestamp patterns live in Tabular (shared with the webcare log); survey
// code and Ingest's clients keep seeing them through Ingest.
@_exported import Tabular

/// A folder laid out like `Surveys/`: `<year>/mapping.yaml` + export, `reference/`, `models/`.
/// The entry point every command uses to read input.
public struct SurveyFolder: Sendable {
    public let url: URL

    public init(_ url: URL) {
        self.url = url
    }

    public var referenceURL: URL { url.appendingPathComponent("reference") }
    public var modelsURL: URL { url.appendingPathComponent("models") }

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
            throw MappingError(file: name, key: "year", problem: "says \(mapping.year), but the file is in folder \(year)")
        }
        return mapping
    }

    /// Reads and validates one year.
    ///
    /// Throws a `CSVError`, `MappingError` or `IngestError` when the year cannot be read at all
    /// (nothing is returned, so nothing half-read can be written). When the year was read but
    /// is unusable — no row accepted, or with `strict` a reject that fails a strict run (see
    /// `RejectReason.failsStrictRun`) — the `IngestError` carries the full `SurveyYear` so the
    /// caller can still write the report and the rejects.
    public func ingest(year: Int, reference: Reference, strict: Bool = false) throws -> SurveyYear {
        let mapping = try mapping(year: year)
        let exportURL = yearURL(year).appendingPathComponent(mapping.export.file)
        let exportName = "\(year)/\(mapping.export.file)"
        guard FileManager.default.fileExists(atPath: exportURL.path) else {
            throw MappingError(file: "\(year)/mapping.yaml", key: "export.file",
                               problem: "\"\(mapping.export.file)\" does not exist in \(yearURL(year).path)")
        }
        let ingester = YearIngester(mapping: mapping, exportURL: exportURL, exportName: exportName,
                                    mappingName: "\(year)/mapping.yaml", resolver: GemeenteResolver(reference: reference, year: year))
        var run = try ingester.run()
        Self.inspectRemarks(run.remarks, into: &run.report)

        let result = SurveyYear(year: year, model: mapping.model, responses: run.responses, rejects: run.rejects, report: run.report)
        if result.report.rowsRead == 0 {
            throw IngestError.noAnswers(file: exportName)
        }
        if result.responses.isEmpty {
            throw IngestError.nothingUsable(result)
        }
        if strict && result.rejects.contains(where: \.reason.failsStrictRun) {
            throw IngestError.rejectedInStrictMode(result)
        }
        return result
    }

    /// The one place where a year's free-text remarks are available, row by row, before they
    /// are dropped: each is scanned for personal data (`PersonalDataDetector.freeText`, which
    /// also takes a bare nine-digit number passing the 11-proef for a BSN) and only the counts,
    /// kinds and row numbers are kept. The remarks themselves never leave this function.
    static func inspectRemarks(_ remarks: [RemarkText], into report: inout IngestReport) {
        let detector = PersonalDataDetector.freeText
        var counts = PersonalDataCounts()
        var rows = Set<Int>()
        for remark in remarks {
            let kinds = detector.matches(in: remark.text).map(\.kind)
            counts.record(kinds)
            if !kinds.isEmpty { rows.insert(remark.row) }
        }
        report.remarksRead = remarks.count
        report.remarksScanned = counts.scanned
        report.remarksWithPersonalData = counts.withPersonalData
        report.personalDataByKind = counts.byKind
        report.remarkRowsWithPersonalData = rows.sorted()
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
            let failing = year.rejects.filter(\.reason.failsStrictRun)
            let reasons = RejectReason.allCases.filter(\.failsStrictRun).compactMap { reason -> String? in
                let count = failing.filter { $0.reason == reason }.count
                return count > 0 ? "\(reason.rawValue) \(count)" : nil
            }
            return "\(year.report.file): --strict: \(failing.count) row\(failing.count == 1 ? " was" : "s were") rejected for faults in the export (\(reasons.joined(separator: ", "))); first: \(Redaction.redactingPersonalData(failing.first?.message ?? ""))"
        }
    }
}
