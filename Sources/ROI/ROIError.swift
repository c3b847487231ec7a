import Support

/// A scenario file that cannot be used, or a what-if that cannot be computed. `description` is
/// the one message the CLI prints: where (file, line, column, field) and what was expected.
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

/// "Did you mean" suggestions for a misspelt name.
public enum Suggestions {
    /// Up to three known names close to `name` (edit distance at most a third of the length,
    /// at least 2, or sharing a prefix), closest first.
    public static func similar(to name: String, in known: [String]) -> [String] {
        let lowered = name.lowercased()
        let limit = max(2, lowered.count / 3)
        let scored = known.compactMap { candidate -> (Int, String)? in
            let distance = EditDistance.between(lowered, candidate.lowercased())
            let prefix = lowered.count >= 3 && candidate.lowercased().hasPrefix(lowered)
            return distance <= limit || prefix ? (distance, candidate) : nil
        }
        return scored.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.prefix(3).map(\.1)
    }

    /// `; did you mean `a` or `b`?` — or the list of known names when nothing is close.
    public static func hint(for name: String, in known: [String], kind: String) -> String {
        let close = similar(to: name, in: known)
        if !close.isEmpty {
            return "; did you mean " + close.map { "`\($0)`" }.joined(separator: " or ") + "?"
        }
        if known.isEmpty { return "; no \(kind)s are defined" }
        let shown = known.sorted().prefix(12).map { "`\($0)`" }.joined(separator: ", ")
        return "; known \(kind)s: " + shown + (known.count > 12 ? ", …" : "")
    }
}
