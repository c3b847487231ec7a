/// The one "did you mean" rule of meetlat, used for every misspelt name it reports: keys of a
/// configuration file, scenario inputs and kinds, export columns.
public enum Suggestions {
    /// At most this many names are suggested.
    public static let maximumCount = 3
    /// At most this many names are listed when none is close.
    public static let maximumListed = 12

    /// The names in `known` close to `name`, closest first (ties by name): within an edit
    /// distance of a third of the name's length (at least 2), or starting with the name when
    /// it has 3 characters or more. Both sides are compared after `fold` (lower case by
    /// default). At most `maximumCount`.
    public static func close(to name: String, among known: [String],
                             fold: (String) -> String = { $0.lowercased() }) -> [String] {
        let target = fold(name)
        let limit = max(2, target.count / 3)
        var seen: Set<String> = []
        let scored = known.compactMap { candidate -> (distance: Int, name: String)? in
            guard seen.insert(candidate).inserted else { return nil }
            let folded = fold(candidate)
            let distance = EditDistance.between(target, folded)
            let prefix = target.count >= 3 && folded.hasPrefix(target)
            return distance <= limit || prefix ? (distance, candidate) : nil
        }
        return scored.sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }.prefix(maximumCount).map(\.name)
    }

    /// `did you mean `a` or `b`?` — or, when no name is close, `expected one of `a`, `b`, `c``
    /// (in the order given, the first `maximumListed`), or `no <kind>s are defined`.
    public static func hint(for name: String, among known: [String], kind: String,
                            fold: (String) -> String = { $0.lowercased() }) -> String {
        let close = close(to: name, among: known, fold: fold)
        if !close.isEmpty {
            return "did you mean " + close.map(quoted).joined(separator: " or ") + "?"
        }
        var unique: [String] = []
        for candidate in known where !unique.contains(candidate) { unique.append(candidate) }
        if unique.isEmpty { return "no \(kind)s are defined" }
        let shown = unique.prefix(maximumListed).map(quoted).joined(separator: ", ")
        return "expected one of " + shown + (unique.count > maximumListed ? ", … (\(unique.count) in all)" : "")
    }

    /// How a name is shown in a message: between backticks, with control characters visible.
    public static func quoted(_ name: String) -> String {
        "`" + VisibleText.escaped(name) + "`"
    }
}
