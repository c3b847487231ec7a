import Configuration
import Foundation
import PersonalData
import Support

/// The rules that may change without a code change, read from one folder (`Webcare/rules/`):
/// the Dutch stop words kept out of the topics, the street-name endings of the personal-data
/// detector, and how the privacy audit reads the organisation's replies and groups the
/// detector's kinds into the rows of its table.
public struct WebcareRules: Sendable {
    /// Folded (lower case, no accents) words never shown as topics.
    public var stopWords: Set<String>
    public var streetSuffixes: StreetNameSuffixes
    /// Rows of the audit table (Tabel 2 of the webcare thesis), in order.
    public var categories: [Category]
    /// Folded phrases in a reply that ask the customer to continue in a private channel.
    public var continuePrivately: [String] { didSet { continuePrivatelyWords = continuePrivately.map(TextFold.words) } }
    /// Folded phrases that advise the customer to delete the public message.
    public var adviseDelete: [String] { didSet { adviseDeleteWords = adviseDelete.map(TextFold.words) } }
    /// The same phrases as words, for matching.
    private(set) var continuePrivatelyWords: [[Substring]] = []
    private(set) var adviseDeleteWords: [[Substring]] = []

    public struct Category: Sendable, Hashable {
        public var label: String
        public var kinds: [PersonalDataKind]
    }

    public static let stopWordsFile = "stopwoorden.txt"
    public static let streetSuffixesFile = "straatnaam-achtervoegsels.txt"
    public static let responsesFile = "reacties.yaml"

    /// The detector for customers' messages: free text plus the customer-text rules.
    public var messageDetector: PersonalDataDetector { .webcare(streetSuffixes: streetSuffixes) }

    /// The detector for what the report writes: the customer-text rules, but a bare nine-digit
    /// number (a count) is no BSN.
    public var reportDetector: PersonalDataDetector {
        PersonalDataDetector(bareNineDigitNumbersAreBSN: false, customerText: CustomerTextRules(streetSuffixes: streetSuffixes))
    }

    /// Reads the three files of `folder`.
    public static func load(folder: URL, displayName: String) throws -> WebcareRules {
        func text(_ name: String) throws -> String {
            let url = folder.appendingPathComponent(name)
            do {
                return try String(contentsOf: url, encoding: .utf8)
            } catch {
                throw WebcareError(file: "\(displayName)/\(name)", problem: "cannot read the file (\(error.localizedDescription)); expected the rules folder (Webcare/rules) to hold it")
            }
        }
        var stopWords: Set<String> = []
        for line in try text(stopWordsFile).split(separator: "\n") {
            let word = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let folded = TextFold.fold(word).trimmingCharacters(in: .whitespaces)
            if !folded.isEmpty { stopWords.insert(folded) }
        }
        let suffixes: StreetNameSuffixes
        do {
            suffixes = try StreetNameSuffixes(text: try text(streetSuffixesFile), source: "\(displayName)/\(streetSuffixesFile)")
        } catch let error as StreetNameSuffixError {
            throw WebcareError(file: error.source, line: error.line, problem: error.problem)
        }
        let root = try ConfigFile.parse(try text(responsesFile), file: "\(displayName)/\(responsesFile)",
                                        expected: "categories, continue_privately and advise_delete")
        let keys = try root.mapping(allowed: ["categories", "continue_privately", "advise_delete"])
        var categories: [Category] = []
        var covered: Set<PersonalDataKind> = []
        for entry in try keys.required("categories").list() {
            let categoryKeys = try entry.mapping(allowed: ["label", "kinds"])
            let kindsEntry = try categoryKeys.required("kinds")
            let kinds = try kindsEntry.texts().map { name -> PersonalDataKind in
                guard let kind = PersonalDataKind(rawValue: name) else {
                    throw kindsEntry.error("unknown kind \(Suggestions.quoted(name)); " + Suggestions.hint(for: name, among: PersonalDataKind.allCases.map(\.rawValue), kind: "kind"))
                }
                guard covered.insert(kind).inserted else { throw kindsEntry.error("kind \(Suggestions.quoted(name)) is in two categories") }
                return kind
            }
            categories.append(Category(label: try categoryKeys.required("label").nonEmptyText(), kinds: kinds))
        }
        let missing = PersonalDataKind.allCases.filter { !covered.contains($0) }
        guard missing.isEmpty else {
            throw try keys.required("categories").error("no category holds \(missing.map(\.rawValue).joined(separator: ", ")); every kind the detector reports needs a row")
        }
        func phrases(_ key: String) throws -> [String] {
            let entry = try keys.required(key)
            let list = try entry.texts().map(TextFold.fold).map { $0.trimmingCharacters(in: .whitespaces) }
            guard !list.isEmpty, !list.contains("") else { throw entry.error("expected a list of phrases") }
            return list
        }
        var rules = WebcareRules(stopWords: stopWords, streetSuffixes: suffixes, categories: categories,
                                 continuePrivately: [], adviseDelete: [])
        rules.continuePrivately = try phrases("continue_privately")
        rules.adviseDelete = try phrases("advise_delete")
        return rules
    }
}

/// Text folded for matching words and phrases: lower case, accents removed, anything but letters
/// and digits a single space. Without Foundation (its Unicode normalisation cost most of the time
/// of reading texts): ASCII and the accented Latin letters Dutch uses are mapped directly, other
/// letters lower-cased as they are.
enum TextFold {
    static func fold(_ text: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        func append(_ bytes: some Sequence<UInt8>) {
            if pendingSpace && !result.isEmpty { result.append(0x20) }
            pendingSpace = false
            result.append(contentsOf: bytes)
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                switch byte {
                case 0x30...0x39, 0x61...0x7A: append(CollectionOfOne(byte))
                case 0x41...0x5A: append(CollectionOfOne(byte | 0x20))
                default: pendingSpace = true
                }
            } else if let base = latinBase(value) {
                append(CollectionOfOne(base))
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue  // a combining accent: dropped
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                append(scalar.properties.lowercaseMapping.utf8)
            } else {
                pendingSpace = true
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The letter without its accent, for the Latin-1 letters (À–ÿ) other than Æ, Ð, Ø, Þ, ß.
    private static func latinBase(_ value: UInt32) -> UInt8? {
        guard (0xC0...0xFF).contains(value) else { return nil }
        let bases = Array("aaaaaaxceeeeiiiixnooooo-xuuuuyxxaaaaaaxceeeeiiiixnooooo-xuuuuyxy".utf8)
        let base = bases[Int(value - 0xC0)]
        return base == 0x78 || base == 0x2D ? nil : base  // "x": no plain base letter; "-": × and ÷
    }

    /// The words of folded text.
    static func words(_ folded: String) -> [Substring] {
        folded.split(separator: " ")
    }

    /// Whether the words hold the phrase (its words, in order).
    static func contains(_ words: [Substring], phrase: [Substring]) -> Bool {
        guard let first = phrase.first, words.count >= phrase.count else { return false }
        for start in 0...(words.count - phrase.count) where words[start] == first {
            if phrase.count == 1 || zip(words[(start + 1)...], phrase.dropFirst()).allSatisfy({ $0 == $1 }) { return true }
        }
        return false
    }
}
