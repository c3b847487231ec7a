/// Why a webcare log, its mapping or a rules file cannot be used: the file, where in it when
/// known, and what was expected. One error style with the survey mappings
/// (`file, line N, key: problem`).
public struct WebcareError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int?
    /// Dotted key path in a YAML file (`columns.time.format`), or a CSV row and column.
    public var place: String?
    public var problem: String

    public init(file: String, line: Int? = nil, place: String? = nil, problem: String) {
        self.file = file
        self.line = line
        self.place = place
        self.problem = problem
    }

    public var description: String {
        var text = file
        if let line { text += ", line \(line)" }
        if let place, !place.isEmpty { text += ", \(place)" }
        return VisibleText.escaped("\(text): \(problem)")
    }
}

/// Text for a terminal: control characters (an escape sequence in a cell, a stray carriage
/// return) are shown as `\u{1B}` rather than sent to the terminal.
public enum VisibleText {
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Control characters other than the line break (messages may span lines) and the tab.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
            || scalar == "\u{202E}" || scalar == "\u{202D}"
    }
}
