// libyaml's event parser, the one Yams composes with. Yams does not expose events, and a
// document must be checked before it is composed: composing hashes every key, so one alias used
// as a key makes Yams walk the whole expansion of that alias (a 410-byte file took 56 s).
import CYaml
import Support

/// One pass over a YAML document's events, before anything is built from it. Refuses, with the
/// place: syntax errors, keys that are not plain text (an alias or a list as a key), a key
/// given twice in one mapping, an alias to no anchor, more than one document, nesting deeper
/// than `limits.depth`, and more than `limits.nodes` values once every alias is expanded (the
/// expansion is counted, never built: each anchor's size is added up when it closes).
struct YAMLScreen {
    let file: String
    let limits: ConfigLimits

    /// An open mapping or list.
    private struct Frame {
        let isMapping: Bool
        let anchor: String?
        /// Key path of the mapping or list, as `ConfigNode.path` gives it.
        let path: String
        /// The key path of the node being read inside: in a mapping the last key, in a list
        /// the item number.
        var child = ""
        var items = 0
        /// Values inside, aliases counted as their expansion (saturating at the limit).
        var nodes = 1
        /// In a mapping: whether the next node is a key.
        var expectingKey = true
        /// In a mapping: each key with the line it is on.
        var keys: [String: Int] = [:]
    }

    /// How deep the document is nested and how many values it holds with its aliases expanded.
    struct Size {
        var depth = 0
        var nodes = 0
    }

    @discardableResult
    func check(_ bytes: UnsafeBufferPointer<UInt8>) throws(ConfigError) -> Size {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else { throw fail(nil, "out of memory while reading the file") }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)

        var frames: [Frame] = []
        var anchors: [String: Int] = [:]
        var documents = 0
        var size = Size()
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) == 1 else { throw syntaxError(parser.pointee) }
            defer { yaml_event_delete(&event) }
            let mark = event.start_mark
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return size
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw fail(mark, "a second YAML document starts here; expected one document per file")
                }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let value = text(scalar.value, scalar.length)
                try enter(&frames, mark: mark, key: value)
                if let anchor = optionalText(scalar.anchor) { anchors[anchor] = 1 }
                try add(1, to: &frames, mark: mark, top: &size)
            case YAML_ALIAS_EVENT:
                let anchor = optionalText(event.data.alias.anchor) ?? ""
                if frames.last.map({ $0.isMapping && $0.expectingKey }) == true {
                    throw fail(mark, "the alias *\(VisibleText.escaped(anchor)) is used as a key; keys must be plain text",
                               key: frames.last?.path ?? "")
                }
                guard let expansion = anchors[anchor] else {
                    throw fail(mark, "the alias *\(VisibleText.escaped(anchor)) refers to no anchor (&\(VisibleText.escaped(anchor))) defined before it")
                }
                try enter(&frames, mark: mark, key: nil)
                try add(expansion, to: &frames, mark: mark, top: &size)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                if frames.last.map({ $0.isMapping && $0.expectingKey }) == true {
                    throw fail(mark, "a key must be plain text, found \(isMapping ? "a mapping" : "a list")", key: frames.last?.path ?? "")
                }
                try enter(&frames, mark: mark, key: nil)
                let path = frames.last?.child ?? ""
                guard frames.count < limits.depth else { throw tooDeep(mark, key: path) }
                let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                frames.append(Frame(isMapping: isMapping, anchor: optionalText(anchor), path: path))
                size.depth = max(size.depth, frames.count)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let closed = frames.removeLast()
                if let anchor = closed.anchor { anchors[anchor] = closed.nodes }
                try add(closed.nodes, to: &frames, mark: mark, top: &size)
            default:
                break
            }
        }
    }

    /// A node starts in the innermost frame: flips a mapping between key and value, and checks
    /// that a key is not there already.
    private func enter(_ frames: inout [Frame], mark: yaml_mark_t, key: String?) throws(ConfigError) {
        guard var frame = frames.popLast() else { return }
        defer { frames.append(frame) }
        guard frame.isMapping else {
            frame.items += 1
            frame.child = ConfigNode.path(frame.path, item: frame.items)
            return
        }
        if frame.expectingKey, let key {
            if let first = frame.keys[key] {
                throw fail(mark, "the key \(Suggestions.quoted(key)) is given twice (first on line \(first)); each key may appear once",
                           key: frame.path)
            }
            frame.keys[key] = mark.line + 1
            frame.child = ConfigNode.path(frame.path, key: key)
        }
        frame.expectingKey.toggle()
    }

    /// Counts `size` values (an alias: its expansion) into the innermost frame, or as the whole
    /// document's when no frame is open.
    private func add(_ size: Int, to frames: inout [Frame], mark: yaml_mark_t, top: inout Size) throws(ConfigError) {
        guard !frames.isEmpty else {
            if size > limits.nodes { throw tooManyNodes(mark, key: "") }
            top.nodes = size
            return
        }
        frames[frames.count - 1].nodes = min(frames[frames.count - 1].nodes + size, limits.nodes + 1)
        if frames[frames.count - 1].nodes > limits.nodes { throw tooManyNodes(mark, key: frames[frames.count - 1].child) }
    }

    private func tooDeep(_ mark: yaml_mark_t, key: String) -> ConfigError {
        fail(mark, "the values are nested more than \(limits.depth) levels deep; expected at most \(limits.depth)", key: key)
    }

    private func tooManyNodes(_ mark: yaml_mark_t, key: String) -> ConfigError {
        fail(mark, "with its aliases expanded the file holds more than \(limits.nodes) values; expected a configuration file of at most \(limits.nodes) (an alias repeats everything under its anchor)", key: key)
    }

    private func syntaxError(_ parser: yaml_parser_t) -> ConfigError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unreadable"
        // libyaml's scanner looks ahead through flow collections (`[[[[…`) and stops at its own
        // nesting limit (1,000) before the events reach the one above.
        if problem.hasPrefix("Maximum nesting level reached") { return tooDeep(parser.problem_mark, key: "") }
        var message = "not valid YAML: \(problem)"
        if let context = parser.context.map({ String(cString: $0) }) {
            message += " (\(context) on line \(parser.context_mark.line + 1), column \(parser.context_mark.column + 1))"
        }
        return fail(parser.problem_mark, VisibleText.escaped(message))
    }

    private func fail(_ mark: yaml_mark_t?, _ problem: String, key: String = "") -> ConfigError {
        ConfigError(location: SourceLocation(file: file, line: mark.map { Int($0.line) + 1 }, column: mark.map { Int($0.column) + 1 }),
                    key: key, problem: problem)
    }

    private func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?, _ length: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    private func optionalText(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
