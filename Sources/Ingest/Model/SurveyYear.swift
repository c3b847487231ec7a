import Core
import PersonalData

/// Everything ingest produced for one survey year.
public struct SurveyYear: Sendable {
    public var year: Int
    /// Name of the scoring model the year's mapping names, e.g. `meetlat-2012`.
    public var model: String
    /// Accepted responses, one per gemeente, sorted by CBS code.
    public var responses: [Response]
    /// Every row that was not accepted, in input order, with its reason: kept in a temporary
    /// file, not in memory (see `RejectLog`).
    public var rejectLog: RejectLog
    public var report: IngestReport

    public init(year: Int, model: String, responses: [Response], rejectLog: RejectLog, report: IngestReport) {
        self.year = year
        self.model = model
        self.responses = responses
        self.rejectLog = rejectLog
        self.report = report
    }

    /// Every rejected row in memory, in input order: for small years and tests (writing the
    /// rejects streams them from `rejectLog`).
    public var rejects: [Reject] {
        get throws { try rejectLog.all() }
    }

    /// The accepted answers alone, for scoring and statistics.
    public var accepted: SurveyResponses {
        SurveyResponses(year: year, model: model, responses: responses, anonymous: report.anonymous)
    }
}

/// Why a row was not accepted.
public enum RejectReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// No gemeente named: counted as anonymous (the 2012 survey had 155).
    case anonymous
    /// Same gemeente answered again; the latest by timestamp wins, this one lost.
    case duplicate
    /// The gemeente name did not resolve to a gemeente of that year.
    case unknownGemeente = "unknown-gemeente"
    /// An answer label that the mapping does not list.
    case unknownLabel = "unknown-label"
    /// A number that could not be read, even approximately.
    case invalidNumber = "invalid-number"
    /// A row with a different number of fields than the header.
    case raggedRow = "ragged-row"
    /// A timestamp that could not be read.
    case invalidTimestamp = "invalid-timestamp"

    /// Whether a row rejected for this reason fails a `--strict` run. Anonymous answers and
    /// superseded duplicates are the documented rules at work, not faults in the export: no edit
    /// of the export could "fix" them, so a strict run over a real survey (2012 had 155
    /// anonymous answers) could never pass if they counted.
    public var failsStrictRun: Bool { self != .anonymous && self != .duplicate }
}

/// A row that did not make it into the responses, with everything needed to find and fix it.
/// Rejects keep the original content, so they are written only to the researcher's reports
/// folder, never to Rankings/ or the site.
public struct Reject: Sendable, Hashable, Codable {
    public var row: Int
    public var reason: RejectReason
    /// One clear sentence: file, row, column, what was found and what was expected.
    public var message: String
    /// The row's fields exactly as read.
    public var original: [String]

    public init(row: Int, reason: RejectReason, message: String, original: [String]) {
        self.row = row
        self.reason = reason
        self.message = message
        self.original = original
    }
}

/// The counts a researcher checks first. `rowsRead == accepted + Σ rejected`.
/// It holds counts and row numbers only, never a remark or a private column's content: the
/// report is printed and may end up in a CI log.
public struct IngestReport: Sendable, Hashable, Codable {
    public var file: String
    /// `CSV`, `XLSX` or `SPSS` (`TableFormat.name`).
    public var format: String = "CSV"
    /// CSV: as detected or fixed (empty for the other formats).
    public var encoding: String
    public var delimiter: String
    /// XLSX and SPSS: what the file said, e.g. `sheet "Blad1" (the only one)`, `encoding UTF-8`.
    public var formatDetails: [String] = []
    public var rowsRead: Int
    public var accepted: Int
    /// Rows per reject reason (anonymous and duplicate included).
    public var rejected: [RejectReason: Int]
    /// Answers kept but flagged as approximate (`ca. 300`).
    public var approximateNumbers: Int
    /// Free-text remarks in which the personal-data detector found something (never printed).
    public var remarksWithPersonalData: Int
    /// Remarks scanned.
    public var remarksScanned: Int
    /// Non-empty free-text remarks read (whether or not they were scanned yet).
    public var remarksRead: Int
    /// Personal-data matches in the remarks, per kind (never the matched text).
    public var personalDataByKind: [PersonalDataKind: Int]
    /// Rows with at least one remark holding personal data, ascending, so the researcher can
    /// find them in the export: the first `RemarkInspection.listedRows` of them.
    public var remarkRowsWithPersonalData: [Int]
    /// Things the researcher should look at that did not reject a row: columns neither mapped
    /// nor ignored, listed columns missing from the export, empty rows skipped.
    public var warnings: [String]
    /// The export's header row, so the rejects can be written under their own column names.
    public var columns: [String]

    public init(file: String, encoding: String, delimiter: String, rowsRead: Int, accepted: Int,
                rejected: [RejectReason: Int], approximateNumbers: Int = 0,
                remarksWithPersonalData: Int = 0, remarksScanned: Int = 0,
                remarksRead: Int = 0, personalDataByKind: [PersonalDataKind: Int] = [:],
                remarkRowsWithPersonalData: [Int] = [], warnings: [String] = [], columns: [String] = []) {
        self.file = file
        self.encoding = encoding
        self.delimiter = delimiter
        self.rowsRead = rowsRead
        self.accepted = accepted
        self.rejected = rejected
        self.approximateNumbers = approximateNumbers
        self.remarksWithPersonalData = remarksWithPersonalData
        self.remarksScanned = remarksScanned
        self.remarksRead = remarksRead
        self.personalDataByKind = personalDataByKind
        self.remarkRowsWithPersonalData = remarkRowsWithPersonalData
        self.warnings = warnings
        self.columns = columns
    }

    public var anonymous: Int { rejected[.anonymous, default: 0] }
    public var duplicates: Int { rejected[.duplicate, default: 0] }
    /// Every row is accounted for.
    public var isBalanced: Bool { rowsRead == accepted + rejected.values.reduce(0, +) }
}
