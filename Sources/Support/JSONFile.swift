import Foundation

/// The JSON files the stages hand on to each other (Rankings/, Statistics/): written with sorted
/// keys and a final newline, so the same value gives the same bytes; read back with every failure
/// turned into one message that names the file.
public enum JSONFile {
    /// `value` as JSON text: keys sorted, pretty-printed, slashes unescaped, newline at the end.
    public static func encoded<Value: Encodable>(_ value: Value) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// The file's bytes; `hint` says how to make a missing file (`run meetlat score first`).
    public static func contents(of url: URL, hint: String) throws -> Data {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw DataFileError.missing(path: url.path, hint: hint)
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw DataFileError.invalid(path: url.path, location: "", problem: error.localizedDescription)
        }
    }

    /// `data` (read from `path`) decoded as `type`.
    public static func decode<Value: Decodable>(_ type: Value.Type, from data: Data, path: String) throws -> Value {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            let (location, problem) = error.locationAndProblem
            throw DataFileError.invalid(path: path, location: location, problem: problem)
        } catch {
            throw DataFileError.invalid(path: path, location: "", problem: error.localizedDescription)
        }
    }

    /// The file at `url` decoded as `type`.
    public static func decode<Value: Decodable>(_ type: Value.Type, from url: URL, hint: String) throws -> Value {
        try decode(type, from: try contents(of: url, hint: hint), path: url.path)
    }
}

/// A data file that a stage needs is missing or cannot be read.
public enum DataFileError: Error, CustomStringConvertible, Equatable {
    /// Not there; `hint` says which command makes it.
    case missing(path: String, hint: String)
    /// Not readable: `location` is a key path (or empty), `problem` what was wrong.
    case invalid(path: String, location: String, problem: String)

    public var description: String {
        switch self {
        case .missing(let path, let hint):
            return "\(path): file not found; \(hint)"
        case .invalid(let path, let location, let problem):
            return "\(path): \(location.isEmpty ? "" : "at \(location): ")\(problem)"
        }
    }
}

extension DecodingError {
    /// Where in the file (as a dotted key path) and what went wrong.
    public var locationAndProblem: (location: String, problem: String) {
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
