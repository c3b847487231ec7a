import Support

/// Records of a CSV file as the caller reads them: ROI reads no CSV itself (it must not depend on
/// Ingest), so `meetlat kpi` passes a function that hands every record — its row number (header
/// = row 1) and its fields — to `each`, in order.
public typealias RecordSource = (_ each: (_ row: Int, _ fields: [String]) throws -> Void) throws -> Void

/// Named columns of CSV records: the first record is the header row, in which each name must
/// appear exactly once (spaces around a name do not count); every later record must reach the
/// columns. Problems name the file, the row and the column.
struct RecordColumns {
    let source: String
    let names: [String]
    private(set) var indices: [Int]?

    init(source: String, names: [String]) {
        self.source = source
        self.names = names
    }

    /// The cells of `names` in a data row, or nil for the header row (which sets the columns).
    mutating func cells(row: Int, fields: [String]) throws -> [String]? {
        guard let indices else {
            let header = fields.map { $0.trimmingCharacters(in: .whitespaces) }
            indices = try names.map { name in
                let matches = header.indices.filter { header[$0] == name }
                guard matches.count == 1 else {
                    guard matches.isEmpty else {
                        let columns = matches.map { String($0 + 1) }.joined(separator: ", ")
                        throw ROIError(source: source, row: row,
                                       message: "column \"\(name)\" appears \(matches.count) times in the header row (columns \(columns)); expected it once")
                    }
                    let names = header.filter { !$0.isEmpty }
                    throw ROIError(source: source, row: row, message: "no column \"\(name)\" in the header row; "
                        + (names.isEmpty ? "expected a header row naming the columns" : Suggestions.hint(for: name, among: names, kind: "column")))
                }
                return matches[0]
            }
            return nil
        }
        return try zip(names, indices).map { name, index in
            guard index < fields.count else {
                throw ROIError(source: source, row: row, field: "column \"\(name)\"",
                               message: "the row ends after \(fields.count) of the header's fields, before column \(index + 1); a delimiter is missing")
            }
            return fields[index]
        }
    }

    /// Throws when no header row came (an empty file).
    func finish() throws {
        guard indices != nil else {
            throw ROIError(source: source, message: "the file is empty; expected a header row naming the columns " + names.map { "\"\($0)\"" }.joined(separator: ", "))
        }
    }
}

extension ScoreList {
    /// The scores in `column` of the CSV records `records` gives (header first). Empty cells (not
    /// answered) are skipped; every other cell must be a score as in a plain score file.
    public static func read(column: String, source: String, records: RecordSource) throws -> ScoreList {
        var columns = RecordColumns(source: source, names: [column])
        var cells: [(row: Int, text: String)] = []
        try records { row, fields in
            if let found = try columns.cells(row: row, fields: fields) { cells.append((row, found[0])) }
        }
        try columns.finish()
        return try parse(cells: cells, source: source, column: column)
    }
}
