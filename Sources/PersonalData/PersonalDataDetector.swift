/// One piece of personal data found in a text.
public struct PersonalDataMatch: Sendable, Hashable {
    public let kind: PersonalDataKind
    /// Byte offsets of the match in the text's UTF-8.
    public let utf8Offsets: Range<Int>
    /// The matched text, exactly as written.
    public let text: String

    public init(kind: PersonalDataKind, utf8Offsets: Range<Int>, text: String) {
        self.kind = kind
        self.utf8Offsets = utf8Offsets
        self.text = text
    }

    /// The match as a range of `string`, which must be the text it was found in.
    public func range(in string: String) -> Range<String.Index> {
        let utf8 = string.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: utf8Offsets.lowerBound)
        let upper = utf8.index(lower, offsetBy: utf8Offsets.count)
        return lower..<upper
    }
}

/// Finds personal data in text: e-mail addresses, Dutch phone numbers, IBANs (mod-97), BSNs
/// (11-proef), postcode + huisnummer, and numbers and amounts named by a keyword (klantnummer,
/// aanslagnummer, "mijn inkomen", ...). See Sources/PersonalData/PersonalData.docc/PersonalData.md for what is and is not
/// detected, and why.
///
/// The text is first normalised as a reader sees it (`NormalizedText`: escapes decoded, invisible
/// characters dropped, Unicode dashes and spaces mapped), then every rule runs in a single pass
/// over the UTF-8 bytes; matches are reported in the original text. It is a value type with no
/// state between calls, safe to share between threads.
public struct PersonalDataDetector: Sendable {
    /// Whether a bare, unformatted nine-digit number that passes the 11-proef counts as a BSN even
    /// without "BSN" or "burgerservicenummer" nearby. About 1 in 11 nine-digit numbers pass by
    /// chance, so this is off for published output (a count or id would stop the build) and on
    /// for free text from people, where such a number is far more likely a BSN than a count.
    public var bareNineDigitNumbersAreBSN: Bool {
        didSet { allowedKeys = Self.allowedKeys(for: allowed, bareNineDigitNumbersAreBSN: bareNineDigitNumbersAreBSN) }
    }

    /// Values meant to be published, such as the project's own contact address or a town hall's
    /// public address and phone number (`site.yaml`, `personal_data_allowed`). A match is allowed
    /// when it is one of these values or a match the detector finds inside one of them
    /// ("Stadhuisplein 1, 1621 GZ Hoorn" allows the match "1, 1621 GZ"), compared after
    /// normalisation and `allowKey(_:)`: ignoring case, spaces and the separators . - / ( ).
    public var allowed: Set<String> {
        didSet { allowedKeys = Self.allowedKeys(for: allowed, bareNineDigitNumbersAreBSN: bareNineDigitNumbersAreBSN) }
    }
    /// `allowKey` of each allowed value and of each match inside it → the allowed value.
    private var allowedKeys: [String: String]

    /// The extra rules for customers' own words in webcare messages (street + huisnummer, date of
    /// birth, partial IBAN, amounts of income or debt); nil for the published-output and survey
    /// remark scans.
    public var customerText: CustomerTextRules?

    public init(bareNineDigitNumbersAreBSN: Bool = false, allowed: Set<String> = [], customerText: CustomerTextRules? = nil) {
        self.bareNineDigitNumbersAreBSN = bareNineDigitNumbersAreBSN
        self.allowed = allowed
        self.allowedKeys = Self.allowedKeys(for: allowed, bareNineDigitNumbersAreBSN: bareNineDigitNumbersAreBSN)
        self.customerText = customerText
    }

    /// The form in which matches are compared with `allowed`: "0229 252 200" and "0229-252200"
    /// are the same number, "Info@Meetlat.nl" and "info@meetlat.nl" the same address.
    public static func allowKey(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace && !"-./()".unicodeScalars.contains($0) })
    }

    /// The matches the detector finds in `value` (without any allow-list): what allowing `value`
    /// lets through. Empty when the value holds nothing the detector would stop.
    public func matchesAllowed(by value: String) -> [PersonalDataMatch] {
        PersonalDataDetector(bareNineDigitNumbersAreBSN: bareNineDigitNumbersAreBSN).matches(in: value)
    }

    private static func allowedKeys(for values: Set<String>, bareNineDigitNumbersAreBSN: Bool) -> [String: String] {
        guard !values.isEmpty else { return [:] }
        let plain = PersonalDataDetector(bareNineDigitNumbersAreBSN: bareNineDigitNumbersAreBSN)
        var keys: [String: String] = [:]
        for value in values.sorted() {
            var text = value
            let normalizedMatches = text.withUTF8 { bytes in
                plain.detect(in: bytes, normalizedText: true).candidates.map(\.text)
            }
            for key in [allowKey(value)] + normalizedMatches.map(allowKey) where keys[key] == nil {
                keys[key] = value
            }
        }
        return keys
    }

    /// For generated output (the site build): BSNs need a keyword or the "1234.56.789" notation.
    public static let publishedOutput = PersonalDataDetector(bareNineDigitNumbersAreBSN: false)
    /// For free text written by people (survey remarks): a bare nine-digit 11-proef number is a BSN too.
    public static let freeText = PersonalDataDetector(bareNineDigitNumbersAreBSN: true)
    /// For messages customers publish to an organisation (the webcare audit): `.freeText` plus the
    /// customer-text rules.
    public static func webcare(streetSuffixes: StreetNameSuffixes) -> PersonalDataDetector {
        PersonalDataDetector(bareNineDigitNumbersAreBSN: true, customerText: CustomerTextRules(streetSuffixes: streetSuffixes))
    }

    /// Every match in `text`, in text order, without overlaps.
    public func matches(in text: String) -> [PersonalDataMatch] {
        var text = text
        return text.withUTF8 { bytes in
            detect(in: bytes).candidates.map { found in
                PersonalDataMatch(kind: found.candidate.kind, utf8Offsets: found.candidate.start..<found.candidate.end, text: found.text)
            }
        }
    }

    /// Whether `text` holds any personal data.
    public func containsPersonalData(_ text: String) -> Bool {
        !matches(in: text).isEmpty
    }

    /// How many of `texts` hold personal data, and how many matches of each kind — without the
    /// matched text, for reports that must not repeat it.
    public func counts<Texts: Sequence>(in texts: Texts) -> PersonalDataCounts where Texts.Element: StringProtocol {
        var counts = PersonalDataCounts()
        for text in texts {
            counts.record(matches(in: String(text)).map(\.kind))
        }
        return counts
    }

    /// What one pass over some bytes found: the matches that are not allowed (original offsets
    /// and text) and, for each allowed match, the allowed value it matched.
    struct Detection {
        var candidates: [(candidate: Candidate, text: String)] = []
        var allowed: [String] = []
    }

    /// Normalises `bytes` (`NormalizedText`), runs every rule on the result, drops allowed matches
    /// and maps the others back to the original bytes. `normalizedText`: quote matches as
    /// normalised rather than as written.
    func detect(in bytes: UnsafeBufferPointer<UInt8>, normalizedText: Bool = false) -> Detection {
        let normalized = NormalizedText(bytes)
        func run(_ scanned: UnsafeBufferPointer<UInt8>) -> Detection {
            var scan = Scan(scanned, bareNineDigitNumbersAreBSN: bareNineDigitNumbersAreBSN, customerText: customerText)
            scan.run()
            let text = ByteText(bytes: scanned)
            var detection = Detection()
            for candidate in scan.resolved() {
                if !allowedKeys.isEmpty, let value = allowedKeys[Self.allowKey(text.string(candidate.start..<candidate.end))] {
                    detection.allowed.append(value)
                    continue
                }
                if normalizedText || normalized.bytes == nil {
                    detection.candidates.append((candidate, text.string(candidate.start..<candidate.end)))
                } else {
                    let start = normalized.originalStart(candidate.start), end = normalized.originalEnd(candidate.end)
                    detection.candidates.append((Candidate(kind: candidate.kind, start: start, end: end),
                                                 ByteText(bytes: bytes).string(start..<end)))
                }
            }
            return detection
        }
        if let normalizedBytes = normalized.bytes {
            return normalizedBytes.withUnsafeBufferPointer(run)
        }
        return run(bytes)
    }
}

/// Counts of personal data per kind, without the data itself.
public struct PersonalDataCounts: Sendable, Hashable, CustomStringConvertible {
    /// Texts (or files) looked at.
    public private(set) var scanned = 0
    /// Of those, how many held at least one match.
    public private(set) var withPersonalData = 0
    /// Matches per kind.
    public private(set) var byKind: [PersonalDataKind: Int] = [:]

    public init() {}

    /// Records one scanned text (or file) with the kinds of the matches found in it.
    public mutating func record<Kinds: Sequence>(_ kinds: Kinds) where Kinds.Element == PersonalDataKind {
        scanned += 1
        var found = false
        for kind in kinds {
            byKind[kind, default: 0] += 1
            found = true
        }
        if found { withPersonalData += 1 }
    }

    /// All matches, of every kind.
    public var total: Int { byKind.values.reduce(0, +) }

    /// "2 of 40 with personal data: e-mail address 1, phone number 2", kinds in a fixed order.
    public var description: String {
        guard withPersonalData > 0 else { return "0 of \(scanned) with personal data" }
        let kinds = byKind.keys.sorted().map { "\($0.label) \(byKind[$0] ?? 0)" }
        return "\(withPersonalData) of \(scanned) with personal data: " + kinds.joined(separator: ", ")
    }
}
