import Foundation
import Support

/// The ways text is compared loosely. Each is deterministic and locale-independent.
public enum TextFolding {
    /// For answer labels and keywords: surrounding and repeated white space ignored, case
    /// ignored (`" Regelmatig  tot vaak"` matches `regelmatig tot vaak`). Accents are kept:
    /// labels are exported by a tool, not typed, so an accent difference is a real difference.
    public static func label(_ text: String) -> String {
        // Printable ASCII without capitals or spaces folds to itself (`onbekend`, `n.v.t.`).
        if text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && !($0 >= 0x41 && $0 <= 0x5A) }) { return text }
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

    /// Levenshtein distance over Unicode scalars, for "did you mean" suggestions
    /// (`Support.EditDistance`, shared with Scoring and ROI).
    public static func editDistance(_ left: String, _ right: String) -> Int {
        EditDistance.between(left, right)
    }
}
