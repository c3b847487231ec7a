import Foundation
import Support
import Yams

/// A value of a configuration file with where it is: the file, line and column, and its key
/// path from the top (`fields.usage.informeren.labels`, `dimensions[2].cap`). Every accessor
/// checks the shape it expects and throws a `ConfigError` at this place when the file says
/// something else, so a reader states what it wants and never formats a location itself.
///
/// Values are text as written: `ja`, `nee`, `yes` and `on` stay text, and a number is read
/// from its text only where a number is asked for.
public struct ConfigNode {
    let yaml: Node
    let source: ConfigSource
    /// Key path from the top of the file; empty for the top.
    public let path: String

    init(_ yaml: Node, source: ConfigSource, path: String) {
        self.yaml = yaml
        self.source = source
        self.path = path
    }

    public var file: String { source.file }
    public var line: Int? { yaml.mark?.line }
    public var location: SourceLocation {
        SourceLocation(file: source.file, line: yaml.mark?.line, column: yaml.mark?.column)
    }

    // MARK: Errors

    /// `problem` at this value. `key` replaces the key path (a reader may name the place more
    /// helpfully, e.g. `investments[1] "Uren"`); `column` points inside the value's text.
    public func error(_ problem: String, key: String? = nil, column: Int? = nil) -> ConfigError {
        var location = self.location
        if let column, location.line != nil { location.column = column }
        return ConfigError(location: location, key: key ?? path, problem: problem)
    }

    /// `expected <what>, found <this value>`.
    public func error(expected: String, key: String? = nil) -> ConfigError {
        error("expected \(expected), found \(found)", key: key)
    }

    /// This value as messages show it: the text between backticks, `nothing`, `a mapping`, `a list`.
    public var found: String {
        switch yaml {
        case .scalar(let scalar):
            let text = scalar.string
            if text.trimmingCharacters(in: .whitespaces).isEmpty { return "nothing" }
            return Suggestions.quoted(text.count > 60 ? String(text.prefix(57)) + "…" : text)
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    // MARK: Shape

    /// Left empty (`key:` with nothing after it), `~` or `null`.
    public var isNull: Bool { yaml.null != nil }
    public var isScalar: Bool { yaml.scalar != nil }
    public var isMapping: Bool { yaml.mapping != nil }
    public var isList: Bool { yaml.sequence != nil }

    // MARK: Mappings

    /// The keys and values of a mapping. With `allowed`, any other key is an error at that key,
    /// with the closest allowed keys (`Suggestions`); `nil` allows any key (names the file
    /// chooses, such as field names or answer labels).
    public func mapping(allowed: [String]?) throws -> ConfigMapping {
        guard case .mapping(let mapping) = yaml else { throw error(expected: "`key: value` lines") }
        var entries: [ConfigMapping.Entry] = []
        for (keyNode, valueNode) in mapping {
            // The screen lets only plain keys through; this keeps the promise for any caller.
            guard case .scalar(let scalar) = keyNode else {
                throw ConfigNode(keyNode, source: source, path: path).error(expected: "a plain key")
            }
            let key = scalar.string
            let keyLocation = SourceLocation(file: source.file, line: keyNode.mark?.line, column: keyNode.mark?.column)
            entries.append(ConfigMapping.Entry(key: key, keyLocation: keyLocation,
                                               value: ConfigNode(valueNode, source: source, path: Self.path(path, key: key))))
        }
        let result = ConfigMapping(owner: self, entries: entries)
        if let allowed { try result.check(allowed: allowed) }
        return result
    }

    // MARK: Lists

    /// The items of a list, each with the key path `path[n]` (counted from 1).
    public func list() throws -> [ConfigNode] {
        guard case .sequence(let sequence) = yaml else { throw error(expected: "a list") }
        return sequence.enumerated().map { index, item in
            ConfigNode(item, source: source, path: Self.path(path, item: index + 1))
        }
    }

    /// A list of texts; a single text counts as a list of one.
    public func texts() throws -> [String] {
        if isScalar { return [try text()] }
        guard isList else { throw error(expected: "a list of values") }
        return try list().map { try $0.text() }
    }

    // MARK: Single values

    /// The text of a single value, exactly as written (may be empty).
    public func text() throws -> String {
        guard case .scalar(let scalar) = yaml else { throw error(expected: "a single value") }
        return scalar.string
    }

    /// The text of a single value that is not blank.
    public func nonEmptyText() throws -> String {
        let text = try self.text()
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw error(expected: "text") }
        return text
    }

    /// A whole number, within the bounds when given.
    public func int(atLeast minimum: Int? = nil, atMost maximum: Int? = nil) throws -> Int {
        let expected: String
        switch (minimum, maximum) {
        case let (minimum?, maximum?): expected = "a whole number from \(minimum) to \(maximum)"
        case let (minimum?, nil): expected = "a whole number of at least \(minimum)"
        case let (nil, maximum?): expected = "a whole number of at most \(maximum)"
        case (nil, nil): expected = "a whole number"
        }
        guard case .scalar(let scalar) = yaml, let value = Int(scalar.string.trimmingCharacters(in: .whitespaces)),
              value >= (minimum ?? .min), value <= (maximum ?? .max) else {
            throw error(expected: expected)
        }
        return value
    }

    /// A finite number written with a decimal point (`0.25`, `12`, `1e3`).
    public func double() throws -> Double {
        guard case .scalar(let scalar) = yaml, let value = Double(scalar.string.trimmingCharacters(in: .whitespaces)),
              value.isFinite else {
            throw error(expected: "a number such as 0.25")
        }
        return value
    }

    /// `true` or `false`.
    public func bool() throws -> Bool {
        guard case .scalar(let scalar) = yaml, let value = Bool(scalar.string.trimmingCharacters(in: .whitespaces)) else {
            throw error(expected: "true or false")
        }
        return value
    }

    /// The column at which the value's text starts on its line, when the line holds the text as
    /// written (plain or quoted, on one line): an error inside the text can then point at the
    /// exact character (`column + offset`).
    public var textColumn: Int? {
        guard case .scalar(let scalar) = yaml, let mark = scalar.mark,
              mark.line >= 1, mark.line <= source.lines.count else { return nil }
        let shift: Int
        switch scalar.style {
        case .plain, .any: shift = 0
        case .singleQuoted, .doubleQuoted: shift = 1
        case .literal, .folded: return nil
        }
        let line = Array(source.lines[mark.line - 1].unicodeScalars)
        let start = mark.column - 1 + shift
        let wanted = Array(scalar.string.unicodeScalars)
        guard start >= 0, start + wanted.count <= line.count, Array(line[start..<(start + wanted.count)]) == wanted else { return nil }
        return mark.column + shift
    }

    // MARK: Key paths

    /// `parent.key`, or `key` at the top.
    public static func path(_ parent: String, key: String) -> String {
        parent.isEmpty ? key : "\(parent).\(key)"
    }

    /// `parent[item]`.
    public static func path(_ parent: String, item: Int) -> String {
        "\(parent)[\(item)]"
    }
}

/// The keys of a mapping in file order, each with its value and where the key is written.
public struct ConfigMapping {
    public struct Entry {
        public let key: String
        public let keyLocation: SourceLocation
        public let value: ConfigNode
    }

    /// The mapping itself (for errors about it as a whole, such as a missing key).
    public let owner: ConfigNode
    public let entries: [Entry]

    public var isEmpty: Bool { entries.isEmpty }
    public var keys: [String] { entries.map(\.key) }

    /// The value under `key`, or nil when the key is absent.
    public subscript(key: String) -> ConfigNode? {
        entries.first { $0.key == key }?.value
    }

    public func optional(_ key: String) -> ConfigNode? { self[key] }

    /// The value under `key`; its absence is an error at the mapping (`expected` says what the
    /// key should hold).
    public func required(_ key: String, expected: String? = nil) throws -> ConfigNode {
        guard let value = self[key] else {
            throw owner.error("missing key \(Suggestions.quoted(key))" + (expected.map { "; expected \($0)" } ?? ""))
        }
        return value
    }

    /// Refuses any key outside `allowed`, at that key, naming it and the closest allowed keys.
    /// For keys that depend on another key (a field's `type`), call it once that is known.
    public func check(allowed: [String]) throws {
        if let entry = entries.first(where: { !allowed.contains($0.key) }) {
            throw unknownKey(entry, allowed: allowed)
        }
    }

    /// `file:line:column: path: unknown key `colum`; did you mean `column`?`
    public func unknownKey(_ entry: Entry, allowed: [String]) -> ConfigError {
        ConfigError(location: entry.keyLocation, key: owner.path,
                    problem: "unknown key \(Suggestions.quoted(entry.key)); " + Suggestions.hint(for: entry.key, among: allowed, kind: "key"))
    }
}
