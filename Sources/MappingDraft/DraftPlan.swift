import Core
import Foundation
import Ingest

/// An answer label and the value chosen for it, with how sure that is.
struct LabelChoice {
    var label: String
    var value: String?
    var count: Int
    /// `known`: an earlier year, the model or statistics.yaml wrote exactly this label;
    /// `wording`: chosen by the rules' answer synonyms or the label's first word; `new`: a new
    /// option of a multi-select, named after its label.
    enum Basis { case known, wording, new, none }
    var basis: Basis
}

/// What the draft does with one column.
enum ColumnRole {
    case gemeente(share: Double)
    case timestamp(pattern: String, typed: Bool)
    case privateColumn(reason: String)
    case remark(reason: String)
    case ignore(reason: String)
    case number(field: String)
    case choice(field: String, labels: [LabelChoice])
    case joined(field: String, separator: String, labels: [LabelChoice])
    case option(field: String, value: String, basis: LabelChoice.Basis)
    /// One option of a multi-select whose question matched too weakly to be sure.
    case optionGuess(field: String, value: String, score: Double)
    /// Not decided: the best guesses, best first.
    case todo(kind: String, guesses: [(field: String, score: Double)])
}

/// Decides a role for every column (see `MappingDrafter`).
struct DraftPlan {
    let profiles: [ColumnProfile]
    let knowledge: Knowledge
    let rules: DraftRules
    let matcher: WordMatcher
    /// Folded answer synonyms per canonical value.
    private let answerSynonyms: [(value: String, answers: Set<String>)]
    /// Each known field's texts as words, made once.
    private let fieldWords: [String: [[String]]]
    private(set) var roles: [Int: ColumnRole] = [:]
    /// Score of the decision, for the comments.
    private(set) var scores: [Int: Double] = [:]

    static let sure = 0.5
    static let guess = 0.25

    init(profiles: [ColumnProfile], knowledge: Knowledge, rules: DraftRules) {
        self.profiles = profiles
        self.knowledge = knowledge
        self.rules = rules
        let matcher = WordMatcher(rules: rules)
        self.matcher = matcher
        answerSynonyms = rules.answerSynonyms.sorted { $0.key < $1.key }.map { ($0.key, Set($0.value.map(Words.fold))) }
        fieldWords = knowledge.fields.mapValues { $0.texts.map { matcher.words($0) } }
    }

    /// How well a column's text matches a field's best text.
    private func similarity(_ words: [String], _ field: KnownField) -> Double {
        (fieldWords[field.name] ?? []).map { matcher.similarity(words, $0) }.max() ?? 0
    }

    private func has(_ words: [String], in text: String) -> Bool {
        let wanted = Set(words.map(Words.fold))
        let folded = Words.fold(text)
        if wanted.contains(folded) { return true }
        let pieces = folded.split { !($0.isLetter || $0.isNumber || $0 == "-") }.map(String.init)
        let joined = folded.filter { $0.isLetter || $0.isNumber }
        return pieces.contains { wanted.contains($0) } || wanted.contains(joined)
    }

    mutating func decide() {
        let bookkeeping = Set(rules.bookkeeping.map(Words.fold))
        for profile in profiles where bookkeeping.contains(Words.fold(profile.name)) {
            roles[profile.index] = .ignore(reason: "survey-tool bookkeeping")
        }
        // The gemeente: the column whose answers are most often gemeenten of the year.
        if let best = profiles.filter({ roles[$0.index] == nil && $0.share($0.gemeenten) >= 0.5 })
            .max(by: { $0.share($0.gemeenten) < $1.share($1.gemeenten) }) {
            roles[best.index] = .gemeente(share: best.share(best.gemeenten))
        }
        // The timestamp: a date column named like one, else the only one; other dates ignored.
        let dates = profiles.filter { roles[$0.index] == nil && $0.isTimestamp }
        let stamp = dates.first { has(rules.timestampWords, in: $0.text) || knowledge.timestampHeaders.contains(Words.fold($0.reference)) }
            ?? (dates.count == 1 ? dates[0] : nil)
        for date in dates {
            if date.index == stamp?.index {
                let samples = Array(date.answers.keys.sorted().prefix(500))
                let typed = samples.allSatisfy { $0.count == 19 && $0.contains("T") }
                roles[date.index] = .timestamp(pattern: typed ? "yyyy-MM-dd'T'HH:mm:ss" : (TimestampGuess.pattern(for: samples) ?? "d-M-yyyy H:mm"), typed: typed)
            } else {
                roles[date.index] = .ignore(reason: "a date that is not the submission time")
            }
        }
        for profile in profiles where roles[profile.index] == nil {
            let folded = Words.fold(profile.reference)
            if knowledge.privateHeaders.contains(folded) {
                roles[profile.index] = .privateColumn(reason: "private in an earlier year")
            } else if has(rules.personalDataWords, in: profile.text) || has(rules.personalDataWords, in: profile.name) {
                roles[profile.index] = .privateColumn(reason: "its header names personal data")
            } else if profile.share(profile.personal) >= 0.3 {
                roles[profile.index] = .privateColumn(reason: "\(Int((profile.share(profile.personal) * 100).rounded())) % of its answers are e-mail addresses, phone numbers or IP addresses")
            } else if knowledge.remarkHeaders.contains(folded) || has(rules.remarkWords, in: profile.text) {
                roles[profile.index] = .remark(reason: "its header asks for remarks")
            } else if knowledge.ignoredHeaders.contains(folded) {
                roles[profile.index] = .ignore(reason: "ignored in an earlier year")
            }
        }
        decideGroups()
        decideFields()
        for profile in profiles where roles[profile.index] == nil && profile.isFreeText {
            roles[profile.index] = .remark(reason: "long free text")
        }
    }

    // MARK: Groups of option columns

    private mutating func decideGroups() {
        var groups: [String: [ColumnProfile]] = [:]
        var order: [String] = []
        for profile in profiles where roles[profile.index] == nil {
            guard let (question, _) = Words.split(profile.text) else { continue }
            if groups[question] == nil { order.append(question) }
            groups[question, default: []].append(profile)
        }
        for question in order {
            let members = groups[question]!
            // `Vraag [Anders]` beside a column `Vraag` of joined answers: the text typed for "other".
            if members.count == 1, profiles.contains(where: { $0.index != members[0].index && Words.fold($0.text) == Words.fold(question) }) {
                roles[members[0].index] = .ignore(reason: "the text typed for an \"other\" option of the question beside it")
                continue
            }
            guard members.count >= 2 else { continue }
            let optionLike = members.filter { $0.distinct <= 2 && !$0.isNumeric }.count
            guard optionLike * 2 > members.count else { continue }   // numbers or choices: one field per column
            let items = members.map { Words.item(of: $0.text, question: question) }
            var best: (field: KnownField, score: Double)?
            let questionWords = matcher.words(question)
            for field in knowledge.fields.values.sorted(by: { $0.name < $1.name }) where field.type == .multi {
                let text = similarity(questionWords, field)
                let known = items.filter { option(for: $0, in: field).basis == .known }.count
                let score = 0.35 * text + 0.65 * Double(known) / Double(items.count)
                if score > (best?.score ?? 0) || (score == best?.score && field.name < best!.field.name) { best = (field, score) }
            }
            guard let best, best.score >= Self.guess else { continue }
            for (member, item) in zip(members, items) {
                let choice = option(for: item, in: best.field)
                if best.score >= Self.sure {
                    roles[member.index] = .option(field: best.field.name, value: choice.value ?? Words.slug(item), basis: choice.basis)
                    scores[member.index] = best.score
                } else {
                    roles[member.index] = .optionGuess(field: best.field.name, value: choice.value ?? Words.slug(item), score: best.score)
                }
            }
        }
    }

    /// The canonical value of an option or answer label of a multi-select.
    func option(for label: String, in field: KnownField) -> LabelChoice {
        let folded = Words.fold(label)
        if let value = field.options[folded] ?? field.labels[folded] { return LabelChoice(label: label, value: value, count: 0, basis: .known) }
        if let value = knowledge.optionVocabulary[folded], Set(field.options.values).contains(value) {
            return LabelChoice(label: label, value: value, count: 0, basis: .known)
        }
        let values = Set(field.options.values)
        if let first = matcher.words(label).first {
            if values.contains(first) { return LabelChoice(label: label, value: first, count: 0, basis: .wording) }
            // "Anders" and the earlier "Anders, namelijk": the same first word.
            if let value = field.options.sorted(by: { $0.key < $1.key }).first(where: { matcher.words($0.key).first == first })?.value {
                return LabelChoice(label: label, value: value, count: 0, basis: .wording)
            }
        }
        return LabelChoice(label: label, value: Words.slug(label), count: 0, basis: .new)
    }

    /// The canonical value of a choice answer.
    func value(for answer: String, in field: KnownField) -> LabelChoice {
        let folded = Words.fold(answer)
        if let value = field.labels[folded] { return LabelChoice(label: answer, value: value, count: 0, basis: .known) }
        for (value, synonyms) in answerSynonyms where synonyms.contains(folded) && (field.values.contains(value) || field.labels.values.contains(value)) {
            return LabelChoice(label: answer, value: value, count: 0, basis: .wording)
        }
        let values = Set(field.values + field.labels.values)
        let first = folded.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).first.map(String.init) ?? ""
        if values.contains(first) { return LabelChoice(label: answer, value: first, count: 0, basis: .wording) }
        if values.contains(Words.slug(answer)) { return LabelChoice(label: answer, value: Words.slug(answer), count: 0, basis: .wording) }
        return LabelChoice(label: answer, value: nil, count: 0, basis: .none)
    }

    // MARK: One field per column

    private struct Candidate {
        var column: Int
        var field: String
        var score: Double
        var role: ColumnRole
    }

    /// Channels (option values of multi fields) a text names.
    private func channels(_ text: String) -> Set<String> {
        Set(matcher.words(text).compactMap { knowledge.optionVocabulary[$0] }.filter { $0 != "other" })
    }

    /// A rare answer: one row of many, most likely typed by hand.
    private static func isRare(_ count: Int, of profile: ColumnProfile) -> Bool {
        count == 1 && profile.filled >= 20
    }

    private mutating func decideFields() {
        var candidates: [Candidate] = []
        let allChannels = Set(knowledge.optionVocabulary.values)
        for profile in profiles where roles[profile.index] == nil {
            let mentioned = channels(profile.text)
            let words = matcher.words(profile.text)
            let joined = profile.isNumeric ? nil : profile.joined()
            let choiceAnswers = profile.answers.filter { !Self.isRare($0.value, of: profile) }
            let kind: KnownField.FieldType? = profile.isNumeric ? .number : joined != nil ? .multi
                : (!profile.isFreeText && choiceAnswers.count <= 15 && profile.distinct <= 30 && profile.filled > 0) ? .choice : nil
            guard let kind else { continue }
            for field in knowledge.fields.values.sorted(by: { $0.name < $1.name }) where field.type == kind {
                if let member = field.member, allChannels.contains(member), !mentioned.isEmpty, !mentioned.contains(member) { continue }
                var score = similarity(words, field)
                if let member = field.member, mentioned.contains(member) { score += 0.1 }
                let role: ColumnRole
                switch kind {
                case .number:
                    role = .number(field: field.name)
                case .choice:
                    var labels: [LabelChoice] = []
                    var covered = 0, total = 0
                    for (answer, count) in profile.answers.sorted(by: { $0.key < $1.key }) {
                        var choice = value(for: answer, in: field)
                        choice.count = count
                        if Self.isRare(count, of: profile) && choice.basis != .known { choice.value = nil; choice.basis = .none }
                        labels.append(choice)
                        total += count
                        if choice.value != nil { covered += count }
                    }
                    if !field.labels.isEmpty || !field.values.isEmpty {
                        score = 0.5 * score + 0.5 * Double(covered) / Double(max(total, 1))
                    }
                    role = .choice(field: field.name, labels: labels)
                case .multi:
                    guard let joined else { continue }
                    var labels: [LabelChoice] = []
                    var covered = 0, total = 0
                    for (part, count) in joined.parts.sorted(by: { $0.key < $1.key }) {
                        var choice = option(for: part, in: field)
                        choice.count = count
                        if Self.isRare(count, of: profile) && choice.basis != .known { choice.value = nil; choice.basis = .none }
                        labels.append(choice)
                        total += count
                        if choice.basis == .known { covered += count }
                    }
                    // Joined labels say more than a question's wording: they are the options.
                    score = 0.35 * score + 0.65 * Double(covered) / Double(max(total, 1))
                    role = .joined(field: field.name, separator: joined.separator, labels: labels)
                }
                if score >= Self.guess { candidates.append(Candidate(column: profile.index, field: field.name, score: score, role: role)) }
            }
            // A count of a channel no earlier year counted, beside counts of other channels:
            // the analogous field (`followers.instagram` beside `followers.twitter`).
            if kind == .number, let channel = mentioned.first, mentioned.count == 1 {
                var families: [String: Double] = [:]
                for field in knowledge.fields.values where field.type == .number {
                    guard let family = field.family, let member = field.member, allChannels.contains(member) else { continue }
                    let own = words.filter { !WordMatcher.same($0, channel) }
                    let stripped = (fieldWords[field.name] ?? []).map { matcher.similarity($0.filter { !WordMatcher.same($0, member) }, own) }.max() ?? 0
                    families[family] = max(families[family] ?? 0, stripped)
                }
                for (family, similarity) in families where knowledge.fields["\(family).\(channel)"] == nil && similarity * 0.9 >= Self.guess {
                    candidates.append(Candidate(column: profile.index, field: "\(family).\(channel)", score: similarity * 0.9, role: .number(field: "\(family).\(channel)")))
                }
            }
        }
        candidates.sort { ($0.score, $1.field, $1.column) > ($1.score, $0.field, $0.column) }
        var usedFields = Set(roles.values.compactMap { role -> String? in
            if case .option(let field, _, _) = role { return field }
            return nil
        })
        var guesses: [Int: [(String, Double)]] = [:]
        for candidate in candidates {
            if roles[candidate.column] == nil && !usedFields.contains(candidate.field) && candidate.score >= Self.sure {
                roles[candidate.column] = candidate.role
                scores[candidate.column] = candidate.score
                usedFields.insert(candidate.field)
            } else if roles[candidate.column] == nil, (guesses[candidate.column]?.count ?? 0) < 3 {
                guesses[candidate.column, default: []].append((candidate.field, candidate.score))
            }
        }
        for profile in profiles where roles[profile.index] == nil {
            let kind = profile.isNumeric ? "numbers" : profile.joined() != nil ? "joined answers" : profile.isFreeText ? "free text" : "answers"
            if profile.isFreeText && guesses[profile.index] == nil { continue }
            roles[profile.index] = .todo(kind: kind, guesses: (guesses[profile.index] ?? []).map { (field: $0.0, score: $0.1) })
        }
    }

    func role(of index: Int) -> ColumnRole? { roles[index] }
    func score(of index: Int) -> Double? { scores[index] }
}
