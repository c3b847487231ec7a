/// A JSON document with deterministic text: keys sorted by Unicode scalar values, two-space
/// indentation, numbers written without locale. The one JSON writer for hand-built documents
/// (ROI reports and model exports, Stats tables); types that round-trip through `Codable`
/// (Rankings/) use `JSONEncoder` with sorted keys instead.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number as the shortest text that reads back to the same double (`Rounding.shortest`);
    /// a non-finite number is written as `null`.
    case number(Double)
    /// A number already formatted by the caller, written as is: `Rounding.fixed(8.6, decimals: 2)`
    /// keeps its `8.60`.
    case formatted(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// `.number`, or `.null` for nil and non-finite values.
    public static func number(_ value: Double?) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .number(value)
    }

    public static func string(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    /// The document followed by a newline.
    public var text: String {
        var output = ""
        write(into: &output, indent: "")
        return output + "\n"
    }

    private func write(into output: inout String, indent: String) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let value): output += value.isFinite ? Rounding.shortest(value) : "null"
        case .formatted(let text): output += text
        case .string(let value): Self.writeString(value, into: &output)
        case .array(let values):
            guard !values.isEmpty else { output += "[]"; return }
            let inner = indent + "  "
            output += "[\n"
            for (index, value) in values.enumerated() {
                output += inner
                value.write(into: &output, indent: inner)
                output += index + 1 < values.count ? ",\n" : "\n"
            }
            output += indent + "]"
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            let inner = indent + "  "
            output += "{\n"
            // Sorted by Unicode scalar values, so the order never depends on locale.
            let keys = members.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            for (index, key) in keys.enumerated() {
                output += inner
                Self.writeString(key, into: &output)
                output += ": "
                members[key]?.write(into: &output, indent: inner)
                output += index + 1 < keys.count ? ",\n" : "\n"
            }
            output += indent + "}"
        }
    }

    /// A string as a JSON string literal (also a YAML double-quoted scalar): quotes, backslashes
    /// and control characters escaped.
    public static func quoted(_ value: String) -> String {
        var output = ""
        writeString(value, into: &output)
        return output
    }

    private static func writeString(_ value: String, into output: inout String) {
        output += "\""
        // Most strings need no escape: appended whole (a byte of a multi-byte UTF-8 sequence is never below 0x80).
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            output += value
            output += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
