import Support

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

    /// Renders the template `name` with `data`, appending its UTF-8 to `output` (a buffer the
    /// caller may reuse from page to page).
    func render(_ name: String, _ data: TemplateData, into output: inout [UInt8]) throws {
        guard let template = templates[name] else {
            throw SiteError.template(file: "\(name).mustache", line: nil, column: nil, problem: "no such template")
        }
        var renderer = Renderer(library: templates, root: .object(data))
        swap(&renderer.output, &output)
        defer { swap(&renderer.output, &output) }
        renderer.render(template.nodes)
    }

    /// Renders the template `name` with `data` as text.
    func render(_ name: String, _ data: TemplateData) throws -> String {
        var output: [UInt8] = []
        try render(name, data, into: &output)
        return String(decoding: output, as: UTF8.self)
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

/// One rendering: the output so far (UTF-8), the context stack and the block overrides in force.
private struct Renderer {
    let library: [String: Template]
    var output: [UInt8] = []
    var stack: [TemplateValue]
    /// The blocks of each parent being rendered, outermost first: the outermost override of a
    /// block wins, so the most derived template decides it.
    var overrides: [[String: [TemplateNode]]] = []
    var depth = 0

    init(library: [String: Template], root: TemplateValue) {
        self.library = library
        stack = [root]
    }

    mutating func render(_ nodes: [TemplateNode]) {
        for node in nodes {
            switch node {
            case .text(let text):
                output.append(contentsOf: text)
            case .variable(let path, let escaped):
                guard let value = lookup(path) else { continue }
                switch value {
                case .string(let text): escaped ? HTMLText.appendEscaped(text, to: &output) : output.append(contentsOf: text.utf8)
                case .number(let number): output.append(contentsOf: String(number).utf8)
                case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
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
                let start = output.count
                render(template.nodes)
                if !indentation.isEmpty { indent(from: start, with: indentation) }
                depth -= 1
            case .parent(let name, let blocks, _):
                guard let template = library[name], depth < 64 else { continue }
                overrides.append(blocks)
                depth += 1
                render(template.nodes)
                depth -= 1
                overrides.removeLast()
            case .block(let name, let children):
                render(overrides.lazy.compactMap { $0[name] }.first ?? children)
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

    /// Puts `indentation` before every line written since `start` (a standalone partial). A line
    /// starts after a line feed, but not after a CR LF pair, as when walking the text by characters.
    mutating func indent(from start: Int, with indentation: [UInt8]) {
        guard start < output.count else { return }
        let written = Array(output[start...])
        output.removeSubrange(start...)
        var atLineStart = true
        var previous: UInt8 = 0
        for byte in written {
            if atLineStart { output.append(contentsOf: indentation) }
            output.append(byte)
            atLineStart = byte == 0x0A && previous != 0x0D
            previous = byte
        }
    }
}
