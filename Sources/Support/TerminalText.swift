/// Text meant for a person at a terminal, with every character that a terminal would act on or
/// hide made visible. A cell of a survey export reaches messages as it is ("unknown gemeente
/// …"), and `ESC [2J` in it would clear the screen, an OSC sequence would retitle the window,
/// a carriage return would overwrite the line, a bidi override would reorder it and a zero-width
/// space would hide why two names differ.
///
/// Such a character is written as `\u{…}` with its code point in hex (`\u{1B}[2J`, `\u{200B}`),
/// the notation Swift uses: unambiguous and copyable. Line feeds and tabs stay as they are
/// (messages have several lines; tables are aligned with spaces). Shown this way: C0 controls
/// (U+0000–U+001F but line feed and tab) and DEL; C1 controls (U+0080–U+009F: U+009B is a CSI on
/// some terminals); the soft hyphen; zero-width and invisible characters (U+200B–U+200F,
/// U+2060–U+2064, U+FEFF); line and paragraph separators (U+2028, U+2029); bidirectional
/// controls (U+061C, U+202A–U+202E, U+2066–U+2069).
public enum TerminalText {
    /// `text` with the characters above written as `\u{…}`; the same string when there are none.
    public static func visible(_ text: String) -> String {
        guard text.utf8.contains(where: mayStartHiddenCharacter) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if isHidden(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether `scalar` is written as `\u{…}`.
    public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F, 0xAD: return true
        case 0x061C, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    /// A cheap pre-check on UTF-8: control bytes, and the lead bytes of the characters above
    /// (0xC2: U+0080–U+00BF, 0xD8: U+061C, 0xE2: U+2000–U+2FFF, 0xEF: U+FEFF).
    private static func mayStartHiddenCharacter(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F || byte == 0xC2 || byte == 0xD8
            || byte == 0xE2 || byte == 0xEF
    }
}
