import Support

extension ConfigNode {
    /// Decodes a `Decodable` type from this value, as strictly as the hand-written readers: a
    /// key the type does not read is an error at that key with the closest keys it does read, a
    /// missing key is an error at the mapping, a value of the wrong shape an error at the value,
    /// and a string enumeration (`CaseIterable`) names the closest of its values. Numbers and
    /// booleans are read as `int()`, `double()` and `bool()` read them; text stays text.
    ///
    /// Every key a type declares must be asked for by its `init(from:)` (the synthesised one
    /// asks for all, optional ones with `decodeIfPresent`): the keys asked for are the keys
    /// allowed.
    public func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        if let names = StringEnumeration.names(of: type) {
            let text = try self.text()
            if !names.contains(text) {
                throw error("unknown value \(Suggestions.quoted(text)); " + Suggestions.hint(for: text, among: names, kind: "value"))
            }
        }
        let decoder = NodeDecoder(self)
        let value: T
        do {
            value = try T(from: decoder)
        } catch let error as ConfigError {
            throw error
        } catch let error as DecodingError {
            throw self.error(Self.problem(error))
        }
        for keys in decoder.keyedContainers { try keys.checkAllAsked() }
        return value
    }

    /// What a `DecodingError` thrown by a type's own `init(from:)` says, without Swift's type names.
    private static func problem(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
            return context.debugDescription
        case .keyNotFound(let key, _):
            return "missing key \(Suggestions.quoted(key.stringValue))"
        @unknown default:
            return "\(error)"
        }
    }
}

/// Names the raw values of string enumerations, so a wrong value gets suggestions.
private enum StringEnumeration {
    static func names<T>(of type: T.Type) -> [String]? {
        guard let enumeration = type as? any (CaseIterable & RawRepresentable<String>).Type else { return nil }
        return rawValues(enumeration)
    }

    private static func rawValues<E: CaseIterable & RawRepresentable<String>>(_ type: E.Type) -> [String] {
        E.allCases.map(\.rawValue)
    }
}

/// The keys of one mapping and which of them the type asked for.
private final class KeyUse {
    let mapping: ConfigMapping
    private(set) var asked: [String] = []

    init(_ mapping: ConfigMapping) {
        self.mapping = mapping
    }

    func ask(_ key: String) {
        if !asked.contains(key) { asked.append(key) }
    }

    /// Every key of the file must have been asked for: any other is unknown to the type.
    func checkAllAsked() throws {
        try mapping.check(allowed: asked)
    }
}

private final class NodeDecoder: Decoder {
    let node: ConfigNode
    var keyedContainers: [KeyUse] = []
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ node: ConfigNode) {
        self.node = node
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        let keys = KeyUse(try node.mapping(allowed: nil))
        keyedContainers.append(keys)
        return KeyedDecodingContainer(KeyedNodeContainer<Key>(keys: keys, decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        UnkeyedNodeContainer(items: try node.list(), decoder: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleNodeContainer(node: node)
    }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let keys: KeyUse
    let decoder: NodeDecoder
    var codingPath: [any CodingKey] { [] }

    var allKeys: [Key] { keys.mapping.keys.compactMap(Key.init(stringValue:)) }

    func contains(_ key: Key) -> Bool {
        keys.ask(key.stringValue)
        return keys.mapping[key.stringValue] != nil
    }

    private func value(_ key: Key) throws -> ConfigNode {
        keys.ask(key.stringValue)
        guard let value = keys.mapping[key.stringValue] else {
            // A misspelt key is the likely reason a required one is missing: say that.
            let missing = key.stringValue
            if let typo = keys.mapping.entries.first(where: {
                Key(stringValue: $0.key) == nil && !Suggestions.close(to: $0.key, among: [missing]).isEmpty
            }) {
                throw keys.mapping.unknownKey(typo, allowed: keys.asked)
            }
            return try keys.mapping.required(missing)
        }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        keys.ask(key.stringValue)
        return keys.mapping[key.stringValue]?.isNull ?? true
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try value(key).decode(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        let child = NodeDecoder(try value(key))
        let container = try child.container(keyedBy: type)
        decoder.keyedContainers += child.keyedContainers
        return container
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try NodeDecoder(try value(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { decoder }

    func superDecoder(forKey key: Key) throws -> any Decoder { NodeDecoder(try value(key)) }
}

private struct UnkeyedNodeContainer: UnkeyedDecodingContainer {
    let items: [ConfigNode]
    let decoder: NodeDecoder
    var codingPath: [any CodingKey] { [] }
    var count: Int? { items.count }
    var currentIndex = 0
    var isAtEnd: Bool { currentIndex >= items.count }

    init(items: [ConfigNode], decoder: NodeDecoder) {
        self.items = items
        self.decoder = decoder
    }

    private mutating func next() throws -> ConfigNode {
        guard !isAtEnd else { throw decoder.node.error("the list ends too early") }
        defer { currentIndex += 1 }
        return items[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, items[currentIndex].isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try next().decode(type)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let child = NodeDecoder(try next())
        let container = try child.container(keyedBy: type)
        decoder.keyedContainers += child.keyedContainers
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try NodeDecoder(try next()).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { NodeDecoder(try next()) }
}

private struct SingleNodeContainer: SingleValueDecodingContainer {
    let node: ConfigNode
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { node.isNull }
    func decode(_ type: Bool.Type) throws -> Bool { try node.bool() }
    func decode(_ type: String.Type) throws -> String { try node.text() }
    func decode(_ type: Double.Type) throws -> Double { try node.double() }
    func decode(_ type: Float.Type) throws -> Float { Float(try node.double()) }
    func decode(_ type: Int.Type) throws -> Int { try node.int() }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer() }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer() }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer() }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer() }
    func decode(_ type: UInt.Type) throws -> UInt { try integer() }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer() }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer() }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer() }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer() }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try node.decode(type) }

    private func integer<T: FixedWidthInteger>() throws -> T {
        let minimum = Int(clamping: T.min), maximum = Int(clamping: T.max)
        return T(try node.int(atLeast: minimum, atMost: maximum))
    }
}
