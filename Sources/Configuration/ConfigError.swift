import Support

/// A configuration file that cannot be used: where (`file:line:column`), which key (a key path
/// such as `fields.usage.informeren.labels` or `dimensions[2].cap`; empty for the whole file)
/// and what is wrong, with what was expected. The one error of every YAML file meetlat reads:
/// `description` is the message the command line prints.
public struct ConfigError: Error, CustomStringConvertible, Sendable, Hashable {
    public var location: SourceLocation
    public var key: String
    public var problem: String

    public init(location: SourceLocation, key: String = "", problem: String) {
        self.location = location
        self.key = key
        self.problem = problem
    }

    /// For a problem with the file as a whole (`file: problem`).
    public init(file: String, key: String = "", problem: String) {
        self.init(location: SourceLocation(file: file), key: key, problem: problem)
    }

    public var file: String { location.file }
    public var line: Int? { location.line }
    public var column: Int? { location.column }

    /// `file:line:column: key: problem`, with any control character from the file (in a key, a
    /// value quoted in the problem, the file's name) made visible.
    public var description: String {
        VisibleText.escaped("\(location): " + (key.isEmpty ? "" : "\(key): ") + problem)
    }
}

/// What the reader refuses before it builds anything from a file: bounds on size, nesting and
/// alias expansion, far above what a configuration file needs (the largest in the repository,
/// `Surveys/published/2012.yaml`, is 12.5 kB, 5 levels deep, 1,065 values; `LimitsTests` keeps
/// every file within a tenth of each limit) and low enough that a hostile file is refused in
/// milliseconds.
public struct ConfigLimits: Sendable, Hashable {
    /// File size in bytes.
    public var bytes: Int
    /// Mappings and lists inside one another.
    public var depth: Int
    /// Values (scalars, mappings, lists) with every alias expanded.
    public var nodes: Int

    public init(bytes: Int = 1 << 20, depth: Int = 64, nodes: Int = 100_000) {
        self.bytes = bytes
        self.depth = depth
        self.nodes = nodes
    }

    public static let standard = ConfigLimits()
}
