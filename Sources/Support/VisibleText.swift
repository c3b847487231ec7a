/// Text from a file shown in a message or on a terminal with its control and format characters
/// written out (`\u{1B}`), so a cell cannot move the cursor, recolour the screen or hide text.
public enum VisibleText {
    public static func of(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format: result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
