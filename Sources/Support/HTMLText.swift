/// Text made safe inside HTML, SVG or XML, as element content or a quoted attribute value: `&`,
/// `<`, `>`, `"` and `'` become `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&#39;`, as Mustache escapes
/// them, so a page a template renders and a file written in code escape alike. One place for the
/// site's templates, its badges and cards, and the webcare report.
///
/// Works on UTF-8 bytes, not characters: a `"` followed by a combining mark is one Swift
/// `Character` that is not `"`, yet it would still end an attribute value.
public enum HTMLText {
    /// What becomes of a C0 control (but tab, line feed and CR LF), DEL or a C1 control: HTML
    /// does not allow them in text.
    public enum ControlCharacters: Sendable {
        /// Written as they are (text known to hold none: the site's published data).
        case kept
        /// Each written as U+FFFD, the replacement character (text from a log: webcare messages).
        case replaced
    }

    /// `text` escaped.
    public static func escaped(_ text: String, controlCharacters: ControlCharacters = .kept) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        appendEscaped(text, to: &output, controlCharacters: controlCharacters)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends `text` escaped to `output` (UTF-8), as `escaped` returns it.
    public static func appendEscaped(_ text: String, to output: inout [UInt8], controlCharacters: ControlCharacters = .kept) {
        var text = text
        text.withUTF8 { appendEscaped(bytes: $0, to: &output, replacingControls: controlCharacters == .replaced) }
    }

    private static func appendEscaped(bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8], replacingControls: Bool) {
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var length = 1
            let replacement: StaticString
            switch byte {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x22: replacement = "&quot;"
            case 0x27: replacement = "&#39;"
            case 0x09, 0x0A:
                index += 1
                continue
            case 0x0D where index + 1 < bytes.count && bytes[index + 1] == 0x0A:
                // CR LF, one line break (a lone CR is a control character).
                index += 2
                continue
            case 0x00...0x1F where replacingControls, 0x7F where replacingControls:
                replacement = "\u{FFFD}"
            case 0xC2 where replacingControls && index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]):
                // U+0080–U+009F in UTF-8.
                replacement = "\u{FFFD}"
                length = 2
            default:
                index += 1
                continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            index += length
            start = index
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }
}
