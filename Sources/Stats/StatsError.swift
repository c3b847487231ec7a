import Support

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
            return DataFileError.missing(path: path, hint: hint).description
        case .invalidFile(let path, let location, let problem):
            return DataFileError.invalid(path: path, location: location, problem: problem).description
        case .unexpectedValue(let field, let gemeente, let row, let found, let expected):
            return "response of \(gemeente) (export row \(row)), field '\(field)': found \(found), expected \(expected)"
        case .unknownTable(let id, let known):
            return "no table '\(id)' in statistics.yaml; known tables: \(known.joined(separator: ", "))"
        }
    }
}
