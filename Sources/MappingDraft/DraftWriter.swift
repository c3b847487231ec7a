import Core
import Foundation
import Support
import TableFiles

/// Writes a `DraftPlan` as a commented mapping.yaml that `Mapping.parse` reads: every decision
/// with the reason beside it, every open question as a `# TODO` line.
struct DraftWriter {
    let plan: DraftPlan
    let year: Int
    let model: String
    let modelGiven: Bool
    let modelFields: [String]
    let exportFile: String
    let format: TableFormat
    let summary: TableSummary
    let sheet: String?
    let skipRows: Int
    let knowledgeYears: [Int]

    /// A YAML double-quoted scalar (JSON's escapes are YAML's too).
    static func quoted(_ text: String) -> String { JSONValue.quoted(text) }

    /// A canonical value as YAML: plain when safe, quoted otherwise ("1", yes, no stay text).
    static func value(_ text: String) -> String {
        let plain = text.first?.isLetter == true && text.allSatisfy { $0.isLetter || $0.isNumber || "_.-".contains($0) } && !["yes", "no", "true", "false", "on", "off", "null", "y", "n"].contains(text.lowercased())
        return plain ? text : quoted(text)
    }

    func write() -> MappingDraft {
        let profiles = plan.profiles
        var gemeente: (ColumnProfile, Double)?
        var timestamp: (ColumnProfile, String, Bool)?
        var privates: [(ColumnProfile, String)] = [], remarks: [(ColumnProfile, String)] = [], ignored: [(ColumnProfile, String)] = []
        var fieldLines: [String] = []
        var optionGroups: [String: [(ColumnProfile, String, LabelChoice.Basis)]] = [:]
        var optionOrder: [String] = []
        var guessedGroups: [String: [(ColumnProfile, String, Double)]] = [:]
        var guessedOrder: [String] = []
        var toReview = Set<Int>(), decided = Set<Int>()
        var fed = Set<String>()

        for profile in profiles {
            let index = profile.index
            let column = Self.quoted(profile.reference)
            let score = plan.score(of: index).map { String(format: "%.2f", min($0, 1)) } ?? ""
            switch plan.role(of: index) {
            case .gemeente(let share)?:
                gemeente = (profile, share)
                decided.insert(index)
            case .timestamp(let pattern, let typed)?:
                timestamp = (profile, pattern, typed)
                decided.insert(index)
            case .privateColumn(let reason)?:
                privates.append((profile, reason))
                decided.insert(index)
            case .remark(let reason)?:
                remarks.append((profile, reason))
                decided.insert(index)
            case .ignore(let reason)?:
                ignored.append((profile, reason))
                decided.insert(index)
            case .number(let field)?:
                fieldLines.append("  \(field):                 # matched by its header (\(score))")
                fieldLines.append("    type: number")
                fieldLines.append("    column: \(column)")
                decided.insert(index)
                fed.insert(field)
            case .choice(let field, let labels)?:
                fieldLines.append("  \(field):                 # matched by its header and answers (\(score))")
                fieldLines.append("    type: choice")
                fieldLines.append("    column: \(column)")
                fieldLines.append("    labels:")
                if labelLines(labels, into: &fieldLines) { toReview.insert(index) }
                decided.insert(index)
                fed.insert(field)
            case .joined(let field, let separator, let labels)?:
                fieldLines.append("  \(field):                 # matched by its header and answers (\(score))")
                fieldLines.append("    type: multi")
                fieldLines.append("    column: \(column)")
                fieldLines.append("    separator: \(Self.quoted(separator))")
                fieldLines.append("    labels:")
                if labelLines(labels, into: &fieldLines) { toReview.insert(index) }
                decided.insert(index)
                fed.insert(field)
            case .option(let field, let value, let basis)?:
                if optionGroups[field] == nil { optionOrder.append(field) }
                optionGroups[field, default: []].append((profile, value, basis))
                decided.insert(index)
                fed.insert(field)
            case .optionGuess(let field, let value, let score)?:
                if guessedGroups[field] == nil {
                    guessedOrder.append(field)
                    fieldLines.append("<group \(field)>")
                }
                guessedGroups[field, default: []].append((profile, value, score))
                toReview.insert(index)
            case .todo(let kind, let guesses)?:
                let shown = Self.sample(profile)
                var line = "  # TODO column \(column) (\(kind)\(shown)): "
                if let best = guesses.first {
                    line += "\(best.field): { type: \(kind == "numbers" ? "number" : kind == "joined answers" ? "multi" : "choice"), column: \(column) }"
                    let others = guesses.dropFirst().map { "\($0.field) (\(String(format: "%.2f", $0.score)))" }
                    line += "  # best guess (\(String(format: "%.2f", best.score)))" + (others.isEmpty ? "" : "; also \(others.joined(separator: ", "))")
                } else {
                    line += "no earlier year, model field or statistics.yaml entry fits; map it here or list it under respondent.ignore"
                }
                fieldLines.append(line)
                toReview.insert(index)
            case nil:
                let shown = Self.sample(profile)
                fieldLines.append("  # TODO column \(column) (\(profile.isFreeText ? "free text" : "answers")\(shown)): map it here, or list it under respondent.ignore or respondent.remarks")
                toReview.insert(index)
            }
        }
        for field in optionOrder {
            let options = optionGroups[field]!
            fieldLines.append("  \(field):                 # one column per option, matched by the question")
            fieldLines.append("    type: multi")
            fieldLines.append("    columns:")
            for (profile, value, basis) in options {
                let note = basis == .new ? "   # new option, named after its label" : basis == .wording ? "   # by its wording" : ""
                fieldLines.append("      \(Self.value(value)): \(Self.quoted(profile.reference))\(note)")
            }
        }

        // A weakly matched group of option columns: one TODO line holding the whole field.
        for field in guessedOrder {
            let options = guessedGroups[field]!
            let columns = options.map { "\(Self.value($0.1)): \(Self.quoted($0.0.reference))" }.joined(separator: ", ")
            let line = "  # TODO columns \(Self.quoted(options[0].0.reference)) and \(options.count - 1) more (one column per option): "
                + "\(field): { type: multi, columns: { \(columns) } }  # best guess (\(String(format: "%.2f", options[0].2))): the options fit, the question is worded anew"
            if let position = fieldLines.firstIndex(of: "<group \(field)>") { fieldLines[position] = line }
        }

        var lines: [String] = []
        let knowledge = knowledgeYears.isEmpty ? "no earlier mapping" : "the mappings of \(knowledgeYears.map(String.init).joined(separator: ", "))"
        let mapped = decided.count
        let total = profiles.count
        lines.append("# Draft mapping for \(year), written by `meetlat init` from \(year)/\(exportFile), \(knowledge),")
        lines.append("# model \(model) and statistics.yaml. Format: docs/architecture.md, \"<year>/mapping.yaml\".")
        lines.append("# \(mapped) of \(total) columns mapped, \(toReview.count) to review: every line marked TODO needs a decision;")
        lines.append("# then run `meetlat ingest --year \(year) --strict`, which names whatever is still missing.")
        lines.append("")
        lines.append("year: \(year)")
        lines.append("model: \(Self.value(model))\(modelGiven ? "" : "              # the latest model in models/ (meetlat init --model chooses another)")")
        lines.append("export:")
        lines.append("  file: \(Self.quoted(exportFile))")
        switch format {
        case .csv:
            lines.append("  encoding: auto                 # detected: \(summary.csv?.encodingDescription ?? "")")
            lines.append("  delimiter: auto                # detected: \(summary.csv?.delimiterDescription ?? "")")
        case .xlsx:
            let sheetName = summary.details.first { $0.label == "sheet" }?.value ?? ""
            if let sheet { lines.append("  sheet: \(Self.quoted(sheet))") } else { lines.append("  # sheet: the first one, \(sheetName)") }
        case .sav:
            break
        }
        lines.append("  skip_rows: \(skipRows)\(skipRows > 0 ? "                   # detected: extra header rows below the header (a second header row, question texts)" : "")")
        lines.append("")
        lines.append("respondent:")
        if let (profile, share) = gemeente {
            lines.append("  gemeente: \(Self.quoted(profile.reference))   # \(Int((share * 100).rounded())) % of its answers are gemeenten of \(year)")
        } else {
            lines.append("  gemeente: \"TODO\"   # TODO no column holds gemeente names of \(year): name the column here")
        }
        if let (profile, pattern, typed) = timestamp {
            lines.append("  timestamp:")
            lines.append("    column: \(Self.quoted(profile.reference))")
            lines.append("    format: \(Self.quoted(pattern))\(typed ? "   # the file holds real dates; the format applies to text only" : "   # as the answers are written")")
        }
        func list(_ key: String, _ items: [(ColumnProfile, String)]) {
            guard !items.isEmpty else { return }
            lines.append("  \(key):")
            for (profile, reason) in items { lines.append("    - \(Self.quoted(profile.reference))   # \(reason)") }
        }
        list("private", privates)
        list("remarks", remarks)
        list("ignore", ignored)
        lines.append("")
        lines.append("fields:")
        lines += fieldLines
        let missing = modelFields.filter { !fed.contains($0) }
        var seen = Set<String>()
        let unmapped = missing.filter { seen.insert($0).inserted }
        if !unmapped.isEmpty {
            lines.append("")
            lines.append("# Fields of model \(model) that no column feeds (scored as unanswered): \(unmapped.joined(separator: ", ")).")
        }
        return MappingDraft(yaml: lines.joined(separator: "\n") + "\n", columns: total, mapped: mapped,
                            toReview: toReview.count, unmappedModelFields: unmapped)
    }

    /// Label lines; returns whether any needs review.
    private func labelLines(_ labels: [LabelChoice], into lines: inout [String]) -> Bool {
        var review = false
        for label in labels {
            guard let value = label.value else {
                lines.append("      # TODO \(Self.quoted(label.label)): ?   # \(label.count) row\(label.count == 1 ? "" : "s"); give it a value, or leave it out to reject those rows as unknown-label")
                review = true
                continue
            }
            let note: String
            switch label.basis {
            case .known: note = ""
            case .wording: note = "   # by its wording"
            case .new: note = "   # new option, named after its label"
            case .none: note = ""
            }
            lines.append("      \(Self.quoted(label.label)): \(Self.value(value))\(note)")
        }
        return review
    }

    private static func sample(_ profile: ColumnProfile) -> String {
        let answers = profile.answers.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3).map { quoted(String($0.key.prefix(30))) }
        return answers.isEmpty ? "; no answers" : "; \(profile.filled) answers, e.g. \(answers.joined(separator: ", "))"
    }

}
