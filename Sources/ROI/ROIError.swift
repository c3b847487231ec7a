import Support

/// A what-if that cannot be computed, or a score list that cannot be read (a scenario file's
/// problems are `Configuration.ConfigError`s). `description` is the one message the CLI
/// prints: where (option or file, row, line, column, field) and what was expected.
public struct ROIError: Error, CustomStringConvertible, Equatable {
    /// The file, or the option (`--vary`) the problem is in.
    public var source: String
    /// The row of a CSV file (header = row 1), for scores read from a CSV column.
    public var row: Int?
    public var line: Int?
    public var column: Int?
    /// The field the problem is in (`inputs.hours.low`, or a CSV column), when there is one.
    public var field: String?
    public var message: String

    public init(source: String, row: Int? = nil, line: Int? = nil, column: Int? = nil, field: String? = nil, message: String) {
        self.source = source
        self.row = row
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    public var description: String {
        var location = source
        if let row { location += ", row \(row)" }
        if let line { location += ", line \(line)" }
        if let column { location += ", column \(column)" }
        if let field { location += ", \(field)" }
        return location + ": " + message
    }
}
