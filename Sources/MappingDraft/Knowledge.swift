import Configuration
import Core
import Foundation
import Ingest
import Scoring
import Stats

/// The word lists of `Surveys/drafting.yaml` (see that file).
public struct DraftRules: Sendable, Decodable {
    public var bookkeeping: [String]
    public var personalDataWords: [String]
    public var remarkWords: [String]
    public var timestampWords: [String]
    public var stopwords: [String]
    public var synonyms: [[String]]
    public var answerSynonyms: [String: [String]]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case bookkeeping, stopwords, synonyms
        case personalDataWords = "personal_data_words", remarkWords = "remark_words"
        case timestampWords = "timestamp_words", answerSynonyms = "answer_synonyms"
    }

    /// Reads `drafting.yaml` through the one configuration reader: unknown keys are mistakes
    /// (a misspelt list would silently do nothing), reported in the project's one form.
    public static func load(from url: URL) throws -> DraftRules {
        let root = try ConfigFile.read(url, name: url.lastPathComponent,
                                       expected: "the drafting word lists (" + CodingKeys.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        return try root.decode(DraftRules.self)
    }
}

/// What is known about a canonical field from the other years' mappings, the scoring model and
/// statistics.yaml: its type, texts that described it (headers, labels, table titles), answer
/// labels and option names.
struct KnownField {
    enum FieldType: String { case number, choice, multi }

    var name: String
    var type: FieldType
    var texts: [String] = []
    /// Folded answer label → canonical value (choice; multi in one column).
    var labels: [String: String] = [:]
    /// Folded option text → canonical value (multi).
    var options: [String: String] = [:]
    /// Canonical values in a known order (choice).
    var values: [String] = []
    /// A mapping of another year used it (not only a model or statistics.yaml).
    var mapped = false
    /// The model scores it.
    var scored = false

    var family: String? {
        guard let dot = name.lastIndex(of: ".") else { return nil }
        return String(name[..<dot])
    }

    var member: String? {
        guard let dot = name.lastIndex(of: ".") else { return nil }
        return String(name[name.index(after: dot)...])
    }
}

/// Everything `meetlat init` knows before it looks at the export.
struct Knowledge {
    var fields: [String: KnownField] = [:]
    /// Folded option label → value for every multi field's options (channels above all).
    var optionVocabulary: [String: String] = [:]
    /// Headers earlier years put under private, remarks, ignore (folded).
    var privateHeaders: Set<String> = []
    var remarkHeaders: Set<String> = []
    var ignoredHeaders: Set<String> = []
    var gemeenteHeaders: Set<String> = []
    var timestampHeaders: Set<String> = []
    var modelFields: [String] = []

    mutating func field(_ name: String, _ type: KnownField.FieldType) -> KnownField {
        fields[name] ?? KnownField(name: name, type: type)
    }

    mutating func add(mapping: Mapping) {
        let respondent = mapping.respondent
        gemeenteHeaders.insert(Words.fold(respondent.gemeente))
        if let stamp = respondent.timestamp { timestampHeaders.insert(Words.fold(stamp.column)) }
        privateHeaders.formUnion(respondent.privateColumns.map(Words.fold))
        remarkHeaders.formUnion(respondent.remarks.map(Words.fold))
        ignoredHeaders.formUnion(respondent.ignore.map(Words.fold))
        for field in mapping.fields {
            switch field.kind {
            case .number(let column, _):
                var known = self.field(field.name, .number)
                known.texts.append(column)
                known.mapped = true
                fields[field.name] = known
            case .choice(let column, let labels, _):
                var known = self.field(field.name, .choice)
                known.texts.append(column)
                for label in labels {
                    known.labels[Words.fold(label.label)] = label.value
                    if !known.values.contains(label.value) { known.values.append(label.value) }
                }
                known.mapped = true
                fields[field.name] = known
            case .optionColumns(let options, _):
                var known = self.field(field.name, .multi)
                let question = Words.commonQuestion(options.map(\.column))
                if let question { known.texts.append(question) }
                for option in options {
                    let item = question.map { Words.item(of: option.column, question: $0) } ?? option.column
                    known.options[Words.fold(item)] = option.value
                    optionVocabulary[Words.fold(item)] = option.value
                }
                known.mapped = true
                fields[field.name] = known
            case .joinedLabels(let column, _, let labels, _, _):
                var known = self.field(field.name, .multi)
                known.texts.append(column)
                for label in labels {
                    known.options[Words.fold(label.label)] = label.value
                    optionVocabulary[Words.fold(label.label)] = label.value
                }
                known.mapped = true
                fields[field.name] = known
            }
        }
    }

    mutating func add(model: ScoringModel) {
        for dimension in model.dimensions {
            switch dimension.rule {
            case .presence(let rule):
                var known = field(rule.field, .multi)
                for option in rule.options {
                    known.options[Words.fold(option.label)] = option.value
                    optionVocabulary[Words.fold(option.label), default: option.value] = option.value
                }
                known.scored = true
                fields[rule.field] = known
            case .perInhabitant(let rule):
                for labelled in rule.fields { addLabelled(labelled.field, labelled.label, .number) }
            case .scaledRatings(let rule):
                for labelled in rule.fields { addLabelled(labelled.field, labelled.label, .number) }
            case .choicePoints(let rule):
                for labelled in rule.fields {
                    addLabelled(labelled.field, labelled.label, .choice)
                    for value in rule.values where !(fields[labelled.field]?.values.contains(value.value) ?? true) {
                        fields[labelled.field]?.values.append(value.value)
                    }
                }
            }
            modelFields += dimension.rule.fields
        }
    }

    private mutating func addLabelled(_ name: String, _ label: String, _ type: KnownField.FieldType, title: String? = nil) {
        var known = field(name, type)
        known.texts.append(label)
        if let title { known.texts.append(title + " " + label) }
        known.scored = true
        fields[name] = known
    }

    mutating func add(statistics: StatisticsDefinition) {
        for table in statistics.tables {
            switch table.kind {
            case .options:
                guard let name = table.field else { continue }
                var known = field(name, .multi)
                known.texts.append(table.title)
                for option in table.options ?? [] {
                    known.options[Words.fold(option.label), default: option.value] = option.value
                    optionVocabulary[Words.fold(option.label), default: option.value] = option.value
                }
                fields[name] = known
            case .choice, .choiceGrid:
                let named = table.field.map { [FieldLabel(field: $0, label: table.title)] } ?? (table.fields ?? [])
                for labelled in named {
                    var known = field(labelled.field, .choice)
                    known.texts.append(labelled.label)
                    if table.field == nil { known.texts.append(table.title + " " + labelled.label) }
                    for value in table.values ?? [] {
                        known.labels[Words.fold(value.label), default: value.value] = value.value
                        if !known.values.contains(value.value) { known.values.append(value.value) }
                    }
                    fields[labelled.field] = known
                }
            case .numbers, .shareOfInhabitants, .ratings:
                for labelled in table.fields ?? [] {
                    var known = field(labelled.field, .number)
                    known.texts.append(labelled.label)
                    known.texts.append(table.title + " " + labelled.label)
                    fields[labelled.field] = known
                }
            case .response:
                continue
            }
        }
    }
}
