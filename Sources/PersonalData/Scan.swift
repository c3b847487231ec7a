/// A possible match: kind and byte offsets into the scanned UTF-8.
struct Candidate: Hashable {
    let kind: PersonalDataKind
    let start: Int
    let end: Int
}

/// One pass over UTF-8 bytes. The loop looks only at word starts (a letter or digit after a
/// non-word character) and at the three bytes that can open a match in the middle of other text
/// ("@", "+", "("), then skips the rest of the word; every rule is tried only where its first
/// byte can occur. This keeps the scan linear and fast without regular expressions.
struct Scan {
    let text: ByteText
    let bareNineDigitNumbersAreBSN: Bool
    let customerText: CustomerTextRules?
    private(set) var candidates: [Candidate] = []
    /// Stretches of text whose candidates are dropped (IBAN shapes failing the check).
    private(set) var ignored: [Range<Int>] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>, bareNineDigitNumbersAreBSN: Bool, customerText: CustomerTextRules? = nil) {
        self.text = ByteText(bytes: bytes)
        self.bareNineDigitNumbersAreBSN = bareNineDigitNumbersAreBSN
        self.customerText = customerText
    }

    mutating func run() {
        let bytes = text.bytes
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            if ByteText.isAlnum(byte) {
                if !text.isWordCharacter(endingAt: index) {
                    if ByteText.isDigit(byte) { atNumberStart(index) } else { atWordStart(index) }
                }
                index += 1
                while index < count && ByteText.isAlnum(bytes[index]) { index += 1 }
                continue
            }
            switch byte {
            case .at: add(email(at: index))
            case .plus, .openParen: add(phone(at: index))
            case .asterisk where customerText != nil: add(maskedAccountDigits(at: index))
            default: break
            }
            index += 1
        }
    }

    private mutating func add(_ candidate: Candidate?) {
        if let candidate { candidates.append(candidate) }
    }

    private mutating func atWordStart(_ index: Int) {
        if text.isLetter(index + 1) && text.isDigit(index + 2) && text.isDigit(index + 3),
           let shape = ibanShape(at: index) {
            if shape.isValid {
                add(Candidate(kind: .iban, start: index, end: shape.end))
            } else {
                // A mistyped IBAN: its digit groups are not phone numbers or BSNs either.
                ignored.append(index..<shape.end)
            }
        }
        if let keyword = keyword(at: index) {
            add(anchoredValue(keyword.anchor, after: keyword.end))
        }
        if let rules = customerText {
            add(streetAddress(at: index, suffixes: rules.streetSuffixes))
            add(partialIBAN(at: index))
        }
    }

    private mutating func atNumberStart(_ index: Int) {
        if text[index] == .zero {
            add(phone(at: index))
        } else {
            add(postcodeHuisnummer(at: index))
        }
        add(formattedBSN(at: index))
        if customerText != nil {
            add(birthDate(at: index))
            add(amountNearIncomeOrDebt(at: index))
        }
    }

    /// The candidates with overlaps removed, in text order. Within a group of overlapping
    /// candidates the most specific kind wins, then the earliest, then the longest.
    func resolved() -> [Candidate] {
        let candidates = ignored.isEmpty ? candidates : candidates.filter { candidate in
            !ignored.contains { $0.overlaps(candidate.start..<candidate.end) }
        }
        guard candidates.count > 1 else { return candidates }
        let sorted = Set(candidates).sorted { ($0.start, $1.end, $0.kind) < ($1.start, $0.end, $1.kind) }
        var result: [Candidate] = []
        var cluster: [Candidate] = []
        var clusterEnd = 0
        func flush() {
            let ranked = cluster.sorted {
                ($0.kind.precedence, $0.start, $1.end) < ($1.kind.precedence, $1.start, $0.end)
            }
            var kept: [Candidate] = []
            for candidate in ranked where !kept.contains(where: { $0.start < candidate.end && candidate.start < $0.end }) {
                kept.append(candidate)
            }
            result += kept.sorted { $0.start < $1.start }
            cluster.removeAll(keepingCapacity: true)
        }
        for candidate in sorted {
            if !cluster.isEmpty && candidate.start >= clusterEnd { flush() }
            if cluster.isEmpty { clusterEnd = candidate.end }
            cluster.append(candidate)
            clusterEnd = max(clusterEnd, candidate.end)
        }
        flush()
        return result
    }
}

// MARK: Number helpers shared by the rules

extension Scan {
    /// A separator between digit groups of one number: a space, or "-", "." (and "/" when
    /// `slash`), optionally with one space on either side ("020 - 1234567").
    func groupSeparator(at index: Int, slash: Bool) -> (length: Int, mark: UInt8)? {
        let before = text.spaceLength(at: index)
        let mark = text[index + before]
        if mark == .hyphen || mark == .dot || (slash && mark == .slash) {
            return (before + 1 + text.spaceLength(at: index + before + 1), mark)
        }
        return before > 0 ? (before, .space) : nil
    }

    /// Whether the number ending at `end` runs on into another digit: directly, across ".", "-",
    /// "/" or ":" (decimals, ranges, dates, times), and when `strict` also across "," or a space
    /// (a list or table of numbers, in which a grouped number is most likely not one value).
    func numberContinues(after end: Int, strict: Bool) -> Bool {
        let next = text[end]
        if ByteText.isDigit(next) { return true }
        switch next {
        case .dot, .hyphen, .slash, .colon: return text.isDigit(end + 1)
        case .comma: return strict && text.isDigit(end + 1)
        default:
            let space = text.spaceLength(at: end)
            return strict && space > 0 && text.isDigit(end + space)
        }
    }

    /// Mirror image of `numberContinues(after:strict:)` for the text before `start`.
    func numberContinues(before start: Int, strict: Bool) -> Bool {
        let previous = text[start - 1]
        if ByteText.isDigit(previous) { return true }
        switch previous {
        case .dot, .hyphen, .slash, .colon: return text.isDigit(start - 2)
        case .comma: return strict && text.isDigit(start - 2)
        default:
            let space = text.spaceLength(endingAt: start)
            return strict && space > 0 && text.isDigit(start - space - 1)
        }
    }
}
