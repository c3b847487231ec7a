/// Byte-level scanners that look at a CSV file before or beside libcsv: which delimiter the
/// header uses, and (only when something is wrong) on which line a problem sits.
enum ASCII {
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let quote: UInt8 = 0x22
    static let comma: UInt8 = 0x2C
    static let semicolon: UInt8 = 0x3B
    static let tab: UInt8 = 0x09
    static let space: UInt8 = 0x20
}

/// Counts `,`, `;` and tabs outside quotes in the header row (the first non-blank line).
/// The delimiter is the more frequent of `,` and `;`; with a tie (a one-column file) `,`.
struct DelimiterDetector {
    private(set) var commas = 0
    private(set) var semicolons = 0
    private(set) var tabs = 0
    private(set) var isDone = false
    private var started = false
    private var quoted = false

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes {
            if quoted {
                if byte == ASCII.quote { quoted = false }
                continue
            }
            switch byte {
            case ASCII.quote: quoted = true; started = true
            case ASCII.comma: commas += 1; started = true
            case ASCII.semicolon: semicolons += 1; started = true
            case ASCII.tab: tabs += 1
            case ASCII.lineFeed, ASCII.carriageReturn:
                if started { isDone = true; return }
            case ASCII.space: break
            default: started = true
            }
        }
    }

    var delimiter: CSVDelimiter { semicolons > commas ? .semicolon : .comma }
    var looksTabSeparated: Bool { commas == 0 && semicolons == 0 && tabs > 0 }
}

/// Replays libcsv's quoting rules (strict mode) to find where the field that is still open at
/// the end of the file started. Run only after libcsv reported an unterminated quote.
struct OpenQuoteLocator {
    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }
    private var state = State.fieldStart
    private let delimiter: UInt8
    private var line = 1
    private(set) var openedAt: (line: Int, offset: Int)?

    init(delimiter: UInt8) { self.delimiter = delimiter }

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, startingAt base: Int) {
        for (index, byte) in bytes.enumerated() {
            let isEnd = byte == ASCII.lineFeed || byte == ASCII.carriageReturn
            switch state {
            case .fieldStart:
                if byte == ASCII.quote {
                    state = .quoted
                    openedAt = (line, base + index)
                } else if byte != ASCII.space && byte != ASCII.tab && byte != delimiter && !isEnd {
                    state = .unquoted
                }
            case .unquoted:
                if byte == delimiter || isEnd { state = .fieldStart }
            case .quoted:
                if byte == ASCII.quote { state = .quoteInQuoted }
            case .quoteInQuoted:
                if byte == ASCII.quote {
                    state = .quoted
                } else if byte == delimiter || isEnd {
                    state = .fieldStart
                } else if byte != ASCII.space && byte != ASCII.tab {
                    state = .unquoted
                }
            }
            if byte == ASCII.lineFeed { line += 1 }
        }
    }

    /// The quote that is still open at the end of the input, if any.
    var unterminated: (line: Int, offset: Int)? { state == .quoted ? openedAt : nil }
}

/// Line number (1-based) of a byte offset: one plus the line feeds before it.
struct LineCounter {
    let target: Int
    private(set) var line = 1

    init(offset: Int) { target = offset }

    /// Returns false once the target offset has been passed.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, startingAt base: Int) -> Bool {
        let end = min(bytes.count, target - base)
        guard end > 0 else { return false }
        for index in 0..<end where bytes[index] == ASCII.lineFeed { line += 1 }
        return base + bytes.count < target
    }
}
