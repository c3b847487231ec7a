import Foundation
import Yams

// A small strict reader for the webcare YAML files (the log mapping, the response rules). It is
// kept apart on purpose: once the project's one configuration reader is on main, these files
// move to it and this file goes.

/// A YAML node with its file and key path, so every error can say where it is.
struct YAMLEntry {
    let node: Node
    let key: String
    let file: String

    var line: Int? { node.mark?.line }

    func error(_ problem: String) -> WebcareError {
        WebcareError(file: file, line: line, place: key, problem: problem)
    }

    static func load(_ url: URL, displayName: String) throws -> YAMLEntry {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw WebcareError(file: displayName, problem: "cannot read the file as UTF-8 text (\(error.localizedDescription))")
        }
        return try parse(text, displayName: displayName)
    }

    static func parse(_ text: String, displayName: String) throws -> YAMLEntry {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw WebcareError(file: displayName, problem: "the file is empty")
            }
            return YAMLEntry(node: node, key: "", file: displayName)
        } catch let error as WebcareError {
            throw error
        } catch {
            let detail = String(describing: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            throw WebcareError(file: displayName, problem: "not valid YAML: \(detail)")
        }
    }

    func child(_ name: String, _ node: Node) -> YAMLEntry {
        YAMLEntry(node: node, key: key.isEmpty ? name : "\(key).\(name)", file: file)
    }

    func string(nonEmpty: Bool = true) throws -> String {
        guard case .scalar(let scalar) = node else { throw error("expected a single value, found \(kindName)") }
        let value = scalar.string.trimmingCharacters(in: .whitespaces)
        if nonEmpty && value.isEmpty { throw error("expected a value, found nothing") }
        return scalar.string
    }

    func int(in range: ClosedRange<Int>) throws -> Int {
        let text = try string()
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
            throw error("expected a whole number from \(range.lowerBound) to \(range.upperBound), found \"\(text)\"")
        }
        return value
    }

    func double(in range: ClosedRange<Double>) throws -> Double {
        let text = try string()
        guard let value = Double(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")),
              range.contains(value) else {
            throw error("expected a number from \(range.lowerBound) to \(range.upperBound), found \"\(text)\"")
        }
        return value
    }

    func bool() throws -> Bool {
        switch try string().lowercased() {
        case "true", "yes", "ja": return true
        case "false", "no", "nee": return false
        case let other: throw error("expected true or false, found \"\(other)\"")
        }
    }

    /// A list of single values; one value counts as a list of one.
    func strings() throws -> [String] {
        switch node {
        case .scalar: return [try string()]
        case .sequence(let sequence):
            return try sequence.enumerated().map { index, element in try child("\(index + 1)", element).string() }
        default: throw error("expected a list of values, found \(kindName)")
        }
    }

    func list() throws -> [YAMLEntry] {
        guard case .sequence(let sequence) = node else { throw error("expected a list, found \(kindName)") }
        return sequence.enumerated().map { index, element in child("\(index + 1)", element) }
    }

    /// The keys of a mapping, checked against `allowed` (nil: any key), in file order.
    func keys(allowed: [String]?) throws -> YAMLKeys {
        guard case .mapping(let mapping) = node else { throw error("expected keys and values, found \(kindName)") }
        var entries: [(String, YAMLEntry)] = []
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let keyScalar) = keyNode else { throw error("keys must be single values") }
            let name = keyScalar.string
            let value = child(name, valueNode)
            if let allowed, !allowed.contains(name) {
                throw WebcareError(file: file, line: keyNode.mark?.line, place: value.key,
                                   problem: "unknown key; expected one of \(allowed.joined(separator: ", "))")
            }
            if entries.contains(where: { $0.0 == name }) {
                throw WebcareError(file: file, line: keyNode.mark?.line, place: value.key, problem: "this key appears twice")
            }
            entries.append((name, value))
        }
        return YAMLKeys(owner: self, entries: entries)
    }

    private var kindName: String {
        switch node {
        case .scalar: "a single value"
        case .mapping: "keys and values"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}

struct YAMLKeys {
    let owner: YAMLEntry
    let entries: [(String, YAMLEntry)]

    func optional(_ name: String) -> YAMLEntry? { entries.first { $0.0 == name }?.1 }

    func required(_ name: String) throws -> YAMLEntry {
        guard let value = optional(name) else {
            throw WebcareError(file: owner.file, line: owner.line, place: owner.key.isEmpty ? name : "\(owner.key).\(name)",
                               problem: "missing; this key is required")
        }
        return value
    }
}
