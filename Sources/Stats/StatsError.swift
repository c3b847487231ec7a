/// Everything that can stop a statistics or comparison run, each with one clear message.
public enum StatsError: Error, CustomStringConvertible, Equatable {
    /// A file Stats needs is not there.
    case missingFile(path: String, hint: String)
    /// A Rankings file could not be read or parsed: `location` is a key path, `problem` what
    /// was wrong. (A YAML file's problems are `Configuration.ConfigError`s.)
    case invalidFile(path: String, location: String, problem: String)
    /// A response holds a value of another type than the table expects (e.g. a number for a
    /// choice field): the mapping and statistics.yaml disagree about the field.
    case unexpectedValue(field: String, gemeente: String, row: Int, found: String, expected: String)
    /// `--table` named a table statistics.yaml does not define.
    case unknownTable(id: String, known: [String])

    public var description: String {
        switch self {
        case .missingFile(let path, let hint):
            return "\(path): file not found; \(hint)"
        case .invalidFile(let path, let location, let problem):
            return "\(path): \(location.isEmpty ? "" : "at \(location): ")\(problem)"
        case .unexpectedValue(let field, let gemeente, let row, let found, let expected):
            return "response of \(gemeente) (export row \(row)), field '\(field)': found \(found), expected \(expected)"
        case .unknownTable(let id, let known):
            return "no table '\(id)' in statistics.yaml; known tables: \(known.joined(separator: ", "))"
        }
    }
}

extension DecodingError {
    /// Where in the file (as a dotted key path) and what went wrong, for `StatsError.invalidFile`.
    var locationAndProblem: (location: String, problem: String) {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
                .replacingOccurrences(of: ".[", with: "[")
        }
        switch self {
        case .keyNotFound(let key, let context):
            return (path(context.codingPath), "missing key '\(key.stringValue)'")
        case .typeMismatch(let type, let context):
            return (path(context.codingPath), "expected \(type): \(context.debugDescription)")
        case .valueNotFound(let type, let context):
            return (path(context.codingPath), "expected a value of type \(type)")
        case .dataCorrupted(let context):
            return (path(context.codingPath), context.debugDescription)
        @unknown default:
            return ("", String(describing: self))
        }
    }
}
