/// Writes RFC 4180 CSV: `,` delimiter (or `;` for Dutch Excel), LF line ends, a field quoted only
/// when it holds the delimiter, a quote or a line break, or starts or ends with a space or tab
/// (readers such as libcsv trim those from unquoted fields). Used for every CSV meetlat writes, so output is
/// stable, and what it writes reads back field for field (rejects.csv keeps original rows).
///
/// **Formulas are written as text** (OWASP, "CSV Injection"): a spreadsheet runs a cell that
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula (`=HYPERLINK(…)` in a
/// respondent's answer, a label `+31 …`). Such a cell is written with a `'` in front, which
/// spreadsheets take as "text" — header cells included. Two exceptions, so that the rule changes
/// nothing that is not a formula:
/// - a plain number keeps its sign: `-3`, `+3`, `-0.5`, `-1.234,5`, `-1e-5`, `-44 %` (a sign,
///   digits with single `.` or `,` between them, an optional exponent or a `%` after an optional
///   space) is a number to every spreadsheet;
/// - a cell that already starts with `'` stays as it is (`'s-Hertogenbosch`) unless apostrophes
///   are followed by one of the characters above (`'=x`), which gets one more `'`.
/// So the original of every written cell is known: drop one leading `'` when the cell starts
/// with one or more `'` followed by `=`, `+`, `-`, `@`, tab or carriage return
/// (`CSVWriter.originalCell`).
///
/// Works on UTF-8 bytes, not Characters: that is about ten times faster on a big ingest's
/// rejects, and it sees a `\r\n` inside a field (one Character) or a quote followed by a
/// combining mark as the line break and quote they are.
public struct CSVWriter {
    /// The field separator: `,` (RFC 4180, the default) or `;` (what Dutch Excel expects).
    public enum Delimiter: UInt8, Sendable {
        case comma = 0x2C
        case semicolon = 0x3B
    }

    private var bytes: [UInt8] = []
    private let delimiter: UInt8

    public init(header: [String], delimiter: Delimiter = .comma) {
        self.delimiter = delimiter.rawValue
        append(header)
    }

    /// Everything written so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The number of bytes written and not yet flushed.
    public var bufferedByteCount: Int { bytes.count }

    /// Hands the bytes written so far to `body` and drops them, so a file too large to hold in
    /// memory can be written a piece at a time (see `StagingFolder.write(to:streaming:)`).
    public mutating func flush(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        try bytes.withUnsafeBytes(body)
        bytes.removeAll(keepingCapacity: true)
    }

    /// The UTF-8 byte-order mark: at the start of a CSV it makes Excel read the file as UTF-8.
    public static let byteOrderMark = "\u{FEFF}"

    public mutating func append(_ fields: [String]) {
        for index in fields.indices {
            if index > fields.startIndex { bytes.append(delimiter) }
            Self.append(fields[index], delimiter: delimiter, to: &bytes)
        }
        bytes.append(Self.newline)
    }

    /// `field` as it appears in the file: as is, or quoted with its quotes doubled.
    public static func escape(_ field: String) -> String {
        var bytes: [UInt8] = []
        append(field, delimiter: Delimiter.comma.rawValue, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The cell a reader of the file gets back, given the text of a cell as written (after CSV
    /// unquoting): the formula guard's `'` removed. `originalCell` of each field of a line read
    /// back is the field that was appended.
    public static func originalCell(_ written: String) -> String {
        let utf8 = written.utf8
        guard utf8.first == apostrophe, let next = utf8.first(where: { $0 != apostrophe }), isFormulaStart(next) else {
            return written
        }
        return String(decoding: utf8.dropFirst(), as: UTF8.self)
    }

    /// Whether `field` is written with a `'` in front (see the type's documentation).
    public static func needsFormulaGuard(_ field: String) -> Bool {
        let utf8 = field.utf8
        guard let first = utf8.first else { return false }
        if first == apostrophe {
            return utf8.first(where: { $0 != apostrophe }).map(isFormulaStart) ?? false
        }
        let signed = first == 0x2B || first == 0x2D
        return isFormulaStart(first) && !(signed && isPlainNumber(utf8))
    }

    private static let decimalComma: UInt8 = 0x2C, quote: UInt8 = 0x22, newline: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D
    private static let apostrophe: UInt8 = 0x27, tab: UInt8 = 0x09

    /// `=`, `+`, `-`, `@`, tab, carriage return: what makes a spreadsheet read a cell as a formula.
    private static func isFormulaStart(_ byte: UInt8) -> Bool {
        byte == 0x3D || byte == 0x2B || byte == 0x2D || byte == 0x40 || byte == tab || byte == carriageReturn
    }

    /// A sign, digits with single `.` or `,` between them, and an optional exponent or percent
    /// sign: `-3`, `+0.5`, `-1.234,5`, `-1e-5`, `-44 %`. Not `-`, `--3`, `-3+1`, `-.5`, `+15.6 pp`.
    private static func isPlainNumber(_ utf8: String.UTF8View) -> Bool {
        var index = utf8.index(after: utf8.startIndex)  // past the sign
        var digits = 0
        var afterSeparator = false
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte &- 0x30 < 10 {
                digits += 1
                afterSeparator = false
            } else if (byte == 0x2E || byte == decimalComma) && digits > 0 && !afterSeparator {
                afterSeparator = true
            } else {
                break
            }
            index = utf8.index(after: index)
        }
        guard digits > 0, !afterSeparator else { return false }
        guard index < utf8.endIndex else { return true }
        // A percentage: "%", " %" or "\u{A0}%" and nothing after it.
        let rest = Array(utf8[index...])
        if rest == [0x25] || rest == [0x20, 0x25] || rest == [0xC2, 0xA0, 0x25] { return true }
        // The exponent: e or E, an optional sign, digits, and nothing after them.
        guard utf8[index] | 0x20 == 0x65 else { return false }
        index = utf8.index(after: index)
        if index < utf8.endIndex, utf8[index] == 0x2B || utf8[index] == 0x2D { index = utf8.index(after: index) }
        var exponentDigits = 0
        while index < utf8.endIndex, utf8[index] &- 0x30 < 10 {
            exponentDigits += 1
            index = utf8.index(after: index)
        }
        return exponentDigits > 0 && index == utf8.endIndex
    }

    private static func append(_ field: String, delimiter: UInt8, to bytes: inout [UInt8]) {
        let utf8 = field.utf8
        let guardFormula = needsFormulaGuard(field)
        let needsQuotes = utf8.contains { $0 == delimiter || $0 == quote || $0 == newline || $0 == carriageReturn }
            || (!guardFormula && isEdgeSpace(utf8.first)) || isEdgeSpace(utf8.last)
        guard needsQuotes else {
            if guardFormula { bytes.append(apostrophe) }
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(quote)
        if guardFormula { bytes.append(apostrophe) }
        for byte in utf8 {
            bytes.append(byte)
            if byte == quote { bytes.append(quote) }
        }
        bytes.append(quote)
    }

    private static func isEdgeSpace(_ byte: UInt8?) -> Bool {
        byte == 0x20 || byte == 0x09
    }
}
