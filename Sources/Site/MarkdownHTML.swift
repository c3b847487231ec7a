import Foundation
import Ink

/// The HTML made from `site/content/**/*.md`, made safe to publish. Ink passes raw HTML in
/// Markdown through and writes link and image targets into attributes unescaped, so
/// `<script>`, `<img onerror=…>`, `[a](javascript:…)` and `![x](y" onerror="…")` would run in a
/// reader's browser. Every piece of content HTML is therefore re-parsed here and written again
/// from an allow-list:
///
/// - elements: what Markdown itself produces (paragraphs, headings, emphasis, code, quotes,
///   lists, links, images, tables, rules, line breaks) plus `abbr`, `sup`, `sub`, `dl`/`dt`/`dd`.
///   Any other tag is dropped and its text kept; `script`, `style`, `iframe`, `object`, `embed`,
///   `svg`, `math`, `template`, `noscript`, `textarea`, `title` and the like are dropped with
///   their content. Comments are dropped.
/// - attributes: `href` and `title` on links; `src`, `alt`, `title`, `width`, `height` on images;
///   `align`, `colspan`, `rowspan`, `scope` on table cells; `start` on ordered lists; a
///   `language-…` class on code; `title` on `abbr`. Everything else (`on…`, `style`, `id`,
///   `class`, …) is dropped.
/// - URLs, read as a browser reads them (character references decoded, tabs and line breaks
///   removed): links to `http:`, `https:`, `mailto:` or a relative address; images from a
///   relative address only (the site loads nothing from elsewhere). Any other link becomes its
///   text; any other image is dropped.
///
/// The output is well-formed: attribute values are quoted and escaped, text `<`, `>` and stray
/// `&` are escaped, every opened element is closed. What was removed is reported, so the author
/// sees it in the build summary.
enum MarkdownHTML {
    struct Result {
        var html: String
        /// What was removed, once per kind (`removed <script> with its content`).
        var removed: [String]
    }

    /// A content file's Markdown as HTML (Ink), sanitised.
    static func html(fromMarkdown markdown: String) -> Result {
        sanitize(MarkdownParser().html(from: markdown))
    }

    static func sanitize(_ html: String) -> Result {
        var parser = Sanitizer(Array(html.utf8))
        parser.run()
        return Result(html: String(decoding: parser.output, as: UTF8.self), removed: parser.removed)
    }

    static let allowedAttributes: [String: Set<String>] = [
        "a": ["href", "title"], "img": ["src", "alt", "title", "width", "height"],
        "th": ["align", "colspan", "rowspan", "scope"], "td": ["align", "colspan", "rowspan"],
        "ol": ["start"], "code": ["class"], "abbr": ["title"],
        "p": [], "br": [], "hr": [], "h1": [], "h2": [], "h3": [], "h4": [], "h5": [], "h6": [],
        "em": [], "strong": [], "b": [], "i": [], "pre": [], "blockquote": [], "ul": [], "li": [],
        "table": [], "thead": [], "tbody": [], "tfoot": [], "tr": [], "caption": [], "del": [], "s": [],
        "sup": [], "sub": [], "dl": [], "dt": [], "dd": [],
    ]

    static let voidElements: Set<String> = ["br", "hr", "img"]

    /// Elements dropped together with everything up to their end tag: their content is code,
    /// styles, another document or another markup language, never text to show.
    static let droppedWithContent: Set<String> = [
        "script", "style", "iframe", "object", "embed", "applet", "svg", "math", "template", "noscript",
        "noembed", "noframes", "frameset", "textarea", "title", "xmp", "plaintext", "select", "head",
    ]

    /// Whether `value` (as a browser reads it) may stay in attribute `name` of `element`;
    /// returns the value to write, or nil.
    static func allowedValue(_ value: String, attribute name: String, element: String) -> String? {
        switch name {
        case "href":
            return safeURL(value, schemes: ["http", "https", "mailto"], allowProtocolRelative: true)
        case "src":
            return safeURL(value, schemes: [], allowProtocolRelative: false)
        case "width", "height", "colspan", "rowspan", "start":
            return !value.isEmpty && value.count <= 6 && value.allSatisfy(\.isASCIIDigitCharacter) ? value : nil
        case "align":
            return ["left", "center", "right"].contains(value.lowercased()) ? value.lowercased() : nil
        case "scope":
            return ["row", "col", "rowgroup", "colgroup"].contains(value.lowercased()) ? value.lowercased() : nil
        case "class":
            let language = value.dropFirst("language-".count)
            return value.hasPrefix("language-") && !language.isEmpty
                && language.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-_#".contains($0)) }) ? value : nil
        default:
            return value
        }
    }

    /// The URL as a browser would use it, when it is relative or uses one of `schemes`. Tabs and
    /// line breaks are removed (browsers ignore them inside a URL, so `java&#9;script:` is
    /// `javascript:`); a URL holding any other control character is refused outright.
    static func safeURL(_ value: String, schemes: Set<String>, allowProtocolRelative: Bool) -> String? {
        let trimmed = value.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        var url = String(String.UnicodeScalarView(trimmed)).trimmingCharacters(in: .whitespaces)
        url = String(url.drop(while: { $0.unicodeScalars.allSatisfy { $0.value <= 0x20 } }))
        guard !url.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
        if url.hasPrefix("//") || url.hasPrefix("\\\\") || url.hasPrefix("/\\") || url.hasPrefix("\\/") {
            return allowProtocolRelative ? url : nil
        }
        guard let end = url.firstIndex(where: { ":/?#\\".contains($0) }), url[end] == ":" else { return url }
        return schemes.contains(url[..<end].lowercased()) ? url : nil
    }
}

/// One pass over the HTML's bytes (tags and structure are ASCII; text is copied as it is).
private struct Sanitizer {
    let input: [UInt8]
    var output: [UInt8] = []
    var removed: [String] = []
    private var index = 0
    private var open: [String] = []

    init(_ input: [UInt8]) {
        self.input = input
        output.reserveCapacity(input.count)
    }

    subscript(_ offset: Int) -> UInt8 { offset < input.count ? input[offset] : 0 }

    mutating func note(_ text: String) {
        if !removed.contains(text) { removed.append(text) }
    }

    mutating func run() {
        while index < input.count {
            let byte = input[index]
            switch byte {
            case 0x3C: tag()
            case 0x26:
                if isCharacterReference(at: index) { output.append(byte) } else { output += Array("&amp;".utf8) }
                index += 1
            case 0x3E:
                output += Array("&gt;".utf8)
                index += 1
            default:
                output.append(byte)
                index += 1
            }
        }
        while let name = open.popLast() { output += Array("</\(name)>".utf8) }
    }

    /// At a `<`: a comment, a start or end tag, or text.
    private mutating func tag() {
        if hasPrefix("<!--", at: index) {
            let end = find(Array("-->".utf8), from: index + 4)
            index = end.map { $0 + 3 } ?? input.count
            note("removed an HTML comment")
        } else if self[index + 1] == 0x21 || self[index + 1] == 0x3F {  // <! or <?
            index = (find([0x3E], from: index + 2) ?? input.count - 1) + 1
            note("removed <!…> or <?…> markup")
        } else if self[index + 1] == 0x2F, isLetter(self[index + 2]) {
            endTag()
        } else if isLetter(self[index + 1]) {
            startTag()
        } else {
            output += Array("&lt;".utf8)
            index += 1
        }
    }

    private mutating func endTag() {
        var offset = index + 2
        let name = readName(&offset)
        guard let close = find([0x3E], from: offset) else {  // "</p" with no ">": text
            output += Array("&lt;".utf8)
            index += 1
            return
        }
        index = close + 1
        guard let position = open.lastIndex(of: name) else { return }
        while open.count > position {
            output += Array("</\(open.removeLast())>".utf8)
        }
    }

    private mutating func startTag() {
        var offset = index + 1
        let name = readName(&offset)
        guard let (attributes, end) = readAttributes(from: offset) else {  // no ">": text
            output += Array("&lt;".utf8)
            index += 1
            return
        }
        index = end
        if MarkdownHTML.droppedWithContent.contains(name) {
            skipContent(of: name)
            note("removed <\(name)> with its content")
            return
        }
        guard let allowed = MarkdownHTML.allowedAttributes[name] else {
            note("removed the tags <\(name)> (their text kept)")
            return
        }
        var written: [(String, String)] = []
        for (attribute, value) in attributes where !written.contains(where: { $0.0 == attribute }) {
            guard allowed.contains(attribute) else {
                note("removed attribute \(attribute) from <\(name)>")
                continue
            }
            guard let safe = MarkdownHTML.allowedValue(value, attribute: attribute, element: name) else {
                note(attribute == "href" || attribute == "src"
                     ? "removed \(attribute) '\(value)' from <\(name)> (links: http, https, mailto or relative; images: relative)"
                     : "removed attribute \(attribute)=\"\(value)\" from <\(name)>")
                continue
            }
            written.append((attribute, safe))
        }
        // An image without a safe source is dropped; a link without one becomes its text (an
        // `<a>` without `href` would still look like a link).
        if (name == "img" && !written.contains(where: { $0.0 == "src" }))
            || (name == "a" && attributes.contains(where: { $0.0 == "href" }) && !written.contains(where: { $0.0 == "href" })) {
            return
        }
        output += Array("<\(name)".utf8)
        for (attribute, value) in written {
            output += Array(" \(attribute)=\"".utf8) + Self.escapedAttribute(value) + [0x22]
        }
        output.append(0x3E)
        if !MarkdownHTML.voidElements.contains(name) { open.append(name) }
    }

    /// Skips to just after `</name…>`, or to the end.
    private mutating func skipContent(of name: String) {
        let closing = Array("</\(name)".utf8)
        var offset = index
        while let start = find(closing, from: offset, ignoringCase: true) {
            let after = self[start + closing.count]
            if after == 0x3E || after == 0x2F || isSpace(after) {
                index = (find([0x3E], from: start) ?? input.count - 1) + 1
                return
            }
            offset = start + 1
        }
        index = input.count
    }

    /// The attributes of a start tag from `offset` (after its name) and the index after its `>`;
    /// nil when the tag never ends. Names lowercased, values decoded as a browser decodes them.
    private func readAttributes(from start: Int) -> ([(String, String)], Int)? {
        var offset = start
        var attributes: [(String, String)] = []
        while offset < input.count {
            while isSpace(self[offset]) || self[offset] == 0x2F { offset += 1 }
            if self[offset] == 0x3E { return (attributes, offset + 1) }
            guard offset < input.count else { return nil }
            let nameStart = offset
            offset += 1  // a name may start with any character, even "="
            while offset < input.count, !isSpace(self[offset]), ![0x2F, 0x3E, 0x3D].contains(self[offset]) { offset += 1 }
            let name = String(decoding: input[nameStart..<offset], as: UTF8.self).lowercased()
            var probe = offset
            while isSpace(self[probe]) { probe += 1 }
            var value = ""
            if self[probe] == 0x3D {
                offset = probe + 1
                while isSpace(self[offset]) { offset += 1 }
                let quote = self[offset]
                if quote == 0x22 || quote == 0x27 {
                    guard let close = find([quote], from: offset + 1) else { return nil }
                    value = String(decoding: input[(offset + 1)..<close], as: UTF8.self)
                    offset = close + 1
                } else {
                    let valueStart = offset
                    while offset < input.count, !isSpace(self[offset]), self[offset] != 0x3E { offset += 1 }
                    value = String(decoding: input[valueStart..<offset], as: UTF8.self)
                }
            }
            attributes.append((name, Self.decodingReferences(value)))
        }
        return nil
    }

    private func readName(_ offset: inout Int) -> String {
        let start = offset
        while offset < input.count, !isSpace(self[offset]), self[offset] != 0x2F, self[offset] != 0x3E { offset += 1 }
        return String(decoding: input[start..<offset], as: UTF8.self).lowercased()
    }

    private func hasPrefix(_ text: String, at offset: Int) -> Bool {
        let bytes = Array(text.utf8)
        return offset + bytes.count <= input.count && Array(input[offset..<(offset + bytes.count)]) == bytes
    }

    private func find(_ needle: [UInt8], from start: Int, ignoringCase: Bool = false) -> Int? {
        guard !needle.isEmpty, start <= input.count - needle.count else { return nil }
        for offset in start...(input.count - needle.count) {
            var matches = true
            for (position, byte) in needle.enumerated() {
                let candidate = input[offset + position]
                if candidate != byte && !(ignoringCase && candidate | 0x20 == byte | 0x20 && isLetter(byte)) {
                    matches = false
                    break
                }
            }
            if matches { return offset }
        }
        return nil
    }

    private func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }

    /// `&name;`, `&#123;` or `&#x7B;`: a reference a browser shows as one character.
    private func isCharacterReference(at start: Int) -> Bool {
        var offset = start + 1
        if self[offset] == 0x23 {
            offset += 1
            let hex = self[offset] | 0x20 == 0x78
            if hex { offset += 1 }
            let digitsStart = offset
            while hex ? self[offset].isHexDigit : (self[offset] >= 0x30 && self[offset] <= 0x39) { offset += 1 }
            return offset > digitsStart && self[offset] == 0x3B
        }
        let nameStart = offset
        while isLetter(self[offset]) || (self[offset] >= 0x30 && self[offset] <= 0x39) { offset += 1 }
        return offset > nameStart && self[offset] == 0x3B
    }

    /// An attribute value as a browser reads it: numeric references and the named ones that can
    /// spell a URL scheme decoded (`&#106;avascript&colon;` is `javascript:`).
    static func decodingReferences(_ value: String) -> String {
        guard value.contains("&") else { return value }
        var result = ""
        var rest = Substring(value)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            rest = rest[rest.index(after: ampersand)...]
            if rest.first == "#" {
                var digits = rest.dropFirst()
                let hex = digits.first == "x" || digits.first == "X"
                if hex { digits = digits.dropFirst() }
                let number = digits.prefix { hex ? $0.isHexDigit : $0.isASCIIDigitCharacter }
                if !number.isEmpty, number.count <= 8, let code = UInt32(number, radix: hex ? 16 : 10),
                   let scalar = Unicode.Scalar(code) {
                    result.unicodeScalars.append(scalar)
                    rest = digits.dropFirst(number.count)
                    if rest.first == ";" { rest = rest.dropFirst() }
                    continue
                }
            } else {
                let name = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
                if let character = namedReferences[String(name)] {
                    result.append(character)
                    rest = rest.dropFirst(name.count)
                    if rest.first == ";" { rest = rest.dropFirst() }
                    continue
                }
            }
            result += "&"
        }
        return result + rest
    }

    static let namedReferences: [String: Character] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "sol": "/", "bsol": "\\",
        "Tab": "\t", "NewLine": "\n", "nbsp": "\u{A0}", "lpar": "(", "rpar": ")", "period": ".", "commat": "@",
        "num": "#", "quest": "?", "equals": "=", "percnt": "%",
    ]

    static func escapedAttribute(_ value: String) -> [UInt8] {
        var bytes: [UInt8] = []
        for byte in value.utf8 {
            switch byte {
            case 0x26: bytes += Array("&amp;".utf8)
            case 0x22: bytes += Array("&quot;".utf8)
            case 0x3C: bytes += Array("&lt;".utf8)
            case 0x3E: bytes += Array("&gt;".utf8)
            default: bytes.append(byte)
            }
        }
        return bytes
    }
}

extension UInt8 {
    fileprivate var isHexDigit: Bool { (self >= 0x30 && self <= 0x39) || ((self | 0x20) >= 0x61 && (self | 0x20) <= 0x66) }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
