import Foundation

/// The ways text is compared loosely. Each is deterministic and locale-independent.
public enum TextFolding {
    /// For answer labels and keywords: surrounding and repeated white space ignored, case
    /// ignored (`" Regelmatig  tot vaak"` matches `regelmatig tot vaak`). Accents are kept:
    /// labels are exported by a tool, not typed, so an accent difference is a real difference.
    public static func label(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text.lowercased() {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }

    /// For gemeente names: compatibility-decomposed, lower case, accents dropped; apostrophes
    /// and dots dropped (`'s-Hertogenbosch` → `s hertogenbosch`, `Bergen (N.H.)` → `bergen nh`);
    /// every other character that is not a letter or digit becomes a space; spaces collapsed;
    /// a leading `gemeente` removed. `Súdwest-Fryslân`, `Sudwest Fryslan` and
    /// ` GEMEENTE  Súdwest fryslân ` all become `sudwest fryslan`.
    public static func gemeenteName(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.decomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark { continue }
            if droppedInNames.contains(scalar) { continue }
            if properties.isAlphabetic || properties.numericType != nil {
                if pendingSpace { result.unicodeScalars.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingSpace = !result.isEmpty
            }
        }
        for prefix in ["gemeente "] where result.hasPrefix(prefix) && result.count > prefix.count {
            result.removeFirst(prefix.count)
        }
        return result
    }

    private static let droppedInNames: Set<Unicode.Scalar> = ["'", "\u{2018}", "\u{2019}", "`", "\u{00B4}", "."]

    /// Levenshtein distance over Unicode scalars, for "did you mean" suggestions.
    public static func editDistance(_ left: String, _ right: String) -> Int {
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

    /// The `count` candidates closest to `text` by edit distance after `fold`, ties by the
    /// candidate itself, so suggestions are the same on every run.
    public static func closest(to text: String, among candidates: [String], count: Int = 3,
                               fold: (String) -> String = { $0.lowercased() }) -> [String] {
        let target = fold(text)
        return candidates
            .map { (candidate: $0, distance: editDistance(target, fold($0))) }
            .sorted { ($0.distance, $0.candidate) < ($1.distance, $1.candidate) }
            .prefix(count)
            .map(\.candidate)
    }
}
