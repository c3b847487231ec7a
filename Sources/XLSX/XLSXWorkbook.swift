import CXLSXWriter
import Foundation

/// An `.xlsx` workbook, written by libxlsxwriter (Debian's `libxlsxwriter-dev`): sheets of text
/// and numbers with a bold, frozen header row. Every text is written as a string cell, never as a
/// formula, so a value such as `=1+1` or `@SUM(A1)` shows as the text it is.
///
/// Deterministic: the same sheets and `created` give the same bytes (the document's creation
/// time is `created`, not the clock; libxlsxwriter dates the zip entries itself, at a fixed
/// date).
public enum XLSXWorkbook {
    public enum Cell: Sendable, Hashable {
        case text(String)
        case number(Double)
        case empty
    }

    public struct Sheet: Sendable {
        /// At most 31 characters, without `[]:*?/\`; longer names are cut, those characters replaced.
        public var name: String
        /// The first row is the header.
        public var rows: [[Cell]]
        /// Rows of text under the table (notes), after one empty row.
        public var notes: [String]

        public init(name: String, rows: [[Cell]], notes: [String] = []) {
            self.name = name
            self.rows = rows
            self.notes = notes
        }
    }

    public struct WriteError: Error, CustomStringConvertible {
        public let description: String
    }

    /// The text the sheets show, one line per sheet name, row (text cells, tab-separated) and
    /// note. A workbook is a zip archive, so a scan of its bytes sees none of its words: the
    /// site's personal-data scan reads this in its place.
    public static func text(_ sheets: [Sheet]) -> String {
        var lines: [String] = []
        for sheet in sheets {
            lines.append(sheet.name)
            for row in sheet.rows {
                lines.append(row.map { if case .text(let text) = $0 { text } else { "" } }.joined(separator: "\t"))
            }
            lines += sheet.notes
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The workbook's bytes. `created`: seconds since 1970 written as its creation time;
    /// `comments`: the document's comments property (where the site says what the data came from).
    public static func data(_ sheets: [Sheet], created: Int, comments: String? = nil) throws -> Data {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent(".meetlat-xlsx-\(getpid())-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        try write(sheets, created: created, comments: comments, to: file.path)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw WriteError(description: "\(file.path): the workbook written by libxlsxwriter cannot be read back")
        }
        return data
    }

    /// Serialises `workbook_close` (see there).
    private static let closing = NSLock()

    static func write(_ sheets: [Sheet], created: Int, comments: String? = nil, to path: String) throws {
        guard let workbook = workbook_new(path) else {
            throw WriteError(description: "\(path): libxlsxwriter cannot create the workbook")
        }
        var properties = lxw_doc_properties()
        properties.created = time_t(created)
        // libxlsxwriter copies the properties' strings.
        let comment = comments.map { strdup($0) } ?? nil
        defer { free(comment) }
        properties.comments = comment
        workbook_set_properties(workbook, &properties)
        let bold = workbook_add_format(workbook)
        format_set_bold(bold)
        let wrapped = workbook_add_format(workbook)
        format_set_text_wrap(wrapped)

        var used: Set<String> = []
        var failure: String?
        for sheet in sheets {
            let name = uniqueName(sheet.name, used: &used)
            guard let worksheet = workbook_add_worksheet(workbook, name) else {
                failure = "libxlsxwriter refused the sheet name '\(name)'"
                break
            }
            var widths: [Int] = []
            for (rowIndex, row) in sheet.rows.enumerated() {
                for (columnIndex, cell) in row.enumerated() {
                    let format = rowIndex == 0 ? bold : nil
                    let (r, c) = (lxw_row_t(rowIndex), lxw_col_t(columnIndex))
                    let error: lxw_error
                    switch cell {
                    case .text(let text):
                        error = worksheet_write_string(worksheet, r, c, text, format)
                        if columnIndex >= widths.count { widths += Array(repeating: 0, count: columnIndex - widths.count + 1) }
                        widths[columnIndex] = max(widths[columnIndex], text.count)
                    case .number(let value):
                        error = value.isFinite ? worksheet_write_number(worksheet, r, c, value, format)
                            : worksheet_write_string(worksheet, r, c, "–", format)
                    case .empty:
                        error = LXW_NO_ERROR
                    }
                    if error != LXW_NO_ERROR {
                        failure = "sheet '\(name)', row \(rowIndex + 1), column \(columnIndex + 1): \(String(cString: lxw_strerror(error)))"
                        break
                    }
                }
                if failure != nil { break }
            }
            if failure != nil { break }
            for (column, width) in widths.enumerated() {
                worksheet_set_column(worksheet, lxw_col_t(column), lxw_col_t(column), Double(min(max(width, 8), 60)) + 2, nil)
            }
            worksheet_freeze_panes(worksheet, 1, 0)
            var noteRow = sheet.rows.count + 1
            for note in sheet.notes {
                _ = worksheet_write_string(worksheet, lxw_row_t(noteRow), 0, note, nil)
                noteRow += 1
            }
        }
        // Closing writes the document properties, dated with gmtime(3), whose result is one
        // buffer for the whole process: workbooks closed at once (the site writes its editions
        // on all cores) could take each other's creation date. One close at a time.
        closing.lock()
        let closed = workbook_close(workbook)
        closing.unlock()
        if let failure { throw WriteError(description: "\(path): \(failure)") }
        if closed != LXW_NO_ERROR {
            throw WriteError(description: "\(path): libxlsxwriter could not write the workbook: \(String(cString: lxw_strerror(closed)))")
        }
    }

    /// A sheet name Excel accepts, unique in the workbook (case-insensitively, as Excel compares).
    static func uniqueName(_ wanted: String, used: inout Set<String>) -> String {
        let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
        var base = String(wanted.map { forbidden.contains($0) ? "-" : $0 }).trimmingCharacters(in: CharacterSet(charactersIn: "' "))
        if base.isEmpty { base = "Blad" }
        var name = String(base.prefix(31))
        var number = 2
        while used.contains(name.lowercased()) {
            let suffix = " (\(number))"
            name = String(base.prefix(31 - suffix.count)) + suffix
            number += 1
        }
        used.insert(name.lowercased())
        return name
    }
}
