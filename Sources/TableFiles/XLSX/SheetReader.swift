import CLibXML2
import Foundation
import Support

/// Streams one worksheet part: `<row>`s of `<c>` cells, each turned into text as it closes and
/// each row handed over as it ends. Only the row being read is held.
struct SheetReader {
    let archive: ZipArchive
    let part: String
    let sheetName: String
    let strings: [String]
    let styles: [CellStyle]
    let date1904: Bool
    let limits: TableLimits

    private(set) var headerRow: Int?
    private(set) var blankRows: [Int] = []
    private(set) var blankRowCount = 0
    private(set) var lastRow = 0
    private var headerCount = 0

    init(archive: ZipArchive, part: String, sheetName: String, strings: [String], styles: [CellStyle],
         date1904: Bool, limits: TableLimits) {
        self.archive = archive
        self.part = part
        self.sheetName = sheetName
        self.strings = strings
        self.styles = styles
        self.date1904 = date1904
        self.limits = limits
    }

    /// The cell being read.
    private struct Cell {
        var column = 0
        var type: String?
        var style = 0
        var text: [UInt8] = []
        var inline: [UInt8] = []
    }

    private func error(_ problem: String, row: Int? = nil, column: Int? = nil) -> TableFileError {
        TableFileError(file: archive.displayName, part: "sheet \"\(VisibleText.codePoints(sheetName))\"", row: row,
                       column: column.map(Self.letters), problem: problem)
    }

    /// `0` → `A`, `27` → `AB`.
    static func letters(_ column: Int) -> String {
        var number = column + 1
        var result = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            result = String(UnicodeScalar(UInt8(65 + remainder))) + result
            number = (number - 1) / 26
        }
        return result
    }

    /// Column (0-based) and row of a reference such as `AB12`; `nil` parts when absent.
    static func reference(_ pointer: UnsafePointer<xmlChar>) -> (column: Int?, row: Int?) {
        var column = 0, row = 0, letters = 0, digits = 0
        var p = pointer
        while p.pointee != 0 {
            let byte = p.pointee
            switch byte {
            case 65...90, 97...122:
                guard digits == 0 else { return (nil, nil) }
                column = column * 26 + Int((byte | 0x20) - 96)
                letters += 1
                if letters > 4 { return (Int.max, nil) }
            case 48...57:
                row = row * 10 + Int(byte - 48)
                digits += 1
                if digits > 8 { return (letters > 0 ? column - 1 : nil, Int.max) }
            case 36: break   // $ of an absolute reference
            default: return (nil, nil)
            }
            p += 1
        }
        return (letters > 0 ? column - 1 : nil, digits > 0 ? row : nil)
    }

    static func integer(_ pointer: UnsafePointer<xmlChar>) -> Int? {
        var value = 0, count = 0
        var p = pointer
        while p.pointee != 0 {
            guard (48...57).contains(p.pointee), count < 12 else { return nil }
            value = value * 10 + Int(p.pointee - 48)
            count += 1
            p += 1
        }
        return count > 0 ? value : nil
    }

    mutating func read(progressLabel: String?, header: (TableHeader) throws -> Void,
                       row deliver: (TableRow) throws -> Void) throws {
        let entry = try archive.open(part)
        let xml = try XMLStream(entry, displayName: archive.displayName)
        let progress = progressLabel.map { Support.Progress($0, total: Int(clamping: max(entry.claimedSize, 1))) }
        defer { progress?.finish() }
        let rowName = xml.intern("row"), cName = xml.intern("c"), vName = xml.intern("v"), tName = xml.intern("t")
        let isName = xml.intern("is"), rPhName = xml.intern("rPh"), sheetDataName = xml.intern("sheetData")
        let rAttribute = xml.intern("r"), tAttribute = xml.intern("t"), sAttribute = xml.intern("s")

        var rowNumber = 0
        var cells: [String] = []
        var types: [Int: CellType] = [:]
        var lastFilled = -1
        var cell = Cell()
        var inRow = false, inCell = false, inValue = false, inInline = false, inText = false, phonetic = 0
        var nextColumn = 0
        var steps = 0

        func finishRow() throws {
            inRow = false
            lastRow = max(lastRow, rowNumber)
            if lastFilled < 0 {
                if headerRow != nil { noteBlank(rowNumber) }
                return
            }
            if headerRow == nil {
                headerRow = rowNumber
                headerCount = lastFilled + 1
                try header(TableHeader(columns: cells.prefix(headerCount).map { TableColumn(name: $0) }, row: rowNumber))
                return
            }
            let width = max(headerCount, lastFilled + 1)
            if cells.count > width { cells.removeLast(cells.count - width) }
            while cells.count < width { cells.append("") }
            try deliver(TableRow(row: rowNumber, cells: cells, types: types))
        }

        func nextNode() throws(TableFileError) -> Bool {
            do {
                return try xml.next()
            } catch {
                var located = error
                if inRow, located.row == nil, located.part?.hasPrefix(part) == true {
                    located.part = "sheet \"\(VisibleText.codePoints(sheetName))\""
                    located.row = rowNumber
                    if inCell { located.column = Self.letters(cell.column) }
                }
                throw located
            }
        }

        while try nextNode() {
            steps += 1
            if steps & 0xFFF == 0 { progress?.update(Int(clamping: entry.total)) }
            switch xml.nodeType {
            case XMLStream.Node.element.rawValue:
                let name = xml.localName
                if name == cName && inRow {
                    cell = Cell(column: nextColumn)
                    var explicitColumn: Int?
                    xml.forEachAttribute { attribute, value in
                        if attribute == rAttribute {
                            explicitColumn = Self.reference(value).column ?? -1
                        } else if attribute == tAttribute {
                            cell.type = String(cString: value)
                        } else if attribute == sAttribute {
                            cell.style = Self.integer(value) ?? 0
                        }
                    }
                    if let explicitColumn {
                        guard explicitColumn >= 0, explicitColumn < XLSXReader.maximumColumns else {
                            throw error("a cell reference is not a column of a sheet (A to XFD)", row: rowNumber)
                        }
                        cell.column = explicitColumn
                    }
                    nextColumn = cell.column + 1
                    inCell = !xml.isEmptyElement
                } else if name == vName && inCell {
                    inValue = !xml.isEmptyElement
                } else if name == isName && inCell {
                    inInline = !xml.isEmptyElement
                } else if name == rPhName {
                    if !xml.isEmptyElement { phonetic += 1 }
                } else if name == tName && inInline && phonetic == 0 {
                    inText = !xml.isEmptyElement
                } else if name == rowName {
                    var explicitRow: Int?
                    xml.forEachAttribute { attribute, value in
                        if attribute == rAttribute { explicitRow = Self.integer(value) ?? -1 }
                    }
                    let number = explicitRow ?? rowNumber + 1
                    guard number > rowNumber, number <= XLSXReader.maximumRows else {
                        throw error(number <= rowNumber ? "row \(number) comes after row \(rowNumber); the rows of the sheet are out of order"
                                                        : "a row number is beyond Excel's last row (\(XLSXReader.maximumRows))",
                                    row: rowNumber + 1)
                    }
                    if headerRow != nil && number > rowNumber + 1 { noteBlank(rowNumber + 1, through: number - 1) }
                    rowNumber = number
                    cells.removeAll(keepingCapacity: true)
                    types = [:]
                    lastFilled = -1
                    nextColumn = 0
                    inRow = true
                    if xml.isEmptyElement { try finishRow() }
                }
            case XMLStream.Node.text.rawValue, XMLStream.Node.cdata.rawValue,
                 XMLStream.Node.whitespace.rawValue, XMLStream.Node.significantWhitespace.rawValue:
                if inValue {
                    xml.appendValue(to: &cell.text)
                } else if inText {
                    xml.appendValue(to: &cell.inline)
                } else {
                    continue
                }
                if cell.text.count + cell.inline.count > limits.maximumCellBytes {
                    throw error("the cell holds more than \(limits.maximumCellBytes >> 20) MB of text; no survey answer is that long",
                                row: rowNumber, column: cell.column)
                }
            case XMLStream.Node.endElement.rawValue:
                let name = xml.localName
                if name == vName {
                    inValue = false
                } else if name == tName {
                    inText = false
                } else if name == isName {
                    inInline = false
                } else if name == rPhName {
                    phonetic = max(0, phonetic - 1)
                } else if name == cName && inCell {
                    inCell = false
                    let (text, type) = try value(of: cell, row: rowNumber)
                    if !text.isEmpty || type != nil {
                        while cells.count <= cell.column { cells.append("") }
                        cells[cell.column] = text
                        if let type { types[cell.column] = type }
                        lastFilled = max(lastFilled, cell.column)
                    }
                } else if name == rowName && inRow {
                    try finishRow()
                } else if name == sheetDataName {
                    return
                }
            default:
                break
            }
        }
        if headerRow == nil {
            throw error("the sheet is empty; expected a header row followed by one row per answer")
        }
    }

    /// Counts rows `row` through `last` as blank and lists the first of them (a gap of a million
    /// rows costs no more than one).
    private mutating func noteBlank(_ row: Int, through last: Int? = nil) {
        let last = last ?? row
        blankRowCount += last - row + 1
        let room = TableSummary.blankRowsListed - blankRows.count
        if room > 0 { blankRows += row...min(last, row + room - 1) }
    }

    /// A closed cell's text and type, as `TableRow` documents.
    private func value(of cell: Cell, row: Int) throws -> (String, CellType?) {
        switch cell.type {
        case "s":
            guard let index = Int(String(decoding: cell.text, as: UTF8.self).trimmingCharacters(in: .whitespaces)) else {
                if cell.text.isEmpty { return ("", nil) }
                throw error("a shared-string cell holds no string number", row: row, column: cell.column)
            }
            guard index >= 0 && index < strings.count else {
                throw error("the cell refers to shared string \(index + 1), but the workbook has \(strings.count); the file is damaged",
                            row: row, column: cell.column)
            }
            return (strings[index], nil)
        case "inlineStr":
            return (OOXMLText.decode(cell.inline.isEmpty ? cell.text : cell.inline), nil)
        case "str", "e":
            return (OOXMLText.decode(cell.text), nil)
        case "b":
            let text = String(decoding: cell.text, as: UTF8.self).trimmingCharacters(in: .whitespaces).lowercased()
            if text.isEmpty { return ("", nil) }
            return (text == "1" || text == "true" ? "1" : "0", nil)
        case "d":
            let text = String(decoding: cell.text, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if let iso = Self.isoDate(text) { return (iso, .timestamp) }
            return (text, nil)
        default:
            let text = String(decoding: cell.text, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return ("", nil) }
            guard let number = Double(text) else { return (text, nil) }
            let kind = cell.style >= 0 && cell.style < styles.count ? styles[cell.style].kind : .general
            switch kind {
            case .general: return (CellText.number(number), nil)
            case .percentage: return (CellText.percentage(number), nil)
            case .date:
                if let iso = ExcelDate.iso8601(serial: number, date1904: date1904) { return (iso, .timestamp) }
                return (CellText.number(number), nil)
            case .time:
                if number >= 0 && number < 1 {
                    let seconds = Int((number * 86_400).rounded())
                    return (CivilDate.clock(min(seconds, 86_399)), nil)
                }
                if let iso = ExcelDate.iso8601(serial: number, date1904: date1904) { return (iso, .timestamp) }
                return (CellText.number(number), nil)
            }
        }
    }

    /// `t="d"` cells hold ISO 8601 text: `2012-05-14T09:31:00` (fractions and a zone dropped),
    /// or a date alone.
    static func isoDate(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for index in range {
                guard (48...57).contains(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - 48)
            }
            return value
        }
        guard let year = digits(0..<4), bytes.count >= 10, bytes[4] == 45, bytes[7] == 45,
              let month = digits(5..<7), let day = digits(8..<10), (1...12).contains(month), (1...31).contains(day) else { return nil }
        var seconds = 0
        if bytes.count >= 16, bytes[10] == 84 || bytes[10] == 32, let hour = digits(11..<13), bytes[13] == 58, let minute = digits(14..<16) {
            seconds = hour * 3600 + minute * 60
            if bytes.count >= 19, bytes[16] == 58, let second = digits(17..<19) { seconds += second }
        } else if bytes.count != 10 {
            return nil
        }
        return CivilDate.iso8601(secondsSince1970: CivilDate.days(year: year, month: month, day: day) * 86_400 + seconds)
    }
}

/// Excel's serial dates: days since 1899-12-30 (1900 system, with Lotus's phantom 29 February
/// 1900: serials before 60 are one day off) or since 1904-01-01 (1904 system), the fraction
/// being the time of day. Rounded to the second.
enum ExcelDate {
    static func iso8601(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var seconds = Int((serial * 86_400).rounded())
        if !date1904 && serial < 60 { seconds += 86_400 }
        let base = date1904 ? CivilDate.days(year: 1904, month: 1, day: 1) : CivilDate.days(year: 1899, month: 12, day: 30)
        return CivilDate.iso8601(secondsSince1970: base * 86_400 + seconds)
    }
}
