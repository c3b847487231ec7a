/// A page's data as the templates see it: text, whole numbers, true/false, lists and objects —
/// typed, so a missing value (`nil`) or a value of another kind cannot slip into a page.
typealias TemplateData = [String: TemplateValue]

indirect enum TemplateValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
                             ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case string(String)
    case number(Int)
    case bool(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])

    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .number(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements) { _, last in last })
    }

    /// Empty lists and `false` are false; everything else (also "" and 0, as in swift-mustache) is true.
    var isTruthy: Bool {
        switch self {
        case .bool(let flag): return flag
        case .list(let items): return !items.isEmpty
        case .string, .number, .object: return true
        }
    }
}


/// The compiled templates of a site source, by name (file name without `.mustache`).
struct TemplateLibrary: Sendable {
    private let templates: [String: Template]

    /// Checks that every partial and parent a template names exists.
    init(_ templates: [Template]) throws {
        var byName: [String: Template] = [:]
        for template in templates { byName[template.name] = template }
        self.templates = byName
        for template in templates.sorted(by: { $0.name < $1.name }) {
            try Self.checkReferences(template.nodes, in: template, known: byName)
        }
    }

    func contains(_ name: String) -> Bool { templates[name] != nil }

    /// Renders the template `name` with `data`.
    func render(_ name: String, _ data: TemplateData) throws -> String {
        guard let template = templates[name] else {
            throw SiteError.template(file: "\(name).mustache", line: nil, column: nil, problem: "no such template")
        }
        var renderer = Renderer(library: templates, root: .object(data))
        renderer.render(template.nodes)
        return renderer.output
    }

    private static func checkReferences(_ nodes: [TemplateNode], in template: Template, known: [String: Template]) throws {
        for node in nodes {
            switch node {
            case .partial(let name, _, let line), .parent(let name, _, let line):
                guard known[name] != nil else {
                    throw SiteError.template(file: template.file, line: line, column: nil,
                                             problem: "names the template '\(name)', which does not exist")
                }
                if case .parent(_, let blocks, _) = node {
                    for content in blocks.values { try checkReferences(content, in: template, known: known) }
                }
            case .section(_, _, let children), .block(_, let children):
                try checkReferences(children, in: template, known: known)
            case .text, .variable:
                continue
            }
        }
    }
}

/// One rendering: the output so far, the context stack and the block overrides in force.
private struct Renderer {
    let library: [String: Template]
    var output = ""
    var stack: [TemplateValue]
    var overrides: [[String: [TemplateNode]]] = [[:]]
    var depth = 0

    init(library: [String: Template], root: TemplateValue) {
        self.library = library
        stack = [root]
        output.reserveCapacity(16_384)
    }

    mutating func render(_ nodes: [TemplateNode]) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .variable(let path, let escaped):
                guard let value = lookup(path) else { continue }
                switch value {
                case .string(let text): escaped ? appendEscaped(text) : (output += text)
                case .number(let number): output += String(number)
                case .bool(let flag): output += flag ? "true" : "false"
                case .list, .object: continue
                }
            case .section(let path, let inverted, let children):
                let value = lookup(path)
                if inverted {
                    if !(value?.isTruthy ?? false) { render(children) }
                    continue
                }
                switch value {
                case nil, .bool(false)?: continue
                case .bool(true)?: render(children)
                case .list(let items)?:
                    for item in items {
                        stack.append(item)
                        render(children)
                        stack.removeLast()
                    }
                case let value?:
                    stack.append(value)
                    render(children)
                    stack.removeLast()
                }
            case .partial(let name, let indentation, _):
                guard let template = library[name], depth < 64 else { continue }
                depth += 1
                if indentation.isEmpty {
                    render(template.nodes)
                } else {
                    let start = output.endIndex
                    render(template.nodes)
                    indent(from: start, with: indentation)
                }
                depth -= 1
            case .parent(let name, let blocks, _):
                guard let template = library[name], depth < 64 else { continue }
                // The outer overrides win: the most derived template decides a block.
                overrides.append((overrides.last ?? [:]).merging(blocks) { outer, _ in outer })
                depth += 1
                render(template.nodes)
                depth -= 1
                overrides.removeLast()
            case .block(let name, let children):
                render(overrides.last?[name] ?? children)
            }
        }
    }

    /// The value at `path`: its first name looked up from the innermost context outwards, the
    /// rest inside what was found.
    func lookup(_ path: TemplatePath) -> TemplateValue? {
        guard let first = path.names.first else { return stack.last }
        for value in stack.reversed() {
            guard case .object(let object) = value, var found = object[first] else { continue }
            for name in path.names.dropFirst() {
                guard case .object(let inner) = found, let next = inner[name] else { return nil }
                found = next
            }
            return found
        }
        return nil
    }

    mutating func appendEscaped(_ text: String) {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            output += text
            return
        }
        var escaped = ""
        escaped.reserveCapacity(utf8.count + 16)
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let replacement: String?
            switch utf8[index] {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x22: replacement = "&quot;"
            case 0x27: replacement = "&#39;"
            default: replacement = nil
            }
            if let replacement {
                escaped += Substring(utf8[start..<index])
                escaped += replacement
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        escaped += Substring(utf8[start..<utf8.endIndex])
        output += escaped
    }

    /// Puts `indentation` before every line written since `start` (a standalone partial).
    mutating func indent(from start: String.Index, with indentation: String) {
        let written = output[start...]
        guard !written.isEmpty else { return }
        var indented = ""
        var atLineStart = true
        for character in written {
            if atLineStart { indented += indentation }
            indented.append(character)
            atLineStart = character == "\n"
        }
        output.replaceSubrange(start..., with: indented)
    }
}
