import Foundation
import Support
import Yams

/// The one way meetlat reads a YAML file: mappings, scoring models, scenarios, `site.yaml`,
/// `statistics.yaml`, published figures. It refuses a file too large, nested too deep, with
/// aliases that expand too far or used as keys, with a key given twice, or that is not YAML —
/// each with `file:line:column` — and hands back the document as a `ConfigNode`, whose
/// accessors check every key and value and report in the same form.
public enum ConfigFile {
    /// Reads the file at `url`. `name` is how messages name it (`2012/mapping.yaml`; default
    /// the path); `expected` says what the file should hold, for the message about an empty file.
    public static func read(_ url: URL, name: String? = nil, expected: String,
                            limits: ConfigLimits = .standard) throws -> ConfigNode {
        let name = name ?? url.path
        // A device or a pipe could be endless or never answer (`/dev/zero`, a FIFO).
        let type = (try? FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path))?[.type] as? FileAttributeType
        if let type, type != .typeRegular {
            throw ConfigError(file: name, problem: "is not a file (\(type == .typeDirectory ? "a folder" : "a device or pipe")); expected \(expected)")
        }
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            // One byte past the limit tells a file that is too large without reading all of it.
            data = try handle.read(upToCount: limits.bytes + 1) ?? Data()
        } catch {
            throw ConfigError(file: name, problem: "cannot be read (\(Self.reason(error))); expected \(expected)")
        }
        try checkSize(data.count, file: name, limits: limits)
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: name, problem: "is not UTF-8 text; save it as UTF-8")
        }
        return try parse(text, file: name, expected: expected, limits: limits)
    }

    /// Reads YAML text; `file` names it in messages.
    public static func parse(_ text: String, file: String, expected: String,
                             limits: ConfigLimits = .standard) throws -> ConfigNode {
        var bytes = Array(text.utf8)
        try checkSize(bytes.count, file: file, limits: limits)
        // Everything that could stall or crash composing is refused here first.
        try bytes.withUnsafeMutableBufferPointer { buffer throws(ConfigError) in
            try YAMLScreen(file: file, limits: limits).check(UnsafeBufferPointer(buffer))
        }
        bytes = []
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Self.error(error, file: file)
        }
        guard let root else {
            throw ConfigError(file: file, problem: "the file is empty; expected \(expected)")
        }
        return ConfigNode(root, source: ConfigSource(file: file, text: text), path: "")
    }

    private static func checkSize(_ count: Int, file: String, limits: ConfigLimits) throws {
        guard count <= limits.bytes else {
            throw ConfigError(file: file, problem: "the file is larger than \(limits.bytes) bytes; expected a configuration file of at most \(limits.bytes) bytes")
        }
    }

    /// What Yams still finds after the screen (it parses with the same libyaml, so little).
    private static func error(_ error: YamlError, file: String) -> ConfigError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { " (\($0.text))" } ?? ""
            return ConfigError(location: SourceLocation(file: file, line: mark.line, column: mark.column),
                               problem: VisibleText.escaped("not valid YAML: \(problem)\(detail)"))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ConfigError(location: SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                               problem: "a key is given twice: " + duplicates.map(Suggestions.quoted).joined(separator: ", ")
                                   + "; each key may appear once")
        default:
            return ConfigError(file: file, problem: VisibleText.escaped("not valid YAML: \(error)"))
        }
    }

    private static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let posix = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain,
           let code = POSIXErrorCode(rawValue: Int32(posix.code)) {
            return String(cString: strerror(code.rawValue))
        }
        return nsError.localizedDescription
    }
}

/// The file a node came from: its name for messages and its lines, for the column of a value.
final class ConfigSource: Sendable {
    let file: String
    let lines: [Substring]

    init(file: String, text: String) {
        self.file = file
        // The line breaks libyaml counts: \n, \r\n, \r, and NEL, LS, PS.
        self.lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    }
}
