/// A CSV file that cannot be read at all. Rows are counted as a spreadsheet shows them: the
/// header is row 1, and a quoted field with line breaks keeps its row on one number, so a row
/// number can be smaller than the line number in a text editor (messages give both when known).
public struct CSVError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case cannotOpen(reason: String)
        case readFailed(reason: String)
        /// No bytes, only a byte order mark, or only blank lines.
        case empty
        case utf16
        case tabSeparated
        /// The caller fixed Windows-1252 but the file starts with a UTF-8 byte order mark.
        case byteOrderMarkContradicts(TextEncoding)
        /// A byte that is not a character in the encoding. `mixed` is set when the file is
        /// mostly UTF-8 with a few foreign bytes (two encodings pasted together).
        case invalidBytes(byte: UInt8, encoding: TextEncoding, mixed: Bool)
        /// A field opened with a quote that is never closed; `line` is where the quote opened.
        case unterminatedQuote(line: Int, offset: Int)
        /// A quote inside an unquoted field, or text after a closing quote.
        case strayQuote(line: Int, offset: Int, found: UInt8)
        case fieldTooLarge(limit: Int)
        /// A row with more fields than `CSVReader.Options.maximumFields`.
        case tooManyFields(limit: Int)
        case outOfMemory
    }

    /// The file as the user named it (e.g. `2012/export-2012.csv`).
    public var file: String
    public var kind: Kind
    /// Row (header = 1) and 1-based column where the problem is, when known.
    public var row: Int?
    public var column: Int?
    /// The header name of `column`, when the header was read already.
    public var columnName: String?

    public init(file: String, kind: Kind, row: Int? = nil, column: Int? = nil, columnName: String? = nil) {
        self.file = file
        self.kind = kind
        self.row = row
        self.column = column
        self.columnName = columnName
    }

    public var description: String {
        "\(file)\(place): \(problem)"
    }

    private var place: String {
        guard let row else { return "" }
        var text = ", row \(row)"
        if let column {
            text += ", column \(column)"
            if let columnName, !columnName.isEmpty { text += " (\"\(columnName)\")" }
        }
        return text
    }

    private var problem: String {
        switch kind {
        case .cannotOpen(let reason):
            return "cannot open the file: \(reason)"
        case .readFailed(let reason):
            return "reading failed: \(reason)"
        case .empty:
            return "the file is empty; expected a header row followed by one row per answer"
        case .utf16:
            return "the file is UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8\" or \"CSV (puntkomma-gescheiden)\""
        case .tabSeparated:
            return "the header row holds tabs but no \",\" or \";\"; expected a CSV file separated by \",\" or \";\""
        case .byteOrderMarkContradicts(let encoding):
            return "the file starts with a UTF-8 byte order mark, but the mapping says \(encoding.rawValue); set export.encoding to auto or utf-8"
        case .invalidBytes(let byte, let encoding, let mixed):
            let hex = "0x" + String(byte, radix: 16, uppercase: true)
            if mixed {
                return "byte \(hex) is not UTF-8, yet the rest of the file is UTF-8 (two encodings mixed); save the file again as CSV UTF-8"
            }
            switch encoding {
            case .utf8:
                return "byte \(hex) is not valid UTF-8; expected UTF-8 text (or set export.encoding to auto)"
            case .windows1252:
                return "byte \(hex) is not a character in Windows-1252 and the file is not UTF-8 either; expected text saved as CSV UTF-8 or by Excel as CSV"
            }
        case .unterminatedQuote(let line, let offset):
            return "a quoted field opened on line \(line) of the file (byte \(offset)) is never closed; expected a closing \" before the end of the file"
        case .strayQuote(let line, let offset, let found):
            let shown = found == 0x22 ? "a quote" : "\"\(Self.printable(found))\" after a closing quote"
            return "found \(shown) on line \(line) of the file (byte \(offset)); a field holding quotes must itself be quoted, with inner quotes doubled (\"like \"\"this\"\"\")"
        case .fieldTooLarge(let limit):
            return "a field is larger than \(limit / (1 << 20)) MB; a quote is probably not closed"
        case .tooManyFields(let limit):
            return "the row has more than \(limit) fields, while a spreadsheet holds at most 16384 columns; "
                + "expected a survey export separated by \",\" or \";\""
        case .outOfMemory:
            return "out of memory while reading a field"
        }
    }

    private static func printable(_ byte: UInt8) -> String {
        (0x20..<0x7F).contains(byte) ? String(UnicodeScalar(byte)) : "0x" + String(byte, radix: 16, uppercase: true)
    }
}
