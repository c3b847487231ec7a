/// Text made safe to print for a person at a terminal. A cell of a survey export or a value of a
/// configuration file reaches messages as it is ("unknown gemeente …"), and `ESC [2J` in it
/// would clear the screen, an OSC sequence would retitle the window, a carriage return would
/// overwrite the line, a bidi override would reorder it and a zero-width space would hide why two
/// names differ.
///
/// Such a character is written as `\u{…}` with its code point in hex (`\u{1B}[2J`, `\u{200B}`),
/// the notation Swift uses: unambiguous and copyable. Shown this way: C0 controls and DEL; C1
/// controls (U+0080–U+009F: U+009B is a CSI on some terminals); the soft hyphen; zero-width and
/// invisible characters (U+200B–U+200F, U+2060–U+2064, U+FEFF); line and paragraph separators
/// (U+2028, U+2029); bidirectional controls (U+061C, U+202A–U+202E, U+2066–U+2069).
///
/// Two uses: `escaped` for a value quoted inside a message (tab, line feed and carriage return
/// shown as `\t`, `\n`, `\r`: a value stays on its line), `message` for a whole message or report
/// of several lines (line feeds and tabs kept, a carriage return shown as `\r`).
/// `codePoints` is the wider rule of output messages and the table readers' quoted names: every
/// control and format character, tab and line feed included, as `\u{…}`.
public enum VisibleText {
    /// A value quoted inside a message: every character above, and tab and line feed, visible.
    public static func escaped(_ text: String) -> String {
        visible(text, keepingLines: false)
    }

    /// A whole message or report, printed by the command line (`printMessage`, `printError`) or
    /// written where a person `cat`s it (the ingest report): line feeds and tabs stay.
    public static func message(_ text: String) -> String {
        visible(text, keepingLines: true)
    }

    /// Every control and format character (Unicode categories Cc and Cf, tab and line feed
    /// included) written as `\u{…}`: the wider rule of the output messages (a hostile file name
    /// cannot drive the terminal) and of names the table readers quote (a sheet, an XML error).
    public static func codePoints(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func visible(_ text: String, keepingLines: Bool) -> String {
        guard text.utf8.contains(where: mayStartHiddenCharacter) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where keepingLines, "\t" where keepingLines: result.unicodeScalars.append(scalar)
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case _ where isHidden(scalar): result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether `scalar` is never printed as it is.
    public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0xAD: return true
        case 0x061C, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    /// A cheap pre-check on UTF-8: control bytes, and the lead bytes of the characters above
    /// (0xC2: U+0080–U+00BF, 0xD8: U+061C, 0xE2: U+2000–U+2FFF, 0xEF: U+FEFF).
    private static func mayStartHiddenCharacter(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2 || byte == 0xEF
    }
}
