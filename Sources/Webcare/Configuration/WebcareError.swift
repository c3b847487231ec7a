import Support

/// Why a webcare log or a rules file cannot be used: where (the file, and the line or row when
/// known) and what was expected, in the project's one form (`file:line: place: problem`, control
/// characters visible). Problems in the YAML files are `ConfigError`s of the configuration reader.
public struct WebcareError: Error, CustomStringConvertible, Sendable {
    public var location: SourceLocation
    /// A row and column of a log (`row 1`), when that is the place.
    public var place: String?
    public var problem: String

    public init(file: String, line: Int? = nil, place: String? = nil, problem: String) {
        self.location = SourceLocation(file: file, line: line)
        self.place = place
        self.problem = problem
    }

    public var description: String {
        VisibleText.escaped("\(location): " + (place.map { "\($0): " } ?? "") + problem)
    }
}
