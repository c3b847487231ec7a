import Configuration
import Core
import Support
import TableFiles

/// A survey year's `mapping.yaml`: which export to read, which column holds which canonical
/// field, and which answer label means which value. See docs/architecture.md for the format.
public struct Mapping: Sendable, Hashable {
    public var year: Int
    /// Scoring model name, e.g. `meetlat-2012`.
    public var model: String
    public var export: Export
    public var respondent: Respondent
    /// Canonical fields, sorted by name.
    public var fields: [Field]
    /// The year's observations file of measured accounts, when there is one.
    public var accounts: Accounts?

    /// `accounts:` — an observations file of measured accounts (`AccountsReader`): one row per
    /// gemeente and platform looked up.
    public struct Accounts: Sendable, Hashable {
        public var file: String
        public var encoding: TextEncoding?
        public var delimiter: CSVDelimiter?
        /// The file is invented demo data: every page and report showing it says so.
        public var synthetic: Bool
        public var gemeente: String
        public var platform: String
        /// Platform as written in the file → channel option value; the platforms looked up.
        public var platforms: [Label]
        public var account: String
        public var count: String
        public var date: Timestamp?
        public var source: String?
        /// XLSX: the sheet to read (`nil`: the first).
        public var sheet: String?

        public var tableOptions: TableFile.Options {
            TableFile.Options(csv: CSVReader.Options(encoding: encoding, delimiter: delimiter), sheet: sheet)
        }
    }
    /// The file as messages name it (`2012/mapping.yaml`).
    public var file: String
    /// Where the file gives the year, the export file and each key naming a column
    /// (`respondent.gemeente`, `respondent.timestamp.column`, `fields.<name>`), for messages
    /// about what the export's header lacks.
    public var locations: [String: SourceLocation]

    /// A `ConfigError` at the key `key` of the mapping file (at the file when the key's place
    /// is not known).
    public func error(at key: String, _ problem: String) -> ConfigError {
        ConfigError(location: locations[key] ?? SourceLocation(file: file), key: key, problem: problem)
    }

    public struct Export: Sendable, Hashable {
        /// File name relative to the year's folder.
        public var file: String
        /// From the file's extension: `.csv`, `.xlsx`, `.sav` / `.zsav`.
        public var format: TableFormat
        /// CSV only; `nil` = detect.
        public var encoding: TextEncoding?
        /// CSV only; `nil` = detect.
        public var delimiter: CSVDelimiter?
        /// XLSX only: the sheet to read by name; `nil` = the first sheet.
        public var sheet: String?
        /// Rows between the header row and the first answer (a second header row, say).
        public var skipRows: Int

        public init(file: String, format: TableFormat, encoding: TextEncoding? = nil, delimiter: CSVDelimiter? = nil,
                    sheet: String? = nil, skipRows: Int = 0) {
            self.file = file
            self.format = format
            self.encoding = encoding
            self.delimiter = delimiter
            self.sheet = sheet
            self.skipRows = skipRows
        }

        /// How `TableFile.reader` should read the export.
        public var tableOptions: TableFile.Options {
            TableFile.Options(csv: CSVReader.Options(encoding: encoding, delimiter: delimiter), sheet: sheet)
        }
    }

    public struct Respondent: Sendable, Hashable {
        /// Column holding the gemeente's name.
        public var gemeente: String
        public var timestamp: Timestamp?
        /// Columns with the respondent's name, e-mail, phone: read, never published.
        public var privateColumns: [String]
        /// Free-text columns: scanned for personal data, counted, never published.
        public var remarks: [String]
        /// Columns deliberately unused.
        public var ignore: [String]
    }

    public struct Timestamp: Sendable, Hashable {
        public var column: String
        public var pattern: TimestampPattern
    }

    /// An answer label as exported and the canonical value it stands for.
    public struct Label: Sendable, Hashable {
        public var label: String
        public var value: String
    }

    /// One option of a multi-select exported as a column per option.
    public struct OptionColumn: Sendable, Hashable {
        public var value: String
        public var column: String
    }

    public struct Field: Sendable, Hashable {
        /// Canonical name, e.g. `usage.informeren`.
        public var name: String
        public var kind: Kind
    }

    public enum Kind: Sendable, Hashable {
        /// A number in Dutch notation; `missing` lists extra answers meaning "not answered".
        case number(column: String, missing: [String])
        /// One label out of `labels`.
        case choice(column: String, labels: [Label], missing: [String])
        /// Multi-select with one column per option: option value → column. A cell whose value
        /// is in `unselected` (compared folded) means the option was not chosen.
        case optionColumns(options: [OptionColumn], unselected: [String])
        /// Multi-select in one column holding the chosen labels joined by `separator`.
        /// Parts that match no label become `other` when it is set, else the row is rejected.
        case joinedLabels(column: String, separator: String, labels: [Label], missing: [String], other: String?)

        /// The export columns this field reads.
        public var columns: [String] {
            switch self {
            case .number(let column, _), .choice(let column, _, _), .joinedLabels(let column, _, _, _, _): return [column]
            case .optionColumns(let options, _): return options.map(\.column)
            }
        }
    }

    /// What the form offered: a choice field offers the values of its labels; a multi-select
    /// field the options of its columns (one column per option) or the values of its labels plus
    /// its `other` value (one column of joined labels, where unlisted parts count as `other`).
    public var questionnaire: Questionnaire {
        var offered: [String: Set<String>] = [:]
        for field in fields {
            switch field.kind {
            case .number:
                continue
            case .choice(_, let labels, _):
                offered[field.name] = Set(labels.map(\.value))
            case .optionColumns(let options, _):
                offered[field.name] = Set(options.map(\.value))
            case .joinedLabels(_, _, let labels, _, let other):
                offered[field.name] = Set(labels.map(\.value) + (other.map { [$0] } ?? []))
            }
        }
        return Questionnaire(offered: offered)
    }
}
