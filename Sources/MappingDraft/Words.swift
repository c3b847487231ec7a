import Core
import Foundation

/// How headers and answers are compared while drafting: folded (lower case, accents and
/// punctuation dropped), split into words, stopwords left out, synonyms unified, and words
/// matched when equal, when one holds the other (`facebookpagina` / `facebook`), or when they
/// share a stem (`volgt` / `gevolgd` / `volgers`).
enum Words {
    /// Lower case, accents dropped, runs of white space as one space.
    static func fold(_ text: String) -> String {
        var result = ""
        var space = false
        for scalar in text.decomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if scalar.properties.isWhitespace {
                space = !result.isEmpty
                continue
            }
            if space { result.append(" ") }
            space = false
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// Letters and digits only: `Google+` → `googleplus`, `Anders, namelijk` → `andersnamelijk`.
    static func slug(_ text: String) -> String {
        let folded = fold(text).replacingOccurrences(of: "+", with: "plus")
        let kept = folded.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == " " }
        return String(String.UnicodeScalarView(kept)).split(separator: " ").joined(separator: "_")
    }

    /// The question a group of option columns shares: `Vraag? - Twitter`, `Vraag? - Facebook` →
    /// `Vraag?`; also `Vraag [Twitter]` and `Vraag: [Twitter]`.
    static func split(_ header: String) -> (question: String, item: String)? {
        let text = header.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("]"), let open = text.lastIndex(of: "[") {
            let question = text[..<open].trimmingCharacters(in: CharacterSet(charactersIn: " :"))
            let item = text[text.index(after: open)..<text.index(before: text.endIndex)]
            if !question.isEmpty && !item.isEmpty { return (question, String(item)) }
        }
        if let range = text.range(of: " - ") {
            let question = text[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            let item = text[range.upperBound...].trimmingCharacters(in: .whitespaces)
            if !question.isEmpty && !item.isEmpty { return (question, item) }
        }
        return nil
    }

    static func commonQuestion(_ headers: [String]) -> String? {
        let questions = headers.compactMap { split($0)?.question }
        guard questions.count == headers.count, let first = questions.first, questions.allSatisfy({ $0 == first }) else { return nil }
        return first
    }

    static func item(of header: String, question: String) -> String {
        split(header).map(\.item) ?? header
    }
}

/// Word sets compared under the rules' stopwords and synonyms.
struct WordMatcher {
    let stopwords: Set<String>
    let canonical: [String: String]

    init(rules: DraftRules) {
        stopwords = Set(rules.stopwords.map(Words.fold))
        var canonical: [String: String] = [:]
        for group in rules.synonyms {
            guard let head = group.first.map(Words.fold) else { continue }
            for word in group { canonical[Words.fold(word)] = head }
        }
        self.canonical = canonical
        grouped = Set(canonical.values)
    }

    /// The words that stand for a synonym group.
    let grouped: Set<String>

    func words(_ text: String) -> [String] {
        var result: [String] = []
        var word = ""
        func flush() {
            defer { word = "" }
            guard !word.isEmpty, !stopwords.contains(word) else { return }
            result.append(canonical[word] ?? word)
        }
        for scalar in Words.fold(text).unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "+" {
                word.unicodeScalars.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return result
    }

    /// Whether two words mean the same here. Words of a synonym group (`volgers`) match only
    /// their group: `volgt` is not `volgers`.
    func same(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        if grouped.contains(a) || grouped.contains(b) { return false }
        return Self.same(a, b)
    }

    static func same(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        if short.count >= 5 && long.contains(short) { return true }
        if short.count >= 4 && long.hasPrefix(short) { return true }
        // Stems: volgt / volgers / gevolgd share "volg"; participles lose their "ge".
        let x = a.hasPrefix("ge") && a.count > 5 ? String(a.dropFirst(2)) : a
        let y = b.hasPrefix("ge") && b.count > 5 ? String(b.dropFirst(2)) : b
        let common = zip(x, y).prefix { $0 == $1 }.count
        return common >= 4 && Double(common) >= 0.75 * Double(min(x.count, y.count))
    }

    /// Dice similarity of the two texts' word sets (0…1).
    func similarity(_ left: String, _ right: String) -> Double {
        similarity(words(left), words(right))
    }

    func similarity(_ left: [String], _ right: [String]) -> Double {
        let a = Array(Set(left)), b = Array(Set(right))
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var matched = 0
        var used = Set<Int>()
        for word in a {
            if let index = b.indices.first(where: { !used.contains($0) && same(word, b[$0]) }) {
                used.insert(index)
                matched += 1
            }
        }
        return 2 * Double(matched) / Double(a.count + b.count)
    }
}
