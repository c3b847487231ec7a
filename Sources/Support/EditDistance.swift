/// Levenshtein distance: what `Suggestions` (the one "did you mean" rule) and the gemeente
/// name resolver measure closeness with.
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
}
