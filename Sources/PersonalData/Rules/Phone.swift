extension Scan {
    /// A Dutch phone number starting at `start` ("0", "+31", "0031" or "(").
    ///
    /// Accepted: ten national digits (or "+31"/"0031" and nine), grouped with spaces, "-", ".",
    /// "/" or an area code in parentheses, optionally "(0)" after the country code. The number
    /// plan decides what is personal: mobile 06-1…06-5 and 06-8, geographic area codes 01–05
    /// and 07, and 084/085/087/088. Not personal: 0800 (free) and 090x (paid) service numbers,
    /// 066/067 and 091/097 machine and pager ranges.
    ///
    /// Guards against other numbers: every group after the first has at least two digits; a
    /// first group of two digits must be 06 (area codes are three or four digits with the 0);
    /// "dd-mm-yyyy" is a date; and a grouped number that runs on into more digits is part of a
    /// table, list or time, not a phone number.
    func phone(at start: Int) -> Candidate? {
        var index = start
        var national: UInt64 = 0
        var digits = 0
        var firstGroupHoldsTrunk = true  // false when the leading 0 was implied (+31) or written as (0)
        var openParen = false
        var separated = false

        // A "0" start is a word start already; "+" and "(" are not, so check here.
        if text[index] != .zero && text.isWordCharacter(endingAt: start) { return nil }
        if text[index] == .plus || text.hasWord(Self.zeroZeroThreeOne, at: index) {
            if text[index] == .plus {
                guard text[index + 1] == 0x33, text[index + 2] == 0x31 else { return nil }
                index += 3
            } else {
                index += 4
            }
            digits = 1
            firstGroupHoldsTrunk = false
            if let separator = groupSeparator(at: index, slash: false) { index += separator.length; separated = true }
            if isParenthesisedZero(at: index) {
                index += 3
                separated = true
                if let separator = groupSeparator(at: index, slash: false) { index += separator.length }
            } else if text[index] == .zero {
                index += 1  // "+31 06…": the trunk 0 written anyway
            }
        } else if isParenthesisedZero(at: index) {
            index += 3
            digits = 1
            firstGroupHoldsTrunk = false
            separated = true
            if let separator = groupSeparator(at: index, slash: false) { index += separator.length }
        } else if text[index] == .openParen {
            guard text[index + 1] == .zero else { return nil }
            openParen = true
            separated = true
            index += 1
        }
        guard firstGroupHoldsTrunk ? (text[index] == .zero && text[index + 1] != .zero) : text[index] != .zero else {
            return nil
        }

        var groups = 0
        var lengths: (Int, Int, Int) = (0, 0, 0)
        var marks: (UInt8, UInt8) = (0, 0)
        while true {
            guard text.isDigit(index) else { return nil }
            let groupStart = index
            while text.isDigit(index) {
                digits += 1
                guard digits <= 10 else { return nil }
                national = national * 10 + UInt64(text[index] &- .zero)
                index += 1
            }
            let length = index - groupStart
            if groups > 0 || firstGroupHoldsTrunk, length < 2 { return nil }
            switch groups {
            case 0: lengths.0 = length
            case 1: lengths.1 = length
            case 2: lengths.2 = length
            default: break
            }
            groups += 1
            if digits == 10 { break }

            let mark: UInt8
            if openParen {
                guard text[index] == .closeParen else { return nil }
                openParen = false
                index += 1
                index += text.spaceLength(at: index)
                mark = .closeParen
            } else {
                guard let separator = groupSeparator(at: index, slash: true) else { return nil }
                index += separator.length
                mark = separator.mark
            }
            separated = true
            if groups == 1 { marks.0 = mark } else if groups == 2 { marks.1 = mark }
        }
        guard !openParen else { return nil }

        if firstGroupHoldsTrunk && groups > 1 {
            if lengths.0 == 2 && national / 100_000_000 != 6 { return nil }
            let looksLikeDate = groups >= 3 && lengths == (2, 2, 4) && marks.0 == marks.1 && marks.0 != .space
            if looksLikeDate { return nil }
        }
        guard Self.isPersonalNumber(national) else { return nil }
        guard !text.isWordCharacter(startingAt: index),
              !numberContinues(after: index, strict: separated),
              !numberContinues(before: start, strict: separated)
        else { return nil }
        return Candidate(kind: .phone, start: start, end: index)
    }

    private func isParenthesisedZero(at index: Int) -> Bool {
        text[index] == .openParen && text[index + 1] == .zero && text[index + 2] == .closeParen
    }

    /// Whether the ten-digit national number (leading 0 included) is in a range people own.
    static func isPersonalNumber(_ national: UInt64) -> Bool {
        let areaDigit = national / 100_000_000        // the digit after the 0
        let nextDigit = national / 10_000_000 % 10
        switch areaDigit {
        case 1, 2, 3, 4, 5, 7: return true             // geographic
        case 6: return (1...5).contains(nextDigit) || nextDigit == 8  // mobile
        case 8: return [4, 5, 7, 8].contains(nextDigit) // personal assistant, VoIP, company numbers
        default: return false                           // 0800, 090x and the 09x machine ranges
        }
    }

    private static let zeroZeroThreeOne: [UInt8] = Array("0031".utf8)
}
