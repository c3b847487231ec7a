/// Where something is in a file people edit: the file as the user named it (`2012/mapping.yaml`),
/// and the 1-based line and column when they are known. Printed as compilers print it,
/// `file:line:column`, so terminals and editors can jump to the place. The one location type
/// of meetlat's messages.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    /// Counted in characters from 1; only meaningful with a line.
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = line == nil ? nil : column
    }

    /// `file:line:column`, `file:line` or `file`.
    public var description: String {
        guard let line else { return file }
        guard let column else { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }
}
