import Core
import Foundation
import Ingest
import PersonalData
import TableFiles

/// What one export column holds, as far as drafting cares.
struct ColumnProfile {
    let index: Int
    /// The header (CSV, XLSX) or SPSS variable name.
    let name: String
    let label: String?
    /// Answers (non-empty cells) with their counts.
    var answers: [String: Int] = [:]
    var filled = 0
    var numbers = 0
    /// Answers meaning "not answered" (`onbekend`, `n.v.t.`, `-`).
    var missing = 0
    var timestamps = 0
    var personal = 0
    var gemeenten = 0
    var totalLength = 0
    var long = 0

    /// How the mapping refers to the column: the header, or for SPSS the label when unique.
    var reference: String
    /// The text that says what the column asks: the SPSS label when there is one.
    var text: String { label ?? name }

    init(index: Int, column: TableColumn) {
        self.index = index
        name = column.name
        label = column.label
        reference = column.name
    }

    var distinct: Int { answers.count }
    var averageLength: Double { filled == 0 ? 0 : Double(totalLength) / Double(filled) }
    func share(_ count: Int) -> Double { filled == 0 ? 0 : Double(count) / Double(filled) }
    var isNumeric: Bool { numbers > 0 && Double(numbers) >= 0.9 * Double(filled - missing) }
    var isTimestamp: Bool { filled > 0 && share(timestamps) >= 0.9 }
    var isFreeText: Bool { filled > 0 && !isNumeric && (averageLength >= 30 || share(long) >= 0.2) && Double(distinct) >= 0.5 * Double(filled) }

    /// `Twitter;Facebook;` and `LinkedIn, Twitter`: the separator and the parts with their counts,
    /// when most answers are joined labels (parts recur far more than whole answers do).
    func joined() -> (separator: String, parts: [String: Int])? {
        for separator in [";", ","] {
            let withSeparator = answers.filter { $0.key.contains(separator) }.values.reduce(0, +)
            guard Double(withSeparator) >= 0.2 * Double(filled) else { continue }
            var parts: [String: Int] = [:]
            for (answer, count) in answers {
                for part in Self.parts(answer, separator: separator) { parts[part, default: 0] += count }
            }
            if parts.count >= 2 && parts.count * 2 <= max(distinct, 4) + 2 && parts.count <= 40 {
                return (separator == ";" ? ";" : ", ", parts)
            }
        }
        return nil
    }

    /// Parts of a joined answer; a part with an unclosed bracket is joined to the next one
    /// ("College (burgemeester, wethouders)").
    static func parts(_ answer: String, separator: String) -> [String] {
        var result: [String] = []
        var pending = ""
        for piece in answer.components(separatedBy: separator) {
            pending = pending.isEmpty ? piece : pending + separator + piece
            let open = pending.filter { $0 == "(" }.count, close = pending.filter { $0 == ")" }.count
            if open > close { continue }
            let trimmed = pending.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { result.append(trimmed) }
            pending = ""
        }
        let rest = pending.trimmingCharacters(in: .whitespaces)
        if !rest.isEmpty { result.append(rest) }
        return result
    }

    /// Profiles of every column of a table.
    static func profiles(of table: (header: TableHeader, rows: [TableRow]), skipRows: Int, resolver: GemeenteResolver) -> [ColumnProfile] {
        var profiles = table.header.columns.enumerated().map { ColumnProfile(index: $0.offset, column: $0.element) }
        let labelCounts = Dictionary(table.header.columns.compactMap(\.label).map { ($0, 1) }, uniquingKeysWith: +)
        for index in profiles.indices {
            if let label = profiles[index].label, labelCounts[label] == 1 { profiles[index].reference = label }
        }
        let firstAnswerRow = (table.header.row ?? 0) + skipRows
        let detector = PersonalDataDetector()
        var resolved: [String: Bool] = [:]
        for row in table.rows where row.row > firstAnswerRow {
            for index in profiles.indices where index < row.cells.count {
                let cell = row.cells[index].trimmingCharacters(in: .whitespaces)
                guard !cell.isEmpty else { continue }
                profiles[index].filled += 1
                if profiles[index].answers.count < 2000 || profiles[index].answers[cell] != nil {
                    profiles[index].answers[cell, default: 0] += 1
                }
                profiles[index].totalLength += cell.count
                if cell.count > 60 { profiles[index].long += 1 }
                switch DutchNumber.read(cell) {
                case .value: profiles[index].numbers += 1
                case .missing: profiles[index].missing += 1
                case .invalid: break
                }
                if row.type(at: index) == .timestamp || TimestampGuess.looksLikeTimestamp(cell) { profiles[index].timestamps += 1 }
                if cell.count < 60, !detector.matches(in: cell).isEmpty || Self.looksLikeIPAddress(cell) { profiles[index].personal += 1 }
                if cell.count < 60 {
                    if resolved[cell] == nil, resolved.count < 5000 {
                        resolved[cell] = resolver.names(cell)
                    }
                    if resolved[cell] == true { profiles[index].gemeenten += 1 }
                }
            }
        }
        return profiles
    }

    static func looksLikeIPAddress(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in part.count <= 3 && !part.isEmpty && part.allSatisfy(\.isNumber) && Int(part)! <= 255 }
    }
}

/// Guesses the pattern of text timestamps (`14-5-2012 9:31`, `2013-05-13 11:08:23`) in the
/// letters of `TimestampPattern`: a part written without a leading zero anywhere gets one letter.
enum TimestampGuess {
    static func looksLikeTimestamp(_ text: String) -> Bool {
        numbers(text).map { $0.count >= 5 && ($0[0].count == 4 || $0[2].count == 4) } ?? false
    }

    /// The digit runs and the separators between them, when the text is only that.
    static func numbers(_ text: String) -> [String]? {
        var runs: [String] = []
        var current = ""
        for character in text {
            if character.isASCII && character.isNumber {
                current.append(character)
            } else if "-/: T.".contains(character) {
                if current.isEmpty { return nil }
                runs.append(current)
                current = ""
            } else {
                return nil
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs.count >= 3 ? runs : nil
    }

    static func pattern(for samples: [String]) -> String? {
        guard let first = samples.first, let firstRuns = numbers(first) else { return nil }
        var separators: [Character] = []
        for character in first where !(character.isASCII && character.isNumber) { separators.append(character) }
        let yearFirst = firstRuns[0].count == 4
        let letters = yearFirst ? ["yyyy", "M", "d", "H", "m", "s"] : ["d", "M", "yyyy", "H", "m", "s"]
        var short = Array(repeating: false, count: 6)
        for sample in samples {
            guard let runs = numbers(sample), runs.count == firstRuns.count else { return nil }
            for (index, run) in runs.enumerated() where index < 6 && run.count == 1 { short[index] = true }
        }
        var pattern = ""
        for index in 0..<min(firstRuns.count, 6) {
            let letter = letters[index]
            switch letter {
            case "yyyy": pattern += "yyyy"
            case "m": pattern += "mm"
            case "s": pattern += "ss"
            default: pattern += short[index] ? letter : letter + letter
            }
            if index < separators.count && index < firstRuns.count - 1 {
                pattern += separators[index] == "T" ? "'T'" : String(separators[index])
            }
        }
        return pattern
    }
}
