import Core

/// Why one cell could not be used; the row it belongs to is rejected.
struct FieldProblem: Error {
    var reason: RejectReason
    /// `column "…" (field …): …` — the caller adds file and row.
    var message: String
}

/// Answer labels of a choice or multi field, matched exactly first and then ignoring case and
/// spaces (see `TextFolding.label`).
struct LabelSet {
    let allowed: [String]
    private let exact: [String: String]
    private let folded: [String: String]

    init(_ labels: [Mapping.Label], key: (String) -> String = TextFolding.label) {
        allowed = labels.map(\.label)
        var exact: [String: String] = [:]
        var folded: [String: String] = [:]
        for label in labels {
            exact[label.label] = label.value
            folded[key(label.label)] = label.value
        }
        self.exact = exact
        self.folded = folded
    }

    func value(exact text: String) -> String? { exact[text] }
    func value(folded key: String) -> String? { folded[key] }

    var allowedList: String { allowed.map { "\"\($0)\"" }.joined(separator: ", ") }
}

/// Reads one canonical field from a row, as its mapping says.
struct FieldReader {
    enum Plan {
        case number(index: Int, missing: Set<String>)
        case choice(index: Int, labels: LabelSet, missing: Set<String>)
        case optionColumns([(value: String, index: Int)], unselected: Set<String>)
        case joinedLabels(index: Int, separator: JoinedSeparator, labels: LabelSet, missing: Set<String>, other: String?)
    }

    let name: String
    let columnName: String
    let plan: Plan

    /// The one column a label field reads, whose answer alone decides the value (so it can be
    /// remembered per distinct text); `nil` for numbers and option columns.
    var labelColumn: Int? {
        switch plan {
        case .choice(let index, _, _), .joinedLabels(let index, _, _, _, _): return index
        case .number, .optionColumns: return nil
        }
    }

    private static let noAnswer = "empty, onbekend or n.v.t. for no answer"

    func read(_ fields: [String]) -> Result<FieldValue, FieldProblem> {
        switch plan {
        case .number(let index, let missing):
            let cell = fields[index]
            switch DutchNumber.read(cell, extraMissing: missing) {
            case .value(let value, let approximate): return .success(.number(value, approximate: approximate))
            case .missing: return .success(.missing)
            case .invalid:
                return .failure(problem(.invalidNumber, "\"\(cell)\" is not a number; expected \(DutchNumber.acceptedForms)"))
            }
        case .choice(let index, let labels, let missing):
            let cell = fields[index]
            if let value = labels.value(exact: cell) { return .success(.choice(value)) }
            let key = TextFolding.label(cell)
            if let value = labels.value(folded: key) { return .success(.choice(value)) }
            if DutchNumber.missingWords.contains(key) || missing.contains(key) { return .success(.missing) }
            return .failure(problem(.unknownLabel, "unknown label \"\(cell)\"; allowed labels: \(labels.allowedList) (\(Self.noAnswer))"))
        case .optionColumns(let options, let unselected):
            var chosen: Set<String> = []
            for option in options where !unselected.contains(TextFolding.label(fields[option.index])) {
                chosen.insert(option.value)
            }
            return .success(.selection(chosen))
        case .joinedLabels(let index, let separator, let labels, let missing, let other):
            let cell = fields[index]
            let key = TextFolding.label(cell)
            if key.isEmpty { return .success(.selection([])) }
            if labels.value(folded: separator.key(key)) == nil,
               DutchNumber.missingWords.contains(key) || missing.contains(key) {
                return .success(.missing)
            }
            var chosen: Set<String> = []
            var unknown: [String] = []
            let parts = separator.parts(of: cell)
            var start = 0
            // Labels may themselves hold the separator ("Directie, college"): try the longest
            // run of parts that forms a label first.
            while start < parts.count {
                var matched = false
                for length in stride(from: min(separator.maximumParts, parts.count - start), through: 1, by: -1) {
                    let candidate = parts[start..<(start + length)].joined(separator: separator.core)
                    if let value = labels.value(folded: separator.key(candidate)) {
                        chosen.insert(value)
                        start += length
                        matched = true
                        break
                    }
                }
                if !matched {
                    if !parts[start].isEmpty { unknown.append(parts[start]) }
                    start += 1
                }
            }
            if !unknown.isEmpty {
                guard let other else {
                    let shown = unknown.map { "\"\($0)\"" }.joined(separator: ", ")
                    return .failure(problem(.unknownLabel,
                        "unknown label\(unknown.count > 1 ? "s" : "") \(shown) in \"\(cell)\"; allowed labels: \(labels.allowedList), separated by \"\(separator.text)\" (\(Self.noAnswer))"))
                }
                chosen.insert(other)
            }
            return .success(.selection(chosen))
        }
    }

    private func problem(_ reason: RejectReason, _ text: String) -> FieldProblem {
        FieldProblem(reason: reason, message: "column \"\(columnName)\" (field \(name)): \(text)")
    }
}

/// The separator of a joined multi-select column. Parts are split on its visible core
/// (`", "` → `,`) and trimmed, so `Raadsleden,Communicatie` and `Raadsleden ,  Communicatie`
/// read like `Raadsleden, Communicatie`.
struct JoinedSeparator {
    let text: String
    let core: String
    /// The most parts any label splits into.
    let maximumParts: Int

    init(_ text: String, labels: [Mapping.Label]) {
        self.text = text
        let core = text.trimmingSpaces
        self.core = core
        maximumParts = labels.map { $0.label.components(separatedBy: core).count }.max() ?? 1
    }

    func parts(of cell: String) -> [String] {
        cell.components(separatedBy: core).map(\.trimmingSpaces)
    }

    /// A label's comparison key: folded, with spaces around the separator removed.
    func key(_ label: String) -> String {
        label.components(separatedBy: core).map { TextFolding.label($0) }.joined(separator: core)
    }
}
