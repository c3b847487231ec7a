/// The facts every stage needs about gemeenten: which existed when, what they merged into,
/// how many inhabitants they had on 1 January of each year, and the size classes.
/// Loaded from `Surveys/reference/` by `ReferenceLoader`.
public struct Reference: Sendable {
    /// All gemeenten of all years, sorted by code.
    public let gemeenten: [Gemeente]
    /// Inhabitants on 1 January: code → year → count.
    public let inhabitants: [String: [Int: Int]]
    /// Size classes in ascending order of inhabitants.
    public let sizeClasses: [SizeClass]
    /// Where each inhabitants figure comes from and whether it is an estimate: code → year →
    /// source. Empty when the reference was built in code without sources.
    public let inhabitantsSources: [String: [Int: InhabitantsSource]]

    private let byCode: [String: Gemeente]

    public init(gemeenten: [Gemeente], inhabitants: [String: [Int: Int]], sizeClasses: [SizeClass],
                inhabitantsSources: [String: [Int: InhabitantsSource]] = [:]) {
        self.gemeenten = gemeenten.sorted { $0.code < $1.code }
        self.inhabitants = inhabitants
        self.inhabitantsSources = inhabitantsSources
        self.sizeClasses = sizeClasses.sorted { $0.minimum < $1.minimum }
        var byCode: [String: Gemeente] = [:]
        for gemeente in gemeenten { byCode[gemeente.code] = gemeente }
        self.byCode = byCode
    }

    public func gemeente(code: String) -> Gemeente? { byCode[code] }

    /// The gemeenten that existed on 1 January of `year`, sorted by code.
    public func gemeenten(in year: Int) -> [Gemeente] {
        gemeenten.filter { $0.existed(in: year) }
    }

    /// Inhabitants of `code` on 1 January of `year`, or `nil` when the reference has no figure.
    public func inhabitants(of code: String, in year: Int) -> Int? {
        inhabitants[code]?[year]
    }

    /// Whether the inhabitants figure of `code` in `year` is an estimate rather than a published count.
    public func inhabitantsIsEstimate(of code: String, in year: Int) -> Bool {
        inhabitantsSources[code]?[year]?.estimate ?? false
    }

    /// The size class for a number of inhabitants.
    public func sizeClass(forInhabitants count: Int) -> SizeClass? {
        sizeClasses.first { $0.contains(count) }
    }

    /// The size class of `code` in `year`, or `nil` when its inhabitants are unknown.
    public func sizeClass(of code: String, in year: Int) -> SizeClass? {
        inhabitants(of: code, in: year).flatMap(sizeClass(forInhabitants:))
    }

    /// The gemeenten that had merged into `code` (directly or through a chain), sorted by code.
    /// With `year`, only those merged by 1 January of `year` (their last year lies before it):
    /// Boskoop merged into Alphen aan den Rijn in 2014, so it is not a predecessor as of 2013.
    /// Year-over-year comparison uses this to compare a merged gemeente with its predecessors.
    public func predecessors(of code: String, mergedBy year: Int? = nil) -> [Gemeente] {
        var result: [Gemeente] = []
        var frontier = [code]
        while let current = frontier.popLast() {
            for gemeente in gemeenten where gemeente.successor == current && gemeente.code != current {
                if let year, !(gemeente.lastYear.map { $0 < year } ?? false) { continue }
                result.append(gemeente)
                frontier.append(gemeente.code)
            }
        }
        return result.sorted { $0.code < $1.code }
    }

    /// Where `code` ended up by `year`, following successors (itself when it still existed).
    public func successor(of code: String, in year: Int) -> Gemeente? {
        var current = byCode[code]
        var guardCount = 0
        while let gemeente = current, !gemeente.existed(in: year), let next = gemeente.successor, guardCount < 32 {
            current = byCode[next]
            guardCount += 1
        }
        return current
    }
}

extension Reference: Equatable {
    /// Equal when they hold the same facts (the lookup table follows from them).
    public static func == (left: Reference, right: Reference) -> Bool {
        left.gemeenten == right.gemeenten && left.inhabitants == right.inhabitants
            && left.sizeClasses == right.sizeClasses && left.inhabitantsSources == right.inhabitantsSources
    }
}

/// The provenance of one inhabitants figure (`inhabitants.csv`: `source`, `estimate`).
public struct InhabitantsSource: Sendable, Hashable, Codable {
    /// Key into `reference/SOURCES.md`.
    public var source: String
    /// `true` when the figure is not a published count.
    public var estimate: Bool

    public init(source: String, estimate: Bool) {
        self.source = source
        self.estimate = estimate
    }
}
