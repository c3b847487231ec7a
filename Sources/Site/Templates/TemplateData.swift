/// A name in page data (`year`, `rankChart`). Its hash is computed once, when the key is made
/// (for the templates: when they are parsed), so finding a name while rendering compares two
/// integers instead of hashing a string at every level of the context stack; the names
/// themselves are compared only when the hashes are equal.
struct TemplateKey: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    let name: String
    let hash: UInt64

    init(_ name: String) {
        self.name = name
        hash = Self.fnv1a(name)
    }

    init(stringLiteral name: String) { self.init(name) }

    var description: String { name }

    static func == (a: TemplateKey, b: TemplateKey) -> Bool { a.hash == b.hash && a.name == b.name }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    /// 64-bit FNV-1a of the UTF-8 bytes: cheap for the short names of page data.
    private static func fnv1a(_ name: String) -> UInt64 {
        func fold<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            return hash
        }
        return name.utf8.withContiguousStorageIfAvailable(fold) ?? fold(name.utf8)
    }
}

/// A page's data as the templates see it: text, whole numbers, true/false, lists and objects —
/// typed, so a missing value (`nil`) or a value of another kind cannot slip into a page.
enum TemplateValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
                    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case string(String)
    case number(Int)
    case bool(Bool)
    case list([TemplateValue])
    case object(TemplateData)

    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .number(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    init(dictionaryLiteral elements: (TemplateKey, TemplateValue)...) { self = .object(TemplateData(elements)) }

    /// Empty lists and `false` are false; everything else (also "" and 0, as in swift-mustache) is true.
    var isTruthy: Bool {
        switch self {
        case .bool(let flag): return flag
        case .list(let items): return !items.isEmpty
        case .string, .number, .object: return true
        }
    }
}

/// An object of page data: names and their values. Kept as a short list rather than a hash
/// table: page data are built once per page and read a few times, mostly small objects
/// (a table row, a chart point), and a list of precomputed hashes is cheaper to build and to
/// search than a dictionary. A name appears at most once: setting it again replaces its value.
struct TemplateData: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    struct Entry: Sendable {
        let key: TemplateKey
        var value: TemplateValue
    }

    private(set) var entries: [Entry]

    init() { entries = [] }

    /// The pairs in order; a name given twice keeps its last value.
    init<Pairs: Collection<(TemplateKey, TemplateValue)>>(_ pairs: Pairs) {
        entries = []
        entries.reserveCapacity(pairs.count)
        for (key, value) in pairs { self[key] = value }
    }

    init(dictionaryLiteral elements: (TemplateKey, TemplateValue)...) { self.init(elements) }

    var isEmpty: Bool { entries.isEmpty }

    subscript(key: TemplateKey) -> TemplateValue? {
        get { index(of: key).map { entries[$0].value } }
        set {
            if let index = index(of: key) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append(Entry(key: key, value: newValue))
            }
        }
    }

    /// This object with `other`'s names added (other wins on a clash).
    func merging(_ other: TemplateData) -> TemplateData {
        var result = other
        result.entries.reserveCapacity(entries.count + other.entries.count)
        for entry in entries where other.index(of: entry.key) == nil { result.entries.append(entry) }
        return result
    }

    /// Equal when both hold the same names with equal values, in any order (as dictionaries are).
    static func == (a: TemplateData, b: TemplateData) -> Bool {
        a.entries.count == b.entries.count && a.entries.allSatisfy { entry in b[entry.key] == entry.value }
    }

    private func index(of key: TemplateKey) -> Int? {
        entries.firstIndex { $0.key.hash == key.hash && $0.key.name == key.name }
    }
}
