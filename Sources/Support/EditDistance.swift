/// Levenshtein distance and "did you mean" suggestions: the one implementation behind every
/// suggestion meetlat prints (export columns, gemeente names, scenario keys and inputs).
public enum EditDistance {
    /// Insertions, deletions and substitutions (1 each) that turn `left` into `right`, counted
    /// over Unicode scalars. Fold both sides first (case, accents) when those should not count.
    public static func between(_ left: String, _ right: String) -> Int {
        let a = Array(left.unicodeScalars)
        let b = Array(right.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The `count` candidates closest to `text` by distance after `fold` (applied to both), ties
    /// broken by the candidate itself, so suggestions are the same on every run.
    public static func closest(to text: String, among candidates: [String], count: Int = 3,
                               fold: (String) -> String = { $0.lowercased() }) -> [String] {
        let target = fold(text)
        return candidates
            .map { (candidate: $0, distance: between(target, fold($0))) }
            .sorted { ($0.distance, $0.candidate) < ($1.distance, $1.candidate) }
            .prefix(count)
            .map(\.candidate)
    }
}
