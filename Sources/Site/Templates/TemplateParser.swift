/// A parsed Mustache template: a tree of nodes, made once per build and rendered for every page.
///
/// The site's templates are standard Mustache (https://mustache.github.io, including the
/// inheritance extension: `{{<parent}}` with `{{$block}}` overrides), so any Mustache engine
/// renders them; the tests check that swift-mustache gives the same pages. The site renders
/// them with this small engine because it is many times faster for thousands of pages: values
/// are typed once per page instead of cast at every lookup, and output is escaped byte by byte.
///
/// Supported: `{{name}}`, `{{a.b}}`, `{{.}}` (HTML-escaped), `{{{name}}}` and `{{&name}}`
/// (raw), sections `{{#name}}…{{/name}}` and inverted sections `{{^name}}…{{/name}}`,
/// comments `{{! … }}`, partials `{{>name}}`, parents `{{<name}}…{{/name}}` and blocks
/// `{{$name}}…{{/name}}`; standalone tag lines are removed as the specification says.
/// Changing the delimiters (`{{=<% %>=}}`) is not supported and is reported.
struct Template: Sendable {
    let name: String
    let file: String
    let nodes: [TemplateNode]
}

indirect enum TemplateNode: Sendable {
    /// Text as it is written out: UTF-8 bytes.
    case text([UInt8])
    case variable(TemplatePath, escaped: Bool)
    case section(TemplatePath, inverted: Bool, [TemplateNode])
    /// `indentation`: the UTF-8 white space before a standalone partial, put before each of its lines.
    case partial(name: String, indentation: [UInt8], line: Int)
    case parent(name: String, blocks: [String: [TemplateNode]], line: Int)
    case block(name: String, [TemplateNode])
}

/// `a.b.c` or `.` (the current value), its names made into keys once, when parsed.
struct TemplatePath: Sendable, Hashable {
    let names: [TemplateKey]

    init(_ text: String) {
        names = text == "." ? [] : text.split(separator: ".", omittingEmptySubsequences: false).map { TemplateKey(String($0)) }
    }
}

enum TemplateParser {
    /// A tag or a piece of text, before standalone lines are removed. Text never holds a line
    /// break except as its last character.
    private enum Token {
        case text(String)
        /// `indentation`: the white space before a standalone partial.
        case tag(kind: UInt8, name: String, line: Int, column: Int, indentation: String)
    }

    private static let brace = UInt8(ascii: "{"), closingBrace = UInt8(ascii: "}"), newline = UInt8(ascii: "\n")
    /// Tag kinds (the character after `{{`); 0 is a plain variable.
    private static let kinds: Set<UInt8> = Set("#^/><$!&{=".utf8)
    /// Kinds that may stand alone on a line (and then take the line with them).
    private static let standaloneKinds: Set<UInt8> = Set("#^/><$!".utf8)

    static func parse(_ text: String, name: String, file: String) throws -> Template {
        let tokens = removeStandaloneLines(try tokenize(Array(text.utf8), file: file))
        var index = 0
        let nodes = try build(tokens, &index, closing: nil, file: file)
        return Template(name: name, file: file, nodes: nodes)
    }

    private static func tokenize(_ bytes: [UInt8], file: String) throws -> [Token] {
        var tokens: [Token] = []
        var line = 1, lineStart = 0
        var textStart = 0
        var index = 0
        func flushText(upTo end: Int) {
            var start = textStart
            for position in textStart..<end where bytes[position] == newline {
                tokens.append(.text(String(decoding: bytes[start...position], as: UTF8.self)))
                start = position + 1
            }
            if start < end { tokens.append(.text(String(decoding: bytes[start..<end], as: UTF8.self))) }
        }
        while index < bytes.count {
            guard bytes[index] == brace, index + 1 < bytes.count, bytes[index + 1] == brace else {
                if bytes[index] == newline { line += 1; lineStart = index + 1 }
                index += 1
                continue
            }
            flushText(upTo: index)
            let (tagLine, column) = (line, index - lineStart + 1)
            let triple = index + 2 < bytes.count && bytes[index + 2] == brace
            let contentStart = index + (triple ? 3 : 2)
            let closing: [UInt8] = triple ? [closingBrace, closingBrace, closingBrace] : [closingBrace, closingBrace]
            guard let end = find(closing, in: bytes, from: contentStart) else {
                throw SiteError.template(file: file, line: tagLine, column: column, problem: "a tag opened here is never closed with '\(String(decoding: closing, as: UTF8.self))'")
            }
            for position in contentStart..<end where bytes[position] == newline { line += 1; lineStart = position + 1 }
            var content = Substring(String(decoding: bytes[contentStart..<end], as: UTF8.self)).trimmingSpaces()
            var kind: UInt8 = triple ? brace : 0
            if !triple, let first = content.utf8.first, kinds.contains(first) {
                kind = first
                content = content.dropFirst().trimmingSpaces()
            }
            if kind == UInt8(ascii: "=") {
                throw SiteError.template(file: file, line: tagLine, column: column, problem: "changing the delimiters is not supported")
            }
            if kind != UInt8(ascii: "!") && content.isEmpty {
                throw SiteError.template(file: file, line: tagLine, column: column, problem: "a tag without a name")
            }
            tokens.append(.tag(kind: kind, name: String(content), line: tagLine, column: column, indentation: ""))
            index = end + closing.count
            textStart = index
        }
        flushText(upTo: bytes.count)
        return tokens
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0] && bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// A line holding only white space and one section, comment, partial, parent or block tag is
    /// left out of the output, white space and line break included. A standalone partial keeps
    /// the white space before it as the indentation of every line it renders.
    private static func removeStandaloneLines(_ tokens: [Token]) -> [Token] {
        var result: [Token] = []
        var line: [Token] = []
        func flush() {
            defer { line.removeAll(keepingCapacity: true) }
            var tags = 0, standaloneTag = false, onlySpace = true
            for token in line {
                switch token {
                case .tag(let kind, _, _, _, _):
                    tags += 1
                    standaloneTag = standaloneKinds.contains(kind)
                case .text(let text):
                    if !text.utf8.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }) { onlySpace = false }
                }
            }
            guard tags == 1, standaloneTag, onlySpace else { result += line; return }
            var indentation = ""
            for token in line {
                switch token {
                case .text(let text) where indentation.isEmpty && !text.hasSuffix("\n"):
                    indentation = text
                case .tag(let kind, let name, let tagLine, let column, _):
                    result.append(.tag(kind: kind, name: name, line: tagLine, column: column,
                                       indentation: kind == UInt8(ascii: ">") ? indentation : ""))
                default:
                    break
                }
            }
        }
        for token in tokens {
            line.append(token)
            if case .text(let text) = token, text.hasSuffix("\n") { flush() }
        }
        flush()
        return result
    }

    /// Nodes up to the tag closing `closing` (or the end).
    private static func build(_ tokens: [Token], _ index: inout Int, closing: (name: String, line: Int)?, file: String) throws -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            switch token {
            case .text(let text):
                if case .text(let previous)? = nodes.last {
                    nodes[nodes.count - 1] = .text(previous + Array(text.utf8))
                } else {
                    nodes.append(.text(Array(text.utf8)))
                }
            case .tag(let kind, let name, let line, let column, let indentation):
                switch kind {
                case UInt8(ascii: "!"):
                    continue
                case UInt8(ascii: "/"):
                    guard let closing else {
                        throw SiteError.template(file: file, line: line, column: column, problem: "'{{/\(name)}}' closes nothing")
                    }
                    guard closing.name == name else {
                        throw SiteError.template(file: file, line: line, column: column,
                                                 problem: "'{{/\(name)}}' found where '{{/\(closing.name)}}' (opened on line \(closing.line)) was expected")
                    }
                    return nodes
                case UInt8(ascii: "#"), UInt8(ascii: "^"):
                    let children = try build(tokens, &index, closing: (name, line), file: file)
                    nodes.append(.section(TemplatePath(name), inverted: kind == UInt8(ascii: "^"), children))
                case UInt8(ascii: "$"):
                    nodes.append(.block(name: name, try build(tokens, &index, closing: (name, line), file: file)))
                case UInt8(ascii: "<"):
                    var blocks: [String: [TemplateNode]] = [:]
                    for child in try build(tokens, &index, closing: (name, line), file: file) {
                        switch child {
                        case .block(let blockName, let content): blocks[blockName] = content
                        case .text(let text) where text.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }): continue
                        default:
                            throw SiteError.template(file: file, line: line, column: column,
                                                     problem: "inside '{{<\(name)}}' only blocks ({{$name}}…{{/name}}) may appear")
                        }
                    }
                    nodes.append(.parent(name: name, blocks: blocks, line: line))
                case UInt8(ascii: ">"):
                    nodes.append(.partial(name: name, indentation: Array(indentation.utf8), line: line))
                case UInt8(ascii: "&"), brace:
                    nodes.append(.variable(TemplatePath(name), escaped: false))
                default:
                    nodes.append(.variable(TemplatePath(name), escaped: true))
                }
            }
        }
        if let closing {
            throw SiteError.template(file: file, line: closing.line, column: nil, problem: "'\(closing.name)' is opened here and never closed")
        }
        return nodes
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var text = self
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return text
    }
}
