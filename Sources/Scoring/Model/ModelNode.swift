import Foundation
import Yams

/// A node of a model file together with where it is (file, line, key path), so that every
/// validation message can say exactly which key is wrong and what was expected.
struct ModelNode {
    let node: Node
    let file: String
    /// Key path from the root, e.g. `dimensions[2].cap`.
    let path: String

    func error(expected: String) -> ModelError {
        ModelError(file: file, line: node.mark?.line, key: path, problem: "expected \(expected), found \(found)")
    }

    func error(_ problem: String) -> ModelError {
        ModelError(file: file, line: node.mark?.line, key: path, problem: problem)
    }

    /// A short rendering of the node for messages.
    var found: String {
        switch node {
        case .scalar(let scalar): return scalar.string.isEmpty ? "nothing" : "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    private func child(_ node: Node, key: String) -> ModelNode {
        ModelNode(node: node, file: file, path: path.isEmpty ? key : "\(path).\(key)")
    }

    /// The mapping's entries in file order; any key outside `allowed` is an error (catches typos).
    func entries(allowed: [String]? = nil) throws -> [(key: String, value: ModelNode)] {
        guard case .mapping(let mapping) = node else { throw error(expected: "a mapping of keys to values") }
        // Yams already rejects a key that appears twice in one mapping (as invalid YAML).
        var result: [(key: String, value: ModelNode)] = []
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                throw ModelNode(node: keyNode, file: file, path: path).error(expected: "a plain key")
            }
            let key = scalar.string
            if let allowed, !allowed.contains(key) {
                throw ModelNode(node: keyNode, file: file, path: path.isEmpty ? key : "\(path).\(key)")
                    .error("unknown key; expected one of \(allowed.joined(separator: ", "))")
            }
            result.append((key, child(valueNode, key: key)))
        }
        return result
    }

    /// The mapping value under `key`, or `nil` when absent.
    func optional(_ key: String) throws -> ModelNode? {
        guard case .mapping(let mapping) = node else { throw error(expected: "a mapping of keys to values") }
        return mapping[key].map { child($0, key: key) }
    }

    func required(_ key: String, expected: String) throws -> ModelNode {
        guard let value = try optional(key) else {
            throw error("missing key '\(key)': expected \(expected)")
        }
        return value
    }

    func items() throws -> [ModelNode] {
        guard case .sequence(let sequence) = node else { throw error(expected: "a list") }
        return sequence.enumerated().map { index, item in
            ModelNode(node: item, file: file, path: "\(path)[\(index + 1)]")
        }
    }

    func string() throws -> String {
        guard case .scalar(let scalar) = node, !scalar.string.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw error(expected: "text")
        }
        return scalar.string
    }

    func int(atLeast minimum: Int? = nil, atMost maximum: Int? = nil) throws -> Int {
        let expected: String
        switch (minimum, maximum) {
        case let (minimum?, maximum?): expected = "a whole number from \(minimum) to \(maximum)"
        case let (minimum?, nil): expected = "a whole number of at least \(minimum)"
        case let (nil, maximum?): expected = "a whole number of at most \(maximum)"
        case (nil, nil): expected = "a whole number"
        }
        guard case .scalar(let scalar) = node,
              let value = Int(scalar.string.trimmingCharacters(in: .whitespaces)),
              value >= (minimum ?? .min), value <= (maximum ?? .max) else {
            throw error(expected: expected)
        }
        return value
    }

    func double() throws -> Double {
        guard case .scalar(let scalar) = node,
              let value = Double(scalar.string.trimmingCharacters(in: .whitespaces)), value.isFinite else {
            throw error(expected: "a number such as 0.25")
        }
        return value
    }
}

extension ModelNode {
    /// A number from 0 up to (not including) 1, e.g. 0.25 for ±25 %.
    func fraction() throws -> Double {
        let value = try double()
        guard value >= 0, value < 1 else { throw error(expected: "a fraction from 0 up to (not including) 1, e.g. 0.25 for 25 %") }
        return value
    }

    /// A list of plain values, each checked by `read`; an empty list is an error.
    func list<Value>(_ read: (ModelNode) throws -> Value) throws -> [Value] {
        let items = try items()
        guard !items.isEmpty else { throw error(expected: "a list of at least one alternative") }
        return try items.map(read)
    }

    /// One of `allowed` (the values of an enumeration as written in the file).
    func choice<Value: RawRepresentable & CaseIterable>(_ type: Value.Type) throws -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: try string()) else {
            throw error(expected: "one of " + Value.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return value
    }
}
