/// A gemeente as the reference data knows it: one CBS code, valid for a span of years.
public struct Gemeente: Sendable, Hashable, Codable {
    /// CBS gemeentecode, e.g. `GM0363`.
    public var code: String
    /// Official name as CBS writes it, e.g. `'s-Hertogenbosch`.
    public var name: String
    /// Province name, e.g. `Noord-Brabant`.
    public var province: String
    /// First year (on 1 January) in which the gemeente existed.
    public var firstYear: Int
    /// Last year (on 1 January) in which it existed; `nil` while it still exists.
    public var lastYear: Int?
    /// CBS code of the gemeente it merged into (or was renamed to) after `lastYear`.
    public var successor: String?
    /// Common variants of the name (`Den Bosch`, `Gemeente Hoorn`, ...). Resolution also
    /// ignores case, accents, punctuation and stray spaces, so variants list only real alternatives.
    public var aliases: [String]

    public init(code: String, name: String, province: String, firstYear: Int, lastYear: Int? = nil,
                successor: String? = nil, aliases: [String] = []) {
        self.code = code
        self.name = name
        self.province = province
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.successor = successor
        self.aliases = aliases
    }

    /// Whether the gemeente existed on 1 January of `year`.
    public func existed(in year: Int) -> Bool {
        year >= firstYear && (lastYear.map { year <= $0 } ?? true)
    }
}

/// A size class by inhabitants, e.g. `10.000 – 49.999`. The classes live in
/// `Surveys/reference/size-classes.csv`, not in code.
public struct SizeClass: Sendable, Hashable, Codable {
    /// Stable identifier used in files and URLs, e.g. `10k-50k`.
    public var id: String
    /// Label as printed, e.g. `10.000 – 49.999`.
    public var label: String
    /// Smallest number of inhabitants in the class (inclusive).
    public var minimum: Int
    /// Largest number of inhabitants in the class (inclusive); `nil` for the open top class.
    public var maximum: Int?

    public init(id: String, label: String, minimum: Int, maximum: Int?) {
        self.id = id
        self.label = label
        self.minimum = minimum
        self.maximum = maximum
    }

    public func contains(_ inhabitants: Int) -> Bool {
        inhabitants >= minimum && (maximum.map { inhabitants <= $0 } ?? true)
    }
}
