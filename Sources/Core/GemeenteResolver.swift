/// Resolves gemeente names as respondents typed them to the gemeenten of one survey year.
///
/// Names are compared after `TextFolding.gemeenteName` (case, accents, punctuation, a leading
/// `Gemeente` and stray spaces ignored), against each gemeente's official name, its aliases and
/// its CBS code (`GM0363`). Only gemeenten that existed on 1 January of the survey year count:
/// a name of a gemeente from another year does not resolve (it is reported with what became of
/// that gemeente), because silently crediting a successor could credit the wrong gemeente. If
/// such a name is truly meant, an alias in `reference/aliases.csv` makes it resolve.
public struct GemeenteResolver: Sendable {
    public enum Resolution: Sendable, Hashable {
        case gemeente(Gemeente)
        /// The name was empty (or only spaces and punctuation).
        case anonymous
        /// No gemeente of the year has this name. `suggestions`: the closest names of the year;
        /// `otherYears`: gemeenten of other years with exactly this name.
        case unknown(suggestions: [Gemeente], otherYears: [Gemeente])
        /// The name fits more than one gemeente of the year.
        case ambiguous([Gemeente])
    }

    public let year: Int
    private let reference: Reference
    private let byKey: [String: [Gemeente]]
    private let otherYears: [String: [Gemeente]]
    /// Folded names per gemeente of the year, for suggestions.
    private let candidates: [(gemeente: Gemeente, keys: [String])]

    public init(reference: Reference, year: Int) {
        self.year = year
        self.reference = reference
        var byKey: [String: [Gemeente]] = [:]
        var otherYears: [String: [Gemeente]] = [:]
        var candidates: [(Gemeente, [String])] = []
        for gemeente in reference.gemeenten {
            let keys = Self.keys(of: gemeente)
            if gemeente.existed(in: year) {
                for key in keys where !(byKey[key]?.contains(gemeente) ?? false) { byKey[key, default: []].append(gemeente) }
                candidates.append((gemeente, keys))
            } else {
                for key in keys { otherYears[key, default: []].append(gemeente) }
            }
        }
        self.byKey = byKey
        self.otherYears = otherYears
        self.candidates = candidates
    }

    private static func keys(of gemeente: Gemeente) -> [String] {
        var keys: [String] = []
        for name in [gemeente.name, gemeente.code] + gemeente.aliases {
            let key = TextFolding.gemeenteName(name)
            if !key.isEmpty && !keys.contains(key) { keys.append(key) }
        }
        return keys
    }

    /// Whether the name resolves to exactly one gemeente of the year, without looking for
    /// suggestions (cheap enough to ask of every cell of an export).
    public func names(_ name: String) -> Bool {
        byKey[TextFolding.gemeenteName(name)]?.count == 1
    }

    public func resolve(_ name: String) -> Resolution {
        let key = TextFolding.gemeenteName(name)
        if key.isEmpty { return .anonymous }
        if let matches = byKey[key] {
            return matches.count == 1 ? .gemeente(matches[0]) : .ambiguous(matches.sorted { $0.code < $1.code })
        }
        return .unknown(suggestions: closest(toKey: key, count: 3), otherYears: otherYears[key] ?? [])
    }

    /// What became of a gemeente of another year by the survey year (following mergers).
    public func successor(of gemeente: Gemeente) -> Gemeente? {
        guard gemeente.successor != nil, let later = reference.successor(of: gemeente.code, in: year),
              later.existed(in: year) else { return nil }
        return later
    }

    /// The gemeenten of the year whose name or alias is closest to `name` (edit distance on
    /// folded names), ties broken by official name and then code, so the list is stable. A name
    /// that is the first word(s) of a gemeente's name counts as closest of all: "Bergen" means
    /// Bergen (L.), Bergen (NH.) or Bergen op Zoom, even though "Buren" is fewer edits away.
    public func suggestions(for name: String, count: Int = 3) -> [Gemeente] {
        closest(toKey: TextFolding.gemeenteName(name), count: count)
    }

    private func closest(toKey key: String, count: Int) -> [Gemeente] {
        // Shorter than three letters, a prefix says too little to outrank the edit distance.
        let wordPrefix = key.unicodeScalars.count >= 3 ? key + " " : nil
        return candidates
            .map { candidate in
                (gemeente: candidate.gemeente,
                 distance: candidate.keys.map { candidateKey in
                     if let wordPrefix, candidateKey.hasPrefix(wordPrefix) { return 0 }
                     return TextFolding.editDistance(key, candidateKey)
                 }.min() ?? Int.max)
            }
            .sorted { ($0.distance, $0.gemeente.name, $0.gemeente.code) < ($1.distance, $1.gemeente.name, $1.gemeente.code) }
            .prefix(count)
            .map(\.gemeente)
    }
}
